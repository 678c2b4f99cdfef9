// The one finding builder. Rules, manifest rules, the strings pass and correlators all
// produce drafts (frozen, never changed: a correlator that decides a marker is linked to a
// gate makes a new draft); the scan engine turns each file's drafts into findings here, once:
// duplicates of the same rule at the same span merged with a count, positions, excerpt,
// fingerprint and content hash computed, the result frozen.
import { createHash } from 'node:crypto';
import type { Category, Finding, RelatedLocation, Severity } from '../model';
import { severityRank } from '../model';
import { LineIndex } from '../text/lines';
import type { Fact } from './facts';
import type { ConfigReport, FindingFields, RelatedSpan, ReportDescriptor, RuleMeta } from './types';

/** A report before it is located. */
export interface Draft {
  readonly ruleId: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  /** The template the message was made from, and its data: a re-decided draft re-renders them. */
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly start: number;
  readonly end: number;
  /** Innermost enclosing function index, -1 at module level. */
  readonly fn: number;
  readonly evidence: readonly string[];
  readonly facts: readonly Fact[];
  readonly related: readonly RelatedSpan[];
  readonly fields: Readonly<FindingFields>;
}

/** Messages stay readable in a tree row and a terminal line. */
export const MAX_MESSAGE = 199;
const MAX_VALUE = 90;
const MAX_EVIDENCE = 24;
const MAX_EVIDENCE_TEXT = 240;

/** `{{name}}` in a template replaced by `data.name`, each value and the whole cut with an ellipsis. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  const text = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in data)) throw new Error(`message template needs {{${name}}}`);
    return clip(String(data[name]).replace(/\s+/g, ' '), MAX_VALUE);
  });
  return clip(text, MAX_MESSAGE);
}

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A rule's report as a draft: the message from the rule's template, everything frozen. */
export function draftOf(meta: Pick<RuleMeta, 'id' | 'category' | 'severity' | 'messages'>, d: ReportDescriptor, fn: number): Draft {
  const template = meta.messages[d.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message "${d.messageId}"`);
  const fields: FindingFields = {};
  if (d.host !== undefined) fields.host = d.host;
  if (d.vendor?.length) fields.vendor = [...new Set(d.vendor)];
  if (d.country?.length) fields.country = [...new Set(d.country)];
  if (d.decodedFrom !== undefined) fields.decodedFrom = d.decodedFrom;
  if (d.places !== undefined && d.places > 1) fields.places = d.places;
  return Object.freeze({
    ruleId: meta.id,
    category: meta.category,
    severity: d.severity ?? meta.severity,
    message: formatMessage(template, d.data),
    messageId: d.messageId,
    data: Object.freeze({ ...(d.data ?? {}) }),
    start: d.node.start,
    end: d.node.end,
    fn,
    evidence: Object.freeze((d.evidence ?? []).slice(0, MAX_EVIDENCE).map(e => clip(e, MAX_EVIDENCE_TEXT))),
    facts: Object.freeze([...(d.facts ?? [])]),
    related: Object.freeze((d.related ?? []).map(r => Object.freeze({ ...r }))),
    fields: Object.freeze(fields),
  });
}

/**
 * The same draft with some parts decided differently (a new object: drafts are never changed).
 * A new `messageId` re-renders the message from `meta`'s template with the draft's data.
 */
export function redraft(draft: Draft, changes: Partial<Pick<Draft, 'severity' | 'related' | 'evidence' | 'messageId'>>, meta?: Pick<RuleMeta, 'id' | 'messages'>): Draft {
  let message = draft.message;
  if (changes.messageId !== undefined) {
    const template = meta?.messages[changes.messageId];
    if (template === undefined) throw new Error(`rule ${draft.ruleId} has no message "${changes.messageId}"`);
    message = formatMessage(template, draft.data);
  }
  return Object.freeze({ ...draft, ...changes, message, related: Object.freeze([...(changes.related ?? draft.related)]), evidence: Object.freeze([...(changes.evidence ?? draft.evidence)]) });
}

export interface SourcePlace {
  /** Relative to the target root (the binary's path for embedded modules). */
  file: string;
  entry?: string;
  text: string;
  /** Function ranges by index, for `functionRange`; a wrapper is a whole module's factory. */
  functions: ReadonlyArray<{ start: number; end: number; wrapper?: boolean }>;
  /** Parsed by the loose parser only. */
  partial: boolean;
  /** For code run from a string of another text: the call that runs it, shown beside every finding. */
  ranFrom?: RelatedLocation;
}

/**
 * A draft found in a rewritten text (string-array reads replaced by their strings), placed
 * where its code is in the original text, with the rewritten code it was found in as evidence.
 */
export function relocateDraft(draft: Draft, toOriginal: (offset: number, side: 'start' | 'end') => number, restored?: string): Draft {
  const related = draft.related.map(r => Object.freeze({ ...r, start: toOriginal(r.start, 'start'), end: toOriginal(r.end, 'end') }));
  const evidence = restored === undefined ? draft.evidence : [...draft.evidence, clip(`with its strings restored: ${restored.replace(/\s+/g, ' ')}`, MAX_EVIDENCE_TEXT)];
  return Object.freeze({ ...draft, start: toOriginal(draft.start, 'start'), end: toOriginal(draft.end, 'end'), related: Object.freeze(related), evidence: Object.freeze([...evidence]) });
}

/** The drafts of one file or module as findings, duplicates merged, in source order. */
export function buildFindings(drafts: readonly Draft[], place: SourcePlace): Finding[] {
  const lines = new LineIndex(place.text);
  const where = place.entry ? `${place.file}#${place.entry}` : place.file;
  // acorn-loose can end a node one past the text (a closing brace it invented): spans stay in the file.
  const inText = (n: number) => Math.max(0, Math.min(n, place.text.length));
  return mergeRepeats(mergeDuplicates(drafts), place).map(({ draft: raw, count, places }) => {
    const draft = raw.start >= 0 && raw.end <= place.text.length ? raw : { ...raw, start: inText(raw.start), end: inText(raw.end) };
    const start = lines.positionAt(draft.start);
    const end = lines.positionAt(draft.end);
    const fn = draft.fn >= 0 ? place.functions[draft.fn] : undefined;
    const flagged = place.text.slice(draft.start, draft.end);
    return freezeFinding({
      ruleId: draft.ruleId,
      category: draft.category,
      severity: draft.severity,
      message: draft.message,
      file: place.file,
      ...(place.entry ? { entry: place.entry } : {}),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      evidence: [...draft.evidence],
      related: [...draft.related.map(rel => locateRelated(rel, lines, place)), ...(place.ranFrom ? [place.ranFrom] : [])],
      offset: draft.start,
      endOffset: draft.end,
      confidence: 'exact',
      ...(place.partial ? { partial: true } : {}),
      ...(fn ? { functionRange: [fn.start, fn.end] as [number, number] } : {}),
      excerpt: excerptOf(lines, draft.start),
      fingerprint: fingerprintOf(draft.ruleId, where, flagged),
      contentHash: contentHashOf(flagged),
      ...draft.fields,
      ...(places > 1 ? { places } : {}),
      ...(count > 1 ? { count } : {}),
    });
  });
}

/**
 * Whether a name the repeated code uses may be another variable at the repeat: declared again
 * between the two (`catch (r)`, a `let`/`const`/`var`, a function's or an arrow's parameter).
 * Read from the text, so it errs towards keeping the two apart.
 */
function rebindsBetween(text: string, first: Draft, repeat: Draft): boolean {
  const between = text.slice(first.end, repeat.start);
  const names = new Set(text.slice(repeat.start, repeat.end).match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? []);
  for (const name of names) {
    const escaped = name.replace(/\$/g, '\\$');
    if (new RegExp(`(?:\\b(?:let|const|var|function|class)\\s+|[(,{]\\s*|\\.\\.\\.)${escaped}\\s*[),=}:]|catch\\s*\\(\\s*${escaped}\\b|(?<![.\\w$])${escaped}\\s*=>`).test(between)) return true;
  }
  return false;
}

/** Places of a function repeating a finding that are shown as steps of the one kept. */
const MAX_REPEATS_SHOWN = 5;

/**
 * One finding per rule, function, message, evidence and code: a function that does the same
 * thing again (a retry, a fallback, each branch of a platform switch running the same command
 * the same way) is one finding standing for its places, the others shown as its steps. Not across a module's factory (a
 * wrapper: every function of a bundled module), nor at module level: there, places are apart.
 */
export function mergeRepeats(merged: ReadonlyArray<{ draft: Draft; count: number }>, place: Pick<SourcePlace, 'functions' | 'text'>): Array<{ draft: Draft; count: number; places: number }> {
  const { functions, text } = place;
  const out: Array<{ draft: Draft; count: number; places: number; repeats: Draft[] }> = [];
  const byKey = new Map<string, (typeof out)[number]>();
  for (const m of merged) {
    const fn = m.draft.fn;
    const own = fn >= 0 && fn < functions.length && !functions[fn].wrapper;
    // The same words, the same evidence and the same code written again (`execFile("pbpaste")` in
    // a retry): the same act. Two computed starts (`spawn(a)`, `spawn(b)`) stay apart.
    const key = own ? `${m.draft.ruleId}\0${fn}\0${m.draft.severity}\0${m.draft.message}\0${m.draft.evidence.join('\0')}\0${text.slice(m.draft.start, m.draft.end)}` : undefined;
    const first = key === undefined ? undefined : byKey.get(key);
    if (first && !rebindsBetween(text, first.draft, m.draft)) {
      first.repeats.push(m.draft);
      continue;
    }
    const entry = { draft: m.draft, count: m.count, places: m.draft.fields.places ?? 1, repeats: [] as Draft[] };
    out.push(entry);
    if (key !== undefined) byKey.set(key, entry);
  }
  return out.map(({ draft, count, places, repeats }) => {
    if (repeats.length === 0) return { draft, count, places };
    const related = [...draft.related, ...repeats.slice(0, MAX_REPEATS_SHOWN).map(r => ({ start: r.start, end: r.end, message: 'the same again in this function' }))];
    return { draft: redraft(draft, { related }), count, places: places + repeats.reduce((n, r) => n + (r.fields.places ?? 1), 0) };
  });
}

/** A strings-pass finding: byte offsets in a binary, no line or column, approximate. */
export function buildApproximate(draft: Draft, place: { file: string; byteStart: number; byteEnd: number; identity: string; excerpt: string; count: number }): Finding {
  return freezeFinding({
    ruleId: draft.ruleId,
    category: draft.category,
    severity: draft.severity,
    message: draft.message,
    file: place.file,
    evidence: [...draft.evidence],
    related: [],
    offset: place.byteStart,
    endOffset: place.byteEnd,
    confidence: 'approximate',
    excerpt: place.excerpt,
    fingerprint: fingerprintOf(draft.ruleId, place.file, place.identity),
    contentHash: contentHashOf(place.identity),
    ...draft.fields,
    ...(place.count > 1 ? { count: place.count } : {}),
  });
}

function locateRelated(rel: RelatedSpan, lines: LineIndex, place: SourcePlace): RelatedLocation {
  const a = lines.positionAt(rel.start);
  const b = lines.positionAt(rel.end);
  return {
    file: place.file,
    ...(place.entry ? { entry: place.entry } : {}),
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    message: clip(rel.message, MAX_MESSAGE),
  };
}

/**
 * One draft per rule and span: the first (in report order) stands for the rest, with the
 * highest severity among them, every distinct evidence string and step, and how many there were.
 */
export function mergeDuplicates(drafts: readonly Draft[]): Array<{ draft: Draft; count: number }> {
  const groups = new Map<string, { draft: Draft; count: number }>();
  for (const d of drafts) {
    const key = `${d.ruleId}\0${d.start}\0${d.end}`;
    const seen = groups.get(key);
    if (!seen) {
      groups.set(key, { draft: d, count: 1 });
      continue;
    }
    seen.count++;
    const worse = severityRank(d.severity) > severityRank(seen.draft.severity);
    const evidence = [...new Set([...seen.draft.evidence, ...d.evidence])].slice(0, MAX_EVIDENCE);
    const related = [...seen.draft.related, ...d.related.filter(r => !seen.draft.related.some(x => x.start === r.start && x.end === r.end && x.message === r.message))];
    seen.draft = redraft(worse ? d : seen.draft, { evidence, related });
  }
  return [...groups.values()].sort((a, b) => a.draft.start - b.draft.start || a.draft.end - b.draft.end);
}

function freezeFinding(f: Finding): Finding {
  Object.freeze(f.evidence);
  for (const r of f.related) Object.freeze(r);
  Object.freeze(f.related);
  if (f.functionRange) Object.freeze(f.functionRange);
  if (f.vendor) Object.freeze(f.vendor);
  if (f.country) Object.freeze(f.country);
  return Object.freeze(f);
}

function excerptOf(lines: LineIndex, offset: number): string {
  const cut = lines.excerptAt(offset);
  return `${cut.cutStart ? '…' : ''}${cut.text}${cut.cutEnd ? '…' : ''}`;
}

export function contentHashOf(flagged: string): string {
  return createHash('sha256').update(flagged).digest('hex');
}

export function fingerprintOf(ruleId: string, where: string, flagged: string): string {
  return createHash('sha256').update(`${ruleId}\0${where}\0${flagged}`).digest('hex').slice(0, 32);
}

/**
 * A config rule's report as a finding. A setting that arrives with the repository (project
 * scope) ranks one severity higher than the same setting in the user's home: cloning is enough
 * to deliver it. Decided here, before the finding exists. `stableFile` names the file the same
 * way whatever the root (`~/.claude/settings.json`), for the fingerprint.
 */
export function buildConfigFinding(meta: Pick<RuleMeta, 'id' | 'category' | 'severity' | 'messages'>, r: ConfigReport, excerpt: string | undefined, stableFile = r.at.file): Finding {
  const template = meta.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message "${r.messageId}"`);
  const base = r.severity ?? meta.severity;
  const severity = r.scope === 'project' ? raised(base) : base;
  return freezeFinding({
    ruleId: meta.id,
    category: meta.category,
    severity,
    message: formatMessage(template, r.data),
    file: r.at.file,
    line: r.at.line,
    column: r.at.column,
    endLine: r.at.endLine,
    endColumn: r.at.endColumn,
    evidence: (r.evidence ?? []).slice(0, MAX_EVIDENCE).map(e => clip(e, MAX_EVIDENCE_TEXT)),
    related: (r.related ?? []).map(x => ({ file: x.at.file, line: x.at.line, column: x.at.column, endLine: x.at.endLine, endColumn: x.at.endColumn, message: clip(x.message, MAX_MESSAGE) })),
    offset: r.at.offset,
    endOffset: r.at.endOffset,
    confidence: 'exact',
    ...(excerpt !== undefined ? { excerpt } : {}),
    fingerprint: fingerprintOf(meta.id, `${stableFile}#${r.at.key}`, r.identity),
    contentHash: contentHashOf(r.identity),
    ...(r.host !== undefined ? { host: r.host } : {}),
    ...(r.vendor?.length ? { vendor: [...new Set(r.vendor)] } : {}),
    ...(r.country?.length ? { country: [...new Set(r.country)] } : {}),
    source: 'config',
    configKey: r.at.key,
    scope: r.scope,
    ...(r.mcpServer !== undefined ? { mcpServer: r.mcpServer } : {}),
  });
}

function raised(s: Severity): Severity {
  return s === 'info' ? 'low' : s === 'low' ? 'medium' : 'high';
}
