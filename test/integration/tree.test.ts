import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { TreeNode } from '../../src/views/auditTree';
import { FIXTURE_EXTENSION, closeAllEditors, description, extensionContext, findingNode, findingNodes, label, positionOf, targetNode, waitFor } from './helpers';

describe('the findings tree', () => {
  let ctx: AuditContext;
  const source = path.join(FIXTURE_EXTENSION, 'extension.js');

  before(async () => {
    ctx = await extensionContext();
    await ctx.tree.setGroupBy('category');
    await ctx.tree.setMinSeverity('low');
    const outcome = await vscode.commands.executeCommand<{ status: string }>('aiToolAudit.scanPath', vscode.Uri.file(FIXTURE_EXTENSION));
    assert.equal(outcome?.status, 'done');
  });

  after(closeAllEditors);

  it('shows the scanned assistant with its version and counts by severity', () => {
    const target = targetNode(ctx, 'region-gate');
    assert.match(description(ctx, target), /^1\.0\.0 · 2 high, 6 medium, 6 low$/);
    const tooltip = String(ctx.tree.getTreeItem(target).tooltip);
    assert.match(tooltip, new RegExp(`path: ${FIXTURE_EXTENSION.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('groups findings by category, and lists each by its message with file:line:col and severity', () => {
    const target = targetNode(ctx, 'region-gate');
    const groups = ctx.tree.getChildren(target);
    assert.deepEqual(groups.map(g => label(ctx, g)), ['Region', 'Vendor', 'Network']);
    const gate = findingNode(ctx, target, 'region-gating', 'extension.js');
    const at = positionOf(source, "'Asia/Shanghai'");
    assert.equal(label(ctx, gate), gate.finding.message);
    assert.match(label(ctx, gate), /^Reads the timezone and the API endpoint/);
    assert.equal(description(ctx, gate), `extension.js:${at.line}:${at.column} · high`);
    const item = ctx.tree.getTreeItem(gate);
    // What a screen reader says: one sentence on one line, severity first, never the tooltip.
    const spoken = item.accessibilityInformation?.label ?? '';
    assert.equal(spoken, `High severity, Region or vendor gate: ${gate.finding.message.replace(/[\s.]+$/, '')}, in extension.js at line ${at.line}, column ${at.column}.`);
    assert.ok(!spoken.includes('\n') && spoken.length < 300, spoken);
    assert.equal(item.accessibilityInformation?.role, 'treeitem');
    // The tooltip is short (message, rule, some evidence, a Details hint): the steps are in Finding Details.
    const tooltip = String(item.tooltip);
    assert.equal(typeof item.tooltip, 'string', 'plain text, never markdown');
    const lines = tooltip.split('\n');
    assert.ok(lines.length <= 10 && lines.every(l => l.length <= 200), tooltip);
    assert.ok(tooltip.startsWith(`${gate.finding.message}\nhigh · Region or vendor gate (region-gating)\nevidence:\n  `), tooltip);
    assert.match(tooltip, new RegExp(`\\n${gate.finding.related.length} correlated steps, each a link in Finding Details\\n`));
    assert.match(tooltip, new RegExp(`\\nat extension\\.js:${at.line}:${at.column}\\n`));
    assert.match(tooltip, /\nDetails: .*Show Finding Details.*Open Rule Documentation$/);
    assert.doesNotMatch(tooltip, /command:|\]\(/, 'no link of any kind');
  });

  it("opens a finding's rule documentation from the finding", async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'region-gate'), 'region-gating', 'extension.js');
    assert.equal(await vscode.commands.executeCommand('aiToolAudit.openRuleDoc', gate), 'region-gating');
    // The page shipped in the extension, shown as a Markdown preview; its sections are checked by the unit tests.
    await waitFor('the rule page', () => vscode.window.tabGroups.all.some(g => g.tabs.some(t => t.label.includes('region-gating.md'))));
    await closeAllEditors();
  });

  it('opens a finding with its exact range selected and revealed', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'region-gate'), 'region-literals', 'extension.js');
    await vscode.commands.executeCommand('aiToolAudit.openFinding', gate);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.fsPath, source);
    const at = positionOf(source, "'Asia/Shanghai'");
    assert.equal(editor.selection.start.line, at.line - 1);
    assert.equal(editor.selection.start.character, at.column - 1);
    assert.equal(editor.document.getText(editor.selection), "'Asia/Shanghai'");
    assert.ok(editor.visibleRanges.some(r => r.contains(editor.selection)), 'the selection is scrolled into view');
  });

  it('regroups by severity and by rule, and hides findings below the minimum severity', async () => {
    const target = () => targetNode(ctx, 'region-gate');
    await vscode.commands.executeCommand('aiToolAudit.groupBy', 'severity');
    assert.deepEqual(ctx.tree.getChildren(target()).map(g => label(ctx, g)), ['High', 'Medium', 'Low']);
    await vscode.commands.executeCommand('aiToolAudit.groupBy', 'rule');
    assert.equal(label(ctx, ctx.tree.getChildren(target())[0]), 'Region or vendor gate');
    await vscode.commands.executeCommand('aiToolAudit.filterSeverity', 'high');
    const shown = findingNodes(ctx, target());
    assert.equal(shown.length, 2);
    assert.ok(shown.every(n => n.finding.severity === 'high'));
    // The row says what the filter leaves out, so it never looks cleaner than it is.
    assert.match(description(ctx, target()), /^1\.0\.0 · 2 high, 6 medium, 6 low · 12 hidden$/);
    assert.match(String(ctx.tree.getTreeItem(target()).tooltip), /\n12 findings below high hidden by the severity filter/);
    await vscode.commands.executeCommand('aiToolAudit.filterSeverity', 'low');
    await vscode.commands.executeCommand('aiToolAudit.groupBy', 'category');
    assert.equal(findingNodes(ctx, target()).length, 14);
    assert.match(description(ctx, target()), /^1\.0\.0 · 2 high, 6 medium, 6 low$/, 'nothing hidden, nothing said');
  });

  it('shows the high count as the view badge and in the status bar once the audit is complete', () => {
    assert.equal(ctx.view.badge?.value, ctx.results.countBySeverity().high);
    assert.equal(ctx.results.incomplete().length, 0, 'every target shown was audited');
    assert.equal(ctx.summary.text, `$(shield) ${ctx.results.countBySeverity().high} high`);
  });

  it('shows scanned names and messages as plain text with invisible characters made visible', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-hostile-'));
    const name = 'evil\u202Egnp.js';
    fs.writeFileSync(path.join(dir, name), 'const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
    await vscode.commands.executeCommand('aiToolAudit.scanPath', vscode.Uri.file(dir));
    const target = targetNode(ctx, path.basename(dir));
    const [node] = findingNodes(ctx, target);
    const item = ctx.tree.getTreeItem(node);
    assert.equal(item.description, 'evil\\u{202E}gnp.js:1:11 · medium');
    assert.ok(!String(item.label).includes('\u202E') && !String(item.accessibilityInformation?.label).includes('\u202E'));
    assert.equal(typeof item.tooltip, 'string', 'tooltips are plain strings, never markdown');
    assert.ok(!String(item.tooltip).includes('\u202E'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('streams results into the tree as each target finishes', async () => {
    const states: string[] = [];
    const names = ['region-gate', 'dist'];
    const sub = ctx.tree.onDidChangeTreeData(() => {
      const nodes = ctx.tree.getChildren().filter((n): n is TreeNode & { kind: 'target' } => n.kind === 'target' && names.includes(label(ctx, n)));
      states.push(nodes.map(n => `${label(ctx, n)}=${n.target.state}`).sort().join(' '));
    });
    try {
      await vscode.commands.executeCommand('aiToolAudit.scanPath', undefined, [
        vscode.Uri.file(FIXTURE_EXTENSION),
        vscode.Uri.file(path.join(FIXTURE_EXTENSION, 'dist')),
      ]);
    } finally {
      sub.dispose();
    }
    assert.ok(states.includes('dist=queued region-gate=queued'), states.join(' | '));
    assert.ok(states.includes('dist=queued region-gate=done'), `the first target shows before the second is done: ${states.join(' | ')}`);
    assert.equal(states[states.length - 1], 'dist=done region-gate=done');
  });
});
