// Extensions installed in VS Code and its forks, local and remote. The folder table is pure
// (platform + environment); reading a folder follows VS Code: `extensions.json` lists what is
// installed, `.obsolete` marks what is being removed, and without `extensions.json` every
// folder with a manifest counts (the newest version of each id).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScanError } from '../model';
import type { Manifest } from '../catalog/traits';
import { envValue, type Places } from './places';
import { isDirEntry, listDir, readJson, readJsonValue } from './fsread';
import { compareVersions } from './versions';

export interface EditorLocation {
  editor: string;
  name: string;
  dir: string;
  remote?: boolean;
}

/** `~/<folder>/extensions` on every platform (`%USERPROFILE%` on Windows). */
const HOME_FOLDER_EDITORS: Array<{ editor: string; name: string; folder: string; remote?: boolean }> = [
  { editor: 'vscode', name: 'VS Code', folder: '.vscode' },
  { editor: 'vscode-insiders', name: 'VS Code Insiders', folder: '.vscode-insiders' },
  { editor: 'vscodium', name: 'VSCodium', folder: '.vscode-oss' },
  { editor: 'cursor', name: 'Cursor', folder: '.cursor' },
  { editor: 'windsurf', name: 'Windsurf', folder: '.windsurf' },
  { editor: 'windsurf-next', name: 'Windsurf Next', folder: '.windsurf-next' },
  { editor: 'trae', name: 'Trae', folder: '.trae' },
  { editor: 'trae-cn', name: 'Trae CN', folder: '.trae-cn' },
  { editor: 'kiro', name: 'Kiro', folder: '.kiro' },
  { editor: 'positron', name: 'Positron', folder: '.positron' },
  { editor: 'qoder', name: 'Qoder', folder: '.qoder' },
  { editor: 'antigravity', name: 'Antigravity', folder: '.antigravity' },
  { editor: 'vscode-server', name: 'VS Code Server (remote)', folder: '.vscode-server', remote: true },
  { editor: 'vscode-server-insiders', name: 'VS Code Server Insiders (remote)', folder: '.vscode-server-insiders', remote: true },
  { editor: 'vscode-remote', name: 'VS Code Remote (containers)', folder: '.vscode-remote', remote: true },
  { editor: 'vscodium-server', name: 'VSCodium Server (remote)', folder: '.vscodium-server', remote: true },
  { editor: 'cursor-server', name: 'Cursor Server (remote)', folder: '.cursor-server', remote: true },
  { editor: 'windsurf-server', name: 'Windsurf Server (remote)', folder: '.windsurf-server', remote: true },
  { editor: 'trae-server', name: 'Trae Server (remote)', folder: '.trae-server', remote: true },
  { editor: 'openvscode-server', name: 'OpenVSCode Server', folder: '.openvscode-server', remote: true },
];

/** The display name of an editor id (`cursor` -> `Cursor`); unknown ids are returned as they are. */
export function editorName(editor: string): string {
  if (editor === 'code-server') return 'code-server';
  return HOME_FOLDER_EDITORS.find(e => e.editor === editor)?.name ?? editor;
}

/** Every extensions folder to look in, for this platform and environment (pure). */
export function editorExtensionDirs(places: Places, only?: readonly string[]): EditorLocation[] {
  const { p, home } = places;
  const out: EditorLocation[] = [];
  // VS Code itself honours these before its default folder.
  const override = envValue(places.env, 'VSCODE_EXTENSIONS', places.platform);
  const portable = envValue(places.env, 'VSCODE_PORTABLE', places.platform);
  if (override && p.isAbsolute(override)) out.push({ editor: 'vscode', name: 'VS Code (VSCODE_EXTENSIONS)', dir: override });
  if (portable && p.isAbsolute(portable)) out.push({ editor: 'vscode', name: 'VS Code (portable)', dir: p.join(portable, 'extensions') });
  for (const e of HOME_FOLDER_EDITORS) out.push({ editor: e.editor, name: e.name, dir: p.join(home, e.folder, 'extensions'), ...(e.remote ? { remote: true } : {}) });
  // code-server keeps its data in the XDG data home, also on macOS; on Windows env-paths' local data folder.
  const codeServerData = places.platform === 'win32' ? p.join(places.localAppData, 'code-server', 'Data') : p.join(places.xdgData, 'code-server');
  out.push({ editor: 'code-server', name: 'code-server', dir: p.join(codeServerData, 'extensions'), remote: true });
  const seen = new Set<string>();
  return out.filter(l => (!only || only.includes(l.editor)) && !seen.has(l.dir) && seen.add(l.dir));
}

export interface InstalledExtension {
  editor: string;
  /** `publisher.name` as the manifest spells it. */
  id: string;
  version?: string;
  /** Absolute folder. */
  path: string;
  manifest: Manifest;
}

/** The extensions an editor's folder holds, with an error entry for each broken one. */
export function readExtensionsDir(location: EditorLocation, errors: ScanError[]): InstalledExtension[] {
  const entries = listDir(location.dir, errors);
  if (entries.length === 0) return [];
  const obsolete = readObsolete(location.dir, entries.some(e => e.name === '.obsolete'), errors);
  const listed = entries.some(e => e.name === 'extensions.json') ? fromExtensionsJson(location, obsolete, errors) : undefined;
  return listed ?? fromFolders(location, entries, obsolete, errors);
}

/** `.obsolete`: `{ "publisher.name-1.2.3[-platform]": true }`, keys as VS Code's ExtensionKey writes them. */
function readObsolete(dir: string, present: boolean, errors: ScanError[]): Set<string> {
  if (!present) return new Set();
  const value = readJsonValue(path.join(dir, '.obsolete'), errors, '.obsolete');
  if (!value || typeof value !== 'object') return new Set();
  return new Set(Object.entries(value as Record<string, unknown>).filter(([, v]) => v === true).map(([k]) => k.toLowerCase()));
}

function isObsolete(obsolete: Set<string>, folderName: string, id: string, version: string | undefined): boolean {
  if (obsolete.size === 0) return false;
  return obsolete.has(folderName.toLowerCase()) || (!!version && obsolete.has(`${id}-${version}`.toLowerCase()));
}

function fromExtensionsJson(location: EditorLocation, obsolete: Set<string>, errors: ScanError[]): InstalledExtension[] | undefined {
  const file = path.join(location.dir, 'extensions.json');
  const value = readJsonValue(file, errors, 'extensions.json');
  if (!Array.isArray(value)) {
    if (value !== undefined) errors.push({ file, message: 'extensions.json is not a list; listing folders instead' });
    return undefined;
  }
  const out: InstalledExtension[] = [];
  for (const item of value) {
    const entry = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const folder = entryFolder(location.dir, entry);
    const listedId = typeof (entry.identifier as Record<string, unknown> | undefined)?.id === 'string' ? String((entry.identifier as Record<string, unknown>).id) : undefined;
    if (!folder) {
      errors.push({ file, message: `an entry${listedId ? ` for ${listedId}` : ''} names no location` });
      continue;
    }
    const listedVersion = typeof entry.version === 'string' ? entry.version : undefined;
    if (isObsolete(obsolete, path.basename(folder), listedId ?? '', listedVersion)) continue;
    const ext = readExtension(location, folder, errors, `listed in extensions.json${listedId ? ` as ${listedId}` : ''}`);
    if (ext) out.push(ext);
  }
  return out;
}

/** `relativeLocation` (VS Code 1.74+), else the URI in `location` (an object or a string). */
function entryFolder(dir: string, entry: Record<string, unknown>): string | undefined {
  if (typeof entry.relativeLocation === 'string' && entry.relativeLocation) return path.join(dir, entry.relativeLocation);
  const loc = entry.location;
  try {
    if (typeof loc === 'string') return loc.startsWith('file:') ? fileURLToPath(loc) : loc;
    if (loc && typeof loc === 'object') {
      const l = loc as Record<string, unknown>;
      if (typeof l.fsPath === 'string') return l.fsPath;
      if (typeof l.path === 'string') return fileURLToPath(`file://${l.path}`);
    }
  } catch {
    // A malformed URI: reported by the caller as naming no location.
  }
  return undefined;
}

function fromFolders(location: EditorLocation, entries: ReturnType<typeof listDir>, obsolete: Set<string>, errors: ScanError[]): InstalledExtension[] {
  const newest = new Map<string, InstalledExtension>();
  for (const e of entries) {
    if (e.name.startsWith('.') || !isDirEntry(location.dir, e)) continue;
    if (obsolete.has(e.name.toLowerCase())) continue;
    const ext = readExtension(location, path.join(location.dir, e.name), errors, 'extension folder');
    if (!ext || isObsolete(obsolete, e.name, ext.id, ext.version)) continue;
    const key = ext.id.toLowerCase();
    const seen = newest.get(key);
    if (!seen || compareVersions(ext.version, seen.version) > 0) newest.set(key, ext);
  }
  return [...newest.values()];
}

function readExtension(location: EditorLocation, folder: string, errors: ScanError[], what: string): InstalledExtension | undefined {
  const manifest = readJson(path.join(folder, 'package.json'), errors, `manifest (${what})`);
  if (!manifest) return undefined;
  const publisher = typeof manifest.publisher === 'string' ? manifest.publisher : undefined;
  const name = typeof manifest.name === 'string' ? manifest.name : undefined;
  if (!publisher || !name) {
    errors.push({ file: path.join(folder, 'package.json'), message: 'extension manifest lacks publisher or name' });
    return undefined;
  }
  return {
    editor: location.editor,
    id: `${publisher}.${name}`,
    ...(typeof manifest.version === 'string' ? { version: manifest.version } : {}),
    path: folder,
    manifest,
  };
}
