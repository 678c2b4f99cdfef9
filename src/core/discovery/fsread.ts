// Read-only file system helpers for discovery. Nothing here throws: a missing folder is just
// absent, and anything worth telling the user becomes a ScanError with the absolute path.
import * as fs from 'node:fs';
import { NotRegularFile, openRegularFile, readRegularFile } from '../text/regularFile';
import * as path from 'node:path';
import type { ScanError } from '../model';
import { containerFromHead } from '../native/executable';

/** Manifests larger than this are not JSON anyone ships; refuse rather than parse megabytes. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export function readJson(file: string, errors: ScanError[] | undefined, what: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      errors?.push({ file, message: `${what} is not a file` });
      return undefined;
    }
    if (stat.size > MAX_MANIFEST_BYTES) {
      errors?.push({ file, message: `${what} is ${stat.size} bytes, over the ${MAX_MANIFEST_BYTES}-byte limit: not read` });
      return undefined;
    }
    text = readRegularFile(file, 'utf8');
  } catch (e) {
    errors?.push({ file, message: `cannot read ${what}: ${describeFsError(e)}` });
    return undefined;
  }
  try {
    const parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    errors?.push({ file, message: `${what} is not a JSON object` });
  } catch (e) {
    errors?.push({ file, message: `${what} is not valid JSON: ${(e as Error).message}` });
  }
  return undefined;
}

/** Like readJson, for files that may be any JSON value (extensions.json is an array). */
export function readJsonValue(file: string, errors: ScanError[], what: string): unknown {
  try {
    const text = readRegularFile(file, 'utf8');
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    errors.push({ file, message: err.code ? `cannot read ${what}: ${describeFsError(e)}` : `${what} is not valid JSON: ${err.message}` });
    return undefined;
  }
}

export function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

export function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Child names of a folder; empty when it is missing. Permission problems become errors. */
export function listDir(dir: string, errors?: ScanError[]): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') errors?.push({ file: dir, message: `cannot list folder: ${describeFsError(e)}` });
    return [];
  }
}

/** A child folder, following symlinks (pnpm and bun link packages in). */
export function isDirEntry(dir: string, entry: fs.Dirent): boolean {
  return entry.isDirectory() || (entry.isSymbolicLink() && isDir(path.join(dir, entry.name)));
}

export function realPath(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** The first bytes of a file (shebang, magic number or shim text). */
export function readHead(file: string, bytes = 64 * 1024): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openRegularFile(file);
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export type ExecutableFormat = 'elf' | 'mach-o' | 'pe';

/** ELF, Mach-O (thin or fat) or PE, from the magic number (the same test the scanner's extractors use). */
export function executableFormat(head: Buffer): ExecutableFormat | undefined {
  const container = containerFromHead(head);
  return container === 'wasm' || container === 'zip' || container === 'tar' ? undefined : container;
}

/**
 * Calls `visit` for each file under a folder, not following symlinks, and stops after
 * `maxEntries` directory entries so a pathological tree cannot stall discovery. Returns
 * whether the whole tree was seen.
 */
export function forEachFile(root: string, maxEntries: number, visit: (abs: string, name: string) => void): boolean {
  let seen = 0;
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++seen > maxEntries) return false;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) pending.push(abs);
      else if (e.isFile()) visit(abs, e.name);
    }
  }
  return true;
}

/** Bytes under a folder (or a file's size); `complete` is false when the walk was cut short. */
export function diskSize(root: string, maxEntries = 200_000): { bytes: number; complete: boolean } {
  let rootStat: fs.Stats;
  try {
    rootStat = fs.lstatSync(root);
  } catch {
    return { bytes: 0, complete: false };
  }
  if (!rootStat.isDirectory()) return { bytes: rootStat.size, complete: true };
  let bytes = 0;
  const complete = forEachFile(root, maxEntries, abs => {
    try {
      bytes += fs.lstatSync(abs).size;
    } catch {
      // Vanished or unreadable: not counted.
    }
  });
  return { bytes, complete };
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'ELOOP') return 'too many levels of symbolic links';
  if (e instanceof NotRegularFile) return e.message;
  return err?.message ?? String(e);
}
