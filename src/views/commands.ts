// Every command, as one table of id -> factory(ctx). package.json declares the same ids.
import * as vscode from 'vscode';
import { SEVERITIES, type Severity } from '../core/model';
import { ruleCatalog } from '../core/rules';
import { targetForPath, type TargetSpec } from '../core/scan/target';
import { printable } from '../core/report/safeText';
import type { Discovery } from '../core/discovery';
import { editorName } from '../core/discovery/editors';
import type { AuditContext } from './context';
import { discoverAssistants } from './discovery';
import { readSettings } from './settings';
import { GROUP_BY, findingPlace, type FindingNode, type GroupBy, type TreeNode } from './auditTree';
import { canReprint } from './contextDocument';
import { isMinifiedAt, openLocation, type FindingLocation } from './openFinding';

type Command = (ctx: AuditContext) => (...args: any[]) => unknown;

export const COMMANDS: Record<string, Command> = {
  'aiToolAudit.auditAll': ctx => () => auditAll(ctx),
  'aiToolAudit.quickScan': ctx => (id?: string) => quickScan(ctx, id),
  'aiToolAudit.scanPath': ctx => (uri?: vscode.Uri, selected?: vscode.Uri[]) => scanPath(ctx, selected?.length ? selected : uri ? [uri] : undefined),
  'aiToolAudit.reaudit': ctx => () => reaudit(ctx),
  'aiToolAudit.cancelAudit': ctx => () => ctx.auditor.cancel(),
  'aiToolAudit.openFinding': ctx => (target: FindingNode | FindingLocation) => openFinding(ctx, target),
  'aiToolAudit.showReadableContext': ctx => (node?: TreeNode) => showReadableContext(ctx, node),
  'aiToolAudit.showRules': ctx => (ruleId?: string) => showRules(ctx, ruleId),
  'aiToolAudit.groupBy': ctx => (value?: GroupBy) => groupBy(ctx, value),
  'aiToolAudit.filterSeverity': ctx => (value?: Severity) => filterSeverity(ctx, value),
  'aiToolAudit.showLog': ctx => () => ctx.log.show(),
};

async function auditAll(ctx: AuditContext) {
  void vscode.commands.executeCommand('aiToolAudit.findings.focus');
  ctx.view.message = undefined;
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
  if (outcome.status === 'done' && ctx.results.all().length === 0) ctx.view.message = `No AI assistants found on ${ctx.machine}.`;
  return outcome;
}

async function quickScan(ctx: AuditContext, id?: string) {
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
            label: `$(${a.kind === 'cli' ? 'terminal' : 'extensions'}) ${printable(a.name)}`,
            description: printable([a.kind, a.version, a.editor ? editorName(a.editor) : a.install].filter(Boolean).join(' · ')),
            detail: printable(a.root),
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
  ctx.log.info(`found ${discovery.assistants.length} AI assistant(s) on ${ctx.machine}`);
  for (const a of discovery.assistants) {
    ctx.log.info(printable(`  ${a.name}${a.version ? ` ${a.version}` : ''} (${a.kind}, ${a.editor ?? a.install}) at ${a.root}: ${a.why.join('; ')}`));
  }
  for (const e of discovery.errors) ctx.log.warn(printable(`discovery: ${e.file}: ${e.message}`));
}

async function scanPath(ctx: AuditContext, uris: vscode.Uri[] | undefined) {
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
async function reaudit(ctx: AuditContext) {
  const specs: TargetSpec[] = ctx.results.all().map(t => t.spec);
  if (!specs.length || ctx.lastDiscovery) return auditAll(ctx);
  return ctx.auditor.audit(specs, 'AI Tool Audit: re-auditing', false);
}

function isFindingNode(value: unknown): value is FindingNode {
  return !!value && typeof value === 'object' && (value as TreeNode).kind === 'finding';
}

async function openFinding(ctx: AuditContext, target: FindingNode | FindingLocation) {
  if (isFindingNode(target) && (target.finding.line === undefined || target.finding.column === undefined)) {
    void vscode.window.showInformationMessage(
      printable(`This finding is in native code (${findingPlace(target.finding)}): it has a byte offset, not a line, and cannot be opened as text.`),
    );
    return undefined;
  }
  const loc: FindingLocation = isFindingNode(target) ? { ...target.finding, line: target.finding.line!, column: target.finding.column!, root: target.target.root } : target;
  const editor = await openLocation(loc);
  if (isFindingNode(target) && canReprint(target.finding) && isMinifiedAt(editor)) {
    const length = editor.document.lineAt(editor.selection.start.line).text.length;
    void ctx.notify
      .info(printable(`${loc.file} line ${loc.line} is ${length.toLocaleString('en-US')} characters long (minified): the editor does not show all of it.`), 'Show in Readable Context')
      .then(choice => (choice ? showReadableContext(ctx, target) : undefined));
  }
  return editor;
}

async function showReadableContext(ctx: AuditContext, node: TreeNode | undefined) {
  const chosen = node ?? ctx.view.selection[0];
  if (!isFindingNode(chosen) || !canReprint(chosen.finding)) {
    void vscode.window.showInformationMessage('Select a finding with a line in the AI Tool Audit view first.');
    return undefined;
  }
  const opened = await ctx.contexts.show(chosen.target, chosen.finding);
  ctx.log.info(printable(`readable context of ${chosen.finding.ruleId} at ${findingPlace(chosen.finding)}: ${opened.mode}, ${opened.scope}, ${opened.ms} ms`));
  return opened;
}

async function showRules(ctx: AuditContext, ruleId?: string) {
  const rules = ruleCatalog();
  let id = ruleId;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      rules.map(r => ({ label: r.title, description: `${r.id} · ${r.category} · ${r.severity}${r.correlation ? ' · correlation' : ''}`, detail: r.description, id: r.id })),
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

async function groupBy(ctx: AuditContext, value?: GroupBy) {
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

async function filterSeverity(ctx: AuditContext, value?: Severity) {
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
