// The whole environment taken at once: enumerated (Object.keys/entries, for...in), serialised
// (JSON.stringify, util.inspect) or copied into an object. Environments hold API keys and
// tokens; a copy handed to a child process (`env: {...process.env, X: 1}`) is the everyday
// case and is left alone. Each finding is a `source` fact: exfiltration follows it into requests.
import type * as acorn from 'acorn';
import { calleeOf, memberPath, propertyKeyName, propertyName, type Node } from '../js/ast';
import { argumentsOf } from '../js/modules';
import type { Severity } from '../model';
import type { Rule, RuleContext } from './types';
import { isEnvObject } from './util/env';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Methods of the calls this rule looks at, checked before building member paths. */
const CALLS = new Set(['keys', 'entries', 'values', 'getOwnPropertyNames', 'ownKeys', 'stringify', 'inspect', 'assign']);
const ENUMERATE = new Set(['Object.keys', 'Object.entries', 'Object.values', 'Object.getOwnPropertyNames', 'Reflect.ownKeys']);

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

const isEnvSpread = (p: acorn.SpreadElement) => p.argument.type === 'MemberExpression' && /(?:^|\.)env$/.test(memberPath(p.argument) ?? '');

/**
 * `{...process.env, GIT_TERMINAL_PROMPT: "0"}` or `{...process.env, ...extra}`: an environment
 * being prepared for a program.
 */
function setsVariables(object: acorn.ObjectExpression): boolean {
  return object.properties.some(p => (p.type === 'Property' && ENV_NAME.test(propertyKeyName(p) ?? '')) || (p.type === 'SpreadElement' && !isEnvSpread(p)));
}

export const envHarvest: Rule = {
  meta: {
    id: 'env-harvest',
    category: 'secrets',
    severity: 'low',
    title: 'Takes the whole environment',
    description: 'Enumerates (Object.keys/entries, for...in), serialises (JSON.stringify, util.inspect) or copies (spread, Object.assign) all of process.env, other than as a child process environment.',
    messages: {
      enumerate: 'Enumerates every environment variable ({{how}})',
      enumerateFiltered: 'Enumerates every environment variable ({{how}}) to filter them',
      serialise: 'Serialises the whole environment ({{how}})',
      copy: 'Copies the whole environment into an object ({{how}})',
    },
  },
  triggers: ['env'],
  create(ctx) {
    const report = (node: Node, messageId: string, how: string, evidence: string, severity?: Severity) =>
      ctx.report({ node, messageId, data: { how }, evidence: [evidence], facts: [{ kind: 'source', source: 'env', detail: 'the whole environment' }], ...(severity ? { severity } : {}) });
    return {
      CallExpression(node) {
        const args = argumentsOf(node);
        const arg = args[0];
        if (!arg) return;
        const callee = calleeOf(node);
        // Named imports (`inspect(...)`) are checked below; members only with a known method name.
        const method = callee.type === 'Identifier' ? undefined : propertyName(callee);
        if (callee.type !== 'Identifier' && (!method || !CALLS.has(method))) return;
        const path = memberPath(callee);
        if (path && ENUMERATE.has(path) && isEnvObject(arg, ctx)) {
          // Object.keys(process.env).filter(k => /^DEBUG_/.test(k)) picks out one namespace.
          const parent = ctx.parent();
          const filtered = parent?.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'filter';
          return report(node, filtered ? 'enumerateFiltered' : 'enumerate', path, `${path}(process.env)`, filtered ? 'info' : undefined);
        }
        if (path === 'JSON.stringify' && isEnvObject(arg, ctx)) return report(node, 'serialise', 'JSON.stringify', 'JSON.stringify(process.env)', 'medium');
        const ref = ctx.calleeRef(node);
        if (ref?.module === 'util' && ref.path[0] === 'inspect' && isEnvObject(arg, ctx)) return report(node, 'serialise', 'util.inspect', 'util.inspect(process.env)', 'medium');
        if (path === 'Object.assign' && args.slice(1).some(a => isEnvObject(a, ctx)) && !isChildEnv(ctx, 1)) report(node, 'copy', 'Object.assign', 'Object.assign(…, process.env)');
      },
      SpreadElement(node) {
        const object = ctx.parent();
        if (object?.type !== 'ObjectExpression' || !isEnvObject(node.argument, ctx)) return;
        if (isChildEnv(ctx, 2) || setsVariables(object)) return;
        report(node, 'copy', '{...process.env}', '{...process.env}');
      },
      ForInStatement(node) {
        if (isEnvObject(node.right, ctx)) report(node, 'enumerate', 'for...in', 'for (k in process.env)');
      },
    };
  },
};
