// Which container a native file is (by magic, never by name), and where in it the runtimes
// keep their embedded JavaScript: Bun's module graph section and Node's SEA blob.
import type { BinaryContainer, BinaryKind } from '../model';
import { readElf } from './elf';
import { isMachO, readMachO } from './macho';
import { isPe, readPe } from './pe';
import type { BinaryReader, Region } from './reader';

/** Enough of a file's start to hold every magic number, including a PE header's offset. */
export const HEAD_BYTES = 4096;

/**
 * The container a file's first bytes announce. A PE needs its `PE\0\0` signature inside
 * `head` when `head` reaches that far; with fewer than 64 bytes, `MZ` alone counts.
 */
export function containerFromHead(head: Buffer): BinaryContainer | undefined {
  if (head.length < 4) return undefined;
  const magic = head.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'elf';
  if (magic === 0x0061736d) return 'wasm';
  if (isMachO(head)) return 'mach-o';
  if (isPe(head)) return 'pe';
  return undefined;
}

export function containerOf(reader: BinaryReader): BinaryContainer | undefined {
  return containerFromHead(reader.readUpTo(0, HEAD_BYTES, 'file header'));
}

/** By name: the container says how it is laid out, the name what it is for. */
export function kindOf(name: string, container: BinaryContainer): BinaryKind {
  if (container === 'wasm') return 'wasm';
  if (/\.node$/i.test(name)) return 'node-addon';
  if (/\.(so(\.\d+)*|dylib|dll)$/i.test(name)) return 'shared-library';
  return 'executable';
}

export interface EmbeddedRegions {
  /** Bun's `.bun` / `__BUN,__bun` section (the module graph, with a length prefix). */
  bunSection?: Region;
  /** Node SEA's `NODE_SEA_BLOB` resource. */
  seaBlob?: Region;
}

/** Throws CorruptBinaryError when the container's own headers are broken. */
export function embeddedRegions(reader: BinaryReader, container: BinaryContainer): EmbeddedRegions {
  if (container === 'elf') {
    const { sections, notes } = readElf(reader);
    return { bunSection: sections.find(s => s.name === '.bun'), seaBlob: notes.find(n => n.name === 'NODE_SEA_BLOB') };
  }
  if (container === 'mach-o') {
    const sections = readMachO(reader);
    return {
      bunSection: sections.find(s => s.segment === '__BUN' && s.name === '__bun'),
      seaBlob: sections.find(s => s.segment === 'NODE_SEA' && s.name === '__NODE_SEA_BLOB'),
    };
  }
  if (container === 'pe') {
    const pe = readPe(reader);
    return { bunSection: pe.sections.find(s => s.name === '.bun'), seaBlob: pe.rcdata('NODE_SEA_BLOB') };
  }
  return {};
}
