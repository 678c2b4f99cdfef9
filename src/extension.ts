// Wiring only: the views, commands and watchers live in src/views.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('AI Tool Audit', { log: true });
  context.subscriptions.push(log);
}

export function deactivate(): void {}
