// Where globally installed npm packages live: npm's prefix (from the environment, .npmrc or the
// `node` on PATH), every Node version manager, and the other package managers. The table is
// pure; expanding its `*` segments and listing packages read the file system.
import * as path from 'node:path';
import type { ScanError } from '../model';
import type { InstallMethod } from './types';
import { envValue, type Places } from './places';
import { isDirEntry, listDir } from './fsread';

/**
 * A folder pattern: the first segment is absolute, `*` stands for each child folder (a
 * version), `@*` for each package folder including `@scope/name` pairs (Volta's images).
 */
export interface NodeRootPattern {
  method: InstallMethod;
  segments: string[];
}

export interface NodeRootInputs {
  /** `prefix` values read from .npmrc files. */
  npmrcPrefixes: string[];
  /** PATH folders that hold a `node` executable. */
  nodeDirs: string[];
}

const USER_PREFIXES = ['.npm-global', '.npm-packages', '.local'];

/** Every global node_modules folder pattern for this platform and environment (pure). */
export function nodeGlobalRootPatterns(places: Places, inputs: NodeRootInputs): NodeRootPattern[] {
  const { p, home, platform } = places;
  const win = platform === 'win32';
  const mac = platform === 'darwin';
  const env = (name: string) => {
    const v = envValue(places.env, name, platform);
    return v && p.isAbsolute(v) ? v : undefined;
  };
  // A prefix's global packages: <prefix>/lib/node_modules, or <prefix>\node_modules on Windows.
  const lib = win ? ['node_modules'] : ['lib', 'node_modules'];
  const out: NodeRootPattern[] = [];
  const add = (method: InstallMethod, ...segments: string[]) => out.push({ method, segments });

  for (const prefix of [env('npm_config_prefix'), env('NPM_CONFIG_PREFIX'), ...inputs.npmrcPrefixes]) if (prefix) add('npm', prefix, ...lib);
  if (win) add('npm', places.appData, 'npm', 'node_modules');

  if (win) {
    add('nvm', env('NVM_HOME') ?? p.join(places.appData, 'nvm'), '*', 'node_modules');
    const symlink = env('NVM_SYMLINK');
    if (symlink) add('nvm', symlink, 'node_modules');
  } else {
    add('nvm', env('NVM_DIR') ?? p.join(home, '.nvm'), 'versions', 'node', '*', ...lib);
  }

  const fnmDefault = win ? p.join(places.appData, 'fnm') : mac ? p.join(home, 'Library', 'Application Support', 'fnm') : p.join(places.xdgData, 'fnm');
  for (const dir of [env('FNM_DIR') ?? fnmDefault, p.join(home, '.fnm')]) add('fnm', dir, 'node-versions', '*', 'installation', ...lib);

  const volta = env('VOLTA_HOME') ?? (win ? p.join(places.localAppData, 'Volta') : p.join(home, '.volta'));
  add('volta', volta, 'tools', 'image', 'packages', '@*', ...lib);

  const pnpm = env('PNPM_HOME') ?? (win ? p.join(places.localAppData, 'pnpm') : mac ? p.join(home, 'Library', 'pnpm') : p.join(places.xdgData, 'pnpm'));
  add('pnpm', pnpm, 'global', '*', 'node_modules');

  if (win) add('yarn', places.localAppData, 'Yarn', 'Data', 'global', 'node_modules');
  else add('yarn', places.xdgConfig, 'yarn', 'global', 'node_modules');

  add('bun', env('BUN_INSTALL') ?? p.join(home, '.bun'), 'install', 'global', 'node_modules');

  if (!win) add('asdf', env('ASDF_DATA_DIR') ?? p.join(home, '.asdf'), 'installs', 'nodejs', '*', ...lib);
  const mise = env('MISE_DATA_DIR') ?? (win ? p.join(places.localAppData, 'mise') : p.join(places.xdgData, 'mise'));
  add('mise', mise, 'installs', 'node', '*', ...lib);

  // Last, so that a version manager's node on PATH is named after the manager, not plain npm.
  for (const dir of inputs.nodeDirs) add('npm', win ? dir : p.dirname(dir), ...lib);
  // The user prefixes npm's own docs and common guides set up (`npm config set prefix
  // ~/.npm-global`): found even when the .npmrc that names them is gone or elsewhere.
  if (!win) for (const folder of USER_PREFIXES) add('npm', p.join(home, folder), ...lib);

  const seen = new Set<string>();
  return out.filter(r => {
    const key = r.segments.join('\u0000');
    return !seen.has(key) && seen.add(key);
  });
}

/** The `prefix=` setting of an .npmrc, with `~` and `${VAR}` expanded. */
export function npmrcPrefix(text: string, places: Places): string | undefined {
  let prefix: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*prefix\s*=\s*(.+?)\s*$/.exec(line);
    if (m) prefix = m[1].replace(/^["']|["']$/g, '');
  }
  if (!prefix) return undefined;
  prefix = prefix.replace(/\$\{([^}]+)\}/g, (_, name: string) => envValue(places.env, name, places.platform) ?? '');
  if (prefix === '~' || prefix.startsWith('~/') || prefix.startsWith('~\\')) prefix = places.p.join(places.home, prefix.slice(1));
  return places.p.isAbsolute(prefix) ? prefix : undefined;
}

/** The .npmrc files npm reads for a user: NPM_CONFIG_USERCONFIG or ~/.npmrc. */
export function npmrcFiles(places: Places): string[] {
  const user = envValue(places.env, 'npm_config_userconfig', places.platform) ?? envValue(places.env, 'NPM_CONFIG_USERCONFIG', places.platform);
  return [user && places.p.isAbsolute(user) ? user : places.p.join(places.home, '.npmrc')];
}

/** The existing folders a pattern names. */
export function expandPattern(pattern: NodeRootPattern): string[] {
  let current = [pattern.segments[0]];
  for (const segment of pattern.segments.slice(1)) {
    if (segment === '*' || segment === '@*') {
      current = current.flatMap(dir => childFolders(dir, segment === '@*'));
    } else {
      current = current.map(dir => path.join(dir, segment));
    }
    if (current.length === 0) break;
  }
  return current.filter(dir => listDir(dir).length > 0);
}

/** Package folders in a node_modules folder, `@scope/name` included. */
export function packagesIn(nodeModules: string, errors: ScanError[]): string[] {
  return childFolders(nodeModules, true, errors).filter(dir => !path.basename(dir).startsWith('.'));
}

function childFolders(dir: string, scoped: boolean, errors?: ScanError[]): string[] {
  const out: string[] = [];
  for (const e of listDir(dir, errors)) {
    if (!isDirEntry(dir, e)) continue;
    const child = path.join(dir, e.name);
    if (scoped && e.name.startsWith('@')) {
      for (const s of listDir(child, errors)) if (isDirEntry(child, s)) out.push(path.join(child, s.name));
    } else {
      out.push(child);
    }
  }
  return out;
}
