import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import type { FindingNode, TreeNode } from '../../src/views/auditTree';
import { FIXTURE_BUN_MODULE, FIXTURE_EXTENSION, closeAllEditors, extensionContext, findingNode, findingNodes, positionOf, targetNode } from './helpers';

const HOME = process.env.HOME ?? '';

function walk(ctx: AuditContext, node?: TreeNode): TreeNode[] {
  return ctx.tree.getChildren(node).flatMap(n => [n, ...walk(ctx, n)]);
}

async function openDetails(node: FindingNode): Promise<{ editor: vscode.TextEditor; text: string; links: vscode.DocumentLink[] }> {
  const editor = await vscode.commands.executeCommand<vscode.TextEditor>('aiToolAudit.showFindingDetails', node);
  assert.ok(editor, 'the details opened');
  assert.equal(editor.document.uri.scheme, 'ai-tool-audit-details');
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
  return { editor, text: editor.document.getText(), links };
}

/** What a click on a link does: run its command with its arguments. */
async function follow(link: vscode.DocumentLink): Promise<unknown> {
  const target = link.target!;
  assert.equal(target.scheme, 'command');
  return vscode.commands.executeCommand(target.path, ...(JSON.parse(target.query) as unknown[]));
}

describe('Finding Details', () => {
  let ctx: AuditContext;
  const source = path.join(FIXTURE_EXTENSION, 'extension.js');
  const hostileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-details-'));
  // Scanned text a page must never turn into markup, a live link or terminal colour.
  const hostileName = '\u001b[31m<img src=x onerror=alert(1)>.js';
  const payload = 'https://c.evil-cdn.net/?\u001b[31m<img src=x onerror=alert(1)>javascript:alert(1)';

  before(async function () {
    this.timeout(120000);
    ctx = await extensionContext();
    await ctx.tree.setGroupBy('category');
    await ctx.tree.setMinSeverity('low');
    // The whole audit: the planted extension, the Bun CLI and Claude Code's settings.
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
    assert.equal(outcome?.status, 'done');
    // The planted extension by its folder too, as the tree tests name it (region-gate).
    assert.equal((await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(FIXTURE_EXTENSION)))?.status, 'done');
    fs.writeFileSync(path.join(hostileDir, hostileName), `fetch(atob("${Buffer.from(payload).toString('base64')}"));\n`);
    await vscode.commands.executeCommand('aiToolAudit.scanPath', vscode.Uri.file(hostileDir));
  });

  after(async () => {
    fs.rmSync(hostileDir, { recursive: true, force: true });
    await closeAllEditors();
  });

  it('shows a correlated finding: message, rule, what it finds, what to do, evidence, and every step in order as a link', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'region-gate'), 'region-gating', 'extension.js');
    const f = gate.finding;
    assert.ok(f.related.length >= 2, 'the fixture gate has steps');
    const { editor, text, links } = await openDetails(gate);
    assert.equal(editor.document.languageId, 'plaintext', 'plain text: nothing in it is rendered as markdown or HTML');
    const at = positionOf(source, "'Asia/Shanghai'");
    assert.ok(text.includes(`\n${f.message}\n`), text);
    assert.match(text, /\nSeverity: {3}high\n/);
    assert.match(text, /\nRule: {7}region-gating · Region or vendor gate {3}Open Rule Documentation\n/);
    assert.ok(text.includes(`\nLocation:   extension.js:${at.line}:${at.column}\n`));
    for (const e of f.evidence) assert.ok(text.includes(`\n  - ${e}\n`), `evidence ${e}`);
    assert.match(text, /\nWhat it finds \(from the rule documentation\)\n {2}A comparison whose one side is vendor names \(vendor-keywords\)/);
    assert.match(text, /\nWhat to do\n {2}Open the finding and walk its `related` steps in order/);
    assert.match(text, /\nFalse positives\n {2}The rule decides by what is compared/);
    // The steps, in the finding's order, each a link on its place.
    const stepLines = f.related.map((r, i) => `  ${i + 1}. extension.js:${r.line}:${r.column}  ${r.message}`);
    let last = -1;
    for (const line of stepLines) {
      const index = text.indexOf(`\n${line}\n`);
      assert.ok(index > last, `step in order: ${line}`);
      last = index;
    }
    const stepLinks = links.filter(l => /^ {2}\d+\. /.test(editor.document.lineAt(l.range.start.line).text));
    assert.deepEqual(stepLinks.map(l => editor.document.getText(l.range)), f.related.map(r => `extension.js:${r.line}:${r.column}`));
    assert.equal(links.length, f.related.length + 2, 'the steps, the location and the rule documentation: nothing else is a link');
  });

  it('opens the code at a step when its link is followed, and keeps the details in view', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'region-gate'), 'region-gating', 'extension.js');
    const { editor: details, links } = await openDetails(gate);
    const step = gate.finding.related[1];
    const link = links.find(l => details.document.getText(l.range) === `extension.js:${step.line}:${step.column}`);
    assert.ok(link);
    await follow(link);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, source);
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [step.line - 1, step.column - 1]);
    assert.ok(editor.visibleRanges.some(r => r.contains(editor.selection.start)), 'the step is scrolled into view');
    assert.ok(vscode.window.visibleTextEditors.some(e => e.document.uri.toString() === details.document.uri.toString()), 'the details stay open beside the code');
    const rule = links.find(l => details.document.getText(l.range) === 'Open Rule Documentation');
    assert.equal(await follow(rule!), 'region-gating', 'Open Rule Documentation from the details opens the rule page');
  });

  it('opens the steps of a finding inside an executable in the embedded module', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'fake-native'), 'region-gating');
    const { editor: details, links } = await openDetails(gate);
    const step = gate.finding.related[0];
    assert.equal(step.entry, FIXTURE_BUN_MODULE);
    const link = links.find(l => details.document.getText(l.range) === `bin/fake-native › ${FIXTURE_BUN_MODULE}:${step.line}:${step.column}`);
    assert.ok(link, details.document.getText());
    await follow(link);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'ai-tool-audit-module');
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [step.line - 1, step.column - 1]);
  });

  it('shows a settings finding with its key, scope and file as the user knows it', async () => {
    const userSettings = path.join(HOME, '.claude', 'settings.json');
    const node = walk(ctx).find((n): n is FindingNode => n.kind === 'finding' && n.finding.ruleId === 'config-auto-approve' && path.join(n.target.root, n.finding.file) === userSettings);
    assert.ok(node, 'the bypassPermissions finding is in the tree');
    assert.ok(node.finding.configKey);
    const { editor: details, text, links } = await openDetails(node);
    const at = positionOf(userSettings, '"defaultMode"');
    assert.ok(text.includes(`\nLocation:   ~/.claude/settings.json:${at.line}:${at.column}\n`), text);
    assert.ok(text.includes(`\nSetting:    ${node.finding.configKey}\n`));
    assert.ok(text.includes('\nScope:      user\n'));
    assert.match(text, /\nWhat to do\n {2}\S/);
    const location = links.find(l => details.document.getText(l.range).startsWith('~/.claude/settings.json:'));
    await follow(location!);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, userSettings);
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [at.line - 1, at.column - 1]);
  });

  it('shows hostile scanned text (markup, a javascript: URL, terminal escapes) as inert plain text', async () => {
    const target = targetNode(ctx, path.basename(hostileDir));
    const node = findingNodes(ctx, target).find(n => n.finding.ruleId === 'encoded-payload');
    assert.ok(node, 'the decoded request URL is a finding');
    const { editor, text, links } = await openDetails(node);
    assert.equal(editor.document.languageId, 'plaintext');
    assert.ok(text.includes('<img src=x onerror=alert(1)>javascript:alert(1)'), 'the decoded value is shown, as the characters it is');
    assert.ok(text.includes('https[:]//c.evil-cdn.net/?'), 'a scanned URL is defanged, so the editor does not make it a link');
    assert.ok(!text.includes('://'), text);
    assert.ok(text.includes('\nLocation:   \\u{1B}[31m<img src=x onerror=alert(1)>.js:1:'), 'the escape character of the file name is made visible');
    assert.ok(!text.includes('\u001b'), 'no raw escape character reaches the document');
    for (const l of links) {
      assert.equal(l.target?.scheme, 'command', 'every link is one of ours');
      assert.ok(['aiToolAudit.openFinding', 'aiToolAudit.openRuleDoc'].includes(l.target!.path));
    }
    assert.ok(!links.some(l => editor.document.getText(l.range).includes('javascript:')), 'scanned text never becomes a link');
  });

  it('is offered on every finding row, beside opening the file (the row click still opens the code)', () => {
    const pkg = vscode.extensions.getExtension('ai-tool-audit.ai-tool-audit')!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string; group?: string }>> } };
    const inline = pkg.contributes.menus['view/item/context'].filter(m => m.command === 'aiToolAudit.showFindingDetails');
    assert.ok(inline.some(m => m.group === 'inline' && m.when?.includes('viewItem =~ /^finding/')));
    const gate = findingNode(ctx, targetNode(ctx, 'region-gate'), 'region-gating', 'extension.js');
    const item = ctx.tree.getTreeItem(gate);
    assert.equal(item.command?.command, 'aiToolAudit.openFinding');
    assert.match(String(item.tooltip), /Show Finding Details/);
  });
});
