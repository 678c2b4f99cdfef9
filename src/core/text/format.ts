// Sizes and counts as people read them.
export function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `1 file`, `3 files`: counts read as words, never `file(s)`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `region` -> `Region`: group names in the view are headings. */
export function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
