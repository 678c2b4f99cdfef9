// A target for a PATH given on the command line or picked in the editor, and the folder a
// target's findings are relative to. Reads files only (package.json), light enough for the
// extension host.
import * as path from 'node:path';
import type { TargetSpec } from '../model';
import { vendorsForPackage } from '../catalog/vendors';
import { CATALOG } from '../catalog/assistants';
import { catalogForNpm, isPlatformPackage, ownVendorsOf } from '../catalog/lookup';
import { isFile, readJson } from './fsread';

/** The folder findings are relative to: the root, or the folder of a single-file target. */
export function targetRoot(spec: TargetSpec): string {
  return isFile(spec.root) ? path.dirname(spec.root) : spec.root;
}

/** A target for a PATH given on the command line: named after its package.json if it has one. */
export function targetForPath(inputPath: string): TargetSpec {
  const abs = path.resolve(inputPath);
  const dir = isFile(abs) ? path.dirname(abs) : abs;
  // An unpacked npm tarball keeps its package in `package/`: that package.json names the
  // assistant, whose own vendor and key store are then not "another vendor's".
  const pkg = readJson(path.join(dir, 'package.json'), undefined, 'package.json') ?? (isFile(abs) ? undefined : readJson(path.join(dir, 'package', 'package.json'), undefined, 'package.json'));
  const name = typeof pkg?.name === 'string' ? pkg.name : path.basename(abs);
  return {
    id: name,
    name,
    kind: 'path',
    root: abs,
    ...(typeof pkg?.version === 'string' ? { version: pkg.version } : {}),
    ownVendors: packageVendors(typeof pkg?.name === 'string' ? pkg.name : undefined),
    ...(typeof pkg?.name === 'string' ? { names: [pkg.name] } : {}),
  };
}

/**
 * The vendors a package name says are the assistant's own: by its npm scope, and by the catalog
 * entry it is (`opencode-ai`) or a per-platform package of (`opencode-linux-x64`: OpenCode's own
 * key store is not "another assistant's").
 */
function packageVendors(name: string | undefined): string[] {
  if (!name) return [];
  const entry = catalogForNpm(name) ?? CATALOG.find(e => isPlatformPackage(e, name));
  return [...new Set([...vendorsForPackage(name), ...(entry ? ownVendorsOf(entry) : [])])];
}
