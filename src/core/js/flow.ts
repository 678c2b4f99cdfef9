// Where a value comes from: followed backwards from an expression through names, object
// properties and array elements, destructuring, `this` fields, same-module calls (into the
// callee's returns, out to the callers' arguments), and the string, URL and array transforms
// that keep a value's meaning (`x.toLowerCase()`, `new URL(x).hostname`, `[...xs]`).
//
// Field-sensitive: `cfg.provider` follows only the `provider` of `cfg`, never the `baseURL`
// that sits beside it. An expression does not take its meaning from everything written
// inside it: `f(secret)` with `f` unknown is not the secret, but `JSON.stringify({k:
// secret})` and `"Bearer " + secret` are. Bounded: calls to a depth, names and steps to a
// budget, so the cost is small and fixed whatever the module's size (a method call's receiver is
// asked about in a search of its own, never nested, and only so many per file).
import type * as acorn from 'acorn';
import { calleeOf, instanceKeyName, isFunction, isUndefinedValue, memoThunk, propertyKeyName, propertyName, staticString, unwrapChain, type CallLike, type Node, type Parameter } from './ast';
import type { CallGraph, CallStep } from './callgraph';
import { contradicts, guardsAt, listAt, type Guard } from './guards';
import { assignedAfter, declarationSeenAt, MODULE, reachingValues, sameDeclaration, type Binding, type ClassNode, type ModuleIndex, type ModuleValue } from './moduleIndex';

/** DESIGN.md: values are followed through same-module calls to depth 3. */
export const CALL_DEPTH = 3;
/** Work items per question: far more than any real value needs, far less than a bundle. */
const BUDGET = 3000;
/** Steps of the search for the class of a method call's receiver (instanceMethodOf). */
const INSTANCE_BUDGET = 300;
/** Such searches per file: a bundle with thousands of method calls pays a fixed cost, not one per call. */
const INSTANCE_SEARCHES = 400;
/** Object and array literals larger than this are data tables, not one value. */
const MAX_LITERAL_PARTS = 64;
/**
 * Properties pending at once: `cfg.a.b.c` is three. `x = x.parent` loops would otherwise
 * grow the path at every turn, each a new question.
 */
const MAX_PATH = 6;
/** Guards one value carries at most: a dispatch tests a few properties, not dozens. */
const MAX_GUARDS = 8;

/** A marked node the value reaches, and the calls it passed through on the way (outermost first). */
export interface Reached<M> {
  mark: M;
  node: Node;
  fn: number;
  calls: CallStep[];
  /** The calls whose callee's returns the mark was met inside, innermost last (see Item.context). */
  context?: readonly CallStep[];
}

/**
 * How a call's result relates to its inputs when the callee is not a same-module function:
 * `receiver` (`s.trim()`), `arguments` (`JSON.stringify(x)`, `path.join(a, b)`), or unknown.
 */
export type Derivation = 'receiver' | 'arguments' | 'both' | undefined;
export type DerivationOf = (call: CallLike, fn: number) => Derivation;

/** One value to look at: a node, the properties still to take from it, how it got there. */
class Item {
  constructor(
    readonly node: Node,
    readonly fn: number,
    /** Properties still to take from this value, first one first; `*` is any element. */
    readonly path: readonly string[],
    /** The calls passed on the way, outermost first: what a finding shows as steps. */
    readonly calls: readonly CallStep[],
    readonly depth: number,
    /**
     * The calls whose callee's returns we are inside, innermost last: a parameter met there is
     * the argument of that very call, not of every call of the function (context-sensitive).
     */
    readonly context: readonly CallStep[],
    /** What the branches of the calls passed out through say about this value's properties (guards.ts). */
    readonly guards: readonly Guard[] = NO_GUARDS,
  ) {}
}

/**
 * Whether a node is one the question looks for (its answer), else undefined to go on past it.
 * `path` holds the properties still to take from the node's value (`cfg.shell` met at `cfg`: `["shell"]`).
 */
export type Mark<M> = (node: Node, fn: number, path: readonly string[]) => M | undefined;

/**
 * Marks that look for where a condition's truth comes from (covert-link: a marker's condition
 * taking its value from a gate's comparisons). For those the left of `a && b` is followed too; a
 * question about values skips it, as `a` is the value only when it is falsy (empty, null, 0:
 * no path, host or secret).
 */
const CONDITION_MARKS = new WeakSet<Mark<unknown>>();

/** `mark`, asking where a condition's truth comes from (see CONDITION_MARKS). */
export function conditionMark<M>(mark: Mark<M>): Mark<M> {
  CONDITION_MARKS.add(mark as Mark<unknown>);
  return mark;
}

/** `guards`: those of the next value; by default the item's, carried over the change of path (see carriedGuards). */
type Push = (node: Node | null | undefined, item: Item, path?: readonly string[], fn?: number, calls?: readonly CallStep[], depth?: number, context?: readonly CallStep[], guards?: readonly Guard[]) => void;

const NO_PATH: readonly string[] = [];
const NO_CONTEXT: readonly CallStep[] = [];
const NO_GUARDS: readonly Guard[] = [];

export class ValueFlow {
  constructor(
    private readonly index: ModuleIndex,
    private readonly graph: CallGraph,
    private readonly derivationOf: DerivationOf = defaultDerivation,
    /** Calls that hand their result to a Node-style callback given last (`exec(cmd, (err, stdout) => …)`). */
    private readonly givesResultToCallback: (call: CallLike, fn: number) => boolean = () => false,
  ) {}

  /**
   * Every node, among those `mark` recognises, whose value reaches the value of `expr`
   * (written in function `fn`), or of its property `path` (`["hostname"]`: the host of a
   * request's options). A marked node ends the search along its branch. `nesting`: how many
   * calls deep callees' returns are entered before each costs one of `depth` (see `nesting` below).
   */
  origins<M>(expr: Node, fn: number, mark: Mark<M>, depth = CALL_DEPTH, path: readonly string[] = NO_PATH, context: readonly CallStep[] = NO_CONTEXT, nesting = 0): Array<Reached<M>> {
    // Asked from inside calls a search entered (a read met in a helper's return): a parameter
    // there is that call's argument, so the answer is the caller's own, not one to share.
    if (context.length) return this.search(expr, fn, mark, depth, path, context, BUDGET, nesting);
    const start = path.length ? undefined : this.settledStart(expr, fn);
    if (!start) return this.search(expr, fn, mark, depth, path, NO_CONTEXT, BUDGET, nesting);
    // A question from a name (or a name's property) asked again from another use of the same
    // name gets the same answer once the walk is over: only the use itself may be marked.
    for (const use of start.uses) {
      const m = mark(use.node, fn, use.path);
      if (m !== undefined) return [{ mark: m, node: use.node, fn, calls: [] }];
    }
    let byKey = this.answers.get(mark);
    if (!byKey) this.answers.set(mark, (byKey = new Map()));
    const key = `${depth}\0${nesting}\0${start.key}`;
    let answer = byKey.get(key) as Array<Reached<M>> | undefined;
    if (!answer) byKey.set(key, (answer = this.search(expr, fn, mark, depth, NO_PATH, NO_CONTEXT, BUDGET, nesting)));
    return [...answer];
  }

  /** Answers to questions from a settled name, by mark function, then call depth and name (see origins). */
  private readonly answers = new WeakMap<Mark<unknown>, Map<string, ReadonlyArray<Reached<unknown>>>>();

  /**
   * A name, or a property of a name, whose value is settled (the walk is over, and the name
   * is not redeclared in separate blocks, where the use's position picks the value): the
   * binding and property that decide the answer, and the nodes a search passes first.
   */
  /**
   * Which of `among` the values at `sites` come from: a question many rules ask after the walk
   * (is this candidate given to `new RegExp`? is this interface list read for `.mac`?).
   */
  reachedAmong(sites: ReadonlyArray<{ node: Node; fn: number }>, among: ReadonlySet<Node>): Set<Node> {
    const reached = new Set<Node>();
    if (among.size === 0) return reached;
    const mark = (n: Node) => (among.has(n) ? n : undefined);
    for (const site of sites) for (const r of this.origins(site.node, site.fn, mark)) reached.add(r.mark);
    return reached;
  }

  private settledStart(expr: Node, fn: number): { key: string; uses: Array<{ node: Node; path: readonly string[] }> } | undefined {
    if (!this.index.settledAll) return undefined;
    let name: acorn.Identifier;
    let property = '';
    const uses = [{ node: expr, path: NO_PATH }];
    if (expr.type === 'Identifier') name = expr;
    else if (expr.type === 'MemberExpression') {
      const object = unwrapChain(expr.object as Node);
      if (object.type !== 'Identifier') return undefined;
      name = object;
      const key = memberKey(expr);
      // What the branches around this use say about the name's entries is part of the question.
      const guards = this.guardsAtUse(object, fn);
      property = `\0${key}${guards.length ? `\0${JSON.stringify(guards)}` : ''}`;
      uses.push({ node: object, path: [key] });
    } else return undefined;
    const bound = this.index.binding(name.name, fn);
    if (!bound) return { key: `unbound\0${name.name}${property}`, uses };
    if (bound.history && !bound.moduleLike) return undefined;
    return { key: `${bound.scope}\0${name.name}${property}`, uses };
  }

  private search<M>(expr: Node, fn: number, mark: Mark<M>, depth: number, path: readonly string[], context: readonly CallStep[] = NO_CONTEXT, steps = BUDGET, nesting = 0): Array<Reached<M>> {
    // A search may run inside another (a method call's receiver): each keeps its own kind of question.
    const outer = this.conditions;
    const outerNesting = this.nesting;
    this.conditions = CONDITION_MARKS.has(mark as Mark<unknown>);
    this.nesting = nesting;
    try {
      return this.searchFrom(expr, fn, mark, depth, path, context, steps);
    } finally {
      this.conditions = outer;
      this.nesting = outerNesting;
    }
  }

  /**
   * Of the search under way, how many calls deep it enters callees' returns without spending
   * its call depth (see origins): a return entered from its call is that call's value, and a
   * parameter met inside goes back to that call's argument alone, so the way stays exact however
   * deep; only leaving a function for all its callers widens it.
   */
  private nesting = 0;

  /** Calls left after entering a callee's returns from `item`, or -1 where none may be entered. */
  private depthInto(item: Item): number {
    if (item.context.length < this.nesting) return item.depth;
    return item.depth <= 0 ? -1 : item.depth - 1;
  }

  /** Whether the search under way asks where a condition's truth comes from (CONDITION_MARKS). */
  private conditions = false;

  private searchFrom<M>(expr: Node, fn: number, mark: Mark<M>, depth: number, path: readonly string[], context: readonly CallStep[], steps: number): Array<Reached<M>> {
    const out: Array<Reached<M>> = [];
    // Most values are followed with no property pending: one map for those, keys for the rest.
    // Each keeps the most calls left to follow when the value was met: met again with more (by a
    // shorter way), it is followed again, so the order of the search does not cut an answer short.
    const seen = new Map<Node, number>();
    // With properties pending: per path and context, the calls left and the guards of each time
    // the value was met. Met again with no more calls left and every guard of an earlier time
    // (as many entries or fewer can reach it), it is not followed again.
    let seenWithPath: Map<Node, Map<string, Array<{ depth: number; guards: readonly Guard[] }>>> | undefined;
    const work: Item[] = [new Item(expr, fn, path, [], depth, context)];
    let budget = steps;
    const push: Push = (node, item, path = item.path, at = item.fn, calls = item.calls, d = item.depth, context = item.context, guards = carriedGuards(item.guards, item.path, path)) => {
      if (node && path.length <= MAX_PATH) work.push(new Item(node, at, path, calls, d, context, guards));
    };
    while (work.length && budget-- > 0) {
      const item = work.pop()!;
      const { node, path } = item;
      if (path.length === 0 && item.context.length === 0 && item.guards.length === 0) {
        if ((seen.get(node) ?? -1) >= item.depth) continue;
        seen.set(node, item.depth);
      } else {
        seenWithPath ??= new Map();
        const key = `${path.join('.')}|${item.context.map(c => c.call.start).join(',')}`;
        let keys = seenWithPath.get(node);
        if (!keys) seenWithPath.set(node, (keys = new Map()));
        let times = keys.get(key);
        if (!times) keys.set(key, (times = []));
        if (times.some(t => t.depth >= item.depth && t.guards.every(g => item.guards.some(h => sameGuard(g, h))))) continue;
        times.push({ depth: item.depth, guards: item.guards });
      }
      const m = mark(node, item.fn, path);
      if (m !== undefined) {
        out.push({ mark: m, node, fn: item.fn, calls: [...item.calls], context: item.context });
        continue;
      }
      this.step(item, push);
    }
    return out;
  }

  /** One step back from a value to what it is made of. */
  private step(item: Item, push: Push): void {
    const { node, path } = item;
    switch (node.type) {
      case 'ParenthesizedExpression':
      case 'ChainExpression':
      case 'AwaitExpression':
        return push(node.type === 'AwaitExpression' ? node.argument : node.expression, item);
      case 'YieldExpression':
        // `yield* effect` in a generator run by a library (Effect.gen, co) gives the effect's
        // result, as `await` gives a promise's; `yield* gen()` gives gen's return value. A plain
        // `yield x` receives whatever the driver sends back: nothing to follow.
        if (node.delegate && node.argument) push(node.argument, item);
        return;
      case 'SequenceExpression':
        return push(node.expressions[node.expressions.length - 1], item);
      case 'AssignmentExpression':
        push(node.right, item);
        if (node.operator !== '=' && node.left.type === 'Identifier') push(node.left, item);
        return;
      case 'LogicalExpression': {
        // A constant on the left decides which side is the value: `"a" || x` is always "a",
        // `"a" && x` always x, `null ?? x` always x.
        const left = constantTruth(node.left as Node);
        if (left !== undefined && node.operator !== '??') return push(left === (node.operator === '||') ? node.left : node.right, item);
        if (node.operator === '??' && node.left.type === 'Literal' && node.left.value !== null) return push(node.left, item);
        if (node.operator === '??' && node.left.type === 'Literal' && node.left.value === null && !('regex' in node.left)) return push(node.right, item);
        if (node.operator !== '&&' || this.conditions) push(node.left, item);
        return push(node.right, item);
      }
      case 'ConditionalExpression':
        push(node.consequent, item);
        return push(node.alternate, item);
      case 'TemplateLiteral':
        if (path.length === 0) for (const e of node.expressions) madeFrom(e, item, push);
        return;
      case 'BinaryExpression':
        // Concatenation carries both sides; a comparison's boolean is not the values compared.
        if (node.operator === '+' && path.length === 0) {
          madeFrom(node.left as Node, item, push);
          madeFrom(node.right, item, push);
        }
        return;
      case 'UnaryExpression':
        if (node.operator === '!' && path.length === 0) madeFrom(node.argument, item, push);
        return;
      case 'Identifier':
        return this.identifier(node, item, push);
      case 'ThisExpression':
        return;
      case 'MemberExpression':
        return this.member(node, item, push);
      case 'PropertyOf':
        if (node.default) push(node.default, item);
        return push(node.object, item, [node.key ?? '*', ...path]);
      case 'Parameter':
        return this.parameter(node, item, push);
      case 'ObjectExpression':
        // An entry of a table that the branch of a call passed on the way rules out.
        if (item.guards.length && item.guards.some(g => contradicts(node, g))) return;
        return this.object(node, item, push);
      case 'ArrayExpression':
        if (node.elements.length > MAX_LITERAL_PARTS && path.length === 0) return;
        if (path.length === 0 && item.guards.some(isNotList)) return;
        if (path.length && /^\d+$/.test(path[0])) return this.element(node, Number(path[0]), item, push);
        for (const e of node.elements) {
          if (!e) continue;
          if (e.type === 'SpreadElement') push(e.argument, item);
          else if (path.length === 0) push(e, item);
          else if (path[0] === '*') push(e, item, path.slice(1));
        }
        return;
      case 'CallExpression':
      case 'NewExpression':
        return this.call(node, item, push);
      case 'SpreadElement':
        return push(node.argument, item);
      default:
        return;
    }
  }

  private identifier(node: acorn.Identifier, item: Item, push: Push): void {
    const bound = this.index.binding(node.name, item.fn);
    if (!bound) return;
    // A property still to take: the branches around this use may say which entries of a table
    // the name holds here (`format === "jsonc" ? writeJsonc(client) : …`, `case "yaml":`).
    if (item.path.length) {
      const here = this.guardsAtUse(node, item.fn);
      const added = here.filter(g => !item.guards.some(h => sameGuard(g, h)));
      if (added.length && item.guards.length + added.length <= MAX_GUARDS) item = new Item(item.node, item.fn, item.path, item.calls, item.depth, item.context, [...item.guards, ...added]);
    }
    // `Array.isArray(x) ? x[0] : x`: the second x is no list, the first one is; a value sought
    // where it is no list (a string method's receiver) is not a list written for the name.
    let guards = item.guards;
    if (item.path.length === 0) {
      const known = listAt(node, item.fn, this.index);
      if (known === 'list' && guards.some(isNotList)) return;
      if (known === 'notList' && !guards.some(isNotList)) guards = [...guards, NOT_LIST];
    }
    const notList = item.path.length === 0 && guards.some(isNotList);
    for (const v of valuesAt(this.index, bound, node)) {
      if (isFunction(v.node) || (notList && isListValue(v.node))) continue;
      push(v.node, item, item.path, v.fn, item.calls, item.depth, item.context, guards);
    }
    if (item.path.length) {
      for (const v of this.index.memberAssignments(bound, item.path[0])) if (sameDeclaration(this.index, bound, v.node.start, node.start)) push(v.node, item, item.path.slice(1), v.fn);
    }
    // The whole object holds what is written onto it (`h.Authorization = \`token ${t}\`; return h`);
    // not a module's exports or a namespace, whose members are its functions.
    else {
      const members = this.index.membersOf(bound);
      if (members.size <= MAX_WRITTEN_MEMBERS) for (const values of members.values()) for (const v of values) if (!isFunction(v.node) && sameDeclaration(this.index, bound, v.node.start, node.start)) push(v.node, item, item.path, v.fn);
    }
    // Only what is pushed onto the variable this use sees: a block's own `let` of the same name
    // (`let Al = []; Al.push(cfg); … { let Al = \`${Ac}.bak\`; copyFileSync(Ac, Al) }`) is another list.
    if (item.path.length === 0 && bound.appended) for (const v of bound.appended) if (sameDeclaration(this.index, bound, v.node.start, node.start)) push(v.node, item, item.path, v.fn);
    // `file = parsed.command` in a function whose parameter `file` is: the caller's value may still be read.
    if (bound.overwrittenParameter) push(bound.overwrittenParameter.node, item, item.path, bound.overwrittenParameter.fn);
  }

  private member(node: acorn.MemberExpression, item: Item, push: Push): void {
    const key = memberKey(node);
    const object = unwrapChain(node.object as Node);
    if (object.type === 'ThisExpression') {
      // What the class writes to `this.key` (or `this.#key`), or its getter `get key()` returns.
      for (const v of this.index.thisValues(item.fn, instanceKeyName(node) ?? key)) push(v.node, item, item.path, v.fn);
      return;
    }
    push(object, item, [key, ...item.path]);
  }

  /**
   * A property of an instance of a same-module class (`new Telemetry().uniqueId`, through a
   * name): the values written to `this.key` in the class, or what its getter returns.
   */
  private instanceMember(node: acorn.NewExpression, item: Item, push: Push): boolean {
    const cls = this.graph.instanceClass(node, item.fn);
    if (!cls) return false;
    const [key, ...rest] = item.path;
    const values = this.index.instanceValues(cls, key);
    for (const v of values) push(v.node, item, rest, v.fn);
    return values.length > 0;
  }

  /** Element `at` of a written list: after a spread, an element of the spread list (`[a, ...xs][2]` is `xs[1]`) when nothing follows it. */
  private element(node: acorn.ArrayExpression, at: number, item: Item, push: Push): void {
    const rest = item.path.slice(1);
    for (const [i, e] of node.elements.entries()) {
      if (e?.type === 'SpreadElement') {
        if (i === node.elements.length - 1) return push(e.argument, item, [String(at - i), ...rest]);
        // With more after the spread, the element may be any of the spread list's or a later one.
        for (const later of node.elements.slice(i)) if (later) push(later.type === 'SpreadElement' ? later.argument : later, item, later.type === 'SpreadElement' ? ['*', ...rest] : rest);
        return;
      }
      if (i === at) return e ? push(e, item, rest) : undefined;
    }
  }

  private object(node: acorn.ObjectExpression, item: Item, push: Push): void {
    const [key, ...rest] = item.path;
    if (key === undefined && node.properties.length > MAX_LITERAL_PARTS) return;
    // Later properties win; spread objects may hold the key too.
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const p = node.properties[i];
      if (p.type === 'SpreadElement') {
        push(p.argument, item);
        // `{ key: "a", ...{ key: "b" } }`: a spread written with the key replaces it for good.
        if (key !== undefined && key !== '*' && this.spreadSetsKey(p.argument as Node, key, item.fn)) return;
        continue;
      }
      if (isFunction(p.value) || p.kind !== 'init') continue;
      if (key === undefined) push(p.value, item);
      else if (key === '*' || propertyKeyName(p) === key) {
        push(p.value, item, rest);
        if (key !== '*') return;
      }
    }
  }

  /** A spread argument that is an object written with `key` (directly, or a name bound once to one). */
  private spreadSetsKey(argument: Node, key: string, fn: number): boolean {
    let object = unwrapChain(argument);
    if (object.type === 'Identifier') {
      const bound = this.index.binding(object.name, fn);
      if (!bound || bound.mutated || bound.appended || bound.history || bound.values.length !== 1) return false;
      object = unwrapChain(bound.values[0].node);
    }
    return object.type === 'ObjectExpression' && object.properties.some(p => p.type === 'Property' && p.kind === 'init' && propertyKeyName(p) === key);
  }

  private parameter(node: Extract<Node, { type: 'Parameter' }>, item: Item, push: Push): void {
    const f = this.index.functionOf(node.fn);
    if (f === undefined) {
      if (node.default) push(node.default, item);
      return;
    }
    // We came into this function from a call (perhaps then into a function written inside it,
    // whose free name this parameter is): the argument of that call, back in the caller. Its
    // default applies only when that call leaves the argument out or passes undefined.
    const j = innermostEntry(item.context, f);
    if (j >= 0) {
      const entered = item.context[j];
      const arg = argumentAt(entered.call, node.index + entered.argOffset);
      if (node.default && (!arg || arg.type === 'SpreadElement' || isUndefinedValue(arg as Node))) push(node.default, item);
      for (const given of argumentsFor(entered.call, node, entered.argOffset, item.path)) push(given.node, item, given.path, entered.fn, item.calls, item.depth, item.context.slice(0, j));
      return;
    }
    if (node.default) push(node.default, item);
    // A callback's argument comes from the call it is given to: a request's response
    // (`https.get(url, res => …)`: the request call stands for its response), a stream's
    // chunks (`res.on("data", c => …)`: the chunks are the stream's) or a socket's messages
    // (`ws.on("message", m => …)`, a socket.io event's payload: the socket's).
    if (node.index === 0) {
      const given = this.callbackCalls().get(node.fn);
      if (given) {
        const callee = calleeOf(given.call);
        const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
        if (method && callee.type === 'MemberExpression' && LISTENER_METHODS.has(method) && given.call.arguments[1] === node.fn && carriesData(staticString(given.call.arguments[0] as Node))) push(callee.object as Node, item, item.path, given.fn);
        else if (method && RESPONSE_CALLBACK_METHODS.has(method) && given.call.arguments[given.call.arguments.length - 1] === node.fn) push(given.call, item, item.path, given.fn);
        // `fetch(url).then(res => res.text())`: what the promise the method is called on resolves to (as `await`).
        else if (method === 'then' && callee.type === 'MemberExpression' && given.call.arguments[0] === node.fn && !node.rest) push(callee.object as Node, item, item.path, given.fn);
      }
    }
    // A Node-style callback's values after the error (`exec(cmd, (err, stdout) => …)`,
    // `fs.readFile(p, (err, data) => …)`): the call's result, as its synchronous twin returns it.
    if (node.index >= 1 && !node.rest) {
      const given = this.callbackCalls().get(node.fn);
      if (given && given.call.arguments[given.call.arguments.length - 1] === node.fn && this.givesResultToCallback(given.call, given.fn)) push(given.call, item, item.path, given.fn);
    }
    if (item.depth <= 0) return;
    for (const caller of this.graph.callersOf(f)) {
      for (const given of argumentsFor(caller.call, node, caller.argOffset, item.path)) push(given.node, item, given.path, caller.fn, [...item.calls, caller], item.depth - 1, NO_CONTEXT);
    }
  }

  /**
   * A call of a parameter inside a function entered from a call being followed, whose argument
   * there is a function written in place: that function (`withAuth(h => fetch(u, {headers: h}))`
   * returning `doFetch(headers)`: the fetch is what it returns).
   */
  private givenFunction(node: CallLike, item: Item): { callee: number; argOffset: number } | undefined {
    const callee = calleeOf(node);
    const inner = callee.type === 'Identifier' ? this.functionGiven(callee, item) : undefined;
    return inner === undefined ? undefined : { callee: inner, argOffset: 0 };
  }

  /** The function written in place that the call being followed passed as this parameter (`name`), if any. */
  private functionGiven(name: acorn.Identifier, item: Item): number | undefined {
    if (item.context.length === 0) return undefined;
    const bound = this.index.binding(name.name, item.fn);
    const param = bound?.values.length === 1 ? bound.values[0].node : undefined;
    if (param?.type !== 'Parameter' || bound!.mutated) return undefined;
    const f = this.index.functionOf(param.fn);
    const entered = f === undefined ? undefined : item.context[innermostEntry(item.context, f)];
    const given = entered ? argumentAt(entered.call, param.index + entered.argOffset) : undefined;
    if (!given || given.type === 'SpreadElement' || !isFunction(given as Node)) return undefined;
    return this.index.functionOf(given as Node);
  }

  /**
   * The function a call is given to run for its value: the one argument, a function taking
   * nothing (`memo(() => x)`, `Effect.tryPromise(() => fetch(u))`), or the `try` function of
   * Effect's options object (`tryPromise({ try: () => fetch(u), catch })`), either written in
   * place or passed to the helper being followed (`(message, run) => tryPromise({ try: run, … })`).
   */
  private thunkOf(node: acorn.CallExpression, item: Item): number | undefined {
    const written = memoThunk(node);
    if (written) return this.index.functionOf(written);
    const [options, ...rest] = node.arguments;
    if (rest.length || options?.type !== 'ObjectExpression') return undefined;
    const attempt = options.properties.find(p => p.type === 'Property' && p.kind === 'init' && !p.computed && propertyKeyName(p) === 'try');
    const run = attempt?.type === 'Property' ? unwrapChain(attempt.value as Node) : undefined;
    if (!run) return undefined;
    // Its parameter, if any, is the abort signal Effect passes (`try: (signal) => fetch(u, { signal })`).
    if (isFunction(run)) return this.index.functionOf(run);
    if (run.type !== 'Identifier') return undefined;
    // A name holding one function (terser inlines the helper: `(n = () => fetch(u), tryPromise({ try: n }))`).
    const bound = this.index.binding(run.name, item.fn);
    const only = bound && !bound.mutated && bound.values.length === 1 ? bound.values[0].node : undefined;
    if (only && isFunction(only)) return this.index.functionOf(only);
    return this.functionGiven(run, item);
  }

  /** The arguments of every `resolve(…)` of a `new Promise(executor)`; undefined for other constructors. */
  private resolvedValues(node: acorn.NewExpression, fn: number): ModuleValue[] | undefined {
    const callee = unwrapChain(node.callee as Node);
    const executor = node.arguments[0] as Node | undefined;
    if (callee.type !== 'Identifier' || callee.name !== 'Promise' || this.index.binding('Promise', fn) || !isFunction(executor)) return undefined;
    const first = executor.params[0];
    const f = this.index.functionOf(executor);
    if (first?.type !== 'Identifier' || f === undefined) return [];
    const known = this.resolvedCache.get(executor);
    if (known) return known;
    const out: ModuleValue[] = [];
    // The call graph's calls by name also hold `x.resolve(…)` and `resolve.call(…)`: only a plain `resolve(…)` counts.
    for (const i of this.graph.callsOfName(first.name)) {
      const call = this.index.calls[i];
      const arg = call.arguments[0];
      if (call.start < executor.start || call.end > executor.end || !arg || arg.type === 'SpreadElement') continue;
      const callee = call.type === 'CallExpression' ? unwrapChain(call.callee as Node) : undefined;
      if (callee?.type !== 'Identifier' || callee.name !== first.name) continue;
      if (this.index.binding(first.name, this.index.callFns[i])?.scope === f) out.push({ node: arg, fn: this.index.callFns[i] });
    }
    this.resolvedCache.set(executor, out);
    return out;
  }

  private readonly resolvedCache = new Map<Node, ModuleValue[]>();

  /**
   * The method `o.m(…)` calls when the instances reaching `o` are of one same-module class that
   * defines `m` (found by a short search of its own); asked only for names some class defines.
   */
  private instanceMethodOf(call: acorn.CallExpression, fn: number): number | undefined {
    const known = this.instanceMethods.get(call);
    if (known !== undefined) return known ?? undefined;
    const callee = unwrapChain(call.callee as Node);
    const object = callee.type === 'MemberExpression' && !callee.computed ? unwrapChain(callee.object as Node) : undefined;
    const name = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    if (!object || object.type === 'ThisExpression' || object.type === 'Super' || name === undefined || !this.classMethodNames().has(name)) return undefined;
    // Never from inside another such search (a chain `a1 = a0.m(); a2 = a1.m(); …` would nest
    // one per link: asked again later, from the top), and only so many per file.
    if (this.instanceSearching) return undefined;
    this.instanceMethods.set(call, null);
    if (this.instanceSearches >= INSTANCE_SEARCHES) return undefined;
    this.instanceSearches++;
    this.instanceSearching = true;
    let made: Array<Reached<ClassNode>>;
    try {
      made = this.search(object, fn, (n, at) => (n.type === 'NewExpression' ? this.graph.instanceClass(n, at) : undefined), CALL_DEPTH, NO_PATH, NO_CONTEXT, INSTANCE_BUDGET);
    } finally {
      this.instanceSearching = false;
    }
    const classes = new Set(made.map(r => r.mark));
    if (classes.size !== 1) return undefined;
    const [cls] = classes;
    const f = this.graph.instanceMethod(cls, name);
    this.instanceMethods.set(call, f ?? null);
    return f;
  }

  private readonly instanceMethods = new Map<Node, number | null>();
  private instanceSearching = false;
  private instanceSearches = 0;
  private methodNames: Set<string> | undefined;

  /** Names of the methods the module's classes define (instance methods only). */
  private classMethodNames(): Set<string> {
    if (this.methodNames) return this.methodNames;
    const names = new Set<string>();
    const seen = new Set<Node>();
    for (const f of this.index.functions) {
      if (!f.cls || seen.has(f.cls)) continue;
      seen.add(f.cls);
      for (const m of f.cls.body.body) if (m.type === 'MethodDefinition' && !m.static && m.kind === 'method') { const k = propertyKeyName(m); if (k !== undefined) names.add(k); }
    }
    return (this.methodNames = names);
  }
  private readonly useGuards = new Map<Node, readonly Guard[]>();

  private guardsAtUse(use: acorn.Identifier, fn: number): readonly Guard[] {
    let known = this.useGuards.get(use);
    if (!known) this.useGuards.set(use, (known = guardsAt(use, use, fn, this.index)));
    return known;
  }
  /** Functions written as an argument of a call, with that call (built on first need). */
  private callbacks: Map<Node, { call: CallLike; fn: number }> | undefined;

  private callbackCalls(): Map<Node, { call: CallLike; fn: number }> {
    if (this.callbacks) return this.callbacks;
    const map = new Map<Node, { call: CallLike; fn: number }>();
    this.index.calls.forEach((call, i) => {
      for (const a of call.arguments) if (isFunction(a as Node)) map.set(a as Node, { call, fn: this.index.callFns[i] });
    });
    return (this.callbacks = map);
  }

  private call(node: CallLike, item: Item, push: Push): void {
    if (node.type === 'NewExpression' && item.path.length > 0 && this.instanceMember(node, item, push)) return;
    const target = this.graph.target(node, item.fn) ?? this.givenFunction(node, item);
    if (target !== undefined) {
      const d = this.depthInto(item);
      if (d < 0) return;
      const step: CallStep = { call: node, fn: item.fn, callee: target.callee, argOffset: target.argOffset };
      for (const r of this.index.functions[target.callee].returns) push(r, item, item.path, target.callee, [...item.calls, step], d, [...item.context, step]);
      // A library bundled with the code (Effect's tryPromise, a retry or a lock helper) runs the
      // function it is given out of sight, in its own machinery: what that function returns is
      // what the call comes to.
      const thunk = node.type === 'CallExpression' ? this.thunkOf(node, item) : undefined;
      if (thunk !== undefined) for (const r of this.index.functions[thunk].returns) push(r, item, item.path, thunk);
      return;
    }
    // `token.reveal()` on an instance of a same-module class that reaches the receiver (`new
    // Secret(t)` returned in an object, passed on): what the class's method returns.
    const method = node.type === 'CallExpression' ? this.instanceMethodOf(node, item.fn) : undefined;
    if (method !== undefined) {
      const d = this.depthInto(item);
      if (d < 0) return;
      const step: CallStep = { call: node, fn: item.fn, callee: method, argOffset: 0 };
      for (const r of this.index.functions[method].returns) push(r, item, item.path, method, [...item.calls, step], d, [...item.context, step]);
      return;
    }
    // `new Promise((resolve) => … resolve(value) …)`: the promise's value is what is resolved.
    const resolved = node.type === 'NewExpression' ? this.resolvedValues(node, item.fn) : undefined;
    if (resolved) {
      for (const r of resolved) push(r.node, item, item.path, r.fn);
      return;
    }
    const callee = calleeOf(node);
    // A promise chain: `p.then(f)` resolves to what f returns (to p's value without f),
    // `p.catch(f)` to p's value or what f returns, `p.finally(f)` to p's value. Before the
    // thunks below, whose shape `p.catch(() => x)` also has.
    const settle = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    if (callee.type === 'MemberExpression' && (settle === 'then' || settle === 'catch' || settle === 'finally') && node.type === 'CallExpression') {
      const handler = settle === 'finally' ? undefined : node.arguments[0];
      const f = isFunction(handler as Node | undefined) ? this.index.functionOf(handler as Node) : undefined;
      const noHandler = !handler || isUndefinedValue(handler as Node);
      if (f !== undefined) for (const r of this.index.functions[f].returns) push(r, item, item.path, f);
      if (settle !== 'then' || noHandler) push(callee.object as Node, item);
      if (f !== undefined || settle !== 'then' || noHandler) return;
    }
    const thunk = node.type === 'CallExpression' ? this.thunkOf(node, item) : undefined;
    if (thunk !== undefined) {
      for (const r of this.index.functions[thunk].returns) push(r, item, item.path, thunk);
      return;
    }
    // A thunk the index holds no function for still stands for its value, not for the call's arguments.
    if (memoThunk(node)) return;
    // `for (const [name, file] of Object.entries(files))`: an entry's second element is a value
    // of the object, its first a key (a name, not a value that flows).
    if (item.path.length >= 2 && item.path[0] === '*' && isObjectEntries(callee)) {
      const [object] = node.arguments;
      if (item.path[1] === '1' && object && object.type !== 'SpreadElement') push(object as Node, item, ['*', ...item.path.slice(2)]);
      return;
    }
    // `list.some(k => host.includes(k))`: the answer comes from the callback's comparisons.
    if (callee.type === 'MemberExpression' && CALLBACK_RESULTS.has(propertyName(callee) ?? '') && isFunction(node.arguments[0])) {
      const f = this.index.functionOf(node.arguments[0]);
      if (f !== undefined && item.path.length === 0) for (const r of this.index.functions[f].returns) push(r, item, NO_PATH, f);
      if (propertyName(callee) !== 'some' && propertyName(callee) !== 'every') push(callee.object as Node, item);
      return;
    }
    const how = this.derivationOf(node, item.fn);
    if ((how === 'receiver' || how === 'both') && callee.type === 'MemberExpression') {
      // `s.trim()`: a string's own method, so s is no list.
      const method = propertyName(callee) ?? '';
      if (item.path.length === 0 && STRING_ONLY_METHODS.has(method)) push(callee.object as Node, item, NO_PATH, item.fn, item.calls, item.depth, item.context, [NOT_LIST]);
      // `for (const line of out.split("\n"))`: a piece of a split text is made of the text.
      else if (method === 'split' && (item.path[0] === '*' || /^\d+$/.test(item.path[0] ?? ''))) push(callee.object as Node, item, item.path.slice(1), item.fn, item.calls, item.depth, item.context, NO_GUARDS);
      else madeFrom(callee.object as Node, item, push);
    }
    if (how === 'arguments' || how === 'both') for (const a of node.arguments) madeFrom(a.type === 'SpreadElement' ? a.argument : a, item, push);
  }
}

/**
 * The values a use can see. A name an ordinary function declares more than once, in separate
 * blocks (`for (let o of a) f(o); for (let o of b) …`), takes the value declared last before
 * the use in a block that holds it, and any value a plain assignment gives that variable; with
 * none before it, all of them. A name assigned again (in branches, in a loop) may hold any of
 * its values.
 */
function valuesAt(index: ModuleIndex, bound: Binding, use: Node): readonly ModuleValue[] {
  if (bound.earlier && !bound.history) return reachingValues(bound, use);
  if (bound.moduleLike || !bound.history) return bound.values;
  const seen = declarationSeenAt(index, bound, use.start);
  if (!seen) return bound.reassigned ? [...bound.history, ...bound.reassigned] : bound.history;
  const assigned = assignedAfter(index, bound, seen);
  return assigned.length ? [seen, ...assigned] : [seen];
}

/**
 * The argument at a parameter's position, or undefined when a spread comes before it
 * (`get(...pair, "X")`: which value lands there depends on the spread list's length).
 */
function argumentAt(call: CallLike, i: number): CallLike['arguments'][number] | undefined {
  for (let k = 0; k < i && k < call.arguments.length; k++) if (call.arguments[k].type === 'SpreadElement') return undefined;
  return call.arguments[i];
}

/** A value the item's value is made from (concatenated, transformed): what a branch said about the item's properties is not about its. */
function madeFrom(node: Node, item: Item, push: Push): void {
  push(node, item, item.path, item.fn, item.calls, item.depth, item.context, NO_GUARDS);
}

/** The property a member expression reads: its name, a literal index as text (`args[1]`: "1"), or `*` for a computed one. */
function memberKey(member: acorn.MemberExpression): string {
  const key = propertyName(member);
  if (key !== undefined) return key;
  const p = member.property;
  return member.computed && p.type === 'Literal' && typeof p.value === 'number' && Number.isInteger(p.value) && p.value >= 0 ? String(p.value) : '*';
}

/** The value followed is no list (see listAt). */
const NOT_LIST: Guard = { path: [], equals: false, value: null, notList: true };
const isNotList = (g: Guard) => g.notList === true && g.path.length === 0;
/** Methods only strings have: their receiver is no list. */
const STRING_ONLY_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'normalize', 'charAt', 'charCodeAt', 'codePointAt', 'startsWith', 'endsWith', 'replaceAll', 'localeCompare', 'substring', 'substr']);

/** Methods that only arrays have and that give back an array. */
const LIST_METHODS = new Set(['map', 'filter', 'flat', 'flatMap']);

/** A value that is always a list: written (`[a, b]`), mapped or filtered from one, `Array.from(…)`. */
function isListValue(node: Node): boolean {
  const n = unwrapChain(node);
  if (n.type === 'ArrayExpression') return true;
  if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return false;
  const method = propertyName(n.callee as Node) ?? '';
  const owner = n.callee.object;
  return LIST_METHODS.has(method) || (owner.type === 'Identifier' && owner.name === 'Array' && (method === 'from' || method === 'of'));
}

/**
 * Guards carried from a value to the next one on the way: the same value (the same properties
 * pending) keeps them; the object holding it (`cfg.client`: one more property pending) has them
 * under that property; the property taken (one less) has those under it. Any other step makes
 * a new value, of which they say nothing.
 */
function carriedGuards(guards: readonly Guard[], from: readonly string[], to: readonly string[]): readonly Guard[] {
  if (guards.length === 0 || from === to || samePath(from, to)) return guards;
  if (to.length === from.length + 1 && samePath(to.slice(1), from)) return guards.map(g => ({ ...g, path: [to[0], ...g.path] }));
  if (to.length === from.length - 1 && samePath(to, from.slice(1))) {
    const taken = from[0];
    return guards.flatMap(g => (g.path.length > 1 && (g.path[0] === taken || taken === '*' || g.path[0] === '*') ? [{ ...g, path: g.path.slice(1) }] : []));
  }
  return NO_GUARDS;
}

function sameGuard(a: Guard, b: Guard): boolean {
  return a.equals === b.equals && a.value === b.value && a.notList === b.notList && samePath(a.path, b.path);
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/**
 * What a call gives a parameter, with the properties still to take from it. A spread that is
 * the call's last argument gives the parameters from its place on its elements
 * (`f(a, ...xs)`: the second parameter is `xs[0]`); a rest parameter is the list of the
 * arguments from its place (`(...args) => …`: `args[1]` is the second argument).
 */
function argumentsFor(call: CallLike, param: Parameter, offset: number, path: readonly string[]): Array<{ node: Node; path: readonly string[] }> {
  const from = param.index + offset;
  if (!param.rest) return argumentGiven(call, from, path);
  const [key, ...rest] = path;
  if (key !== undefined && /^\d+$/.test(key)) return argumentGiven(call, from + Number(key), rest);
  if (key !== undefined && key !== '*') return [];
  // The whole list, or any element: every argument from the rest's place.
  const out: Array<{ node: Node; path: readonly string[] }> = [];
  for (let i = from; i < call.arguments.length; i++) {
    const a = call.arguments[i];
    if (a.type === 'SpreadElement') out.push({ node: a.argument as Node, path });
    else out.push({ node: a as Node, path: key === undefined ? path : rest });
  }
  return out;
}

/** The value at argument position `i` of a call (see argumentsFor): the argument, or a spread list that ends the call with the element's index pending. */
export function argumentGiven(call: CallLike, i: number, path: readonly string[]): Array<{ node: Node; path: readonly string[] }> {
  const args = call.arguments;
  const spread = args.findIndex(a => a.type === 'SpreadElement');
  if (spread < 0 || i < spread) return i < args.length ? [{ node: args[i] as Node, path }] : [];
  // Which element lands at `i` is known only when nothing follows the spread.
  if (spread !== args.length - 1) return [];
  const list = args[spread] as acorn.SpreadElement;
  return [{ node: list.argument as Node, path: [String(i - spread), ...path] }];
}

/** Whether a literal on the left of `||`/`&&` is truthy (true) or falsy (false); undefined for anything else. */
function constantTruth(node: Node): boolean | undefined {
  // A chain of one operator (`"a" || "b" || …`, nested to the left) is read from its leftmost
  // operand up, without recursion: bundles hold chains thousands long.
  const spine: Array<{ operator: string; right: Node }> = [];
  let leaf = node;
  while (leaf.type === 'LogicalExpression' && (leaf.operator === '||' || leaf.operator === '&&')) {
    spine.push({ operator: leaf.operator, right: leaf.right as Node });
    leaf = leaf.left as Node;
  }
  let truth = literalTruth(leaf);
  for (let i = spine.length - 1; i >= 0 && truth !== undefined; i--) {
    const { operator, right } = spine[i];
    if (truth === (operator === '&&')) truth = literalTruth(right);
  }
  return truth;
}

function literalTruth(node: Node): boolean | undefined {
  if (node.type === 'Literal') return 'regex' in node && node.regex ? true : !!node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return (node.quasis[0]?.value.cooked ?? '') !== '';
  return undefined;
}

/** Listener registrations: `stream.on("data", chunk => …)`. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'addEventListener']);
/** Events that say something happened to the connection or stream, not data it received. */
const LIFECYCLE_EVENTS = new Set(['open', 'close', 'end', 'finish', 'error', 'connect', 'disconnect', 'connect_error', 'reconnect', 'reconnect_attempt', 'reconnect_error', 'reconnect_failed', 'exit', 'timeout', 'drain', 'ready', 'upgrade', 'unexpected-response', 'ping', 'pong', 'abort', 'pipe', 'unpipe']);

/** Whether a listener for this event is given data the emitter received: named, and not a lifecycle event. */
function carriesData(event: string | undefined): boolean {
  return event !== undefined && !LIFECYCLE_EVENTS.has(event);
}
/** Keys written onto an object beyond which it is a module's exports or a namespace, not data sent whole. */
const MAX_WRITTEN_MEMBERS = 16;

/** Request calls that hand their response to a callback given last (`https.get(url, res => …)`). */
const RESPONSE_CALLBACK_METHODS = new Set(['get', 'request']);

/** Array methods whose result comes from what their callback returns (and the elements, for find/filter). */
const CALLBACK_RESULTS = new Set(['some', 'every', 'find', 'findLast', 'filter', 'findIndex']);

/** Methods whose result is their receiver transformed (strings, arrays, URLs, responses). */
export const RECEIVER_METHODS = new Set([
  'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'normalize',
  'slice', 'substring', 'substr', 'split', 'replace', 'replaceAll', 'padStart', 'padEnd', 'concat', 'at', 'charAt', 'toString', 'valueOf',
  // A view of some of a buffer's bytes (a file cut out of a downloaded tarball, a chunk written in parts).
  'subarray',
  'join', 'map', 'filter', 'flat', 'flatMap', 'reverse', 'sort', 'toSorted', 'toReversed', 'find', 'findLast', 'values', 'keys', 'entries',
  'text', 'json', 'arrayBuffer', 'blob', 'formData', 'toJSON', 'clone',
  // A body read chunk by chunk (`res.body.getReader()`, then `await reader.read()`): the chunks are the body.
  'getReader', 'read',
]);

/** Global functions and constructors whose result is made of their arguments. */
const ARGUMENT_FUNCTIONS = new Set([
  'String', 'decodeURIComponent', 'decodeURI', 'encodeURIComponent', 'encodeURI', 'unescape', 'escape', 'atob', 'btoa', 'structuredClone',
  'URL', 'Set', 'Map', 'Array', 'RegExp', 'Request', 'Headers', 'URLSearchParams', 'Blob', 'FormData',
  // A response's bytes viewed as a typed array are the same bytes (`new Uint8Array(await r.arrayBuffer())`).
  'Uint8Array', 'Uint8ClampedArray', 'Int8Array', 'DataView',
  'JSON.parse', 'JSON.stringify', 'Object.keys', 'Object.values', 'Object.entries', 'Object.assign', 'Object.freeze', 'Object.fromEntries',
  'Array.from', 'Array.of', 'Buffer.from', 'Buffer.concat', 'Promise.resolve', 'Promise.all', 'String.raw',
]);

/** The derivation of calls whose meaning does not depend on imports (see modules.ts for the rest). */
export function defaultDerivation(call: CallLike): Derivation {
  const callee = calleeOf(call);
  if (callee.type === 'Identifier') return ARGUMENT_FUNCTIONS.has(callee.name) ? 'arguments' : undefined;
  if (callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee);
  if (method === undefined) return undefined;
  const owner = unwrapChain(callee.object as Node);
  if (owner.type === 'Identifier' && ARGUMENT_FUNCTIONS.has(`${owner.name}.${method}`)) return 'arguments';
  // `cmd.replace("@latest", \`@${latest}\`)`: the text put in is in the result too.
  if (INSERTING_METHODS.has(method) && call.type === 'CallExpression') return 'both';
  if (RECEIVER_METHODS.has(method) && call.type === 'CallExpression') return 'receiver';
  return undefined;
}

/** Methods whose result holds their arguments as well as their receiver's text or elements. */
const INSERTING_METHODS = new Set(['replace', 'replaceAll', 'concat']);

function isObjectEntries(callee: Node): boolean {
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'entries') return false;
  const owner = unwrapChain(callee.object as Node);
  return owner.type === 'Identifier' && owner.name === 'Object';
}

/** The innermost call of `context` that entered function `f` (its index), or -1. */
function innermostEntry(context: readonly CallStep[], f: number): number {
  let j = context.length - 1;
  while (j >= 0 && context[j].callee !== f) j--;
  return j;
}

/**
 * Which way each call step of a value's way goes, from function `fn`: `in` into the callee's
 * returns, `out` to a caller's argument (the value was a parameter). A step that starts outside
 * the function the way is in leaves the functions entered since; a return from one entered is no
 * step of its own.
 */
export function stepWays(calls: readonly CallStep[], fn: number): Array<'in' | 'out'> {
  let at = fn;
  const entered: number[] = [];
  return calls.map(step => {
    while (step.callee !== at && step.fn !== at && entered.length) at = entered.pop()!;
    if (step.callee === at) {
      at = step.fn;
      return 'out';
    }
    entered.push(at);
    at = step.callee;
    return 'in';
  });
}

/** A literal that holds text (string or template without substitutions). */
export function isTextLiteral(node: Node): boolean {
  return staticString(node) !== undefined;
}

export { MODULE };
