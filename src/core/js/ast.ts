// The AST as acorn types it, plus the few values the scope index binds names to that are not
// nodes of the tree, and small helpers over them. Every node handled in the analysis is an
// `AnyNode`: code checks `type` before reading a field, and TypeScript holds it to that.
import type * as acorn from 'acorn';

/** `import {request as r} from "https"`: `r` is bound to the module and the name imported (`default`, `*`). */
export interface ImportBinding extends acorn.Node {
  type: 'ImportBinding';
  source: string;
  imported: string;
}

/**
 * A value taken out of another: `const {spawn: s} = cp` binds `s` to the `spawn` of `cp`;
 * with no key, an element (`for (const k of list)`, `list.some(k => …)`, `const [a] = xs`).
 * Spans the pattern property or parameter, where rules report such reads.
 */
export interface PropertyOf extends acorn.Node {
  type: 'PropertyOf';
  object: acorn.Expression;
  key?: string;
  /** `{ fs = require("fs") }`: the value when the property is missing. */
  default?: acorn.Expression;
}

/** A function parameter: its values come from the calls of the function (and its default). */
export interface Parameter extends acorn.Node {
  type: 'Parameter';
  fn: FunctionNode;
  index: number;
  default?: acorn.Expression;
  /** `...args`: the list of the arguments from `index` on (`args[0]` is argument `index`). */
  rest?: true;
}

declare module 'acorn' {
  interface NodeTypes {
    aiToolAudit: ImportBinding | PropertyOf | Parameter;
  }
}

export type Node = acorn.AnyNode;
export type NodeType = Node['type'];
export type NodeOf<T extends NodeType> = Extract<Node, { type: T }>;
export type FunctionNode = acorn.FunctionDeclaration | acorn.FunctionExpression | acorn.ArrowFunctionExpression | acorn.AnonymousFunctionDeclaration;
export type CallLike = acorn.CallExpression | acorn.NewExpression;
export type { Program, Expression, Pattern, Identifier, MemberExpression, CallExpression } from 'acorn';

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  // Asked of every node by the index and the session: three comparisons, not a set lookup.
  if (!node) return false;
  const type = node.type;
  return type === 'ArrowFunctionExpression' || type === 'FunctionExpression' || type === 'FunctionDeclaration';
}

/** The one expression a function's whole body returns (`x => e`, `function(){ return e }`); else undefined. */
export function returnedExpression(fn: FunctionNode): Node | undefined {
  if (fn.body.type !== 'BlockStatement') return fn.body as Node;
  const only = fn.body.body.length === 1 ? fn.body.body[0] : undefined;
  return only?.type === 'ReturnStatement' && only.argument ? (only.argument as Node) : undefined;
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * The direct children of a node, in the order acorn-walk's `base` visits them (its table
 * covers every ESTree node acorn produces; `test/unit/children.test.ts` checks this switch
 * against it node by node on real bundles). Written out rather than driven through acorn-walk's
 * callbacks: the walk asks for the children of millions of nodes, and the callback routing
 * cost more than the rules. Identifiers in binding patterns are kept (acorn-walk ignores them)
 * because rules about identifiers need them; non-computed property names are not children,
 * as in acorn-walk.
 */
export function childrenOf(node: Node, into: Node[]): void {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
    case 'ClassBody':
      return pushAll(into, node.body as Node[]);
    case 'ExpressionStatement':
    case 'ParenthesizedExpression':
    case 'ChainExpression':
      return push(into, node.expression);
    case 'IfStatement':
      push(into, node.test);
      push(into, node.consequent);
      return push(into, node.alternate);
    case 'LabeledStatement':
      return push(into, node.body);
    case 'WithStatement':
      push(into, node.object);
      return push(into, node.body);
    case 'SwitchStatement':
      push(into, node.discriminant);
      return pushAll(into, node.cases);
    case 'SwitchCase':
      push(into, node.test);
      return pushAll(into, node.consequent);
    case 'ReturnStatement':
    case 'YieldExpression':
    case 'AwaitExpression':
    case 'ThrowStatement':
    case 'SpreadElement':
    case 'RestElement':
    case 'UnaryExpression':
    case 'UpdateExpression':
      return push(into, node.argument);
    case 'TryStatement':
      push(into, node.block);
      push(into, node.handler);
      return push(into, node.finalizer);
    case 'CatchClause':
      push(into, node.param);
      return push(into, node.body);
    case 'WhileStatement':
    case 'DoWhileStatement':
      push(into, node.test);
      return push(into, node.body);
    case 'ForStatement':
      push(into, node.init);
      push(into, node.test);
      push(into, node.update);
      return push(into, node.body);
    case 'ForInStatement':
    case 'ForOfStatement':
      push(into, node.left);
      push(into, node.right);
      return push(into, node.body);
    case 'VariableDeclaration':
      return pushAll(into, node.declarations);
    case 'VariableDeclarator':
      push(into, node.id);
      return push(into, node.init);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      push(into, node.id);
      pushAll(into, node.params);
      return push(into, node.body);
    case 'ArrayPattern':
    case 'ArrayExpression':
      return pushAll(into, node.elements);
    case 'ObjectPattern':
      // The pattern's properties are not children: their computed keys and values are.
      for (const prop of node.properties) {
        if (prop.type === 'Property') {
          if (prop.computed) push(into, prop.key);
          push(into, prop.value);
        } else push(into, prop.argument);
      }
      return;
    case 'ObjectExpression':
      return pushAll(into, node.properties);
    case 'SequenceExpression':
      return pushAll(into, node.expressions);
    case 'TemplateLiteral':
      // acorn-walk's order: every quasi, then every expression.
      pushAll(into, node.quasis);
      return pushAll(into, node.expressions);
    case 'BinaryExpression':
    case 'LogicalExpression':
    case 'AssignmentExpression':
    case 'AssignmentPattern':
      push(into, node.left as Node);
      return push(into, node.right);
    case 'ConditionalExpression':
      push(into, node.test);
      push(into, node.consequent);
      return push(into, node.alternate);
    case 'NewExpression':
    case 'CallExpression':
      push(into, node.callee as Node);
      return pushAll(into, node.arguments as Node[]);
    case 'MemberExpression':
      push(into, node.object as Node);
      if (node.computed) push(into, node.property as Node);
      return;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      push(into, node.declaration as Node | null | undefined);
      if (node.type === 'ExportNamedDeclaration') {
        push(into, node.source);
        return pushAll(into, node.attributes);
      }
      return;
    case 'ExportAllDeclaration':
      push(into, node.exported);
      push(into, node.source);
      return pushAll(into, node.attributes);
    case 'ImportAttribute':
      return push(into, node.value);
    case 'ImportDeclaration':
      pushAll(into, node.specifiers);
      push(into, node.source);
      return pushAll(into, node.attributes);
    case 'ImportExpression':
      push(into, node.source);
      return push(into, node.options);
    case 'TaggedTemplateExpression':
      push(into, node.tag);
      return push(into, node.quasi);
    case 'ClassDeclaration':
    case 'ClassExpression':
      push(into, node.id);
      push(into, node.superClass);
      return push(into, node.body);
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'Property':
      if (node.computed) push(into, node.key as Node);
      return push(into, node.value as Node | null | undefined);
    default:
      // Leaves (identifiers, literals, template elements, this, super, import specifiers,
      // break/continue/empty/debugger) and the scope index's own value nodes.
      return;
  }
}

function push(into: Node[], child: Node | null | undefined): void {
  if (child) into.push(child);
}

/** `children` may be absent, as acorn-walk allows (import attributes before ES2025, `arguments`). */
function pushAll(into: Node[], children: ReadonlyArray<Node | null | undefined> | undefined): void {
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child) into.push(child);
  }
}

/**
 * Every node under `root` (itself included), depth first in source order, without recursion;
 * `skip` stops the descent below a node (nested functions, huge literals).
 */
export function* descendants(root: Node, skip?: (node: Node) => boolean): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node !== root && skip?.(node)) continue;
    pushChildren(node, stack);
  }
}

/**
 * Pushes a node's children onto a walk's stack so that the first comes off first (source
 * order); returns how many. Straight onto the stack, then turned around: a separate list
 * emptied at every node would be allocated again at every node of a bundle.
 */
export function pushChildren(node: Node, stack: Node[]): number {
  const first = stack.length;
  childrenOf(node, stack);
  for (let lo = first, hi = stack.length - 1; lo < hi; lo++, hi--) {
    const t = stack[lo];
    stack[lo] = stack[hi];
    stack[hi] = t;
  }
  return stack.length - first;
}

/** Name of a member access when it is static: `a.b` and `a["b"]` both give "b". */
export function propertyName(member: Node): string | undefined {
  if (member.type !== 'MemberExpression') return undefined;
  const p = member.property;
  if (!member.computed && p.type === 'Identifier') return p.name;
  if (p.type === 'PrivateIdentifier') return undefined;
  return staticString(p);
}

/** A string literal or a template literal with no substitutions. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A number written as a literal, or its negation (`-1`). */
export function numberLiteral(node: Node): number | undefined {
  if (node.type === 'Literal' && typeof node.value === 'number') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '-') {
    const n = numberLiteral(node.argument as Node);
    return n === undefined ? undefined : -n;
  }
  return undefined;
}

/** The value of a string or number literal as a string (`0: …` and `"0": …` alike). */
export function literalKey(node: Node | null | undefined): string | undefined {
  if (node?.type === 'Literal' && typeof node.value === 'number') return String(node.value);
  return staticString(node);
}

/**
 * The function expression a call really calls, seen through the wrappers bundlers and
 * minifiers put around it: `(0, x.f)(…)` (esbuild, TypeScript), `x?.f(…)`, `(x.f)(…)`.
 */
export function calleeOf(call: CallLike): Node {
  let callee: Node = unwrapChain(call.callee);
  while (callee.type === 'SequenceExpression' || callee.type === 'ParenthesizedExpression') {
    callee = callee.type === 'SequenceExpression' ? unwrapChain(callee.expressions[callee.expressions.length - 1]) : unwrapChain(callee.expression);
  }
  return callee;
}

/** The called member name in `x.name(...)`, `x?.name(...)`, `x["name"](...)`, `(0, x.name)(...)`. */
export function calledMethod(call: Node): string | undefined {
  if (call.type !== 'CallExpression') return undefined;
  const callee = calleeOf(call);
  return callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
}

/** The receiver of a method call, `x` in `x.name(...)`. */
export function receiverOf(call: Node): Node | undefined {
  if (call.type !== 'CallExpression') return undefined;
  const callee = calleeOf(call);
  return callee.type === 'MemberExpression' ? unwrapChain(callee.object) : undefined;
}

/** `undefined` or `void …` as written: no value (a parameter left to its default, a placeholder). */
export function isUndefinedValue(node: Node): boolean {
  return (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void');
}

/** A constant's truth as written or as minifiers write it (`true`, `!0`, `1`, `!1`, `void 0`); undefined when not constant. */
export function constantTruth(node: Node): boolean | undefined {
  if (node.type === 'Literal' && !('regex' in node && node.regex)) return !!node.value;
  if (isUndefinedValue(node)) return false;
  if (node.type === 'UnaryExpression' && node.operator === '!') {
    const inner = constantTruth(node.argument as Node);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

/**
 * Whether the statement at `ancestors[at]` (the path from the root) is written at the top of
 * a function's body or of the program, where a declaration covers its whole scope: a block's
 * `let`/`const` binds another variable of the same name.
 */
export function atScopeTop(ancestors: readonly Node[], at: number): boolean {
  // `export const x = …` is written at the top of the module.
  if (ancestors[at - 1]?.type === 'ExportNamedDeclaration') at--;
  const around = ancestors[at - 1];
  return !around || around.type === 'Program' || (around.type === 'BlockStatement' && isFunction(ancestors[at - 2]));
}

export function unwrapChain(node: Node): Node {
  while (node.type === 'ChainExpression' || node.type === 'ParenthesizedExpression') node = node.expression;
  return node;
}

/**
 * `a.b.c` as "a.b.c" when every step is static, else undefined. Paths longer than any API's
 * (MAX_PATH) are undefined too: asked at every link of a 30,000-link chain, they would make
 * a scan quadratic.
 */
export function memberPath(node: Node): string | undefined {
  // Several rules ask about the same callee while one call is visited: the last answer is kept.
  if (node === lastPathOf) return lastPath;
  lastPathOf = node;
  lastPath = pathOf(node);
  return lastPath;
}

let lastPathOf: Node | undefined;
let lastPath: string | undefined;

function pathOf(node: Node): string | undefined {
  const names: string[] = [];
  node = unwrapChain(node);
  while (node.type === 'MemberExpression') {
    const name = propertyName(node);
    if (name === undefined || names.length >= MAX_PATH) return undefined;
    names.push(name);
    node = unwrapChain(node.object);
  }
  if (node.type !== 'Identifier') return undefined;
  names.push(node.name);
  return names.reverse().join('.');
}

const MAX_PATH = 32;

/** Key name of an object property or pattern property, when static. */
export function propertyKeyName(prop: Node): string | undefined {
  if (prop.type !== 'Property' && prop.type !== 'PropertyDefinition' && prop.type !== 'MethodDefinition') return undefined;
  if (!prop.computed && prop.key.type === 'Identifier') return prop.key.name;
  if (prop.key.type === 'PrivateIdentifier') return undefined;
  return literalKey(prop.key);
}

/**
 * The name of a member of `this` as the class keeps it: a property's name, or a private one's
 * with its `#` (`this.#token`, `#token = …`), which only the class itself can read or write.
 */
export function instanceKeyName(node: Node): string | undefined {
  if (node.type === 'MemberExpression') return !node.computed && node.property.type === 'PrivateIdentifier' ? `#${node.property.name}` : propertyName(node);
  if (node.type === 'PropertyDefinition' && node.key.type === 'PrivateIdentifier') return `#${node.key.name}`;
  return propertyKeyName(node);
}

/** The parameter names of a function, in order (undefined for patterns). */
export function paramNames(fn: FunctionNode): Array<string | undefined> {
  return fn.params.map(p => (p.type === 'Identifier' ? p.name : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left.name : undefined));
}

/**
 * The first identifier a callback uses that is not one of its parameters (`q` in
 * `z => q === z`), and for which `counts` holds (e.g. a name bound in the module).
 */
export function freeName(callback: FunctionNode, counts: (name: string) => boolean = () => true): acorn.Identifier | undefined {
  const params = new Set(paramNames(callback).filter((p): p is string => !!p));
  for (const n of descendants(callback.body, isFunction)) {
    if (n.type === 'Identifier' && !params.has(n.name) && counts(n.name)) return n;
  }
  return undefined;
}

/**
 * The function a memoising wrapper stands for: `X(() => decode(s))` (lodash memoize, once(),
 * esbuild's lazy init) takes one thunk, a function of no parameters.
 */
export function memoThunk(node: Node): FunctionNode | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return undefined;
  const arg = node.arguments[0];
  return (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') && arg.params.length === 0 ? arg : undefined;
}

/** The text of a node, for evidence and messages. */
export function sourceText(text: string, node: { start: number; end: number }, max = Infinity): string {
  const end = Math.min(node.end, node.start + max);
  const s = text.slice(node.start, end);
  return node.end > end ? `${s}…` : s;
}

/** The first of `length` positions, ordered by `startOf`, whose start is at or after `start` (`length` if none). */
export function firstFrom(length: number, startOf: (i: number) => number, start: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(mid) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
