// A file write whose path comes from a shell start-up file, an autostart location, a git hook
// or another tool's configuration (persistence-location names them): changes that outlive the
// process and act on the user's other tools. Another AI assistant's configuration is high.
// The path is followed backwards from the write; naming such a place near a write is not enough.
import { argumentsOf, calleeRefOf } from '../../js/modules';
import { staticString, type Node } from '../../js/ast';
import { draftOf, type Draft } from '../findings';
import type { Reached } from '../../js/flow';
import type { CorrelationRule, ModuleAnalysis } from '../types';
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

/**
 * `rc + ".bak"`, `\`${file}.ccr-tmp\``: a name with a suffix added is another file (a backup
 * or a temporary copy beside the configuration), whatever the name it is built from.
 */
function isSuffixedName(node: Node): boolean {
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = node.left as Node;
    const before = left.type === 'BinaryExpression' && left.operator === '+' ? left.right : left;
    return isSuffix(staticString(node.right)) && !isSeparator(before);
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length > 0 && node.quasis.length >= 2) {
    return isSuffix(node.quasis[node.quasis.length - 1].value.cooked ?? undefined) && !isSeparator(node.expressions[node.expressions.length - 1] as Node);
  }
  return false;
}

function isSuffix(text: string | undefined): boolean {
  return text !== undefined && /^[.~_-][\w.~-]*$/.test(text);
}

/** `path.sep`, `sep`: what comes after it is a file name, not a suffix. */
function isSeparator(node: Node): boolean {
  if (node.type === 'Identifier') return node.name === 'sep';
  return node.type === 'MemberExpression' && node.property.type === 'Identifier' && node.property.name === 'sep';
}

const TEMP_CALLS = new Set(['tmpdir', 'mkdtemp', 'mkdtempSync']);
type Root = 'temp' | 'home';

/**
 * A place spelled as a join whose directory comes from `os.tmpdir()` or `mkdtemp` (and never
 * from the home directory): a copy the tool prepares for a process it starts (Cline's
 * `join(join(tmpdir(), "claude-resume-…"), ".claude.json")`), not the user's configuration.
 */
function inTemporaryDirectory(place: Reached<unknown>, analysis: ModuleAnalysis): boolean {
  if (place.node.type !== 'CallExpression') return false;
  const dir = argumentsOf(place.node)[0];
  if (!dir) return false;
  const roots = analysis.flow.origins(dir, place.fn, (node: Node, fn: number): Root | undefined => {
    if (node.type !== 'CallExpression') return undefined;
    const ref = calleeRefOf(node, analysis.lookup(fn));
    const last = ref?.path[ref.path.length - 1];
    if (ref?.module === 'os') return last === 'tmpdir' ? 'temp' : last === 'homedir' ? 'home' : undefined;
    return ref && (ref.module === 'fs' || ref.module === 'fs/promises') && last && TEMP_CALLS.has(last) ? 'temp' : undefined;
  });
  return roots.some(r => r.mark === 'temp') && !roots.some(r => r.mark === 'home');
}

export const configTamperCorrelator: Correlator = {
  rules: [configTamper],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    if (marks.all('place').length === 0) return { added };
    const placeMark = marks.marker('place');
    for (const sink of marks.all('sink')) {
      // A chmod changes who may use a file, not what the tool it belongs to will read.
      if (sink.fact.sink !== 'write' || !sink.fact.target || sink.fact.permissionsOnly) continue;
      const found = analysis.flow.origins(sink.fact.target, sink.draft.fn, (node: Node) => placeMark(node) ?? (isSuffixedName(node) ? 'another file' : undefined));
      const reached = found.flatMap(r => (typeof r.mark === 'string' ? [] : [{ ...r, mark: r.mark }])).filter(r => !inTemporaryDirectory(r, analysis));
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
