// Wiring only: the context object and the command table; everything else lives in src/views.
import * as vscode from 'vscode';
import { createContext, type AuditContext } from './views/context';
import { COMMANDS } from './views/commands';

/** Returns the context, which the integration tests inspect; it is not a public API. */
export function activate(extension: vscode.ExtensionContext): AuditContext {
  const ctx = createContext(extension);
  for (const [id, make] of Object.entries(COMMANDS)) extension.subscriptions.push(vscode.commands.registerCommand(id, make(ctx)));
  ctx.log.info(`AI Tool Audit ${extension.extension.packageJSON.version} active, auditing ${ctx.machine}`);
  return ctx;
}

export function deactivate(): void {}
