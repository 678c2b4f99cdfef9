// What the extension host and the scan worker say to each other. Plain data only: it
// crosses a worker_threads boundary by structured clone.
import type { Finding, TargetResult } from '../model';
import type { TargetSpec } from '../model';
import type { DiscoverOptions, Discovery } from '../discovery';
import type { RunningExtension } from '../discovery/running';
import type { ReadableContext } from '../print/readableContext';
import type { FileEntry } from '../scan/files';
import type { FileOutcome, TargetPlan } from '../scan/target';
import type { BinarySplit, ModuleOutcome, SplitModule } from '../scan/binary';
import type { TargetContext } from '../rules/types';
import type { ConfigSources } from '../config/types';

/** Find the installed assistants, plus the AI extensions the running editor reports. */
export interface DiscoverJob {
  kind: 'discover';
  options: DiscoverOptions;
  running?: { extensions: RunningExtension[]; editor: string };
}

/** Scan these targets, one after the other, reporting each as soon as it is done. */
export interface AuditJob {
  kind: 'audit';
  targets: TargetSpec[];
  /** Rule or correlation ids whose findings are not wanted. */
  disabledRules?: string[];
  maxFileBytes?: number;
  /** Scan the files in a pool of workers started from `script` (dist/worker.js); absent: one by one in this worker. */
  pool?: PoolSettings;
  /** Reuse and keep per-file results here (see worker/resultCache.ts); pool audits only. */
  cacheDir?: string;
  /** Also read the assistants' own settings here, before the code (a `config` message). */
  config?: ConfigSources;
}

/** Read the assistants' own settings again (a settings file changed): a `config` message. */
export interface ConfigJob {
  kind: 'config';
  sources: ConfigSources;
  disabledRules?: string[];
}

export interface PoolSettings {
  script: string;
  size: number;
  /** Heap limit per worker in MB (default: see worker/pool.ts). */
  maxWorkerMb?: number;
  /** Time budget per file in ms (default: two minutes plus ten seconds per MB). */
  fileBudgetMs?: number;
}

/** Which rules run: a `--rules` selection or the editor's disabled rules, as ids. */
export interface RuleChoice {
  only?: string[];
  disabled?: string[];
}

/** One file for a pool worker (see worker/pool.ts). */
export interface PoolRequest {
  id: number;
  /** file (default): scan a file, or list a binary's modules when `split`; modules: scan these modules of a listed binary; store: keep a split binary's assembled outcome in the cache. */
  kind?: 'file' | 'modules' | 'store' | 'storePart' | 'plan';
  file: FileEntry;
  target: TargetContext;
  maxFileBytes: number;
  rules: RuleChoice;
  /** The result cache the worker reads and fills (hashing the file there, off the main thread). */
  cacheDir?: string;
  /** Where the workers share what they worked out about a program's modules (the cache, or a folder of this audit's own). */
  answersDir?: string;
  /** Answer a binary whose modules can be read one by one with its listing (`split`) instead of scanning it. */
  split?: boolean;
  /** kind modules: which ones. */
  modules?: SplitModule[];
  /** kind plan: the target to plan (its files collected, its manifest checked), and whether test folders count. */
  spec?: TargetSpec;
  includeTests?: boolean;
  /** kind store: the key and the outcome (its findings, when many, sent before it as storePart messages of the same id). */
  key?: string;
  outcome?: FileOutcome;
  /** kind storePart: some of the findings of the store request of the same id, in order. */
  findings?: Finding[];
}

/**
 * Findings sent in one message at most: a binary's assembled outcome (3,000 findings, 2 MB)
 * cloned in one message took the sending or receiving thread 30-45 ms; an editor host's event
 * loop must not stall that long. Larger lists go in parts, a turn of the event loop apart.
 */
export const FINDINGS_PER_MESSAGE = 400;

/** A list cut into messages of FINDINGS_PER_MESSAGE: the parts sent ahead, and the last one. */
export function inParts<T>(items: readonly T[]): { head: T[][]; last: T[] } {
  const head: T[][] = [];
  let at = 0;
  for (; items.length - at > FINDINGS_PER_MESSAGE; at += FINDINGS_PER_MESSAGE) head.push(items.slice(at, at + FINDINGS_PER_MESSAGE));
  return { head, last: items.slice(at) };
}

/**
 * `started` when the worker takes the file (the time budget counts from there), then its
 * outcome, a binary's listing, or its modules' outcomes, with the size of the worker's heap
 * after it (`heapMb`: the pool replaces a worker that holds much).
 */
export type PoolReply =
  | { id: number; started: true }
  /** Some findings of the outcome that follows with the same id, in order (see FINDINGS_PER_MESSAGE). */
  | { id: number; part: Finding[] }
  | PoolAnswer;

type PoolAnswer = (
  | { id: number; outcome: FileOutcome; cached?: boolean; notes?: string[] }
  | { id: number; split: BinarySplit; notes?: string[] }
  | { id: number; modules: ModuleOutcome[]; hits: number; misses: number; notes?: string[] }
  | { id: number; stored: true; notes?: string[] }
  | { id: number; plan: TargetPlan; notes?: string[] }
) & { heapMb?: number };

/** Reprint the code around one finding (see print/readableContext.ts). */
export interface ContextJob {
  kind: 'context';
  /** Absolute target root; `file` is relative to it (the binary's path when `entry` is set). */
  root: string;
  file: string;
  entry?: string;
  ruleId: string;
  /** The finding's fingerprint, to tell whether the file changed since the audit. */
  fingerprint?: string;
  span: { start: number; end: number };
  functionRange?: [number, number];
  /** Steps of a correlated finding in the same file, by 1-based line and column. */
  related?: Array<{ line: number; column: number; endLine?: number; endColumn?: number; message: string }>;
}

/** The text of a module embedded in an executable. */
export interface ModuleJob {
  kind: 'module';
  /** Absolute path of the executable. */
  binary: string;
  entry: string;
}

export type WorkerJob = DiscoverJob | AuditJob | ContextJob | ModuleJob | ConfigJob;

/** Where the reprinted part sits in the file: 1-based line and UTF-16 column. */
export interface SourcePoint {
  line: number;
  column: number;
}

export interface ContextReply extends ReadableContext {
  shownFrom: SourcePoint;
  /** The flagged text no longer hashes to the finding's fingerprint: the file changed. */
  stale: boolean;
  readMs: number;
}

export type WorkerMessage =
  | { type: 'discovered'; discovery: Discovery }
  | { type: 'file'; index: number; file: string; size: number }
  | { type: 'target'; index: number; result: TargetResult; ms: number }
  | { type: 'context'; reply: ContextReply }
  | { type: 'module'; text: string }
  /** Every configuration target, and every file or folder the readers would read (to watch). */
  | { type: 'config'; results: TargetResult[]; candidates: string[] }
  | { type: 'failed'; message: string }
  | { type: 'note'; message: string }
  | { type: 'done' };
