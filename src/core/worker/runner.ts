// Runs jobs in worker_threads so that the extension host never parses. One worker per job:
// cancelling terminates it (the only way to stop a synchronous parse), and a worker that
// dies takes only its own job with it.
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

export class WorkerRunner {
  private readonly live = new Set<Worker>();

  /** `script` is the built worker (dist/worker.js). */
  constructor(
    private readonly script: string,
    private readonly resourceLimits?: ResourceLimits,
  ) {}

  /** Workers that have not exited yet. */
  get liveWorkers(): number {
    return this.live.size;
  }

  /** Resolves when the worker has exited, so a cancelled job has really stopped. */
  run(job: WorkerJob, options: RunOptions = {}): Promise<JobOutcome> {
    return new Promise(resolve => {
      if (options.signal?.aborted) {
        resolve({ status: 'cancelled' });
        return;
      }
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
}

function describeWorkerError(e: Error): string {
  if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return 'the scan worker ran out of memory';
  return e.message;
}
