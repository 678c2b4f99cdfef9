// The closed lists every layer shares: severities, categories, kinds of target.
export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'region',
  'vendor',
  'network',
  'telemetry',
  'secrets',
  'fingerprint',
  'execution',
  'persistence',
  'obfuscation',
  'covert',
  'clipboard',
  'manifest',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** `config`: an assistant's own settings files, read rather than scanned as code. */
export type TargetKind = 'extension' | 'cli' | 'path' | 'config';

/** The largest JavaScript file (or module read out of a binary) scanned by default. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
