// Turns scans of the pinned corpus into docs/corpus-report.md: findings per rule, the hosts
// the code names, the telemetry SDKs it ships, the correlations, and where to read sample
// hits. Pure functions over scan results, so the format is tested without the corpus.
import { byPosition, SEVERITIES, severityRank, type Finding, type Severity, type TargetResult } from '../src/core/model';
import { printable } from '../src/core/text/safeText';

export interface PackageScan {
  spec: string;
  why: string;
  result: TargetResult;
  seconds: number;
}

export interface RuleCount {
  rule: string;
  bySeverity: Record<Severity, number>;
  total: number;
}

export interface HostCount {
  host: string;
  count: number;
  kind: string;
  worst: Severity;
}

const HOSTS_SHOWN = 15;
const SAMPLES_PER_RULE = 5;
const CORRELATIONS_SHOWN = 25;
const CORRELATION_IDS = new Set(['region-gating', 'endpoint-check', 'exfiltration', 'download-exec', 'config-tamper']);

export function countByRule(findings: readonly Finding[]): RuleCount[] {
  const byRule = new Map<string, RuleCount>();
  for (const f of findings) {
    let row = byRule.get(f.ruleId);
    if (!row) byRule.set(f.ruleId, (row = { rule: f.ruleId, bySeverity: { high: 0, medium: 0, low: 0, info: 0 }, total: 0 }));
    row.bySeverity[f.severity]++;
    row.total++;
  }
  return [...byRule.values()].sort((a, b) => worstRank(b) - worstRank(a) || b.total - a.total || a.rule.localeCompare(b.rule));
}

function worstRank(r: RuleCount): number {
  return Math.max(...SEVERITIES.filter(s => r.bySeverity[s] > 0).map(severityRank));
}

/** Hosts named by network-endpoint findings (`host X` evidence), computed hosts left out. */
export function topHosts(findings: readonly Finding[], limit = HOSTS_SHOWN): HostCount[] {
  const hosts = new Map<string, HostCount>();
  for (const f of findings) {
    if (f.ruleId !== 'network-endpoint') continue;
    const host = f.evidence[0]?.startsWith('host ') ? f.evidence[0].slice(5) : undefined;
    if (!host || /^\*+$/.test(host)) continue;
    const kind = f.evidence[1]?.replace(/^class /, '') ?? '';
    const row = hosts.get(host) ?? { host, count: 0, kind, worst: f.severity };
    row.count++;
    if (severityRank(f.severity) > severityRank(row.worst)) row.worst = f.severity;
    hosts.set(host, row);
  }
  return [...hosts.values()].sort((a, b) => severityRank(b.worst) - severityRank(a.worst) || b.count - a.count || a.host.localeCompare(b.host)).slice(0, limit);
}

/** SDK name -> the files it was found in. */
export function telemetrySdks(findings: readonly Finding[]): Map<string, string[]> {
  const sdks = new Map<string, string[]>();
  for (const f of findings) {
    if (f.ruleId !== 'telemetry-sdk') continue;
    const name = f.evidence.find(e => e.startsWith('sdk '))?.slice(4);
    if (!name) continue;
    const files = sdks.get(name) ?? [];
    files.push(where(f));
    sdks.set(name, files);
  }
  return new Map([...sdks.entries()].sort((a, b) => a[0].localeCompare(b[0])));
}

export function where(f: Finding): string {
  return `${f.entry ? `${f.file}#${f.entry}` : f.file}:${f.line}:${f.column}`;
}

/** Scanned text in a Markdown table cell: printable, no pipes or backticks, one line, cut. */
export function cell(s: string, max = 110): string {
  const flat = printable(s.replace(/[\r\n\t]+/g, ' ')).replace(/[|`<>]/g, ch => `\\${ch}`).trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function samples(findings: readonly Finding[], rule: string): Finding[] {
  return findings
    .filter(f => f.ruleId === rule)
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || byPosition(a, b))
    .slice(0, SAMPLES_PER_RULE);
}

export function renderPackage(p: PackageScan): string {
  const { result: r } = p;
  const out: string[] = [];
  out.push(`## ${cell(p.spec, 200)}`, '', `${cell(p.why, 300)}.`, '');
  out.push(`${r.filesScanned === 1 ? '1 JavaScript file' : `${r.filesScanned} JavaScript files`}, ${(r.bytesScanned / 1024 / 1024).toFixed(1)} MB, scanned in ${p.seconds.toFixed(1)} s; ${r.findings.length} findings; ${r.errors.length} error entr${r.errors.length === 1 ? 'y' : 'ies'}.`, '');
  if (r.filesScanned === 0) out.push('No JavaScript files in the package (a native build: the embedded JavaScript is extracted by the binaries work, issue 3). Manifest findings only.', '');

  const counts = countByRule(r.findings);
  if (counts.length) {
    out.push('### Findings per rule', '', '| rule | high | medium | low | info | total |', '|---|---:|---:|---:|---:|---:|');
    for (const c of counts) out.push(`| ${c.rule} | ${c.bySeverity.high} | ${c.bySeverity.medium} | ${c.bySeverity.low} | ${c.bySeverity.info} | ${c.total} |`);
    out.push('');
  }

  const hosts = topHosts(r.findings);
  out.push('### Top hosts named', '');
  if (hosts.length) {
    out.push('| host | class | findings | worst |', '|---|---|---:|---|');
    for (const h of hosts) out.push(`| ${cell(h.host, 80)} | ${cell(h.kind, 40)} | ${h.count} | ${h.worst} |`);
  } else {
    out.push('None.');
  }
  out.push('');

  const sdks = telemetrySdks(r.findings);
  out.push('### Telemetry SDKs', '');
  if (sdks.size) for (const [name, files] of sdks) out.push(`- ${cell(name, 80)}: ${files.length === 1 ? '1 file' : `${files.length} files`}, first at \`${cell(files[0], 120)}\``);
  else out.push('None found.');
  out.push('');

  const correlations = r.findings.filter(f => CORRELATION_IDS.has(f.ruleId)).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  if (correlations.length) {
    out.push('### Correlations', '');
    for (const f of correlations.slice(0, CORRELATIONS_SHOWN)) out.push(`- **${f.ruleId}** (${f.severity}) \`${cell(where(f), 120)}\`: ${cell(f.message, 200)}`);
    if (correlations.length > CORRELATIONS_SHOWN) out.push(`- … and ${correlations.length - CORRELATIONS_SHOWN} more`);
    out.push('');
  }

  if (counts.length) {
    out.push('<details><summary>Where to read: up to five hits per rule, worst first</summary>', '');
    for (const c of counts) {
      out.push(`- **${c.rule}**`);
      for (const f of samples(r.findings, c.rule)) out.push(`  - \`${cell(where(f), 120)}\` ${f.severity}: ${cell(f.message)}`);
    }
    out.push('', '</details>', '');
  }
  if (r.errors.length) {
    out.push('<details><summary>Error entries</summary>', '');
    for (const e of r.errors.slice(0, 20)) out.push(`- \`${cell(e.entry ? `${e.file}#${e.entry}` : e.file, 120)}\`: ${cell(e.message, 200)}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

export function renderReport(packages: readonly PackageScan[], missing: readonly string[], header: { tool: string; rules: number }): string {
  const out: string[] = [
    '# Corpus report',
    '',
    `Generated by \`npm run corpus-report\` (${header.tool}, ${header.rules} rules) over the pinned packages of`,
    '`scripts/corpus.json` fetched into `.cache/corpus` by `npm run corpus`. Findings of every',
    'severity are counted; "worst" is the highest severity among a host\'s findings. Hosts are',
    'those named by `network-endpoint` (requests and links alike; see its docs page).',
    '',
    '| package | JS files | MB | findings | high | medium | seconds |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const p of packages) {
    const n = (s: Severity) => p.result.findings.filter(f => f.severity === s).length;
    out.push(`| ${cell(p.spec, 80)} | ${p.result.filesScanned} | ${(p.result.bytesScanned / 1024 / 1024).toFixed(1)} | ${p.result.findings.length} | ${n('high')} | ${n('medium')} | ${p.seconds.toFixed(1)} |`);
  }
  out.push('');
  if (missing.length) out.push(`Not in the cache (run \`npm run corpus\`): ${missing.map(m => `\`${m}\``).join(', ')}.`, '');
  for (const p of packages) out.push(renderPackage(p));
  return `${out.join('\n').trimEnd()}\n`;
}
