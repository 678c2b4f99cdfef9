import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionContext } from './helpers';

describe('the extension in a real VS Code extension host', () => {
  it('is not active before its view or a command is used, and never activates on "*"', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const events: string[] = ext.packageJSON.activationEvents;
    assert.ok(!events.includes('*'));
    assert.ok(events.includes('onView:aiToolAudit.findings'));
    assert.ok(events.includes('workspaceContains:.vscode/ai-tool-audit.json'));
    assert.ok(events.includes('workspaceContains:ai-tool-audit.json'));
    assert.equal(ext.isActive, false);
  });

  it('registers every command it contributes, all under the "AI Tool Audit" category', async () => {
    await extensionContext();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: Array<{ command: string; category: string }> = ext.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter(c => !registered.has(c.command)).map(c => c.command), []);
    assert.deepEqual(contributed.filter(c => c.category !== 'AI Tool Audit').map(c => c.command), []);
  });

  it('runs where the workspace is (extensionKind workspace first) and says which machine it audits', async () => {
    const ctx = await extensionContext();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.deepEqual(ext.packageJSON.extensionKind, ['workspace', 'ui']);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
    // code-server is a remote whose name is the server's host:port.
    assert.match(vscode.env.remoteName ?? '', /^127\.0\.0\.1:\d+$/);
    assert.equal(ctx.view.description, `remote host ${os.hostname()} (${vscode.env.remoteName})`);
  });

  it('contributes its settings with their defaults', () => {
    const c = vscode.workspace.getConfiguration('aiToolAudit');
    assert.deepEqual(c.get('editors'), []);
    assert.equal(c.get('includeClis'), true);
    assert.deepEqual(c.get('extraPaths'), []);
    assert.deepEqual(c.get('disabledRules'), []);
    assert.equal(c.get('maxFileSizeMB'), 64);
  });
});
