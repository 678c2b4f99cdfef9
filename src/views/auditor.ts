// Runs an audit in the scan worker under a cancellable progress notification, streams each
// target's result into the view as it finishes, and logs what was scanned and every error.
import * as vscode from 'vscode';
import type { TargetResult } from '../core/model';
import type { TargetSpec } from '../core/model';
import { formatMB } from '../core/text/format';
import { printable } from '../core/text/safeText';
import { ruleIds } from '../core/rules/catalog';
import { runAudit } from '../core/worker/audit';
import { defaultPoolSize } from '../core/worker/poolSize';
import type { WorkerRunner } from '../core/worker/runner';
import { targetKey, type AuditResults } from './auditResults';
import type { BaselineStore } from './baselines';
import type { AuditSummary } from './statusBar';
import { configSources, type Configurations } from './configurations';
import { readSettings, type AuditSettings } from './settings';
import { plural } from '../core/text/format';
import type { Notifier } from './notifier';

/** Finds what to audit when the audit starts (discovery); undefined when cancelled. */
export type Finder = (settings: AuditSettings, token: vscode.CancellationToken) => Promise<TargetSpec[] | undefined>;

export interface AuditOutcome {
  /** failed: the audit broke off (discovery or the scan worker failed); `error` says why. */
  status: 'done' | 'cancelled' | 'failed';
  results: TargetResult[];
  ms: number;
  error?: string;
}

const PROGRESS_EVERY_MS = 150;

export class Auditor {
  private current: { stop: vscode.CancellationTokenSource; finished: Promise<AuditOutcome> } | undefined;

  constructor(
    private readonly runner: WorkerRunner,
    private readonly results: AuditResults,
    private readonly summary: AuditSummary,
    private readonly log: vscode.LogOutputChannel,
    private readonly baselines?: BaselineStore,
    /** Per-file results of earlier audits (global storage); undefined: none. */
    private readonly resultCacheDir?: string,
    /** Where the assistants' settings read by an audit go; undefined: they are not read. */
    private readonly configurations?: Configurations,
    /** Says that an audit failed (read when one does; tests swap it). */
    private readonly notify?: () => Notifier,
  ) {}

  /** Marks what changed since the assistant's previous version, once its snapshot is read. */
  private compareWithEarlier(spec: TargetSpec, result: TargetResult): void {
    if (!this.baselines) return;
    const key = targetKey(spec);
    this.baselines.record(key, result).then(
      comparison => {
        if (comparison) this.log.info(printable(`${result.name} ${comparison.before.version ?? ''} -> ${result.version ?? ''}: ${comparison.current.filter(c => c.state === 'new').length} new, ${comparison.gone.length} gone`));
        this.results.setComparison(key, result, comparison);
      },
      e => this.log.warn(printable(`baseline of ${result.name}: ${e instanceof Error ? e.message : String(e)}`)),
    );
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  /** Resolves once no audit runs (at once if none does). */
  async settled(): Promise<void> {
    while (this.current) await this.current.finished.catch(() => undefined);
  }

  /** Stops the running audit and resolves once its worker has exited. */
  async cancel(): Promise<void> {
    const current = this.current;
    if (!current) return;
    current.stop.cancel();
    await current.finished;
  }

  /**
   * Audits `specs`, or what `find` returns (discovery runs under the same progress and
   * cancellation); `replace` clears targets from earlier audits (a full audit does).
   * `readConfig`: read the assistants' own settings too (a full audit does).
   */
  async audit(specs: TargetSpec[] | Finder, title: string, replace: boolean, readConfig = replace): Promise<AuditOutcome> {
    await this.cancel();
    const stop = new vscode.CancellationTokenSource();
    const finished = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => stop.cancel());
        return this.run(specs, replace, readConfig, progress, stop.token).catch(e => this.failed(e));
      }),
    );
    this.current = { stop, finished };
    void vscode.commands.executeCommand('setContext', 'aiToolAudit.running', true);
    this.summary.setRunning(true);
    try {
      return await finished;
    } finally {
      if (this.current?.finished === finished) {
        this.current = undefined;
        void vscode.commands.executeCommand('setContext', 'aiToolAudit.running', false);
        this.summary.setRunning(false);
      }
      stop.dispose();
    }
  }

  private async run(
    find: TargetSpec[] | Finder,
    replace: boolean,
    readConfig: boolean,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<AuditOutcome> {
    const started = Date.now();
    const settings = readSettings();
    let specs: TargetSpec[];
    if (Array.isArray(find)) specs = find;
    else {
      progress.report({ message: 'looking for AI assistants…' });
      const found = await find(settings, token);
      if (!found) {
        if (this.results.all().length) this.summary.setEnding({ kind: 'cancelled', text: 'Audit cancelled while looking for assistants: the results shown are from the earlier audit' });
        return { status: 'cancelled', results: [], ms: Date.now() - started };
      }
      specs = found;
    }
    this.warnUnknownRules(settings.disabledRules);
    this.results.begin(specs, replace);
    this.log.info(printable(`audit of ${plural(specs.length, 'target')} started: ${specs.map(s => s.name).join(', ')}`));
    const abort = new AbortController();
    const onCancel = token.onCancellationRequested(() => abort.abort());
    const done: TargetResult[] = [];
    let lastReport = 0;
    const configurations = readConfig ? this.configurations : undefined;
    const ticket = configurations?.begin();
    try {
      const outcome = await runAudit(
        this.runner,
        {
          kind: 'audit',
          targets: specs,
          disabledRules: settings.disabledRules,
          maxFileBytes: settings.maxFileBytes,
          // Files go to a pool of workers the audit worker starts: one file that exhausts its
          // time or heap costs only itself, and the cores share the work.
          pool: { script: this.runner.script, size: settings.scanWorkers || defaultPoolSize() },
          ...(this.resultCacheDir ? { cacheDir: this.resultCacheDir } : {}),
          ...(configurations ? { config: configSources() } : {}),
        },
        {
          onFile: (index, file, size) => {
            this.log.debug(printable(`${specs[index].name}: scanning ${file} (${formatMB(size)})`));
            const now = Date.now();
            if (now - lastReport < PROGRESS_EVERY_MS) return;
            lastReport = now;
            progress.report({ message: printable(`${done.length + 1}/${specs.length} ${specs[index].name}: ${file}`) });
          },
          onNote: message => this.log.info(printable(message)),
          onConfig: (results, candidates) => configurations?.apply(ticket ?? 0, results, candidates),
          onTarget: (index, result, ms) => {
            done.push(result);
            this.results.finish(specs[index], result);
            this.compareWithEarlier(specs[index], result);
            this.logTarget(result, ms);
            progress.report({ increment: 100 / specs.length });
          },
        },
        abort.signal,
      );
      for (const crash of outcome.crashes) this.log.error(`scan worker stopped: ${crash}`);
      const ms = Date.now() - started;
      if (outcome.status === 'cancelled') {
        const skipped = this.results.stopQueued('cancelled');
        const kept = skipped.filter(t => t.result).length;
        this.summary.setEnding({ kind: 'cancelled', text: `Audit cancelled: ${done.length} of ${specs.length} audited${kept ? `, ${kept} showing earlier results` : ''}` });
        this.log.warn(printable(`audit cancelled after ${done.length} of ${plural(specs.length, 'target')}; not scanned: ${skipped.map(t => t.spec.name).join(', ') || 'none'}`));
      } else {
        // A target whose scan failed (its worker died, its folder could not be read) says so in its row.
        const failed = specs.map(s => this.results.all().find(t => t.key === targetKey(s))).filter(t => t?.state === 'failed');
        if (failed.length) this.summary.setEnding({ kind: 'incomplete', text: `Audit finished, but ${failed.length} of ${specs.length} could not be scanned` });
        this.log.info(`audit finished in ${(ms / 1000).toFixed(1)} s: ${plural(done.length, 'target')}${failed.length ? `, ${failed.length} not scanned` : ''}`);
      }
      return { status: outcome.status, results: done, ms };
    } finally {
      onCancel.dispose();
    }
  }

  /**
   * An audit that broke off (discovery or the worker could not run): what it had not reached
   * is marked failed and keeps any earlier result, and the view, the status bar and a
   * notification say so. Never an empty view that reads as an all-clear.
   */
  private failed(e: unknown): AuditOutcome {
    const error = e instanceof Error ? e.message : String(e);
    const stopped = this.results.stopQueued('failed', error);
    const kept = stopped.filter(t => t.result).length;
    this.summary.setEnding({ kind: 'failed', text: printable(`Audit failed: ${error}${kept ? `; ${plural(kept, 'assistant')} showing earlier results` : ''}`) });
    this.log.error(printable(`audit failed: ${error}${stopped.length ? `; not scanned: ${stopped.map(t => t.spec.name).join(', ')}` : ''}`));
    void this.notify?.().error(printable(`AI Tool Audit: the audit failed (${error}). Earlier results stay in the view; see the log.`), 'Show Log')
      .then(choice => (choice ? vscode.commands.executeCommand('aiToolAudit.showLog') : undefined));
    return { status: 'failed', results: [], ms: 0, error };
  }

  private logTarget(r: TargetResult, ms: number): void {
    const high = r.findings.filter(f => f.severity === 'high').length;
    this.log.info(
      printable(`scanned ${r.name}${r.version ? ` ${r.version}` : ''} (${r.kind}) at ${r.root}: ${plural(r.filesScanned, 'file')}, ${formatMB(r.bytesScanned)}, ` +
        `${plural(r.findings.length, 'finding')} (${high} high), ${plural(r.errors.length, 'error')} in ${(ms / 1000).toFixed(1)} s`),
    );
    for (const e of r.errors) this.log.warn(printable(`${r.name}: ${e.file}${e.entry ? ` › ${e.entry}` : ''}: ${e.message}`));
  }

  private warnUnknownRules(disabled: readonly string[]): void {
    const known = ruleIds();
    const unknown = disabled.filter(id => !known.has(id));
    if (unknown.length) this.log.warn(`aiToolAudit.disabledRules names unknown rules: ${unknown.join(', ')}`);
  }
}
