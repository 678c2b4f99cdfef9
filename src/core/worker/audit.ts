// An audit of many targets in a worker, reported target by target. If the worker dies (out
// of memory on a hostile file, say), the target it was scanning gets an error entry and the
// targets after it go on in a fresh worker.
import type { TargetResult } from '../model';
import { emptyResult } from '../model';
import { targetRoot } from '../discovery/pathTarget';
import type { AuditJob } from './protocol';
import type { WorkerRunner } from './runner';

export interface AuditEvents {
  /** `index` is the target's place in the job. */
  onFile?(index: number, file: string, size: number): void;
  onTarget?(index: number, result: TargetResult, ms: number): void;
  /** Something for the log: the result cache's counts, an unusable cache entry. */
  onNote?(message: string): void;
  /** The assistants' settings, when the job asked for them (`config`). */
  onConfig?(results: TargetResult[], candidates: string[]): void;
}

export interface AuditOutcome {
  status: 'done' | 'cancelled';
  /** Workers that died on the way, with the reason. */
  crashes: string[];
}

export async function runAudit(runner: WorkerRunner, job: AuditJob, events: AuditEvents, signal?: AbortSignal): Promise<AuditOutcome> {
  const crashes: string[] = [];
  let remaining = job.targets.map((_, i) => i);
  // The settings are read by the first worker only: if it dies before reporting them, reading
  // them is what killed it, and the targets after it must not die the same way.
  let config = job.config;
  while (remaining.length || config) {
    const batch = remaining;
    const withConfig = config;
    config = undefined;
    const finished = new Set<number>();
    let lastFile: string | undefined;
    const outcome = await runner.run(
      { ...job, targets: batch.map(i => job.targets[i]), config: withConfig },
      {
        signal,
        onMessage: m => {
          if (m.type === 'file') {
            lastFile = m.file;
            events.onFile?.(batch[m.index], m.file, m.size);
          } else if (m.type === 'target') {
            finished.add(batch[m.index]);
            events.onTarget?.(batch[m.index], m.result, m.ms);
          } else if (m.type === 'note') {
            events.onNote?.(m.message);
          } else if (m.type === 'config') {
            events.onConfig?.(m.results, m.candidates);
          }
        },
      },
    );
    if (outcome.status === 'cancelled') return { status: 'cancelled', crashes };
    if (outcome.status === 'done') {
      if (outcome.error) crashes.push(outcome.error);
      // A job that failed and still said done: every target without a result gets one, so
      // that none stays "scanning…" in the view.
      for (const i of batch) {
        if (finished.has(i)) continue;
        const result = emptyResult(job.targets[i], targetRoot(job.targets[i]));
        result.errors.push({ file: '.', message: `not scanned: ${outcome.error ?? 'the scan worker ended without a result for this target'}` });
        events.onTarget?.(i, result, 0);
      }
      return { status: 'done', crashes };
    }
    const lost = batch.find(i => !finished.has(i));
    if (lost === undefined) return { status: 'done', crashes };
    const reason = outcome.error ?? 'the scan worker stopped';
    crashes.push(reason);
    const result = emptyResult(job.targets[lost], targetRoot(job.targets[lost]));
    result.errors.push({ file: lastFile ?? '.', message: `scan stopped: ${reason}; the rest of this target was not scanned` });
    events.onTarget?.(lost, result, 0);
    remaining = batch.filter(i => !finished.has(i) && i !== lost);
  }
  return { status: 'done', crashes };
}
