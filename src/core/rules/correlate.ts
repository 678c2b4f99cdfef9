// Runs the correlators over one module's drafts: each sees the facts, the value flow and the
// gates found before it, and adds drafts or re-decides some (a marker linked to a gate). A
// correlator that fails loses only itself: its error is recorded, the others still run.
import type { DecodedValue } from '../js/decode';
import type { Draft } from './findings';
import type { ModuleAnalysis } from './types';
import { CORRELATORS } from './correlations';
import { FactMarks } from './correlations/marks';
import type { GateRecord } from './correlations/types';

export function correlate(drafts: readonly Draft[], analysis: ModuleAnalysis, decoded: readonly DecodedValue[], fail: (message: string) => void): Draft[] {
  let current = [...drafts];
  const gates: GateRecord[] = [];
  for (const correlator of CORRELATORS) {
    try {
      const marks = new FactMarks(current);
      const out = correlator.run({ drafts: current, marks, analysis, decoded, gates });
      if (out.replaced?.size) current = current.map(d => out.replaced!.get(d) ?? d);
      current.push(...out.added);
    } catch (e) {
      const id = correlator.rules[0]?.meta.id ?? 'covert-marker link';
      fail(`correlation ${id} stopped, the findings of the rules are kept: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return current;
}
