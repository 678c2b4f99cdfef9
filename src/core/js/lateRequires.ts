// Module-level names that a bundle assigns a `require` later than it uses them. esbuild's and
// Bun's lazy ESM initialisers declare `var jC6;` and fill it inside an init function
// (`var X = __esm(() => { jC6 = require("child_process") })`) that runs before the functions
// using `jC6` are called, but comes after them in the text; a walk in text order sees those
// uses while `jC6` still has no value. This pass finds, from the text alone, the names whose
// every assignment is a `require` of one and the same module, so that such uses resolve. A
// name reused anywhere (`c=5` in another function, minified code's single letters) has other
// assignments and is left alone.
import type { ImportBinding } from './ast';

/** `name = require("m")`, `name = __require("m")`, `name = __toESM(require("m"), 1)`. */
const REQUIRE_ASSIGNMENT = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*(?:[\w$]+\(\s*)?(?:require|__require)\(\s*(["'])([^"'\n]{1,200})\2\s*\)/g;

/** At most this many candidates are checked (one regular expression over the text). */
const MAX_CANDIDATES = 2000;

export function lateRequireBindings(text: string): Map<string, ImportBinding> {
  const modules = new Map<string, string | null>();
  const requires = new Map<string, number>();
  for (const m of text.matchAll(REQUIRE_ASSIGNMENT)) {
    const name = m[1];
    if (name === 'exports' || name === 'module') continue;
    const known = modules.get(name);
    // Two different modules under one name: it is reused, and no value can be trusted.
    modules.set(name, known === undefined || known === m[3] ? m[3] : null);
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
