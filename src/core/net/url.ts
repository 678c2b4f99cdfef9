// The one URL and host grammar: a whole-string URL as code writes it (`parseUrl`), a bare
// host name (`isHostName`), an IP address's scope (`ipScope`), and the URLs and host names
// inside a piece of text read out of native code (`extractEndpoints`). Pure functions over
// strings, shared by the JavaScript rules and the strings pass.
//
// Two shapes count: a URL with a network scheme anywhere in the text, and a text that is a
// lower-case host name and nothing else (`api.deepseek.com`). Host names must end in a
// top-level domain from a list of common ones (unless `anyTld`): strings in binaries are full
// of dotted words (`core.fmt.rs`, `index.html`) and of 16-byte fragments of longer literals
// (`http://www.w3.or`, `https://chatgpt.catalog`) that are not hosts. IP addresses and
// `localhost` always count.

export interface Endpoint {
  kind: 'url' | 'host';
  /** The URL or host as written. */
  value: string;
  /** Lower-cased host (IPv6 without brackets). */
  host: string;
  /** UTF-16 offsets of `value` in the text. */
  start: number;
  end: number;
}

/** Scheme, host (group 1), port, then a path that stops where the next URL starts (literals stored back to back). */
const URL = /(?:https?|wss?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::\d{1,5})?(?:[/?#](?:(?!(?:https?|wss?):\/\/)[^\s"'<>`\\^{}|])*)?/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;
const TLDS =
  'com|net|org|io|ai|dev|app|cloud|co|sh|me|tech|xyz|info|biz|gov|edu|mil|int|so|gg|run|site|online|inc|' +
  'cn|us|uk|de|fr|jp|kr|hk|tw|sg|in|ru|ca|eu|au|nl|br|es|it|ch|se|no|fi|dk|pl|be|at|nz|za|mx|ie|il|tr|vn|id|my|th|ph|ae|sa';
const KNOWN_TLD = new RegExp(`\\.(?:${TLDS})$`);
const HOST_ONLY = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/;
const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:.]*:[0-9a-f:.]*)$/;

export interface EndpointOptions {
  /** Accept any alphabetic top-level domain, not only the common ones (for JS, where text is less noisy). */
  anyTld?: boolean;
}

export function extractEndpoints(text: string, options: EndpointOptions = {}): Endpoint[] {
  const found: Endpoint[] = [];
  const plausible = (host: string) => host === 'localhost' || IP.test(host) || (host.includes('.') && (options.anyTld ? /\.[a-z]{2,}$/.test(host) : KNOWN_TLD.test(host)));
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    const value = m[0].replace(TRAILING_PUNCTUATION, '');
    const host = m[1].replace(/^\[|\]$/g, '').toLowerCase();
    if (!plausible(host)) continue;
    found.push({ kind: 'url', value, host, start: m.index, end: m.index + value.length });
  }
  if (found.length === 0) {
    const trimmed = text.trim();
    if (HOST_ONLY.test(trimmed) && plausible(trimmed)) {
      const start = text.indexOf(trimmed);
      found.push({ kind: 'host', value: trimmed, host: trimmed.toLowerCase(), start, end: start + trimmed.length });
    }
  }
  return found;
}

/** Top-level domains that `extractEndpoints` accepts for a bare host, for pre-filtering big inputs. */
export const BARE_HOST_TLDS: readonly string[] = TLDS.split('|');

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read), or undefined. */
function ipv6Groups(host: string): number[] | undefined {
  let text = host;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.some(x => x > 255)) return undefined;
    text = `${text.slice(0, v4.index)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const parts = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (parts.some(p => !/^[0-9a-f]{1,4}$/.test(p))) return undefined;
  return parts.map(p => parseInt(p, 16));
}

/** Loopback, private, link-local or public for an IPv4/IPv6 literal; undefined for names. */
export function ipScope(host: string): 'loopback' | 'public' | 'private' | 'link-local' | undefined {
  const m = IPV4.exec(host);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (m.slice(1).some(x => Number(x) > 255)) return undefined;
    if (a === 127 || (a === 0 && host === '0.0.0.0')) return 'loopback';
    if (a === 169 && b === 254) return 'link-local';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a === 0 || a >= 224) return 'private';
    return 'public';
  }
  if (host.includes(':') && /^[0-9a-f:.]+$/.test(host)) {
    if (host === '::1' || host === '::') return 'loopback';
    const groups = ipv6Groups(host);
    if (!groups) return undefined;
    // IPv4 inside IPv6: mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96) route as that IPv4 address.
    const prefix = groups.slice(0, 6).join(':');
    if (prefix === '0:0:0:0:0:65535' || prefix === '100:65435:0:0:0:0') return ipScope(`${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`);
    const first = groups[0];
    if (first >= 0xfe80 && first <= 0xfebf) return 'link-local';
    // Only 2000::/3 is routed on the internet (2001:db8::/32 is for documentation); the rest
    // (fc00::/7 unique local, ::/96 and other reserved ranges, multicast) never leaves a network.
    if (first >= 0x2000 && first <= 0x3fff && !(first === 0x2001 && groups[1] === 0xdb8)) return 'public';
    return 'private';
  }
  return undefined;
}

export interface ParsedUrl {
  scheme: string;
  /** Lower-case host, `*` for computed parts, no port or credentials. */
  host: string;
  /** `user[:password]@` before the host (a Sentry DSN carries its key so). */
  credentials: boolean;
}

const URL_START = /^(https?|wss?|ftp):\/\/([^/?#\s]*)/i;
const HOST_SHAPE = /^(?:\[[0-9a-f:.*]+\]|[a-z0-9*_](?:[a-z0-9*_-]*[a-z0-9*_])?(?:\.[a-z0-9*_](?:[a-z0-9*_-]*[a-z0-9*_])?)*)$/i;

/**
 * A whole-string URL: `https://host[:port][/...]` with no spaces (a URL inside prose is a
 * link in a message, not an endpoint). `*` in the input stands for computed parts.
 */
export function parseUrl(value: string): ParsedUrl | undefined {
  if (value.length > 2048 || /\s/.test(value)) return undefined;
  const m = URL_START.exec(value);
  if (!m) return undefined;
  let authority = m[2];
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  const host = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:[^:]*$/, '');
  if (!HOST_SHAPE.test(host)) return undefined;
  // Digits and dots are an IPv4 address or nothing (`http://0.0` is the start of a split string).
  if (/^[\d.]+$/.test(host) && !IPV4.test(host)) return undefined;
  return { scheme: m[1].toLowerCase(), host: host.toLowerCase(), credentials: at >= 0 };
}

/** A bare host name or IP (`api.example.com`, `10.0.0.1`, `localhost`), as given to connect calls. */
export function isHostName(value: string): boolean {
  if (value === 'localhost') return true;
  if (IPV4.test(value)) return ipScope(value) !== undefined;
  return value.length <= 253 && /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(value);
}
