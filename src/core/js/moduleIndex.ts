// What the single walk remembers about a module so that later stages can link it without a
// second walk: its functions (with their local bindings and return values), the values
// assigned to module-level names, every call, and the literals that look encoded.
// All of it is dropped with the AST when the file is done.
import { isFunction, propertyKeyName, propertyName, staticString, unwrapChain, type AstNode } from './ast';
import { WRAPPER_SIZE, type FunctionInfo } from '../rules/raw';

export interface FunctionRecord extends FunctionInfo {
  node: AstNode;
  /** Names bound in this function (params, declarations) -> the last value seen, if any. */
  locals: Map<string, AstNode | undefined>;
  /** Return arguments, and the body of an expression-bodied arrow. */
  returns: AstNode[];
  /** Local names assigned more than once (`i++`, `s += …`, a second `=`): not constants. */
  mutated: Set<string>;
  /**
   * For a wrapper (a CommonJS or bundle module function, e.g. Bun's `(function(exports,
   * require, module, …){…})`): every value assigned to its names, as for the module scope.
   */
  values?: Map<string, ModuleValue[]>;
}

/** A name as seen from some function: where it is bound and what it is assigned. */
export interface Binding {
  /** The function that binds it, or -1 for the module scope. */
  scope: number;
  /** The module scope or a wrapper's top level: every assigned value is kept. */
  moduleLike: boolean;
  /** Every value (module-like scopes), or the last value seen (ordinary functions). */
  values: ModuleValue[];
  /** Changed by `+=`, `++`, or (in ordinary functions) assigned twice. */
  mutated: boolean;
}

export interface ModuleValue {
  node: AstNode;
  /** The function the assignment happens in (-1 at module level). */
  fn: number;
}

/** A call chain that decodes something (`String.fromCharCode(...)`, `s.split("").reverse()...`). */
export interface DecoderChain {
  node: AstNode;
  fn: number;
}

/** `x.some(...)`, `x.includes(...)`, ... on a value the walk cannot see: maybe a decoded list. */
export interface ListComparison {
  node: AstNode;
  receiver: AstNode;
  fn: number;
}

export interface EncodedLiteral {
  node: AstNode;
  fn: number;
  /** The module-level (or wrapper-level) name it is assigned to (`var Xi_="..."`), if any. */
  boundTo?: string;
  /** Where that name is bound: -1 for the module, else the wrapper function. */
  boundScope?: number;
  /** The outermost call/member chain around it (`atob("...").split(",")`), if any. */
  chain?: AstNode;
}

const MODULE = -1;
const BASE64ISH = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
const HEXISH = /^(?:[0-9a-fA-F]{2}){8,}$/;

/** A string that could be base64 or hex data rather than text, a number or an identifier. */
export function looksEncoded(s: string): boolean {
  if (s.length < 16) return false;
  if (HEXISH.test(s)) return /[a-f]/i.test(s) && /[0-9]/.test(s);
  if (!BASE64ISH.test(s)) return false;
  // Base64 of anything mixes cases and digits; identifiers and words rarely do all three.
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9+/]/.test(s);
}

export class ModuleIndex {
  readonly functions: FunctionRecord[] = [];
  readonly fnByNode = new Map<AstNode, number>();
  /** Bindings of the module scope: name -> last value (as the walk sees them). */
  readonly moduleScope = new Map<string, AstNode | undefined>();
  /** Every value ever assigned to a module-level name, in walk order. */
  readonly moduleValues = new Map<string, ModuleValue[]>();
  /** Module-level names changed by `+=`, `++` and the like: never constants. */
  readonly moduleMutated = new Set<string>();
  readonly decoderChains: DecoderChain[] = [];
  /** Functions whose body decodes something (base64, hex, char codes, reversing): helpers. */
  readonly decoderFunctions = new Set<number>();
  readonly listComparisons: ListComparison[] = [];
  readonly calls: AstNode[] = [];
  readonly callFns: number[] = [];
  readonly encoded: EncodedLiteral[] = [];
  /** Small integers (0..255) that occur as numeric literals: candidate XOR keys. */
  readonly smallNumbers = new Set<number>();

  private readonly fnStack: number[] = [];
  private readonly scopes: Array<Map<string, AstNode | undefined>> = [this.moduleScope];

  constructor(private readonly text: string) {}

  get currentFunction(): number {
    return this.fnStack.length ? this.fnStack[this.fnStack.length - 1] : MODULE;
  }

  /** Called by the walker on entering every node, with the path down to it. */
  enter(node: AstNode, path: readonly AstNode[]): void {
    if (isFunction(node)) {
      this.enterFunction(node, path[path.length - 2]);
      return;
    }
    switch (node.type) {
      case 'VariableDeclarator':
        if (node.id.type === 'Identifier') this.bind(node.id.name, node.init ?? undefined, true);
        else if (node.id.type === 'ObjectPattern' && node.init) this.bindDestructured(node.id, node.init);
        else collectPatternNames(node.id, name => this.scopes[this.scopes.length - 1].set(name, undefined));
        break;
      case 'ImportDeclaration':
        for (const [name, binding] of importBindings(node)) this.moduleScope.set(name, binding);
        break;
      case 'AssignmentExpression':
        if (node.left.type !== 'Identifier') break;
        if (node.operator === '=') this.bind(node.left.name, node.right, false);
        else this.mutate(node.left.name);
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') this.mutate(node.argument.name);
        break;
      case 'ReturnStatement':
        if (node.argument && this.fnStack.length) this.functions[this.currentFunction].returns.push(node.argument);
        break;
      case 'CallExpression':
        this.recordCall(node, path);
        break;
      case 'Literal':
        if (typeof node.value === 'number') {
          if (node.value >= 0 && node.value <= 255 && Number.isInteger(node.value)) this.smallNumbers.add(node.value);
        } else if (typeof node.value === 'string' && looksEncoded(node.value)) {
          this.recordEncoded(node, path);
        }
        break;
      case 'ArrayExpression':
        if (isCharCodeArray(node)) this.recordEncoded(node, path);
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
        if (node.param?.type === 'Identifier' && !scope.has(node.param.name)) scope.set(node.param.name, undefined);
        break;
      }
    }
  }

  /** Called by the walker when it leaves a node. */
  exit(node: AstNode): void {
    if (isFunction(node)) {
      this.fnStack.pop();
      this.scopes.pop();
    }
  }

  /** The value last bound to `name` as seen from the walk's current position. */
  resolveHere(name: string): AstNode | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i].has(name)) return this.scopes[i].get(name);
    }
    return undefined;
  }

  /** How `name`, used inside function `fn`, is bound; undefined for a global. */
  binding(name: string, fn: number): Binding | undefined {
    for (let f = fn; f !== MODULE; f = this.functions[f].parent) {
      const record = this.functions[f];
      if (!record.locals.has(name)) continue;
      const mutated = record.mutated.has(name);
      if (record.values) return { scope: f, moduleLike: true, values: record.values.get(name) ?? [], mutated };
      const last = record.locals.get(name);
      return { scope: f, moduleLike: false, values: last ? [{ node: last, fn: f }] : [], mutated };
    }
    if (!this.moduleScope.has(name)) return undefined;
    return { scope: MODULE, moduleLike: true, values: this.moduleValues.get(name) ?? [], mutated: this.moduleMutated.has(name) };
  }

  /** Every name of every module-like scope (module, wrappers) with its values. */
  *moduleLikeValues(): Iterable<[string, ModuleValue[]]> {
    yield* this.moduleValues;
    for (const f of this.functions) if (f.values) yield* f.values;
  }

  /** The function a node is (for function nodes), else undefined. */
  functionOf(node: AstNode): number | undefined {
    return this.fnByNode.get(node);
  }

  sourceOf(node: AstNode): string {
    return this.text.slice(node.start, node.end);
  }

  private enterFunction(node: AstNode, parentNode: AstNode | undefined): void {
    if (node.type === 'FunctionDeclaration' && node.id) this.bind(node.id.name, node, true);
    const index = this.functions.length;
    const locals = new Map<string, AstNode | undefined>();
    // Parameters shadow outer bindings of the same (often one-letter) name.
    for (const p of node.params) collectPatternNames(p, name => locals.set(name, undefined));
    const wrapper = isWrapper(node, parentNode, this.fnStack.length);
    this.functions.push({
      start: node.start,
      end: node.end,
      parent: this.currentFunction,
      wrapper,
      node,
      locals,
      returns: node.type === 'ArrowFunctionExpression' && node.expression ? [node.body] : [],
      mutated: new Set(),
      ...(wrapper ? { values: new Map<string, ModuleValue[]>() } : {}),
    });
    this.fnByNode.set(node, index);
    this.fnStack.push(index);
    this.scopes.push(locals);
    // A wrapper's names are used by functions declared before them (hoisting): bind them now
    // so that an assignment inside such a function lands in the wrapper, not the module.
    if (wrapper && node.body.type === 'BlockStatement') hoistedNames(node.body.body, name => locals.has(name) || locals.set(name, undefined));
  }

  private bind(name: string, value: AstNode | undefined, declaration: boolean): void {
    const i = declaration ? this.scopes.length - 1 : this.scopeIndexOf(name);
    const scope = this.scopes[i];
    if (declaration && value === undefined && scope.has(name)) return; // `var x;` again
    const owner = i === 0 ? undefined : this.functions[this.fnStack[i - 1]];
    const values = owner ? owner.values : this.moduleValues;
    // An ordinary function keeps the last value only: a second one makes it no constant.
    if (!values && scope.get(name) !== undefined) owner!.mutated.add(name);
    scope.set(name, value);
    if (value === undefined || !values) return;
    let list = values.get(name);
    if (!list) values.set(name, (list = []));
    list.push({ node: value, fn: this.currentFunction });
  }

  /** The scope (index into `scopes`) that binds `name` from here; 0 (module) if none does. */
  private scopeIndexOf(name: string): number {
    let i = this.scopes.length - 1;
    while (i > 0 && !this.scopes[i].has(name)) i--;
    return i;
  }

  /**
   * `const {spawn: s, env} = x` binds `s` to what `x.spawn` is: a member expression over the
   * initialiser spanning the pattern property, so rules resolve `s(...)` like `x.spawn(...)`.
   * Names under computed keys or nested patterns shadow outer bindings as unknown.
   */
  private bindDestructured(pattern: AstNode, init: AstNode): void {
    for (const prop of pattern.properties) {
      const target = prop.type === 'Property' ? (prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value) : undefined;
      const key = prop.type === 'Property' && !prop.computed ? propertyKeyName(prop) : undefined;
      if (target?.type !== 'Identifier' || key === undefined) {
        collectPatternNames(prop.type === 'RestElement' ? prop : prop.value, name => this.scopes[this.scopes.length - 1].set(name, undefined));
        continue;
      }
      const member = { type: 'MemberExpression', object: init, property: { type: 'Identifier', name: key, start: prop.key.start, end: prop.key.end }, computed: false, optional: false, start: prop.start, end: prop.end };
      this.scopes[this.scopes.length - 1].set(target.name, member);
    }
  }

  /** `x += …`, `x++`: the binding that owns x is not a constant. */
  private mutate(name: string): void {
    const i = this.scopeIndexOf(name);
    if (i === 0) this.moduleMutated.add(name);
    else this.functions[this.fnStack[i - 1]].mutated.add(name);
  }

  private recordCall(node: AstNode, path: readonly AstNode[]): void {
    this.calls.push(node);
    this.callFns.push(this.currentFunction);
    const callee = unwrapChain(node.callee);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
    if (method === undefined) return;
    if (DECODER_CALLS.has(method)) {
      this.decoderChains.push({ node: chainRoot(path), fn: this.currentFunction });
      if (this.fnStack.length) this.decoderFunctions.add(this.currentFunction);
    } else if (this.fnStack.length && isDecodingCall(method, node)) {
      this.decoderFunctions.add(this.currentFunction);
    } else if (LIST_COMPARISONS.has(method) && callee.type === 'MemberExpression') {
      const receiver = unwrapChain(callee.object);
      if (receiver.type === 'CallExpression' || receiver.type === 'Identifier') {
        this.listComparisons.push({ node, receiver, fn: this.currentFunction });
      }
    }
  }

  private recordEncoded(node: AstNode, path: readonly AstNode[]): void {
    const parent = path[path.length - 2];
    let name: string | undefined;
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') name = parent.id.name;
    if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') name = parent.left.name;
    const root = chainRoot(path);
    const entry: EncodedLiteral = { node, fn: this.currentFunction, ...(root !== node ? { chain: root } : {}) };
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
}

/**
 * `import {request as r} from "https"` binds `r` to an `ImportBinding` node naming the
 * module and the imported name (`default` or `*` for default and namespace imports).
 */
function importBindings(decl: AstNode): Array<[string, AstNode]> {
  const source = typeof decl.source?.value === 'string' ? decl.source.value : undefined;
  if (source === undefined) return [];
  return decl.specifiers.map((s: AstNode): [string, AstNode] => {
    const imported = s.type === 'ImportNamespaceSpecifier' ? '*' : s.type === 'ImportDefaultSpecifier' ? 'default' : s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
    return [s.local.name, { type: 'ImportBinding', source, imported, start: s.start, end: s.end }];
  });
}

const MAX_CHAIN = 64;
const DECODER_CALLS = new Set(['fromCharCode', 'fromCodePoint', 'reverse', 'atob', 'unescape']);

/** `Buffer.from(s, "base64")`, `parseInt(h, 16)`, `s.charCodeAt(i)`, `b.toString("hex")`. */
function isDecodingCall(method: string, call: AstNode): boolean {
  if (method === 'charCodeAt' || method === 'decodeURIComponent') return true;
  const second = call.arguments[1];
  const enc = second?.type === 'Literal' ? second.value : undefined;
  if (method === 'from' || method === 'toString') return enc === 'base64' || enc === 'hex' || enc === 'base64url';
  return method === 'parseInt' && enc === 16;
}

/** Eight or more integer literals in the char-code range: maybe text in disguise. */
function isCharCodeArray(node: AstNode): boolean {
  const els = node.elements;
  if (els.length < 8) return false;
  for (const e of els) {
    if (!e || e.type !== 'Literal' || typeof e.value !== 'number' || !Number.isInteger(e.value) || e.value < 0 || e.value > 0x10ffff) return false;
  }
  return true;
}
const LIST_COMPARISONS = new Set(['some', 'every', 'includes', 'indexOf', 'find', 'findIndex', 'filter', 'has']);

/**
 * The outermost call of the chain of calls and member accesses that the node at the end of
 * `path` feeds, e.g. the `.join("")` call of `"…".split("").reverse().join("")`.
 */
function chainRoot(path: readonly AstNode[]): AstNode {
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
function hoistedNames(statements: AstNode[], add: (name: string) => void): void {
  const nested: AstNode[] = [];
  for (const s of statements) {
    const declared = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    if (declared?.type === 'VariableDeclaration') for (const d of declared.declarations) collectPatternNames(d.id, add);
    else if ((declared?.type === 'FunctionDeclaration' || declared?.type === 'ClassDeclaration') && declared.id) add(declared.id.name);
    else if (declared) nested.push(declared);
  }
  while (nested.length) {
    const s = nested.pop();
    if (!s) continue;
    switch (s.type) {
      case 'VariableDeclaration':
        if (s.kind === 'var') for (const d of s.declarations) collectPatternNames(d.id, add);
        break;
      case 'BlockStatement':
      case 'StaticBlock':
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

function collectPatternNames(p: AstNode, add: (name: string) => void): void {
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
 * functions passed to a call at module level; anything over WRAPPER_SIZE counts as one too.
 */
function isWrapper(node: AstNode, parentNode: AstNode | undefined, depth: number): boolean {
  if (node.end - node.start > WRAPPER_SIZE) return true;
  return depth === 0 && !!parentNode && (parentNode.type === 'CallExpression' || parentNode.type === 'NewExpression');
}
