// Commands that start an audit: of everything discovered, of one assistant, of a path, again.
import * as vscode from 'vscode';
import type { TargetSpec } from '../core/model';
import { targetForPath } from '../core/discovery/pathTarget';
import { plainLabel, printable } from '../core/text/safeText';
import type { Discovery } from '../core/discovery';
import { editorName } from '../core/discovery/editors';
import type { AuditContext } from './auditContext';
import { discoverAssistants } from './discovery';
import { readSettings } from './settings';
import { plural } from '../core/text/format';

export async function auditAll(ctx: AuditContext) {
  void vscode.commands.executeCommand('aiToolAudit.findings.focus');
  ctx.view.message = undefined;
  void vscode.commands.executeCommand('setContext', 'aiToolAudit.nothingFound', false);
  const outcome = await ctx.auditor.audit(
    async (settings, token) => {
      const discovery = await discoverAssistants(ctx.runner, settings, token);
      if (!discovery) return undefined;
      logDiscovery(ctx, discovery);
      ctx.lastDiscovery = discovery;
      return discovery.assistants;
    },
    `AI Tool Audit: auditing the AI assistants on ${ctx.machine}`,
    true,
  );
  // Settings of assistants that are not installed may still show: "nothing found" is about code.
  const nothing = outcome.status === 'done' && !ctx.results.all().some(t => t.spec.kind !== 'config');
  void vscode.commands.executeCommand('setContext', 'aiToolAudit.nothingFound', nothing && ctx.results.all().length === 0);
  if (nothing) {
    const searched = ctx.lastDiscovery?.searched ?? [];
    // Where it looked, in full: an empty view must not read as "nothing to worry about".
    ctx.view.message = printable(
      `No AI assistants found on ${ctx.machine}. Looked in: ${searched.join('; ') || 'the usual places'}. ` +
        'To audit another folder: "Scan a Folder or File...", or the setting aiToolAudit.extraPaths (each audit); aiToolAudit.editors and includeClis choose where to look.',
    );
    for (const s of searched) ctx.log.info(printable(`looked in ${s}`));
  }
  return outcome;
}

export async function quickScan(ctx: AuditContext, id?: string) {
  const discovery = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'AI Tool Audit: looking for AI assistants' },
    () => discoverAssistants(ctx.runner, readSettings()),
  );
  if (!discovery) return undefined;
  logDiscovery(ctx, discovery);
  if (!discovery.assistants.length) {
    void vscode.window.showInformationMessage(`No AI assistants found on ${ctx.machine}.`);
    return undefined;
  }
  const chosen = id
    ? discovery.assistants.find(a => [a.instanceId, a.id, a.extensionId, a.packageName].some(n => n?.toLowerCase() === id.toLowerCase()))
    : (
        await vscode.window.showQuickPick(
          discovery.assistants.map(a => ({
            label: `$(${a.kind === 'cli' ? 'terminal' : 'extensions'}) ${plainLabel(a.name)}`,
            description: plainLabel([a.kind, a.version, a.editor ? editorName(a.editor) : a.install].filter(Boolean).join(' · ')),
            detail: plainLabel(a.root),
            assistant: a,
          })),
          { title: 'Quick Scan: pick an AI assistant to audit', matchOnDescription: true, matchOnDetail: true },
        )
      )?.assistant;
  if (!chosen) return undefined;
  void vscode.commands.executeCommand('aiToolAudit.findings.focus');
  return ctx.auditor.audit([chosen], `AI Tool Audit: scanning ${chosen.name}`, false);
}

function logDiscovery(ctx: AuditContext, discovery: Discovery): void {
  ctx.log.info(`found ${plural(discovery.assistants.length, 'AI assistant')} on ${ctx.machine}`);
  for (const a of discovery.assistants) {
    ctx.log.info(printable(`  ${a.name}${a.version ? ` ${a.version}` : ''} (${a.kind}, ${a.editor ?? a.install}) at ${a.root}: ${a.why.join('; ')}`));
  }
  for (const e of discovery.errors) ctx.log.warn(printable(`discovery: ${e.file}: ${e.message}`));
}

export async function scanPath(ctx: AuditContext, uris: vscode.Uri[] | undefined) {
  const picked =
    uris ??
    (await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: true, openLabel: 'Scan', title: 'Scan a folder or file' }));
  if (!picked?.length) return undefined;
  const local = picked.filter(u => u.scheme === 'file');
  if (local.length < picked.length) void vscode.window.showWarningMessage('AI Tool Audit scans files on the machine its extension host runs on; other locations were skipped.');
  if (!local.length) return undefined;
  const specs = local.map(u => targetForPath(u.fsPath));
  void vscode.commands.executeCommand('aiToolAudit.findings.focus');
  return ctx.auditor.audit(specs, `AI Tool Audit: scanning ${specs.map(s => s.name).join(', ')}`, false);
}

/** After "Audit AI tools", discovers again (new assistants show up); otherwise rescans what is shown. */
export async function reaudit(ctx: AuditContext) {
  // Settings are not code to scan: the audit reads them again with the rest.
  const specs: TargetSpec[] = ctx.results.all().map(t => t.spec).filter(s => s.kind !== 'config');
  if (!specs.length || ctx.lastDiscovery) return auditAll(ctx);
  return ctx.auditor.audit(specs, 'AI Tool Audit: re-auditing', false, true);
}
