// Inside VS Code the running editor knows its extensions, built-in ones and those in folders
// discovery does not know (a custom --extensions-dir, a fork's own layout). The vscode layer
// passes `vscode.extensions.all` here; this pure function merges it into a Discovery.
import * as path from 'node:path';
import type { Manifest } from '../catalog/traits';
import type { Discovery } from './types';
import { assignInstanceIds, assistantFromExtension } from './index';

/** The fields of `vscode.Extension` this needs. */
export interface RunningExtension {
  id: string;
  extensionPath: string;
  packageJSON: Manifest;
}

/**
 * Adds the running editor's AI extensions that discovery did not find, tagged with `editor`
 * (e.g. `vscode`, or the `vscode.env.appName` mapped by the caller), and marks the ones it
 * found as running. Touches no file: sizes of added extensions stay unknown.
 */
export function mergeRunningExtensions(discovery: Discovery, running: readonly RunningExtension[], editor: string): Discovery {
  // Case-folded: the editor may report a drive letter or folder in another case than the disk.
  const norm = (p: string) => path.resolve(p).toLowerCase();
  const assistants = discovery.assistants.map(a => ({ ...a }));
  const byRoot = new Map(assistants.filter(a => a.kind === 'extension').map(a => [norm(a.root), a]));
  for (const ext of running) {
    const root = norm(ext.extensionPath);
    const already = byRoot.get(root);
    if (already) {
      if (!already.why.includes(RUNNING)) already.why = [...already.why, RUNNING];
      continue;
    }
    const version = typeof ext.packageJSON.version === 'string' ? ext.packageJSON.version : undefined;
    const a = assistantFromExtension({ editor, id: ext.id, path: ext.extensionPath, manifest: ext.packageJSON, ...(version ? { version } : {}) }, 'running-editor', false);
    if (!a) continue;
    a.why = [...a.why, RUNNING];
    assistants.push(a);
    byRoot.set(root, a);
  }
  return { assistants: assignInstanceIds(assistants), errors: discovery.errors };
}

const RUNNING = 'reported by the running editor';
