// The extension's settings (contributes.configuration in package.json), read in one place.
import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_BYTES } from '../core/model';

export interface AuditSettings {
  /** Editor ids whose extensions are audited; empty: every editor found. */
  editors: string[];
  includeClis: boolean;
  /** Folders or files audited besides what discovery finds. */
  extraPaths: string[];
  /** Rule or correlation ids whose findings are not wanted. */
  disabledRules: string[];
  maxFileBytes: number;
  /** Files scanned at once in worker threads; 0 for one per core. */
  scanWorkers: number;
}

export function readSettings(): AuditSettings {
  const c = vscode.workspace.getConfiguration('aiToolAudit');
  const mb = c.get<number>('maxFileSizeMB');
  return {
    editors: strings(c.get('editors')),
    includeClis: c.get<boolean>('includeClis') ?? true,
    extraPaths: strings(c.get('extraPaths')),
    disabledRules: strings(c.get('disabledRules')),
    maxFileBytes: typeof mb === 'number' && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_FILE_BYTES,
    scanWorkers: Math.max(0, Math.floor(Number(c.get<number>('scanWorkers')) || 0)),
  };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(v => v.trim()) : [];
}
