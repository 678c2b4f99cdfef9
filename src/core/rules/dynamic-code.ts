// Code built from strings at run time: eval, new Function / Function(...), the vm module,
// string timers. What runs cannot be read in the shipped file; when the string is known it
// is shown (`Function("return this")` is the usual globalThis polyfill, info).
import { memberPath, propertyName, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Severity } from '../model';
import type { Rule, RuleContext } from './types';
import { moduleRef, refName } from '../js/modules';
import { snippet } from './util/values';

const VM_CALLS = new Set(['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'window.setTimeout', 'window.setInterval']);
const GLOBAL_THIS_POLYFILL = /^\s*return\s+this\s*;?\s*$/;

function stringArg(node: AstNode | undefined): boolean {
  if (!node) return false;
  node = unwrapChain(node);
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  return node.type === 'BinaryExpression' && node.operator === '+' && (stringArg(node.left) || stringArg(node.right));
}

function report(ctx: RuleContext, node: AstNode, what: string, code: AstNode[]) {
  const known = code.map(a => staticString(a));
  const allKnown = known.every(k => k !== undefined);
  const body = allKnown ? known[known.length - 1] ?? '' : undefined;
  const severity: Severity = body !== undefined ? (GLOBAL_THIS_POLYFILL.test(body) ? 'info' : 'low') : 'medium';
  ctx.report(node, `${what}${body !== undefined ? ' with fixed code' : ' with code computed at run time'}`, {
    severity,
    evidence: [`call ${what}`, ...(code[0] ? [`code ${snippet(ctx, code[code.length - 1], 120)}`] : [])],
    facts: [{ kind: 'sink:eval', detail: what }],
  });
}

function isGlobal(node: AstNode, name: string, ctx: RuleContext): boolean {
  node = unwrapChain(node);
  if (node.type === 'Identifier') return node.name === name && !ctx.resolve(node);
  if (propertyName(node) !== name) return false;
  const path = memberPath(node);
  return path === `globalThis.${name}` || path === `window.${name}` || path === `global.${name}`;
}

export const dynamicCode: Rule = {
  id: 'dynamic-code',
  category: 'execution',
  severity: 'medium',
  title: 'Runs code built from strings',
  description: 'Direct and indirect eval, new Function / Function(...), the vm module (runInThisContext, runInNewContext, runInContext, Script, compileFunction), setTimeout/setInterval with a string.',
  triggers: ['eval', 'Function', 'runIn', 'compileFunction', 'Script', 'setTimeout', 'setInterval'],
  visitors: {
    CallExpression(node, ctx) {
      let callee = unwrapChain(node.callee);
      // (0, eval)(code): indirect eval.
      if (callee.type === 'SequenceExpression') callee = callee.expressions[callee.expressions.length - 1];
      if (isGlobal(callee, 'eval', ctx)) return report(ctx, node, 'eval', node.arguments.slice(0, 1));
      if (isGlobal(callee, 'Function', ctx)) return report(ctx, node, 'Function(...)', node.arguments);
      const path = stringArg(node.arguments[0]) ? memberPath(callee) : undefined;
      if (path && TIMERS.has(path) && (callee.type !== 'Identifier' || !ctx.resolve(callee))) {
        return report(ctx, node, `${path} with a string`, node.arguments.slice(0, 1));
      }
      const ref = moduleRef(callee, ctx);
      if (ref?.module === 'vm' && VM_CALLS.has(ref.path[ref.path.length - 1])) report(ctx, node, refName(ref), node.arguments.slice(0, 1));
    },
    NewExpression(node, ctx) {
      if (isGlobal(node.callee, 'Function', ctx)) return report(ctx, node, 'new Function', node.arguments);
      const ref = moduleRef(node.callee, ctx);
      if (ref?.module === 'vm' && VM_CALLS.has(ref.path[ref.path.length - 1])) report(ctx, node, `new ${refName(ref)}`, node.arguments.slice(0, 1));
    },
  },
};
