// Where a text too large to analyse whole can be cut into parts that each parse on their own:
// between two statements of the program. The program is parsed one top-level statement at a
// time and each statement's tree is dropped once its end is known, so the pass holds the tree
// of one statement, never the whole program's. A parser, not a tokenizer: acorn's tokenizer
// alone reads `for await (…) /re/` as a division and stops (Copilot's language server), and a
// cut found by a tokenizer that misread a regular expression would land inside a function.
import type * as acorn from 'acorn';
import { MAX_NESTING, Parser } from './parse';
import { nestingDepth } from './nesting';

export interface Part {
  start: number;
  end: number;
}

export interface Split {
  parts: Part[];
  /**
   * Cuts made where no statement of the program ended in reach (one statement larger than a
   * part, or a text that does not parse or nests too deeply from there on): the parts around
   * such a cut may not parse on their own.
   */
  blind: number;
}

// acorn's parser internals are not in its type declarations.
type Internals = {
  type: acorn.TokenType;
  start: number;
  parseStatement(context: unknown, topLevel: boolean, exports: unknown): acorn.Node;
  nextToken(): void;
};

class StatementTooLong extends Error {}

/**
 * Reports the end of each top-level statement and keeps none of them. A statement longer than
 * `maxStatement` (a bundle wrapped in one function) stops the pass before its tree grows
 * larger than a part's would.
 */
class StatementEnds extends (Parser as unknown as new (options: acorn.Options, input: string) => Internals) {
  readonly ends: number[] = [];
  maxStatement = Infinity;
  private statementStart = 0;

  parseTopLevel(node: acorn.Node & { body?: unknown[] }): acorn.Node {
    const exports = Object.create(null) as unknown;
    node.body = [];
    // Through the end of the text: the check of exports and the Program node do not matter here.
    while (this.type.label !== 'eof') {
      this.statementStart = this.start;
      this.ends.push(this.parseStatement(null, true, exports).end);
    }
    return node;
  }

  override nextToken(): void {
    if (this.start - this.statementStart > this.maxStatement) throw new StatementTooLong();
    super.nextToken();
  }
}

const OPTIONS: acorn.Options = {
  ecmaVersion: 'latest',
  allowHashBang: true,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  locations: false,
};

/**
 * The offset after each top-level statement, in order, as far as the text parses, nests no
 * deeper than the parser is given (MAX_NESTING) and no statement is longer than `maxStatement`
 * characters.
 */
export function topLevelStatementEnds(text: string, maxStatement = Infinity): number[] {
  // Brackets nested too deeply for the parser: the statements before them still count.
  const nesting = nestingDepth(text, MAX_NESTING);
  const readable = nesting.depth > MAX_NESTING ? text.slice(0, nesting.at) : text;
  let best: number[] = [];
  for (const sourceType of ['module', 'script'] as const) {
    const parser = new StatementEnds({ ...OPTIONS, sourceType }, readable);
    parser.maxStatement = maxStatement;
    try {
      (parser as unknown as { parse(): acorn.Node }).parse();
      return parser.ends;
    } catch (e) {
      // A syntax error, nesting too deep or a statement too long: the statements before it end where they end.
      if (parser.ends.length > best.length) best = parser.ends;
      if (e instanceof StatementTooLong) break;
    }
  }
  return best;
}

/**
 * Cuts `text` into parts of at most `maxPart` characters, as even as the statements allow:
 * each cut at the statement end nearest its part's even share that keeps the part within
 * `maxPart`. Where no statement ends in reach, the cut is made at a line end (or anywhere)
 * and counted as blind.
 */
export function splitAtStatements(text: string, maxPart: number, statementEnds?: readonly number[]): Split {
  if (text.length <= maxPart) return { parts: [{ start: 0, end: text.length }], blind: 0 };
  const ends = statementEnds ?? topLevelStatementEnds(text, maxPart);
  const parts: Part[] = [];
  let blind = 0;
  let start = 0;
  let e = 0;
  while (text.length - start > maxPart) {
    const goal = start + Math.ceil((text.length - start) / Math.ceil((text.length - start) / maxPart));
    const limit = start + maxPart;
    while (e < ends.length && ends[e] <= start) e++;
    let i = e;
    while (i < ends.length && ends[i] <= goal) i++;
    // The last end at or before the goal, or the first after it (within the limit) if nearer.
    let cut = i > e ? ends[i - 1] : undefined;
    if (i < ends.length && ends[i] <= limit && (cut === undefined || ends[i] - goal < goal - cut)) cut = ends[i];
    if (cut === undefined) {
      blind++;
      const newline = text.lastIndexOf('\n', goal);
      cut = newline > start ? newline + 1 : goal;
    }
    parts.push({ start, end: cut });
    start = cut;
  }
  parts.push({ start, end: text.length });
  return { parts, blind };
}
