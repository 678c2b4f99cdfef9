// Reports from the editor: SARIF to a file, the Markdown report and "what changed" as a
// preview, over what the view shows now (the same core functions as the CLI).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AuditResult, TargetResult } from '../core/model';
import { auditResult } from '../core/report/json';
import { toSarif } from '../core/report/sarif';
import { toMarkdown } from '../core/report/markdown';
import { delta, type Comparison } from '../core/report/baseline';
import { printable } from '../core/text/safeText';
import type { AuditContext } from './auditContext';
import type { TreeNode } from './auditTree';

interface Audited {
  result: AuditResult;
  comparisons: Array<Comparison | undefined>;
}

/** Finished results in the view, with their comparisons; undefined (and a message) when there are none. */
function audited(ctx: AuditContext, only?: string): Audited | undefined {
  const shown = ctx.results.all().filter(t => t.result && (!only || t.key === only));
  if (!shown.length) {
    void ctx.notify.info('Nothing audited yet: run "AI Tool Audit: Audit AI Tools" first.');
    return undefined;
  }
  return {
    result: auditResult(shown.map(t => t.result as TargetResult)),
    comparisons: shown.map(t => ctx.results.comparison(t.key)),
  };
}

export async function exportSarif(ctx: AuditContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const a = audited(ctx);
  if (!a) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, 'ai-tool-audit.sarif'), filters: { SARIF: ['sarif', 'json'] }, title: 'Export SARIF' }));
  if (!uri) return undefined;
  const docs = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules');
  const sarif = toSarif(a.result, {
    docsBase: `${docs.toString()}/`,
    ruleDoc: id => readText(vscode.Uri.joinPath(docs, `${id}.md`).fsPath),
    comparisons: a.comparisons,
  });
  await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(sarif, null, 2)}\n`, 'utf8'));
  ctx.log.info(printable(`SARIF written to ${uri.fsPath}`));
  if (!target) void ctx.notify.info(printable(`SARIF report written to ${uri.fsPath}`));
  return uri;
}

/** The Markdown report of every audited assistant, as a preview. */
export async function openReport(ctx: AuditContext): Promise<vscode.TextDocument | undefined> {
  const a = audited(ctx);
  if (!a) return undefined;
  const deltas = a.comparisons.map((c, i) => c && delta(a.result.targets[i], c));
  return preview(toMarkdown(a.result, { comparisons: a.comparisons, deltas, generated: new Date() }));
}

/** "What changed in <assistant> <old> -> <new>", for one assistant of the tree. */
export async function showChanges(ctx: AuditContext, node?: TreeNode): Promise<vscode.TextDocument | undefined> {
  const key = node?.kind === 'target' ? node.target.key : ctx.results.all().find(t => ctx.results.comparison(t.key))?.key;
  const comparison = key ? ctx.results.comparison(key) : undefined;
  const t = ctx.results.all().find(x => x.key === key)?.result;
  if (!comparison || !t) {
    void ctx.notify.info('No earlier version of this assistant was audited on this machine: changes show after its next update.');
    return undefined;
  }
  return preview(toMarkdown(auditResult([t]), { comparisons: [comparison], deltas: [delta(t, comparison)], generated: new Date() }));
}

async function preview(markdown: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true });
  }
  return doc;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
