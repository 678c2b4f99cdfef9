// Mach-O: the sections of 64-bit images, also inside universal ("fat") files, where Bun puts
// `__BUN,__bun` and postject puts `NODE_SEA,__NODE_SEA_BLOB`. Only load commands are read.
import { BinaryReader, CorruptBinaryError, Fields, type Region } from './reader';

export interface MachOSection extends Region {
  segment: string;
  name: string;
}

const MH_MAGIC_64 = 0xfeedfacf;
const THIN_MAGICS = [0xfeedface, MH_MAGIC_64];
const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;
const LC_SEGMENT_64 = 0x19;
/** Real universal files hold a handful of slices; Java class files share the magic with a version >= 45 here. */
const MAX_SLICES = 32;
const MAX_SIZEOFCMDS = 16 * 1024 * 1024;

/** Thin images of either width and byte order, and universal files (only 64-bit little-endian slices are parsed). */
export function isMachO(head: Buffer): boolean {
  if (head.length < 4) return false;
  if (THIN_MAGICS.includes(head.readUInt32LE(0)) || THIN_MAGICS.includes(head.readUInt32BE(0))) return true;
  const magic = head.readUInt32BE(0);
  return (magic === FAT_MAGIC || magic === FAT_MAGIC_64) && head.length >= 8 && head.readUInt32BE(4) > 0 && head.readUInt32BE(4) <= MAX_SLICES;
}

/** Sections of every 64-bit slice, with offsets in the whole file. */
export function readMachO(reader: BinaryReader): MachOSection[] {
  const head = reader.read(0, 8, 'Mach-O header');
  if (head.readUInt32LE(0) === MH_MAGIC_64) return sliceSections(reader, { offset: 0, size: reader.size, name: 'the file' });
  if (THIN_MAGICS.includes(head.readUInt32LE(0)) || THIN_MAGICS.includes(head.readUInt32BE(0))) return []; // 32-bit or big-endian: no Bun or SEA data we know of
  const magic = head.readUInt32BE(0);
  const is64 = magic === FAT_MAGIC_64;
  if (magic !== FAT_MAGIC && !is64) throw new CorruptBinaryError('not a Mach-O file');
  const count = head.readUInt32BE(4);
  if (count === 0 || count > MAX_SLICES) throw new CorruptBinaryError(`universal Mach-O claims ${count} slices`);
  const entry = is64 ? 32 : 20;
  const table = new Fields(reader.read(8, count * entry, 'universal Mach-O slice table'), false, 'universal Mach-O slice table');
  const found: MachOSection[] = [];
  for (let i = 0; i < count; i++) {
    const base = i * entry;
    const [offset, size] = is64 ? [table.u64(base + 8), table.u64(base + 16)] : [table.u32(base + 8), table.u32(base + 12)];
    const slice: Region = { offset, size, name: `Mach-O slice ${i}` };
    reader.check(slice.offset, slice.size, slice.name!);
    const sliceHead = reader.read(slice.offset, 4, `Mach-O slice ${i} header`);
    if (sliceHead.readUInt32LE(0) === MH_MAGIC_64) found.push(...sliceSections(reader, slice)); // 32-bit slices hold no Bun or SEA data we know of
  }
  return found;
}

function sliceSections(reader: BinaryReader, slice: Region): MachOSection[] {
  const h = new Fields(reader.read(slice.offset, 32, 'Mach-O header'), true, 'Mach-O header');
  const ncmds = h.u32(16);
  const sizeofcmds = h.u32(20);
  if (sizeofcmds > MAX_SIZEOFCMDS) throw new CorruptBinaryError(`Mach-O load commands claim ${sizeofcmds} bytes`);
  const cmds = reader.read(slice.offset + 32, sizeofcmds, 'Mach-O load commands', slice);
  const found: MachOSection[] = [];
  let at = 0;
  for (let i = 0; i < ncmds; i++) {
    const c = new Fields(cmds.subarray(at), true, 'Mach-O load command');
    const [cmd, cmdsize] = [c.u32(0), c.u32(4)];
    if (cmdsize < 8 || at + cmdsize > cmds.length) throw new CorruptBinaryError(`Mach-O load command ${i} has size ${cmdsize}`);
    if (cmd === LC_SEGMENT_64) {
      const s = new Fields(cmds.subarray(at, at + cmdsize), true, 'Mach-O segment command');
      const nsects = s.u32(64);
      for (let j = 0; j < nsects; j++) {
        const base = 72 + j * 80;
        const section = { segment: s.name(base + 16, 16), name: s.name(base, 16), offset: slice.offset + s.u32(base + 48), size: s.u64(base + 40) };
        found.push(section);
      }
    }
    at += cmdsize;
  }
  return found;
}
