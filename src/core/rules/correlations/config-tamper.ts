// A write in the same function (or closure) that names a shell start-up file, an autostart
// location, a git hook, or another tool's configuration: changes that outlive the process
// and act on the user's other tools. Another AI assistant's configuration is high.
import type { CorrelationRule, Correlator } from '../types';
import { correlated, detailsOf, list, withFact } from './build';

export const configTamper: CorrelationRule = {
  id: 'config-tamper',
  category: 'persistence',
  severity: 'medium',
  title: 'Writes a start-up file or another tool\'s configuration',
  description: 'One function (or the closure around it) writes a file and names a shell rc file, autostart entry, git hook or another tool\'s configuration; high when it is another AI assistant\'s.',
  needs: ['persistence-location', 'file-write'],
};

export const configTamperCorrelator: Correlator = {
  rules: [configTamper],
  detect(members) {
    const targets = withFact(members, ['target:startup', 'target:tool-config', 'target:assistant-config']);
    const writes = withFact(members, ['sink:write']);
    if (targets.length === 0 || writes.length === 0) return undefined;
    const assistant = targets.some(f => f.facts.some(x => x.kind === 'target:assistant-config'));
    const message = `Writes a file in the same function that names ${list(detailsOf(targets, ['target:startup', 'target:tool-config', 'target:assistant-config']))}`;
    return { finding: correlated(configTamper, writes[0], [...targets, ...writes], message, assistant ? 'high' : 'medium'), about: targets };
  },
};
