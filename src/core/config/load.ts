// Reads the files readers name: regular files only (a FIFO or device named like a settings file
// is never opened), under a size cap, a broken or unreadable one an error entry. Nothing is
// executed; a missing file is simply not there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigFileInfo, ScanError } from '../model';
import { NotRegularFile, kindOf, readRegularFile } from '../text/regularFile';
import { ConfigDoc } from './doc';
import { InventoryBuilder } from './inventory';
import { findSecrets, SECRET_FLAG } from './secrets';
import { gitState, globalExcludesFile } from './git';
import { parseConfig, stringValues } from './tree';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';

/** Settings files are small; a larger one is reported, not read. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface LoadedConfig {
  reader: ConfigReader;
  /** Absolute: the deepest folder holding every file read. */
  root: string;
  docs: ConfigDoc[];
  builder: InventoryBuilder;
  /**
   * Each file read (root-relative) as `~/…` under the home, `./…` under the workspace, else
   * absolute: what fingerprints use, so they do not move when the root does (a workspace file
   * appearing moves the root up from the home folder).
   */
  stableNames: Map<string, string>;
  errors: ScanError[];
  bytes: number;
}

interface Found {
  candidate: ConfigCandidate;
  path: string;
  stat: fs.Stats;
}

export function loadConfig(reader: ConfigReader, sources: ConfigSources): LoadedConfig | undefined {
  const errors: ScanError[] = [];
  const found: Found[] = [];
  const seen = new Set<string>();
  for (const candidate of reader.candidates(sources)) {
    for (const file of expand(candidate, errors)) {
      if (seen.has(file)) continue;
      seen.add(file);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') errors.push({ file, message: `cannot read ${candidate.role}: ${code ?? String(e)}` });
        continue;
      }
      if (!stat.isFile()) {
        if (!stat.isDirectory()) errors.push({ file, message: `${candidate.role} is ${kindOf(stat)}: not read` });
        continue;
      }
      found.push({ candidate, path: file, stat });
    }
  }
  if (!found.length && !errors.length) return undefined;
  const paths = [...found.map(f => f.path), ...errors.map(e => e.file)];
  // Paths read from the home folder or the workspace are shown from it (`.claude/settings.json`),
  // not from the deepest folder that happens to hold them.
  const anchors = [sources.home, sources.workspace].filter((d): d is string => !!d && paths.some(p => isInside(p, d)));
  const root = commonFolder([...paths, ...anchors.map(d => path.join(d, '.'))]);
  for (const e of errors) e.file = relative(root, e.file);

  const builder = new InventoryBuilder(reader.assistant);
  const docs: ConfigDoc[] = [];
  const stableNames = new Map(found.map(f => [relative(root, f.path), stableName(f.path, sources)]));
  let bytes = 0;
  const globalExcludes = globalExcludesFile(sources.home, sources.env.XDG_CONFIG_HOME);
  for (const { candidate, path: file, stat } of found) {
    const rel = relative(root, file);
    const git = gitState(file, globalExcludes);
    const tracked = git.inWorkTree && !git.ignored;
    // A "local" file git would take along (not ignored) travels with the repository like a project one.
    const scope = candidate.scope === 'local' && tracked ? 'project' : candidate.scope;
    const info: ConfigFileInfo = {
      file: rel,
      scope,
      format: candidate.format,
      size: stat.size,
      role: candidate.role,
      ...(process.platform !== 'win32' ? { mode: stat.mode & 0o777 } : {}),
      inGitWorkTree: tracked,
    };
    builder.inventory.files.push(info);
    if (candidate.kind === 'credentials') {
      builder.inventory.credentials.push({
        file: rel,
        label: candidate.role,
        ...(info.mode !== undefined ? { mode: info.mode } : {}),
        readableByOthers: info.mode !== undefined && (info.mode & 0o044) !== 0,
        inGitWorkTree: !!info.inGitWorkTree,
      });
      continue;
    }
    if (stat.size > MAX_CONFIG_BYTES) {
      errors.push({ file: rel, message: `${candidate.role} is ${stat.size} bytes, over the ${MAX_CONFIG_BYTES}-byte limit for settings files: not read` });
      continue;
    }
    let text: string;
    try {
      text = decodeText(readRegularFile(file));
    } catch (e) {
      errors.push({ file: rel, message: e instanceof NotRegularFile ? `${candidate.role}: ${e.message}` : `cannot read ${candidate.role}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    bytes += stat.size;
    if (candidate.kind === 'instructions') {
      builder.inventory.instructions.push({ file: rel, scope, size: stat.size });
      const doc = new ConfigDoc(file, rel, scope, candidate.format, candidate.role, text, undefined);
      builder.addDoc(doc);
      docs.push(doc);
      continue;
    }
    const parsed = parseConfig(text, candidate.format);
    const doc = new ConfigDoc(file, rel, scope, candidate.format, candidate.role, text, parsed.root);
    if (parsed.errors.length) {
      const first = parsed.errors[0];
      const at = doc.place('', { start: first.offset, end: first.offset });
      errors.push({ file: rel, message: `${candidate.role} does not parse as ${candidate.format.toUpperCase()} (${first.message} at ${at.line}:${at.column})${parsed.root ? '; what parsed was read' : ''}` });
    }
    builder.addDoc(doc);
    docs.push(doc);
    if (!parsed.root) continue;
    try {
      reader.read(doc, builder);
    } catch (e) {
      errors.push({ file: rel, message: `reading ${candidate.role} failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    collectSecrets(doc, builder);
  }
  return { reader, root, docs, builder, errors, bytes, stableNames };
}

function expand(c: ConfigCandidate, errors: ScanError[]): string[] {
  if (!c.inFolder) return [c.path];
  let names: fs.Dirent[];
  try {
    names = fs.readdirSync(c.path, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') errors.push({ file: c.path, message: `cannot list ${c.role} folder: ${code ?? String(e)}` });
    return [];
  }
  return names.filter(d => d.name.endsWith(c.inFolder!)).map(d => path.join(c.path, d.name)).sort().slice(0, 500);
}

/** Keys written as values anywhere in a settings file (not in a credential store: that is its job). */
function collectSecrets(doc: ConfigDoc, builder: InventoryBuilder): void {
  for (const { path: key, key: name, node, prev } of stringValues(doc.root)) {
    const value = String(node.value);
    // `--api-key VALUE` as two arguments, or `--api-key=VALUE` as one: the flag names the value.
    const joined = /^(--?[\w-]+)=(.*)$/s.exec(value);
    const found =
      joined && SECRET_FLAG.test(joined[1])
        ? findSecrets(joined[2], joined[1]).map(f => ({ ...f, start: f.start + joined[1].length + 1, end: f.end + joined[1].length + 1 }))
        : findSecrets(value, prev !== undefined && SECRET_FLAG.test(prev) ? prev : name);
    for (const s of found) {
      builder.inventory.secrets.push({ name: key, redacted: s.redacted, kind: s.kind, scope: doc.scope, at: doc.place(key, node) });
    }
    if (found.length) doc.maskSecret(node.start, node.end, found.map(s => s.redacted).join(' '));
  }
}

/** UTF-8, or UTF-16 by its byte-order mark; a BOM is dropped so offsets match the editor's. */
function decodeText(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  const s = buf.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function stableName(file: string, sources: ConfigSources): string {
  if (sources.workspace && isInside(file, sources.workspace)) return `./${relative(sources.workspace, file)}`;
  if (isInside(file, sources.home)) return `~/${relative(sources.home, file)}`;
  return file.split(path.sep).join('/');
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The deepest folder holding every path; a folder among them counts as itself. */
function commonFolder(files: readonly string[]): string {
  let common = path.dirname(files[0]);
  for (const f of files.slice(1)) {
    while (!(f === common || f.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) {
      const up = path.dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}
