// The JSON result (schemaVersion 1). Field names are a contract other tools read: add
// optional fields, never rename. SARIF and Markdown reports will sit beside this file.
import type { AuditResult, TargetResult } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export function auditResult(targets: TargetResult[]): AuditResult {
  return { schemaVersion: 1, tool: { name: TOOL_NAME, version: TOOL_VERSION }, targets };
}

export function toJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
