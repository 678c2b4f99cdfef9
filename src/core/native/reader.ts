// Positional, bounds-checked reads from a binary that may be hundreds of megabytes and may be
// hostile. Every offset and length read from the file is checked against the file size (and a
// per-read cap) before anything is allocated, so a corrupt header gives a CorruptBinaryError
// with a message a user can read, never a crash or a multi-gigabyte allocation.
import * as fs from 'node:fs';
import { openRegularFile } from '../text/regularFile';

export class CorruptBinaryError extends Error {}

/** A contiguous range of the file; `name` says what it is in error messages. */
export interface Region {
  offset: number;
  size: number;
  name?: string;
}

/** Reads larger than this in one call are refused (module texts have their own, lower limit). */
export const MAX_READ = 256 * 1024 * 1024;

export class BinaryReader {
  private constructor(
    readonly size: number,
    private readonly fd: number | undefined,
    private readonly buffer: Buffer | undefined,
  ) {}

  static open(absPath: string): BinaryReader {
    const fd = openRegularFile(absPath);
    try {
      return new BinaryReader(fs.fstatSync(fd).size, fd, undefined);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  /** For tests and for data already in memory. */
  static fromBuffer(buffer: Buffer): BinaryReader {
    return new BinaryReader(buffer.length, undefined, buffer);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
  }

  /** True when [offset, offset + length) lies inside the file. */
  contains(offset: number, length: number): boolean {
    return Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0 && offset + length <= this.size;
  }

  /** Throws a CorruptBinaryError naming `what` unless the range lies inside `within` and inside the file. */
  check(offset: number, length: number, what: string, within: Region = { offset: 0, size: this.size }): void {
    const ok =
      Number.isSafeInteger(offset) &&
      Number.isSafeInteger(length) &&
      length >= 0 &&
      offset >= within.offset &&
      offset + length <= within.offset + within.size &&
      this.contains(offset, length);
    if (!ok) {
      const where = within.name && this.contains(offset, length) ? `${within.name} (offset ${hex(within.offset)}, ${within.size} bytes)` : `the file (${this.size} bytes)`;
      throw new CorruptBinaryError(`${what} (offset ${hex(offset)}, ${length} bytes) lies outside ${where}`);
    }
  }

  read(offset: number, length: number, what: string, within?: Region): Buffer {
    this.check(offset, length, what, within);
    if (length > MAX_READ) throw new CorruptBinaryError(`${what} is ${length} bytes, over the ${MAX_READ}-byte read limit`);
    if (this.buffer) return this.buffer.subarray(offset, offset + length);
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = fs.readSync(this.fd!, out, done, length - done, offset + done);
      if (n === 0) throw new CorruptBinaryError(`${what}: the file ended early (it changed while being read?)`);
      done += n;
    }
    return out;
  }

  /** Reads up to `length` bytes at `offset`, fewer at the end of the file. */
  readUpTo(offset: number, length: number, what: string): Buffer {
    return this.read(offset, Math.max(0, Math.min(length, this.size - offset)), what);
  }
}

/** `0x1a2b` for an offset read from the file; values past 2^53 (see Fields.u64) say so. */
export function hex(n: number): string {
  return Number.isFinite(n) ? `0x${n.toString(16)}` : 'past 2^53';
}

/** A little- or big-endian view over a small header buffer; reads past its end throw. */
export class Fields {
  constructor(
    readonly buf: Buffer,
    readonly littleEndian: boolean,
    private readonly what: string,
  ) {}

  private need(at: number, n: number): void {
    if (at < 0 || at + n > this.buf.length) throw new CorruptBinaryError(`${this.what} is truncated (needs byte ${at + n}, has ${this.buf.length})`);
  }

  u8(at: number): number {
    this.need(at, 1);
    return this.buf[at];
  }

  u16(at: number): number {
    this.need(at, 2);
    return this.littleEndian ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  u32(at: number): number {
    this.need(at, 4);
    return this.littleEndian ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  /** Values past 2^53 come back as Infinity: no file is that big, so every range check fails. */
  u64(at: number): number {
    this.need(at, 8);
    const v = this.littleEndian ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
  }

  /** A NUL-padded fixed-size name such as an ELF, Mach-O or PE section name. */
  name(at: number, size: number): string {
    this.need(at, size);
    const raw = this.buf.subarray(at, at + size);
    const nul = raw.indexOf(0);
    return raw.subarray(0, nul === -1 ? size : nul).toString('latin1');
  }
}
