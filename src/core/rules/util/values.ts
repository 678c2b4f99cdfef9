// Static values the rules look at: member keys (also through a const: `o[k]` with
// `const k = "timeZone"`), comparison contexts and call shapes shared by several rules.
import { calledMethod, freeName, isFunction, propertyKeyName, propertyName, staticString, unwrapChain, type AstNode } from '../../js/ast';
import type { RuleContext } from '../types';

/** Static key of a member access, resolving a computed identifier key bound to a string. */
export function staticKey(member: AstNode, ctx: RuleContext): string | undefined {
  const direct = propertyName(member);
  if (direct !== undefined) return direct;
  if (member.computed && member.property.type === 'Identifier') return staticString(ctx.resolve(member.property));
  return undefined;
}

/** `x.resolvedOptions()` (any Intl formatter), directly or through a variable. */
export function isResolvedOptions(node: AstNode | undefined, ctx: RuleContext): boolean {
  if (!node) return false;
  node = unwrapChain(node);
  if (node.type === 'Identifier') {
    const bound = ctx.resolve(node);
    return !!bound && bound.type !== 'Identifier' && isResolvedOptions(bound, ctx);
  }
  return node.type === 'CallExpression' && calledMethod(node) === 'resolvedOptions';
}

/**
 * Sites that read `key` from a `resolvedOptions()` result: `….resolvedOptions().timeZone`,
 * `o.timeZone` with `o` bound to it, `o["timeZone"]`, and `const {timeZone} = ….resolvedOptions()`.
 */
export function resolvedOptionReads(node: AstNode, key: string, ctx: RuleContext): AstNode[] {
  if (node.type === 'MemberExpression') {
    return staticKey(node, ctx) === key && isResolvedOptions(node.object, ctx) ? [node] : [];
  }
  if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && isResolvedOptions(node.init ?? undefined, ctx)) {
    return node.id.properties.filter((p: AstNode) => propertyKeyName(p) === key);
  }
  return [];
}

export const COMPARE_METHODS = new Set([
  'includes',
  'indexOf',
  'lastIndexOf',
  'startsWith',
  'endsWith',
  'has',
  'match',
  'matchAll',
  'search',
  'test',
  'localeCompare',
]);

export const EQUALITY = new Set(['==', '===', '!=', '!==']);

/** Arrays this short are lists of choices; longer ones are data tables. */
export const SMALL_LIST = 16;

/**
 * How the node at the end of `ctx.path` is used: compared with something (an equality, a
 * switch case, the argument of includes/startsWith/...), an element of a short list, or not.
 */
export function comparisonUse(ctx: RuleContext): 'compare' | 'list' | undefined {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  if (!parent) return undefined;
  switch (parent.type) {
    case 'BinaryExpression':
      return EQUALITY.has(parent.operator) ? 'compare' : undefined;
    case 'SwitchCase':
      return parent.test === node ? 'compare' : undefined;
    case 'CallExpression':
      return parent.arguments.includes(node) && COMPARE_METHODS.has(calledMethod(parent) ?? '') ? 'compare' : undefined;
    case 'ArrayExpression':
      // A row of a table (`[["Asia/Shanghai", "CN"], …]`) is data, not a list of choices.
      return parent.elements.length <= SMALL_LIST && ctx.parent(2)?.type !== 'ArrayExpression' ? 'list' : undefined;
    default:
      return undefined;
  }
}

/** The source text of a node, cut for evidence. */
export function snippet(ctx: RuleContext, node: AstNode, max = 120): string {
  const s = ctx.text.slice(node.start, Math.min(node.end, node.start + max));
  return node.end - node.start > max ? `${s}…` : s;
}

/**
 * The value that the node at the end of `ctx.path` is compared with: the other side of
 * `===`, a switch's discriminant, the receiver of `.includes("…")`, or the argument (or the
 * callback's free name) of `[…].includes(x)` / `[…].some(k => h.includes(k))`.
 */
export function comparisonSubject(ctx: RuleContext): AstNode | undefined {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  if (!parent) return undefined;
  switch (parent.type) {
    case 'BinaryExpression':
      return parent.left === node ? parent.right : parent.left;
    case 'SwitchCase':
      return ctx.parent(2)?.discriminant;
    case 'CallExpression': {
      const callee = unwrapChain(parent.callee);
      return parent.arguments.includes(node) && callee.type === 'MemberExpression' ? callee.object : undefined;
    }
    case 'ArrayExpression':
      return listSubject(parent, ctx.parent(2), ctx.parent(3));
    default:
      return undefined;
  }
}

/** For an array literal `list`: what `list.includes(x)` / `list.some(k => …h…)` compares. */
export function listSubject(list: AstNode, parent: AstNode | undefined, grand: AstNode | undefined): AstNode | undefined {
  if (parent?.type !== 'MemberExpression' || parent.object !== list || grand?.type !== 'CallExpression') return undefined;
  const arg = grand.arguments[0];
  if (!arg) return undefined;
  return isFunction(arg) ? freeName(arg) : arg;
}

