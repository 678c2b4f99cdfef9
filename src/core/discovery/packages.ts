// npm packages that are assistants, wherever they were installed, with the per-platform binary
// packages their optionalDependencies pulled in (Claude Code, Codex, Copilot CLI, opencode,
// Kilo and Amp ship their real program there).
import * as path from 'node:path';
import type { ScanError } from '../model';
import { CATALOG } from '../catalog/assistants';
import type { CatalogEntry } from '../catalog/types';
import { isPlatformPackage, isPlatformVariant } from '../catalog/lookup';
import type { Manifest } from '../catalog/traits';
import type { Assistant, InstallMethod } from './types';
import { executableFormat, forEachFile, isDir, readHead, readJson, realPath } from './fsread';
import { binEntries, makeAssistant, measure, recognisePackage, resolveEntry } from './recognise';

/** Reads a package folder and returns it as an assistant, or undefined when it is not one. */
export function assistantFromPackage(folder: string, install: InstallMethod, errors: ScanError[], launchers?: string[]): Assistant | undefined {
  if (isPlatformPart(folder)) return undefined;
  // pnpm and bun link packages in: the real folder is where hoisted siblings are found.
  const root = realPath(folder) ?? folder;
  const manifest = readJson(path.join(root, 'package.json'), errors, 'package.json');
  if (!manifest || typeof manifest.name !== 'string') return undefined;
  const recognised = recognisePackage(manifest.name, manifest);
  if (!recognised) return undefined;
  const platform = followPlatformPackages(root, manifest, recognised.entry);
  const extraPaths = platform.extraPaths;
  return makeAssistant({
    kind: 'cli',
    id: manifest.name,
    name: manifest.name,
    root,
    install,
    language: extraPaths.length ? 'native' : 'javascript',
    recognised: { ...recognised, why: [...recognised.why, ...platform.why] },
    ...(typeof manifest.version === 'string' ? { version: manifest.version } : {}),
    packageName: manifest.name,
    entry: mainCommandFile(root, manifest, recognised.entry),
    extraPaths,
    launchers,
    size: measure(root, extraPaths),
  });
}

/**
 * A folder installed under a platform package's name (`node_modules/@openai/codex-linux-x64`,
 * whose manifest says `@openai/codex`): part of another assistant, not one of its own.
 */
function isPlatformPart(root: string): boolean {
  const installedAs = installedName(root);
  return !!installedAs && CATALOG.some(e => isPlatformPackage(e, installedAs) && !(e.npm ?? []).includes(installedAs));
}

/** `@scope/name` or `name` from the folder's place under node_modules. */
function installedName(root: string): string | undefined {
  const parent = path.dirname(root);
  if (path.basename(parent) === 'node_modules') return path.basename(root);
  if (path.basename(parent).startsWith('@') && path.basename(path.dirname(parent)) === 'node_modules') return `${path.basename(parent)}/${path.basename(root)}`;
  return undefined;
}

function mainCommandFile(root: string, manifest: Manifest, entry: CatalogEntry | undefined): string | undefined {
  const bins = binEntries(manifest);
  const own = bins.find(([cmd]) => entry?.binaries?.includes(cmd)) ?? bins[0];
  return resolveEntry(root, own?.[1] ?? manifest.main);
}

/**
 * The installed platform packages named in optionalDependencies, nested in the package or
 * hoisted into an enclosing node_modules (npm, pnpm's `.pnpm` siblings, bun), and the native
 * executables inside them, as paths relative to the package root (a real path).
 */
export function followPlatformPackages(root: string, manifest: Manifest, entry: CatalogEntry | undefined): { extraPaths: string[]; why: string[] } {
  const optional = manifest.optionalDependencies;
  if (!optional || typeof optional !== 'object') return { extraPaths: [], why: [] };
  const name = String(manifest.name);
  const isOwnPlatform = (dep: string) => (entry ? isPlatformPackage(entry, dep) : isPlatformVariant(`${name}-`, dep));
  const extraPaths: string[] = [];
  const why: string[] = [];
  for (const dep of Object.keys(optional).filter(isOwnPlatform)) {
    const dir = locateDependency(root, dep);
    if (!dir) continue;
    const executables = nativeExecutables(dir);
    for (const exe of executables) extraPaths.push(path.relative(root, exe).split(path.sep).join('/'));
    why.push(`platform package ${dep} followed${executables.length ? ` (${executables.length} native executable${executables.length > 1 ? 's' : ''})` : ''}`);
  }
  return { extraPaths, why };
}

/** Node's lookup: root/node_modules/dep, then each enclosing node_modules. */
function locateDependency(root: string, dep: string): string | undefined {
  const nested = path.join(root, 'node_modules', dep);
  if (isDir(nested)) return nested;
  let dir = path.dirname(root);
  while (dir !== path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') {
      const hoisted = path.join(dir, dep);
      if (isDir(hoisted)) return hoisted;
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

const TEXT_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.json', '.md', '.txt', '.map', '.ts', '.d.ts', '.html', '.css', '.yml', '.yaml']);
/** Shared libraries and addons are loaded by the programs, not run: not listed as executables. */
const LIBRARY = /\.(so(\.\d+)*|dylib|dll|node)$/i;

/** ELF, Mach-O and PE programs in a (small) platform package. */
function nativeExecutables(dir: string): string[] {
  const found: string[] = [];
  forEachFile(dir, 2000, (abs, name) => {
    if (TEXT_EXTENSIONS.has(path.extname(name).toLowerCase()) || LIBRARY.test(name)) return;
    const head = readHead(abs, 8);
    if (head && executableFormat(head)) found.push(abs);
  });
  return found.sort();
}
