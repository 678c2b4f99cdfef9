// Every rule, in the order reports list them. Add a rule here, with its docs page
// (docs/rules/<id>.md) and its fixture tests (test/unit/rules/<id>.test.ts).
import type { CorrelationRule, ManifestRule, Rule } from './types';
import type { RuleInfo } from './catalog';
import { timezoneProbe } from './timezone-probe';
import { localeProbe } from './locale-probe';
import { endpointConfigRead } from './endpoint-config-read';
import { vendorKeywords } from './vendor-keywords';
import { regionLiterals } from './region-literals';
import { networkEndpoint } from './network-endpoint';
import { networkCall } from './network-call';
import { childProcess } from './child-process';
import { encodedList } from './encoded-list';
import { covertMarker } from './covert-marker';
import { CORRELATION_RULES } from './correlations';

export const RULES: Rule[] = [
  timezoneProbe, localeProbe, endpointConfigRead, vendorKeywords, regionLiterals,
  networkEndpoint, networkCall,
  childProcess,
  encodedList, covertMarker,
];

/** Rules over package.json (scan/manifest.ts runs them once per package). */
export const MANIFEST_RULES: ManifestRule[] = [];

/** Rules, manifest rules and correlations, as `ai-tool-audit rules` lists them (catalog.json is this, generated). */
export function ruleCatalog(): RuleInfo[] {
  const info = (r: Rule | ManifestRule | CorrelationRule, kind: RuleInfo['kind']): RuleInfo => ({
    id: r.meta.id,
    category: r.meta.category,
    severity: r.meta.severity,
    title: r.meta.title,
    description: r.meta.description,
    kind,
    doc: `docs/rules/${r.meta.id}.md`,
  });
  return [...RULES.map(r => info(r, 'code')), ...MANIFEST_RULES.map(r => info(r, 'manifest')), ...CORRELATION_RULES.map(r => info(r, 'correlation'))];
}

/**
 * The rules to run for a selection of ids, and the ids whose findings to keep. A correlation
 * runs the rules it needs; their own findings are kept only if named too.
 */
export function selectRules(names: readonly string[] | undefined): { rules: Rule[]; keep?: Set<string>; unknown: string[] } {
  if (!names || names.length === 0) return { rules: RULES, unknown: [] };
  const known = new Set(ruleCatalog().map(r => r.id));
  const run = new Set(names);
  for (const c of CORRELATION_RULES) if (run.has(c.meta.id)) c.needs.forEach(n => run.add(n));
  return {
    rules: RULES.filter(r => run.has(r.meta.id)),
    keep: new Set(names),
    unknown: names.filter(n => !known.has(n)),
  };
}
