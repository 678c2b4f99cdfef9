import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { OpenedContext } from '../../src/views/contextDocument';
import { FIXTURE_EXTENSION, closeAllEditors, extensionContext, findingNode, positionOf, targetNode, waitFor } from './helpers';

/** LARGE_FILE_BYTES of src/views/findingCommands.ts (the suite cannot load the extension's modules). */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;

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

  it('opens a finding in a file too large to load quickly in readable context at once, never loading the raw file', async function () {
    this.timeout(120000);
    // The fixture's minified bundle padded past the limit, all on one line, as shipped bundles are.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-large-'));
    const text = fs.readFileSync(bundle, 'utf8').trimEnd();
    const pad = Array.from({ length: Math.ceil(LARGE_FILE_BYTES / 30) }, (_, i) => `function p${i}(x){return x+${i}}`).join('');
    const large = path.join(dir, 'large.min.js');
    fs.writeFileSync(large, `${pad}${text}\n`);
    assert.ok(fs.statSync(large).size > LARGE_FILE_BYTES);
    try {
      await vscode.commands.executeCommand('aiToolAudit.scanPath', vscode.Uri.file(dir));
      const gate = findingNode(ctx, targetNode(ctx, path.basename(dir)), 'region-literals');
      const started = Date.now();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('aiToolAudit.openFinding', gate);
      const ms = Date.now() - started;
      console.log(`      opening a finding in a ${(fs.statSync(large).size / 1024 / 1024).toFixed(1)} MB one-line file: ${ms} ms (readable context)`);
      assert.equal(editor.document.uri.scheme, 'ai-tool-audit-context');
      assert.equal(editor.document.getText(editor.selection), '"Asia/Shanghai"');
      assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.fsPath === large), 'the raw file was not loaded');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
