// `$(shield) 3 high` in the status bar and the high count as the view's badge; both open
// the view. Hidden until something was audited. Above the tree, which machine it is about
// (a view alone in its container shows no description).
import * as vscode from 'vscode';
import type { AuditResults } from './auditResults';
import type { TreeNode } from './auditTree';
import { plural } from '../core/text/format';

export class AuditSummary implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('aiToolAudit.summary', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;
  private running = false;
  /** How the last audit ended when that is worth saying above the tree (cancelled). */
  private ending: string | undefined;

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

  /** Says above the tree how the audit ended (until the next one starts). */
  setEnding(text: string | undefined): void {
    this.ending = text;
    this.update();
  }

  private update(): void {
    const counts = this.results.countBySeverity();
    this.view.badge = counts.high ? { value: counts.high, tooltip: `${counts.high} high-severity findings` } : undefined;
    if (this.results.all().length) this.view.message = this.ending ? `${this.ending} · Assistants on ${this.machine}` : `Assistants on ${this.machine}`;
    if (this.results.all().length === 0 && !this.running) {
      this.item.hide();
      return;
    }
    const done = this.results.all().filter(t => t.state === 'done').length;
    // While an audit runs the counts are incomplete: never show them as if they were final.
    const previous = this.results.hasPrevious();
    this.item.text = this.running ? '$(sync~spin) auditing…' : `$(shield) ${counts.high} high${previous ? ' (previous)' : ''}`;
    this.item.tooltip = this.running
      ? `AI Tool Audit: audit running; ${plural(done, 'assistant')} done so far (${counts.high} high, ${counts.medium} medium, ${counts.low} low${previous ? ', some from the previous audit' : ''}). Click to open the view.`
      : `AI Tool Audit: ${counts.high} high, ${counts.medium} medium, ${counts.low} low in ${done} audited assistants${previous ? '; some results are from an earlier audit whose re-audit was cancelled' : ''}. Click to open the view.`;
    this.item.show();
  }

  /** What the status bar shows, for tests. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
