// `ai-tool-audit diff PACKAGE OLD NEW`: what did this update add? Fetches two published
// versions from the npm registry (with this machine's native platform package when the
// package ships one), audits both, and prints what the newer one added and removed.
import * as path from 'node:path';
import { SEVERITIES, severityRank, type Severity, type TargetSpec } from '../core/model';
import { DEFAULT_MAX_FILE_BYTES } from '../core/model';
import { selectRules } from '../core/audit';
import { POOL_FLAGS, POOL_HELP, POOL_VALUES, poolChoice, runAudit } from './runAudit';
import { targetForPath } from '../core/discovery/pathTarget';
import { auditResult } from '../core/report/json';
import { baselineTarget, compare, delta, type Delta } from '../core/report/baseline';
import { toMarkdown } from '../core/report/markdown';
import { printable } from '../core/text/safeText';
import { plural } from '../core/text/format';
import { invocationDir, listValue, parseArgs, UsageError } from './args';
import { fetchPackage, packageCacheDir } from './npmPackages';
import { formatDelta, styleFor } from './text';

export const DIFF_HELP = `Usage: ai-tool-audit diff PACKAGE OLD NEW [options]

Fetches PACKAGE@OLD and PACKAGE@NEW from the npm registry with \`npm pack\` (nothing is
installed and nothing runs), together with this platform's native package when the package
ships its code that way (e.g. @anthropic-ai/claude-code-linux-x64), audits both and prints
what NEW added and removed: new kinds of finding, hosts and vendor names, then the findings.
Findings are matched by what they are, not by line.

Options:
  --format FORMAT     text (default), json or markdown
  --json              the same as --format json
  --min-severity SEV  show changes of this severity and above (default: low); medium
                      and above are listed one by one, lows and infos too when there
                      are at most 15 of them, else counted by rule (--json lists all)
  --fail-on SEV       exit 1 when NEW adds a finding of this severity or above
  --rules a,b         run only these rules
  --max-file-mb N     per-file size limit (default ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024})
  --cache DIR         where fetched packages are kept (default ${packageCacheDir()})
${POOL_HELP}
  --verbose           markdown: every evidence item and step
  --help              show this help

Exit codes: 0 done, 1 --fail-on reached, 2 bad usage or a version npm cannot fetch,
3 an internal error.`;

export async function runDiff(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['json', 'verbose', 'help', ...POOL_FLAGS],
    values: ['format', 'min-severity', 'fail-on', 'rules', 'max-file-mb', 'cache', ...POOL_VALUES],
  });
  if (args.flags.has('help')) {
    process.stdout.write(`${DIFF_HELP}\n`);
    return 0;
  }
  if (args.positionals.length !== 3) throw new UsageError('diff takes a package name and two versions, e.g. diff @anthropic-ai/claude-code 2.1.90 2.1.91');
  const [name, oldVersion, newVersion] = args.positionals;
  const format = args.flags.has('json') ? 'json' : (args.values.get('format') ?? 'text');
  if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError('--format takes one of text, json, markdown');
  const minSeverity = severity(args.values.get('min-severity'), 'min-severity') ?? 'low';
  const failOn = severity(args.values.get('fail-on'), 'fail-on');
  const ruleChoice = { only: listValue(args.values.get('rules')) };
  const selection = selectRules(ruleChoice);
  const pool = poolChoice(args.values, args.flags);
  if (selection.unknown.length) throw new UsageError(`unknown ${selection.unknown.length === 1 ? 'rule' : 'rules'}: ${selection.unknown.join(', ')} (see \`ai-tool-audit rules\`)`);
  const maxMb = args.values.get('max-file-mb');
  const maxFileBytes = maxMb === undefined ? DEFAULT_MAX_FILE_BYTES : Number(maxMb) * 1024 * 1024;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError('--max-file-mb takes a positive number');
  const cache = args.values.has('cache') ? path.resolve(invocationDir(), args.values.get('cache')!) : packageCacheDir();

  const specs = [oldVersion, newVersion].map(v => specFor(name, v, cache));
  const progress = process.stderr.isTTY;
  const [before, after] = await runAudit(
    specs,
    {
      rules: ruleChoice,
      selection,
      maxFileBytes,
      onFile: progress ? (i, rel) => void process.stderr.write(`\r\u001b[Kscanning ${name}@${i ? newVersion : oldVersion}: ${printable(rel)}`) : undefined,
      onTarget: progress ? () => void process.stderr.write('\r\u001b[K') : undefined,
    },
    pool,
  );
  const comparison = compare(baselineTarget(before), after.findings);
  const shown = delta(after, comparison, minSeverity);

  if (format === 'json') {
    process.stdout.write(`${JSON.stringify({ schemaVersion: 1, package: name, from: oldVersion, to: newVersion, errors: { [oldVersion]: before.errors, [newVersion]: after.errors }, changes: shown }, null, 2)}\n`);
  } else if (format === 'markdown') {
    process.stdout.write(toMarkdown(auditResult([after]), { verbose: args.flags.has('verbose'), comparisons: [comparison], deltas: [shown], changesOnly: true }));
  } else {
    const style = styleFor(process.stdout);
    const out = [formatDelta({ ...shown, name }, style, minSeverity)];
    for (const t of [before, after]) if (t.errors.length) out.push(`${name}@${t.version}: ${plural(t.errors.length, 'file')} not fully scanned: ${t.errors.slice(0, 5).map(e => `${printable(e.file)} (${printable(e.message)})`).join('; ')}`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  const failing = failOn ? comparison.current.filter(c => c.state === 'new' && severityRank(c.finding.severity) >= severityRank(failOn)).length : 0;
  if (!failing) return 0;
  // Say why, also when --min-severity kept those findings out of what was printed.
  process.stderr.write(`fail-on ${failOn}: ${name}@${newVersion} adds ${plural(failing, 'finding')} of ${failOn} or above\n`);
  return 1;
}

/** The target for one version: the package, with its native platform package inside it. */
function specFor(name: string, version: string, cache: string): TargetSpec {
  let dir: string;
  try {
    dir = fetchPackage(name, version, cache);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  return { ...targetForPath(dir), version };
}

function severity(value: string | undefined, option: string): Severity | undefined {
  if (value === undefined) return undefined;
  if (!SEVERITIES.includes(value as Severity)) throw new UsageError(`--${option} takes one of ${SEVERITIES.join(', ')}`);
  return value as Severity;
}
