// Whether a settings or credential file could end up in a commit: it lies in a git work tree
// and no ignore rule (the .gitignore files on its way down from the repository root,
// .git/info/exclude, the user's global excludes file) covers it. Read from files, as git reads
// them; git itself is never run. Whether the file is already committed is not known here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { readRegularFile } from '../text/regularFile';

export interface GitState {
  inWorkTree: boolean;
  /** An ignore rule covers the file, so `git add .` leaves it out. */
  ignored: boolean;
}

const MAX_IGNORE_BYTES = 256 * 1024;

export function gitState(file: string, globalExcludes?: string): GitState {
  const root = workTreeRoot(path.dirname(file));
  if (!root) return { inWorkTree: false, ignored: false };
  const rel = path.relative(root, file).split(path.sep).join('/');
  // Rules of the root apply to the whole path; a nested .gitignore to the path below it.
  const layers: Array<[string, string | undefined]> = [
    ['', globalExcludes && readSmall(globalExcludes)],
    ['', readSmall(path.join(root, '.git', 'info', 'exclude'))],
  ];
  const parts = rel.split('/');
  for (let i = 0; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    layers.push([dir, readSmall(path.join(root, ...parts.slice(0, i), '.gitignore'))]);
  }
  let ignored = false;
  for (const [dir, text] of layers) {
    if (!text) continue;
    const below = dir ? rel.slice(dir.length + 1) : rel;
    const result = ignore().add(text).test(below);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return { inWorkTree: true, ignored };
}

function workTreeRoot(dir: string): string | undefined {
  for (let d = dir, i = 0; i < 64; i++) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}

function readSmall(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_IGNORE_BYTES) return undefined;
    return readRegularFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
