import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import { EXTENSION_ID, extensionContext } from './helpers';

describe('an audit that finds no assistant', () => {
  let ctx: AuditContext;
  const settings = () => vscode.workspace.getConfiguration('aiToolAudit');

  before(async () => {
    ctx = await extensionContext();
    // Nowhere to find one: an editor that does not exist, and no command-line tools.
    await settings().update('editors', ['no-such-editor'], vscode.ConfigurationTarget.Global);
    await settings().update('includeClis', false, vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    this.timeout(120000);
    await settings().update('editors', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('includeClis', undefined, vscode.ConfigurationTarget.Global);
    // The next tests find the planted assistants as before.
    await vscode.commands.executeCommand('aiToolAudit.auditAll');
  });

  it('says where it looked and how to audit another folder, never a bare empty view', async () => {
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
    assert.equal(outcome?.status, 'done');
    assert.deepEqual(ctx.tree.getChildren().filter(n => n.kind === 'target' && n.target.spec.kind !== 'config'), [], 'no assistant row');
    const message = ctx.view.message ?? '';
    assert.match(message, /^No AI assistants found on /);
    assert.match(message, /Looked in: editor extensions: no extension folder of a known editor exists\./);
    assert.match(message, /"Scan a Folder or File\.\.\."/);
    assert.match(message, /aiToolAudit\.extraPaths/);
  });

  it('offers, in the empty view, to scan a folder, add a path in the settings and show where it looked', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { viewsWelcome: Array<{ when?: string; contents: string }> } };
    const empty = pkg.contributes.viewsWelcome.find(w => w.when === 'aiToolAudit.nothingFound');
    assert.ok(empty, 'a welcome for an audit that found nothing');
    for (const command of ['aiToolAudit.scanPath', 'workbench.action.openSettings?%5B%22aiToolAudit.extraPaths%22%5D', 'aiToolAudit.showLog']) {
      assert.ok(empty.contents.includes(`(command:${command})`), command);
    }
  });
});
