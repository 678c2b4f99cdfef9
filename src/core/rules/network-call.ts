// Calls that open a connection or send a request: fetch, http/https/http2 request and get,
// net/tls connect, dns lookups, WebSocket/EventSource/XMLHttpRequest, sendBeacon, and the
// axios/got/node-fetch/undici clients when their import is visible. Presence is normal for
// an assistant (info); the call is the sink the exfiltration and download-exec correlations
// follow values into, and the request target network-endpoint follows URLs into.
import { calledMethod, calleeOf, isFunction, memberPath, propertyKeyName, propertyName, unwrapChain, type CallLike, type Node, type Parameter } from '../js/ast';
import { argumentGiven } from '../js/flow';
import { contextAt } from './util/contextAt';
import { argumentsOf, refName, type ModuleRef } from '../js/modules';
import { keepsOwnField } from '../js/nameUses';
import { parseUrl } from '../net/url';
import type { Rule, RuleContext } from './types';
import { spelledPath, spelledText } from './util/paths';

const GLOBAL_FETCH = new Set(['fetch', 'globalThis.fetch', 'window.fetch', 'self.fetch', 'global.fetch']);
const HTTP_CALLS = new Set(['request', 'get', 'connect']);
const SOCKET_CALLS = new Set(['connect', 'createConnection']);
/** DNS lookups that answer with addresses only (a TXT or SRV record may carry any text). */
const ADDRESS_LOOKUPS = /^dns\.(?:promises\.)?(?:lookup|lookupService|resolve4|resolve6|resolve|reverse)$/;
const DNS_CALLS = new Set(['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveMx', 'resolveCname', 'resolveSrv', 'resolveNs', 'reverse']);
const CLIENT_MODULES = new Set(['axios', 'got', 'node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch', 'ky', 'superagent', 'request', 'ws']);
/** Analytics SDKs' methods that send an event or a user's traits to the vendor (on the client a `new PostHog(key)` makes). */
const ANALYTICS_CALLS = new Map([
  ['posthog-node', new Set(['capture', 'identify', 'alias', 'groupIdentify', 'captureException'])],
  ['@segment/analytics-node', new Set(['track', 'identify', 'page', 'screen', 'group', 'alias'])],
  ['analytics-node', new Set(['track', 'identify', 'page', 'screen', 'group', 'alias'])],
  ['mixpanel', new Set(['track', 'track_batch', 'import'])],
]);
const CLIENT_CALLS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'fetch', 'stream']);
const CONSTRUCTORS = new Set(['WebSocket', 'EventSource', 'XMLHttpRequest']);
/** socket.io-client's exports that open a connection (`io(url)`, `io.connect(url)`). */
const SOCKET_IO_CALLS = new Set(['io', 'connect', 'lookup', 'default']);
/** Connections that send messages: `.send(data)` on each, and `.emit(event, data)` on socket.io's. */
const MESSAGE_SOCKETS = new Set(['WebSocket connection', 'socket.io connection']);
/** Where a page or runtime keeps its globals: `new globalThis.WebSocket(url)` is the global constructor. */
const GLOBAL_OWNERS = new Set(['globalThis', 'window', 'self', 'global']);

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
    case 'socket.io-client':
      return ref.path.length === 0 || SOCKET_IO_CALLS.has(last) ? 'socket.io connection' : undefined;
    default:
      if (ANALYTICS_CALLS.get(ref.module)?.has(last)) return 'analytics event';
      if (!CLIENT_MODULES.has(ref.module)) return undefined;
      if (ref.path.length === 0 || CLIENT_CALLS.has(last)) return `${ref.module} request`;
      return undefined;
  }
}

/** Options of HTTP clients' requests (axios, got, ky): no cache's or map's `get` takes them. */
const HTTP_CLIENT_OPTIONS = new Set(['responseType', 'validateStatus', 'maxRedirects', 'maxContentLength', 'maxBodyLength', 'httpsAgent', 'httpAgent', 'onDownloadProgress', 'onUploadProgress', 'xsrfCookieName', 'followRedirect', 'throwHttpErrors']);

/**
 * A bundled HTTP client whose import is gone (`Z1.post(`${base}/api/x`, body)`): a request
 * method whose first argument spells a URL, or for writes a path under a computed base.
 */
function isClientRequest(method: string, args: readonly Node[], ctx: RuleContext): boolean {
  if (!CLIENT_CALLS.has(method) || args.length === 0 || args.length > 3) return false;
  // `http.get(url, { responseType: "arraybuffer" })`: options only an HTTP client takes (a bundled axios instance given a URL held in a parameter).
  if (args.slice(1).some(a => a.type === 'ObjectExpression' && a.properties.some(p => p.type === 'Property' && HTTP_CLIENT_OPTIONS.has(propertyKeyName(p as Node) ?? '')))) return true;
  const spelled = spelledText(args[0], ctx);
  if (!spelled) return false;
  if (/^(?:https?|wss?):\/\//i.test(spelled)) return true;
  return method !== 'get' && method !== 'head' && /^\*\/[\w.-]+\//.test(spelled);
}

/** The kind and name of a network call, or undefined: shared with network-endpoint, which follows URLs into these. */
export function networkCallAt(node: CallLike, ctx: RuleContext): NetworkCall | undefined {
  // network-call and network-endpoint both ask at every call the walk visits: answer once.
  // The path tells a call visited again after the walk (a module handed to a helper) from its first visit.
  if (node === last.node && ctx.path === last.path) return last.answer;
  const answer = networkCallOf(node, ctx);
  last = { node, path: ctx.path, answer };
  return answer;
}

type NetworkCall = { what: string; call: string };
let last: { node?: CallLike; path?: RuleContext['path']; answer?: NetworkCall } = {};

function networkCallOf(node: CallLike, ctx: RuleContext): NetworkCall | undefined {
  const callee = calleeOf(node);
  if (node.type === 'NewExpression') {
    const global = globalConstructor(callee, ctx);
    if (global) return { what: global === 'XMLHttpRequest' ? 'HTTP request' : `${global} connection`, call: `new ${global}` };
    const ref = ctx.moduleRef(callee);
    if (ref?.module !== 'ws') return undefined;
    // `new WebSocket.Server({port})`: it listens for connections; it opens none.
    const last = ref.path[ref.path.length - 1];
    if (last === 'Server' || last === 'WebSocketServer') return { what: 'WebSocket server', call: `new ws.${last}` };
    return { what: 'WebSocket connection', call: 'new ws' };
  }
  const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
  if (name === 'fetch' || name === 'sendBeacon') {
    const path = memberPath(callee);
    if (path && GLOBAL_FETCH.has(path) && isGlobalName(callee, ctx)) return { what: 'HTTP request', call: 'fetch' };
    if (path?.endsWith('navigator.sendBeacon')) return { what: 'Beacon', call: 'navigator.sendBeacon' };
  }
  // `fetchImpl = options.fetchImpl ?? fetch`, `function f(url, fetchImpl = fetch)`: the global fetch unless a caller gives another.
  if (callee.type === 'Identifier' && fetchByDefault(callee, ctx)) return { what: 'HTTP request', call: 'fetch' };
  if (callee.type === 'MemberExpression' && fetchFieldByDefault(callee, ctx)) return { what: 'HTTP request', call: 'fetch' };
  const ref = callee.type === 'Identifier' ? ctx.moduleRef(callee) : ctx.calleeRef(node);
  const kind = ref && networkCallKind(ref);
  if (kind) return { what: kind, call: refName(ref) };
  const method = calledMethod(node);
  if (method && isClientRequest(method, argumentsOf(node), ctx)) return { what: 'HTTP request', call: `.${method}(url)` };
  return undefined;
}

/** Options of a request as fetch takes them (`{ method, headers, body, signal }`, `{ ...init, signal }`): a call given them is worth asking about. */
function requestOptions(arg: Node | undefined): boolean {
  const o = arg && unwrapChain(arg);
  return o?.type === 'ObjectExpression' && o.properties.some(p => p.type === 'Property' && REQUEST_KEYS.has(propertyKeyName(p) ?? ''));
}

const REQUEST_KEYS = new Set(['method', 'headers', 'body', 'signal']);

/**
 * A helper's parameter that some call of the helper gives the global fetch (`fetchWithTimeout(
 * this.fetchImpl, url)` with the field falling back to fetch, `fetchWithTimeout(fetchImpl, url)`
 * with `fetchImpl = fetch` as the caller's default, or `fetch` itself): calling it makes that
 * request, for that caller at least (Kimi Code's telemetry and updater).
 */
function fetchGivenByCaller(param: Parameter, ctx: RuleContext): boolean {
  const { index, graph } = ctx.analysis();
  const scope = index.functionOf(param.fn);
  if (scope === undefined) return false;
  return graph.callersOf(scope).some(step => {
    if (!Number.isFinite(step.argOffset)) return false;
    const [given] = argumentGiven(step.call, param.index + step.argOffset, []);
    if (!given || given.path.length) return false;
    const value = unwrapChain(given.node);
    const at = contextAt(ctx, step.fn);
    const path = memberPath(value);
    if (path && GLOBAL_FETCH.has(path) && isGlobalName(value, at)) return true;
    if (value.type === 'Identifier') return fetchByDefault(value, at);
    return value.type === 'MemberExpression' && fetchFieldByDefault(value, at);
  });
}

/** A name whose value is the global fetch when nothing else is given: a parameter's default, or the right of `??` / `||`. */
function fetchByDefault(callee: Node & { type: 'Identifier' }, ctx: RuleContext): boolean {
  return isFetchFallback(ctx.resolve(callee), ctx);
}

/**
 * `this.fetchFn(url)` in a class whose constructor keeps `this.fetchFn = options.fetch ?? fetch`
 * (gitlab-ai-provider in Kilo Code): every value the class writes to the field falls back to
 * the global fetch.
 */
function fetchFieldByDefault(callee: Node & { type: 'MemberExpression' }, ctx: RuleContext): boolean {
  const key = callee.object.type === 'ThisExpression' ? propertyName(callee) : undefined;
  const { index } = ctx.analysis();
  const fn = ctx.functionIndex();
  const cls = index.classAround(fn);
  if (key === undefined || !cls) return false;
  const values = index.thisValues(fn, key);
  // Asked at every `this.m(…)`: the scan of the text for other writes only for a field that falls back to fetch.
  return values.length > 0 && values.every(v => isFetchFallback(v.node, ctx)) && keepsOwnField(index, cls, key);
}

function isFetchFallback(value: Node | undefined, ctx: RuleContext): boolean {
  const fallback = value?.type === 'Parameter' ? value.default : value?.type === 'LogicalExpression' && value.operator !== '&&' ? value.right : undefined;
  let f = fallback && unwrapChain(fallback as Node);
  if (!f) return false;
  // `globalThis.fetch.bind(globalThis)` (Kimi Code's telemetry and search clients): the same fetch.
  if (f.type === 'CallExpression' && f.callee.type === 'MemberExpression' && propertyName(f.callee) === 'bind') f = unwrapChain(f.callee.object as Node);
  const path = memberPath(f);
  return !!path && GLOBAL_FETCH.has(path) && isGlobalName(f, ctx);
}

/** `fetch` or `self.fetch` not bound in the code: a local `fetch`, or `var self = this`, is the code's own. */
function isGlobalName(node: Node, ctx: RuleContext): boolean {
  let root = node;
  while (root.type === 'MemberExpression') root = unwrapChain(root.object as Node);
  return root.type !== 'Identifier' || !ctx.isBound(root);
}

/** `WebSocket`, `globalThis.WebSocket`, …: the global constructor's name when the callee is one (not a local of that name). */
function globalConstructor(callee: Node, ctx: RuleContext): string | undefined {
  if (callee.type === 'Identifier') return CONSTRUCTORS.has(callee.name) && !ctx.isBound(callee) ? callee.name : undefined;
  const name = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  const owner = callee.type === 'MemberExpression' ? callee.object : undefined;
  if (!name || !CONSTRUCTORS.has(name) || owner?.type !== 'Identifier' || !GLOBAL_OWNERS.has(owner.name) || ctx.isBound(owner)) return undefined;
  return name;
}

function report(ctx: RuleContext, node: CallLike, found: { what: string; call: string }): string | undefined {
  const args = argumentsOf(node);
  const spelled = args[0] ? spelledPath(args[0], ctx) : undefined;
  const url = spelled ? parseUrl(spelled) : undefined;
  ctx.report({
    node,
    messageId: url ? 'to' : 'call',
    data: { what: found.what, call: found.call, host: url?.host ?? '' },
    evidence: [`call ${found.call}`, ...(url ? [`host ${url.host}`] : [])],
    // A socket opened to an address sends nothing by opening it (checking a port on a local
    // interface is not sending that interface anywhere); requests and lookups carry their arguments.
    facts: [{ kind: 'sink', sink: 'network', detail: url?.host ?? found.call, payload: found.what === 'socket connection' || found.what === 'WebSocket server' ? [] : args, ...(args[0] ? { target: args[0] } : {}), ...(found.what === 'WebSocket server' ? { listens: true } : {}), ...(ADDRESS_LOOKUPS.test(found.call) ? { addressOnly: true } : {}) }],
    ...(url ? { host: url.host } : {}),
  });
  return url?.host;
}

/**
 * A `.send(data)`, `.emit(event, data)` or `.write(body)`/`.end(body)` the walk saw: whether its
 * receiver is a socket or a request is asked after the walk.
 */
interface Send {
  node: CallLike;
  socket: Node;
  data: Node[];
  fn: number;
  /** `emit` sends only on socket.io's sockets (any event emitter has one); `write` and `end` only on an HTTP request (any stream has them). */
  method: 'send' | 'emit' | 'write' | 'end';
}

/** What a message sent on each kind of connection is sent on, as the message says it. */
const SENT_ON: Record<string, string> = { 'socket.io connection': 'socket.io', 'HTTP request': 'HTTP request', 'WebSocket connection': 'WebSocket' };

/** Which connections a send method sends on. */
const SENDS_ON: Record<Send['method'], (what: string) => boolean> = {
  send: what => MESSAGE_SOCKETS.has(what),
  emit: what => what === 'socket.io connection',
  write: what => what === 'HTTP request',
  end: what => what === 'HTTP request',
};

export const networkCall: Rule = {
  meta: {
    id: 'network-call',
    category: 'network',
    severity: 'info',
    title: 'Makes a network call',
    description: 'fetch, http/https request (and the body written to it) and get, net/tls connect, dns lookups, WebSocket and socket.io connections (and each message sent on one), EventSource, XMLHttpRequest, sendBeacon, axios/got/node-fetch/undici calls whose import is visible (also on an instance: axios.create), and the events an analytics SDK client sends (PostHog capture, Segment track, Mixpanel track).',
    messages: {
      call: '{{what}} ({{call}})',
      to: '{{what}} to {{host}} ({{call}})',
      send: 'Sends a {{what}} message ({{call}})',
      sendTo: 'Sends a {{what}} message to {{host}} ({{call}})',
      body: 'Sends a request body ({{call}})',
      bodyTo: 'Sends a request body to {{host}} ({{call}})',
    },
  },
  triggers: ['fetch', 'request', 'connect', 'WebSocket', '"ws"', "'ws'", 'socket.io-client', 'EventSource', 'XMLHttpRequest', 'sendBeacon', 'lookup', 'resolve', 'http', 'axios', 'got', 'dgram', 'get', 'post', 'put', 'patch', 'delete', 'posthog', 'analytics', 'mixpanel'],
  create(ctx) {
    // WebSocket and socket.io connections, with the host each is opened to, and the calls that
    // may send on one: what is sent is the request's payload (the exfiltration correlation follows it).
    const sockets = new Map<Node, { host?: string; what: string }>();
    const sends: Send[] = [];
    const givenFetch: Array<{ node: CallLike; param: Parameter; fn: number }> = [];
    const visit = (node: CallLike) => {
      const found = networkCallAt(node, ctx);
      if (found) {
        const host = report(ctx, node, found);
        // A request whose body is written after (`req.write(body); req.end()`): `get` ends its own.
        if (MESSAGE_SOCKETS.has(found.what) || (found.what === 'HTTP request' && found.call.endsWith('.request'))) sockets.set(node, { host, what: found.what });
        return;
      }
      const callee = calleeOf(node);
      const args = argumentsOf(node);
      // `fetchImpl(url, { signal })` in a helper its callers hand the fetch to: known once every call is.
      if (node.type === 'CallExpression' && callee.type === 'Identifier' && requestOptions(args[1])) {
        const param = ctx.resolve(callee);
        if (param?.type === 'Parameter' && !param.rest) givenFetch.push({ node, param, fn: ctx.functionIndex() });
      }
      if (node.type !== 'CallExpression' || callee.type !== 'MemberExpression') return;
      const method = propertyName(callee);
      const socket = callee.object as Node;
      const fn = ctx.functionIndex();
      if (method === 'send' && args.length >= 1 && args.length <= 2) sends.push({ node, socket, data: [args[0]], fn, method });
      else if (method === 'emit' && args.length >= 2) sends.push({ node, socket, data: args.slice(1), fn, method });
      else if ((method === 'write' || method === 'end') && args.length >= 1 && args.length <= 3 && !isFunction(args[0])) sends.push({ node, socket, data: [args[0]], fn, method });
    };
    return {
      CallExpression: visit,
      NewExpression: visit,
      'Program:exit'() {
        for (const g of givenFetch) {
          if (fetchGivenByCaller(g.param, ctx)) report(contextAt(ctx, g.fn), g.node, { what: 'HTTP request', call: 'fetch' });
        }
        if (sockets.size === 0) return;
        const { flow } = ctx.analysis();
        for (const send of sends) {
          const opened = flow.origins(send.socket, send.fn, node => {
            const socket = sockets.get(node);
            return socket && SENDS_ON[send.method](socket.what) ? node : undefined;
          });
          if (opened.length === 0) continue;
          // A host spelled with a computed part (`*`) names no host.
          const hosts = [...new Set(opened.map(o => sockets.get(o.mark)?.host).filter((h): h is string => !!h && !h.includes('*')))];
          const host = hosts.length === 1 ? hosts[0] : undefined;
          const what = SENT_ON[sockets.get(opened[0].mark)?.what ?? ''] ?? 'WebSocket';
          const body = what === 'HTTP request';
          const { method } = send;
          ctx.report({
            node: send.node,
            messageId: body ? (host ? 'bodyTo' : 'body') : host ? 'sendTo' : 'send',
            data: { what, call: `${ctx.text.slice(send.socket.start, Math.min(send.socket.end, send.socket.start + 40))}.${method}`, host: host ?? '' },
            evidence: [`call ${what}.${method}`, ...(host ? [`host ${host}`] : [])],
            facts: [{ kind: 'sink', sink: 'network', detail: host ?? `${what}.${method}`, payload: send.data }],
            related: opened.slice(0, 3).map(o => ({ start: o.mark.start, end: o.mark.end, message: body ? 'the request is made here' : 'the socket is opened here' })),
            ...(host ? { host } : {}),
            fn: send.fn,
          });
        }
      },
    };
  },
};
