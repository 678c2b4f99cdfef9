// Damaged containers, many of them: whatever the bytes say, reading a binary ends in modules,
// or in a CorruptBinaryError-backed error entry, never in another exception, and never reads
// (allocates) more than the file holds.
import * as assert from 'node:assert/strict';
import { inspectNative } from '../../../src/core/native/inspect';
import { BinaryReader, CorruptBinaryError } from '../../../src/core/native/reader';
import { appendedBun, bunGraph, bunSection, elf, fat, macho, pe, seaBlob, tgz, type BunModuleSpec } from '../../helpers/nativeFixtures';

const MODULES: BunModuleSpec[] = [
  { name: '/$bunfs/root/cli.js', text: 'console.log(1);\n' },
  { name: '/$bunfs/root/u.js', text: 'let s = "😀";\n', encoding: 'utf16' },
];
const SEA = seaBlob({ main: 'main();\n', assets: [['app.tgz', tgz([['package/a.js', 'let a = 1;\n']])]], execArgv: ['--x'], headerExtra: [1] });

const CONTAINERS: Array<[string, Buffer]> = [
  ['ELF with .bun', elf({ sections: [{ name: '.bun', data: bunSection(bunGraph(MODULES)) }] })],
  ['appended Bun', appendedBun(elf(), bunGraph(MODULES, { recordSize: 36, offsetsSize: 24 }))],
  ['universal Mach-O with __bun', fat([macho([{ segment: '__BUN', name: '__bun', data: bunSection(bunGraph(MODULES), 4) }])])],
  ['PE with .bun', pe({ sections: [{ name: '.bun', data: bunSection(bunGraph(MODULES)) }] })],
  ['ELF with a SEA note', elf({ notes: [{ name: 'NODE_SEA_BLOB', desc: SEA }] })],
  ['PE with a SEA resource', pe({ rcdata: { name: 'NODE_SEA_BLOB', data: SEA } })],
];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

/** Overwrites a few bytes, sometimes with 0xff runs (huge lengths), or cuts the file short. */
function damage(file: Buffer, next: () => number): Buffer {
  if (next() < 0.15) return file.subarray(0, Math.floor(next() * file.length));
  const out = Buffer.from(file);
  for (let n = 1 + Math.floor(next() * 4); n > 0; n--) {
    const at = Math.floor(next() * out.length);
    if (next() < 0.3) out.fill(0xff, at, Math.min(out.length, at + 8));
    else out[at] = Math.floor(next() * 256);
  }
  return out;
}

class CountingReader {
  static wrap(buf: Buffer): { reader: BinaryReader; largest: () => number } {
    const reader = BinaryReader.fromBuffer(buf);
    let largest = 0;
    const read = reader.read.bind(reader);
    reader.read = (offset, length, what, within) => {
      const bytes = read(offset, length, what, within);
      largest = Math.max(largest, bytes.length);
      return bytes;
    };
    return { reader, largest: () => largest };
  }
}

describe('hostile native files', () => {
  for (const [name, file] of CONTAINERS) {
    it(`${name}: 1000 damaged copies end in modules or a clear error`, () => {
      const next = random(Number(process.env.HOSTILE_SEED ?? 0) + name.length * 7919);
      for (let i = 0; i < 1000; i++) {
        const damaged = damage(file, next);
        const { reader, largest } = CountingReader.wrap(damaged);
        try {
          const inspection = inspectNative(reader, 'app', { maxModuleBytes: 1 << 20 });
          for (const source of inspection?.modules() ?? []) if ('text' in source && source.text) source.text();
          if (inspection?.error) assert.ok(inspection.error.length > 10);
        } catch (e) {
          assert.ok(e instanceof CorruptBinaryError, `copy ${i}: ${e instanceof Error ? e.stack : String(e)}`);
        }
        assert.ok(largest() <= damaged.length, `copy ${i} read ${largest()} bytes of a ${damaged.length}-byte file`);
      }
    });
  }
});
