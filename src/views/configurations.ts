// The assistants' own settings in the editor: read in the worker (the extension host never
// parses), shown in the tree, and read again when one of the files changes. A full audit
// reads them as part of its job; a changed file costs only a re-read of the settings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { TargetResult } from '../core/model';
import type { ConfigJob } from '../core/worker/protocol';
import type { WorkerRunner } from '../core/worker/runner';
import { printable } from '../core/text/safeText';
import type { AuditResults } from './auditResults';
import { filesRead, watchGroups, type ConfigPlaces } from './configPlaces';
import { readSettings } from './settings';
import { plural } from '../core/text/format';

/** Editors and tools write a file in several steps: one re-read for a burst of events. */
export const SETTLE_MS = 500;

/** This extension host's home and the first local workspace folder. */
export function configPlaces(): ConfigPlaces {
  const folder = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file');
  return { home: os.homedir(), ...(folder ? { workspace: folder.uri.fsPath } : {}) };
}

export function configSources(): ConfigJob['sources'] {
  const { home, workspace } = configPlaces();
  // A plain copy: process.env is not structured-cloneable as itself.
  return { home, ...(workspace ? { workspace } : {}), env: { ...process.env }, platform: process.platform };
}

export class Configurations implements vscode.Disposable {
  /** Reads are numbered when they start: a slow read never overwrites a later one. */
  private started = 0;
  private applied = 0;
  private watchers: vscode.FileSystemWatcher[] = [];
  private listeners: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<boolean> | undefined;

  constructor(
    private readonly runner: WorkerRunner,
    private readonly results: AuditResults,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** A number for a read that starts now, to give to `apply`. */
  begin(): number {
    return ++this.started;
  }

  /** Shows what a read found and watches its files, unless a read started later was shown already. */
  apply(ticket: number, results: TargetResult[], candidates: readonly string[]): void {
    if (ticket < this.applied) return;
    this.applied = ticket;
    this.results.setConfigurations(results);
    for (const r of results) {
      this.log.info(printable(`read ${r.name}: ${plural(r.config?.files.length ?? 0, 'file')} under ${r.root}, ${plural(r.findings.length, 'finding')}, ${plural(r.errors.length, 'error')}`));
      for (const e of r.errors) this.log.warn(printable(`${r.name}: ${e.file}: ${e.message}`));
    }
    this.watch([...filesRead(results), ...candidates]);
  }

  /** Reads the settings again (the files changed); false when the read failed. */
  async reread(): Promise<boolean> {
    const ticket = this.begin();
    let found: { results: TargetResult[]; candidates: string[] } | undefined;
    const outcome = await this.runner.run(
      { kind: 'config', sources: configSources(), disabledRules: readSettings().disabledRules },
      { onMessage: m => (m.type === 'config' ? (found = m) : m.type === 'note' ? this.log.warn(printable(m.message)) : undefined) },
    );
    if (!found) {
      this.log.warn(`reading the assistants' settings again failed: ${outcome.error ?? outcome.status}`);
      return false;
    }
    this.apply(ticket, found.results, found.candidates);
    return true;
  }

  /** How many watchers are live (tests: re-reads replace them, never add to them). */
  get watcherCount(): number {
    return this.watchers.length;
  }

  /** Replaces the watchers: one per folder, over the files read and those that may appear. */
  private watch(paths: readonly string[]): void {
    this.unwatch();
    const { workspace } = configPlaces();
    for (const group of watchGroups(paths, workspace)) {
      // A folder outside the workspace that does not exist cannot be watched without
      // watching its parents; its files appear on the next audit.
      if (group.base !== workspace && !fs.existsSync(group.base)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(group.base), group.pattern));
      const changed = (uri: vscode.Uri) => this.schedule(uri);
      this.watchers.push(watcher);
      this.listeners.push(watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
  }

  private schedule(uri: vscode.Uri): void {
    this.log.debug(printable(`settings file changed: ${uri.fsPath}`));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const reading = (this.reading = this.reread()
        .catch(e => (this.log.error(`reading the assistants' settings again failed: ${e}`), false))
        .finally(() => {
          if (this.reading === reading) this.reading = undefined;
        }));
    }, SETTLE_MS);
  }

  private unwatch(): void {
    for (const d of [...this.listeners, ...this.watchers]) d.dispose();
    this.listeners = [];
    this.watchers = [];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unwatch();
  }
}
