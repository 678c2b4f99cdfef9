// Findings, related steps and reprints count lines and columns from 1 (columns in UTF-16
// units, ends exclusive), as JSON, the CLI and SARIF do. VS Code counts from 0. This is the
// one place that converts.
import * as vscode from 'vscode';

export interface OneBasedRange {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function toRange(r: OneBasedRange): vscode.Range {
  const start = new vscode.Position(Math.max(0, r.line - 1), Math.max(0, r.column - 1));
  if (r.endLine === undefined || r.endColumn === undefined) return new vscode.Range(start, start);
  return new vscode.Range(start, new vscode.Position(Math.max(0, r.endLine - 1), Math.max(0, r.endColumn - 1)));
}
