// Keeps the result cache (and the answers kept beside it) to a size: after an audit, the entries
// used least recently go once the folder holds more than the cap, and the temporary files of a
// writer that was killed between its write and its rename go once they are old enough that no
// writer can still be busy with them. Asynchronous, one file at a time: an editor's host that
// closes a pool keeps answering while the folder is walked.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { plural } from '../text/format';

/** How notes about keeping the cache to its size begin (the CLI prints them on their own line). */
export const CACHE_NOTE = 'result cache kept to its size: ';

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

/** The cache's own layout: `xx/<sha256>.json` (results) and `xx/<sha256>.answer.json` (answers), written through `<entry>.<pid>.<random>.tmp`. */
const FOLDER = /^[0-9a-f]{2}$/;
const ENTRY = /^[0-9a-f]{64}(?:\.answer)?\.json$/;
const UNFINISHED = /^[0-9a-f]{64}(?:\.answer)?\.json\.\d+\.[0-9a-z]+\.tmp$/;

/** The name an entry is written under before it is renamed into place (UNFINISHED matches it). */
export function unfinishedName(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}
/** A folder pruned this recently is not walked again (a stat of every entry after every audit: 1.5-2.9 s for 60,000 entries). */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
const MARKER = '.last-prune';

/**
 * Prunes `dir` (see the file's comment). Only files of the cache's own layout are looked at or
 * removed: a file a user or another tool put there stays, whatever its name. A folder that is
 * not there is an empty cache; one pruned less than PRUNE_EVERY_MS ago is left (`skipped`).
 */
export async function pruneCache(dir: string, options: { maxBytes?: number; now?: number } = {}): Promise<PruneReport & { skipped?: true }> {
  const maxBytes = options.maxBytes ?? MAX_CACHE_BYTES;
  const now = options.now ?? Date.now();
  const report: PruneReport = { removed: 0, freedBytes: 0, leftovers: 0, keptBytes: 0, failed: 0 };
  const marker = path.join(dir, MARKER);
  try {
    if (now - (await fs.promises.stat(marker)).mtimeMs < PRUNE_EVERY_MS) return { ...report, skipped: true };
  } catch {
    // Never pruned, or no cache yet.
  }
  let folders: fs.Dirent[];
  try {
    folders = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') report.failed++;
    return report;
  }
  const entries: Entry[] = [];
  for (const d of folders) {
    if (!d.isDirectory() || !FOLDER.test(d.name)) continue;
    const folder = path.join(dir, d.name);
    let names: fs.Dirent[];
    try {
      // Checked again just before it is read: a folder swapped for a link meanwhile is not followed.
      if (!(await fs.promises.lstat(folder)).isDirectory()) continue;
      names = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch {
      report.failed++;
      continue;
    }
    for (const f of names) {
      if (!f.isFile()) continue;
      const entry = ENTRY.test(f.name);
      if (!entry && !UNFINISHED.test(f.name)) continue;
      const file = path.join(folder, f.name);
      let stat: fs.Stats;
      try {
        stat = await fs.promises.lstat(file);
      } catch {
        report.failed++;
        continue;
      }
      if (!stat.isFile()) continue;
      if (entry) entries.push({ file, size: stat.size, usedMs: stat.mtimeMs });
      else if (now - stat.mtimeMs > STALE_TMP_MS && (await removed(file, report))) report.leftovers++;
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
  try {
    await fs.promises.writeFile(marker, '');
    await fs.promises.utimes(marker, now / 1000, now / 1000);
  } catch {
    // A read-only cache is walked again next time.
  }
  return report;
}

/** What a prune did, as a note (undefined: nothing removed and nothing failed). */
export function pruneNote(report: PruneReport, dir: string): string | undefined {
  if (!report.removed && !report.leftovers && !report.failed) return undefined;
  const parts = [
    ...(report.removed ? [`removed ${plural(report.removed, 'least recently used entry', 'least recently used entries')} (${Math.round(report.freedBytes / 1048576)} MB; ${Math.round(report.keptBytes / 1048576)} MB kept)`] : []),
    ...(report.leftovers ? [`removed ${plural(report.leftovers, 'unfinished write')}`] : []),
    ...(report.failed ? [`could not read or remove ${plural(report.failed, 'file or folder', 'files or folders')} (left as they are)`] : []),
  ];
  return `${CACHE_NOTE}${parts.join('; ')} in ${dir}`;
}

/** Prunes `dir` and says what happened, as a note; a prune that failed is a note too, never an error. */
export async function pruneWithNote(dir: string): Promise<string | undefined> {
  try {
    return pruneNote(await pruneCache(dir), dir);
  } catch (e) {
    return `${CACHE_NOTE}could not prune ${dir}: ${e instanceof Error ? e.message : String(e)}`;
  }
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
