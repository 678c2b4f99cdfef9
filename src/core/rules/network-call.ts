// Calls that open a connection or send a request: fetch, http/https/http2 request and get,
// net/tls connect, dns lookups, WebSocket/EventSource/XMLHttpRequest, sendBeacon, and the
// axios/got/node-fetch/undici clients when their import is visible. Presence is normal for
// an assistant (info); the call is the sink the exfiltration and download-exec
// correlations look for.
import { calledMethod, memberPath, propertyName, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { calleeRef, moduleRef, refName, type ModuleRef } from '../js/modules';
import { parseUrl } from '../net/hosts';
import { spelledPath, spelledText } from './util/paths';

const GLOBAL_FETCH = new Set(['fetch', 'globalThis.fetch', 'window.fetch', 'self.fetch', 'global.fetch']);
const HTTP_CALLS = new Set(['request', 'get', 'connect']);
const SOCKET_CALLS = new Set(['connect', 'createConnection']);
const DNS_CALLS = new Set(['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveMx', 'resolveCname', 'resolveSrv', 'resolveNs', 'reverse']);
const CLIENT_MODULES = new Set(['axios', 'got', 'node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch', 'ky', 'superagent', 'request', 'ws']);
const CLIENT_CALLS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'fetch', 'stream']);
const CONSTRUCTORS = new Set(['WebSocket', 'EventSource', 'XMLHttpRequest']);

/** What kind of network call a module member is, or undefined. */
export function networkCallKind(ref: ModuleRef): string | undefined {
  const last = ref.path[ref.path.length - 1];
  switch (ref.module) {
    case 'http':
    case 'https':
    case 'http2':
      return HTTP_CALLS.has(last) ? 'HTTP request' : undefined;
    case 'net':
    case 'tls':
      return SOCKET_CALLS.has(last) ? 'socket connection' : undefined;
    case 'dns':
      return DNS_CALLS.has(last) ? 'DNS lookup' : undefined;
    case 'dgram':
      return last === 'createSocket' ? 'UDP socket' : undefined;
    default:
      if (!CLIENT_MODULES.has(ref.module)) return undefined;
      if (ref.path.length === 0 || CLIENT_CALLS.has(last)) return `${ref.module} request`;
      return undefined;
  }
}

/**
 * A bundled HTTP client whose import is gone (`Z1.post(`${base}/api/x`, body)`): a request
 * method whose first argument spells a URL, or for writes a path under a computed base.
 */
function isClientRequest(method: string, args: AstNode[], ctx: RuleContext): boolean {
  if (!CLIENT_CALLS.has(method) || args.length === 0 || args.length > 3) return false;
  const spelled = spelledText(args[0], ctx);
  if (!spelled) return false;
  if (/^(?:https?|wss?):\/\//i.test(spelled)) return true;
  return method !== 'get' && method !== 'head' && /^\*\/[\w.-]+\//.test(spelled);
}

function report(ctx: RuleContext, node: AstNode, what: string, call: string, target: AstNode | undefined) {
  const spelled = target ? spelledPath(target, ctx) : undefined;
  const url = spelled ? parseUrl(spelled) : undefined;
  ctx.report(node, `${what}${url ? ` to ${url.host}` : ''} (${call})`, {
    evidence: [`call ${call}`, ...(url ? [`host ${url.host}`] : [])],
    // The call is the subject: correlation asks what flows into it through same-module calls.
    facts: [{ kind: 'sink:network', detail: url?.host, subject: node }],
  });
}

export const networkCall: Rule = {
  id: 'network-call',
  category: 'network',
  severity: 'info',
  title: 'Makes a network call',
  description: 'fetch, http/https request and get, net/tls connect, dns lookups, WebSocket, EventSource, XMLHttpRequest, sendBeacon, and axios/got/node-fetch/undici calls whose import is visible.',
  triggers: ['fetch', 'request', 'connect', 'WebSocket', 'EventSource', 'XMLHttpRequest', 'sendBeacon', 'lookup', 'resolve', 'http', 'axios', 'got', 'dgram', 'get', 'post', 'put', 'patch', 'delete'],
  visitors: {
    CallExpression(node, ctx) {
      const callee = unwrapChain(node.callee);
      const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
      if (name === 'fetch' || name === 'sendBeacon') {
        const path = memberPath(callee);
        if (path && GLOBAL_FETCH.has(path) && !(callee.type === 'Identifier' && ctx.resolve(callee))) {
          return report(ctx, node, 'HTTP request', 'fetch', node.arguments[0]);
        }
        if (path?.endsWith('navigator.sendBeacon')) return report(ctx, node, 'Beacon', 'navigator.sendBeacon', node.arguments[0]);
      }
      const ref = callee.type === 'Identifier' ? moduleRef(callee, ctx) : calleeRef(node, ctx);
      const kind = ref && networkCallKind(ref);
      if (kind) return report(ctx, node, kind, refName(ref), node.arguments[0]);
      const method = calledMethod(node);
      if (method && isClientRequest(method, node.arguments, ctx)) report(ctx, node, 'HTTP request', `.${method}(url)`, node.arguments[0]);
    },
    NewExpression(node, ctx) {
      const callee = unwrapChain(node.callee);
      if (callee.type === 'Identifier' && CONSTRUCTORS.has(callee.name) && !ctx.resolve(callee)) {
        return report(ctx, node, callee.name === 'XMLHttpRequest' ? 'HTTP request' : `${callee.name} connection`, `new ${callee.name}`, node.arguments[0]);
      }
      const ref = moduleRef(callee, ctx);
      if (ref?.module === 'ws') report(ctx, node, 'WebSocket connection', 'new ws', node.arguments[0]);
    },
  },
};
