// What every report starts with and the order it lists findings in, shared by the terminal,
// Markdown and SARIF outputs so that they never disagree on a count or on what comes first.
import { SEVERITIES, severityRank, type Finding, type Severity, type TargetResult } from '../model';
import { classifyHost, type HostKind } from '../net/hosts';

export type SeverityCounts = Record<Severity, number>;

export interface HostCount {
  host: string;
  /** Findings naming the host. */
  count: number;
}

export interface HostGroup {
  kind: HostKind;
  /** Distinct hosts of this class. */
  hosts: number;
  /** The most named first, ties by name. */
  top: HostCount[];
}

export interface TargetSummary {
  counts: SeverityCounts;
  errors: number;
  /** Classes in a fixed order, most telling first; empty classes left out. */
  hosts: HostGroup[];
}

/** Classes a reader should see first: where data could go, not where it is documented. */
const HOST_ORDER: HostKind[] = ['raw-ip', 'third-party', 'telemetry', 'vendor-api', 'dynamic', 'localhost'];

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `3 high, 12 medium` or `none`: most severe first, zero counts left out. */
export function formatCounts(counts: SeverityCounts): string {
  const parts = [...SEVERITIES].reverse().filter(s => counts[s]).map(s => `${counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}

export function highestSeverity(findings: readonly Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (!best || severityRank(f.severity) > severityRank(best)) best = f.severity;
  return best;
}

export function summarize(t: TargetResult, topPerClass = 3): TargetSummary {
  const byKind = new Map<HostKind, Map<string, number>>();
  for (const f of t.findings) {
    if (!f.host) continue;
    const kind = classifyHost(f.host, t.ownVendors ?? []).kind;
    if (kind === 'reserved') continue;
    const hosts = byKind.get(kind) ?? new Map<string, number>();
    hosts.set(f.host, (hosts.get(f.host) ?? 0) + 1);
    byKind.set(kind, hosts);
  }
  const hosts = HOST_ORDER.filter(k => byKind.has(k)).map(kind => {
    const counts = [...byKind.get(kind)!].map(([host, count]) => ({ host, count }));
    counts.sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    return { kind, hosts: counts.length, top: counts.slice(0, topPerClass) };
  });
  return { counts: countBySeverity(t.findings), errors: t.errors.length, hosts };
}

/** Most severe first, then by rule, then by where (file, module, position). */
export function reportOrder(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.file, b.file) ||
    compareText(a.entry ?? '', b.entry ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.offset ?? 0) - (b.offset ?? 0)
  );
}

export function inReportOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(reportOrder);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `file:line:col`, `binary :: module:line:col`, or `binary@0x1f2e` for a strings-pass hit. */
export function locationOf(f: Pick<Finding, 'file' | 'entry' | 'line' | 'column' | 'offset'>): string {
  const file = f.entry ? `${f.file} :: ${f.entry}` : f.file;
  return f.line !== undefined ? `${file}:${f.line}:${f.column}` : `${file}@0x${(f.offset ?? 0).toString(16)}`;
}

/** At most `max` characters, cut with a visible ellipsis and how much was left out. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max)}… (+${s.length - max} chars)`;
}

/**
 * How completely a target was read, for a summary line: "every file scanned", or the files not
 * fully scanned; and the other-language sources no rule read (`69 TypeScript, 2 Python files not
 * read`), so a clean line never hides code the assistant ships in another language.
 */
export function scannedText(t: TargetResult, errors: number): { scanned: string; unread?: string } {
  // The package's own files: dependencies ship TypeScript sources beside the JavaScript that runs.
  const counts = Object.entries(t.otherSources ?? {}).filter(([, o]) => o.own > 0);
  const other = counts.map(([language, o]) => `${o.own.toLocaleString('en-US')} ${language}`);
  const total = counts.reduce((n, [, o]) => n + o.own, 0);
  const unread = other.length ? `${other.join(', ')} file${total === 1 ? '' : 's'} of its own not read` : undefined;
  const scanned = errors ? `${errors === 1 ? '1 file' : `${errors} files`} not fully scanned` : other.length ? 'every JavaScript file scanned' : 'every file scanned';
  return { scanned, ...(unread ? { unread } : {}) };
}

