// Command-line assistants: global npm packages of every package manager and Node version
// manager, Homebrew, vendor installers, pipx/uv tools, and the PATH walk that ties commands
// to them (and finds what those places missed).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScanError } from '../model';
import { catalogBinaries, catalogById, catalogForBinary } from '../catalog/lookup';
import type { Assistant, InstallMethod } from './types';
import { isFile, readJson, realPath } from './fsread';
import { readRegularFile } from '../text/regularFile';
import { pathEntries, type Places } from './places';
import { expandPattern, nodeGlobalRootPatterns, npmrcFiles, npmrcPrefix, packagesIn, type NodeRootInputs } from './nodeRoots';
import { assistantFromPackage } from './packages';
import { assistantFromNative, homebrewAssistants, nativeAssistants, nativeSpots, versionEntryOf } from './native';
import { assistantFromVenv, pythonAssistants, pythonToolDirs } from './python';
import { findLaunchers, type Launcher } from './launchers';
import { binEntries } from './recognise';

interface KnownPlace {
  dir: string;
  method: InstallMethod;
}

export function discoverClis(places: Places, errors: ScanError[]): Assistant[] {
  const found: Assistant[] = [];
  const known: KnownPlace[] = [];

  for (const root of globalNodeModules(places)) {
    known.push(root);
    for (const pkg of packagesIn(root.dir, errors)) {
      const a = assistantFromPackage(pkg, root.method, errors);
      if (a) found.push(a);
    }
  }
  const brew = homebrewAssistants(places, errors);
  found.push(...brew.assistants);
  known.push(...brew.prefixes.map(dir => ({ dir, method: 'homebrew' as const })));
  found.push(...nativeAssistants(places, errors));
  for (const spot of nativeSpots(places)) {
    for (const dir of [spot.versions, spot.npmPrefix, spot.launcher && path.dirname(spot.launcher)]) if (dir) known.push({ dir, method: 'native' });
  }
  found.push(...pythonAssistants(places));
  known.push(...pythonToolDirs(places));

  linkLaunchers(findLaunchers(places, catalogBinaries(), errors), found, known, places, errors);
  return found;
}

/** What the global node_modules patterns depend on: the node folders on PATH and the .npmrc prefix. */
export function nodeRootInputs(places: Places): NodeRootInputs {
  const nodeName = places.platform === 'win32' ? 'node.exe' : 'node';
  const nodeDirs = pathEntries(places).filter(dir => isFile(path.join(dir, nodeName)));
  const npmrcPrefixes = npmrcFiles(places).flatMap(file => {
    try {
      const prefix = npmrcPrefix(readRegularFile(file, 'utf8'), places);
      return prefix ? [prefix] : [];
    } catch {
      return [];
    }
  });
  return { npmrcPrefixes, nodeDirs };
}

/** Existing global node_modules folders, each once (by real path), with how they got there. */
function globalNodeModules(places: Places): KnownPlace[] {
  const seen = new Set<string>();
  const out: KnownPlace[] = [];
  for (const pattern of nodeGlobalRootPatterns(places, nodeRootInputs(places))) {
    for (const dir of expandPattern(pattern)) {
      const real = realPath(dir) ?? dir;
      if (seen.has(real)) continue;
      seen.add(real);
      out.push({ dir: real, method: pattern.method });
    }
  }
  return out;
}

/** The most specific known place a path lies in. */
function methodFor(p: string, known: readonly KnownPlace[]): InstallMethod {
  let best: KnownPlace | undefined;
  for (const k of known) {
    const rel = path.relative(k.dir, p);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (!best || k.dir.length > best.dir.length) best = k;
  }
  return best?.method ?? 'path';
}

function addLauncher(a: Assistant, launcher: string): void {
  if (!(a.launchers ?? []).includes(launcher)) a.launchers = [...(a.launchers ?? []), launcher];
}

function linkLaunchers(launchers: Launcher[], found: Assistant[], known: KnownPlace[], places: Places, errors: ScanError[]): void {
  const byRoot = (root: string) => found.find(a => a.kind === 'cli' && (a.root === root || realPath(a.root) === root));
  const unresolved: Launcher[] = [];
  for (const l of launchers) {
    const t = l.target;
    if (t.type === 'package') {
      const root = realPath(t.root) ?? t.root;
      const existing = byRoot(root);
      if (existing) addLauncher(existing, l.path);
      else {
        const a = assistantFromPackage(root, methodFor(root, known), errors, [l.path]);
        if (a) found.push(a);
      }
    } else if (t.type === 'managed') {
      const candidates = found.filter(a => a.kind === 'cli' && a.install === t.manager && providesCommand(a, l.command) && (!t.nodeVersion || a.root.split(path.sep).includes(t.nodeVersion)));
      candidates.forEach(a => addLauncher(a, l.path));
      if (candidates.length === 0) unresolved.push(l);
    } else if (t.type === 'python') {
      const existing = byRoot(realPath(t.venv) ?? t.venv);
      if (existing) addLauncher(existing, l.path);
      else {
        const method = methodFor(t.venv, known);
        const a = assistantFromVenv(t.venv, method === 'pipx' || method === 'uv' ? method : 'path', [l.path]);
        if (a) found.push(a);
      }
    } else if (t.type === 'native') {
      const a = nativeFromLauncher(l, t.file, found, known, places);
      if (!a) unresolved.push(l);
    } else {
      unresolved.push(l);
    }
  }
  for (const l of unresolved) {
    if (found.some(a => a.launchers?.includes(l.path))) continue;
    const target = l.target.type === 'script' ? `a script (${l.target.file}) whose program could not be located` : l.target.type === 'managed' ? `a ${l.target.manager} shim no installed package provides` : 'a program in no known install location, with a name other programs also use';
    errors.push({ file: l.path, message: `\`${l.command}\` on PATH is ${target}: not audited` });
  }
}

/** A native program found on PATH: attached to what native/brew discovery found, or new. */
function nativeFromLauncher(l: Launcher, file: string, found: Assistant[], known: KnownPlace[], places: Places): Assistant | undefined {
  const entry = catalogForBinary(l.command).find(e => !e.python?.length) ?? catalogForBinary(l.command)[0];
  if (!entry) return undefined;
  const spot = nativeSpots(places).find(s => s.entry === entry && s.versions && versionEntryOf(file, realPath(s.versions) ?? s.versions));
  const inVersions = spot ? versionEntryOf(file, realPath(spot.versions!) ?? spot.versions!) : undefined;
  const brewDir = /[\\/](Caskroom|Cellar)[\\/]([^\\/]+)[\\/]([^\\/]+)/.exec(file);
  const root = inVersions?.root ?? (brewDir ? file.slice(0, brewDir.index + brewDir[0].length) : file);
  const existing = found.find(a => a.kind === 'cli' && (a.root === root || realPath(a.root) === realPath(root)));
  if (existing) {
    addLauncher(existing, l.path);
    return existing;
  }
  const method = inVersions ? 'native' : brewDir ? 'homebrew' : methodFor(file, known);
  if (method === 'path' && entry.genericBinaries?.includes(l.command)) return undefined;
  const version = inVersions?.version ?? brewDir?.[3];
  const how = method === 'path' ? `command \`${l.command}\` on PATH (matched by name)` : `command \`${l.command}\` on PATH`;
  const a = assistantFromNative(entry, root, method, how, [l.path], version);
  found.push(a);
  return a;
}

function providesCommand(a: Assistant, command: string): boolean {
  const entry = a.catalogId ? catalogById(a.catalogId) : undefined;
  if (entry?.binaries?.includes(command)) return true;
  const manifest = readJson(path.join(a.root, 'package.json'), undefined, 'package.json');
  return !!manifest && binEntries(manifest).some(([c]) => c === command);
}
