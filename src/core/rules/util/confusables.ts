// Characters that look alike or are invisible, and a skeleton that maps each to what a
// reader sees, so that two strings a reader cannot tell apart get the same skeleton.

const SKELETON: Record<string, string> = {};
const NAMES: Record<number, string> = {};

function group(to: string, chars: Array<[number, string]>): void {
  for (const [cp, name] of chars) {
    SKELETON[String.fromCodePoint(cp)] = to;
    NAMES[cp] = name;
  }
}

// Opening quotes mirror the closing ones: choosing “ or ” by position is typography, so
// they get skeletons of their own.
group('\u2018', [[0x2018, 'LEFT SINGLE QUOTATION MARK'], [0x201b, 'SINGLE HIGH-REVERSED-9 QUOTATION MARK']]);
group('\u201c', [[0x201c, 'LEFT DOUBLE QUOTATION MARK'], [0x201e, 'DOUBLE LOW-9 QUOTATION MARK']]);
group("'", [
  [0x27, 'APOSTROPHE'],
  [0x2019, 'RIGHT SINGLE QUOTATION MARK'],
  [0x02bc, 'MODIFIER LETTER APOSTROPHE'],
  [0x02b9, 'MODIFIER LETTER PRIME'],
  [0x02bb, 'MODIFIER LETTER TURNED COMMA'],
  [0x02bd, 'MODIFIER LETTER REVERSED COMMA'],
  [0x0060, 'GRAVE ACCENT'],
  [0x00b4, 'ACUTE ACCENT'],
  [0xff07, 'FULLWIDTH APOSTROPHE'],
  [0x2032, 'PRIME'],
  [0x02c8, 'MODIFIER LETTER VERTICAL LINE'],
]);
group('"', [
  [0x22, 'QUOTATION MARK'],
  [0x201d, 'RIGHT DOUBLE QUOTATION MARK'],
  [0xff02, 'FULLWIDTH QUOTATION MARK'],
  [0x02ba, 'MODIFIER LETTER DOUBLE PRIME'],
  [0x2033, 'DOUBLE PRIME'],
]);
group('', [
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x2060, 'WORD JOINER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x00ad, 'SOFT HYPHEN'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
]);
for (let cp = 0xfe00; cp <= 0xfe0f; cp++) group('', [[cp, `VARIATION SELECTOR-${cp - 0xfe00 + 1}`]]);
group(' ', [
  [0x20, 'SPACE'],
  [0xa0, 'NO-BREAK SPACE'],
  [0x2002, 'EN SPACE'],
  [0x2003, 'EM SPACE'],
  [0x2004, 'THREE-PER-EM SPACE'],
  [0x2005, 'FOUR-PER-EM SPACE'],
  [0x2006, 'SIX-PER-EM SPACE'],
  [0x2007, 'FIGURE SPACE'],
  [0x2008, 'PUNCTUATION SPACE'],
  [0x2009, 'THIN SPACE'],
  [0x200a, 'HAIR SPACE'],
  [0x202f, 'NARROW NO-BREAK SPACE'],
  [0x205f, 'MEDIUM MATHEMATICAL SPACE'],
  [0x3000, 'IDEOGRAPHIC SPACE'],
]);
// Cyrillic and Greek letters that render like Latin ones.
const LETTERS: Array<[number, string]> = [
  [0x0430, 'a'], [0x0435, 'e'], [0x043e, 'o'], [0x0440, 'p'], [0x0441, 'c'], [0x0443, 'y'], [0x0445, 'x'],
  [0x0456, 'i'], [0x0458, 'j'], [0x0455, 's'], [0x04bb, 'h'], [0x0410, 'A'], [0x0412, 'B'], [0x0415, 'E'],
  [0x041a, 'K'], [0x041c, 'M'], [0x041d, 'H'], [0x041e, 'O'], [0x0420, 'P'], [0x0421, 'C'], [0x0422, 'T'],
  [0x0425, 'X'], [0x03bf, 'o'], [0x03b1, 'a'], [0x039f, 'O'], [0x0391, 'A'], [0x0392, 'B'], [0x0395, 'E'],
  [0x0396, 'Z'], [0x0397, 'H'], [0x0399, 'I'], [0x039a, 'K'], [0x039c, 'M'], [0x039d, 'N'], [0x03a1, 'P'],
  [0x03a4, 'T'], [0x03a5, 'Y'], [0x03a7, 'X'],
];
for (const [cp, latin] of LETTERS) {
  SKELETON[String.fromCodePoint(cp)] = latin;
  NAMES[cp] = `${cp >= 0x0391 && cp <= 0x03c9 ? 'GREEK' : 'CYRILLIC'} LETTER LOOKING LIKE "${latin}"`;
}

/** What a reader sees: look-alikes folded, invisible characters dropped, trailing space trimmed. */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s) out += SKELETON[ch] ?? ch;
  return out.replace(/\s+$/, '');
}

/** Has a character that is invisible or imitates a plainer one (ASCII quotes do not count). */
export function hasConfusable(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7f && (SKELETON[ch] !== undefined || (cp >= 0xe0100 && cp <= 0xe01ef))) return true;
  }
  return false;
}

/**
 * Strings a reader cannot tell apart but code can: at least two distinct values with one
 * skeleton (and not merely different ASCII text).
 */
export function areLookAlikes(values: readonly string[]): boolean {
  const distinct = [...new Set(values)];
  if (distinct.length < 2) return false;
  const first = skeleton(distinct[0]);
  return distinct.every(v => skeleton(v) === first);
}

/** `U+2019 RIGHT SINGLE QUOTATION MARK` for every character that differs between variants. */
export function describeVariants(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of new Set(values)) {
    if (v === '') {
      out.push('"" (empty)');
      continue;
    }
    const chars = [...v].filter(ch => SKELETON[ch] !== undefined || ch.codePointAt(0)! > 0x7f);
    const label = chars.length
      ? chars.map(ch => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[ch.codePointAt(0)!] ?? 'CHARACTER'}`).join(' + ')
      : JSON.stringify(v);
    out.push(/\s$/.test(v) && !chars.length ? `${label} (trailing space)` : label);
  }
  return out;
}
