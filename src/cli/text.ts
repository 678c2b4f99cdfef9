// Human-readable output: a summary first, then each target's findings by severity with
// `file:line:col`, rule and a short excerpt. Scanned text passes through `printable` first: a finding's
// excerpt is hostile input and must not drive the terminal.
import * as os from 'node:os';
import type { Finding, NativeBinary, Severity, TargetResult } from '../core/model';
import { severityRank } from '../core/model';
import { countBySeverity, formatCounts, inReportOrder, locationOf, scannedText, shorten, summarize, type SeverityCounts } from '../core/report/summary';
import { printable } from '../core/text/safeText';
import { formatMB, plural } from '../core/text/format';
import { deltaLists, type Delta } from '../core/report/baseline';

export interface TextStyle {
  color: boolean;
  home?: string;
}

export function styleFor(stream: NodeJS.WriteStream): TextStyle {
  return { color: !!stream.isTTY && !('NO_COLOR' in process.env), home: os.homedir() };
}

const SEVERITY_COLOR: Record<Severity, string> = { high: '31;1', medium: '33', low: '36', info: '2' };

export function paint(style: TextStyle, code: string, s: string): string {
  return style.color ? `\u001b[${code}m${s}\u001b[0m` : s;
}

/** A path for the terminal: escaped (names on disk can hold anything) and `~` for the home. */
export function displayPath(p: string, style: TextStyle): string {
  p = printable(p);
  if (style.home && (p === style.home || p.startsWith(style.home + '/'))) return `~${p.slice(style.home.length)}`;
  return p;
}

export interface ReportOptions {
  style: TextStyle;
  /** Everything: all evidence, whole excerpts, every related step, the native files. */
  verbose?: boolean;
  /** Per target: how many findings below `minSeverity` were left out. */
  hidden?: readonly number[];
  minSeverity?: Severity;
  notes?: ReadonlyMap<Finding, string>;
}

/** Cuts for the terminal without --verbose: enough to judge a finding, never a wall of text. */
const BRIEF = { evidenceItems: 3, evidenceChars: 120, excerptChars: 240, related: 3, errors: 20 };
const INDENT = ' '.repeat(6);

/**
 * The terminal report: a summary of every target first (counts, errors, hosts by class), then
 * each target's findings, most severe first, by rule, then by place.
 */
export function formatReport(targets: readonly TargetResult[], options: ReportOptions, afterSummary: readonly string[] = []): string {
  if (!targets.length) return '';
  // What changed since a baseline comes right after the summary: it is what an update's reader came for.
  const parts = [formatSummary(targets, options.style), ...afterSummary];
  targets.forEach((t, i) => parts.push(formatTarget(t, options, options.hidden?.[i] ?? 0)));
  return parts.join('\n\n');
}

export function formatSummary(targets: readonly TargetResult[], style: TextStyle): string {
  const files = targets.reduce((n, t) => n + t.filesScanned, 0);
  const bytes = targets.reduce((n, t) => n + t.bytesScanned, 0);
  const out = [paint(style, '1', `Summary: ${plural(targets.length, 'target')}, ${plural(files, 'file')}, ${formatMB(bytes)} scanned`)];
  const names = targets.map(t => `${printable(t.name)}${t.version ? ` ${printable(t.version)}` : ''} (${t.kind})`);
  const width = Math.min(40, Math.max(...names.map(n => n.length)));
  targets.forEach((t, i) => {
    const s = summarize(t);
    const read = scannedText(t, s.errors);
    const errors = (s.errors ? paint(style, '33', read.scanned) : read.scanned) + (read.unread ? ` · ${read.unread}` : '');
    out.push(`  ${names[i].padEnd(width)}  ${paintCounts(s.counts, style)} · ${errors}`);
    for (const g of s.hosts) {
      const more = g.hosts > g.top.length ? `, … (+${g.hosts - g.top.length})` : '';
      out.push(`  ${' '.repeat(width)}    hosts ${g.kind} ${g.hosts}: ${g.top.map(h => `${printable(h.host)}${h.count > 1 ? ` ×${h.count}` : ''}`).join(', ')}${more}`);
    }
  });
  return out.join('\n');
}

/** One target's findings and errors; `hidden` findings below `minSeverity` were left out. */
export function formatTarget(t: TargetResult, options: ReportOptions, hidden = 0): string {
  const { style, verbose = false, notes } = options;
  const out: string[] = [];
  const version = t.version ? ` ${t.version}` : '';
  out.push(paint(style, '1', `${printable(t.name)}${printable(version)}`) + `  (${t.kind}) ${displayPath(t.root, style)}`);
  const hiddenNote = hidden ? ` (${hidden} below ${options.minSeverity ?? 'info'} not shown; --min-severity info shows them)` : '';
  out.push(`  ${plural(t.filesScanned, 'file')}, ${formatMB(t.bytesScanned)} scanned; findings: ${formatCounts(countBySeverity(t.findings))}${hiddenNote}`);
  if (t.sameFiles?.length) {
    const shown = verbose ? t.sameFiles : t.sameFiles.slice(0, 3);
    out.push(`  ${t.sameFiles.length === 1 ? '1 file is' : `${t.sameFiles.length} files are`} the same file as another (a hard link or symlink), scanned once: ${shown.map(s => `${printable(s.file)} = ${printable(s.sameAs)}`).join(', ')}${shown.length < t.sameFiles.length ? ` … (+${t.sameFiles.length - shown.length} more)` : ''}`);
  }
  if (t.skippedTests) out.push(`  ${plural(t.skippedTests, 'JavaScript file')} in test, spec or benchmark folders (or named *.test.js, *.spec.js; on disk or in archives) not scanned; --include-tests scans them`);
  for (const [language, o] of Object.entries(t.otherSources ?? {})) {
    const deps = o.files - o.own;
    const first = o.first.length ? `: ${o.first.map(printable).join(', ')}${o.own > o.first.length ? ', …' : ''}` : '';
    out.push(`  ${plural(o.files, `${language} file`)}${deps ? ` (${deps} in dependencies)` : ''} not scanned: only JavaScript is analysed${first}`);
  }
  const archives = t.binaries?.filter(b => b.format === 'archive') ?? [];
  const natives = t.binaries?.filter(b => b.format !== 'archive') ?? [];
  if (natives.length) {
    if (verbose) {
      out.push('', `  native code (${natives.length}):`);
      for (const b of natives) out.push(`    ${printable(b.file)}  ${describeBinary(b)}`);
    } else {
      out.push(`  native code: ${plural(natives.length, 'file')}, read for embedded JavaScript or strings (--verbose lists them)`);
    }
  }
  if (archives.length) {
    if (verbose) {
      out.push('', `  archives (${archives.length}):`);
      for (const b of archives) out.push(`    ${printable(b.file)}  ${describeBinary(b)}`);
    } else {
      out.push(`  archives: ${plural(archives.length, 'file')} (zip or tarball), their JavaScript entries scanned (--verbose lists them)`);
    }
  }
  let severity: Severity | undefined;
  for (const f of inReportOrder(t.findings)) {
    if (f.severity !== severity) {
      severity = f.severity;
      out.push('', `  ${paint(style, SEVERITY_COLOR[f.severity], f.severity.toUpperCase())}`);
    }
    out.push(...formatFinding(f, style, verbose, notes?.get(f)));
  }
  if (t.errors.length) {
    out.push('', `  ${paint(style, '33', `not fully scanned (${t.errors.length}):`)}`);
    const shown = verbose ? t.errors : t.errors.slice(0, BRIEF.errors);
    for (const e of shown) out.push(`    ${printable(e.entry ? `${e.file} :: ${e.entry}` : e.file)}: ${printable(e.message)}`);
    if (shown.length < t.errors.length) out.push(`    … (+${t.errors.length - shown.length} more; --verbose lists them)`);
  }
  return out.join('\n');
}

function formatFinding(f: Finding, style: TextStyle, verbose: boolean, note: string | undefined): string[] {
  const sev = paint(style, SEVERITY_COLOR[f.severity], f.severity.padEnd(6));
  const times = f.places && f.places > 1 ? ` (${f.places} places)` : f.count && f.count > 1 ? ` (×${f.count})` : '';
  const out = [`    ${printable(locationOf(f))}  ${sev} ${f.ruleId.padEnd(22)} ${printable(f.message)}${times}${note ? paint(style, '2', ` (${note})`) : ''}`];
  if (f.evidence.length) {
    const items = verbose ? f.evidence : f.evidence.slice(0, BRIEF.evidenceItems).map(e => shorten(e, BRIEF.evidenceChars));
    const more = items.length < f.evidence.length ? `; … (+${f.evidence.length - items.length} more)` : '';
    out.push(`${INDENT}evidence: ${printable(items.join('; '))}${more}`);
  }
  if (f.decodedFrom && !f.evidence.some(e => e.includes(f.decodedFrom!))) out.push(`${INDENT}decoded: ${printable(verbose ? f.decodedFrom : shorten(f.decodedFrom, BRIEF.evidenceChars))}`);
  // Low findings are many and plain; their excerpt is one --verbose away.
  if (f.excerpt && (verbose || severityRank(f.severity) >= severityRank('medium'))) {
    out.push(`${INDENT}${paint(style, '2', printable(verbose ? f.excerpt : shorten(f.excerpt, BRIEF.excerptChars)))}`);
  }
  const related = verbose ? f.related : f.related.slice(0, BRIEF.related);
  for (const r of related) out.push(`${INDENT}-> ${printable(locationOf(r))} ${printable(r.message)}`);
  if (related.length < f.related.length) out.push(`${INDENT}-> … (+${f.related.length - related.length} more; --verbose shows them)`);
  return out;
}

/** Changes below medium listed one by one at most; more are counted by rule. */
const LISTED_BELOW_MEDIUM = 15;

/** "What changed in X old -> new": new kinds of behaviour, hosts and vendors first, then the findings. */
export function formatDelta(d: Delta, style: TextStyle, minSeverity: Severity = 'low'): string {
  const out = [paint(style, '1', `What changed in ${printable(d.name)} ${printable(d.from ?? '(baseline)')} -> ${printable(d.to ?? '(now)')}`) + `: ${d.added.length} new, ${d.removed.length} gone, ${d.unchanged} unchanged`];
  for (const [label, items] of deltaLists(d)) if (items.length) out.push(`  ${label}: ${printable(items.join(', '))}`);
  for (const [label, findings] of [['added', d.added], ['gone', d.removed]] as const) {
    // Medium and above one by one; below, one by one too while they fit on a screen, else counted by rule.
    const kept = findings.filter(f => severityRank(f.severity) >= severityRank(minSeverity));
    const below = kept.filter(f => severityRank(f.severity) < severityRank('medium'));
    const shown = inReportOrder(below.length <= LISTED_BELOW_MEDIUM ? kept : kept.filter(f => !below.includes(f)));
    const rest = kept.filter(f => !shown.includes(f));
    if (shown.length) {
      out.push(`  ${label}:`);
      for (const f of shown) out.push(`    ${paint(style, SEVERITY_COLOR[f.severity], f.severity.padEnd(6))} ${f.ruleId.padEnd(22)} ${printable(locationOf(f))}  ${printable(f.message)}`);
    }
    // Below medium, counted by rule under each severity's own name.
    for (const severity of ['low', 'info'] as const) {
      const byRule = new Map<string, number>();
      for (const f of rest) if (f.severity === severity) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      if (byRule.size) out.push(`  ${label}, ${severity}: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
    }
  }
  return out.join('\n');
}

function paintCounts(counts: SeverityCounts, style: TextStyle): string {
  const parts = (['high', 'medium', 'low', 'info'] as const).filter(s => counts[s]).map(s => paint(style, SEVERITY_COLOR[s], `${counts[s]} ${s}`));
  return parts.length ? parts.join(', ') : 'no findings';
}

/** `bun, elf executable, 402.3 MB: 3914 modules (js 3900 = 67.0 MB, native 2, other 12)`; `zip archive, 1.2 MB: 40 entries (…)` */
export function describeBinary(b: NativeBinary): string {
  const archive = b.format === 'archive';
  const parts = [archive ? `${b.container} archive, ${formatMB(b.size)}` : `${b.format}, ${b.container} ${b.kind}, ${formatMB(b.size)}`];
  if (b.format === 'strings') {
    if (b.strings !== undefined) parts.push(`${b.strings} strings read`);
  } else {
    const byLanguage = new Map<string, { count: number; bytes: number }>();
    for (const m of b.modules) {
      const entry = byLanguage.get(m.language) ?? { count: 0, bytes: 0 };
      entry.count++;
      entry.bytes += m.size;
      byLanguage.set(m.language, entry);
    }
    const counts = [...byLanguage].map(([language, { count, bytes }]) => (language === 'js' ? `js ${count} = ${formatMB(bytes)}` : `${language} ${count}`));
    parts.push(`${(archive ? plural(b.modules.length, 'entry', 'entries') : plural(b.modules.length, 'module'))}${counts.length ? ` (${counts.join(', ')})` : ''}`);
  }
  if (b.codeCache) parts.push('V8 code cache');
  if (b.execArgv?.length) parts.push(`exec argv: ${printable(b.execArgv.join(' '))}`);
  return parts.join('; ');
}

export function reachesSeverity(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some(f => severityRank(f.severity) >= severityRank(threshold));
}
