// Commands on one finding: open it where it is, or in readable context.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { printable } from '../core/text/safeText';
import type { AuditContext } from './auditContext';
import { findingPlace, ownerTarget, type FindingNode, type TreeNode } from './auditTree';
import { canReprint } from './contextDocument';
import { isMinifiedAt, openLocation, type FindingLocation } from './openFinding';
import { DETAILS_SCHEME, detailsUri } from './findingDetails';

function isFindingNode(value: unknown): value is FindingNode {
  return !!value && typeof value === 'object' && (value as TreeNode).kind === 'finding';
}

/**
 * Over this size the editor needs seconds just to load the file (a 13 MB bundle: 9 s in
 * bench:editor, with the hit off-screen on a line it does not render), so a finding in it
 * opens in readable context at once; that document's "Raw location" link opens the file.
 */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;

async function isLargeFile(node: FindingNode): Promise<boolean> {
  // Modules inside an executable are read by the worker: their size is not the file's.
  if (node.finding.entry) return false;
  try {
    return (await fs.promises.stat(path.join(node.target.root, node.finding.file))).size > LARGE_FILE_BYTES;
  } catch {
    return false;
  }
}

export async function openFinding(ctx: AuditContext, target: FindingNode | FindingLocation) {
  if (isFindingNode(target) && (target.finding.line === undefined || target.finding.column === undefined)) {
    void vscode.window.showInformationMessage(
      printable(`This finding is in native code (${findingPlace(target.finding)}): it has a byte offset, not a line, and cannot be opened as text.`),
    );
    return undefined;
  }
  if (isFindingNode(target) && target.finding.source !== 'config' && canReprint(target.finding) && (await isLargeFile(target))) {
    const opened = await showReadableContext(ctx, target);
    if (opened) return opened.editor;
  }
  const loc: FindingLocation = isFindingNode(target) ? { ...target.finding, line: target.finding.line!, column: target.finding.column!, root: target.target.root } : target;
  const editor = await openLocation(loc, besideDetails());
  if (isFindingNode(target) && target.finding.source !== 'config' && canReprint(target.finding) && isMinifiedAt(editor)) {
    const length = editor.document.lineAt(editor.selection.start.line).text.length;
    void ctx.notify
      .info(printable(`${loc.file} line ${loc.line} is ${length.toLocaleString('en-US')} characters long (minified): the editor does not show all of it.`), 'Show in Readable Context')
      .then(choice => (choice ? showReadableContext(ctx, target) : undefined));
  }
  return editor;
}

/**
 * A step clicked in Finding Details opens in the other editor group, so the details stay in
 * view while the reviewer walks the steps one by one.
 */
function besideDetails(): vscode.ViewColumn | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.scheme !== DETAILS_SCHEME) return undefined;
  const other = vscode.window.visibleTextEditors.find(e => e.document.uri.scheme !== DETAILS_SCHEME && e.viewColumn !== undefined && e.viewColumn !== active.viewColumn);
  return other?.viewColumn ?? (active.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
}

export async function showReadableContext(ctx: AuditContext, node: TreeNode | undefined) {
  const chosen = node ?? ctx.view.selection[0];
  if (!isFindingNode(chosen) || !canReprint(chosen.finding)) {
    void vscode.window.showInformationMessage('Select a finding with a line in the AI Tool Audit view first.');
    return undefined;
  }
  const opened = await ctx.contexts.show(chosen.target, chosen.finding);
  ctx.log.info(printable(`readable context of ${chosen.finding.ruleId} at ${findingPlace(chosen.finding)}: ${opened.mode}, ${opened.scope}, ${opened.ms} ms`));
  return opened;
}

/** Opens the finding's details beside the code, so a step can be followed while they stay in view. */
export async function showFindingDetails(ctx: AuditContext, node: TreeNode | undefined) {
  const chosen = node ?? ctx.view.selection[0];
  if (!isFindingNode(chosen)) {
    void vscode.window.showInformationMessage('Select a finding in the AI Tool Audit view first.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(detailsUri(ownerTarget(chosen.parent.parent).key, chosen.index, chosen.finding));
  // Pinned, not a preview: opening a step must not replace it.
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
