import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionContext, waitFor } from '../helpers';

// Run with Workspace Trust on and this folder not trusted; the folder came with a policy
// that blocks the planted extension and settings that try to disable two rules.
describe('an untrusted workspace with a policy', () => {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const policyUri = vscode.Uri.file(path.join(folder, '.vscode', 'ai-tool-audit.json'));

  it('is untrusted (restricted mode), and the extension runs there, activated by the policy file', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
    await waitFor('activation by workspaceContains', () => ext.isActive, 30000);
  });

  it('still reads the policy on startup (it is data) and checks the audit it starts', async () => {
    const ctx = await extensionContext();
    await ctx.policy.ready;
    assert.equal(ctx.policy.current.length, 1);
    assert.equal(ctx.policy.current[0].uri.fsPath, policyUri.fsPath);
    const blocked = await waitFor(
      'the violation diagnostic from the audit started on startup',
      () => vscode.languages.getDiagnostics(policyUri).find(d => d.source === 'AI Tool Audit' && d.code === 'assistants.block[0]'),
      60000,
    );
    assert.match(blocked.message, /fakeai\.region-gate \(1\.0\.0, extension\) is blocked by "fakeai\.region-gate"/);
    assert.match(ctx.policy.statusText, /policy violation/);
  });

  it('ignores the workspace\'s settings that would hide findings', async () => {
    const ctx = await extensionContext();
    assert.deepEqual(vscode.workspace.getConfiguration('aiToolAudit').get('disabledRules'), []);
    const target = await waitFor('the audited planted extension', () => ctx.results.all().find(t => t.spec.instanceId === 'fakeai.region-gate@vscode' && t.result)?.result);
    assert.ok(target.findings.some(f => f.ruleId === 'region-gating'), 'region-gating is still reported');
  });
});
