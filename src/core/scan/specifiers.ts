// How a module names another module of the same program: the one spelling of "imports a
// sibling" that the engine (which rules to run), the import answers and the text filter share.

/** A specifier naming another module of the same program: relative, or absolute as Bun's chunks write them (`/$bunfs/root/chunk-…js`). */
export function isSiblingSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/');
}

/** `from "…"` (import and export-from), `require("…")`, `import("…")`: each module specifier the text writes. */
const IMPORTED = /\bfrom\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The other modules of the program a text names, as written (read from the text, not parsed). */
export function siblingSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(IMPORTED)) {
    const specifier = m[1] ?? m[2] ?? m[3];
    if (isSiblingSpecifier(specifier)) found.add(specifier);
  }
  return [...found];
}

/** Whether a text imports another module of the program at all (cheaper than listing them). */
export function importsSibling(text: string): boolean {
  return SIBLING_IMPORT.test(text);
}

const SIBLING_IMPORT = /\bfrom\s*["'](?:\.{1,2}\/|\/)|\b(?:require|import)\(\s*["'](?:\.{1,2}\/|\/)/;

const NAMED_IMPORT = /\bimport\s*\{([^{}]*)\}\s*from\s*(["'])([^"']+)\2/g;

/**
 * Every other module of the program a text names (siblingSpecifiers), with the names it imports
 * from it (`import { a as b } from "./x.js"`: `a`) when it names it only in such lists; null for one it also names
 * any other way (a namespace or default import, require, import(), export-from, a string that
 * spells it): then any of its exports may be used. Read from the text, not parsed.
 */
export function namedSiblingImports(text: string): Map<string, string[] | null> {
  const found = new Map<string, { names: Set<string>; lists: number }>();
  const unread = new Set<string>();
  for (const m of text.matchAll(NAMED_IMPORT)) {
    const specifier = m[3];
    if (!isSiblingSpecifier(specifier)) continue;
    let entry = found.get(specifier);
    if (!entry) found.set(specifier, (entry = { names: new Set(), lists: 0 }));
    entry.lists++;
    for (const part of m[1].split(',')) {
      if (!part.trim()) continue;
      const name = /^\s*(?:([\w$]+)|"([\w$ -]*)"|'([\w$ -]*)')(?:\s+as\s+[\w$]+)?\s*$/.exec(part);
      // A comment, an escape or a name of other letters in the list: not read here, so any export counts.
      if (!name) unread.add(specifier);
      else entry.names.add(name[1] ?? name[2] ?? name[3]);
    }
  }
  const named = new Map<string, string[] | null>();
  const mentions = found.size ? mentionsOf(text) : new Map<string, number>();
  for (const specifier of siblingSpecifiers(text)) {
    const entry = found.get(specifier);
    named.set(specifier, entry && !unread.has(specifier) && mentions.get(specifier) === entry.lists ? [...entry.names] : null);
  }
  return named;
}

/**
 * Strings that spell a module of the program (`"./x.js"`, `'/$bunfs/root/chunk.js'`), all found in
 * one pass. Tried at every quote (a lookahead consumes nothing): a quote that opens no string
 * (`/"/` in a regular expression) cannot swallow the opening quote of a real mention, which would
 * count one mention too few and take a namespace import for a named one.
 */
const SIBLING_STRING = /(?=(["'`])((?:\.{1,2})?\/[^"'`\\\n]*)\1)/g;

/** How many times a text spells each specifier as a string of its own (counted too often, never too rarely). */
function mentionsOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(SIBLING_STRING)) counts.set(m[2], (counts.get(m[2]) ?? 0) + 1);
  return counts;
}

/**
 * A module loaded by a name the text does not write as a plain string (a `require` of a
 * constant `P`, `require("child_" + "process")`, `import(\`./${n}.js\`)`, an escape in the string): the
 * engine may still work it out, so the modules listed here are not all the text may use. Not a
 * method (`loader.import(x)`), an empty call or prose (`import (the debug package)`).
 */
const LOAD_BY_VALUE = /(?<![.\w$])(?:require|__require|import)\((?!\s*\))(?!\s*["'][^"'\\\n]*["']\s*\))/;

export function loadsByValue(text: string): boolean {
  return LOAD_BY_VALUE.test(text);
}
