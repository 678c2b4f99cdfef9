// `ai-tool-audit scan PATH...`: scan files or package folders and print findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOOL_NAME } from '../core/version';
import { SEVERITIES, severityRank, type Finding, type ScanError, type Severity, type TargetResult } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES, type TargetSpec } from '../core/model';
import { auditConfigurations, selectRules, type RuleSelection } from '../core/audit';
import { POOL_FLAGS, POOL_HELP, POOL_VALUES, poolChoice, runAudit } from './runAudit';
import { auditResult, toJson } from '../core/report/json';
import { targetForPath } from '../core/discovery/pathTarget';
import { discover, type Assistant } from '../core/discovery';
import { printable } from '../core/text/safeText';
import { formatMB } from '../core/text/format';
import { discoveryOptions } from './discoveryOptions';
import { formatDiscoveryProblems } from './listCommand';
import { evaluatePolicy } from '../core/policy/evaluate';
import { findPolicyFile, readPolicyFile } from '../core/policy/load';
import type { Policy, PolicyReport } from '../core/model/policy';
import { invocationDir, listValue, parseArgs, UsageError } from './args';
import { formatDelta, formatReport, reachesSeverity, styleFor } from './text';
import { toSarif } from '../core/report/sarif';
import { toMarkdown } from '../core/report/markdown';
import { baselineFor, compare, delta, makeBaseline, parseBaseline, type Baseline, type Comparison, type Delta } from '../core/report/baseline';
import { pathToFileURL } from 'node:url';
import { formatPolicyReport, formatProblem, shownPolicyPath } from './policyText';

export const SCAN_HELP = `Usage: ai-tool-audit scan [PATH...] [options]

Without PATH, scans every AI assistant installed for this user (see \`ai-tool-audit list\`).
With PATH, scans the shipped JavaScript of each PATH (a file, or a package folder with
everything under it, node_modules included). Prints findings with file:line:col.

Options:
  --only ID,...       without PATH: scan only these assistants (catalog id such as
                      claude-code, instance id such as claude-code@npm, extension id
                      or package name)
  --home DIR          without PATH: audit the assistants of another home
  --workspace DIR     without PATH: the repository whose project settings count
                      (.claude/settings.json, .mcp.json, .vscode/mcp.json, ...);
                      default: the current folder
  --no-config         without PATH: do not read the assistants' own settings
  --format FORMAT     what to print on stdout: text (default), json (the JSON
                      result, schemaVersion 1), sarif (SARIF 2.1.0) or markdown
  --json              the same as --format json
  --verbose           text and markdown: every evidence item, whole excerpts, every
                      correlated step and the native files (else cut with …)
  --sarif FILE        also write the SARIF 2.1.0 report to FILE
  --markdown FILE     also write the Markdown report to FILE
  --save-baseline FILE  write a snapshot of this audit to FILE, to compare with later
  --baseline FILE     compare with a snapshot written by --save-baseline: findings are
                      marked new, unchanged or gone (by what they are, not by line),
                      and what changed is listed per assistant
  --rules a,b         run only these rules (ids from \`ai-tool-audit rules\`)
  --min-severity SEV  show findings of this severity and above (default: low in
                      text, everything with --json; info adds, e.g., comparisons
                      with the assistant's own vendor)
  --fail-on SEVERITY  exit 1 when a finding of this severity or above is found
                      (info, low, medium, high)
  --strict            exit 1 when a file could not be scanned
  --include-tests     also scan test and benchmark folders and *.test.js /
                      *.spec.js files
${POOL_HELP}
  --max-file-mb N     per-file size limit (default ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024})
  --policy FILE       check the audit against this workspace policy; without it,
                      .vscode/ai-tool-audit.json or else ai-tool-audit.json in the
                      current directory is used when present
  --no-policy         do not look for a policy file
  --help              show this help

Exit codes: 0 done, 1 policy violations or --fail-on or --strict reached,
2 bad usage or an invalid policy (its errors are printed as file:line:col),
3 an internal error (please report it).`;

export async function runScan(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['json', 'strict', 'include-tests', 'no-policy', 'no-config', 'verbose', 'help', ...POOL_FLAGS],
    values: ['rules', 'fail-on', 'min-severity', 'max-file-mb', 'only', 'home', 'workspace', 'policy', 'format', 'sarif', 'markdown', 'save-baseline', 'baseline', ...POOL_VALUES],
  });
  if (args.flags.has('help')) {
    process.stdout.write(`${SCAN_HELP}\n`);
    return 0;
  }
  if (args.positionals.length && (args.values.has('only') || args.values.has('home') || args.values.has('workspace'))) throw new UsageError('--only, --home and --workspace select installed assistants; they do not go with a PATH');
  const failOn = severityOption(args.values.get('fail-on'), 'fail-on');
  const format = formatOption(args.values.get('format'), args.flags.has('json'));
  // Text for people hides info by default; formats for tools carry everything unless asked.
  const minSeverity = severityOption(args.values.get('min-severity'), 'min-severity') ?? (format === 'text' || format === 'markdown' ? 'low' : 'info');
  const outputs = outputFiles(args.values);
  const baseline = args.values.has('baseline') ? readBaseline(path.resolve(invocationDir(), args.values.get('baseline')!)) : undefined;
  const maxMb = args.values.get('max-file-mb');
  const maxFileBytes = maxMb === undefined ? DEFAULT_MAX_FILE_BYTES : Number(maxMb) * 1024 * 1024;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError('--max-file-mb takes a positive number');
  const ruleChoice = { only: listValue(args.values.get('rules')) };
  const selection = selectRules(ruleChoice);
  const pool = poolChoice(args.values, args.flags);
  if (selection.unknown.length) throw new UsageError(`unknown ${selection.unknown.length === 1 ? 'rule' : 'rules'}: ${selection.unknown.join(', ')} (see \`ai-tool-audit rules\`)`);
  const paths = args.positionals.map(p => path.resolve(invocationDir(), p));
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  }
  const policy = loadPolicy(args.values.get('policy'), args.flags.has('no-policy'));
  if (policy === 'invalid') return 2;
  const only = listValue(args.values.get('only'));
  const configs = paths.length || args.flags.has('no-config') ? [] : configTargets(args.values.get('home'), args.values.get('workspace'), only, selection);
  const installed = paths.length ? undefined : installedTargets(args.values.get('home'), only, configs.map(c => c.id));
  const specs = installed ? installed.assistants : paths.map(targetForPath);
  // What discovery could not read (a launcher that is a FIFO, an unreadable folder), as `list` shows it.
  const discoveryErrors = installed?.errors ?? [];

  const progress = process.stderr.isTTY;
  const label = (i: number) => specs[i].instanceId ?? specs[i].id;
  const targets = await runAudit(
    specs,
    {
      rules: ruleChoice,
      selection,
    maxFileBytes,
    includeTests: args.flags.has('include-tests'),
    onFile: progress ? (i, rel, size) => void process.stderr.write(`\r\u001b[Kscanning ${printable(label(i))}: ${printable(rel)} (${formatMB(size)})`) : undefined,
    onTarget: progress ? () => void process.stderr.write('\r\u001b[K') : undefined,
    },
    pool,
  );
  targets.push(...configs);
  if (targets.length === 0) process.stderr.write('No AI assistants found to scan (see `ai-tool-audit list`).\n');

  // The policy sees every finding, also those below --min-severity that the output hides.
  const evaluated = policy && evaluatePolicy(policy, { targets });
  const findings = targets.flatMap(t => t.findings);
  const before = targets.map(t => t.findings);
  // Compared before anything is hidden, so that a finding that fell below --min-severity is
  // not called gone.
  const comparisons = baseline ? targets.map(t => comparisonFor(baseline, t)) : undefined;
  comparisons?.forEach((c, i) => {
    if (!c) process.stderr.write(`note: the baseline has no snapshot of ${printable(targets[i].name)} (it holds ${printable(baseline!.targets.map(b => b.name).join(', ') || 'nothing')}): nothing to compare it with\n`);
  });
  const deltas = comparisons?.map((c, i) => c && delta(targets[i], c, minSeverity));
  const saved = outputs.saveBaseline ? makeBaseline(auditResult(targets)) : undefined;
  const notes = evaluated ? suppressionNotes(evaluated, before) : new Map<Finding, string>();
  const referenced = new Set([...(evaluated?.violations ?? []).flatMap(v => (v.finding ? [before[v.assistant.index][v.finding.index]] : [])), ...notes.keys()]);
  const hidden = targets.map(t => hideBelow(t, minSeverity, referenced));
  const report = evaluated && reindex(evaluated, before, targets);
  const shownComparisons = comparisons?.map(c => c && { ...c, gone: c.gone.filter(f => severityRank(f.severity) >= severityRank(minSeverity)) });
  const changes = comparisons && jsonChanges(comparisons, deltas!, targets);
  const result = { ...auditResult(targets), ...(discoveryErrors.length ? { discoveryErrors } : {}), ...(report ? { policy: report } : {}), ...(changes ? { changes } : {}) };
  const verbose = args.flags.has('verbose');
  // SARIF is for tools, in a file or on stdout alike: every finding unless --min-severity says otherwise.
  const sarifResult = args.values.has('min-severity') ? result : { ...result, targets: targets.map((t, i) => ({ ...t, findings: before[i] })) };
  const sarifComparisons = args.values.has('min-severity') ? shownComparisons : comparisons;
  const sarif = () => `${JSON.stringify(toSarif(sarifResult, { ...ruleDocs(), comparisons: sarifComparisons }), null, 2)}\n`;
  const markdown = () => toMarkdown(result, { verbose, comparisons: shownComparisons, deltas, generated: new Date() });
  if (outputs.sarif) writeOutput(outputs.sarif, sarif());
  if (outputs.markdown) writeOutput(outputs.markdown, markdown());
  if (outputs.saveBaseline) writeOutput(outputs.saveBaseline, `${JSON.stringify(saved, null, 2)}\n`);
  if (format === 'json') {
    process.stdout.write(toJson(result));
  } else if (format === 'sarif') {
    process.stdout.write(sarif());
  } else if (format === 'markdown') {
    process.stdout.write(markdown());
  } else {
    const style = styleFor(process.stdout);
    const states = new Map(shownComparisons?.flatMap(c => c?.current ?? []).map(c => [c.finding, c.state]) ?? []);
    const marks = new Map(notes);
    for (const [f, state] of states) if (state === 'new') marks.set(f, marks.has(f) ? `new; ${marks.get(f)}` : 'new');
    const changes = (deltas ?? []).flatMap(d => (d ? [formatDelta(d, style, minSeverity)] : []));
    const parts = [formatReport(targets, { style, verbose, hidden, minSeverity, notes: marks }, changes)];
    if (report && policy?.file) parts.push(formatPolicyReport(report, shownPolicyPath(policy.file), style));
    const text = parts.filter(Boolean).join('\n\n');
    if (text) process.stdout.write(`${text}\n`);
    if (discoveryErrors.length) process.stderr.write(formatDiscoveryProblems(discoveryErrors, style, 'while looking for assistants'));
  }
  for (const [kind, file] of Object.entries(outputs)) if (file) process.stderr.write(`${OUTPUT_LABEL[kind as keyof typeof OUTPUT_LABEL]} written to ${printable(file)}\n`);
  if (report?.violations.length) return 1;
  if (failOn && reachesSeverity(findings, failOn)) return 1;
  if (args.flags.has('strict') && (discoveryErrors.length || targets.some(t => t.errors.length))) return 1;
  return 0;
}

/**
 * The policy to apply: the file named by --policy, else the workspace's in the current
 * directory. Problems go to stderr as `file:line:col:`; 'invalid' means exit 2, never a
 * silent audit without the policy.
 */
function loadPolicy(named: string | undefined, disabled: boolean): Policy | undefined | 'invalid' {
  if (named !== undefined && disabled) throw new UsageError('--policy and --no-policy contradict each other');
  if (disabled) return undefined;
  let file = named === undefined ? undefined : path.resolve(invocationDir(), named);
  if (file === undefined) {
    const found = findPolicyFile(invocationDir());
    if (!found.file) return undefined;
    file = found.file;
    if (found.shadowed) process.stderr.write(`note: ${shownPolicyPath(found.shadowed)} is ignored: ${shownPolicyPath(found.file)} takes precedence\n`);
  }
  const shown = shownPolicyPath(path.resolve(file));
  const loaded = readPolicyFile(file);
  for (const w of loaded.warnings) process.stderr.write(`${formatProblem(shown, w)}\n`);
  if (!loaded.ok) {
    process.stderr.write(`${TOOL_NAME} scan: invalid policy ${shown}\n`);
    for (const e of loaded.errors) process.stderr.write(`${formatProblem(shown, e)}\n`);
    return 'invalid';
  }
  return loaded.policy;
}

/**
 * Discovered assistants, narrowed by `--only` (every name must match something installed or an
 * assistant whose configuration was found).
 */
function installedTargets(home: string | undefined, only: string[] | undefined, configured: readonly string[]): { assistants: Array<TargetSpec | Assistant>; errors: ScanError[] } {
  const { assistants, errors } = discover(discoveryOptions(home));
  if (!only) return { assistants, errors };
  const names = (a: Assistant) => [a.id, a.instanceId, a.catalogId, a.extensionId, a.packageName].filter((n): n is string => !!n).map(n => n.toLowerCase());
  const named = (a: Assistant, o: string) => names(a).includes(o.toLowerCase());
  const unknown = only.filter(o => !assistants.some(a => named(a, o)) && !configured.includes(o.toLowerCase()));
  if (unknown.length) {
    const available = [...new Set(assistants.flatMap(a => [a.id, a.instanceId]))].join(', ') || 'none';
    throw new UsageError(`--only: no installed assistant named ${unknown.join(', ')} (installed: ${available})`);
  }
  return { assistants: assistants.filter(a => only.some(o => named(a, o))), errors };
}

/** What each assistant's own settings say, in this home and the workspace (the current folder by default). */
function configTargets(home: string | undefined, workspace: string | undefined, only: string[] | undefined, selection: RuleSelection): TargetResult[] {
  const { env, home: dir, platform } = discoveryOptions(home);
  const ws = path.resolve(invocationDir(), workspace ?? '.');
  if (!fs.existsSync(ws) || !fs.statSync(ws).isDirectory()) throw new UsageError(`--workspace: no such folder: ${workspace}`);
  return auditConfigurations({ sources: { home: dir, workspace: ws, env, platform }, selection, only: only?.map(o => o.toLowerCase()) });
}

type Format = 'text' | 'json' | 'sarif' | 'markdown';
const FORMATS: Format[] = ['text', 'json', 'sarif', 'markdown'];

function formatOption(value: string | undefined, json: boolean): Format {
  if (value !== undefined && !FORMATS.includes(value as Format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}`);
  if (json && value !== undefined && value !== 'json') throw new UsageError(`--json and --format ${value} contradict each other`);
  return json ? 'json' : ((value as Format | undefined) ?? 'text');
}

const OUTPUT_LABEL = { sarif: 'SARIF report', markdown: 'Markdown report', saveBaseline: 'baseline' };

/** Files to write besides stdout, resolved from the folder the user ran the command in. */
function outputFiles(values: Map<string, string>): { sarif?: string; markdown?: string; saveBaseline?: string } {
  const at = (name: string) => (values.has(name) ? path.resolve(invocationDir(), values.get(name)!) : undefined);
  const files = { sarif: at('sarif'), markdown: at('markdown'), saveBaseline: at('save-baseline') };
  for (const file of Object.values(files)) {
    if (file && !fs.existsSync(path.dirname(file))) throw new UsageError(`cannot write ${file}: no folder ${path.dirname(file)}`);
  }
  return files;
}

function writeOutput(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return parseBaseline(text);
  } catch (e) {
    throw new UsageError(`baseline ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function comparisonFor(baseline: Baseline, t: TargetResult): Comparison | undefined {
  const before = baselineFor(baseline, t);
  return before && compare(before, t.findings);
}

/** The JSON form of a comparison: indices into the findings printed, gone findings whole. */
function jsonChanges(comparisons: ReadonlyArray<Comparison | undefined>, deltas: ReadonlyArray<Delta | undefined>, targets: TargetResult[]) {
  return comparisons.flatMap((c, i) => {
    const d = deltas[i];
    if (!c || !d) return [];
    const printed = new Map(targets[i].findings.map((f, j) => [f, j]));
    const fresh = c.current.filter(x => x.state === 'new' && printed.has(x.finding)).map(x => printed.get(x.finding)!);
    return [{ target: i, from: d.from, to: d.to, newFindings: fresh, gone: c.gone, unchanged: d.unchanged, rulesAdded: d.rulesAdded, rulesRemoved: d.rulesRemoved, hostsAdded: d.hostsAdded, hostsRemoved: d.hostsRemoved, vendorsAdded: d.vendorsAdded, vendorsRemoved: d.vendorsRemoved, settingsChanged: d.settingsChanged }];
  });
}

/** Where the rule pages ship beside dist/: a file: URL for helpUri and the page as help. */
function ruleDocs(): { docsBase?: string; ruleDoc?: (id: string) => string | undefined } {
  const dir = path.join(__dirname, '..', 'docs', 'rules');
  if (!fs.existsSync(dir)) return {};
  return {
    docsBase: `${pathToFileURL(dir).href}/`,
    ruleDoc: id => {
      try {
        return fs.readFileSync(path.join(dir, `${id}.md`), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function severityOption(value: string | undefined, name: string): Severity | undefined {
  if (value === undefined) return undefined;
  if (!SEVERITIES.includes(value as Severity)) throw new UsageError(`--${name} takes one of ${SEVERITIES.join(', ')}`);
  return value as Severity;
}

/**
 * Drops findings below `min` from the target, returning how many were dropped. Findings the
 * policy report points at stay: a violation must show the finding that caused it.
 */
function hideBelow(t: TargetResult, min: Severity, keep: ReadonlySet<Finding>): number {
  const before = t.findings.length;
  t.findings = t.findings.filter(f => keep.has(f) || severityRank(f.severity) >= severityRank(min));
  return before - t.findings.length;
}

function suppressionNotes(report: PolicyReport, findings: Finding[][]): Map<Finding, string> {
  return new Map(report.suppressed.map(s => [findings[s.assistantIndex][s.findingIndex], `suppressed by ${s.suppression}`]));
}

/** The report with finding indices into the findings as printed (after hiding). */
function reindex(report: PolicyReport, before: Finding[][], targets: TargetResult[]): PolicyReport {
  const maps = targets.map(t => new Map(t.findings.map((f, i) => [f, i])));
  const at = (ti: number, fi: number) => maps[ti].get(before[ti][fi])!;
  return {
    ...report,
    violations: report.violations.map(v => (v.finding ? { ...v, finding: { ...v.finding, index: at(v.assistant.index, v.finding.index) } } : v)),
    suppressed: report.suppressed.map(s => ({ ...s, findingIndex: at(s.assistantIndex, s.findingIndex) })),
  };
}
