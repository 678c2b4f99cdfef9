// A `command:` link with its arguments, as document links in our virtual documents use.
import * as vscode from 'vscode';

export function commandUri(command: string, ...args: unknown[]): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}
