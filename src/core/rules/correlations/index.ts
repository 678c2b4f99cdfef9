// Correlators, one file each, in the order they run: gates first (covert markers link to
// them), then what flows into requests, processes and writes.
import type { CorrelationRule } from '../types';
import type { Correlator } from './types';
import { gateCorrelator } from './region-gating';
import { covertLinkCorrelator } from './covert-link';
import { exfiltrationCorrelator } from './exfiltration';
import { downloadExecCorrelator } from './download-exec';
import { configTamperCorrelator } from './config-tamper';

export const CORRELATORS: Correlator[] = [gateCorrelator, covertLinkCorrelator, exfiltrationCorrelator, downloadExecCorrelator, configTamperCorrelator];

export const CORRELATION_RULES: CorrelationRule[] = CORRELATORS.flatMap(c => c.rules);
