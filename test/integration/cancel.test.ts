import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext, Notifier } from '../../src/views/context';
import type { AuditOutcome } from '../../src/views/auditor';
import type { WorkerRunner } from '../../src/core/worker/runner';
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
    // A cancelled audit is no all-clear: it says so, and counts only what there is to count.
    assert.match(ctx.summary.text, /^\$\(warning\) audit cancelled( · [1-9]\d* high)?$/);
    assert.match(ctx.view.message ?? '', /^Audit cancelled: 0 of 1 audited · Assistants on /);
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
    assert.doesNotMatch(ctx.summary.tooltip, /\d+ high/, 'not in the tooltip either');
    assert.match(description(ctx, targetNode(ctx, 'slow-target')), /re-auditing… \(previous: no findings\)$/);
    await new Promise(r => setTimeout(r, 400));
    await vscode.commands.executeCommand('aiToolAudit.cancelAudit');
    assert.equal((await audit).status, 'cancelled');
    assert.deepEqual(ctx.results.countBySeverity(), before, 'the previous findings are still counted');
    assert.match(description(ctx, targetNode(ctx, 'slow-target')), /re-audit cancelled: previous results, no findings$/);
    assert.match(ctx.summary.text, /^\$\(warning\) audit cancelled( · [1-9]\d* high)?$/);
    assert.match(ctx.summary.tooltip, /some results are from an earlier audit/);
  });

  describe('that fail', () => {
    let original: WorkerRunner['run'];
    let notices: string[];
    let notifier: Notifier;
    const crash = (kind: string) => {
      // The scan worker dies on the job (as it does out of memory): simulated, so that it does so every time.
      ctx.runner.run = (job, options) => (job.kind === kind ? Promise.resolve({ status: 'crashed', error: 'simulated: the scan worker ran out of memory' }) : original.call(ctx.runner, job, options));
    };
    before(() => {
      original = ctx.runner.run;
      notifier = ctx.notify;
      notices = [];
      ctx.notify = { ...notifier, error: async (message: string) => (notices.push(message), undefined) };
    });
    afterEach(() => {
      ctx.runner.run = original;
    });
    after(() => {
      ctx.notify = notifier;
    });

    it('keep the earlier results of a target whose scan failed, say so in its row, and count no "0 high"', async function () {
      this.timeout(60000);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-failing-'));
      fs.writeFileSync(path.join(dir, 'tz.js'), 'const z = Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
      try {
        assert.equal((await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', vscode.Uri.file(dir))).status, 'done');
        const before = description(ctx, targetNode(ctx, path.basename(dir)));
        assert.match(before, /^(\d+ (high|medium|low)(, )?)+$/);
        crash('audit');
        const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-never-scanned-'));
        await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.scanPath', undefined, [vscode.Uri.file(dir), vscode.Uri.file(fresh)]);
        assert.equal(description(ctx, targetNode(ctx, path.basename(dir))), `re-audit failed: previous results, ${before}`);
        assert.match(description(ctx, targetNode(ctx, path.basename(fresh))), /^not scanned: scan stopped: simulated: the scan worker ran out of memory/);
        assert.doesNotMatch(description(ctx, targetNode(ctx, path.basename(fresh))), /no findings/, 'a failed scan is not "no findings"');
        assert.match(String(ctx.tree.getTreeItem(targetNode(ctx, path.basename(dir))).tooltip), /\nthis audit could not scan it: scan stopped: simulated/);
        assert.match(ctx.summary.text, /^\$\(warning\) audit incomplete( · [1-9]\d* high)?$/);
        assert.match(ctx.view.message ?? '', /^Audit finished, but 2 of 2 could not be scanned · /);
        assert.ok(ctx.results.all().some(t => t.state === 'failed' && t.earlier && t.spec.root === dir && t.result!.findings.length > 0), 'the earlier findings are still counted');
        fs.rmSync(fresh, { recursive: true, force: true });
        ctx.results.remove(ctx.results.all().filter(t => t.spec.root === fresh).map(t => t.key));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('say so when the whole audit fails (discovery died): a notification, the view and the status bar, with the earlier results kept', async function () {
      this.timeout(60000);
      const shown = ctx.results.all().length;
      assert.ok(shown > 0);
      crash('discover');
      const outcome = await vscode.commands.executeCommand<AuditOutcome>('aiToolAudit.auditAll');
      assert.equal(outcome.status, 'failed');
      assert.match(outcome.error ?? '', /^discovery failed: simulated/);
      assert.equal(ctx.results.all().length, shown, 'nothing was dropped');
      assert.match(ctx.view.message ?? '', /^Audit failed: discovery failed: simulated: the scan worker ran out of memory · Assistants on /);
      assert.match(ctx.summary.text, /^\$\(warning\) audit failed( · [1-9]\d* high)?$/);
      assert.ok(notices.some(n => /^AI Tool Audit: the audit failed \(discovery failed: simulated/.test(n)), notices.join(' | '));
      assert.equal(ctx.auditor.running, false);
    });
  });
});
