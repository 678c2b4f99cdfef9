// The base folders every other path derives from, computed from the environment alone (pure:
// no file system), so tests on Linux cover the macOS and Windows tables too.
import * as path from 'node:path';
import type { PathTemplate } from '../catalog/types';

export interface DiscoverOptions {
  env: Record<string, string | undefined>;
  home: string;
  platform: NodeJS.Platform;
  /** Editor ids to include (see editors.ts); all when absent. An empty list skips extensions. */
  editors?: string[];
  /** Extra folders: an extensions folder, a node_modules folder, or one package. */
  extraPaths?: string[];
  /** Look for command-line assistants (default true). */
  clis?: boolean;
}

export interface Places {
  platform: NodeJS.Platform;
  p: path.PlatformPath;
  env: Record<string, string | undefined>;
  home: string;
  /** XDG data and config homes; on Windows the roaming and local AppData folders stand in. */
  xdgData: string;
  xdgConfig: string;
  /** Windows only (empty elsewhere). */
  appData: string;
  localAppData: string;
}

export function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Environment lookup that is case-insensitive on Windows, where `Path` and `PATH` are one variable. */
export function envValue(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  const direct = env[name];
  if (direct !== undefined || platform !== 'win32') return direct || undefined;
  const key = Object.keys(env).find(k => k.toUpperCase() === name.toUpperCase());
  return key ? env[key] || undefined : undefined;
}

export function placesFor(o: Pick<DiscoverOptions, 'env' | 'home' | 'platform'>): Places {
  const p = pathApi(o.platform);
  const get = (name: string) => {
    const v = envValue(o.env, name, o.platform);
    return v && p.isAbsolute(v) ? v : undefined;
  };
  const win = o.platform === 'win32';
  const appData = win ? get('APPDATA') ?? p.join(o.home, 'AppData', 'Roaming') : '';
  const localAppData = win ? get('LOCALAPPDATA') ?? p.join(o.home, 'AppData', 'Local') : '';
  return {
    platform: o.platform,
    p,
    env: o.env,
    home: o.home,
    xdgData: get('XDG_DATA_HOME') ?? (win ? localAppData : p.join(o.home, '.local', 'share')),
    xdgConfig: get('XDG_CONFIG_HOME') ?? (win ? appData : p.join(o.home, '.config')),
    appData,
    localAppData,
  };
}

/** Expands a catalog path template (see catalog/types.ts); undefined when it needs what this platform lacks. */
export function expandTemplate(template: PathTemplate, places: Places): string | undefined {
  const [head, ...rest] = template.split('/');
  const base: Record<string, string> = {
    '~': places.home,
    $XDG_DATA_HOME: places.xdgData,
    $XDG_CONFIG_HOME: places.xdgConfig,
    '%APPDATA%': places.appData,
    '%LOCALAPPDATA%': places.localAppData,
    '%USERPROFILE%': places.home,
  };
  const root = base[head];
  if (!root) return undefined;
  return places.p.join(root, ...rest);
}

/** The PATH entries, in order, absolute ones only (a relative entry depends on the working folder). */
export function pathEntries(places: Places): string[] {
  const value = envValue(places.env, 'PATH', places.platform) ?? '';
  const sep = places.platform === 'win32' ? ';' : ':';
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of value.split(sep)) {
    const dir = raw.trim().replace(/^"(.*)"$/, '$1');
    if (!dir || !places.p.isAbsolute(dir) || seen.has(dir)) continue;
    seen.add(dir);
    out.push(dir);
  }
  return out;
}

const PER_USER_VARS = [
  'HOME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME',
  'NVM_DIR', 'NVM_HOME', 'NVM_SYMLINK', 'FNM_DIR', 'VOLTA_HOME', 'PNPM_HOME', 'BUN_INSTALL', 'ASDF_DATA_DIR', 'MISE_DATA_DIR',
  'npm_config_prefix', 'NPM_CONFIG_PREFIX', 'npm_config_userconfig', 'NPM_CONFIG_USERCONFIG', 'PIPX_HOME', 'PIPX_BIN_DIR',
  'UV_TOOL_DIR', 'UV_TOOL_BIN_DIR', 'VSCODE_EXTENSIONS', 'VSCODE_PORTABLE', 'PATH', 'Path',
];

/**
 * The environment as it would be for another home (`--home DIR`): per-user variables that point
 * into the current home are moved under the new one, HOME and USERPROFILE become it, and
 * everything machine-wide (PATH entries outside the home, HOMEBREW_PREFIX) stays.
 */
export function rebaseEnv(env: Record<string, string | undefined>, fromHome: string, toHome: string, platform: NodeJS.Platform): Record<string, string | undefined> {
  const p = pathApi(platform);
  const sep = platform === 'win32' ? ';' : ':';
  const from = p.resolve(fromHome);
  const inside = (v: string) => v === from || v.startsWith(from + p.sep);
  const move = (v: string) => (inside(v) ? p.join(toHome, p.relative(from, v)) : v);
  const out: Record<string, string | undefined> = { ...env };
  for (const name of PER_USER_VARS) {
    const v = out[name];
    if (!v) continue;
    out[name] = name.toUpperCase() === 'PATH' ? v.split(sep).map(e => (e ? move(e) : e)).join(sep) : move(v);
  }
  out.HOME = toHome;
  if (platform === 'win32') out.USERPROFILE = toHome;
  return out;
}
