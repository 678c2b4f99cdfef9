// acorn with fallbacks. Shipped code is whatever the vendor's bundler emitted: ESM or CJS,
// hashbangs, top-level await or return. We try module, then script, then acorn-loose,
// and never throw: a file nobody can parse is an error entry, not a crash.
import * as acorn from 'acorn';
import * as acornLoose from 'acorn-loose';
import type { Program } from 'acorn';
import { fastScopes } from './fastScopes';
import { nestingDepth } from './nesting';
import { depthGuard, ParseTooDeep } from './depthGuard';
import { compactAst } from './compactAst';

/**
 * Brackets nested deeper than this are not given to a parser. Real bundles stay under 60
 * (the corpus: 32 to 56); at a few hundred acorn's recursion can make V8 abort the process.
 */
export const MAX_NESTING = 250;

export const Parser = acorn.Parser.extend(fastScopes, depthGuard, compactAst);

export interface ParseResult {
  ast?: Program;
  /** Only acorn-loose could read it: findings are marked partial. */
  partial: boolean;
  /** Why the strict parsers failed (set when partial, or when nothing parsed). */
  error?: string;
}

const baseOptions: acorn.Options = {
  ecmaVersion: 'latest',
  allowHashBang: true,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  locations: false,
};

export function parseSource(text: string): ParseResult {
  const nesting = nestingDepth(text, MAX_NESTING);
  if (nesting.depth > MAX_NESTING) {
    return { partial: false, error: `brackets nested more than ${MAX_NESTING} deep (at offset ${nesting.at}); not given to the parser, whose recursion could crash the process` };
  }
  let firstError: unknown;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      return { ast: Parser.parse(text, { ...baseOptions, sourceType }) , partial: false };
    } catch (e) {
      firstError ??= e;
      // Deep nesting will not get better with another mode, and the loose parser has no guard.
      if (e instanceof RangeError) return { partial: false, error: describeParseError(e) };
    }
  }
  const error = describeParseError(firstError);
  try {
    const ast = acornLoose.parse(text, { ...baseOptions, sourceType: 'module' }) ;
    return { ast, partial: true, error };
  } catch (e) {
    return { partial: false, error: `${error}; loose parser also failed: ${describeParseError(e)}` };
  }
}

function describeParseError(e: unknown): string {
  if (e instanceof ParseTooDeep) return e.message;
  if (e instanceof RangeError) return 'nesting too deep to parse (stack exhausted)';
  if (e instanceof SyntaxError) return `syntax error: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Text that is a JavaScript program of some size (it parses, and has statements and functions):
 * a script shipped encoded, not a list. Asked by more than one rule of the same decoded value.
 */
export function isProgramText(text: string): boolean {
  if (text === lastProgram.text) return lastProgram.answer;
  const answer = text.length >= 200 && /\bfunction\b|=>/.test(text) && /[;}]/.test(text) && (() => {
    const parsed = parseSource(text);
    return !!parsed.ast && !parsed.partial;
  })();
  lastProgram = { text, answer };
  return answer;
}
let lastProgram = { text: '', answer: false };
