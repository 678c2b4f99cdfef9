// URLs and host names in a piece of text (a string read out of native code). A pure function
// over plain text, kept apart so the network-endpoint rule for JavaScript can share it.
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
