import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { OpenedContext } from '../../src/views/contextDocument';
import { FIXTURE_EXTENSION, closeAllEditors, extensionContext, findingNode, positionOf, targetNode, waitFor } from './helpers';

describe('readable context of minified code', () => {
  let ctx: AuditContext;
  const bundle = path.join(FIXTURE_EXTENSION, 'dist', 'bundle.min.js');

  before(async () => {
    ctx = await extensionContext();
    await vscode.commands.executeCommand('aiToolAudit.scanPath', vscode.Uri.file(path.join(FIXTURE_EXTENSION, 'dist')));
  });

  afterEach(closeAllEditors);

  it('offers the readable context when a finding sits on a minified line, and opens it on request', async () => {
    const offers: string[] = [];
    const original = ctx.notify;
    ctx.notify = { ...original, info: async (message, ...actions) => (offers.push(message), actions[0]) };
    try {
      const gate = findingNode(ctx, targetNode(ctx, 'dist'), 'region-literals');
      await vscode.commands.executeCommand('aiToolAudit.openFinding', gate);
      const at = positionOf(bundle, '"Asia/Shanghai"');
      assert.equal(vscode.window.activeTextEditor?.selection.start.character, at.column - 1);
      assert.equal(offers.length, 1);
      assert.match(offers[0], /^bundle\.min\.js line 1 is [\d,]+ characters long \(minified\)/);
      const editor = await waitFor('the readable context editor', () => {
        const e = vscode.window.activeTextEditor;
        return e?.document.uri.scheme === 'ai-tool-audit-context' && e;
      });
      assert.equal(editor.document.getText(editor.selection), '"Asia/Shanghai"');
    } finally {
      ctx.notify = original;
    }
  });

  it('reprints the enclosing function one statement per line with the flagged span selected', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'dist'), 'region-gating');
    const opened = await vscode.commands.executeCommand<OpenedContext>('aiToolAudit.showReadableContext', gate);
    assert.ok(opened);
    assert.equal(opened.mode, 'printed');
    assert.equal(opened.scope, 'function');
    const doc = opened.editor.document;
    assert.equal(doc.languageId, 'javascript');
    const text = doc.getText();
    assert.match(text, /^\/\/ AI Tool Audit: readable context\. Reprinted from the parsed code/);
    assert.match(text, /\/\/ Raw location: bundle\.min\.js:1:\d+\n/);
    assert.match(text, /\nfunction c\(\) \{\n  const e = a\(\), t = b\(\), n = t === "Asia\/Shanghai" \|\| t === "Asia\/Urumqi"/);
    assert.equal(doc.getText(opened.editor.selection), '"Asia/Shanghai"');
    assert.ok(opened.highlight && opened.editor.selection.isEqual(opened.highlight));
  });

  it('links back from the readable context to the raw location', async () => {
    const gate = findingNode(ctx, targetNode(ctx, 'dist'), 'region-gating');
    const opened = await vscode.commands.executeCommand<OpenedContext>('aiToolAudit.showReadableContext', gate);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', opened!.editor.document.uri);
    assert.equal(links.length, 1);
    const target = links[0].target!;
    assert.equal(target.scheme, 'command');
    assert.equal(opened!.editor.document.getText(links[0].range), `bundle.min.js:1:${gate.finding.column}`);
    const [command, query] = [target.path, target.query];
    await vscode.commands.executeCommand(command, ...JSON.parse(query));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, bundle);
    assert.equal(editor.selection.start.character, gate.finding.column! - 1);
  });
});
