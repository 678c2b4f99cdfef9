// Modules embedded in an executable (a Bun or Node single-file build) have no file of their
// own: they open as read-only virtual documents whose text the scan worker extracts.
import { printable } from '../core/text/safeText';
import * as vscode from 'vscode';
import type { WorkerRunner } from '../core/worker/runner';

export const MODULE_SCHEME = 'ai-tool-audit-module';

/** The path is the entry name, for the tab title; the query carries what to read. */
export function moduleUri(binary: string, entry: string): vscode.Uri {
  // The tab title shows the path: no control or bidi characters from a hostile module name.
  const shown = printable(entry.replace(/\\/g, '/'));
  return vscode.Uri.from({
    scheme: MODULE_SCHEME,
    path: shown.startsWith('/') ? shown : `/${shown}`,
    query: new URLSearchParams({ binary, entry }).toString(),
  });
}

export function parseModuleUri(uri: vscode.Uri): { binary: string; entry: string } | undefined {
  const q = new URLSearchParams(uri.query);
  const binary = q.get('binary');
  const entry = q.get('entry');
  return binary && entry ? { binary, entry } : undefined;
}

export class ModuleDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly runner: WorkerRunner) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const where = parseModuleUri(uri);
    if (!where) throw new Error(`not an embedded-module address: ${uri.toString()}`);
    const abort = new AbortController();
    const onCancel = token.onCancellationRequested(() => abort.abort());
    let text: string | undefined;
    try {
      const outcome = await this.runner.run(
        { kind: 'module', binary: where.binary, entry: where.entry },
        { signal: abort.signal, onMessage: m => void (m.type === 'module' && (text = m.text)) },
      );
      if (text === undefined) throw new Error(outcome.error ?? `could not read ${where.entry} from ${where.binary}`);
      return text;
    } finally {
      onCancel.dispose();
    }
  }
}
