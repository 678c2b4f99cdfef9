// Discovery: every AI assistant installed for a user, as scan targets. Synchronous, reads files
// only, never runs a discovered program. All locations derive from `options` (environment,
// home, platform), so another home or another platform's layout can be audited.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanError } from '../model';
import type { Manifest } from '../catalog/traits';
import type { Assistant, Discovery, InstallMethod } from './types';
import { pathEntries, placesFor, type DiscoverOptions, type Places } from './places';
import { editorExtensionDirs, readExtensionsDir, type InstalledExtension } from './editors';
import { discoverClis, nodeRootInputs } from './clis';
import { assistantFromPackage } from './packages';
import { expandPattern, nodeGlobalRootPatterns, packagesIn } from './nodeRoots';
import { homebrewPrefixCandidates, nativeSpots } from './native';
import { pythonToolDirs } from './python';
import { isDir, isFile, readJson, realPath } from './fsread';
import { makeAssistant, measure, recogniseExtension, resolveEntry } from './recognise';

export type { DiscoverOptions } from './places';
export type { Assistant, Discovery, InstallMethod } from './types';

export function discover(options: DiscoverOptions): Discovery {
  const places = placesFor(options);
  const errors: ScanError[] = [];
  const found: Assistant[] = [];
  if (options.editors === undefined || options.editors.length > 0) found.push(...discoverExtensions(places, options.editors, errors));
  if (options.clis !== false) found.push(...discoverClis(places, errors));
  for (const extra of options.extraPaths ?? []) found.push(...discoverExtraPath(extra, errors));
  return { assistants: finalize(found), errors, searched: searchedPlaces(places, options) };
}

export interface PlaceLookedAt {
  /** What is looked for there: "VS Code extensions", "npm global packages", "PATH". */
  what: string;
  /** A folder or file; `*` where any name fits (a version folder). */
  path: string;
  exists: boolean;
}

/**
 * Every place discovery looks in, for `list --verbose`: a user who knows an assistant is
 * installed can see whether its folder was among them.
 */
export function placesLookedAt(options: DiscoverOptions): PlaceLookedAt[] {
  const places = placesFor(options);
  const out: PlaceLookedAt[] = [];
  const at = (what: string, p: string, exists: boolean) => out.push({ what, path: p, exists });
  if (options.editors === undefined || options.editors.length > 0) {
    for (const l of editorExtensionDirs(places, options.editors)) at(`${l.name} extensions`, l.dir, isDir(l.dir));
  }
  if (options.clis !== false) {
    for (const pattern of nodeGlobalRootPatterns(places, nodeRootInputs(places))) {
      const where = places.p.join(...pattern.segments);
      at(`${pattern.method} global packages`, where, where.includes('*') ? expandPattern(pattern).length > 0 : isDir(where));
    }
    for (const spot of nativeSpots(places)) {
      for (const p of [spot.launcher, spot.versions]) if (p) at(`${spot.entry.product} installer`, p, fs.existsSync(p));
    }
    for (const prefix of homebrewPrefixCandidates(places)) at('Homebrew', prefix, isDir(prefix));
    for (const t of pythonToolDirs(places)) at(`${t.method} tools`, t.dir, isDir(t.dir));
    for (const dir of pathEntries(places)) at('PATH', dir, isDir(dir));
  }
  for (const extra of options.extraPaths ?? []) at('extra path', extra, fs.existsSync(extra));
  return out;
}

function searchedPlaces(places: Places, options: DiscoverOptions): string[] {
  const out: string[] = [];
  if (options.editors === undefined || options.editors.length > 0) {
    const dirs = editorExtensionDirs(places, options.editors).filter(l => isDir(l.dir));
    out.push(dirs.length ? `editor extensions: ${dirs.map(l => l.dir).join(', ')}` : 'editor extensions: no extension folder of a known editor exists');
  }
  if (options.clis !== false) out.push(`command-line tools: ${pathEntries(places).length} PATH folders, npm, pnpm, yarn, bun, Volta, nvm, fnm, asdf, mise, Homebrew, pipx, uv and the vendors' installers`);
  for (const extra of options.extraPaths ?? []) out.push(`extra path: ${extra}`);
  return out;
}

function discoverExtensions(places: Places, editors: readonly string[] | undefined, errors: ScanError[]): Assistant[] {
  const out: Assistant[] = [];
  for (const location of editorExtensionDirs(places, editors)) {
    for (const ext of readExtensionsDir(location, errors)) {
      const a = assistantFromExtension(ext, 'editor');
      if (a) out.push(a);
    }
  }
  return out;
}

/**
 * An installed extension as an assistant, when the catalog or its manifest says it is one.
 * With `readDisk` false nothing is read (the running-editor merge): no size, entry as declared.
 */
export function assistantFromExtension(ext: InstalledExtension, install: InstallMethod, readDisk = true): Assistant | undefined {
  const recognised = recogniseExtension(ext.id, ext.manifest);
  if (!recognised) return undefined;
  return makeAssistant({
    kind: 'extension',
    id: ext.id.toLowerCase(),
    name: displayName(ext.manifest) ?? ext.id,
    root: ext.path,
    install,
    language: 'javascript',
    recognised,
    ...(ext.version ? { version: ext.version } : {}),
    editor: ext.editor,
    extensionId: ext.id,
    entry: readDisk ? resolveEntry(ext.path, ext.manifest.main ?? ext.manifest.browser) : declaredEntry(ext.manifest),
    ...(readDisk ? { size: measure(ext.path) } : {}),
  });
}

/** `displayName`, unless it is an unresolved `%nls%` placeholder. */
function displayName(manifest: Manifest): string | undefined {
  const d = manifest.displayName;
  return typeof d === 'string' && d && !/^%.+%$/.test(d) ? d : typeof manifest.name === 'string' ? manifest.name : undefined;
}

function declaredEntry(manifest: Manifest): string | undefined {
  const main = manifest.main ?? manifest.browser;
  return typeof main === 'string' ? path.posix.normalize(main.replace(/\\/g, '/')).replace(/^\.\//, '') : undefined;
}

/** An extensions folder (with extensions.json), one package or extension, or a folder of them. */
function discoverExtraPath(dir: string, errors: ScanError[]): Assistant[] {
  const location = { editor: 'extra', name: 'extra path', dir };
  if (isFile(path.join(dir, 'extensions.json'))) return readExtensionsDir(location, errors).flatMap(ext => assistantFromExtension(ext, 'extra') ?? []);
  const folders = isFile(path.join(dir, 'package.json')) ? [dir] : packagesIn(dir, errors);
  const out: Assistant[] = [];
  for (const folder of folders) {
    const manifest = readJson(path.join(folder, 'package.json'), undefined, 'package.json');
    if (!manifest) continue;
    const engines = manifest.engines as Record<string, unknown> | undefined;
    if (engines && typeof engines === 'object' && 'vscode' in engines && typeof manifest.publisher === 'string') {
      const ext = { editor: 'extra', id: `${manifest.publisher}.${String(manifest.name)}`, path: folder, manifest, ...(typeof manifest.version === 'string' ? { version: manifest.version } : {}) };
      const a = assistantFromExtension(ext, 'extra');
      if (a) out.push(a);
    } else {
      const a = assistantFromPackage(folder, 'extra', errors);
      if (a) out.push(a);
    }
  }
  return out;
}

/**
 * One assistant per installation: the same folder reached twice (a PATH shim and a global
 * root, say) is merged; then a stable order and an instance id for each.
 */
export function finalize(found: readonly Assistant[]): Assistant[] {
  const byKey = new Map<string, Assistant>();
  for (const a of found) {
    const key = `${a.kind}\u0000${a.editor ?? ''}\u0000${realPath(a.root) ?? a.root}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...a });
      continue;
    }
    seen.why = [...new Set([...seen.why, ...a.why])];
    const launchers = [...new Set([...(seen.launchers ?? []), ...(a.launchers ?? [])])];
    if (launchers.length) seen.launchers = launchers;
    if (seen.install === 'path' && a.install !== 'path') seen.install = a.install;
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'extension' ? -1 : 1) || cmp(a.editor ?? '', b.editor ?? '') || cmp(a.id, b.id) || cmp(a.root, b.root),
  );
  return assignInstanceIds(sorted);
}

/** `id@editor` or `id@install`, made unique with the version, then a counter. */
export function assignInstanceIds(list: readonly Assistant[]): Assistant[] {
  const used = new Set<string>();
  return list.map(a => {
    const base = `${a.id}@${a.editor ?? a.install}`;
    let id = base;
    if (used.has(id) && a.version) id = `${base}:${a.version}`;
    for (let n = 2; used.has(id); n++) id = `${base}#${n}`;
    used.add(id);
    return { ...a, instanceId: id };
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
