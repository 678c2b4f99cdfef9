// The scan worker (dist/worker.js): parsing happens here, never in the extension host.
// Started with a job, it runs that job, posts what it finds, and exits; started to serve,
// it stays and runs the quick jobs it is sent, one after the other (see worker/runner.ts);
// started as a pool worker, it scans the files it is sent, one at a time (worker/pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { handleJob, handlePoolRequest } from './core/worker/handlers';
import type { PoolReply, PoolRequest, WorkerJob } from './core/worker/protocol';
import type { ServedJob, ServedMessage } from './core/worker/runner';

if (!parentPort) throw new Error('dist/worker.js runs as a worker thread');
const port = parentPort;
const serve = (workerData as { serve?: boolean | 'pool' }).serve;
if (serve === 'pool') {
  // A pool worker: one file per message (worker/pool.ts), answered when it is scanned.
  port.on('message', (request: PoolRequest) => {
    port.postMessage({ id: request.id, started: true } satisfies PoolReply);
    port.postMessage(handlePoolRequest(request));
  });
} else if (serve) {
  port.on('message', ({ id, job }: ServedJob) => handleJob(job, message => port.postMessage({ id, message } satisfies ServedMessage)));
} else {
  void handleJob(workerData as WorkerJob, message => port.postMessage(message));
}
