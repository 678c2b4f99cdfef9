// PE (Windows): section headers, where Bun puts `.bun`, and the resource tree, where postject
// puts Node's SEA blob as an RT_RCDATA resource named `NODE_SEA_BLOB`. Only headers are read.
import { BinaryReader, CorruptBinaryError, Fields, type Region } from './reader';

export interface PeSection extends Region {
  name: string;
  virtualAddress: number;
  virtualSize: number;
}

export interface PeLayout {
  sections: PeSection[];
  /** The data of an RT_RCDATA resource with this name (case-insensitive), if present. */
  rcdata(name: string): Region | undefined;
}

const RT_RCDATA = 10;
const RESOURCE_DIRECTORY = 2;
const MAX_RESOURCE_ENTRIES = 4096;

/** `MZ`, and the `PE\0\0` signature where the DOS header points when `head` reaches it. */
export function isPe(head: Buffer): boolean {
  if (head.length < 2 || head[0] !== 0x4d || head[1] !== 0x5a) return false;
  if (head.length < 64) return true;
  const lfanew = head.readUInt32LE(0x3c);
  return lfanew + 4 <= head.length && head.toString('latin1', lfanew, lfanew + 4) === 'PE\0\0';
}

export function readPe(reader: BinaryReader): PeLayout {
  const lfanew = new Fields(reader.read(0, 64, 'DOS header'), true, 'DOS header').u32(0x3c);
  const coff = new Fields(reader.read(lfanew, 24, 'PE file header'), true, 'PE file header');
  const sectionCount = coff.u16(6);
  const optionalSize = coff.u16(20);
  const optionalAt = lfanew + 24;
  const opt = new Fields(reader.read(optionalAt, optionalSize, 'PE optional header'), true, 'PE optional header');
  const pe32plus = opt.u16(0) === 0x20b;
  const dirCountAt = pe32plus ? 108 : 92;
  const dirCount = optionalSize >= dirCountAt + 4 ? opt.u32(dirCountAt) : 0;
  const resourceDir = dirCount > RESOURCE_DIRECTORY && optionalSize >= dirCountAt + 4 + 8 * (RESOURCE_DIRECTORY + 1)
    ? { rva: opt.u32(dirCountAt + 4 + 8 * RESOURCE_DIRECTORY), size: opt.u32(dirCountAt + 8 + 8 * RESOURCE_DIRECTORY) }
    : undefined;
  const table = reader.read(optionalAt + optionalSize, sectionCount * 40, 'PE section table');
  const sections: PeSection[] = Array.from({ length: sectionCount }, (_, i) => {
    const s = new Fields(table.subarray(i * 40, i * 40 + 40), true, 'PE section header');
    return { name: s.name(0, 8), virtualSize: s.u32(8), virtualAddress: s.u32(12), size: s.u32(16), offset: s.u32(20) };
  });

  function fileOffset(rva: number, length: number, what: string): number {
    const s = sections.find(x => rva >= x.virtualAddress && rva + length <= x.virtualAddress + Math.max(x.virtualSize, x.size));
    if (!s || rva + length > s.virtualAddress + s.size) throw new CorruptBinaryError(`${what} (RVA 0x${rva.toString(16)}, ${length} bytes) is not backed by the file`);
    return s.offset + (rva - s.virtualAddress);
  }

  function rcdata(wanted: string): Region | undefined {
    if (!resourceDir || resourceDir.size === 0) return undefined;
    const base = fileOffset(resourceDir.rva, resourceDir.size, 'PE resource directory');
    const tree: Region = { offset: base, size: resourceDir.size, name: 'the resource directory' };
    const entries = (dirAt: number) => {
      const d = new Fields(reader.read(base + dirAt, 16, 'PE resource directory', tree), true, 'PE resource directory');
      const count = d.u16(12) + d.u16(14);
      if (count > MAX_RESOURCE_ENTRIES) throw new CorruptBinaryError(`PE resource directory claims ${count} entries`);
      const raw = reader.read(base + dirAt + 16, count * 8, 'PE resource entries', tree);
      return Array.from({ length: count }, (_, i) => ({ id: raw.readUInt32LE(i * 8), target: raw.readUInt32LE(i * 8 + 4) }));
    };
    const nameOf = (id: number): string | undefined => {
      if (!(id & 0x80000000)) return undefined;
      const at = base + (id & 0x7fffffff);
      const length = reader.read(at, 2, 'PE resource name', tree).readUInt16LE(0);
      return reader.read(at + 2, length * 2, 'PE resource name', tree).toString('utf16le');
    };
    const subdirectory = (target: number) => (target & 0x80000000 ? target & 0x7fffffff : undefined);

    const type = entries(0).find(e => e.id === RT_RCDATA);
    const typeDir = type && subdirectory(type.target);
    if (typeDir === undefined) return undefined;
    const named = entries(typeDir).find(e => nameOf(e.id)?.toUpperCase() === wanted.toUpperCase());
    const nameDir = named && subdirectory(named.target);
    if (nameDir === undefined) return undefined;
    const language = entries(nameDir).find(e => subdirectory(e.target) === undefined);
    if (!language) return undefined;
    const data = new Fields(reader.read(base + language.target, 16, 'PE resource data entry', tree), true, 'PE resource data entry');
    const size = data.u32(4);
    return { offset: fileOffset(data.u32(0), size, `PE resource ${wanted}`), size };
  }

  return { sections, rcdata };
}
