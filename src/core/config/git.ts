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
  const parts = rel.split('/');
  // Rules of the root (global excludes, info/exclude, the root .gitignore) see the whole path;
  // a nested .gitignore sees the path below its folder.
  const layers: Array<{ dir: string; rules: ReturnType<typeof ignore> }> = [];
  const addLayer = (dir: string, text: string | undefined) => text && layers.push({ dir, rules: ignore().add(text) });
  addLayer('', globalExcludes && readSmall(globalExcludes));
  addLayer('', readSmall(path.join(root, '.git', 'info', 'exclude')));
  // Git never reads inside an ignored folder, so a `!file` rule there cannot bring a file back:
  // each folder on the way down is checked before the rules in it are added.
  for (let i = 0; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (i > 0 && verdict(layers, `${dir}/`)) return { inWorkTree: true, ignored: true };
    addLayer(dir, readSmall(path.join(root, ...parts.slice(0, i), '.gitignore')));
  }
  return { inWorkTree: true, ignored: verdict(layers, rel) };
}

/** Git's answer for a path: the last rule that matches it, across layers in order. */
function verdict(layers: ReadonlyArray<{ dir: string; rules: ReturnType<typeof ignore> }>, rel: string): boolean {
  let ignored = false;
  for (const { dir, rules } of layers) {
    if (dir && !rel.startsWith(`${dir}/`)) continue;
    const result = rules.test(dir ? rel.slice(dir.length + 1) : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** The user's global excludes file: `core.excludesFile` in their git config, else git's default. */
export function globalExcludesFile(home: string, xdgConfigHome: string | undefined): string {
  const xdg = xdgConfigHome || path.join(home, '.config');
  for (const config of [path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')]) {
    const m = /^\s*excludesfile\s*=\s*"?([^"\n]+?)"?\s*$/im.exec(readSmall(config) ?? '');
    if (m) return m[1].startsWith('~/') ? path.join(home, m[1].slice(2)) : m[1];
  }
  return path.join(xdg, 'git', 'ignore');
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
