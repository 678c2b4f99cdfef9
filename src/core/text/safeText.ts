// Scanned code is hostile input. Before any of it reaches a terminal or a plain-text view,
// characters that could move the cursor, recolour the screen, reorder text (bidi controls)
// or hide (zero-width) are shown as visible escapes instead.

// C0 controls but tab, DEL, C1 controls, zero-width and bidi controls, line/paragraph
// separators, BOM, variation selectors, tag characters and other invisible format characters.
const UNSAFE =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

export function printable(s: string): string {
  return s.replace(UNSAFE, ch => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`).replace(/\t/g, ' ');
}

/** Code points that `printable` escapes, for tests and for rules that name them. */
export function hasUnsafeCharacters(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s);
}

/**
 * For VS Code labels that render `$(icon)` codicon syntax (QuickPick, tree labels): scanned
 * names must not inject icons, so their `$(` is escaped, after `printable`.
 */
export function plainLabel(s: string): string {
  return printable(s).replace(/\$\(/g, '\\$(');
}
