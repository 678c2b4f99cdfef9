// Reads of settings that steer where requests go: API base URLs, endpoints and proxies.
// Normal configuration on its own; the interesting case is a function that reads one and
// compares it with vendor lists (see correlate.ts).
import { calledMethod, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { envReadsAt } from './util/env';

const ENDPOINT_ENV = /^(?:[a-z0-9]+_)+(?:BASE_URL|API_BASE|ENDPOINT|API_URL)$/i;
const PROXY_ENV = /^(?:HTTPS?_PROXY|ALL_PROXY|NO_PROXY|npm_config_[a-z_]*proxy)$/i;

export function endpointVariableKind(name: string): 'endpoint' | 'proxy' | undefined {
  if (ENDPOINT_ENV.test(name)) return 'endpoint';
  if (PROXY_ENV.test(name)) return 'proxy';
  return undefined;
}

function reportEnv(node: AstNode, ctx: RuleContext) {
  for (const read of envReadsAt(node, ctx)) {
    const kind = endpointVariableKind(read.name);
    if (!kind) continue;
    ctx.report(read.node, `Reads ${read.name} (${kind === 'proxy' ? 'proxy setting' : 'where API requests go'})`, {
      evidence: [`env ${read.name}`],
      facts: [{ kind: 'probe:endpoint' }],
    });
  }
}

/** `getConfiguration("http")` directly or through a variable. */
function isHttpConfiguration(node: AstNode | undefined, ctx: RuleContext): boolean {
  if (!node) return false;
  node = unwrapChain(node);
  if (node.type === 'Identifier') {
    const bound = ctx.resolve(node);
    return !!bound && bound.type !== 'Identifier' && isHttpConfiguration(bound, ctx);
  }
  return node.type === 'CallExpression' && calledMethod(node) === 'getConfiguration' && staticString(node.arguments[0]) === 'http';
}

export const endpointConfigRead: Rule = {
  id: 'endpoint-config-read',
  category: 'network',
  severity: 'low',
  title: 'Reads the API endpoint or proxy configuration',
  description: 'Reads environment variables or settings that decide where requests go: *_BASE_URL, *_API_BASE, *_ENDPOINT, *_API_URL, HTTP(S)_PROXY, ALL_PROXY, NO_PROXY, npm_config_*proxy, http.proxy.',
  triggers: ['BASE_URL', 'API_BASE', 'ENDPOINT', 'API_URL', 'PROXY', 'proxy'],
  triggersIgnoreCase: true,
  visitors: {
    MemberExpression: reportEnv,
    VariableDeclarator: reportEnv,
    CallExpression(node, ctx) {
      const method = calledMethod(node);
      if (method !== 'get' && method !== 'inspect') return;
      const key = staticString(node.arguments[0]);
      const object = unwrapChain(node.callee).object;
      if (key === 'http.proxy' || (key === 'proxy' && isHttpConfiguration(object, ctx))) {
        ctx.report(node, 'Reads the editor proxy setting (http.proxy)', {
          evidence: ['setting http.proxy'],
          facts: [{ kind: 'probe:endpoint' }],
        });
      }
    },
  },
};
