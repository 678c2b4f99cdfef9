// A function (or the closure it sits in) that reads where the user is or where requests go
// AND compares values with vendor or region data is a gate: the pattern of the news story.
// Comparing only with the assistant's own vendor is a first-party endpoint check instead.
import type { CorrelationRule, Correlator, FactKind, TargetContext } from '../types';
import type { RawFinding } from '../../scan/raw';

export const regionGating: CorrelationRule = {
  id: 'region-gating',
  category: 'region',
  severity: 'high',
  title: 'Region or vendor gating',
  description: 'One function (or the closure around it) reads the timezone, locale or API endpoint setting and compares values with region markers or other vendors\' names.',
  needs: ['timezone-probe', 'locale-probe', 'endpoint-config-read', 'vendor-keywords', 'region-literals'],
};

export const endpointCheck: CorrelationRule = {
  id: 'endpoint-check',
  category: 'vendor',
  severity: 'low',
  title: 'First-party endpoint check',
  description: 'Reads the API endpoint or proxy setting and compares it only with the assistant\'s own vendor (for example host === "api.anthropic.com").',
  needs: ['endpoint-config-read', 'vendor-keywords'],
};


const has = (f: RawFinding, kinds: FactKind[]) => f.facts.some(x => kinds.includes(x.kind));

function gateOf(members: readonly RawFinding[], target: TargetContext): { finding: RawFinding; about: RawFinding[] } | undefined {
  const probes = members.filter(f => has(f, ['probe:timezone', 'probe:locale', 'probe:endpoint']));
  if (probes.length === 0) return undefined;
  const readsRegion = probes.some(f => has(f, ['probe:timezone', 'probe:endpoint']));
  // A locale compared with a language tag is localisation, not gating.
  const matchKinds: FactKind[] = readsRegion
    ? ['match:vendor', 'match:region-timezone', 'match:region-locale']
    : ['match:vendor', 'match:region-timezone'];
  const matches = members.filter(f => has(f, matchKinds) && !probes.includes(f)).sort((a, b) => a.start - b.start);
  if (matches.length === 0) return undefined;

  const facts = members.flatMap(f => f.facts);
  const regionMatched = matches.some(f => has(f, ['match:region-timezone', 'match:region-locale']));
  const own = new Set(target.ownVendors);
  const foreignVendor = facts.some(x => x.kind === 'match:vendor' && (x.vendors ?? []).some(v => !own.has(v)));
  const rule = regionMatched || foreignVendor ? regionGating : endpointCheck;

  const reads = [...new Set(probes.flatMap(f => f.facts.filter(x => x.kind.startsWith('probe:')).map(x => READS[x.kind])))];
  const compared = [...new Set(matches.flatMap(f => f.facts.filter(x => matchKinds.includes(x.kind)).map(x => COMPARES[x.kind])))];
  const [site, ...otherMatches] = matches;
  const related = [...probes, ...otherMatches]
    .sort((a, b) => a.start - b.start)
    .map(f => ({ start: f.start, end: f.end, message: `${f.ruleId}: ${f.message}` }));
  const finding: RawFinding = {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message:
      rule === endpointCheck
        ? `Reads ${reads.join(' and ')} and compares it with the assistant's own vendor (first-party check)`
        : `Reads ${reads.join(' and ')} and compares with ${compared.join(' and ')} in the same function`,
    start: site.start,
    end: site.end,
    evidence: [...new Set([...members.flatMap(f => f.evidence)])],
    facts: [],
    fn: site.fn,
    related,
  };
  return { finding, about: matches };
}

const READS: Record<string, string> = {
  'probe:timezone': 'the timezone',
  'probe:locale': 'the locale',
  'probe:endpoint': 'the API endpoint or proxy setting',
};

const COMPARES: Record<string, string> = {
  'match:vendor': 'vendor names',
  'match:region-timezone': 'region timezones',
  'match:region-locale': 'region language tags',
};

export const gateCorrelator: Correlator = { rules: [regionGating, endpointCheck], detect: gateOf };
