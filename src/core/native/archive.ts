// Archives shipped as files of a package (a zipped browser extension, a `.vsix`, a tarball):
// their JavaScript entries are modules like a binary's, named `<entry path>` inside the file,
// so that code shipped only zipped is read, and each entry that cannot be is an error entry.
import * as path from 'node:path';
import type { BinaryContainer, EmbeddedModule } from '../model';
import { isArchiveName, isZipName, languageOf } from './language';
import { isTestPath } from '../text/testPaths';
import { CorruptBinaryError, type BinaryReader, type Region } from './reader';
import { tarEntries } from './tar';
import { isZipHead, zipEntries } from './zip';
import type { InspectOptions, ModuleSource } from './sources';

/** The archive a file is, by its first bytes; a gzip stream counts only under a tarball's name. */
export function archiveContainer(head: Buffer, name: string): Extract<BinaryContainer, 'zip' | 'tar'> | undefined {
  if (isZipHead(head)) return 'zip';
  if (!isArchiveName(name)) return undefined;
  const gzip = head.length >= 2 && head.readUInt16BE(0) === 0x1f8b;
  const ustar = head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar';
  return gzip || ustar ? 'tar' : undefined;
}

/** Whether a file's name says it may be an archive worth opening. */
export function namedLikeArchive(name: string): boolean {
  return isZipName(name) || isArchiveName(name);
}

/** The entries of an archive in `region`, named `<prefix><path in archive>`; JS entries carry their text. */
export function* archiveModules(reader: BinaryReader, container: 'zip' | 'tar', region: Region, prefix: string, options: InspectOptions): Generator<ModuleSource> {
  // A test entry is listed and counted like a test file on disk, never inflated.
  const leftOut = (name: string) => !options.includeTests && isTestPath(name);
  const wanted = (name: string, size: number) => languageOf(name) === 'js' && size <= options.maxModuleBytes && !leftOut(name);
  const nameOf = (entry: string) => `${prefix}${path.posix.normalize(entry.replace(/\\/g, '/')).replace(/^(\.\.\/)+/, '')}`;
  try {
    const entries: Iterable<{ name: string; size: number; data?: Buffer; error?: string }> = container === 'tar' ? tarEntries(reader, region, wanted) : zipEntries(reader, wanted);
    for (const entry of entries) {
      const module: EmbeddedModule = { name: nameOf(entry.name), size: entry.size, language: languageOf(entry.name, entry.data?.subarray(0, 8)) };
      const data = entry.data;
      if (module.language === 'js' && leftOut(entry.name)) yield { module, test: true };
      else yield data && module.language === 'js' ? { module, text: () => data.toString('utf8') } : { module };
      if (entry.error) yield { entry: module.name, error: entry.error };
      if (namedLikeArchive(entry.name)) yield { entry: module.name, error: 'an archive inside the archive: not opened' };
    }
  } catch (e) {
    if (!(e instanceof CorruptBinaryError)) throw e;
    // An archive a binary carries as an asset, or an archive file of the package.
    yield { entry: prefix.replace(/!\/$/, '') || '(archive)', error: `${prefix ? 'archive asset' : 'archive'} could not be read to the end: ${e.message}` };
  }
}
