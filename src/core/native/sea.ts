// Node single executable applications: the `NODE_SEA_BLOB` resource that postject injects.
//
// Layout, read from Node's src/node_sea.cc (SeaSerializer) over several releases, in the byte
// order of the platform that built it, size_t being 8 bytes on every SEA target:
//   u32 magic 0x0143da20 | u32 flags | [u8 exec_argv_extension] [u8 main format]
//   string code_path | string main script (or V8 snapshot)
//   [string code_cache]                          when flags & kUseCodeCache
//   [u64 count, then string key + string data]   when flags & kIncludeAssets
//   [u64 count, then string arg]                 when flags & kIncludeExecArgv
// where string = u64 length + bytes. The code path and the optional header bytes came with
// later releases and nothing in the blob says which release wrote it, so each variant is
// tried and the first that parses whole is kept.
import { BinaryReader, CorruptBinaryError, Fields, type Region } from './reader';

export const SEA_MAGIC = 0x0143da20;
const USE_SNAPSHOT = 1 << 1;
const USE_CODE_CACHE = 1 << 2;
const INCLUDE_ASSETS = 1 << 3;
const INCLUDE_EXEC_ARGV = 1 << 4;
const MAX_PATH = 4096;
const MAX_ASSETS = 100_000;
const MAX_ARGS = 1000;
const MAX_ARG = 64 * 1024;
/** Zero bytes a section or resource may hold after the blob (alignment). */
const MAX_PADDING = 4096;

/** [header bytes after the flags, code path present]; the first release had neither. */
const VARIANTS: Array<[number, boolean]> = [[0, true], [1, true], [2, true], [0, false]];

export interface SeaBlob {
  codePath: string;
  main: Region;
  snapshot: boolean;
  codeCache: boolean;
  mainFormat?: 'esm' | 'cjs';
  assets: Array<{ name: string; data: Region }>;
  execArgv: string[];
}

export function readSeaBlob(reader: BinaryReader, region: Region): SeaBlob {
  reader.check(region.offset, region.size, 'SEA blob');
  const blob = { ...region, name: 'the SEA blob' };
  const head = reader.read(blob.offset, Math.min(blob.size, 10), 'SEA header');
  if (head.length < 8) throw new CorruptBinaryError(`SEA blob is only ${blob.size} bytes`);
  const le = head.readUInt32LE(0) === SEA_MAGIC;
  if (!le && head.readUInt32BE(0) !== SEA_MAGIC) throw new CorruptBinaryError(`SEA blob starts with 0x${head.readUInt32LE(0).toString(16)}, not the SEA magic`);
  const flags = le ? head.readUInt32LE(4) : head.readUInt32BE(4);
  let first: unknown;
  for (const [extra, hasPath] of VARIANTS) {
    try {
      const parsed = parseBody(reader, blob, le, flags, 8 + extra, hasPath);
      if (extra === 2) parsed.mainFormat = head[9] === 1 ? 'esm' : 'cjs';
      return parsed;
    } catch (e) {
      if (!(e instanceof CorruptBinaryError)) throw e;
      first ??= e;
    }
  }
  throw first;
}

function parseBody(reader: BinaryReader, blob: Region, le: boolean, flags: number, start: number, hasPath: boolean): SeaBlob {
  let at = blob.offset + start;
  const u64 = (what: string) => {
    const v = new Fields(reader.read(at, 8, what, blob), le, what).u64(0);
    at += 8;
    return v;
  };
  const region = (what: string): Region => {
    const size = u64(`${what} length`);
    reader.check(at, size, what, blob);
    const r = { offset: at, size };
    at += size;
    return r;
  };
  const text = (what: string, max: number): string => {
    const r = region(what);
    if (r.size > max) throw new CorruptBinaryError(`SEA ${what} is ${r.size} bytes`);
    const raw = reader.read(r.offset, r.size, what);
    if (raw.some(b => b < 0x20 && b !== 0x09)) throw new CorruptBinaryError(`SEA ${what} holds control bytes`);
    return raw.toString('utf8');
  };
  const count = (what: string, max: number) => {
    const n = u64(what);
    if (n > max) throw new CorruptBinaryError(`SEA ${what} is ${n}`);
    return n;
  };

  const codePath = hasPath ? text('code path', MAX_PATH) : '';
  const main = region('main script');
  const codeCache = (flags & USE_CODE_CACHE) !== 0;
  if (codeCache) region('code cache');
  const assets: SeaBlob['assets'] = [];
  if (flags & INCLUDE_ASSETS) {
    for (let i = count('asset count', MAX_ASSETS); i > 0; i--) assets.push({ name: text('asset name', MAX_PATH), data: region('asset') });
  }
  const execArgv: string[] = [];
  if (flags & INCLUDE_EXEC_ARGV) {
    for (let i = count('exec argv count', MAX_ARGS); i > 0; i--) execArgv.push(text('exec argv entry', MAX_ARG));
  }
  // A variant that stops short would also "parse" a blob of another layout: it must end where the blob ends.
  const rest = blob.offset + blob.size - at;
  if (rest > MAX_PADDING || reader.read(at, rest, 'SEA blob end').some(b => b !== 0)) throw new CorruptBinaryError(`SEA blob has ${rest} bytes left over after the last field`);
  return { codePath, main, snapshot: (flags & USE_SNAPSHOT) !== 0, codeCache, assets, execArgv };
}
