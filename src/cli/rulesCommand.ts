// `ai-tool-audit rules`: every rule and correlation with its category and severity.
import { RULE_CATALOG } from '../core/rules/catalog';
import { parseArgs } from './args';

export const RULES_HELP = `Usage: ai-tool-audit rules [--json]

Lists every rule id with its category, default severity and what it finds.
Each rule is documented in docs/rules/<id>.md.`;

export function runRules(argv: string[]): number {
  const args = parseArgs(argv, { flags: ['json', 'help'], values: [] });
  if (args.flags.has('help')) {
    process.stdout.write(`${RULES_HELP}\n`);
    return 0;
  }
  const rules = RULE_CATALOG;
  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(rules.map(r => ({ ...r, correlation: r.kind === 'correlation' })), null, 2)}\n`);
    return 0;
  }
  for (const r of rules) {
    process.stdout.write(`${r.id.padEnd(24)} ${r.category.padEnd(12)} ${r.severity.padEnd(7)} ${r.title}${r.kind === 'code' ? '' : ` (${r.kind})`}\n`);
    process.stdout.write(`${' '.repeat(46)}${r.description}\n`);
  }
  return 0;
}
