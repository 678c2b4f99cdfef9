// The scan worker (dist/worker.js): parsing happens here, never in the extension host.
// Started with a job, it runs that job, posts what it finds, and exits; started to serve,
// it stays and runs the quick jobs it is sent, one after the other (see worker/runner.ts);
// started as a pool worker, it scans the files it is sent, one at a time (worker/pool.ts).
import * as os from 'node:os';
import * as v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { handleJob, handlePoolRequest } from './core/worker/handlers';
import type { PoolReply, PoolRequest, WorkerJob } from './core/worker/protocol';
import type { ServedJob, ServedMessage } from './core/worker/runner';

if (!parentPort) throw new Error('dist/worker.js runs as a worker thread');
const port = parentPort;
const POOL_NICE = 10;
const serve = (workerData as { serve?: boolean | 'pool' }).serve;
if (serve === 'pool') {
  // Pool workers yield the CPU to the thread that started them (the editor's extension host,
  // the CLI's orchestration): on Linux a nice value is per thread. Refused elsewhere: no matter.
  try {
    os.setPriority(POOL_NICE);
  } catch {
    // not permitted or not supported
  }
  // A pool worker: one file per message (worker/pool.ts), answered when it is scanned.
  port.on('message', (request: PoolRequest) => {
    port.postMessage({ id: request.id, started: true } satisfies PoolReply);
    port.postMessage({ ...handlePoolRequest(request), heapMb: Math.round(v8.getHeapStatistics().total_heap_size / 1048576) });
  });
} else if (serve) {
  port.on('message', ({ id, job }: ServedJob) => handleJob(job, message => port.postMessage({ id, message } satisfies ServedMessage)));
} else {
  void handleJob(workerData as WorkerJob, message => port.postMessage(message));
}
