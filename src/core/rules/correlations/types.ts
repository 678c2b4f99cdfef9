// What a correlator sees and gives back. Correlators run after the walk and decoding, in the
// order of correlations/index.ts; each decides from facts and value flow, and returns new
// drafts (or replacements of drafts it re-decides, such as a marker found linked to a gate).
import type { Span } from '../../model';
import type { DecodedValue } from '../../js/decode';
import type { Draft } from '../findings';
import type { CorrelationRule, ModuleAnalysis } from '../types';
import type { FactMarks } from './marks';

/** A gate found by region-gating, for the correlators after it (covert markers link to gates). */
export interface GateRecord {
  draft: Draft;
  /** The comparisons that make it up: a marker whose condition reaches one is linked. */
  comparisons: Span[];
}

export interface CorrelationInput {
  readonly drafts: readonly Draft[];
  readonly marks: FactMarks;
  readonly analysis: ModuleAnalysis;
  readonly decoded: readonly DecodedValue[];
  /** Gates found so far (by region-gating, which runs first). */
  readonly gates: GateRecord[];
}

export interface CorrelationOutput {
  added: Draft[];
  /** Drafts decided anew (same rule and span), by the draft they replace. */
  replaced?: Map<Draft, Draft>;
}

export interface Correlator {
  rules: CorrelationRule[];
  run(input: CorrelationInput): CorrelationOutput;
}
