// Where the assistants' settings files are, in words and for the file watchers. Pure (no
// vscode import) so the unit tests check it directly.
import * as path from 'node:path';
import type { TargetResult } from '../core/model';

/**
 * Settings files an assistant picks up from a workspace as soon as they appear (a pull, a
 * checkout, an agent writing them): watched even while they do not exist.
 */
export const WORKSPACE_CONFIG_FILES: readonly string[] = [
  '.mcp.json',
  '.claude/settings.json',
  '.claude/settings.local.json',
  '.vscode/mcp.json',
  '.cursor/mcp.json',
  '.gemini/settings.json',
  '.codex/config.toml',
  'AGENTS.md',
  'CLAUDE.md',
];

export interface ConfigPlaces {
  home: string;
  /** The first workspace folder, whose project settings count. */
  workspace?: string;
}

function inside(folder: string, abs: string): string | undefined {
  const rel = path.relative(folder, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : undefined;
}

/** How a settings file is named to a person: relative to the workspace, `~/` in the home, else absolute. */
export function shownPath(abs: string, places: ConfigPlaces): string {
  const inWorkspace = places.workspace && inside(places.workspace, abs);
  if (inWorkspace) return inWorkspace.split(path.sep).join('/');
  const inHome = inside(places.home, abs);
  return inHome ? `~/${inHome.split(path.sep).join('/')}` : abs;
}

/** The settings files the configuration targets read, as absolute paths. */
export function filesRead(results: readonly TargetResult[]): string[] {
  return results.flatMap(r => (r.config?.files ?? []).map(f => path.join(r.root, f.file)));
}

/** A folder and the glob (relative to it) of the files to watch there. */
export interface WatchGroup {
  base: string;
  pattern: string;
}

/** Glob metacharacters in a file name stand for themselves. */
function literal(name: string): string {
  return name.replace(/[[\]{}*?!]/g, c => `[${c}]`);
}

/**
 * What to watch: the files read, the readers' other candidates and the well-known workspace
 * files, grouped into one glob per folder (the workspace's files, and the folders they sit
 * in, under one glob), so a handful of watchers covers them all.
 */
export function watchGroups(paths: readonly string[], workspace: string | undefined): WatchGroup[] {
  const byBase = new Map<string, Set<string>>();
  const add = (base: string, rel: string) => {
    let names = byBase.get(base);
    if (!names) byBase.set(base, (names = new Set()));
    names.add(rel.split(path.sep).map(literal).join('/'));
  };
  const all = [...paths, ...(workspace ? WORKSPACE_CONFIG_FILES.map(f => path.join(workspace, f)) : [])];
  for (const abs of all) {
    const rel = workspace && inside(workspace, abs);
    if (workspace && rel) {
      add(workspace, rel);
      // A folder removed at once (rm -r .claude) is reported as the folder alone.
      for (let dir = path.dirname(rel); dir !== '.'; dir = path.dirname(dir)) add(workspace, dir);
    }
    else add(path.dirname(abs), path.basename(abs));
  }
  return [...byBase].map(([base, names]) => {
    const sorted = [...names].sort();
    return { base, pattern: sorted.length === 1 ? sorted[0] : `{${sorted.join(',')}}` };
  });
}
