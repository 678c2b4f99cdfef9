// `$(shield) 3 high` in the status bar and the high count as the view's badge; both open
// the view. Hidden until something was audited. Above the tree, which machine it is about
// (a view alone in its container shows no description).
import * as vscode from 'vscode';
import type { AuditResults } from './auditResults';
import type { TreeNode } from './auditTree';
import { plural } from '../core/text/format';

/** How an audit ended when that is worth saying: the view and the status bar say so until the next one. */
export interface AuditEnding {
  kind: 'cancelled' | 'failed' | 'incomplete';
  text: string;
}

const ENDING_WORDS: Record<AuditEnding['kind'], string> = { cancelled: 'audit cancelled', failed: 'audit failed', incomplete: 'audit incomplete' };

export class AuditSummary implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiToolAudit.summary', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private running = false;
  private ending: AuditEnding | undefined;
  /** What a filter of the tree leaves out, said above it for as long as it is on (read at each update). */
  private filter: (() => string) | undefined;

  constructor(
    private readonly results: AuditResults,
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly machine: string,
  ) {
    this.item.name = 'AI Tool Audit';
    this.item.command = 'workbench.view.extension.aiToolAudit';
    this.subscription = results.onDidChange(() => this.update());
  }

  setRunning(running: boolean): void {
    this.running = running;
    if (running) this.ending = undefined;
    this.update();
  }

  /** Says above the tree and in the status bar how the audit ended (until the next one starts). */
  setEnding(ending: AuditEnding | undefined): void {
    this.ending = ending;
    this.update();
  }

  /** Says above the tree what a filter shows (the violation filter, a matrix cell), until it is turned off. */
  setFilter(note: (() => string) | undefined): void {
    this.filter = note;
    this.update();
  }

  /** Says it all again (after a policy evaluation changed what a filter shows). */
  refresh(): void {
    this.update();
  }

  private update(): void {
    const counts = this.results.countBySeverity();
    this.view.badge = counts.high ? { value: counts.high, tooltip: plural(counts.high, 'high-severity finding') } : undefined;
    // One message above the tree: what a filter hides, how the audit ended, which machine.
    if (this.results.all().length || this.ending || this.filter) {
      this.view.message = [this.filter?.(), this.ending?.text, `Assistants on ${this.machine}`].filter(Boolean).join(' · ');
    }
    if (this.results.all().length === 0 && !this.running && !this.ending) {
      this.item.hide();
      return;
    }
    const all = this.results.all();
    const done = all.filter(t => t.state === 'done').length;
    const previous = this.results.hasPrevious();
    const missing = this.results.incomplete().filter(t => !t.result).length;
    const ending = this.ending?.kind ?? (this.results.incomplete().length ? 'incomplete' : undefined);
    const tally = `${counts.high} high, ${counts.medium} medium, ${counts.low} low`;
    if (this.running) {
      // While an audit runs the counts are incomplete: never show them as if they were final.
      this.item.text = '$(sync~spin) auditing…';
      this.item.tooltip = `AI Tool Audit: scanning; ${done} of ${plural(all.length, 'assistant')} done. The counts come when the audit ends${previous ? '; until then the view shows the earlier results' : ''}. Click to open the view.`;
    } else if (ending) {
      // A cancelled or failed audit is no all-clear: it says so, and a count only when there is one to tell.
      this.item.text = `$(warning) ${ENDING_WORDS[ending]}${counts.high ? ` · ${counts.high} high` : ''}`;
      this.item.tooltip =
        `AI Tool Audit: ${this.ending?.text ?? 'the last audit did not scan every assistant'}. So far: ${tally} in ${plural(done, 'audited assistant')}` +
        `${missing ? `; ${plural(missing, 'assistant')} not scanned` : ''}${previous ? '; some results are from an earlier audit' : ''}. Click to open the view.`;
    } else {
      this.item.text = `$(shield) ${counts.high} high`;
      this.item.tooltip = `AI Tool Audit: ${tally} in ${plural(done, 'audited assistant')}. Click to open the view.`;
    }
    this.item.show();
  }

  /** What the status bar shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  /** Its tooltip, for tests. */
  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : '';
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
