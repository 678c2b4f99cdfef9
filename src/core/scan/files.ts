// Which shipped files of a target get scanned, and reading them safely. Everything that goes
// wrong with one file (permissions, broken links, binary content, size) becomes an error
// entry for that file; the walk goes on. Native files (executables, `.node` addons, `.wasm`)
// and archives named so (`.zip`, `.vsix`, `.tgz`, `.tar`) are recognised by their magic bytes
// and never rejected for size: they are read with positional reads, and the size limit
// applies to each module read out of them.
import * as fs from 'node:fs';
import { kindOf, readRegularFile } from '../text/regularFile';
import * as path from 'node:path';
import type { BinaryContainer, ScanError } from '../model';
import { formatMB } from '../text/format';
import { isTestFileName, TEST_DIRS } from '../text/testPaths';

export { DEFAULT_MAX_FILE_BYTES } from '../model';
export { formatMB };
import { containerFromHead, HEAD_BYTES } from '../native/executable';
import { archiveContainer, namedLikeArchive } from '../native/archive';
import { BinaryReader } from '../native/reader';
import { describeFsError, readJson } from '../discovery/fsread';

export { describeFsError };

export interface FileEntry {
  absPath: string;
  /** Relative to the target root, with forward slashes. */
  rel: string;
  size: number;
  /** Under a node_modules folder: vendored third-party code. */
  dependency: boolean;
  /** Set for native code, which goes to the binary extractors instead of the JS parser. */
  native?: BinaryContainer;
  /** A shell script (`.sh`, or a `#!` line naming sh, bash, zsh, dash or ksh): read by scan/shell, not parsed as JavaScript. */
  shell?: true;
  /** A native file or archive whose test and benchmark entries are read too (CollectOptions.includeTests). */
  includeTests?: true;
}

export interface CollectOptions {
  /** Test and benchmark folders and *.test.js / *.spec.js files. */
  includeTests?: boolean;
  /** Per-file size limit in bytes; larger files become an error entry. */
  maxFileBytes: number;
  /** Stop after this many directory entries (a safety net for pathological trees). */
  maxEntries?: number;
}

const JS_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);
/** Names that may be native code; files with no extension (most executables) are checked too. */
const NATIVE_NAME = /\.(node|wasm|exe|dll|dylib|so(\.\d+)*)$/i;

export interface CollectResult {
  files: FileEntry[];
  errors: ScanError[];
  /** JavaScript files left out as tests or benchmarks (see CollectOptions.includeTests): counted, so none is lost unsaid. */
  skippedTests: number;
  /** Code in languages the rules do not read (TypeScript, Python), outside tests: counted by language, so none is lost unsaid. */
  otherSources: OtherSources;
}

/** By language: how many files, and the first few paths (the package's own before its dependencies'). */
export type OtherSources = Record<string, { files: number; own: number; first: string[] }>;

/**
 * Source files of languages the audit does not parse, which an assistant may still run (a
 * skill's `scripts/mcp-stdio.ts` run with Bun, a helper `.py`). Type declarations (`.d.ts`)
 * are no code.
 */
const OTHER_LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/(?<!\.d)\.(?:ts|mts|cts)$|\.tsx$/i, 'TypeScript'],
  [/\.py$/i, 'Python'],
];
export const FIRST_OTHER_SOURCES = 5;
/** Tests in those languages (`a.test.ts`, `b.spec.tsx`, `test_c.py`, `c_test.py`): left out like JavaScript's. */
const OTHER_TEST_NAME = /\.(?:test|spec)\.[cm]?tsx?$|^test_.*\.py$|_test\.py$/i;

/** Counts a file of another language (see OTHER_LANGUAGES); false when it is none. */
export function countOtherSource(sources: OtherSources, name: string, rel: string, dependency: boolean): boolean {
  const language = OTHER_LANGUAGES.find(([re]) => re.test(name))?.[1];
  if (!language) return false;
  const entry = (sources[language] ??= { files: 0, own: 0, first: [] });
  entry.files++;
  if (!dependency) {
    entry.own++;
    if (entry.first.length < FIRST_OTHER_SOURCES) entry.first.push(rel);
  }
  return true;
}

/** JS files under root (or root itself when it is a file), sorted by path. */
export function collectFiles(root: string, options: CollectOptions): CollectResult {
  const files: FileEntry[] = [];
  const errors: ScanError[] = [];
  const maxEntries = options.maxEntries ?? 2_000_000;
  let seen = 0;
  let skippedTests = 0;
  const otherSources: OtherSources = {};
  const withTests = options.includeTests ? { includeTests: true as const } : {};
  const rootStat = safeStat(root, errors, '.');
  if (!rootStat) return { files, errors, skippedTests, otherSources };
  if (!rootStat.isFile() && !rootStat.isDirectory()) {
    errors.push({ file: path.basename(root), message: `${kindOf(rootStat)}, not a file or folder: not opened` });
    return { files, errors, skippedTests, otherSources };
  }
  if (rootStat.isFile()) {
    const name = path.basename(root);
    const native = JS_EXTENSIONS.has(path.extname(name)) ? undefined : sniffNative(root, name, errors, false, false)?.container;
    if (native) files.push({ absPath: root, rel: name, size: rootStat.size, dependency: false, native, ...withTests });
    else addFile(root, name, rootStat.size, false);
    return { files, errors, skippedTests, otherSources };
  }
  const extraEntries = packageEntryFiles(root);
  const pending: Array<{ dir: string; rel: string; dependency: boolean; test?: boolean }> = [{ dir: root, rel: '', dependency: false }];
  while (pending.length) {
    const { dir, rel, dependency, test } = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if (!test) errors.push({ file: rel || '.', message: `cannot read directory: ${describeFsError(e)}` });
      continue;
    }
    if (test) {
      // Inside a test folder: only counted.
      for (const entry of entries) {
        if (++seen > maxEntries) return finish();
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) pending.push({ dir: path.join(dir, entry.name), rel: '', dependency, test });
        else if (entry.isFile() && JS_EXTENSIONS.has(path.extname(entry.name))) skippedTests++;
      }
      continue;
    }
    for (const entry of entries) {
      if (++seen > maxEntries) {
        errors.push({ file: rel || '.', message: `stopped after ${maxEntries} directory entries` });
        return finish();
      }
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (!options.includeTests && TEST_DIRS.has(entry.name)) {
          pending.push({ dir: abs, rel: relPath, dependency, test: true });
          continue;
        }
        pending.push({ dir: abs, rel: relPath, dependency: dependency || entry.name === 'node_modules' });
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) {
        // A FIFO, socket or device: opening it could block for ever or never end.
        errors.push({ file: relPath, message: `${kindOf(entry)}: skipped, never opened` });
        continue;
      }
      const ext = path.extname(entry.name);
      const isJs = JS_EXTENSIONS.has(ext);
      const isShell = SHELL_EXTENSIONS.has(ext);
      const isEntry = extraEntries.has(relPath);
      const maybeNative = !isJs && (ext === '' || isEntry || NATIVE_NAME.test(entry.name) || namedLikeArchive(entry.name));
      if (!isJs && !isEntry && !maybeNative && !isShell) {
        if (!options.includeTests && (isTestFileName(entry.name) || OTHER_TEST_NAME.test(entry.name))) continue;
        countOtherSource(otherSources, entry.name, relPath, dependency);
        continue;
      }
      if (!options.includeTests && isTestFileName(entry.name)) {
        skippedTests++;
        continue;
      }
      // Symlinked directories are not followed (no loops); symlinked files are read through.
      const stat = entry.isSymbolicLink() ? safeStat(abs, errors, relPath) : safeLstat(abs, errors, relPath);
      if (!stat) continue;
      if (!stat.isFile()) {
        errors.push({ file: relPath, message: stat.isDirectory() ? 'a symbolic link to a folder: not followed (links can loop)' : `a symbolic link to ${kindOf(stat)}: skipped, never opened` });
        continue;
      }
      // A dependency's `bin` script (`typescript/bin/tsc`, `.bin/which`) has no extension: its `#!` line says it is JavaScript.
      const sniffed = maybeNative ? sniffNative(abs, relPath, errors, !isEntry && (NATIVE_NAME.test(entry.name) || namedLikeArchive(entry.name)), ext === '') : undefined;
      if (sniffed?.container) files.push({ absPath: abs, rel: relPath, size: stat.size, dependency, native: sniffed.container, ...withTests });
      else if (isJs || (isEntry && !isShell && !sniffed?.runsInShell) || sniffed?.runsOnNode) addFile(abs, relPath, stat.size, dependency);
      else if (isShell || sniffed?.runsInShell) addFile(abs, relPath, stat.size, dependency, true);
    }
  }
  return finish();

  function finish(): CollectResult {
    files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    for (const counted of Object.values(otherSources)) counted.first.sort();
    return { files, errors, skippedTests, otherSources };
  }

  function addFile(abs: string, rel: string, size: number, dependency: boolean, shell = false) {
    if (size > options.maxFileBytes) {
      errors.push({ file: rel, message: `skipped: ${formatMB(size)} is over the ${formatMB(options.maxFileBytes)} per-file limit` });
      return;
    }
    files.push({ absPath: abs, rel, size, dependency, ...(shell ? { shell: true as const } : {}) });
  }
}

/** A `#!` line naming a JavaScript runtime: `#!/usr/bin/env node`, `#!/usr/bin/env -S node --flag`, `#!/usr/local/bin/bun`. */
const JS_SHEBANG = /^#![ \t]*\S*?(?:\/env(?:[ \t]+-\S+)*[ \t]+)?(?:\S*\/)?(?:node|nodejs|bun|deno|tsx|ts-node)(?:[ \t]|\r?\n|$)/;
/** A `#!` line naming a POSIX shell: `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/zsh -e`. */
const SHELL_SHEBANG = /^#![ \t]*\S*?(?:\/env(?:[ \t]+-\S+)*[ \t]+)?(?:\S*\/)?(?:sh|bash|zsh|dash|ksh)(?:[ \t]|\r?\n|$)/;
/** A shell line that runs the file itself with a JavaScript runtime: the rest is JavaScript. */
const POLYGLOT = /\bexec\b[^\n]*\b(?:node|nodejs|bun|deno)\b[^\n]*\$0/;
/** Shell scripts by name: install and update scripts, launchers. */
const SHELL_EXTENSIONS = new Set(['.sh', '.bash', '.zsh', '.ksh']);


/** `bin` and `main` files of a package.json at root that lack a .js extension. */
function packageEntryFiles(root: string): Set<string> {
  const found = new Set<string>();
  // No or unreadable package.json: only extensions decide (the manifest scan reports it).
  const pkg = readJson(path.join(root, 'package.json'), undefined, 'package.json');
  if (!pkg) return found;
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : pkg.bin && typeof pkg.bin === 'object' ? Object.values(pkg.bin) : [];
  for (const p of [...bins, pkg.main]) {
    if (typeof p === 'string') found.add(path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, ''));
  }
  return found;
}

/**
 * The native container a file is, by its magic bytes, and (`askShebang`, for a file with no
 * extension) whether its `#!` line runs it with a JavaScript runtime: one open for both.
 * `nativeByName`: the name promises native code (`.node`, `.so`...), so a read error or a
 * missing header is worth an error entry.
 */
function sniffNative(abs: string, rel: string, errors: ScanError[], nativeByName: boolean, askShebang: boolean): { container?: BinaryContainer; runsOnNode?: boolean; runsInShell?: boolean } | undefined {
  let container: BinaryContainer | undefined;
  let runsOnNode = false;
  let runsInShell = false;
  try {
    const reader = BinaryReader.open(abs);
    try {
      const head = reader.readUpTo(0, HEAD_BYTES, 'file header');
      container = containerFromHead(head) ?? (namedLikeArchive(rel) ? archiveContainer(head, rel) : undefined);
      if (!container && askShebang) {
        const first = reader.readUpTo(0, 256, 'the first line').toString('latin1');
        // `#!/bin/sh` then `":" //; exec /usr/bin/env node "$0" "$@"`: a shell trampoline into the JavaScript that follows.
        const trampoline = POLYGLOT.test(first);
        runsOnNode = JS_SHEBANG.test(first) || trampoline;
        runsInShell = SHELL_SHEBANG.test(first) && !trampoline;
      }
    } finally {
      reader.close();
    }
  } catch (e) {
    if (nativeByName) errors.push({ file: rel, message: `cannot read: ${describeFsError(e)}` });
    return undefined;
  }
  if (!container && nativeByName) {
    errors.push({ file: rel, message: namedLikeArchive(rel) ? 'named like an archive but is no zip or tarball: skipped' : 'named like native code but has no ELF, Mach-O, PE or wasm header: skipped' });
  }
  return { ...(container ? { container } : {}), ...(runsOnNode ? { runsOnNode } : {}), ...(runsInShell ? { runsInShell } : {}) };
}

export type ReadResult = { text: string } | { error: string };

/** Reads a JS file as text, refusing binary content. */
export function readSourceFile(absPath: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readRegularFile(absPath);
  } catch (e) {
    return { error: `cannot read: ${describeFsError(e)}` };
  }
  // UTF-16 text by its byte order mark (its NUL bytes are not binary); the mark becomes a space.
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: ` ${buf.subarray(2).toString('utf16le')}` };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const body = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
    return { text: ` ${body.swap16().toString('utf16le')}` };
  }
  if (looksBinary(buf.subarray(0, 8192))) return { error: 'binary content (NUL bytes), not JavaScript text: skipped' };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`; // keep offsets: BOM becomes a space
  return { text };
}

/**
 * Binary, not text: NUL and other control bytes are more than 1 % of the head. JavaScript may
 * hold a few raw ones (claude-flow writes the bytes themselves in a regex class,
 * `/[\x00-\x1f]/`: 1 to 11 in a file); machine code and compressed data hold thousands.
 */
function looksBinary(head: Buffer): boolean {
  if (!head.includes(0)) return false;
  let controls = 0;
  // Tab, line feed, vertical tab, form feed, carriage return and escape are text.
  for (const b of head) if ((b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b))) || b === 0x7f) controls++;
  return controls > head.length / 100;
}

function safeStat(p: string, errors: ScanError[], rel: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errors.push({ file: rel, message: code === 'ENOENT' ? 'broken symbolic link or missing file' : `cannot stat: ${describeFsError(e)}` });
    return undefined;
  }
}

function safeLstat(p: string, errors: ScanError[], rel: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    errors.push({ file: rel, message: `cannot stat: ${describeFsError(e)}` });
    return undefined;
  }
}


