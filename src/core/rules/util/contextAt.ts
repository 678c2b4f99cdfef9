// A rule's context as seen from one function after the walk. Some questions can only be
// answered then: a bundle's lazy initialiser (`var Z; … Z(git, args); … L(() => { Z = promisify(execFile) })`)
// gives a name its value after the code that calls it, and a path's directory may be joined in
// another statement. Names then resolve to the value they settle on in that function; the walk's
// position (path, parents) is gone.
import { isFunction, type Node } from '../../js/ast';
import { calleeRefOf, isRequireFunction, moduleRefOf } from '../../js/modules';
import type { RuleContext } from '../types';

/** Contexts made, by the walk's context and function: rules ask from the same functions many times. */
const made = new WeakMap<RuleContext, Map<number, RuleContext>>();

export function contextAt(ctx: RuleContext, fn: number): RuleContext {
  let byFn = made.get(ctx);
  if (!byFn) made.set(ctx, (byFn = new Map()));
  let known = byFn.get(fn);
  if (!known) byFn.set(fn, (known = contextIn(ctx, fn)));
  return known;
}

function contextIn(ctx: RuleContext, fn: number): RuleContext {
  const analysis = ctx.analysis();
  const lookup = analysis.lookup(fn);
  const around = fn >= 0 ? analysis.index.functions[fn]?.node : undefined;
  return {
    text: ctx.text,
    target: ctx.target,
    keywords: ctx.keywords,
    path: [],
    parent: () => undefined,
    functionIndex: () => fn,
    enclosingFunction: () => (around && isFunction(around) ? around : undefined),
    resolve: (n: Node) => (n.type === 'Identifier' ? lookup.resolve(n) : undefined),
    isBound: (n: Node) => n.type === 'Identifier' && lookup.isBound(n),
    moduleRef: (n: Node | undefined) => (n ? moduleRefOf(n, lookup) : undefined),
    calleeRef: (n: Node) => (n.type === 'CallExpression' || n.type === 'NewExpression' ? calleeRefOf(n, lookup) : undefined),
    isRequire: (callee: Node) => isRequireFunction(callee, lookup),
    report: d => ctx.report({ ...d, fn: d.fn ?? fn }),
    analysis: () => analysis,
    importedStarter: (ref, passesParameter) => ctx.importedStarter(ref, passesParameter),
    exportStarter: (name, summary) => ctx.exportStarter(name, summary),
    importedCarrier: ref => ctx.importedCarrier(ref),
  };
}
