// The text of the Finding Details document. Pure (no vscode import) so unit tests read it.
// It is a plain-text document, not HTML or markdown: scanned text (messages, evidence,
// decoded values, step messages, paths) can never become markup or a live link here, and
// `printable` makes control, bidi and zero-width characters visible. The only links are the
// ones this module lists, by their place in the text.
import * as path from 'node:path';
import type { Finding, TargetResult } from '../core/model';
import type { RuleInfo } from '../core/rules/catalog';
import { printable } from '../core/text/safeText';
import type { FindingLocation } from './openFinding';
import { shownPath, type ConfigPlaces } from './configPlaces';

export type DetailsLinkTarget = { kind: 'location'; location: FindingLocation } | { kind: 'ruleDoc'; ruleId: string };

/** A link in the text: 0-based line, and the [start, end) columns on it. */
export interface DetailsLink {
  line: number;
  start: number;
  end: number;
  target: DetailsLinkTarget;
}

export interface DetailsInput {
  target: Pick<TargetResult, 'root' | 'name' | 'version' | 'kind'>;
  finding: Finding;
  rule?: Pick<RuleInfo, 'id' | 'title' | 'category'>;
  /** The rule's page (docs/rules/<id>.md), when it could be read. */
  doc?: string;
  places: ConfigPlaces;
  /** The reason of the policy suppression that accepts the finding, when one does. */
  suppressed?: string;
}

export const RULE_DOC_LINK = 'Open Rule Documentation';
/** The sections of a rule page a reviewer needs next to a finding, in this order. */
const DOC_SECTIONS = ['What it finds', 'False positives', 'What to do'] as const;

/** The body of `## heading` in a rule page, as plain text (link targets and emphasis dropped). */
export function ruleDocSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex(l => l.trim() === `## ${heading}`);
  if (at < 0) return undefined;
  const end = lines.findIndex((l, i) => i > at && /^#{1,2} /.test(l));
  const body = lines.slice(at + 1, end < 0 ? undefined : end).join('\n').trim();
  return body
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1');
}

/**
 * The editor makes every `http://`, `https://` and `file://` in a text document a link, ours
 * included: a URL found in scanned code is written defanged (`https[:]//host`, as threat
 * reports do) so that a click in the details never contacts a host the code names.
 */
export function inert(s: string): string {
  return printable(s).replace(/:\/\//g, '[:]//');
}

/** How a place is named: settings files as a person knows them, modules inside their binary. */
function placeName(root: string, loc: { file: string; entry?: string }, isConfig: boolean, places: ConfigPlaces): string {
  if (loc.entry) return `${loc.file} › ${loc.entry}`;
  return isConfig ? shownPath(path.join(root, loc.file), places) : loc.file;
}

export function renderDetails(input: DetailsInput): { text: string; links: DetailsLink[] } {
  const { target, finding: f, rule, doc, places, suppressed } = input;
  const isConfig = f.source === 'config';
  const lines: string[] = [];
  const links: DetailsLink[] = [];
  // Every line goes through inert: one line of text per entry, nothing hidden, no live link.
  const add = (s = '') => lines.push(inert(s));
  /** Adds `prefix + linked + suffix`, the linked part a link. */
  const addLinked = (prefix: string, linked: string, suffix: string, link: DetailsLinkTarget) => {
    const p = inert(prefix);
    const l = inert(linked);
    links.push({ line: lines.length, start: p.length, end: p.length + l.length, target: link });
    lines.push(p + l + inert(suffix));
  };
  const indent = (text: string, by = '  ') => text.split('\n').forEach(l => add(l ? by + l : ''));

  add('AI Tool Audit · Finding Details (read-only; scanned text is shown as plain text, invisible characters as \\u{…}, web addresses as https[:]//…)');
  add();
  add(f.message);
  add();
  add(`Severity:   ${f.severity}${f.confidence === 'approximate' ? ' (approximate: found in native code by the strings pass)' : ''}${f.partial ? ' (partial parse)' : ''}`);
  if (suppressed !== undefined) add(`Suppressed: by the workspace policy: ${suppressed}`);
  addLinked(`Rule:       ${f.ruleId}${rule ? ` · ${rule.title}` : ''}   `, RULE_DOC_LINK, '', { kind: 'ruleDoc', ruleId: f.ruleId });
  add(`Category:   ${f.category}`);
  add(`Assistant:  ${target.name}${target.version ? ` ${target.version}` : ''} (${target.kind})`);
  const where = placeName(target.root, f, isConfig, places);
  if (f.line !== undefined && f.column !== undefined) {
    const location: FindingLocation = { root: target.root, file: f.file, ...(f.entry ? { entry: f.entry } : {}), line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn };
    addLinked('Location:   ', `${where}:${f.line}:${f.column}`, '', { kind: 'location', location });
  } else {
    add(`Location:   ${where} @ byte ${f.offset ?? 0} (native code: a byte offset, no line to open)`);
  }
  if (isConfig) {
    if (f.configKey) add(`Setting:    ${f.configKey}`);
    if (f.scope) add(`Scope:      ${f.scope}${f.scope === 'project' ? ' (arrives with the repository)' : ''}`);
    if (f.mcpServer) add(`MCP server: ${f.mcpServer}`);
  }
  if (f.host) add(`Host:       ${f.host}`);
  if (f.vendor?.length) add(`Vendor:     ${f.vendor.join(', ')}`);
  if (f.country?.length) add(`Country:    ${f.country.join(', ')}`);
  if (f.count && f.count > 1) add(`Reported:   ${f.count} times at this very place (merged)`);
  if (f.places && f.places > 1) add(`Stands for: ${f.places} places in the file (the first are the steps below)`);

  add();
  add('Evidence');
  if (!f.evidence.length) add('  (none recorded)');
  // One line per item: a line break inside scanned evidence shows as \u{A}, not as another item.
  for (const e of f.evidence) add(`  - ${e}`);
  if (f.decodedFrom) add(`  Decoded from: ${f.decodedFrom}`);
  if (f.excerpt) add(`  Excerpt: ${f.excerpt}`);

  add();
  if (f.related.length) {
    add(`Correlated steps (${f.related.length}, in the order to follow them; each place opens the code there)`);
    f.related.forEach((r, i) => {
      const location: FindingLocation = { root: target.root, file: r.file, ...(r.entry ? { entry: r.entry } : {}), line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
      addLinked(`  ${i + 1}. `, `${placeName(target.root, r, isConfig, places)}:${r.line}:${r.column}`, `  ${r.message}`, { kind: 'location', location });
    });
  } else {
    add('Correlated steps: none (a single place)');
  }

  for (const heading of DOC_SECTIONS) {
    const body = doc && ruleDocSection(doc, heading);
    add();
    add(heading === 'What it finds' ? `What it finds (from the rule documentation)` : heading);
    if (body) indent(body);
    else add(`  (the rule documentation has no "${heading}" section)`);
  }
  return { text: `${lines.join('\n')}\n`, links };
}
