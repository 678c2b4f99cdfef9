// Download and run: a network call, a file write and a process start in one function (or
// its closure), or a network call next to code built from strings at run time. Self-updaters
// do the first by design (medium); evaluating fetched code is high.
import type { CorrelationRule, Correlator } from '../types';
import { correlated, detailsOf, list, withFact } from './build';

export const downloadExec: CorrelationRule = {
  id: 'download-exec',
  category: 'execution',
  severity: 'high',
  title: 'Downloads and runs code',
  description: 'One function (or the closure around it) makes a network call, writes a file and starts a process (medium: an updater does this), or makes a network call and evaluates code computed at run time (high).',
  needs: ['network-call', 'file-write', 'child-process', 'dynamic-code', 'encoded-payload'],
};

export const downloadExecCorrelator: Correlator = {
  rules: [downloadExec],
  detect(members) {
    const network = withFact(members, ['sink:network']);
    if (network.length === 0) return undefined;
    const evals = withFact(members, ['sink:eval']).filter(f => f.severity === 'medium' || f.severity === 'high');
    if (evals.length) {
      const message = `Makes a network call and runs code built at run time (${list(detailsOf(evals, ['sink:eval']))}) in the same function`;
      return { finding: correlated(downloadExec, evals[0], [...network, ...evals], message, 'high'), about: evals };
    }
    const writes = withFact(members, ['sink:write']);
    const execs = withFact(members, ['sink:exec']);
    if (writes.length === 0 || execs.length === 0) return undefined;
    const message = `Makes a network call, writes ${list(detailsOf(writes, ['sink:write']), 2)} and runs ${list(detailsOf(execs, ['sink:exec']), 2)} in the same function`;
    return { finding: correlated(downloadExec, execs[0], [...network, ...writes, ...execs], message, 'medium'), about: execs };
  },
};
