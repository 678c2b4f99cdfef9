// Programs started from the code: child_process exec/execSync/spawn/spawnSync/execFile/fork,
// Bun.spawn, execa and cross-spawn, in every spelling bundlers leave (`(0, cp.spawn)(…)`,
// `promisify(exec)`, `spawn.call(null, …)`, webpack's `n(123).spawn`). The command is evidence
// when it is spelled out; a shell running a command computed at run time is the risky shape.
import { calledMethod, calleeOf, constantTruth, descendants, isFunction, memberPath, propertyKeyName, propertyName, returnedExpression, staticString, unwrapChain, type FunctionNode, type Node, type Parameter } from '../js/ast';
import { bindsWithin, callsSpelled, everyUse, keepsOwnField, mentionsArguments } from '../js/nameUses';
import { argumentsOf, calleeRefOf, refName, type ModuleRef } from '../js/modules';
import { shellScript } from '../shell/commands';
import { isParameterOf, isPlaceholder, MODULE, reachingValues, settledValue, settledValueAt, settledValuesAt, unchangedParameters, type ModuleIndex } from '../js/moduleIndex';
import { charCodeText, constantTexts, IN_PLACE_METHODS, readOnlyList } from '../js/constantText';
import { constructorFunction } from '../js/callgraph';
import { escapeRegExp } from '../catalog/keywords';
import { argumentGiven, CALL_DEPTH, type Mark } from '../js/flow';
import { moduleDerivation } from '../js/derivation';
import { MAX_CALLERS, type CallStep } from '../js/callgraph';
import type { ModuleAnalysis, Rule, RuleContext } from './types';
import type { StarterSummary } from '../model';
import { exportNamesOf } from '../js/exportNames';
import { buildsText } from '../js/carriers';
import { EQUALITY, spelledText } from './util/paths';
import { handsShellText, isInlineCodeOption, isPtyPackage, isShellCommandOption, lineComputed, processCall, programName, SHELL_PROGRAMS, startsComputed } from './util/process';
import { contextAt } from './util/contextAt';

const BUN_SPAWN = new Set(['Bun.spawn', 'Bun.spawnSync']);

/**
 * Whether the options argument turns a shell on: `{shell: true}` (or a shell path), a value
 * computed at run time (it may be true), or a name or property whose values are known only
 * after the walk (`{shell: options.shell}` in a wrapper, `{shell}` destructured from its
 * options): that value, settled by settledShell once every caller is known.
 */
function shellOption(args: readonly Node[], ctx: RuleContext): boolean | Node {
  for (const a of args) {
    for (const o of optionObjects(a, ctx)) {
      const found = shellIn(o, args, a, ctx);
      if (found !== false) return found;
    }
  }
  return false;
}

/**
 * The options objects an argument is: written there, or a local name given object literals
 * before the call (`spawnOptions = { shell: shellToUse, env }` in one branch), each as written.
 */
function optionObjects(a: Node, ctx: RuleContext): Array<Node & { type: 'ObjectExpression' }> {
  const o = unwrapChain(a);
  if (o.type === 'ObjectExpression') return [o];
  if (o.type !== 'Identifier') return [];
  const values = ctx.analysis().index.binding(o.name, ctx.functionIndex())?.values ?? [];
  const objects = values.map(v => unwrapChain(v.node)).filter((v): v is Node & { type: 'ObjectExpression' } => v.type === 'ObjectExpression' && v.start < a.start);
  return objects.length === values.length ? objects : [];
}

/** What the `shell` property of one options object says (see shellOption); false when it has none. */
function shellIn(o: Node & { type: 'ObjectExpression' }, args: readonly Node[], a: Node, ctx: RuleContext): boolean | Node {
  for (const p of o.properties) {
    if (p.type !== 'Property' || propertyKeyName(p) !== 'shell') continue;
    let v = unwrapChain(p.value as Node);
    // `shell: t.shell ? true : undefined`: on exactly when the test is.
    if (v.type === 'ConditionalExpression' && constantTruth(unwrapChain(v.consequent)) === true && constantTruth(unwrapChain(v.alternate)) === false) v = unwrapChain(v.test as Node);
    if (v.type === 'Literal') return !!v.value;
    // A shell only on Windows, for the .cmd/.bat wrapper of a program started with an
    // argument list (`shell: isWindows`): that program, not a command line, is what runs.
    if (isWindowsTest(v, ctx) && argumentListGiven(args, a)) return false;
    if (v.type === 'Identifier' || (v.type === 'MemberExpression' && unwrapChain(v.object as Node).type !== 'ThisExpression')) return v;
    // `!0` is how minifiers write true; anything computed may be true.
    return !(v.type === 'UnaryExpression' && v.operator === '!' && v.argument.type === 'Literal' && v.argument.value);
  }
  return false;
}

/** `spawn(program, list, options)`: an argument list (written out or not) comes before the options. */
function argumentListGiven(args: readonly Node[], options: Node): boolean {
  const second = args[1] && unwrapChain(args[1]);
  return second?.type === 'ArrayExpression' || (args.indexOf(options) === 2 && second?.type !== 'Literal');
}

const WINDOWS_TEST = /platform(?:\(\))?\s*===?\s*["']win32["']|["']win32["']\s*===?\s*(?:\S+\.)?platform\b/;

/**
 * A test true only on Windows: `platform === "win32"`, or an `&&` with one at either side
 * (`isWin && /\.(cmd|bat)$/.test(c)`, `win32 && (c.endsWith(".cmd") || c.endsWith(".bat"))`).
 * Never its negation, nor an `||` around it (true elsewhere too). Also a test of a name for a
 * batch file alone (`/\.(cmd|bat)$/i.test(file)`): true for any `x.cmd` on any system, but what
 * it turns on is the shell for a batch wrapper given an argument list, as the Windows test does.
 */
function holdsWindowsTest(n: Node | undefined, text: string): boolean {
  if (!n) return false;
  const node = unwrapChain(n);
  // `/\.(cmd|bat)$/i.test(file)`: the shell only for a Windows batch wrapper, as with the platform test.
  if (testsBatchName(node)) return true;
  if (node.type === 'LogicalExpression') return node.operator === '&&' && (holdsWindowsTest(node.left, text) || holdsWindowsTest(node.right, text));
  if (node.type !== 'BinaryExpression' || (node.operator !== '===' && node.operator !== '==') || node.end - node.start > 120) return false;
  return WINDOWS_TEST.test(text.slice(node.start, node.end));
}

/** `/\.(cmd|bat)$/i.test(x)`: whether a name ends like a Windows batch file (`.cmd`, `.bat`). */
function testsBatchName(node: Node): boolean {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return false;
  const callee = unwrapChain(node.callee as Node);
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'test') return false;
  const regex = (unwrapChain(callee.object as Node) as { regex?: { pattern: string } }).regex;
  return !!regex && /cmd/i.test(regex.pattern) && /bat/i.test(regex.pattern) && regex.pattern.endsWith('$') && !/[*+]/.test(regex.pattern.replace(/\\./g, ''));
}

/**
 * A value that is true only on Windows: `process.platform === "win32"` (with `&&` more
 * conditions), a name bound to one, or a same-module helper returning one
 * (`shouldRunThroughShell(cmd)`: `platform === "win32" && /\.(cmd|bat)$/.test(cmd)`).
 */
function isWindowsTest(v: Node, ctx: RuleContext, depth = 0): boolean {
  const value = unwrapChain(v);
  if (holdsWindowsTest(value, ctx.text)) return true;
  if (depth > 2) return false;
  if (value.type === 'Identifier') {
    const bound = ctx.resolve(value);
    return !!bound && isWindowsTest(bound, ctx, depth + 1);
  }
  if (value.type !== 'CallExpression') return false;
  const callee = unwrapChain(value.callee as Node);
  const helper = callee.type === 'Identifier' ? ctx.resolve(callee) : undefined;
  if (isFunction(helper)) return windowsOnlyFunction(helper, ctx.text);
  // `this.shouldUseWindowsShell(cmd)`: a method of the class, or another same-module function the call graph knows.
  const known = ctx.analysis().graph.calleeOf(value, ctx.functionIndex());
  return known !== undefined && windowsOnlyFunction(ctx.analysis().index.functions[known].node, ctx.text);
}

/**
 * The tests the branches around the end of `path` (the walk's path down to a call) say are false
 * there, as written: the test of a choice or `if` whose other side holds it, the left of an `||`
 * whose right holds it, `x` of a `!x` whose true side holds it. Up to the function around it.
 */
function falseAt(path: readonly Node[], text: string): Set<string> {
  const out = new Set<string>();
  const add = (test: Node, truth: boolean) => {
    const t = unwrapChain(test);
    if (t.type === 'UnaryExpression' && t.operator === '!') return add(t.argument as Node, !truth);
    if (!truth && t.end - t.start <= 200) out.add(text.slice(t.start, t.end));
  };
  for (let i = path.length - 1; i > 0; i--) {
    const parent = path[i - 1];
    const child = path[i];
    if (isFunction(parent)) break;
    if (parent.type === 'ConditionalExpression' || parent.type === 'IfStatement') {
      if (child === parent.alternate) add(parent.test as Node, false);
      else if (child === parent.consequent) add(parent.test as Node, true);
    } else if (parent.type === 'LogicalExpression' && child === parent.right && parent.operator === '||') add(parent.left as Node, false);
  }
  return out;
}

const NOT_WINDOWS_TEST = /platform(?:\(\))?\s*!==?\s*["']win32["']|["']win32["']\s*!==?\s*(?:\S+\.)?platform\b/;

/**
 * A function true only on Windows: it returns a Windows test (`platform === "win32" && …`), or
 * it first leaves with false everywhere else (`if (process.platform !== "win32") return false;`)
 * and only then decides (pi's `shouldUseWindowsShell`).
 */
function windowsOnlyFunction(fn: FunctionNode, text: string): boolean {
  if (holdsWindowsTest(returnedExpression(fn), text)) return true;
  if (fn.body.type !== 'BlockStatement') return false;
  const first = fn.body.body[0] as Node | undefined;
  if (first?.type !== 'IfStatement' || first.alternate) return false;
  const test = unwrapChain(first.test as Node);
  if (test.type !== 'BinaryExpression' || test.end - test.start > 120 || !NOT_WINDOWS_TEST.test(text.slice(test.start, test.end))) return false;
  const exit = first.consequent.type === 'BlockStatement' && first.consequent.body.length === 1 ? first.consequent.body[0] : first.consequent;
  return exit.type === 'ReturnStatement' && (!exit.argument || constantTruth(exit.argument as Node) === false);
}

/** What a value given as the shell option can be: on, off (false, undefined, not given), on only on Windows, or unknown. */
type ShellValue = 'on' | 'off' | 'windows' | 'unknown';

/**
 * A shell option passed on (`{shell: options.shell}`), settled after the walk from every value
 * that reaches it: the callers' options objects, their properties, the helpers they call. On
 * when any value may turn it on or is unknown (nothing found at all counts as unknown), on
 * only on Windows when each value is a Windows test or off (a shell only for the .cmd wrapper
 * of a program given an argument list: no command line), off when every value is off
 * (`exec("tput", ["cols"], {env})` never sets the `shell` a wrapper destructures).
 */
function settledShell(value: Node, fn: number, listGiven: boolean, ctx: RuleContext, how: { path?: readonly string[]; stopAt?: number; options?: boolean } = {}): boolean {
  const analysis = ctx.analysis();
  // `stopAt`: what that function's callers give is not asked (off), only what it writes itself.
  // `options`: a whole options object passed on (execa's): one that cannot be read sets no shell
  // (most set none); a `shell` value written in one that cannot be read may still be on.
  const mark: Mark<ShellValue> = (node, at, path) => {
    if (node.type === 'Parameter' && how.stopAt !== undefined && analysis.index.functionOf(node.fn) === how.stopAt) return 'off';
    // `shell: t.shell ? true : undefined`: on exactly when the test is, so what the test holds.
    if (path.length === 0 && node.type === 'ConditionalExpression' && constantTruth(unwrapChain(node.consequent)) === true && constantTruth(unwrapChain(node.alternate)) === false) {
      const kinds = new Set(analysis.flow.origins(node.test as Node, at, mark, CALL_DEPTH).map(r => r.mark));
      return kinds.size === 0 || kinds.has('unknown') ? 'unknown' : kinds.has('on') ? 'on' : kinds.has('windows') ? 'windows' : 'off';
    }
    const v = shellValueOf(node, at, path, analysis, ctx.text);
    return how.options && v === 'unknown' && path.length > 0 ? 'off' : v;
  };
  const reached = analysis.flow.origins(value, fn, mark, CALL_DEPTH, how.path);
  if (reached.length === 0) return !how.options;
  const kinds = new Set(reached.map(r => r.mark));
  if (kinds.has('on') || kinds.has('unknown')) return true;
  return kinds.has('windows') && !listGiven;
}

/**
 * The mark of a value on its way to a shell option, or undefined to follow it further. Every
 * value flow would drop without an answer (a parameter no call gives, a global, a call of an
 * unknown function, `this`) is unknown; an options object without the property is off.
 */
function shellValueOf(node: Node, fn: number, path: readonly string[], analysis: ModuleAnalysis, text: string): ShellValue | undefined {
  if (path.length === 0) {
    if (holdsWindowsTest(node, text)) return 'windows';
    if (node.type === 'Literal') return node.value ? 'on' : 'off';
    if (node.type === 'TemplateLiteral') return 'on';
    if (node.type === 'UnaryExpression') {
      if (node.operator === 'void') return 'off';
      return node.operator === '!' && node.argument.type === 'Literal' ? (node.argument.value ? 'off' : 'on') : 'unknown';
    }
    if (node.type === 'CallExpression') {
      const callee = analysis.graph.calleeOf(node, fn);
      if (callee !== undefined && windowsOnlyFunction(analysis.index.functions[callee].node, text)) return 'windows';
    }
  }
  switch (node.type) {
    case 'Identifier': {
      const bound = analysis.index.binding(node.name, fn);
      if (!bound) return node.name === 'undefined' ? 'off' : 'unknown';
      return bound.values.length || bound.appended?.length || bound.history?.length ? undefined : 'unknown';
    }
    case 'Parameter': {
      const f = analysis.index.functionOf(node.fn);
      return node.default || (f !== undefined && analysis.graph.callersOf(f).length > 0) ? undefined : 'unknown';
    }
    case 'ArrayExpression':
    case 'Literal':
    case 'TemplateLiteral':
      // An argument list or a string given where options may be: no `shell` property.
      return path.length ? 'off' : 'unknown';
    case 'UnaryExpression':
      // A helper's `return void 0` (nothing to start): no object, so no `shell` set.
      return node.operator === 'void' ? 'off' : 'unknown';
    case 'ObjectExpression': {
      const key = path[0];
      if (key === undefined || key === '*') return undefined;
      const mayHold = node.properties.some(p => p.type === 'SpreadElement' || (p.computed ? propertyKeyName(p) === undefined : false) || propertyKeyName(p) === key);
      return mayHold ? undefined : 'off';
    }
    case 'MemberExpression':
      return unwrapChain(node.object as Node).type === 'ThisExpression' ? 'unknown' : undefined;
    case 'CallExpression':
    case 'NewExpression':
      // A same-module helper's returns, or what a Node function makes its result of
      // (`fileURLToPath(shell)`: the shell given, as a path), are followed.
      return analysis.graph.target(node, fn) || moduleDerivation(analysis.index)(node, fn) ? undefined : 'unknown';
    case 'PropertyOf':
    case 'ChainExpression':
    case 'ParenthesizedExpression':
    case 'SequenceExpression':
    case 'ConditionalExpression':
    case 'LogicalExpression':
    case 'AssignmentExpression':
    case 'SpreadElement':
    case 'AwaitExpression':
      return undefined;
    default:
      return 'unknown';
  }
}

/**
 * What runs, as spelled out: one string, or one per branch when the code picks between
 * commands (`win ? \`where.exe ${c}\` : \`command -v ${c}\``, also returned by a small
 * same-module helper). Undefined when nothing is spelled out.
 */
function commandsOf(args: readonly Node[], ctx: RuleContext, call: Node): string[] | undefined {
  const first = args[0];
  if (!first) return undefined;
  const rest = spelledArguments(args[1]);
  const heads = headsOf(unwrapChain(first), ctx, call);
  return heads && heads.map(h => [h, ...rest].join(' '));
}

function headsOf(node: Node, ctx: RuleContext, call: Node): string[] | undefined {
  if (node.type === 'ConditionalExpression') {
    // `K === "darwin" ? "open ." : "xdg-open ."` with `const K = "linux"`: the branch taken,
    // known after the walk (lineShapes), where a choice left unspelled here is read again.
    const decided = testNow(node.test as Node);
    if (decided === 'later') return undefined;
    if (decided !== undefined) return headsOf(unwrapChain(decided ? node.consequent : node.alternate), ctx, call);
    const a = headsOf(unwrapChain(node.consequent), ctx, call);
    const b = headsOf(unwrapChain(node.alternate), ctx, call);
    return a && b ? [...new Set([...a, ...b])] : undefined;
  }
  const spelled = spelledText(node, ctx);
  if (spelled !== undefined) return [spelled];
  return node.type === 'CallExpression' ? helperReturns(node, ctx, call) : undefined;
}

/**
 * The commands a same-module helper returns (`getCommandExistsCmd(cmd)`), when it is already
 * walked and returns only literals, templates or a choice of those. Names inside it are not
 * resolved from here (they belong to its scope): each becomes `*`.
 */
function helperReturns(node: Node, ctx: RuleContext, call: Node): string[] | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const analysis = ctx.analysis();
  const fn = analysis.graph.calleeOf(node, ctx.functionIndex());
  const record = fn === undefined ? undefined : analysis.index.functions[fn];
  if (!record || record.end > call.start || record.returns.length === 0 || record.returns.length > 3) return undefined;
  const out: string[] = [];
  for (const r of record.returns) {
    const shapes = shapeOf(unwrapChain(r));
    if (!shapes) return undefined;
    out.push(...shapes);
  }
  return [...new Set(out)];
}

function shapeOf(node: Node): string[] | undefined {
  const literal = staticString(node);
  if (literal !== undefined) return [literal];
  if (node.type === 'TemplateLiteral') return [node.quasis.map(q => q.value.cooked ?? '').join('*')];
  // `"codesign --remove-signature " + path`: written text, `*` for each computed part, as a template.
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const parts: string[] = [];
    const add = (n: Node): void => {
      const u = unwrapChain(n);
      if (u.type === 'BinaryExpression' && u.operator === '+') {
        add(u.left as Node);
        add(u.right);
      } else parts.push(staticString(u) ?? '*');
    };
    add(node);
    return parts.length <= 16 ? [parts.join('').replace(/\*+/g, '*')] : undefined;
  }
  if (node.type === 'ConditionalExpression') {
    const a = shapeOf(unwrapChain(node.consequent));
    const b = shapeOf(unwrapChain(node.alternate));
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

/** An argument array as written (`["install", "-g", name]` gives install -g *); [] for anything else. */
function spelledArguments(node: Node | undefined, decoded?: (n: Node) => string | undefined): string[] {
  const list = node && unwrapChain(node);
  return list?.type === 'ArrayExpression' ? list.elements.map(e => (e && e.type !== 'SpreadElement' && decoded?.(e)) || spelledElement(e)) : [];
}

/**
 * The spelled commands with the arguments a string decoder hides (`execFile("osascript", ["-e",
 * _$d("…")])`) put back: known only once the module's values are decoded, after the walk.
 */
function withDecodedArguments(commands: string[] | undefined, list: Node | undefined, analysis: ModuleAnalysis): string[] | undefined {
  if (!commands || !list || unwrapChain(list).type !== 'ArrayExpression') return commands;
  const before = spelledArguments(list).join(' ');
  const after = spelledArguments(list, n => analysis.decodedString(n)).join(' ');
  if (before === after) return commands;
  return commands.map(c => (c.endsWith(before) ? c.slice(0, c.length - before.length) + after : c));
}

/** An element of a written argument list as text, `*` for a computed one or a spread. */
function spelledElement(e: Node | null): string {
  return (e && e.type !== 'SpreadElement' ? staticString(e) : undefined) ?? '*';
}

/**
 * The argument list a call gives, read after the walk: a name the function binds once to a
 * written list stands for that list (`const params = ["-axo", "pid"]; execSafe("ps", params)`).
 */
function writtenList(node: Node | undefined, fn: number, index: ModuleIndex): Node | undefined {
  const list = node && unwrapChain(node);
  if (list?.type !== 'Identifier') return node;
  const value = settledValueAt(index, list.name, fn, list.start);
  return value && unwrapChain(value.node).type === 'ArrayExpression' ? value.node : node;
}

/** The spelled arguments of a list read after the walk, a spread of a name bound once to a written list spelled too (`[...PLUTIL_ARGS, file]`). */
function argumentsAfterWalk(node: Node | undefined, fn: number, index: ModuleIndex): string[] {
  const list = writtenList(node, fn, index);
  const array = list && unwrapChain(list);
  if (array?.type !== 'ArrayExpression') return spelledArguments(list);
  return array.elements.flatMap(e => {
    if (e?.type !== 'SpreadElement') return [spelledElement(e)];
    const spread = writtenList(e.argument as Node, fn, index);
    const inner = spread && unwrapChain(spread);
    return inner?.type === 'ArrayExpression' && inner !== array ? inner.elements.map(spelledElement) : ['*'];
  });
}

/** The elements of an argument array (`["install", "-g", name]`). */
function argumentList(node: Node | undefined, ctx: RuleContext): Node[] {
  const list = node && unwrapChain(node);
  if (!list || list.type === 'Literal' || list.type === 'ObjectExpression' || isFunction(list)) return [];
  // `spawn(cmd, opts)` with `opts = {…}`: the options, not a list.
  if (list.type === 'Identifier' && ctx.resolve(list)?.type === 'ObjectExpression') return [];
  // A list made elsewhere (`const [cmd, args] = installCommand(v)`): the list, whose elements value flow reads.
  if (list.type !== 'ArrayExpression') return [list];
  return list.elements.flatMap(e => (!e ? [] : e.type === 'SpreadElement' ? [e.argument] : [e]));
}

interface ProcessCall {
  node: Node;
  call: string;
  shell: boolean;
  /** The shell option's value when it is passed on from elsewhere: `shell` is settled from it after the walk. */
  shellFrom?: { value: Node; listGiven: boolean };
  /** A wrapper's call that runs a shell whatever its own callers give (exec inside, or `{shell: true}` on the way). */
  shellFixed?: boolean;
  args: readonly Node[];
  /** The function the call is in. */
  fn: number;
  /** The command when static decoding found it (a string table's `_$d("…")`). */
  decoded?: { commands: string[]; recipe: string };
  /**
   * For a call of a same-module wrapper: the process call inside it (`inner`, its call named
   * `base`), the wrapper calls the command passed through on the way, and its commands spelled here.
   */
  via?: { inner: Node; base: string; through: Node[]; commands?: string[] };
  /** The command is one line a shell's syntax splits, its values quoted (Bun Shell): a computed command after a separator is a computed program. */
  shellSyntax?: boolean;
  /** `args[0]` is the whole command as a list, program first (`Bun.spawn(cmd)`, a wrapper's `cmd` list passed on). */
  listForm?: boolean;
  /** The folder a Bun Shell line runs in, given after it (`$\`tar -xf ${a}\`.quiet().cwd(dir)`). */
  cwd?: Node;
  /** A call by a bare name, and the scope that bound it where the walk met it (a `const` declared later in its function may hide it). */
  byName?: { name: string; fn: number; scope: number | undefined };
  /** For a wrapper's call: what its caller gives the wrapper's option parameters (execa's options, passed on from level to level). */
  options?: readonly Node[];
  /** The commands when the program is a name bound once to a choice of literals (known after the walk). */
  chosen?: string[];
  /**
   * The commands as spelled at the call, read while the walk is there: names resolve by walk
   * position, so a call reported after the walk must not spell them again.
   */
  spelled?: string[];
  /**
   * For a call of a function another module of the program exports that starts a process with
   * what it is given: the start inside it (`child_process.spawn`), as the wrappers around this
   * call name it.
   */
  importedBase?: string;
}


/**
 * The command lines a shell started as a program is given (`spawn("bash", ["-c", cmd])`,
 * `spawn(shell, ["-c", cmd])` with the shell chosen at run time, or one per platform:
 * `spawn(win ? "cmd.exe" : "sh", win ? ["/c", cmd] : ["-c", cmd])`): a shell command like
 * exec's. Undefined for any other start.
 */
function inlineShellCommands(args: readonly Node[], followed?: { analysis: ModuleAnalysis; fn: number }): Node[] | undefined {
  const programs = args[0] && choices(unwrapChain(args[0]));
  let lists = args[1] && choices(unwrapChain(args[1]));
  if (!programs || !lists) return undefined;
  // After the walk, a list kept in a name or an object a helper returns (`{executable: sh, args:
  // ["-l", "-c", cmd]}`) is followed to the lists written for it.
  // Only lists made here or in what this function calls: a wrapper's list from one of its
  // callers would be paired with another caller's program.
  // Each list with the function it is written in, where the names in it are read.
  let placed = lists.map(node => ({ node, fn: followed?.fn ?? -1 }));
  if (followed && lists.some(l => l.type !== 'ArrayExpression')) {
    const here = (l: Node) => followed.analysis.flow.origins(l, followed.fn, n => (n.type === 'ArrayExpression' ? n : undefined)).filter(r => onlyInward(r.calls, followed.fn, followed.analysis.index)).map(r => ({ node: r.mark, fn: r.fn }));
    const written = placed.flatMap(l => (l.node.type === 'ArrayExpression' ? [l] : here(l.node)));
    if (written.length) placed = written.filter((l, i) => written.findIndex(o => o.node === l.node) === i);
  }
  // `[...argsPrefix, cmd]` with `argsPrefix` a list a helper returns per shell (`["-c"]`, `["/d", "/s", "/c"]`):
  // one list per list written for it, its elements in place of the spread (read in the list's own
  // function: a helper may build it, `{ program, args: [...argsPrefix, cmd] }`, Gemini's shell tool).
  lists = followed ? placed.flatMap(l => withLeadingSpread(l.node, followed.analysis, l.fn)) : placed.map(l => l.node);
  // script(1) runs its command under a pseudo-terminal through a shell.
  if (programs.every(p => programName(staticString(p) ?? '') === 'script')) {
    const lines = lists.flatMap(list => (list.type === 'ArrayExpression' ? scriptCommandLine(list) : undefined) ?? []);
    return lines.length ? lines : undefined;
  }
  // A program spelled out must be a shell (`git -c …` is not); one chosen at run time may be.
  if (programs.some(p => { const name = staticString(p); return name !== undefined && !SHELL_PROGRAMS.has(programName(name)); })) return undefined;
  // A shell is named (`cmd.exe`, or `process.env.ComSpec ?? "cmd.exe"`): its own options may come first.
  const spelled = programs.every(p => staticString(p) !== undefined) || programs.some(namesShell);
  const lines = lists.flatMap(list => {
    const line = list.type === 'ArrayExpression' ? commandLineIn(list, spelled) : undefined;
    // A program chosen at run time given `-c key=value` is not a shell: `git -c core.hooksPath=/dev/null`.
    return line && (spelled || !isOptionPair(line)) ? [line] : [];
  });
  return lines.length ? lines : undefined;
}

/** A list that starts by spreading another, once per list written for that one (followed into what this function calls); any other list as it is. */
function withLeadingSpread(list: Node, analysis: ModuleAnalysis, fn: number): Node[] {
  const first = list.type === 'ArrayExpression' ? list.elements[0] : undefined;
  if (list.type !== 'ArrayExpression' || first?.type !== 'SpreadElement') return [list];
  const written = analysis.flow.origins(first.argument as Node, fn, n => (n.type === 'ArrayExpression' && n !== list ? n : undefined)).filter(r => onlyInward(r.calls, fn, analysis.index)).map(r => r.mark);
  if (written.length === 0) return [list];
  return [...new Set(written)].slice(0, MAX_SHAPES).map(inner => ({ ...list, elements: [...inner.elements, ...list.elements.slice(1)] }) as Node);
}

/**
 * The command line script(1) hands to a shell: util-linux's `script -q -e -c CMD FILE` (also
 * `-qec CMD`, `--command CMD`), or the BSD form `script -q FILE /bin/sh -c CMD`.
 */
function scriptCommandLine(list: Extract<Node, { type: 'ArrayExpression' }>): Node[] | undefined {
  const words = list.elements.map(e => (e && e.type !== 'SpreadElement' ? staticString(e) : undefined));
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i];
    if (w === undefined) continue;
    const option = /^-[a-z]*c$/i.test(w) || w === '--command';
    const shell = SHELL_PROGRAMS.has(programName(w)) && words[i + 1] === '-c';
    const at = option ? i + 1 : shell ? i + 2 : -1;
    const line = at > 0 ? list.elements[at] : undefined;
    if (line && line.type !== 'SpreadElement') return [line as Node];
  }
  return undefined;
}

/**
 * Whether a value's way passed only into functions called (their returns), never out to a
 * caller's arguments. Stricter than flow's stepWays, which takes a step that starts in neither
 * the function the way is in nor one entered as going in: here that step is no answer.
 */
function onlyInward(calls: readonly CallStep[], fn: number, index: ModuleIndex): boolean {
  let at = fn;
  const entered: number[] = [];
  for (const step of calls) {
    // Back out of the functions entered when the step starts in an outer one.
    while (step.fn !== at && entered.length) at = entered.pop()!;
    // A closure reads its enclosing function's names (`new Promise(r => spawn(cmd, args))` with
    // `{cmd, args} = pick()` outside it): a call there is made before the closure runs.
    if (step.fn !== at && at === fn && encloses(index, step.fn, fn)) at = step.fn;
    if (step.fn !== at) return false;
    entered.push(at);
    at = step.callee;
  }
  return true;
}

/** Whether function `outer` (MODULE included) holds function `inner`. */
function encloses(index: ModuleIndex, outer: number, inner: number): boolean {
  if (inner === MODULE) return false;
  for (let f = index.functions[inner].parent; f !== MODULE; f = index.functions[f].parent) if (f === outer) return true;
  return outer === MODULE;
}

/**
 * `core.hooksPath=/dev/null`, `${key}=${value}`: a name and a value with no space in the fixed
 * text, what `git -c` takes. As a shell's command line it would run nothing (an assignment).
 */
function isOptionPair(line: Node): boolean {
  const text = staticString(line);
  if (text !== undefined) return /^[\w.-]+=\S*$/.test(text);
  if (line.type !== 'TemplateLiteral') return false;
  const fixed = line.quasis.map(q => q.value.cooked ?? q.value.raw);
  // The name before `=` (what is fixed of it) is a config key: `core.sshCommand=${v}`.
  return fixed.some(f => f.includes('=')) && !fixed.some(f => /\s/.test(f)) && /^[\w.-]*$/.test(fixed[0].split('=')[0]);
}

/** A program value that names a shell as one of its alternatives (`env.ComSpec ?? "cmd.exe"`, `w ? "cmd" : sh`). */
function namesShell(node: Node, depth = 0): boolean {
  const n = unwrapChain(node);
  const name = staticString(n);
  if (name !== undefined) return SHELL_PROGRAMS.has(programName(name));
  if (depth > 3) return false;
  if (n.type === 'LogicalExpression') return namesShell(n.left as Node, depth + 1) || namesShell(n.right, depth + 1);
  if (n.type === 'ConditionalExpression') return namesShell(n.consequent, depth + 1) || namesShell(n.alternate, depth + 1);
  return false;
}

/** `$\`…\`.quiet().cwd(dir)`: the folder given to the line being visited, through the methods chained after it. */
function shellCwd(ctx: RuleContext): Node | undefined {
  for (let depth = 1; depth < 12; depth += 2) {
    const member = ctx.parent(depth);
    const call = ctx.parent(depth + 1);
    if (member?.type !== 'MemberExpression' || call?.type !== 'CallExpression' || call.callee !== member) return undefined;
    if (propertyName(member) === 'cwd') return call.arguments[0] as Node | undefined;
  }
  return undefined;
}

/** Bun's `$` as a tag, also configured in place (`$.nothrow()\`…\``, `$.cwd(dir)\`…\``), or execa's `$`. */
function shellTagRef(tag: Node, ctx: RuleContext): ModuleRef | undefined {
  let t = unwrapChain(tag);
  let configured = false;
  // `$.nothrow().quiet()`: each setting returns the same `$`, also kept in a name (`const sh = $.nothrow()`).
  for (let depth = 0; depth < 6; depth++) {
    const kept = t.type === 'Identifier' ? ctx.resolve(t) : undefined;
    const call = kept?.type === 'CallExpression' ? kept : t;
    if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || !BUN_SHELL_SETTINGS.has(propertyName(call.callee) ?? '')) break;
    t = unwrapChain(call.callee.object as Node);
    configured = true;
  }
  const ref = ctx.moduleRef(t);
  return !configured || (ref?.module === 'bun' && ref.path.join('.') === '$') ? ref : undefined;
}

/**
 * A literal, or a name the file gives one literal and never changes, asked after the walk
 * (a later assignment must be known): a Bun Shell value the file fixes.
 */
function fixedWord(node: Node, fn: number, analysis: ModuleAnalysis): string | undefined {
  const n = unwrapChain(node);
  const literal = staticString(n);
  if (literal !== undefined || n.type !== 'Identifier') return literal;
  const value = settledValueAt(analysis.index, n.name, fn, n.start);
  return value && value.node.type !== 'Parameter' ? staticString(value.node) : undefined;
}

/** A Bun Shell template as Bun runs it: values the file fixes quoted as Bun quotes them, `*` for the rest. */
function bunLine(quasi: Node & { type: 'TemplateLiteral' }, fn: number, analysis: ModuleAnalysis): string {
  return quasi.quasis
    .map((q, i) => {
      const word = i < quasi.expressions.length ? fixedWord(quasi.expressions[i] as Node, fn, analysis) : '';
      return (q.value.cooked ?? '') + (word === undefined ? '*' : word && JSON.stringify(word));
    })
    .join('')
    .trim();
}

/**
 * A choice's test as the walk can read it: `"a" === "b"` is decided; a test on a name waits for
 * the walk's end (a later assignment may change it), where `decidedTest` reads it. Undefined
 * when it is not fixed; `'later'` when a name may fix it.
 */
function testNow(test: Node): boolean | 'later' | undefined {
  const outcome = equalityOutcome(test, n => staticString(unwrapChain(n)));
  if (outcome !== undefined) return outcome;
  const t = unwrapChain(test);
  const side = (n: Node) => staticString(n) !== undefined || unwrapChain(n).type === 'Identifier';
  return t.type === 'BinaryExpression' && EQUALITY.has(t.operator) && side(t.left as Node) && side(t.right) ? 'later' : undefined;
}

/** `a === b` (or `!==`, `==`, `!=`) with both sides read by `word`: its outcome, or undefined if a side is not fixed. */
function equalityOutcome(test: Node, word: (side: Node) => string | undefined): boolean | undefined {
  const t = unwrapChain(test);
  if (t.type !== 'BinaryExpression' || !EQUALITY.has(t.operator)) return undefined;
  const left = word(t.left as Node);
  const right = left === undefined ? undefined : word(t.right);
  if (left === undefined || right === undefined) return undefined;
  return (left === right) === (t.operator === '===' || t.operator === '==');
}

const BUN_SHELL_SETTINGS = new Set(['nothrow', 'throws', 'cwd', 'env', 'quiet']);

/** `{ raw: text }` in a Bun Shell template: text the shell parses, not one quoted word. */
function isRawValue(node: Node): boolean {
  const n = unwrapChain(node);
  return n.type === 'ObjectExpression' && n.properties.some(p => p.type === 'Property' && propertyKeyName(p) === 'raw');
}

/** The branches of a choice (`a ? x : y`, nested), or the node itself. */
function choices(node: Node, depth = 0): Node[] {
  if (node.type !== 'ConditionalExpression' || depth > 3) return [node];
  return [...choices(unwrapChain(node.consequent), depth + 1), ...choices(unwrapChain(node.alternate), depth + 1)];
}

/**
 * A shell's command line when the file fixes it: a literal, a name or template of fixed texts,
 * or a fixed script as PowerShell's `-EncodedCommand` takes it (`Buffer.from(script,
 * "utf16le").toString("base64")`, the `open` package's default-browser query), shown decoded.
 */
function fixedLine(line: Node, fn: number, analysis: ModuleAnalysis): string | undefined {
  const index = analysis.index;
  const node = unwrapChain(line);
  // A name declared again in other blocks (`const script` in each branch) is read from its own block.
  const value = node.type === 'Identifier' ? settledValueAt(index, node.name, fn, node.start) : { node, fn };
  const texts = constantTexts(line, fn, index) ?? (value && value.node !== node ? constantTexts(value.node, value.fn, index) : undefined);
  if (texts) return texts.join(' or ');
  const encoded = value && encodedScriptOf(value.node, value.fn, analysis);
  const script = value && encoded && constantTexts(encoded.script, encoded.fn, index);
  return script ? `(encoded) ${script.join(' or ')}` : undefined;
}

/**
 * As encodedScript, also through a same-module encoder whose every return encodes its parameter
 * (Copilot CLI's `function Bne(t) { return Buffer.from(t, "utf16le").toString("base64") }`): the
 * script is what the call gives it.
 */
function encodedScriptOf(value: Node, fn: number, analysis: ModuleAnalysis): { script: Node; fn: number } | undefined {
  const direct = encodedScript(value);
  if (direct) return { script: direct, fn };
  const call = unwrapChain(value);
  if (call.type !== 'CallExpression') return undefined;
  const target = analysis.graph.target(call, fn) ?? propertyOfFunction(call, fn, analysis);
  const encoder = target && analysis.index.functions[target.callee];
  if (!target || !encoder?.returns.length) return undefined;
  // A parameter given another value (`t = t + "; iex …"`) or changed through `arguments` is not what the call gave.
  if (mentionsArguments(analysis.index, target.callee)) return undefined;
  const params = unchangedParameters(encoder);
  let k: number | undefined;
  for (const r of encoder.returns) {
    const script = encodedScript(r);
    const i = script?.type === 'Identifier' ? params.indexOf(script.name) : -1;
    if (i < 0 || (k !== undefined && k !== i)) return undefined;
    k = i;
  }
  const given = k === undefined ? undefined : call.arguments[k + target.argOffset];
  return given && given.type !== 'SpreadElement' ? { script: given as Node, fn } : undefined;
}

/**
 * `wE.encodeCommand(t)` with `wE.encodeCommand = t => …` set once on the function `wE`
 * (powershell-utils, minified): the function set there. Asked for encoders only: the call graph
 * leaves such properties alone, since other calls of them take other lines.
 */
function propertyOfFunction(call: Node & { type: 'CallExpression' }, fn: number, analysis: ModuleAnalysis): { callee: number; argOffset: number } | undefined {
  const callee = unwrapChain(call.callee as Node);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier') return undefined;
  const key = propertyName(callee);
  const bound = analysis.index.binding(callee.object.name, fn);
  const holder = bound && (bound.moduleLike ? (bound.values.length === 1 ? bound.values[0] : undefined) : bound.values[0]);
  if (key === undefined || !bound || !holder || !isFunction(holder.node)) return undefined;
  const set = analysis.index.memberAssignments(bound, key);
  const value = set.length === 1 ? unwrapChain(set[0].node) : undefined;
  const f = value && isFunction(value) ? analysis.index.functionOf(value) : undefined;
  return f === undefined ? undefined : { callee: f, argOffset: 0 };
}

/** `Buffer.from(script, "utf16le").toString("base64")`, PowerShell's encoded command: the script. */
function encodedScript(value: Node): Node | undefined {
  const encoded = unwrapChain(value);
  if (encoded.type !== 'CallExpression' || propertyName(calleeOf(encoded)) !== 'toString' || staticString(encoded.arguments[0]) !== 'base64') return undefined;
  const callee = calleeOf(encoded);
  const from = callee.type === 'MemberExpression' ? unwrapChain(callee.object as Node) : undefined;
  if (from?.type !== 'CallExpression' || propertyName(calleeOf(from)) !== 'from' || !/^(?:utf-?16le|ucs-?2)$/i.test(staticString(from.arguments[1]) ?? '')) return undefined;
  const script = from.arguments[0];
  return script && script.type !== 'SpreadElement' ? (script as Node) : undefined;
}

/** Methods that leave a script's first word where it was. */
const TRIMS = new Set(['trim', 'trimStart', 'trimEnd', 'toString']);

/**
 * A line as far as the file spells it, `*` for each computed part: a template (also through a
 * name, after `.trim()`), fixed lines and templates joined in place (`[…, \`…${method}('${p}')\`].join("; ")`),
 * or what a same-module helper returns (`buildWindowsAclScript(paths)`); undefined otherwise.
 * `depth` counts the names and helpers followed, not the syntax read on the way.
 */
function lineShape(line: Node, fn: number, analysis: ModuleAnalysis, depth: number): string | undefined {
  return wholeLines(lineShapes(line, fn, analysis, depth))?.join(' or ');
}

/** The lines a command may be, as lineShapes gives them, but an empty one (`let r = ""; p && (r = "route -n")`): it runs nothing. */
function wholeLines(shapes: string[] | undefined): string[] | undefined {
  const lines = shapes?.filter(shape => shape.trim() !== '');
  return lines?.length ? lines : undefined;
}

/** Names and helpers followed for one line at most (a pager's line built by two helpers and two names is 4). */
const SHAPE_DEPTH = 5;
/** Alternatives shown for one line at most; more is no longer a line a reader can check. */
const MAX_SHAPES = 8;
/** Returns of a helper followed at most (an install-method probe: Gemini CLI's getInstallationInfo has 14, most without the command). */
const MAX_HELPER_RETURNS = 16;

/**
 * The line's alternatives, each as `lineShape` spells it: one per branch of a choice
 * (`${win ? "start" : "xdg-open"} ${url}`), per value a helper returns, or per object a
 * property is read from (`pm.updateCommand` with `pm = detect()` returning `{updateCommand: \`npm install -g …\`}`).
 */
function lineShapes(line: Node, fn: number, analysis: ModuleAnalysis, depth: number, inner = false): string[] | undefined {
  if (depth > SHAPE_DEPTH) return undefined;
  const node = unwrapChain(line);
  // A line a bundle's string decoder hides (`_$d("…").trim()`): the text it decodes to.
  const decoded = analysis.decodedString(node);
  if (decoded !== undefined) return [decoded];
  if (node.type === 'Identifier') {
    const values = settledValuesAt(analysis.index, node.name, fn, node.start);
    if (!values || values.some(v => v.node.type === 'Parameter')) return undefined;
    const out: string[] = [];
    for (const v of values) {
      const shapes = lineShapes(v.node, v.fn, analysis, depth + 1, inner);
      if (!shapes) return undefined;
      // `let r = ""; p && (r = "route -n")`: the empty start runs nothing. Inside a line (`inner`)
      // an empty part is one of its values: `"code" + f` with `f = win ? ".cmd" : ""`.
      out.push(...(inner ? shapes : shapes.filter(shape => shape.trim() !== '')));
    }
    return out.length ? capped([...new Set(out)]) : undefined;
  }
  const literal = staticString(node);
  if (literal !== undefined) return [literal];
  // `await findCommand("code")`: what the promise gives is what the helper returns.
  if (node.type === 'AwaitExpression') return lineShapes(node.argument as Node, fn, analysis, depth + 1);
  // An element of the list a `for … of` loop walks.
  if (node.type === 'PropertyOf' && node.key === undefined && !node.default) return elementShapes(node.object as Node, fn, analysis, depth);
  // `const { executable } = shellConfig()`: that property of what the helper returns.
  if (node.type === 'PropertyOf' && node.key !== undefined && !node.default) {
    const shapes = keyShapes(node.object as Node, [node.key], fn, analysis, depth + 1);
    return shapes?.length ? shapes : undefined;
  }
  if (node.type === 'ConditionalExpression') {
    const decided = decidedTest(node.test, fn, analysis);
    if (decided !== undefined) return lineShapes(decided ? node.consequent : node.alternate, fn, analysis, depth);
    const a = lineShapes(node.consequent, fn, analysis, depth);
    const b = a && lineShapes(node.alternate, fn, analysis, depth);
    return a && b ? capped([...a, ...b]) : undefined;
  }
  if (node.type === 'TemplateLiteral') {
    // Each value spelled where the file fixes it (a choice, a name, a helper, a parameter every
    // caller fills), `*` where it does not or where spelling it would give too many lines.
    let out = [node.quasis[0].value.cooked ?? ''];
    node.expressions.forEach((e, i) => {
      const values = partShapes(e as Node, out, fn, analysis, depth);
      const next = (values && product(out, values)) ?? out.map(o => `${o}*`);
      out = next.map(o => o + (node.quasis[i + 1].value.cooked ?? ''));
    });
    return out;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = lineShapes(node.left as Node, fn, analysis, depth) ?? ['*'];
    const right = partShapes(node.right, left, fn, analysis, depth) ?? ['*'];
    return product(left, right);
  }
  if (node.type === 'MemberExpression') return propertyShapes(node, fn, analysis, depth);
  if (node.type !== 'CallExpression') return undefined;
  const chars = charCodeText(node, fn, analysis.index);
  if (chars) return [...chars];
  const script = encodedScriptOf(node, fn, analysis);
  if (script) return lineShapes(script.script, script.fn, analysis, depth)?.map(s => `(encoded) ${s}`);
  const callee = calleeOf(node);
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (method && TRIMS.has(method) && node.arguments.length === 0 && callee.type === 'MemberExpression') {
    const shapes = lineShapes(callee.object as Node, fn, analysis, depth);
    return method === 'toString' ? shapes : shapes?.map(s => s[method as 'trim' | 'trimStart' | 'trimEnd']());
  }
  // `"npm install -g x@latest".replace("@latest", `@${version}`)`: the same line with a part swapped (`*` if computed).
  if ((method === 'replace' || method === 'replaceAll') && callee.type === 'MemberExpression' && node.arguments.length === 2) {
    const search = staticString(node.arguments[0] as Node);
    if (!search) return undefined;
    const swapped = lineShapes(node.arguments[1] as Node, fn, analysis, depth + 1);
    const replacement = swapped?.length === 1 ? swapped[0] : '*';
    return lineShapes(callee.object as Node, fn, analysis, depth)?.map(s => (method === 'replace' ? s.replace(search, () => replacement) : s.split(search).join(replacement)));
  }
  if (method === 'join' && callee.type === 'MemberExpression' && node.arguments.length === 1) {
    const separator = staticString(node.arguments[0] as Node);
    const elements = separator === undefined ? undefined : joinedElements(callee.object as Node, fn, analysis.index);
    if (!elements) return undefined;
    // Each element as far as it is fixed, `*` for a computed one (as a template's values are).
    let joined: string[] | undefined = [''];
    elements.forEach((e, i) => {
      const part = (e.node && lineShapes(e.node, e.fn, analysis, depth)) ?? ['*'];
      joined = joined && product(joined, i ? part.map(x => separator + x) : part);
    });
    return joined;
  }
  return helperShapes(node, fn, analysis, depth, r => lineShapes(r.node, r.fn, analysis, depth + 1));
}

/**
 * The elements of a list joined into a line: written in place, or a name the function binds once
 * to a written list, with the lists spread into it opened the same way (`["npx", ...args].join(" ")`);
 * an element with no node is a spread of something else (computed). Undefined for any other list.
 */
function joinedElements(list: Node, fn: number, index: ModuleIndex, depth = 0): Array<{ node?: Node; fn: number }> | undefined {
  const written = writtenList(list, fn, index);
  const array = written && unwrapChain(written);
  if (array?.type !== 'ArrayExpression' || depth > 2) return undefined;
  // A named list changed in place (`c.unshift(t)`) holds more than was written.
  if (written !== list && list.type === 'Identifier' && !readOnlyList(index, list.name, fn)) return undefined;
  // The list's own function: a name's list is read where it is written.
  const at = written !== list && list.type === 'Identifier' ? (settledValueAt(index, list.name, fn, list.start)?.fn ?? fn) : fn;
  return array.elements.flatMap(e => {
    if (!e) return [{ fn: at }];
    if (e.type !== 'SpreadElement') return [{ node: e as Node, fn: at }];
    return joinedElements(e.argument as Node, at, index, depth + 1) ?? [{ fn: at }];
  });
}

/**
 * A value put into a line after `before`: spelled as lineShapes does, and where it starts a
 * command (`${c} | ${pager}`), also a parameter every caller fills with fixed text
 * (`pagerCmd(pid, o, "less -R +G")`). Elsewhere a parameter stays `*`: it is an argument, and
 * asking every caller costs a walk of their scope.
 */
function partShapes(part: Node, before: readonly string[], fn: number, analysis: ModuleAnalysis, depth: number): string[] | undefined {
  const shapes = lineShapes(part, fn, analysis, depth, true);
  const node = unwrapChain(part);
  if (shapes || node.type !== 'Identifier' || !before.some(startsCommandAfter)) return shapes;
  const texts = constantTexts(node, fn, analysis.index);
  return texts && texts.length <= MAX_SHAPES ? [...texts] : undefined;
}

/** Text after which the shell reads a new command: a separator, or a shell's option for its command line. */
function startsCommandAfter(text: string): boolean {
  return /(?:^|[;&|\n(]|(?:^|\s)(?:-\w*c|\/[cCkK]|-command))\s*["']*$/i.test(text);
}

/** `K === "darwin"` with `K = "linux"` fixed in the file: the test's outcome; undefined when it is not fixed. */
function decidedTest(test: Node, fn: number, analysis: ModuleAnalysis): boolean | undefined {
  return equalityOutcome(test, side => fixedWord(side, fn, analysis));
}

/** What each value a same-module helper returns gives, or undefined if one gives nothing. */
function helperShapes(call: Node & { type: 'CallExpression' }, fn: number, analysis: ModuleAnalysis, depth: number, of: (r: { node: Node; fn: number }) => string[] | undefined): string[] | undefined {
  if (depth >= SHAPE_DEPTH) return undefined;
  const target = analysis.graph.target(call, fn);
  const helper = target?.callee;
  const returns = helper === undefined ? [] : analysis.index.functions[helper].returns;
  if (returns.length === 0 || returns.length > MAX_HELPER_RETURNS) return undefined;
  // `findCommand("code")` returning its own parameter once found (`return command`), or null:
  // the argument this call gives (past a `.call`'s `this`; none after a spread, none if the helper
  // may change it through `arguments`), spelled where it is written; a null is no command at all.
  const params = mentionsArguments(analysis.index, helper!) ? [] : unchangedParameters(analysis.index.functions[helper!]);
  const out: string[] = [];
  for (const r of returns) {
    const value = unwrapChain(r);
    if (isPlaceholder(value) && returns.length > 1) continue;
    const name = value.type === 'Identifier' ? value.name : undefined;
    const k = name === undefined ? -1 : params.indexOf(name);
    const given = k >= 0 && analysis.index.binding(name!, helper!)?.scope === helper ? argumentGiven(call, k + target!.argOffset, NO_PATH) : [];
    const shapes = k >= 0 ? (given.length === 1 && given[0].path.length === 0 ? lineShapes(given[0].node, fn, analysis, depth + 1) : undefined) : of({ node: r, fn: helper! });
    if (!shapes) return undefined;
    out.push(...shapes);
  }
  // Every value it returns lacks the property read (keyShapes): no command from it at all.
  return out.length ? capped(out) : returns.some(r => !isPlaceholder(unwrapChain(r))) ? [] : undefined;
}

const NO_PATH: readonly string[] = [];

/** What keyShapes makes of the value a property path ends at (by default its lines). */
type Leaf = (value: Node, fn: number, depth: number) => string[] | undefined;

/**
 * A name a table may be read from: a function's own, or the module's (a bundle writes its
 * platform tables at the top: `var W = {darwin: …, win32: …}`), never one from outside it.
 */
function ownTable(bound: { scope: number }): boolean {
  return bound.scope >= 0 || bound.scope === MODULE;
}

/**
 * A command a caller gives that is no value at all: null, or an entry a fixed table lacks or sets
 * to null (`W.linux` with `W = {darwin: …, win32: […]}`; `commands.checkImage` with `checkImage:
 * null` for this platform). Nothing runs there: the runner is given nothing, and a caller that
 * guards the call (`if (!e) return`) never makes it (review 109: two false "computed" starts).
 */
function givesNothing(node: Node, fn: number, analysis: ModuleAnalysis, depth = 0): boolean {
  const n = unwrapChain(node);
  if (isPlaceholder(n)) return true;
  if (depth > SHAPE_DEPTH) return false;
  if (n.type === 'Identifier') {
    const values = settledValuesAt(analysis.index, n.name, fn, n.start);
    return !!values?.length && values.every(v => v.node.type !== 'Parameter' && givesNothing(v.node, v.fn, analysis, depth + 1));
  }
  const nothing: Leaf = (value, at, d) => (givesNothing(value, at, analysis, d + 1) ? [] : undefined);
  if (n.type === 'PropertyOf' && n.key !== undefined && !n.default) return keyShapes(n.object as Node, [n.key], fn, analysis, depth + 1, nothing)?.length === 0;
  if (n.type !== 'MemberExpression' || n.object.type === 'ThisExpression') return false;
  const key = propertyName(n);
  return key !== undefined && keyShapes(n.object as Node, [key], fn, analysis, depth + 1, nothing)?.length === 0;
}

/**
 * `o.key` where every object `o` can be is written in this module (`{name: "npm", updateCommand:
 * \`npm install -g …\`}`), as a literal, a name bound once, a helper's returns or a choice of those:
 * each object's value of `key`. A name whose `key` is written later (`o.key = …`) has no fixed value.
 */
/** The values of an object literal written out (or a local bound once to one and only read), every property plain. */
function tableEntries(object: Node, at: number, analysis: ModuleAnalysis): Node[] | undefined {
  let o = unwrapChain(object);
  if (o.type === 'Identifier') {
    const bound = analysis.index.binding(o.name, at);
    // A table is read with computed keys (`G[platform]`): still only read.
    if (!bound || !ownTable(bound) || !onlyReadsProperties(analysis.index, bound.scope, o.name, true)) return undefined;
    const value = settledValueAt(analysis.index, o.name, at, o.start);
    if (!value) return undefined;
    o = unwrapChain(value.node);
  }
  if (o.type !== 'ObjectExpression' || o.properties.length === 0 || o.properties.some(p => p.type !== 'Property' || p.computed || propertyKeyName(p) === '__proto__')) return undefined;
  return o.properties.flatMap(p => (p.type === 'Property' ? [p.value as Node] : []));
}

/**
 * The lines the elements of a list may be (`for (const c of ["pbcopy"])`, a table of lists read
 * with a computed key `{macos: ["pbcopy"], linux: ["xclip", "wl-copy"]}[os]`), each fixed.
 */
function elementShapes(list: Node, fn: number, analysis: ModuleAnalysis, depth: number): string[] | undefined {
  if (depth > SHAPE_DEPTH) return undefined;
  const o = unwrapChain(list);
  if (o.type === 'ArrayExpression') {
    if (o.elements.length === 0 || o.elements.some(e => !e || e.type === 'SpreadElement')) return undefined;
    const shapes = o.elements.map(e => lineShapes(e as Node, fn, analysis, depth + 1));
    return shapes.every(x => x !== undefined) ? capped(shapes.flat() as string[]) : undefined;
  }
  if (o.type === 'MemberExpression' && o.computed && propertyName(o) === undefined) {
    const entries = tableEntries(o.object as Node, fn, analysis);
    const shapes = entries?.map(e => elementShapes(e, fn, analysis, depth));
    return shapes?.every(x => x !== undefined) ? capped(shapes.flat() as string[]) : undefined;
  }
  if (o.type === 'Identifier') {
    const value = settledValueAt(analysis.index, o.name, fn, o.start);
    return value && value.node.type !== 'Parameter' ? elementShapes(value.node, value.fn, analysis, depth + 1) : undefined;
  }
  return undefined;
}

function propertyShapes(node: Node & { type: 'MemberExpression' }, fn: number, analysis: ModuleAnalysis, depth: number): string[] | undefined {
  // `o[0]`: an element by its index, as `o["0"]`.
  const index = node.computed && node.property.type === 'Literal' && typeof node.property.value === 'number' && Number.isInteger(node.property.value) ? String(node.property.value) : undefined;
  const key = propertyName(node) ?? index;
  if (key === undefined) {
    // `W[process.platform]`: any entry of a table written out (a clipboard helper's line per platform).
    const entries = node.computed && depth < SHAPE_DEPTH ? tableEntries(node.object as Node, fn, analysis) : undefined;
    const shapes = entries?.map(e => lineShapes(e, fn, analysis, depth + 1));
    return shapes?.every(x => x !== undefined) ? capped(shapes.flat() as string[]) : undefined;
  }
  // `this.vsCodeCommand`, given once in the constructor: each value the class gives the field,
  // when nothing outside the class (an instance's `i.cmd = …`, a subclass) gives it another.
  if (node.object.type === 'ThisExpression') {
    const cls = analysis.index.classAround(fn);
    const values = cls ? analysis.index.thisValues(fn, key) : [];
    if (values.length === 0 || values.length > MAX_HELPER_RETURNS || depth >= SHAPE_DEPTH || !keepsOwnField(analysis.index, cls!, key)) return undefined;
    const out: string[] = [];
    for (const v of values) {
      const shapes = lineShapes(v.node, v.fn, analysis, depth + 1);
      if (!shapes) return undefined;
      out.push(...shapes);
    }
    return out.length ? capped(out) : undefined;
  }
  return keyShapes(node.object as Node, [key], fn, analysis, depth);
}

/**
 * The lines a property path of an object may hold (`keys`: the properties still to read,
 * outermost first: `{ commands: A } = f()`, then `A.checkImage`), each fixed.
 */
function keyShapes(object: Node, keys: readonly string[], at: number, analysis: ModuleAnalysis, d: number, leaf: Leaf = (v, fnAt, depth) => lineShapes(v, fnAt, analysis, depth + 1)): string[] | undefined {
  const ofObject = (o: Node, fnAt: number, depth: number, path: readonly string[]): string[] | undefined => keyShapes(o, path, fnAt, analysis, depth, leaf);
  if (d > SHAPE_DEPTH) return undefined;
  const o = unwrapChain(object);
  const [first, ...rest] = keys;
  switch (o.type) {
    case 'ObjectExpression': {
      // A spread may replace the key, a prototype (`__proto__: {…}`) hold it; the last property written is the one read.
      if (o.properties.some(p => p.type !== 'Property' || propertyKeyName(p) === '__proto__')) return undefined;
      const property = [...o.properties].reverse().find(p => p.type === 'Property' && !p.computed && propertyKeyName(p) === first);
      // An object without the key (`{packageManager: "npx"}` beside `{…, updateCommand: "…"}`): no command there.
      if (!property && !o.properties.some(p => p.type === 'Property' && p.computed)) return [];
      if (property?.type !== 'Property') return undefined;
      // Reading into an object written here costs no depth: each step takes one key off the path.
      return rest.length ? ofObject(property.value as Node, at, d, rest) : leaf(property.value as Node, at, d);
    }
    case 'Identifier': {
      const bound = analysis.index.binding(o.name, at);
      if (!bound || !ownTable(bound) || !onlyReadsProperties(analysis.index, bound.scope, o.name, true)) return undefined;
      const value = settledValueAt(analysis.index, o.name, at, o.start);
      return value ? ofObject(value.node, value.fn, d + 1, keys) : undefined;
    }
    // `const [cmd, args] = installCommand(pm)` with `return ["npm", ["install", "-g", spec]]`: that element.
    case 'ArrayExpression': {
      if (!/^\d+$/.test(first) || o.elements.some(e => e?.type === 'SpreadElement')) return undefined;
      const element = o.elements[Number(first)];
      if (!element) return undefined;
      return rest.length ? ofObject(element as Node, at, d, rest) : leaf(element as Node, at, d);
    }
    // `let { commands: A } = table()`: A's property is a property of the table's `commands`.
    case 'PropertyOf':
      return o.key !== undefined && !o.default ? ofObject(o.object as Node, at, d, [o.key, ...keys]) : undefined;
    case 'ConditionalExpression':
    case 'LogicalExpression': {
      // `G[p] || G.linux`: either side may be the object read.
      const [x, y] = o.type === 'ConditionalExpression' ? [o.consequent, o.alternate] : [o.left, o.right];
      const a = ofObject(x as Node, at, d, keys);
      const b = a && ofObject(y as Node, at, d, keys);
      return a && b ? capped([...a, ...b]) : undefined;
    }
    case 'CallExpression':
      return helperShapes(o, at, analysis, d, r => ofObject(r.node, r.fn, d + 1, keys));
    case 'MemberExpression': {
      // `{darwin: {…}, linux: {…}}[process.platform]`: any entry of a table written out, read with a computed key.
      if (o.computed && propertyName(o) === undefined) {
        const table = tableEntries(o.object as Node, at, analysis);
        if (!table) return undefined;
        const shapes = table.map(entry => ofObject(entry, at, d, keys));
        return shapes.every(x => x !== undefined) ? capped(shapes.flat() as string[]) : undefined;
      }
      // `G.linux.c`: the property of a property.
      const named = propertyName(o);
      const inner = named !== undefined && unwrapChain(o.object as Node).type !== 'ThisExpression' ? ofObject(o.object as Node, at, d, [named, ...keys]) : undefined;
      if (inner) return inner;
      // `this.options.command`, with `this.options = options` in the constructor: the objects
      // every `new C({command: "gemini", …})` of the module gives.
      const given = constructorArguments(o, at, analysis);
      if (!given) return undefined;
      const shapes = given.map(g => ofObject(g.node, g.fn, d + 1, keys));
      return shapes.every(x => x !== undefined) ? capped(shapes.flat() as string[]) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * What `this.key` is in a method of a class that only its constructor sets, from a parameter:
 * the argument each `new C(…)` gives there. Only when the class's name is used for nothing
 * but `new` in the module (not exported, extended, stored or passed: a construction elsewhere
 * could give anything), and the parameter is not given another value.
 */
function constructorArguments(member: Node & { type: 'MemberExpression' }, fn: number, analysis: ModuleAnalysis): Array<{ node: Node; fn: number }> | undefined {
  const { index, graph } = analysis;
  const key = propertyName(member);
  if (unwrapChain(member.object as Node).type !== 'ThisExpression' || key === undefined) return undefined;
  const values = index.thisMember(fn, key);
  if (values.length !== 1 || values[0].fn < 0) return undefined;
  const set = values[0];
  const ctor = index.functions[set.fn];
  const param = unwrapChain(set.node);
  const cls = ctor?.cls;
  if (!ctor || !cls || param?.type !== 'Identifier' || cls.id?.type !== 'Identifier') return undefined;
  if (constructorFunction(cls) !== ctor.node) return undefined;
  const at = ctor.node.params.findIndex(p => p.type === 'Identifier' && p.name === param.name);
  if (at < 0 || index.binding(param.name, set.fn)?.mutated || ctor.overwritten?.has(param.name)) return undefined;
  // Exported (`export class`), the class may be made elsewhere with anything; a method may change
  // what it keeps (`this.o.command = x`, `Object.assign(this.o, x)`).
  if (exportedAt(index, cls.start)) return undefined;
  const source = index.text.slice(cls.start, cls.end);
  const k = escapeRegExp(key);
  if (new RegExp(`this\\.${k}\\s*(?:\\.\\s*[\\w$]+|\\[[^\\]]*\\])\\s*(?:[-+*/%&|^]|\\?\\?|\\|\\||&&)?=(?!=)|Object\\.assign\\(\\s*this\\.${k}\\b`).test(source)) return undefined;
  const name = cls.id.name;
  const scope = index.binding(name, ctor.parent)?.scope;
  if (scope === undefined) return undefined;
  let onlyNew = true;
  const complete = everyUse(index, scope, name, use => {
    const parent = use.ancestors[use.ancestors.length - 1];
    onlyNew = parent === cls || (parent?.type === 'NewExpression' && parent.callee === use.node);
    return onlyNew;
  });
  if (!complete || !onlyNew) return undefined;
  const callers = graph.callersOf(set.fn);
  if (callers.length === 0) return undefined;
  const out: Array<{ node: Node; fn: number }> = [];
  for (const c of callers) {
    const arg = (c.call.arguments as Node[])[at];
    if (!arg || arg.type === 'SpreadElement') return undefined;
    out.push({ node: arg, fn: c.fn });
  }
  return out;
}

/**
 * A local object that nothing but property reads touches (`const t = detect(); exec(t.cmd)`):
 * not written (`t.cmd = v`, `t[k] = v`, `t.cmd += v`), not handed to a call that may change it
 * (`Object.assign(t, o)`, `mutate(t)`, `t.set(…)`), not aliased. Returning it is a read.
 */
function onlyReadsProperties(index: ModuleIndex, scope: number, name: string, computedReads = false): boolean {
  let declared = 0;
  const complete = everyUse(index, scope, name, ({ node, ancestors }) => {
    const parent = ancestors[ancestors.length - 1];
    // `let a; try { a = table() } catch { … }`: declared without a value, given one once.
    if (parent?.type === 'VariableDeclarator' && parent.id === node) return parent.init ? ++declared === 1 : true;
    if (parent?.type === 'AssignmentExpression' && parent.left === node && parent.operator === '=') return ++declared === 1;
    // `let { commands, path } = a`: properties read.
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern') return true;
    // `let { commands: t } = table()`: given its value by destructuring, once.
    if (parent?.type === 'ObjectPattern' || (parent?.type === 'Property' && parent.value === node && ancestors[ancestors.length - 2]?.type === 'ObjectPattern')) return ++declared === 1;
    if (parent?.type === 'ReturnStatement') return true;
    // `if (!o) return null`: asking whether there is one changes nothing and hands it nowhere.
    if ((parent?.type === 'UnaryExpression' && parent.operator === '!') || (parent?.type === 'IfStatement' && parent.test === node)) return true;
    if (parent?.type !== 'MemberExpression' || parent.object !== node || (parent.computed && !computedReads)) return false;
    const above = ancestors[ancestors.length - 2];
    if (above?.type === 'AssignmentExpression' && above.left === parent) return false;
    if (above?.type === 'UpdateExpression' || (above?.type === 'UnaryExpression' && above.operator === 'delete')) return false;
    if ((above?.type === 'CallExpression' || above?.type === 'NewExpression') && above.callee === parent) return false;
    // A property's own value changed in place (`T.vscode.unshift(x)`, `T.vscode[0] = x`): the table no longer holds what is written.
    if (above?.type === 'MemberExpression' && above.object === parent) {
      const next = ancestors[ancestors.length - 3];
      if (next?.type === 'AssignmentExpression' && next.left === above) return false;
      if (next?.type === 'UpdateExpression' || (next?.type === 'UnaryExpression' && next.operator === 'delete')) return false;
      if (next?.type === 'CallExpression' && next.callee === above && IN_PLACE_METHODS.has(propertyName(above) ?? '')) return false;
    }
    return true;
  });
  return complete && declared === 1;
}

/** Unique alternatives, or undefined when there are too many to show. */
function capped(shapes: readonly string[]): string[] | undefined {
  const unique = [...new Set(shapes)];
  return unique.length <= MAX_SHAPES ? unique : undefined;
}

/** Every `a` followed by every `b`, or undefined when there are too many. */
function product(a: readonly string[], b: readonly string[]): string[] | undefined {
  return a.length * b.length <= MAX_SHAPES ? capped(a.flatMap(x => b.map(y => x + y))) : undefined;
}

/** PowerShell options that take a value (`-ExecutionPolicy Bypass`), lower case. */
const OPTIONS_WITH_VALUE = new Set(['-executionpolicy', '-ep', '-windowstyle', '-outputformat', '-of', '-inputformat', '-if', '-version', '-configurationname', '-workingdirectory', '-wd']);
/** PowerShell's `-EncodedCommand`: a command line too, base64-encoded. */
const ENCODED_COMMAND = new Set(['-encodedcommand', '-ec', '-enc']);

/**
 * `["-c", line]`, `["-l", "-c", line]`, `["/c", line]`, PowerShell's `["-NoProfile",
 * "-ExecutionPolicy", "Bypass", "-Command", line]` or `-EncodedCommand`: the line after the option
 * that hands it to the shell. Only options may come before that option: after a script's name
 * (`bash run.sh -c x`) the rest are the script's arguments.
 */
/** Options only POSIX shells take before `-c`: a login or interactive shell, strict modes, no start-up files. */
const SHELL_OWN_OPTIONS = new Set(['-l', '--login', '-i', '-li', '-il', '-e', '-eu', '-euo', '-x', '--noprofile', '--norc', '-f']);

function commandLineIn(list: Extract<Node, { type: 'ArrayExpression' }>, spelledShell: boolean): Node | undefined {
  let at = 0;
  for (; at < Math.min(list.elements.length, 8); at++) {
    const e = list.elements[at];
    const word = e && e.type !== 'SpreadElement' ? staticString(e) : undefined;
    // An option: `-x`, `--xx`, or one of cmd's switches (`/d`); not a path (`/opt/app/cli.js`).
    if (word === undefined || !/^(?:-|\/[a-z]$)/i.test(word)) return undefined;
    if (isShellCommandOption(word) || ENCODED_COMMAND.has(word.toLowerCase())) break;
    if (OPTIONS_WITH_VALUE.has(word.toLowerCase())) at++;
  }
  const [option, ...rest] = list.elements.slice(at);
  const word = option && option.type !== 'SpreadElement' ? (staticString(option) ?? '') : '';
  if (!isShellCommandOption(word) && !ENCODED_COMMAND.has(word.toLowerCase())) return undefined;
  // A program found at run time may be any tool (`ffmpeg -y -c copy`): after other options only
  // PowerShell's own words (`-Command`, `-EncodedCommand`) hand it a command line, or `-c` after
  // only a shell's own options (`-l -c cmd`: a login shell).
  const shellsOwn = list.elements.slice(0, at).every(e => e && e.type !== 'SpreadElement' && SHELL_OWN_OPTIONS.has(staticString(e) ?? ''));
  if (at > 0 && !spelledShell && !/^-(?:command|encodedcommand|ec|enc)$/i.test(word) && !(word === '-c' && shellsOwn)) return undefined;
  // More options may come between (`bash -c -l script`): the command line is the first argument that is not one.
  const line = rest.find(e => !e || e.type === 'SpreadElement' || !/^-/.test(staticString(e) ?? ''));
  return line && line.type !== 'SpreadElement' ? line : undefined;
}

/**
 * `fork("", [], {execArgv: ["-e", script]})`: node runs the code given in its options, not the
 * module named first. The command as node is given it (`node -e *`), or undefined for any other fork.
 */
function forkedInlineCode(args: readonly Node[]): string | undefined {
  for (const a of args) {
    const o = unwrapChain(a);
    if (o.type !== 'ObjectExpression') continue;
    const p = o.properties.find(q => q.type === 'Property' && propertyKeyName(q) === 'execArgv');
    const list = p?.type === 'Property' ? unwrapChain(p.value as Node) : undefined;
    if (list?.type !== 'ArrayExpression' || !list.elements.some(e => e && isInlineCodeOption(staticString(e) ?? ''))) return undefined;
    const module = args[0] ? staticString(unwrapChain(args[0])) : undefined;
    return ['node', ...spelledArguments(list), ...(module ? [module] : module === undefined ? ['*'] : []), ...spelledArguments(args[1])].join(' ');
  }
  return undefined;
}

/** No command spelled, or one whose program is unknown (`* --version`). */
function isComputed(commands: readonly string[] | undefined): boolean {
  return !commands || commands.some(c => c.startsWith('*'));
}

/** The name in front of the command (`rg`, `\`${rg} --version\``): it may hold a choice of programs. */
function leadingName(arg: Node | undefined): string | undefined {
  const node = arg && unwrapChain(arg);
  if (node?.type === 'Identifier') return node.name;
  if (node?.type !== 'TemplateLiteral' || node.quasis[0].value.cooked !== '' || node.expressions.length === 0) return undefined;
  const lead = unwrapChain(node.expressions[0] as Node);
  return lead.type === 'Identifier' ? lead.name : undefined;
}

/**
 * `var rg = win32 ? "rg.exe" : "rg"; exec(\`${rg} --version\`)`: the commands when the name in
 * front is bound exactly once, never changed, to a choice of literals. Asked after the walk,
 * when every assignment of the name is known.
 */
function chosenCommands(p: ProcessCall, ctx: RuleContext, decodedText?: DecodedText): string[] | undefined {
  // Whole lines where the values are spelled whole (`open "*"`), else the fixed start each value gives (`open "*`).
  const shaped = shapedCommands(p, ctx.analysis());
  if (shaped) return shaped;
  const name = leadingName(p.args[0]);
  return name === undefined ? undefined : namedCommands(p, name, ctx, decodedText);
}

/**
 * The commands when the line, as `lineShapes` follows it (a choice in front, a helper's
 * returns, a property of objects written here), starts with a fixed program in every case.
 */
function shapedCommands(p: ProcessCall, analysis: ModuleAnalysis): string[] | undefined {
  const shapes = p.args[0] && wholeLines(lineShapes(p.args[0], p.fn, analysis, 0));
  if (!shapes || shapes.some(startsComputed)) return undefined;
  const rest = argumentsAfterWalk(p.args[1], p.fn, analysis.index);
  return shapes.map(s => [s, ...rest].join(' '));
}

function namedCommands(p: ProcessCall, name: string, ctx: RuleContext, decodedText?: DecodedText): string[] | undefined {
  const index = ctx.analysis().index;
  const value = settledValueAt(index, name, p.fn, p.args[0].start);
  const programs = value ? literalChoices(value.node, 0) : assignedStarts(index, name, p.fn, p.args[0].start, decodedText);
  if (!programs) return undefined;
  const first = unwrapChain(p.args[0]);
  if (first.type === 'Identifier') return programs.map(program => [program, ...argumentsAfterWalk(p.args[1], p.fn, index)].join(' '));
  const rest = p.spelled?.[0];
  return rest?.startsWith('*') ? programs.map(program => program + rest.slice(1)) : undefined;
}

/** The program a spelled command starts: its first word, unquoted (`"*" --version` starts a computed program). */
function programOf(command: string): string {
  const head = /^\s*(?:"([^"]*)"|'([^']*)'|(\S*))/.exec(command);
  return head?.[1] ?? head?.[2] ?? head?.[3] ?? '';
}

/**
 * A local given several values, each a literal or a literal put in front of what it held
 * (`let t = "%windir%\\System32\\REG.exe"; if (wow64) t = "%windir%\\sysnative\\cmd.exe /c " + t`):
 * every value's fixed start (`cmd.exe /c *`), or undefined if any value's start is not fixed.
 * Only `=` counts; no nested function may bind the name again.
 */
function assignedStarts(index: ModuleIndex, name: string, fn: number, at: number, decodedText?: DecodedText): string[] | undefined {
  const bound = index.binding(name, fn);
  // Text added with `+=` before the use (one added later, in another branch, is not yet there).
  if (!bound || bound.moduleLike || bound.scope < 0) return undefined;
  // Only the values that may reach the use: from the last one assigned wherever the use runs.
  const from = bound.earlier ? reachingValues(bound, { start: at, end: at })[0]?.node.start : undefined;
  // Text added with `+=` between those values and the use (not later, not before the last one).
  const added = bound.appended?.filter(a => a.node.start < at && (from === undefined || a.node.start > from)) ?? [];
  if (bound.changedInPlace && (added.length || !bound.appended?.length)) return undefined;
  const owner = index.functions[bound.scope].node;
  // A parameter holds whatever a caller passes until it is assigned.
  if (isParameterOf(owner, name)) return undefined;
  // Declared again in other blocks (`let r` in each branch of a long function): the block around the use.
  const block = (index.blockBindings.get(name) ?? []).filter(r => r.fn === bound.scope && r.start <= at && at < r.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  if (!block && bound.history) return undefined;
  const starts = new Set<string>();
  // A nested function that binds the name again has a variable of its own: not descended into.
  const ownBinding = (n: Node) => n !== owner && isFunction(n) && bindsWithin(n, name);
  const skip = (n: Node) => (block !== undefined && (n.end <= block.start || n.start >= block.end)) || ownBinding(n);
  for (const n of descendants(owner.body as Node, skip)) {
    if (block && (n.start < block.start || n.end > block.end)) continue;
    if (ownBinding(n)) continue;
    let value: Node | undefined;
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === name) {
      // `let b;` before the branches that assign it: no value yet.
      if (!n.init) continue;
      value = n.init;
    } else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier' && n.left.name === name) {
      if (n.operator !== '=' && (n.start > at || (from !== undefined && n.start < from))) continue;
      if (n.operator !== '=') return undefined;
      value = n.right;
    } else continue;
    // Values given after the use (in text) reach it only through a loop: reachingValues' rule too.
    if (from !== undefined && value && (value.start < from || value.start > at)) continue;
    const v = value && unwrapChain(value);
    // `t = "cmd.exe /c " + t`: put in front of each start it held so far.
    const prefix = v?.type === 'BinaryExpression' && v.operator === '+' && unwrapChain(v.right).type === 'Identifier' && (unwrapChain(v.right) as { name: string }).name === name ? staticString(v.left as Node) : undefined;
    // A string the file decodes (`_$d("…")` in Qoder) is fixed text too.
    const added = prefix !== undefined && starts.size ? [...starts].map(s => prefix + s) : [v && (fixedStart(v) ?? decodedText?.(v))];
    for (const start of added) {
      if (start === undefined || starts.size >= MAX_SHAPES) return undefined;
      starts.add(start);
    }
  }
  // `let cmd = ""` before the branches that set it: an empty command runs nothing.
  if (starts.size > 1) starts.delete('');
  return starts.size ? [...starts] : undefined;
}

/** The text the file decodes at a node (`_$d("…")`), when it does. */
type DecodedText = (node: Node) => string | undefined;

/** `"x"`, `"x" + y`, `` `x${y}` ``: the text with `*` for what follows the fixed start. */
function fixedStart(node: Node): string | undefined {
  const literal = staticString(node);
  if (literal !== undefined) return literal;
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    // `"cat /sys/class/net/" + i + "/operstate; …" + …`: the chain's first operand is its start.
    let head: Node = node;
    while (head.type === 'BinaryExpression' && head.operator === '+') head = head.left as Node;
    const left = staticString(head);
    return left ? `${left}*` : undefined;
  }
  const first = node.type === 'TemplateLiteral' ? (node.quasis[0].value.cooked ?? '') : '';
  return first ? `${first}*` : undefined;
}

/** `a ? "x" : b ? "y" : "z"`: every literal the choice can give, or undefined if one is not literal. */
function literalChoices(node: Node, depth: number): string[] | undefined {
  const n = unwrapChain(node);
  const text = staticString(n);
  if (text !== undefined) return [text];
  if (n.type !== 'ConditionalExpression' || depth > 3) return undefined;
  const a = literalChoices(n.consequent, depth + 1);
  const b = a && literalChoices(n.alternate, depth + 1);
  return a && b ? [...new Set([...a, ...b])] : undefined;
}

/** The call that makes the command, when it is one (`_$d("…")`, or a name bound to it). */
function commandCall(args: readonly Node[], ctx: RuleContext): Node | undefined {
  const first = args[0] && unwrapChain(args[0]);
  if (first?.type === 'CallExpression') return first;
  if (first?.type !== 'Identifier') return undefined;
  const bound = ctx.resolve(first);
  return bound?.type === 'CallExpression' ? bound : undefined;
}

function report(ctx: RuleContext, p: ProcessCall, byCallers?: ReadonlyMap<Node, string[]>) {
  const { node, call, args } = p;
  const given = p.shell ? byCallers?.get(node) : undefined;
  const commands = given ?? (p.via ? p.via.commands : p.chosen ?? p.decoded?.commands ?? withDecodedArguments(p.spelled, args[1], ctx.analysis()));
  // A shell's line given whole (`exec(line)`, `spawn(line, {shell: true})`) whose spelled form
  // is computed: read after the walk as a shell's inline line is (a name bound to a joined list).
  const computedLine = !given && !p.via && p.shell && args[0] !== undefined && (isComputed(commands) || !!commands?.some(lineComputed));
  const inline = inlineShellCommands(args, { analysis: ctx.analysis(), fn: p.fn }) ?? (computedLine ? [args[0]] : undefined);
  // Each line as far as it is fixed, `*` for computed parts (a template's values).
  const analysis = ctx.analysis();
  const spelledLines = inline?.map(line => fixedLine(line, p.fn, analysis) ?? lineShape(line, p.fn, analysis, 0));
  const linesSpelled = spelledLines?.every(l => l !== undefined) ? [...new Set(spelledLines)].join(' or ') : undefined;
  // A list chosen per platform is not spelled with the program: its lines say what runs.
  const chosenList = args[1] !== undefined && unwrapChain(args[1]).type === 'ConditionalExpression';
  // A line the file fixes where the spelled command shows `*` (a name, an encoded script): the line says what runs.
  // So does a line given to a shell spelled alone (`spawn(win ? "cmd.exe" : "bash", args)`, the list chosen elsewhere).
  const lineSaysMore = linesSpelled !== undefined && (!!commands?.some(c => c.includes('*')) || !!commands?.every(c => SHELL_PROGRAMS.has(programName(c.trim()))));
  const command = (chosenList || lineSaysMore ? linesSpelled : undefined) ?? commands?.join(' or ') ?? linesSpelled;
  // The same commands kept apart (a line may say "or" itself: `echo "for bash or zsh" >> ~/.zshrc`).
  const linesApart = spelledLines?.every(l => l !== undefined) ? [...new Set(spelledLines as string[])] : undefined;
  const commandsApart = (chosenList || lineSaysMore ? linesApart : undefined) ?? commands ?? linesApart;
  // The evidence names the commands the message shows.
  const lineShown = (chosenList || lineSaysMore) && linesSpelled !== undefined ? (spelledLines as string[]) : undefined;
  const shell = p.shell || inline !== undefined;
  // A shell given its command line: what matters is whether that line is fixed, not the shell's path.
  // As for exec: computed when what starts the line is (`Get-Process -Id ${pid}` is a fixed command given a value).
  // A shell's line is computed when any of its commands is.
  const computed = given ? false : spelledLines ? spelledLines.some(l => l === undefined || lineComputed(l)) : isComputed(commands) || ((shell || !!p.shellSyntax) && !!commands?.some(lineComputed));
  const kind = shell ? 'shell' : 'program';
  const shown = given ? [...given.slice(0, MAX_SHAPES), ...(given.length > MAX_SHAPES ? ['…'] : [])].join(' or ') : command;
  // `curl -fsSL https://bun.sh/install | bash`: what runs is whatever the server sends then.
  // Bun Shell runs its own pipes: `$\`curl … | bash\`` too.
  const piped = (shell || p.shellSyntax) && shown !== undefined ? pipedDownload(shown) : undefined;
  const unquarantines = !piped && shown !== undefined && removesQuarantine(shown);
  const hooks = !piped && !unquarantines && shown !== undefined ? hooksPathSet(shown) : undefined;
  ctx.report({
    node,
    messageId: piped ? 'pipedScript' : unquarantines ? 'quarantine' : hooks !== undefined ? 'hooksPath' : given ? 'shellByCallers' : computed ? `${kind}Computed` : kind,
    data: { call, command: shown ?? '' },
    severity: (shell && computed) || piped || unquarantines || hooks !== undefined ? 'medium' : 'low',
    evidence: [`call ${call}`, ...(lineShown ?? commands ?? []).slice(0, MAX_SHAPES).map(c => `command ${c.slice(0, 200)}`), ...(shell ? ['shell'] : []), ...(piped ? [`downloads ${piped}`] : []), ...(unquarantines ? ['removes com.apple.quarantine'] : []), ...(hooks !== undefined ? [`sets core.hooksPath ${hooks}`] : [])],
    ...(p.decoded ? { decodedFrom: p.decoded.recipe } : {}),
    // What runs (the program or shell command) is the target; the argument list the payload.
    // Options (`{input, env}`) are neither: data handed to a fixed program is not code run.
    facts: [{ kind: 'sink', sink: 'exec', detail: command ?? call, target: args[0], payload: argumentList(args[1], ctx), ...(commands ? { programs: commands.map(programOf) } : {}), ...(commandsApart ? { commands: commandsApart } : {}), ...(p.listForm ? { listTarget: true } : {}), ...(p.shell || p.shellSyntax ? { shellLine: true } : {}), ...cwdOf(p) }],
    ...(p.via
      ? {
          related: [
            ...p.via.through.map(n => ({ start: n.start, end: n.end, message: 'a wrapper passes the command on here' })),
            { start: p.via.inner.start, end: p.via.inner.end, message: 'the wrapper starts the process here' },
          ].sort((a, b) => a.start - b.start),
        }
      : {}),
    fn: p.fn,
  });
}

/**
 * A shell line that runs a script it downloads: `curl … | sh`, `wget -qO- … | bash`,
 * `bash -c "$(curl …)"`, `sh <(curl …)`, PowerShell's `irm … | iex` and `iex (iwr …)`. The
 * address downloaded (`*` when it is not spelled), or undefined.
 */
function pipedDownload(line: string): string | undefined {
  const unix = /\b(?:curl|wget)\b([^|;&]*)\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\/\S*\/)?(?:sh|bash|zsh|dash|ksh|fish|python3?|node|perl|ruby)\b/.exec(line);
  // `bash -c "$(curl …)"`, `sh <(curl …)`, `eval "$(curl …)"`, `source <(curl …)`, `. <(curl …)`.
  const substituted = /(?:\b(?:sh|bash|zsh|eval|source)\b|(?:^|[\s;&|])\.(?=\s))[^|;&]*(?:\$\(|<\()\s*(?:curl|wget)\b([^)]*)\)/.exec(line);
  const pwsh =
    /\b(?:irm|iwr|Invoke-RestMethod|Invoke-WebRequest|DownloadString)\b([^|;]*)\|\s*(?:iex|Invoke-Expression)\b/i.exec(line) ??
    /\b(?:iex|Invoke-Expression)\s*\(?\s*(?:\(?\s*New-Object\s+\S*WebClient\)?\.DownloadString|irm|iwr|Invoke-RestMethod|Invoke-WebRequest)\b([^)|;]*)/i.exec(line);
  const found = unix ?? substituted ?? pwsh;
  if (!found) return undefined;
  const address = /(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/[^\s"'|)]*)?/i.exec(found[1] ?? '');
  return address ? address[0] : '*';
}

/** Programs that run the text of a command substitution they are given (`bash -c "$(curl …)"`, `eval "$(…)"`). */
const SUBSTITUTING = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'eval', 'source', '.']);

/**
 * `xattr -d com.apple.quarantine F` (`-dr`, `-r -d`), or `xattr -c F` (every attribute, the
 * quarantine mark among them), as one command of a line: macOS's Gatekeeper checks a downloaded
 * program at its first start only while the mark is there.
 */
function removesQuarantine(line: string): boolean {
  for (const words of commandWords(line)) {
    while (words[0]?.startsWith('-')) words.shift();
    if (programName(words[0] ?? '') !== 'xattr') continue;
    const flags = words.filter(w => /^-[a-z]+$/i.test(w)).join('');
    if (flags.includes('c') || (flags.includes('d') && words.includes('com.apple.quarantine'))) return true;
  }
  return false;
}

/**
 * The words of each command of a spelled command line, past a leading `sudo`: a spelled command
 * may be alternatives (`a or b`), each a shell line.
 */
function* commandWords(line: string): Generator<string[]> {
  for (const alternative of line.split(' or ')) {
    for (const command of shellScript(alternative).commands) {
      const words = command.words.map(w => w.text);
      while (words[0] === 'sudo') words.shift();
      yield words;
    }
  }
}

/**
 * `git config [--local|--global|--system|--worktree] core.hooksPath DIR` as one command of a
 * line: every commit of the repository (of every repository, with --global) then runs the
 * scripts in DIR (Copilot CLI points it at hooks it writes into `.git/copilot-hooks`). The folder
 * as spelled; undefined when the line reads (`--get`, no value) or removes (`--unset`) it.
 */
function hooksPathSet(line: string): string | undefined {
  for (const words of commandWords(line)) {
    if (programName(words[0] ?? '') !== 'git') continue;
    let i = 1;
    while (words[i] === '-C' || words[i] === '-c') i += 2;
    if (words[i++] !== 'config') continue;
    // Scope and write options before the key (`--global --replace-all`); a read (`--get`) or a
    // removal (`--unset`) of it sets nothing.
    while (/^--(?:local|global|system|worktree|replace-all|add|type=\S+|bool|path)$/.test(words[i] ?? '')) i++;
    if (words[i]?.toLowerCase() !== 'core.hookspath') continue;
    const value = words[i + 1];
    if (value !== undefined && !value.startsWith('-')) return value;
  }
  return undefined;
}

/**
 * Wrappers of wrappers followed this many levels out from the process call: execa 9 passes the
 * program through four functions (`spawnSubprocessAsync`, `execaCoreAsync`, `callBoundExeca`,
 * `boundExeca`) before its callers give it.
 */
const WRAPPER_LEVELS = 5;
/** Calls followed into helpers' returns, looking for the parameter a program comes from (execa 9 normalises it through five). */
const CARRY_DEPTH = 6;

/**
 * Which parameters of the function around a process call are its command: the program (and
 * the argument list: `spawn(cmd, args)`, Bun's `spawn([cmd, ...args])`), or the whole command
 * as one list (`spawn(cmd[0], cmd.slice(1))`, `Bun.spawn(cmd)`).
 */
type PassedOn = { program: number; list: number; programPath?: readonly string[]; listPath?: readonly string[]; fixed?: Node } | { whole: number };

/**
 * `[exe, ...args] = list` then `(exe, args)`: the list, when the program is its element 0 and the
 * arguments are the rest of the same list (the index binds a rest element to the list itself).
 */
function destructuredCommand(program: Node, rest: Node | undefined, fn: number, index: ModuleIndex): Node | undefined {
  const list = rest && unwrapChain(rest);
  if (program.type !== 'Identifier' || list?.type !== 'Identifier') return undefined;
  const head = settledValue(index, program.name, fn)?.node;
  const tail = settledValue(index, list.name, fn)?.node;
  if (head?.type !== 'PropertyOf' || head.key !== '0' || !tail) return undefined;
  const whole = unwrapChain(head.object as Node);
  return tail === whole || (tail.type === 'Identifier' && whole.type === 'Identifier' && tail.name === whole.name && tail.start === whole.start) ? whole : undefined;
}

/** A parameter of a function around a process call, and the property of its value that is the command (`{ file }` destructured: `["file"]`). */
interface Carried {
  scope: number;
  at: number;
  path: readonly string[];
}

/**
 * The function whose parameters a process call takes its command from (the call may sit in a
 * callback inside it: `new Promise(r => spawn(command, args))`), and which ones.
 */
function passedOn(p: ProcessCall, analysis: ModuleAnalysis, carrierOf?: CarrierOf): { wrapper: number; how: PassedOn } | undefined {
  const { index } = analysis;
  const paramOf = (n: Node | undefined): Carried | undefined => {
    const node = n && unwrapChain(n);
    if (!node) return undefined;
    // `spawn(resolve(e), …)`: a helper of the module that gives back its parameter (a lookup
    // that falls back to the name it is given) carries it; one that only builds text from it does not.
    if (node.type !== 'Identifier') return node.type === 'MemberExpression' || node.type === 'CallExpression' ? carriedParameter(node, p.fn, analysis, [], carrierOf) : undefined;
    const bound = index.binding(node.name, p.fn);
    if (!bound || bound.scope < 0 || bound.moduleLike) return undefined;
    const at = index.functions[bound.scope].node.params.findIndex(q => q.type === 'Identifier' && q.name === node.name);
    return at >= 0 ? { scope: bound.scope, at, path: [] } : carriedParameter(node, p.fn, analysis, [], carrierOf);
  };
  const spreadList = p.listForm ? undefined : onlySpread(p);
  if (spreadList) {
    // `spawn(...concatenateShell(file, args, options))`: the spread list's first two elements are the program and its list.
    const program = carriedParameter(spreadList, p.fn, analysis, ['0']);
    if (!program) return undefined;
    const list = carriedParameter(spreadList, p.fn, analysis, ['1']);
    const same = list && list.scope === program.scope;
    return { wrapper: program.scope, how: { program: program.at, programPath: program.path, list: same ? list.at : -1, listPath: same ? list.path : [] } };
  }
  const first = p.args[0] && unwrapChain(p.args[0]);
  if (!first) return undefined;
  // `cmd[0]`: the program is the first element of a list parameter, its arguments the rest.
  const elementZero = first.type === 'MemberExpression' && first.computed && first.property.type === 'Literal' && first.property.value === 0;
  if (p.listForm || elementZero) {
    const whole = paramOf(elementZero ? (first.object as Node) : first);
    return whole && { wrapper: whole.scope, how: { whole: whole.at } };
  }
  // `const [exe, ...args] = launcher; spawn(exe, args)`: the same, destructured (Letta's shell tool).
  const destructured = destructuredCommand(first, p.args[1], p.fn, index);
  if (destructured) {
    const whole = paramOf(destructured);
    if (whole) return { wrapper: whole.scope, how: { whole: whole.at } };
  }
  const program = paramOf(first);
  const second = p.args[1] && unwrapChain(p.args[1]);
  // `[...args]` (the rest of Bun's list) or `args` itself, a parameter of the same function.
  const spread = second?.type === 'ArrayExpression' && second.elements.length === 1 && second.elements[0]?.type === 'SpreadElement' ? second.elements[0].argument : second;
  if (!program) {
    // `spawn("sudo", args)`: the wrapper writes the program, its callers give the arguments
    // (`fixed`, program -1: Factory's `Dt(["tee", unit])` runs `sudo tee …`).
    const own = !p.listForm && staticString(first) !== undefined ? first : undefined;
    const args = own && paramOf(spread);
    return args ? { wrapper: args.scope, how: { program: -1, list: args.at, listPath: args.path, fixed: own } } : undefined;
  }
  const list = paramOf(spread);
  if (list && list.scope === program.scope) return { wrapper: program.scope, how: { program: program.at, programPath: program.path, list: list.at, listPath: list.path } };
  // A list that more than one parameter reaches (execa's `node` option puts the program in it) is
  // still the one after the program, as in spawn's own order, when that parameter reaches it.
  const next = program.path.length === 0 && spread && parametersReached(spread, p.fn, program.scope, analysis, CARRY_DEPTH).includes(program.at + 1);
  return { wrapper: program.scope, how: { program: program.at, programPath: program.path, list: next ? program.at + 1 : -1, listPath: [] } };
}

/**
 * The parameter of a function around the call that a value carries unchanged, followed through
 * names, properties, returns and the helpers of the bundle (`parsed.file` in execa, from
 * `handleArguments(file)` by way of cross-spawn's `parse`): one parameter, on a branch that
 * builds no text from it (`\`git ${sub}\``: the caller's value is not the program). `path`: the
 * element or property of `node` asked about (`["0"]`: the first element of a spread list).
 *
 * A property of the parameter counts (`{ file }` destructured: each caller's `file`), but only
 * callers that write it in an object literal are read for it (commandGiven): a caller passing a
 * table of profiles (`profile.credential_process`) gives no program.
 */
function carriedParameter(node: Node, fn: number, analysis: ModuleAnalysis, path: readonly string[] = [], carrierOf?: CarrierOf, lookups = 0): Carried | undefined {
  const { index, flow } = analysis;
  const around = new Set<number>();
  for (let f = fn; f >= 0; f = index.functions[f].parent) around.add(f);
  const reached = flow.origins<Carried | null>(
    node,
    fn,
    (n, at, rest) => {
      if (n.type === 'Parameter') {
        const scope = index.functionOf(n.fn);
        return scope !== undefined && around.has(scope) ? parameterPlace(n, rest, scope) : undefined;
      }
      // `xRo(aT(e), n, u)` with `aT` another module's lookup that falls back to the name it is given
      // (a plain call: `.call`/`.apply` put other values first); a few lookups deep at most.
      const plain = n.type === 'CallExpression' && !['call', 'apply', 'bind'].includes(calledMethod(n) ?? '');
      const carries = carrierOf && plain && rest.length === 0 && around.has(at) && lookups < CARRY_DEPTH ? carrierOf(n as Node & { type: 'CallExpression' }, at) : undefined;
      if (carries !== undefined) {
        const given = (n as Node & { type: 'CallExpression' }).arguments[carries];
        return (given && given.type !== 'SpreadElement' && carriedParameter(given as Node, at, analysis, [], carrierOf, lookups + 1)) || null;
      }
      // A whole list made with other elements in front of a parameter's (`[bin, ...prefix, ...args]`):
      // its program is the first of those, not the parameter's first (review 109: the Claude
      // launcher showed the caller's `daemon` as the program).
      if (n.type === 'ArrayExpression' && rest.length === 0 && n.elements[0] && n.elements[0].type !== 'SpreadElement' && n.elements.some(e => e?.type === 'SpreadElement')) return null;
      return buildsText(n) ? null : undefined;
    },
    CARRY_DEPTH,
    path,
  );
  // A branch that builds text from the value (cross-spawn quoting it for cmd.exe on Windows) is
  // another value the program may take; a branch that carries the parameter as it is shows
  // that the caller's value is the program. A parameter carried whole stands over properties
  // of others met on the way (execa resolves the program in the `cwd` of its options).
  const carried = reached.flatMap(r => (r.mark ? [r.mark] : []));
  const whole = carried.filter(m => m.path.length === 0);
  const candidates = whole.length ? whole : carried;
  const first = candidates[0];
  return first && candidates.every(m => m.scope === first.scope && samePlace(m, first)) ? first : undefined;
}

/** The parameter another module's function called here gives back (ctx.importedCarrier), if any. */
type CarrierOf = (call: Node & { type: 'CallExpression' }, fn: number) => number | undefined;

/** CarrierOf through the rule's context: a call of a function imported from another module of the program. */
function importedCarriers(ctx: RuleContext, analysis: ModuleAnalysis): CarrierOf {
  return (call, fn) => {
    const ref = calleeRefOf(call, analysis.lookup(fn));
    return ref && ref.path.length === 1 ? ctx.importedCarrier(ref) : undefined;
  };
}

/** The same parameter and property of it. */
function samePlace(a: { at: number; path: readonly string[] }, b: { at: number; path: readonly string[] }): boolean {
  return a.at === b.at && a.path.join('.') === b.path.join('.');
}

/** `spawn(...list)`: the list, when a spread is the call's only argument (the call's own, not a caller's). */
function onlySpread(p: ProcessCall): Node | undefined {
  const written = !p.via && p.node.type === 'CallExpression' ? p.node.arguments : undefined;
  return written?.length === 1 && written[0].type === 'SpreadElement' ? (written[0].argument as Node) : undefined;
}

/** Properties of a parameter followed into its callers' object literals, at most. */
const MAX_CARRIED_PATH = 2;

/** Where a parameter's value (or its property `path`) comes from in its callers' arguments; a rest parameter's element `n` is argument `index + n`. */
function parameterPlace(param: Parameter, path: readonly string[], scope: number): Carried | undefined {
  if (param.rest) return path.length && /^\d+$/.test(path[0]) ? parameterPlace({ ...param, rest: undefined, index: param.index + Number(path[0]) }, path.slice(1), scope) : undefined;
  if (path.length > MAX_CARRIED_PATH || path.some(k => k === '*' || /^\d+$/.test(k))) return undefined;
  return { scope, at: param.index, path };
}

/** `[program, ...args]` written out: the program and the rest as a list of its own, or undefined when the first element is missing or spread. */
function programAndRest(list: Node): [Node, Node] | undefined {
  if (list.type !== 'ArrayExpression') return undefined;
  const head = list.elements[0];
  return head && head.type !== 'SpreadElement' ? [head, { ...list, elements: list.elements.slice(1) }] : undefined;
}

/** A caller's command, in the shape a process call takes it: [program, list], or the whole list. */
function commandGiven(how: PassedOn, step: CallStep, inner: ProcessCall): { args: Node[]; listForm?: true } | undefined {
  if ('program' in how) {
    const program = how.fixed ?? valueGiven(step, how.program, how.programPath);
    if (!program) return undefined;
    // Fixed arguments the wrapper writes itself (`execFile(binary, ["-version"])`) go with every
    // caller's program; a list holding the wrapper's own values (a shell's `-c` line it builds)
    // is the wrapper's, reported at the call inside it.
    const own = inner.args[1] && unwrapChain(inner.args[1]);
    const written = own?.type === 'ArrayExpression' && own.elements.every(e => e && staticString(e) !== undefined) ? own : undefined;
    const list = how.list >= 0 ? valueGiven(step, how.list, how.listPath) : written;
    return { args: [program, ...(list ? [list] : [])] };
  }
  const whole = valueGiven(step, how.whole);
  if (!whole) return undefined;
  const split = programAndRest(unwrapChain(whole));
  return split ? { args: split } : { args: [whole], listForm: true };
}

/**
 * What a caller gives a wrapper's parameter `at`, then the property `path` of that: an argument
 * as written, an element of a spread list that ends the call (`run(opts, ...args)`: the second
 * parameter is `args[0]`), a property written in an object literal (`spawnIt({ file, args })`).
 */
function valueGiven(step: CallStep, at: number, path: readonly string[] = []): Node | undefined {
  if (!Number.isFinite(step.argOffset)) return undefined;
  const [given] = argumentGiven(step.call, at + step.argOffset, []);
  let value: Node | undefined = given && (given.path.length ? elementOf(given.node, Number(given.path[0])) : given.node);
  for (const key of path) {
    const object = value && unwrapChain(value);
    // A spread among the properties may replace the key: no value to read.
    if (object?.type !== 'ObjectExpression' || object.properties.some(q => q.type === 'SpreadElement')) return undefined;
    let prop: Node | undefined;
    for (const q of object.properties) if (q.type === 'Property' && q.kind === 'init' && !q.computed && propertyKeyName(q) === key) prop = q;
    value = prop?.type === 'Property' ? (prop.value as Node) : undefined;
  }
  return value;
}

/** `list[k]`, made for the flow to read like a written one: an element of a caller's spread list. */
function elementOf(list: Node, k: number): Node {
  const key = String(k);
  return { type: 'MemberExpression', object: list, property: { type: 'Literal', value: key, raw: JSON.stringify(key), start: list.start, end: list.end }, computed: true, optional: false, start: list.start, end: list.end } as Node;
}

/**
 * The wrapper's parameters (and properties of them), other than its command, whose values reach
 * the options of the call inside it: `WU(q, {...K, shell: !0})` passes K's; execa's options reach
 * the spawn through cross-spawn's parser; execa 9's `{ options }` is a property of its one parameter.
 */
function optionParameters(p: ProcessCall, wrapper: number, how: PassedOn, analysis: ModuleAnalysis): Carried[] {
  const command = 'program' in how ? [{ at: how.program, path: how.programPath ?? [] }, { at: how.list, path: how.listPath ?? [] }].filter(c => c.at >= 0) : [{ at: how.whole, path: [] }];
  const out: Carried[] = [];
  for (const option of optionsOf(p)) {
    for (const place of placesReached(option, p.fn, wrapper, analysis)) if (!command.some(c => samePlace(c, place)) && !out.some(o => samePlace(o, place))) out.push(place);
  }
  // A property of a parameter whose whole value is passed on too says nothing more.
  return out.filter(o => !out.some(w => w.at === o.at && w.path.length < o.path.length && o.path.slice(0, w.path.length).join('.') === w.path.join('.'))).sort((a, b) => a.at - b.at);
}

/** Whether the call inside a wrapper turns a shell on whatever its callers give (`{...K, shell: !0}`). */
function shellInside(p: ProcessCall, wrapper: number, ctx: RuleContext): boolean {
  const given = argumentsAfterProgram(p);
  const options = optionsOf(p);
  if (!given && !p.options) return true;
  return options.some(o => settledShell(o, p.fn, given ? argumentListGiven(given.args, o) : true, ctx, { path: SHELL_KEY, stopAt: wrapper, options: true }));
}

/**
 * `x.spawn(file, args, { name: "xterm-256color", cols, rows, … })` when `x` cannot be told (a
 * pseudo-terminal module loaded through `import(name)` and handed around, or bundled without
 * its name): the terminal size in the options is node-pty's signature, which no process API
 * of Node's shares.
 */
function ptySpawn(node: Node & { type: 'CallExpression' }, callee: Node): ModuleRef | undefined {
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'spawn' || node.arguments.length !== 3) return undefined;
  const options = unwrapChain(node.arguments[2] as Node);
  if (options.type !== 'ObjectExpression') return undefined;
  const keys = new Set(options.properties.flatMap(p => (p.type === 'Property' ? [propertyKeyName(p)] : [])));
  return keys.has('cols') && keys.has('rows') ? { module: 'node-pty', path: ['spawn'] } : undefined;
}

/** The folder a process starts in, when an options object written at the call (or its wrapper's caller) says (`{ cwd: dir }`). */
function cwdOf(p: ProcessCall): { cwd?: Node } {
  if (p.cwd) return { cwd: p.cwd };
  for (const o of optionsOf(p)) {
    const object = o && unwrapChain(o);
    if (object?.type !== 'ObjectExpression') continue;
    for (const prop of object.properties) if (prop.type === 'Property' && propertyKeyName(prop) === 'cwd') return { cwd: prop.value as Node };
  }
  return {};
}

/**
 * The options a process call (or a wrapper's call) is given: those its caller gives the wrapper's
 * option parameters, the third element of a spread list (`spawn(...concatenateShell(file, args,
 * options))`), or the arguments after the program.
 */
function optionsOf(p: ProcessCall): Node[] {
  if (p.options) return [...p.options];
  const spread = onlySpread(p);
  if (spread) return [elementOf(spread, 2)];
  return argumentsAfterProgram(p)?.after ?? [];
}

/**
 * The arguments of a process call (or a wrapper's call) that are not spread, and those after
 * its program: the list and options (a `.call`'s receiver and the program itself are neither).
 * Undefined for a start that is no call (a Bun Shell template).
 */
function argumentsAfterProgram(p: ProcessCall): { args: Node[]; after: Node[] } | undefined {
  const call = p.node;
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return undefined;
  const args = call.arguments.flatMap(a => (a.type === 'SpreadElement' ? [] : [a as Node]));
  return { args, after: args.slice(args.indexOf(p.args[0]) + 1) };
}

const SHELL_KEY = ['shell'];

/** The places in the parameters of function `wrapper` (a parameter, or a property of one) whose values reach `value`. */
function placesReached(value: Node, fn: number, wrapper: number, analysis: ModuleAnalysis): Carried[] {
  const reached = analysis.flow.origins<Carried>(value, fn, (n, _, path) => (n.type === 'Parameter' && analysis.index.functionOf(n.fn) === wrapper ? parameterPlace(n, path, wrapper) : undefined), CARRY_DEPTH);
  return reached.map(r => r.mark);
}

/** The parameters of function `wrapper` whose values (or their properties) reach `value`. */
function parametersReached(value: Node, fn: number, wrapper: number, analysis: ModuleAnalysis, depth = CALL_DEPTH): number[] {
  const reached = analysis.flow.origins<number>(value, fn, n => (n.type === 'Parameter' && analysis.index.functionOf(n.fn) === wrapper ? n.index : undefined), depth);
  return [...new Set(reached.map(r => r.mark))];
}

/**
 * Calls of same-module wrappers (`runner.spawn(cmd, args)`, `bIq.execFile("powershell", […])`,
 * `Process.spawn([bin, ...args])`): a process call whose command is a parameter of the
 * function around it makes every call of that function a process start, with the caller's
 * argument as the command; a caller that passes its own parameter on is a wrapper too, up to
 * WRAPPER_LEVELS out (shown where a caller spells the command). The arguments are spelled
 * from literals and templates only (names there belong to the caller's scope, which the walk
 * has left) or a name the caller bound once.
 */
function wrapperCalls(ctx: RuleContext, started: readonly ProcessCall[]): { calls: ProcessCall[]; byCallers: Map<Node, string[]>; wrappers: Wrapper[] } {
  const analysis = ctx.analysis();
  const carrierOf = importedCarriers(ctx, analysis);
  const out: ProcessCall[] = [];
  const wrappers: Wrapper[] = [];
  // For each process call inside a wrapper (and each wrapper call passing its parameter on): the
  // calls of that wrapper, and whether they are all of them.
  const callers = new Map<Node, { all: boolean; given: ProcessCall[] }>();
  const seen = new Set<Node>(started.map(p => p.node));
  let level = started.filter(p => !p.via && !p.decoded && p.fn >= 0);
  for (let depth = 0; depth < WRAPPER_LEVELS && level.length; depth++) {
    const next: ProcessCall[] = [];
    for (const p of level) {
      const passed = passedOn(p, analysis, carrierOf);
      if (!passed) continue;
      const { wrapper, how } = passed;
      // The wrapper's parameters that reach the options of the call inside it (execa's options,
      // `{...K, shell: !0}`'s K, M7's `{shell: $}` with `$` destructured from its own): through
      // them each caller decides the shell, unless the wrapper turns it on whatever they give.
      const deciding = optionParameters(p, wrapper, how, analysis);
      const fixedOn = p.shell && (deciding.length === 0 || (!p.via && !p.shellFrom) || !!p.shellFixed || shellInside(p, wrapper, ctx));
      wrappers.push({ wrapper, how, shell: fixedOn, mayShell: p.shell, deciding, base: p.via?.base ?? p.importedBase ?? p.call });
      const steps = analysis.graph.callersOf(wrapper);
      const asGiven = runsAsGiven(p, wrapper, how, analysis);
      const record = { all: callsAllFound(wrapper, steps.length, analysis), given: [] as ProcessCall[] };
      callers.set(p.node, record);
      for (const step of steps) {
        if (seen.has(step.call)) {
          record.all = false;
          continue;
        }
        seen.add(step.call);
        const callerArgs = argumentsOf(step.call).slice(step.argOffset);
        const given = commandGiven(how, step, p);
        if (!given) {
          record.all = false;
          continue;
        }
        // A caller that gives nothing to run starts nothing, and leaves the others' commands what
        // runs, when the wrapper runs its parameter as given (`r ?? git()` runs git instead).
        if (asGiven && given.args[0] && givesNothing(given.args[0], step.fn, analysis)) continue;
        // An options object where the argument list goes (`execa(cmd, {shell: true})`, as spawn
        // itself takes it) is the options: runners shift their arguments as spawn does.
        const listAt = 'program' in how && how.program >= 0 && !how.programPath?.length ? how.program + 1 : -1;
        const afterProgram = listAt >= 0 ? valueGiven(step, listAt) : undefined;
        const at = deciding.length && afterProgram && unwrapChain(afterProgram).type === 'ObjectExpression' ? [...deciding, { scope: wrapper, at: listAt, path: [] }] : deciding;
        const options = at.flatMap(c => valueGiven(step, c.at, c.path) ?? []);
        const head = spelledHead(given.args[0], given.listForm, analysis, step.fn);
        // A caller that passes its own computed command on passes its options on too: further
        // out than the first level (which is shown whatever it runs), what its own parameters
        // give is decided by its callers, at the next level, each for itself.
        const passing = !head && step.fn >= 0;
        const settle = { path: SHELL_KEY, options: true, ...(passing && depth > 0 ? { stopAt: step.fn } : {}) };
        const shell = fixedOn || (deciding.length ? options.some(o => settledShell(o, step.fn, argumentListGiven(callerArgs, o), ctx, settle)) : p.shell);
        const name = analysis.index.sourceOf(calleeOf(step.call));
        const base = p.via?.base ?? p.importedBase ?? p.call;
        const q: ProcessCall = {
          node: step.call,
          call: `${base} via ${name.length <= 40 ? name : 'a wrapper'}()`,
          shell,
          ...(fixedOn ? { shellFixed: true } : {}),
          args: given.args,
          fn: step.fn,
          ...(given.listForm ? { listForm: true } : {}),
          ...(deciding.length ? { options } : {}),
          via: { inner: p.via?.inner ?? p.node, base, through: p.via ? [...p.via.through, p.node] : [], ...(head ? { commands: head.map(h => [h, ...(given.listForm ? [] : argumentsAfterWalk(given.args[1], step.fn, analysis.index))].join(' ')) } : {}) },
        };
        // Further out, a caller is shown only when it spells what runs, or turns on the shell
        // that runs it (`execa(cmd, {shell: true})`): one passing its own computed value on adds
        // nothing to the start already shown at the level below.
        if (head || depth === 0 || (shell && !fixedOn)) out.push(q);
        if (passing) next.push(q);
        record.given.push(q);
      }
    }
    level = next;
  }
  // A call whose command is the wrapper's parameter runs what the callers give: when every call
  // of the wrapper is known and each gives a command with a fixed start (or passes its own
  // parameter on to callers that do), those commands are what runs, not something computed.
  const byCallers = new Map<Node, string[]>();
  const givenBy = (p: ProcessCall, depth: number): string[] | undefined => {
    const r = callers.get(p.node);
    if (!r || !r.all || r.given.length === 0 || depth > WRAPPER_LEVELS) return undefined;
    const all: string[] = [];
    for (const q of r.given) {
      const own = q.via?.commands;
      const fixed = own && !isComputed(own) && !own.some(lineComputed) ? own : givenBy(q, depth + 1);
      if (!fixed) return undefined;
      all.push(...fixed);
    }
    return [...new Set(all)];
  };
  for (const p of [...started, ...out]) {
    const given = p.shell ? givenBy(p, 0) : undefined;
    if (given) byCallers.set(p.node, given);
  }
  return { calls: out, byCallers, wrappers };
}

/**
 * Whether the process call inside a wrapper runs the wrapper's parameter itself: written as the
 * call's command, with no default and given no other value (`function I(e) { return exec(e) }`),
 * so that a caller giving nothing gives the call nothing (not `spawn(r ?? git(), …)`).
 */
function runsAsGiven(p: ProcessCall, wrapper: number, how: PassedOn, analysis: ModuleAnalysis): boolean {
  const first = p.args[0] && unwrapChain(p.args[0]);
  if (first?.type !== 'Identifier') return false;
  const at = 'whole' in how ? how.whole : how.programPath?.length ? -1 : how.program;
  const param = analysis.index.functions[wrapper].node.params[at];
  const bound = analysis.index.binding(first.name, p.fn);
  return param?.type === 'Identifier' && param.name === first.name && bound?.scope === wrapper && !bound.mutated && !bound.overwrittenParameter && bound.values.every(v => v.node.type === 'Parameter');
}

/** A function that starts a process with what its callers give (wrapperCalls): which parameters, and how the shell is decided. */
interface Wrapper {
  wrapper: number;
  how: PassedOn;
  /** A shell runs it whatever the callers give. */
  shell: boolean;
  /** A shell may run it, as the callers' options decide. */
  mayShell: boolean;
  /** The parameters whose options decide the shell. */
  deciding: readonly Carried[];
  /** The start inside, by its own name (`child_process.spawn`). */
  base: string;
}

/**
 * Tells the modules that import them about the wrappers this module exports: a wrapper given
 * the program (and list) as plain parameters, not as properties of one (`run({ file })`: its
 * callers in other modules are not read for it).
 */
function exportWrappers(ctx: RuleContext, wrappers: readonly Wrapper[]): void {
  const { index } = ctx.analysis();
  for (const w of wrappers) {
    const names = exportNamesOf(index, w.wrapper);
    if (!names.length) continue;
    const { how } = w;
    // A program the wrapper writes itself is a node of this module: other modules are not told of it.
    if ('program' in how && (how.programPath?.length || how.listPath?.length || how.fixed)) continue;
    // The options a caller gives decide the shell through their own `shell` (`{ shell: o.shell }`
    // inside reads the caller's `{ shell: true }`); one decided deeper in them (`o.spawnOptions`)
    // cannot be told here, and a shell may run.
    const deciding = w.shell ? [] : w.deciding.filter(d => d.scope === w.wrapper);
    const readable = deciding.filter(d => d.path.length <= 1);
    const options = [...new Map(readable.map(d => [`${d.at}.${d.path[0] ?? ''}`, d.path.length === 0 || d.path[0] === 'shell' ? d.at : { at: d.at, key: d.path[0] }])).values()];
    const summary: StarterSummary = {
      call: w.base,
      ...('whole' in how ? { whole: how.whole } : { program: how.program, ...(how.list >= 0 ? { list: how.list } : {}) }),
      shell: w.shell || (readable.length < deciding.length && w.mayShell),
      ...(options.length ? { shellOptions: options } : {}),
    };
    for (const name of names) ctx.exportStarter(name, summary);
  }
}

/** `export function run`, `export const run = …`, `export default class R`: callers in other modules are not seen. */
function exportedAt(index: ModuleIndex, at: number): boolean {
  return /\bexport\s+(?:default\s+)?(?:(?:const|let|var)\s+)?$/.test(index.text.slice(Math.max(0, at - 40), at));
}

/**
 * Whether the calls the call graph found are all the calls of a wrapper: it is a function
 * declaration or bound by `name = …`, its name is spelled only as a call in the scope that binds
 * it (never passed, exported or stored: a value nobody here sees could be called with anything),
 * and as many times as calls were found.
 */
function callsAllFound(wrapper: number, found: number, analysis: ModuleAnalysis): boolean {
  if (found === 0 || found >= MAX_CALLERS) return false;
  const { index } = analysis;
  const record = index.functions[wrapper];
  const node = record.node;
  // A property of an object given in place (`validate({ run: … })`): its calls are those of
  // `param.run(…)` in that function, all of them when the parameter only ever has members read.
  const place = analysis.graph.callbackPlace(wrapper);
  if (place?.key !== undefined) {
    let calls = 0;
    const complete = everyUse(index, place.holder, place.param, use => {
      const parent = use.ancestors[use.ancestors.length - 1];
      const above = use.ancestors[use.ancestors.length - 2];
      if (isFunction(parent) && (parent.params as Node[]).includes(use.node)) return true;
      if (parent?.type !== 'MemberExpression' || parent.object !== use.node || parent.computed) return false;
      if (propertyName(parent) === place.key) {
        if (above?.type !== 'CallExpression' || above.callee !== parent) return false;
        calls++;
      }
      return true;
    });
    return complete && calls === found;
  }
  let name: string | undefined;
  let declaredAt = -1;
  let declarations = 0;
  if (node.type === 'FunctionDeclaration' && node.id) {
    if (exportedAt(index, node.start)) return false;
    name = node.id.name;
    declarations = 1;
  } else {
    // `const run = (…) => …`, `run = async function (…) {…}`: the name just before the value, also
    // as a default (`n = e.execCommand ?? (async (r) => …)`: called only through n, when the caller gave none).
    const text = index.text.slice(Math.max(0, node.start - 80), node.start);
    const before = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*$/.exec(text) ?? /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*[\w$.?]+\s*(?:\?\?|\|\|)\s*\(?\s*$/.exec(text);
    if (!before) return false;
    name = before[1];
    declaredAt = node.start - before[0].length;
    if (exportedAt(index, declaredAt)) return false;
  }
  const scope = index.binding(name, record.parent)?.scope;
  if (scope === undefined) return false;
  const calls = callsSpelled(index, scope, name, declaredAt);
  return calls >= 0 && calls - declarations === found;
}

/**
 * The program a caller gives, spelled: a literal or template, or a name the caller bound once
 * to one (`const cmd = global ? "npm root -g" : "npm root"; run(cmd)`); for a whole list, its
 * elements (a name bound once to a written list).
 */
function spelledHead(given: Node, listForm: boolean | undefined, analysis: ModuleAnalysis, fn: number): string[] | undefined {
  const node = unwrapChain(given);
  const settled = node.type === 'Identifier' ? settledValueAt(analysis.index, node.name, fn, node.start) : undefined;
  const value = settled ? unwrapChain(settled.node) : undefined;
  // A line the caller gets from a helper or a destructured property (`let {updateCommand: c} = detect()`): each alternative.
  // A loop's element of fixed texts (`for (let c of TABLE[platform]) run(c, { shell: true })`): each text.
  // Not a parameter: what callers pass is decided at their own level, further out.
  const fixed = () => {
    const texts = node.type === 'Identifier' && settled?.node.type === 'PropertyOf' ? constantTexts(node, fn, analysis.index) : undefined;
    return texts && texts.length <= MAX_SHAPES ? [...texts] : undefined;
  };
  if (!listForm) return (wholeLines(lineShapes(node, fn, analysis, 0)) ?? shapeOf(node) ?? (value ? shapeOf(value) : undefined) ?? fixed())?.map(line => line.replace(/\*{2,}/g, '*'));
  const split = value && programAndRest(value);
  if (!split) return undefined;
  const rest = spelledArguments(split[1]);
  return shapeOf(unwrapChain(split[0]))?.map(h => [h, ...rest].join(' '));
}

/**
 * `p.stdin.write(data)` (or `.end(data)`): data written to the input of the process `p`; or
 * `p.write(data)` (`direct`), which a pseudo-terminal's process takes as typed input.
 */
interface ProcessInput {
  node: Node;
  process: Node;
  data: Node;
  fn: number;
  direct?: boolean;
}

function processInput(node: Node & { type: 'CallExpression' }, callee: Node, method: string | undefined): Omit<ProcessInput, 'fn'> | undefined {
  if ((method !== 'write' && method !== 'end') || callee.type !== 'MemberExpression' || !node.arguments[0] || node.arguments[0].type === 'SpreadElement') return undefined;
  const stream = unwrapChain(callee.object as Node);
  if (stream.type === 'MemberExpression' && propertyName(stream) === 'stdin') return { node, process: stream.object as Node, data: node.arguments[0] };
  return method === 'write' && (stream.type === 'Identifier' || stream.type === 'MemberExpression') ? { node, process: stream, data: node.arguments[0], direct: true } : undefined;
}

/** A shell started to read commands from its input: by the process API, or in a pseudo-terminal (written to directly). */
interface ReadingShell {
  call: string;
  command: string;
  pty?: boolean;
  /** Its argument list kept in a name (`f = ["-c", e.command]`), read after the walk: it may give the shell its command. */
  list?: { node: Node; fn: number };
}

/** A pseudo-terminal started with no arguments or options only: what is typed into it is run by its program. */
interface PtyStart {
  node: Node;
  call: string;
  args: readonly Node[];
  fn: number;
  spelled?: string;
}

/**
 * A pseudo-terminal whose program is a shell (`pty.spawn(process.env.SHELL || "/bin/zsh", [],
 * { cols, rows })`, Letta's remote terminal): spelled as one, or every value it is made of a
 * shell's name, `$SHELL`, `%COMSPEC%` or the user's login shell (`os.userInfo().shell`).
 */
function ptyRunsShell(p: PtyStart, ctx: RuleContext): boolean {
  const list = p.args[1] ? unwrapChain(p.args[1]) : undefined;
  if (list && (list.type !== 'ArrayExpression' || !list.elements.every(e => e && e.type !== 'SpreadElement' && (staticString(e as Node) ?? '').startsWith('-') && !isInlineCodeOption(staticString(e as Node)!)))) return false;
  if (p.spelled !== undefined && !p.spelled.includes('*')) return SHELL_PROGRAMS.has(programName(p.spelled.trim().split(/\s+/)[0].replace(/^["']|["']$/g, '')));
  if (!p.args[0]) return false;
  const { flow, graph } = ctx.analysis();
  const kinds = flow.origins(p.args[0], p.fn, (n, at) => {
    const text = staticString(n);
    if (text !== undefined) return SHELL_PROGRAMS.has(programName(text)) ? 'shell' : 'other';
    const path = n.type === 'MemberExpression' ? memberPath(n) : undefined;
    if (path === 'process.env.SHELL' || path === 'process.env.COMSPEC' || path === 'process.env.ComSpec') return 'shell';
    if (n.type === 'MemberExpression' && propertyName(n) === 'shell') return 'shell';
    // A same-module helper's returns are followed; any other call gives some other program.
    return n.type === 'CallExpression' && graph.target(n, at) === undefined ? 'other' : undefined;
  });
  return kinds.length > 0 && kinds.every(k => k.mark === 'shell');
}

/**
 * A spelled shell with no command line and no script, only options (`/bin/bash`, `bash -l`,
 * `sh -s`): it runs what is written to its input. `bash -c cat` or `sh script.sh` do not.
 */
function readsCommands(command: string, args: readonly Node[]): boolean {
  const [program, ...words] = command.trim().split(/\s+/);
  if (!SHELL_PROGRAMS.has(programName(program.replace(/^["']|["']$/g, ''))) || inlineShellCommands(args)) return false;
  return words.every(w => w.startsWith('-') && !isShellCommandOption(w) && !isInlineCodeOption(w));
}

/**
 * A shell's argument list kept in a name, read now that the walk is over: a list written for it
 * that gives the shell its command (`["-c", e.command]`: what is written to its input is data,
 * Factory's status line). One not known here (a parameter, a choice, options) leaves the shell
 * reading its input, as a shell started with no list does.
 */
function listGivesCommand(shell: ReadingShell, index: ModuleIndex): boolean {
  const list = shell.list && writtenList(shell.list.node, shell.list.fn, index);
  if (!list || unwrapChain(list).type !== 'ArrayExpression') return false;
  return !readsCommands([shell.command, ...spelledArguments(list)].join(' '), []);
}

/**
 * Writes to the input of a shell started with no command: the process written to is followed
 * back (names, `this` fields, returns) to that shell's start. Each write of text not fixed by
 * the file is a shell command computed at run time; `exit\n` is not.
 */
function reportShellInputs(ctx: RuleContext, shells: ReadonlyMap<Node, ReadingShell>, inputs: readonly ProcessInput[]): void {
  const { flow, index } = ctx.analysis();
  const anyPty = [...shells.values()].some(s => s.pty);
  for (const input of inputs) {
    if (input.direct && !anyPty) continue;
    // Written straight to a process: only a pseudo-terminal's (a child process has `stdin` for that).
    const shellAt = (n: Node, _fn: number, path: readonly string[]) => (path.length === 0 && shells.has(n) && (!input.direct || shells.get(n)!.pty) ? n : undefined);
    if (constantTexts(input.data, input.fn, index)) continue;
    const reached = flow.origins(input.process, input.fn, shellAt);
    if (reached.length === 0) continue;
    const started = reached[0].mark;
    const shell = shells.get(started)!;
    if (shell.list && listGivesCommand(shell, index)) continue;
    ctx.report({
      node: input.node,
      messageId: 'shellInput',
      data: { call: shell.call, command: shell.command },
      severity: 'medium',
      evidence: [`call ${shell.call}`, `command ${shell.command}`, 'shell', `input ${index.sourceOf(input.data).slice(0, 120)}`],
      // What the shell runs is what is written: the target a download is followed to.
      facts: [{ kind: 'sink', sink: 'exec', detail: shell.command, target: input.data, payload: [], programs: [programOf(shell.command)] }],
      related: [{ start: started.start, end: started.end, message: 'the shell starts here' }],
      fn: input.fn,
    });
  }
}

export const childProcess: Rule = {
  meta: {
    id: 'child-process',
    category: 'execution',
    severity: 'low',
    title: 'Starts a process',
    description: 'child_process exec/execSync (shell), spawn/spawnSync/execFile/fork (shell when shell: true), Bun.spawn, Bun Shell ($`…`), execa, cross-spawn, also through promisify, .call/.apply/.bind and bundlers\' module wrappers; the command when spelled out. Medium when a shell runs a command computed at run time, given on its command line or written to the input of a shell started with no command, for xattr removing the macOS quarantine mark, and for git config core.hooksPath pointing the hooks of git at a folder.',
    messages: {
      shell: 'Runs a shell command ({{call}}): {{command}}',
      shellComputed: 'Runs a shell command ({{call}}) computed at run time',
      shellByCallers: 'Runs a shell command ({{call}}) that its callers give: {{command}}',
      program: 'Starts a program ({{call}}): {{command}}',
      programComputed: 'Starts a program ({{call}}) computed at run time',
      shellInput: 'Runs shell commands written to the input of a shell it started ({{call}}: {{command}}), computed at run time',
      pipedScript: 'Runs a script it downloads, in a shell ({{call}}): {{command}}',
      quarantine: "Removes macOS's quarantine mark ({{call}}: {{command}}): Gatekeeper will not check those files when they first run",
      hooksPath: "Points git's hooks at another folder ({{call}}: {{command}}): git runs the scripts there on commits",
    },
  },
  triggers: ['child_process', 'spawn', 'exec', 'fork', 'execa', 'shelljs', 'node-pty', 'Bun', 'bun', 'StdioClientTransport', 'StdioMCPTransport', 'MCPClient'],
  followsImports: true,
  create(ctx) {
    // Calls whose command is made by a call: reported once decoding is over, with the command
    // if a decoder (a string table, `_$d("…")`) turned out to produce it, else as computed.
    // A list per maker: two calls may run one name bound to a single call (`bin = path.resolve(…)`).
    const waiting = new Map<string, ProcessCall[]>();
    // Calls whose program is a name that may be bound to a choice of literals (chosenCommands).
    const choosing: ProcessCall[] = [];
    // Calls whose command is computed: a parameter may make the function around them a wrapper.
    const computed: ProcessCall[] = [];
    // Calls whose shell option is passed on from elsewhere: reported once their callers are known.
    const unsettled: ProcessCall[] = [];
    const ready: ProcessCall[] = [];
    // Starts with a computed part, in a module with encoded text: a string decoder may hide what
    // they run (`execFile("osascript", ["-e", _$d("…")])`): reported once values are decoded.
    const mayHideText = () => ctx.analysis().index.encoded.length > 0;
    const reportReady = (all = true) => {
      const waits = !all && mayHideText();
      const later: ProcessCall[] = [];
      for (const p of ready) {
        if (waits && (!p.spelled || p.spelled.some(c => c.includes('*')))) later.push(p);
        else report(ctx, p);
      }
      ready.length = 0;
      ready.push(...later);
    };
    const settled = (p: ProcessCall): ProcessCall => (p.shellFrom ? { ...p, shell: settledShell(p.shellFrom.value, p.fn, p.shellFrom.listGiven, ctx) } : p);
    // Shells started with no command to run (they read their commands from their input), by
    // their process call; and the places that write to some process's input.
    const readingShells = new Map<Node, ReadingShell>();
    const ptyStarts: PtyStart[] = [];
    // Bun Shell and execa templates, spelled after the walk.
    const bunLines: Array<{ node: Node; call: string; raw: boolean; quasi: Node & { type: 'TemplateLiteral' }; fn: number; bun: boolean; cwd?: Node }> = [];
    const inputs: ProcessInput[] = [];
    // Calls of a name that had no value when the walk passed them: asked again after it.
    const late: Array<{ node: Node & { type: 'CallExpression' }; viaCall: Node; fn: number }> = [];
    /** A process start by `node` (through `viaCall`), asked with `c` (the walk's context, or one after it): started, or false. */
    const startsProcess = (node: Node & { type: 'CallExpression' }, viaCall: Node, c: RuleContext): boolean => {
      const ref = c.moduleRef(viaCall) ?? ptySpawn(node, viaCall);
      const kind = ref && processCall(ref);
      const imported = !kind && ref ? importedStart(node, ref, c) : undefined;
      if (!kind && !imported) return false;
      const args = imported?.args ?? argumentsOf(node);
      const option = kind === 'shell' || imported?.shell || shellOption(args, c);
      const call = imported ? imported.call : refName(ref!);
      const fn = c.functionIndex();
      const inline = ref!.path[ref!.path.length - 1] === 'fork' ? forkedInlineCode(args) : undefined;
      const byName = {
        ...(viaCall.type === 'Identifier' ? { byName: { name: viaCall.name, fn, scope: c.analysis().index.binding(viaCall.name, fn)?.scope } } : {}),
        ...(imported ? { importedBase: imported.base } : {}),
        ...(imported?.listForm ? { listForm: true } : {}),
      };
      if (inline) start({ node, call, shell: false, args, fn, spelled: [inline], ...byName }, c);
      else if (typeof option === 'boolean') start({ node, call, shell: option, args, fn, ...byName }, c);
      // `n.shell ? exec(line) : execFile(e, l, {shell: n.shell})`: on the branch where the very value is false.
      else if (falseAt(c.path, c.text).has(c.text.slice(unwrapChain(option).start, unwrapChain(option).end))) start({ node, call, shell: false, args, fn, ...byName }, c);
      else {
        const options = args.find(a => unwrapChain(a).type === 'ObjectExpression');
        start({ node, call, shell: true, shellFrom: { value: option, listGiven: !!options && argumentListGiven(args, options) }, args, fn, ...byName }, c);
      }
      return true;
    };
    const start = (call: ProcessCall, c: RuleContext = ctx) => {
      const spelled = call.spelled ?? commandsOf(call.args, c, call.node);
      const p = spelled ? { ...call, spelled } : call;
      const pty = !call.via && isPtyPackage(call.call.split(' ')[0].replace(/\.spawn$/, ''));
      const named = call.args[1] && unwrapChain(call.args[1]).type === 'Identifier' ? { list: { node: call.args[1], fn: call.fn } } : {};
      if (spelled?.length === 1 && readsCommands(spelled[0], call.args)) readingShells.set(call.node, { call: call.call, command: spelled[0], ...(pty ? { pty } : {}), ...named });
      else if (pty) ptyStarts.push({ node: call.node, call: call.call, args: call.args, fn: call.fn, ...(spelled?.length === 1 ? { spelled: spelled[0] } : {}) });
      if (!spelled) computed.push(p);
      // `spawn("sudo", args)` inside a wrapper: its callers may give the arguments (wrapperCalls).
      else if (!p.listForm && !p.via && p.args[1] && unwrapChain(p.args[1]).type === 'Identifier') computed.push(p);
      const maker = spelled ? undefined : commandCall(p.args, c);
      if (!maker) {
        // A name in front, a choice, a helper's returns or an object's property: whether each start is fixed is known after the walk.
        if (isComputed(spelled) && p.args[0] !== undefined && !p.listForm) return void choosing.push(p);
        if (p.shellFrom) return void unsettled.push(p);
        // Reported after the walk: its lines are read then, when callers and bindings are complete.
        return void ready.push(p);
      }
      const key = `${maker.start}:${maker.end}`;
      const calls = waiting.get(key);
      if (calls) calls.push(p);
      else waiting.set(key, [p]);
    };
    // Strings the file decodes, by where they are decoded: a command a local is given in one branch.
    const decodedTexts = new Map<string, string>();
    const decodedText: DecodedText = n => decodedTexts.get(`${n.start}:${n.end}`);
    // `const add = () => w(), w = () => …` in a function: the walk met `w()` before the local `w`
    // was declared, and took it for the module's `w` (an `execSync` import). With every binding
    // known, a name its own function binds to something else is not that import.
    const dropHidden = () => {
      const analysis = ctx.analysis();
      const hidden = (p: ProcessCall): boolean => {
        const by = p.byName;
        const bound = by && analysis.index.binding(by.name, by.fn);
        // Bound, once every declaration is known, by a function closer than the scope the walk saw,
        // at that function's top: a block's own `let i` (a loop counter) elsewhere in it is not seen here.
        if (!bound || by.scope === undefined || bound.scope === MODULE || bound.scope === by.scope) return false;
        return !(analysis.index.blockBindings.get(by.name) ?? []).some(r => r.fn === bound.scope && !(r.start <= p.node.start && p.node.start < r.end));
      };
      for (const list of [ready, computed, unsettled, choosing]) {
        const kept = list.filter(p => !hidden(p));
        list.length = 0;
        list.push(...kept);
      }
      for (const [key, calls] of waiting) {
        const kept = calls.filter(p => !hidden(p));
        if (kept.length) waiting.set(key, kept);
        else waiting.delete(key);
      }
    };
    return {
      // A shipped shell script runs every line it has: only what a reader must know is told.
      shellCommand(site) {
        const { command } = site;
        // Words as the script spells them; a substitution (`"$(curl …)"`) as written, since what it runs is the point.
        const shown = (c: typeof command) => c.words.map(w => (/\$\(|<\(|`/.test(w.text) ? w.text : (site.spell(w)[0] ?? w.text))).join(' ');
        const program = (c: typeof command | undefined) => programName(c?.words.find(w => w.text !== 'sudo' && !w.text.startsWith('-'))?.text ?? '');
        // A real pipe from curl or wget, or a shell (or eval, source, `.`) given a download's text: not an echo that says so.
        const fromDownload = ['curl', 'wget'].includes(program(command.pipedFrom));
        const line = fromDownload ? `${shown(command.pipedFrom!)} | ${shown(command)}` : shown(command);
        const piped = fromDownload || SUBSTITUTING.has(program(command)) ? pipedDownload(line) : undefined;
        const unquarantines = !piped && removesQuarantine(line);
        const hooks = !piped && !unquarantines ? hooksPathSet(line) : undefined;
        if (!piped && !unquarantines && hooks === undefined) return;
        ctx.report({
          node: { start: command.pipedFrom?.start ?? command.start, end: command.end },
          messageId: piped ? 'pipedScript' : unquarantines ? 'quarantine' : 'hooksPath',
          data: { call: 'the script itself', command: line },
          severity: 'medium',
          evidence: [`command ${line.slice(0, 200)}`, 'shell', ...(piped ? [`downloads ${piped}`] : unquarantines ? ['removes com.apple.quarantine'] : [`sets core.hooksPath ${hooks}`])],
        });
      },
      decoded({ decoded: d, use }) {
        if (use) return;
        if (typeof d.value === 'string') decodedTexts.set(`${d.site.start}:${d.site.end}`, d.value);
        const calls = waiting.get(`${d.site.start}:${d.site.end}`);
        if (!calls || typeof d.value !== 'string') return;
        for (const p of calls) {
          const rest = spelledArguments(p.args[1]);
          p.decoded = { commands: [[d.value, ...rest].join(' ')], recipe: d.recipe.join(' -> ') };
        }
      },
      decodedEnd() {
        const analysis = ctx.analysis();
        dropHidden();
        for (const { node, call, raw, quasi, fn, bun, cwd } of bunLines) {
          const spelled = bunLine(quasi, fn, analysis);
          const nested = bun && handsShellText(spelled);
          start({ node, call, shell: raw || nested, args: [quasi], fn, spelled: [spelled], ...(bun ? { shellSyntax: true } : {}), ...(cwd ? { cwd } : {}) });
        }
        bunLines.length = 0;
        // Bun Shell lines started just now.
        reportReady();
        // Which calls inside wrappers run only what their callers give (wrapperCalls), known before any is reported.
        const wrapped = wrapperCalls(ctx, computed.map(settled));
        const { byCallers } = wrapped;
        exportWrappers(ctx, wrapped.wrappers);
        for (const p of unsettled) report(ctx, settled(p), byCallers);
        unsettled.length = 0;
        const withChosen = (p: ProcessCall): ProcessCall => {
          const chosen = chosenCommands(p, ctx, decodedText);
          return chosen ? { ...p, chosen } : p;
        };
        for (const p of choosing) report(ctx, settled(withChosen(p)), byCallers);
        choosing.length = 0;
        // A command made by a call no decoder read (`e = pagerCmd(…)`): a helper's returns may fix its start.
        for (const calls of waiting.values()) for (const p of calls) report(ctx, settled(p.decoded ? p : withChosen(p)), byCallers);
        waiting.clear();
        for (const p of wrapped.calls) report(ctx, p, byCallers);
        for (const p of ptyStarts) if (ptyRunsShell(p, ctx)) readingShells.set(p.node, { call: p.call, command: p.spelled ?? 'a shell', pty: true });
        if (readingShells.size && inputs.length) reportShellInputs(ctx, readingShells, inputs);
      },
      // Bun Shell (`$\`git show ${ref}\``, `Bun.$`, `var {$: L92} = globalThis.Bun`) and execa's `$`.
      TaggedTemplateExpression(node) {
        const ref = shellTagRef(node.tag as Node, ctx);
        if (!ref) return;
        const bun = ref.module === 'bun' && ref.path.length === 1 && ref.path[0] === '$';
        if (!bun && !(ref.module === 'execa' && processCall(ref))) return;
        const quasi = node.quasi as Node & { type: 'TemplateLiteral' };
        // Bun quotes each value as one word; `${{ raw: text }}` is read as shell syntax, and a
        // word handed to another shell (`sh -c ${x}`) is run as a command line by that shell,
        // unless the file fixes it (`const C = "echo hi"`).
        const raw = bun && quasi.expressions.some(e => isRawValue(e as Node));
        const call = bun ? 'Bun.$' : refName(ref);
        // Spelled after the walk, when a name's every assignment is known.
        const cwd = bun ? shellCwd(ctx) : undefined;
        bunLines.push({ node, call, raw, quasi, fn: ctx.functionIndex(), bun, ...(cwd ? { cwd } : {}) });
      },
      // MCP clients start a server's program when they connect: the MCP SDK's `new
      // StdioClientTransport({ command, args })`, the AI SDK's `Experimental_StdioMCPTransport`, and
      // each server of Mastra's `new MCPClient({ servers: { name: { command, args } } })`.
      NewExpression(node) {
        const ref = ctx.moduleRef(node.callee as Node);
        const client = ref && MCP_CLIENTS.find(c => c.module.test(ref.module) && ref.path[ref.path.length - 1] === c.name);
        const given = client && node.arguments[0] && node.arguments[0].type !== 'SpreadElement' ? unwrapChain(node.arguments[0] as Node) : undefined;
        if (!client || !given) return;
        // Options kept in a name first (`const opts = {command, args}`), as where they are written.
        const written = given.type === 'Identifier' ? ctx.resolve(given) : given;
        const options = written && unwrapChain(written).type === 'ObjectExpression' ? unwrapChain(written) : undefined;
        const servers = !options ? [] : client.servers ? objectValues(optionOf(options, client.servers)) : [options];
        let started = false;
        for (const server of servers) {
          const command = optionOf(server, 'command');
          const list = optionOf(server, 'args');
          if (!command) continue;
          start({ node, call: client.name, shell: false, args: list ? [command, list] : [command], fn: ctx.functionIndex() });
          started = true;
        }
        // Options from elsewhere (`new StdioClientTransport(config)`, `{...config}`): a program computed at run time.
        const opaque = !options || (options.type === 'ObjectExpression' && options.properties.some(p => p.type === 'SpreadElement'));
        if (!started && opaque && !client.servers) start({ node, call: client.name, shell: false, args: [given], fn: ctx.functionIndex() });
      },
      CallExpression(node) {
        const callee = calleeOf(node);
        const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
        const path = method === 'spawn' || method === 'spawnSync' ? memberPath(callee) : undefined;
        if (path && BUN_SPAWN.has(path)) {
          const first = node.arguments[0] && node.arguments[0].type !== 'SpreadElement' ? unwrapChain(node.arguments[0]) : undefined;
          const split = first && programAndRest(first);
          if (split) return start({ node, call: path, shell: false, args: split, fn: ctx.functionIndex() });
          return start({ node, call: path, shell: false, args: argumentsOf(node), fn: ctx.functionIndex(), ...(first && first.type !== 'ObjectExpression' ? { listForm: true } : {}) });
        }
        // `.bind` makes a function, it does not call one.
        if (method === 'bind') return;
        const input = processInput(node, callee, method);
        if (input) inputs.push({ ...input, fn: ctx.functionIndex() });
        const viaCall = method === 'call' || method === 'apply' ? unwrapChain(callee.type === 'MemberExpression' ? (callee.object as Node) : callee) : callee;
        if (startsProcess(node, viaCall, ctx)) return;
        // A name with no value yet may be given one later in the text, by a bundle's lazy
        // initialiser (`var Z; … Z("git", args); … L(() => { Z = promisify(execFile) })`).
        // (The name is not even declared yet when its `var` comes later in the text.)
        if (viaCall.type === 'Identifier' && !ctx.resolve(viaCall)) late.push({ node, viaCall, fn: ctx.functionIndex() });
      },
      'Program:exit'() {
        for (const { node, viaCall, fn } of late) startsProcess(node, viaCall, contextAt(ctx, fn));
        late.length = 0;
        dropHidden();
        // The walk is over (the index is complete): plain starts are reported now, not at the
        // decoding hooks, which a failure elsewhere in the rule would skip.
        reportReady(false);
      },
    };
  },
};

/**
 * A call of a function another module of the program exports that starts a process with the
 * program and arguments it is given (ctx.importedStarter): the arguments in spawn's order
 * (program, list, then the options that decide the shell), or undefined. Only a call that may
 * pass a command is asked about (a list or a text written in it, or a value of a parameter),
 * so that most calls of imported helpers do not make the other module be read.
 */
function importedStart(node: Node & { type: 'CallExpression' }, ref: ModuleRef, c: RuleContext): { args: Node[]; call: string; shell: boolean; listForm?: boolean; base: string } | undefined {
  if (ref.path.length !== 1) return undefined;
  const given = argumentsOf(node);
  const carried = given.slice(0, 3).map(a => mayCarryCommand(a, c));
  if (!carried.some(Boolean)) return undefined;
  const summary = c.importedStarter(ref, carried.includes('parameter'));
  if (!summary) return undefined;
  const at = (k: number | undefined) => (k === undefined ? undefined : given[k]);
  let args: Node[];
  let listForm = false;
  if (summary.whole !== undefined) {
    const whole = at(summary.whole);
    if (!whole) return undefined;
    const split = programAndRest(unwrapChain(whole));
    args = split ?? [whole];
    listForm = !split;
  } else {
    const program = at(summary.program);
    if (!program) return undefined;
    const list = at(summary.list);
    args = list ? [program, list] : [program];
  }
  // The options that decide the shell go after the list, where spawn takes them (with no list, in its place: spawn reads them there too).
  const options = (summary.shellOptions ?? []).flatMap(k => (typeof k === 'number' ? given[k] : optionOf(given[k.at] && unwrapChain(given[k.at]), k.key)) ?? []);
  const name = ref.path[0];
  // The runner as the caller spells it (`o(…)`, `log.run(…)`), as a same-module wrapper is named.
  const callee = calleeOf(node);
  const spelled = c.text.slice(callee.start, callee.end);
  return {
    args: [...args, ...options],
    call: `${summary.call} via ${spelled.length <= 40 ? spelled : name}()`,
    shell: summary.shell,
    ...(listForm ? { listForm } : {}),
    base: summary.call,
  };
}

/** An argument that may carry a command: a list or text written in the call, or a value a parameter of the function around it gives. */
function mayCarryCommand(arg: Node, c: RuleContext, named = false): 'written' | 'parameter' | undefined {
  const a = unwrapChain(arg);
  if (a.type === 'ArrayExpression' || a.type === 'TemplateLiteral' || (a.type === 'Literal' && typeof a.value === 'string')) return 'written';
  // `p8(n.command)`, `cP(i, g?.args ?? n)`: a value made of a parameter where it is given (review 112:
  // Claude's proxy-auth command from its settings, run in a shell).
  if (a.type === 'MemberExpression' || a.type === 'LogicalExpression' || a.type === 'ConditionalExpression') return !named && holdsParameter(a, c) ? 'parameter' : undefined;
  if (a.type !== 'Identifier') return undefined;
  const value = c.resolve(a);
  if (value?.type === 'Parameter') return 'parameter';
  // `const r = \`${ps} -o command= -p ${pid}\`; run(r)`: a command written in a name first (review 109).
  if (value && !named && mayCarryCommand(value, c, true) === 'written') return 'written';
  // `let G = e` first (Claude Code's runner copies its parameter before it spawns it), or a value
  // made of one (`G = m ? e : aT(e)`, `_t = E?.args ?? n`: the Agent SDK's `rt`, under 175 calls).
  return value && !named && holdsParameter(value, c) ? 'parameter' : undefined;
}

/** Nodes of a local's value looked at for a parameter, at most: a value written in one expression. */
const MAX_VALUE_NODES = 64;

/**
 * Whether a value names a parameter of a function around it (not inside a function of its own),
 * also through a name given one first (`let { source: n } = e; p8(n.command)`: Claude's proxy auth).
 */
function holdsParameter(value: Node, c: RuleContext, depth = 0): boolean {
  const root = unwrapChain(value);
  if (isFunction(root) || depth > 2) return false;
  if (root.type === 'PropertyOf') return holdsParameter(root.object as Node, c, depth + 1);
  // Property names (`E.args`, `{ args: x }`) are no names of the scope.
  const names = new Set<Node>();
  let seen = 0;
  for (const n of descendants(root, isFunction)) {
    if (++seen > MAX_VALUE_NODES) return false;
    if (n.type === 'MemberExpression' && !n.computed) names.add(n.property as Node);
    else if (n.type === 'Property' && !n.computed && !n.shorthand) names.add(n.key as Node);
    else if (n.type === 'Identifier' && !names.has(n)) {
      const bound = c.resolve(n);
      if (bound?.type === 'Parameter' || (bound && bound !== root && holdsParameter(bound, c, depth + 1))) return true;
    }
  }
  return false;
}

/** MCP clients that start a server's program from options (`servers`: a record of such options, one per server). */
const MCP_CLIENTS: ReadonlyArray<{ module: RegExp; name: string; servers?: string }> = [
  { module: /^@modelcontextprotocol\/sdk(?:\/|$)/, name: 'StdioClientTransport' },
  { module: /^(?:ai|@ai-sdk\/mcp)(?:\/|$)/, name: 'Experimental_StdioMCPTransport' },
  { module: /^@mastra\/mcp(?:\/|$)/, name: 'MCPClient', servers: 'servers' },
];

/** The value of option `key` written in an object literal (`{ command: c }`, `{ command }`). */
function optionOf(options: Node | undefined, key: string): Node | undefined {
  if (options?.type !== 'ObjectExpression') return undefined;
  const found = options.properties.find(p => p.type === 'Property' && !p.computed && propertyKeyName(p) === key);
  return found?.type === 'Property' ? (found.value as Node) : undefined;
}

/** The values of an object literal's plain properties, as objects written in place. */
function objectValues(node: Node | undefined): Node[] {
  const object = node && unwrapChain(node);
  if (object?.type !== 'ObjectExpression') return [];
  return object.properties.flatMap(p => (p.type === 'Property' && !p.computed ? [unwrapChain(p.value as Node)] : []));
}
