// How policy clauses recognise assistants and hosts.
//
// Globs are deliberately small: `*` matches any run of characters (dots and slashes
// included, so `*.cn` covers every host under .cn and `@acme/*` every package of a scope),
// `?` exactly one, everything else itself; case is ignored (extension ids and host names are
// case-insensitive). Version ranges are npm's, through the `semver` package, so
// `claude-code@>=2.1.90 <2.1.113` means exactly what it means in a package.json.
import satisfies from 'semver/functions/satisfies';
import type { TargetResult } from '../model';
import type { AssistantMatch } from './types';

const compiled = new Map<string, RegExp>();

export function globMatches(glob: string, text: string): boolean {
  let re = compiled.get(glob);
  if (!re) {
    const body = [...glob].map(ch => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
    compiled.set(glob, (re = new RegExp(`^${body}$`, 'isu')));
  }
  return re.test(text);
}

/**
 * Whether a clause names the target. A clause with a version range never matches a target
 * whose version is unknown: neither allowing nor blocking is proven then.
 */
export function assistantMatches(match: AssistantMatch, target: Pick<TargetResult, 'id' | 'vendor' | 'country' | 'kind' | 'version'>): boolean {
  switch (match.by) {
    case 'vendor':
      return target.vendor?.toLowerCase() === match.vendor.toLowerCase();
    case 'country':
      return target.country?.toUpperCase() === match.country.toUpperCase();
    case 'kind':
      return target.kind === match.kind;
    case 'id':
      if (!globMatches(match.glob, target.id)) return false;
      if (match.range === undefined) return true;
      return target.version !== undefined && versionSatisfies(target.version, match.range);
  }
}

/**
 * Prerelease builds count as inside a range that spans them (2.2.0-beta is in
 * `>=2.1.90 <2.3.0`): a policy about versions must not be dodged by a beta.
 */
export function versionSatisfies(version: string, range: string): boolean {
  return satisfies(version, range, { includePrerelease: true, loose: true });
}

/** The rule that reports hosts; `hosts.allow` clauses apply to its findings. */
export const HOST_RULE = 'network-endpoint';

/** The host a `network-endpoint` finding names: its first evidence string, `host <name>`. */
export function hostOf(evidence: readonly string[]): string | undefined {
  const first = evidence[0];
  if (!first?.startsWith('host ')) return undefined;
  const host = first.slice(5).trim();
  return host || undefined;
}
