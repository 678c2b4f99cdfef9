// Where a value ends up, read forwards: a gate's result or a marker, followed up to two
// callers to where it lands (a sentence, an object property, an argument of a call), each
// step a related location. This is what tells a reader whether a region check changes text
// sent to the model or only a log line.
import { childrenOf, descendants, isFunction, propertyKeyName, sourceText, type Node } from '../../js/ast';
import type { CallStep } from '../../js/callgraph';
import type { ModuleAnalysis, RelatedSpan } from '../types';

const MAX_CALLERS = 2;
/** Functions larger than this are not walked for value flow. */
const MAX_FLOW_FUNCTION = 64 * 1024;
const NETWORK_CALLS = /^(fetch|request|post|put|send|write|writeFile|writeFileSync|appendFile|appendFileSync|create|stream)$/;
const PROMPT_WORDS = /prompt|system|messages?$|instruction|userContext/i;

/** Calls from at most MAX_CALLERS distinct calling functions. */
export function firstCallers(steps: readonly CallStep[]): CallStep[] {
  const fns = new Set<number>();
  return steps.filter(s => {
    if (fns.has(s.fn)) return true;
    if (fns.size >= MAX_CALLERS) return false;
    fns.add(s.fn);
    return true;
  });
}

/** Where the result of function `fn` is used, in up to two callers. */
export function resultSteps(fn: number, a: ModuleAnalysis): RelatedSpan[] {
  if (fn < 0) return [];
  const out: RelatedSpan[] = [];
  for (const caller of firstCallers(a.graph.callersOf(fn))) {
    out.push({ start: caller.call.start, end: caller.call.end, message: 'the result is used here' }, ...whereItGoes(caller.call, caller.fn, a, 1));
  }
  return out;
}

/** Where the value of `node` (in function `fn`) ends up, following returns up to `hops` callers. */
export function whereItGoes(node: Node, fn: number, a: ModuleAnalysis, hops: number): RelatedSpan[] {
  const fnRecord = fn >= 0 ? a.index.functions[fn] : undefined;
  if (!fnRecord || fnRecord.end - fnRecord.start > MAX_FLOW_FUNCTION) return [];
  const parents = parentMap(fnRecord.node);
  const out: RelatedSpan[] = [];
  const seen = new Set<Node>();
  const queue: Node[] = [node];
  while (queue.length && out.length < 8) {
    let current = queue.shift()!;
    for (let parent = parents.get(current); parent && !seen.has(parent); current = parent, parent = parents.get(current)) {
      seen.add(parent);
      if (parent.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier') {
        queue.push(...usesOf(parent.id.name, fnRecord.node, parent.id));
        break;
      }
      if (parent.type === 'TemplateLiteral') {
        out.push({ start: parent.start, end: parent.end, message: `reaches: the text ${clip(sourceText(a.text, parent, 400))}` });
        continue;
      }
      if (parent.type === 'Property' && parent.value === current) {
        const key = propertyKeyName(parent) ?? '?';
        out.push({ start: parent.start, end: parent.end, message: `reaches: property \`${key}\` of an object${PROMPT_WORDS.test(key) ? ' (likely text given to the model)' : ''}` });
        continue;
      }
      if (parent.type === 'CallExpression' && (parent.arguments as Node[]).includes(current)) {
        const callee = sourceText(a.text, parent.callee, 200);
        const name = callee.split('.').pop() ?? '';
        const kind = NETWORK_CALLS.test(name) ? ' (a network or file call)' : PROMPT_WORDS.test(name) ? ' (likely text given to the model)' : '';
        out.push({ start: parent.start, end: parent.end, message: `reaches: an argument of ${clip(callee)}(…)${kind}` });
        break;
      }
      if (parent.type === 'ReturnStatement' || (isFunction(parent) && parent.body === current)) {
        out.push({ start: current.start, end: current.end, message: `reaches: the return value of ${functionName(fnRecord.node)}` });
        if (hops > 0) {
          for (const caller of firstCallers(a.graph.callersOf(fn))) out.push(...whereItGoes(caller.call, caller.fn, a, hops - 1));
        }
        break;
      }
      if (parent.type === 'ExpressionStatement' || isFunction(parent)) break;
    }
  }
  return out;
}

function usesOf(name: string, root: Node, declaration: Node): Node[] {
  const uses: Node[] = [];
  for (const node of descendants(root)) if (node.type === 'Identifier' && node.name === name && node !== declaration) uses.push(node);
  return uses.sort((x, y) => x.start - y.start);
}

function parentMap(root: Node): Map<Node, Node> {
  const parents = new Map<Node, Node>();
  const stack = [root];
  const kids: Node[] = [];
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

/** Where in a function a node of exactly this span is (a marker's reported node). */
export function findNode(root: Node, span: { start: number; end: number }): Node | undefined {
  for (const node of descendants(root, n => n.start > span.start || n.end < span.end)) {
    if (node.start === span.start && node.end === span.end) return node;
  }
  return undefined;
}

function functionName(node: Node): string {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ? node.id?.name ?? 'the function' : 'the function';
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  const cut = one.length > 100 ? `${one.slice(0, 100)}…` : one;
  return cut.startsWith('`') ? cut : `\`${cut}\``;
}
