// The editor's memory of earlier audits: after each audit a snapshot per assistant version
// goes to the extension's global storage, and an assistant whose version changed is compared
// with the newest snapshot of another version, so the tree and the reports can say what the
// update added and what went away. A corrupt or foreign file is logged and ignored, never
// trusted: the worst case is an audit without "new" marks.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { TargetResult } from '../core/model';
import { baselineTarget, checkBaseline, compare, type BaselineTarget, type Comparison } from '../core/report/baseline';
import { TOOL_NAME, TOOL_VERSION } from '../core/version';
import { printable } from '../core/text/safeText';

/** Versions kept per assistant: enough to compare with the previous one after a rollback. */
const KEEP_VERSIONS = 3;

interface Snapshot {
  savedAt: string;
  target: BaselineTarget;
}

export class BaselineStore {
  constructor(
    private readonly dir: string,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn' | 'info'>,
  ) {}

  /**
   * Compares the result with the newest snapshot of another version of the same assistant
   * (none: undefined), then records this version's snapshot.
   */
  async record(key: string, result: TargetResult, now = new Date()): Promise<Comparison | undefined> {
    const file = path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`);
    const snapshots = await this.read(file);
    const earlier = result.version === undefined ? undefined : snapshots.find(s => s.target.version !== undefined && s.target.version !== result.version);
    const kept = [{ savedAt: now.toISOString(), target: baselineTarget(result) }, ...snapshots.filter(s => s.target.version !== result.version)].slice(0, KEEP_VERSIONS);
    try {
      await fs.mkdir(this.dir, { recursive: true });
      // Each snapshot in the baseline file format, so a user can hand one to `--baseline`.
      const text = JSON.stringify({ kind: 'ai-tool-audit-history', schemaVersion: 1, key, snapshots: kept.map(s => ({ savedAt: s.savedAt, baseline: asBaseline(s) })) });
      await fs.writeFile(`${file}.tmp`, text);
      await fs.rename(`${file}.tmp`, file);
    } catch (e) {
      this.log.warn(printable(`could not save the baseline of ${result.name}: ${e instanceof Error ? e.message : String(e)}`));
    }
    return earlier && compare(earlier.target, result.findings);
  }

  private async read(file: string): Promise<Snapshot[]> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return [];
    }
    try {
      const data = JSON.parse(text) as { kind?: unknown; schemaVersion?: unknown; snapshots?: Array<{ savedAt?: unknown; baseline?: unknown }> };
      if (data.kind !== 'ai-tool-audit-history' || data.schemaVersion !== 1 || !Array.isArray(data.snapshots)) throw new Error('not a baseline history of this version');
      return data.snapshots.map(s => {
        const baseline = checkBaseline(s.baseline);
        if (baseline.targets.length !== 1 || typeof s.savedAt !== 'string') throw new Error('a snapshot holds one target');
        return { savedAt: s.savedAt, target: baseline.targets[0] };
      });
    } catch (e) {
      this.log.warn(printable(`ignoring the stored baseline ${file}: ${e instanceof Error ? e.message : String(e)}`));
      return [];
    }
  }
}

function asBaseline(s: Snapshot) {
  return { kind: 'ai-tool-audit-baseline', schemaVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, createdAt: s.savedAt, targets: [s.target] };
}
