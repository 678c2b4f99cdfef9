// `npm run accuracy [-- --results DIR] [--save DIR] [--only TEXT]`: how far the findings on the
// pinned corpus can be trusted, written to docs/accuracy.md.
//
// Precision: every high finding and a seeded random sample of 30 medium ones, each judged by
// a person who read the code (docs/accuracy-judgments.json: true, false or benign, with the
// reason). A finding with no judgment is listed as such and counts against the result.
// Recall: for child-process, network-endpoint and timezone-probe, an independent count made
// with regular expressions over the JavaScript files of each package (described in the
// report), each hit looked up among the findings. Also checked: no exact duplicates, and no
// file lost without an error entry.
//
// Scanning the corpus takes minutes; --save DIR keeps each package's result as JSON and
// --results DIR reads them back (the CLI's `scan DIR --json` output has the same shape).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, TargetResult } from '../src/core/model';
import { auditTargets } from '../src/core/audit';
import { targetForPath } from '../src/core/discovery/pathTarget';
import { LineIndex } from '../src/core/text/lines';
import { classifyHost } from '../src/core/net/hosts';
import { parseUrl } from '../src/core/net/url';
import { TOOL_NAME, TOOL_VERSION } from '../src/core/version';
import { cachedCorpusPackage, corpusEntries } from './corpusList';

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_OUT = path.join(ROOT, 'docs', 'accuracy.md');
const JUDGMENTS = path.join(ROOT, 'docs', 'accuracy-judgments.json');
/**
 * Recall hits a person read and found not to be what the rule is about (a method of an actor
 * library named `spawn`, a wrapper whose own body starts the process, text in a string).
 * Keyed by package, file, line and column; the text is kept so a stale entry is seen.
 */
const RECALL_REVIEW = path.join(ROOT, 'docs', 'accuracy-recall-review.json');
const MEDIUM_SAMPLE = 30;
const SEED = 20261204;
const MISSED_SHOWN = Number(process.env.MISSED_SHOWN ?? 25);

type Verdict = 'true' | 'false' | 'benign';

interface Judgment {
  fingerprint: string;
  rule: string;
  where: string;
  verdict: Verdict;
  reason: string;
}

interface Scanned {
  spec: string;
  result: TargetResult;
}

interface Sampled {
  spec: string;
  finding: Finding;
  judgment?: Judgment;
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function fileName(spec: string): string {
  return `${spec.replace(/[/@]/g, '_')}.json`;
}

function scanCorpus(only: string | undefined, resultsDir: string | undefined, saveDir: string | undefined): { scanned: Scanned[]; missing: string[] } {
  const scanned: Scanned[] = [];
  const missing: string[] = [];
  for (const { spec } of corpusEntries()) {
    if (only && !spec.includes(only)) continue;
    if (resultsDir) {
      const file = path.join(resultsDir, fileName(spec));
      if (!fs.existsSync(file)) {
        missing.push(spec);
        continue;
      }
      const audit = JSON.parse(fs.readFileSync(file, 'utf8')) as { targets: TargetResult[] };
      scanned.push({ spec, result: audit.targets[0] });
      continue;
    }
    const dir = cachedCorpusPackage(spec);
    if (!dir) {
      missing.push(spec);
      continue;
    }
    process.stderr.write(`scanning ${spec} ...\n`);
    const [result] = auditTargets([targetForPath(dir)]);
    if (saveDir) {
      fs.mkdirSync(saveDir, { recursive: true });
      fs.writeFileSync(path.join(saveDir, fileName(spec)), JSON.stringify({ targets: [result] }));
    }
    scanned.push({ spec, result });
  }
  return { scanned, missing };
}

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
/**
 * A finding's place in the sample order: a hash of the seed and where it is. A finding keeps
 * its place when others come or go, so a fix that removes a few findings leaves the rest of
 * the sample (and its judgments) as it was.
 */
function sampleRank(spec: string, f: Finding): string {
  return crypto.createHash('sha256').update(`${SEED} ${spec} ${whereOf(f)} ${f.ruleId}`).digest('hex');
}

function whereOf(f: Finding): string {
  return `${f.file}${f.entry ? `#${f.entry}` : ''}${f.line !== undefined ? `:${f.line}:${f.column}` : ` @${f.offset}`}`;
}

function loadJudgments(): Map<string, Judgment> {
  if (!fs.existsSync(JUDGMENTS)) return new Map();
  const list = (JSON.parse(fs.readFileSync(JUDGMENTS, 'utf8')) as { judgments: Judgment[] }).judgments;
  return new Map(list.map(j => [j.fingerprint, j]));
}

/** Every high finding, and the MEDIUM_SAMPLE medium ones first in the seeded hash order. */
function sample(scanned: readonly Scanned[], judgments: ReadonlyMap<string, Judgment>): { highs: Sampled[]; mediums: Sampled[]; mediumTotal: number } {
  const all = scanned.flatMap(s => s.result.findings.map(finding => ({ spec: s.spec, finding })));
  const withJudgment = (x: { spec: string; finding: Finding }): Sampled => {
    const judgment = x.finding.fingerprint === undefined ? undefined : judgments.get(x.finding.fingerprint);
    return judgment ? { ...x, judgment } : x;
  };
  const highs = all.filter(x => x.finding.severity === 'high').map(withJudgment);
  const mediums = all.filter(x => x.finding.severity === 'medium');
  const ranked = mediums.map(x => ({ x, rank: sampleRank(x.spec, x.finding) })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const picked = ranked.slice(0, MEDIUM_SAMPLE).map(r => r.x);
  return { highs, mediums: picked.map(withJudgment), mediumTotal: mediums.length };
}

function precision(items: readonly Sampled[]): { judged: number; correct: number; wrong: number; unjudged: number; value: number } {
  const judged = items.filter(i => i.judgment);
  const correct = judged.filter(i => i.judgment!.verdict !== 'false').length;
  const wrong = judged.length - correct;
  const unjudged = items.length - judged.length;
  // An unjudged finding counts as wrong: the report never claims more than was checked.
  return { judged: judged.length, correct, wrong, unjudged, value: items.length ? correct / items.length : 1 };
}

// ---- Recall: an independent count with regular expressions --------------------------------

interface Hit {
  spec: string;
  file: string;
  offset: number;
  line: number;
  column: number;
  text: string;
}

interface RecallCheck {
  rule: 'child-process' | 'network-endpoint' | 'timezone-probe';
  method: string;
  /** Only files whose text contains this are searched. */
  fileGate?: RegExp;
  pattern: RegExp;
  /** A hit that is not what the rule is about (a definition, a reserved host). */
  skip?: (text: string, m: RegExpExecArray) => boolean;
}

const DEFINITION_AFTER = /^\s*\([^()]{0,80}\)\s*(?:\{|=>)/;

const RECALL_CHECKS: RecallCheck[] = [
  {
    rule: 'child-process',
    method: 'calls `spawn(`, `spawnSync(`, `execSync(`, `execFile(` and `execFileSync(` (as a name or a property, `x.spawn(` and `x["spawn"](` alike) in files that mention `child_process`, minus definitions (`spawn(a, b) {` or `=>` after the parameters) and `function spawn(`. `exec(` and `fork(` are left out: `RegExp#exec` and `cluster.fork` make a text count of them meaningless.',
    fileGate: /child_process/,
    pattern: /(?<![\w$])(function\s+)?(?:spawnSync|spawn|execSync|execFileSync|execFile)(?:["'`]\])?\s*\(/g,
    skip: (text, m) => Boolean(m[1]) || DEFINITION_AFTER.test(text.slice(m.index + m[0].length - 1, m.index + m[0].length + 120)),
  },
  {
    rule: 'network-endpoint',
    method: 'literal URLs given straight to a request: `fetch("http…")`, `new WebSocket("ws…")`, `axios|got|http|https .get|post|request("http…")`, and API client options `baseURL: "http…"` / `baseUrl: "http…"`, excluding hosts the rule reserves for documentation (example.com, *.test, *.invalid, *.local).',
    pattern: /(?:(?<![\w$.])fetch\s*\(|new\s+WebSocket\s*\(|(?<![\w$])(?:axios|got|https?)\s*\.\s*(?:get|post|request)\s*\(|(?<![\w$])["']?base(?:URL|Url)["']?\s*:)\s*(["'`])((?:https?|wss?):\/\/[^"'`\s$]+)\1/g,
    skip: (_text, m) => {
      const url = parseUrl(m[2]);
      return !url || classifyHost(url.host, []).kind === 'reserved';
    },
  },
  {
    rule: 'timezone-probe',
    method: 'reads of the time zone: `resolvedOptions().timeZone`, `getTimezoneOffset()` and `process.env.TZ`.',
    pattern: /resolvedOptions\(\)\s*\.\s*timeZone|getTimezoneOffset\s*\(\s*\)|process\.env\.TZ(?![\w$])/g,
  },
];

const JS = /\.(?:c|m)?js$/;
const SKIPPED_DIRS = new Set(['node_modules', 'test', 'tests', '__tests__', '__test__', 'spec', '__mocks__', 'fixtures', '__fixtures__', '.git']);
const TEST_FILE = /\.(?:test|spec)\.[cm]?js$/;

function jsFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) out.push(...jsFiles(dir, r));
    } else if (e.isFile() && JS.test(e.name) && !TEST_FILE.test(e.name)) out.push(r);
  }
  return out;
}

/** The host of the URL in a hit's text, for hits of URLs. */
function hostOfHit(hit: Hit): string | undefined {
  const m = /(["'`])((?:https?|wss?):\/\/[^"'`\s$]+)\1/.exec(hit.text);
  return m ? parseUrl(m[2])?.host : undefined;
}

/**
 * Whether a finding of the rule covers the hit: its span, one of its related places, or (for
 * a host the file names the same way in many places, reported once for `places` places and
 * the first 20 related) a finding of that host in the file.
 */
function covered(hit: Hit, findings: readonly Finding[]): boolean {
  const host = hostOfHit(hit);
  return findings.some(f => {
    if (host && f.file === hit.file && !f.entry && (f.places ?? 1) > 1 && f.evidence.includes(`host ${host}`)) return true;
    if (f.file !== hit.file || f.entry || f.offset === undefined) return false;
    if (f.offset <= hit.offset && hit.offset < Math.max(f.endOffset ?? f.offset, f.offset + 1)) return true;
    // A URL finding sits on the literal, a little after the call the pattern starts at.
    if (f.offset >= hit.offset && f.offset < hit.offset + hit.text.length) return true;
    return f.related.some(r => r.file === hit.file && r.line === hit.line && r.column !== undefined && hit.column <= r.column && r.column < hit.column + hit.text.length);
  });
}

interface RecallReview {
  key: string;
  text: string;
  reason: string;
}

function loadRecallReviews(): Map<string, RecallReview> {
  if (!fs.existsSync(RECALL_REVIEW)) return new Map();
  const list = (JSON.parse(fs.readFileSync(RECALL_REVIEW, 'utf8')) as { notCounted: RecallReview[] }).notCounted;
  return new Map(list.map(r => [r.key, r]));
}

function hitKey(hit: Pick<Hit, 'spec' | 'file' | 'line' | 'column'>): string {
  return `${hit.spec} ${hit.file}:${hit.line}:${hit.column}`;
}

interface RecallResult {
  check: RecallCheck;
  hits: Hit[];
  missed: Hit[];
  /** Missed hits a reviewer found not to be what the rule is about: out of the count. */
  excluded: Array<{ hit: Hit; reason: string }>;
}

function recall(scanned: readonly Scanned[], reviews: ReadonlyMap<string, RecallReview>): RecallResult[] {
  return RECALL_CHECKS.map(check => {
    const hits: Hit[] = [];
    const missed: Hit[] = [];
    const excluded: Array<{ hit: Hit; reason: string }> = [];
    for (const { spec, result } of scanned) {
      const findings = result.findings.filter(f => f.ruleId === check.rule);
      for (const file of jsFiles(result.root)) {
        let text: string;
        try {
          text = fs.readFileSync(path.join(result.root, file), 'utf8');
        } catch {
          continue;
        }
        if (check.fileGate && !check.fileGate.test(text)) continue;
        const lines = new LineIndex(text);
        check.pattern.lastIndex = 0;
        for (let m = check.pattern.exec(text); m; m = check.pattern.exec(text)) {
          if (check.skip?.(text, m)) continue;
          const pos = lines.positionAt(m.index);
          const hit: Hit = { spec, file, offset: m.index, line: pos.line, column: pos.column, text: m[0] };
          if (covered(hit, findings)) {
            hits.push(hit);
            continue;
          }
          // A reviewed hit counts out only while its text is still there.
          const review = reviews.get(`${check.rule} ${hitKey(hit)}`);
          if (review && text.slice(m.index, m.index + review.text.length) === review.text) {
            excluded.push({ hit, reason: review.reason });
            continue;
          }
          hits.push(hit);
          missed.push(hit);
        }
      }
    }
    return { check, hits, missed, excluded };
  });
}

// ---- Duplicates and lost files -------------------------------------------------------------

function exactDuplicates(result: TargetResult): number {
  const seen = new Set<string>();
  let dups = 0;
  for (const f of result.findings) {
    const key = [f.ruleId, f.file, f.entry ?? '', f.line ?? '', f.column ?? '', f.offset, f.message].join('\0');
    if (seen.has(key)) dups++;
    else seen.add(key);
  }
  return dups;
}

/** JavaScript files on disk that are neither counted as scanned nor named by an error entry. */
function lostFiles(result: TargetResult): number {
  const onDisk = jsFiles(result.root).length;
  const withErrors = new Set(result.errors.filter(e => !e.entry).map(e => e.file));
  const binaries = result.binaries?.length ?? 0;
  return Math.max(0, onDisk - (result.filesScanned - binaries) - withErrors.size);
}

// ---- The report ----------------------------------------------------------------------------

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

function sampledRows(items: readonly Sampled[]): string[] {
  return items.map(({ spec, finding: f, judgment: j }) =>
    `| ${cell(spec)} | ${f.ruleId} | ${cell(whereOf(f))} | ${cell(f.message)} | ${j ? `**${j.verdict}**` : '**unjudged**'} | ${cell(j?.reason ?? '')} |`);
}

function render(scanned: readonly Scanned[], missing: readonly string[], judgments: ReadonlyMap<string, Judgment>): { text: string; ok: boolean } {
  const { highs, mediums, mediumTotal } = sample(scanned, judgments);
  const hp = precision(highs);
  const mp = precision(mediums);
  const checks = recall(scanned, loadRecallReviews());
  const dupes = scanned.map(s => ({ spec: s.spec, n: exactDuplicates(s.result) }));
  const lost = scanned.map(s => ({ spec: s.spec, n: lostFiles(s.result) }));
  const totalDupes = dupes.reduce((a, b) => a + b.n, 0);
  const totalLost = lost.reduce((a, b) => a + b.n, 0);
  const recallOk = checks.every(c => c.hits.length === 0 || (c.hits.length - c.missed.length) / c.hits.length >= 0.9);
  const ok = hp.value >= 0.95 && mp.value >= 0.9 && recallOk && totalDupes === 0 && totalLost === 0 && hp.unjudged === 0 && mp.unjudged === 0;

  const out: string[] = [];
  out.push('# Accuracy on the corpus', '');
  out.push(`Generated by \`npm run accuracy\` (${TOOL_NAME} ${TOOL_VERSION}) from ${scanned.length} pinned packages of \`scripts/corpus.json\`${missing.length ? ` (${missing.length} not fetched: ${missing.join(', ')})` : ''}. Judgments are in \`docs/accuracy-judgments.json\`, keyed by finding fingerprint; a finding nobody judged counts as wrong.`, '');
  out.push('## Summary', '');
  out.push('| Measure | Result | Target |', '|---|---|---|');
  out.push(`| Precision, high findings (${highs.length}) | ${percent(hp.value)} (${hp.correct} true or benign, ${hp.wrong} false, ${hp.unjudged} unjudged) | >= 95 % |`);
  out.push(`| Precision, medium sample (${mediums.length} of ${mediumTotal}, seed ${SEED}) | ${percent(mp.value)} (${mp.correct} true or benign, ${mp.wrong} false, ${mp.unjudged} unjudged) | >= 90 % |`);
  for (const c of checks) {
    const found = c.hits.length - c.missed.length;
    out.push(`| Recall, ${c.check.rule} | ${c.hits.length ? percent(found / c.hits.length) : 'n/a'} (${found} of ${c.hits.length} independent hits${c.excluded.length ? `; ${c.excluded.length} more reviewed as not ${c.check.rule}` : ''}) | >= 90 % |`);
  }
  out.push(`| Exact duplicates (same rule, file, line, column, message) | ${totalDupes} | 0 |`);
  out.push(`| JavaScript files neither scanned nor named by an error entry | ${totalLost} | 0 |`);
  out.push('', `Overall: **${ok ? 'meets every target' : 'misses a target'}**.`, '');
  out.push('"true": the code does what the finding says. "benign": it does, and reading the code shows a harmless purpose (the finding is still correct, and counts as such). "false": the claim is wrong.', '');

  out.push('## Every high finding', '', '| Package | Rule | Where | Finding | Verdict | Reason |', '|---|---|---|---|---|---|', ...sampledRows(highs), '');
  out.push('## A random sample of medium findings', '', '| Package | Rule | Where | Finding | Verdict | Reason |', '|---|---|---|---|---|---|', ...sampledRows(mediums), '');

  out.push('## Recall against an independent count', '');
  out.push('Each check searches the JavaScript files of every package on disk (not the modules inside native executables, and not test folders or node_modules, which the scanner skips by default) with a regular expression written for this report, not with the scanner. A hit counts as found when a finding of the rule covers its offset or lists it as a related place. A missed hit that a person read and found not to be what the rule is about (listed with the reason in `docs/accuracy-recall-review.json`, and below) is left out of the count; every other miss counts.', '');
  for (const c of checks) {
    const found = c.hits.length - c.missed.length;
    out.push(`### ${c.check.rule}`, '', c.check.method, '', `${found} of ${c.hits.length} found${c.hits.length ? ` (${percent(found / c.hits.length)})` : ''}.`, '');
    if (c.missed.length) {
      out.push(`Missed (first ${MISSED_SHOWN}):`, '', '| Package | Where | Text |', '|---|---|---|');
      for (const m of c.missed.slice(0, MISSED_SHOWN)) out.push(`| ${cell(m.spec)} | ${cell(`${m.file}:${m.line}:${m.column}`)} | \`${cell(m.text.slice(0, 80))}\` |`);
      out.push('');
    }
    if (c.excluded.length) {
      const reasons = new Map<string, number>();
      for (const e of c.excluded) reasons.set(e.reason, (reasons.get(e.reason) ?? 0) + 1);
      out.push('Reviewed and left out of the count:', '', '| Hits | Reason |', '|---|---|');
      for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) out.push(`| ${n} | ${cell(reason)} |`);
      out.push('');
    }
  }

  out.push('## Per package', '', '| Package | Files scanned | Error entries | Findings | High | Exact duplicates | Lost files |', '|---|---|---|---|---|---|---|');
  for (const s of scanned) {
    const r = s.result;
    out.push(`| ${cell(s.spec)} | ${r.filesScanned} | ${r.errors.length} | ${r.findings.length} | ${r.findings.filter(f => f.severity === 'high').length} | ${dupes.find(d => d.spec === s.spec)!.n} | ${lost.find(d => d.spec === s.spec)!.n} |`);
  }
  out.push('');
  return { text: out.join('\n'), ok };
}

function main(argv: string[]): void {
  const only = option(argv, '--only');
  const out = option(argv, '--out') ?? DEFAULT_OUT;
  const { scanned, missing } = scanCorpus(only, option(argv, '--results'), option(argv, '--save'));
  if (scanned.length === 0) {
    process.stderr.write('no corpus package is fetched: run `npm run corpus` first\n');
    process.exitCode = 2;
    return;
  }
  const { text, ok } = render(scanned, missing, loadJudgments());
  fs.writeFileSync(out, text);
  process.stderr.write(`wrote ${out}: ${ok ? 'every target met' : 'a target is missed'}\n`);
  if (argv.includes('--missed')) {
    for (const c of recall(scanned, loadRecallReviews())) {
      for (const m of c.missed) process.stdout.write(`${JSON.stringify({ rule: c.check.rule, key: `${c.check.rule} ${hitKey(m)}`, text: m.text })}\n`);
    }
  }
  if (argv.includes('--unjudged')) {
    const judgments = loadJudgments();
    const { highs, mediums } = sample(scanned, judgments);
    for (const s of [...highs, ...mediums].filter(x => !x.judgment)) {
      process.stdout.write(`${JSON.stringify({ fingerprint: s.finding.fingerprint, rule: s.finding.ruleId, where: `${s.spec} ${whereOf(s.finding)}`, severity: s.finding.severity, message: s.finding.message })}\n`);
    }
  }
}

main(process.argv.slice(2));
