import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AuditContext } from '../../src/views/context';
import type { TreeNode } from '../../src/views/auditTree';
import type { MatrixShown } from '../../src/views/matrixView';
import { closeAllEditors, description, extensionContext, findingNodes, label, targetNode, waitFor } from './helpers';

// Three releases of one small tool: 2.0.0 adds a region gate, 3.0.0 removes it again.
const PLAIN = 'require("child_process").execFileSync("git",["status"]);\nfetch("https://events.usage-metrics.io/v1/track",{method:"POST"});\n';
const GATE = 'function gate(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';
const REPO = path.resolve(__dirname, '..', '..', '..');

describe('reports and changes between versions in the editor', () => {
  let ctx: AuditContext;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-update-'));
  const release = async (version: string, code: string) => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'update-tool', version }));
    fs.writeFileSync(path.join(dir, 'cli.js'), code);
    const outcome = await vscode.commands.executeCommand<{ status: string }>('aiToolAudit.scanPath', vscode.Uri.file(dir));
    assert.equal(outcome?.status, 'done');
  };
  const target = () => targetNode(ctx, 'update-tool');
  const key = () => (target() as Extract<TreeNode, { kind: 'target' }>).target.key;

  before(async function () {
    this.timeout(120_000);
    ctx = await extensionContext();
    await ctx.tree.setMinSeverity('low');
    await ctx.tree.setGroupBy('category');
    await release('1.0.0', PLAIN);
    await release('2.0.0', PLAIN + GATE);
    await waitFor('the comparison with 1.0.0', () => ctx.results.comparison(key()));
  });

  after(closeAllEditors);

  it('marks what the new version added, on the assistant and on each new finding', () => {
    assert.match(description(ctx, target()), /^2\.0\.0 · .* · [1-9]\d* new, 0 gone since 1\.0\.0$/);
    const rows = findingNodes(ctx, target());
    const gate = rows.find(n => n.finding.ruleId === 'region-gating');
    assert.ok(gate);
    assert.match(description(ctx, gate), /^new · cli\.js:3:\d+ · high$/);
    assert.match(String(ctx.tree.getTreeItem(gate).accessibilityInformation?.label), /^New since the previous version, high severity, /);
    const git = rows.find(n => n.finding.ruleId === 'child-process');
    assert.ok(git);
    assert.doesNotMatch(description(ctx, git), /^new/, 'the git run was in 1.0.0');
  });

  it('exports SARIF that validates, with baselineState, from the editor', async () => {
    const out = vscode.Uri.file(path.join(dir, 'audit.sarif'));
    await vscode.commands.executeCommand('aiToolAudit.exportSarif', out);
    const doc: any = JSON.parse(fs.readFileSync(out.fsPath, 'utf8'));
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')));
    assert.equal(validate(doc), true, JSON.stringify(validate.errors?.slice(0, 3)));
    const gate = doc.runs[0].results.find((r: any) => r.ruleId === 'region-gating' && r.properties.target.includes('update-tool'));
    assert.equal(gate.baselineState, 'new');
    assert.match(doc.runs[0].tool.driver.rules[gate.ruleIndex].helpUri, /docs\/rules\/region-gating\.md$/);
  });

  it('opens the Markdown report with the summary table and what changed', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('aiToolAudit.openReport');
    assert.ok(doc);
    assert.equal(doc.languageId, 'markdown');
    const text = doc.getText();
    assert.match(text, /^# ai-tool-audit report/);
    assert.match(text, /## Summary\n\n\| Assistant \|/);
    assert.match(text, /## What changed in update-tool 1\.0\.0 → 2\.0\.0/);
    assert.match(text, /New kinds of finding: [^\n]*`region-gating`/);
  });

  it('shows a capability matrix whose cell filters the tree to that assistant and category', async () => {
    const shown = await vscode.commands.executeCommand<MatrixShown>('aiToolAudit.showMatrix');
    assert.ok(shown);
    const { panel, data } = shown;
    assert.match(panel.webview.html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';"/);
    assert.doesNotMatch(panel.webview.html, /https?:\/\//, 'no remote content');
    const row = data.rows.find(r => r.key === key());
    assert.ok(row);
    const region = data.categories.indexOf('region');
    assert.ok(row.cells[region].count > 0);
    assert.equal(row.cells[region].severity, 'high');
    const focus = (category: string) => vscode.commands.executeCommand<boolean>('aiToolAudit.focusMatrixCell', key(), category);
    assert.ok(await focus('region'));
    assert.deepEqual(ctx.tree.getChildren().map(n => label(ctx, n)), ['update-tool']);
    assert.ok(findingNodes(ctx, target()).every(n => n.finding.category === 'region'));
    assert.match(String(ctx.view.message), /Showing the region findings of update-tool/);
    assert.equal(await focus('not-a-category'), false, 'a forged message changes nothing');
    await vscode.commands.executeCommand('aiToolAudit.showAllFindings');
    panel.dispose();
  });

  it('lists what a later version removed under "Gone since", and opens what changed', async function () {
    this.timeout(60_000);
    await release('3.0.0', PLAIN);
    await waitFor('the comparison with 2.0.0', () => ctx.results.comparison(key())?.before.version === '2.0.0' && ctx.results.comparison(key()));
    assert.match(description(ctx, target()), /0 new, [1-9]\d* gone since 2\.0\.0$/);
    const gone = ctx.tree.getChildren(target()).find(n => n.kind === 'gone');
    assert.ok(gone, 'a "Gone since" group');
    assert.equal(label(ctx, gone), 'Gone since 2.0.0');
    const rows = ctx.tree.getChildren(gone);
    assert.ok(rows.some(n => n.kind === 'goneFinding' && n.finding.ruleId === 'region-gating'));
    assert.equal(ctx.tree.getTreeItem(rows[0]).command, undefined, 'the code it pointed at is gone: nothing to open');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('aiToolAudit.showChanges', target());
    assert.ok(doc);
    assert.match(doc.getText(), /## What changed in update-tool 2\.0\.0 → 3\.0\.0/);
    assert.match(doc.getText(), /Kinds no longer found: [^\n]*`region-gating`/);
  });
});
