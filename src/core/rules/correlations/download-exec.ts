// Download and run: code or a command whose value comes from a network response is evaluated
// or run (high), or a downloaded file is written and then run from the same path (medium: a
// self-updater does this by design). Followed backwards from the eval, the process start and
// the write through names, response methods (`await r.text()`) and same-module calls.
import type { Node } from '../../js/ast';
import { draftOf, type Draft } from '../findings';
import type { CorrelationRule } from '../types';
import type { Marked } from './marks';
import type { Correlator } from './types';
import { callSteps, inOrder, stepAt } from './shared';

export const downloadExec: CorrelationRule = {
  meta: {
    id: 'download-exec',
    category: 'execution',
    severity: 'high',
    title: 'Downloads and runs code',
    description: 'Code, or the program or shell command to run, comes from a network response (high); a program run with arguments from a network response, or a downloaded file written and run from the same path (medium: updaters do this).',
    messages: {
      runs: 'Runs {{what}} that comes from a network response ({{how}})',
      arguments: 'Runs a program with arguments that come from a network response ({{how}})',
      writeRun: 'Writes a download to {{path}} and runs it ({{how}})',
    },
  },
  needs: ['network-call', 'file-write', 'child-process', 'dynamic-code'],
};

export const downloadExecCorrelator: Correlator = {
  rules: [downloadExec],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    const sinks = marks.all('sink');
    if (!sinks.some(s => s.fact.sink === 'network')) return { added };
    const network = marks.marker('sink', m => m.fact.sink === 'network');
    const fetched = (values: readonly Node[], s: Marked<'sink'>) => values.flatMap(p => analysis.flow.origins(p, s.draft.fn, network));
    const downloads: Array<{ write: Marked<'sink'>; path: string }> = [];
    for (const s of sinks) {
      if (s.fact.sink === 'eval' || s.fact.sink === 'exec') {
        // Code to evaluate, or the program or command to run, from the network: high. Only the
        // arguments of a fixed program (`npm install -g <latest version>`): an updater, medium.
        const code = s.fact.sink === 'eval' ? fetched(s.fact.payload, s) : s.fact.target ? fetched([s.fact.target], s) : [];
        const args = s.fact.sink === 'exec' && code.length === 0 ? fetched(s.fact.payload, s) : [];
        const reached = code.length ? code : args;
        if (reached.length === 0) continue;
        const requests = [...new Set(reached.flatMap(r => r.mark))];
        added.push(
          draftOf(downloadExec.meta, {
            node: s.draft,
            messageId: code.length ? 'runs' : 'arguments',
            data: { what: s.fact.sink === 'eval' ? 'code' : 'a command', how: s.fact.detail ?? s.draft.ruleId },
            severity: code.length ? 'high' : 'medium',
            evidence: [...new Set([...s.draft.evidence, ...requests.flatMap(r => r.draft.evidence)])],
            related: inOrder([...requests.map(r => stepAt(r.draft)), ...reached.flatMap(r => callSteps(r.calls, analysis, 'the response passes'))]),
          }, s.draft.fn),
        );
      } else if (s.fact.sink === 'write' && s.fact.target && fetched(s.fact.payload, s).length) {
        downloads.push({ write: s, path: analysis.index.sourceOf(s.fact.target) });
      }
    }
    for (const { write, path } of downloads) {
      const source = (n: Node) => analysis.index.sourceOf(n);
      const run = sinks.find(s => s.fact.sink === 'exec' && s.draft.fn === write.draft.fn && [s.fact.target, ...s.fact.payload].some(p => p && mentions(p, path, source)));
      if (!run) continue;
      // The chmod +x between the two is part of the story.
      const onPath = sinks.filter(s => s.fact.sink === 'write' && s.draft.fn === write.draft.fn && s.fact.target && source(s.fact.target) === path);
      added.push(
        draftOf(downloadExec.meta, {
          node: run.draft,
          messageId: 'writeRun',
          data: { path, how: run.fact.detail ?? run.draft.ruleId },
          severity: 'medium',
          evidence: [...new Set([...onPath.flatMap(w => w.draft.evidence), ...run.draft.evidence])],
          related: inOrder(onPath.map(w => stepAt(w.draft))),
        }, run.draft.fn),
      );
    }
    return { added };
  },
};

/** The command spells the written path (the same name, or a string built around it). */
function mentions(arg: Node, path: string, source: (n: Node) => string): boolean {
  if (path.length < 1 || path.length > 200) return false;
  const text = source(arg);
  return text === path || (text.length < 400 && new RegExp(`(^|[^\\w$])${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w$])`).test(text));
}
