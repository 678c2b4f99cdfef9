// Reads of environment variables in their shipped shapes: `process.env.X`, `process.env["X"]`,
// `Bun.env.X`, `import.meta.env.X`, an alias (`const e = process.env; e.X`), destructuring
// (`const {X: a} = process.env`) and a name looked up in a table (`process.env[KEYS[p]]`).
// Other computed keys are recorded here and followed by value after the walk (envByValue.ts).
import type * as acorn from 'acorn';
import { memberPath, propertyKeyName, propertyName, staticString, unwrapChain, type Node } from '../../js/ast';
import type { ModuleAnalysis, RuleContext } from '../types';
import { staticKey } from './values';

/** Member paths that are the environment itself. */
export const ENV_OBJECTS: ReadonlySet<string> = new Set(['process.env', 'globalThis.process.env', 'global.process.env', 'Bun.env', 'globalThis.Bun.env']);

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
  // `const env = options.env ?? process.env`: the environment unless a caller gives another, as a default is.
  if (node.type === 'LogicalExpression' && node.operator !== '&&') return isEnvObject(node.right, ctx, depth + 1);
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
export const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;
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

/** `process.env[k]` with a key no constant or table names, seen by the walk: followed after it (envByValue.ts). */
export interface ComputedRead {
  node: acorn.MemberExpression;
  key: Node;
  fn: number;
}
const computedReads = new WeakMap<ModuleAnalysis, ComputedRead[]>();

/** The computed reads the walk saw in this module (complete once the walk is over). */
export function computedReadsOf(analysis: ModuleAnalysis): readonly ComputedRead[] {
  return computedReads.get(analysis) ?? [];
}

