// Bun single-file executables (`bun build --compile`): the "standalone module graph".
//
// Layout, read from Bun's src/StandaloneModuleGraph.zig over several releases:
//   graph bytes (byte_count) | Offsets | "\n---- Bun! ----\n"
// Offsets = { u64 byte_count, StringPointer modules, u32 entry_point_id
//             [, StringPointer compile_exec_argv, u32 flags] }  (24 bytes, later 32)
// StringPointer = { u32 offset, u32 length } into the graph bytes. The module table is an array
// of records: StringPointers name, contents, sourcemap, bytecode [, module_info,
// bytecode_origin_path], then u8 encoding, loader, module_format, side (36 bytes, later 52).
// Where it lives: an ELF `.bun` / PE `.bun` / Mach-O `__BUN,__bun` section that starts with
// its length (u64; u32 in older PE and Mach-O builds), or, in older Linux builds, appended to
// the file and followed by a u64 total size.
// Encodings: 0 binary (read as UTF-8), 1 latin1, 2 UTF-16LE (declared "utf8, unused" before).
import type { EmbeddedModule } from '../model';
import { languageOf } from './language';
import { BinaryReader, CorruptBinaryError, Fields, hex, type Region } from './reader';

export const BUN_TRAILER = Buffer.from('\n---- Bun! ----\n', 'latin1');
const OFFSETS_SIZES = [32, 24];
const RECORD_SIZES = [52, 44, 36];
const MAX_MODULES = 200_000;
const MAX_NAME = 4096;
const MAX_EXEC_ARGV = 64 * 1024;
/** How far from a section's end the trailer may sit when the length prefix is unusable. */
const TRAILER_SEARCH = 1024 * 1024;

export interface BunModuleRecord {
  name: string;
  /** Absolute file range of the module's bytes. */
  contents: Region;
  encoding: number;
  loader: number;
  moduleFormat: number;
  sourceMapSize: number;
  bytecodeSize: number;
}

export interface BunGraph {
  layout: 'section' | 'appended';
  modules: BunModuleRecord[];
  entryPoint: number;
  execArgv: string[];
}

/**
 * The module graph in `section` (the container's Bun section) or, without one, appended at
 * the end of the file. Undefined when the file has neither; CorruptBinaryError when a graph
 * is there but does not hold together.
 */
export function readBunGraph(reader: BinaryReader, section: Region | undefined): BunGraph | undefined {
  if (section) {
    reader.check(section.offset, section.size, 'Bun section');
    const end = sectionPayloadEnd(reader, section);
    if (end === undefined) throw new CorruptBinaryError(`the Bun section (${section.size} bytes) holds no module graph trailer`);
    return parseGraph(reader, end, { ...section, name: 'the Bun section' }, 'section');
  }
  if (reader.size >= BUN_TRAILER.length + 8 && reader.read(reader.size - 8 - BUN_TRAILER.length, BUN_TRAILER.length, 'Bun trailer').equals(BUN_TRAILER)) {
    return parseGraph(reader, reader.size - 8, { offset: 0, size: reader.size }, 'appended');
  }
  return undefined;
}

/** Where the graph (ending in the trailer) ends inside its section. */
function sectionPayloadEnd(reader: BinaryReader, section: Region): number | undefined {
  const head = reader.readUpTo(section.offset, 8, 'Bun section length');
  const endsInTrailer = (end: number) =>
    end - BUN_TRAILER.length >= section.offset && reader.read(end - BUN_TRAILER.length, BUN_TRAILER.length, 'Bun trailer').equals(BUN_TRAILER);
  for (const width of [8, 4]) {
    if (head.length < width || section.size < width) continue;
    const length = width === 8 ? new Fields(head, true, 'Bun section').u64(0) : head.readUInt32LE(0);
    if (length > section.size - width) continue;
    const end = section.offset + width + length;
    if (endsInTrailer(end)) return end;
  }
  const tailSize = Math.min(section.size, TRAILER_SEARCH);
  const tail = reader.read(section.offset + section.size - tailSize, tailSize, 'Bun section tail');
  const at = tail.lastIndexOf(BUN_TRAILER);
  return at === -1 ? undefined : section.offset + section.size - tailSize + at + BUN_TRAILER.length;
}

function parseGraph(reader: BinaryReader, end: number, window: Region, layout: BunGraph['layout']): BunGraph {
  let first: unknown;
  for (const size of OFFSETS_SIZES) {
    try {
      return parseWithOffsets(reader, end - BUN_TRAILER.length - size, size, window, layout);
    } catch (e) {
      if (!(e instanceof CorruptBinaryError)) throw e;
      first ??= e;
    }
  }
  throw first;
}

function parseWithOffsets(reader: BinaryReader, offsetsAt: number, offsetsSize: number, window: Region, layout: BunGraph['layout']): BunGraph {
  const o = new Fields(reader.read(offsetsAt, offsetsSize, 'Bun graph offsets', window), true, 'Bun graph offsets');
  const byteCount = o.u64(0);
  const data: Region = { offset: offsetsAt - byteCount, size: byteCount, name: 'the module graph' };
  reader.check(data.offset, data.size, 'Bun module graph', window);
  const within = (offset: number, length: number, what: string): Region => {
    reader.check(data.offset + offset, length, what, data);
    return { offset: data.offset + offset, size: length };
  };
  const table = within(o.u32(8), o.u32(12), 'Bun module table');
  const entryPoint = o.u32(16);
  if (table.size === 0) throw new CorruptBinaryError('Bun module graph lists no modules');
  if (table.size > MAX_MODULES * RECORD_SIZES[0]) throw new CorruptBinaryError(`Bun module table is ${table.size} bytes, more than ${MAX_MODULES} modules`);
  const rawTable = reader.read(table.offset, table.size, 'Bun module table');

  let first: unknown;
  for (const recordSize of RECORD_SIZES) {
    if (table.size % recordSize !== 0) continue;
    try {
      const modules = parseRecords(reader, rawTable, recordSize, within);
      if (entryPoint >= modules.length) throw new CorruptBinaryError(`Bun entry point ${entryPoint} is past the ${modules.length} modules`);
      return { layout, modules, entryPoint, execArgv: offsetsSize >= 28 ? execArgvOf(reader, within(o.u32(20), o.u32(24), 'Bun exec argv')) : [] };
    } catch (e) {
      if (!(e instanceof CorruptBinaryError)) throw e;
      first ??= e;
    }
  }
  throw first ?? new CorruptBinaryError(`Bun module table size ${table.size} fits no known record layout`);
}

function parseRecords(
  reader: BinaryReader,
  table: Buffer,
  recordSize: number,
  within: (offset: number, length: number, what: string) => Region,
): BunModuleRecord[] {
  const count = table.length / recordSize;
  const pointers = (recordSize - 4) / 8;
  const modules: BunModuleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const f = new Fields(table.subarray(i * recordSize, (i + 1) * recordSize), true, `Bun module record ${i}`);
    const ptr = (k: number, what: string) => within(f.u32(k * 8), f.u32(k * 8 + 4), `Bun module ${i} ${what}`);
    const name = ptr(0, 'name');
    const contents = ptr(1, 'contents');
    const sourceMap = ptr(2, 'source map');
    const bytecode = ptr(3, 'bytecode');
    for (let k = 4; k < pointers; k++) ptr(k, 'metadata');
    const [encoding, loader, moduleFormat, side] = [f.u8(recordSize - 4), f.u8(recordSize - 3), f.u8(recordSize - 2), f.u8(recordSize - 1)];
    if (encoding > 2 || moduleFormat > 2 || side > 1) {
      throw new CorruptBinaryError(`Bun module ${i} has encoding ${encoding}, format ${moduleFormat}, side ${side}: not a module record`);
    }
    if (name.size === 0 || name.size > MAX_NAME) throw new CorruptBinaryError(`Bun module ${i} has a ${name.size}-byte name`);
    const rawName = reader.read(name.offset, name.size, `Bun module ${i} name`);
    if (rawName.some(b => b < 0x20 || b === 0x7f)) throw new CorruptBinaryError(`Bun module ${i} name at ${hex(name.offset)} holds control bytes`);
    modules.push({
      name: rawName.toString('utf8'),
      contents,
      encoding,
      loader,
      moduleFormat,
      sourceMapSize: sourceMap.size,
      bytecodeSize: bytecode.size,
    });
  }
  return modules;
}

function execArgvOf(reader: BinaryReader, region: Region): string[] {
  if (region.size === 0 || region.size > MAX_EXEC_ARGV) return [];
  return reader.read(region.offset, region.size, 'Bun exec argv').toString('utf8').split(/\s+/).filter(Boolean);
}

const JS_LOADERS = 3; // jsx, js, ts, tsx: the first four values of Bun's Loader enum in every release

/** `head`: the first bytes of the contents, which decide what a non-JS-loader file holds. */
export function bunModuleInfo(record: BunModuleRecord, entryPoint: boolean, head: () => Buffer): EmbeddedModule {
  return {
    name: record.name,
    size: record.contents.size,
    language: record.loader <= JS_LOADERS ? 'js' : languageOf(record.name, head()),
    encoding: encodingOf(record),
    ...(record.moduleFormat === 1 ? { format: 'esm' as const } : record.moduleFormat === 2 ? { format: 'cjs' as const } : {}),
    ...(entryPoint ? { entryPoint: true } : {}),
    ...(record.bytecodeSize > 0 ? { bytecode: true } : {}),
    ...(record.sourceMapSize > 0 ? { sourceMap: { kind: 'embedded' as const, size: record.sourceMapSize } } : {}),
  };
}

function encodingOf(record: BunModuleRecord): NonNullable<EmbeddedModule['encoding']> {
  if (record.encoding === 1) return 'latin1';
  if (record.encoding === 2) return record.contents.size % 2 === 0 ? 'utf16le' : 'utf8';
  return 'binary';
}

/** The module's source text; the caller has checked its size against the per-module limit. */
export function bunModuleText(reader: BinaryReader, record: BunModuleRecord): string {
  const bytes = reader.read(record.contents.offset, record.contents.size, `module ${record.name}`);
  const encoding = encodingOf(record);
  return bytes.toString(encoding === 'binary' ? 'utf8' : encoding);
}
