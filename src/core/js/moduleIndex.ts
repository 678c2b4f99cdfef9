// What the single walk remembers about a module so that later stages can follow values
// without a second walk: its functions (with their local bindings, parameters and return
// values), every value assigned to module-level names and to properties of named objects
// and of `this` in classes, every call and comparison, and the literals that look encoded.
// All of it is dropped with the AST when the file is done.
import type * as acorn from 'acorn';
import { atScopeTop, instanceKeyName, returnedExpression, isFunction, isUndefinedValue, literalKey, propertyKeyName, propertyName, staticString, unwrapChain, calleeOf, type FunctionNode, type ImportBinding, type Node, type Parameter, type PropertyOf } from './ast';

/** Functions bigger than this are module-sized: they never widen a correlation scope. */
export const WRAPPER_SIZE = 64 * 1024;
/** The function index of code outside any function. */
export const MODULE = -1;

export type ClassNode = acorn.ClassDeclaration | acorn.ClassExpression | acorn.AnonymousClassDeclaration;

export interface FunctionRecord {
  start: number;
  end: number;
  /** Index of the enclosing function, MODULE at module level. */
  parent: number;
  /** A module or bundle wrapper: its top level is treated like module scope. */
  wrapper: boolean;
  node: FunctionNode;
  /** Names bound in this function (params, declarations) -> the last value seen, if any. */
  locals: Map<string, Node | undefined>;
  /** Return arguments, and the body of an expression-bodied arrow (NO_RETURNS, shared, until there is one). */
  returns: readonly Node[];
  /** Local names assigned more than once (`i++`, `s += …`, a second `=`): not constants. Made on the first. */
  mutated?: Set<string>;
  /** For names declared more than once (separate blocks): every value, in text order (see Binding.history). */
  history?: Map<string, Node[]>;
  /** For names with a history: the values plain assignments give them, in text order (see Binding.reassigned). */
  reassigned?: Map<string, Node[]>;
  /** Local names changed in place (`++`, `+=`, `||=`, a loop assigning them), not only declared again. */
  changed?: Set<string>;
  /** A local whose last value was assigned in a nested function (`body = body + chunk` in a listener): that function. */
  assignedIn?: Map<string, number>;
  /** What `+=` appends to a local, anywhere (see ModuleIndex.append). */
  appends?: Map<string, ModuleValue[]>;
  /** Parameters assigned another value, with the parameter (see Binding.overwrittenParameter). */
  overwritten?: Map<string, Node>;
  /** Values a local had before its last plain assignment (see Binding.earlier). */
  earlier?: Map<string, ModuleValue[]>;
  /** Where a local's last value was assigned: the statement list or branch (see branchOf). */
  assignedAt?: Map<string, Node | undefined>;
  /**
   * For a wrapper (a CommonJS or bundle module function, e.g. Bun's `(function(exports,
   * require, module, …){…})`): every value assigned to its names, as for the module scope.
   */
  values?: Map<string, ModuleValue[]>;
  /** The class this function is a method (or field initialiser) of: what `this` is. */
  cls?: ClassNode;
  /** Passed inline to a call (`list.some(k => …)`, `p.then(r => …)`): part of the function around it. */
  callback: boolean;
}

/** A name as seen from some function: where it is bound and what it is assigned. */
export interface Binding {
  /** In an ordinary function, a name declared more than once (in separate blocks): its values in text order. */
  history?: ModuleValue[];
  /**
   * With `history`: the values plain assignments give the name (`let i = !1; try { … i = !0 }`),
   * in text order; each belongs to the declaration its position sees (declarationSeenAt).
   */
  reassigned?: ModuleValue[];
  /** In an ordinary function, changed in place (`++`, `+=`, `||=`, a loop), not only declared again. */
  changedInPlace?: boolean;
  name: string;
  /** The function that binds it, or MODULE for the module scope. */
  scope: number;
  /** The module scope or a wrapper's top level: every assigned value is kept. */
  moduleLike: boolean;
  /** Every value (module-like scopes), or the last value seen (ordinary functions). */
  values: readonly ModuleValue[];
  /** Changed by `+=`, `++`, or (in ordinary functions) assigned twice. */
  mutated: boolean;
  /** In an ordinary function, what `+=` appends to it (values flow from these too). */
  appended?: ModuleValue[];
  /**
   * In an ordinary function, a parameter given another value (`file = parsed.command`): the
   * parameter, whose value uses before the assignment see. `values` holds the last value only.
   */
  overwrittenParameter?: ModuleValue;
  /**
   * In an ordinary function, the values a local held before its last plain assignment, in text
   * order, each with where it was assigned (`let rc = null; if (zsh) rc = a; else rc = b;`):
   * which of them reach a use is reachingValues' answer.
   */
  earlier?: readonly ModuleValue[];
  /**
   * With `earlier`: the statement list or branch the last value was assigned in. A use inside it,
   * after that assignment, sees that value (`(c = "brew", run(\`${c} --version\`))`).
   */
  lastAssignedIn?: Node;
}

export interface ModuleValue {
  node: Node;
  /** The function the assignment happens in (MODULE at module level). */
  fn: number;
  /** For a local's values assigned in turn (Binding.earlier): the statement list or branch it was assigned in. */
  branch?: Node;
}

/** Two values compared: `a === b`, `a.includes(b)`, `re.test(a)`, `switch (a) { case b: }`, `k in o`. */
export interface Comparison {
  /** The comparing expression (the case test for a switch). */
  node: Node;
  left: Node;
  right: Node;
  fn: number;
  /** `===`, `includes`, `switch`, `in`, ... */
  how: string;
}

/** A call chain that decodes something (`String.fromCharCode(...)`, `s.split("").reverse()...`). */
export interface DecoderChain {
  node: Node;
  fn: number;
}

/** `x.some(...)`, `x.includes(...)`, ... on a value the walk cannot see: maybe a decoded list. */
export interface ListComparison {
  node: acorn.CallExpression;
  receiver: Node;
  fn: number;
}

export interface EncodedLiteral {
  node: acorn.Literal | acorn.TemplateLiteral | acorn.ArrayExpression;
  fn: number;
  /** The module-level (or wrapper-level) name it is assigned to (`var Xi_="..."`), if any. */
  boundTo?: string;
  /** Where that name is bound: MODULE for the module, else the wrapper function. */
  boundScope?: number;
  /** The outermost call/member chain around it (`atob("...").split(",")`), if any. */
  chain?: Node;
  /** The call it is an argument of, when that is inside a longer chain (`spawnSync(_$d("…"), o).stdout`): tried when the chain gives nothing. */
  call?: Node;
}

/** A webpack module table: `{12345: (e, t, n) => {…}, …}` (or an array of factories). */
export interface ModuleTable {
  node: acorn.ObjectExpression | acorn.ArrayExpression;
  factories: Map<string, FunctionNode>;
}

/** A string that could be base64 or hex data rather than text, a number or an identifier. */
export function looksEncoded(s: string): boolean {
  if (s.length < 16) return false;
  // One linear pass, no regex: a multi-megabyte literal must not cost more than reading it.
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  let hex = s.length % 2 === 0;
  let padding = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (padding) {
      if (c !== 61 || ++padding > 3) return false;
      continue;
    }
    if (c >= 97 && c <= 122) {
      lower = true;
      if (c > 102) hex = false;
    } else if (c >= 65 && c <= 90) {
      upper = true;
      if (c > 70) hex = false;
    } else if (c >= 48 && c <= 57) digit = true;
    else if (c === 43 || c === 47 || c === 95 || c === 45) {
      other = true;
      hex = false;
    } else if (c === 61 && i >= 16) {
      padding = 1;
      hex = false;
    } else return false;
  }
  if (hex) return (lower || upper) && digit;
  // Base64 of anything mixes cases and digits; identifiers and words rarely do all three.
  return lower && upper && (digit || other);
}

export class ModuleIndex {
  readonly functions: FunctionRecord[] = [];
  readonly fnByNode = new Map<Node, number>();
  /** Bindings of the module scope: name -> last value (as the walk sees them). */
  readonly moduleScope = new Map<string, Node | undefined>();
  /** Every value ever assigned to a module-level name, in walk order. */
  readonly moduleValues = new Map<string, ModuleValue[]>();
  /** Module-level names changed by `+=`, `++` and the like: never constants. */
  readonly moduleMutated = new Set<string>();
  /** `o.p = v` for a named `o`: by `name@scope`, then property. */
  readonly memberValues = new Map<string, Map<string, ModuleValue[]>>();
  /**
   * Keys some `o.key = v` writes a value that may stand for a module member (a name, a member,
   * a call: not a function, literal or object): most member reads name none of them, and are
   * answered without a lookup (modules.ts's memberValueRef).
   */
  readonly memberKeys = new Set<string>();
  /** `this.p = v` in a class's methods and `p = v` fields: by class, then property. */
  readonly classMembers = new Map<ClassNode, Map<string, ModuleValue[]>>();
  readonly comparisons: Comparison[] = [];
  readonly decoderChains: DecoderChain[] = [];
  /** Functions whose body decodes something (base64, hex, char codes, reversing): helpers. */
  readonly decoderFunctions = new Set<number>();
  readonly listComparisons: ListComparison[] = [];
  readonly calls: Array<acorn.CallExpression | acorn.NewExpression> = [];
  readonly callFns: number[] = [];
  readonly encoded: EncodedLiteral[] = [];
  /** Small integers (0..255) that occur as numeric literals: candidate XOR keys. */
  readonly smallNumbers = new Set<number>();
  /**
   * Short string literals given as a default parameter (with the function) or a call's second
   * argument (with the callee's name): XOR keys, once it is known which functions decode.
   */
  readonly keyCandidates: Array<{ key: string; fn?: number; callee?: string }> = [];
  readonly moduleTables: ModuleTable[] = [];
  /**
   * Names bound only inside a block (a block's `let`/`const`/`class`, a loop's or a catch's
   * variable), with that block's range: scopes here are per function, so a use outside the
   * range may mean another binding of the name. Also every `with` statement's range.
   */
  readonly blockBindings = new Map<string, Array<{ start: number; end: number; fn: number }>>();
  readonly withRanges: Array<{ start: number; end: number }> = [];
  /** Catch clauses whose parameter has the name of a binding the function already had. */
  private readonly caughtOver = new Map<string, Array<{ start: number; end: number }>>();
  /** The tree's root, for the few questions that look at every use of a module-level name (nameUses.ts). */
  program?: acorn.Program;

  private readonly fnStack: number[] = [];
  private readonly scopes: Array<Map<string, Node | undefined>> = [this.moduleScope];
  private readonly classStack: ClassNode[] = [];
  /** The path down to the node being entered: where a binding is assigned (see branchOf). */
  private path: readonly Node[] = [];

  constructor(readonly text: string) {}

  get currentFunction(): number {
    return this.fnStack.length ? this.fnStack[this.fnStack.length - 1] : MODULE;
  }

  /** Called by the walker on entering every node, with the path down to it. */
  enter(node: Node, path: readonly Node[]): void {
    this.path = path;
    if (isFunction(node)) {
      this.enterFunction(node, path[path.length - 2]);
      return;
    }
    switch (node.type) {
      case 'Program':
        this.program = node;
        break;
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier') this.bind(node.id.name, node.init ?? undefined, true);
        else if (node.init && (node.id.type === 'ObjectPattern' || node.id.type === 'ArrayPattern')) this.bindPattern(node.id, node.init, true);
        else collectPatternNames(node.id, name => this.declare(name));
        break;
      case 'ImportDeclaration':
        for (const [name, binding] of importBindings(node)) this.moduleScope.set(name, binding);
        break;
      case 'ClassDeclaration':
        if (node.id) this.bind(node.id.name, node, true);
        this.classStack.push(node);
        break;
      case 'ClassExpression':
        this.classStack.push(node);
        break;
      case 'PropertyDefinition': {
        const cls = this.classStack[this.classStack.length - 1];
        const key = instanceKeyName(node);
        if (cls && key !== undefined && node.value) this.addClassMember(cls, key, node.value);
        break;
      }
      case 'AssignmentExpression':
        this.assignment(node);
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') this.mutate(node.argument.name);
        break;
      case 'ReturnStatement':
        if (node.argument && this.fnStack.length) this.addReturn(this.functions[this.currentFunction], node.argument);
        break;
      case 'ForOfStatement':
      case 'ForInStatement':
        this.loopVariable(node);
        break;
      case 'CallExpression':
      case 'NewExpression':
        this.recordCall(node, path);
        if (node.type === 'CallExpression' && resultDropped(node, path)) this.recordKeepNamed(node);
        break;
      case 'BinaryExpression':
        if (COMPARISONS.has(node.operator) && node.left.type !== 'PrivateIdentifier') {
          this.comparisons.push({ node, left: node.left, right: node.right, fn: this.currentFunction, how: node.operator });
        }
        break;
      case 'SwitchStatement':
        for (const c of node.cases) if (c.test) this.comparisons.push({ node: c.test, left: node.discriminant, right: c.test, fn: this.currentFunction, how: 'switch' });
        break;
      case 'ObjectExpression':
      case 'ArrayExpression':
        if (node.type === 'ArrayExpression' && isCharCodeArray(node)) this.recordEncoded(node, path);
        this.recordModuleTable(node);
        break;
      case 'Literal':
        if (typeof node.value === 'number') {
          if (node.value >= 0 && node.value <= 255 && Number.isInteger(node.value)) this.smallNumbers.add(node.value);
        } else if (typeof node.value === 'string' && looksEncoded(node.value)) {
          this.recordEncoded(node, path);
        }
        break;
      case 'TemplateLiteral': {
        const value = staticString(node);
        if (value !== undefined && looksEncoded(value)) this.recordEncoded(node, path);
        break;
      }
      case 'CatchClause': {
        // Scopes here are per function, not per block: a catch parameter named like a binding
        // of the function (`let t=f();…catch(t){}`, common in minified code) must not erase it.
        const scope = this.scopes[this.scopes.length - 1];
        if (node.param) {
          collectPatternNames(node.param as Node, name => {
            if (scope.has(name)) {
              // Inside the clause the name is the caught value, not the function's binding the
              // index kept; outside it, that binding (`function g(r){try{…r…}catch(r){}}`).
              let ranges = this.caughtOver.get(name);
              if (!ranges) this.caughtOver.set(name, (ranges = []));
              ranges.push({ start: node.start, end: node.end });
            } else this.bindInBlock(name, node);
          });
        }
        if (node.param?.type === 'Identifier' && !scope.has(node.param.name)) scope.set(node.param.name, undefined);
        break;
      }
      case 'WithStatement':
        this.withRanges.push({ start: node.start, end: node.end });
        break;
      case 'VariableDeclaration':
        if (node.kind !== 'var' && !atScopeTop(path, path.length - 1)) for (const d of node.declarations) collectPatternNames(d.id as Node, name => this.bindInBlock(name, path[path.length - 2]));
        break;
    }
  }

  private bindInBlock(name: string, block: Node | undefined): void {
    if (!block) return;
    let ranges = this.blockBindings.get(name);
    if (!ranges) this.blockBindings.set(name, (ranges = []));
    ranges.push({ start: block.start, end: block.end, fn: this.currentFunction });
  }

  /**
   * Whether a use of `name` at `at`, in function `fn`, may see another binding than the
   * index's: a block binding of the name, in the function whose names the index resolves it
   * to, whose block does not hold the use; or a `with` around the use.
   */
  mayBeShadowed(name: string, at: number, fn: number): boolean {
    if (this.withRanges.some(r => r.start <= at && at < r.end)) return true;
    if (this.caughtOver.get(name)?.some(r => r.start <= at && at < r.end)) return true;
    const ranges = this.blockBindings.get(name);
    if (!ranges) return false;
    const scope = this.binding(name, fn)?.scope;
    return scope !== undefined && ranges.some(r => r.fn === scope && !(r.start <= at && at < r.end));
  }

  /** Called by the walker when it leaves a node. */
  exit(node: Node): void {
    if (node.type === 'Program') this.complete = true;
    else if (isFunction(node)) {
      this.fnStack.pop();
      this.scopes.pop();
    } else if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
      this.classStack.pop();
    }
  }

  /** The value last bound to `name` as seen from the walk's current position. */
  resolveHere(name: string): Node | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i].has(name)) return this.scopes[i].get(name);
    }
    return undefined;
  }

  /**
   * In a module-like scope, the value `name` held before the one that contains `at`: the `os`
   * inside `os = __toESM(os, 1)` (rolldown's CommonJS output) is the `require("os")` before.
   */
  valueBeforeHere(name: string, at: number): Node | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (!this.scopes[i].has(name)) continue;
      const values = i === 0 ? this.moduleValues.get(name) : this.functions[this.fnStack[i - 1]].values?.get(name);
      let found: Node | undefined;
      for (const v of values ?? []) if (v.node.end <= at) found = v.node;
      return found;
    }
    return undefined;
  }

  /**
   * Whether an ordinary function around the walk's current position binds `name`: not the
   * module scope, nor a bundle's module wrapper (a function kept like a module scope).
   */
  isBoundInFunctionHere(name: string): boolean {
    for (let i = this.scopes.length - 1; i > 0; i--) if (this.scopes[i].has(name)) return !this.functions[this.fnStack[i - 1]].values;
    return false;
  }

  /** Whether `name` is bound anywhere around the walk's current position (shadowing a global). */
  isBoundHere(name: string): boolean {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i].has(name)) return true;
    return false;
  }

  /** How `name`, used inside function `fn`, is bound; undefined for a global. */
  binding(name: string, fn: number): Binding | undefined {
    if (!this.complete) return this.bindingNow(name, fn);
    // Once the whole program is walked, bindings no longer change; value flow asks about the
    // same names from the same functions tens of thousands of times.
    let byName = this.settled.get(fn);
    if (!byName) this.settled.set(fn, (byName = new Map()));
    if (byName.has(name)) return byName.get(name);
    const bound = this.bindingNow(name, fn);
    byName.set(name, bound && Object.freeze(bound));
    return bound;
  }

  /** True once the walk has left the Program: every binding is final. */
  private complete = false;

  /** Whether the walk has left the Program: bindings, values and calls no longer change. */
  get settledAll(): boolean {
    return this.complete;
  }
  private readonly settled = new Map<number, Map<string, Binding | undefined>>();

  private bindingNow(name: string, fn: number): Binding | undefined {
    for (let f = fn; f !== MODULE; f = this.functions[f].parent) {
      const record = this.functions[f];
      if (!record.locals.has(name)) continue;
      const mutated = !!record.mutated?.has(name);
      if (record.values) return { name, scope: f, moduleLike: true, values: record.values.get(name) ?? NO_VALUES, mutated, history: undefined, appended: undefined };
      const last = record.locals.get(name);
      const history = record.history?.get(name);
      const reassigned = history && record.reassigned?.get(name);
      const at = record.assignedIn?.get(name) ?? f;
      const appended = record.appends?.get(name);
      const parameter = record.overwritten?.get(name);
      const earlier = record.earlier?.get(name);
      return {
        name, scope: f, moduleLike: false, values: last ? [{ node: last, fn: at }] : NO_VALUES, mutated, history: history?.map(node => ({ node, fn: f })), appended, changedInPlace: !!record.changed?.has(name),
        ...(reassigned ? { reassigned: reassigned.map(node => ({ node, fn: f })) } : {}),
        ...(parameter ? { overwrittenParameter: { node: parameter, fn: f } } : {}),
        ...(earlier ? { earlier, lastAssignedIn: record.assignedAt?.get(name) } : {}),
      };
    }
    if (!this.moduleScope.has(name)) return undefined;
    const imported = this.moduleScope.get(name);
    const values = this.moduleValues.get(name) ?? (imported?.type === 'ImportBinding' ? [{ node: imported, fn: MODULE }] : []);
    return { name, scope: MODULE, moduleLike: true, values, mutated: this.moduleMutated.has(name), history: undefined, appended: undefined };
  }

  /** Every key written on a binding (`o.key = v`, and `exportMember` keys for `o.exports.key = v`), with its values. */
  membersOf(binding: Binding): ReadonlyMap<string, ModuleValue[]> {
    return this.memberValues.get(`${binding.name}@${binding.scope}`) ?? NO_MEMBERS;
  }

  /** Every binding's written keys (see membersOf), with the scope that binds it. */
  *allMembers(): Generator<{ scope: number; members: ReadonlyMap<string, ModuleValue[]> }> {
    for (const [bindingKey, members] of this.memberValues) yield { scope: Number(bindingKey.slice(bindingKey.lastIndexOf('@') + 1)), members };
  }

  /** Values assigned to `o.key` for the binding `o` (`o.key = v` anywhere in the module). */
  memberAssignments(binding: Binding, key: string): ModuleValue[] {
    return this.membersOf(binding).get(key) ?? [];
  }

  /**
   * Values written to `name.key` for the binding `name` has in function `fn`; none, without a
   * lookup, for a key no write gives a name, member or call (see memberKeys).
   */
  memberValuesOf(name: string, fn: number, key: string): ModuleValue[] {
    if (!this.memberKeys.has(key)) return [];
    const bound = this.binding(name, fn);
    if (bound) return this.memberAssignments(bound, key);
    // A global no scope binds (CommonJS's `exports`): its writes are kept at the module's level.
    return this.memberValues.get(`${name}@${MODULE}`)?.get(key) ?? [];
  }

  /** Values of `this.key` in a method of the class around function `fn`. */
  /** The class whose body holds function `fn` (its methods, field initialisers, functions nested in them). */
  classAround(fn: number): ClassNode | undefined {
    return fn === MODULE ? undefined : this.functions[fn].cls;
  }

  thisMember(fn: number, key: string): ModuleValue[] {
    const cls = this.classAround(fn);
    return (cls && this.classMembers.get(cls)?.get(key)) ?? [];
  }

  /** What `this.key` gives in function `fn`: see instanceValues, for the class around `fn` (none outside a class). */
  thisValues(fn: number, key: string): ModuleValue[] {
    const cls = this.classAround(fn);
    return cls ? this.instanceValues(cls, key) : [];
  }

  /**
   * What reading `key` on an instance of class `cls` gives: the values written to `this.key` in
   * the class, and what its getter `get key()` returns.
   */
  instanceValues(cls: ClassNode, key: string): ModuleValue[] {
    const written = this.classMembers.get(cls)?.get(key) ?? [];
    const getter = cls.body.body.find(m => m.type === 'MethodDefinition' && !m.static && m.kind === 'get' && propertyKeyName(m) === key);
    const f = getter?.type === 'MethodDefinition' ? this.functionOf(getter.value) : undefined;
    if (f === undefined) return written;
    return [...written, ...this.functions[f].returns.map(node => ({ node, fn: f }))];
  }

  /**
   * Every name of every module-like scope (module, wrappers) with its values, and that scope
   * (MODULE or the wrapper). A callback, not a generator: a bundle has hundreds of thousands.
   */
  forEachModuleLikeValue(visit: (name: string, values: ModuleValue[], scope: number) => void): void {
    this.moduleValues.forEach((values, name) => visit(name, values, MODULE));
    this.functions.forEach((f, i) => f.values?.forEach((values, name) => visit(name, values, i)));
  }

  /** The function a callback belongs to: itself unless it is passed inline to a call inside another function. */
  ownerOf(fn: number): number {
    let f = fn;
    while (f !== MODULE && this.functions[f].callback && this.functions[f].parent !== MODULE && !this.functions[this.functions[f].parent].wrapper) f = this.functions[f].parent;
    return f;
  }

  /** The function a node is (for function nodes), else undefined. */
  functionOf(node: Node): number | undefined {
    return this.fnByNode.get(node);
  }

  /**
   * Names given to `Object.assign(name, …)` anywhere in the text, read once from the text (the
   * walk may not have reached them): such an object's properties may be replaced wholesale.
   */
  assignedWholesale(): ReadonlySet<string> {
    if (!this.wholesale) {
      this.wholesale = new Set();
      for (const m of this.text.matchAll(/\bObject\.assign\(\s*([\w$]+)\s*,/g)) this.wholesale.add(m[1]);
    }
    return this.wholesale;
  }
  private wholesale?: Set<string>;

  sourceOf(node: { start: number; end: number }): string {
    return this.text.slice(node.start, node.end);
  }

  private addReturn(record: FunctionRecord, value: Node): void {
    if (record.returns === NO_RETURNS) record.returns = [value];
    else (record.returns as Node[]).push(value);
  }

  private enterFunction(node: FunctionNode, parentNode: Node | undefined): void {
    if (node.type === 'FunctionDeclaration' && node.id) this.bind(node.id.name, node, true);
    const index = this.functions.length;
    const locals = new Map<string, Node | undefined>();
    // Named by keep-names (`var quiet = __name((cmd, list) => …, "quiet")`): an ordinary function
    // of the name it is bound to, neither a module wrapper nor a callback of the helper.
    const named = parentNode?.type === 'CallExpression' && parentNode.arguments[0] === node && this.keepNamed(parentNode) === node;
    if (named) {
      this.keepNamedCalls.set(parentNode, node);
      this.keepNamedFunctions.add(node);
    }
    const wrapper = named ? node.end - node.start > WRAPPER_SIZE : isWrapper(node, parentNode, this.fnStack.length);
    const enclosing = this.fnStack.length ? this.functions[this.currentFunction] : undefined;
    const method = parentNode?.type === 'MethodDefinition' || parentNode?.type === 'PropertyDefinition';
    const cls = method ? this.classStack[this.classStack.length - 1] : node.type === 'ArrowFunctionExpression' ? enclosing?.cls : undefined;
    this.functions.push({
      start: node.start,
      end: node.end,
      parent: this.currentFunction,
      wrapper,
      node,
      locals,
      returns: node.type === 'ArrowFunctionExpression' && node.expression ? [node.body] : NO_RETURNS,
      // Every record has every field (undefined when absent): one shape for the hot lookups up the scope chain.
      mutated: undefined,
      history: undefined,
      assignedIn: undefined,
      appends: undefined,
      values: wrapper ? new Map<string, ModuleValue[]>() : undefined,
      cls,
      callback: !wrapper && !named && (parentNode?.type === 'CallExpression' || parentNode?.type === 'NewExpression') && (parentNode.arguments as Node[]).includes(node),
    });
    this.fnByNode.set(node, index);
    this.fnStack.push(index);
    this.scopes.push(locals);
    this.bindParameters(node, parentNode);
    // Names declared further down are the function's from its start (hoisting): bound now, an
    // assignment before the declaration lands in this function, not in a scope around it. A
    // wrapper's are used by functions declared before them; minifiers put a function's `var`
    // last (`…, o = ["--version"], run("git", o); var o }`).
    if (node.body.type === 'BlockStatement') hoistedNames(node.body.body, name => locals.has(name) || locals.set(name, undefined));
  }

  /**
   * Parameters shadow outer bindings of the same (often one-letter) name. Each is bound to a
   * Parameter value (its values come from the calls), destructured ones to a property of it;
   * the first parameter of a callback given to `list.some/every/find/filter/map/forEach`
   * is an element of the list.
   */
  private bindParameters(node: FunctionNode, parentNode: Node | undefined): void {
    const locals = this.scopes[this.scopes.length - 1];
    const element = elementSource(node, parentNode);
    const imported = importedModule(node, parentNode);
    node.params.forEach((p, index) => {
      const target = p.type === 'AssignmentPattern' ? p.left : p;
      const param: Parameter = { type: 'Parameter', fn: node, index, start: p.start, end: p.end, ...(p.type === 'AssignmentPattern' ? { default: p.right } : {}) };
      // `import("child_process").then(({ exec }) => exec(cmd))`: the module the import resolves to.
      if (index === 0 && imported && p.type !== 'RestElement') {
        if (target.type === 'Identifier') locals.set(target.name, imported);
        else if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') this.bindPattern(target, imported, true);
        return;
      }
      const key = p.type === 'AssignmentPattern' ? staticString(p.right) : undefined;
      if (key !== undefined && key.length >= 2 && key.length <= 64) this.keyCandidates.push({ key, fn: this.currentFunction });
      if (target.type === 'Identifier') {
        const value = index === 0 && element ? element : param;
        locals.set(target.name, value);
        // A wrapper keeps every value of its names, its parameters' among them.
        this.functions[this.currentFunction].values?.set(target.name, [{ node: value, fn: this.currentFunction }]);
      } else if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') {
        // `configs.map(({ paths, targetDir }) => …)`: the properties of each element.
        this.bindPattern(target, index === 0 && element ? element : param, true);
      } else if (target.type === 'RestElement' && target.argument.type === 'Identifier') {
        // `(...args) => run(...args)`: a list of the caller's arguments, followed into each one.
        const rest: Parameter = { ...param, rest: true };
        locals.set(target.argument.name, rest);
        this.functions[this.currentFunction].values?.set(target.argument.name, [{ node: rest, fn: this.currentFunction }]);
      } else {
        collectPatternNames(target, name => locals.set(name, undefined));
      }
    });
  }

  private declare(name: string): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope.has(name)) scope.set(name, undefined);
  }

  private bind(name: string, given: Node | undefined, declaration: boolean): void {
    const value = this.keepNamed(given);
    const i = declaration ? this.scopes.length - 1 : this.scopeIndexOf(name);
    const scope = this.scopes[i];
    if (declaration && value === undefined && scope.has(name)) return; // `var x;` again
    const owner = i === 0 ? undefined : this.functions[this.fnStack[i - 1]];
    const values = owner ? owner.values : this.moduleValues;
    // An ordinary function keeps the last value only: a second one makes it no constant. A
    // second declaration (`let o` in another block: scopes here are per function) is another
    // variable: the values are kept aside, so that a use can take the one declared before it.
    // A plain reassignment is not: in a loop it flows back to uses above it.
    const before = scope.get(name);
    if (owner && !values && !declaration && value !== undefined && before?.type === 'Parameter' && !owner.overwritten?.has(name)) (owner.overwritten ??= new Map()).set(name, before);
    const branch = owner && !values && value !== undefined && value.type !== 'Parameter' ? branchOf(this.path) : undefined;
    if (!values && before !== undefined && before.type !== 'Parameter') {
      const history = owner!.history?.get(name);
      if (!declaration && value !== undefined) {
        this.keepEarlier(owner!, name, before, this.fnStack[i - 1]);
        if (history) pushTo((owner!.reassigned ??= new Map()), name, value);
      } else if (declaration) {
        if (value !== undefined && history) history.push(value);
        else if (value !== undefined) {
          // The first declaration again: the values the name held so far are the first
          // declaration's (the earliest) and what plain assignments gave it since.
          const held = [...(owner!.earlier?.get(name)?.map(v => v.node) ?? []), before];
          (owner!.history ??= new Map<string, Node[]>()).set(name, [held[0], value]);
          if (held.length > 1) (owner!.reassigned ??= new Map()).set(name, held.slice(1));
        }
        // Declared again (another block's `let`): another variable, whose values start afresh.
        owner!.earlier?.delete(name);
      }
      (owner!.mutated ??= new Set()).add(name);
    } else if (owner && !values && declaration && value !== undefined && before?.type === 'Parameter') {
      // A block's `let` named like a parameter (`function f(I) { g(I.dirs); for (let I of …) … }`):
      // uses before any block's declaration are the parameter's, not every block's value.
      (owner.mutated ??= new Set()).add(name);
      (owner.history ??= new Map<string, Node[]>()).set(name, [before, value]);
    }
    scope.set(name, value);
    if (branch) (owner!.assignedAt ??= new Map()).set(name, branch);
    if (owner && !values && value !== undefined) {
      // The value is read in the function that assigns it (its names are that function's).
      const ownerFn = this.fnStack[i - 1];
      if (this.currentFunction !== ownerFn) (owner.assignedIn ??= new Map()).set(name, this.currentFunction);
      else owner.assignedIn?.delete(name);
    }
    if (value === undefined || !values) return;
    let list = values.get(name);
    if (!list) values.set(name, (list = []));
    list.push({ node: value, fn: this.currentFunction });
  }

  /**
   * `__name(async (r) => …, "send")`, esbuild's keep-names (Qwen Code and command-code wrap every
   * function they name in it): the function it is given, which the helper names and returns, so
   * that every use of the name sees the function as it would without keep-names.
   */
  private keepNamed(value: Node | undefined): Node | undefined {
    if (value?.type !== 'CallExpression' || value.arguments.length !== 2) return value;
    const [given, label] = value.arguments;
    if (!(isFunction(given as Node) || given.type === 'ClassExpression') || label.type !== 'Literal' || typeof label.value !== 'string') return value;
    return this.isKeepNamesHelper(value.callee as Node) ? (given as Node) : value;
  }

  /** Keep-names calls met in the walk, and the function each names. */
  private readonly keepNamedCalls = new Map<Node, FunctionNode>();

  /**
   * `__name(run, "patchInstanceOf")` after a declaration (esbuild's keep-names; minified, the
   * label is the original name, not the one the code spells): where the name is given, so that
   * a scan of the name's uses knows it is handed nowhere else.
   */
  private recordKeepNamed(call: acorn.CallExpression): void {
    const [given, label] = call.arguments;
    if (call.arguments.length !== 2 || given.type !== 'Identifier' || label.type !== 'Literal' || typeof label.value !== 'string') return;
    if (this.isKeepNamesHelper(call.callee as Node)) this.keepNamedNames.add(given.start);
  }

  private readonly keepNamedNames = new Set<number>();

  /** Whether the name written at `offset` is the one a keep-names call is given (see recordKeepNamed). */
  namedAt(offset: number): boolean {
    return this.keepNamedNames.has(offset);
  }

  /** Whether a function is the one a keep-names call names (`var g = __name(function (x) {…}, "g")`). */
  isKeepNamed(fn: Node): boolean {
    return this.keepNamedFunctions.has(fn);
  }

  private readonly keepNamedFunctions = new Set<Node>();

  /** The function a keep-names call names (`__name(() => f, "get")`), or the node itself. */
  unnamed(node: Node): Node {
    return this.keepNamedCalls.get(node) ?? node;
  }

  /** The helpers found to name and return their first argument (`(t, v) => __defProp(t, "name", { value: v })`), by node. */
  private readonly keepNamesHelpers = new Map<Node, boolean>();

  private isKeepNamesHelper(callee: Node): boolean {
    if (callee.type !== 'Identifier') return false;
    const bound = this.bindingNow(callee.name, this.currentFunction);
    const helper = bound && !bound.mutated && bound.values.length === 1 ? bound.values[0].node : undefined;
    if (!helper) return false;
    // From the chunk of the same build that defines it, not a package that may define it otherwise.
    if (helper.type === 'ImportBinding') return helper.imported === '__name' && /^\.\.?\//.test(helper.source);
    let known = this.keepNamesHelpers.get(helper);
    if (known === undefined) this.keepNamesHelpers.set(helper, (known = this.namesAndReturns(helper)));
    return known;
  }

  private namesAndReturns(helper: Node): boolean {
    if (!isFunction(helper) || helper.params.length !== 2 || helper.params[0].type !== 'Identifier') return false;
    const returned = returnedExpression(helper);
    const inner = returned && unwrapChain(returned);
    const target = helper.params[0].name;
    if (inner?.type !== 'CallExpression' || inner.arguments[0]?.type !== 'Identifier' || inner.arguments[0].name !== target || staticString(inner.arguments[1] as Node) !== 'name') return false;
    const definer = unwrapChain(inner.callee as Node);
    // Seen from where the helper is written, not from the call asking (a local of that name there).
    const at = this.fnByNode.get(helper);
    const bound = definer.type === 'Identifier' ? this.bindingNow(definer.name, at === undefined ? this.currentFunction : this.functions[at].parent) : undefined;
    const member = definer.type === 'Identifier' ? (bound && !bound.mutated && bound.values.length === 1 ? unwrapChain(bound.values[0].node) : undefined) : definer;
    return member?.type === 'MemberExpression' && member.object.type === 'Identifier' && member.object.name === 'Object' && propertyName(member) === 'defineProperty';
  }

  /**
   * A plain assignment replaces a local's value: which value a later use sees depends on the
   * branches taken (`let rc = null; if (zsh) rc = a; else rc = b;`), so the replaced one is kept
   * (Binding.earlier) with where it was assigned; reachingValues picks, for a use, the ones that
   * may reach it.
   */
  private keepEarlier(owner: FunctionRecord, name: string, before: Node, ownerFn: number): void {
    const earlier = (owner.earlier ??= new Map()).get(name);
    const value = { node: before, fn: owner.assignedIn?.get(name) ?? ownerFn, branch: owner.assignedAt?.get(name) };
    if (earlier) earlier.push(value);
    else owner.earlier.set(name, [value]);
  }

  /**
   * `body += chunk` in an ordinary function: what is appended, with the function that appends it
   * (a listener), for value flow. Not a value of the name: constants and commands spelled from
   * the name keep reading its assigned values.
   */
  private append(name: string, value: Node): void {
    const i = this.scopeIndexOf(name);
    if (i === 0 || !this.scopes[i].has(name)) return;
    const owner = this.functions[this.fnStack[i - 1]];
    if (owner.values) return;
    const list = (owner.appends ??= new Map()).get(name);
    if (list) list.push({ node: value, fn: this.currentFunction });
    else owner.appends.set(name, [{ node: value, fn: this.currentFunction }]);
  }

  /** The scope (index into `scopes`) that binds `name` from here; 0 (module) if none does. */
  private scopeIndexOf(name: string): number {
    let i = this.scopes.length - 1;
    while (i > 0 && !this.scopes[i].has(name)) i--;
    return i;
  }

  /** `name@scope` of the binding `name` has from here, as memberValues keys it. */
  private bindingKeyHere(name: string): string {
    const i = this.scopeIndexOf(name);
    return `${name}@${i === 0 ? MODULE : this.fnStack[i - 1]}`;
  }

  /**
   * `const {spawn: s, env} = x` binds `s` to the `spawn` of `x`, `const [a, b] = x` binds each
   * to an element of x. Names under computed keys shadow outer bindings as unknown.
   */
  private bindPattern(pattern: acorn.ObjectPattern | acorn.ArrayPattern, init: Node, declaration: boolean): void {
    const object = init as acorn.Expression;
    if (pattern.type === 'ArrayPattern') {
      for (const [i, el] of pattern.elements.entries()) {
        if (!el) continue;
        const target = el.type === 'AssignmentPattern' ? el.left : el;
        // `[cmd, ...args] = ["xdg-open", url]`: cmd is element 0, not any element.
        if (target.type === 'Identifier') this.bind(target.name, { type: 'PropertyOf', object, key: String(i), start: el.start, end: el.end, ...(el.type === 'AssignmentPattern' ? { default: el.right } : {}) }, declaration);
        // `...args`: the elements after, a list of its own when the array is written here
        // (`[cmd, ...args] = ["xdg-open", url]`: args is `[url]`); else the whole array is the nearest value a flow can follow.
        else if (target.type === 'RestElement' && target.argument.type === 'Identifier') this.bind(target.argument.name, restOf(object as Node, i), declaration);
        else collectPatternNames(target, name => this.declare(name));
      }
      return;
    }
    for (const prop of pattern.properties) {
      if (prop.type === 'RestElement') {
        // `{ timeout, ...options }`: the other properties; the whole object is the nearest value a flow can follow.
        if (prop.argument.type === 'Identifier') this.bind(prop.argument.name, object, declaration);
        else collectPatternNames(prop, name => this.declare(name));
        continue;
      }
      const target = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
      const key = prop.computed ? undefined : propertyKeyName(prop);
      if (key === undefined) {
        collectPatternNames(prop.value, name => this.declare(name));
        continue;
      }
      const member: PropertyOf = { type: 'PropertyOf', object, key, start: prop.start, end: prop.end, ...(prop.value.type === 'AssignmentPattern' ? { default: prop.value.right } : {}) };
      if (target.type === 'Identifier') this.bind(target.name, member, declaration);
      else if (target.type === 'ObjectPattern' || target.type === 'ArrayPattern') this.bindPattern(target, member, declaration);
      else collectPatternNames(target, name => this.declare(name));
    }
  }

  private assignment(node: acorn.AssignmentExpression): void {
    const left = node.left;
    if (left.type === 'Identifier') {
      if (node.operator === '=') this.bind(left.name, node.right, false);
      else if (node.operator === '||=' || node.operator === '??=' || node.operator === '&&=') {
        this.bind(left.name, node.right, false);
        this.mutate(left.name);
      } else {
        if (node.operator === '+=') this.append(left.name, node.right);
        this.mutate(left.name);
      }
      return;
    }
    if (left.type === 'MemberExpression' && node.operator === '=') {
      const object = unwrapChain(left.object as Node);
      const key = object.type === 'ThisExpression' ? instanceKeyName(left) : propertyName(left);
      if (key === undefined) return;
      if (object.type === 'ThisExpression') {
        const cls = this.functions[this.currentFunction]?.cls;
        if (cls) this.addClassMember(cls, key, node.right);
      } else if (object.type === 'Identifier') {
        this.addMember(object.name, key, node.right);
        if (MAY_BE_MODULE_MEMBER.has(node.right.type)) this.memberKeys.add(key);
      } else if (object.type === 'MemberExpression' && propertyName(object) === 'exports' && !object.computed) {
        // `module.exports.sync = runSync`: a CommonJS module's export written on `module.exports`
        // (kept apart from plain members, see exportMember).
        const owner = unwrapChain(object.object as Node);
        if (owner.type === 'Identifier') this.addMember(owner.name, exportMember(key), node.right);
      }
      return;
    }
    if ((left.type === 'ObjectPattern' || left.type === 'ArrayPattern') && node.operator === '=') this.bindPattern(left, node.right, false);
  }

  private addMember(name: string, key: string, value: Node): void {
    const bindingKey = this.bindingKeyHere(name);
    let byKey = this.memberValues.get(bindingKey);
    if (!byKey) this.memberValues.set(bindingKey, (byKey = new Map()));
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push({ node: value, fn: this.currentFunction });
  }

  private addClassMember(cls: ClassNode, key: string, value: Node): void {
    let byKey = this.classMembers.get(cls);
    if (!byKey) this.classMembers.set(cls, (byKey = new Map()));
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push({ node: value, fn: this.currentFunction });
  }

  /** `for (const k of list)`: k is an element of the list (`for…in`: a key, unknown). */
  private loopVariable(node: acorn.ForOfStatement | acorn.ForInStatement): void {
    const declaration = node.left.type === 'VariableDeclaration';
    const left = declaration ? (node.left as acorn.VariableDeclaration).declarations[0]?.id : node.left;
    if (!left) return;
    // A name the loop assigns to (`for (x in o)`, `for ([o] of list)`) takes a value at every
    // turn: whatever it held before is no longer its one value. Declared loop variables are new
    // names, declared with their declarator.
    if (left.type !== 'Identifier') {
      if (!declaration) collectPatternNames(left as Node, name => this.mutate(name));
      // `for (const [key, file] of Object.entries(o))`: each name is a part of an element.
      else if (node.type === 'ForOfStatement' && (left.type === 'ArrayPattern' || left.type === 'ObjectPattern')) {
        this.bindPattern(left, { type: 'PropertyOf', object: node.right, start: left.start, end: left.end }, true);
      }
      return;
    }
    const element: Node | undefined = node.type === 'ForOfStatement' ? { type: 'PropertyOf', object: node.right, start: left.start, end: left.end } : undefined;
    this.bind(left.name, element, declaration);
    if (!declaration) this.mutate(left.name);
  }

  /** `x += …`, `x++`: the binding that owns x is not a constant. */
  private mutate(name: string): void {
    const i = this.scopeIndexOf(name);
    if (i === 0) this.moduleMutated.add(name);
    else {
      const owner = this.functions[this.fnStack[i - 1]];
      (owner.mutated ??= new Set()).add(name);
      (owner.changed ??= new Set()).add(name);
    }
  }

  private recordCall(node: acorn.CallExpression | acorn.NewExpression, path: readonly Node[]): void {
    this.calls.push(node);
    this.callFns.push(this.currentFunction);
    if (node.type === 'NewExpression') return;
    const callee = calleeOf(node);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
    if (method === undefined) return;
    this.recordComparisonCall(node, callee, method);
    // `rcFiles.push(join(home, ".bashrc"))`: an element of the list, for value flow (key `*`).
    if ((method === 'push' || method === 'unshift') && callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') {
      for (const a of node.arguments) if (a.type !== 'SpreadElement') this.addMember(callee.object.name, '*', a as Node);
    }
    const second = node.arguments[1];
    if (callee.type === 'Identifier' && second?.type === 'Literal' && typeof second.value === 'string' && second.value.length >= 2 && second.value.length <= 64) {
      this.keyCandidates.push({ key: second.value, callee: callee.name });
    }
    if (DECODER_CALLS.has(method)) {
      this.decoderChains.push({ node: chainRoot(path), fn: this.currentFunction });
      if (this.fnStack.length) this.decoderFunctions.add(this.currentFunction);
    } else if (this.fnStack.length && isDecodingCall(method, node)) {
      this.decoderFunctions.add(this.currentFunction);
    } else if (LIST_COMPARISONS.has(method) && callee.type === 'MemberExpression') {
      const receiver = unwrapChain(callee.object as Node);
      if (receiver.type === 'CallExpression' || receiver.type === 'Identifier') {
        this.listComparisons.push({ node, receiver, fn: this.currentFunction });
      }
    }
  }

  /** `a.includes(b)`, `re.test(a)`, `Object.hasOwn(o, k)`: two values compared by a call. */
  private recordComparisonCall(node: acorn.CallExpression, callee: Node, method: string): void {
    const [a, b] = node.arguments;
    if (!a || a.type === 'SpreadElement') return;
    if (callee.type === 'MemberExpression') {
      const receiver = callee.object as Node;
      if (COMPARE_METHODS.has(method)) {
        this.comparisons.push({ node, left: receiver, right: a, fn: this.currentFunction, how: method });
        return;
      }
      if (method === 'hasOwn' && b && b.type !== 'SpreadElement' && receiver.type === 'Identifier' && receiver.name === 'Object') {
        this.comparisons.push({ node, left: b, right: a, fn: this.currentFunction, how: 'hasOwn' });
      }
    }
  }

  private recordEncoded(node: EncodedLiteral['node'], path: readonly Node[]): void {
    const parent = path[path.length - 2];
    let name: string | undefined;
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') name = parent.id.name;
    if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') name = parent.left.name;
    const root = chainRoot(path);
    const call = parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent !== root && parent.arguments.includes(node as acorn.Expression) ? parent : undefined;
    const entry: EncodedLiteral = { node, fn: this.currentFunction, ...(root !== node ? { chain: root } : {}), ...(call ? { call } : {}) };
    if (name !== undefined) {
      // Only names of module-like scopes: a helper far away can use them.
      const i = this.scopeIndexOf(name);
      const scope = i === 0 ? MODULE : this.fnStack[i - 1];
      if (scope === MODULE || this.functions[scope].values) {
        entry.boundTo = name;
        entry.boundScope = scope;
      }
    }
    this.encoded.push(entry);
  }

  /**
   * webpack keeps modules in a table keyed by numeric id whose values are factories
   * `(module, exports, require) => {…}`; calling the third with an id loads another. Recorded
   * when most of the first entries have that shape.
   */
  private recordModuleTable(node: acorn.ObjectExpression | acorn.ArrayExpression): void {
    const entries: Array<[string, Node | null]> =
      node.type === 'ObjectExpression'
        ? node.properties.map((p): [string, Node | null] => (p.type === 'Property' && !p.computed ? [literalKey(p.key) ?? '', p.value] : ['', null]))
        : node.elements.map((e, i): [string, Node | null] => [String(i), e]);
    if (entries.length < 2) return;
    const probe = entries.slice(0, 8);
    const factoryLike = (v: Node | null) => isFunction(v) && v.params.length >= 1 && v.params.length <= 3;
    if (!probe.every(([k, v]) => /^\d+$/.test(k) && factoryLike(v))) return;
    const factories = new Map<string, FunctionNode>();
    for (const [k, v] of entries) if (/^\d+$/.test(k) && isFunction(v)) factories.set(k, v);
    this.moduleTables.push({ node, factories });
  }
}

const NO_VALUES: readonly ModuleValue[] = Object.freeze([]);

/**
 * The statement list, or the branch of a condition or loop, that the node at the end of `path`
 * runs in: two assignments with the same one run one after the other, every time.
 */
function branchOf(path: readonly Node[]): Node | undefined {
  for (let i = path.length - 2; i >= 0; i--) {
    const up = path[i];
    switch (up.type) {
      case 'BlockStatement':
      case 'Program':
      case 'SwitchCase':
      case 'StaticBlock':
        return up;
      case 'IfStatement':
      case 'ConditionalExpression':
      case 'LogicalExpression':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'TryStatement':
        return path[i + 1];
    }
    if (isFunction(up)) return up;
  }
  return undefined;
}
/**
 * The returns of a function that has none yet: they share this array, and a function that
 * reassigns nothing has no Set (Qoder's 33 MB bundle: 72,370 functions, 22,066 returning
 * nothing, 65,224 reassigning nothing).
 */
const NO_RETURNS: readonly Node[] = Object.freeze([]);
const COMPARISONS = new Set(['==', '===', '!=', '!==', 'in', '<', '<=', '>', '>=']);
/** Methods that compare their receiver with their first argument (or test it). */
export const COMPARE_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'has', 'get', 'match', 'matchAll', 'search', 'test', 'exec', 'localeCompare', 'hasOwnProperty']);
/** Array methods whose callback's first parameter is an element of the receiver. */
const ELEMENT_CALLBACKS = new Set(['some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'map', 'forEach', 'flatMap']);

/** The dynamic import a callback given first to its `.then` receives: `import("x").then(m => …)`. */
function importedModule(fn: FunctionNode, parent: Node | undefined): Node | undefined {
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== fn) return undefined;
  const callee = calleeOf(parent);
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'then') return undefined;
  const receiver = unwrapChain(callee.object as Node);
  return receiver.type === 'ImportExpression' ? receiver : undefined;
}

/** For the first parameter of `list.some(k => …)`: the element it is bound to. */
function elementSource(fn: FunctionNode, parent: Node | undefined): PropertyOf | undefined {
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== fn || fn.params.length === 0) return undefined;
  const callee = calleeOf(parent);
  if (callee.type !== 'MemberExpression' || !ELEMENT_CALLBACKS.has(propertyName(callee) ?? '')) return undefined;
  const first = fn.params[0];
  return { type: 'PropertyOf', object: callee.object as acorn.Expression, start: first.start, end: first.end };
}

/**
 * `import {request as r} from "https"` binds `r` to an `ImportBinding` naming the module and
 * the imported name (`default` or `*` for default and namespace imports).
 */
function importBindings(decl: acorn.ImportDeclaration): Array<[string, ImportBinding]> {
  const source = typeof decl.source.value === 'string' ? decl.source.value : undefined;
  if (source === undefined) return [];
  return decl.specifiers.map((s): [string, ImportBinding] => {
    const imported = s.type === 'ImportNamespaceSpecifier' ? '*' : s.type === 'ImportDefaultSpecifier' ? 'default' : s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
    return [s.local.name, { type: 'ImportBinding', source, imported, start: s.start, end: s.end }];
  });
}

const MAX_CHAIN = 64;
const DECODER_CALLS = new Set(['fromCharCode', 'fromCodePoint', 'reverse', 'atob', 'unescape']);
const LIST_COMPARISONS = new Set(['some', 'every', 'includes', 'indexOf', 'find', 'findIndex', 'filter', 'has']);

/** `Buffer.from(s, "base64")`, `parseInt(h, 16)`, `s.charCodeAt(i)`, `b.toString("hex")`. */
function isDecodingCall(method: string, call: acorn.CallExpression): boolean {
  if (method === 'charCodeAt' || method === 'decodeURIComponent') return true;
  const second = call.arguments[1];
  const enc = second?.type === 'Literal' ? second.value : undefined;
  if (method === 'from' || method === 'toString') return enc === 'base64' || enc === 'hex' || enc === 'base64url';
  return method === 'parseInt' && enc === 16;
}

/** Eight or more integer literals in the char-code range: maybe text in disguise. */
function isCharCodeArray(node: acorn.ArrayExpression): boolean {
  const els = node.elements;
  if (els.length < 8) return false;
  for (const e of els) {
    if (!e || e.type !== 'Literal' || typeof e.value !== 'number' || !Number.isInteger(e.value) || e.value < 0 || e.value > 0x10ffff) return false;
  }
  return true;
}

/**
 * The outermost call of the chain of calls and member accesses that the node at the end of
 * `path` feeds, e.g. the `.join("")` call of `"…".split("").reverse().join("")`.
 */
function chainRoot(path: readonly Node[]): Node {
  let root = path[path.length - 1];
  // Decoder chains are a few calls long; a 40,000-call chain must not cost 40,000 steps per call.
  for (let i = path.length - 2; i >= Math.max(0, path.length - 2 - MAX_CHAIN); i--) {
    const p = path[i];
    if (p.type === 'CallExpression' || p.type === 'NewExpression') root = p;
    else if (p.type !== 'MemberExpression' && p.type !== 'SpreadElement' && p.type !== 'ArrayExpression' && p.type !== 'ChainExpression') break;
  }
  return root;
}

/** Names declared in a function body: its top-level declarations and every `var` in blocks. */
function hoistedNames(statements: acorn.Statement[], add: (name: string) => void): void {
  const nested: Array<acorn.Statement | acorn.Pattern | acorn.VariableDeclaration | acorn.Expression | null | undefined> = [];
  for (const s of statements) {
    if (s.type === 'VariableDeclaration') for (const d of s.declarations) collectPatternNames(d.id, add);
    else if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && s.id) add(s.id.name);
    else nested.push(s);
  }
  while (nested.length) {
    const s = nested.pop();
    if (!s) continue;
    switch (s.type) {
      case 'VariableDeclaration':
        if (s.kind === 'var') for (const d of s.declarations) collectPatternNames(d.id, add);
        break;
      case 'BlockStatement':
        nested.push(...s.body);
        break;
      case 'IfStatement':
        nested.push(s.consequent, s.alternate);
        break;
      case 'ForStatement':
        nested.push(s.body, s.init);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        nested.push(s.body, s.left);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        nested.push(s.body);
        break;
      case 'TryStatement':
        nested.push(s.block, s.handler?.body, s.finalizer);
        break;
      case 'SwitchStatement':
        for (const c of s.cases) nested.push(...c.consequent);
        break;
    }
  }
}

/** The elements of a written array from `from` on, as a list of their own; any other value stays whole. */
function restOf(array: Node, from: number): Node {
  if (array.type !== 'ArrayExpression' || from === 0) return array;
  const elements = array.elements.slice(from);
  const start = elements.find(e => e)?.start ?? array.end - 1;
  return { type: 'ArrayExpression', elements, start, end: array.end - 1 } as unknown as Node;
}

function collectPatternNames(p: Node, add: (name: string) => void): void {
  switch (p.type) {
    case 'Identifier':
      add(p.name);
      break;
    case 'AssignmentPattern':
      collectPatternNames(p.left, add);
      break;
    case 'RestElement':
      collectPatternNames(p.argument, add);
      break;
    case 'ArrayPattern':
      for (const e of p.elements) if (e) collectPatternNames(e, add);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties) collectPatternNames(prop.type === 'RestElement' ? prop : prop.value, add);
      break;
  }
}

/**
 * Module and bundle wrappers: esbuild's lazy `L(() => {...})` and CommonJS factories are
 * functions passed to a call at module level, webpack factories sit in its module table;
 * anything over WRAPPER_SIZE counts as one too.
 */
function isWrapper(node: FunctionNode, parentNode: Node | undefined, depth: number): boolean {
  if (node.end - node.start > WRAPPER_SIZE) return true;
  if (depth === 0 && !!parentNode && (parentNode.type === 'CallExpression' || parentNode.type === 'NewExpression')) return true;
  // A webpack module factory, `12345: (e, t, n) => {…}` in the bundle's module table.
  return depth <= 2 && parentNode?.type === 'Property' && parentNode.value === node && /^\d+$/.test(literalKey(parentNode.key) ?? '') && node.params.length <= 3;
}

/**
 * A call whose value nothing takes: a statement of its own, or a part of a comma sequence before
 * its last (`__name(run, "run")` after a declaration; `module.exports = __name(run, "x")` hands
 * the function on).
 */
export function resultDropped(call: Node, path: readonly Node[]): boolean {
  const parent = path[path.length - 2];
  if (parent?.type === 'ExpressionStatement') return true;
  // A comma sequence's parts before its last give their value to nothing.
  return parent?.type === 'SequenceExpression' && parent.expressions.indexOf(call as acorn.Expression) < parent.expressions.length - 1;
}

/** Initial `null`/`undefined`/`void 0` placeholders of lazy-initialised names do not count. */
/** `null`, `undefined`, `void 0`: a name given no value yet (a regular expression acorn could not build is no null). */
export function isPlaceholder(node: Node): boolean {
  return (node.type === 'Literal' && node.value === null && !('regex' in node && node.regex)) || isUndefinedValue(node);
}

/** Whether function `outer` holds function `inner` (or is it); the module scope is no function here. */
export function encloses(index: ModuleIndex, outer: number, inner: number): boolean {
  if (outer === MODULE || inner === MODULE) return false;
  const o = index.functions[outer];
  const i = index.functions[inner];
  return o.start <= i.start && i.end <= o.end;
}

/**
 * esbuild's keep-names helper imported from the chunk that defines it (`import { __name } from
 * "./chunk-….js"`, code splitting): that chunk is another file, so its shape cannot be read here.
 */
export function importedKeepNames(index: ModuleIndex, name: string, fn: number): boolean {
  const bound = index.binding(name, fn);
  const value = bound && bound.values.length === 1 ? bound.values[0].node : undefined;
  // Only from a chunk of the same build (`./chunk-….js`), not a package that may define it otherwise.
  return value?.type === 'ImportBinding' && value.imported === '__name' && /^\.\.?\//.test(value.source) && !bound!.mutated;
}

/**
 * The one value of a name bound exactly once and never changed, seen from function `fn`:
 * asked after the walk, when every assignment of the name is known.
 */
export function settledValue(index: ModuleIndex, name: string, fn: number): ModuleValue | undefined {
  const bound = index.binding(name, fn);
  if (!bound || bound.mutated || bound.history) return undefined;
  // A parameter given a value in the body (`if (t === void 0) t = "x"`, a downlevelled default)
  // still holds whatever a caller passes.
  if (bound.scope !== MODULE && isParameterOf(index.functions[bound.scope].node, name)) return undefined;
  if (!bound.moduleLike && bound.values.length !== 1) return undefined;
  return singleValue(bound.values);
}

/** Expressions whose value may be a module member (`cp.exec`, `promisify(exec)`, `a ?? b`). */
const MAY_BE_MODULE_MEMBER = new Set(['Identifier', 'MemberExpression', 'CallExpression', 'SequenceExpression', 'ConditionalExpression', 'LogicalExpression', 'AwaitExpression', 'ChainExpression']);

/**
 * The value a use at `at` sees, as settledValue, and also for a name declared again in separate
 * blocks (`if (g) { const cmd = "npm root -g"; run(cmd) } else { const cmd = "npm root"; run(cmd) }`):
 * the one declared last before the use in a block that holds it, when none is changed in place.
 */
export function settledValueAt(index: ModuleIndex, name: string, fn: number, at: number): ModuleValue | undefined {
  const bound = index.binding(name, fn);
  if (!bound?.history || bound.moduleLike || bound.changedInPlace || appendedSeen(index, bound, at)) return settledValue(index, name, fn);
  const seen = declarationSeenAt(index, bound, at);
  if (seen && assignedAfter(index, bound, seen).length) return undefined;
  return seen && !isPlaceholder(seen.node) && seen.node.type !== 'Parameter' ? seen : undefined;
}

/**
 * As settledValueAt, and for a variable some branches give other values (`let t; switch (p) {
 * case "darwin": t = "open"; … case "linux": t = "xdg-open" }`, a name also declared in another
 * block): each value the use may see, in text order. Undefined when one is a parameter's.
 */
export function settledValuesAt(index: ModuleIndex, name: string, fn: number, at: number): readonly ModuleValue[] | undefined {
  const bound = index.binding(name, fn);
  // Assigned in turn (`p === "darwin" ? c = a : p === "win32" ? c = b : c = d`): the values that may reach the use.
  if (bound && !bound.history && bound.earlier && !bound.moduleLike && !bound.changedInPlace && !bound.appended) {
    const values = reachingValues(bound, { start: at, end: at }).filter(v => !isPlaceholder(v.node));
    return values.length && values.every(v => v.node.type !== 'Parameter') ? values : undefined;
  }
  if (!bound?.history || bound.moduleLike || bound.changedInPlace || appendedSeen(index, bound, at)) {
    const value = settledValue(index, name, fn);
    return value && [value];
  }
  const seen = declarationSeenAt(index, bound, at);
  if (!seen || seen.node.type === 'Parameter') return undefined;
  const values = [seen, ...assignedAfter(index, bound, seen)].filter(v => !isPlaceholder(v.node));
  return values.length && values.every(v => v.node.type !== 'Parameter') ? values : undefined;
}

/**
 * Whether something is appended to the variable a use at `at` sees: a name declared again in
 * another block (`let Al = []; Al.push(x); … { let Al = \`${f}.bak\` }`) is another variable there.
 */
function appendedSeen(index: ModuleIndex, bound: Binding, at: number): boolean {
  return !!bound.appended?.some(v => sameDeclaration(index, bound, v.node.start, at));
}

/**
 * Whether a value written onto a name (appended, pushed, set as a member) at offset `written`
 * belongs to the variable a use at offset `used` sees: always, unless an ordinary function
 * declares the name again in another block.
 */
export function sameDeclaration(index: ModuleIndex, bound: Binding, written: number, used: number): boolean {
  if (!bound.history || bound.moduleLike) return true;
  return declarationSeenAt(index, bound, written)?.node === declarationSeenAt(index, bound, used)?.node;
}

/**
 * The names of a function's parameters that still hold what its caller gave (undefined for a
 * pattern, or for one given another value in the body: `t = t + x`, `f = other`).
 */
export function unchangedParameters(record: FunctionRecord): Array<string | undefined> {
  return record.node.params.map(p => (p.type === 'Identifier' && !record.overwritten?.has(p.name) && !record.mutated?.has(p.name) ? p.name : undefined));
}

/** The values plain assignments give the variable one declaration (of Binding.history) makes. */
export function assignedAfter(index: ModuleIndex, bound: Binding, declaration: ModuleValue): readonly ModuleValue[] {
  return bound.reassigned?.filter(a => declarationSeenAt(index, bound, a.node.start)?.node === declaration.node) ?? NO_VALUES;
}

/**
 * For a name an ordinary function declares more than once (Binding.history), the declaration a
 * use at `at` sees: the last one before it whose block holds the use (a declaration at the
 * function's top, or a parameter, holds every use). Undefined when none comes before the use.
 */
export function declarationSeenAt(index: ModuleIndex, bound: Binding, at: number): ModuleValue | undefined {
  if (!bound.history) return undefined;
  const ranges = (index.blockBindings.get(bound.name) ?? []).filter(r => r.fn === bound.scope);
  // A declaration's own block is the smallest of the name's blocks around it; none: the function's top.
  const ownBlock = (start: number) => ranges.filter(r => r.start <= start && start < r.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  let seen: ModuleValue | undefined;
  for (const v of bound.history) {
    if (v.node.start >= at || (seen && v.node.start < seen.node.start)) continue;
    const block = ownBlock(v.node.start);
    if (!block || (block.start <= at && at < block.end)) seen = v;
  }
  return seen;
}

export function isParameterOf(fn: FunctionNode, name: string): boolean {
  let found = false;
  for (const p of fn.params) collectPatternNames(p as Node, n => (found ||= n === name));
  return found;
}

/**
 * Whether a use of a local assigned in branches sees only its last value: the use is inside the
 * statement list or branch of that assignment, and after it.
 */
export function seesLastValue(bound: Binding, use: { start: number; end: number }): boolean {
  if (!bound.earlier) return true;
  const reaching = reachingValues(bound, use);
  return reaching.length === 1 && reaching[0].node === bound.values[0]?.node;
}

/**
 * The values of a local assigned in turn that may reach a use, in text order: from the last
 * assignment before the use made in a statement list or branch that holds the use (it runs
 * whenever the use does), on; with none such, every value before the use; with none before
 * it (a loop, a callback run later), every value.
 */
export function reachingValues(bound: Binding, use: { start: number; end: number }): readonly ModuleValue[] {
  if (!bound.earlier) return bound.values;
  const all = [...bound.earlier, ...bound.values.map(v => ({ ...v, branch: bound.lastAssignedIn }))];
  const before = all.filter(v => v.node.end <= use.start);
  if (before.length === 0) return all;
  for (let i = before.length - 1; i >= 0; i--) {
    const branch = before[i].branch;
    if (branch && branch.start <= use.start && use.end <= branch.end) return before.slice(i);
  }
  return before;
}

/** The one value a module-level name is assigned, ignoring placeholders and parameters; else undefined. */
export function singleValue(values: readonly ModuleValue[] | undefined): ModuleValue | undefined {
  if (!values) return undefined;
  const real = values.filter(v => !isPlaceholder(v.node) && v.node.type !== 'Parameter');
  return real.length === 1 ? real[0] : undefined;
}

/** The member key under which `o.exports.key = v` is recorded on `o` (no property name holds a NUL). */
export function exportMember(key: string): string {
  return `exports\0${key}`;
}

const NO_MEMBERS: ReadonlyMap<string, ModuleValue[]> = new Map();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
