// The policy part of the CLI's output: problems in the policy file as `file:line:col:` lines
// (editors and CI annotate those), and violations grouped by the clause they break.
import * as path from 'node:path';
import type { PolicyProblem, PolicyReport } from '../core/model/policy';
import { violationsByClause } from '../core/policy/diagnostics';
import { printable } from '../core/text/safeText';
import { plural } from '../core/text/format';
import { paint, type TextStyle } from './text';

/** A path as the user typed it would show it: relative to the current directory when inside it. */
export function shownPolicyPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function formatProblem(file: string, p: PolicyProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.severity}: ${p.path ? `${p.path}: ` : ''}${printable(p.message)}`;
}

export function formatPolicyReport(report: PolicyReport, shownFile: string, style: TextStyle): string {
  const out: string[] = [];
  const n = report.violations.length;
  const suppressed = report.suppressed.length ? `, ${plural(report.suppressed.length, 'finding')} suppressed` : '';
  const headline = n ? paint(style, '31;1', plural(n, 'violation')) : 'no violations';
  out.push(`${paint(style, '1', 'Policy')} ${printable(shownFile)}: ${headline}${suppressed}`);

  for (const [clausePath, list] of violationsByClause(report.violations)) {
    const c = list[0].clause;
    out.push(`  ${printable(clausePath)} "${printable(c.text)}" (${shownFile}:${c.at.line}:${c.at.column})`);
    for (const v of list) out.push(`    ${printable(v.message)}`);
  }
  for (const u of [...(report.unmatchedAssistants ?? []), ...(report.unmatchedMcp ?? [])]) out.push(`  ${paint(style, '33', 'warning')}: ${printable(u.path)} (${shownFile}:${u.at.line}:${u.at.column}): ${printable(u.message)}`);
  if (report.unusedSuppressions.length) {
    out.push('  suppressions that matched nothing:');
    for (const u of report.unusedSuppressions) out.push(`    ${printable(u.path)} (${shownFile}:${u.at.line}:${u.at.column}): ${printable(u.message)}`);
  }
  return out.join('\n');
}
