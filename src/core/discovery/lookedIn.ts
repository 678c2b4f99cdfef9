// Every place discovery looks at, one by one (`list --verbose`): when nothing is found, the
// user can see which folder was not looked at instead of guessing. Mirrors discover():
// the same places, the same order; reads only whether each exists.
import { editorExtensionDirs } from './editors';
import { exists, isDir } from './fsread';
import { homebrewPrefixCandidates, nativeSpots } from './native';
import { expandPattern, nodeGlobalRootPatterns } from './nodeRoots';
import { nodeRootInputs } from './clis';
import { pathEntries, placesFor, type DiscoverOptions } from './places';
import { pythonToolDirs } from './python';

export interface PlaceLooked {
  /** What is looked for there: `VS Code extensions`, `npm global packages`, `PATH`... */
  what: string;
  /** A folder, or a pattern with `*` for one folder per version. */
  place: string;
  exists: boolean;
}

export function placesLookedIn(options: DiscoverOptions): PlaceLooked[] {
  const places = placesFor(options);
  const out: PlaceLooked[] = [];
  const add = (what: string, place: string, found = isDir(place)) => out.push({ what, place, exists: found });
  if (options.editors === undefined || options.editors.length > 0) {
    for (const l of editorExtensionDirs(places, options.editors)) add(`${l.name} extensions`, l.dir);
  }
  if (options.clis !== false) {
    // A pattern (`*` for each Node version) exists when one of its folders does.
    for (const r of nodeGlobalRootPatterns(places, nodeRootInputs(places))) add(`${r.method} global packages`, places.p.join(...r.segments), expandPattern(r).length > 0);
    for (const prefix of homebrewPrefixCandidates(places)) add('Homebrew', prefix);
    for (const spot of nativeSpots(places)) {
      for (const dir of [spot.versions, spot.npmPrefix]) if (dir) add(`${spot.entry.product} installer`, dir);
    }
    for (const t of pythonToolDirs(places)) add(`${t.method} tools`, t.dir);
    for (const dir of pathEntries(places)) add('PATH', dir);
  }
  for (const extra of options.extraPaths ?? []) out.push({ what: 'extra path', place: extra, exists: exists(extra) });
  return out;
}
