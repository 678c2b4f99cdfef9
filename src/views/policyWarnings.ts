// The workspace policy in the editor: read from each workspace folder on startup and whenever
// the file changes, checked against what the view shows, and reported as diagnostics on the
// clause that is broken (Problems panel), a status bar item and a warning with "Show".
//
// The policy is data: it is read with workspace.fs and parsed by the core, never executed, so
// this also runs in an untrusted workspace. An invalid policy is never ignored quietly: its
// errors are diagnostics, an error notification and the status bar says so.
import * as vscode from 'vscode';
import type { TargetResult } from '../core/model';
import { evaluatePolicy } from '../core/policy/evaluate';
import { parsePolicy, policyFileProblem, POLICY_LOCATIONS, MAX_POLICY_BYTES, type PolicyLoad } from '../core/policy/load';
import { problemDiagnostics, reportDiagnostics, type PolicyDiagnostic } from '../core/policy/diagnostics';
import type { PolicyReport, PolicyViolation } from '../core/model/policy';
import { printable } from '../core/text/safeText';
import type { AuditedTarget, AuditResults } from './auditResults';
import type { Notifier } from './notifier';
import { toRange } from './positions';
import { locationUri } from './openFinding';
import { plural } from '../core/text/format';

export interface WorkspacePolicy {
  folder: vscode.WorkspaceFolder;
  uri: vscode.Uri;
  load: PolicyLoad;
  /** Set once evaluated against the audited targets. */
  report?: PolicyReport;
  /** The targets `report` indexes into, as audited. */
  targets: AuditedTarget[];
}

/** Which targets and findings break a policy: what the view's violation filter shows. */
export interface ViolationSet {
  targets: Set<string>;
  findings: Map<string, Set<number>>;
}

const SEVERITY: Record<PolicyDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class PolicyWarnings implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('ai-tool-audit-policy');
  private readonly item = vscode.window.createStatusBarItem('aiToolAudit.policy', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly evaluated = new vscode.EventEmitter<void>();
  /** Fires after each evaluation: the view's violation filter follows it. */
  readonly onDidEvaluate = this.evaluated.event;
  private readonly watchers = new Map<string, vscode.Disposable>();
  private policies: WorkspacePolicy[] = [];
  private notified = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();
  /** Settles once the policy files found at startup are read and evaluated. */
  readonly ready: Promise<void>;

  constructor(
    private readonly results: AuditResults,
    private readonly notify: () => Notifier,
    private readonly log: vscode.LogOutputChannel,
    private readonly isAuditRunning: () => boolean,
  ) {
    this.item.name = 'AI Tool Audit policy';
    this.disposables.push(
      results.onDidChange(() => this.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.watchFolders()),
    );
    this.ready = this.watchFolders();
  }

  /** What the status bar item says, for tests. */
  get statusText(): string {
    return this.item.text;
  }

  /** The policies found, for commands and tests. */
  get current(): readonly WorkspacePolicy[] {
    return this.policies;
  }

  /** Resolves once the policy files are read and evaluated again. */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.readAll()).then(() => this.evaluate());
    return this.loading;
  }

  /** The policy file of a folder: the existing one, else where a new one goes. */
  policyUriFor(folder: vscode.WorkspaceFolder): vscode.Uri {
    return this.policies.find(p => p.folder.uri.toString() === folder.uri.toString())?.uri ?? vscode.Uri.joinPath(folder.uri, POLICY_LOCATIONS[0]);
  }

  violations(): ViolationSet {
    const set: ViolationSet = { targets: new Set(), findings: new Map() };
    for (const p of this.policies) {
      for (const v of p.report?.violations ?? []) {
        const key = p.targets[v.assistant.index]?.key;
        if (!key) continue;
        set.targets.add(key);
        if (v.finding) {
          let findings = set.findings.get(key);
          if (!findings) set.findings.set(key, (findings = new Set()));
          findings.add(v.finding.index);
        }
      }
    }
    return set;
  }

  /**
   * Findings a suppression in a policy accepts, by target key and finding index, with the
   * suppression's reason: the view lists them apart, so that suppressing visibly does something.
   */
  suppressed(): Map<string, Map<number, string>> {
    const out = new Map<string, Map<number, string>>();
    for (const p of this.policies) {
      if (!p.load.ok) continue;
      const reasons = new Map(p.load.policy.suppressions.map(s => [s.path, s.reason]));
      for (const s of p.report?.suppressed ?? []) {
        const key = p.targets[s.assistantIndex]?.key;
        if (!key) continue;
        let findings = out.get(key);
        if (!findings) out.set(key, (findings = new Map()));
        findings.set(s.findingIndex, reasons.get(s.suppression) ?? '');
      }
    }
    return out;
  }

  private watchFolders(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const keys = new Set(folders.map(f => f.uri.toString()));
    for (const [key, watcher] of this.watchers) {
      if (!keys.has(key)) {
        watcher.dispose();
        this.watchers.delete(key);
      }
    }
    for (const folder of folders) {
      const key = folder.uri.toString();
      if (this.watchers.has(key)) continue;
      // `.vscode` itself too: a checkout that creates the folder and the file at once may
      // report only the folder, and reading then finds the file.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{.vscode,${POLICY_LOCATIONS.join(',')}}`));
      const changed = () => void this.reload();
      this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed)));
    }
    return this.reload();
  }

  private async readAll(): Promise<void> {
    const found: WorkspacePolicy[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uris = POLICY_LOCATIONS.map(rel => vscode.Uri.joinPath(folder.uri, rel));
      const present: vscode.Uri[] = [];
      for (const uri of uris) if (await isFile(uri)) present.push(uri);
      if (!present.length) continue;
      if (present[1]) this.log.warn(`${present[1].fsPath} is ignored: ${present[0].fsPath} takes precedence`);
      found.push({ folder, uri: present[0], load: await readPolicy(present[0]), targets: [] });
    }
    this.policies = found;
    for (const p of found) {
      if (!p.load.ok) this.log.error(`policy ${p.uri.fsPath} is invalid: ${plural(p.load.errors.length, 'error')}; it is not applied until fixed`);
      else this.log.info(`policy ${p.uri.fsPath} read`);
    }
  }

  /** Re-evaluates a moment after results change, so a streaming audit is judged once. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.loading.then(() => this.evaluate());
    }, 250);
  }

  private evaluate(): void {
    // Every result shown, an earlier audit's included: a cancelled or failed re-audit must not
    // let the policy pass on what it did not look at (it would fail open).
    const done = this.results.all().filter(t => t.result);
    const targets: TargetResult[] = done.map(t => t.result!);
    this.diagnostics.clear();
    for (const p of this.policies) {
      p.targets = done;
      p.report = p.load.ok ? evaluatePolicy(p.load.policy, { targets }) : undefined;
      const problems = p.load.ok ? p.load.warnings : [...p.load.errors, ...p.load.warnings];
      // "Names no audited assistant" (or server) means something only once the audit is over.
      const shown = p.report && this.isAuditRunning() ? { ...p.report, unmatchedAssistants: undefined, unmatchedMcp: undefined } : p.report;
      const specs = [...problemDiagnostics(problems), ...(shown ? reportDiagnostics(shown, targets) : [])];
      this.diagnostics.set(p.uri, specs.map(toDiagnostic));
    }
    this.updateStatus();
    this.evaluated.fire();
    if (this.isAuditRunning()) this.schedule();
    else this.maybeNotify();
  }

  private updateStatus(): void {
    const invalid = this.policies.filter(p => !p.load.ok);
    const violations = this.policies.flatMap(p => p.report?.violations ?? []);
    if (!this.policies.length) {
      this.item.hide();
      return;
    }
    if (invalid.length) {
      this.item.text = '$(error) policy invalid';
      this.item.tooltip = `AI Tool Audit: ${invalid.map(p => vscode.workspace.asRelativePath(p.uri)).join(', ')} has errors and is not applied. Click to see them.`;
      this.item.command = 'workbench.actions.view.problems';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (violations.length) {
      this.item.text = `$(law) ${violations.length} policy violation${violations.length === 1 ? '' : 's'}`;
      this.item.tooltip = printable(`AI Tool Audit: ${violationSummary(violations)}. Click to show them.`);
      this.item.command = 'aiToolAudit.showViolations';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      const audited = Math.max(0, ...this.policies.map(p => p.targets.length));
      // What "no violations" covers: an assistant the audit did not reach was not checked.
      const unchecked = this.results.all().filter(t => !t.result || t.earlier).length;
      this.item.text = !audited ? '$(law) policy not checked yet' : unchecked ? '$(law) no policy violations so far' : '$(law) no policy violations';
      this.item.tooltip = !audited
        ? 'AI Tool Audit: workspace policy read; run "Audit AI tools" to check it.'
        : `AI Tool Audit: ${audited === 1 ? 'the audited assistant breaks' : `the ${audited} audited assistants break`} no clause of the workspace policy${unchecked ? `; ${plural(unchecked, 'assistant')} not (re-)audited yet, so not checked` : ''}.`;
      this.item.command = audited ? 'workbench.view.extension.aiToolAudit' : 'aiToolAudit.auditAll';
      this.item.backgroundColor = undefined;
    }
    this.item.show();
  }

  /** Says so once per distinct set of violations (or of errors), not on every re-evaluation. */
  private maybeNotify(): void {
    const invalid = this.policies.filter(p => !p.load.ok);
    const violations = this.policies.flatMap(p => p.report?.violations ?? []);
    const signature = invalid.length
      ? invalid.map(p => `${p.uri}:${p.load.ok ? '' : p.load.errors.map(e => `${e.line}:${e.column}:${e.message}`).join(',')}`).join('|')
      : violations.map(v => `${v.clause.path}|${v.assistant.instanceId ?? v.assistant.id}|${v.finding?.fingerprint ?? v.finding?.index ?? v.mcpServer?.key ?? ''}`).sort().join('\n');
    if (signature === this.notified) return;
    this.notified = signature;
    if (invalid.length) {
      const errors = invalid.reduce((n, p) => n + (p.load.ok ? 0 : p.load.errors.length), 0);
      void this.notify()
        .error(`AI Tool Audit: the workspace policy ${vscode.workspace.asRelativePath(invalid[0].uri)} has ${plural(errors, 'error')} and is not applied until ${errors === 1 ? 'it is' : 'they are'} fixed.`, 'Show Problems')
        .then(choice => (choice ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
    } else if (violations.length) {
      void this.notify()
        .warn(printable(`AI Tool Audit: ${violations.length} workspace policy violation${violations.length === 1 ? '' : 's'}: ${violationSummary(violations)}`), 'Show')
        .then(choice => (choice === 'Show' ? vscode.commands.executeCommand('aiToolAudit.showViolations') : undefined));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.evaluated.dispose();
    this.diagnostics.dispose();
    this.item.dispose();
  }
}

function violationSummary(violations: readonly PolicyViolation[]): string {
  const first = violations.slice(0, 2).map(v => v.message);
  return `${first.join('; ')}${violations.length > 2 ? `; and ${violations.length - 2} more` : ''}`;
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

async function readPolicy(uri: vscode.Uri): Promise<PolicyLoad> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_POLICY_BYTES) return policyFileProblem(`the policy file is ${stat.size} bytes; over ${MAX_POLICY_BYTES} bytes is not a policy`);
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return parsePolicy(text, uri.fsPath);
  } catch (e) {
    return policyFileProblem(`cannot read the policy file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function toDiagnostic(d: PolicyDiagnostic): vscode.Diagnostic {
  // Line by line: the message's own line breaks stay, anything hidden in scanned text shows.
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message.split('\n').map(printable).join('\n'), SEVERITY[d.severity]);
  diagnostic.source = 'AI Tool Audit';
  diagnostic.code = d.code;
  diagnostic.relatedInformation = d.related.map(r => new vscode.DiagnosticRelatedInformation(new vscode.Location(locationUri(r), toRange(r)), printable(r.message)));
  return diagnostic;
}
