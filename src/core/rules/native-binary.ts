// Native code a package ships or pulls in: a `bin` that is an executable rather than a
// script, platform-specific packages (`@scope/tool-linux-x64`), a package restricted to
// os/cpu, node-gyp builds and known native addons. Compiled code cannot be read as
// JavaScript: the audit of it is weaker.
import type { JsonValue, ManifestContext, ManifestRule } from './types';

const PLATFORM_PACKAGE = /-(?:linux|darwin|win32|windows|freebsd|android|linuxmusl)(?:-|$)/;
const NATIVE_ADDONS = new Set(['node-pty', '@lydell/node-pty', 'keytar', '@github/keytar', 'sharp', 'better-sqlite3', 'sqlite3', 'bufferutil', 'utf-8-validate', 'fsevents', '@parcel/watcher', 'node-gyp-build', 'prebuild-install', 'bindings', 'nan', 'node-addon-api', 'ffi-napi', 'koffi']);
const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies'];

/** ELF, Mach-O (both byte orders, fat) and PE (MZ) magic numbers. */
export function isExecutableHead(head: Buffer | undefined): boolean {
  if (!head || head.length < 4) return false;
  const magic = head.readUInt32BE(0);
  return magic === 0x7f454c46 || [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic) || (head[0] === 0x4d && head[1] === 0x5a);
}

const isObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } => !!v && typeof v === 'object' && !Array.isArray(v);

function checkBins(manifest: { [key: string]: JsonValue }, ctx: ManifestContext) {
  const bin = manifest.bin;
  const entries: Array<[string[], string]> = typeof bin === 'string' ? [[['bin'], bin]] : isObject(bin) ? Object.entries(bin).filter(([, v]) => typeof v === 'string').map(([k, v]) => [['bin', k], v as string]) : [];
  for (const [keyPath, file] of entries) {
    const at = ctx.locate(keyPath);
    if (at && isExecutableHead(ctx.fileHead(file))) {
      ctx.report({ node: at, messageId: 'bin', data: { name: keyPath[1] ?? (typeof manifest.name === 'string' ? manifest.name : ''), file }, evidence: [`bin ${file}`], severity: 'medium' });
    }
  }
}

function checkDependencies(manifest: { [key: string]: JsonValue }, ctx: ManifestContext) {
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (!isObject(deps)) continue;
    const platform = Object.keys(deps).filter(n => PLATFORM_PACKAGE.test(n));
    const addons = Object.keys(deps).filter(n => NATIVE_ADDONS.has(n));
    const at = ctx.locate([field], 'key');
    if (!at || platform.length + addons.length === 0) continue;
    const names = [...addons, ...platform];
    ctx.report({ node: at, messageId: 'dependencies', data: { field, names: `${names.slice(0, 6).join(', ')}${names.length > 6 ? ` and ${names.length - 6} more` : ''}` }, evidence: names.map(n => `package ${n}`) });
  }
}

function checkPlatformFields(manifest: { [key: string]: JsonValue }, ctx: ManifestContext) {
  // One OS, and at most one CPU: a build of compiled code for that platform. A list of several
  // (`"os": ["darwin", "linux", "win32"]`) or an exclusion (`"!win32"`) only says where the
  // package runs: a script launcher that downloads its binary later reads the same.
  const os = allowed(manifest.os);
  const cpu = allowed(manifest.cpu);
  if (os?.length === 1 && (cpu === undefined || cpu.length === 1)) {
    const at = ctx.locate(['os'], 'key');
    const where = [...os, ...(cpu ?? [])].join('/');
    if (at) ctx.report({ node: at, messageId: 'platform', data: { where }, evidence: [`platform ${where}`] });
  }
  for (const field of ['gypfile', 'binary'] as const) {
    const at = ctx.locate([field], 'key');
    if (at && manifest[field]) ctx.report({ node: at, messageId: 'addon', data: { field }, evidence: [`field ${field}`] });
  }
}

/** The platforms an os/cpu field allows as written; undefined when absent or when one entry excludes (`!win32`). */
function allowed(field: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(field)) return undefined;
  const names = field.filter((v): v is string => typeof v === 'string');
  return names.some(n => n.startsWith('!')) ? undefined : names;
}

export const nativeBinary: ManifestRule = {
  meta: {
    id: 'native-binary',
    category: 'manifest',
    severity: 'low',
    title: 'Ships native code',
    description: 'A bin that is an ELF, Mach-O or PE executable (medium), platform-specific or native-addon dependencies (node-pty, keytar, sharp, *-linux-x64, ...), a build for one os/cpu, gypfile or node-pre-gyp binary fields.',
    messages: {
      bin: 'Its command {{name}} is a native executable ({{file}}), not a script',
      dependencies: '{{field}} pull in native code: {{names}}',
      platform: 'Built for one platform ({{where}}): ships compiled code',
      addon: 'Compiles or downloads a native addon on install ({{field}})',
    },
  },
  check(manifest, ctx) {
    checkBins(manifest, ctx);
    checkDependencies(manifest, ctx);
    checkPlatformFields(manifest, ctx);
  },
};
