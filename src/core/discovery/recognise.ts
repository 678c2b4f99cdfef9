// Turns what discovery found (an extension folder, an npm package, a native program) into an
// Assistant: catalog entry first, then package.json traits; `why` says which.
import * as path from 'node:path';
import type { CatalogEntry } from '../catalog/types';
import { aiTraits, type Manifest } from '../catalog/traits';
import { catalogForExtension, catalogForNpm, ownVendorsOf, vendorOf } from '../catalog/lookup';
import { vendorsForPackage } from '../catalog/vendors';
import type { Assistant, CodeLanguage, InstallMethod } from './types';
import { diskSize, isFile } from './fsread';

export interface Recognised {
  entry?: CatalogEntry;
  why: string[];
}

export function catalogWhy(entry: CatalogEntry, matched: string): string {
  return `catalog: ${entry.product} (${matched})${entry.source ? '' : ' [catalog entry not verified]'}`;
}

/** An extension is an assistant when the catalog knows its id or its manifest has AI traits. */
export function recogniseExtension(id: string, manifest: Manifest): Recognised | undefined {
  const entry = catalogForExtension(id);
  if (entry) return { entry, why: [catalogWhy(entry, `extension id ${id}`)] };
  const traits = aiTraits(manifest);
  return traits.length ? { why: traits } : undefined;
}

/** A package with a command is an assistant when the catalog knows its name or it has AI traits. */
export function recognisePackage(name: string, manifest: Manifest): Recognised | undefined {
  const entry = catalogForNpm(name);
  if (entry) return { entry, why: [catalogWhy(entry, `npm package ${name}`)] };
  if (binEntries(manifest).length === 0) return undefined;
  const traits = aiTraits(manifest);
  return traits.length ? { why: traits } : undefined;
}

export interface AssistantParts {
  kind: 'extension' | 'cli';
  id: string;
  name: string;
  root: string;
  install: InstallMethod;
  language: CodeLanguage;
  recognised: Recognised;
  version?: string;
  editor?: string;
  extensionId?: string;
  packageName?: string;
  entry?: string;
  extraPaths?: string[];
  launchers?: string[];
  note?: string;
  size?: number;
}

export function makeAssistant(parts: AssistantParts): Assistant {
  const { entry } = parts.recognised;
  const vendor = entry ? vendorOf(entry) : {};
  const ownVendors = entry ? ownVendorsOf(entry) : parts.packageName ? vendorsForPackage(parts.packageName) : [];
  return {
    id: entry?.id ?? parts.id,
    name: entry?.product ?? parts.name,
    kind: parts.kind,
    root: parts.root,
    instanceId: '',
    ...(parts.version ? { version: parts.version } : {}),
    ...vendor,
    ...(parts.editor ? { editor: parts.editor } : {}),
    why: parts.recognised.why,
    ownVendors,
    install: parts.install,
    language: parts.language,
    ...(entry ? { catalogId: entry.id } : {}),
    ...(parts.extensionId || parts.packageName ? { names: [parts.extensionId, parts.packageName].filter((n): n is string => !!n) } : {}),
    ...(parts.extensionId ? { extensionId: parts.extensionId } : {}),
    ...(parts.packageName ? { packageName: parts.packageName } : {}),
    ...(parts.entry ? { entry: parts.entry } : {}),
    ...(parts.extraPaths?.length ? { extraPaths: parts.extraPaths } : {}),
    ...(parts.size !== undefined ? { size: parts.size } : {}),
    ...(parts.launchers?.length ? { launchers: parts.launchers } : {}),
    ...(parts.note ? { note: parts.note } : {}),
  };
}

/** Bytes of a root (folder or file) and its extra paths; undefined when it cannot be read. */
export function measure(root: string, extras?: readonly string[]): number | undefined {
  const base = diskSize(root);
  if (!base.complete && base.bytes === 0) return undefined;
  const dir = isFile(root) ? path.dirname(root) : root;
  // Extras nested under the root (an npm-nested platform package) are already counted.
  const outside = (extras ?? []).filter(extra => extra.startsWith('../'));
  return outside.reduce((n, extra) => n + diskSize(path.resolve(dir, extra)).bytes, base.bytes);
}

/** `bin` as [command, relative file] pairs (a string `bin` is named after the package). */
export function binEntries(manifest: Manifest): Array<[string, string]> {
  const bin = manifest.bin;
  const name = typeof manifest.name === 'string' ? manifest.name.replace(/^@[^/]+\//, '') : '';
  if (typeof bin === 'string') return name ? [[name, bin]] : [];
  if (!bin || typeof bin !== 'object') return [];
  return Object.entries(bin as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** A manifest path (`./dist/extension`) as a file relative to root, trying `.js` and `/index.js`. */
export function resolveEntry(root: string, declared: unknown): string | undefined {
  if (typeof declared !== 'string' || !declared) return undefined;
  const clean = path.posix.normalize(declared.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (clean.startsWith('../') || path.posix.isAbsolute(clean)) return undefined;
  for (const candidate of [clean, `${clean}.js`, `${clean}.cjs`, `${clean}/index.js`]) {
    if (isFile(path.join(root, candidate))) return candidate;
  }
  return clean;
}
