// Shared by correlators: selecting members by fact and building the correlated finding.
import type { Severity } from '../../model';
import type { RawFinding } from '../raw';
import type { CorrelationRule, FactKind } from '../types';

export function withFact(members: readonly RawFinding[], kinds: readonly FactKind[]): RawFinding[] {
  return members.filter(f => f.facts.some(x => kinds.includes(x.kind))).sort((a, b) => a.start - b.start);
}

/** The `detail` of the facts of these kinds, deduplicated, in order. */
export function detailsOf(members: readonly RawFinding[], kinds: readonly FactKind[]): string[] {
  const out = new Set<string>();
  for (const f of members) for (const x of f.facts) if (kinds.includes(x.kind) && x.detail) out.add(x.detail);
  return [...out];
}

/** A finding for `rule` at `site`, with every other step as a related location. */
export function correlated(rule: CorrelationRule, site: RawFinding, steps: readonly RawFinding[], message: string, severity: Severity = rule.severity): RawFinding {
  const related = [...new Set(steps)]
    .filter(f => f !== site)
    .sort((a, b) => a.start - b.start)
    .map(f => ({ start: f.start, end: f.end, message: `${f.ruleId}: ${f.message}` }));
  return {
    ruleId: rule.id,
    category: rule.category,
    severity,
    message,
    start: site.start,
    end: site.end,
    evidence: [...new Set([site, ...steps].flatMap(f => f.evidence))].slice(0, 24),
    facts: [],
    fn: site.fn,
    related,
  };
}

export const list = (items: string[], max = 3) => (items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', '));
