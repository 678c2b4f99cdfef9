import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import { FIXTURE_EXTENSION, extensionContext, label, targetNode, waitFor } from './helpers';

describe('settings and the log', () => {
  let ctx: AuditContext;
  const config = () => vscode.workspace.getConfiguration('aiToolAudit');

  before(async () => {
    ctx = await extensionContext();
  });

  afterEach(async () => {
    await config().update('disabledRules', undefined, vscode.ConfigurationTarget.Global);
    await config().update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Global);
  });

  it('leaves out the findings of disabled rules but keeps the correlations built on them', async () => {
    await config().update('disabledRules', ['region-literals'], vscode.ConfigurationTarget.Global);
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(FIXTURE_EXTENSION));
    const rules = new Set(outcome.results[0].findings.map(f => f.ruleId));
    assert.ok(!rules.has('region-literals'));
    assert.ok(rules.has('region-gating'));
  });

  it('lists files over the size limit as scan errors in the tree', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-size-'));
    fs.writeFileSync(path.join(dir, 'big.js'), `// ${'x'.repeat(1.5 * 1024 * 1024)}\n`);
    fs.writeFileSync(path.join(dir, 'small.js'), 'const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
    await config().update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Global);
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(dir));
    assert.equal(outcome.results[0].filesScanned, 1);
    const errors = ctx.tree.getChildren(targetNode(ctx, path.basename(dir))).find(n => n.kind === 'errors');
    assert.ok(errors, 'the target has a scan errors node');
    const [error] = ctx.tree.getChildren(errors);
    assert.equal(label(ctx, error), 'big.js');
    assert.match(String(ctx.tree.getTreeItem(error).description), /over the 1\.0 MB per-file limit/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs what was scanned and every error to the "AI Tool Audit" log channel', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-log-'));
    fs.writeFileSync(path.join(dir, 'broken.js'), 'const z = Intl.DateTimeFormat().resolvedOptions().timeZone; )))(((\n');
    await vscode.commands.executeCommand('aiToolAudit.scanPath', vscode.Uri.file(dir));
    // A LogOutputChannel writes to a file in this window's extension-host log folder.
    const logs = path.dirname(ctx.extension.logUri.fsPath);
    const text = await waitFor('the log file to show the scan', () => {
      const all = logFiles(logs).map(f => fs.readFileSync(f, 'utf8')).join('\n');
      return all.includes(`scanned ${path.basename(dir)}`) && all.includes('broken.js') && all;
    });
    assert.match(text, new RegExp(`\\[info\\] scanned ${path.basename(dir)} \\(path\\) at ${dir}: 1 file, `));
    assert.match(text, new RegExp(`\\[warning\\] ${path.basename(dir)}: broken\\.js: parsed with the loose parser`));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function logFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? logFiles(p) : e.name.includes('AI Tool Audit') ? [p] : [];
  });
}
