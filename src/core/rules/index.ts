// Every rule, in the order reports list them. Add a rule here, with its docs page
// (docs/rules/<id>.md) and its fixture tests (test/unit/rules/<id>.test.ts).
import type { CorrelationRule, Rule } from './types';
import { timezoneProbe } from './timezone-probe';
import { localeProbe } from './locale-probe';
import { endpointConfigRead } from './endpoint-config-read';
import { vendorKeywords } from './vendor-keywords';
import { regionLiterals } from './region-literals';
import { encodedList } from './encoded-list';
import { covertMarker } from './covert-marker';
import { CORRELATION_RULES } from './correlations';

export const RULES: Rule[] = [timezoneProbe, localeProbe, endpointConfigRead, vendorKeywords, regionLiterals, encodedList, covertMarker];

export type RuleInfo = Pick<Rule, 'id' | 'category' | 'severity' | 'title' | 'description'> & { correlation: boolean };

/** Rules and correlations, as `ai-tool-audit rules` lists them. */
export function ruleCatalog(): RuleInfo[] {
  const info = (r: Rule | CorrelationRule, correlation: boolean): RuleInfo => ({
    id: r.id,
    category: r.category,
    severity: r.severity,
    title: r.title,
    description: r.description,
    correlation,
  });
  return [...RULES.map(r => info(r, false)), ...CORRELATION_RULES.map(r => info(r, true))];
}

/**
 * The rules to run for a selection of ids, and the ids whose findings to keep. A correlation
 * runs the rules it needs; their own findings are kept only if named too.
 */
export function selectRules(names: readonly string[] | undefined): { rules: Rule[]; keep?: Set<string>; unknown: string[] } {
  if (!names || names.length === 0) return { rules: RULES, unknown: [] };
  const known = new Set([...RULES.map(r => r.id), ...CORRELATION_RULES.map(r => r.id)]);
  const run = new Set(names);
  for (const c of CORRELATION_RULES) if (run.has(c.id)) c.needs.forEach(n => run.add(n));
  return {
    rules: RULES.filter(r => run.has(r.id)),
    keep: new Set(names),
    unknown: names.filter(n => !known.has(n)),
  };
}
