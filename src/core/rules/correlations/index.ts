// Correlators, one file each: what the facts in one scope amount to. scan/correlate.ts
// builds the scopes and runs these in order.
import type { CorrelationRule, Correlator } from '../types';
import { gateCorrelator } from './region-gating';
import { exfiltrationCorrelator } from './exfiltration';
import { downloadExecCorrelator } from './download-exec';
import { configTamperCorrelator } from './config-tamper';

export const CORRELATORS: Correlator[] = [gateCorrelator, exfiltrationCorrelator, downloadExecCorrelator, configTamperCorrelator];

export const CORRELATION_RULES: CorrelationRule[] = CORRELATORS.flatMap(c => c.rules);
