// One native file: what container it is, which runtime's JavaScript it embeds (Bun module
// graph, Node SEA blob, or none: then it gets the strings pass), and its modules, each with a
// way to read its text. Nothing here runs or loads the binary.
import type { BinaryContainer, BinaryFormat, BinaryKind, EmbeddedModule } from '../model';
import { bunModuleInfo, bunModuleText, readBunGraph, type BunGraph, type BunModuleRecord } from './bun';
import { containerFromHead, embeddedRegions, HEAD_BYTES, kindOf, type EmbeddedRegions } from './executable';
import { archiveContainer, archiveModules } from './archive';
import type { InspectOptions, ModuleLocator, ModuleSource } from './sources';

export type { InspectOptions, ModuleLocator, ModuleSource } from './sources';
import { isArchiveName, languageOf } from './language';
import { BinaryReader, CorruptBinaryError } from './reader';
import { readSeaBlob, type SeaBlob } from './sea';

/** The text of a module by its locator (the caller has checked its size against the per-module limit). */
export function moduleTextAt(reader: BinaryReader, at: ModuleLocator): string {
  return at.kind === 'bun' ? bunModuleText(reader, at.record) : reader.read(at.offset, at.size, at.what).toString('utf8');
}

/** The raw bytes of a module by its locator (what a cache key hashes). */
export function moduleBytesAt(reader: BinaryReader, at: ModuleLocator): Buffer {
  return at.kind === 'bun' ? reader.read(at.record.contents.offset, at.record.contents.size, `module ${at.record.name}`) : reader.read(at.offset, at.size, at.what);
}

export interface NativeInspection {
  container: BinaryContainer;
  kind: BinaryKind;
  format: BinaryFormat;
  execArgv?: string[];
  codeCache?: boolean;
  snapshot?: boolean;
  /** Why the embedded code could not be read, when a graph or blob is there but broken. */
  error?: string;
  modules(): Iterable<ModuleSource>;
}


/** Undefined when the file is not a native container (ELF, Mach-O, PE, wasm) or an archive we know. */
export function inspectNative(reader: BinaryReader, name: string, options: InspectOptions): NativeInspection | undefined {
  const head = reader.readUpTo(0, HEAD_BYTES, 'file header');
  const archive = archiveContainer(head, name);
  if (archive) return { container: archive, kind: 'archive', format: 'archive', modules: () => archiveModules(reader, archive, { offset: 0, size: reader.size }, '', options) };
  const container = containerFromHead(head);
  if (!container) return undefined;
  const base = { container, kind: kindOf(name, container) };
  // Broken headers hide sections, not an appended Bun graph: look for that one anyway.
  let regions: EmbeddedRegions = {};
  let headerError: string | undefined;
  try {
    regions = embeddedRegions(reader, container);
  } catch (e) {
    if (!(e instanceof CorruptBinaryError)) throw e;
    headerError = `${container} headers are corrupt (${e.message}); read as strings only`;
  }
  try {
    const graph = readBunGraph(reader, regions.bunSection);
    if (graph) return { ...base, format: 'bun', ...(graph.execArgv.length ? { execArgv: graph.execArgv } : {}), modules: () => bunModules(reader, graph) };
  } catch (e) {
    if (!(e instanceof CorruptBinaryError)) throw e;
    return { ...base, format: 'bun', error: `Bun module graph is corrupt: ${e.message}`, modules: () => [] };
  }
  if (regions.seaBlob) {
    try {
      const sea = readSeaBlob(reader, regions.seaBlob);
      return {
        ...base,
        format: 'node-sea',
        ...(sea.execArgv.length ? { execArgv: sea.execArgv } : {}),
        ...(sea.codeCache ? { codeCache: true } : {}),
        ...(sea.snapshot ? { snapshot: true } : {}),
        modules: () => seaModules(reader, sea, options),
      };
    } catch (e) {
      if (!(e instanceof CorruptBinaryError)) throw e;
      return { ...base, format: 'node-sea', error: `Node SEA blob is corrupt: ${e.message}`, modules: () => [] };
    }
  }
  return { ...base, format: 'strings', ...(headerError ? { error: headerError } : {}), modules: () => [] };
}

function* bunModules(reader: BinaryReader, graph: BunGraph): Generator<ModuleSource> {
  // Records are the binary's own claims: many may point at the same bytes (a crafted file made
  // 100 records of one 1 MB module cost 105 MB of scanning). Each range is read once.
  const firstAt = new Map<string, string>();
  for (const [i, record] of graph.modules.entries()) {
    const range = `${record.contents.offset}:${record.contents.size}`;
    const first = record.contents.size > 0 ? firstAt.get(range) : undefined;
    if (first !== undefined) {
      yield { error: `module record holds the same bytes as ${first}: scanned once, there`, entry: record.name };
      continue;
    }
    firstAt.set(range, record.name);
    const module = bunModuleInfo(record, i === graph.entryPoint, () => reader.read(record.contents.offset, Math.min(record.contents.size, 8), `module ${record.name}`));
    yield module.language === 'js' ? { module, text: () => bunModuleText(reader, record), at: { kind: 'bun', record } } : { module };
  }
}

function* seaModules(reader: BinaryReader, sea: SeaBlob, options: InspectOptions): Generator<ModuleSource> {
  const main: EmbeddedModule = {
    name: sea.codePath || '(main script)',
    size: sea.main.size,
    language: sea.snapshot ? 'snapshot' : 'js',
    encoding: 'utf8',
    ...(sea.mainFormat ? { format: sea.mainFormat } : {}),
    entryPoint: true,
  };
  if (sea.snapshot) {
    yield { module: main };
    yield { entry: main.name, error: 'the main script is a V8 startup snapshot: its JavaScript is not readable, not scanned' };
  } else {
    const at: ModuleLocator = { kind: 'utf8', offset: sea.main.offset, size: sea.main.size, what: 'SEA main script' };
    yield { module: main, text: () => moduleTextAt(reader, at), at };
  }
  for (const asset of sea.assets) {
    const head = reader.read(asset.data.offset, Math.min(asset.data.size, 8), `SEA asset ${asset.name}`);
    const gzipOrTar = isArchiveName(asset.name) || (head.length >= 2 && head.readUInt16BE(0) === 0x1f8b);
    const module: EmbeddedModule = { name: asset.name, size: asset.data.size, language: gzipOrTar ? 'archive' : languageOf(asset.name, head) };
    const at: ModuleLocator = { kind: 'utf8', offset: asset.data.offset, size: asset.data.size, what: `SEA asset ${asset.name}` };
    yield module.language === 'js' ? { module, text: () => moduleTextAt(reader, at), at } : { module };
    if (gzipOrTar) yield* archiveModules(reader, 'tar', asset.data, `${asset.name}!/`, options);
  }
}

/**
 * The text of one embedded JS module, by the name a finding's `entry` carries: what a viewer
 * opens to show a finding in place. Reads only up to that module (an archive is inflated up
 * to its entry).
 */
export function embeddedModuleText(reader: BinaryReader, fileName: string, entry: string, options: InspectOptions): { text: string } | { error: string } {
  try {
    // A finding's entry may be a test entry of an audit run with --include-tests.
    const inspection = inspectNative(reader, fileName, { ...options, includeTests: true });
    if (!inspection) return { error: 'not a native file' };
    for (const source of inspection.modules()) {
      if (!('module' in source) || source.module.name !== entry) continue;
      if (source.module.size > options.maxModuleBytes) return { error: `${entry} is over the per-module limit` };
      return source.text ? { text: source.text() } : { error: `${entry} is not JavaScript text (${source.module.language})` };
    }
    return { error: inspection.error ?? `no module ${entry} in this binary` };
  } catch (e) {
    if (!(e instanceof CorruptBinaryError)) throw e;
    return { error: e.message };
  }
}

