// The scan worker (dist/worker.js): parsing happens here, never in the extension host.
// Started with a job, it runs that job, posts what it finds, and exits; started to serve,
// it stays and runs the quick jobs it is sent, one after the other (see worker/runner.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { handleJob } from './core/worker/handlers';
import type { WorkerJob } from './core/worker/protocol';
import type { ServedJob, ServedMessage } from './core/worker/runner';

if (!parentPort) throw new Error('dist/worker.js runs as a worker thread');
const port = parentPort;
if ((workerData as { serve?: boolean }).serve) {
  port.on('message', ({ id, job }: ServedJob) => handleJob(job, message => port.postMessage({ id, message } satisfies ServedMessage)));
} else {
  handleJob(workerData as WorkerJob, message => port.postMessage(message));
}
