// A file write whose path comes from a shell start-up file, an autostart location, a git hook
// or another tool's configuration (persistence-location names them): changes that outlive the
// process and act on the user's other tools. Another AI assistant's configuration is high.
// The path is followed backwards from the write; naming such a place near a write is not enough.
import { draftOf, type Draft } from '../findings';
import type { CorrelationRule } from '../types';
import type { Correlator } from './types';
import { callSteps, inOrder, list, stepAt } from './shared';

export const configTamper: CorrelationRule = {
  meta: {
    id: 'config-tamper',
    category: 'persistence',
    severity: 'medium',
    title: "Writes a start-up file or another tool's configuration",
    description: "A file write whose path comes from a shell rc file, autostart entry, git hook or another tool's configuration (followed through names and same-module calls); high when it is another AI assistant's.",
    messages: {
      write: 'Writes {{place}} ({{call}})',
    },
  },
  needs: ['persistence-location', 'file-write'],
};

export const configTamperCorrelator: Correlator = {
  rules: [configTamper],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    if (marks.all('place').length === 0) return { added };
    const placeMark = marks.marker('place');
    for (const sink of marks.all('sink')) {
      // A chmod changes who may use a file, not what the tool it belongs to will read.
      if (sink.fact.sink !== 'write' || !sink.fact.target || sink.fact.permissionsOnly) continue;
      const reached = analysis.flow.origins(sink.fact.target, sink.draft.fn, placeMark);
      if (reached.length === 0) continue;
      const places = [...new Set(reached.flatMap(r => r.mark))];
      const assistant = places.some(p => p.fact.place === 'assistant-config');
      added.push(
        draftOf(configTamper.meta, {
          node: sink.draft,
          messageId: 'write',
          data: { place: list([...new Set(places.map(p => p.fact.detail))]), call: sink.fact.detail ?? 'a write' },
          severity: assistant ? 'high' : 'medium',
          evidence: [...new Set([...sink.draft.evidence, ...places.flatMap(p => p.draft.evidence)])],
          related: inOrder([...places.map(p => stepAt(p.draft)), ...reached.flatMap(r => callSteps(r.calls, analysis, 'the path passes'))]),
        }, sink.draft.fn),
      );
    }
    return { added };
  },
};
