// Files scanned in a pool of worker threads: as many at once as there are workers, each file
// under a time budget and each worker under a heap limit. A file that exhausts either costs
// only its worker: the worker is terminated (or has died), the file gets an error entry
// saying why, and the next file goes to a fresh worker. The audit goes on.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FileOutcome } from '../scan/target';
import type { FileEntry } from '../scan/files';
import type { FileTask, ModuleTask, ParallelAuditOptions, PlanOptions } from '../audit';
import { DEFAULT_MAX_FILE_BYTES, type TargetSpec } from '../model';
import { failedPlan, type TargetPlan } from '../scan/target';
import type { BinarySplit, ModuleOutcome } from '../scan/binary';
import { inParts, type PoolReply, type PoolRequest, type RuleChoice } from './protocol';
import { ANSWER_NOTE } from './resultCache';
import { pruneWithNote } from './cachePrune';
import type { Finding } from '../model';

export interface PoolOptions {
  /** Workers, i.e. files scanned at once. */
  size: number;
  /** Heap limit of each worker, in MB. */
  maxWorkerMb: number;
  /** Time budget of one file, in ms. */
  budgetMs: (file: FileEntry) => number;
  /** Which rules run (the same in every worker). */
  rules: RuleChoice;
  /** Result cache the workers read and fill (see resultCache.ts); absent: none. */
  cacheDir?: string;
  /** JavaScript bytes scanned at once by all workers together (default MAX_BYTES_IN_FLIGHT; see `auditTargetsInParallel`). */
  maxBytesInFlight?: number;
  /** Young generation of each worker in MB (default YOUNG_GENERATION_MB). */
  youngGenerationMb?: number;
  /** false: a binary is one task, scanned whole by one worker; default: its modules are shared out (see `scan`). */
  split?: boolean;
}


/** Two minutes, plus ten seconds per MB: a 13 MB bundle takes about 10 s, a hostile 100 KB file should not take 2 minutes. */
export function defaultBudgetMs(file: FileEntry): number {
  return 120_000 + Math.ceil(file.size / (1024 * 1024)) * 10_000;
}

/**
 * Young generation of each worker, in MB. Parsing and walking allocate many short-lived
 * objects; with a worker's default young generation most of them were promoted and collected
 * by full GCs: Claude Code native 2.1.332 in 2 workers took 37.6 s wall, 66.6 s CPU and 1.3 GB;
 * with 192 MB, 26.4 s, 47.8 s CPU and 0.9 GB (48 MB: 30.3 s; 96 MB: 28.6 s), on 2 cores.
 * Measured again once the rules had grown (stop 59, same machine, runs taking turns): 192 MB
 * and 96 MB cost the same time within the machine's noise, and 96 MB holds less at the peak,
 * where one worker holds a 16 MB bundle's tree and the other its own work. Claude Code native:
 * 49.4 s and 92 CPU s both, 1,435 MB -> 1,206 MB. Claude Code native + Gemini CLI + Qwen Code
 * cold: 192 MB 103-118 s, 1,428-1,636 MB (3 runs); 96 MB 103-118 s, 1,239-1,402 MB (5 runs);
 * 64 MB 103 s, 1,261 MB.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * JavaScript scanned at once by all workers together. A 16 MB bundle's parse and walk take
 * about 700 MB of heap: two at once (Gemini CLI ships three) put the audit over 1.9 GB.
 * A worker passes over such a file for smaller ones while another is being scanned.
 */
const MAX_BYTES_IN_FLIGHT = 20 * 1024 * 1024;

/**
 * A worker whose heap holds more than this after a task is replaced: V8 keeps the pages a
 * large parse grew its heap to, so two workers that had each scanned a large bundle held up to
 * 2.2 GB between them (Gemini CLI 0.61.0 in 2 workers: peak RSS 1.6-2.2 GB with no limit). A
 * new worker starts with a small heap that the next large file grows again through many full
 * collections: at 512 MB the same audit took 80 s of CPU and 0.95 GB, at 1024 MB 72 s and
 * 1.2 GB (three runs each). A full collection instead of a new worker (the code stays compiled)
 * gave the memory back but cost as much: the regrowth is the cost, not the compiling.
 */
const RECYCLE_ABOVE_HEAP_MB = 1024;

/** A worker is replaced after scanning this much, so one long audit does not grow one heap for ever. */
const RECYCLE_AFTER_BYTES = 512 * 1024 * 1024;

interface PoolWorker {
  worker: Worker;
  scanned: number;
  /** The file being scanned; its timer starts when the worker takes it (a new worker first loads its code). */
  busy?: { id: number; answer(reply: Answer): void; fail(reason: string): void; budget: number; timer?: NodeJS.Timeout; /** Findings received ahead of the answer (see FINDINGS_PER_MESSAGE). */ parts: Finding[] };
  exitReason?: string;
}

type Answer = Exclude<PoolReply, { started: true } | { part: Finding[] }>;

export class ScanPool {
  /** Files answered from the result cache, and files scanned; the same for modules of split binaries. */
  readonly stats = { hits: 0, misses: 0, moduleHits: 0, moduleMisses: 0 };
  /** What the workers said about the cache (unusable entries, failed writes). */
  readonly notes: string[] = [];
  private readonly idle: PoolWorker[] = [];
  private readonly all = new Set<PoolWorker>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly options: PoolOptions,
  ) {}

  get size(): number {
    return this.options.size;
  }

  /**
   * Scans one file; resolves with its outcome or, when its worker failed, an error entry. A
   * binary whose modules can be read one by one is answered with its listing (`split`) unless
   * the pool was made with `split: false`: its modules then go to `scanModules`.
   */
  scan(task: Pick<FileTask, 'file' | 'plan'>): Promise<FileOutcome | { split: BinarySplit }> {
    return this.run<FileOutcome | { split: BinarySplit }>(
      { kind: 'file', file: task.file, target: task.plan.target, maxFileBytes: task.plan.maxFileBytes, ...(this.options.split === false ? {} : { split: true }) },
      this.options.budgetMs(task.file),
      reply => {
        if ('split' in reply) {
          if (this.options.cacheDir) this.stats.misses++;
          return { split: reply.split };
        }
        if (!('outcome' in reply)) return failed(task.file, 'the scan worker answered something else');
        if (this.options.cacheDir) this.stats[reply.cached ? 'hits' : 'misses']++;
        return reply.outcome;
      },
      reason => failed(task.file, reason),
    );
  }

  /** Scans some modules of a split binary, each under the budget of their size together. */
  scanModules(task: ModuleTask): Promise<ModuleOutcome[]> {
    const lost = (reason: string) => task.modules.map(m => failedModule(task.file, m.name, reason));
    return this.run<ModuleOutcome[]>(
      { kind: 'modules', file: task.file, target: task.plan.target, maxFileBytes: task.plan.maxFileBytes, modules: task.modules },
      this.options.budgetMs({ ...task.file, size: task.size }),
      reply => {
        if (!('modules' in reply)) return lost('the scan worker answered something else');
        this.stats.moduleHits += reply.hits;
        this.stats.moduleMisses += reply.misses;
        return reply.modules;
      },
      lost,
    );
  }

  /** Keeps a split binary's assembled outcome in the result cache (written by a worker, off this thread). */
  storeBinary(task: Pick<FileTask, 'file' | 'plan'>, key: string, outcome: FileOutcome): Promise<void> {
    if (!this.options.cacheDir) return Promise.resolve();
    const { head, last } = inParts(outcome.findings);
    const where = { file: task.file, target: task.plan.target, maxFileBytes: task.plan.maxFileBytes };
    return this.run<void>(
      { kind: 'store', ...where, key, outcome: { ...outcome, findings: last } },
      this.options.budgetMs({ ...task.file, size: 0 }),
      () => undefined,
      () => undefined,
      head.map(findings => ({ kind: 'storePart' as const, ...where, findings })),
    );
  }

  /** Plans a target in a worker: its folders walked and its manifest checked off this thread. */
  plan(spec: TargetSpec, options: PlanOptions): Promise<TargetPlan> {
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const root = { rel: '.', absPath: spec.root, size: 0 } as FileEntry;
    return this.run<TargetPlan>(
      { kind: 'plan', file: root, spec, target: { ownVendors: spec.ownVendors ?? [] }, maxFileBytes, ...(options.includeTests ? { includeTests: true } : {}) },
      this.options.budgetMs(root),
      reply => ('plan' in reply ? reply.plan : failedPlan(spec, 'not scanned: the scan worker answered something else')),
      reason => failedPlan(spec, `not scanned: ${reason}`),
    );
  }

  /** The scanners an audit (`auditTargetsInParallel`) takes from this pool. */
  scanners(): Pick<ParallelAuditOptions, 'scan' | 'scanModules' | 'storeBinary' | 'concurrency' | 'plan' | 'maxBytesInFlight'> {
    return {
      plan: (spec, options) => this.plan(spec, options),
      scan: task => this.scan(task),
      scanModules: task => this.scanModules(task),
      storeBinary: (task, key, outcome) => this.storeBinary(task, key, outcome),
      concurrency: this.size,
      maxBytesInFlight: this.options.maxBytesInFlight ?? MAX_BYTES_IN_FLIGHT,
    };
  }

  /** Sends a request (after its `leading` parts, each a turn of the event loop apart) to an idle or new worker. */
  private run<T>(request: Omit<PoolRequest, 'id' | 'rules' | 'cacheDir'>, budget: number, answer: (reply: Answer) => T, fail: (reason: string) => T, leading: ReadonlyArray<Omit<PoolRequest, 'id' | 'rules'>> = []): Promise<T> {
    if (this.closed) return Promise.resolve(fail('the audit was stopped'));
    const w = this.idle.pop() ?? this.start();
    const id = this.nextId++;
    return new Promise<T>(resolve => {
      w.busy = { id, budget, parts: [], answer: reply => resolve(answer(reply)), fail: reason => resolve(fail(reason)) };
      const answersDir = this.answersDir();
      const full: PoolRequest = { ...request, id, rules: this.options.rules, ...(this.options.cacheDir ? { cacheDir: this.options.cacheDir } : {}), ...(answersDir ? { answersDir } : {}) };
      void (async () => {
        for (const part of leading) {
          w.worker.postMessage({ ...part, id, rules: this.options.rules });
          await new Promise(next => setImmediate(next));
        }
        w.worker.postMessage(full);
      })();
    });
  }

  /** Stops every worker; files being scanned resolve with an error entry. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map(w => w.worker.terminate()));
    if (this.options.cacheDir) {
      // The cache is kept to its size once the workers that write it have stopped.
      const note = await pruneWithNote(this.options.cacheDir);
      if (note) this.notes.push(note);
    }
    if (this.ownAnswersDir) {
      try {
        fs.rmSync(this.ownAnswersDir, { recursive: true, force: true });
      } catch (e) {
        // The audit's result stands; only a temporary folder is left behind, and said so.
        this.notes.push(`${ANSWER_NOTE}could not remove ${this.ownAnswersDir}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /**
   * Where the workers share their answers about programs' modules (scan/imports.ts): the result
   * cache, or without one a folder of this pool's own, removed when it closes (answers worked
   * out in this audit are not kept for the next).
   */
  private answersDir(): string | undefined {
    if (this.options.cacheDir) return this.options.cacheDir;
    if (this.ownAnswersDir === undefined) {
      try {
        this.ownAnswersDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-tool-audit-answers-'));
      } catch (e) {
        // Each worker then works its answers out alone, as before there was a store.
        this.notes.push(`${ANSWER_NOTE}no folder to share them in (${e instanceof Error ? e.message : String(e)}): each worker works them out itself`);
        this.ownAnswersDir = null;
      }
    }
    return this.ownAnswersDir ?? undefined;
  }

  /** Undefined: not made yet; null: could not be made. */
  private ownAnswersDir?: string | null;

  private start(): PoolWorker {
    const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: this.options.maxWorkerMb, maxYoungGenerationSizeMb: this.options.youngGenerationMb ?? YOUNG_GENERATION_MB };
    const worker = new Worker(this.script, { workerData: { serve: 'pool' }, resourceLimits });
    const w: PoolWorker = { worker, scanned: 0 };
    this.all.add(w);
    worker.on('message', (reply: PoolReply) => {
      const busy = w.busy;
      if (!busy || reply.id !== busy.id) return;
      if ('part' in reply) {
        busy.parts.push(...reply.part);
        return;
      }
      if ('started' in reply) {
        busy.timer = setTimeout(() => {
          w.exitReason = `over its time budget of ${formatSeconds(busy.budget)}`;
          void w.worker.terminate();
        }, busy.budget);
        return;
      }
      clearTimeout(busy.timer);
      w.busy = undefined;
      if ('outcome' in reply && busy.parts.length) reply = { ...reply, outcome: { ...reply.outcome, findings: [...busy.parts, ...reply.outcome.findings] } };
      if (reply.notes) this.notes.push(...reply.notes);
      if ('outcome' in reply && !reply.cached) w.scanned += reply.outcome.bytesScanned;
      if ('modules' in reply) w.scanned += reply.modules.reduce((n, m) => n + m.bytesScanned, 0);
      busy.answer(reply);
      if (w.scanned > RECYCLE_AFTER_BYTES || (reply.heapMb ?? 0) > RECYCLE_ABOVE_HEAP_MB || this.closed) this.retire(w);
      else this.idle.push(w);
    });
    worker.on('error', e => {
      w.exitReason ??= (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the scan worker ran out of memory (limit ${this.options.maxWorkerMb} MB)` : `the scan worker failed: ${e.message}`;
    });
    worker.on('exit', code => {
      this.all.delete(w);
      const at = this.idle.indexOf(w);
      if (at >= 0) this.idle.splice(at, 1);
      const busy = w.busy;
      if (!busy) return;
      clearTimeout(busy.timer);
      w.busy = undefined;
      busy.fail(w.exitReason ?? (this.closed ? 'the audit was stopped' : `the scan worker exited with code ${code}`));
    });
    return w;
  }

  private retire(w: PoolWorker): void {
    this.all.delete(w);
    void w.worker.terminate();
  }
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)} s` : `${Math.round(ms / 1000)} s`;
}

function failed(file: Pick<FileEntry, 'rel'>, reason: string): FileOutcome {
  return { findings: [], errors: [{ file: file.rel, message: `not scanned: ${reason}; the rest of the audit went on` }], filesScanned: 0, bytesScanned: 0 };
}

function failedModule(file: Pick<FileEntry, 'rel'>, entry: string, reason: string): ModuleOutcome {
  return { findings: [], errors: [{ file: file.rel, entry, message: `not scanned: ${reason}; the rest of the binary was scanned` }], bytesScanned: 0 };
}
