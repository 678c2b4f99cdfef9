import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext, Notifier } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import type { FindingNode } from '../../src/views/auditTree';
import { closeAllEditors, extensionContext, findingNode, label, targetNode, waitFor } from './helpers';

const BLOCKED = 'FakeAI Assistant (test fixture)';

/** Records what would have been shown; answers the first action, or `answer` for input boxes. */
function recordingNotifier(answer?: string) {
  const shown: Array<{ kind: string; message: string; actions: string[] }> = [];
  const notifier: Notifier = {
    info: async (message, ...actions) => (shown.push({ kind: 'info', message, actions }), undefined),
    warn: async (message, ...actions) => (shown.push({ kind: 'warn', message, actions }), actions[0]),
    error: async (message, ...actions) => (shown.push({ kind: 'error', message, actions }), undefined),
    input: async options => (shown.push({ kind: 'input', message: options.prompt ?? '', actions: [] }), answer),
  };
  return { shown, notifier };
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'AI Tool Audit');
}

describe('the workspace policy in the editor', () => {
  let ctx: AuditContext;
  let original: Notifier;
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const policyFile = path.join(folder, '.vscode', 'ai-tool-audit.json');
  const policyUri = vscode.Uri.file(policyFile);
  const POLICY = '{\n  "assistants": {\n    "block": ["fakeai.region-gate"]\n  },\n  "rules": {\n    "block": ["region-gating"]\n  }\n}\n';

  before(async () => {
    ctx = await extensionContext();
    original = ctx.notify;
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
    assert.equal(outcome?.status, 'done');
  });

  after(async () => {
    ctx.notify = original;
    fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    await ctx.policy.reload();
    await vscode.commands.executeCommand('aiToolAudit.showAllFindings');
    await closeAllEditors();
  });

  it('warns when the workspace gets a policy that blocks a planted assistant: diagnostic on the clause, notification, status bar', async () => {
    const { shown, notifier } = recordingNotifier();
    ctx.notify = notifier;
    // Folder and file at once, as a checkout brings them.
    fs.mkdirSync(path.dirname(policyFile), { recursive: true });
    fs.writeFileSync(policyFile, POLICY);

    // The file watcher reads it: nothing calls reload() here. Watcher events can take a
    // while on a loaded machine.
    const diagnostics = await waitFor('policy diagnostics', () => ours(policyUri).length >= 2 && ours(policyUri), 60000);
    const blocked = diagnostics.find(d => d.code === 'assistants.block[0]');
    assert.ok(blocked, JSON.stringify(diagnostics.map(d => d.code)));
    assert.equal(blocked.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(blocked.message, /^Policy violation: fakeai\.region-gate \(1\.0\.0, extension\) is blocked by "fakeai\.region-gate"$/);
    const clauseLine = POLICY.split('\n').findIndex(l => l.includes('"fakeai.region-gate"'));
    const clauseColumn = POLICY.split('\n')[clauseLine].indexOf('"fakeai.region-gate"');
    assert.deepEqual([blocked.range.start.line, blocked.range.start.character, blocked.range.end.character], [clauseLine, clauseColumn, clauseColumn + '"fakeai.region-gate"'.length]);

    const gating = diagnostics.find(d => d.code === 'rules.block[0]');
    assert.ok(gating);
    assert.ok(gating.relatedInformation?.some(r => r.location.uri.fsPath.endsWith(path.join('fakeai.region-gate-1.0.0', 'extension.js'))), 'the finding is a related location');

    const warning = await waitFor('the policy notification', () => shown.find(s => s.kind === 'warn'));
    assert.match(warning.message, /^AI Tool Audit: \d+ workspace policy violations: /);
    assert.deepEqual(warning.actions, ['Show']);
    assert.match(ctx.policy.statusText, /^\$\(law\) \d+ policy violations$/);

    // "Show" (the fake notifier chose it) filters the view to the violations.
    await waitFor('the violation filter', () => ctx.tree.violationsOnly);
    assert.match(ctx.view.message ?? '', /^Showing what breaks the workspace policy \(\d+ violations\)\. "Show All Findings" in the title bar shows everything\. · /, 'the filter says what it leaves out');
    const names = ctx.tree.getChildren().map(n => label(ctx, n));
    assert.ok(names.includes(BLOCKED), names.join(', '));
    const violating = ctx.policy.violations();
    for (const n of ctx.tree.getChildren()) assert.ok(n.kind === 'target' && violating.targets.has(n.target.key));
    await vscode.commands.executeCommand('aiToolAudit.showAllFindings');
    assert.equal(ctx.tree.violationsOnly, false);
    assert.doesNotMatch(ctx.view.message ?? '', /Showing/);
  });

  it('writes a suppression with its reason, and the finding stops breaking the policy', async () => {
    const { shown, notifier } = recordingNotifier('reviewed: a test fixture');
    ctx.notify = notifier;
    const gate = findingNode(ctx, targetNode(ctx, BLOCKED), 'region-gating', 'extension.js');
    const before = ctx.policy.current[0].report!.violations.filter(v => v.clause.path === 'rules.block[0]').length;
    await vscode.commands.executeCommand('aiToolAudit.suppress', gate);
    assert.equal(shown[0]?.kind, 'input');
    const written = JSON.parse(fs.readFileSync(policyFile, 'utf8'));
    assert.deepEqual(written.suppressions, [
      { rule: 'region-gating', assistant: 'fakeai.region-gate', file: 'extension.js', hash: gate.finding.contentHash, reason: 'reviewed: a test fixture' },
    ]);
    const report = ctx.policy.current[0].report!;
    assert.equal(report.violations.filter(v => v.clause.path === 'rules.block[0]').length, before - 1);
    assert.equal(report.suppressed.length, 1);
  });

  it('moves a suppressed finding into a "Suppressed" group, after the others, with its reason', async () => {
    // The recording notifier answered the policy warning with "Show": all findings again.
    await vscode.commands.executeCommand('aiToolAudit.showAllFindings');
    const target = targetNode(ctx, BLOCKED);
    const groups = ctx.tree.getChildren(target).filter(g => g.kind === 'group');
    const last = groups[groups.length - 1];
    assert.equal(label(ctx, last), 'Suppressed');
    const inside = ctx.tree.getChildren(last).filter((n): n is FindingNode => n.kind === 'finding');
    assert.deepEqual(inside.map(n => [n.finding.ruleId, n.finding.file, n.suppressed]), [['region-gating', 'extension.js', 'reviewed: a test fixture']]);
    const elsewhere = groups.slice(0, -1).flatMap(g => ctx.tree.getChildren(g)).filter((n): n is FindingNode => n.kind === 'finding');
    assert.ok(!elsewhere.some(n => n.finding === inside[0].finding), 'no longer in its category');
    const item = ctx.tree.getTreeItem(inside[0]);
    assert.match(String(item.description), / · high · suppressed$/);
    assert.match(String(item.tooltip), /\nSuppressed by the workspace policy: reviewed: a test fixture$/);
    assert.match(item.accessibilityInformation?.label ?? '', /^Suppressed by the workspace policy \(reviewed: a test fixture\), high severity, Region or vendor gate: [^\n]+\.$/);
    assert.equal(ctx.tree.getTreeItem(last).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'accepted findings do not open by themselves');
    const details = await vscode.commands.executeCommand<vscode.TextEditor>('aiToolAudit.showFindingDetails', inside[0]);
    assert.match(details.document.getText(), /\nSuppressed: by the workspace policy: reviewed: a test fixture\n/);
  });

  it('warns in the Problems view, with a did-you-mean, about an id that names no audited or known assistant (a typo never fails open)', async () => {
    const typo = '{\n  "assistants": {\n    "block": ["fakeai.region-gat", "fake-agent", "claude-cod", "@anthropic-ai/claude-code"]\n  }\n}\n';
    fs.writeFileSync(policyFile, typo);
    const unmatched = () => ours(policyUri).filter(d => d.severity === vscode.DiagnosticSeverity.Warning && / names no audited or known assistant/.test(d.message));
    await waitFor('the unmatched-id warnings', () => unmatched().length === 2);
    const line = typo.split('\n')[2];
    const [first, second] = unmatched().sort((a, b) => a.range.start.character - b.range.start.character);
    assert.match(first.message, /^"fakeai\.region-gat" in assistants\.block names no audited or known assistant \(did you mean "fakeai\.region-gate"\?\)/);
    assert.deepEqual([first.range.start.line, first.range.start.character], [2, line.indexOf('"fakeai.region-gat"')]);
    assert.equal(first.code, 'assistants.block[0] (unmatched)');
    assert.match(second.message, /^"claude-cod" in assistants\.block names no audited or known assistant \(did you mean "claude-code"\?\)/, 'the catalog id of an assistant not installed here');
    assert.ok(!unmatched().some(d => /^"(fake-agent|@anthropic-ai\/claude-code)"/.test(d.message)), 'an audited assistant, and the npm name of a known one, are not unmatched');
  });

  it('shows an invalid policy as errors at their place and says it is not applied', async () => {
    const { shown, notifier } = recordingNotifier();
    ctx.notify = notifier;
    const invalid = '{\n  "assistants": { "blok": ["fakeai.region-gate"] }\n}\n';
    fs.writeFileSync(policyFile, invalid);
    const [error] = await waitFor('the error diagnostic', () => ours(policyUri).some(d => d.severity === vscode.DiagnosticSeverity.Error) && ours(policyUri));
    assert.equal(error.code, 'assistants.blok');
    assert.match(error.message, /unknown key "blok" \(did you mean "block"\?\)/);
    assert.deepEqual([error.range.start.line, error.range.start.character], [1, invalid.split('\n')[1].indexOf('"blok"')]);
    const notice = await waitFor('the error notification', () => shown.find(s => s.kind === 'error'));
    assert.match(notice.message, /the workspace policy \.vscode\/ai-tool-audit\.json has 1 error and is not applied until it is fixed/);
    assert.equal(ctx.policy.statusText, '$(error) policy invalid');
  });

  it('registers the schema, so VS Code\'s JSON support flags unknown keys too', async () => {
    const doc = await vscode.workspace.openTextDocument(policyUri);
    await vscode.window.showTextDocument(doc);
    const fromJson = await waitFor('JSON schema diagnostics', () => {
      const d = vscode.languages.getDiagnostics(policyUri).filter(x => x.source !== 'AI Tool Audit');
      return d.length > 0 && d;
    }, 30000);
    assert.ok(fromJson.some(d => d.range.start.line === 1), fromJson.map(d => `${d.source}: ${d.message}`).join('; '));
  });

  it('forgets the policy when its file is deleted, and a violation filter left on says it now shows nothing', async () => {
    await vscode.commands.executeCommand('aiToolAudit.showViolations');
    fs.rmSync(policyFile);
    await waitFor('diagnostics cleared', () => ours(policyUri).length === 0);
    assert.equal(ctx.policy.current.length, 0);
    await waitFor('the filter note', () => /^Showing what breaks the workspace policy \(nothing does now\)/.test(ctx.view.message ?? ''));
    await vscode.commands.executeCommand('aiToolAudit.showAllFindings');
  });
});
