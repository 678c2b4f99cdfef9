// Where a gate's result and a covert marker go. DESIGN.md: a marker is linked to a gate when,
// in one of up to two same-module callers, the marker's condition takes its arguments from
// the gate's result; then it is high. Gate results and markers are followed up to two callers
// to where they end (a sentence, an object property, an argument of a call), each step a
// related location.
import { childrenOf, isFunction, propertyKeyName, type AstNode } from '../../js/ast';
import type { CallGraph, CallStep } from '../../js/callgraph';
import type { ModuleIndex } from '../../js/moduleIndex';
import type { RawFinding, RawRelated } from '../raw';

const MAX_CALLERS = 2;
/** Functions larger than this are not walked for value flow. */
const MAX_FLOW_FUNCTION = 64 * 1024;
const NETWORK_CALLS = /^(fetch|request|post|put|send|write|writeFile|writeFileSync|appendFile|appendFileSync|create|stream)$/;
const PROMPT_WORDS = /prompt|system|messages?$|instruction|userContext/i;

/** Adds where each gate's result goes to its related locations. */
export function followGates(findings: readonly RawFinding[], index: ModuleIndex, graph: CallGraph): void {
  for (const gate of findings) {
    if (gate.ruleId !== 'region-gating' || gate.fn < 0) continue;
    for (const caller of firstCallers(graph.callersOf(gate.fn))) {
      gate.related.push({ start: caller.call.start, end: caller.call.end, message: 'the result is used here' }, ...whereItGoes(caller.call, caller.fn, index, graph, 1));
    }
  }
}

export function linkCovertMarkers(findings: readonly RawFinding[], index: ModuleIndex, graph: CallGraph): void {
  const markers = findings.filter(f => f.facts.some(x => x.kind === 'covert:marker'));
  if (markers.length === 0) return;
  const gates = new Map<number, RawFinding>();
  for (const f of findings) if (f.ruleId === 'region-gating') gates.set(f.fn, f);
  for (const marker of markers) {
    const fact = marker.facts.find(x => x.kind === 'covert:marker')!;
    const fnNode = marker.fn >= 0 ? index.functions[marker.fn].node : undefined;
    const isChooser = !!fnNode && (fact.condition ?? []).every(c => c === fnNode || fnNode.params.includes(c));
    const related: RawRelated[] = [];
    let gate: RawFinding | undefined;
    if (isChooser) {
      const callers = firstCallers(graph.callersOf(marker.fn));
      for (const caller of callers) {
        gate ??= caller.call.arguments.map((a: AstNode) => reachesGate(a, caller.fn, index, graph, gates)).find(Boolean);
        related.push({ start: caller.call.start, end: caller.call.end, message: 'called here' }, ...whereItGoes(caller.call, caller.fn, index, graph, 1));
      }
    } else {
      for (const c of fact.condition ?? []) gate ??= reachesGate(c, marker.fn, index, graph, gates);
      const node = marker.fn >= 0 ? findNode(index.functions[marker.fn].node, marker) : undefined;
      if (node) related.push(...whereItGoes(node, marker.fn, index, graph, 2));
    }
    if (gate) {
      marker.severity = 'high';
      marker.message += ', linked to a region/vendor gate';
      related.unshift({ start: gate.start, end: gate.end, message: `condition comes from the region/vendor gate: ${gate.message}` });
    }
    marker.related.push(...related);
  }
}

/** Calls from at most MAX_CALLERS distinct calling functions. */
function firstCallers(steps: CallStep[]): CallStep[] {
  const fns = new Set<number>();
  return steps.filter(s => {
    if (fns.has(s.fn)) return true;
    if (fns.size >= MAX_CALLERS) return false;
    fns.add(s.fn);
    return true;
  });
}

/**
 * Does the value of `expr` (in function `fn`) come from calling a function that holds a gate?
 * A work list over names, bounded, so that long chains of assignments cannot exhaust the stack.
 */
function reachesGate(expr: AstNode, fn: number, index: ModuleIndex, graph: CallGraph, gates: Map<number, RawFinding>): RawFinding | undefined {
  const seen = new Set<string>();
  const work: Array<[AstNode, number]> = [[expr, fn]];
  const kids: AstNode[] = [];
  while (work.length) {
    const [value, where] = work.pop()!;
    if (value.end - value.start > 4000) continue;
    const stack = [value];
    while (stack.length) {
      const node = stack.pop()!;
      if (node !== value && isFunction(node)) continue;
      if (node.type === 'CallExpression') {
        const callee = graph.calleeOf(node, where);
        if (callee !== undefined && gates.has(callee)) return gates.get(callee);
      } else if (node.type === 'Identifier') {
        const bound = index.binding(node.name, where);
        const key = bound && `${node.name}@${bound.scope}`;
        if (key && !seen.has(key) && seen.size < 256) {
          seen.add(key);
          for (const v of bound.values) work.push([v.node, v.fn]);
        }
      }
      kids.length = 0;
      childrenOf(node, kids);
      stack.push(...kids);
    }
  }
  return undefined;
}

/** Where the value of `node` (in function `fn`) ends up, following returns up to `hops` callers. */
function whereItGoes(node: AstNode, fn: number, index: ModuleIndex, graph: CallGraph, hops: number): RawRelated[] {
  const fnRecord = fn >= 0 ? index.functions[fn] : undefined;
  if (!fnRecord || fnRecord.end - fnRecord.start > MAX_FLOW_FUNCTION) return [];
  const parents = parentMap(fnRecord.node);
  const out: RawRelated[] = [];
  const seen = new Set<AstNode>();
  const queue: AstNode[] = [node];
  while (queue.length && out.length < 8) {
    let current = queue.shift()!;
    for (let parent = parents.get(current); parent && !seen.has(parent); current = parent, parent = parents.get(current)) {
      seen.add(parent);
      if (parent.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') {
        queue.push(...usesOf(parent.id.name, fnRecord.node, parent.id));
        break;
      }
      if (parent.type === 'TemplateLiteral') {
        out.push({ start: parent.start, end: parent.end, message: `reaches: the text ${clip(index.sourceOf(parent))}` });
        continue;
      }
      if (parent.type === 'Property' && parent.value === current) {
        const key = propertyKeyName(parent) ?? '?';
        out.push({ start: parent.start, end: parent.end, message: `reaches: property \`${key}\` of an object${PROMPT_WORDS.test(key) ? ' (likely text given to the model)' : ''}` });
        continue;
      }
      if (parent.type === 'CallExpression' && parent.arguments.includes(current)) {
        const callee = index.sourceOf(parent.callee);
        const name = callee.split('.').pop() ?? '';
        const kind = NETWORK_CALLS.test(name) ? ' (a network or file call)' : PROMPT_WORDS.test(name) ? ' (likely text given to the model)' : '';
        out.push({ start: parent.start, end: parent.end, message: `reaches: an argument of ${clip(callee)}(…)${kind}` });
        break;
      }
      if (parent.type === 'ReturnStatement' || (isFunction(parent) && parent.body === current)) {
        out.push({ start: current.start, end: current.end, message: `reaches: the return value of ${functionName(fnRecord.node)}` });
        if (hops > 0) {
          for (const caller of firstCallers(graph.callersOf(fn))) out.push(...whereItGoes(caller.call, caller.fn, index, graph, hops - 1));
        }
        break;
      }
      if (parent.type === 'ExpressionStatement' || isFunction(parent)) break;
    }
  }
  return out;
}

function usesOf(name: string, root: AstNode, declaration: AstNode): AstNode[] {
  const uses: AstNode[] = [];
  const stack = [root];
  const kids: AstNode[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'Identifier' && node.name === name && node !== declaration) uses.push(node);
    kids.length = 0;
    childrenOf(node, kids);
    stack.push(...kids);
  }
  return uses.sort((a, b) => a.start - b.start);
}

function parentMap(root: AstNode): Map<AstNode, AstNode> {
  const parents = new Map<AstNode, AstNode>();
  const stack = [root];
  const kids: AstNode[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    kids.length = 0;
    childrenOf(node, kids);
    for (const k of kids) {
      parents.set(k, node);
      stack.push(k);
    }
  }
  return parents;
}

function findNode(root: AstNode, span: { start: number; end: number }): AstNode | undefined {
  const stack = [root];
  const kids: AstNode[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.start === span.start && node.end === span.end) return node;
    if (node.start > span.start || node.end < span.end) continue;
    kids.length = 0;
    childrenOf(node, kids);
    stack.push(...kids);
  }
  return undefined;
}

function functionName(node: AstNode): string {
  return node.id?.name ?? 'the function';
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  const cut = one.length > 100 ? `${one.slice(0, 100)}…` : one;
  return cut.startsWith('`') ? cut : `\`${cut}\``;
}
