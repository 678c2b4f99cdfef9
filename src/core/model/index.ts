// The plain data that flows from discovery through scanning to views, reports and policy.
// Everything here must survive JSON.stringify and a worker_threads boundary: no classes, no ASTs.
import type { PolicyReport } from '../policy/types';

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

/** How the code in a native file was read: embedded JS (Bun, Node SEA) or printable strings. */
export type BinaryFormat = 'bun' | 'node-sea' | 'strings';
export type BinaryContainer = 'elf' | 'mach-o' | 'pe' | 'wasm';
export type BinaryKind = 'executable' | 'shared-library' | 'node-addon' | 'wasm';
export type ModuleLanguage = 'js' | 'json' | 'wasm' | 'native' | 'archive' | 'snapshot' | 'other';

/** A source map that maps a module back to original files; read by a later issue. */
export type SourceMapInfo =
  | { kind: 'embedded'; size: number }
  | { kind: 'inline' }
  | { kind: 'reference'; url: string; shipped: boolean };

/** A file embedded in a binary: a Bun module, a SEA main script or asset, an archive entry. */
export interface EmbeddedModule {
  /** As the runtime names it: `/$bunfs/root/cli.js`, `sea-loader.js`, `copilot.tgz!/package/app.js`. */
  name: string;
  /** Bytes in the binary (uncompressed bytes for archive entries). */
  size: number;
  language: ModuleLanguage;
  encoding?: 'latin1' | 'utf8' | 'utf16le' | 'binary';
  /** Module format declared by the runtime. */
  format?: 'esm' | 'cjs';
  entryPoint?: boolean;
  /** Precompiled bytecode ships beside the source. */
  bytecode?: boolean;
  sourceMap?: SourceMapInfo;
}

/** Native code shipped in a target: executables, `.node` addons, `.wasm`. */
export interface NativeBinary {
  /** Relative to the target root. */
  file: string;
  format: BinaryFormat;
  container: BinaryContainer;
  kind: BinaryKind;
  size: number;
  modules: EmbeddedModule[];
  /** Runtime options baked into the binary (Bun `--compile-exec-argv`, SEA `execArgv`). */
  execArgv?: string[];
  /** Node SEA: V8 code cache / startup snapshot shipped instead of (or beside) source. */
  codeCache?: boolean;
  snapshot?: boolean;
  /** Strings pass: how many printable strings were read. */
  strings?: number;
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
  /** Native files found under the root, with the modules read out of them. */
  binaries?: NativeBinary[];
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

/** Orders findings by where they are: line and column, or byte offset for the strings pass. */
export function byPosition(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.offset ?? 0) - (b.offset ?? 0);
}
