// The whole environment taken at once: enumerated (Object.keys/entries, for...in), serialised
// (JSON.stringify, util.inspect) or copied into an object. Environments hold API keys and
// tokens; a copy handed to a child process (`env: {...process.env, X: 1}`) is the everyday
// case and is left alone. Each finding is a `source` fact: exfiltration follows it into requests.
import type * as acorn from 'acorn';
import { calleeOf, memberPath, propertyKeyName, propertyName, staticString, type Node } from '../js/ast';
import { argumentsOf } from '../js/modules';
import type { Severity } from '../model';
import type { Rule, RuleContext } from './types';
import { isEnvObject } from './util/env';
import { contextAt } from './util/contextAt';
import { processCall } from './util/process';

const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Methods of the calls this rule looks at, checked before building member paths. */
const CALLS = new Set(['keys', 'entries', 'values', 'getOwnPropertyNames', 'ownKeys', 'stringify', 'inspect', 'assign']);
const ENUMERATE = new Set(['Object.keys', 'Object.entries', 'Object.values', 'Object.getOwnPropertyNames', 'Reflect.ownKeys']);

/**
 * The object being built is a child-process environment: `env: {...}` or `const e = {...}`
 * later passed as `env: e` (true); one side of a choice given as env (`env: o.extendEnv ?
 * {...process.env, ...o.env} : o.env`) in the options of a process call (true); a destructuring
 * default (`{env: w = {...process.env}}`): the name it binds, which a process call must then be
 * given as its `env` (checked after the walk).
 */
function isChildEnv(ctx: RuleContext, objectDepth: number): boolean | { passedAs: string } {
  let depth = objectDepth;
  let holder = ctx.parent(depth);
  let inner: Node | undefined;
  while (holder && depth < objectDepth + 3 && (holder.type === 'ConditionalExpression' || holder.type === 'LogicalExpression' || holder.type === 'AssignmentPattern')) {
    inner = holder;
    holder = ctx.parent(++depth);
  }
  if (holder?.type === 'Property' && propertyKeyName(holder) === 'env') {
    if (depth === objectDepth) return true;
    const options = ctx.parent(depth + 1);
    const call = ctx.parent(depth + 2);
    return options?.type === 'ObjectExpression' && call?.type === 'CallExpression' && (call.arguments as Node[]).includes(options) && startsProcess(call, ctx);
  }
  // The walk goes from a pattern to its values: the default's property is found in the pattern.
  if (holder?.type === 'ObjectPattern' && inner?.type === 'AssignmentPattern' && inner.left.type === 'Identifier') {
    const given = holder.properties.some(p => p.type === 'Property' && p.value === inner && propertyKeyName(p) === 'env');
    return given ? { passedAs: inner.left.name } : false;
  }
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return passedAsEnv(ctx, holder.id.name);
  return false;
}

/** A call that starts a process (child_process, execa, cross-spawn, …). */
function startsProcess(call: Node, ctx: RuleContext): boolean {
  const ref = ctx.calleeRef(call);
  return !!ref && processCall(ref) !== undefined;
}

/** After the walk: a process call inside function `fn` is given the object named `name` as its `env` (`{env: e}`, `{env}`). */
function processTakesEnv(ctx: RuleContext, name: string, fn: number): boolean {
  const { index } = ctx.analysis();
  const around = fn >= 0 ? index.functions[fn]?.node : undefined;
  if (!around) return false;
  return index.calls.some((call, i) => {
    if (call.start < around.start || call.end > around.end || call.type !== 'CallExpression') return false;
    const givesEnv = call.arguments.some(a => a.type === 'ObjectExpression' && a.properties.some(p => p.type === 'Property' && propertyKeyName(p) === 'env' && p.value.type === 'Identifier' && p.value.name === name));
    return givesEnv && startsProcess(call, contextAt(ctx, index.callFns[i]));
  });
}

/** The function around the walk passes the object named `name` as a process's `env` (`env: e`, or `{env}` for a name `env`). */
function passedAsEnv(ctx: RuleContext, name: string): boolean {
  const fn = ctx.enclosingFunction();
  if (!fn || fn.end - fn.start > 64 * 1024) return false;
  const body = ctx.text.slice(fn.start, fn.end);
  return new RegExp(`\\benv\\s*:\\s*${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(body) || (name === 'env' && /[{,]\s*env\s*[,}]/.test(body));
}

/**
 * `for (const [k, v] of Object.entries(process.env)) if (v !== undefined) e[k] = v;`: a loop whose
 * only work is to copy each variable into one object; that object's name.
 */
function copyTarget(loop: acorn.ForOfStatement, key: string): string | undefined {
  let body: Node = loop.body as Node;
  if (body.type === 'BlockStatement' && body.body.length === 1) body = body.body[0] as Node;
  if (body.type === 'IfStatement' && !body.alternate) body = body.consequent as Node;
  if (body.type === 'BlockStatement' && body.body.length === 1) body = body.body[0] as Node;
  if (body.type !== 'ExpressionStatement') return undefined;
  let expr = body.expression as Node;
  while (expr.type === 'LogicalExpression' && expr.operator === '&&') expr = expr.right as Node;
  if (expr.type !== 'AssignmentExpression' || expr.operator !== '=' || expr.left.type !== 'MemberExpression' || !expr.left.computed) return undefined;
  const target = expr.left.object;
  const property = expr.left.property;
  return target.type === 'Identifier' && property.type === 'Identifier' && property.name === key ? target.name : undefined;
}

const isEnvSpread = (p: acorn.SpreadElement) => p.argument.type === 'MemberExpression' && /(?:^|\.)env$/.test(memberPath(p.argument) ?? '');

/**
 * `{...process.env, GIT_TERMINAL_PROMPT: "0"}` or `{...process.env, ...extra}`: an environment
 * being prepared for a program.
 */
function setsVariables(object: acorn.ObjectExpression): boolean {
  return object.properties.some(p => (p.type === 'Property' && ENV_NAME.test(propertyKeyName(p) ?? '')) || (p.type === 'SpreadElement' && !isEnvSpread(p)));
}

/** Methods that pick out some names (`Object.keys(env).find(k => k.toUpperCase() === "PATH")`), not take them all. */
const PICKS = new Set(['filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'some']);

/** Methods that only reorder or copy a list: `Object.keys(env).reverse().find(…)` still picks. */
const REORDERS = new Set(['reverse', 'sort', 'slice', 'toReversed', 'toSorted']);

/** The enumeration at `node` (the walk's current node) reaches a pick, through methods that only reorder the names. */
function picked(node: Node, ctx: RuleContext): boolean {
  let child: Node = node;
  for (let depth = 1; depth < 8; depth += 2) {
    const member = ctx.parent(depth);
    const call = ctx.parent(depth + 1);
    if (member?.type !== 'MemberExpression' || member.object !== child) return false;
    const method = propertyName(member) ?? '';
    if (PICKS.has(method)) return true;
    if (!REORDERS.has(method) || call?.type !== 'CallExpression' || call.callee !== member) return false;
    child = call;
  }
  return false;
}

/** Tests of a variable's name that pick out a namespace: `k.startsWith("DEBUG_")`, `/^npm_/.test(k)`. */
const NAME_TESTS = new Set(['startsWith', 'endsWith', 'test']);

/** The name a loop over the environment binds to each variable's name (`k` in `for (const [k, v] of entries)`). */
function loopKeyName(loop: acorn.ForOfStatement | acorn.ForInStatement, entries: boolean): string | undefined {
  const left = loop.left.type === 'VariableDeclaration' ? loop.left.declarations[0]?.id : loop.left;
  if (!left) return undefined;
  if (left.type === 'Identifier') return entries ? undefined : left.name;
  if (entries && left.type === 'ArrayPattern' && left.elements[0]?.type === 'Identifier') return left.elements[0].name;
  return undefined;
}

/** `k.startsWith("X_")` or `/^X_/.test(k)`, with a fixed prefix, suffix or pattern. */
function testsName(node: Node | null | undefined, key: string): boolean {
  if (node?.type !== 'CallExpression') return false;
  const callee = calleeOf(node);
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (!method || !NAME_TESTS.has(method) || callee.type !== 'MemberExpression') return false;
  const arg = node.arguments[0] as Node | undefined;
  const isKey = (n: Node | undefined) => n?.type === 'Identifier' && n.name === key;
  if (method === 'test') return isKey(arg) && callee.object.type === 'Literal' && 'regex' in callee.object;
  const fixed = arg ? staticString(arg) : undefined;
  return isKey(callee.object as Node) && fixed !== undefined && fixed.length > 0;
}

/**
 * A loop whose whole body runs only for names that pass a fixed test: `if (!k.startsWith("X_"))
 * continue;` first, or a body that is one `if (test) …` without else or one `test && …`.
 */
function filtersNames(loop: acorn.ForOfStatement | acorn.ForInStatement, key: string): boolean {
  const body = loop.body.type === 'BlockStatement' ? loop.body.body : [loop.body];
  const first = body[0] as Node | undefined;
  if (!first) return false;
  if (first.type === 'IfStatement' && !first.alternate) {
    const test = first.test as Node;
    if (test.type === 'UnaryExpression' && test.operator === '!' && testsName(test.argument as Node, key)) {
      const then = first.consequent.type === 'BlockStatement' && first.consequent.body.length === 1 ? first.consequent.body[0] : first.consequent;
      return then.type === 'ContinueStatement' && !then.label;
    }
    return body.length === 1 && testsName(test, key);
  }
  if (body.length !== 1 || first.type !== 'ExpressionStatement') return false;
  let expr = first.expression as Node;
  // `t.startsWith("X_") && n !== void 0 && (e[t] = n)`: the leftmost operand of the chain is the test.
  while (expr.type === 'LogicalExpression' && expr.operator === '&&') expr = expr.left as Node;
  return testsName(expr, key);
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
    const report = (node: Node, messageId: string, how: string, evidence: string, severity?: Severity, fn?: number) =>
      ctx.report({ node, messageId, data: { how }, evidence: [evidence], facts: [{ kind: 'source', source: 'env', detail: 'the whole environment' }], ...(severity ? { severity } : {}), ...(fn !== undefined ? { fn } : {}) });
    // Copies whose object must be given to a process as its env to be a child's environment: decided after the walk.
    const waiting: Array<{ name: string; fn: number; node: Node; messageId: string; how: string; evidence: string }> = [];
    return {
      'Program:exit'() {
        for (const w of waiting) if (!processTakesEnv(ctx, w.name, w.fn)) report(w.node, w.messageId, w.how, w.evidence, undefined, w.fn);
        waiting.length = 0;
      },
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
          // Object.keys(process.env).filter(k => /^DEBUG_/.test(k)) picks out one namespace; .find(k => k.toUpperCase() === "PATH") one name.
          // So does a loop over it that only handles names passing a fixed test (task-master-ai's `for (let [t, n] of Object.entries(process.env)) t.startsWith("TASKMASTER_") && …`).
          const parent = ctx.parent();
          const loopKey = parent?.type === 'ForOfStatement' && parent.right === node ? loopKeyName(parent, path !== 'Object.keys' && path !== 'Object.getOwnPropertyNames' && path !== 'Reflect.ownKeys') : undefined;
          // A loop copying every variable into an object given to a process as its `env` is a child environment.
          const copiedTo = loopKey !== undefined && path === 'Object.entries' ? copyTarget(parent as acorn.ForOfStatement, loopKey) : undefined;
          const filtered =
            picked(node, ctx) ||
            (loopKey !== undefined && path !== 'Object.values' && filtersNames(parent as acorn.ForOfStatement, loopKey));
          // A copy is reported unless, after the walk, a process call of the function is given that object as its env.
          if (!filtered && copiedTo !== undefined) return void waiting.push({ name: copiedTo, fn: ctx.functionIndex(), node, messageId: 'enumerate', how: path, evidence: `${path}(process.env)` });
          return report(node, filtered ? 'enumerateFiltered' : 'enumerate', path, `${path}(process.env)`, filtered ? 'info' : undefined);
        }
        if (path === 'JSON.stringify' && isEnvObject(arg, ctx)) return report(node, 'serialise', 'JSON.stringify', 'JSON.stringify(process.env)', 'medium');
        const ref = ctx.calleeRef(node);
        if (ref?.module === 'util' && ref.path[0] === 'inspect' && isEnvObject(arg, ctx)) return report(node, 'serialise', 'util.inspect', 'util.inspect(process.env)', 'medium');
        if (path === 'Object.assign' && args.slice(1).some(a => isEnvObject(a, ctx))) {
          const child = isChildEnv(ctx, 1);
          if (typeof child === 'object') waiting.push({ name: child.passedAs, fn: ctx.functionIndex(), node, messageId: 'copy', how: 'Object.assign', evidence: 'Object.assign(…, process.env)' });
          else if (!child) report(node, 'copy', 'Object.assign', 'Object.assign(…, process.env)');
        }
      },
      SpreadElement(node) {
        const object = ctx.parent();
        if (object?.type !== 'ObjectExpression' || !isEnvObject(node.argument, ctx)) return;
        if (setsVariables(object)) return;
        const child = isChildEnv(ctx, 2);
        if (typeof child === 'object') waiting.push({ name: child.passedAs, fn: ctx.functionIndex(), node, messageId: 'copy', how: '{...process.env}', evidence: '{...process.env}' });
        else if (!child) report(node, 'copy', '{...process.env}', '{...process.env}');
      },
      ForInStatement(node) {
        if (!isEnvObject(node.right, ctx)) return;
        const key = loopKeyName(node, false);
        const filtered = key !== undefined && filtersNames(node, key);
        report(node, filtered ? 'enumerateFiltered' : 'enumerate', 'for...in', 'for (k in process.env)', filtered ? 'info' : undefined);
      },
    };
  },
};
