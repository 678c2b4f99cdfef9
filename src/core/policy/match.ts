// How policy clauses recognise assistants and hosts.
//
// Globs are deliberately small: `*` matches any run of characters (dots and slashes
// included, so `*.cn` covers every host under .cn and `@acme/*` every package of a scope),
// `?` exactly one, everything else itself; case is ignored (extension ids and host names are
// case-insensitive). Version ranges are npm's, through the `semver` package, so
// `claude-code@>=2.1.90 <2.1.113` means exactly what it means in a package.json.
import satisfies from 'semver/functions/satisfies';
import type { TargetResult } from '../model';
import type { AssistantMatch } from '../model/policy';

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
export function assistantMatches(match: AssistantMatch, target: Pick<TargetResult, 'id' | 'instanceId' | 'names' | 'vendor' | 'country' | 'kind' | 'version'>): boolean {
  switch (match.by) {
    case 'vendor':
      return target.vendor?.toLowerCase() === match.vendor.toLowerCase();
    case 'country':
      return target.country?.toUpperCase() === match.country.toUpperCase();
    case 'kind':
      return target.kind === match.kind;
    case 'id':
      // The catalog id, any instance id, the extension id or the npm package name.
      if (!namesOf(target).some(name => globMatches(match.glob, name))) return false;
      if (match.range === undefined) return true;
      return target.version !== undefined && versionSatisfies(target.version, match.range);
  }
}

/** Every name a target goes by, for id clauses. */
export function namesOf(target: Pick<TargetResult, 'id' | 'instanceId' | 'names'>): string[] {
  return [target.id, ...(target.instanceId ? [target.instanceId] : []), ...(target.names ?? [])];
}

/**
 * Prerelease builds count as inside a range that spans them (2.2.0-beta is in
 * `>=2.1.90 <2.3.0`): a policy about versions must not be dodged by a beta.
 */
export function versionSatisfies(version: string, range: string): boolean {
  return satisfies(version, range, { includePrerelease: true, loose: true });
}

/**
 * Whether a host the scanner reported can be one the glob allows. Hosts built at run time
 * come with `*` for the unknown part (`sts.*`, `*`, `[*]`): such a host breaks an allow list
 * only when no concrete host it stands for could match, so `bedrock-runtime.*.amazonaws.com`
 * is outside `*.anthropic.com`, while `iamcredentials.*` may be inside `*.googleapis.com`.
 */
export function hostMayMatch(glob: string, host: string): boolean {
  if (!host.includes('*')) return globMatches(glob, host);
  const a = glob.toLowerCase();
  const b = host.toLowerCase();
  const memo = new Map<number, boolean>();
  // Can a[i..] and b[j..] match one common string? `*` on either side, `?` only in the glob.
  const can = (i: number, j: number): boolean => {
    const key = i * (b.length + 1) + j;
    let r = memo.get(key);
    if (r !== undefined) return r;
    if (i === a.length && j === b.length) r = true;
    else if (a[i] === '*') r = can(i + 1, j) || (j < b.length && can(i, j + 1));
    else if (b[j] === '*') r = can(i, j + 1) || (i < a.length && can(i + 1, j));
    else r = i < a.length && j < b.length && (a[i] === '?' || a[i] === b[j]) && can(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return can(0, 0);
}

/** The rule that reports hosts; `hosts.allow` clauses apply to its findings. */
export const HOST_RULE = 'network-endpoint';
