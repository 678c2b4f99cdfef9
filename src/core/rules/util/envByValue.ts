// Environment variables read through a computed key (`process.env[k]`), found by following the
// key's value back after the walk: `readEnv("OPENAI_API_KEY")` with `function readEnv(k) {
// return process.env[k] }`, a table on the way (`readEnv(KEYS[p])`), a list looped over, or a
// choice in place. The walk records the reads (env.ts); the rules that report variables ask
// here from their Program:exit.
import { isUndefinedValue, memberPath, propertyName, staticString, unwrapChain, type Node } from '../../js/ast';
import { stepWays, type Mark } from '../../js/flow';
import type { ModuleAnalysis, ReportDescriptor, RuleContext } from '../types';
import { computedReadsOf, ENV_OBJECTS, VARIABLE_NAME, type ComputedRead } from './env';

/** Variables read through a computed key, by the place that names them. */
interface ValueEnvRead {
  /** Where the names come in: the call of the helper that reads the environment, or the read itself. */
  node: Node;
  /** The `process.env[k]` that reads them. */
  read: Node;
  /** Each name, with the literal that spells it. */
  names: ReadonlyArray<{ name: string; literal: Node }>;
  /**
   * The value at `node` is what the read returns (the read itself, or a call whose value flows
   * from it) and nothing but these names reaches the key there: a rule may then say the value
   * is that variable's, as it does for a direct read.
   */
  valueOfNames: boolean;
}
const valueReads = new WeakMap<ModuleAnalysis, readonly ValueEnvRead[]>();

/** Marks a name the key is exactly; `null` ends a branch whose value is not a name as written. */
type NameMark = Mark<{ name: string } | null>;

/**
 * The variables a computed key can be, found by following the key's value back: through
 * parameters to each call (`readEnv("OPENAI_API_KEY")`), through names, returns, tables
 * (`KEYS[p]`) and lists, with at most a few calls between. Only whole names count: a branch
 * that builds or changes text (`p + "_API_KEY"`, `` `${p}_KEY` ``, `k.toUpperCase()`, `k += …`,
 * any call the call graph does not resolve) ends without a name, so a fragment such as
 * `"OPENAI_"` is never reported as a variable. Asked once per module, after the walk.
 */
function envReadsThroughValues(ctx: RuleContext): readonly ValueEnvRead[] {
  const analysis = ctx.analysis();
  const known = valueReads.get(analysis);
  if (known) return known;
  const out: ValueEnvRead[] = [];
  const { flow, graph, index } = analysis;
  const exactName: NameMark = (node, fn, path) => {
    switch (node.type) {
      case 'Literal':
        if (path.length) return null;
        return typeof node.value === 'string' && VARIABLE_NAME.test(node.value) ? { name: node.value } : null;
      case 'TemplateLiteral': {
        if (path.length) return null;
        const text = node.expressions.length === 0 ? staticString(node) : undefined;
        return text !== undefined && VARIABLE_NAME.test(text) ? { name: text } : null;
      }
      case 'BinaryExpression':
      case 'UnaryExpression':
      case 'UpdateExpression':
        return null;
      case 'ObjectExpression':
      case 'ArrayExpression':
        // A table or list is followed to the entry a pending key picks; as a whole it is no name.
        return path.length ? undefined : null;
      case 'AssignmentExpression':
        return node.operator === '=' ? undefined : null;
      case 'CallExpression':
      case 'NewExpression':
        // A function of this module returns its value as written; anything else derives a new one.
        return graph.target(node, fn) !== undefined ? undefined : null;
      case 'Identifier': {
        // A name given more than one value (`k = k + "_FILE"`, `k += …`, reused for another
        // name later) has no one value here: the flow does not order assignments and reads.
        const bound = index.binding(node.name, fn);
        return bound && (bound.mutated || bound.appended || bound.values.length > 1) ? null : undefined;
      }
      default:
        return undefined;
    }
  };
  // `if (process.env[k]) out[k] = process.env[k]`: a second read of the same name in the same
  // function reads the same variables; its first read stands for both.
  const readNames = new Set<string>();
  for (const read of computedReadsOf(analysis)) {
    if (read.key.type === 'Identifier') {
      const key = `${read.fn}\0${read.key.name}`;
      if (readNames.has(key)) continue;
      readNames.add(key);
    }
    const bySite = new Map<Node, Array<{ name: string; literal: Node }>>();
    const siteFn = new Map<Node, number>();
    const unnamed = new Set<Node>();
    for (const reached of flow.origins(read.key, read.fn, exactName)) {
      // The place the name comes in: the outermost call through which it is passed to a
      // parameter (going out to a caller), not a call whose return it comes from (going in).
      // A return from a function entered on the way is not a step of its own: the functions
      // entered are kept, and left again when a step starts outside the current one.
      let site: Node = read.node;
      let siteAt = read.fn;
      stepWays(reached.calls, read.fn).forEach((way, k) => {
        if (way !== 'out') return;
        site = reached.calls[k].call;
        siteAt = reached.calls[k].fn;
      });
      if (!reached.mark) {
        unnamed.add(site);
        continue;
      }
      let names = bySite.get(site);
      if (!names) bySite.set(site, (names = []));
      siteFn.set(site, siteAt);
      if (!names.some(n => n.name === reached.mark!.name)) names.push({ name: reached.mark.name, literal: reached.node });
    }
    for (const [site, names] of bySite) {
      // The read itself serves every call of its function: it stands for these names only when
      // no call passes others (the names are chosen in place). A call stands for its names when
      // it calls the reading function directly and that function returns what it reads.
      const valueOfNames = !unnamed.has(site) && (site === read.node ? bySite.size === 1 && unnamed.size === 0 : callsTheReader(site, siteFn.get(site)!, read));
      // In the order the names are written, not the order the search met them.
      out.push({ node: site, read: read.node, names: names.sort((a, b) => a.literal.start - b.literal.start), valueOfNames });
    }
  }
  valueReads.set(analysis, out);
  return out;

  /**
   * `readEnv("OPENAI_BASE_URL")` where `readEnv` is the function that reads, its key is the
   * parameter the call fills, and every value it returns is a read of that key
   * (`return process.env[k]?.trim() ?? undefined`). Anything looser (an object holding the read,
   * `process.env[k] && k`, another variable returned, a wrapper further out) is no probe: a
   * probe at the call is met by every value of the call.
   */
  function callsTheReader(call: Node, fn: number, read: ComputedRead): boolean {
    if (call.type !== 'CallExpression' || graph.target(call, fn)?.callee !== read.fn) return false;
    const key = read.key;
    if (key.type !== 'Identifier') return false;
    const param = index.binding(key.name, read.fn)?.values[0]?.node;
    if (param?.type !== 'Parameter' || index.functionOf(param.fn) !== read.fn) return false;
    const returns = index.functions[read.fn].returns;
    return returns.length > 0 && returns.every(r => readsParameter(r, key.name));
  }
}

/** Methods that keep a variable's value as text: `process.env[k]?.trim()`. */
const SAME_TEXT = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'valueOf']);

/** `process.env[k]`, `globalThis.process?.env?.[k]?.trim()`, `process.env[k] ?? undefined`, with `k` the parameter named. */
function readsParameter(value: Node, name: string): boolean {
  let v = unwrapChain(value);
  for (;;) {
    if (v.type === 'ParenthesizedExpression') v = unwrapChain(v.expression as Node);
    else if (v.type === 'AwaitExpression') v = unwrapChain(v.argument as Node);
    else if (v.type === 'LogicalExpression' && (v.operator === '??' || v.operator === '||') && isFallback(v.right as Node)) v = unwrapChain(v.left as Node);
    else if (v.type === 'CallExpression' && v.arguments.length === 0 && v.callee.type === 'MemberExpression' && SAME_TEXT.has(propertyName(v.callee) ?? '')) v = unwrapChain(v.callee.object as Node);
    else break;
  }
  if (v.type !== 'MemberExpression' || !v.computed) return false;
  const key = unwrapChain(v.property as Node);
  const object = memberPath(unwrapChain(v.object as Node));
  return key.type === 'Identifier' && key.name === name && !!object && ENV_OBJECTS.has(object);
}

/** A constant a read falls back to: a literal or `undefined`. */
function isFallback(node: Node): boolean {
  const n = unwrapChain(node);
  return n.type === 'Literal' || isUndefinedValue(n);
}


/** Places shown with a finding on names read through a computed key: the read, then where each name is spelled. */
function throughRelated(r: ValueEnvRead, names: ReadonlyArray<{ name: string; literal: Node }>, text: string): NonNullable<ReportDescriptor['related']> {
  const related: Array<{ start: number; end: number; message: string }> = [];
  if (r.read !== r.node) {
    const source = text.slice(r.read.start, Math.min(r.read.end, r.read.start + 80));
    related.push({ start: r.read.start, end: r.read.end, message: `read here: ${source}` });
  }
  for (const n of names.slice(0, RELATED_NAMES)) related.push({ start: n.literal.start, end: n.literal.end, message: `${n.name} is written here` });
  return related;
}
const RELATED_NAMES = 8;

/** One place where variables of a rule's kind are read through a computed key. */
export interface KindRead {
  node: Node;
  /** The names of this kind that reach the key there, in the order they are written. */
  names: string[];
  related: NonNullable<ReportDescriptor['related']>;
  /**
   * The value there is one of these variables and nothing else (the read's value, and no name
   * of another kind reaches the key): a probe, as a direct read of one of them would be.
   */
  onlyThese: boolean;
}

/** The reads through computed keys of the variables `isKind` picks, for a rule's Program:exit. */
export function envReadsOfKind(ctx: RuleContext, isKind: (name: string) => boolean): KindRead[] {
  const out: KindRead[] = [];
  for (const r of envReadsThroughValues(ctx)) {
    const names = r.names.filter(n => isKind(n.name));
    if (names.length === 0) continue;
    out.push({ node: r.node, names: names.map(n => n.name), related: throughRelated(r, names, ctx.text), onlyThese: r.valueOfNames && names.length === r.names.length });
  }
  return out;
}
