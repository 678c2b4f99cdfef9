// What the single walk remembers about a module so that later stages can link it without a
// second walk: its functions (with their local bindings and return values), the values
// assigned to module-level names, every call, and the literals that look encoded.
// All of it is dropped with the AST when the file is done.
import { isFunction, propertyName, staticString, unwrapChain, type AstNode } from './ast';
import { WRAPPER_SIZE, type FunctionInfo } from './raw';

export interface FunctionRecord extends FunctionInfo {
  node: AstNode;
  /** Names bound in this function (params, declarations) -> the last value seen, if any. */
  locals: Map<string, AstNode | undefined>;
  /** Return arguments, and the body of an expression-bodied arrow. */
  returns: AstNode[];
  /** Local names assigned more than once (`i++`, `s += …`, a second `=`): not constants. */
  mutated: Set<string>;
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
  /** The module-level name it is assigned to (`var Xi_="..."`), if any. */
  boundTo?: string;
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
        else collectPatternNames(node.id, name => this.scopes[this.scopes.length - 1].set(name, undefined));
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
      case 'CatchClause':
        if (node.param?.type === 'Identifier') this.scopes[this.scopes.length - 1].set(node.param.name, undefined);
        break;
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

  /** Is `name`, used inside function `fn`, a binding of that function or one around it? */
  isLocal(name: string, fn: number): boolean {
    for (let f = fn; f !== MODULE; f = this.functions[f].parent) {
      if (this.functions[f].locals.has(name)) return true;
    }
    return false;
  }

  /** The local binding of `name` seen from `fn` (the function that binds it and its value). */
  localBinding(name: string, fn: number): { fn: number; value: AstNode | undefined; mutated: boolean } | undefined {
    for (let f = fn; f !== MODULE; f = this.functions[f].parent) {
      const record = this.functions[f];
      if (record.locals.has(name)) return { fn: f, value: record.locals.get(name), mutated: record.mutated.has(name) };
    }
    return undefined;
  }

  /** The function a node is (for function nodes), else undefined. */
  functionOf(node: AstNode): number | undefined {
    return this.fnByNode.get(node);
  }

  sourceOf(node: AstNode): string {
    return this.text.slice(node.start, node.end);
  }

  private enterFunction(node: AstNode, parentNode: AstNode | undefined): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (node.type === 'FunctionDeclaration' && node.id) {
      scope.set(node.id.name, node);
      if (this.scopes.length === 1) this.addModuleValue(node.id.name, node);
    }
    const index = this.functions.length;
    const locals = new Map<string, AstNode | undefined>();
    // Parameters shadow outer bindings of the same (often one-letter) name.
    for (const p of node.params) collectPatternNames(p, name => locals.set(name, undefined));
    this.functions.push({
      start: node.start,
      end: node.end,
      parent: this.currentFunction,
      wrapper: isWrapper(node, parentNode, this.fnStack.length),
      node,
      locals,
      returns: node.type === 'ArrowFunctionExpression' && node.expression ? [node.body] : [],
      mutated: new Set(),
    });
    this.fnByNode.set(node, index);
    this.fnStack.push(index);
    this.scopes.push(locals);
  }

  private bind(name: string, value: AstNode | undefined, declaration: boolean): void {
    let i = this.scopes.length - 1;
    if (!declaration) while (i > 0 && !this.scopes[i].has(name)) i--;
    if (declaration && value === undefined && this.scopes[i].has(name)) return; // `var x;` again
    if (i > 0 && this.scopes[i].get(name) !== undefined) this.functions[this.fnStack[i - 1]].mutated.add(name);
    this.scopes[i].set(name, value);
    if (i === 0 && value !== undefined) this.addModuleValue(name, value);
  }

  /** `x += …`, `x++`: the binding that owns x is not a constant. */
  private mutate(name: string): void {
    let i = this.scopes.length - 1;
    while (i > 0 && !this.scopes[i].has(name)) i--;
    if (i === 0) this.moduleMutated.add(name);
    else this.functions[this.fnStack[i - 1]].mutated.add(name);
  }

  private addModuleValue(name: string, value: AstNode): void {
    let list = this.moduleValues.get(name);
    if (!list) this.moduleValues.set(name, (list = []));
    list.push({ node: value, fn: this.currentFunction });
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
    let boundTo: string | undefined;
    if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') boundTo = parent.id.name;
    if (parent?.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') boundTo = parent.left.name;
    if (boundTo !== undefined && this.scopes.length > 1 && this.isBoundLocally(boundTo)) boundTo = undefined;
    const root = chainRoot(path);
    const chain = root !== node ? root : undefined;
    this.encoded.push({ node, fn: this.currentFunction, ...(boundTo ? { boundTo } : {}), ...(chain ? { chain } : {}) });
  }

  private isBoundLocally(name: string): boolean {
    for (let i = this.scopes.length - 1; i > 0; i--) if (this.scopes[i].has(name)) return true;
    return false;
  }
}

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
  for (let i = path.length - 2; i >= 0; i--) {
    const p = path[i];
    if (p.type === 'CallExpression' || p.type === 'NewExpression') root = p;
    else if (p.type !== 'MemberExpression' && p.type !== 'SpreadElement' && p.type !== 'ArrayExpression' && p.type !== 'ChainExpression') break;
  }
  return root;
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
