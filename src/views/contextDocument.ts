// "Show in readable context": a read-only JavaScript document with the function around a
// finding reprinted by the scan worker, the flagged span highlighted, the steps of a
// correlated finding marked, and a link back to the raw location in the shipped file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, TargetResult } from '../core/model';
import { printable } from '../core/text/safeText';
import type { ContextReply } from '../core/worker/protocol';
import type { WorkerRunner } from '../core/worker/runner';
import { toRange, type OneBasedRange } from './positions';
import type { FindingLocation } from './openFinding';
import { ruleTitle } from './auditTree';
import { commandUri } from './commandUri';

export const CONTEXT_SCHEME = 'ai-tool-audit-context';

/** Everything needed to rebuild the document, carried in its URI so a restored tab works. */
interface ContextSource extends FindingLocation {
  ruleId: string;
  severity: string;
  message: string;
  fingerprint?: string;
  offset: number;
  endOffset: number;
  functionRange?: [number, number];
  related: Array<OneBasedRange & { message: string }>;
}

interface Rendered {
  highlight?: vscode.Range;
  related: Array<{ range: vscode.Range; message: string }>;
  link: { range: vscode.Range; location: FindingLocation };
  reply: ContextReply;
}

export interface OpenedContext {
  editor: vscode.TextEditor;
  mode: ContextReply['mode'];
  scope: ContextReply['scope'];
  highlight?: vscode.Range;
  /** From the command to the editor showing the reprint. */
  ms: number;
  /** What the worker spent reading the file, parsing the slice and reprinting it. */
  worker?: { readMs: number; parseMs: number; printMs: number };
}

/** A finding with a place in JS text; strings-pass findings in native code have none. */
export type ReprintableFinding = Finding & { line: number; column: number; offset: number; endOffset: number };

export function canReprint(f: Finding): f is ReprintableFinding {
  return f.offset !== undefined && f.endOffset !== undefined && f.line !== undefined && f.column !== undefined;
}

export class ContextDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly rendered = new Map<string, Rendered>();
  private readonly flagged = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editorError.foreground'),
    overviewRulerColor: new vscode.ThemeColor('editorError.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  private readonly step = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.wordHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly runner: WorkerRunner) {
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(editors => editors.forEach(e => this.decorate(e))),
      vscode.workspace.onDidCloseTextDocument(d => this.rendered.delete(d.uri.toString())),
    );
  }

  async show(target: TargetResult, finding: ReprintableFinding): Promise<OpenedContext> {
    const started = Date.now();
    const uri = contextUri(sourceOf(target, finding));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: true });
    const r = this.rendered.get(uri.toString());
    if (r?.highlight) {
      editor.selection = new vscode.Selection(r.highlight.start, r.highlight.end);
      editor.revealRange(r.highlight, vscode.TextEditorRevealType.InCenter);
    }
    this.decorate(editor);
    return {
      editor,
      mode: r?.reply.mode ?? 'raw',
      scope: r?.reply.scope ?? 'raw',
      highlight: r?.highlight,
      ms: Date.now() - started,
      ...(r ? { worker: { readMs: r.reply.readMs, parseMs: r.reply.parseMs, printMs: r.reply.printMs } } : {}),
    };
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const source = parseContextUri(uri);
    const abort = new AbortController();
    const onCancel = token.onCancellationRequested(() => abort.abort());
    let reply: ContextReply | undefined;
    try {
      const outcome = await this.runner.run(
        {
          kind: 'context',
          root: source.root,
          file: source.file,
          entry: source.entry,
          ruleId: source.ruleId,
          fingerprint: source.fingerprint,
          span: { start: source.offset, end: source.endOffset },
          functionRange: source.functionRange,
          related: source.related,
        },
        { signal: abort.signal, onMessage: m => void (m.type === 'context' && (reply = m.reply)) },
      );
      if (!reply) return `// AI Tool Audit: no readable context for this finding.\n// ${printable(outcome.error ?? outcome.status)}\n`;
    } finally {
      onCancel.dispose();
    }
    const { text, rendered } = render(source, reply);
    this.rendered.set(uri.toString(), rendered);
    return text;
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const r = this.rendered.get(doc.uri.toString());
    if (!r) return [];
    const link = new vscode.DocumentLink(r.link.range, commandUri('aiToolAudit.openFinding', r.link.location));
    link.tooltip = 'Open the shipped file at the finding';
    return [link];
  }

  private decorate(editor: vscode.TextEditor): void {
    const r = this.rendered.get(editor.document.uri.toString());
    if (!r) return;
    editor.setDecorations(this.flagged, r.highlight ? [r.highlight] : []);
    editor.setDecorations(
      this.step,
      r.related.map(s => ({ range: s.range, hoverMessage: new vscode.MarkdownString().appendText(s.message) })),
    );
  }

  dispose(): void {
    this.flagged.dispose();
    this.step.dispose();
    this.subscriptions.forEach(s => s.dispose());
  }
}

function sourceOf(target: TargetResult, f: ReprintableFinding): ContextSource {
  return {
    root: target.root,
    file: f.file,
    ...(f.entry ? { entry: f.entry } : {}),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
    offset: f.offset,
    endOffset: f.endOffset,
    ...(f.functionRange ? { functionRange: f.functionRange } : {}),
    related: f.related
      .filter(r => r.file === f.file && r.entry === f.entry)
      .map(r => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })),
  };
}

function contextUri(source: ContextSource): vscode.Uri {
  const name = printable(path.posix.basename((source.entry ?? source.file).replace(/\\/g, '/')));
  return vscode.Uri.from({
    scheme: CONTEXT_SCHEME,
    path: `/${name} @ ${source.line}:${source.column} (readable).js`,
    query: JSON.stringify(source),
  });
}

function parseContextUri(uri: vscode.Uri): ContextSource {
  return JSON.parse(uri.query) as ContextSource;
}

const SCOPES: Record<ContextReply['scope'], string> = {
  function: 'the enclosing function',
  statement: 'the statement around the finding',
  file: 'the whole file',
  raw: 'the raw text around the finding',
};

/** The document: a comment header (plain text, escaped), then the code. */
function render(source: ContextSource, reply: ContextReply): { text: string; rendered: Rendered } {
  const where = source.entry ? `${source.file} › ${source.entry}` : source.file;
  const rawAt = `${where}:${source.line}:${source.column}`;
  const header = [
    `// AI Tool Audit: readable context. ${reply.mode === 'printed' ? 'Reprinted from the parsed code, not the shipped text.' : 'Shipped text, unchanged.'}`,
    `// ${source.severity} · ${ruleTitle(source.ruleId)}: ${source.message}`,
    `// Raw location: ${rawAt}`,
    `// Shown: ${SCOPES[reply.scope]}, from ${where}:${reply.shownFrom.line}:${reply.shownFrom.column} (${reply.shown.end - reply.shown.start} characters)`,
    ...(reply.note ? [`// Note: ${reply.note}`] : []),
    ...(reply.stale ? ['// Warning: the file changed since the audit; re-audit to refresh this finding.'] : []),
  ].map(printable);
  const linkLine = 2;
  const linkStart = header[linkLine].lastIndexOf(printable(rawAt));
  const offsetLines = header.length + 1;
  const shift = (r: OneBasedRange): vscode.Range => toRange({ ...r, line: r.line + offsetLines, endLine: (r.endLine ?? r.line) + offsetLines });
  const text = `${header.join('\n')}\n\n${reply.code}\n`;
  return {
    text,
    rendered: {
      highlight: reply.highlight ? shift(reply.highlight) : undefined,
      related: reply.related.map(r => ({ range: shift(r), message: r.message })),
      link: {
        range: new vscode.Range(linkLine, linkStart, linkLine, linkStart + printable(rawAt).length),
        location: {
          root: source.root,
          file: source.file,
          ...(source.entry ? { entry: source.entry } : {}),
          line: source.line,
          column: source.column,
          endLine: source.endLine,
          endColumn: source.endColumn,
        },
      },
      reply,
    },
  };
}
