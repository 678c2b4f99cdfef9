// What the editor shows in the policy file, as plain data: one diagnostic per broken clause
// (its violations listed, each finding as a related location), the file's own problems, and
// suppressions that matched nothing. The vscode layer only maps these to vscode types.
import type { TargetResult } from '../model';
import type { PolicyProblem, PolicyRange, PolicyReport, PolicyViolation } from '../model/policy';

export interface RelatedSpot extends PolicyRange {
  /** Absolute root of the assistant; `file` is relative to it, `entry` a module inside it. */
  root: string;
  file: string;
  entry?: string;
  message: string;
}

export interface PolicyDiagnostic {
  range: PolicyRange;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Clause path or problem path, as the editor's diagnostic code. */
  code: string;
  related: RelatedSpot[];
}

/** Enough for a reader; the rest is in the view and the CLI. */
const LISTED = 5;
const RELATED = 50;

export function problemDiagnostics(problems: readonly PolicyProblem[]): PolicyDiagnostic[] {
  return problems.map(p => ({
    range: { line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn },
    severity: p.severity,
    message: p.path ? `${p.path}: ${p.message}` : p.message,
    code: p.path || 'policy',
    related: [],
  }));
}

/** Violations grouped by the clause they break, in order of first appearance. */
export function violationsByClause(violations: readonly PolicyViolation[]): Map<string, PolicyViolation[]> {
  const byClause = new Map<string, PolicyViolation[]>();
  for (const v of violations) {
    let list = byClause.get(v.clause.path);
    if (!list) byClause.set(v.clause.path, (list = []));
    list.push(v);
  }
  return byClause;
}

export function reportDiagnostics(report: PolicyReport, targets: readonly TargetResult[]): PolicyDiagnostic[] {
  const out: PolicyDiagnostic[] = [];
  for (const [path, list] of violationsByClause(report.violations)) {
    const shown = list.slice(0, LISTED).map(v => v.message);
    const more = list.length > LISTED ? [`… and ${list.length - LISTED} more`] : [];
    out.push({
      range: list[0].clause.at,
      severity: 'warning',
      message: list.length === 1 ? `Policy violation: ${shown[0]}` : `${list.length} policy violations of ${path}:\n${[...shown, ...more].join('\n')}`,
      code: path,
      related: list.flatMap(v => spotOf(v, targets)).slice(0, RELATED),
    });
  }
  for (const u of [...(report.unmatchedAssistants ?? []), ...(report.unmatchedMcp ?? [])]) {
    out.push({ range: u.at, severity: 'warning', message: u.message, code: `${u.path} (unmatched)`, related: [] });
  }
  for (const u of report.unusedSuppressions) {
    out.push({ range: u.at, severity: 'info', message: `Suppression matched nothing: ${u.message}`, code: u.path, related: [] });
  }
  return out;
}

function spotOf(v: PolicyViolation, targets: readonly TargetResult[]): RelatedSpot[] {
  const target = targets[v.assistant.index];
  const server = v.mcpServer;
  if (target && server) {
    const { file, line, column, endLine, endColumn } = server;
    return [{ root: target.root, file, line, column, endLine, endColumn, message: `${target.id}: MCP server "${server.name}" (${server.scope} scope)` }];
  }
  const finding = v.finding && target?.findings[v.finding.index];
  // Strings-pass findings in native code have a byte offset, not a place an editor can show.
  if (!target || !finding || finding.line === undefined || finding.column === undefined) return [];
  return [
    {
      root: target.root,
      file: finding.file,
      ...(finding.entry ? { entry: finding.entry } : {}),
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine ?? finding.line,
      endColumn: finding.endColumn ?? finding.column,
      message: `${target.id}: ${finding.ruleId} (${finding.severity})`,
    },
  ];
}
