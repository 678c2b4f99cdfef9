// Places that compare a value with a list decoded elsewhere: `Wi_().some(z => q === z)`,
// where `Wi_` returns a list decoded by a helper. Found by following each list comparison's
// receiver back to a decoded value.
import { freeName, isFunction, propertyName, unwrapChain, calleeOf, type Node } from './ast';
import type { DecodedValue } from './decode';
import type { ValueFlow } from './flow';
import type { ModuleIndex } from './moduleIndex';

export interface DecodedUse {
  decoded: DecodedValue;
  use: { node: Node; fn: number; subject?: Node; via: string };
}

const CALLBACK_METHODS = new Set(['some', 'every', 'find', 'findIndex', 'filter']);

export function decodedUses(index: ModuleIndex, flow: ValueFlow, decoded: readonly DecodedValue[]): DecodedUse[] {
  const bySite = new Map<Node, DecodedValue>();
  for (const d of decoded) bySite.set(d.site, d);
  const out: DecodedUse[] = [];
  // One mark for every question: value flow shares answers between questions with the same mark.
  const decodedAt = (node: Node) => bySite.get(node);
  for (const cmp of index.listComparisons) {
    const reached = flow.origins(cmp.receiver, cmp.fn, decodedAt);
    if (reached.length === 0) continue;
    const callee = calleeOf(cmp.node);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) ?? '' : '';
    const arg = cmp.node.arguments[0];
    const subject = CALLBACK_METHODS.has(method) && arg && isFunction(arg) ? freeName(arg, name => !!index.binding(name, cmp.fn)) : arg && arg.type !== 'SpreadElement' ? arg : undefined;
    const via = index.sourceOf(unwrapChain(cmp.receiver)).slice(0, 80);
    for (const { mark } of reached) out.push({ decoded: mark, use: { node: cmp.node, fn: cmp.fn, ...(subject ? { subject } : {}), via } });
  }
  return out;
}
