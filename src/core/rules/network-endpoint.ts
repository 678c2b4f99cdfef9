// URL and host literals, each classified by who receives the request: the assistant's own
// vendor, another AI vendor, a telemetry service, a third party, a raw IP, localhost, or a
// host computed at run time. The first evidence string is always `host <name>` (policy host
// globs match on it; `*` marks computed parts).
import { calledMethod, propertyKeyName, propertyName, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext, Span } from './types';
import { classifyHost, hostSeverity, isHostName, parseUrl } from '../net/hosts';
import { calleeRef } from '../js/modules';
import { networkCallKind } from './network-call';

const URL_KEYS = /^(?:url|uri|href|baseurl|base_url|baseuri|endpoint|apiurl|api_url|apihost|apibase|apiendpoint|host|hostname|server|serverurl|origin|target|registry|proxy|webhook|collectorurl|ingesturl|dsn)$/i;
const URL_NAME = /(?:url|uri|endpoint|host|origin|base|server)$/i;
const METADATA_KEYS = new Set(['repository', 'bugs', 'funding', 'author', 'contributors', 'maintainers', 'license']);
const HOST_KEYS = new Set(['host', 'hostname', 'servername', 'apiHost']);
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'fetch', 'connect', 'stream', 'send', 'open']);
const REQUEST_CONSTRUCTORS = new Set(['URL', 'WebSocket', 'EventSource', 'Request']);
const CONNECT_MODULES = new Set(['net', 'tls', 'dns', 'http', 'https', 'http2']);

/** `repository: {url: "https://github.com/..."}`: package metadata bundled with the code. */
function isPackageMetadata(ctx: RuleContext): boolean {
  const holder = ctx.parent(3);
  return holder?.type === 'Property' && METADATA_KEYS.has(propertyKeyName(holder) ?? '');
}

/** Whether the literal at the end of `ctx.path` is used as the target of a request. */
function isRequestTarget(ctx: RuleContext): boolean {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  if (!parent) return false;
  switch (parent.type) {
    case 'CallExpression': {
      if (!parent.arguments.includes(node)) return false;
      const callee = unwrapChain(parent.callee);
      const ref = calleeRef(parent, ctx);
      const network = !!ref && !!networkCallKind(ref);
      if (callee.type === 'Identifier') return callee.name === 'fetch' || network;
      return REQUEST_METHODS.has(calledMethod(parent) ?? '') || network;
    }
    case 'NewExpression': {
      // new URL(path, "http://x") parses against a base; only the first argument is a target.
      const callee = unwrapChain(parent.callee);
      return parent.arguments[0] === node && callee.type === 'Identifier' && REQUEST_CONSTRUCTORS.has(callee.name);
    }
    case 'Property':
      return parent.value === node && URL_KEYS.test(propertyKeyName(parent) ?? '') && !isPackageMetadata(ctx);
    case 'AssignmentExpression': {
      const left = unwrapChain(parent.left);
      const name = left.type === 'Identifier' ? left.name : propertyName(left);
      return parent.right === node && !!name && (URL_KEYS.test(name) || URL_NAME.test(name));
    }
    case 'VariableDeclarator':
      return parent.init === node && parent.id.type === 'Identifier' && parent.id.name.length > 3 && URL_NAME.test(parent.id.name);
    default:
      return false;
  }
}

/** A bare host given as `host:`/`hostname:` or to net/tls/dns calls. */
function isHostSlot(ctx: RuleContext): boolean {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  if (parent?.type === 'Property') return parent.value === node && HOST_KEYS.has(propertyKeyName(parent) ?? '');
  if (parent?.type === 'CallExpression' && parent.arguments.includes(node)) {
    const ref = calleeRef(parent, ctx);
    return !!ref && CONNECT_MODULES.has(ref.module);
  }
  return false;
}

function report(ctx: Pick<RuleContext, 'report' | 'target'>, node: Span, host: string, shown: string, requested: boolean, how?: string) {
  const c = classifyHost(host, ctx.target);
  if (c.kind === 'reserved') return;
  const what = how ?? (requested ? 'Request target' : 'URL');
  ctx.report(node, `${what} ${host}: ${c.kind === 'dynamic' ? 'host computed at run time' : c.label}`, {
    severity: hostSeverity(c, requested),
    evidence: [`host ${host}`, `class ${c.kind}${c.own ? ' (own vendor)' : ''}${c.scope ? ` (${c.scope})` : ''}`, shown.length > 200 ? `${shown.slice(0, 200)}…` : shown],
    facts: [{ kind: 'endpoint', detail: host }],
  });
}

/** Hosts named by the entries of a decoded list: URLs and bare host names. */
function decodedHosts(entries: readonly string[]): Array<{ host: string; shown: string }> {
  const seen = new Set<string>();
  const out: Array<{ host: string; shown: string }> = [];
  for (const entry of entries) {
    const host = entry.includes('://') ? parseUrl(entry)?.host : isHostName(entry) ? entry.toLowerCase() : undefined;
    if (host && !seen.has(host)) {
      seen.add(host);
      out.push({ host, shown: entry });
    }
  }
  return out;
}

function checkString(node: AstNode, value: string, ctx: RuleContext) {
  if (value.includes('://')) {
    const url = parseUrl(value);
    if (url) report(ctx, node, url.host, value, isRequestTarget(ctx));
    return;
  }
  if (value.length >= 4 && isHostName(value) && isHostSlot(ctx)) report(ctx, node, value.toLowerCase(), value, true);
}

export const networkEndpoint: Rule = {
  id: 'network-endpoint',
  category: 'network',
  severity: 'low',
  title: 'URL or host the code contacts',
  description: 'Whole-string URL literals, templates with a literal host and bare hosts given to connect calls, classified as own vendor API, another AI vendor, telemetry, third party, raw IP, localhost or computed at run time.',
  triggers: ['://', 'host', 'connect', 'lookup'],
  visitors: {
    Literal(node, ctx) {
      if (typeof node.value === 'string') checkString(node, node.value, ctx);
    },
    TemplateLiteral(node, ctx) {
      const plain = staticString(node);
      if (plain !== undefined) return checkString(node, plain, ctx);
      const first: string = node.quasis[0].value.cooked ?? '';
      if (!first.includes('://')) return;
      // `https://${region}-api.example.com/v1`: computed parts become `*`.
      const spelled = node.quasis.map((q: AstNode) => q.value.cooked ?? '').join('*');
      const url = parseUrl(spelled);
      if (url) report(ctx, node, url.host, spelled, isRequestTarget(ctx));
    },
  },
  // Hosts hidden in an encoded list: one finding per host, on the decoding call.
  decoded({ decoded: d, use }, ctx) {
    if (use) return;
    for (const { host, shown } of decodedHosts(d.entries)) report(ctx, d.site, host, shown, false, `Decoded (${d.recipe.join(' -> ')})`);
  },
};
