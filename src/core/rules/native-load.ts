// Native code loaded into the Node process: process.dlopen, require of a `.node` addon,
// the `bindings` and `node-gyp-build` loaders. Compiled code is opaque to this audit.
import { memberPath, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { isRequireFunction, moduleRef } from '../js/modules';
import { spelledPath } from './util/paths';

const LOADERS = new Set(['bindings', 'node-gyp-build', 'node-addon-api', 'prebuild-install']);

function report(ctx: RuleContext, node: AstNode, how: string, arg: AstNode | undefined, severity?: 'medium') {
  const spelled = arg ? spelledPath(arg, ctx) : undefined;
  ctx.report(node, `Loads native code (${how})${spelled ? `: ${spelled}` : ''}`, {
    evidence: [`call ${how}`, ...(spelled ? [`path ${spelled}`] : [])],
    ...(severity ? { severity } : {}),
  });
}

export const nativeLoad: Rule = {
  id: 'native-load',
  category: 'execution',
  severity: 'low',
  title: 'Loads a native addon',
  description: 'process.dlopen (medium), require of a .node file, and the bindings / node-gyp-build loaders.',
  triggers: ['dlopen', '.node', 'bindings', 'node-gyp-build'],
  visitors: {
    CallExpression(node, ctx) {
      const callee = unwrapChain(node.callee);
      const path = memberPath(callee);
      if (path === 'process.dlopen' || path?.endsWith('.process.dlopen')) return report(ctx, node, 'process.dlopen', node.arguments[1], 'medium');
      if (isRequireFunction(callee, ctx) && node.arguments.length === 1) {
        const spelled = spelledPath(node.arguments[0], ctx);
        if (spelled && /\.node$/.test(spelled)) report(ctx, node, 'require of a .node addon', node.arguments[0]);
        return;
      }
      const ref = moduleRef(callee, ctx);
      if (ref && LOADERS.has(ref.module) && ref.path.length === 0) report(ctx, node, ref.module, node.arguments[0]);
    },
  },
};
