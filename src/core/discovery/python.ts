// Python assistants (Aider, Kimi CLI) installed with pipx or uv: listed so the inventory is
// complete, with a note that their code is Python and not scanned.
import * as path from 'node:path';
import type { CatalogEntry } from '../catalog/types';
import { catalogForPython } from '../catalog/lookup';
import { catalogWhy, makeAssistant } from './recognise';
import type { Assistant, InstallMethod } from './types';
import { isDir, isDirEntry, isFile, listDir } from './fsread';
import { envValue, type Places } from './places';

export const PYTHON_NOTE = 'Python tool: its code is not JavaScript and is not scanned';

/** pipx and uv tool folders, each child a venv named after its distribution (pure). */
export function pythonToolDirs(places: Places): Array<{ method: 'pipx' | 'uv'; dir: string }> {
  const { p, home, platform } = places;
  const env = (name: string) => {
    const v = envValue(places.env, name, platform);
    return v && p.isAbsolute(v) ? v : undefined;
  };
  const pipxHome = env('PIPX_HOME');
  const pipx = pipxHome
    ? [pipxHome]
    : platform === 'win32'
      ? [p.join(home, 'pipx'), p.join(places.localAppData, 'pipx', 'pipx')]
      : [p.join(places.xdgData, 'pipx'), p.join(home, '.local', 'pipx')];
  const uv = env('UV_TOOL_DIR') ?? (platform === 'win32' ? p.join(places.appData, 'uv', 'data', 'tools') : p.join(places.xdgData, 'uv', 'tools'));
  return [...[...new Set(pipx)].map(d => ({ method: 'pipx' as const, dir: p.join(d, 'venvs') })), { method: 'uv' as const, dir: uv }];
}

export function pythonAssistants(places: Places): Assistant[] {
  const out: Assistant[] = [];
  for (const { method, dir } of pythonToolDirs(places)) {
    for (const e of listDir(dir)) {
      if (!isDirEntry(dir, e)) continue;
      const a = assistantFromVenv(path.join(dir, e.name), method);
      if (a) out.push(a);
    }
  }
  return out;
}

/** The folder holding a program's venv (`pyvenv.cfg`), a few levels up from it. */
export function venvOf(file: string): string | undefined {
  let dir = path.dirname(file);
  for (let i = 0; i < 4 && dir !== path.dirname(dir); i++, dir = path.dirname(dir)) {
    if (isFile(path.join(dir, 'pyvenv.cfg'))) return dir;
  }
  return undefined;
}

/** A venv of a catalog Python tool as an assistant (unknown Python tools are not listed). */
export function assistantFromVenv(venv: string, install: InstallMethod, launchers: string[] = [], known?: CatalogEntry): Assistant | undefined {
  const distribution = path.basename(venv);
  const entry = known ?? catalogForPython(distribution);
  if (!entry) return undefined;
  const dist = (entry.python ?? [distribution])[0];
  const version = distInfoVersion(venv, dist);
  return makeAssistant({
    kind: 'cli',
    id: entry.id,
    name: entry.product,
    root: venv,
    install,
    language: 'python',
    recognised: { entry, why: [catalogWhy(entry, `Python distribution ${dist}`)] },
    ...(version ? { version } : {}),
    packageName: dist,
    launchers,
    note: PYTHON_NOTE,
  });
}

/** `<dist>-<version>.dist-info` in the venv's site-packages (`lib/python3.x` or Windows `Lib`). */
function distInfoVersion(venv: string, dist: string): string | undefined {
  const normalized = dist.toLowerCase().replace(/[-.]+/g, '_');
  const sites = [
    ...listDir(path.join(venv, 'lib')).filter(e => e.name.startsWith('python')).map(e => path.join(venv, 'lib', e.name, 'site-packages')),
    path.join(venv, 'Lib', 'site-packages'),
  ];
  for (const site of sites) {
    if (!isDir(site)) continue;
    for (const e of listDir(site)) {
      const m = /^(.+)-([^-]+)\.dist-info$/.exec(e.name);
      if (m && m[1].toLowerCase().replace(/[-.]+/g, '_') === normalized) return m[2];
    }
  }
  return undefined;
}
