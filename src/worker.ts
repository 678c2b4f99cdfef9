// The scan worker (dist/worker.js): parsing happens here, never in the extension host.
// It runs the one job it was started with, posts what it finds, and exits.
import { parentPort, workerData } from 'node:worker_threads';
import { handleJob } from './core/worker/handlers';
import type { WorkerJob } from './core/worker/protocol';

if (!parentPort) throw new Error('dist/worker.js runs as a worker thread');
const port = parentPort;
handleJob(workerData as WorkerJob, message => port.postMessage(message));
