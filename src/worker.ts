// The scan worker (dist/worker.js): parsing happens here, never in the extension host.
// Started with a job, it runs that job, posts what it finds, and exits; started to serve,
// it stays and runs the quick jobs it is sent, one after the other (see worker/runner.ts);
// started as a pool worker, it scans the files it is sent, one at a time (worker/pool.ts).
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { handleJob, handlePoolRequest, handleStorePart } from './core/worker/handlers';
import { inParts, type PoolReply, type PoolRequest, type WorkerJob } from './core/worker/protocol';
import type { ServedJob, ServedMessage } from './core/worker/runner';

if (!parentPort) throw new Error('dist/worker.js runs as a worker thread');
const port = parentPort;
const POOL_NICE = 10;
const serve = (workerData as { serve?: boolean | 'pool' }).serve;
if (serve === 'pool') {
  // Pool workers yield the CPU to the thread that started them (the editor's extension host,
  // the CLI's orchestration): on Linux a nice value is per thread. Only there: on macOS and
  // Windows the same call lowers the whole process, the extension host included.
  if (process.platform === 'linux') {
    try {
      os.setPriority(POOL_NICE);
    } catch {
      // not permitted
    }
  }
  // A large outcome (a cached binary's) goes in parts, so the receiving thread never clones it in one task.
  const postInParts = async (reply: PoolReply): Promise<void> => {
    if (!('outcome' in reply)) return port.postMessage(reply);
    const { head, last } = inParts(reply.outcome.findings);
    for (const part of head) {
      port.postMessage({ id: reply.id, part } satisfies PoolReply);
      await new Promise(next => setImmediate(next));
    }
    port.postMessage(head.length ? { ...reply, outcome: { ...reply.outcome, findings: last } } : reply);
  };
  // A pool worker: one file per message (worker/pool.ts), answered when it is scanned.
  port.on('message', (request: PoolRequest) => {
    if (request.kind === 'storePart') return handleStorePart(request);
    port.postMessage({ id: request.id, started: true } satisfies PoolReply);
    const reply = { ...handlePoolRequest(request), heapMb: Math.round(v8.getHeapStatistics().total_heap_size / 1048576) };
    void postInParts(reply);
  });
} else if (serve) {
  port.on('message', ({ id, job }: ServedJob) => handleJob(job, message => port.postMessage({ id, message } satisfies ServedMessage)));
} else {
  void handleJob(workerData as WorkerJob, message => port.postMessage(message));
}
