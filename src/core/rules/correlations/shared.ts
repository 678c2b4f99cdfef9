// Small helpers the correlators share.
import type { Span } from '../../model';
import type { CallStep } from '../../js/callgraph';
import { propertyName } from '../../js/ast';
import type { Draft } from '../findings';
import type { ModuleAnalysis, RelatedSpan } from '../types';

/** A related step pointing at another finding, described by its rule and message. */
export function stepAt(d: Draft, message = `${d.ruleId}: ${d.message}`): RelatedSpan {
  return { start: d.start, end: d.end, message };
}

/** The calls a value went through, as steps a reader can follow. */
export function callSteps(calls: readonly CallStep[], analysis: ModuleAnalysis, what: string): RelatedSpan[] {
  return calls.map(c => ({ start: c.call.start, end: c.call.end, message: `${what} through ${calleeText(c, analysis)}()` }));
}

export function calleeText(step: CallStep, analysis: ModuleAnalysis): string {
  const callee = step.call.callee;
  const text = analysis.index.sourceOf(callee);
  if (text.length <= 40) return text;
  // `(o.transport ?? createTransport(o)).post(…)`: the method, its object cut.
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  return method && method.length <= 38 ? `….${method}` : 'a function';
}

export function inOrder(related: RelatedSpan[]): RelatedSpan[] {
  return related
    .filter((r, i) => related.findIndex(x => x.start === r.start && x.end === r.end && x.message === r.message) === i)
    .sort((a, b) => a.start - b.start);
}

export function list(items: readonly string[], max = 3): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

export function spanKey(s: Span): string {
  return `${s.start}:${s.end}`;
}
