// How many pool workers, and how much heap each: apart from the pool itself, so the editor's
// extension host can size an audit without loading the scanning code the pool names.
import * as os from 'node:os';

/** Workers: one per core (at least 1), as the issue of a 2-core laptop and a 64-core runner alike. */
export function defaultPoolSize(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Half the machine's memory shared by the workers, between 1 and 4 GB each. */
export function defaultWorkerMb(size: number): number {
  const share = Math.floor(os.totalmem() / 1024 / 1024 / 2 / Math.max(1, size));
  return Math.min(4096, Math.max(1024, share));
}
