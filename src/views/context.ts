// The one object the commands share (no globals): the log, the worker runner, the results
// and the views over them. Built once in activate().
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkerRunner } from '../core/worker/runner';
import { AuditResults } from './auditResults';
import { AuditTreeProvider } from './auditTree';
import { AuditSummary } from './statusBar';
import { Auditor } from './auditor';
import { CONTEXT_SCHEME, ContextDocuments } from './contextDocument';
import { MODULE_SCHEME, ModuleDocuments } from './moduleDocument';
import { DETAILS_SCHEME, FindingDetails } from './findingDetails';
import { machineLabel } from './machine';
import { watchExtensions } from './extensionWatcher';
import { PolicyWarnings } from './policyWarnings';
import { BaselineStore } from './baselines';
import { Configurations, configPlaces } from './configurations';
import type { AuditContext } from './auditContext';

export type { AuditContext } from './auditContext';
export type { Notifier } from './notifier';

export function createContext(extension: vscode.ExtensionContext): AuditContext {
  const log = vscode.window.createOutputChannel('AI Tool Audit', { log: true });
  const runner = new WorkerRunner(path.join(extension.extensionPath, 'dist', 'worker.js'));
  const results = new AuditResults();
  const tree = new AuditTreeProvider(results, extension.globalState, configPlaces);
  const view = vscode.window.createTreeView('aiToolAudit.findings', { treeDataProvider: tree, showCollapseAll: true });
  const machine = machineLabel(vscode.env.remoteName);
  view.description = machine;
  const summary = new AuditSummary(results, view, machine);
  const baselines = new BaselineStore(path.join(extension.globalStorageUri.fsPath, 'baselines'), log);
  const configurations = new Configurations(runner, results, log);
  // The notifier is read when a failure is due, after ctx exists; tests may swap it.
  const auditor = new Auditor(runner, results, summary, log, baselines, path.join(extension.globalStorageUri.fsPath, 'results'), configurations, () => ctx.notify);
  const contexts = new ContextDocuments(runner);
  // The policy is built below; the details read its suppressions only when a document is built.
  const details = new FindingDetails(results, extension.extensionUri, configPlaces, (key, index) => ctx.policy.suppressed().get(key)?.get(index));
  extension.subscriptions.push(
    log,
    results,
    tree,
    view,
    summary,
    contexts,
    configurations,
    vscode.workspace.registerTextDocumentContentProvider(CONTEXT_SCHEME, contexts),
    vscode.languages.registerDocumentLinkProvider({ scheme: CONTEXT_SCHEME }, contexts),
    vscode.workspace.registerTextDocumentContentProvider(MODULE_SCHEME, new ModuleDocuments(runner)),
    details,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.languages.registerDocumentLinkProvider({ scheme: DETAILS_SCHEME }, details),
    { dispose: () => void auditor.cancel().then(() => runner.dispose()) },
  );
  // The notifier is read when a warning is due, after ctx exists; tests may swap it.
  const policy = new PolicyWarnings(results, () => ctx.notify, log, () => auditor.running);
  tree.setSuppressions(() => policy.suppressed());
  const ctx: AuditContext = {
    extension,
    log,
    runner,
    results,
    tree,
    view,
    summary,
    auditor,
    contexts,
    details,
    configurations,
    machine,
    policy,
    notify: {
      info: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
      warn: (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
      error: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
      input: options => vscode.window.showInputBox(options),
    },
  };
  extension.subscriptions.push(watchExtensions(ctx), policy, policy.onDidEvaluate(() => (tree.refresh(), details.refresh(), summary.refresh())));
  // A workspace with a policy is why the editor activated (workspaceContains): audit once so
  // the policy can be checked and warn, as it promises every member of the team.
  void policy.ready.then(() => {
    if (policy.current.length && !results.all().length && !auditor.running) void vscode.commands.executeCommand('aiToolAudit.auditAll');
  });
  return ctx;
}
