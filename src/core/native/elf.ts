// ELF: named sections (where Bun puts `.bun`) and the notes of PT_NOTE segments (where
// postject puts Node's `NODE_SEA_BLOB`). 32/64-bit, either byte order. Only headers are read.
import { BinaryReader, CorruptBinaryError, Fields, type Region } from './reader';

export interface NamedRegion extends Region {
  name: string;
}

export interface ElfLayout {
  sections: NamedRegion[];
  notes: NamedRegion[];
}

const SHT_NOBITS = 8;
const PT_NOTE = 4;
const MAX_NOTES_PER_SEGMENT = 4096;

export function readElf(reader: BinaryReader): ElfLayout {
  const ident = reader.read(0, 16, 'ELF identification');
  const is64 = ident[4] === 2;
  if (ident[4] !== 1 && !is64) throw new CorruptBinaryError(`ELF class ${ident[4]} is neither 32- nor 64-bit`);
  if (ident[5] !== 1 && ident[5] !== 2) throw new CorruptBinaryError(`ELF data encoding ${ident[5]} is neither little- nor big-endian`);
  const le = ident[5] === 1;
  const h = new Fields(reader.read(0, is64 ? 64 : 52, 'ELF header'), le, 'ELF header');
  const word = (f: Fields, at32: number, at64: number) => (is64 ? f.u64(at64) : f.u32(at32));
  const phoff = word(h, 28, 32);
  const shoff = word(h, 32, 40);
  const [phentsize, phnum, shentsize, shnum, shstrndx] = is64
    ? [h.u16(54), h.u16(56), h.u16(58), h.u16(60), h.u16(62)]
    : [h.u16(42), h.u16(44), h.u16(46), h.u16(48), h.u16(50)];
  return { sections: sections(), notes: notes() };

  function sections(): NamedRegion[] {
    if (shoff === 0 || shnum === 0) return [];
    if (shentsize < (is64 ? 64 : 40)) throw new CorruptBinaryError(`ELF section header size ${shentsize} is too small`);
    const table = reader.read(shoff, shnum * shentsize, 'ELF section header table');
    const headers = Array.from({ length: shnum }, (_, i) => {
      const s = new Fields(table.subarray(i * shentsize, (i + 1) * shentsize), le, 'ELF section header');
      return { nameAt: s.u32(0), type: s.u32(4), offset: word(s, 16, 24), size: word(s, 20, 32) };
    });
    const strtab = headers[shstrndx];
    if (!strtab) return []; // no section names (SHN_UNDEF or extended numbering): nothing to look up by name
    reader.check(strtab.offset, strtab.size, 'ELF section name table');
    const names = reader.read(strtab.offset, Math.min(strtab.size, 1 << 20), 'ELF section name table');
    return headers
      .filter(s => s.type !== SHT_NOBITS)
      .map(s => {
        const end = names.indexOf(0, s.nameAt);
        return { name: names.subarray(s.nameAt, end === -1 ? names.length : end).toString('latin1'), offset: s.offset, size: s.size };
      });
  }

  function notes(): NamedRegion[] {
    if (phoff === 0 || phnum === 0) return [];
    if (phentsize < (is64 ? 56 : 32)) throw new CorruptBinaryError(`ELF program header size ${phentsize} is too small`);
    const table = reader.read(phoff, phnum * phentsize, 'ELF program header table');
    const found: NamedRegion[] = [];
    for (let i = 0; i < phnum; i++) {
      const p = new Fields(table.subarray(i * phentsize, (i + 1) * phentsize), le, 'ELF program header');
      if (p.u32(0) !== PT_NOTE) continue;
      const segment = { offset: word(p, 4, 8), size: word(p, 16, 32) };
      const align = word(p, 28, 48) === 8 ? 8 : 4;
      reader.check(segment.offset, segment.size, 'ELF note segment');
      found.push(...notesIn(segment, align));
    }
    return found;
  }

  /** Notes of one segment; a note that does not fit ends the walk (notes are hints, not structure). */
  function notesIn(segment: Region, align: number): NamedRegion[] {
    const found: NamedRegion[] = [];
    const end = segment.offset + segment.size;
    const pad = (n: number) => Math.ceil(n / align) * align;
    let at = segment.offset;
    for (let count = 0; at + 12 <= end && count < MAX_NOTES_PER_SEGMENT; count++) {
      const n = new Fields(reader.read(at, 12, 'ELF note header'), le, 'ELF note header');
      const [namesz, descsz] = [n.u32(0), n.u32(4)];
      const descAt = at + pad(12 + namesz);
      if (descAt + descsz > end) break;
      const name = reader.read(at + 12, Math.min(namesz, 256), 'ELF note name');
      const nul = name.indexOf(0);
      found.push({ name: name.subarray(0, nul === -1 ? name.length : nul).toString('latin1'), offset: descAt, size: descsz });
      at = descAt + pad(descsz);
    }
    return found;
  }
}
