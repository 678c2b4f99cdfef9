// Reads of environment variables in their shipped shapes: `process.env.X`, `process.env["X"]`,
// `Bun.env.X`, `import.meta.env.X`, an alias (`const e = process.env; e.X`), destructuring
// (`const {X: a} = process.env`), a name looked up in a table (`process.env[KEYS[p]]`), and,
// after the walk, names that reach a computed key as values (`readEnv("OPENAI_API_KEY")` with
// `function readEnv(k) { return process.env[k] }`).
import type * as acorn from 'acorn';
import { memberPath, propertyKeyName, propertyName, staticString, unwrapChain, type Node } from '../../js/ast';
import type { Mark } from '../../js/flow';
import type { ModuleAnalysis, ReportDescriptor, RuleContext } from '../types';
import { staticKey } from './values';

const ENV_OBJECTS = new Set(['process.env', 'globalThis.process.env', 'global.process.env', 'Bun.env', 'globalThis.Bun.env']);

export function isEnvObject(node: Node | undefined, ctx: RuleContext, depth = 0): boolean {
  if (!node || depth > 3) return false;
  node = unwrapChain(node);
  if (node.type === 'MemberExpression') {
    // Every env object is some `….env`: asked at every member read of a bundle, most stop here.
    const key = propertyName(node);
    if (key !== undefined && key !== 'env') return false;
    const path = memberPath(node);
    if (path && ENV_OBJECTS.has(path)) return !isShadowedProcess(node, ctx);
    // import.meta.env
    return node.object.type === 'MetaProperty' && staticKey(node, ctx) === 'env';
  }
  if (node.type === 'Identifier') return isEnvObject(ctx.resolve(node), ctx, depth + 1);
  // `function f({ env = process.env } = {})`, `function f(env = process.env)`: the default, unless a caller passes another.
  if ((node.type === 'Parameter' || node.type === 'PropertyOf') && node.default) return isEnvObject(node.default, ctx, depth + 1);
  return false;
}

/** `process` bound to something else (a parameter or local named process) is not Node's. */
function isShadowedProcess(member: Node, ctx: RuleContext): boolean {
  let root: Node = member;
  while (root.type === 'MemberExpression') root = unwrapChain(root.object as Node);
  return root.type === 'Identifier' && root.name === 'process' && ctx.isBound(root);
}

export interface EnvRead {
  name: string;
  node: Node;
}

/** The variable named by a member read on the environment, e.g. "TZ" for `process.env.TZ`. */
export function envReadOf(member: Node, ctx: RuleContext): EnvRead | undefined {
  if (member.type !== 'MemberExpression') return undefined;
  if (!isEnvObject(member.object as Node, ctx)) return undefined;
  const name = staticKey(member, ctx);
  return name === undefined ? undefined : { name, node: member };
}

/** Names a table of variable names can hold: upper case, as environment variables are written. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Tables larger than this are data, not a provider's choice of key. */
const MAX_TABLE = 64;

/**
 * `process.env[KEYS[provider]]`: the variable is one of the names a table written in the file
 * holds (`{openai: "OPENAI_API_KEY", deepseek: "DEEPSEEK_API_KEY"}`), each a read at this node.
 */
function tableReads(member: Node & { type: 'MemberExpression' }, ctx: RuleContext): readonly EnvRead[] {
  if (!member.computed) return NONE;
  const key = unwrapChain(member.property as Node);
  if (key.type !== 'MemberExpression' || !key.computed || !isEnvObject(member.object as Node, ctx)) return NONE;
  const object = unwrapChain(key.object as Node);
  const table = object.type === 'Identifier' ? ctx.resolve(object) : object;
  if (table?.type !== 'ObjectExpression' || table.properties.length > MAX_TABLE) return NONE;
  // `process.env[cfg[F]]` with `F = "locale"` reads that one entry, not every one.
  const entry = staticKey(key as acorn.MemberExpression, ctx);
  if (entry !== undefined) {
    for (let i = table.properties.length - 1; i >= 0; i--) {
      const p = table.properties[i];
      if (p.type !== 'Property' || propertyKeyName(p) !== entry) continue;
      const name = staticString(p.value as Node);
      return name !== undefined && VARIABLE_NAME.test(name) ? [{ name, node: member }] : NONE;
    }
    return NONE;
  }
  const names = new Set<string>();
  for (const p of table.properties) {
    const name = p.type === 'Property' ? staticString(p.value as Node) : undefined;
    if (name === undefined || !VARIABLE_NAME.test(name)) return NONE;
    names.add(name);
  }
  return [...names].map(name => ({ name, node: member }));
}

/** Variables taken by destructuring the environment: `const {TZ: t, LANG} = process.env`. */
export function envDestructured(declarator: Node, ctx: RuleContext): EnvRead[] {
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'ObjectPattern') return [];
  if (!isEnvObject(declarator.init ?? undefined, ctx)) return [];
  const reads: EnvRead[] = [];
  for (const prop of declarator.id.properties) {
    const name = propertyKeyName(prop);
    if (name !== undefined) reads.push({ name, node: prop });
  }
  return reads;
}

// Frozen: handed to every rule that asks, so none can change what the next one sees.
const NONE: readonly EnvRead[] = Object.freeze([]);
const lastAnswer = new WeakMap<RuleContext['path'], { node: Node; reads: readonly EnvRead[] }>();

/**
 * Every env read at this node: a member read, or each name of a destructuring. Several rules
 * ask at every member expression; the last answer is kept (per walk), so it is computed once.
 */
export function envReadsAt(node: Node, ctx: RuleContext): readonly EnvRead[] {
  if (node.type !== 'MemberExpression' && node.type !== 'VariableDeclarator') return NONE;
  const last = lastAnswer.get(ctx.path);
  if (last?.node === node) return last.reads;
  if (node.type === 'MemberExpression' && isWritten(node, ctx)) {
    lastAnswer.set(ctx.path, { node, reads: NONE });
    return NONE;
  }
  const read = node.type === 'MemberExpression' ? envReadOf(node, ctx) : undefined;
  const reads = node.type === 'MemberExpression' ? (read ? [read] : tableReads(node, ctx)) : envDestructured(node, ctx);
  // A computed key on an object that is the environment only by a parameter's default
  // (`function get(k, env = process.env)`) is not followed: a caller that passes its own
  // object reads nothing from the environment.
  if (node.type === 'MemberExpression' && reads.length === 0 && node.computed && !settledLookup(node, ctx) && !isParameterDefault(node.object as Node, ctx) && isEnvObject(node.object as Node, ctx)) {
    const analysis = ctx.analysis();
    let list = computedReads.get(analysis);
    if (!list) computedReads.set(analysis, (list = []));
    list.push({ node, key: unwrapChain(node.property as Node), fn: ctx.functionIndex() });
  }
  lastAnswer.set(ctx.path, { node, reads });
  return reads;
}

/**
 * `process.env[cfg[F]]` with a settled `F`: a lookup tableReads answers (or finds no name in).
 * The value flow would take every entry of `cfg`, since it does not settle computed keys.
 */
function settledLookup(member: acorn.MemberExpression, ctx: RuleContext): boolean {
  const key = unwrapChain(member.property as Node);
  return key.type === 'MemberExpression' && key.computed && staticKey(key, ctx) !== undefined;
}

/** `process.env.X = v` and `delete process.env[k]` change the environment; they do not read it. */
function isWritten(member: Node, ctx: RuleContext): boolean {
  const parent = ctx.parent();
  if (parent?.type === 'AssignmentExpression') return parent.left === member && parent.operator === '=';
  return parent?.type === 'UnaryExpression' && parent.operator === 'delete';
}

/** An object named by a parameter (or a destructured parameter) that defaults to the environment. */
function isParameterDefault(object: Node, ctx: RuleContext): boolean {
  const o = unwrapChain(object);
  if (o.type !== 'Identifier') return false;
  const bound = ctx.resolve(o);
  return bound?.type === 'Parameter' || bound?.type === 'PropertyOf';
}

/** `process.env[k]` with a key no constant or table names, seen by the walk: followed after it. */
interface ComputedRead {
  node: acorn.MemberExpression;
  key: Node;
  fn: number;
}
const computedReads = new WeakMap<ModuleAnalysis, ComputedRead[]>();

/** Variables read through a computed key, by the place that names them. */
export interface ValueEnvRead {
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
export function envReadsThroughValues(ctx: RuleContext): readonly ValueEnvRead[] {
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
  for (const read of computedReads.get(analysis) ?? []) {
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
      let at = read.fn;
      let site: Node = read.node;
      let siteAt = read.fn;
      const entered: number[] = [];
      for (const step of reached.calls) {
        while (step.callee !== at && step.fn !== at && entered.length) at = entered.pop()!;
        if (step.callee === at) {
          at = step.fn;
          site = step.call;
          siteAt = step.fn;
        } else {
          entered.push(at);
          at = step.callee;
        }
      }
      if (!reached.mark) {
        unnamed.add(site);
        continue;
      }
      let names = bySite.get(site);
      if (!names) bySite.set(site, (names = []));
      siteFn.set(site, siteAt);
      if (!names.some(n => n.name === reached.mark!.name)) names.push({ name: reached.mark.name, literal: reached.node });
    }
    const isRead = (n: Node) => (n === read.node ? true : undefined);
    for (const [site, names] of bySite) {
      const valueOfNames = !unnamed.has(site) && (site === read.node || flow.origins(site, siteFn.get(site)!, isRead).length > 0);
      // In the order the names are written, not the order the search met them.
      out.push({ node: site, read: read.node, names: names.sort((a, b) => a.literal.start - b.literal.start), valueOfNames });
    }
  }
  valueReads.set(analysis, out);
  return out;
}

/** Places shown with a finding on names read through a computed key: the read, then where each name is spelled. */
export function throughRelated(r: ValueEnvRead, names: ReadonlyArray<{ name: string; literal: Node }>, text: string): NonNullable<ReportDescriptor['related']> {
  const related: Array<{ start: number; end: number; message: string }> = [];
  if (r.read !== r.node) {
    const source = text.slice(r.read.start, Math.min(r.read.end, r.read.start + 80));
    related.push({ start: r.read.start, end: r.read.end, message: `read here: ${source}` });
  }
  for (const n of names.slice(0, RELATED_NAMES)) related.push({ start: n.literal.start, end: n.literal.end, message: `${n.name} is written here` });
  return related;
}
const RELATED_NAMES = 8;
