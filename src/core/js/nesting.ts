// How deeply brackets nest in a source text, measured in one linear pass before any parser
// sees it. acorn parses nesting by recursion; near the end of the stack V8 can abort the whole
// process inside a regular expression instead of throwing (1,000 nested template literals or
// 300 nested `(function(){` in 5 KB), which no try/catch survives. Counting first is cheap and
// keeps such a file an error entry. Strings, comments, template text and regular expression
// literals are skipped so their brackets do not count; the regex test is the usual
// "what came before the slash" heuristic, good enough for a bound, not a tokenizer.

export interface Nesting {
  /** The deepest level reached, or the first level past the limit. */
  depth: number;
  /** Where that level was reached (UTF-16 offset). */
  at: number;
}

enum C {
  Tab = 9, Newline = 10, Return = 13, Space = 32, Double = 34, Dollar = 36, Single = 39, OpenParen = 40, CloseParen = 41,
  Star = 42, Slash = 47, OpenBracket = 91, Backslash = 92, CloseBracket = 93, Backtick = 96, OpenBrace = 123, CloseBrace = 125,
}
/** After one of these (ignoring spaces) a `/` starts a regular expression, not a division; 0 is the start of the text. */
const BEFORE_REGEX = new Set([0, ...[...'(,=:[!&|?{};+-*%<>~^'].map(ch => ch.charCodeAt(0))]);
/** `previous` for a name, number or closing bracket: a `/` after it divides. */
const OPERAND = 1;

/** The nesting of `text`, stopping as soon as it goes past `limit`. */
export function nestingDepth(text: string, limit: number): Nesting {
  let depth = 0;
  let deepest: Nesting = { depth: 0, at: 0 };
  // For each open template literal, the bracket depth its current `${` started at.
  const templates: number[] = [];
  let inTemplateText = false;
  let previous = 0;
  const n = text.length;
  const deeper = (at: number): boolean => {
    depth++;
    if (depth > deepest.depth) deepest = { depth, at };
    return depth > limit;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inTemplateText) {
      if (c === C.Backslash) i++;
      else if (c === C.Backtick) {
        inTemplateText = false;
        templates.pop();
        previous = OPERAND;
      } else if (c === C.Dollar && text.charCodeAt(i + 1) === C.OpenBrace) {
        i++;
        if (deeper(i)) return deepest;
        templates[templates.length - 1] = depth;
        inTemplateText = false;
        previous = C.OpenBrace;
      }
      continue;
    }
    switch (c) {
      case C.Space:
      case C.Tab:
      case C.Newline:
      case C.Return:
        continue;
      case C.Double:
      case C.Single:
        i = skipQuoted(text, i, c);
        previous = OPERAND;
        continue;
      case C.Backtick:
        templates.push(-1);
        inTemplateText = true;
        continue;
      case C.Slash: {
        const next = text.charCodeAt(i + 1);
        if (next === C.Slash) {
          const end = text.indexOf('\n', i);
          i = end < 0 ? n : end;
        } else if (next === C.Star) {
          const end = text.indexOf('*/', i + 2);
          i = end < 0 ? n : end + 1;
        } else if (BEFORE_REGEX.has(previous)) {
          i = skipRegex(text, i);
          previous = OPERAND;
        } else previous = c;
        continue;
      }
      case C.OpenParen:
      case C.OpenBracket:
      case C.OpenBrace:
        if (deeper(i)) return deepest;
        previous = c;
        continue;
      case C.CloseBrace:
        if (templates.length && templates[templates.length - 1] === depth) {
          // The end of a `${…}`: back to the template's text.
          depth--;
          inTemplateText = true;
          continue;
        }
        if (depth > 0) depth--;
        previous = c;
        continue;
      case C.CloseParen:
      case C.CloseBracket:
        if (depth > 0) depth--;
        previous = OPERAND;
        continue;
      default:
        previous = isWordChar(c) ? OPERAND : c;
    }
  }
  return deepest;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
}

function skipQuoted(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Backslash) i++;
    else if (c === quote || c === C.Newline) return i;
  }
  return text.length;
}

function skipRegex(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === C.Backslash) i++;
    else if (c === C.Newline) return i;
    else if (inClass) {
      if (c === C.CloseBracket) inClass = false;
    } else if (c === C.OpenBracket) inClass = true;
    else if (c === C.Slash) return i;
  }
  return text.length;
}
