// The one object the commands share (no globals): the log, the worker runner, the results
// and the views over them. Built once in activate() (context.ts).
import type * as vscode from 'vscode';
import type { WorkerRunner } from '../core/worker/runner';
import type { Discovery } from '../core/discovery';
import type { AuditResults } from './auditResults';
import type { AuditTreeProvider, TreeNode } from './auditTree';
import type { AuditSummary } from './statusBar';
import type { Auditor } from './auditor';
import type { ContextDocuments } from './contextDocument';
import type { PolicyWarnings } from './policyWarnings';
import type { Notifier } from './notifier';
import type { Configurations } from './configurations';
import type { FindingDetails } from './findingDetails';

export interface AuditContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly runner: WorkerRunner;
  readonly results: AuditResults;
  readonly tree: AuditTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly summary: AuditSummary;
  readonly auditor: Auditor;
  readonly contexts: ContextDocuments;
  readonly details: FindingDetails;
  /** The assistants' own settings: read by full audits, re-read when a settings file changes. */
  readonly configurations: Configurations;
  readonly policy: PolicyWarnings;
  /** Which machine the audit covers (the extension host's). */
  readonly machine: string;
  notify: Notifier;
  /** What the last "Audit AI tools" found: extension changes are compared with it. */
  lastDiscovery?: Discovery;
}
