// Characters a reader cannot see, written raw into string, template and regex literals and
// identifiers: bidirectional controls (Trojan Source), zero-width characters, Unicode tag
// characters (text invisible to people but read by models), and identifiers mixing Latin
// with look-alike Cyrillic or Greek letters. Escapes (`"\u200b"`) are visible in the source
// and are not reported; comments are not in the AST.
import type { Node } from '../js/ast';
import { severityRank, type Severity } from '../model';
import type { Rule, RuleContext } from './types';

const TAGS = /\uDB40[\uDC00-\uDC7F]/;
/** A subdivision flag: a black flag, tag letters and a cancel tag (🏴 + "gbeng" is England). Visible. */
const FLAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{2,6}\u{E007F}/gu;
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u180E\u202A-\u202E\u2066-\u2069]|\uDB40[\uDC00-\uDC7F]/g;
/** Latin look-alikes in Cyrillic and Greek. */
const CONFUSABLE = /[\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u03BF\u03B1\u03BD\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7]/;
const EMOJI_OR_SCRIPT = /[\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]|[^\P{L}\u0000-\u02FF]/u;

const NAMES: Record<string, string> = {
  '\u200b': 'ZERO WIDTH SPACE', '\u200c': 'ZERO WIDTH NON-JOINER', '\u200d': 'ZERO WIDTH JOINER', '\u200e': 'LEFT-TO-RIGHT MARK', '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u2060': 'WORD JOINER', '\ufeff': 'ZERO WIDTH NO-BREAK SPACE', '\u180e': 'MONGOLIAN VOWEL SEPARATOR',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING', '\u202b': 'RIGHT-TO-LEFT EMBEDDING', '\u202c': 'POP DIRECTIONAL FORMATTING', '\u202d': 'LEFT-TO-RIGHT OVERRIDE', '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE', '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE',
};

function describe(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const name = NAMES[ch] ?? (cp >= 0xe0000 ? `TAG ${cp >= 0xe0020 && cp < 0xe007f ? `"${String.fromCharCode(cp - 0xe0000)}"` : 'CONTROL'}` : 'INVISIBLE');
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${name}`;
}

/**
 * Invisible characters in raw text, minus the legitimate ones: joiners inside emoji sequences
 * and in scripts that need them (Persian, Indic), and a BOM at the start of the text.
 */
export function hiddenCharacters(raw: string): string[] {
  const found = new Set<string>();
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(raw); m; m = INVISIBLE.exec(raw)) {
    const ch = m[0];
    // A raw range endpoint (`"\u200c-\u200d"` written raw) is a character-class source, not hidden text.
    if (raw[m.index - 1] === '-' || raw[m.index + ch.length] === '-') continue;
    if (ch === '\u200d' || ch === '\u200c') {
      const before = [...raw.slice(Math.max(0, m.index - 2), m.index)].pop() ?? '';
      const after = [...raw.slice(m.index + 1, m.index + 3)][0] ?? '';
      if (EMOJI_OR_SCRIPT.test(before) || EMOJI_OR_SCRIPT.test(after)) continue;
    }
    found.add(describe(ch));
  }
  return [...found];
}

/** `[...]` sets: characters listed in a class are what a pattern matches or strips. */
/** Character ranges as class bodies write them: `A-Z`, `0-9`, or between two non-ASCII letters. */
const RANGE = /A-Z|a-z|0-9|[^\x00-\x7f]-[^\x00-\x7f]/g;

/** How a text is checked (see check). */
interface CheckOptions {
  /** A regular expression literal. */
  pattern?: boolean;
  /** The text was followed into `RegExp(…)` after the walk. */
  regexSource?: boolean;
  /** A text holding a character class (`"[\0- \xA0\u180E…]"`) is asked again once it is known whether it becomes a pattern. */
  defer?: (node: Node, what: string) => void;
  /** Where it sits, when asked after the walk. */
  at?: Place;
}

/** Asked of every string, template and name: no object made per call. */
const NO_OPTIONS: CheckOptions = {};

function check(ctx: RuleContext, node: Node, what: string, { pattern = false, regexSource = false, defer, at }: CheckOptions = NO_OPTIONS) {
  // Fast exit: only non-ASCII text can hide anything (read in place: this runs at every name and string).
  if (!hasNonAscii(ctx.text, node.start, node.end)) return;
  let raw = ctx.text.slice(node.start, node.end);
  if (TAGS.test(raw)) raw = raw.replace(FLAG_SEQUENCE, '\u{1F3F4}');
  const path = at?.path ?? ctx.path;
  const source = regexSource || isRegExpSource(path);
  if (defer && !pattern && !source && what !== 'identifier' && raw.includes('[') && raw.includes(']')) return defer(node, what);
  if (pattern || source) raw = emptyCharacterClasses(raw);
  // A string of character ranges (`"_A-Za-z\u00C0-\u00D6…"`) is the body of a class built later.
  else if ((raw.match(RANGE) ?? []).length >= 2) return;
  // Numbers packed into characters (an HTML entity decode table read with charCodeAt), or a
  // character table (a code page, an alphabet: each character listed once): data.
  const cooked = cookedText(node);
  if (!pattern && isPackedData(cooked)) return;
  // A table is no place for tag characters or bidi overrides: a payload could hide behind one.
  if (!pattern && !TAGS.test(raw) && !OVERRIDES.test(raw) && isCharacterTable(cooked)) return;
  let chars = hiddenCharacters(raw);
  // A zero-width character in a regex is what strips it; only bidi and tags hide anything there.
  if (pattern) chars = chars.filter(c => /EMBEDDING|OVERRIDE|ISOLATE|POP|TAG/.test(c));
  if (chars.length === 0) return;
  // Control characters (C0, C1: U+0085 next line) show nothing either; `trim` keeps some of them.
  // Read from the value where there is one: `\f\n\xA0` written as escapes is whitespace too.
  const shown = what === 'identifier' || pattern ? raw : cooked || raw;
  const visible = shown.replace(INVISIBLE, '').replace(/^["'`/]|["'`/]$/g, '').replace(/[\u0000-\u001F\u007F-\u009F]/g, '').replace(/\s+/g, '');
  // A string of only invisible characters and spaces is a named constant of text-processing code.
  // Tag characters alone are text for a model to read, not a constant of text processing; nor is
  // a run of a few invisible characters repeated (text encoded in zero-width characters).
  const invisible = raw.match(INVISIBLE) ?? [];
  const encoded = encodedRun(invisible);
  const sanitizer = what !== 'identifier' && visible.length > 0 && breaksMarkup(node, path, visible, invisible);
  const severity: Severity =
    visible.length === 0 && what !== 'identifier' && !TAGS.test(raw) && !encoded
      ? 'info'
      : what === 'identifier'
        ? 'high'
        : sanitizer
          ? 'info'
          : textSeverity(raw, rightToLeftAround(ctx.text, path));
  const evidence = sanitizer ? [...chars, 'the replacement of a .replace(): breaks markup so it is shown'] : encoded ? [...chars, encoded] : chars;
  ctx.report({ node, messageId: 'invisible', data: { where: what === 'identifier' ? 'an identifier' : `a ${what}`, chars: chars.join(', ') }, severity, evidence, ...(at?.fn !== undefined ? { fn: at.fn } : {}) });
}

/**
 * One or two zero-width spaces or joiners written into a few marks that `.replace` puts in place of what it
 * matched: how chat and Markdown sanitizers break a code fence (`"``\u200b`"`) or a mention
 * (`"@\u200b"`) so that it is shown, not acted on. No words to hide among, nothing that reorders
 * text: info. A longer replacement (prose a model would read) keeps its severity.
 */
function breaksMarkup(node: Node, path: readonly Node[], visible: string, invisible: readonly string[]): boolean {
  if (visible.length > MAX_MARKUP_MARKS || /[\p{L}\p{N}]{2}/u.test(visible)) return false;
  // One or two spaces or joiners of the kinds that break a word, in a short text: a run of them
  // (text encoded in zero-width characters) or any other invisible character keeps its severity.
  if (invisible.length > MAX_MARKUP_INVISIBLE || invisible.some(c => !MARKUP_BREAKS.has(c)) || cookedText(node).length > MAX_MARKUP_TEXT) return false;
  const call = path[path.length - 2];
  if (call?.type !== 'CallExpression' || call.arguments[1] !== node) return false;
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false;
  return callee.property.name === 'replace' || callee.property.name === 'replaceAll';
}

/** Marks a sanitizer's replacement holds around its zero-width character (`@`, three backticks, `$&`). */
const MAX_MARKUP_MARKS = 4;
const MAX_MARKUP_INVISIBLE = 2;
const MAX_MARKUP_TEXT = 8;
/** Zero-width space, zero-width joiner, word joiner, zero-width no-break space. */
const MARKUP_BREAKS = new Set(['\u200b', '\u200d', '\u2060', '\ufeff']);

/**
 * More invisible characters than a constant of text-processing code lists, some of them
 * repeated: zero-width spaces and joiners standing for bits or letters of a hidden text (a
 * whitespace table lists each character once). Said in the evidence, or undefined.
 */
function encodedRun(invisible: readonly string[]): string | undefined {
  const kinds = new Set(invisible).size;
  if (invisible.length <= MAX_CONSTANT_INVISIBLE || kinds === invisible.length) return undefined;
  return `${invisible.length} invisible characters of ${kinds} kinds: text encoded in them`;
}

/** Invisible characters a named constant holds at most (`"\u200b\u0085\u180e"`, core-js's trim check). */
const MAX_CONSTANT_INVISIBLE = 8;

function hasNonAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** The value of a string literal or template element. */
function cookedText(node: Node): string {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateElement') return node.value.cooked ?? '';
  return '';
}

/**
 * A table of characters: long, and almost every character in it different (iconv-lite's code
 * pages, a parser's alphabet). Text repeats its letters; a table lists each one once.
 */
function isCharacterTable(value: string): boolean {
  const chars = [...value];
  return chars.length >= 64 && new Set(chars).size >= chars.length * 0.8;
}

/**
 * Control characters (other than tab and line breaks) or NULs among the characters: code units
 * used as numbers, not text anyone reads.
 */
function isPackedData(value: string): boolean {
  let controls = 0;
  for (let i = 0; i < value.length && controls < 3; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) controls++;
  }
  return controls >= 3;
}

const OVERRIDES = /[\u202A-\u202E]/;
const ISOLATES_OR_MARKS = /[\u2066-\u2069\u200E\u200F]/;
const ZERO_WIDTH = /[\u200B\u2060\uFEFF\u180E]/;
/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
/** Scripts written without spaces, where a zero-width space marks word breaks. */
const NO_SPACE_SCRIPTS = /[\u0E00-\u0EFF\u0F00-\u0FFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF]/;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;
/** Natural-language text: three words or more. */
const PROSE = /\p{L}{2,}[\s\u200B]+\p{L}{2,}[\s\u200B]+\p{L}{2,}/u;

/**
 * How much invisible characters in a string say. Tag characters and bidi overrides or
 * embeddings (Trojan Source) are high anywhere. Isolates and direction marks are how
 * right-to-left translations keep `{{placeholders}}` in order: info there. A zero-width
 * space is a word break in Thai, Khmer, Japanese...: info there, low in translated prose in
 * other scripts (a translation tool's leftover), medium in Latin text and code-like strings.
 */
function textSeverity(raw: string, rtlAround: () => boolean): Severity {
  if (TAGS.test(raw) || OVERRIDES.test(raw)) return 'high';
  const rtlOrPlaceholders = RTL.test(raw) || /[\u2066-\u2069]\s*[{%$]/.test(raw) || (ISOLATES_OR_MARKS.test(raw) && rtlAround());
  let worst: Severity = 'info';
  const raise = (s: Severity) => {
    if (severityRank(s) > severityRank(worst)) worst = s;
  };
  if (ISOLATES_OR_MARKS.test(raw)) raise(rtlOrPlaceholders ? 'info' : 'medium');
  // In an English sentence (prompts are English) a zero-width space is how text is watermarked.
  if (ZERO_WIDTH.test(raw)) raise(NO_SPACE_SCRIPTS.test(raw) ? 'info' : PROSE.test(raw) && NON_LATIN_LETTER.test(raw) ? 'low' : 'medium');
  if (/[\u200C\u200D\u2061-\u2064]/.test(raw)) raise('medium');
  return worst;
}

/**
 * `[...]` sets emptied in one pass (a regex restarting at every `[` is quadratic on `[[[[…`).
 * An unclosed `[` keeps the rest as it is.
 */
function emptyCharacterClasses(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('[', i);
    if (open === -1) break;
    let j = open + 1;
    while (j < raw.length && raw[j] !== ']') j += raw[j] === '\\' ? 2 : 1;
    if (j >= raw.length) break;
    out += `${raw.slice(i, open)}[]`;
    i = j + 1;
  }
  return out + raw.slice(i);
}

/** Object literals looked at around a string, and the text read of the largest. */
const MAX_OBJECT_DEPTH = 4;
const MAX_OBJECT_TEXT = 64 * 1024;

/**
 * Whether an object literal around the string holds right-to-left text: a locale, whose date
 * formats (`L: "D/\u200FM/\u200FYYYY"`) carry direction marks for its months and days.
 */
function rightToLeftAround(text: string, path: readonly Node[]): () => boolean {
  return () => {
    for (let i = path.length - 2, objects = 0; i >= 0 && i >= path.length - 13 && objects < MAX_OBJECT_DEPTH; i--) {
      const a = path[i];
      if (a.type !== 'ObjectExpression') continue;
      objects++;
      if (a.end - a.start <= MAX_OBJECT_TEXT && RTL.test(text.slice(a.start, a.end))) return true;
    }
    return false;
  };
}

/** Where a text sits: the walk's path to it, and its function when asked after the walk. */
interface Place {
  path: readonly Node[];
  fn?: number;
}

/** A string or template given to `RegExp(...)` / `new RegExp(...)`. */
function isRegExpSource(path: readonly Node[]): boolean {
  for (const n of path.slice(-3, -1)) {
    if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee.type === 'Identifier' && n.callee.name === 'RegExp') return true;
  }
  return false;
}

export const hiddenText: Rule = {
  meta: {
    id: 'hidden-text',
    category: 'obfuscation',
    severity: 'medium',
    title: 'Invisible or look-alike characters in code',
    description: 'Raw bidirectional controls, zero-width characters and Unicode tag characters in string, template and regex literals and identifiers, and identifiers mixing Latin with look-alike Cyrillic or Greek letters. Escaped forms and comments are not reported.',
    messages: {
      invisible: 'Invisible characters in {{where}}: {{chars}}',
      lookAlike: 'Identifier mixes Latin with look-alike Cyrillic or Greek letters: {{name}}',
    },
  },
  triggers: ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff', '\u180e', '\udb40',
    'а', 'е', 'о', 'р', 'с', 'у', 'х', 'і', 'ј', 'ѕ', 'А', 'В', 'Е', 'К', 'М', 'Н', 'О', 'Р', 'С', 'Т', 'Х', 'ο', 'α', 'ν', 'Α', 'Β', 'Ε', 'Ζ', 'Η', 'Ι', 'Κ', 'Μ', 'Ν', 'Ο', 'Ρ', 'Τ', 'Υ', 'Χ'],
  create(ctx) {
    // Texts holding a character class, asked again after the walk: a class kept in a name and
    // given to `new RegExp(NAME)` is a pattern (tiptap's whitespace class), elsewhere it is text.
    const deferred: Array<{ node: Node; what: string; value: Node; fn: number; path: readonly Node[] }> = [];
    const patterns: Array<{ node: Node; fn: number }> = [];
    const defer = (node: Node, what: string) => {
      const value = node.type === 'TemplateElement' ? ctx.parent() ?? node : node;
      deferred.push({ node, what, value, fn: ctx.functionIndex(), path: [...ctx.path] });
    };
    const textOptions: CheckOptions = { defer };
    const regexOptions: CheckOptions = { pattern: true };
    const regExpCall = (node: Node & { type: 'CallExpression' | 'NewExpression' }) => {
      const callee = node.callee;
      if (callee.type === 'Identifier' && callee.name === 'RegExp' && !ctx.isBound(callee) && node.arguments[0] && node.arguments[0].type !== 'SpreadElement') patterns.push({ node: node.arguments[0] as Node, fn: ctx.functionIndex() });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(ctx, node, 'string', textOptions);
        else if (node.regex) check(ctx, node, 'regular expression', regexOptions);
      },
      TemplateElement(node) {
        check(ctx, node, 'template', textOptions);
      },
      CallExpression: regExpCall,
      NewExpression: regExpCall,
      'Program:exit'() {
        if (deferred.length === 0) return;
        const reached = patterns.length ? ctx.analysis().flow.reachedAmong(patterns, new Set(deferred.map(d => d.value))) : new Set<Node>();
        for (const d of deferred) check(ctx, d.node, d.what, { regexSource: reached.has(d.value), at: { path: d.path, fn: d.fn } });
      },
      Identifier(node) {
        const name = node.name;
        if (!hasNonAscii(name, 0, name.length)) return;
        const raw = ctx.text.slice(node.start, node.end);
        if (CONFUSABLE.test(raw) && /[A-Za-z]/.test(raw)) {
          ctx.report({
            node,
            messageId: 'lookAlike',
            data: { name: JSON.stringify(raw) },
            evidence: [...raw].filter(c => CONFUSABLE.test(c)).map(c => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} looks like Latin`),
          });
          return;
        }
        check(ctx, node, 'identifier');
      },
    };
  },
};
