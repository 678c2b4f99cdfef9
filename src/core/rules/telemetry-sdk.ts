// Telemetry, analytics, error-reporting and feature-flag SDKs, found by what survives
// bundling: the package name (imports, requires, SDK metadata strings), the service's hosts in
// URLs, and strings specific to the SDK's code. One finding per SDK per file.
import { staticString, type Node } from '../js/ast';
import { TELEMETRY_SERVICES, telemetryServiceForHost, type TelemetryService } from '../catalog/telemetry';
import { escapeRegExp } from '../catalog/keywords';
import type { Rule, RuleContext } from './types';
import { parseUrl } from '../net/url';

interface Needle {
  text: string;
  service: TelemetryService;
  how: 'package' | 'host' | 'marker';
  /** A host match whose URL is an API path (`…/api/v2/logs`), not a DSN or a bare origin: what a hand-written client posts to. */
  api?: boolean;
}

const NEEDLES: Needle[] = TELEMETRY_SERVICES.flatMap(service => [
  ...service.packages.map(text => ({ text, service, how: 'package' as const })),
  ...service.markers.map(text => ({ text, service, how: 'marker' as const })),
]);

const MARKERS = new RegExp(NEEDLES.map(n => escapeRegExp(n.text)).join('|'), 'g');

/** A marker that starts or ends with a word character counts only as a whole word (`_growthbook`, not `before_growthbook_init`). */
function wholeMarker(value: string, at: number, text: string): boolean {
  if (WORD.test(text[0]) && at > 0 && WORD.test(value[at - 1])) return false;
  const end = at + text.length;
  return !(WORD.test(text[text.length - 1]) && end < value.length && WORD.test(value[end]));
}
const WORD = /[\w$]/;
const BY_TEXT = new Map(NEEDLES.map(n => [n.text, n]));

/** The SDK a string points at: a package name (or a subpath of one), a marker, or a service host. */
export function telemetryMatch(value: string): Needle | undefined {
  if (value.length < 5 || value.length > 4096) return undefined;
  const url = value.includes('://') ? parseUrl(value) : undefined;
  if (url) {
    const service = telemetryServiceForHost(url.host, url.credentials);
    // What follows the scheme and authority: a path names the collector's API itself.
    const rest = value.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
    if (service) return { text: url.host, service, how: 'host', api: !url.credentials && rest.length > 1 };
  }
  MARKERS.lastIndex = 0;
  for (let m = MARKERS.exec(value); m; m = MARKERS.exec(value)) {
    const needle = BY_TEXT.get(m[0])!;
    // A package name counts only as the whole string or a subpath (`@sentry/node/cjs`), not inside prose.
    if (needle.how === 'package' && !(value === m[0] || (m.index === 0 && value[m[0].length] === '/'))) continue;
    if (needle.how === 'marker' && !wholeMarker(value, m.index, m[0])) continue;
    return needle;
  }
  return undefined;
}

export const telemetrySdk: Rule = {
  meta: {
    id: 'telemetry-sdk',
    category: 'telemetry',
    severity: 'medium',
    title: 'Telemetry or analytics SDK',
    description: 'Statsig, Sentry, Datadog, Segment, PostHog, Amplitude, Mixpanel, GrowthBook, LaunchDarkly, OpenTelemetry OTLP exporters, Application Insights, @vscode/extension-telemetry, Google Clearcut: by package name, service host or SDK-specific strings; one finding per SDK per file; a DSN or bare collector address with no SDK or client code beside it is low.',
    messages: {
      sdk: 'Ships the {{name}} SDK or client ({{purpose}})',
      ownSdk: "Ships the {{name}} SDK or client ({{purpose}}), the vendor's own service",
      collector: "Names {{name}}'s collector ({{purpose}}) at {{host}} (a DSN or address), with no SDK or client code of it in this file",
    },
  },
  triggers: [...new Set([...NEEDLES.map(n => n.text), ...TELEMETRY_SERVICES.flatMap(s => s.hosts)])],
  create(ctx: RuleContext) {
    // One finding per SDK per file, at its first sign. A collector's address alone (a Sentry
    // DSN, a bare origin) says where reports would go, not that the SDK that sends them is here:
    // a bundler may have replaced it with a stub. Decided after the walk, when every sign is known.
    const first = new Map<string, { node: Node; hit: Needle }>();
    const code = new Map<string, Needle>();
    const check = (node: Node, value: string) => {
      const hit = telemetryMatch(value);
      if (!hit) return;
      if (!first.has(hit.service.id)) first.set(hit.service.id, { node, hit });
      // An SDK's package or strings, or the collector's API path a hand-written client posts to.
      if ((hit.how !== 'host' || hit.api) && !code.has(hit.service.id)) code.set(hit.service.id, hit);
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, staticString(node) ?? node.quasis.map(q => q.value.cooked ?? '').join('*'));
      },
      'Program:exit'() {
        for (const [id, { node, hit }] of first) {
          const { service } = hit;
          const sdk = code.get(id);
          const own = !!service.vendor && ctx.target.ownVendors.includes(service.vendor);
          const evidence = [`sdk ${service.name}`, `${hit.how} ${JSON.stringify(hit.text)}`, ...(sdk && sdk !== hit ? [`${sdk.how} ${JSON.stringify(sdk.text)}`] : [])];
          ctx.report({
            node,
            messageId: !sdk ? 'collector' : own ? 'ownSdk' : 'sdk',
            data: { name: service.name, purpose: service.purpose, host: hit.text },
            evidence,
            severity: own || !sdk ? 'low' : 'medium',
          });
        }
      },
    };
  },
};
