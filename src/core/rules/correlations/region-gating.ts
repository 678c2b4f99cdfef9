// A function (or the closure it sits in) that reads where the user is or where requests go
// AND compares values with vendor or region data is a gate: the pattern of the news story.
// Comparing only with the assistant's own vendor is a first-party endpoint check instead.
import type { CorrelationRule, Correlator, FactKind, Flows, TargetContext } from '../types';
import type { RawFinding, RawRelated } from '../raw';
import type { CallStep } from '../../js/callgraph';

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
 * Which matches count, and the probes that reach them. A comparison whose compared value is
 * known (`K` in `K === "Asia/Shanghai"`) counts only if that value comes from a probe: read
 * in the function, or returned by a callee to depth 3 (`K = _F6()`). A list whose use is not
 * known counts by sitting in the same scope as a probe.
 */
function flowingMatches(matches: readonly RawFinding[], ownProbes: readonly RawFinding[], flows: Flows | undefined): { counted: RawFinding[]; flowed: Flowed[] } {
  const counted: RawFinding[] = [];
  const flowed: Flowed[] = [];
  for (const m of matches) {
    const subjects = m.facts.filter(x => x.kind.startsWith('match:') && x.subject).map(x => x.subject!);
    if (subjects.length === 0 || !flows) {
      if (ownProbes.length) counted.push(m);
      continue;
    }
    let reached = false;
    for (const subject of subjects) {
      const sources = flows.sourcesOf(subject, m.fn);
      for (const probe of sources.probes) {
        reached = true;
        if (!flowed.some(x => x.probe === probe)) flowed.push({ probe, calls: sources.calls });
      }
    }
    if (reached) counted.push(m);
  }
  return { counted, flowed };
}

function gateOf(members: readonly RawFinding[], target: TargetContext, flows?: Flows): { finding: RawFinding; about: RawFinding[] } | undefined {
  const ownProbes = members.filter(f => has(f, PROBES));
  const anyMatch = members.filter(f => f.facts.some(x => x.kind.startsWith('match:')) && !ownProbes.includes(f));
  const { counted, flowed } = flowingMatches(anyMatch, ownProbes, flows);
  const probes = [...new Set([...flowed.map(x => x.probe), ...(counted.some(m => !m.facts.some(x => x.subject)) ? ownProbes : [])])];
  if (probes.length === 0) return undefined;
  const readsRegion = probes.some(f => has(f, ['probe:timezone', 'probe:endpoint']));
  // A locale compared with a language tag is localisation, not gating.
  const matchKinds: FactKind[] = readsRegion
    ? ['match:vendor', 'match:region-timezone', 'match:region-locale']
    : ['match:vendor', 'match:region-timezone'];
  const matches = counted.filter(f => has(f, matchKinds)).sort((a, b) => a.start - b.start);
  if (matches.length === 0) return undefined;

  const facts = [...matches, ...probes].flatMap(f => f.facts);
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
    evidence: [...new Set([...matches, ...probes].flatMap(f => f.evidence))],
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
