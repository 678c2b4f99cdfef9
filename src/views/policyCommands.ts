// Commands about the workspace policy: show only what breaks it, show everything again, and
// accept one finding by writing a suppression (with its reason) into the policy file.
import * as vscode from 'vscode';
import { addSuppression, suppressionFor } from '../core/policy/edit';
import { printable } from '../core/text/safeText';
import { plural } from '../core/text/format';
import type { AuditContext } from './auditContext';
import { findingPlace, type FindingNode, type TreeNode } from './auditTree';

export async function showViolations(ctx: AuditContext) {
  ctx.tree.setViolationFilter(() => ctx.policy.violations());
  // Counted at each update: the policy or the results may change while the filter is on.
  ctx.summary.setFilter(() => {
    const count = ctx.policy.current.reduce((n, p) => n + (p.report?.violations.length ?? 0), 0);
    return `Showing what breaks the workspace policy (${count ? plural(count, 'violation') : 'nothing does now'}). "Show All Findings" in the title bar shows everything.`;
  });
  await vscode.commands.executeCommand('aiToolAudit.findings.focus');
}

export function showAllFindings(ctx: AuditContext) {
  ctx.tree.setViolationFilter(undefined);
  ctx.summary.setFilter(undefined);
}

export async function suppress(ctx: AuditContext, node: TreeNode | undefined): Promise<vscode.Uri | undefined> {
  const chosen = node ?? ctx.view.selection[0];
  if (chosen?.kind !== 'finding') {
    void vscode.window.showInformationMessage('Select a finding in the AI Tool Audit view first.');
    return undefined;
  }
  const folder = await policyFolder(ctx);
  if (!folder) return undefined;
  if (!chosen.finding.contentHash) {
    void ctx.notify.error('AI Tool Audit: this finding has no content hash, so a suppression could not tell when its code changes.');
    return undefined;
  }
  const reason = await ctx.notify.input({
    title: 'Suppress in workspace policy',
    prompt: printable(`Why is ${chosen.finding.ruleId} at ${findingPlace(chosen.finding)} in ${chosen.target.name} accepted? (saved in the policy, for reviewers)`),
    validateInput: value => (value.trim() ? undefined : 'A suppression needs a reason.'),
    ignoreFocusOut: true,
  });
  if (!reason?.trim()) return undefined;
  return writeSuppression(ctx, folder, chosen, reason);
}

async function writeSuppression(ctx: AuditContext, folder: vscode.WorkspaceFolder, node: FindingNode, reason: string): Promise<vscode.Uri | undefined> {
  const uri = ctx.policy.policyUriFor(folder);
  // The document, not the file: an open copy with unsaved changes is what the user sees.
  const doc = (await exists(uri)) ? await vscode.workspace.openTextDocument(uri) : undefined;
  let edited: { text: string; added: boolean };
  try {
    edited = addSuppression(doc?.getText() ?? '', suppressionFor(node.target, node.finding, reason));
  } catch (e) {
    void ctx.notify.error(`AI Tool Audit: cannot add the suppression to ${vscode.workspace.asRelativePath(uri)}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (!edited.added) {
    void ctx.notify.info('AI Tool Audit: the workspace policy already suppresses this finding.');
    return uri;
  }
  if (!doc) {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edited.text));
  } else {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), edited.text);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
  }
  ctx.log.info(printable(`suppressed ${node.finding.ruleId} at ${findingPlace(node.finding)} in ${node.target.id} in ${uri.fsPath}: ${reason}`));
  await ctx.policy.reload();
  return uri;
}

async function policyFolder(ctx: AuditContext): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void ctx.notify.error('AI Tool Audit: open a folder first: the workspace policy lives in it (.vscode/ai-tool-audit.json).');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const withPolicy = ctx.policy.current.map(p => p.folder);
  if (withPolicy.length === 1) return withPolicy[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder\'s policy gets the suppression?' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
