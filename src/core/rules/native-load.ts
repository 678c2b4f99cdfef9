// Native code loaded into the Node process: process.dlopen, require of a `.node` addon,
// the `bindings` and `node-gyp-build` loaders. Compiled code is opaque to this audit.
import { calleeOf, memberPath, type Node } from '../js/ast';
import { argumentsOf } from '../js/modules';
import type { Rule } from './types';
import { spelledPath } from './util/paths';

const LOADERS = new Set(['bindings', 'node-gyp-build', 'node-addon-api', 'prebuild-install']);

export const nativeLoad: Rule = {
  meta: {
    id: 'native-load',
    category: 'execution',
    severity: 'low',
    title: 'Loads a native addon',
    description: 'process.dlopen (medium), require of a .node file, and the bindings / node-gyp-build loaders.',
    messages: {
      load: 'Loads native code ({{how}})',
      path: 'Loads native code ({{how}}): {{path}}',
    },
  },
  triggers: ['dlopen', '.node', 'bindings', 'node-gyp-build'],
  create(ctx) {
    const report = (node: Node, how: string, arg: Node | undefined, severity?: 'medium') => {
      const spelled = arg ? spelledPath(arg, ctx) : undefined;
      ctx.report({ node, messageId: spelled ? 'path' : 'load', data: { how, path: spelled ?? '' }, evidence: [`call ${how}`, ...(spelled ? [`path ${spelled}`] : [])], ...(severity ? { severity } : {}) });
    };
    return {
      CallExpression(node) {
        const callee = calleeOf(node);
        const args = argumentsOf(node);
        const path = memberPath(callee);
        if (path === 'process.dlopen' || path?.endsWith('.process.dlopen')) return report(node, 'process.dlopen', args[1], 'medium');
        if (ctx.isRequire(callee) && args.length === 1) {
          const spelled = spelledPath(args[0], ctx);
          if (spelled && /\.node$/.test(spelled)) report(node, 'require of a .node addon', args[0]);
          return;
        }
        const ref = ctx.moduleRef(callee);
        if (ref && LOADERS.has(ref.module) && ref.path.length === 0) report(node, ref.module, args[0]);
      },
    };
  },
};
