// Opening only regular files. A FIFO opened for reading blocks until someone writes to it, and
// a device (`/dev/zero`) never ends: a package's `bin` or a file named `x.js` can be either.
// Opening with O_NONBLOCK returns at once for a FIFO; fstat on the open descriptor then says
// what it is, with no window between a check and the open.
import * as fs from 'node:fs';

const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

export class NotRegularFile extends Error {
  constructor(readonly kind: string) {
    super(`not a regular file (${kind}): not read`);
  }
}

/** What a non-regular file is, for messages (from its stat or its directory entry). */
export function kindOf(stat: fs.Stats | fs.Dirent): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A descriptor of `file` opened for reading, or NotRegularFile (the descriptor closed again). */
export function openRegularFile(file: string): number {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | NONBLOCK);
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new NotRegularFile(kindOf(stat));
  }
  return fd;
}

/** The whole of a regular file (fs.readFileSync, refusing FIFOs and devices). */
export function readRegularFile(file: string): Buffer;
export function readRegularFile(file: string, encoding: BufferEncoding): string;
export function readRegularFile(file: string, encoding?: BufferEncoding): Buffer | string {
  const fd = openRegularFile(file);
  try {
    return encoding ? fs.readFileSync(fd, encoding) : fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
