// Hosts the code names, and which of them it sends requests to. A URL (or a bare host given to
// a connect call) is a request target when its value flows into a request: a fetch, http or
// https request, a WebSocket, an axios/got/undici call, or an SDK's `baseURL`-like option,
// followed backwards from the call through names, properties and same-module calls. Hosts
// that are only listed (allow lists, link tables, decoded lists) are reported once per list;
// a single URL nobody requests is reported as a URL. Each host is classified: own vendor,
// another AI vendor, telemetry, third party, raw IP, localhost, or computed at run time.
import { isProgramText } from '../js/parse';
import type * as acorn from 'acorn';
import { propertyKeyName, staticString, unwrapChain, type CallLike, type Node } from '../js/ast';
import { argumentsOf } from '../js/modules';
import { CALL_DEPTH } from '../js/flow';
import { classifyHost, hostSeverity, type HostClass } from '../net/hosts';
import { extractEndpoints, isHostName, parseUrl } from '../net/url';
import { severityRank, type Severity } from '../model';
import type { Rule, RuleContext } from './types';
import { networkCallAt } from './network-call';

/** Option keys whose value is where an SDK or client sends its requests. */
const REQUEST_KEYS = /^(?:base_?url|base_?uri|api_?base(?:_?url)?|api_?url|api_?endpoint|api_?host|endpoint|server_?url|webhook(?:_?url)?|collector_?url|ingest(?:ion)?_?url|dsn|proxy_?url|ws_?url|socket_?url|telemetry_?url|events_?url)$/i;
const HOST_KEYS = new Set(['host', 'hostname', 'servername']);
/** The options of a request that name the host it connects to. */
const HOST_OPTIONS = ['hostname', 'host'];

/** A host name written as text, met with no property pending: the value itself. */
function bareHost(node: Node, _fn: number, path: readonly string[]): string | undefined {
  if (path.length) return undefined;
  const text = staticString(node);
  return text !== undefined && text.length >= 4 && isHostName(text) ? text : undefined;
}
const CONNECT_MODULES = new Set(['net', 'tls', 'dns', 'http', 'https', 'http2']);
const METADATA_KEYS = new Set(['repository', 'bugs', 'funding', 'author', 'contributors', 'maintainers', 'license', 'homepage']);
/** A list of this many hosts or more is reported as one list. */
const LIST_MIN = 2;
const LIST_SHOWN = 6;

interface Candidate {
  node: Node;
  host: string;
  shown: string;
  /** Given directly as a request's target or an SDK option. */
  requested: boolean;
  /** The list it sits in (an array or an object of URLs), if any. */
  list?: Node;
  /** A bare host name (`host: "x"`), not a URL. */
  bare?: boolean;
}

/**
 * A bare host given as `host:`/`hostname:` (a slot: requested only if its object flows into a
 * request, since `{ host: "x" }` is as often telemetry data as connection options) or directly
 * to a net/tls/dns call (requested).
 */
function hostSlotOf(node: Node, ctx: RuleContext): 'slot' | 'connect' | undefined {
  const parent = ctx.parent();
  if (parent?.type === 'Property') return parent.value === node && HOST_KEYS.has(propertyKeyName(parent) ?? '') ? 'slot' : undefined;
  if (parent?.type === 'CallExpression' && (parent.arguments as Node[]).includes(node)) {
    const ref = ctx.calleeRef(parent);
    return ref && CONNECT_MODULES.has(ref.module) ? 'connect' : undefined;
  }
  return undefined;
}

/** Where the URL sits: an SDK option (requested), package metadata (skipped), or a list. */
function placeOf(node: Node, ctx: RuleContext): { requested: boolean; list?: Node; metadata?: boolean } {
  const parent = ctx.parent();
  if (parent?.type === 'Property' && parent.value === node) {
    const key = propertyKeyName(parent) ?? '';
    const object = ctx.parent(2);
    const holder = ctx.parent(3);
    if (holder?.type === 'Property' && METADATA_KEYS.has(propertyKeyName(holder) ?? '')) return { requested: false, metadata: true };
    if (REQUEST_KEYS.test(key)) return { requested: true };
    return object?.type === 'ObjectExpression' && object.properties.length >= LIST_MIN ? { requested: false, list: object } : { requested: false };
  }
  if (parent?.type === 'AssignmentExpression' && parent.right === node) {
    const left = unwrapChain(parent.left as Node);
    const name = left.type === 'Identifier' ? left.name : left.type === 'MemberExpression' && !left.computed && left.property.type === 'Identifier' ? left.property.name : '';
    return { requested: REQUEST_KEYS.test(name) };
  }
  if (parent?.type === 'ArrayExpression') return { requested: false, list: parent };
  return { requested: false };
}

function describeClass(c: HostClass): string {
  return c.kind === 'dynamic' ? 'host computed at run time' : c.label;
}

function classEvidence(c: HostClass): string {
  return `class ${c.kind}${c.own ? ' (own vendor)' : ''}${c.scope ? ` (${c.scope})` : ''}`;
}

/** A host only named, never seen requested: a raw public IP is no longer high. */
function listedSeverity(c: HostClass): Severity {
  const s = hostSeverity(c, false);
  return s === 'high' ? 'medium' : s;
}

/** The same host the same way this many times in a file is one finding with its places. */
const REPEATED = 4;
const RELATED_SHOWN = 20;

export const networkEndpoint: Rule = {
  meta: {
    id: 'network-endpoint',
    category: 'network',
    severity: 'low',
    title: 'URL or host the code contacts',
    description: 'Hosts whose URL flows into a request (fetch, http/https, WebSocket, axios, undici, got, SDK baseURL options) are request targets; hosts only listed are reported once per list; each classified as own vendor API, another AI vendor, telemetry, third party, raw IP, localhost or computed at run time.',
    messages: {
      request: 'Request target {{host}}: {{label}}',
      url: 'URL {{host}}: {{label}}',
      requestMany: 'Request target {{host}}: {{label}}, in {{count}} places of this file',
      urlMany: 'URL {{host}}: {{label}}, in {{count}} places of this file',
      host: 'Host name {{host}}: {{label}}',
      hostMany: 'Host name {{host}}: {{label}}, in {{count}} places of this file',
      list: 'Lists {{count}} hosts ({{hosts}})',
      decoded: 'Decoded ({{recipe}}) list of {{count}} hosts ({{hosts}})',
      native: '{{what}} in {{place}}: {{value}} ({{label}})',
    },
  },
  triggers: ['://', 'host', 'connect', 'lookup'],
  create(ctx) {
    const own = ctx.target.ownVendors;
    const candidates: Candidate[] = [];
    const targets: Array<{ node: Node; fn: number }> = [];

    const addUrl = (node: Node, value: string) => {
      const url = parseUrl(value);
      if (!url) return;
      const place = placeOf(node, ctx);
      if (place.metadata) return;
      const direct = isRequestArgument(node, ctx);
      candidates.push({ node, host: url.host, shown: value, requested: place.requested || direct, ...(place.list ? { list: place.list } : {}) });
    };

    const visitCall = (node: CallLike) => {
      if (!networkCallAt(node, ctx)) return;
      const first = argumentsOf(node)[0];
      if (first) targets.push({ node: first, fn: ctx.functionIndex() });
    };

    // The same host the same way in many places (a model table's `baseUrl` in 400 entries):
    // one finding at the first, the others as related places.
    const report = (c: Candidate, requested: boolean, others: readonly Candidate[] = []) => {
      const cls = classifyHost(c.host, own);
      if (cls.kind === 'reserved') return;
      const many = others.length > 0;
      ctx.report({
        node: c.node,
        messageId: requested ? (many ? 'requestMany' : 'request') : c.bare ? (many ? 'hostMany' : 'host') : many ? 'urlMany' : 'url',
        data: { host: c.host, label: describeClass(cls), count: others.length + 1 },
        related: others.slice(0, RELATED_SHOWN).map(o => ({ start: o.node.start, end: o.node.end, message: `also ${o.shown.length > 80 ? `${o.shown.slice(0, 80)}…` : o.shown}` })),
        severity: requested ? hostSeverity(cls, true) : listedSeverity(cls),
        evidence: [`host ${c.host}`, classEvidence(cls), c.shown.length > 200 ? `${c.shown.slice(0, 200)}…` : c.shown],
        facts: [{ kind: 'endpoint', host: c.host }],
        ...(requested ? { host: c.host } : {}),
        ...(many ? { places: others.length + 1 } : {}),
        ...vendorFields(cls),
      });
    };

    const reportList = (list: Node, members: Candidate[], messageId: 'list' | 'decoded', recipe?: string) => {
      const classes = members.map(m => ({ m, cls: classifyHost(m.host, own) })).filter(x => x.cls.kind !== 'reserved');
      if (classes.length === 0) return;
      const hosts = [...new Set(classes.map(x => x.m.host))];
      const severity = classes.map(x => listedSeverity(x.cls)).reduce((a, b) => (severityRank(b) > severityRank(a) ? b : a), 'info' as Severity);
      ctx.report({
        node: list,
        messageId,
        data: { count: hosts.length, hosts: hosts.slice(0, LIST_SHOWN).join(', ') + (hosts.length > LIST_SHOWN ? ', …' : ''), recipe: recipe ?? '' },
        severity,
        evidence: classes.slice(0, 20).map(x => `host ${x.m.host} (${x.cls.kind}${x.cls.own ? ', own vendor' : ''})`),
        facts: hosts.map(host => ({ kind: 'endpoint' as const, host })),
        ...(recipe ? { decodedFrom: recipe } : {}),
        ...mergeVendorFields(classes.map(x => x.cls)),
      });
    };

    return {
      Literal(node) {
        if (typeof node.value !== 'string') return;
        if (node.value.includes('://')) return addUrl(node, node.value);
        const slot = node.value.length >= 4 && isHostName(node.value) ? hostSlotOf(node, ctx) : undefined;
        if (slot) candidates.push({ node, host: node.value.toLowerCase(), shown: node.value, requested: slot === 'connect', bare: true });
      },
      TemplateLiteral(node) {
        const plain = staticString(node);
        if (plain !== undefined) return plain.includes('://') ? addUrl(node, plain) : undefined;
        const first = node.quasis[0].value.cooked ?? '';
        if (!first.includes('://')) return;
        // `https://${region}-api.example.com/v1`: computed parts become `*`.
        addUrl(node, node.quasis.map(q => q.value.cooked ?? '').join('*'));
      },
      CallExpression: visitCall,
      NewExpression: visitCall,
      'Program:exit'() {
        if (candidates.length === 0 && targets.length === 0) return;
        // Which URLs flow into a request: followed back from each request's target.
        const byNode = new Map<Node, Candidate>(candidates.map(c => [c.node, c]));
        const { flow } = ctx.analysis();
        const requested = new Set<Candidate>(candidates.filter(c => c.requested));
        // One mark for every question: value flow shares answers between questions with the same mark.
        const candidateAt = (n: Node) => byNode.get(n);
        for (const t of targets) {
          for (const r of flow.origins(t.node, t.fn, candidateAt)) requested.add(r.mark);
          // The host of a request's options (`https.request({...options, agent})` with
          // `hostname: USAGE_STATS_HOSTNAME`), wherever that name is bound: a bare host.
          for (const key of HOST_OPTIONS) {
            for (const r of flow.origins(t.node, t.fn, bareHost, CALL_DEPTH, [key])) {
              const known = byNode.get(r.node);
              if (known) requested.add(known);
              else {
                const c: Candidate = { node: r.node, host: r.mark.toLowerCase(), shown: r.mark, requested: true, bare: true };
                byNode.set(r.node, c);
                candidates.push(c);
                requested.add(c);
              }
            }
          }
        }
        const lists = new Map<Node, Candidate[]>();
        const single = new Map<string, Candidate[]>();
        const one = (c: Candidate, isRequested: boolean) => {
          const key = `${isRequested}\0${c.bare ? 1 : 0}\0${c.host}`;
          const group = single.get(key);
          if (group) group.push(c);
          else single.set(key, [c]);
        };
        for (const c of candidates) {
          if (requested.has(c)) one(c, true);
          else if (c.list) {
            // Grown in place: a bundle can repeat one host thousands of times.
            const members = lists.get(c.list);
            if (members) members.push(c);
            else lists.set(c.list, [c]);
          }
          else one(c, false);
        }
        for (const [list, members] of lists) {
          if (members.length >= LIST_MIN) reportList(list, members, 'list');
          else one(members[0], false);
        }
        for (const [key, group] of single) {
          const isRequested = key.startsWith('true');
          if (group.length >= REPEATED) report(group[0], isRequested, group.slice(1));
          else for (const c of group) report(c, isRequested);
        }
      },
      // Hosts hidden in an encoded list: one finding for the list, on the decoding call.
      decoded({ decoded: d, use, table }) {
        // A string table's hosts are summed up by encoded-list, once per table.
        if (use || table || d.within) return;
        // A script shipped encoded names properties (`t.name`), not hosts.
        if (typeof d.value === 'string' && isProgramText(d.value)) return;
        const seen = new Set<string>();
        const members: Candidate[] = [];
        for (const entry of d.entries) {
          const host = entry.includes('://') ? parseUrl(entry)?.host : isHostName(entry) ? entry.toLowerCase() : undefined;
          if (!host || seen.has(host)) continue;
          seen.add(host);
          members.push({ node: d.site, host, shown: entry, requested: false });
        }
        if (members.length) reportList(d.site, members, 'decoded', d.recipe.join(' -> '));
      },
      nativeString(s) {
        const endpoints = extractEndpoints(s.text);
        for (const e of endpoints) {
          const cls = classifyHost(e.host, own);
          if (cls.kind === 'reserved') continue;
          const severity = hostSeverity(cls, false);
          ctx.report({
            node: { start: e.start, end: e.end },
            messageId: 'native',
            data: { what: e.kind === 'url' ? 'URL' : 'Host name', place: s.unparsed ? 'code too deeply nested to parse' : 'native code', value: e.value, label: describeClass(cls) },
            severity: severity === 'high' ? 'medium' : severity,
            evidence: [`host ${e.host}`, classEvidence(cls)],
            facts: [{ kind: 'endpoint', host: e.host }],
            ...vendorFields(cls),
          });
        }
      },
    };
  },
};

/** The literal is itself the first argument of a request (`fetch("https://…")`). */
function isRequestArgument(node: Node, ctx: RuleContext): boolean {
  const parent = ctx.parent();
  if (parent?.type !== 'CallExpression' && parent?.type !== 'NewExpression') return false;
  return argumentsOf(parent as acorn.CallExpression)[0] === node && !!networkCallAt(parent, ctx);
}

function vendorFields(c: HostClass): { vendor?: string[] } {
  return c.kind === 'vendor-api' && c.service ? { vendor: [c.service] } : {};
}

function mergeVendorFields(classes: HostClass[]): { vendor?: string[] } {
  const vendors = [...new Set(classes.flatMap(c => (c.kind === 'vendor-api' && c.service ? [c.service] : [])))];
  return vendors.length ? { vendor: vendors } : {};
}
