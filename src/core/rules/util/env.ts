// Reads of environment variables in their shipped shapes: `process.env.X`, `process.env["X"]`,
// `Bun.env.X`, `import.meta.env.X`, an alias (`const e = process.env; e.X`) and destructuring
// (`const {X: a} = process.env`).
import { memberPath, propertyKeyName, unwrapChain, type AstNode } from '../../js/ast';
import type { RuleContext } from '../types';
import { staticKey } from './values';

const ENV_OBJECTS = new Set(['process.env', 'globalThis.process.env', 'global.process.env', 'Bun.env', 'globalThis.Bun.env']);

export function isEnvObject(node: AstNode | undefined, ctx: RuleContext, depth = 0): boolean {
  if (!node || depth > 3) return false;
  node = unwrapChain(node);
  if (node.type === 'MemberExpression') {
    const path = memberPath(node);
    if (path && ENV_OBJECTS.has(path)) return true;
    // import.meta.env
    return node.object.type === 'MetaProperty' && staticKey(node, ctx) === 'env';
  }
  if (node.type === 'Identifier') return isEnvObject(ctx.resolve(node), ctx, depth + 1);
  return false;
}

export interface EnvRead {
  name: string;
  node: AstNode;
}

/** The variable named by a member read on the environment, e.g. "TZ" for `process.env.TZ`. */
export function envReadOf(member: AstNode, ctx: RuleContext): EnvRead | undefined {
  if (member.type !== 'MemberExpression') return undefined;
  if (!isEnvObject(member.object, ctx)) return undefined;
  const name = staticKey(member, ctx);
  return name === undefined ? undefined : { name, node: member };
}

/** Variables taken by destructuring the environment: `const {TZ: t, LANG} = process.env`. */
export function envDestructured(declarator: AstNode, ctx: RuleContext): EnvRead[] {
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'ObjectPattern') return [];
  if (!isEnvObject(declarator.init ?? undefined, ctx)) return [];
  const reads: EnvRead[] = [];
  for (const prop of declarator.id.properties) {
    const name = propertyKeyName(prop);
    if (name !== undefined) reads.push({ name, node: prop });
  }
  return reads;
}

const NONE: EnvRead[] = [];

/**
 * Every env read at this node: a member read, or each name of a destructuring. Several rules
 * ask at every member expression; the answer is computed once per node.
 */
export function envReadsAt(node: AstNode, ctx: RuleContext): EnvRead[] {
  if (node.type !== 'MemberExpression' && node.type !== 'VariableDeclarator') return NONE;
  // Several rules ask about the node being visited, one after another: remember the last
  // answer only (a map over every member expression of a 13 MB bundle costs more than it saves).
  const last = ctx.memo('env:reads', () => ({ node: undefined as AstNode | undefined, reads: NONE }));
  if (last.node !== node) {
    last.node = node;
    last.reads = computeEnvReads(node, ctx);
  }
  return last.reads;
}

function computeEnvReads(node: AstNode, ctx: RuleContext): EnvRead[] {
  if (node.type === 'MemberExpression') {
    const read = envReadOf(node, ctx);
    return read ? [read] : NONE;
  }
  return envDestructured(node, ctx);
}
