// Baselines: a snapshot of an audit, and what changed since it. A user's real question after
// an update is "what did this version add?": findings are matched by what they are, never by
// line, because a minified bundle moves every line on each release.
import { severityRank, type AuditResult, type Finding, type Severity, type TargetKind, type TargetResult } from '../model';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export const BASELINE_KIND = 'ai-tool-audit-baseline';

export interface BaselineTarget {
  id: string;
  instanceId?: string;
  name: string;
  kind: TargetKind;
  version?: string;
  findings: Finding[];
}

export interface Baseline {
  kind: typeof BASELINE_KIND;
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** ISO 8601. */
  createdAt: string;
  targets: BaselineTarget[];
}

/** As SARIF names them; people read `absent` as "gone". */
export type BaselineState = 'new' | 'unchanged' | 'absent';

export interface Comparison {
  /** The baseline's target this one was compared with. */
  before: BaselineTarget;
  current: Array<{ finding: Finding; state: 'new' | 'unchanged' }>;
  /** In the baseline, no longer found. */
  gone: Finding[];
}

/** What an update changed, in the terms a reviewer asks about. */
export interface Delta {
  name: string;
  from?: string;
  to?: string;
  added: Finding[];
  removed: Finding[];
  unchanged: number;
  /** Rules with findings now and none before (new kinds of behaviour), and the reverse. */
  rulesAdded: string[];
  rulesRemoved: string[];
  /** Hosts requests are sent to (findings with `host`); a URL only named in the code is not one. */
  hostsAdded: string[];
  hostsRemoved: string[];
  vendorsAdded: string[];
  vendorsRemoved: string[];
  /**
   * Settings whose value changed in place (an MCP server's command, a hook, a base URL): a new
   * config finding at the same rule, file and key as one gone. A server's definition changing
   * under the same name is how a "rug pull" shows.
   */
  settingsChanged: string[];
}

export function makeBaseline(result: AuditResult, now: Date = new Date()): Baseline {
  return {
    kind: BASELINE_KIND,
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    createdAt: now.toISOString(),
    targets: result.targets.map(baselineTarget),
  };
}

export function baselineTarget(t: TargetResult): BaselineTarget {
  return {
    id: t.id,
    ...(t.instanceId ? { instanceId: t.instanceId } : {}),
    name: t.name,
    kind: t.kind,
    ...(t.version ? { version: t.version } : {}),
    findings: t.findings,
  };
}

/** Reads a baseline file's text; a file that is not one says what is wrong, never half-loads. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return checkBaseline(data);
}

/** Parsed JSON that must be a baseline; throws saying what is wrong. */
export function checkBaseline(data: unknown): Baseline {
  const b = data as Partial<Baseline> | null;
  if (!b || typeof b !== 'object' || b.kind !== BASELINE_KIND) throw new Error(`not a baseline: "kind" must be "${BASELINE_KIND}" (write one with --save-baseline)`);
  if (b.schemaVersion !== 1) throw new Error(`baseline schemaVersion ${String(b.schemaVersion)} is not supported (this tool reads 1)`);
  if (!Array.isArray(b.targets)) throw new Error('baseline has no "targets" list');
  b.targets.forEach((t, i) => {
    if (!t || typeof t.id !== 'string' || typeof t.name !== 'string' || !Array.isArray(t.findings)) throw new Error(`baseline targets[${i}] needs "id", "name" and "findings"`);
    t.findings.forEach((f, j) => {
      if (!f || typeof f.ruleId !== 'string' || typeof f.severity !== 'string' || typeof f.message !== 'string' || typeof f.file !== 'string' || !Array.isArray(f.evidence) || !Array.isArray(f.related)) {
        throw new Error(`baseline targets[${i}].findings[${j}] is not a finding`);
      }
    });
  });
  return b as Baseline;
}

/** The baseline's target for this one: same instance, else same id, else same name; never another assistant's. */
export function baselineFor(baseline: Baseline, t: TargetResult): BaselineTarget | undefined {
  return (
    baseline.targets.find(b => t.instanceId !== undefined && b.instanceId === t.instanceId) ??
    baseline.targets.find(b => b.id === t.id) ??
    baseline.targets.find(b => b.name === t.name)
  );
}

/**
 * Each current finding is `new` or `unchanged`; baseline findings left over are `gone`.
 * Matching goes from strict to loose, each finding used once: the same fingerprint (rule,
 * file, flagged text), then the same rule, message and evidence (the text moved or a
 * minifier renamed something around it), then the same rule and message in the same file,
 * then the same message and evidence up to minified names and numbers, then the same
 * message (so blurred) in any file.
 */
export function compare(before: BaselineTarget, now: readonly Finding[]): Comparison {
  const left = [...before.findings];
  const states = new Map<Finding, 'new' | 'unchanged'>();
  for (const key of MATCH_KEYS) {
    const pool = new Map<string, number[]>();
    left.forEach((f, i) => {
      if (!f) return;
      const k = key(f);
      if (k === undefined) return;
      const list = pool.get(k);
      if (list) list.push(i);
      else pool.set(k, [i]);
    });
    const waiting = new Map<string, Finding[]>();
    for (const f of now) {
      if (states.has(f)) continue;
      const k = key(f);
      if (k === undefined || !pool.has(k)) continue;
      const list = waiting.get(k);
      if (list) list.push(f);
      else waiting.set(k, [f]);
    }
    for (const [k, findings] of waiting) {
      for (const [f, hit] of pairedByCode(findings, pool.get(k)!, left)) {
        states.set(f, 'unchanged');
        delete left[hit];
      }
    }
  }
  return {
    before,
    current: now.map(f => ({ finding: f, state: states.get(f) ?? 'new' })),
    gone: left.filter((f): f is Finding => !!f),
  };
}

/** Pairs compared at most in one group; past it, findings pair in order. */
const MAX_PAIRS = 250_000;

/**
 * Pairs findings that share a key with baseline findings (indices into `left`), each used once:
 * the most alike code first. When a release adds one more of a repeated finding, the copy left
 * over is the one whose code is new, not whichever came last: code moved and renamed by a
 * minifier still reads alike once its short names are blurred.
 */
function pairedByCode(now: readonly Finding[], candidates: readonly number[], left: ReadonlyArray<Finding | undefined>): Array<[Finding, number]> {
  if (now.length === 1 && candidates.length === 1) return [[now[0], candidates[0]]];
  if (now.length * candidates.length > MAX_PAIRS) return now.slice(0, candidates.length).map((f, i) => [f, candidates[i]]);
  const scored: Array<{ f: number; c: number; score: number }> = [];
  now.forEach((f, i) => candidates.forEach((c, j) => scored.push({ f: i, c: j, score: likeness(f, left[c]!) })));
  // Ties keep the order both lists were written in.
  scored.sort((a, b) => b.score - a.score || a.f - b.f || a.c - b.c);
  const usedNow = new Set<number>();
  const usedBefore = new Set<number>();
  const out: Array<[Finding, number]> = [];
  for (const { f, c } of scored) {
    if (usedNow.has(f) || usedBefore.has(c)) continue;
    usedNow.add(f);
    usedBefore.add(c);
    out.push([now[f], candidates[c]]);
  }
  return out;
}

/** How alike two findings' code reads (0 to 1): shared words of their excerpts, short names blurred. */
function likeness(a: Finding, b: Finding): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  let total = 0;
  for (const [w, n] of x) {
    shared += Math.min(n, y.get(w) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return (2 * shared) / total;
}

const words = new WeakMap<Finding, Map<string, number>>();

function wordsOf(f: Finding): Map<string, number> {
  let known = words.get(f);
  if (known) return known;
  known = new Map();
  // Names a minifier gives (`te`, `mdr`, `$or`) say nothing about the code: one blur for all.
  const text = (f.excerpt ?? '').replace(/(?<![\w$])[A-Za-z_$][\w$]{0,2}(?![\w$])/g, '·');
  for (const w of text.split(/[^\w$·]+/)) if (w) known.set(w, (known.get(w) ?? 0) + 1);
  words.set(f, known);
  return known;
}

// A config finding matches by fingerprint only (rule, file, key and the value or definition
// hash): a looser key would call a server whose definition changed under the same name unchanged.
const loose = (key: (f: Finding) => string) => (f: Finding) => (f.source === 'config' ? undefined : key(f));

const LOOSE_KEYS: Array<(f: Finding) => string> = [
  f => `${f.ruleId}\0${f.message}\0${f.evidence.join('\0')}\0${f.host ?? ''}`,
  f => `${f.ruleId}\0${f.message}\0${f.file}\0${f.entry ?? ''}`,
  f => `${f.ruleId}\0${renamed(f.message)}\0${renamed(f.evidence.join('\0'))}\0${f.host ?? ''}`,
  // Bundlers rename chunks (`chunk-3qgv2tdc.js` -> `chunk-qrtcdw7p.js`) and minified arguments
  // (`code Bx(yLs)` -> `code kP(cBs)`): last, the same message anywhere. Counted, so a release
  // with one more such call still shows one new.
  f => `${f.ruleId}\0${renamed(f.message)}\0${f.host ?? ''}\0${(f.vendor ?? []).join(',')}`,
];

const MATCH_KEYS: Array<(f: Finding) => string | undefined> = [f => (f.fingerprint ? `${f.fingerprint}` : undefined), ...LOOSE_KEYS.map(loose)];

/**
 * The text with what a rebuild changes by itself blurred: a minifier's short names called or
 * passed to a call (`via Hs()` in one release is `via Ds()` in the next, `code Bx(yLs)` is
 * `code kP(cBs)`) and build numbers in paths (`claude-cli-external-build-2185/`). Hosts, IP
 * addresses, commands and vendor names stay as they are: a finding whose host changed is new.
 */
export function renamed(s: string): string {
  return (
    s
      // `Hs(` and `JEq.execFile(`: a short name called, or whose member is called.
      .replace(/(?<![\w$.])[A-Za-z_$][\w$]{0,3}(?=\(|\.[A-Za-z_$][\w$]*\()/g, '·')
      // A short name as a call's argument: `kP(cBs)`, `Bx(yLs)`.
      .replace(/(?<=\(|, ?)[A-Za-z_$][\w$]{0,3}(?=\)|,)/g, '·')
      // A build number in a path: `…-build-2185/`.
      .replace(/(?<=[A-Za-z]-)\d+(?=\/)/g, '#')
  );
}

/** What changed, counting findings of `min` severity and above only (every count and list alike). */
export function delta(t: TargetResult, comparison: Comparison, min: Severity = 'info'): Delta {
  const keep = (f: Finding) => severityRank(f.severity) >= severityRank(min);
  const current = comparison.current.filter(c => keep(c.finding));
  const added = current.filter(c => c.state === 'new').map(c => c.finding);
  const before = comparison.before.findings.filter(keep);
  const now = t.findings.filter(keep);
  return {
    name: t.name,
    ...(comparison.before.version ? { from: comparison.before.version } : {}),
    ...(t.version ? { to: t.version } : {}),
    added,
    removed: comparison.gone.filter(keep),
    unchanged: current.length - added.length,
    ...setChange('rules', before.map(f => [f.ruleId]), now.map(f => [f.ruleId])),
    ...setChange('hosts', before.map(f => (f.host ? [f.host] : [])), now.map(f => (f.host ? [f.host] : []))),
    ...setChange('vendors', before.map(f => f.vendor ?? []), now.map(f => f.vendor ?? [])),
    settingsChanged: changedInPlace(added, comparison.gone.filter(keep)),
  } as Delta;
}

/** The named lists of a delta, in the order reports show them (labels in lower case). */
export function deltaLists(d: Delta): Array<[string, string[]]> {
  return [
    ['new kinds of finding', d.rulesAdded],
    ['kinds no longer found', d.rulesRemoved],
    ['new hosts requested', d.hostsAdded],
    ['hosts no longer requested', d.hostsRemoved],
    ['new vendor names', d.vendorsAdded],
    ['vendor names no longer found', d.vendorsRemoved],
    ['settings changed', d.settingsChanged],
  ];
}

/** `.mcp.json mcpServers.github`, for each config key with a new finding where one went. */
function changedInPlace(added: readonly Finding[], removed: readonly Finding[]): string[] {
  const where = (f: Finding) => `${f.file} ${f.configKey}`;
  const gone = new Set(removed.filter(f => f.source === 'config').map(f => `${f.ruleId}\0${where(f)}`));
  return [...new Set(added.filter(f => f.source === 'config' && gone.has(`${f.ruleId}\0${where(f)}`)).map(where))].sort();
}

function setChange<K extends string>(name: K, before: string[][], now: string[][]): Record<`${K}Added` | `${K}Removed`, string[]> {
  const a = new Set(before.flat());
  const b = new Set(now.flat());
  return {
    [`${name}Added`]: [...b].filter(x => !a.has(x)).sort(),
    [`${name}Removed`]: [...a].filter(x => !b.has(x)).sort(),
  } as Record<`${K}Added` | `${K}Removed`, string[]>;
}
