// Programs put in place by a vendor's own installer (`~/.local/bin/claude` ->
// `~/.local/share/claude/versions/<v>`, `~/.claude/local`, `~/.opencode/bin/opencode`) and by
// Homebrew (formulae in Cellar, casks in Caskroom). The location tables are pure.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanError } from '../model';
import { CLIS } from '../catalog/assistants';
import type { CatalogEntry } from '../catalog/types';
import { catalogWhy, makeAssistant, measure } from './recognise';
import type { Assistant, InstallMethod } from './types';
import { executableFormat, exists, isDir, isDirEntry, isFile, listDir, readHead, realPath } from './fsread';
import { expandTemplate, pathEntries, envValue, type Places } from './places';
import { packagesIn } from './nodeRoots';
import { assistantFromPackage } from './packages';
import { newest } from './versions';
import { assistantFromVenv } from './python';

export interface NativeSpot {
  entry: CatalogEntry;
  launcher?: string;
  versions?: string;
  npmPrefix?: string;
}

/** The catalog's native install locations for this platform (pure). */
export function nativeSpots(places: Places): NativeSpot[] {
  const out: NativeSpot[] = [];
  for (const entry of CLIS) {
    for (const n of entry.native ?? []) {
      if (n.platforms && !n.platforms.includes(places.platform)) continue;
      const launcher = n.launcher ? expandTemplate(n.launcher, places) : undefined;
      const versions = n.versions ? expandTemplate(n.versions, places) : undefined;
      const npmPrefix = n.npmPrefix ? expandTemplate(n.npmPrefix, places) : undefined;
      out.push({
        entry,
        ...(launcher ? { launcher: places.platform === 'win32' ? `${launcher}.exe` : launcher } : {}),
        ...(versions ? { versions } : {}),
        ...(npmPrefix ? { npmPrefix } : {}),
      });
    }
  }
  return out;
}

/** Homebrew prefixes to look at: HOMEBREW_PREFIX and the parent of every PATH `bin` folder (pure). */
export function homebrewPrefixCandidates(places: Places): string[] {
  const { p } = places;
  const out = new Set<string>();
  const env = envValue(places.env, 'HOMEBREW_PREFIX', places.platform);
  if (env && p.isAbsolute(env)) out.add(env);
  for (const dir of pathEntries(places)) if (p.basename(dir) === 'bin') out.add(p.dirname(dir));
  return [...out];
}

/** A native program that belongs to a catalog entry, as an assistant. */
export function assistantFromNative(entry: CatalogEntry, root: string, install: InstallMethod, why: string, launchers: string[], version?: string): Assistant {
  const file = isFile(root) ? root : undefined;
  const head = file ? readHead(file, 8) : undefined;
  // A folder (a cask, a versions entry) holds the program under one of the catalog's command names.
  const program = file ? path.basename(file) : (entry.binaries ?? []).find(b => isFile(path.join(root, b)));
  return makeAssistant({
    kind: 'cli',
    id: entry.id,
    name: entry.product,
    root,
    install,
    language: file ? (head && executableFormat(head) ? 'native' : 'javascript') : listDir(root).some(e => /\.[cm]?js$/.test(e.name)) ? 'javascript' : 'native',
    recognised: { entry, why: [catalogWhy(entry, why)] },
    ...(version ? { version } : {}),
    ...(program ? { entry: program } : {}),
    launchers,
    size: measure(root),
  });
}

/** Where a resolved program sits in a versions folder: the version entry and its name. */
export function versionEntryOf(real: string, versionsDir: string): { root: string; version: string } | undefined {
  const rel = path.relative(versionsDir, real);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const version = rel.split(path.sep)[0];
  return { root: path.join(versionsDir, version), version };
}

/** Everything the catalog's native installers left in place. */
export function nativeAssistants(places: Places, errors: ScanError[]): Assistant[] {
  const out: Assistant[] = [];
  for (const spot of nativeSpots(places)) {
    if (spot.npmPrefix) {
      for (const pkg of packagesIn(path.join(spot.npmPrefix, 'node_modules'), errors)) {
        const a = assistantFromPackage(pkg, 'native', errors);
        if (a) out.push({ ...a, why: [...a.why, `private install of the vendor's installer in ${spot.npmPrefix}`] });
      }
    }
    const launched = spot.launcher && exists(spot.launcher) ? realPath(spot.launcher) : undefined;
    // A dangling launcher on PATH is reported by the PATH walk; report it here only otherwise.
    if (spot.launcher && !launched && isLink(spot.launcher) && !pathEntries(places).includes(path.dirname(spot.launcher))) {
      errors.push({ file: spot.launcher, message: 'broken symbolic link: the installer\'s launcher points to a missing file' });
    }
    if (launched) {
      const inVersions = spot.versions ? versionEntryOf(launched, realPath(spot.versions) ?? spot.versions) : undefined;
      out.push(assistantFromNative(spot.entry, inVersions?.root ?? launched, 'native', `installer launcher ${spot.launcher}`, [spot.launcher!], inVersions?.version));
      continue;
    }
    if (spot.versions && isDir(spot.versions)) {
      const versions = listDir(spot.versions).filter(e => !e.name.startsWith('.')).map(e => e.name);
      const latest = newest(versions, v => v);
      if (latest) out.push(assistantFromNative(spot.entry, path.join(spot.versions, latest), 'native', `installer versions folder ${spot.versions}`, [], latest));
    }
  }
  return out;
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Formulae and casks from the catalog, and the global packages of Homebrew's own node. */
export function homebrewAssistants(places: Places, errors: ScanError[]): { assistants: Assistant[]; prefixes: string[] } {
  const out: Assistant[] = [];
  const prefixes = homebrewPrefixCandidates(places).filter(prefix => isDir(path.join(prefix, 'Cellar')) || isDir(path.join(prefix, 'Caskroom')));
  for (const prefix of prefixes) {
    for (const pkg of packagesIn(path.join(prefix, 'lib', 'node_modules'), errors)) {
      const a = assistantFromPackage(pkg, 'homebrew', errors);
      if (a) out.push(a);
    }
    for (const entry of CLIS) {
      for (const formula of entry.brew?.formula ?? []) {
        const found = newestVersion(path.join(prefix, 'Cellar', formula.split('/').pop()!));
        if (found) out.push(...fromFormula(entry, found.dir, found.version, errors));
      }
      for (const cask of entry.brew?.cask ?? []) {
        const found = newestVersion(path.join(prefix, 'Caskroom', cask));
        if (found) out.push(assistantFromNative(entry, found.dir, 'homebrew', `Homebrew cask ${cask}`, [], found.version));
      }
    }
  }
  return { assistants: out, prefixes };
}

function newestVersion(dir: string): { dir: string; version: string } | undefined {
  const entries = listDir(dir).filter(e => !e.name.startsWith('.') && isDirEntry(dir, e)).map(e => e.name);
  const version = newest(entries, v => v);
  return version ? { dir: path.join(dir, version), version } : undefined;
}

/** A formula keeps an npm package under libexec, a Python venv under libexec, or a binary in bin. */
function fromFormula(entry: CatalogEntry, dir: string, version: string, errors: ScanError[]): Assistant[] {
  for (const name of entry.npm ?? []) {
    const pkg = path.join(dir, 'libexec', 'lib', 'node_modules', name);
    if (isDir(pkg)) {
      const a = assistantFromPackage(pkg, 'homebrew', errors);
      return a ? [a] : [];
    }
  }
  if (entry.python?.length) {
    const a = assistantFromVenv(path.join(dir, 'libexec'), 'homebrew', [], entry);
    return a ? [{ ...a, root: dir, version }] : [];
  }
  const binary = (entry.binaries ?? []).map(b => path.join(dir, 'bin', b)).find(isFile);
  return binary ? [assistantFromNative(entry, dir, 'homebrew', `Homebrew formula in ${dir}`, [], version)] : [];
}
