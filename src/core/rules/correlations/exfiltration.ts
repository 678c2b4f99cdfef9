// Data worth protecting (the whole environment, a credential store, machine or user
// identifiers) read in the same function or closure as a network call. Co-location is not
// proof that the data is sent; the related steps say where to read.
import type { CorrelationRule, Correlator } from '../types';
import { correlated, detailsOf, list, withFact } from './build';

export const exfiltration: CorrelationRule = {
  id: 'exfiltration',
  category: 'secrets',
  severity: 'high',
  title: 'Sensitive data next to a network call',
  description: 'One function (or the closure around it) takes the whole environment, names a credential store or reads machine/user identifiers, and makes a network call. High for environment and credentials, medium for identifiers.',
  needs: ['env-harvest', 'credential-read', 'machine-id', 'host-info', 'git-identity', 'network-call', 'network-endpoint'],
};

export const exfiltrationCorrelator: Correlator = {
  rules: [exfiltration],
  detect(members) {
    // The assistant's own key store (info) next to its own API call is how it logs in.
    const sources = withFact(members, ['source:env', 'source:credential', 'source:fingerprint']).filter(f => f.severity !== 'info');
    const sinks = withFact(members, ['sink:network']);
    if (sources.length === 0 || sinks.length === 0) return undefined;
    const secret = sources.some(f => f.facts.some(x => x.kind === 'source:env' || x.kind === 'source:credential'));
    const read = detailsOf(sources, ['source:env', 'source:credential', 'source:fingerprint']);
    const hosts = detailsOf(members, ['sink:network', 'endpoint']);
    const endpoints = withFact(members, ['endpoint']);
    const message = `Reads ${list(read)} and makes a network call${hosts.length ? ` (${list(hosts)})` : ''} in the same function`;
    return { finding: correlated(exfiltration, sinks[0], [...sources, ...sinks, ...endpoints], message, secret ? 'high' : 'medium'), about: sources };
  },
};
