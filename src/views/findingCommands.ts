// Commands on one finding: open it where it is, or in readable context.
import * as vscode from 'vscode';
import { printable } from '../core/text/safeText';
import type { AuditContext } from './auditContext';
import { findingPlace, type FindingNode, type TreeNode } from './auditTree';
import { canReprint } from './contextDocument';
import { isMinifiedAt, openLocation, type FindingLocation } from './openFinding';

function isFindingNode(value: unknown): value is FindingNode {
  return !!value && typeof value === 'object' && (value as TreeNode).kind === 'finding';
}

export async function openFinding(ctx: AuditContext, target: FindingNode | FindingLocation) {
  if (isFindingNode(target) && (target.finding.line === undefined || target.finding.column === undefined)) {
    void vscode.window.showInformationMessage(
      printable(`This finding is in native code (${findingPlace(target.finding)}): it has a byte offset, not a line, and cannot be opened as text.`),
    );
    return undefined;
  }
  const loc: FindingLocation = isFindingNode(target) ? { ...target.finding, line: target.finding.line!, column: target.finding.column!, root: target.target.root } : target;
  const editor = await openLocation(loc);
  if (isFindingNode(target) && target.finding.source !== 'config' && canReprint(target.finding) && isMinifiedAt(editor)) {
    const length = editor.document.lineAt(editor.selection.start.line).text.length;
    void ctx.notify
      .info(printable(`${loc.file} line ${loc.line} is ${length.toLocaleString('en-US')} characters long (minified): the editor does not show all of it.`), 'Show in Readable Context')
      .then(choice => (choice ? showReadableContext(ctx, target) : undefined));
  }
  return editor;
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
