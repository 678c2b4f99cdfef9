// Ordering version strings found on disk (package versions, folder names such as
// `2.1.112` or `2025.09.18-7ae6800`) without a semver dependency: numeric runs compare as
// numbers, a release sorts after its pre-releases.

/** Negative, zero or positive as a is older, equal or newer than b; undefined sorts first. */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const [aMain, aPre] = splitPre(a);
  const [bMain, bPre] = splitPre(b);
  const main = compareParts(aMain, bMain);
  if (main !== 0) return main;
  if (aPre === undefined || bPre === undefined) return aPre === bPre ? 0 : aPre === undefined ? 1 : -1;
  return compareParts(aPre, bPre);
}

/** The newest of some version strings. */
export function newest<T>(items: readonly T[], version: (item: T) => string | undefined): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || compareVersions(version(item), version(best)) > 0 ? item : best), undefined);
}

function splitPre(v: string): [string, string | undefined] {
  const clean = v.replace(/^v/i, '').split('+')[0];
  const dash = clean.search(/-(?=[0-9A-Za-z])/);
  return dash === -1 ? [clean, undefined] : [clean.slice(0, dash), clean.slice(dash + 1)];
}

function compareParts(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) {
      if (!Number.isNaN(nx)) return -1;
      if (!Number.isNaN(ny)) return 1;
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
