// Module-level names that a bundle assigns a `require` later than it uses them. esbuild's and
// Bun's lazy ESM initialisers declare `var jC6;` and fill it inside an init function
// (`var X = __esm(() => { jC6 = require("child_process") })`) that runs before the functions
// using `jC6` are called, but comes after them in the text; a walk in text order sees those
// uses while `jC6` still has no value. This pass finds, from the text alone, the names whose
// every assignment is a `require` of one and the same module, so that such uses resolve. A
// name reused anywhere (`c=5` in another function, minified code's single letters) has other
// assignments and is left alone.
import type { ImportBinding } from './ast';

/**
 * `require("m")` / `__require("m")`: where a candidate starts. The name and `=` before it are
 * read backwards from there (assignmentBefore): a pattern that began with the name would be
 * tried at every identifier of the text (90 ms on a 13 MB bundle, against a few for this).
 */
const REQUIRE_CALL = /(?:__)?require\(\s*(["'])([^"'\n]{1,200})\1\s*\)/g;

/** At most this many candidates are checked (one regular expression over the text). */
const MAX_CANDIDATES = 2000;

export function lateRequireBindings(text: string): Map<string, ImportBinding> {
  const modules = new Map<string, string | null>();
  const requires = new Map<string, number>();
  for (const m of text.matchAll(REQUIRE_CALL)) {
    const name = assignmentBefore(text, m.index);
    if (name === undefined || name === 'exports' || name === 'module') continue;
    const known = modules.get(name);
    // Two different modules under one name: it is reused, and no value can be trusted.
    modules.set(name, known === undefined || known === m[2] ? m[2] : null);
    requires.set(name, (requires.get(name) ?? 0) + 1);
  }
  const candidates = [...modules].filter((e): e is [string, string] => e[1] !== null).map(([name]) => name);
  const out = new Map<string, ImportBinding>();
  if (!candidates.length || candidates.length > MAX_CANDIDATES) return out;
  // Every assignment of a candidate, whatever its value: only names assigned nothing else qualify.
  const escaped = candidates.map(n => n.replace(/\$/g, '\\$'));
  const anyAssignment = new RegExp(`(?<![\\w$.])(${escaped.join('|')})\\s*=(?![=>])`, 'g');
  const assignments = new Map<string, number>();
  for (const m of text.matchAll(anyAssignment)) assignments.set(m[1], (assignments.get(m[1]) ?? 0) + 1);
  for (const name of candidates) {
    if (assignments.get(name) !== requires.get(name)) continue;
    out.set(name, { type: 'ImportBinding', source: modules.get(name)!, imported: '*', start: 0, end: 0 } as ImportBinding);
  }
  return out;
}

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
/** What `\s` matches in a regular expression. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * The name assigned the require call starting at `at`: `name = require("m")` or
 * `name = wrap(require("m")` (`__toESM(require("m"), 1)`), read backwards; undefined otherwise.
 * The name is a whole identifier not preceded by a dot.
 */
function assignmentBefore(text: string, at: number): string | undefined {
  let i = at;
  // `xrequire("m")`: part of another name.
  if (i > 0 && isNameChar(text.charCodeAt(i - 1))) return undefined;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (text.charCodeAt(i - 1) === 40 /* ( */) {
    // A wrapper call: its name, then the `=`.
    let j = i - 1;
    while (j > 0 && isNameChar(text.charCodeAt(j - 1))) j--;
    if (j === i - 1) return undefined;
    i = j;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  }
  if (text.charCodeAt(i - 1) !== 61 /* = */) return undefined;
  i--;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > 0 && isNameChar(text.charCodeAt(i - 1))) i--;
  if (i === end) return undefined;
  const first = text.charCodeAt(i);
  if (first >= 48 && first <= 57) return undefined;
  if (i > 0 && text.charCodeAt(i - 1) === 46 /* . */) return undefined;
  return text.slice(i, end);
}
