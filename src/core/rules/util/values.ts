// Static values the rules look at: member keys (also through a const: `o[k]` with
// `const k = "timeZone"`), comparison contexts and call shapes shared by several rules.
import type * as acorn from 'acorn';
import { calledMethod, freeName, isFunction, propertyKeyName, sourceText, staticString, unwrapChain, calleeOf, type Node } from '../../js/ast';
import { staticKey as staticKeyOf } from '../../js/modules';
import { COMPARE_METHODS } from '../../js/moduleIndex';
import type { RuleContext } from '../types';

export { COMPARE_METHODS };

/** Static key of a member access, resolving a computed identifier key bound to a string. */
export function staticKey(member: acorn.MemberExpression, ctx: RuleContext): string | undefined {
  return staticKeyOf(member, { resolve: id => ctx.resolve(id) });
}

/** `x.resolvedOptions()` (any Intl formatter), directly or through a variable. */
export function isResolvedOptions(node: Node | undefined, ctx: RuleContext, depth = 0): boolean {
  if (!node || depth > 4) return false;
  node = unwrapChain(node);
  if (node.type === 'Identifier') {
    const bound = ctx.resolve(node);
    return !!bound && bound.type !== 'Identifier' && isResolvedOptions(bound, ctx, depth + 1);
  }
  return node.type === 'CallExpression' && calledMethod(node) === 'resolvedOptions';
}

/**
 * Sites that read `key` from a `resolvedOptions()` result: `….resolvedOptions().timeZone`,
 * `o.timeZone` with `o` bound to it, `o["timeZone"]`, and `const {timeZone} = ….resolvedOptions()`.
 */
export function resolvedOptionReads(node: Node, key: string, ctx: RuleContext): readonly Node[] {
  if (node.type === 'MemberExpression') {
    // Asked at every member expression: a plain `.name` that is not the key needs no resolving.
    if (!node.computed && (node.property.type !== 'Identifier' || node.property.name !== key)) return NO_NODES;
    return staticKey(node, ctx) === key && isResolvedOptions(node.object as Node, ctx) ? [node] : NO_NODES;
  }
  if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && isResolvedOptions(node.init ?? undefined, ctx)) {
    return node.id.properties.filter(p => propertyKeyName(p) === key);
  }
  return NO_NODES;
}

const NO_NODES: readonly Node[] = Object.freeze([]);

export const EQUALITY = new Set(['==', '===', '!=', '!==']);

/** Arrays this short are lists of choices; longer ones are data tables. */
export const SMALL_LIST = 16;

/**
 * How the node at the end of `ctx.path` is used: compared with something (an equality, a
 * switch case, the argument of includes/startsWith/...), an element of a short list, a key
 * of a small lookup object, or not.
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
      return (parent.arguments as Node[]).includes(node) && COMPARE_METHODS.has(calledMethod(parent) ?? '') ? 'compare' : undefined;
    case 'ArrayExpression':
      // A row of a table (`[["Asia/Shanghai", "CN"], …]`) is data, not a list of choices.
      return parent.elements.length <= SMALL_LIST && ctx.parent(2)?.type !== 'ArrayExpression' ? 'list' : undefined;
    case 'Property': {
      const object = ctx.parent(2);
      return parent.key === node && !parent.computed && object?.type === 'ObjectExpression' && object.properties.length <= SMALL_LIST ? 'list' : undefined;
    }
    default:
      return undefined;
  }
}

/** The source text of a node, cut for evidence. */
export function snippet(ctx: RuleContext, node: Node, max = 120): string {
  return sourceText(ctx.text, node, max);
}

/**
 * The value that the node at the end of `ctx.path` is compared with: the other side of
 * `===`, a switch's discriminant, the receiver of `.includes("…")`, or the argument (or the
 * callback's free name) of `[…].includes(x)` / `[…].some(k => h.includes(k))`.
 */
export function comparisonSubject(ctx: RuleContext): Node | undefined {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  if (!parent) return undefined;
  switch (parent.type) {
    case 'BinaryExpression':
      return (parent.left === node ? parent.right : parent.left) as Node;
    case 'SwitchCase': {
      const sw = ctx.parent(2);
      return sw?.type === 'SwitchStatement' ? sw.discriminant : undefined;
    }
    case 'CallExpression': {
      const callee = calleeOf(parent);
      return (parent.arguments as Node[]).includes(node) && callee.type === 'MemberExpression' ? (callee.object as Node) : undefined;
    }
    case 'ArrayExpression':
      return listSubject(parent, ctx.parent(2), ctx.parent(3));
    default:
      return undefined;
  }
}

/** For an array literal `list`: what `list.includes(x)` / `list.some(k => …h…)` compares. */
export function listSubject(list: Node, parent: Node | undefined, grand: Node | undefined): Node | undefined {
  if (parent?.type !== 'MemberExpression' || parent.object !== list || grand?.type !== 'CallExpression') return undefined;
  const arg = grand.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return undefined;
  return isFunction(arg) ? freeName(arg) : arg;
}

/** A string literal's value, or a template's text with `*` for computed parts. */
export function spelledTemplate(node: Node): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type !== 'TemplateLiteral') return undefined;
  return node.quasis.map(q => q.value.cooked ?? '').join('*');
}

export { staticString };
