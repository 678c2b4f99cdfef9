// Builds tiny native containers for tests: ELF, Mach-O (thin and universal) and PE files with
// named sections, ELF notes and PE resources, Bun module graphs in the layouts Bun has used,
// Node SEA blobs, and tarballs. Written from the formats' specifications, byte by byte, so the
// tests do not depend on any toolchain.
import * as zlib from 'node:zlib';

const TRAILER = Buffer.from('\n---- Bun! ----\n', 'latin1');

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u64(n: number | bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}
function fixed(s: string, size: number): Buffer {
  const b = Buffer.alloc(size);
  b.write(s, 'latin1');
  return b;
}
const pad = (n: number, a: number) => Math.ceil(n / a) * a;

// ---------------------------------------------------------------- Bun module graph

export interface BunModuleSpec {
  name: string;
  text?: string;
  bytes?: Buffer;
  /** How the text is stored: Bun's encoding byte 1 (latin1), 2 (UTF-16LE) or 0 (binary, read as UTF-8). */
  encoding?: 'latin1' | 'utf16' | 'binary';
  /** Bun's Loader value: 1 = js (default), 10 = napi in recent releases, 5 = file. */
  loader?: number;
  format?: 0 | 1 | 2;
  sourceMap?: Buffer;
  bytecode?: Buffer;
  /** Point this record's contents at the bytes of an earlier module (a crafted graph). */
  sameBytesAs?: number;
}

export interface BunGraphOptions {
  /** 52 since module_info/bytecode_origin_path, 36 before. */
  recordSize?: 36 | 52;
  /** 32 since compile_exec_argv (and flags), 24 before. */
  offsetsSize?: 24 | 32;
  entryPoint?: number;
  execArgv?: string;
}

/** graph bytes | Offsets | trailer, as Bun's StandaloneModuleGraph.toBytes lays them out. */
export function bunGraph(modules: BunModuleSpec[], options: BunGraphOptions = {}): Buffer {
  const recordSize = options.recordSize ?? 52;
  const offsetsSize = options.offsetsSize ?? 32;
  const parts: Buffer[] = [];
  let length = 0;
  const append = (b: Buffer, nul = false, align = 1) => {
    const gap = pad(length, align) - length;
    if (gap) parts.push(Buffer.alloc(gap));
    length += gap;
    const at = length;
    parts.push(b);
    length += b.length;
    if (nul) {
      parts.push(Buffer.alloc(1));
      length += 1;
    }
    return [at, b.length] as const;
  };
  const none = [0, 0] as const;
  const contentsOf: Array<readonly [number, number]> = [];
  const records = modules.map(m => {
    const encoding = m.encoding ?? 'latin1';
    const bytes = m.bytes ?? Buffer.from(m.text ?? '', encoding === 'utf16' ? 'utf16le' : encoding === 'binary' ? 'utf8' : 'latin1');
    const name = append(Buffer.from(m.name, 'utf8'), true);
    const contents = m.sameBytesAs !== undefined ? contentsOf[m.sameBytesAs] : append(bytes, true, encoding === 'utf16' ? 2 : 1);
    contentsOf.push(contents);
    const sourceMap = m.sourceMap ? append(m.sourceMap) : none;
    const bytecode = m.bytecode ? append(m.bytecode, false, 128) : none;
    const pointers = [name, contents, sourceMap, bytecode, ...(recordSize === 52 ? [none, none] : [])];
    return Buffer.concat([
      ...pointers.flatMap(([o, l]) => [u32(o), u32(l)]),
      Buffer.from([encoding === 'latin1' ? 1 : encoding === 'utf16' ? 2 : 0, m.loader ?? 1, m.format ?? 1, 0]),
    ]);
  });
  const table = append(Buffer.concat(records));
  const argv = append(Buffer.from(options.execArgv ?? '', 'utf8'), true);
  const offsets = Buffer.concat([
    u64(length),
    u32(table[0]),
    u32(table[1]),
    u32(options.entryPoint ?? 0),
    ...(offsetsSize === 32 ? [u32(argv[0]), u32(argv[1]), u32(0)] : [u32(0)]),
  ]);
  return Buffer.concat([...parts, offsets, TRAILER]);
}

/** A Bun section's contents: the graph behind its length (u64 in current builds, u32 in older PE/Mach-O). */
export function bunSection(graph: Buffer, lengthWidth: 4 | 8 = 8, slack = 0): Buffer {
  return Buffer.concat([lengthWidth === 8 ? u64(graph.length) : u32(graph.length), graph, Buffer.alloc(slack)]);
}

/** The older Linux layout: the graph appended to the executable, then the u64 total size. */
export function appendedBun(executable: Buffer, graph: Buffer): Buffer {
  return Buffer.concat([executable, graph, u64(executable.length + graph.length + 8)]);
}

// ---------------------------------------------------------------- Node SEA

export interface SeaSpec {
  /** null: the first SEA layout, which had no code path. */
  codePath?: string | null;
  main: string;
  /** Bytes between the flags and the code path in later Node releases (exec argv extension, main format). */
  headerExtra?: number[];
  codeCache?: Buffer;
  snapshot?: boolean;
  assets?: Array<[string, Buffer]>;
  execArgv?: string[];
}

export function seaBlob(spec: SeaSpec): Buffer {
  const str = (b: Buffer) => [u64(b.length), b];
  const flags = 1 | (spec.snapshot ? 2 : 0) | (spec.codeCache ? 4 : 0) | (spec.assets ? 8 : 0) | (spec.execArgv ? 16 : 0);
  return Buffer.concat([
    u32(0x0143da20),
    u32(flags),
    Buffer.from(spec.headerExtra ?? []),
    ...(spec.codePath === null ? [] : str(Buffer.from(spec.codePath ?? 'main.js'))),
    ...str(Buffer.from(spec.main, 'utf8')),
    ...(spec.codeCache ? str(spec.codeCache) : []),
    ...(spec.assets ? [u64(spec.assets.length), ...spec.assets.flatMap(([k, v]) => [...str(Buffer.from(k)), ...str(v)])] : []),
    ...(spec.execArgv ? [u64(spec.execArgv.length), ...spec.execArgv.flatMap(a => str(Buffer.from(a)))] : []),
  ]);
}

// ---------------------------------------------------------------- ELF

export interface ElfSpec {
  sections?: Array<{ name: string; data: Buffer }>;
  notes?: Array<{ name: string; desc: Buffer }>;
  /** Filler so the file looks like a runtime: strings-pass fixtures put text here. */
  body?: Buffer;
}

/** A 64-bit little-endian ELF executable with named PROGBITS sections and one PT_NOTE segment. */
export function elf(spec: ElfSpec = {}): Buffer {
  const sections = spec.sections ?? [];
  const notes = spec.notes ?? [];
  const phnum = notes.length ? 1 : 0;
  const out: Buffer[] = [];
  let at = 64 + phnum * 56;
  const place = (b: Buffer, align = 8) => {
    const gap = pad(at, align) - at;
    out.push(Buffer.alloc(gap), b);
    at += gap;
    const offset = at;
    at += b.length;
    return offset;
  };
  if (spec.body) place(spec.body);
  const noteBytes = Buffer.concat(
    notes.map(n => {
      const name = Buffer.from(`${n.name}\0`, 'latin1');
      return Buffer.concat([u32(name.length), u32(n.desc.length), u32(0), name, Buffer.alloc(pad(name.length, 4) - name.length), n.desc, Buffer.alloc(pad(n.desc.length, 4) - n.desc.length)]);
    }),
  );
  const noteAt = notes.length ? place(noteBytes, 4) : 0;
  const placed = sections.map(s => ({ ...s, offset: place(s.data) }));
  const names = ['', ...sections.map(s => s.name), '.shstrtab'];
  const nameAt = names.map((_, i) => names.slice(0, i).reduce((n, x) => n + x.length + 1, 0));
  const strtab = Buffer.from(names.map(n => `${n}\0`).join(''), 'latin1');
  const strtabAt = place(strtab, 1);
  const sh = (name: number, type: number, offset: number, size: number) =>
    Buffer.concat([u32(name), u32(type), u64(0), u64(0), u64(offset), u64(size), u32(0), u32(0), u64(1), u64(0)]);
  const headers = Buffer.concat([
    Buffer.alloc(64),
    ...placed.map((s, i) => sh(nameAt[i + 1], 1, s.offset, s.data.length)),
    sh(nameAt[names.length - 1], 3, strtabAt, strtab.length),
  ]);
  const shoff = place(headers);
  const header = Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8),
    u16(2), u16(0x3e), u32(1), u64(0), u64(phnum ? 64 : 0), u64(shoff), u32(0),
    u16(64), u16(56), u16(phnum), u16(64), u16(sections.length + 2), u16(sections.length + 1),
  ]);
  const phdrs = phnum ? Buffer.concat([u32(4), u32(4), u64(noteAt), u64(0), u64(0), u64(noteBytes.length), u64(noteBytes.length), u64(4)]) : Buffer.alloc(0);
  return Buffer.concat([header, phdrs, ...out]);
}

// ---------------------------------------------------------------- Mach-O

export interface MachOSectionSpec {
  segment: string;
  name: string;
  data: Buffer;
}

/** A 64-bit Mach-O executable with one LC_SEGMENT_64 per segment named in `sections`. */
export function macho(sections: MachOSectionSpec[]): Buffer {
  const segments = [...new Set(sections.map(s => s.segment))];
  const sizeofcmds = segments.reduce((n, seg) => n + 72 + 80 * sections.filter(s => s.segment === seg).length, 0);
  let at = pad(32 + sizeofcmds, 16);
  const data: Buffer[] = [Buffer.alloc(at - 32 - sizeofcmds)];
  const offsets = new Map<MachOSectionSpec, number>();
  for (const s of sections) {
    offsets.set(s, at);
    data.push(s.data, Buffer.alloc(pad(s.data.length, 16) - s.data.length));
    at += pad(s.data.length, 16);
  }
  const commands = segments.map(seg => {
    const own = sections.filter(s => s.segment === seg);
    return Buffer.concat([
      u32(0x19), u32(72 + 80 * own.length), fixed(seg, 16), u64(0), u64(0), u64(offsets.get(own[0])!), u64(0), u32(7), u32(5), u32(own.length), u32(0),
      ...own.map(s => Buffer.concat([fixed(s.name, 16), fixed(seg, 16), u64(0), u64(s.data.length), u32(offsets.get(s)!), u32(0), u32(0), u32(0), u32(0), u32(0), u32(0), u32(0)])),
    ]);
  });
  const header = Buffer.concat([u32(0xfeedfacf), u32(0x01000007), u32(3), u32(2), u32(segments.length), u32(sizeofcmds), u32(0), u32(0)]);
  return Buffer.concat([header, ...commands, ...data]);
}

/** A universal file holding the given thin slices. */
export function fat(slices: Buffer[]): Buffer {
  const be = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  let at = pad(8 + 20 * slices.length, 4096);
  const table: Buffer[] = [];
  const body: Buffer[] = [];
  for (const s of slices) {
    table.push(be(0x01000007), be(3), be(at), be(s.length), be(12));
    const gap = at - (8 + 20 * slices.length + body.reduce((n, b) => n + b.length, 0));
    body.push(Buffer.alloc(gap), s);
    at = pad(at + s.length, 4096);
  }
  return Buffer.concat([be(0xcafebabe), be(slices.length), ...table, ...body]);
}

// ---------------------------------------------------------------- PE

export interface PeSpec {
  sections?: Array<{ name: string; data: Buffer }>;
  /** An RT_RCDATA resource, as postject injects it. */
  rcdata?: { name: string; data: Buffer };
}

/** A PE32+ executable with the given sections and, optionally, a `.rsrc` section. */
export function pe(spec: PeSpec): Buffer {
  const sections = [...(spec.sections ?? [])];
  const rsrcIndex = spec.rcdata ? sections.length : -1;
  const count = sections.length + (spec.rcdata ? 1 : 0);
  const headersEnd = pad(64 + 4 + 20 + 240 + 40 * count, 512);
  const va = (i: number) => 0x1000 * (i + 1) * 16;
  if (spec.rcdata) sections.push({ name: '.rsrc', data: resourceTree(spec.rcdata.name, spec.rcdata.data, va(rsrcIndex)) });
  let at = headersEnd;
  const raw = sections.map(s => {
    const r = { offset: at, size: pad(s.data.length, 512) };
    at += r.size;
    return r;
  });
  const dirs = Buffer.alloc(128);
  if (spec.rcdata) {
    dirs.writeUInt32LE(va(rsrcIndex), 16);
    dirs.writeUInt32LE(sections[rsrcIndex].data.length, 20);
  }
  const optional = Buffer.alloc(240);
  optional.writeUInt16LE(0x20b, 0);
  optional.writeUInt32LE(16, 108);
  dirs.copy(optional, 112);
  const table = Buffer.concat(sections.map((s, i) => Buffer.concat([fixed(s.name, 8), u32(s.data.length), u32(va(i)), u32(raw[i].size), u32(raw[i].offset), Buffer.alloc(16)])));
  const dos = Buffer.alloc(64);
  dos.write('MZ', 0, 'latin1');
  dos.writeUInt32LE(64, 0x3c);
  const coff = Buffer.concat([u16(0x8664), u16(count), u32(0), u32(0), u32(0), u16(240), u16(0x22)]);
  const head = Buffer.concat([dos, Buffer.from('PE\0\0', 'latin1'), coff, optional, table]);
  return Buffer.concat([head, Buffer.alloc(headersEnd - head.length), ...sections.map((s, i) => Buffer.concat([s.data, Buffer.alloc(raw[i].size - s.data.length)]))]);
}

/** type RT_RCDATA (10) -> name -> language 0x409 -> data entry, then the name string and the data. */
function resourceTree(name: string, data: Buffer, sectionVa: number): Buffer {
  const dir = (named: number, ids: number) => Buffer.concat([Buffer.alloc(12), u16(named), u16(ids)]);
  const nameAt = 16 + 8 + 16 + 8 + 16 + 8 + 16;
  const nameBytes = Buffer.concat([u16(name.length), Buffer.from(name, 'utf16le')]);
  const dataAt = pad(nameAt + nameBytes.length, 8);
  return Buffer.concat([
    dir(0, 1), u32(10), u32(0x80000000 | 24),
    dir(1, 0), u32(0x80000000 | nameAt), u32(0x80000000 | 48),
    dir(0, 1), u32(0x409), u32(72),
    u32(sectionVa + dataAt), u32(data.length), u32(0), u32(0),
    nameBytes, Buffer.alloc(dataAt - nameAt - nameBytes.length),
    data,
  ]);
}

// ---------------------------------------------------------------- tarballs

/** A ustar archive; names over 100 bytes get a GNU long-name record first. */
export function tarball(entries: Array<[string, string | Buffer]>): Buffer {
  const blocks: Buffer[] = [];
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name.slice(0, 100), 0, 'utf8');
    h.write('0000644\0', 100, 'latin1');
    h.write('0000000\0', 108, 'latin1');
    h.write('0000000\0', 116, 'latin1');
    h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    h.write('00000000000\0', 136, 'latin1');
    h.write(type, 156, 'latin1');
    h.write('ustar\0', 257, 'latin1');
    h.write('00', 263, 'latin1');
    h.fill(0x20, 148, 156);
    const sum = h.reduce((s, b) => s + b, 0);
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    return h;
  };
  const body = (b: Buffer) => [b, Buffer.alloc(pad(b.length, 512) - b.length)];
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (Buffer.byteLength(name) > 100) {
      const long = Buffer.from(`${name}\0`, 'utf8');
      blocks.push(header('././@LongLink', long.length, 'L'), ...body(long));
    }
    blocks.push(header(name, data.length, '0'), ...body(data));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

export function tgz(entries: Array<[string, string | Buffer]>): Buffer {
  return zlib.gzipSync(tarball(entries));
}

// ---------------------------------------------------------------- zip archives

export interface ZipEntrySpec {
  name: string;
  data: string | Buffer;
  /** 8 (deflate, the default) or 0 (stored); another number is written as is, with the bytes stored. */
  method?: number;
  encrypted?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive (PKWARE APPNOTE 6.3): local headers and data, the central directory, the end record. */
export function zipArchive(entries: ZipEntrySpec[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const method = e.method ?? 8;
    const stored = method === 8 ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const flags = 0x800 | (e.encrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    directory.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const dir = Buffer.concat(directory);
  const text = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(text.length, 20);
  return Buffer.concat([...locals, dir, end, text]);
}
