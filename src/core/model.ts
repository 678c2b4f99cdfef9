// The plain data that flows from discovery through scanning to views, reports and policy.
// Everything here must survive JSON.stringify and a worker_threads boundary: no classes, no ASTs.
import type { PolicyReport } from './policy/types';

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

export type TargetKind = 'extension' | 'cli' | 'path';

/** 1-based line, 1-based UTF-16 column, as VS Code and SARIF count them. */
export interface RelatedLocation {
  file: string;
  entry?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** Relative to the target root (a binary's path when `entry` is set). */
  file: string;
  /** Module inside a binary, e.g. `/$bunfs/root/cli.js`. */
  entry?: string;
  line: number;
  column: number;
  /** Exclusive, as in SARIF. */
  endLine: number;
  endColumn: number;
  evidence: string[];
  related: RelatedLocation[];
  /** UTF-16 offsets in the file or module (byte offsets in a binary for the strings pass). */
  offset?: number;
  endOffset?: number;
  /** Found in a file only the loose parser could read. */
  partial?: boolean;
  confidence?: 'exact' | 'approximate';
  /** Innermost enclosing function, as UTF-16 offsets [start, end). */
  functionRange?: [number, number];
  /** rule + file/entry + sha256 of the flagged text: stable across machines and versions. */
  fingerprint?: string;
  /** sha256 (hex) of the flagged text alone: what a policy suppression pins, so it lapses when the code changes. */
  contentHash?: string;
  /** About 160 characters of the flagged line around the hit (scanned text: untrusted). */
  excerpt?: string;
}

export interface ScanError {
  file: string;
  entry?: string;
  message: string;
}

export interface TargetResult {
  id: string;
  instanceId?: string;
  name: string;
  kind: TargetKind;
  vendor?: string;
  country?: string;
  editor?: string;
  version?: string;
  /** Absolute path; every `file` in findings and errors is relative to it. */
  root: string;
  why?: string[];
  filesScanned: number;
  bytesScanned: number;
  errors: ScanError[];
  findings: Finding[];
}

export interface AuditResult {
  schemaVersion: 1;
  tool: { name: string; version: string };
  targets: TargetResult[];
  /** Present when a workspace policy was evaluated against this audit. */
  policy?: PolicyReport;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
