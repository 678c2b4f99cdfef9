// Small, loosely typed helpers over acorn's ESTree nodes. Rules read nodes of every shape
// (minified bundles use all of them), so a permissive node type keeps rules short.
import { base } from 'acorn-walk';

export interface AstNode {
  type: string;
  start: number;
  end: number;
  // ESTree fields vary by node type; rules check `type` before reading them.
  [field: string]: any;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export function isFunction(node: AstNode | null | undefined): boolean {
  return !!node && FUNCTION_TYPES.has(node.type);
}

/**
 * The direct children of a node, in source order, using acorn-walk's `base` table so that
 * every ESTree node type acorn produces is covered. acorn-walk routes some children through
 * abstract types ("Expression", "Pattern", ...); we follow those until a concrete node comes
 * out. Identifiers in binding patterns are kept (acorn-walk ignores them) because rules
 * about identifiers need them.
 */
export function childrenOf(node: AstNode, into: AstNode[]): void {
  // One visitor for every call (no closure per node: the walk calls this millions of times).
  const previous = collected;
  collected = into;
  try {
    const own = (base as Record<string, Function>)[node.type];
    if (own) own(node, null, collect);
  } finally {
    collected = previous;
  }
}

let collected: AstNode[] = [];

function collect(child: AstNode, _state: unknown, override?: string): void {
  if (!child) return;
  if (override && override !== child.type) {
    if (override === 'VariablePattern') {
      collected.push(child);
      return;
    }
    const router = (base as Record<string, Function>)[override];
    if (router) {
      router(child, null, collect);
      return;
    }
  }
  collected.push(child);
}

/** Name of a member access when it is static: `a.b` and `a["b"]` both give "b". */
export function propertyName(member: AstNode): string | undefined {
  if (member.type !== 'MemberExpression') return undefined;
  const p = member.property;
  if (!member.computed && p.type === 'Identifier') return p.name;
  return staticString(p);
}

/** A string literal or a template literal with no substitutions. */
export function staticString(node: AstNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value?.cooked ?? undefined;
  return undefined;
}

/** The called member name in `x.name(...)`, `x?.name(...)`, `x["name"](...)`. */
export function calledMethod(call: AstNode): string | undefined {
  if (call.type !== 'CallExpression') return undefined;
  const callee = unwrapChain(call.callee);
  return callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
}

export function unwrapChain(node: AstNode): AstNode {
  return node.type === 'ChainExpression' ? node.expression : node;
}

/**
 * `a.b.c` as "a.b.c" when every step is static, else undefined. Paths longer than any API's
 * (MAX_PATH) are undefined too: asked at every link of a 30,000-link chain, they would make
 * a scan quadratic.
 */
export function memberPath(node: AstNode): string | undefined {
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
export function propertyKeyName(prop: AstNode): string | undefined {
  if (prop.type !== 'Property') return undefined;
  if (!prop.computed && prop.key.type === 'Identifier') return prop.key.name;
  if (prop.key.type === 'Literal') return String(prop.key.value);
  return staticString(prop.key);
}

/**
 * The first identifier a callback uses that is not one of its parameters (`q` in
 * `z => q === z`), and for which `counts` holds (e.g. a name bound in the module).
 */
export function freeName(callback: AstNode, counts: (name: string) => boolean = () => true): AstNode | undefined {
  const params = new Set(callback.params.filter((p: AstNode) => p.type === 'Identifier').map((p: AstNode) => p.name));
  const stack = [callback.body];
  const kids: AstNode[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'Identifier' && !params.has(n.name) && counts(n.name)) return n;
    if (isFunction(n)) continue;
    kids.length = 0;
    childrenOf(n, kids);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return undefined;
}

/**
 * The function a memoising wrapper stands for: `X(() => decode(s))` (lodash memoize, once(),
 * esbuild's lazy init) takes one thunk, a function of no parameters.
 */
export function memoThunk(node: AstNode): AstNode | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return undefined;
  const arg = node.arguments[0];
  return (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression') && arg.params.length === 0 ? arg : undefined;
}
