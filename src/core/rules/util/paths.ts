// File paths as far as the code spells them out: literals, templates, `a + "/b"` and
// `path.join(os.homedir(), ".aws", "credentials")`. Parts computed at run time become `*`
// and the home directory `~`, so rules can match `*/.aws/credentials` or `~/.zshrc`.
import type * as acorn from 'acorn';
import { isFunction, isUndefinedValue, numberLiteral, propertyKeyName, propertyName, staticString, unwrapChain, type Node } from '../../js/ast';
import { askedOfClass, everyThisField, everyUse, fieldStaysInClass } from '../../js/nameUses';
import { constructorFunction } from '../../js/callgraph';
import { seesLastValue, type ModuleIndex } from '../../js/moduleIndex';
import { argumentsOf } from '../../js/modules';
import { contextAt } from './contextAt';
import type { RelatedSpan, RuleContext } from '../types';
import { envReadOf } from './env';
import { lineComputed } from './process';

const JOINERS = new Set(['join', 'resolve']);
const HOME_CALLS = new Set(['homedir']);
const MAX_PARTS = 12;
const MAX_LIST = 200;
/** Operands of one `+` chain spelled as one level (a longer chain's head is `*`). */
const MAX_OPERANDS = 64;

/** `path.join(...)`/`path.resolve(...)` in any bundler spelling. */
export function isPathJoin(call: Node, ctx: RuleContext): boolean {
  const ref = ctx.calleeRef(call);
  if (!ref || ref.module !== 'path') return false;
  return JOINERS.has(ref.path[ref.path.length - 1]);
}

/** The path a node spells out, `\\` turned into `/`, with `*` for unknown parts. */
export function spelledPath(node: Node | undefined, ctx: RuleContext): string | undefined {
  return spelledText(node, ctx)?.replace(/\\/g, '/');
}

/**
 * The string a node spells out (literal, template, concatenation, path join, the spelled side
 * of `a || b`), with `*` for
 * parts computed at run time and `~` for the home directory; undefined if it spells nothing.
 */
export function spelledText(node: Node | undefined, ctx: RuleContext, depth = 0): string | undefined {
  if (!node || depth > 4) return undefined;
  node = unwrapChain(node);
  const literal = staticString(node);
  if (literal !== undefined) return literal;
  if (node.type === 'Identifier') {
    // `const cmd = \`nmcli … ${x}\`; exec(cmd)`: follow a name to a string it is built as, but
    // not to a computed path or call (see constantOf).
    const added = addedInPlace(node, ctx);
    if (added) {
      // `let cmd = "git "; cmd += args`: the start it was given, then what is added; from an
      // empty start, what is added first (`cmd += \`printf …; smartctl -H ${d};\`` per disk).
      const start = startsNoCommand(added, node.name) ? ctx.resolve(node) : undefined;
      const head = start && spelledText(start, ctx, depth + 1);
      return head ? `${head}*` : head === '' ? firstAppended(added, node.name) : undefined;
    }
    const grown = grownBySelf(node, ctx);
    if (grown) return grown;
    const bound = ctx.resolve(node);
    // Only the value the name holds here: one of several given in branches (`p === "darwin" ? c =
    // \`open …\` : c = \`xdg-open …\``) is not what runs; rules spell each after the walk.
    if (bound && (bound.type === 'TemplateLiteral' || (bound.type === 'BinaryExpression' && bound.operator === '+')) && holdsOnly(node, ctx)) return spelledText(bound, ctx, depth + 1);
    // `const dir = join(base, ".claude", "agents")`, then `join(dir, name)`: a folder joined
    // in two steps, when the name holds that one value here.
    const made = madeBy(node, ctx, call => isPathJoin(call, ctx) || isWhitespaceTidy(call));
    if (made) return spelledText(made, ctx, depth + 1);
    return constantOf(node, ctx);
  }
  // `process.env.X ?? join(__dirname, "x.node")`: the default spells the path.
  if (node.type === 'LogicalExpression') return spelledText(node.left, ctx, depth + 1) ?? spelledText(node.right, ctx, depth + 1);
  if (node.type === 'TemplateLiteral') {
    let out = '';
    node.quasis.forEach((q, i) => {
      out += q.value.cooked ?? '';
      if (i < node.expressions.length) out += partOf(node.expressions[i], ctx);
    });
    return out;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    // A long chain (`"cat /sys/class/net/" + i + "/operstate; cat …" + …`, 13 operands) is one
    // level, not one per operand: its start would be lost past the depth limit.
    const operands: Node[] = [];
    let head: Node = node;
    for (; head.type === 'BinaryExpression' && head.operator === '+' && operands.length < MAX_OPERANDS; head = head.left as Node) operands.unshift(head.right);
    operands.unshift(head);
    const joined = operands.map(o => spelledText(o, ctx, depth + 1) ?? partOf(o, ctx)).join('');
    return /[^*~/]/.test(joined) ? joined : undefined;
  }
  // `\`git rebase ${a} "${b}"\`.replace(/\s+/g, " ").trim()`: the same words, spaced once.
  if (node.type === 'CallExpression' && isWhitespaceTidy(node)) return spelledText((node.callee as Node & { type: 'MemberExpression' }).object as Node, ctx, depth + 1);
  if (node.type === 'CallExpression' && node.arguments.length <= MAX_PARTS && isPathJoin(node, ctx)) {
    const parts = argumentsOf(node).map(a => spelledText(a, ctx, depth + 1) ?? partOf(a, ctx));
    if (!parts.some((p: string) => /[^*~]/.test(p))) return undefined;
    return parts.join('/').replace(/\/+/g, '/');
  }
  return undefined;
}

/** Where a part of a path spelled through a name is written, as a finding shows it beside it. */
const PART_SPELLED = 'part of the path is spelled here';

/**
 * The folder a path join spells through a name (`join(dir, "auth.json")` with `dir =
 * join(home, ".codex")`): where that part of the path is written, to show beside the finding.
 */
export function joinedThrough(node: Node, ctx: RuleContext): RelatedSpan[] {
  if (node.type !== 'CallExpression' || !isPathJoin(node, ctx)) return [];
  const first = node.arguments[0] && unwrapChain(node.arguments[0] as Node);
  const made = first?.type === 'Identifier' ? madeBy(first, ctx, call => isPathJoin(call, ctx)) : undefined;
  return made ? [{ start: made.start, end: made.end, message: PART_SPELLED }] : [];
}

/** The call a name holds where it is used, when that is its one value there and `kind` accepts it. */
function madeBy(node: Node & { type: 'Identifier' }, ctx: RuleContext, kind: (call: Node & { type: 'CallExpression' }) => boolean): (Node & { type: 'CallExpression' }) | undefined {
  const bound = ctx.resolve(node);
  return bound?.type === 'CallExpression' && holdsOnly(node, ctx) && kind(bound) ? bound : undefined;
}

/** `.trim()`, `.trimStart()`, `.trimEnd()`, or `.replace(/\s+/g, " ")`: text with only its white space changed. */
function isWhitespaceTidy(call: Node & { type: 'CallExpression' }): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  if (method === 'trim' || method === 'trimStart' || method === 'trimEnd') return call.arguments.length === 0;
  if (method !== 'replace' && method !== 'replaceAll') return false;
  const [pattern, by] = call.arguments;
  const regex = pattern?.type === 'Literal' && 'regex' in pattern ? pattern.regex : undefined;
  return !!regex && /^(?:\\s|[ \t]|\[\\s\]|\\n)[+*]?(?:\{\d+,?\d*\})?$/.test(regex.pattern) && by?.type === 'Literal' && typeof by.value === 'string' && /^\s?$/.test(by.value);
}

/** The name's one value where it is used: assigned once, or last in the branch around the use. */
function holdsOnly(node: Node & { type: 'Identifier' }, ctx: RuleContext): boolean {
  const { index } = ctx.analysis();
  const fn = ctx.functionIndex();
  const bound = index.binding(node.name, fn);
  // Scopes are per function: a block's own `let` of the name elsewhere may be the value the walk saw.
  if (!bound || bound.appended?.length || bound.changedInPlace || bound.history || index.mayBeShadowed(node.name, node.start, fn)) return false;
  if (bound.moduleLike) return bound.values.length === 1 && !bound.mutated;
  return bound.values[0]?.node.type !== 'Parameter' && !bound.overwrittenParameter && seesLastValue(bound, node) && (!bound.mutated || !!bound.earlier);
}

function partOf(node: Node, ctx: RuleContext): string {
  if (isHome(node, ctx)) return '~';
  if (isPathSep(node, ctx)) return '/';
  return node.type === 'Identifier' ? constantOf(node, ctx) ?? '*' : '*';
}

/**
 * What a name holds when that is a fixed string or the home directory. A name bound to a
 * computed path is not followed: walk order gives its last assignment, which need not be the
 * value at this point (`rcFile = zshrc` in one branch, `bashrc` in another).
 */
function constantOf(node: Node, ctx: RuleContext): string | undefined {
  const added = node.type === 'Identifier' ? addedInPlace(node, ctx) : undefined;
  if (added) {
    // `cmd = "pm2"; if (win) cmd += ".cmd"`: pm2*.
    const start = startsNoCommand(added, node.type === 'Identifier' ? node.name : undefined) ? ctx.resolve(node) : undefined;
    const head = start && staticString(start);
    return head ? `${head}*` : undefined;
  }
  // A local assigned in branches (`switch (p) { case "darwin": cmd = "open"; … }`) holds one of
  // its values, not the last one written.
  const assigned = node.type === 'Identifier' ? ctx.analysis().index.binding(node.name, ctx.functionIndex()) : undefined;
  if (assigned && !seesLastValue(assigned, node)) return undefined;
  const bound = ctx.resolve(node);
  if (!bound) return undefined;
  return staticString(bound) ?? (isHome(bound, ctx) ? '~' : undefined);
}

/**
 * How a name's value is added to where it is held (`let i = ""; for (…) i += part`, `n++`), as
 * the pieces `+=` adds (empty for other changes); undefined when it holds the value it was last
 * given. A `+=` counts only between that value and the use (`cmd = "brew"` after another
 * block's `cmd += ".cmd"` is brew). Other changes (`++`, `||=`) have no place recorded: they
 * count unless the name is declared again in a block, where the change may be another
 * declaration's (`for (let c = 0; …; c++) { let c = "ls"; exec(c) }`).
 */
function addedInPlace(node: Node & { type: 'Identifier' }, ctx: RuleContext): readonly Node[] | undefined {
  const bound = ctx.analysis().index.binding(node.name, ctx.functionIndex());
  if (!bound) return undefined;
  if (bound.moduleLike) return bound.mutated ? [] : undefined;
  if (bound.appended?.length) {
    const given = ctx.resolve(node);
    const from = given ? given.end : -1;
    const pieces = bound.appended.map(v => v.node).filter(v => v.start > from && v.start < node.start);
    return pieces.length ? pieces : undefined;
  }
  return bound.changedInPlace && !bound.history ? [] : undefined;
}

/**
 * `let cmd = ""; … cmd = cmd + 'printf …; diskutil info /dev/' + d + " | grep SMART;"` (an
 * `=` that adds to the name's own text, as `+=` does: systeminformation's disk queries): spelled
 * as `+=` is, from the values the name held before (every one of them empty or fixed text).
 */
function grownBySelf(node: Node & { type: 'Identifier' }, ctx: RuleContext): string | undefined {
  const last = ctx.resolve(node);
  if (!last || leftmostOperand(last) !== node.name) return undefined;
  const bound = ctx.analysis().index.binding(node.name, ctx.functionIndex());
  const earlier = bound?.earlier;
  if (!earlier?.length) return undefined;
  // What it was given first, and what each `name = name + …` added.
  const grows = (v: Node) => leftmostOperand(v) === node.name;
  // Shown longest first: the piece that says most (`printf …; diskutil info /dev/* | grep SMART;`),
  // not a closing `printf "\n"` another branch adds; every piece is checked all the same.
  // Text `+=` adds before the use counts too (`cmd += \`printf …; smartctl -H ${d};\``, then `cmd = cmd + 'printf "\n"'`).
  const added = bound?.appended?.map(v => v.node).filter(v => v.start < node.start) ?? [];
  const pieces = [...earlier.map(v => v.node).filter(grows), ...added, last].sort((a, b) => b.end - b.start - (a.end - a.start));
  const heads = new Set(earlier.map(v => v.node).filter(v => !grows(v)).map(v => staticString(v)));
  if (heads.size !== 1 || !startsNoCommand(pieces, node.name)) return undefined;
  const [head] = heads;
  if (head === undefined) return undefined;
  return head ? `${head}*` : firstAppended(pieces, node.name);
}

/** The name a `+` chain starts with (`cmd` in `cmd + a + b`). */
function leftmostOperand(node: Node): string | undefined {
  let n = unwrapChain(node);
  if (n.type !== 'BinaryExpression' || n.operator !== '+') return undefined;
  while (n.type === 'BinaryExpression' && n.operator === '+') n = unwrapChain(n.left as Node);
  return n.type === 'Identifier' ? n.name : undefined;
}

/**
 * Pieces `+=` adds that start no computed command of their own: `";cat /proc/" + pid + "/stat"`
 * may, `"; " + cmd` must not, be shown as the start followed by `*`. None (another change): no.
 */
function startsNoCommand(pieces: readonly Node[], self?: string): boolean {
  // A piece goes after fixed text: only commands it starts after a separator count.
  return pieces.length > 0 && pieces.every(v => !pieceShapes(v, self).some(p => lineComputed(`x${p}`)));
}

/** What the first piece adds, then `…` for the rest, when no piece added starts a computed command. */
function firstAppended(pieces: readonly Node[], self?: string): string | undefined {
  const shapes = pieces.map(v => pieceShapes(v, self));
  return shapes.length && !shapes.some(p => p.some(lineComputed)) ? `${shapes[0][0]}…` : undefined;
}

/** Alternatives one piece is read as, at most. */
const MAX_PIECE_SHAPES = 8;

// Text as written, `*` for what is computed, one per choice of literals in it:
// `${first ? "" : 'printf ",";'}smartctl -a -j ${d};` reads `smartctl -a -j *;` and `printf ",";smartctl -a -j *;`.
function pieceShapes(node: Node, self?: string, leftOfPlus = false): string[] {
  const n = unwrapChain(node);
  // `cmd = cmd + "…"`: what is added, after the name's own text (the first operand of the chain).
  if (leftOfPlus && n.type === 'Identifier' && n.name === self) return [''];
  const literal = staticString(n);
  if (literal !== undefined) return [literal];
  if (n.type === 'ConditionalExpression') {
    const a = pieceShapes(n.consequent);
    const b = pieceShapes(n.alternate);
    return a.includes('*') || b.includes('*') ? ['*'] : [...new Set([...a, ...b])].slice(0, MAX_PIECE_SHAPES);
  }
  const parts: string[][] = [];
  if (n.type === 'TemplateLiteral') {
    n.quasis.forEach((q, i) => {
      parts.push([q.value.cooked ?? '']);
      if (i < n.expressions.length) parts.push(pieceShapes(n.expressions[i] as Node));
    });
  } else if (n.type === 'BinaryExpression' && n.operator === '+') parts.push(pieceShapes(n.left as Node, self, true), pieceShapes(n.right));
  else return ['*'];
  let out = [''];
  for (const p of parts) out = out.length * p.length <= MAX_PIECE_SHAPES ? out.flatMap(o => p.map(x => o + x)) : out.map(o => `${o}*`);
  return out;
}

/** `path.sep` in any bundler spelling (also a name bound to it). */
function isPathSep(node: Node, ctx: RuleContext): boolean {
  const ref = node.type === 'Identifier' || node.type === 'MemberExpression' ? ctx.moduleRef(node) : undefined;
  return ref?.module === 'path' && ref.path[ref.path.length - 1] === 'sep';
}

/** `os.homedir()`, `process.env.HOME`/`USERPROFILE`, or `a || b` of those. */
function isHome(node: Node, ctx: RuleContext): boolean {
  node = unwrapChain(node);
  if (node.type === 'LogicalExpression') return isHome(node.left, ctx) || isHome(node.right, ctx);
  if (node.type === 'CallExpression') {
    const ref = ctx.calleeRef(node);
    return ref?.module === 'os' && HOME_CALLS.has(ref.path[ref.path.length - 1]);
  }
  const read = node.type === 'MemberExpression' ? envReadOf(node, ctx) : undefined;
  return read?.name === 'HOME' || read?.name === 'USERPROFILE';
}

/** Spellings of one path followed by value: at most this many, each name part at most this many levels deep. */
const MAX_SPELLINGS = 8;
const MAX_VALUE_DEPTH = 3;

/** A path and where a name in it was followed to (`dir` of `join(dir, "auth.json")` to `join(homedir(), ".codex")`). */
export interface PathByValue {
  path: string;
  from: ReadonlyArray<{ start: number; end: number }>;
}

/** The texts of a table a name holds once, never changed: an object literal whose every value is a string. */
function tableTexts(name: Node & { type: 'Identifier' }, fn: number, ctx: RuleContext): string[] | undefined {
  const { index } = ctx.analysis();
  const bound = index.binding(name.name, fn);
  if (!bound || bound.mutated || bound.values.length !== 1 || index.membersOf(bound).size > 0) return undefined;
  const table = unwrapChain(bound.values[0].node);
  if (table.type !== 'ObjectExpression' || table.properties.length === 0 || table.properties.length > MAX_SPELLINGS) return undefined;
  const texts = table.properties.map(p => (p.type === 'Property' ? staticString(p.value as Node) : undefined));
  return texts.every((t): t is string => t !== undefined) ? [...new Set(texts)] : undefined;
}

/**
 * The paths a node can spell once its names are followed by value, after the walk: each name
 * in it (`join(dir, "auth.json")`) is replaced by every value the value flow finds for it that
 * spells a path itself (`const dir = process.env.CODEX_HOME ?? join(homedir(), ".codex")`, a
 * module constant, a caller's argument), `*` where none does. `\\` becomes `/`.
 */
export function spelledPathsByValue(node: Node, fn: number, ctx: RuleContext): PathByValue[] {
  return spellings(node, fn, ctx, 0).map(s => ({ path: s.path.replace(/\\/g, '/'), from: s.from }));
}

/**
 * The first of a node's spellings by value (spelledPathsByValue) that names what `find` knows
 * and is no sentence: that path, what it names, and where its followed parts are spelled.
 */
export function firstSpellingByValue<T>(node: Node, fn: number, ctx: RuleContext, find: (path: string) => T | undefined): { path: string; found: T; related: RelatedSpan[] } | undefined {
  for (const spelled of spelledPathsByValue(node, fn, ctx)) {
    const found = find(spelled.path);
    if (found !== undefined && !isProse(spelled.path)) return { path: spelled.path, found, related: spelled.from.map(r => ({ ...r, message: PART_SPELLED })) };
  }
  return undefined;
}

function spellings(node: Node, fn: number, ctx: RuleContext, depth: number): PathByValue[] {
  const here = contextAt(ctx, fn);
  let n = unwrapChain(node);
  // `join(await editorDir(e), "settings.json")`: the folder the awaited helper resolves to.
  while (n.type === 'AwaitExpression') n = unwrapChain(n.argument as Node);
  const literal = staticString(n);
  if (literal !== undefined) return [{ path: literal, from: [] }];
  if (isHome(n, here)) return [{ path: '~', from: [] }];
  const joined = (parts: PathByValue[][], glue: string): PathByValue[] => {
    let out: PathByValue[] = [{ path: '', from: [] }];
    parts.forEach((alternatives, i) => {
      const next: PathByValue[] = [];
      for (const a of out) for (const b of alternatives) if (next.length < MAX_SPELLINGS) next.push({ path: i ? `${a.path}${glue}${b.path}` : b.path, from: [...a.from, ...b.from] });
      out = next;
    });
    return out;
  };
  // A name, or a call of a helper that returns the folder (`join(claudeDir(), "projects")` with
  // `claudeDir = () => env.CLAUDE_CONFIG_DIR || join(homedir(), ".claude")`): their values.
  // Or a field of the class the code is in (`this.commandsDir` with `commandsDir = ".claude/commands"`).
  const field = n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && propertyName(n) !== undefined;
  if (n.type === 'Identifier' || field || (n.type === 'CallExpression' && !isPathJoin(n, here) && ctx.analysis().graph.target(n, fn) !== undefined)) {
    if (depth >= MAX_VALUE_DEPTH) return [{ path: '*', from: [] }];
    // Scopes are per function: a block's own `let` of the name elsewhere would lend its value.
    if (n.type === 'Identifier' && ctx.analysis().index.mayBeShadowed(n.name, n.start, fn)) return [{ path: '*', from: [] }];
    const spells = (v: Node, at: number): boolean => staticString(v) !== undefined || isHome(v, contextAt(ctx, at)) || v.type === 'TemplateLiteral' || v.type === 'LogicalExpression' || v.type === 'ConditionalExpression' || (v.type === 'BinaryExpression' && v.operator === '+') || (v.type === 'CallExpression' && isPathJoin(v, contextAt(ctx, at)));
    const reached = ctx.analysis().flow.origins(n, fn, (v, at, path) => (path.length === 0 && spells(v, at) ? { node: v, fn: at } : undefined));
    const out: PathByValue[] = [];
    for (const r of reached) {
      for (const s of spellings(r.mark.node, r.mark.fn, ctx, depth + 1)) if (out.length < MAX_SPELLINGS) out.push({ path: s.path, from: [{ start: r.mark.node.start, end: r.mark.node.end }, ...s.from] });
    }
    return out.length ? out : [{ path: '*', from: [] }];
  }
  if (n.type === 'LogicalExpression') return [...spellings(n.left, fn, ctx, depth), ...spellings(n.right, fn, ctx, depth)].slice(0, MAX_SPELLINGS);
  // `TABLE[ide]` with `TABLE = { code: ".vscode", cursor: ".cursor" }`: any of the table's texts.
  if (n.type === 'MemberExpression' && n.computed && n.object.type === 'Identifier') {
    const table = tableTexts(n.object, fn, ctx);
    if (table) return table.map(path => ({ path, from: [] }));
  }
  // `join(homedir(), darwin ? join("Library", …, B, "User") : join(".config", B, "User"))`: either branch.
  if (n.type === 'ConditionalExpression') return [...spellings(n.consequent, fn, ctx, depth), ...spellings(n.alternate, fn, ctx, depth)].slice(0, MAX_SPELLINGS);
  if (n.type === 'TemplateLiteral') {
    const parts: PathByValue[][] = [];
    n.quasis.forEach((q, i) => {
      parts.push([{ path: q.value.cooked ?? '', from: [] }]);
      if (i < n.expressions.length) parts.push(spellings(n.expressions[i] as Node, fn, ctx, depth));
    });
    return joined(parts, '');
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') return joined([spellings(n.left as Node, fn, ctx, depth), spellings(n.right, fn, ctx, depth)], '');
  if (n.type === 'CallExpression' && n.arguments.length <= MAX_PARTS && isPathJoin(n, here)) {
    return joined(argumentsOf(n).map(a => spellings(a, fn, ctx, depth)), '/').map(s => ({ path: s.path.replace(/\/+/g, '/'), from: s.from }));
  }
  return [{ path: isPathSep(n, here) ? '/' : '*', from: [] }];
}

/** True when `node` is an argument of a path join that spells a path (the join is reported instead). */
export function isJoinArgument(ctx: RuleContext): boolean {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  return parent?.type === 'CallExpression' && (parent.arguments as Node[]).includes(node) && isPathJoin(parent, ctx);
}

/**
 * A literal in a large array is table data (tokenizer vocabularies, word lists), and one in
 * a list that also holds glob patterns (`"*.pem"`, `"!x"`) is a file-pattern list: an ignore
 * or deny list, not a path the code opens. So is a list spread into such a list, or mapped to
 * globs (`["id_rsa", "id_ed25519"].flatMap(n => [\`**\/${n}\`])` inside an exclude list).
 */
export function listRole(ctx: RuleContext): 'data' | 'patterns' | undefined {
  const parent = ctx.parent();
  if (parent?.type !== 'ArrayExpression') return undefined;
  if (parent.elements.length > MAX_LIST) return 'data';
  if (holdsPatterns(parent)) return 'patterns';
  // Up from the list through `.map(…)`/`.flatMap(…)`, spreads and enclosing lists.
  let child: Node = parent;
  for (let depth = 2; depth <= 7; depth++) {
    const up = ctx.parent(depth);
    if (!up) return undefined;
    if (up.type === 'ArrayExpression') {
      if (holdsPatterns(up)) return 'patterns';
    } else if (up.type === 'Property') {
      // `{patterns: ["~/.bashrc", "~/.zshrc"]}`, `exclude: […]`: the key says what the list is.
      return up.value === child && PATTERN_KEY.test(propertyKeyName(up) ?? '') ? 'patterns' : undefined;
    } else if (up.type === 'CallExpression') {
      // Only a call on the list (`list.flatMap(…)`); the list as an argument is used, not shaped.
      if (up.callee !== child) return undefined;
      if (mapsToPatterns(up)) return 'patterns';
    } else if (up.type !== 'MemberExpression' && up.type !== 'SpreadElement' && up.type !== 'ChainExpression') {
      return undefined;
    }
    child = up;
  }
  return undefined;
}

/**
 * A path written to keep a place out rather than to use it (sandbox-runtime's deny lists): a glob
 * pattern written in the code (`'**\/.git/hooks/**'` names no file), a value pushed onto a list
 * named as a deny list, directly or through a path join (`denyPaths.push(resolve(cwd,
 * '.git/hooks'))`), or an element of a list given such a name (`const DANGEROUS_FILES = [...]`)
 * or joining one (`[...dangerousDirectories, '.git/hooks']`).
 */
export function keptOut(node: Node, ctx: RuleContext): boolean {
  if (writtenGlob(node)) return true;
  const parent = ctx.parent();
  if (parent?.type === 'ArrayExpression') {
    const up = ctx.parent(2);
    // Joining a deny list only where the list made is itself only gone through (`[...]`.map(…)),
    // not where it is handed on (`spawn("rsync", [...excludeArgs, src, "~/.config/autostart"])`).
    if (up?.type === 'MemberExpression' && up.object === parent && LIST_WALKS.has(propertyName(up) ?? '') && parent.elements.some(e => e?.type === 'SpreadElement' && denyNamed(nameOf(e.argument as Node)))) return true;
    if (up?.type === 'VariableDeclarator' && up.init === parent) return denyNamed(nameOf(up.id as Node));
    if (up?.type === 'AssignmentExpression' && up.right === parent) return denyNamed(nameOf(up.left as Node));
    return false;
  }
  // The value itself, or a path made of it, pushed onto the list.
  const made = parent?.type === 'CallExpression' && parent.arguments.includes(node as acorn.Expression) && PATH_MAKERS.has(calledName(parent) ?? '');
  const call = made ? ctx.parent(2) : parent;
  const child = made ? parent : node;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(child as acorn.Expression)) return false;
  const callee = call.callee;
  return callee.type === 'MemberExpression' && ['push', 'unshift', 'add'].includes(propertyName(callee) ?? '') && denyNamed(nameOf(callee.object as Node));
}

const LIST_WALKS = new Set(['map', 'flatMap', 'filter', 'some', 'every', 'includes', 'forEach']);
const PATH_MAKERS = new Set(['join', 'resolve', 'normalize']);

/** A deny list's name, not an allow list's that says what it lifts (`unblockedPaths`, `allowedUnsafe`). */
function denyNamed(name: string | undefined): boolean {
  return !!name && DENY_NAME.test(name) && !/un(?:block|restrict|protect|ignor|exclud|deni|forbid)|allow|permit/i.test(name);
}

function calledName(call: acorn.CallExpression): string | undefined {
  const callee = call.callee as Node;
  return callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
}

/** A glob pattern written in the code (`**` in one word of a string or a template's text; a command line with one is a command). */
function writtenGlob(node: Node): boolean {
  const glob = (text: string) => text.includes('**') && !/\s/.test(text);
  if (node.type === 'Literal') return typeof node.value === 'string' && glob(node.value);
  return node.type === 'TemplateLiteral' && node.quasis.some(q => glob(q.value.cooked ?? '')) && node.quasis.every(q => !/\s/.test(q.value.cooked ?? ''));
}

/** The name a list goes by: a variable, or the last key of a member (`this.denyPaths`). */
function nameOf(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  return node.type === 'MemberExpression' ? propertyName(node) : undefined;
}

/** Names of lists that keep things out. */
const DENY_NAME = /deny|denied|block|forbid|protect|sensitive|secret|exclud|ignor|reserved|dangerous|unsafe|restrict/i;

/**
 * Whether the membership test at `ancestors[at]` refuses what it finds: negated (`!L.has(x)`,
 * `L.indexOf(x) === -1`, `< 0`), or the test of an `if` whose branch throws, returns or skips.
 */
function refuses(ancestors: readonly Node[], at: number): boolean {
  const test = ancestors[at];
  const up = ancestors[at - 1];
  if (up?.type === 'UnaryExpression' && up.operator === '!') return true;
  if (up?.type === 'BinaryExpression' && /^(?:===?|<)$/.test(up.operator) && (numberLiteral(up.right as Node) === -1 || (up.operator === '<' && numberLiteral(up.right as Node) === 0))) return true;
  if (up?.type !== 'IfStatement' || up.test !== test) return false;
  const branch = up.consequent.type === 'BlockStatement' ? up.consequent.body[0] : up.consequent;
  // `return` of nothing or of a constant refuses; `return fs.readFileSync(f)` takes what it found.
  const returned = branch?.type === 'ReturnStatement' ? (branch.argument as Node | null) : undefined;
  return branch?.type === 'ThrowStatement' || branch?.type === 'ContinueStatement' || (branch?.type === 'ReturnStatement' && (!returned || returned.type === 'Literal' || isUndefinedValue(returned)));
}

/** Methods that only compare a value with a list's elements. */
const MEMBERSHIP = new Set(['includes', 'indexOf', 'lastIndexOf', 'has']);

/**
 * The name the list around the literal being visited is bound to (`const BLOCKED = ["id_rsa", …]`),
 * with the function it is declared in: whether it is a deny list is known after the walk (onlyCompared).
 */
export function listName(ctx: RuleContext): { name: string; fn: number } | undefined {
  const list = ctx.parent();
  if (list?.type !== 'ArrayExpression') return undefined;
  // `const S = new Set([…])`, `S = new Set([…])` in a bundler's lazy initialiser: the Set is the list.
  let value: Node = list;
  let holder = ctx.parent(2);
  if (holder?.type === 'NewExpression' && holder.callee.type === 'Identifier' && holder.callee.name === 'Set' && holder.arguments[0] === list && !ctx.isBound(holder.callee)) {
    value = holder;
    holder = ctx.parent(3);
  }
  if (holder?.type === 'VariableDeclarator' && holder.init === value && holder.id.type === 'Identifier') return { name: holder.id.name, fn: ctx.functionIndex() };
  if (holder?.type === 'AssignmentExpression' && holder.operator === '=' && holder.right === value && holder.left.type === 'Identifier') return { name: holder.left.name, fn: ctx.functionIndex() };
  return undefined;
}

/**
 * Every use of `name` in the scope that binds it (uses of any binding of that name count, which
 * can only say no more often) is a membership test: `name.includes(x)`, `.indexOf(x)`, or a Set
 * made of it whose every use is `.has(x)`. Such a list is matched against, never opened. Asked
 * after the walk: the scan needs every function indexed. Followed a few steps further, as
 * bundled permission checks write it (Claude Code's sandbox): `name.some(h => s.startsWith(h))`,
 * spread into another list (`g = [...name, x]`) that is only compared with, or given to a
 * same-module function whose parameter is only compared with.
 */
export function onlyCompared(index: ModuleIndex, name: string, fn: number, depth = 0): 'deny' | 'compared' | false {
  const scope = index.binding(name, fn)?.scope ?? fn;
  let uses = 0;
  let compared = true;
  let deny = true;
  const complete = everyUse(index, scope, name, use => {
    const parent = use.ancestors[use.ancestors.length - 1];
    const above = use.ancestors[use.ancestors.length - 2];
    if (parent?.type === 'VariableDeclarator' && parent.id === use.node) return true;
    if (isFunction(parent) && (parent.params as Node[]).includes(use.node)) return true;
    // `S = new Set([…])` (a lazy initialiser): a write, not a read of the list.
    if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === use.node) return true;
    uses++;
    // `blockedNames: config.blockedNames ?? LIST` in what the class keeps in a field: where the field is read.
    const kept = keptByClass(index, use.ancestors, use.ancestors.length - 1, use.node, use.fn, depth);
    if (kept !== undefined) {
      if (!kept) return (compared = false);
      deny &&= kept === 'deny';
      return true;
    }
    if (parent?.type === 'MemberExpression' && parent.object === use.node && above?.type === 'CallExpression' && above.callee === parent) {
      const method = propertyName(parent) ?? '';
      // `L.some(h => s.startsWith(h))`: each element only compared with, by the callback.
      if (ELEMENT_TESTS.has(method)) {
        const callback = above.arguments[0] as Node | undefined;
        const param = isFunction(callback) ? (callback.params[0] as Node | undefined) : undefined;
        const at = callback && index.functionOf(callback);
        if (depth >= MAX_COMPARED_DEPTH || param?.type !== 'Identifier' || at === undefined || !onlyComparedValue(index, param.name, at, depth + 1)) return (compared = false);
        deny &&= DENY_NAME.test(name);
        return true;
      }
      // A membership test that refuses (`if (L.includes(x)) throw`, `!L.includes(x)`), or on a
      // list named as a deny list, is a deny list; any other only compares, and may be a wanted
      // list (`if (WANTED.includes(f)) send(read(f))`): the list itself is never opened either way.
      // `L.flatMap(n => [\`**/${n}\`, …])`: the names made glob patterns, as when the list is written there (listRole).
      if (mapsToPatterns(above)) return true;
      if (!MEMBERSHIP.has(method)) return (compared = false);
      deny &&= DENY_NAME.test(name) || refuses(use.ancestors, use.ancestors.length - 2);
      return true;
    }
    if (depth >= MAX_COMPARED_DEPTH) return (compared = false);
    // `for (const p of LIST) if (name.startsWith(p)) …`: each element only compared with.
    if (parent?.type === 'ForOfStatement' && parent.right === use.node) {
      const declarator = parent.left.type === 'VariableDeclaration' ? parent.left.declarations[0] : undefined;
      const left = declarator ? declarator.id : parent.left;
      if (left?.type !== 'Identifier' || !onlyComparedValue(index, left.name, use.fn, depth + 1, declarator)) return (compared = false);
      deny &&= DENY_NAME.test(name);
      return true;
    }
    // `const SET = new Set(LIST)`, then only `SET.has(x)`.
    if (parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Set' && parent.arguments[0] === use.node && above?.type === 'VariableDeclarator' && above.init === parent && above.id.type === 'Identifier') {
      const inner = onlyCompared(index, above.id.name, use.fn, depth + 1);
      if (!inner) return (compared = false);
      deny &&= inner === 'deny';
      return true;
    }
    // `const all = [...LIST, "other"]`: the elements join a list that must itself be only compared
    // with, also tidied and made a Set on the way (`new Set([...A, ...LIST].map(n => n.toLowerCase()))`).
    if (parent?.type === 'SpreadElement' && above?.type === 'ArrayExpression') {
      const holder = listHeldBy(use.ancestors, use.ancestors.length - 2);
      // `new Validator({ blockedNames: [...LIST, "node_modules"] })`: the option the class keeps.
      const inner = holder ? onlyCompared(index, holder, use.fn, depth + 1) : (keptByClass(index, use.ancestors, use.ancestors.length - 3, above, use.fn, depth + 1) ?? false);
      if (!inner) return (compared = false);
      deny &&= inner === 'deny';
      return true;
    }
    // `matches(cmd, LIST)`: a same-module function whose parameter is only compared with.
    const param = parent?.type === 'CallExpression' ? calleeParameter(index, parent, use.node, use.fn) : undefined;
    const inner = param && onlyCompared(index, param.name, param.fn, depth + 1);
    if (!inner) return (compared = false);
    deny &&= inner === 'deny';
    return true;
  });
  if (!complete || !compared || uses === 0) return false;
  return deny ? 'deny' : 'compared';
}

/**
 * A list (`value`, at `ancestors[k + 1]`, in function `fn`) kept by a class: the value of an
 * option in an object the class keeps in a field (`this.config = { blockedNames:
 * config.blockedNames ?? LIST }`), or given to its constructor (`new Validator({ blockedNames:
 * [...LIST, x] })`, then kept so). Whether every read of that option (`this.config.blockedNames`)
 * is a membership test, as onlyCompared answers; undefined when the list is not kept so.
 */
function keptByClass(index: ModuleIndex, ancestors: readonly Node[], k: number, value: Node, fn: number, depth: number): 'deny' | 'compared' | false | undefined {
  let at = k;
  let held = value;
  // `config.blockedNames ?? LIST`: the default of an option is that option's value.
  while (ancestors[at]?.type === 'LogicalExpression' && (ancestors[at] as acorn.LogicalExpression).operator !== '&&') held = ancestors[at--];
  const prop = ancestors[at];
  const object = ancestors[at - 1];
  const holder = ancestors[at - 2];
  if (prop?.type !== 'Property' || prop.value !== held || prop.computed || object?.type !== 'ObjectExpression') return undefined;
  const key = propertyKeyName(prop);
  if (key === undefined) return undefined;
  if (depth >= MAX_COMPARED_DEPTH) return false;
  if (holder?.type === 'AssignmentExpression' && holder.operator === '=' && holder.right === object && holder.left.type === 'MemberExpression' && holder.left.object.type === 'ThisExpression') {
    const field = propertyName(holder.left);
    const cls = index.classAround(fn);
    // Read only as `this.config…` inside the class: not on an instance, in a subclass or through `const { config } = this`.
    return field !== undefined && cls && fieldStaysInClass(index, cls, field) ? optionOnlyCompared(cls, field, key) : false;
  }
  if (holder?.type === 'NewExpression' && holder.arguments.includes(object as acorn.Expression)) {
    const param = constructorParameter(index, holder, holder.arguments.indexOf(object as acorn.Expression), fn);
    return param ? parameterOptionOnlyCompared(index, param.name, param.fn, key, depth + 1) : false;
  }
  return undefined;
}

/** Every read of option `key` of `this.field` in class `cls` is a membership test (see onlyCompared); once per class, field and key. */
function optionOnlyCompared(cls: Node, field: string, key: string): 'deny' | 'compared' | false {
  return askedOfClass(cls, `option compared\0${field}\0${key}`, () => findOptionOnlyCompared(cls, field, key));
}

function findOptionOnlyCompared(cls: Node, field: string, key: string): 'deny' | 'compared' | false {
  let reads = 0;
  let deny = DENY_NAME.test(key);
  const complete = everyThisField(cls, field, ({ node, ancestors }) => {
    const parent = ancestors[ancestors.length - 1];
    // The field given its object: a write, not a read of the option.
    if (parent?.type === 'AssignmentExpression' && parent.left === node) return true;
    if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.computed) return false;
    if (propertyName(parent) !== key) return true;
    reads++;
    const member = ancestors[ancestors.length - 2];
    const call = ancestors[ancestors.length - 3];
    if (member?.type !== 'MemberExpression' || member.object !== parent || call?.type !== 'CallExpression' || call.callee !== member || !MEMBERSHIP.has(propertyName(member) ?? '')) return false;
    deny ||= refuses(ancestors, ancestors.length - 3);
    return true;
  });
  return complete && reads > 0 ? (deny ? 'deny' : 'compared') : false;
}

/** Every use of parameter `name` (of function `fn`) reads option `key` only into what the class keeps and compares with (keptByClass), or reads other options. */
function parameterOptionOnlyCompared(index: ModuleIndex, name: string, fn: number, key: string, depth: number): 'deny' | 'compared' | false {
  let verdict: 'deny' | 'compared' | undefined;
  const complete = everyUse(index, fn, name, use => {
    const parent = use.ancestors[use.ancestors.length - 1];
    if (isFunction(parent) && (parent.params as Node[]).includes(use.node)) return true;
    if (parent?.type !== 'MemberExpression' || parent.object !== use.node || parent.computed) return false;
    if (propertyName(parent) !== key) return true;
    const kept = keptByClass(index, use.ancestors, use.ancestors.length - 2, parent, use.fn, depth);
    if (!kept) return false;
    verdict = verdict === 'compared' || kept === 'compared' ? 'compared' : 'deny';
    return true;
  });
  return complete && verdict ? verdict : false;
}

/** The named parameter at `position` of the constructor of the same-module class `new C(…)` makes. */
function constructorParameter(index: ModuleIndex, made: acorn.NewExpression, position: number, fn: number): { name: string; fn: number } | undefined {
  if (made.callee.type !== 'Identifier' || made.arguments.some(a => a.type === 'SpreadElement')) return undefined;
  const bound = index.binding(made.callee.name, fn);
  const cls = bound && !bound.mutated && bound.values.length === 1 ? unwrapChain(bound.values[0].node) : undefined;
  if (cls?.type !== 'ClassDeclaration' && cls?.type !== 'ClassExpression') return undefined;
  const ctor = constructorFunction(cls);
  const param = ctor?.params[position];
  const at = ctor && index.functionOf(ctor);
  return param?.type === 'Identifier' && at !== undefined ? { name: param.name, fn: at } : undefined;
}

/**
 * The name a list literal (at `ancestors[k]`) is kept in, past element tidying on the way
 * (`.map(n => n.toLowerCase())`, `.filter(…)`) and a `new Set(…)` made of it.
 */
function listHeldBy(ancestors: readonly Node[], k: number): string | undefined {
  let current = ancestors[k];
  let i = k - 1;
  for (;;) {
    const parent = ancestors[i];
    const call = ancestors[i - 1];
    if (parent?.type === 'MemberExpression' && parent.object === current && call?.type === 'CallExpression' && call.callee === parent && (propertyName(parent) === 'filter' || (propertyName(parent) === 'map' && tidiesElement(call.arguments[0] as Node | undefined)))) {
      current = call;
      i -= 2;
      continue;
    }
    break;
  }
  const parent = ancestors[i];
  if (parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Set' && parent.arguments[0] === current) {
    current = parent;
    i--;
  }
  const holder = ancestors[i];
  return holder?.type === 'VariableDeclarator' && holder.init === current && holder.id.type === 'Identifier' ? holder.id.name : undefined;
}

/** `n => n.toLowerCase()`, `(n) => n.trim()`: a callback that gives back its element tidied. */
function tidiesElement(callback: Node | undefined): boolean {
  if (callback?.type !== 'ArrowFunctionExpression' || callback.params.length !== 1 || callback.params[0].type !== 'Identifier') return false;
  const name = callback.params[0].name;
  let body = unwrapChain(callback.body as Node);
  while (body.type === 'CallExpression' && body.callee.type === 'MemberExpression' && TIDY.has(propertyName(body.callee) ?? '') && body.arguments.length === 0) body = unwrapChain(body.callee.object as Node);
  return body.type === 'Identifier' && body.name === name;
}

/** Array methods that give each element to a callback and return a yes/no or an index, not an element. */
const ELEMENT_TESTS = new Set(['some', 'every', 'findIndex', 'findLastIndex']);
/** Lists followed through spreads, callbacks and calls: a bundled permission check is a few steps deep. */
const MAX_COMPARED_DEPTH = 6;
/** The operators of an equality test, either way. */
export const EQUALITY: ReadonlySet<string> = new Set(['===', '!==', '==', '!=']);
const STRING_TESTS = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'localeCompare']);
/** Calls that give back the same text, tidied: what they return is compared as the text is. */
const TIDY = new Set(['trim', 'toLowerCase', 'toUpperCase', 'trimStart', 'trimEnd', 'normalize']);

/**
 * Every use of a single value (an element, a parameter) named `name` in function `fn` is
 * compared with: `x === v`, `s.startsWith(v)`, `v.endsWith(s)`, `\`${v} x\`` or `v + " "` so
 * compared, or `v` given to a same-module function whose parameter is so used.
 */
function onlyComparedValue(index: ModuleIndex, name: string, fn: number, depth: number, declaredBy?: Node): boolean {
  let uses = 0;
  let compared = true;
  const complete = everyUse(index, fn, name, use => {
    const parent = use.ancestors[use.ancestors.length - 1];
    // The loop's own `const p` (declaredBy); any other declaration of the name is another value.
    if (parent?.type === 'VariableDeclarator' && parent.id === use.node) return parent === declaredBy || (compared = false);
    if (isFunction(parent) && (parent.params as Node[]).includes(use.node)) return true;
    uses++;
    // Up through text made of it: `v + " "`, `\`${v} x\``, `v.trim()`.
    let child: Node = use.node;
    let at = use.ancestors.length - 1;
    for (;;) {
      const up = use.ancestors[at];
      if ((up?.type === 'BinaryExpression' && up.operator === '+') || up?.type === 'TemplateLiteral') {
        child = up;
        at--;
        continue;
      }
      const call = use.ancestors[at - 1];
      if (up?.type === 'MemberExpression' && up.object === child && call?.type === 'CallExpression' && call.callee === up && TIDY.has(propertyName(up) ?? '')) {
        child = call;
        at -= 2;
        continue;
      }
      break;
    }
    const up = use.ancestors[at];
    if (up?.type === 'BinaryExpression' && EQUALITY.has(up.operator)) return true;
    if (up?.type === 'SwitchCase' && up.test === child) return true;
    // `name.length > prefix.length`: its length is a number, nothing of its text.
    if (child === use.node && up?.type === 'MemberExpression' && up.object === child && !up.computed && propertyName(up) === 'length') return true;
    const call = use.ancestors[at - 1];
    if (up?.type === 'MemberExpression' && up.object === child && call?.type === 'CallExpression' && call.callee === up && STRING_TESTS.has(propertyName(up) ?? '')) return true;
    // `prefix.startsWith(v)`, and a pattern tried on it: `re.test(v)` (Factory's allow-list check tries the user's pattern on sample paths).
    if (up?.type === 'CallExpression' && up.callee.type === 'MemberExpression' && (STRING_TESTS.has(propertyName(up.callee) ?? '') || propertyName(up.callee) === 'test') && up.arguments.includes(child as acorn.Expression)) return true;
    const param = up?.type === 'CallExpression' && depth < MAX_COMPARED_DEPTH ? calleeParameter(index, up, child, use.fn) : undefined;
    if (param && onlyComparedValue(index, param.name, param.fn, depth + 1)) return true;
    return (compared = false);
  });
  return complete && compared && uses > 0;
}

/**
 * The parameter of a same-module function that receives `argument` at `call`
 * (`tr(s, LIST)` with `function tr(e, o) {…}`: `o` in tr), when the callee is a function
 * declared once, unchanged, taking plain named parameters.
 */
function calleeParameter(index: ModuleIndex, call: acorn.CallExpression, argument: Node, fn: number): { name: string; fn: number } | undefined {
  const position = call.arguments.indexOf(argument as acorn.Expression);
  if (position < 0 || call.callee.type !== 'Identifier' || call.arguments.some(a => a.type === 'SpreadElement')) return undefined;
  const bound = index.binding(call.callee.name, fn);
  if (!bound || bound.mutated || bound.values.length !== 1) return undefined;
  const callee = bound.values[0].node;
  const at = isFunction(callee) ? index.functionOf(callee) : undefined;
  const param = isFunction(callee) ? (callee.params[position] as Node | undefined) : undefined;
  if (at === undefined || param?.type !== 'Identifier') return undefined;
  return { name: param.name, fn: at };
}

/** Keys whose list is of file patterns to match, not of paths to open: deny, ignore, exclude, protected lists. */
const PATTERN_KEY = /^(?:(?:file|path|glob|ignore|exclude|deny|block|protect)\w*)?(?:patterns?|globs?)$|^(?:ignored?|excluded?|exclude_?paths|excludes|deny|denied|denylist|blocklist|blocked|protected(?:_?(?:paths|files))?)$|^(?:deny|block)_?(?:read|write|access|paths?|files?)$/i;

function holdsPatterns(list: acorn.ArrayExpression): boolean {
  return list.elements.some(e => {
    const v = e && e.type !== 'SpreadElement' ? staticString(e) : undefined;
    if (v !== undefined) return v.includes('*') || v.startsWith('!');
    return e?.type === 'TemplateLiteral' && e.quasis.some(q => (q.value.cooked ?? '').includes('*'));
  });
}

/** `.map(n => \`**\/${n}\`)` or `.flatMap(n => [\`**\/${n}\`, …])`: names turned into glob patterns. */
function mapsToPatterns(call: acorn.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !['map', 'flatMap'].includes(callee.property.name)) return false;
  const fn = call.arguments[0];
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return false;
  const body = fn.body.type === 'BlockStatement' ? fn.body.body.flatMap(st => (st.type === 'ReturnStatement' && st.argument ? [st.argument] : [])) : [fn.body];
  return body.some(b => templatesWithGlob(b as Node));
}

function templatesWithGlob(node: Node): boolean {
  if (node.type === 'TemplateLiteral') return node.quasis.some(q => (q.value.cooked ?? '').includes('*'));
  if (node.type === 'ArrayExpression') return node.elements.some(e => !!e && templatesWithGlob((e.type === 'SpreadElement' ? e.argument : e) as Node));
  if (node.type === 'SpreadElement') return templatesWithGlob(node.argument as Node);
  if (node.type === 'CallExpression') return node.arguments.some(a => a.type === 'ArrowFunctionExpression' && a.body.type !== 'BlockStatement' && templatesWithGlob(a.body as Node));
  return false;
}

/**
 * A path under the folder of the module itself (`join(__dirname, "..", ".cursor", "rules", f)`,
 * `${import.meta.dirname}/…`, a `__dirname` made from `fileURLToPath(import.meta.url)`), at
 * most one `..` up: a file the package ships. From a package's folder, one level up is still
 * node_modules (or the package's own root); a project is two or three levels up, and a path
 * that climbs that far is not counted as the package's own.
 */
export function inOwnPackage(node: Node, spelled: string, ctx: RuleContext): boolean {
  const root = pathRoot(node, ctx, 0);
  if (!root || !isOwnFolder(root, ctx, 0)) return false;
  const segments = spelled.split('/').slice(1).filter(s => s !== '' && s !== '.');
  let up = 0;
  while (segments[up] === '..') up++;
  return up <= 1 && segments.length > up;
}

/**
 * A path that is the working folder's file: a bare name given straight to a call
 * (`writeFileSync("opencode.json", …)`), or a join on `process.cwd()`. A name kept in a list
 * or joined onto a folder computed elsewhere may be any folder's.
 */
export function inWorkingFolder(node: Node, spelled: string, ctx: RuleContext): boolean {
  if (!spelled.includes('/')) {
    const parent = ctx.parent();
    return parent?.type === 'CallExpression' && (parent.arguments as Node[]).includes(node);
  }
  const root = pathRoot(node, ctx, 0);
  if (root?.type !== 'CallExpression' || root.callee.type !== 'MemberExpression' || propertyName(root.callee) !== 'cwd') return false;
  const object = unwrapChain(root.callee.object as Node);
  return object.type === 'Identifier' && object.name === 'process' && !ctx.isBound(object);
}

/** The expression a path starts from: the first part of a join, a template or a concatenation, through names joined before. */
function pathRoot(node: Node, ctx: RuleContext, depth: number): Node | undefined {
  if (depth > 4) return undefined;
  node = unwrapChain(node);
  if (node.type === 'CallExpression' && isPathJoin(node, ctx)) {
    const first = argumentsOf(node)[0];
    return first && pathRoot(first, ctx, depth + 1);
  }
  if (node.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked === '' && node.expressions[0] ? pathRoot(node.expressions[0] as Node, ctx, depth + 1) : undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return pathRoot(node.left as Node, ctx, depth + 1);
  if (node.type === 'Identifier') {
    const made = madeBy(node, ctx, call => isPathJoin(call, ctx));
    if (made) return pathRoot(made, ctx, depth + 1);
  }
  return node;
}

/** `__dirname`, `import.meta.dirname`, `dirname(__filename)`, `dirname(fileURLToPath(import.meta.url))`, or a name bound to one. */
function isOwnFolder(node: Node, ctx: RuleContext, depth: number): boolean {
  node = unwrapChain(node);
  if (depth > 3) return false;
  if (node.type === 'Identifier') return globalOrHeld(node, '__dirname', ctx, value => isOwnFolder(value, ctx, depth + 1));
  if (isImportMeta(node, 'dirname')) return true;
  if (node.type !== 'CallExpression') return false;
  const ref = ctx.calleeRef(node);
  if (ref?.module !== 'path' || ref.path[ref.path.length - 1] !== 'dirname') return false;
  return isOwnFile(argumentsOf(node)[0], ctx, depth + 1);
}

/** `__filename`, `import.meta.filename`, `fileURLToPath(import.meta.url)`, or a name bound to one. */
function isOwnFile(node: Node | undefined, ctx: RuleContext, depth: number): boolean {
  if (!node || depth > 4) return false;
  node = unwrapChain(node);
  if (node.type === 'Identifier') return globalOrHeld(node, '__filename', ctx, value => isOwnFile(value, ctx, depth + 1));
  if (isImportMeta(node, 'filename')) return true;
  if (node.type !== 'CallExpression') return false;
  const ref = ctx.calleeRef(node);
  return ref?.module === 'url' && ref.path[ref.path.length - 1] === 'fileURLToPath' && isImportMeta(argumentsOf(node)[0], 'url');
}

/** An unbound name is CommonJS's global of that name (`__dirname`); a bound one, the one value it holds here, as `test` judges it. */
function globalOrHeld(node: Node & { type: 'Identifier' }, global: string, ctx: RuleContext, test: (value: Node) => boolean): boolean {
  if (!ctx.isBound(node)) return node.name === global;
  const bound = ctx.resolve(node);
  return !!bound && holdsOnly(node, ctx) && test(bound);
}

function isImportMeta(node: Node | undefined, key: string): boolean {
  return node?.type === 'MemberExpression' && node.object.type === 'MetaProperty' && node.object.meta.name === 'import' && propertyName(node) === key;
}

/**
 * Prose is a message or help text, not a path: several lines, or many words that do not
 * start like a path ("SSH host ... from ~/.ssh/config").
 */
export function isProse(text: string): boolean {
  if (text.includes('\n') || text.length > 400) return true;
  if (/^(?:[/~*.\\]|[A-Za-z]:[\\/]|%\w+%)/.test(text)) return false;
  return text.trim().split(/\s+/).length > 5 || /[a-z][.!?:,]\s+[A-Za-z]/.test(text);
}

/**
 * Visitors for rules about named paths: string literals that pass the `hint` prefilter,
 * templates and path joins, each spelled out once (a literal inside a join is left to the
 * join, so a path is reported once).
 */
export function pathHandlers(ctx: RuleContext, hint: RegExp, check: (node: Node) => void): {
  Literal(node: acorn.Literal): void;
  TemplateLiteral(node: acorn.TemplateLiteral): void;
  CallExpression(node: acorn.CallExpression): void;
} {
  return {
    Literal(node) {
      if (typeof node.value === 'string' && hint.test(node.value) && !isJoinArgument(ctx)) check(node);
    },
    TemplateLiteral(node) {
      if (!isJoinArgument(ctx)) check(node);
    },
    CallExpression(node) {
      if (isPathJoin(node, ctx)) check(node);
    },
  };
}
