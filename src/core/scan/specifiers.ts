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
