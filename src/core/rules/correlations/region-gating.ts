// A function (or the closure it sits in) that reads where the user is or where requests go
// AND compares values with vendor or region data is a gate: the pattern of the news story.
// Comparing only with the assistant's own vendor is a first-party endpoint check instead.
import type { CorrelationRule, Correlator, FactKind, Flows, TargetContext } from '../types';
import type { RawFinding, RawRelated } from '../../scan/raw';
import type { CallStep } from '../../scan/callgraph';

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
const PROBES: FactKind[] = ['probe:timezone', 'probe:locale', 'probe:endpoint'];

interface Flowed {
  probe: RawFinding;
  /** The same-module calls the value went through, e.g. `_F6()` returning the timezone. */
  calls: CallStep[];
}

/**
 * Probes whose value reaches a match's subject: `K` in `K === "Asia/Shanghai"` bound to
 * `_F6()`, which returns the cached `Intl…timeZone`.
 */
function flowedProbes(matches: readonly RawFinding[], flows: Flows | undefined): Flowed[] {
  if (!flows) return [];
  const out: Flowed[] = [];
  for (const m of matches) {
    for (const fact of m.facts) {
      if (!fact.subject) continue;
      const sources = flows.sourcesOf(fact.subject, m.fn);
      for (const probe of sources.probes) {
        if (!out.some(x => x.probe === probe)) out.push({ probe, calls: sources.calls });
      }
    }
  }
  return out;
}

function gateOf(members: readonly RawFinding[], target: TargetContext, flows?: Flows): { finding: RawFinding; about: RawFinding[] } | undefined {
  const anyMatch = members.filter(f => f.facts.some(x => x.kind.startsWith('match:')));
  const flowed = flowedProbes(anyMatch, flows);
  const probes = [...members.filter(f => has(f, PROBES)), ...flowed.map(x => x.probe).filter(p => !members.includes(p))];
  if (probes.length === 0) return undefined;
  const readsRegion = probes.some(f => has(f, ['probe:timezone', 'probe:endpoint']));
  // A locale compared with a language tag is localisation, not gating.
  const matchKinds: FactKind[] = readsRegion
    ? ['match:vendor', 'match:region-timezone', 'match:region-locale']
    : ['match:vendor', 'match:region-timezone'];
  const matches = anyMatch.filter(f => has(f, matchKinds) && !probes.includes(f)).sort((a, b) => a.start - b.start);
  if (matches.length === 0) return undefined;

  const facts = [...members, ...probes].flatMap(f => f.facts);
  const regionMatched = matches.some(f => has(f, ['match:region-timezone', 'match:region-locale']));
  const own = new Set(target.ownVendors);
  const foreignVendor = facts.some(x => x.kind === 'match:vendor' && (x.vendors ?? []).some(v => !own.has(v)));
  const rule = regionMatched || foreignVendor ? regionGating : endpointCheck;

  const reads = [...new Set(probes.flatMap(f => f.facts.filter(x => x.kind.startsWith('probe:')).map(x => READS[x.kind])))];
  const compared = [...new Set(matches.flatMap(f => f.facts.filter(x => matchKinds.includes(x.kind)).map(x => COMPARES[x.kind])))];
  const calls = uniqueCalls(flowed.flatMap(x => x.calls));
  const through = calls.length ? ` (through ${calls.map(c => `${calleeName(c)}()`).join(', ')})` : '';
  const [site, ...otherMatches] = matches;
  const related: RawRelated[] = [
    ...[...probes, ...otherMatches].map(f => ({ start: f.start, end: f.end, message: `${f.ruleId}: ${f.message}` })),
    ...calls.map(c => ({ start: c.call.start, end: c.call.end, message: `calls ${calleeName(c)}(), whose return value is compared here: ${describeReads(flowed.filter(x => x.calls.includes(c)).map(x => x.probe))}` })),
    ...matches.flatMap(m => m.related),
  ].sort((a, b) => a.start - b.start);
  const finding: RawFinding = {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    message:
      rule === endpointCheck
        ? `Reads ${reads.join(' and ')}${through} and compares it with the assistant's own vendor (first-party check)`
        : `Reads ${reads.join(' and ')}${through} and compares with ${compared.join(' and ')}`,
    start: site.start,
    end: site.end,
    evidence: [...new Set([...members, ...probes].flatMap(f => f.evidence))],
    facts: [{ kind: 'gate' }],
    fn: site.fn,
    related: dedupeRelated(related),
  };
  return { finding, about: matches };
}

function uniqueCalls(calls: CallStep[]): CallStep[] {
  return calls.filter((c, i) => calls.findIndex(x => x.call === c.call) === i);
}

function calleeName(step: CallStep): string {
  const callee = step.call.callee;
  return callee.type === 'Identifier' ? callee.name : 'a function';
}

function describeReads(probes: RawFinding[]): string {
  return [...new Set(probes.flatMap(p => p.facts.filter(x => x.kind.startsWith('probe:')).map(x => READS[x.kind])))].join(' and ') || 'a value';
}

function dedupeRelated(related: RawRelated[]): RawRelated[] {
  return related.filter((r, i) => related.findIndex(x => x.start === r.start && x.end === r.end && x.message === r.message) === i);
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
