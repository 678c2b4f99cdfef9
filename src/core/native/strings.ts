// The strings pass over native code with no embedded JavaScript (a Rust or Go build, a `.node`
// addon): printable ASCII and UTF-16LE strings of MIN_STRING or more characters, with their
// byte offsets in the file.
//
// A 300 MB binary holds hundreds of thousands of strings but only ~10 MB of string text. Each
// chunk is read as latin1 (one character per byte, so string index = byte offset), its strings
// are found with two regular expressions, and the words the caller looks for are searched in
// the strings' text joined together, one regular expression for the whole chunk.
import { escapeRegExp } from '../catalog/keywords';
import { BinaryReader } from './reader';

export interface NativeString {
  text: string;
  /** Byte offsets in the file, end exclusive. */
  offset: number;
  endOffset: number;
  encoding: 'ascii' | 'utf16le';
  /** A string literal of JavaScript no parser could read, not a string of native code. */
  unparsed?: boolean;
}

export const MIN_STRING = 6;
/** Longer strings are cut: they are data blobs, not messages or hosts. */
const MAX_STRING = 4096;
const CHUNK = 8 * 1024 * 1024;
/** Read on both sides of a chunk so that strings crossing its edges are seen whole. */
const MARGIN = MAX_STRING * 2;
const ASCII_RUN = new RegExp(`[\\x20-\\x7e\\t]{${MIN_STRING},}`, 'g');
const UTF16_RUN = new RegExp(`(?:[\\x20-\\x7e\\t]\\x00){${MIN_STRING},}`, 'g');

/**
 * Calls `visit` once for each string that contains one of `needles` (case-insensitively), in
 * file order within each chunk, and returns how many strings the file holds.
 */
export function stringsPass(reader: BinaryReader, needles: readonly string[], visit: (s: NativeString) => void): { strings: number } {
  const needle = needlePattern(needles);
  let strings = 0;
  for (let pos = 0; pos < reader.size; pos += CHUNK) {
    const from = Math.max(0, pos - MARGIN);
    const text = reader.read(from, Math.min(reader.size, pos + CHUNK + MARGIN) - from, 'strings pass').toString('latin1');
    const own = [pos - from, pos - from + Math.min(CHUNK, reader.size - pos)];
    const found: NativeString[] = [];
    // A string belongs to the chunk it starts in; one that starts in the margin before is the previous chunk's.
    const collect = (pattern: RegExp, encoding: NativeString['encoding']) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m.index < own[0] || m.index >= own[1]) continue;
        strings++;
        if (!needle) continue;
        const width = encoding === 'ascii' ? 1 : 2;
        const raw = m[0].slice(0, MAX_STRING * width);
        found.push({ text: encoding === 'ascii' ? raw : raw.replace(/\x00/g, ''), offset: from + m.index, endOffset: from + m.index + raw.length, encoding });
      }
    };
    collect(ASCII_RUN, 'ascii');
    collect(UTF16_RUN, 'utf16le');
    if (needle && found.length) visitMatches(found, needle, visit);
  }
  return { strings };
}

/** Searches all strings at once: joined by newlines, which no string contains. */
function visitMatches(found: NativeString[], needle: RegExp, visit: (s: NativeString) => void): void {
  const starts: number[] = [];
  let at = 0;
  for (const s of found) {
    starts.push(at);
    at += s.text.length + 1;
  }
  const joined = found.map(s => s.text).join('\n');
  const hit = new Set<number>();
  let i = 0; // matches come in order, so the string holding each one is found walking forward
  needle.lastIndex = 0;
  for (let m = needle.exec(joined); m; m = needle.exec(joined)) {
    while (i + 1 < starts.length && starts[i + 1] <= m.index) i++;
    hit.add(i);
  }
  [...hit].map(k => found[k]).sort((a, b) => a.offset - b.offset).forEach(visit);
}

function needlePattern(needles: readonly string[]): RegExp | undefined {
  if (needles.length === 0) return undefined;
  const sorted = [...new Set(needles.map(n => n.toLowerCase()))].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'gi');
}

/** A quoted string or template text of source code, at least MIN_STRING long. */
const LITERAL = new RegExp(`"((?:[^"\\\\\\n]|\\\\.){${MIN_STRING},${MAX_STRING}})"|'((?:[^'\\\\\\n]|\\\\.){${MIN_STRING},${MAX_STRING}})'|\`((?:[^\`\\\\]|\\\\.){${MIN_STRING},${MAX_STRING}})\``, 'g');

/**
 * The same pass over JavaScript that no parser could read (nested too deep): the text of its
 * string literals, with their UTF-8 byte offsets in the file.
 */
export function literalStringsPass(text: string, needles: readonly string[], visit: (s: NativeString) => void): { strings: number } {
  const needle = needlePattern(needles);
  const found: NativeString[] = [];
  let chars = 0;
  let bytes = 0;
  LITERAL.lastIndex = 0;
  for (let m = LITERAL.exec(text); m; m = LITERAL.exec(text)) {
    const body = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + 1;
    bytes += Buffer.byteLength(text.slice(chars, start), 'utf8');
    chars = start;
    found.push({ text: body, offset: bytes, endOffset: bytes + Buffer.byteLength(body, 'utf8'), encoding: 'ascii', unparsed: true });
  }
  if (needle && found.length) visitMatches(found, needle, visit);
  return { strings: found.length };
}
