import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import { SLOW_TARGET, description, extensionContext, targetNode, waitFor } from './helpers';

describe('long audits', () => {
  let ctx: AuditContext;
  before(async () => {
    ctx = await extensionContext();
  });

  it('run in a worker thread that cancelling terminates, leaving the rest marked not scanned', async () => {
    const started = Date.now();
    const audit = vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(SLOW_TARGET));
    await waitFor('the scan worker to start', () => ctx.runner.liveWorkers === 1);
    await waitFor('the audit to be running', () => ctx.auditor.running);
    await new Promise(r => setTimeout(r, 400));
    await vscode.commands.executeCommand('aiToolAudit.cancelAudit');
    assert.equal(ctx.runner.liveWorkers, 0, 'the worker has exited once cancelAudit resolves');
    const outcome = await audit;
    assert.equal(outcome.status, 'cancelled');
    assert.equal(outcome.results.length, 0, 'the 12 MB target was not finished');
    assert.ok(Date.now() - started < 5000, 'it stopped well before the whole target could be scanned');
    assert.equal(ctx.auditor.running, false);
    assert.match(description(ctx, targetNode(ctx, 'slow-target')), /not scanned \(cancelled\)$/);
  });

  it('finish the same target when nobody cancels, so the cancellation above cut real work short', async function () {
    this.timeout(120000);
    const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(SLOW_TARGET));
    assert.equal(outcome.status, 'done');
    assert.equal(outcome.results[0].filesScanned, 12);
    assert.equal(ctx.runner.liveWorkers, 0);
  });

  it('keep the previous results when a re-audit is cancelled, and never count "0 high" while one runs (no false all-clear)', async function () {
    this.timeout(60000);
    const before = ctx.results.countBySeverity();
    const previous = description(ctx, targetNode(ctx, 'slow-target'));
    // The result cache answers an unchanged target at once: change every file, as an update does.
    for (const f of fs.readdirSync(SLOW_TARGET)) if (f.endsWith('.js')) fs.appendFileSync(path.join(SLOW_TARGET, f), `\n// updated ${Date.now()}\n`);
    assert.doesNotMatch(previous, /scanning|cancelled/, 'the audit above finished this target');
    const audit = vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(SLOW_TARGET));
    await waitFor('the scan worker to start', () => ctx.runner.liveWorkers === 1);
    assert.equal(ctx.summary.text, '$(sync~spin) auditing…', 'counts are not shown while they are incomplete');
    assert.match(description(ctx, targetNode(ctx, 'slow-target')), /re-auditing… \(showing the previous /);
    await new Promise(r => setTimeout(r, 400));
    await vscode.commands.executeCommand('aiToolAudit.cancelAudit');
    assert.equal((await audit).status, 'cancelled');
    assert.deepEqual(ctx.results.countBySeverity(), before, 'the previous findings are still counted');
    assert.match(description(ctx, targetNode(ctx, 'slow-target')), /re-audit cancelled: previous results/);
    assert.match(ctx.summary.text, /^\$\(shield\) \d+ high \(previous\)$/);
  });
});
