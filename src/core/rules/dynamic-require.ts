// Modules loaded by a name computed at run time (require or import of a variable). What gets loaded
// cannot be read from the shipped file; plugin loaders do this by design.
import { staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { isRequireFunction } from '../js/modules';
import { spelledPath } from './util/paths';
import { snippet } from './util/values';

function report(ctx: RuleContext, node: AstNode, call: string, arg: AstNode) {
  const spelled = spelledPath(arg, ctx);
  ctx.report(node, `Loads a module named at run time (${call})${spelled ? `: ${spelled}` : ''}`, {
    evidence: [`call ${call}`, `argument ${snippet(ctx, arg, 120)}`],
  });
}

/** `.node` files are native-load's. */
const isNative = (spelled: string | undefined) => !!spelled && /\.node$/.test(spelled);

export const dynamicRequire: Rule = {
  id: 'dynamic-require',
  category: 'execution',
  severity: 'low',
  title: 'Loads a module by a computed name',
  description: 'require and import() calls whose argument is not a fixed string (a template with substitutions, a variable, a call).',
  triggers: ['require', 'Require', 'import('],
  visitors: {
    CallExpression(node, ctx) {
      const arg = node.arguments[0];
      if (node.arguments.length !== 1 || !arg || staticString(arg) !== undefined || arg.type === 'SpreadElement') return;
      if (!isRequireFunction(node.callee, ctx) || isNative(spelledPath(arg, ctx))) return;
      const callee = unwrapChain(node.callee);
      const name = callee.type !== 'Identifier' ? 'module.require' : callee.name === 'require' || callee.name === '__require' ? callee.name : `require (as ${callee.name})`;
      report(ctx, node, name, arg);
    },
    ImportExpression(node, ctx) {
      if (staticString(node.source) !== undefined || isNative(spelledPath(node.source, ctx))) return;
      report(ctx, node, 'import()', node.source);
    },
  },
};
