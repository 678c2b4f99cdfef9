// Discovery from the editor: options from the settings, the running editor's extensions
// merged in, run in the scan worker (it walks folders and reads manifests, which the
// extension host should not spend its time on).
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Discovery } from '../core/discovery';
import type { DiscoverJob } from '../core/worker/protocol';
import type { WorkerRunner } from '../core/worker/runner';
import type { AuditSettings } from './settings';

/** The discovery editor id of the editor this runs in, from `vscode.env.appName`. */
export function runningEditorId(appName: string): string {
  const name = appName.toLowerCase();
  const known: Array<[RegExp, string]> = [
    [/insiders/, 'vscode-insiders'],
    [/vscodium/, 'vscodium'],
    [/cursor/, 'cursor'],
    [/windsurf/, 'windsurf'],
    [/trae/, 'trae'],
    [/kiro/, 'kiro'],
    [/positron/, 'positron'],
    [/code-server/, 'code-server'],
    [/visual studio code|^code( - oss)?$/, 'vscode'],
  ];
  return known.find(([re]) => re.test(name))?.[1] ?? name.replace(/[^a-z0-9]+/g, '-');
}

export function discoverJob(settings: AuditSettings): DiscoverJob {
  const editor = runningEditorId(vscode.env.appName);
  const includeRunning = settings.editors.length === 0 || settings.editors.includes(editor);
  return {
    kind: 'discover',
    options: {
      env: process.env,
      home: os.homedir(),
      platform: process.platform,
      ...(settings.editors.length ? { editors: settings.editors } : {}),
      extraPaths: settings.extraPaths,
      clis: settings.includeClis,
    },
    ...(includeRunning
      ? {
          running: {
            editor,
            extensions: vscode.extensions.all.map(e => ({ id: e.id, extensionPath: e.extensionPath, packageJSON: e.packageJSON })),
          },
        }
      : {}),
  };
}

export async function discoverAssistants(runner: WorkerRunner, settings: AuditSettings, token?: vscode.CancellationToken): Promise<Discovery | undefined> {
  const abort = new AbortController();
  const onCancel = token?.onCancellationRequested(() => abort.abort());
  let discovery: Discovery | undefined;
  try {
    const outcome = await runner.run(discoverJob(settings), {
      signal: abort.signal,
      onMessage: m => void (m.type === 'discovered' && (discovery = m.discovery)),
    });
    if (!discovery && outcome.status !== 'cancelled') throw new Error(`discovery failed: ${outcome.error ?? outcome.status}`);
    return discovery;
  } finally {
    onCancel?.dispose();
  }
}
