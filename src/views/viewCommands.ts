// Commands about the view: the rules it knows, how it groups and filters findings.
import * as vscode from 'vscode';
import { SEVERITIES, type Severity } from '../core/model';
import { RULE_CATALOG } from '../core/rules/catalog';
import type { AuditContext } from './auditContext';
import { GROUP_BY, type GroupBy } from './auditTree';

export async function showRules(ctx: AuditContext, ruleId?: string) {
  const rules = RULE_CATALOG;
  let id = ruleId;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      rules.map(r => ({ label: r.title, description: `${r.id} · ${r.category} · ${r.severity}${r.kind === 'code' ? '' : ` · ${r.kind}`}`, detail: r.description, id: r.id })),
      { title: 'AI Tool Audit rules', placeHolder: 'Pick a rule to read its documentation', matchOnDescription: true, matchOnDetail: true },
    );
    id = picked?.id;
  }
  if (!id || !rules.some(r => r.id === id)) return undefined;
  const doc = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true });
  }
  return id;
}

export async function groupBy(ctx: AuditContext, value?: GroupBy) {
  const chosen =
    value ??
    (
      await vscode.window.showQuickPick(
        GROUP_BY.map(g => ({ label: g, picked: g === ctx.tree.groupBy, description: g === ctx.tree.groupBy ? 'current' : undefined })),
        { title: 'Group findings by' },
      )
    )?.label;
  if (chosen && GROUP_BY.includes(chosen as GroupBy)) await ctx.tree.setGroupBy(chosen as GroupBy);
  return ctx.tree.groupBy;
}

export async function filterSeverity(ctx: AuditContext, value?: Severity) {
  const chosen =
    value ??
    (
      await vscode.window.showQuickPick(
        [...SEVERITIES].reverse().map(s => ({ label: s, description: s === ctx.tree.minSeverity ? 'current' : undefined })),
        { title: 'Show findings of at least this severity' },
      )
    )?.label;
  if (chosen && SEVERITIES.includes(chosen as Severity)) await ctx.tree.setMinSeverity(chosen as Severity);
  return ctx.tree.minSeverity;
}
