// How `mcp` clauses recognise MCP servers: by name, by the npm/PyPI package the server's
// command starts, or by its URL. Globs are those of match.ts (`*` any run, `?` one character,
// case ignored).
//
// URL globs are matched part by part (scheme, host, path), never as one string: `*` in a
// string glob would let `https://evil.test/.corp.example/` pass for `https://*.corp.example/*`,
// and a user name (`https://mcp.corp.example@evil.test/`) would pass for the host. A URL that
// cannot be parsed matches no URL glob, and a host left as `${VAR}` only a glob whose host is
// `*`: an allow list then reports the server, a block list cannot prove it is the one meant.
import type { McpServer } from '../model';
import type { McpMatch } from '../model/policy';
import { globMatches } from './match';

/** `name:`, `package:` and `url:` are explicit; a bare entry with `://` is a URL glob, else a name or package. */
export function parseMcpEntry(text: string): McpMatch | undefined {
  const prefixed = /^(name|package|url):(.*)$/s.exec(text);
  if (prefixed) {
    const [, by, glob] = prefixed;
    if (!glob) return undefined;
    if (by === 'url') return splitUrlGlob(glob) ? { by: 'url', glob } : undefined;
    return { by: by as 'name' | 'package', glob };
  }
  if (text.includes('://')) return splitUrlGlob(text) ? { by: 'url', glob: text } : undefined;
  return text ? { by: 'either', glob: text } : undefined;
}

export function mcpMatches(match: McpMatch, server: Pick<McpServer, 'name' | 'package' | 'url'>): boolean {
  switch (match.by) {
    case 'name':
      return globMatches(match.glob, server.name);
    case 'package':
      return server.package !== undefined && globMatches(match.glob, server.package);
    case 'either':
      return globMatches(match.glob, server.name) || (server.package !== undefined && globMatches(match.glob, server.package));
    case 'url':
      return server.url !== undefined && urlMatches(match.glob, server.url);
  }
}

interface UrlGlob {
  scheme: string;
  /** With the port when the glob names one. */
  host: string;
  /** Undefined when the glob ends at the host: any path. */
  path?: string;
}

export function splitUrlGlob(glob: string): UrlGlob | undefined {
  const m = /^([A-Za-z*?][A-Za-z0-9+.*?-]*):\/\/([^/?#]+)([/?#].*)?$/s.exec(glob);
  if (!m) return undefined;
  return { scheme: m[1], host: m[2], ...(m[3] !== undefined ? { path: m[3] } : {}) };
}

export function urlMatches(glob: string, url: string): boolean {
  const g = splitUrlGlob(glob);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!g || !u.host) return false;
  // The port is compared only when the glob has one: `https://mcp.corp.example/*` covers every port.
  const host = g.host.includes(':') ? u.host : u.hostname;
  if (!globMatches(`${g.scheme}:`, u.protocol) || !globMatches(g.host, host)) return false;
  return g.path === undefined || globMatches(g.path, `${u.pathname}${u.search}`);
}
