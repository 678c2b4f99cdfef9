// A finding: one claim about the scanned code, with where to read it. Built once by the
// finding builder (core/rules/findings.ts), frozen, never changed afterwards. Plain data: it
// survives JSON.stringify and a worker_threads boundary.
import type { Category, Severity } from './kinds';
import type { ConfigScope } from './config';

/** UTF-16 offsets [start, end) in a file or module. */
export interface Span {
  start: number;
  end: number;
}

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
  /** From the rule's message templates, under 200 characters. */
  message: string;
  /** Relative to the target root (a binary's path when `entry` is set). */
  file: string;
  /** Module inside a binary, e.g. `/$bunfs/root/cli.js`. */
  entry?: string;
  /**
   * Within the file or module. Absent only for strings-pass findings in native code, which
   * carry byte `offset`/`endOffset` in the binary and `confidence: "approximate"` instead.
   */
  line?: number;
  column?: number;
  /** Exclusive, as in SARIF. */
  endLine?: number;
  endColumn?: number;
  evidence: string[];
  /** Correlated steps, in the order a reader follows them (SARIF codeFlows). */
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
  /** The host a network finding names (lower case, `*` for parts computed at run time). */
  host?: string;
  /** Catalog vendor ids the finding names (`deepseek`, `anthropic`). */
  vendor?: string[];
  /** ISO 3166-1 alpha-2 countries of those vendors or regions (`CN`, `US`). */
  country?: string[];
  /** How a hidden value was decoded, e.g. `base64 -> xor 0x5b -> split ","`. */
  decodedFrom?: string;
  /** How many times the same rule reported this very span (merged duplicates); absent for 1. */
  count?: number;
  /**
   * How many places of the file the finding stands for when one finding is reported for many
   * (a host named the same way in 400 entries of a model table); the first are `related`.
   */
  places?: number;
  /** `config`: found in an assistant's settings, not its shipped code (absent for code). */
  source?: 'config';
  /** Config findings: the dotted key path in the file. */
  configKey?: string;
  /** Config findings: who put the setting there (project settings arrive with a clone). */
  scope?: ConfigScope;
  /** Config findings about an MCP server: its name, for policy `mcp` rules. */
  mcpServer?: string;
}

export interface ScanError {
  file: string;
  entry?: string;
  message: string;
}

/** Orders findings by where they are: line and column, or byte offset for the strings pass. */
export function byPosition(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.offset ?? 0) - (b.offset ?? 0);
}
