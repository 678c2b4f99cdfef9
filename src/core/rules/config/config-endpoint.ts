// Where the assistant's requests go, as its settings move them: a base URL, a proxy, a
// telemetry collector. The motivating case: a base URL pointed at another vendor or a reseller
// receives every prompt and every file sent as context.
import type { Severity } from '../../model';
import { classifyHost, type HostClass } from '../../net/hosts';
import { parseUrl } from '../../net/url';
import { vendorById } from '../../catalog/vendors';
import type { ConfigRule } from '../types';
import { isInternalName } from './internalHost';

const WHAT = { 'base-url': 'Sends requests', proxy: 'Routes requests through a proxy', telemetry: 'Sends telemetry' } as const;

export const configEndpoint: ConfigRule = {
  meta: {
    id: 'config-endpoint',
    category: 'network',
    severity: 'medium',
    title: 'Settings send requests to another host',
    description: 'A base URL, proxy or telemetry endpoint in the assistant\'s settings that points away from its own vendor: another vendor, a third party, a raw IP, or plain http.',
    messages: {
      endpoint: '{{what}} to {{host}} ({{label}}) via {{name}}',
      plain: '{{what}} over plain http to {{host}} via {{name}}: prompts and keys in clear text',
    },
  },
  check(ctx) {
    for (const e of ctx.inventory.endpoints) {
      if (e.kind !== 'base-url' && e.kind !== 'proxy' && e.kind !== 'telemetry') continue;
      // A proxy may be written bare (`proxy.corp:3128`); give it a scheme to read its host.
      const url = parseUrl(e.value) ?? (e.kind === 'proxy' ? parseUrl(`http://${e.value}`) : undefined);
      if (!url) continue;
      const internal = isInternalName(url.host);
      const c: HostClass = internal ? { kind: 'localhost', own: false, label: 'internal network name' } : classifyHost(url.host, ctx.ownVendors);
      const plain = url.scheme === 'http' && c.kind !== 'localhost' && c.kind !== 'reserved' && !(c.kind === 'raw-ip' && c.scope !== 'public') && e.kind !== 'proxy';
      const severity = plain ? 'high' : severityOf(c, e.kind);
      if (!severity) continue;
      const vendor = c.kind === 'vendor-api' && c.service ? vendorById(c.service) : undefined;
      ctx.report({
        messageId: plain ? 'plain' : 'endpoint',
        data: { what: WHAT[e.kind], host: url.host, label: c.label, name: e.name },
        at: e.at,
        scope: e.scope,
        severity,
        evidence: [`${e.name} = ${e.value}`, `${e.scope} setting in ${e.at.file}`],
        host: url.host,
        ...(vendor ? { vendor: [vendor.id], country: [vendor.country] } : {}),
        identity: `${e.name}=${e.value}`,
      });
    }
  },
};

function severityOf(c: HostClass, kind: 'base-url' | 'proxy' | 'telemetry'): Severity | undefined {
  switch (c.kind) {
    case 'raw-ip':
      return c.scope === 'public' ? 'high' : 'low';
    case 'vendor-api':
    case 'telemetry':
      return c.own ? 'info' : 'medium';
    case 'third-party':
      return kind === 'proxy' ? 'low' : 'medium';
    case 'localhost':
      return 'low';
    default:
      return undefined;
  }
}
