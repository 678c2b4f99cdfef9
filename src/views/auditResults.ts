// What the view shows: every target audited in this window, with its spec (to re-audit it)
// and, once its worker reported it, its result. Targets stream in one by one.
import * as vscode from 'vscode';
import type { Severity, TargetResult } from '../core/model';
import type { TargetSpec } from '../core/model';
import type { Comparison } from '../core/report/baseline';

/**
 * queued: waiting for (or in) the scan; done: `result` is this audit's; cancelled: the audit
 * stopped before it; failed: the scan could not be done (`failure` says why). A target that
 * is not done keeps the result of an earlier audit, if it had one.
 */
export type TargetState = 'queued' | 'done' | 'cancelled' | 'failed';

export interface AuditedTarget {
  key: string;
  spec: TargetSpec;
  state: TargetState;
  result?: TargetResult;
  /** Why the scan failed (state `failed`). */
  failure?: string;
  /** `result` is from an earlier audit: this one has not (or could not) replace it. */
  earlier?: boolean;
}

/**
 * Why a result is no audit: nothing was scanned and something went wrong (the scan worker
 * died, the folder could not be read). Such a result must not stand in for the target's
 * findings: "no findings" would read as an all-clear.
 */
export function scanFailure(r: TargetResult): string | undefined {
  return r.filesScanned === 0 && r.findings.length === 0 && r.errors.length > 0 ? r.errors[0].message : undefined;
}

export function targetKey(spec: Pick<TargetSpec, 'kind' | 'root' | 'instanceId'>): string {
  return spec.instanceId ?? `${spec.kind}:${spec.root}`;
}

export class AuditResults implements vscode.Disposable {
  private readonly targets = new Map<string, AuditedTarget>();
  /** Per target key: how its latest result compares with the snapshot of its previous version. */
  private readonly comparisons = new Map<string, Comparison>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  all(): AuditedTarget[] {
    return [...this.targets.values()];
  }

  /**
   * Queues targets for an audit; `replace` drops every target not among them. A target audited
   * before keeps its result until the new one replaces it: a cancelled or failed re-audit
   * never turns into an empty, all-clear view.
   */
  begin(specs: readonly TargetSpec[], replace: boolean): void {
    if (replace) {
      // Settings are replaced as a whole when the audit reads them (setConfigurations).
      const keep = new Set(specs.map(targetKey));
      for (const [key, t] of [...this.targets]) if (!keep.has(key) && t.spec.kind !== 'config') this.targets.delete(key);
    }
    for (const spec of specs) {
      const key = targetKey(spec);
      const previous = this.targets.get(key);
      // A failed scan's empty result is no earlier finding to keep.
      const kept = previous?.result && (previous.state === 'done' || previous.earlier) ? previous.result : undefined;
      this.targets.set(key, { key, spec, state: 'queued', ...(kept ? { result: kept, earlier: true } : {}) });
    }
    this.changed.fire();
  }

  finish(spec: TargetSpec, result: TargetResult): void {
    const key = targetKey(spec);
    const failure = scanFailure(result);
    const before = this.targets.get(key);
    if (failure && before?.result) {
      // The earlier findings stay, marked as such; the new errors are in the log.
      this.targets.set(key, { key, spec, state: 'failed', result: before.result, earlier: true, failure });
    } else {
      this.targets.set(key, { key, spec, state: failure ? 'failed' : 'done', result, ...(failure ? { failure } : {}) });
      // A comparison belongs to the result it was made for.
      this.comparisons.delete(key);
    }
    this.changed.fire();
  }

  /**
   * The assistants' settings as just read: every configuration target is replaced, and those
   * no longer found leave. Never called for a cancelled read, so earlier results stay.
   */
  setConfigurations(results: readonly TargetResult[]): void {
    const fresh = new Map(results.map(r => [targetKey(r), r]));
    for (const [key, t] of [...this.targets]) if (t.spec.kind === 'config' && !fresh.has(key)) this.targets.delete(key);
    for (const [key, result] of fresh) this.targets.set(key, { key, spec: specOf(result), state: 'done', result });
    this.changed.fire();
  }

  /** Records how a finished result compares with its previous version (ignored if a newer result came since). */
  setComparison(key: string, result: TargetResult, comparison: Comparison | undefined): void {
    if (this.targets.get(key)?.result !== result || !comparison) return;
    this.comparisons.set(key, comparison);
    this.changed.fire();
  }

  comparison(key: string): Comparison | undefined {
    return this.comparisons.get(key);
  }

  /** Targets still queued when an audit stopped early (cancelled) or broke off (failed). */
  stopQueued(state: 'cancelled' | 'failed', failure?: string): AuditedTarget[] {
    const stopped = this.all().filter(t => t.state === 'queued');
    for (const t of stopped) {
      t.state = state;
      if (failure) t.failure = failure;
    }
    if (stopped.length) this.changed.fire();
    return stopped;
  }

  remove(keys: readonly string[]): void {
    for (const k of keys) this.comparisons.delete(k);
    if (keys.filter(k => this.targets.delete(k)).length) this.changed.fire();
  }

  /** Whether any shown result is from an earlier audit (its re-audit is queued, was cancelled or failed). */
  hasPrevious(): boolean {
    return this.all().some(t => t.earlier);
  }

  /** Targets the last audit left without a result of its own: cancelled or failed. */
  incomplete(): AuditedTarget[] {
    return this.all().filter(t => t.state === 'cancelled' || t.state === 'failed');
  }

  countBySeverity(): Record<Severity, number> {
    const counts: Record<Severity, number> = { info: 0, low: 0, medium: 0, high: 0 };
    for (const t of this.targets.values()) for (const f of t.result?.findings ?? []) counts[f.severity]++;
    return counts;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A configuration result is its own spec: nothing queued it. */
function specOf(r: TargetResult): TargetSpec {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    root: r.root,
    ...(r.instanceId ? { instanceId: r.instanceId } : {}),
    ...(r.vendor ? { vendor: r.vendor } : {}),
    ...(r.country ? { country: r.country } : {}),
    ...(r.ownVendors?.length ? { ownVendors: [...r.ownVendors] } : {}),
    why: r.why ?? ['settings files of the assistant in the home folder and workspace'],
  };
}
