// How many pool workers, and how much heap each: apart from the pool itself, so the editor's
// extension host can size an audit without loading the scanning code the pool names.
import * as os from 'node:os';

/** Workers: one per core (at least 1), as the issue of a 2-core laptop and a 64-core runner alike. */
export function defaultPoolSize(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Half the machine's memory shared by the workers, between 1 and 1.5 GB each. The limit also
 * sets how far V8 lets a heap grow before it collects: with 2 GB or more, up to 4 times what is
 * live, below that less. Scanning one file needs at most about 1 GB live (Qodo's 35 MB
 * obfuscated bundle, parsed twice; a 64 MB file is analysed in parts), yet with a 4 GB limit a
 * worker reached 2.2 GB of RSS on that bundle and 1.6 GB on a 64 MB file; with 1.5 GB, 1.6 and
 * 1.0 GB.
 */
export function defaultWorkerMb(size: number): number {
  const share = Math.floor(os.totalmem() / 1024 / 1024 / 2 / Math.max(1, size));
  return Math.min(MAX_WORKER_MB, Math.max(1024, share));
}

/** The default heap limit of a worker on a machine with memory to spare (see defaultWorkerMb). */
export const MAX_WORKER_MB = 1536;
