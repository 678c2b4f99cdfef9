// `ai-tool-audit scan PATH...`: scan files or package folders and print findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TOOL_NAME } from '../core/version';
import { SEVERITIES, severityRank, type Finding, type ScanError, type Severity, type TargetResult } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES, type TargetSpec } from '../core/model';
import { auditTargets, selectRules } from '../core/audit';
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
import { formatTarget, reachesSeverity, styleFor } from './text';
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
  --json              print the JSON result (schemaVersion 1) on stdout
  --rules a,b         run only these rules (ids from \`ai-tool-audit rules\`)
  --min-severity SEV  show findings of this severity and above (default: low in
                      text, everything with --json; info adds, e.g., comparisons
                      with the assistant's own vendor)
  --fail-on SEVERITY  exit 1 when a finding of this severity or above is found
                      (info, low, medium, high)
  --strict            exit 1 when a file could not be scanned
  --include-tests     also scan test folders and *.test.js / *.spec.js files
  --max-file-mb N     per-file size limit (default ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024})
  --policy FILE       check the audit against this workspace policy; without it,
                      .vscode/ai-tool-audit.json or else ai-tool-audit.json in the
                      current directory is used when present
  --no-policy         do not look for a policy file
  --help              show this help

Exit codes: 0 done, 1 policy violations or --fail-on or --strict reached,
2 bad usage or an invalid policy (its errors are printed as file:line:col),
3 an internal error (please report it).`;

export function runScan(argv: string[]): number {
  const args = parseArgs(argv, {
    flags: ['json', 'strict', 'include-tests', 'no-policy', 'help'],
    values: ['rules', 'fail-on', 'min-severity', 'max-file-mb', 'only', 'home', 'policy'],
  });
  if (args.flags.has('help')) {
    process.stdout.write(`${SCAN_HELP}\n`);
    return 0;
  }
  if (args.positionals.length && (args.values.has('only') || args.values.has('home'))) throw new UsageError('--only and --home select installed assistants; they do not go with a PATH');
  const failOn = severityOption(args.values.get('fail-on'), 'fail-on');
  // Text for people hides info by default; JSON for tools carries everything unless asked.
  const minSeverity = severityOption(args.values.get('min-severity'), 'min-severity') ?? (args.flags.has('json') ? 'info' : 'low');
  const maxMb = args.values.get('max-file-mb');
  const maxFileBytes = maxMb === undefined ? DEFAULT_MAX_FILE_BYTES : Number(maxMb) * 1024 * 1024;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError('--max-file-mb takes a positive number');
  const selection = selectRules({ only: listValue(args.values.get('rules')) });
  if (selection.unknown.length) throw new UsageError(`unknown rule(s): ${selection.unknown.join(', ')} (see \`ai-tool-audit rules\`)`);
  const paths = args.positionals.map(p => path.resolve(invocationDir(), p));
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  }
  const policy = loadPolicy(args.values.get('policy'), args.flags.has('no-policy'));
  if (policy === 'invalid') return 2;
  const installed = paths.length ? undefined : installedTargets(args.values.get('home'), listValue(args.values.get('only')));
  const specs = installed ? installed.assistants : paths.map(targetForPath);
  // What discovery could not read (a launcher that is a FIFO, an unreadable folder), as `list` shows it.
  const discoveryErrors = installed?.errors ?? [];

  const progress = process.stderr.isTTY;
  const label = (i: number) => specs[i].instanceId ?? specs[i].id;
  const targets = auditTargets(specs, {
    selection,
    maxFileBytes,
    includeTests: args.flags.has('include-tests'),
    onFile: progress ? (i, rel, size) => void process.stderr.write(`\r\u001b[Kscanning ${printable(label(i))}: ${printable(rel)} (${formatMB(size)})`) : undefined,
    onTarget: progress ? () => void process.stderr.write('\r\u001b[K') : undefined,
  });
  if (targets.length === 0) process.stderr.write('No AI assistants found to scan (see `ai-tool-audit list`).\n');

  // The policy sees every finding, also those below --min-severity that the output hides.
  const evaluated = policy && evaluatePolicy(policy, { targets });
  const findings = targets.flatMap(t => t.findings);
  const before = targets.map(t => t.findings);
  const notes = evaluated ? suppressionNotes(evaluated, before) : new Map<Finding, string>();
  const referenced = new Set([...(evaluated?.violations ?? []).flatMap(v => (v.finding ? [before[v.assistant.index][v.finding.index]] : [])), ...notes.keys()]);
  const hidden = targets.map(t => hideBelow(t, minSeverity, referenced));
  const report = evaluated && reindex(evaluated, before, targets);
  const result = { ...auditResult(targets), ...(discoveryErrors.length ? { discoveryErrors } : {}), ...(report ? { policy: report } : {}) };
  if (args.flags.has('json')) {
    process.stdout.write(toJson(result));
  } else {
    const style = styleFor(process.stdout);
    const parts = targets.map((t, i) => formatTarget(t, style, hidden[i], minSeverity, notes));
    if (report && policy?.file) parts.push(formatPolicyReport(report, shownPolicyPath(policy.file), style));
    if (parts.length) process.stdout.write(`${parts.join('\n\n')}\n`);
    if (discoveryErrors.length) process.stderr.write(formatDiscoveryProblems(discoveryErrors, style, 'while looking for assistants'));
  }
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

/** Discovered assistants, narrowed by `--only` (every name must match something). */
function installedTargets(home: string | undefined, only: string[] | undefined): { assistants: Array<TargetSpec | Assistant>; errors: ScanError[] } {
  const { assistants, errors } = discover(discoveryOptions(home));
  if (!only) return { assistants, errors };
  const names = (a: Assistant) => [a.id, a.instanceId, a.catalogId, a.extensionId, a.packageName].filter((n): n is string => !!n).map(n => n.toLowerCase());
  const named = (a: Assistant, o: string) => names(a).includes(o.toLowerCase());
  const unknown = only.filter(o => !assistants.some(a => named(a, o)));
  if (unknown.length) {
    const available = [...new Set(assistants.flatMap(a => [a.id, a.instanceId]))].join(', ') || 'none';
    throw new UsageError(`--only: no installed assistant named ${unknown.join(', ')} (installed: ${available})`);
  }
  return { assistants: assistants.filter(a => only.some(o => named(a, o))), errors };
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
