import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import type { OpenedContext } from '../../src/views/contextDocument';
import { FIXTURE_BUN_MODULE, FIXTURE_EXTENSION, closeAllEditors, description, extensionContext, findingNode, targetNode } from './helpers';

describe('modules embedded in an executable', () => {
  let ctx: AuditContext;
  // The Bun executable embeds the same source as the planted extension's extension.js.
  const source = fs.readFileSync(path.join(FIXTURE_EXTENSION, 'extension.js'), 'utf8');

  before(async () => {
    ctx = await extensionContext();
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.quickScan', 'fake-native');
    assert.equal(outcome?.status, 'done');
  });

  after(closeAllEditors);

  it('list their findings under the binary and the module name', () => {
    const gate = findingNode(ctx, targetNode(ctx, 'fake-native'), 'region-gating');
    assert.equal(gate.finding.entry, FIXTURE_BUN_MODULE);
    assert.equal(description(ctx, gate), `bin/fake-native › ${FIXTURE_BUN_MODULE}:21:30 · high`);
  });

  it("open as a virtual document (a content provider's: read-only) with the module's text and the flagged range selected", async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'fake-native'), 'region-literals');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('aiToolAudit.openFinding', gate);
    assert.equal(editor.document.uri.scheme, 'ai-tool-audit-module');
    assert.equal(editor.document.uri.path, FIXTURE_BUN_MODULE);
    assert.equal(editor.document.getText(), source);
    assert.equal(editor.document.getText(editor.selection), "'Asia/Shanghai'");
  });

  it('show their readable context from the module text', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'fake-native'), 'region-gating');
    const opened = await vscode.commands.executeCommand<OpenedContext>('aiToolAudit.showReadableContext', gate);
    assert.equal(opened?.mode, 'printed');
    assert.match(opened!.editor.document.getText(), new RegExp(`// Raw location: bin/fake-native › ${FIXTURE_BUN_MODULE.replace(/\$/g, '\\$')}:21:30\n`));
    assert.equal(opened!.editor.document.getText(opened!.editor.selection), "'Asia/Shanghai'");
  });
});
