// How the CLI runs an audit: files in a pool of worker threads (dist/worker.js beside
// dist/cli.js), one per core by default, so that a file that exhausts its time budget or its
// worker's heap costs only itself; `--jobs 1` scans in this process, one file after another.
// Results of files whose bytes were scanned before by this build come from the cache.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TargetResult, TargetSpec } from '../core/model';
import { auditTargets, auditTargetsInParallel, selectRules, type AuditOptions, type FileScanner } from '../core/audit';
import { scanFile } from '../core/scan/target';
import { ANSWER_NOTE, defaultResultCacheDir, ResultCache } from '../core/worker/resultCache';
import { CACHE_NOTE, pruneWithNote } from '../core/worker/cachePrune';
import { printable } from '../core/text/safeText';
import { plural } from '../core/text/format';
import { defaultBudgetMs, ScanPool } from '../core/worker/pool';
import { defaultPoolSize, defaultWorkerMb } from '../core/worker/poolSize';
import type { RuleChoice } from '../core/worker/protocol';
import { UsageError } from './args';

export const POOL_HELP = `  --jobs N            scan N files at once in worker threads (default: one per
                      core, here ${defaultPoolSize()}); 1 scans in this process
  --file-timeout S    give up on a file after S seconds (default: 120 plus 10 per MB);
                      it gets an error entry and the audit goes on
  --max-worker-mb N   heap limit of each worker in MB (default: ${defaultWorkerMb(defaultPoolSize())} here); a file that
                      needs more gets an error entry and the audit goes on

  --no-cache          scan every file again instead of reusing the results of earlier
                      audits of the same bytes (kept in ${defaultResultCacheDir()})`;

export const POOL_VALUES = ['jobs', 'file-timeout', 'max-worker-mb'];
export const POOL_FLAGS = ['no-cache'];

export interface PoolChoice {
  jobs: number;
  fileTimeoutMs?: number;
  maxWorkerMb?: number;
  /** Where earlier results are kept; undefined: no cache. */
  cacheDir?: string;
}

export function poolChoice(values: Map<string, string>, flags: Set<string>): PoolChoice {
  const positive = (name: string, integer: boolean): number | undefined => {
    const v = values.get(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} takes a positive ${integer ? 'whole ' : ''}number`);
    return n;
  };
  const timeout = positive('file-timeout', false);
  return {
    jobs: positive('jobs', true) ?? defaultPoolSize(),
    ...(timeout !== undefined ? { fileTimeoutMs: timeout * 1000 } : {}),
    ...(values.has('max-worker-mb') ? { maxWorkerMb: positive('max-worker-mb', true) } : {}),
    ...(flags.has('no-cache') ? {} : { cacheDir: defaultResultCacheDir() }),
  };
}

/** The worker bundle shipped beside this one; absent when the CLI runs from a transpiled copy. */
function workerScript(): string | undefined {
  const script = path.join(__dirname, 'worker.js');
  return fs.existsSync(script) ? script : undefined;
}

export async function runAudit(specs: readonly TargetSpec[], options: Omit<AuditOptions, 'onFileDone'> & { rules: RuleChoice }, choice: PoolChoice): Promise<TargetResult[]> {
  const script = workerScript();
  // Several workers, or one on its own when a time or heap limit was asked for.
  const pooled = script && (choice.jobs > 1 || choice.fileTimeoutMs !== undefined || choice.maxWorkerMb !== undefined);
  const problems: string[] = [];
  // In a pool the workers own the cache (they hash and read it off this thread); here, this one does.
  const cache = choice.cacheDir && !pooled ? new ResultCache(choice.cacheDir, options.rules, m => problems.push(m)) : undefined;
  if (!pooled && !cache) return auditTargets(specs, options);
  const pool = pooled
    ? new ScanPool(script, {
        size: choice.jobs,
        maxWorkerMb: choice.maxWorkerMb ?? defaultWorkerMb(choice.jobs),
        budgetMs: choice.fileTimeoutMs !== undefined ? () => choice.fileTimeoutMs! : defaultBudgetMs,
        rules: options.rules,
        ...(choice.cacheDir ? { cacheDir: choice.cacheDir } : {}),
      })
    : undefined;
  const selection = options.selection ?? selectRules(options.rules);
  const here: FileScanner = async task => scanFile(task.file, { rules: selection.rules, keep: selection.keep, target: task.plan.target, maxFileBytes: task.plan.maxFileBytes });
  try {
    if (pool) return await auditTargetsInParallel(specs, { ...options, selection, ...pool.scanners() });
    return await auditTargetsInParallel(specs, { ...options, selection, concurrency: 1, scan: cache ? cache.around(here) : here });
  } finally {
    await pool?.close();
    const notes = [...(pool?.notes ?? [])];
    // In a pool, closing it keeps the cache to its size; here, this thread does.
    const pruned = cache && choice.cacheDir ? await pruneWithNote(choice.cacheDir) : undefined;
    if (pruned) notes.push(pruned);
    const answers: string[] = [];
    for (const m of notes) {
      if (m.startsWith(CACHE_NOTE)) process.stderr.write(`note: ${printable(m)}\n`);
      else if (m.startsWith(ANSWER_NOTE)) answers.push(m);
      else problems.push(m);
    }
    if (answers.length) process.stderr.write(`note: ${plural(answers.length, 'problem')} with the answers about other modules, worked out again where needed; first: ${printable(answers[0].slice(ANSWER_NOTE.length))}\n`);
    if (problems.length) process.stderr.write(`note: ${plural(problems.length, 'cached result')} ${problems.length === 1 ? 'was' : 'were'} not used and the files were scanned again; first: ${printable(problems[0])}\n`);
  }
}
