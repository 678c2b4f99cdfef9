// Tarballs embedded as assets (a Node SEA can carry its whole package as `app.tgz`), read as
// a stream: the gzip data is inflated a megabyte at a time and only the entries the caller
// wants are kept in memory, so an 80 MB asset that expands to 250 MB costs a few megabytes.
import * as zlib from 'node:zlib';
import { BinaryReader, CorruptBinaryError, type Region } from './reader';

export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes, when `wanted` asked for them. */
  data?: Buffer;
}

const CHUNK = 1024 * 1024;
/** Compressed bytes per inflate call: on corrupt data zlib reports nothing of that call's output, so keep calls small. */
const INFLATE_INPUT = 64 * 1024;
const BLOCK = 512;
/** Stops a decompression bomb long before it costs minutes. */
const MAX_EXPANDED = 2 * 1024 * 1024 * 1024;
const MAX_NAME_RECORD = 1024 * 1024;

export function* tarEntries(reader: BinaryReader, region: Region, wanted: (name: string, size: number) => boolean): Generator<TarEntry> {
  reader.check(region.offset, region.size, 'archive');
  const gzipped = region.size >= 2 && reader.read(region.offset, 2, 'archive header').readUInt16BE(0) === 0x1f8b;
  const parser = new TarParser(wanted);
  for (const chunk of gzipped ? inflate(reader, region) : rawChunks(reader, region)) {
    yield* parser.push(chunk);
    if (parser.ended) return;
  }
  if (!parser.ended && parser.midEntry) throw new CorruptBinaryError('archive ends inside an entry (truncated)');
}

function* rawChunks(reader: BinaryReader, region: Region): Generator<Buffer> {
  for (let pos = 0; pos < region.size; pos += CHUNK) yield reader.read(region.offset + pos, Math.min(CHUNK, region.size - pos), 'archive');
}

/** The synchronous half of a zlib stream: what zlib.gunzipSync does, a chunk at a time. */
interface InflateHandle {
  writeSync(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
}

function* inflate(reader: BinaryReader, region: Region): Generator<Buffer> {
  const gunzip = zlib.createGunzip();
  gunzip.on('error', () => undefined); // reported synchronously below through `destroyed`
  const internals = gunzip as unknown as { _handle?: InflateHandle; _writeState?: Uint32Array };
  const handle = internals._handle;
  const state = internals._writeState;
  if (typeof handle?.writeSync !== 'function' || !(state instanceof Uint32Array)) {
    // A Node without the stream internals: inflate in one go, still bounded.
    gunzip.close();
    yield zlib.gunzipSync(reader.read(region.offset, region.size, 'archive'), { maxOutputLength: 1024 * 1024 * 1024 });
    return;
  }
  const out = Buffer.allocUnsafe(CHUNK);
  let expanded = 0;
  try {
    for (let pos = 0; pos < region.size; ) {
      const input = reader.read(region.offset + pos, Math.min(INFLATE_INPUT, region.size - pos), 'archive');
      pos += input.length;
      let inOff = 0;
      let inLen = input.length;
      for (;;) {
        handle.writeSync(zlib.constants.Z_NO_FLUSH, input, inOff, inLen, out, 0, out.length);
        if (gunzip.destroyed) throw new CorruptBinaryError(`archive: gzip data is corrupt near compressed byte ${pos - inLen}`);
        const [outLeft, inLeft] = [state[0], state[1]];
        const produced = out.length - outLeft;
        expanded += produced;
        if (expanded > MAX_EXPANDED) throw new CorruptBinaryError(`archive expands past ${MAX_EXPANDED} bytes: stopped`);
        if (produced > 0) yield Buffer.from(out.subarray(0, produced));
        inOff += inLen - inLeft;
        inLen = inLeft;
        if (outLeft !== 0) break; // all input taken (or the stream ended)
      }
    }
  } finally {
    gunzip.close();
  }
}

interface OpenEntry {
  name: string;
  size: number;
  type: string;
  keep: boolean;
  parts: Buffer[];
  /** Data bytes still to come, then padding to the next 512-byte block. */
  left: number;
  pad: number;
}

/** ustar with GNU long names and pax `path` records; entries other than regular files are skipped. */
class TarParser {
  ended = false;
  private header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  private entry: OpenEntry | undefined;
  private nextName: string | undefined;

  constructor(private readonly wanted: (name: string, size: number) => boolean) {}

  get midEntry(): boolean {
    return this.entry !== undefined || this.headerFill > 0;
  }

  *push(chunk: Buffer): Generator<TarEntry> {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (!this.entry) {
        const n = Math.min(BLOCK - this.headerFill, chunk.length - at);
        chunk.copy(this.header, this.headerFill, at, at + n);
        this.headerFill += n;
        at += n;
        if (this.headerFill < BLOCK) break;
        this.headerFill = 0;
        const started = this.startEntry();
        if (started && started.left === 0) yield* this.finishEntry(); // an empty file: no data blocks
        continue;
      }
      const e = this.entry;
      const n = Math.min(e.left + e.pad, chunk.length - at);
      const dataPart = Math.min(n, e.left);
      if (e.keep && dataPart > 0) e.parts.push(chunk.subarray(at, at + dataPart));
      e.left -= dataPart;
      e.pad -= n - dataPart;
      at += n;
      if (e.left === 0 && e.pad === 0) yield* this.finishEntry();
    }
  }

  private startEntry(): OpenEntry | undefined {
    const h = this.header;
    if (h.every(b => b === 0)) {
      this.ended = true;
      return undefined;
    }
    const sum = h.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 0x20 : b), 0);
    if (sum !== octal(h, 148, 8)) throw new CorruptBinaryError('archive: a tar header checksum does not match (not a tarball, or corrupt)');
    const size = sizeOf(h);
    const type = String.fromCharCode(h[156] || 0x30);
    const ustar = h.toString('latin1', 257, 262) === 'ustar';
    const prefix = ustar ? cString(h, 345, 155) : '';
    const name = this.nextName ?? (prefix ? `${prefix}/${cString(h, 0, 100)}` : cString(h, 0, 100));
    const isFile = type === '0' || type === '7';
    const isNameRecord = type === 'L' || type === 'x';
    if (isNameRecord && size > MAX_NAME_RECORD) throw new CorruptBinaryError(`archive: a ${size}-byte name record`);
    if (!isNameRecord) this.nextName = undefined;
    const keep = isNameRecord || (isFile && this.wanted(name, size));
    this.entry = { name, size, type, keep, parts: [], left: size, pad: (BLOCK - (size % BLOCK)) % BLOCK };
    return this.entry;
  }

  private *finishEntry(): Generator<TarEntry> {
    const e = this.entry!;
    this.entry = undefined;
    const data = e.keep ? Buffer.concat(e.parts) : undefined;
    if (e.type === 'L') this.nextName = cString(data!, 0, data!.length);
    else if (e.type === 'x') this.nextName = paxPath(data!) ?? this.nextName;
    else if (e.type === '0' || e.type === '7') yield { name: e.name, size: e.size, ...(data ? { data } : {}) };
  }
}

function cString(buf: Buffer, at: number, length: number): string {
  const raw = buf.subarray(at, at + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? raw.length : nul).toString('utf8');
}

function octal(buf: Buffer, at: number, length: number): number {
  const text = cString(buf, at, length).trim();
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : NaN;
}

/** Sizes past 8 GB use GNU base-256: a leading 0x80 byte, then big-endian. */
function sizeOf(h: Buffer): number {
  if (h[124] & 0x80) {
    let v = 0;
    for (let i = 125; i < 136; i++) v = v * 256 + h[i];
    if (!Number.isSafeInteger(v)) throw new CorruptBinaryError('archive: an entry size past 2^53 bytes');
    return v;
  }
  const v = octal(h, 124, 12);
  if (Number.isNaN(v)) throw new CorruptBinaryError('archive: an entry size that is not a number');
  return v;
}

/** The `path` record of a pax extended header (`<len> path=<value>\n`). */
function paxPath(data: Buffer): string | undefined {
  const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
  return m?.[1];
}
