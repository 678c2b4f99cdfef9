// Turns co-located facts into the findings users care about. A function (or the closure it
// sits in) that reads where the user is or where requests go AND compares values with vendor
// or region data is a gate: the pattern of the news story, found by shape, not by names,
// so it holds in minified code.
//
// Scope (DESIGN.md): the innermost function plus the function enclosing it, unless that one
// is a module or bundle wrapper; never the whole module. Module-level code counts as one
// scope only in small files.
import type { FactKind, TargetContext } from '../rules/types';
import { regionGating, endpointCheck } from '../rules/correlations';
import { WRAPPER_SIZE, type FunctionInfo, type RawFinding } from './raw';

const MODULE = -1;

export function correlate(findings: readonly RawFinding[], functions: readonly FunctionInfo[], text: string, target: TargetContext): RawFinding[] {
  const groups = new Map<number, RawFinding[]>();
  const add = (key: number, f: RawFinding) => {
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  };
  for (const f of findings) {
    if (f.facts.length === 0) continue;
    for (const key of scopesOf(f.fn, functions, text.length)) add(key, f);
  }

  const gates: RawFinding[] = [];
  const covered = new Set<RawFinding>();
  // Smaller scopes first: a closure's gate is reported before the function around it.
  const ordered = [...groups.entries()].sort((a, b) => spanOf(a[0], functions, text) - spanOf(b[0], functions, text));
  for (const [, members] of ordered) {
    const gate = gateOf(members, target);
    if (!gate) continue;
    if (gate.matches.every(m => covered.has(m))) continue;
    for (const m of gate.matches) covered.add(m);
    gates.push(gate.finding);
  }
  return gates;
}

function scopesOf(fn: number, functions: readonly FunctionInfo[], textLength: number): number[] {
  const moduleIsSmall = textLength <= WRAPPER_SIZE;
  if (fn === MODULE) return moduleIsSmall ? [MODULE] : [];
  const info = functions[fn];
  if (info.wrapper) return [];
  const keys = [fn];
  if (info.parent === MODULE) {
    if (moduleIsSmall) keys.push(MODULE);
  } else if (!functions[info.parent].wrapper) {
    keys.push(info.parent);
  }
  return keys;
}

function spanOf(key: number, functions: readonly FunctionInfo[], text: string): number {
  return key === MODULE ? text.length : functions[key].end - functions[key].start;
}

const has = (f: RawFinding, kinds: FactKind[]) => f.facts.some(x => kinds.includes(x.kind));

function gateOf(members: RawFinding[], target: TargetContext): { finding: RawFinding; matches: RawFinding[] } | undefined {
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
  return { finding, matches };
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
