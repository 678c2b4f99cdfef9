import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import { description, extensionContext, targetNode, waitFor } from './helpers';

describe('Audit AI tools', () => {
  let ctx: AuditContext;
  before(async () => {
    ctx = await extensionContext();
  });

  it('discovers the planted extension and CLIs (one a Bun executable) and audits each', async function () {
    this.timeout(180000);
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
    assert.equal(outcome.status, 'done');
    assert.deepEqual(ctx.lastDiscovery?.assistants.map(a => a.instanceId), ['fakeai.region-gate@vscode', 'fake-agent@npm', 'fake-native@npm']);
    assert.equal(ctx.view.message, `Assistants on ${ctx.machine}`);
    assert.match(description(ctx, targetNode(ctx, 'FakeAI Assistant (test fixture)')), /^1\.0\.0 · 2 high, 6 medium, 6 low$/);
    assert.match(description(ctx, targetNode(ctx, 'fake-agent')), /^0\.3\.0 · 1 high, 2 medium, 1 low$/);
    assert.match(description(ctx, targetNode(ctx, 'fake-native')), /^2\.0\.0 · 1 high, 4 medium, 3 low$/);
  });

  it('says in the tooltip where each assistant is and why it was recognised', () => {
    const tooltip = String(ctx.tree.getTreeItem(targetNode(ctx, 'fake-agent')).tooltip);
    assert.match(tooltip, /^fake-agent 0\.3\.0 \(cli\)\nid: fake-agent\n/);
    assert.match(tooltip, /\npath: .*\/home\/\.npm-global\/lib\/node_modules\/fake-agent\n/);
    assert.match(tooltip, /\nrecognised by: depends on LLM SDKs: @anthropic-ai\/sdk\n/);
  });

  it('Quick Scan lists the discovered assistants and audits the one picked', async () => {
    const picked = vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.quickScan');
    await new Promise(r => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const outcome = await picked;
    assert.equal(outcome?.status, 'done');
    assert.deepEqual(outcome.results.map(r => r.instanceId), ['fakeai.region-gate@vscode'], 'the first assistant listed');
  });

  it('Quick Scan takes an assistant id instead of a pick', async () => {
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.quickScan', 'fake-agent');
    assert.deepEqual(outcome?.results.map(r => r.instanceId), ['fake-agent@npm']);
  });

  it('audits an AI extension installed while the editor runs, and drops it when it is uninstalled', async function () {
    this.timeout(120000);
    const vsix = process.env.AI_TOOL_AUDIT_LATE_VSIX;
    assert.ok(vsix, 'the runner packaged the late-arrival fixture');
    await vscode.commands.executeCommand('workbench.extensions.installExtension', vscode.Uri.file(vsix));
    const late = await waitFor('the new extension to be audited', () => ctx.results.all().find(t => t.spec.name === 'Late Arrival (test fixture)' && t.state === 'done'), 60000);
    assert.equal(late.spec.kind, 'extension');
    assert.ok(late.spec.why?.includes('reported by the running editor'));
    assert.deepEqual(late.result?.findings.map(f => f.ruleId), ['timezone-probe']);
    await vscode.commands.executeCommand('workbench.extensions.uninstallExtension', 'fakeai.late-arrival');
    await waitFor('the uninstalled extension to leave the view', () => !ctx.results.all().some(t => t.spec.name === 'Late Arrival (test fixture)'), 60000);
  });
});
