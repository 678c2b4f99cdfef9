// `ai-tool-audit scan PATH...`: scan files or package folders and print findings.
import * as fs from 'node:fs';
import { SEVERITIES, severityRank, type Severity, type TargetResult } from '../core/model';
import { selectRules } from '../core/rules';
import { auditResult, toJson } from '../core/report/json';
import { emptyResult, scanTarget, targetForPath, type TargetSpec } from '../core/scan/target';
import { discover, type Assistant } from '../core/discovery';
import { PYTHON_NOTE } from '../core/discovery/python';
import { printable } from '../core/report/safeText';
import { discoveryOptions } from './discoveryOptions';
import { DEFAULT_MAX_FILE_BYTES, formatMB } from '../core/scan/files';
import { listValue, parseArgs, UsageError } from './args';
import { formatTarget, reachesSeverity, styleFor } from './text';

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
  --min-severity SEV  show findings of this severity and above (default low;
                      info adds comparisons with the assistant's own vendor)
  --fail-on SEVERITY  exit 1 when a finding of this severity or above is found
                      (info, low, medium, high)
  --strict            exit 1 when a file could not be scanned
  --include-tests     also scan test folders and *.test.js / *.spec.js files
  --max-file-mb N     per-file size limit (default ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024})
  --help              show this help

Exit codes: 0 done, 1 --fail-on or --strict reached, 2 bad usage.`;

export function runScan(argv: string[]): number {
  const args = parseArgs(argv, {
    flags: ['json', 'strict', 'include-tests', 'help'],
    values: ['rules', 'fail-on', 'min-severity', 'max-file-mb', 'only', 'home'],
  });
  if (args.flags.has('help')) {
    process.stdout.write(`${SCAN_HELP}\n`);
    return 0;
  }
  if (args.positionals.length && (args.values.has('only') || args.values.has('home'))) throw new UsageError('--only and --home select installed assistants; they do not go with a PATH');
  const failOn = severityOption(args.values.get('fail-on'), 'fail-on');
  const minSeverity = severityOption(args.values.get('min-severity'), 'min-severity') ?? 'low';
  const maxMb = args.values.get('max-file-mb');
  const maxFileBytes = maxMb === undefined ? DEFAULT_MAX_FILE_BYTES : Number(maxMb) * 1024 * 1024;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError('--max-file-mb takes a positive number');
  const selection = selectRules(listValue(args.values.get('rules')));
  if (selection.unknown.length) throw new UsageError(`unknown rule(s): ${selection.unknown.join(', ')} (see \`ai-tool-audit rules\`)`);
  for (const p of args.positionals) {
    if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  }
  const specs = args.positionals.length ? args.positionals.map(targetForPath) : installedTargets(args.values.get('home'), listValue(args.values.get('only')));

  const progress = process.stderr.isTTY;
  const targets: TargetResult[] = [];
  for (const spec of specs) {
    if ((spec as Partial<Assistant>).language === 'python') {
      targets.push(notScanned(spec, PYTHON_NOTE));
      continue;
    }
    const label = spec.instanceId ?? spec.id;
    targets.push(
      scanTarget(spec, {
        rules: selection.rules,
        keep: selection.keep,
        maxFileBytes,
        includeTests: args.flags.has('include-tests'),
        onFile: progress ? (rel, size) => void process.stderr.write(`\r\u001b[Kscanning ${printable(label)}: ${printable(rel)} (${formatMB(size)})`) : undefined,
      }),
    );
    if (progress) process.stderr.write('\r\u001b[K');
  }
  if (targets.length === 0) process.stderr.write('No AI assistants found to scan (see `ai-tool-audit list`).\n');

  const hidden = targets.map(t => hideBelow(t, minSeverity));
  const result = auditResult(targets);
  if (args.flags.has('json')) {
    process.stdout.write(toJson(result));
  } else if (targets.length) {
    const style = styleFor(process.stdout);
    process.stdout.write(`${targets.map((t, i) => formatTarget(t, style, hidden[i], minSeverity)).join('\n\n')}\n`);
  }
  const findings = targets.flatMap(t => t.findings);
  if (failOn && reachesSeverity(findings, failOn)) return 1;
  if (args.flags.has('strict') && targets.some(t => t.errors.length)) return 1;
  return 0;
}

/** Discovered assistants, narrowed by `--only` (every name must match something). */
function installedTargets(home: string | undefined, only: string[] | undefined): Array<TargetSpec | Assistant> {
  const { assistants } = discover(discoveryOptions(home));
  if (!only) return assistants;
  const names = (a: Assistant) => [a.id, a.instanceId, a.catalogId, a.extensionId, a.packageName].filter((n): n is string => !!n).map(n => n.toLowerCase());
  const named = (a: Assistant, o: string) => names(a).includes(o.toLowerCase());
  const unknown = only.filter(o => !assistants.some(a => named(a, o)));
  if (unknown.length) {
    const available = [...new Set(assistants.flatMap(a => [a.id, a.instanceId]))].join(', ') || 'none';
    throw new UsageError(`--only: no installed assistant named ${unknown.join(', ')} (installed: ${available})`);
  }
  return assistants.filter(a => only.some(o => named(a, o)));
}

/** A target listed but not scanned, with the reason as its only error. */
function notScanned(spec: TargetSpec, reason: string): TargetResult {
  return { ...emptyResult(spec), errors: [{ file: '.', message: reason }] };
}

function severityOption(value: string | undefined, name: string): Severity | undefined {
  if (value === undefined) return undefined;
  if (!SEVERITIES.includes(value as Severity)) throw new UsageError(`--${name} takes one of ${SEVERITIES.join(', ')}`);
  return value as Severity;
}

/** Drops findings below `min` from the target, returning how many were dropped. */
function hideBelow(t: TargetResult, min: Severity): number {
  const before = t.findings.length;
  t.findings = t.findings.filter(f => severityRank(f.severity) >= severityRank(min));
  return before - t.findings.length;
}
