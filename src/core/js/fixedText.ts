// Whether a text is built only from text written in the file and numbers, when it has too many
// values to list: `"return function (" + args + ") {…}"` where `args` is `", arg0, arg1…"` made
// by a loop over a function's arity (depd, function-bind). Numbers cannot bring code in, so a
// loop counter, any arithmetic or the length of fixed text or a list is fixed; a parameter is fixed only through the
// call being followed, and a list only when every element put into it is fixed. Anything else
// (a global, a property read, a call that is not followed, a list handed to unknown code) is
// not. What the text is exactly is left to constantText.ts; this answers only whether data from
// outside can get into it.
import * as acorn from 'acorn';
import { calleeOf, childrenOf, isFunction, propertyName, receiverOf, unwrapChain, type CallLike, type FunctionNode, type Node } from './ast';
import type { CallGraph } from './callgraph';
import { MODULE, settledValue, type ModuleIndex } from './moduleIndex';
import { CALLBACK_METHODS, directEvals, isModuleCode, READ_METHODS } from './constantText';
import { callsSpelled, everyUse, mentionsArguments, type NameUse, type ScanBudget } from './nameUses';

/** Calls followed into their callee's returns. */
const MAX_CALLS = 4;
/** Values looked at for one question: a fixed text is small. */
const MAX_STEPS = 2000;
/**
 * Nodes the scans of one question may visit, its own: in a 17 MB bundle the file's shared
 * budget is spent by other rules before the walk ends, and a small function's names would go
 * unread.
 */
const SCAN_NODES = 200_000;

/** The call being followed: its callee's parameters are its arguments. */
interface Frame {
  fn: number;
  args: readonly Node[];
  /** The function the call is written in. */
  at: number;
  outer?: Frame;
  depth: number;
}

/** Methods of a text or a list whose result is as fixed as their receiver and arguments. */
const KEEPING = new Set(['join', 'concat', 'slice', 'substr', 'substring', 'trim', 'trimStart', 'trimEnd', 'toString', 'toUpperCase', 'toLowerCase', 'repeat', 'padStart', 'padEnd', 'charAt', 'at']);
/** Methods that put their arguments into a list (from the argument index given). */
const LIST_WRITES = new Map([['push', 0], ['unshift', 0], ['splice', 2], ['fill', 0]]);
/** Methods of text or lists that give a number whatever the receiver holds. */
const NUMBER_METHODS = new Set(['charCodeAt', 'codePointAt', 'indexOf', 'lastIndexOf', 'search', 'localeCompare', 'findIndex', 'findLastIndex']);
/** Globals whose calls give a number or a fixed text whatever they are given. */
const NUMERIC_CALLS = new Set(['Number', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'Boolean']);
const NUMERIC_NAMES = new Set(['undefined', 'NaN', 'Infinity']);
/** Methods of text that change nothing (text cannot be changed); on a list that has them, neither. */
const TEXT_METHODS = new Set([...KEEPING, 'charCodeAt', 'codePointAt', 'startsWith', 'endsWith', 'split', 'search', 'match', 'localeCompare', 'normalize', 'valueOf']);
/** Methods of text that read their arguments and keep none of them. */
const STRING_READERS = new Set([...TEXT_METHODS, 'replace', 'replaceAll', 'indexOf', 'lastIndexOf', 'includes']);
const MATH_FUNCTIONS = new Set(['abs', 'ceil', 'floor', 'round', 'trunc', 'max', 'min', 'pow', 'sqrt', 'cbrt', 'sign', 'random', 'log', 'log2', 'log10', 'exp', 'hypot', 'imul', 'clz32', 'fround']);

/**
 * Whether the value of `node` (in function `fn`) is built only from fixed text and numbers.
 * `site` is the eval or Function call asking: another direct eval inside a scope whose names
 * were read could change one unseen, and then there is no answer.
 */
export function builtFromFixedText(node: Node, fn: number, index: ModuleIndex, graph: CallGraph, site?: Node, codeArguments?: ReadonlySet<Node>): boolean {
  return answer(new FixedText(index, graph, false, site, codeArguments), node, fn, index, site);
}

/**
 * Whether the value of `node` is fixed code into which data goes only as JSON literals: a
 * template's `${JSON.stringify(x)}` where the text before it leaves no string, comment,
 * template or regular expression open (`JSON.parse(${JSON.stringify(s)})`). JSON is a literal
 * in JavaScript: whatever x holds, it is data there, never code.
 */
export function fixedWithJsonData(node: Node, fn: number, index: ModuleIndex, graph: CallGraph, site?: Node, codeArguments?: ReadonlySet<Node>): boolean {
  return answer(new FixedText(index, graph, true, site, codeArguments), node, fn, index, site);
}

function answer(question: FixedText, node: Node, fn: number, index: ModuleIndex, site: Node | undefined): boolean {
  if (!question.value(node, fn, undefined)) return false;
  // A direct eval can change the names of the scopes around it: one inside a scope whose names
  // were read leaves no answer, unless its code can change none (see inertCode).
  const inside = (call: Node, scope: number) => scope === MODULE || (index.functions[scope].start <= call.start && call.end <= index.functions[scope].end);
  return !directEvals(index).some(e => e.call !== site && [...question.scopes].some(s => inside(e.call, s)) && !inertCode(e.call, e.fn, question));
}

/** Node types of code that reads or builds values and loads a module, and changes no name. */
const INERT_TYPES = new Set(['Program', 'ExpressionStatement', 'ImportExpression', 'Literal', 'ArrayExpression', 'ObjectExpression', 'Property', 'TemplateLiteral', 'TemplateElement', 'UnaryExpression', 'ParenthesizedExpression']);

/**
 * Whether the code a direct eval runs is a template of fixed text with only JSON inserted where a
 * value goes, whose text (each insert read as a literal) parses to code that assigns, declares
 * and calls nothing but `import(…)` (Playwright's `import(${JSON.stringify(file)})`).
 */
function inertCode(call: CallLike, fn: number, question: FixedText): boolean {
  const code = call.arguments[0] ? unwrapChain(call.arguments[0] as Node) : undefined;
  if (code?.type !== 'TemplateLiteral' || code.quasis.some(q => q.value.cooked == null) || !code.expressions.every((_, i) => question.jsonInCode(code, i, fn))) return false;
  const text = code.quasis.map(q => q.value.cooked).join('0');
  if (text.length > 4096) return false;
  let program: acorn.Program;
  try {
    program = acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch {
    return false;
  }
  const stack: Node[] = [program as Node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!INERT_TYPES.has(n.type)) return false;
    childrenOf(n, stack);
  }
  return true;
}

class FixedText {
  private steps = 0;
  private readonly budget: ScanBudget = { left: SCAN_NODES };
  private readonly frameIds = new Map<Frame, number>();
  /** A call followed has its own parameters: a name met again under another call is another question. */
  private frameId(frame: Frame | undefined): number {
    if (!frame) return 0;
    let id = this.frameIds.get(frame);
    if (id === undefined) this.frameIds.set(frame, (id = this.frameIds.size + 1));
    return id;
  }

  /** The scopes whose names were read. */
  readonly scopes = new Set<number>();
  /** Names and lists being answered (see everyWrite). */
  private readonly open = new Set<string>();

  /** `jsonLiterals`: a JSON.stringify inserted where the code expects a value counts as fixed (see fixedWithJsonData). */
  constructor(
    private readonly index: ModuleIndex,
    private readonly graph: CallGraph,
    private readonly jsonLiterals: boolean,
    /** The eval or Function call asking: its own reading of a name is the read asked about. */
    private readonly site?: Node,
    /** The code given to every eval, Function or vm call of the file: code is read as text there, never kept. */
    private readonly codeArguments?: ReadonlySet<Node>,
  ) {}

  value(node: Node, fn: number, frame: Frame | undefined): boolean {
    if (++this.steps > MAX_STEPS) return false;
    const n = unwrapChain(node);
    switch (n.type) {
      case 'Literal':
        return !(n as { regex?: unknown }).regex;
      case 'TemplateLiteral':
        return n.expressions.every((e, i) => this.value(e as Node, fn, frame) || (this.jsonLiterals && this.jsonInCode(n, i, fn)));
      case 'TaggedTemplateExpression': {
        // ``String.raw`…` ``: the template's text as written, its inserts as values.
        const tag = unwrapChain(n.tag as Node);
        const raw = tag.type === 'MemberExpression' && !tag.computed && propertyName(tag) === 'raw' && tag.object.type === 'Identifier' && tag.object.name === 'String' && this.isGlobal('String', tag.start, fn);
        return raw && this.value(n.quasi as Node, fn, frame);
      }
      case 'BinaryExpression':
        // Only `+` can join text; every other operator gives a number or a boolean.
        return n.operator !== '+' || (this.value(n.left as Node, fn, frame) && this.value(n.right as Node, fn, frame));
      case 'UnaryExpression':
      case 'UpdateExpression':
        return true;
      case 'ConditionalExpression':
        return this.value(n.consequent, fn, frame) && this.value(n.alternate, fn, frame);
      case 'LogicalExpression':
        return this.value(n.left, fn, frame) && this.value(n.right, fn, frame);
      case 'SequenceExpression':
        return this.value(n.expressions[n.expressions.length - 1], fn, frame);
      case 'ArrayExpression':
        return n.elements.every(e => !e || (e.type !== 'SpreadElement' && this.value(e, fn, frame)));
      case 'MemberExpression':
        // A length is a number only on text or a list: `JSON.parse(input).length` may be any text.
        if (!n.computed && propertyName(n) === 'length') return this.value(n.object as Node, fn, frame) || (n.object.type === 'Identifier' && this.list(n.object.name, fn, frame));
        // `ns.RENDER_SOURCE` on a bundler's namespace object (`__export(ns, { RENDER_SOURCE: () => Pr })`): the name its getter returns.
        if (!n.computed && n.object.type === 'Identifier' && propertyName(n) !== undefined) {
          const got = this.graph.namespaceMember(n.object.name, fn, propertyName(n)!);
          if (got) return this.value(got.node, got.fn, frame);
        }
        return n.computed && n.object.type === 'Identifier' && !this.index.mayBeShadowed(n.object.name, n.object.start, fn) ? this.list(n.object.name, fn, frame) : false;
      case 'Identifier':
        if (NUMERIC_NAMES.has(n.name) && this.isGlobal(n.name, n.start, fn)) return true;
        // A block's own binding of the name, or a `with`, may be what this use sees.
        return !this.index.mayBeShadowed(n.name, n.start, fn) && this.name(n.name, fn, frame);
      case 'CallExpression':
        return this.call(n, fn, frame);
      default:
        return false;
    }
  }

  /**
   * The template's `i`th insert and every one before it are `JSON.stringify(…)`, and the text
   * before it (each earlier insert read as a literal) ends where a value is expected.
   */
  jsonInCode(template: Node & { type: 'TemplateLiteral' }, i: number, fn: number): boolean {
    for (let j = 0; j <= i; j++) if (!this.isJsonStringify(template.expressions[j] as Node, fn)) return false;
    return endsInCode(template.quasis.slice(0, i + 1).map(q => q.value.cooked ?? '`').join('0'));
  }

  /** A call of a global that reads its arguments and keeps none: a number, a text or JSON comes out. */
  private readsOnly(call: CallLike, fn: number): boolean {
    const callee = calleeOf(call);
    // An uncurried method that keeps its receiver (`join(list, ",")`) only reads it.
    if (callee.type === 'Identifier' && this.uncurriedMethod(callee, fn)) return true;
    if (callee.type === 'Identifier') return (NUMERIC_CALLS.has(callee.name) || callee.name === 'String') && this.isGlobal(callee.name, callee.start, fn);
    if (this.isJsonStringify(call, fn) || this.isMath(callee, fn)) return true;
    // A method of text written in the file (`"…".replace(/x/g, i)`): text keeps nothing it is given.
    const receiver = callee.type === 'MemberExpression' ? unwrapChain(callee.object as Node) : undefined;
    // `s.charCodeAt(i)`, `s.indexOf(x)`: a position or a needle, only read.
    if (callee.type === 'MemberExpression' && !callee.computed && NUMBER_METHODS.has(propertyName(callee) ?? '')) return true;
    if (!receiver || callee.type !== 'MemberExpression' || callee.computed || !STRING_READERS.has(propertyName(callee) ?? '')) return false;
    const literal = receiver.type === 'TemplateLiteral' || (receiver.type === 'Literal' && typeof receiver.value === 'string');
    // Or a name holding fixed text (`code.replace(/\[X\]/g, n)`, bluebird's holder): text is never changed by what it is given.
    return literal || ((receiver.type === 'Identifier' || receiver.type === 'CallExpression') && this.value(receiver, fn, undefined));
  }

  /** Math's own function, when the file adds none of its own (`Math.constructor(x)` is `Object(x)`). */
  private isMath(callee: Node, fn: number): boolean {
    return callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === 'Math' && MATH_FUNCTIONS.has(propertyName(callee) ?? '') && this.isGlobal('Math', callee.start, fn) && !extendsMath(this.index);
  }

  /**
   * `JSON.stringify(…)`, or a call of a same-module function that returns nothing else (Claude
   * Code's `function Le(e, t, n) { return JSON.stringify(e, t, n) }`): JSON text comes out.
   */
  private isJsonStringify(node: Node, fn: number, throughWrapper = true): boolean {
    const n = unwrapChain(node);
    if (n.type !== 'CallExpression' || n.arguments.length === 0 || n.arguments.some(a => a.type === 'SpreadElement')) return false;
    const callee = n.callee as Node;
    if (callee.type === 'MemberExpression' && !callee.computed && propertyName(callee) === 'stringify' && callee.object.type === 'Identifier' && callee.object.name === 'JSON' && this.isGlobal('JSON', callee.start, fn)) return true;
    if (!throughWrapper) return false;
    const target = this.graph.target(n, fn);
    const returns = target ? (this.index.functions[target.callee]?.returns ?? []) : [];
    return returns.length > 0 && returns.every(r => this.isJsonStringify(r, target!.callee, false));
  }

  /** The global of that name where it is used: no binding of the file, no block's, no `with`. */
  private isGlobal(name: string, at: number, fn: number): boolean {
    return !this.index.binding(name, fn) && !this.index.mayBeShadowed(name, at, fn);
  }

  /**
   * A fixed list mapped by a callback written there, whose returns are fixed when its element is
   * (the element, its index: fixed text or numbers, given as such to the callback's parameters).
   */
  private mapped(receiver: Node, callback: FunctionNode, fn: number, frame: Frame | undefined): boolean {
    const f = this.index.functionOf(callback);
    if (f === undefined || callback.params.length > 2 || callback.params.some(p => p.type !== 'Identifier') || callback.async || callback.generator) return false;
    const list = receiver.type === 'Identifier' ? !this.index.mayBeShadowed(receiver.name, receiver.start, fn) && this.list(receiver.name, fn, frame) : this.listValue(receiver, fn, frame);
    if (!list) return false;
    const returns = this.index.functions[f].returns;
    if (returns.length === 0 || (frame?.depth ?? 0) >= MAX_CALLS) return false;
    const fixed = { type: 'Literal', value: '', raw: '""', start: callback.start, end: callback.start } as unknown as Node;
    const inner: Frame = { fn: f, args: [fixed, fixed], at: fn, outer: frame, depth: (frame?.depth ?? 0) + 1 };
    return returns.every(r => this.value(r, f, inner));
  }

  /** A method that keeps its receiver's and arguments' fixedness (`list.join(", ")`, `s.slice(1)`). */
  private kept(method: string, receiver: Node, args: readonly Node[], fn: number, frame: Frame | undefined): boolean {
    const list = receiver.type === 'Identifier' && method === 'join' ? !this.index.mayBeShadowed(receiver.name, receiver.start, fn) && this.list(receiver.name, fn, frame) : this.value(receiver, fn, frame);
    return list && args.every(a => this.value(a, fn, frame));
  }

  /**
   * A name bound once to a helper's call given an array's or a string's own method (`[].join`,
   * `"".slice`, `Array.prototype.join`): core-js's and es-abstract's uncurried methods. The
   * method's name, when it is one that keeps fixed text fixed.
   */
  private uncurriedMethod(callee: Node & { type: 'Identifier' }, fn: number): string | undefined {
    const value = settledValue(this.index, callee.name, fn)?.node;
    const made = value && unwrapChain(value);
    if (made?.type !== 'CallExpression' || made.arguments.length !== 1 || made.arguments[0].type !== 'MemberExpression') return undefined;
    const member = made.arguments[0] as Node & { type: 'MemberExpression' };
    const method = propertyName(member);
    if (method === undefined || !KEEPING.has(method)) return undefined;
    const owner = unwrapChain(member.object as Node);
    const own =
      (owner.type === 'ArrayExpression' && owner.elements.length === 0) ||
      (owner.type === 'Literal' && owner.value === '') ||
      (owner.type === 'MemberExpression' && propertyName(owner) === 'prototype' && owner.object.type === 'Identifier' && (owner.object.name === 'Array' || owner.object.name === 'String'));
    return own ? method : undefined;
  }

  private call(call: CallLike, fn: number, frame: Frame | undefined): boolean {
    const callee = calleeOf(call);
    const args = call.arguments as Node[];
    if (args.some(a => a.type === 'SpreadElement')) return false;
    if (callee.type === 'Identifier' && NUMERIC_CALLS.has(callee.name) && this.isGlobal(callee.name, callee.start, fn)) return true;
    // Math's own functions give numbers.
    if (this.isMath(callee, fn)) return true;
    if (callee.type === 'Identifier' && callee.name === 'String' && this.isGlobal('String', callee.start, fn)) return args.every(a => this.value(a, fn, frame));
    // The JSON of fixed text or numbers is fixed text (a replacer or indent given is checked too).
    if (this.isJsonStringify(call, fn)) return args.every(a => this.value(a, fn, frame));
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    // A pattern only chooses where the replacement goes: what comes out is the receiver's text and the replacement's.
    if ((method === 'replace' || method === 'replaceAll') && args.length === 2) {
      const pattern = unwrapChain(args[0]);
      const isPattern = (pattern.type === 'Literal' && 'regex' in pattern && !!pattern.regex) || this.value(pattern, fn, frame);
      return isPattern && !isFunction(args[1]) && this.value(receiverOf(call)!, fn, frame) && this.value(args[1], fn, frame);
    }
    // `this.prefix.charCodeAt(i)`: a number, whatever text it is asked of (find-my-way's generated matcher).
    if (method !== undefined && NUMBER_METHODS.has(method)) return true;
    if (method !== undefined && KEEPING.has(method)) return this.kept(method, receiverOf(call)!, args, fn, frame);
    // `props.map(function (p) { return "promise = " + p + ";" })` over a fixed list: what the callback makes of each element.
    if (method === 'map' && args.length === 1 && isFunction(args[0])) return this.mapped(receiverOf(call)!, args[0] as FunctionNode, fn, frame);
    // core-js's `join = uncurryThis([].join)`, then `join(list, ",")`: the method, its receiver first.
    const uncurried = callee.type === 'Identifier' && args.length > 0 ? this.uncurriedMethod(callee, fn) : undefined;
    if (uncurried) return this.kept(uncurried, args[0], args.slice(1), fn, frame);
    const target = this.graph.target(call, fn);
    if (!target || target.argOffset !== 0 || (frame?.depth ?? 0) >= MAX_CALLS || !this.writtenAsCalled(callee, target.callee, fn)) return false;
    const returns = this.index.functions[target.callee]?.returns ?? [];
    if (returns.length === 0) return false;
    const inner: Frame = { fn: target.callee, args, at: fn, outer: frame, depth: (frame?.depth ?? 0) + 1 };
    return returns.every(r => this.value(r, target.callee, inner));
  }

  /**
   * The function called is the one written there: in place (`(function(a){…})(x)`), or bound
   * once to the name called, as written or named by a keep-names helper (`__name(function f(){}, "f")`).
   * The call graph also reads memos and factories (`once(() => v)`), whose products it only
   * guesses: no answer through those.
   */
  private writtenAsCalled(callee: Node, target: number, fn: number): boolean {
    const node = this.index.functions[target].node;
    if (callee === node) return true;
    if (callee.type !== 'Identifier') return false;
    const bound = this.index.binding(callee.name, fn);
    const value = bound && bound.values.length === 1 && !bound.mutated ? unwrapChain(bound.values[0].node) : undefined;
    if (value === node) return true;
    return value?.type === 'CallExpression' && value.arguments[0] === node && this.graph.returnsFirstArgumentOf(value, fn);
  }

  /** Every value a name is given in its scope is fixed (its parameter's, through the call followed). */
  private name(name: string, fn: number, frame: Frame | undefined): boolean {
    return this.everyWrite('', name, fn, frame, (value, at, f) => this.value(value, at, f));
  }

  /**
   * Every element put into a list named `name` is fixed: its written elements, `list[i] = v`,
   * `list.push(v)`. A list read (`list[i]`, `.length`, `.join`) changes nothing; handed to a
   * function of the file that only reads its parameter, neither. Anything else lets unknown code
   * put something in.
   */
  private list(name: string, fn: number, frame: Frame | undefined): boolean {
    return this.everyWrite('[]', name, fn, frame, (value, at, f) => this.listValue(value, at, f));
  }

  /** A list as a whole: written out, made empty, or a parameter's list from the call followed. */
  private listValue(value: Node, fn: number, frame: Frame | undefined): boolean {
    const v = unwrapChain(value);
    if (v.type === 'ArrayExpression') return this.value(v, fn, frame);
    // `new Array(n)` is n empty places; `Array("x")` is a list holding "x".
    if ((v.type === 'NewExpression' || v.type === 'CallExpression') && v.callee.type === 'Identifier' && v.callee.name === 'Array' && this.isGlobal('Array', v.start, fn) && v.arguments.length <= 1) return v.arguments.every(a => a.type !== 'SpreadElement' && this.value(a as Node, fn, frame));
    if (v.type === 'Identifier') return !this.index.mayBeShadowed(v.name, v.start, fn) && this.list(v.name, fn, frame);
    return false;
  }

  /**
   * Every place that gives a name a value passes `check` (a parameter's value is the followed
   * call's argument, in that call's function and frame), and no use of it may change what it
   * holds unseen: a name may hold a list even when it is read as text (`"" + parts`), so every
   * name is held to the rules of a list. Module scope is scanned too, within this question's
   * own budget (a whole bundle's top level runs out of it: no answer).
   */
  private everyWrite(kind: '' | '[]', name: string, fn: number, frame: Frame | undefined, check: Check): boolean {
    const bound = this.index.binding(name, fn);
    if (!bound) return false;
    // Met again inside its own answer (`s = s + x`), under the same call: it adds nothing new.
    const key = `${kind}${name}@${bound.scope}@${this.frameId(frame)}`;
    if (this.open.has(key)) return true;
    this.scopes.add(bound.scope);
    // At the top of a script (no import, export or require), a name is a global other scripts can change.
    if (bound.scope === MODULE && !isModuleCode(this.index)) return false;
    const fnNode = bound.scope === MODULE ? undefined : this.index.functions[bound.scope]?.node;
    this.open.add(key);
    try {
      let ok = true;
      const complete = everyUse(this.index, bound.scope, name, use => (ok = this.use(use, bound.scope, fnNode, frame, check)), this.budget);
      return complete && ok;
    } finally {
      this.open.delete(key);
    }
  }

  private use(use: UseOf, scope: number, fnNode: FunctionNode | undefined, frame: Frame | undefined, check: Check): boolean {
    const { ancestors } = use;
    const parent = ancestors[ancestors.length - 1];
    const grand = ancestors[ancestors.length - 2];
    if (!parent) return false;
    // The parameter itself: its value is the followed call's argument.
    if (fnNode && parent === fnNode) {
      const at = fnNode.params.indexOf(use.node as never);
      return at < 0 || this.argument(at, undefined, scope, frame, check);
    }
    if (fnNode && parent.type === 'AssignmentPattern' && parent.left === use.node && grand === fnNode) {
      return this.argument(fnNode.params.indexOf(parent as never), parent.right as Node, scope, frame, check);
    }
    switch (parent.type) {
      case 'VariableDeclarator': {
        // `const copy = list`: another name for what it holds, whose uses are not followed.
        if (parent.id !== use.node) return false;
        // `for (const k of list)`: an element of a list this search does not read.
        const loop = ancestors[ancestors.length - 3];
        if ((loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement') && loop.left === grand) return false;
        return !parent.init || check(parent.init as Node, use.fn, frame);
      }
      case 'AssignmentExpression':
        // `s += name` makes new text; `other = name` is another name for what it holds.
        if (parent.left !== use.node) return parent.operator === '+=' || (parent.operator !== '=' && !VALUE_ASSIGNMENTS.has(parent.operator));
        // Other compound operators (`-=`, `*=`, `<<=` …) give numbers.
        return VALUE_ASSIGNMENTS.has(parent.operator) ? check(parent.right as Node, use.fn, frame) : true;
      case 'UpdateExpression':
        return true;
      case 'MemberExpression':
        // `o[name]` reads it; `o.name` is a property, not this name.
        if (parent.object !== use.node) return true;
        return this.member(parent, grand, use, frame);
      case 'ForOfStatement':
        return parent.left !== use.node;
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee === use.node) return false;
        if (parent === this.site || this.codeArguments?.has(use.node)) return true;
        // Given to a global that only reads it (`String(x)`, `JSON.stringify(x)`, `Math.max(x)`, `new Array(n)`).
        if (parent.type === 'CallExpression' && this.readsOnly(parent, use.fn)) return true;
        if (parent.callee.type === 'Identifier' && parent.callee.name === 'Array' && parent.arguments.length === 1 && this.isGlobal('Array', parent.callee.start, use.fn)) return true;
        return this.handedTo(parent, use);
      case 'ConditionalExpression':
      case 'LogicalExpression': {
        // As a test it is read; as a branch it is handed on (`(c ? list : []).push(x)`): the
        // choice is then used as the name would be.
        if (parent.type === 'ConditionalExpression' && parent.test === use.node) return true;
        if (parent.type === 'LogicalExpression' && (grand?.type === 'IfStatement' || grand?.type === 'UnaryExpression')) return true;
        return this.use({ ...use, node: parent, ancestors: ancestors.slice(0, -1) }, scope, fnNode, frame, check);
      }
      default:
        // Returned (`() => Pr`, a bundler's namespace getter): text cannot be changed by whoever gets it.
        if (((isFunction(parent) && parent.body === use.node) || parent.type === 'ReturnStatement') && use.node.type === 'Identifier' && this.holdsOnlyText(use.node.name, use.fn)) return true;
        // A nested function's parameter of the same name is its own binding (the uses inside it
        // are still held to this name's rules, which is only more cautious).
        if (isFunction(parent)) return parent.id === use.node || (parent !== fnNode && parent.params.includes(use.node as never));
        if (parent.type === 'ClassDeclaration' || parent.type === 'ClassExpression') return parent.id === use.node;
        // Returned, stored, spread into another list, destructured, caught: where it goes, or
        // what it is given, is not followed.
        return READ_ONLY_PARENTS.has(parent.type);
    }
  }

  /** Every value the name is given is text or a number written out (a string, a template, `+`): nothing a reader can change. */
  private holdsOnlyText(name: string, fn: number): boolean {
    const bound = this.index.binding(name, fn);
    if (!bound || bound.values.length === 0 || bound.appended || (!bound.moduleLike && bound.mutated)) return false;
    const text = (n: Node): boolean => {
      const v = unwrapChain(n);
      return (v.type === 'Literal' && !(v as { regex?: unknown }).regex) || v.type === 'TemplateLiteral' || v.type === 'TaggedTemplateExpression' || (v.type === 'BinaryExpression' && v.operator === '+');
    };
    return bound.values.every(v => text(v.node)) && (bound.history ?? []).every(v => text(v.node));
  }

  private argument(at: number, fallback: Node | undefined, scope: number, frame: Frame | undefined, check: Check): boolean {
    if (at < 0 || mentionsArguments(this.index, scope)) return false;
    if (!frame || frame.fn !== scope) return this.everyCallGives(scope, at, fallback, check);
    const given = frame.args[at];
    // A default stands in for an `undefined` given too.
    return (!given || check(given, frame.at, frame.outer)) && (!fallback || check(fallback, scope, frame));
  }

  /**
   * Outside any call followed: the parameter of a function bound once to a name that the file
   * spells only as calls (never passed, stored or exported) is what every one of those calls
   * gives (`for (var i = 0; i < 8; ++i) make(i + 1)`).
   */
  private everyCallGives(scope: number, at: number, fallback: Node | undefined, check: Check): boolean {
    const key = `calls\0${scope}\0${at}`;
    if (this.open.has(key)) return false;
    const calls = this.everyCall(scope);
    if (!calls) return false;
    this.open.add(key);
    try {
      for (const i of calls) {
        const call = this.index.calls[i];
        const args = call.arguments as Node[];
        if (args.slice(0, at + 1).some(a => a.type === 'SpreadElement')) return false;
        const given = args[at];
        if (given && !check(given, this.index.callFns[i], undefined)) return false;
      }
      return !fallback || check(fallback, scope, undefined);
    } finally {
      this.open.delete(key);
    }
  }

  /** The calls (indexes into index.calls) of a function when they are all of its uses, else undefined. */
  private everyCall(scope: number): number[] | undefined {
    const record = this.index.functions[scope];
    const node = record?.node;
    if (!node || node.async || node.generator) return undefined;
    const text = this.index.text;
    let name: string | undefined;
    let declaredAt = -1;
    if (node.type === 'FunctionDeclaration' && node.id) {
      name = node.id.name;
      if (/\bexport\s+(?:default\s+)?$/.test(text.slice(Math.max(0, node.start - 20), node.start))) return undefined;
    } else if (node.type !== 'FunctionDeclaration') {
      // `var make = function (i) {…}`: the name written just before it.
      const m = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*=\s*$/.exec(text.slice(Math.max(0, node.start - 120), node.start));
      if (m) {
        name = m[1];
        declaredAt = node.start - (m[0].length - m[0].indexOf(m[1]));
        if (/\bexport\s+(?:const|let|var)\s+$/.test(text.slice(Math.max(0, declaredAt - 20), declaredAt))) return undefined;
      }
    }
    if (!name) return undefined;
    const bound = this.index.binding(name, record.parent);
    if (!bound || settledValue(this.index, name, bound.scope)?.node !== node) return undefined;
    // At the top of a classic script the function is a global: other scripts may call it.
    if (bound.scope === MODULE && !isModuleCode(this.index)) return undefined;
    const spelled = callsSpelled(this.index, bound.scope, name, declaredAt);
    if (spelled < 0) return undefined;
    const calls = this.graph.callsOfName(name).filter(i => {
      const callee = unwrapChain(this.index.calls[i].callee as Node);
      return callee.type === 'Identifier' && callee.name === name && this.index.binding(name, this.index.callFns[i])?.scope === bound.scope;
    });
    // Every place spelled `name(` is one of these calls (a declaration's own name aside).
    return calls.length > 0 && calls.length === spelled - (node.type === 'FunctionDeclaration' ? 1 : 0) ? calls : undefined;
  }

  /**
   * `list[i] = v`, `list.push(v)`: v is checked. Reads (readOnly) change nothing, nor do callbacks
   * that cannot see the list (`forEach((x, i) => …)`); one that can (`forEach((x, i, all) => …)`)
   * or a property write may.
   */
  private member(member: Node & { type: 'MemberExpression' }, grand: Node | undefined, use: UseOf, frame: Frame | undefined): boolean {
    if (grand?.type === 'AssignmentExpression' && grand.left === member) return member.computed && VALUE_ASSIGNMENTS.has(grand.operator) && this.value(grand.right as Node, use.fn, frame);
    if (grand?.type === 'UpdateExpression') return member.computed;
    const method = propertyName(member);
    if (grand?.type === 'CallExpression' && grand.callee === member && method !== undefined) {
      const args = grand.arguments as Node[];
      if (LIST_WRITES.has(method)) return args.slice(LIST_WRITES.get(method)).every(a => a.type !== 'SpreadElement' && this.value(a, use.fn, frame));
      if (CALLBACK_METHODS.has(method)) return args.every(a => (a.type === 'ArrowFunctionExpression' || a.type === 'FunctionExpression') && a.params.length <= 2 && a.params.every(p => p.type === 'Identifier'));
    }
    return readOnly(member, grand);
  }

  /** A list handed to a function of the file that only reads that parameter (`joiny(list, ",")`). */
  private handedTo(call: CallLike, use: UseOf): boolean {
    const target = this.graph.target(call, use.fn);
    const at = (call.arguments as Node[]).indexOf(use.node as never);
    if (!target || target.argOffset !== 0 || at < 0) return false;
    const callee = this.index.functions[target.callee]?.node;
    const param = callee?.params[at];
    if (param?.type !== 'Identifier' || mentionsArguments(this.index, target.callee)) return false;
    this.scopes.add(target.callee);
    let reads = true;
    const onlyRead = (u: NameUse): boolean => {
      const parent = u.ancestors[u.ancestors.length - 1];
      if (parent === callee) return true;
      reads = parent?.type === 'MemberExpression' && parent.object === u.node && readOnly(parent, u.ancestors[u.ancestors.length - 2]);
      return reads;
    };
    const complete = everyUse(this.index, target.callee, param.name, onlyRead, this.budget);
    return complete && reads;
  }
}

type Check = (value: Node, fn: number, frame: Frame | undefined) => boolean;

/** A use of a name, or of a choice holding it (`c ? name : other`), with the nodes above it. */
type UseOf = Omit<NameUse, 'node'> & { node: Node };

/** Operators that give the name the right side's value, or add it to the text. */
const VALUE_ASSIGNMENTS = new Set(['=', '+=', '||=', '??=', '&&=']);

/** Parents under which a name is only read (its value turned to text, compared, tested). */
const READ_ONLY_PARENTS = new Set(['BinaryExpression', 'IfStatement', 'UnaryExpression', 'ExpressionStatement', 'TemplateLiteral', 'SwitchStatement', 'SwitchCase', 'WhileStatement', 'DoWhileStatement', 'ForStatement', 'ReturnStatement']);

/** Whether the file gives Math a member of its own (`Math.id = x => x`): asked once per file, not at every Math call. */
function extendsMath(index: ModuleIndex): boolean {
  let known = mathWrites.get(index);
  if (known === undefined) mathWrites.set(index, (known = /\bMath\s*\.\s*\w+\s*=[^=]/.test(index.text)));
  return known;
}
const mathWrites = new WeakMap<ModuleIndex, boolean>();

/**
 * `member` (with `grand` around it) only reads what its object holds: an element not then used
 * as an object, called or used as a tag (`list[0].push(x)`, `list["__proto__"]…`), `.length`
 * not used as an object, or a method of text or lists that changes nothing.
 */
function readOnly(member: Node & { type: 'MemberExpression' }, grand: Node | undefined): boolean {
  if ((grand?.type === 'AssignmentExpression' && grand.left === member) || grand?.type === 'UpdateExpression') return false;
  if ((grand?.type === 'MemberExpression' && grand.object === member) || (grand?.type === 'TaggedTemplateExpression' && grand.tag === member)) return false;
  const method = propertyName(member);
  if (grand?.type === 'CallExpression' && grand.callee === member) return method !== undefined && (READ_METHODS.has(method) || STRING_READERS.has(method));
  return member.computed || method === 'length';
}

/**
 * Whether JavaScript text ends outside any string, comment, template or regular expression, so
 * that what follows is read as a value. Conservative: any backquote or slash gives no.
 */
function endsInCode(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      else if (c === '\n' || c === '\r') return false;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '`' || c === '/') return false;
  }
  return quote === undefined;
}
