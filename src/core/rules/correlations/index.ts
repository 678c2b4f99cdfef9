// Correlators, one file each: what the facts in one scope amount to. scan/correlate.ts
// builds the scopes and runs these in order.
import type { CorrelationRule, Correlator } from '../types';
import { gateCorrelator } from './region-gating';

export const CORRELATORS: Correlator[] = [gateCorrelator];

export const CORRELATION_RULES: CorrelationRule[] = CORRELATORS.flatMap(c => c.rules);
