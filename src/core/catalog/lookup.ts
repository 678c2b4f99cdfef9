// Finding catalog entries by what discovery sees on disk: an extension id, an npm name, a command.
import { CATALOG } from './assistants';
import type { CatalogEntry } from './types';
import { vendorById } from './vendors';

function index(key: (e: CatalogEntry) => string[] | undefined): Map<string, CatalogEntry[]> {
  const map = new Map<string, CatalogEntry[]>();
  for (const entry of CATALOG) {
    for (const k of key(entry) ?? []) {
      const lower = k.toLowerCase();
      map.set(lower, [...(map.get(lower) ?? []), entry]);
    }
  }
  return map;
}

const byExtensionId = index(e => e.extensionIds);
const byNpm = index(e => e.npm);
const byBinary = index(e => e.binaries);
const byPython = index(e => e.python);

/** Extension ids are case-insensitive (VS Code compares them so). */
export function catalogForExtension(id: string): CatalogEntry | undefined {
  return byExtensionId.get(id.toLowerCase())?.[0];
}

export function catalogForNpm(name: string): CatalogEntry | undefined {
  return byNpm.get(name.toLowerCase())?.[0];
}

/** Every CLI entry that puts this command on PATH (`kimi` belongs to two products). */
export function catalogForBinary(name: string): CatalogEntry[] {
  return byBinary.get(name.toLowerCase()) ?? [];
}

export function catalogForPython(distribution: string): CatalogEntry | undefined {
  return byPython.get(distribution.toLowerCase().replace(/_/g, '-'))?.[0];
}

export function catalogById(id: string): CatalogEntry | undefined {
  return CATALOG.find(e => e.id === id);
}

/** Every command name a catalog CLI uses: what the PATH walk looks for. */
export function catalogBinaries(): string[] {
  return [...byBinary.keys()];
}

/** Vendor ids whose endpoints count as the assistant's own: its publisher and the models it is built for. */
export function ownVendorsOf(entry: CatalogEntry): string[] {
  return [...new Set([entry.vendor, ...(entry.serves ?? [])].filter((v): v is string => !!v))];
}

/** The publisher's vendor id and country, as results carry them. */
export function vendorOf(entry: CatalogEntry): { vendor?: string; country?: string } {
  const vendor = entry.vendor ? vendorById(entry.vendor) : undefined;
  return vendor ? { vendor: vendor.id, country: vendor.country } : {};
}

/** `linux-x64`, `darwin-arm64`, `linuxmusl-x64`, `windows-x64-baseline`...: what follows a platform package's prefix. */
const PLATFORM_SUFFIX = /^(darwin|linux|linuxmusl|win32|windows|freebsd|openbsd|android)(-|$)/;

/** `name-<platform>`: a per-platform package of `name` (not `name-sdk` or `name-language-server`). */
export function isPlatformVariant(prefix: string, packageName: string): boolean {
  return packageName.startsWith(prefix) && PLATFORM_SUFFIX.test(packageName.slice(prefix.length));
}

/** The npm package is one of the entry's per-platform binary packages. */
export function isPlatformPackage(entry: CatalogEntry, packageName: string): boolean {
  return (entry.platformPackages ?? []).some(prefix => isPlatformVariant(prefix, packageName));
}
