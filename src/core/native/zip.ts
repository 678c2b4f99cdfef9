// Zip archives shipped in a package (a browser extension, a plugin bundle, a `.vsix`), read from
// their central directory: entry names and sizes come from there, and only the entries the
// caller wants are inflated, each on its own and never past the size the directory states.
import * as zlib from 'node:zlib';
import { BinaryReader, CorruptBinaryError } from './reader';

export interface ZipEntry {
  name: string;
  size: number;
  /** The entry's bytes, when `wanted` asked for them. */
  data?: Buffer;
  /** Why a wanted entry's bytes could not be had (encrypted, an unknown compression method, corrupt). */
  error?: string;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) plus the longest comment a zip may carry. */
const END_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;
/** A central directory bigger than this is not one a package ships: refused, not read. */
const MAX_DIRECTORY = 64 * 1024 * 1024;

/** Whether the file starts like a zip (a local header, or the end record of an empty one). */
export function isZipHead(head: Buffer): boolean {
  if (head.length < 4) return false;
  const magic = head.readUInt32LE(0);
  return magic === LOCAL_HEADER || magic === END_OF_DIRECTORY;
}

/** Every file entry of the archive, in directory order. Throws CorruptBinaryError when the directory cannot be read. */
export function* zipEntries(reader: BinaryReader, wanted: (name: string, size: number) => boolean): Generator<ZipEntry> {
  const { offset, size, count } = directoryOf(reader);
  if (size > MAX_DIRECTORY) throw new CorruptBinaryError(`zip: a ${size}-byte central directory`);
  const directory = reader.read(offset, size, 'zip central directory');
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new CorruptBinaryError(`zip: central directory entry ${i + 1} of ${count} is not where the directory says`);
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    let compressed = directory.readUInt32LE(at + 20);
    let expanded = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    let local = directory.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw new CorruptBinaryError(`zip: central directory entry ${i + 1} runs past the directory`);
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise code page 437, whose ASCII half is all a path needs.
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    const wide = zip64Sizes(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), { expanded, compressed, local });
    ({ expanded, compressed, local } = wide);
    at = end;
    if (name.endsWith('/')) continue;
    if (!wanted(name, expanded)) {
      yield { name, size: expanded };
      continue;
    }
    yield { name, size: expanded, ...entryData(reader, { flags, method, compressed, expanded, local }) };
  }
}

function directoryOf(reader: BinaryReader): { offset: number; size: number; count: number } {
  const tailStart = Math.max(0, reader.size - END_SEARCH);
  const tail = reader.read(tailStart, reader.size - tailStart, 'zip end record');
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new CorruptBinaryError('zip: no end-of-directory record (truncated, or not a zip)');
  let count = tail.readUInt16LE(end + 10);
  let size = tail.readUInt32LE(end + 12);
  let offset = tail.readUInt32LE(end + 16);
  // Zip64: the real values are in a record the locator just before the end record points at.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + end - 20;
    const locator = locatorAt >= 0 ? reader.read(locatorAt, 20, 'zip64 locator') : undefined;
    if (!locator || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new CorruptBinaryError('zip: zip64 sizes without a zip64 locator');
    const recordAt = Number(locator.readBigUInt64LE(8));
    const record = reader.read(recordAt, 56, 'zip64 end record');
    if (record.readUInt32LE(0) !== ZIP64_END) throw new CorruptBinaryError('zip: the zip64 end record is not where its locator says');
    count = safe(record.readBigUInt64LE(32));
    size = safe(record.readBigUInt64LE(40));
    offset = safe(record.readBigUInt64LE(48));
  }
  if (!reader.contains(offset, size)) throw new CorruptBinaryError('zip: the central directory lies outside the file');
  return { offset, size, count };
}

/** Values a directory entry stores as 0xFFFFFFFF are in its zip64 extra field (id 1), in this order. */
function zip64Sizes(extra: Buffer, v: { expanded: number; compressed: number; local: number }): typeof v {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      const out = { ...v };
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + length || p + 8 > extra.length) throw new CorruptBinaryError('zip: a zip64 extra field too short for its sizes');
        const n = safe(extra.readBigUInt64LE(p));
        p += 8;
        return n;
      };
      if (v.expanded === 0xffffffff) out.expanded = next();
      if (v.compressed === 0xffffffff) out.compressed = next();
      if (v.local === 0xffffffff) out.local = next();
      return out;
    }
    at += 4 + length;
  }
  return v;
}

function safe(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new CorruptBinaryError('zip: a size past 2^53 bytes');
  return Number(n);
}

function entryData(reader: BinaryReader, e: { flags: number; method: number; compressed: number; expanded: number; local: number }): { data: Buffer } | { error: string } {
  if (e.flags & 1) return { error: 'encrypted zip entry: not readable, not scanned' };
  if (e.method !== STORED && e.method !== DEFLATED) return { error: `zip entry compressed with method ${e.method} (only stored and deflate are read): not scanned` };
  try {
    const header = reader.read(e.local, 30, 'zip local header');
    if (header.readUInt32LE(0) !== LOCAL_HEADER) return { error: 'zip entry: no local header where the directory says' };
    const dataAt = e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = reader.read(dataAt, e.compressed, 'zip entry');
    if (e.method === STORED) return raw.length === e.expanded ? { data: raw } : { error: 'zip entry: stored size does not match the directory' };
    // Never past the size the directory states: a crafted entry cannot expand without bound.
    const data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.expanded) });
    return data.length === e.expanded ? { data } : { error: `zip entry inflates to ${data.length} bytes, not the ${e.expanded} its directory states` };
  } catch (err) {
    if (err instanceof CorruptBinaryError) return { error: `zip entry could not be read: ${err.message}` };
    return { error: `zip entry could not be inflated: ${err instanceof Error ? err.message : String(err)}` };
  }
}
