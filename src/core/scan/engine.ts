// Scans one file's (or one embedded module's) text: parse once, walk once dispatching each
// node to the rules that asked for its type, decode hidden values, correlate facts by
// following values, then build the findings once. A pure function of its inputs whose result
// is plain data, so it can run in a worker and be cached. Every pass that fails loses only
// itself: its error is recorded and what the other passes found is still reported.
import { exportedCarriers } from '../js/carriers';
import type { Finding, ImportAnswer, RelatedLocation, ScanError, StarterSummary } from '../model';
import type { DecodedSite, Rule, RuleContext, RuleHandlers, TargetContext } from '../rules/types';
import { defaultKeywordMatcher, type KeywordMatcher } from '../catalog/keywords';
import { isFunction, type CallLike, type Node, type Parameter } from '../js/ast';
import { ancestorsOf, parameterCallee } from '../js/moduleArguments';
import { parseSource, type ParseResult } from '../js/parse';
import { splitAtStatements } from '../js/split';
import { walk } from '../js/walker';
import { MODULE, ModuleIndex } from '../js/moduleIndex';
import { scanLiteralStrings } from './strings';
import { CallGraph } from '../js/callgraph';
import { ValueFlow } from '../js/flow';
import { calleeRefOf, isRequireFunction, lookupAt, moduleRefOf, valuesOf, type ModuleLookup, type ModuleRef } from '../js/modules';
import { lateRequireBindings } from '../js/lateRequires';
import { decodeModule, type DecodedValue } from '../js/decode';
import { decodedUses } from '../js/decodedUses';
import { moduleDerivation, moduleResultCallbacks } from '../js/derivation';
import { buildFindings, draftOf, relocateDraft, type Draft } from '../rules/findings';
import { mayHoldStringArray, stringArrayEdits, type Deobfuscated } from '../js/decode/deobfuscate';
import { LineIndex } from '../text/lines';
import { PatternSet } from '../text/patternSet';
import { applyEdits } from '../text/edits';
import { otherScript } from '../text/otherScript';
import { correlate } from '../rules/correlate';
import { importsSibling, isSiblingSpecifier } from './specifiers';
import type { ModuleAnalysis } from '../rules/types';

export interface ScanSourceOptions {
  /** Path relative to the target root (the binary's path for embedded modules). */
  file: string;
  entry?: string;
  rules: readonly Rule[];
  target?: TargetContext;
  keywords?: KeywordMatcher;
  /** Texts longer than this many characters are analysed in parts (default WHOLE_MAX; tests set less). */
  wholeMax?: number;
  /** How many strings of code run by code this text is inside (0: a file or a binary's module). */
  depth?: number;
  /** For code run from a string: the call in the text that holds it, related to every finding. */
  ranFrom?: RelatedLocation;
  /** The other modules of the same program, as far as the text's imports ask about them (scan/imports.ts). */
  imports?: ModuleImports;
  /** The text is read for its exported functions that give back a parameter (js/carriers.ts), with or without rules. */
  carriers?: boolean;
}

/** Answers about the functions other modules of the program export, for one module's imports. */
export interface ModuleImports {
  /** What export `name` of the module `specifier` names (as written in this module) does, if it starts a process with what it is given. */
  starter(specifier: string, name: string): StarterSummary | undefined;
  /** The parameter export `name` of module `specifier` gives back whole on some branch (js/carriers.ts), if any. */
  carrier?(specifier: string, name: string): number | undefined;
  /**
   * The version of the program's modules as a whole (a binary's size and time; a folder's files'
   * names, sizes and times): while it is the same, every answer is (answersHold need not ask again).
   */
  version?(): string;
  /**
   * The module is read only for what it exports (another module asked): only calls that pass a
   * parameter of theirs on are asked about, since only those can make an export a starter.
   */
  readonly forExports?: boolean;
}

/**
 * Texts up to this many UTF-16 characters are analysed whole. Memory grows with the text: a
 * tree of 12 to 21 bytes per character (more for obfuscated code, parsed twice) plus the module
 * index. The largest JavaScript files assistants ship (Letta, Qodo, Qoder: 31 to 34 million
 * characters, 33 to 35 MB) are under it.
 */
export const WHOLE_MAX = 40 * 1024 * 1024;
/**
 * The longest part of a longer text (see scanInParts), no more than wholeMax: a 64 MB file is
 * three or four parts, as its statements allow.
 */
export const PART_MAX = 24 * 1024 * 1024;

export interface SourceScanResult {
  findings: Finding[];
  errors: ScanError[];
  partial: boolean;
  /** decodeMs: static decoding and rules over decoded values; linkMs: call graph and correlation. */
  stats: { parsed: boolean; parseMs: number; walkMs: number; decodeMs: number; linkMs: number; nodes: number };
  /**
   * The rules that ran on the text (started for it). Any other rule found nothing here and gave
   * the correlations no fact, whatever its code: a cached result survives a change to it (worker/resultCache.ts).
   */
  rulesRun: readonly string[];
  /** The module's exported functions that start a process with what they are given (ModuleImports answers them to its importers). */
  starters?: Record<string, StarterSummary>;
  /** What the module asked about other modules' exports and was told: a cached result holds only while the answers do. */
  importAnswers?: ImportAnswer[];
  /** Asked for (options.carriers): its exported functions that give back a parameter, by name. */
  carriers?: Record<string, number>;
}

export function scanSource(source: string, options: ScanSourceOptions): SourceScanResult {
  const wholeMax = options.wholeMax ?? WHOLE_MAX;
  if (source.length > wholeMax) return scanInParts(source, options, wholeMax, Math.min(wholeMax, PART_MAX));
  const analysed = analyse(source, options);
  if (!('drafts' in analysed)) return analysed;
  const { drafts, functions, errors, partial, stats, rulesRun, starters, importAnswers, carriers } = analysed;
  const findings = buildFindings(drafts, { ...whereOf(options), text: source, functions, partial, ...(options.ranFrom ? { ranFrom: options.ranFrom } : {}) });
  return withCodeRun({ findings, errors, partial, stats, rulesRun, ...(starters ? { starters } : {}), ...(importAnswers ? { importAnswers } : {}), ...(carriers ? { carriers } : {}) }, source, drafts, options);
}

/** Code a string holds is followed this deep: a string run by code in a string run by the file. */
const MAX_RUN_DEPTH = 2;
/** Shorter fixed code is shown whole in the dynamic-code finding (`return this`): nothing more to read. */
const MIN_RUN_TEXT = 64;

/**
 * The result with the code the text runs from its own strings analysed too (`new Worker(SRC,
 * {eval: true})`, a fixed body given to the Function constructor: dynamic-code's `code` facts), each as an entry of the
 * file named after the call (`code run by … at 10:19`), its lines and columns those of the
 * string's value. Auggie's indexing worker (2.75 MB of code in one literal) was never read.
 */
function withCodeRun(result: SourceScanResult, source: string, drafts: readonly Draft[], options: ScanSourceOptions): SourceScanResult {
  const depth = options.depth ?? 0;
  if (depth >= MAX_RUN_DEPTH) return result;
  const runs = codeRuns(source, drafts);
  if (runs.length === 0) return result;
  const findings = [...result.findings];
  const errors = [...result.errors];
  const stats = { ...result.stats };
  const rulesRun = new Set(result.rulesRun);
  for (const run of runs) {
    const ranFrom: RelatedLocation = { file: options.file, ...(options.entry ? { entry: options.entry } : {}), ...run.at, message: `the code runs from a string here (${run.what})` };
    const scanned = scanSourceSafely(run.text, { ...options, entry: nestedEntry(options.entry, run.name), depth: depth + 1, ranFrom });
    findings.push(...scanned.findings);
    errors.push(...scanned.errors);
    addStats(stats, scanned.stats);
    for (const id of scanned.rulesRun) rulesRun.add(id);
  }
  return { ...result, findings, errors, stats, rulesRun: [...rulesRun] };
}

/** The fixed code a text's drafts say it runs, once per text, named by the call and where it is. */
function codeRuns(source: string, drafts: readonly Draft[]): Array<{ name: string; text: string; what: string; at: { line: number; column: number; endLine: number; endColumn: number } }> {
  const runs: Array<{ text: string; what: string; at: number; end: number }> = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    for (const f of d.facts ?? []) {
      if (f.kind !== 'code' || f.text.length < MIN_RUN_TEXT || seen.has(f.text)) continue;
      seen.add(f.text);
      runs.push({ text: f.text, what: f.what, at: d.start, end: d.end });
    }
  }
  if (runs.length === 0) return [];
  const lines = new LineIndex(source);
  return runs
    .sort((a, b) => a.at - b.at)
    .map(run => {
      const { line, column } = lines.positionAt(run.at);
      const end = lines.positionAt(run.end);
      return { name: `${CODE_RUN}${run.what} at ${line}:${column}`, text: run.text, what: run.what, at: { line, column, endLine: end.line, endColumn: end.column } };
    });
}

const CODE_RUN = 'code run by ';
const ENTRY_SEPARATOR = ' > ';

function nestedEntry(entry: string | undefined, name: string): string {
  return entry ? `${entry}${ENTRY_SEPARATOR}${name}` : name;
}

/**
 * For an entry naming code a text runs from a string (`… > code run by new Function at 3:9`):
 * the entry of the text that holds the string (undefined: the file itself) and that last name.
 */
export function splitCodeRunEntry(entry: string): { parent?: string; name: string } | undefined {
  const at = entry.lastIndexOf(ENTRY_SEPARATOR + CODE_RUN);
  if (at >= 0) return { parent: entry.slice(0, at), name: entry.slice(at + ENTRY_SEPARATOR.length) };
  return entry.startsWith(CODE_RUN) ? { name: entry } : undefined;
}

/** The code run from a string of `source` that `codeRunName` names (see splitCodeRunEntry), found again by analysing `source`. */
export function codeRunText(source: string, codeRunName: string, options: ScanSourceOptions): string | undefined {
  const analysed = analyse(source, options);
  if (!('drafts' in analysed)) return undefined;
  return codeRuns(source, analysed.drafts).find(r => r.name === codeRunName)?.text;
}

/** What one text's analysis found, before its drafts are located in the file. */
interface Analysed {
  drafts: Draft[];
  /** The functions the drafts' `fn` indexes name, as offsets in the text. */
  functions: ReadonlyArray<{ start: number; end: number; wrapper?: boolean }>;
  errors: ScanError[];
  partial: boolean;
  stats: SourceScanResult['stats'];
  rulesRun: readonly string[];
  starters?: Record<string, StarterSummary>;
  importAnswers?: ImportAnswer[];
  carriers?: Record<string, number>;
}

function whereOf(options: ScanSourceOptions): { file: string; entry?: string } {
  return { file: options.file, ...(options.entry ? { entry: options.entry } : {}) };
}

/**
 * Parses and analyses one text: its drafts at offsets of that text, or findings already built
 * when there is nothing to parse for or it did not parse (the strings pass, byte offsets).
 */
function analyse(source: string, options: ScanSourceOptions): Analysed | SourceScanResult {
  let text = source;
  const errors: ScanError[] = [];
  const stats = { parsed: false, parseMs: 0, walkMs: 0, decodeMs: 0, linkMs: 0, nodes: 0 };
  const where = whereOf(options);
  const fail = (message: string) => errors.push({ ...where, message });
  let active = withImportRules(activeRules(text, options.rules), text, options);
  if (active.length === 0 && !options.carriers) return { findings: [], errors, partial: false, stats, rulesRun: [] };

  const t0 = performance.now();
  let parsed = parseSource(text);
  stats.parseMs = performance.now() - t0;
  const other = !parsed.ast || parsed.partial ? otherScript(text) : undefined;
  if (other) {
    fail(`${other}, not JavaScript: not parsed`);
    return { findings: [], errors, partial: false, stats, rulesRun: [] };
  }
  if (!parsed.ast) {
    // Still read what can be read without syntax: the strings pass over the file's bytes
    // (hosts and vendor names, approximate). A module inside a binary has no bytes of its own.
    if (options.entry) {
      fail(`not parsed: ${parsed.error}`);
      return { findings: [], errors, partial: false, stats, rulesRun: [] };
    }
    fail(`not parsed: ${parsed.error}; its string literals were scanned instead (approximate findings, byte offsets)`);
    const target = options.target ?? { ownVendors: [] };
    const keywords = options.keywords ?? defaultKeywordMatcher();
    const strings = scanLiteralStrings(source, { file: options.file, rules: options.rules, keywords, target });
    return { findings: strings.findings, errors: [...errors, ...strings.errors], partial: false, stats, rulesRun: options.rules.map(r => r.meta.id) };
  }
  stats.parsed = true;
  if (parsed.partial) fail(`parsed with the loose parser, findings are partial: ${parsed.error}`);

  // Code behind a string array is scanned with its strings restored, findings mapped back.
  const restored = parsed.partial ? undefined : restoreStrings(text, parsed, fail);
  if (restored) {
    text = restored.edited.text;
    parsed = restored.parsed;
    active = withImportRules(activeRules(text, options.rules), text, options);
    stats.parseMs = performance.now() - t0;
  } else if (!parsed.ast) {
    // The restored text did not parse after the obfuscated tree was let go: parse that again.
    parsed = parseSource(text);
    stats.parseMs = performance.now() - t0;
  }
  const ast = parsed.ast;
  if (!ast) return { findings: [], errors, partial: false, stats, rulesRun: [] };

  const target = options.target ?? { ownVendors: [] };
  const keywords = options.keywords ?? defaultKeywordMatcher();
  const index = new ModuleIndex(text);
  const graph = new CallGraph(index);
  const flow = new ValueFlow(index, graph, moduleDerivation(index), moduleResultCallbacks(index));
  const decodedStrings = new Map<string, string>();
  const analysis: ModuleAnalysis = { text, target, keywords, index, graph, flow, lookup: fn => lookupAt(index, fn), decodedString: node => decodedStrings.get(`${node.start}:${node.end}`) };
  const session = new RuleSession(text, target, keywords, index, analysis, active, fail, options.imports);

  const t1 = performance.now();
  stats.nodes = walk(ast, session);
  stats.walkMs = performance.now() - t1;
  // Read only for the functions it exports that give back a parameter: no rule, nothing to decode or correlate.
  if (active.length === 0) return { drafts: [], functions: index.functions, errors, partial: parsed.partial, stats, rulesRun: [], carriers: exportedCarriers(index, flow) };

  const t2 = performance.now();
  let decoded: DecodedValue[] = [];
  try {
    if (index.encoded.length || index.decoderChains.length || index.decoderFunctions.size || mayHoldStringArray(text)) {
      const decoding = decodeModule(index, (call, fn) => graph.calleeOf(call, fn));
      decoded = decoding.values;
      if (decoding.stopped) fail(decoding.stopped);
    }
  } catch (e) {
    fail(`static decoding stopped, the rest of the file is reported: ${describe(e)}`);
  }
  for (const d of decoded) if (typeof d.value === 'string') decodedStrings.set(`${d.site.start}:${d.site.end}`, d.value);
  if (decoded.length) {
    let sites = sitesOf(decoded);
    try {
      sites = [...sites, ...decodedUses(index, flow, decoded)];
    } catch (e) {
      fail(`linking decoded lists to their uses stopped: ${describe(e)}`);
    }
    session.decodedHooks(sites, activeRules(decodedText(decoded), options.rules.filter(r => !active.includes(r))));
  } else {
    // Nothing decoded: rules that wait for decoded values (decodedEnd) still finish.
    session.decodedHooks([], []);
  }
  stats.decodeMs = performance.now() - t2;

  const t3 = performance.now();
  let drafts = session.drafts;
  try {
    drafts = correlate(session.drafts, analysis, decoded, fail);
  } catch (e) {
    fail(`correlation stopped, the rules' own findings are reported: ${describe(e)}`);
  }
  stats.linkMs = performance.now() - t3;
  let functions: ReadonlyArray<{ start: number; end: number; wrapper?: boolean }> = index.functions;
  if (restored) {
    const { edited } = restored;
    drafts = drafts.map(d => relocateDraft(d, edited.toOriginal, edited.touchesEdit(d.start, d.end) ? text.slice(d.start, Math.min(d.end, d.start + 200)) : undefined));
    functions = index.functions.map(f => ({ start: edited.toOriginal(f.start, 'start'), end: edited.toOriginal(f.end, 'end'), wrapper: f.wrapper }));
  }
  const carriers = options.carriers ? exportedCarriers(index, flow) : undefined;
  return { drafts, functions, errors, partial: parsed.partial, stats, rulesRun: session.rulesRun(), ...session.importsSeen(), ...(carriers ? { carriers } : {}) };
}

/** The active rules, and those that follow imports when the text imports another module of the program. */
function withImportRules(active: Rule[], text: string, options: ScanSourceOptions): Rule[] {
  if (!options.imports || !importsSibling(text)) return active;
  const more = options.rules.filter(r => r.followsImports && !active.includes(r));
  return more.length ? [...active, ...more] : active;
}

/**
 * A text longer than `wholeMax` (default WHOLE_MAX) analysed in parts of at most `partMax`
 * characters, cut between top-level statements (js/split.ts), one part after another: the
 * memory of one part's tree instead of the whole text's. Each part's findings are located in
 * the whole text, so positions, excerpts and fingerprints are those of the file. Values are not
 * followed from one part into another, and an error entry says so.
 */
function scanInParts(source: string, options: ScanSourceOptions, wholeMax: number, partMax: number): SourceScanResult {
  const where = whereOf(options);
  const t0 = performance.now();
  const { parts, blind } = splitAtStatements(source, partMax);
  const splitMs = performance.now() - t0;
  const errors: ScanError[] = [{ ...where, message: partsNote(source.length, wholeMax, partMax, parts.length, blind) }];
  const stats = { parsed: true, parseMs: splitMs, walkMs: 0, decodeMs: 0, linkMs: 0, nodes: 0 };
  const findings: Finding[] = [];
  const approximate = new Map<string, Finding>();
  const rulesRun = new Set<string>();
  const importAnswers: ImportAnswer[] = [];
  const starters: Record<string, StarterSummary> = {};
  let partial = false;
  // UTF-8 bytes before the part: the strings pass of a part that did not parse counts bytes from the part's start.
  let bytesBefore = 0;
  parts.forEach((part, i) => {
    const name = `part ${i + 1} of ${parts.length} (characters ${part.start}-${part.end})`;
    const done = scanPart(source, part, options);
    for (const e of done.errors) errors.push({ ...e, message: `${name}: ${e.message}` });
    addStats(stats, done.stats);
    stats.parsed &&= done.stats.parsed;
    partial ||= done.partial;
    for (const id of done.rulesRun) rulesRun.add(id);
    // What each part asked of other modules: the whole file's cached result depends on all of it.
    importAnswers.push(...(done.importAnswers ?? []));
    Object.assign(starters, done.starters);
    if (done.located) findings.push(...done.findings);
    else {
      for (const f of done.findings) {
        // Approximate (strings-pass) findings: byte offsets from the part's start, duplicates merged across parts.
        const moved = f.offset === undefined ? f : Object.freeze({ ...f, offset: f.offset + bytesBefore, endOffset: (f.endOffset ?? f.offset) + bytesBefore });
        const key = moved.fingerprint ?? `${findings.length}`;
        const seen = approximate.get(key);
        if (seen) {
          const merged = Object.freeze({ ...seen, count: (seen.count ?? 1) + (moved.count ?? 1) });
          findings[findings.indexOf(seen)] = merged;
          approximate.set(key, merged);
        } else {
          approximate.set(key, moved);
          findings.push(moved);
        }
      }
    }
    bytesBefore += Buffer.byteLength(source.slice(part.start, part.end), 'utf8');
  });
  return { findings, errors, partial, stats, rulesRun: [...rulesRun], ...(importAnswers.length ? { importAnswers } : {}), ...(Object.keys(starters).length ? { starters } : {}) };
}

/** One part analysed and its findings located in the whole text (`located`), or its strings-pass findings as they came. */
function scanPart(source: string, part: { start: number; end: number }, options: ScanSourceOptions): SourceScanResult & { located: boolean } {
  const analysed = analyse(source.slice(part.start, part.end), options);
  if (!('drafts' in analysed)) return { ...analysed, located: false };
  const at = (offset: number) => offset + part.start;
  const drafts = analysed.drafts.map(d => relocateDraft(d, at));
  const functions = analysed.functions.map(f => ({ start: at(f.start), end: at(f.end), wrapper: f.wrapper }));
  const findings = buildFindings(drafts, { ...whereOf(options), text: source, functions, partial: analysed.partial, ...(options.ranFrom ? { ranFrom: options.ranFrom } : {}) });
  const { starters, importAnswers } = analysed;
  const done = withCodeRun({ findings, errors: analysed.errors, partial: analysed.partial, stats: analysed.stats, rulesRun: analysed.rulesRun, ...(starters ? { starters } : {}), ...(importAnswers ? { importAnswers } : {}) }, source, drafts, options);
  return { ...done, located: true };
}

function partsNote(length: number, wholeMax: number, partMax: number, parts: number, blind: number): string {
  const m = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} million`;
  const cuts = blind
    ? `; ${blind === 1 ? 'one cut falls' : `${blind} cuts fall`} inside a statement (none ended near enough), so the code next to ${blind === 1 ? 'it' : 'them'} may be read only in part`
    : '';
  return (
    `analysed in ${parts} parts of at most ${m(partMax)} characters, cut between top-level statements: the file has ${m(length)} characters, ` +
    `more than the ${m(wholeMax)} analysed whole (a bound on memory). Values are not followed from one part into another (names, calls and string arrays defined in another part)${cuts}`
  );
}

/**
 * The text with its string-array reads replaced, parsed; undefined when there is nothing to
 * restore. The obfuscated tree is let go (`obfuscated.ast` cleared) once the edits are known,
 * before the text is rewritten and parsed again, and the edits once the text is rewritten: the
 * two trees of Qodo's 35 MB obfuscated bundle held 1.5 GB at once. When the restored text does
 * not parse, the caller parses the obfuscated text again.
 */
function restoreStrings(text: string, obfuscated: ParseResult, fail: (message: string) => void): { edited: Deobfuscated; parsed: ParseResult } | undefined {
  if (!mayHoldStringArray(text) || !obfuscated.ast) return undefined;
  try {
    let edits = stringArrayEdits(text, obfuscated.ast);
    if (!edits) return undefined;
    obfuscated.ast = undefined;
    const edited = { ...applyEdits(text, edits), reads: edits.length };
    edits = undefined;
    const parsed = parseSource(edited.text);
    if (parsed.ast && !parsed.partial) return { edited, parsed };
    fail(`the string array's reads were resolved but the restored text did not parse; the obfuscated text is scanned: ${parsed.error}`);
  } catch (e) {
    fail(`restoring the string array's reads stopped; the obfuscated text is scanned: ${describe(e)}`);
  }
  return undefined;
}

/**
 * scanSource with a net under it: anything it did not expect becomes this file's (or module's)
 * error entry instead of ending the scan of everything else.
 */
export function scanSourceSafely(text: string, options: ScanSourceOptions): SourceScanResult {
  try {
    return scanSource(text, options);
  } catch (e) {
    const where = { file: options.file, ...(options.entry ? { entry: options.entry } : {}) };
    return {
      findings: [],
      errors: [{ ...where, message: `scan failed (a bug, please report): ${describe(e)}` }],
      partial: false,
      stats: { parsed: false, parseMs: 0, walkMs: 0, decodeMs: 0, linkMs: 0, nodes: 0 },
      // What ran before the failure is not known: every rule counts as run.
      rulesRun: options.rules.map(r => r.meta.id),
    };
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Dispatch = Map<string, Array<{ rule: RuleState; handler: (node: Node) => void }>>;

interface RuleState {
  rule: Rule;
  handlers: RuleHandlers;
  ctx: RuleContext;
  failed: boolean;
  deep: boolean;
}

/**
 * The rules of one file: each created once with a context of its own, each node dispatched to
 * the handlers that asked for its type, every report kept as a draft. A handler that throws
 * loses that rule for the rest of the file, with an error entry; one that runs out of stack on
 * a deeply nested node skips that node only.
 */
class RuleSession {
  readonly drafts: Draft[] = [];
  private readonly states: RuleState[] = [];
  /** Ids of the rules started, including one whose start failed (it ran, and may run differently in another build). */
  private readonly started: string[] = [];
  private readonly enterHandlers: Dispatch = new Map();
  private readonly exitHandlers: Dispatch = new Map();
  private path: readonly Node[] = [];
  private currentFn = -1;
  /** Lookups as seen from a function other than the walk's current one (a rule asking about a node further out). */
  private readonly lookups = new Map<number, ModuleLookup>();

  constructor(
    private readonly text: string,
    private readonly target: TargetContext,
    private readonly keywords: KeywordMatcher,
    private readonly index: ModuleIndex,
    private readonly analysis: ModuleAnalysis,
    rules: readonly Rule[],
    private readonly fail: (message: string) => void,
    private readonly imports?: ModuleImports,
  ) {
    for (const rule of rules) this.add(rule);
  }

  private readonly answers = new Map<string, ImportAnswer>();
  private readonly starters = new Map<string, StarterSummary>();

  /** What other modules were asked about, and this module's own starters (absent when none). */
  importsSeen(): { starters?: Record<string, StarterSummary>; importAnswers?: ImportAnswer[] } {
    return { ...(this.starters.size ? { starters: Object.fromEntries(this.starters) } : {}), ...(this.answers.size ? { importAnswers: [...this.answers.values()] } : {}) };
  }

  private importedStarter(ref: ModuleRef, passesParameter: boolean): StarterSummary | undefined {
    if (!this.imports || ref.path.length !== 1 || !isSiblingSpecifier(ref.module)) return undefined;
    if (this.imports.forExports && !passesParameter) return undefined;
    const key = `${ref.module}\0${ref.path[0]}`;
    const known = this.answers.get(key);
    if (known) return known.summary;
    const summary = this.imports.starter(ref.module, ref.path[0]);
    this.answers.set(key, { specifier: ref.module, name: ref.path[0], ...(summary ? { summary } : {}) });
    return summary;
  }

  private importedCarrier(ref: ModuleRef): number | undefined {
    if (!this.imports?.carrier || ref.path.length !== 1 || !isSiblingSpecifier(ref.module)) return undefined;
    const key = `carrier\0${ref.module}\0${ref.path[0]}`;
    const known = this.answers.get(key);
    if (known) return known.carrier?.carries;
    const carries = this.imports.carrier(ref.module, ref.path[0]);
    this.answers.set(key, { specifier: ref.module, name: ref.path[0], carrier: carries === undefined ? {} : { carries } });
    return carries;
  }

  private exportStarter(name: string, summary: StarterSummary): void {
    // The first one told stands: a name exports one function.
    if (!this.starters.has(name)) this.starters.set(name, summary);
  }

  private add(rule: Rule): RuleState | undefined {
    const state: RuleState = { rule, handlers: {}, ctx: this.contextFor(rule), failed: false, deep: false };
    try {
      state.handlers = rule.create(state.ctx);
    } catch (e) {
      this.started.push(rule.meta.id);
      this.fail(`rule ${rule.meta.id} could not start and was skipped for this file: ${describe(e)}`);
      return undefined;
    }
    this.states.push(state);
    this.started.push(rule.meta.id);
    for (const [key, handler] of Object.entries(state.handlers)) {
      if (key === 'decoded' || key === 'decodedEnd' || key === 'nativeString' || key === 'shellCommand' || typeof handler !== 'function') continue;
      const exit = key.endsWith(':exit');
      const table = exit ? this.exitHandlers : this.enterHandlers;
      const type = exit ? key.slice(0, -5) : key;
      let list = table.get(type);
      if (!list) table.set(type, (list = []));
      list.push({ rule: state, handler: handler as (node: Node) => void });
    }
    return state;
  }

  rulesRun(): readonly string[] {
    return this.started;
  }

  private contextFor(rule: Rule): RuleContext {
    const session = this;
    const lookup: ModuleLookup = {
      index: this.index,
      resolve: id => (id.type !== 'Identifier' ? undefined : this.replaying ? this.settledLookup().resolve(id) : resolveHere(this.index, id, this.late)),
      isBound: id => id.type === 'Identifier' && (this.replaying ? !!this.index.binding(id.name, this.currentFn) : this.index.isBoundHere(id.name)),
      members: (id, key) => this.index.memberValuesOf(id.name, this.currentFn, key),
      thisMembers: key => this.index.thisValues(this.currentFn, key),
      values: id => valuesOf(this.index.binding(id.name, this.currentFn)),
      inFunction: f => (f === this.currentFn ? lookup : this.lookupIn(f)),
      parameterRef: this.parameterRef,
      at: node => {
        // The innermost function around the current node that also holds `node`.
        let f = this.currentFn;
        while (f !== MODULE && !(this.index.functions[f].start <= node.start && node.end <= this.index.functions[f].end)) f = this.index.functions[f].parent;
        return lookup.inFunction!(f);
      },
    };
    // Made once: the memo's compute functions, not a closure per question.
    const refOf = (n: Node) => moduleRefOf(n, lookup);
    const calleeRefOfCall = (n: Node) => calleeRefOf(n as CallLike, lookup);
    return {
      text: this.text,
      target: this.target,
      keywords: this.keywords,
      get path() {
        return session.path;
      },
      parent: (depth = 1) => this.path[this.path.length - 1 - depth],
      functionIndex: () => this.currentFn,
      enclosingFunction: () => {
        for (let i = this.path.length - 1; i >= 0; i--) {
          const n = this.path[i];
          if (isFunction(n) && n.type !== 'FunctionDeclaration') return n;
          if (n.type === 'FunctionDeclaration' && n.id) return n;
        }
        return undefined;
      },
      resolve: node => lookup.resolve(node as Node & { type: 'Identifier' }),
      isBound: node => lookup.isBound(node as Node & { type: 'Identifier' }),
      // Every rule asks about the same callees while a node is visited: answers are shared
      // between rules until the walk moves on (names resolve by walk position).
      moduleRef: node => (node ? this.refs.get(node, refOf) : undefined),
      calleeRef: node => (node.type === 'CallExpression' || node.type === 'NewExpression' ? this.calleeRefs.get(node, calleeRefOfCall) : undefined),
      isRequire: callee => isRequireFunction(callee, lookup),
      report: d => {
        this.drafts.push(draftOf(rule.meta, d, d.fn ?? this.currentFn));
      },
      analysis: () => this.analysis,
      importedStarter: (ref, passesParameter) => this.importedStarter(ref, passesParameter),
      exportStarter: (name, summary) => this.exportStarter(name, summary),
      importedCarrier: ref => this.importedCarrier(ref),
    };
  }

  /** A settled lookup from function `f`, one per function, that also knows modules handed to helpers while calls are replayed. */
  private lookupIn(f: number): ModuleLookup {
    let known = this.lookups.get(f);
    if (!known) this.lookups.set(f, (known = { ...lookupAt(this.index, f), parameterRef: this.parameterRef }));
    return known;
  }

  private settledLookup(): ModuleLookup {
    return this.lookupIn(this.currentFn);
  }

  /** Only once the walk is over are a helper's callers known: before that, a parameter is no module. */
  private readonly parameterRef = (param: Parameter, key?: string): ModuleRef | undefined => (this.replaying ? this.analysis.graph.moduleGivenTo(param, key) : undefined);

  /** Calls on a parameter that may hold a module (moduleArguments.ts), shown to the rules again after the walk. */
  private readonly onParameters: Array<{ call: CallLike; fn: number; param: Parameter; key?: string }> = [];
  private replaying = false;

  /**
   * Each kept call whose parameter every caller gives one module is visited again, as from
   * where it is written, with that module known: a rule that reports it now reports what it
   * does. What a rule already reported at the same place on the first visit is not repeated.
   */
  private replayModuleParameters(program: Node): void {
    let firstVisit: Set<string> | undefined;
    const keyOf = (d: Draft) => `${d.ruleId}\0${d.start}\0${d.end}`;
    for (const { call, fn, param, key } of this.onParameters) {
      const handlers = this.enterHandlers.get(call.type);
      if (!handlers || !this.analysis.graph.moduleGivenTo(param, key)) continue;
      const path = ancestorsOf(program, call);
      if (!path) continue;
      firstVisit ??= new Set(this.drafts.map(keyOf));
      const before = this.drafts.length;
      this.forgetRefs();
      this.path = path;
      this.currentFn = fn;
      this.replaying = true;
      try {
        this.run(handlers, call);
      } finally {
        this.replaying = false;
      }
      const added = this.drafts.splice(before).filter(d => !firstVisit!.has(keyOf(d)));
      for (const d of added) firstVisit.add(keyOf(d));
      this.drafts.push(...added);
    }
    this.forgetRefs();
  }

  /** Names a lazy initialiser later in the text assigns a require (lateRequires.ts), read on first need. */
  private lateBindings: ReadonlyMap<string, Node> | undefined;
  private readonly late = (): ReadonlyMap<string, Node> => (this.lateBindings ??= lateRequireBindings(this.text));

  /** Module references answered while the current node is visited (see contextFor). */
  private readonly refs = new NodeMemo<ModuleRef | undefined>();
  private readonly calleeRefs = new NodeMemo<ModuleRef | undefined>();

  private forgetRefs(): void {
    this.refs.clear();
    this.calleeRefs.clear();
  }

  enter(node: Node, path: readonly Node[]): void {
    this.forgetRefs();
    this.path = path;
    this.index.enter(node, path);
    this.currentFn = this.index.currentFunction;
    this.run(this.enterHandlers.get(node.type), node);
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const on = parameterCallee(node, this.index);
      if (on) this.onParameters.push({ call: node, fn: this.currentFn, ...on });
    }
  }

  exit(node: Node, path: readonly Node[]): void {
    this.forgetRefs();
    this.path = path;
    this.currentFn = this.index.currentFunction;
    // Leaving the Program settles the index first: the rules' Program:exit questions (value
    // flow from every request target, say) then read settled bindings and shared answers.
    const program = node.type === 'Program';
    if (program) {
      this.index.exit(node);
      if (this.onParameters.length) {
        this.replayModuleParameters(node);
        this.path = path;
        this.currentFn = this.index.currentFunction;
      }
    }
    this.run(this.exitHandlers.get(node.type), node);
    if (!program) this.index.exit(node);
  }

  private run(handlers: Array<{ rule: RuleState; handler: (node: Node) => void }> | undefined, node: Node): void {
    if (!handlers) return;
    for (const { rule, handler } of handlers) {
      if (rule.failed) continue;
      try {
        handler(node);
      } catch (e) {
        if (e instanceof RangeError && /call stack/i.test(e.message)) {
          // A node nested too deeply for the rule: skip that node, keep the rule for the rest.
          if (!rule.deep) this.fail(`rule ${rule.rule.meta.id} skipped a node nested too deeply at offset ${node.start} (and any more such nodes)`);
          rule.deep = true;
          continue;
        }
        rule.failed = true;
        this.fail(`rule ${rule.rule.meta.id} failed at offset ${node.start} and was skipped for this file: ${describe(e)}`);
      }
    }
  }

  /** Rules see decoded values after the walk; their reports sit on the decoding site or use. */
  decodedHooks(sites: readonly DecodedSite[], moreRules: readonly Rule[]): void {
    for (const rule of moreRules) this.add(rule);
    for (const state of this.states) {
      const hook = state.handlers.decoded;
      if (!hook || state.failed) continue;
      try {
        for (const site of sites) {
          this.currentFn = site.use ? site.use.fn : site.decoded.fn;
          hook(site);
        }
        this.currentFn = -1;
        state.handlers.decodedEnd?.();
      } catch (e) {
        this.fail(`rule ${state.rule.meta.id} failed on a decoded value: ${describe(e)}`);
      }
    }
  }
}

/**
 * Answers kept while one node is visited: a handful of nodes at most, so a short list beats a
 * Map that would be cleared at each of millions of nodes.
 */
class NodeMemo<T> {
  // Cleared at every node: emptied by count, not by length (an array set to length 0 drops its
  // storage and would be allocated again at the next node).
  private readonly nodes: Node[] = [];
  private readonly values: T[] = [];
  private size = 0;

  get(node: Node, compute: (node: Node) => T): T {
    for (let i = 0; i < this.size; i++) if (this.nodes[i] === node) return this.values[i];
    const value = compute(node);
    this.nodes[this.size] = node;
    this.values[this.size] = value;
    this.size++;
    return value;
  }

  /** The slots stay filled until overwritten: they go with the session, at the end of the file. */
  clear(): void {
    this.size = 0;
  }
}

/**
 * What an identifier means where the walk is: the value it was last bound to, unless the use
 * sits inside that value (`K = join(K, "x")`: the K inside is the previous value).
 */
function resolveHere(index: ModuleIndex, node: Node & { type: 'Identifier' }, late?: () => ReadonlyMap<string, Node>): Node | undefined {
  const bound = index.resolveHere(node.name);
  if (bound) return bound.start <= node.start && node.end <= bound.end ? index.valueBeforeHere(node.name, bound.start) : bound;
  // A module-level (or module-wrapper-level) name with no value yet at this point of the text
  // (`var jC6;` filled by a lazy initialiser further down): what every assignment of it requires.
  return late && !index.isBoundInFunctionHere(node.name) ? late().get(node.name) : undefined;
}

/** Values from one helper or key at least this many times make a string table. */
const STRING_TABLE = 8;

function sitesOf(decoded: readonly DecodedValue[]): DecodedSite[] {
  const perGroup = new Map<string, number>();
  for (const d of decoded) if (d.group !== undefined) perGroup.set(d.group, (perGroup.get(d.group) ?? 0) + 1);
  return decoded.map(d => {
    const size = d.group === undefined ? 0 : perGroup.get(d.group) ?? 0;
    return size >= STRING_TABLE ? { decoded: d, table: size } : { decoded: d };
  });
}

function decodedText(decoded: readonly DecodedValue[]): string {
  return decoded.map(d => d.entries.join('\n')).join('\n').slice(0, 1 << 20);
}

function activeRules(text: string, rules: readonly Rule[]): Rule[] {
  const present = triggerSet(rules).present(text);
  return rules.filter((_, i) => present[i]);
}

/**
 * The triggers of a list of rules, looked for together; one table per distinct list of rule
 * objects, however many arrays hold that list (a filtered selection is a new array each time).
 */
function triggerSet(rules: readonly Rule[]): PatternSet {
  let key = '';
  for (const rule of rules) {
    let n = RULE_NUMBERS.get(rule);
    if (n === undefined) RULE_NUMBERS.set(rule, (n = RULE_NUMBERS_USED++));
    key += `${n},`;
  }
  let set = TRIGGER_SETS.get(key);
  if (!set) {
    if (TRIGGER_SETS.size >= 64) TRIGGER_SETS.clear();
    TRIGGER_SETS.set(key, (set = new PatternSet(rules.map(r => ({ patterns: r.triggers.flatMap(t => triggerForms(t)), ignoreCase: r.triggersIgnoreCase })))));
  }
  return set;
}

const RULE_NUMBERS = new WeakMap<Rule, number>();
let RULE_NUMBERS_USED = 0;
/** By the numbers of their rules: a few lists in a run (all rules, one rule for a decoded value, a selection); tests make more. */
const TRIGGER_SETS = new Map<string, PatternSet>();

/** Whether the text holds one of the rule's triggers (in any of its forms): otherwise the rule cannot fire there. */
export function triggeredBy(rule: Rule, text: string): boolean {
  return activeRules(text, [rule]).length > 0;
}

/** A trigger plus the escaped spellings bundlers use for its non-ASCII characters. */
export function triggerForms(trigger: string): string[] {
  if (!/[^\x00-\x7f]/.test(trigger)) return [trigger];
  const escape = (upper: boolean) =>
    [...trigger]
      .map(ch => {
        const cp = ch.codePointAt(0)!;
        if (cp < 0x80) return ch;
        const hex = cp.toString(16);
        const h = upper ? hex.toUpperCase() : hex;
        return cp > 0xffff ? `\\u{${h}}` : `\\u${h.padStart(4, '0')}`;
      })
      .join('');
  return [...new Set([trigger, escape(false), escape(true)])];
}

/** Adds one text's times and node count to a total (a file's parts, the code it runs from strings). */
function addStats(into: SourceScanResult['stats'], from: SourceScanResult['stats']): void {
  for (const k of ['parseMs', 'walkMs', 'decodeMs', 'linkMs', 'nodes'] as const) into[k] += from[k];
}
