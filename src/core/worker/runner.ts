// Runs jobs in worker_threads so that the extension host never parses. Audits and discovery
// get a worker of their own: cancelling terminates it (the only way to stop a synchronous
// parse), and a worker that dies takes only its own job with it. Quick jobs (the readable
// context of one finding, a module's text) share one warm worker, so a click does not wait
// for a thread to start; it exits after a minute without work.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage } from './protocol';

export interface JobOutcome {
  /** done: the job ran to its end; cancelled: stopped on request; crashed: the worker died. */
  status: 'done' | 'cancelled' | 'crashed';
  /** Why it crashed, or what the job reported as failed. */
  error?: string;
}

export interface RunOptions {
  onMessage?: (message: WorkerMessage) => void;
  signal?: AbortSignal;
}

/** What a warm worker is sent, and what it answers: each message tagged with its job. */
export interface ServedJob {
  id: number;
  job: WorkerJob;
}
export interface ServedMessage {
  id: number;
  message: WorkerMessage;
}

const QUICK_JOBS = new Set<WorkerJob['kind']>(['context', 'module', 'config']);
const WARM_IDLE_MS = 60_000;

interface Pending {
  options: RunOptions;
  error?: string;
  finish(outcome: JobOutcome): void;
}

export class WorkerRunner {
  private readonly live = new Set<Worker>();
  private warm: { worker: Worker; pending: Map<number, Pending>; idle?: NodeJS.Timeout } | undefined;
  private nextId = 1;

  /** `script` is the built worker (dist/worker.js). */
  constructor(
    readonly script: string,
    private readonly resourceLimits?: ResourceLimits,
  ) {}

  /** Workers of audits and discoveries that have not exited yet (the warm worker aside). */
  get liveWorkers(): number {
    return this.live.size;
  }

  /** Resolves when the job is over; a cancelled job's worker has exited by then. */
  run(job: WorkerJob, options: RunOptions = {}): Promise<JobOutcome> {
    if (options.signal?.aborted) return Promise.resolve({ status: 'cancelled' });
    return QUICK_JOBS.has(job.kind) ? this.runWarm(job, options) : this.runOwn(job, options);
  }

  /** The thread id of the warm worker, while there is one. */
  get warmThreadId(): number | undefined {
    return this.warm?.worker.threadId;
  }

  /** Stops the warm worker, failing whatever it was doing. */
  dispose(): void {
    if (this.warm) this.retire(this.warm);
  }

  private runOwn(job: WorkerJob, options: RunOptions): Promise<JobOutcome> {
    return new Promise(resolve => {
      const worker = new Worker(this.script, { workerData: job, resourceLimits: this.resourceLimits });
      this.live.add(worker);
      let done = false;
      let cancelled = false;
      let error: string | undefined;
      const abort = () => {
        cancelled = true;
        void worker.terminate();
      };
      options.signal?.addEventListener('abort', abort, { once: true });
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') done = true;
        else if (message.type === 'failed') error = message.message;
        if (!cancelled) options.onMessage?.(message);
      });
      worker.on('error', e => {
        error = describeWorkerError(e);
      });
      worker.on('exit', code => {
        this.live.delete(worker);
        options.signal?.removeEventListener('abort', abort);
        if (cancelled) resolve({ status: 'cancelled' });
        else if (done) resolve({ status: 'done', ...(error ? { error } : {}) });
        else resolve({ status: 'crashed', error: error ?? `the scan worker exited with code ${code}` });
      });
    });
  }

  private runWarm(job: WorkerJob, options: RunOptions): Promise<JobOutcome> {
    const warm = this.warmWorker();
    clearTimeout(warm.idle);
    const id = this.nextId++;
    return new Promise(resolve => {
      const abort = () => {
        pending.finish({ status: 'cancelled' });
        this.retire(warm);
      };
      const pending: Pending = {
        options,
        finish: outcome => {
          if (!warm.pending.delete(id)) return;
          options.signal?.removeEventListener('abort', abort);
          if (warm.pending.size === 0) warm.idle = setTimeout(() => this.retire(warm), WARM_IDLE_MS).unref();
          resolve(outcome);
        },
      };
      warm.pending.set(id, pending);
      options.signal?.addEventListener('abort', abort, { once: true });
      warm.worker.postMessage({ id, job } satisfies ServedJob);
    });
  }

  /** Stops a warm worker; jobs that come after go to a new one. */
  private retire(warm: NonNullable<WorkerRunner['warm']>): void {
    if (this.warm === warm) this.warm = undefined;
    void warm.worker.terminate();
  }

  private warmWorker(): NonNullable<WorkerRunner['warm']> {
    if (this.warm) return this.warm;
    const worker = new Worker(this.script, { workerData: { serve: true }, resourceLimits: this.resourceLimits });
    worker.unref();
    const warm = { worker, pending: new Map<number, Pending>() } as NonNullable<WorkerRunner['warm']>;
    let crash: string | undefined;
    worker.on('message', ({ id, message }: ServedMessage) => {
      const pending = warm.pending.get(id);
      if (!pending) return;
      if (message.type === 'failed') pending.error = message.message;
      if (message.type === 'done') pending.finish({ status: 'done', ...(pending.error ? { error: pending.error } : {}) });
      else pending.options.onMessage?.(message);
    });
    worker.on('error', e => {
      crash = describeWorkerError(e);
    });
    worker.on('exit', code => {
      if (this.warm === warm) this.warm = undefined;
      clearTimeout(warm.idle);
      for (const pending of [...warm.pending.values()]) pending.finish({ status: 'crashed', error: crash ?? `the scan worker exited with code ${code}` });
    });
    this.warm = warm;
    return warm;
  }
}

function describeWorkerError(e: Error): string {
  if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the scan worker ran out of memory';
  return e.message;
}
