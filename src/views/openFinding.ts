// Opens a finding where it is: the file (or embedded module) with the flagged range selected
// and revealed. Minified lines are longer than the editor renders, so for those it offers
// the readable context.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RelatedLocation } from '../core/model';
import { toRange } from './positions';
import { moduleUri } from './moduleDocument';

/** Where a finding (or one of its steps) is, as the audit reported it, plus the target root. */
export type FindingLocation = Omit<RelatedLocation, 'message'> & {
  /** Absolute target root; `file` is relative to it. */
  root: string;
};

/** Longer lines are minified code: VS Code stops rendering at 10,000 characters by default. */
export const MINIFIED_LINE = 5000;

export function locationUri(loc: Pick<FindingLocation, 'root' | 'file' | 'entry'>): vscode.Uri {
  const abs = path.join(loc.root, loc.file);
  return loc.entry ? moduleUri(abs, loc.entry) : vscode.Uri.file(abs);
}

export async function openLocation(loc: FindingLocation, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const range = toRange(loc);
  const editor = await vscode.window.showTextDocument(locationUri(loc), { selection: range, preview: true, ...(viewColumn ? { viewColumn } : {}) });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function isMinifiedAt(editor: vscode.TextEditor): boolean {
  const line = editor.selection.start.line;
  return line < editor.document.lineCount && editor.document.lineAt(line).text.length > MINIFIED_LINE;
}
