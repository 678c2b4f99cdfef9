// Rule metadata without the rules: what the editor's views, the policy loader and the CLI's
// `rules` list need, light enough for the extension host (no parser, no rule code). Generated
// from the rules by `npm run rules-catalog`; a unit test fails when it falls out of date.
import type { Category, Severity } from '../model';
import data from './catalog.json';

export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  /** `code`: handlers over JavaScript; `manifest`: over package.json; `correlation`: over other rules' facts; `config`: over an assistant's settings. */
  kind: 'code' | 'manifest' | 'correlation' | 'config';
  /** The rule's page, relative to the repository (docs/rules/<id>.md). */
  doc: string;
}

export const RULE_CATALOG: readonly RuleInfo[] = data.rules as RuleInfo[];

const byId = new Map(RULE_CATALOG.map(r => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

export function ruleIds(): Set<string> {
  return new Set(byId.keys());
}
