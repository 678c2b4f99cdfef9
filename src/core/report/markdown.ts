// The Markdown report: a table of assistants by category first, then what changed since a
// baseline, then each assistant's findings by severity. Scanned text (excerpts, evidence,
// names found on disk) is hostile: inline it is escaped so it cannot open a link, an image,
// HTML or a table cell; excerpts sit in fences longer than any backtick run inside them.
import { CATEGORIES, SEVERITIES, type AuditResult, type Category, type Finding, type TargetResult } from '../model';
import { printable } from '../text/safeText';
import { formatMB, plural } from '../text/format';
import { formatCounts, highestSeverity, inReportOrder, locationOf, scannedText, shorten, summarize } from './summary';
import { deltaLists, type Comparison, type Delta } from './baseline';

export interface MarkdownOptions {
  /** Everything: all evidence, whole excerpts and every related step. */
  verbose?: boolean;
  /** Per target (same index as `result.targets`). */
  comparisons?: ReadonlyArray<Comparison | undefined>;
  deltas?: ReadonlyArray<Delta | undefined>;
  /** Date printed in the heading; left out when absent so that reports compare byte for byte. */
  generated?: Date;
  /** Only what changed (the deltas), not every finding: what `diff` prints. */
  changesOnly?: boolean;
}

const BRIEF = { evidenceItems: 5, evidenceChars: 200, excerptChars: 300, related: 5 };

export function toMarkdown(result: AuditResult, options: MarkdownOptions = {}): string {
  const out: string[] = [`# ${result.tool.name} report`, ''];
  out.push(`${result.tool.name} ${result.tool.version}${options.generated ? `, ${options.generated.toISOString()}` : ''}: ${plural(result.targets.length, 'target')}. Evidence, not verdicts: each finding says where to read the code.`, '');
  if (!result.targets.length) {
    out.push('No AI assistants were found to audit.', '');
    return out.join('\n');
  }
  out.push('## Summary', '', ...summaryTable(result.targets), '');
  for (const [i, t] of result.targets.entries()) {
    const s = summarize(t);
    out.push(`- **${inline(targetTitle(t))}**: ${plural(t.filesScanned, 'file')}, ${formatMB(t.bytesScanned)} scanned; findings: ${formatCounts(s.counts)}; ${readText(t, s.errors)}`);
    for (const g of s.hosts) out.push(`  - hosts, ${g.kind} (${g.hosts}): ${g.top.map(h => code(h.host)).join(', ')}${g.hosts > g.top.length ? ', …' : ''}`);
    if (options.deltas?.[i]) out.push(`  - changed since ${inline(options.deltas[i]!.from ?? 'the baseline')}: ${options.deltas[i]!.added.length} new, ${options.deltas[i]!.removed.length} gone`);
  }
  out.push('');
  for (const [i, t] of result.targets.entries()) {
    const d = options.deltas?.[i];
    if (d) out.push(...deltaSection(d), '');
    if (!options.changesOnly) out.push(...targetSection(t, options, options.comparisons?.[i]), '');
  }
  return out.join('\n');
}

/** Assistants by category: each cell the count and the highest severity, `·` for none. */
function summaryTable(targets: readonly TargetResult[]): string[] {
  const used = CATEGORIES.filter(c => targets.some(t => t.findings.some(f => f.category === c)));
  const rows = [`| Assistant | ${used.join(' | ')} | not fully scanned |`, `|---|${used.map(() => '---:').join('|')}|---:|`];
  for (const t of targets) {
    const cells = used.map(c => cell(t.findings.filter(f => f.category === c)));
    rows.push(`| ${inline(targetTitle(t))} | ${cells.join(' | ')} | ${t.errors.length || '·'} |`);
  }
  return rows;
}

function cell(findings: Finding[]): string {
  const top = highestSeverity(findings);
  return top ? `${findings.length} (${top})` : '·';
}

function deltaSection(d: Delta): string[] {
  const out = [`## What changed in ${inline(d.name)} ${inline(d.from ?? '(baseline)')} → ${inline(d.to ?? '(now)')}`, ''];
  out.push(`${d.added.length} new, ${d.removed.length} gone, ${plural(d.unchanged, 'unchanged finding')}.`, '');
  for (const [label, items] of deltaLists(d)) if (items.length) out.push(`- ${label[0].toUpperCase()}${label.slice(1)}: ${items.map(code).join(', ')}`);
  for (const [label, findings] of [['Added', d.added], ['Gone', d.removed]] as const) {
    const notable = inReportOrder(findings).filter(f => f.severity === 'high' || f.severity === 'medium');
    if (!notable.length) continue;
    out.push('', `### ${label} (medium and high)`, '');
    for (const f of notable) out.push(`- ${f.severity} ${code(f.ruleId)} ${code(locationOf(f))}: ${inline(f.message)}`);
  }
  return out;
}

function targetSection(t: TargetResult, options: MarkdownOptions, comparison: Comparison | undefined): string[] {
  const out = [`## ${inline(targetTitle(t))}`, '', `Root: ${code(t.root)}`, ''];
  const states = comparison ? new Map(comparison.current.map(c => [c.finding, c.state])) : undefined;
  for (const severity of [...SEVERITIES].reverse()) {
    const findings = inReportOrder(t.findings.filter(f => f.severity === severity));
    if (!findings.length) continue;
    out.push(`### ${severity[0].toUpperCase()}${severity.slice(1)} (${findings.length})`, '');
    for (const f of findings) out.push(...findingItem(f, options.verbose ?? false, states?.get(f)), '');
  }
  if (comparison?.gone.length) {
    out.push(`### Gone since the baseline (${comparison.gone.length})`, '');
    for (const f of inReportOrder(comparison.gone)) out.push(`- ${f.severity} ${code(f.ruleId)} ${code(locationOf(f))}: ${inline(f.message)}`);
    out.push('');
  }
  if (t.errors.length) {
    out.push(`### Not fully scanned (${t.errors.length})`, '');
    for (const e of t.errors) out.push(`- ${code(e.entry ? `${e.file} :: ${e.entry}` : e.file)}: ${inline(e.message)}`);
  }
  return out;
}

function findingItem(f: Finding, verbose: boolean, state: 'new' | 'unchanged' | undefined): string[] {
  const mark = state === 'new' ? ' **new**' : '';
  const out = [`- ${code(f.ruleId)} at ${code(locationOf(f))}${mark}: ${inline(f.message)}`];
  if (f.evidence.length) {
    const items = verbose ? f.evidence : f.evidence.slice(0, BRIEF.evidenceItems).map(e => shorten(e, BRIEF.evidenceChars));
    const more = items.length < f.evidence.length ? ` … (+${f.evidence.length - items.length} more)` : '';
    out.push(`  - evidence: ${items.map(code).join('; ')}${more}`);
  }
  if (f.decodedFrom) out.push(`  - decoded: ${code(f.decodedFrom)}`);
  const related = verbose ? f.related : f.related.slice(0, BRIEF.related);
  for (const r of related) out.push(`  - step ${code(locationOf(r))}: ${inline(r.message)}`);
  if (related.length < f.related.length) out.push(`  - … (+${plural(f.related.length - related.length, 'more step')})`);
  if (f.excerpt) out.push('', ...fenced(verbose ? f.excerpt : shorten(f.excerpt, BRIEF.excerptChars), '  '));
  return out;
}

function targetTitle(t: TargetResult): string {
  return `${t.name}${t.version ? ` ${t.version}` : ''} (${t.kind})`;
}

/** Inline text: visible escapes for control characters, every Markdown and HTML sign escaped (a `|` cannot end a table cell). */
export function inline(s: string): string {
  return (
    printable(s)
      .replace(/[\\`*_{}[\]()#!|<>~&@]/g, ch => `\\${ch}`)
      // GitHub turns bare URLs, www. names and e-mail addresses into links: scanned text must stay text.
      .replace(/:\/\//g, ':\\/\\/')
      .replace(/\bwww\./gi, m => `${m.slice(0, 3)}\\.`)
  );
}

/** Inline code whose delimiter is longer than any backtick run inside it. */
export function code(s: string): string {
  const text = printable(s);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map(m => m[0].length));
  const tick = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${tick}${pad}${text}${pad}${tick}`;
}

/** A fenced block that no line of the text can close. */
export function fenced(s: string, indent = ''): string[] {
  const text = printable(s);
  const longest = Math.max(2, ...[...text.matchAll(/`+|~+/g)].map(m => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${indent}${fence}text`, `${indent}${text}`, `${indent}${fence}`];
}

function readText(t: TargetResult, errors: number): string {
  const read = scannedText(t, errors);
  return `${errors ? `**${read.scanned}**` : read.scanned}${read.unread ? `; ${read.unread}` : ''}`;
}

