// Modules loaded by a name computed at run time (require or import of a variable). What gets loaded
// cannot be read from the shipped file; plugin loaders do this by design.
import { calleeOf, staticString, type Node } from '../js/ast';
import { isBuiltin } from 'node:module';
import { constantTexts } from '../js/constantText';
import { settledValue } from '../js/moduleIndex';
import type { Rule } from './types';
import { spelledPath } from './util/paths';
import { snippet } from './util/values';

/** `.node` files are native-load's. */
const isNative = (spelled: string | undefined) => !!spelled && /\.node$/.test(spelled);

export const dynamicRequire: Rule = {
  meta: {
    id: 'dynamic-require',
    category: 'execution',
    severity: 'low',
    title: 'Loads a module by a computed name',
    description: 'require and import() calls whose argument is not a fixed string (a template with substitutions, a variable, a call).',
    messages: {
      load: 'Loads a module named at run time ({{call}})',
      spelled: 'Loads a module named at run time ({{call}}): {{path}}',
      constant: 'Loads {{path}} through a name kept in a constant ({{call}}), out of a bundler\'s sight',
    },
  },
  triggers: ['require', 'Require', 'import('],
  create(ctx) {
    const report = (node: Node, call: string, arg: Node) => {
      const fixed = fixedName(arg);
      if (fixed !== undefined) {
        ctx.report({ node, messageId: 'constant', data: { call, path: fixed }, severity: 'info', evidence: [`call ${call}`, `argument ${snippet(ctx, arg, 120)}`] });
        return;
      }
      const spelled = spelledPath(arg, ctx);
      ctx.report({ node, messageId: spelled ? 'spelled' : 'load', data: { call, path: spelled ?? '' }, evidence: [`call ${call}`, `argument ${snippet(ctx, arg, 120)}`] });
    };
    // `const n = "node:fs/promises"; import(/* @vite-ignore */ n)`: a name bound once to a literal,
    // or to a text the file fixes through other such names (`const specifier = MXC_V1` with
    // MXC_V1 = `${MXC_PKG}/v1`: sandbox-runtime's optional SDK, review 114).
    const fixedName = (arg: Node): string | undefined => {
      if (arg.type !== 'Identifier') return undefined;
      const { index } = ctx.analysis();
      const value = settledValue(index, arg.name, ctx.functionIndex());
      const literal = value && staticString(value.node);
      if (literal !== undefined) return literal;
      const texts = constantTexts(arg, ctx.functionIndex(), index);
      // A built-in module put together from parts (`"child_" + "process"`) is hidden, not kept
      // from a bundler (which never bundles built-ins): it stays low, spelled.
      return texts?.length === 1 && !isBuiltin(texts[0]) ? texts[0] : undefined;
    };
    return {
      CallExpression(node) {
        const arg = node.arguments[0];
        if (node.arguments.length !== 1 || !arg || arg.type === 'SpreadElement' || staticString(arg) !== undefined || arg.type === 'Literal') return;
        const callee = calleeOf(node);
        if (!ctx.isRequire(callee) || isNative(spelledPath(arg, ctx))) return;
        const name = callee.type !== 'Identifier' ? 'module.require' : callee.name === 'require' || callee.name === '__require' ? callee.name : `require (as ${callee.name})`;
        report(node, name, arg);
      },
      ImportExpression(node) {
        if (staticString(node.source) !== undefined || isNative(spelledPath(node.source, ctx))) return;
        report(node, 'import()', node.source);
      },
    };
  },
};
