// Where a URL or host literal points, classified by what the scanned assistant is: its own
// vendor's API, another AI vendor, a telemetry or analytics service, a third party, a raw IP,
// localhost, or a host computed at run time. Pure functions over strings, so the strings pass
// over native binaries can classify the hosts it finds the same way.
import type { Severity } from '../model';
import { ipScope } from './url';
import { isUnderDomain, vendorForHost, type Vendor } from '../catalog/vendors';
import { telemetryServiceForHost } from '../catalog/telemetry';

export type HostKind = 'vendor-api' | 'telemetry' | 'third-party' | 'raw-ip' | 'localhost' | 'dynamic' | 'reserved';

export interface HostClass {
  kind: HostKind;
  /** For vendor-api and telemetry: the service belongs to one of the assistant's own vendors. */
  own: boolean;
  /** Human label: "Anthropic (own vendor API)", "Datadog (logs)", "public IP". */
  label: string;
  /** Catalog vendor or telemetry service id. */
  service?: string;
  /** raw-ip: where the address routes. */
  scope?: 'public' | 'private' | 'link-local';
}

/** Hosts that only name things (XML namespaces, schemas) or are reserved for examples and local use. */
const RESERVED_HOSTS = ['w3.org', 'json-schema.org', 'schemas.xmlsoap.org', 'purl.org', 'ns.adobe.com', 'schemas.microsoft.com', 'schemas.openxmlformats.org', 'xmlns.com'];
const RESERVED_TLDS = ['example', 'test', 'invalid', 'local', 'localdomain'];
const EXAMPLE_DOMAINS = ['example.com', 'example.org', 'example.net'];

/**
 * Classifies a host name or IP as found in code. A `*` marks a part computed at run time
 * (`*.googleapis.com` from `https://${region}.googleapis.com`); a host that is all `*` is dynamic.
 */
export function classifyHost(rawHost: string, ownVendors: readonly string[]): HostClass {
  const host = rawHost.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '' || /^\*+$/.test(host)) return { kind: 'dynamic', own: false, label: 'computed at run time' };
  const known = host.includes('*') ? knownSuffix(host) : host;
  if (known === undefined) return { kind: 'dynamic', own: false, label: 'computed at run time' };

  const ip = ipScope(known);
  if (ip === 'loopback') return { kind: 'localhost', own: false, label: 'this machine' };
  const resolver = PUBLIC_RESOLVERS[known];
  if (resolver) return { kind: 'raw-ip', own: false, scope: 'public', service: 'resolver', label: `${resolver} public DNS resolver (connectivity checks)` };
  if (ip) return { kind: 'raw-ip', own: false, scope: ip, label: ip === 'link-local' ? 'link-local IP (cloud metadata service)' : `${ip} IP address` };
  if (known === 'localhost' || known.endsWith('.localhost')) return { kind: 'localhost', own: false, label: 'this machine' };
  if (isReserved(known)) return { kind: 'reserved', own: false, label: 'example or namespace, not contacted' };

  const own = new Set(ownVendors);
  const service = telemetryServiceForHost(known);
  const vendor = vendorForHost(known);
  if (service) {
    const isOwn = (!!service.vendor && own.has(service.vendor)) || (!!vendor && own.has(vendor.id));
    return { kind: 'telemetry', own: isOwn, service: service.id, label: `${service.name} (${service.purpose})${isOwn ? ', own vendor' : ''}` };
  }
  if (vendor && TELEMETRY_LABEL.test(known.slice(0, known.length - vendorDomainLength(known, vendor.hosts)))) {
    // `telemetry.vendor.com`, `otel-collector.vendor.ai`: the vendor's own collector.
    const isOwn = own.has(vendor.id);
    // `analytics.google.com` is Google's collector, not Gemini's.
    const name = companyOnly(host, known, vendor) !== undefined ? vendor.company!.name : vendor.name;
    return { kind: 'telemetry', own: isOwn, service: vendor.id, label: `${name} telemetry${isOwn ? ', own vendor' : ''}` };
  }
  if (vendor) {
    const isOwn = own.has(vendor.id);
    const whose = isOwn ? 'own vendor' : 'another vendor';
    const products = companyOnly(host, known, vendor);
    if (products !== undefined) return { kind: 'vendor-api', own: isOwn, service: vendor.id, label: `${vendor.company!.name}, ${vendor.country} (${whose}; not a ${products} host)` };
    return { kind: 'vendor-api', own: isOwn, service: vendor.id, label: `${vendor.name}, ${vendor.country} (${whose})` };
  }
  // `telemetry.desktopcommander.app`: a collector by its own name, whoever runs it.
  if (NAMED_COLLECTOR.test(known)) return { kind: 'telemetry', own: false, label: 'a collector, by its host name' };
  return { kind: 'third-party', own: false, label: 'third party' };
}

/** A host whose first label says it collects usage data; stricter than TELEMETRY_LABEL (`events.` or `logs.` of an unknown company may be its product). */
const NAMED_COLLECTOR = /^(?:telemetry|analytics|tracking|otel|otlp|otel-collector)[.-]/;

/**
 * For a host under a company's general domain (fonts.googleapis.com, sts.amazonaws.com) whose
 * own labels do not name the AI product: the products to say it is not (`"Gemini, Vertex AI"`).
 * Undefined for the product's hosts (`generativelanguage.googleapis.com`, a listed host,
 * `us-central1-aiplatform.googleapis.com`, `bedrock-runtime.us-east-1.amazonaws.com`).
 */
function companyOnly(host: string, known: string, vendor: Vendor): string | undefined {
  const company = vendor.company;
  if (!company) return undefined;
  const matched = vendorDomainLength(known, vendor.hosts);
  const domain = known.slice(known.length - matched);
  if (!company.domains.includes(domain) || !host.endsWith(domain)) return undefined;
  const words = host.slice(0, Math.max(0, host.length - matched - 1)).split(/[.-]/);
  // A part computed at run time (`https://${region}.googleapis.com`) may name the product.
  if (words.some(w => w.includes('*'))) return undefined;
  const names = vendor.keywords.map(k => k.word.toLowerCase());
  if (words.some(w => (company.serviceLabels ?? []).includes(w) || names.some(n => w.includes(n)))) return undefined;
  const open = vendor.name.indexOf('(');
  return open > 0 ? vendor.name.slice(open + 1, vendor.name.lastIndexOf(')')) : vendor.name;
}

/** Subdomain labels that name a collector of usage data. */
const TELEMETRY_LABEL = /(?:^|[.-])(?:telemetry|analytics|metrics|events?|collector|otel|otlp|tracking|track|stats|beacon|rum|ingest|logs?)(?:[.-]|$)/;

/** How much of `host` is the vendor's own domain it matched (`anthropic.com` in `statsig.anthropic.com`). */
function vendorDomainLength(host: string, domains: readonly string[]): number {
  let best = 0;
  for (const d of domains) if (isUnderDomain(host, d) && d.length > best) best = d.length;
  return best;
}

/**
 * Default severity by risk: a raw public IP is high; third-party telemetry medium; the own
 * vendor, localhost and computed hosts info. `requested` says the literal is used as a request
 * target (fetch argument, `url`/`baseURL` option): mere links and names stay at info.
 */
export function hostSeverity(c: HostClass, requested: boolean): Severity {
  switch (c.kind) {
    case 'raw-ip':
      if (c.service === 'resolver') return 'low';
      return c.scope === 'public' ? 'high' : c.scope === 'link-local' ? 'medium' : 'low';
    case 'telemetry':
      return c.own ? 'low' : 'medium';
    case 'vendor-api':
      return c.own || !requested ? 'info' : 'low';
    case 'third-party':
      return requested ? 'low' : 'info';
    default:
      return 'info';
  }
}

/** The literal tail of a partly computed host: `*-aiplatform.googleapis.com` gives googleapis.com. */
function knownSuffix(host: string): string | undefined {
  const tail = host.slice(host.lastIndexOf('*') + 1);
  const dot = tail.indexOf('.');
  const rest = dot === 0 ? tail.slice(1) : tail.startsWith('-') || tail === '' ? tail.slice(dot + 1) : tail;
  if (dot < 0 || !rest.includes('.')) return undefined;
  return rest;
}

function isReserved(host: string): boolean {
  // A single label (`https://in-memory`, `http://proxy`) is a placeholder or a local name.
  if (!host.includes('.')) return true;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.includes(tld)) return true;
  const under = (d: string) => isUnderDomain(host, d);
  return RESERVED_HOSTS.some(under) || EXAMPLE_DOMAINS.some(under);
}

/** Well-known anycast resolvers: a request to one is a connectivity or DNS check. */
const PUBLIC_RESOLVERS: Record<string, string> = {
  '1.1.1.1': 'Cloudflare', '1.0.0.1': 'Cloudflare', '8.8.8.8': 'Google', '8.8.4.4': 'Google', '9.9.9.9': 'Quad9', '149.112.112.112': 'Quad9',
  '208.67.222.222': 'OpenDNS', '208.67.220.220': 'OpenDNS', '64.6.64.6': 'Neustar UltraDNS', '64.6.65.6': 'Neustar UltraDNS',
  '76.76.2.0': 'Control D', '76.76.10.0': 'Control D', '94.140.14.14': 'AdGuard', '94.140.15.15': 'AdGuard', '185.228.168.9': 'CleanBrowsing',
  '114.114.114.114': '114DNS', '223.5.5.5': 'AliDNS', '223.6.6.6': 'AliDNS', '119.29.29.29': 'DNSPod (Tencent)', '180.76.76.76': 'Baidu DNS',
};

