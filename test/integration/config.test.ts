import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TargetResult } from '../../src/core/model';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import type { FindingNode, TreeNode } from '../../src/views/auditTree';
import { FIXTURE_EXTENSION, closeAllEditors, description, extensionContext, label, positionOf, targetNode, waitFor } from './helpers';

const HOME = process.env.HOME ?? '';
const SECRET = process.env.AI_TOOL_AUDIT_PLANTED_SECRET ?? '';
const CONFIG_ROW = 'Claude Code configuration';

/** Every node of the tree under `node` (the roots when undefined), depth first. */
function walk(ctx: AuditContext, node?: TreeNode): TreeNode[] {
  return ctx.tree.getChildren(node).flatMap(n => [n, ...walk(ctx, n)]);
}

function configFinding(ctx: AuditContext, under: TreeNode, ruleId: string, file: string): FindingNode | undefined {
  return walk(ctx, under).find((n): n is FindingNode => n.kind === 'finding' && n.finding.ruleId === ruleId && n.finding.source === 'config' && n.target.root + path.sep + n.finding.file === file);
}

/** `3 high, 1 medium` as the tree writes counts (the planted key is high only inside a git work tree, as the run folder is). */
function counts(findings: readonly { severity: string }[]): string {
  return (['high', 'medium', 'low', 'info'] as const)
    .map(s => [s, findings.filter(f => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

function configResult(ctx: AuditContext): TargetResult {
  const found = ctx.results.all().find(t => t.spec.instanceId === 'claude-code:config')?.result;
  assert.ok(found, 'the Claude Code settings were read');
  return found;
}

function settled(ctx: AuditContext, probe: () => boolean, what: string): Promise<boolean> {
  return waitFor(what, () => probe(), 20000);
}

describe("the assistants' own settings in the editor", () => {
  let ctx: AuditContext;
  const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const mcpJson = path.join(workspace, '.mcp.json');
  const userSettings = path.join(HOME, '.claude', 'settings.json');
  const claudeJson = path.join(HOME, '.claude.json');
  const originalMcp = fs.readFileSync(mcpJson, 'utf8');

  before(async function () {
    this.timeout(120000);
    ctx = await extensionContext();
    await ctx.tree.setGroupBy('category');
    await ctx.tree.setMinSeverity('low');
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
    assert.equal(outcome?.status, 'done');
  });

  after(async () => {
    fs.writeFileSync(mcpJson, originalMcp);
    await closeAllEditors();
  });

  it('reads them with the audit and shows Claude Code, not installed here, in a row of its own with its findings by severity and scope', () => {
    const row = targetNode(ctx, CONFIG_ROW);
    const item = ctx.tree.getTreeItem(row);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'settings-gear');
    assert.equal(description(ctx, row), `${counts(configResult(ctx).findings)} · 1 hidden`);
    assert.match(description(ctx, row), /^[34] high, [12] medium, 1 low, 1 info · 1 hidden$/, 'the key in clear text is high inside a git work tree (the run folder is one); the info finding is below the filter and says so');
    assert.match(String(ctx.tree.getTreeItem(row).tooltip), /\n1 finding below low hidden by the severity filter/);
    const bypass = configFinding(ctx, row, 'config-auto-approve', userSettings);
    assert.ok(bypass, 'the bypassPermissions mode is a finding');
    const at = positionOf(userSettings, '"defaultMode"');
    assert.equal(label(ctx, bypass), 'Runs without asking: defaultMode: bypassPermissions');
    assert.equal(description(ctx, bypass), `~/.claude/settings.json:${at.line}:${at.column} · user · high`);
    const endpoint = configFinding(ctx, row, 'config-endpoint', userSettings);
    assert.equal(endpoint?.finding.severity, 'high');
    assert.match(label(ctx, endpoint!), /plain http to 203\.0\.113\.7 via ANTHROPIC_BASE_URL/);
    const unpinned = configFinding(ctx, row, 'config-mcp-unpinned', mcpJson);
    assert.ok(unpinned, 'the unpinned npx server of the workspace .mcp.json is a finding');
    assert.equal(unpinned.finding.scope, 'project');
    assert.equal(unpinned.finding.severity, 'high', 'unpinned in the repository (arrives with a clone) is high');
    const server = positionOf(mcpJson, '"helper"');
    assert.equal(description(ctx, unpinned), `.mcp.json:${server.line}:${server.column} · project · high`);
    assert.equal(configFinding(ctx, row, 'config-mcp-unpinned', claudeJson)?.finding.severity, 'medium', 'unpinned in the user’s own ~/.claude.json is medium');
    assert.equal(ctx.tree.getTreeItem(unpinned).contextValue, 'finding.config', 'settings are not offered for reprinting');
  });

  it('never shows a planted key in a label, description or tooltip: only its redacted form', () => {
    assert.ok(SECRET.startsWith('sk-ant-api03-PLANTED'), 'the runner planted a key');
    const texts: string[] = [];
    for (const n of walk(ctx)) {
      const item = ctx.tree.getTreeItem(n);
      texts.push(label(ctx, n), description(ctx, n), typeof item.tooltip === 'string' ? item.tooltip : String(item.tooltip ?? ''), item.accessibilityInformation?.label ?? '');
      assert.notEqual(typeof item.tooltip, 'object', 'tooltips are plain strings, never markdown');
    }
    texts.push(ctx.summary.text, ctx.view.message ?? '', ctx.view.description ?? '');
    const leaked = texts.filter(t => t.includes(SECRET) || t.includes('PLANTED'));
    assert.deepEqual(leaked, []);
    const secret = configFinding(ctx, targetNode(ctx, CONFIG_ROW), 'config-inline-secret', userSettings);
    assert.match(label(ctx, secret!), /sk-ant-…\[\d+ chars, #[0-9a-f]+\]/);
  });

  it('opens a settings finding in its file with the key selected and revealed, outside the workspace too', async () => {
    const row = targetNode(ctx, CONFIG_ROW);
    for (const [rule, file, needle, text] of [
      ['config-auto-approve', userSettings, '"defaultMode"', '"defaultMode": "bypassPermissions"'],
      ['config-mcp-unpinned', claudeJson, '"sqlite"', undefined],
      ['config-mcp-unpinned', mcpJson, '"helper"', undefined],
    ] as const) {
      const node = configFinding(ctx, row, rule, file)!;
      await vscode.commands.executeCommand('aiToolAudit.openFinding', node);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.uri.fsPath, file);
      const at = positionOf(file, needle);
      assert.deepEqual([editor.selection.start.line, editor.selection.start.character], [at.line - 1, at.column - 1], `${rule} in ${file}`);
      const selected = editor.document.getText(editor.selection);
      if (text) assert.equal(selected, text);
      else assert.ok(selected.startsWith(needle) && selected.endsWith('}'), `the whole server definition is selected: ${selected}`);
      assert.ok(editor.visibleRanges.some(r => r.contains(editor.selection.start)), 'the selection is scrolled into view');
    }
  });

  it("puts an assistant's settings in a Configuration group under its installed row, counted in the row", () => {
    const code = ctx.results.all().find(t => t.spec.kind === 'extension' && t.result && t.spec.root === FIXTURE_EXTENSION);
    assert.ok(code?.result, 'the planted extension was audited');
    const claude = ctx.results.all().find(t => t.spec.instanceId === 'claude-code:config')!.result!;
    // The same settings, as if they were the planted extension's own.
    const theirs: TargetResult = { ...structuredClone(claude), id: code.spec.id, instanceId: `${code.spec.id}:config`, name: 'FakeAI configuration' };
    const before = description(ctx, targetNode(ctx, label(ctx, { kind: 'target', target: code })));
    ctx.results.setConfigurations([theirs]);
    try {
      const names = ctx.tree.getChildren().map(n => label(ctx, n));
      assert.ok(!names.includes('FakeAI configuration') && !names.includes(CONFIG_ROW), `no row of their own: ${names.join(', ')}`);
      const row = ctx.tree.getChildren().find(n => n.kind === 'target' && n.target.key === code.key)!;
      const children = ctx.tree.getChildren(row);
      const group = children.find(n => n.kind === 'configuration');
      assert.ok(group, 'a Configuration group under the row');
      assert.equal(label(ctx, group), 'Configuration');
      assert.equal(description(ctx, group), `${counts(claude.findings)} · 1 hidden`, 'the info finding is below the filter');
      assert.deepEqual(children.map(n => label(ctx, n)).slice(-1), ['Configuration'], 'after the code findings');
      assert.deepEqual(ctx.tree.getChildren(group).map(g => label(ctx, g)), ['Network', 'Secrets', 'Execution'], 'in the order of the categories, as for code');
      assert.ok(configFinding(ctx, group, 'config-mcp-unpinned', mcpJson), 'its findings are in the group');
      assert.equal(ctx.tree.getParent(ctx.tree.getChildren(group)[0]), group);
      const high = (s: string) => Number(/(\d+) high/.exec(s)?.[1] ?? 0);
      assert.equal(high(description(ctx, row)), high(before) + high(counts(claude.findings)), `the row counts the settings findings: ${description(ctx, row)}`);
      const ids = walk(ctx).map(n => ctx.tree.getTreeItem(n).id).filter(Boolean);
      assert.equal(new Set(ids).size, ids.length, 'tree item ids stay unique');
    } finally {
      ctx.results.setConfigurations([claude]);
    }
  });

  it('reads only the settings again when a settings file changes, and the finding goes once the version is pinned', async function () {
    this.timeout(60000);
    const before = description(ctx, targetNode(ctx, CONFIG_ROW));
    const codeResults = ctx.results.all().filter(t => t.spec.kind !== 'config').map(t => t.result);
    let audits = 0;
    const sub = ctx.results.onDidChange(() => ctx.auditor.running && audits++);
    try {
      fs.writeFileSync(mcpJson, originalMcp.replace('"some-mcp-server"', '"some-mcp-server@1.2.3"'));
      await settled(ctx, () => !configFinding(ctx, targetNode(ctx, CONFIG_ROW), 'config-mcp-unpinned', mcpJson), 'the unpinned finding to go');
      assert.ok(configFinding(ctx, targetNode(ctx, CONFIG_ROW), 'config-auto-approve', userSettings), 'the rest of the settings stay');
      const high = (s: string) => Number(/(\d+) high/.exec(s)?.[1] ?? 0);
      assert.equal(high(description(ctx, targetNode(ctx, CONFIG_ROW))), high(before) - 1, 'one high less in the row');
      assert.equal(audits, 0, 'no audit of the code ran');
      assert.deepEqual(ctx.results.all().filter(t => t.spec.kind !== 'config').map(t => t.result), codeResults, 'the code results are the same objects');
    } finally {
      sub.dispose();
    }
    fs.writeFileSync(mcpJson, originalMcp);
    await settled(ctx, () => !!configFinding(ctx, targetNode(ctx, CONFIG_ROW), 'config-mcp-unpinned', mcpJson), 'the unpinned finding to come back');
  });

  it('watches well-known workspace settings that do not exist yet', async function () {
    this.timeout(60000);
    const dir = path.join(workspace, '.claude');
    const file = path.join(dir, 'settings.json');
    assert.ok(!fs.existsSync(file));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, '{\n  "enableAllProjectMcpServers": true\n}\n');
    try {
      await settled(ctx, () => !!configFinding(ctx, targetNode(ctx, CONFIG_ROW), 'config-mcp-autotrust', file), 'the new project settings to be read');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await settled(ctx, () => !configFinding(ctx, targetNode(ctx, CONFIG_ROW), 'config-mcp-autotrust', file), 'the deleted settings to leave');
  });

  it('replaces its watchers on each audit, and a cancelled audit keeps the settings shown', async function () {
    this.timeout(120000);
    const watchers = ctx.configurations.watcherCount;
    assert.ok(watchers > 0);
    assert.equal((await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll'))?.status, 'done');
    assert.equal(ctx.configurations.watcherCount, watchers, 'replaced, not added');
    const shown = description(ctx, targetNode(ctx, CONFIG_ROW));
    const audit = vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
    await waitFor('the audit to be running', () => ctx.auditor.running);
    await vscode.commands.executeCommand('aiToolAudit.cancelAudit');
    assert.equal((await audit)?.status, 'cancelled');
    assert.equal(description(ctx, targetNode(ctx, CONFIG_ROW)), shown);
  });
});
