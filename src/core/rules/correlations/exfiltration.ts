// Data worth protecting (the whole environment, a credential store, machine or user
// identifiers) read in the same function or closure as a network call, or returned by a
// same-module function (to depth 3) whose value flows into the call. Co-location is not
// proof that the data is sent; the related steps say where to read.
import type { CorrelationRule, Correlator, FactKind, Flows } from '../types';
import type { RawFinding } from '../raw';
import { correlated, detailsOf, list, withFact } from './build';
import { classifyHost } from '../../net/hosts';

export const exfiltration: CorrelationRule = {
  id: 'exfiltration',
  category: 'secrets',
  severity: 'high',
  title: 'Sensitive data next to a network call',
  description: 'One function (or the closure around it) takes the whole environment, names a credential store or reads machine/user identifiers, and makes a network call, or such a value flows into the call from a same-module helper. High for environment and credentials read in the function or sent to a foreign host, medium otherwise and for identifiers.',
  needs: ['env-harvest', 'credential-read', 'machine-id', 'host-info', 'git-identity', 'network-call', 'network-endpoint'],
};

const SOURCE_KINDS: FactKind[] = ['source:env', 'source:credential', 'source:fingerprint'];

/** Sources whose values reach a sink's call through names and same-module calls (depth 3), by sink. */
function flowingSources(sinks: readonly RawFinding[], flows: Flows | undefined): Map<RawFinding, RawFinding[]> {
  const out = new Map<RawFinding, RawFinding[]>();
  if (!flows) return out;
  for (const sink of sinks) {
    const reached = sink.facts.flatMap(x => (x.kind === 'sink:network' && x.subject ? flows.sourcesOf(x.subject, sink.fn).sources : []));
    if (reached.length) out.set(sink, reached);
  }
  return out;
}

export const exfiltrationCorrelator: Correlator = {
  rules: [exfiltration],
  detect(members, target, flows) {
    const sinks = withFact(members, ['sink:network']);
    if (sinks.length === 0) return undefined;
    // The assistant's own key store (info) next to its own API call is how it logs in.
    const local = withFact(members, SOURCE_KINDS);
    const flowing = flowingSources(sinks, flows);
    const sources = [...new Set([...local, ...[...flowing.values()].flat()])]
      .filter(f => f.severity !== 'info')
      .sort((a, b) => a.start - b.start);
    if (sources.length === 0) return undefined;
    const site = local.some(f => f.severity !== 'info') ? sinks[0] : [...flowing.keys()].find(k => flowing.get(k)!.some(f => sources.includes(f))) ?? sinks[0];
    const secret = sources.some(f => f.facts.some(x => x.kind === 'source:env' || x.kind === 'source:credential'));
    // A secret read in this very function, or sent to a known foreign host, is high. One that
    // only flows in from a helper towards a computed destination is how assistants attach
    // their own login to their own API: still worth reading, medium.
    const hostsKnown = detailsOf(sinks, ['sink:network']).map(h => classifyHost(h, target));
    const foreignHost = hostsKnown.some(c => c.kind !== 'localhost' && !(c.kind === 'vendor-api' && c.own) && !(c.kind === 'telemetry' && c.own));
    const strong = local.some(f => f.severity !== 'info' && f.facts.some(x => x.kind === 'source:env' || x.kind === 'source:credential')) || foreignHost;
    const read = detailsOf(sources, SOURCE_KINDS);
    const hosts = detailsOf(members, ['sink:network', 'endpoint']);
    const endpoints = withFact(members, ['endpoint']);
    const near = sources.every(f => members.includes(f)) ? 'in the same function' : 'with what it reads flowing into the call';
    const message = `Reads ${list(read)} and makes a network call${hosts.length ? ` (${list(hosts)})` : ''} ${near}`;
    return { finding: correlated(exfiltration, site, [...sources, ...sinks, ...endpoints], message, secret && strong ? 'high' : 'medium'), about: sources };
  },
};
