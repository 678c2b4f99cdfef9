// Keeps the result cache (and the answers kept beside it) to a size: after an audit, the entries
// used least recently go once the folder holds more than the cap, and the temporary files of a
// writer that was killed between its write and its rename go once they are old enough that no
// writer can still be busy with them. Asynchronous, one file at a time: an editor's host that
// closes a pool keeps answering while the folder is walked.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** How notes about keeping the cache to its size begin (the CLI prints them on their own line). */
export const CACHE_NOTE = 'result cache: ';

/** What the cache may hold before entries are removed: about 15 audits of Claude Code, Gemini CLI and Qwen Code (37 MB each). */
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/** Pruned down to this share of the cap, so that the next audits do not each walk and prune again. */
const PRUNE_TO = 0.8;
/** A `.tmp` file older than this belongs to no writer at work (a write and its rename take milliseconds). */
export const STALE_TMP_MS = 60 * 60 * 1000;
/**
 * An entry's time is refreshed when it is used, at most this often (a stat per hit, a write
 * once a day): the time pruning goes by is when an entry was last used, not when it was made.
 */
export const TOUCH_AFTER_MS = 24 * 60 * 60 * 1000;

export interface PruneReport {
  /** Entries removed because the folder held more than the cap, and the bytes they held. */
  removed: number;
  freedBytes: number;
  /** Temporary files of killed writers removed. */
  leftovers: number;
  /** Bytes the entries kept hold. */
  keptBytes: number;
  /** Files that could not be read or removed (another process, permissions): left as they are. */
  failed: number;
}

interface Entry {
  file: string;
  size: number;
  usedMs: number;
}

/** Prunes `dir` (see the file's comment). A folder that is not there is an empty cache. */
export async function pruneCache(dir: string, options: { maxBytes?: number; now?: number } = {}): Promise<PruneReport> {
  const maxBytes = options.maxBytes ?? MAX_CACHE_BYTES;
  const now = options.now ?? Date.now();
  const report: PruneReport = { removed: 0, freedBytes: 0, leftovers: 0, keptBytes: 0, failed: 0 };
  const entries: Entry[] = [];
  const folders = [dir];
  while (folders.length) {
    const folder = folders.pop()!;
    let names: fs.Dirent[];
    try {
      names = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') report.failed++;
      continue;
    }
    for (const d of names) {
      const file = path.join(folder, d.name);
      // Links are not followed: the cache writes none, and one planted there must not make the prune remove files elsewhere.
      if (d.isDirectory()) {
        folders.push(file);
        continue;
      }
      if (!d.isFile()) continue;
      let stat: fs.Stats;
      try {
        stat = await fs.promises.stat(file);
      } catch {
        report.failed++;
        continue;
      }
      if (d.name.endsWith('.tmp')) {
        if (now - stat.mtimeMs > STALE_TMP_MS && (await removed(file, report))) report.leftovers++;
        continue;
      }
      if (d.name.endsWith('.json')) entries.push({ file, size: stat.size, usedMs: stat.mtimeMs });
    }
  }
  let total = entries.reduce((n, e) => n + e.size, 0);
  if (total > maxBytes) {
    entries.sort((a, b) => a.usedMs - b.usedMs);
    for (const e of entries) {
      if (total <= maxBytes * PRUNE_TO) break;
      if (!(await removed(e.file, report))) continue;
      total -= e.size;
      report.removed++;
      report.freedBytes += e.size;
    }
  }
  report.keptBytes = total;
  return report;
}

/** What a prune did, as a note (undefined: nothing removed). */
export function pruneNote(report: PruneReport, dir: string): string | undefined {
  if (!report.removed && !report.leftovers) return undefined;
  return `${CACHE_NOTE}removed ${report.removed} least recently used entries (${Math.round(report.freedBytes / 1048576)} MB; ${Math.round(report.keptBytes / 1048576)} MB kept) and ${report.leftovers} unfinished writes from ${dir}`;
}

async function removed(file: string, report: PruneReport): Promise<boolean> {
  try {
    await fs.promises.unlink(file);
    return true;
  } catch (e) {
    // Removed meanwhile by another audit's prune: gone all the same.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    report.failed++;
    return false;
  }
}

/** Marks an entry just used as used now, at most once a day (see TOUCH_AFTER_MS); never fails the read. */
export function touchUsed(file: string, now = Date.now()): void {
  try {
    const stat = fs.statSync(file);
    if (now - stat.mtimeMs > TOUCH_AFTER_MS) fs.utimesSync(file, now / 1000, now / 1000);
  } catch {
    // A read-only cache still answers; its entries are only pruned by when they were made.
  }
}
