// The whole environment taken at once: enumerated (Object.keys/entries, for...in), serialised
// (JSON.stringify, util.inspect) or copied into an object. Environments hold API keys and
// tokens; a copy handed to a child process (`env: {...process.env, X: 1}`) is the everyday
// case and is left alone.
import { memberPath, propertyKeyName, propertyName, unwrapChain, type AstNode } from '../js/ast';
import type { Severity } from '../model';
import type { Rule, RuleContext } from './types';
import { isEnvObject } from './util/env';
import { calleeRef } from '../js/modules';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Methods of the calls this rule looks at, checked before building member paths. */
const CALLS = new Set(['keys', 'entries', 'values', 'getOwnPropertyNames', 'ownKeys', 'stringify', 'inspect', 'assign']);
const ENUMERATE = new Set(['Object.keys', 'Object.entries', 'Object.values', 'Object.getOwnPropertyNames', 'Reflect.ownKeys']);

function report(ctx: RuleContext, node: AstNode, message: string, evidence: string, severity?: Severity) {
  ctx.report(node, message, { evidence: [evidence], facts: [{ kind: 'source:env', detail: 'the whole environment' }], ...(severity ? { severity } : {}) });
}

/** The object being built is a child-process environment: `env: {...}` or `const e = {...}` later passed as `env: e`. */
function isChildEnv(ctx: RuleContext, objectDepth: number): boolean {
  const holder = ctx.parent(objectDepth);
  if (holder?.type === 'Property' && propertyKeyName(holder) === 'env') return true;
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') {
    const fn = ctx.enclosingFunction();
    if (!fn || fn.end - fn.start > 64 * 1024) return false;
    const body = ctx.text.slice(fn.start, fn.end);
    const name = holder.id.name.replace(/\$/g, '\\$');
    return new RegExp(`\\benv\\s*:\\s*${name}(?![\\w$])`).test(body) || (holder.id.name === 'env' && /[{,]\s*env\s*[,}]/.test(body));
  }
  return false;
}

/**
 * `{...process.env, GIT_TERMINAL_PROMPT: "0"}` or `{...process.env, ...extra}`: an environment
 * being prepared for a program.
 */
function setsVariables(object: AstNode): boolean {
  return object.properties.some((p: AstNode) => (p.type === 'Property' && ENV_NAME.test(propertyKeyName(p) ?? '')) || (p.type === 'SpreadElement' && !isEnvSpread(p)));
}

const isEnvSpread = (p: AstNode) => p.argument.type === 'MemberExpression' && /(?:^|\.)env$/.test(memberPath(p.argument) ?? '');

export const envHarvest: Rule = {
  id: 'env-harvest',
  category: 'secrets',
  severity: 'low',
  title: 'Takes the whole environment',
  description: 'Enumerates (Object.keys/entries, for...in), serialises (JSON.stringify, util.inspect) or copies (spread, Object.assign) all of process.env, other than as a child process environment.',
  triggers: ['env'],
  visitors: {
    CallExpression(node, ctx) {
      const arg = node.arguments[0];
      if (!arg) return;
      const callee = unwrapChain(node.callee);
      // Named imports (`inspect(...)`) are checked below; members only with a known method name.
      const method = callee.type === 'Identifier' ? undefined : propertyName(callee);
      if (callee.type !== 'Identifier' && (!method || !CALLS.has(method))) return;
      const path = memberPath(callee);
      if (path && ENUMERATE.has(path) && isEnvObject(arg, ctx)) {
        // Object.keys(process.env).filter(k => /^DEBUG_/.test(k)) picks out one namespace.
        const parent = ctx.parent();
        const filtered = parent?.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'filter';
        return report(ctx, node, `Enumerates every environment variable (${path})${filtered ? ' to filter them' : ''}`, `${path}(process.env)`, filtered ? 'info' : undefined);
      }
      if (path === 'JSON.stringify' && isEnvObject(arg, ctx)) {
        return report(ctx, node, 'Serialises the whole environment (JSON.stringify)', 'JSON.stringify(process.env)', 'medium');
      }
      const ref = calleeRef(node, ctx);
      if (ref?.module === 'util' && ref.path[0] === 'inspect' && isEnvObject(arg, ctx)) {
        return report(ctx, node, 'Serialises the whole environment (util.inspect)', 'util.inspect(process.env)', 'medium');
      }
      if (path === 'Object.assign' && node.arguments.slice(1).some((a: AstNode) => isEnvObject(a, ctx)) && !isChildEnv(ctx, 1)) {
        report(ctx, node, 'Copies the whole environment into an object (Object.assign)', 'Object.assign(…, process.env)');
      }
    },
    SpreadElement(node, ctx) {
      const object = ctx.parent();
      if (object?.type !== 'ObjectExpression' || !isEnvObject(node.argument, ctx)) return;
      if (isChildEnv(ctx, 2) || setsVariables(object)) return;
      report(ctx, node, 'Copies the whole environment into an object ({...process.env})', '{...process.env}');
    },
    ForInStatement(node, ctx) {
      if (isEnvObject(node.right, ctx)) report(ctx, node, 'Enumerates every environment variable (for...in)', 'for (k in process.env)');
    },
  },
};
