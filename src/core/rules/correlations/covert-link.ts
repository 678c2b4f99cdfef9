// A covert marker is linked to a gate when the marker's condition takes its value from the
// gate's comparisons (followed backwards through names, properties, callers' arguments and
// callees' returns). A linked marker is high. Either way, where the chosen character goes is
// followed forwards (a prompt sentence, a property, a call), each step a related location.
import { isFunction, paramNames, type Node } from '../../js/ast';
import { conditionMark } from '../../js/flow';
import { redraft, type Draft } from '../findings';
import { factOf } from '../facts';
import type { RelatedSpan } from '../types';
import type { Correlator, CorrelationInput, GateRecord } from './types';
import { findNode, firstCallers, whereItGoes } from './where-it-goes';
import { covertMarker } from '../covert-marker';

function link(marker: Draft, input: CorrelationInput): Draft {
  const { analysis } = input;
  const fact = factOf(marker.facts, 'marker')!;
  const fnRecord = marker.fn >= 0 ? analysis.index.functions[marker.fn] : undefined;
  const fnNode = fnRecord?.node;
  const params = fnNode ? new Set(paramNames(fnNode).filter(Boolean)) : new Set<string | undefined>();
  const isChooser = !!fnNode && fact.condition.every(c => c === fnNode || (c.type === 'Identifier' && params.has(c.name)));
  const byComparison = new Map<string, GateRecord>();
  for (const g of input.gates) for (const c of g.comparisons) byComparison.set(`${c.start}:${c.end}`, g);
  const gateMark = conditionMark((node: Node) => byComparison.get(`${node.start}:${node.end}`));
  let gate: GateRecord | undefined;
  if (byComparison.size) {
    for (const c of fact.condition) {
      const start = isFunction(c) ? undefined : c;
      if (!start) continue;
      gate ??= analysis.flow.origins(start, marker.fn, gateMark)[0]?.mark;
    }
  }
  const related: RelatedSpan[] = [];
  if (isChooser) {
    for (const caller of firstCallers(analysis.graph.callersOf(marker.fn))) {
      related.push({ start: caller.call.start, end: caller.call.end, message: 'called here' }, ...whereItGoes(caller.call, caller.fn, analysis, 1));
    }
  } else if (fnNode) {
    const node = findNode(fnNode, marker);
    if (node) related.push(...whereItGoes(node, marker.fn, analysis, 2));
  }
  if (!gate && related.length === 0) return marker;
  if (gate) related.unshift({ start: gate.draft.start, end: gate.draft.end, message: `condition comes from the region/vendor gate: ${gate.draft.message}` });
  return redraft(marker, { ...(gate ? { severity: 'high' as const, messageId: 'linked' } : {}), related: [...marker.related, ...related] }, covertMarker.meta);
}

export const covertLinkCorrelator: Correlator = {
  rules: [],
  run(input) {
    const replaced = new Map<Draft, Draft>();
    for (const marker of input.drafts) {
      if (!factOf(marker.facts, 'marker')) continue;
      const linked = link(marker, input);
      if (linked !== marker) replaced.set(marker, linked);
    }
    return { added: [], replaced };
  },
};
