// Human-readable output: findings grouped by target and file, `file:line:col`, severity,
// rule and a short excerpt. Scanned text passes through `printable` first: a finding's
// excerpt is hostile input and must not drive the terminal.
import * as os from 'node:os';
import type { Finding, NativeBinary, Severity, TargetResult } from '../core/model';
import { byPosition, severityRank } from '../core/model';
import { printable } from '../core/text/safeText';
import { formatMB } from '../core/scan/files';

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

export function formatTarget(t: TargetResult, style: TextStyle, hidden = 0, minSeverity: Severity = 'info', notes?: ReadonlyMap<Finding, string>): string {
  const out: string[] = [];
  const version = t.version ? ` ${t.version}` : '';
  const counts = countBySeverity(t.findings);
  out.push(paint(style, '1', `${printable(t.name)}${printable(version)}`) + `  (${t.kind}) ${displayPath(t.root, style)}`);
  const hiddenNote = hidden ? ` (${hidden} below ${minSeverity} not shown; --min-severity info shows them)` : '';
  out.push(`  ${t.filesScanned} file(s), ${formatMB(t.bytesScanned)} scanned; findings: ${summary(counts)}${hiddenNote}`);
  if (t.binaries?.length) {
    out.push('', `  native code (${t.binaries.length}):`);
    for (const b of t.binaries) out.push(`    ${printable(b.file)}  ${describeBinary(b)}`);
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of t.findings) {
    const key = f.entry ? `${f.file} :: ${f.entry}` : f.file;
    let list = byFile.get(key);
    if (!list) byFile.set(key, (list = []));
    list.push(f);
  }
  for (const [file, findings] of byFile) {
    out.push('', `  ${paint(style, '4', printable(file))}`);
    findings.sort(byPosition);
    for (const f of findings) {
      // Strings-pass findings in native code have a byte offset, not a line.
      const where = f.line !== undefined ? `${f.line}:${f.column}` : `0x${(f.offset ?? 0).toString(16)}`;
      const sev = paint(style, SEVERITY_COLOR[f.severity], f.severity.padEnd(6));
      const note = notes?.get(f);
      out.push(`    ${where.padEnd(12)} ${sev} ${f.ruleId.padEnd(22)} ${printable(f.message)}${note ? paint(style, '2', ` (${note})`) : ''}`);
      if (f.evidence.length) out.push(`${' '.repeat(17)}evidence: ${printable(f.evidence.slice(0, 8).join('; '))}${f.evidence.length > 8 ? `; … (${f.evidence.length - 8} more)` : ''}`);
      if (f.excerpt) out.push(`${' '.repeat(17)}${paint(style, '2', printable(f.excerpt))}`);
      for (const r of f.related) out.push(`${' '.repeat(17)}-> ${r.line}:${r.column} ${printable(r.message)}`);
    }
  }
  if (t.errors.length) {
    out.push('', `  errors (${t.errors.length}):`);
    for (const e of t.errors) out.push(`    ${printable(e.entry ? `${e.file} :: ${e.entry}` : e.file)}: ${printable(e.message)}`);
  }
  return out.join('\n');
}

/** `bun, elf executable, 402.3 MB: 3914 modules (js 3900 = 67.0 MB, native 2, other 12)` */
export function describeBinary(b: NativeBinary): string {
  const parts = [`${b.format}, ${b.container} ${b.kind}, ${formatMB(b.size)}`];
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
    parts.push(`${b.modules.length} module(s)${counts.length ? ` (${counts.join(', ')})` : ''}`);
  }
  if (b.codeCache) parts.push('V8 code cache');
  if (b.execArgv?.length) parts.push(`exec argv: ${printable(b.execArgv.join(' '))}`);
  return parts.join('; ');
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function summary(counts: Record<Severity, number>): string {
  const parts = (['high', 'medium', 'low', 'info'] as const).filter(s => counts[s]).map(s => `${counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'none';
}

export function reachesSeverity(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some(f => severityRank(f.severity) >= severityRank(threshold));
}
