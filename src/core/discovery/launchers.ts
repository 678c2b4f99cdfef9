// The PATH walk: every command the catalog knows, found in PATH folders and followed to the
// code it runs, through symlinks and the shims package managers write (npm and pnpm `.cmd`,
// `.ps1` and shell shims, Volta's and mise's shim binaries, asdf's shim scripts). Reads files;
// never runs them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanError } from '../model';
import { executableFormat, isFile, listDir, readHead, realPath } from './fsread';
import { pathEntries, type Places } from './places';
import { venvOf } from './python';
import { kindOf } from '../text/regularFile';

export type LauncherTarget =
  /** A package folder under node_modules. */
  | { type: 'package'; root: string }
  /** A version manager's shim: the package is among that manager's global packages. */
  | { type: 'managed'; manager: 'volta' | 'mise' | 'asdf'; nodeVersion?: string }
  /** A program outside node_modules: a native executable (a vendor installer's, a cask) or a lone script file. */
  | { type: 'native'; file: string }
  /** A program in a Python venv (pipx, uv). */
  | { type: 'python'; venv: string }
  /** A script whose program could not be located. */
  | { type: 'script'; file: string };

export interface Launcher {
  command: string;
  /** Where it was found on PATH. */
  path: string;
  target: LauncherTarget;
}

const WINDOWS_EXTENSIONS = ['.exe', '.cmd', '.bat', '.ps1', ''];

/** Each wanted command in each PATH folder, followed to its target. */
export function findLaunchers(places: Places, commands: readonly string[], errors: ScanError[]): Launcher[] {
  const win = places.platform === 'win32';
  const wanted = new Set(commands.map(c => c.toLowerCase()));
  const out: Launcher[] = [];
  for (const dir of pathEntries(places)) {
    const byCommand = new Map<string, string[]>();
    for (const e of listDir(dir)) {
      const name = win ? e.name.toLowerCase() : e.name;
      const ext = win ? WINDOWS_EXTENSIONS.find(x => x && name.endsWith(x)) ?? '' : '';
      const command = ext ? name.slice(0, -ext.length) : name;
      if (!wanted.has(command)) continue;
      byCommand.set(command, [...(byCommand.get(command) ?? []), e.name]);
    }
    for (const [command, names] of byCommand) {
      // One launcher per command per folder; on Windows prefer what cmd.exe would run.
      names.sort((a, b) => windowsRank(a) - windowsRank(b));
      const file = path.join(dir, names[0]);
      const target = resolveLauncher(file, places.home, errors);
      if (target) out.push({ command, path: file, target });
    }
  }
  return out;
}

function windowsRank(name: string): number {
  const i = WINDOWS_EXTENSIONS.indexOf(path.extname(name).toLowerCase());
  return i === -1 ? WINDOWS_EXTENSIONS.length : i;
}

/** Follows a launcher to the code it runs. */
export function resolveLauncher(file: string, home: string, errors: ScanError[], depth = 0): LauncherTarget | undefined {
  const real = realPath(file);
  if (!real) {
    errors.push({ file, message: 'broken symbolic link on PATH' });
    return undefined;
  }
  const pkg = packageRootOf(real);
  if (pkg) return { type: 'package', root: pkg };
  const base = path.basename(real).toLowerCase().replace(/\.exe$/, '');
  if (base === 'volta-shim' || base === 'volta') return { type: 'managed', manager: 'volta' };
  if (base === 'mise') return { type: 'managed', manager: 'mise' };
  let kind: string | undefined;
  try {
    const stat = fs.statSync(real);
    if (!stat.isFile()) kind = kindOf(stat);
  } catch {
    // readHead below says it cannot read it.
  }
  if (kind) {
    errors.push({ file: real, message: `launcher is ${kind}: not opened` });
    return undefined;
  }
  const head = readHead(real);
  if (!head) {
    errors.push({ file: real, message: 'cannot read launcher' });
    return undefined;
  }
  if (executableFormat(head) || head.includes(0)) return { type: 'native', file: real };
  const text = head.toString('utf8');
  const venv = /^#!.*python/.test(text) ? venvOf(real) : undefined;
  if (venv) return { type: 'python', venv };
  const asdf = /#\s*asdf-plugin:\s*nodejs\s+(\S+)/.exec(text);
  if (asdf) return { type: 'managed', manager: 'asdf', nodeVersion: asdf[1] };
  if (depth < 4) {
    for (const target of shimTargets(text, path.dirname(file), home)) {
      if (!isFile(target)) continue;
      const followed = resolveLauncher(target, home, errors, depth + 1);
      if (followed && followed.type !== 'script') return followed;
    }
  }
  if (/\.[cm]?js$/.test(real)) return { type: 'native', file: real };
  return { type: 'script', file: real };
}

/**
 * The folder of the package a file belongs to: the first ancestor directly under
 * `node_modules` (or `node_modules/@scope`).
 */
export function packageRootOf(file: string): string | undefined {
  let dir = path.dirname(file);
  while (dir !== path.dirname(dir)) {
    const parent = path.dirname(dir);
    const underModules = path.basename(parent) === 'node_modules' && !path.basename(dir).startsWith('@') && !path.basename(dir).startsWith('.');
    const underScope = path.basename(parent).startsWith('@') && path.basename(path.dirname(parent)) === 'node_modules';
    if ((underModules || underScope) && isFile(path.join(dir, 'package.json'))) return dir;
    dir = parent;
  }
  return undefined;
}

/**
 * Files a shim script names. npm's cmd-shim writes `"%dp0%\node_modules\pkg\cli.js"` (`.cmd`),
 * `"$basedir/node_modules/pkg/cli.js"` (shell and `.ps1`); pnpm adds `global/5/` to those;
 * other wrappers use absolute paths, `$HOME` or `~`. `node` itself is skipped.
 */
export function shimTargets(text: string, shimDir: string, home: string): string[] {
  const out: string[] = [];
  const add = (raw: string, base: string) => {
    const rel = raw.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!rel || /(^|\/)node(\.exe)?$/i.test(rel)) return;
    out.push(path.resolve(base, ...rel.split('/')));
  };
  for (const m of text.matchAll(/"(?:%~dp0%?|%dp0%)\\?([^"%]+)"/gi)) add(m[1], shimDir);
  for (const m of text.matchAll(/"\$basedir\/([^"$]+)"/g)) add(m[1], shimDir);
  for (const m of text.matchAll(/"?(?:\$HOME|\$\{HOME\}|~)(\/[^"\s;&|]+)"?/g)) add(m[1], home);
  for (const m of text.matchAll(/"(\/[^"\n]+)"|(?:^|\s)(\/[^\s"';&|]+)/gm)) {
    const p = m[1] ?? m[2];
    if (p && /node_modules|\/bin\/|\.[cm]?js$/.test(p)) out.push(p);
  }
  return [...new Set(out)];
}
