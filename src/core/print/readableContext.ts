// "Show in readable context": a minified bundle is one line of many megabytes, which editors
// will not colour and people cannot read. This re-parses only the function around a finding
// (never the whole file), reprints it one statement per line, and says where the flagged
// span and its related steps landed in the reprint. Pure: text in, plain data out.
import * as acorn from 'acorn';
import * as acornLoose from 'acorn-loose';
import { childrenOf, isFunction, type Node } from '../js/ast';
import { LineIndex } from '../text/lines';
import type { Span } from '../model';
import { printNode } from './printer';

/** The largest slice re-parsed (a function, or a whole small file). */
export const MAX_PARSE_CHARS = 2 * 1024 * 1024;
/** The largest node reprinted whole; inside bigger ones only the statement around the span is. */
export const MAX_PRINT_CHARS = 64 * 1024;
/** Characters of raw text shown on each side of the span when nothing can be reprinted. */
const RAW_MARGIN = 1500;

export interface ContextRequest {
  /** The flagged span: UTF-16 offsets in the file or module. */
  span: Span;
  /** The innermost function around it, [start, end), when the finding has one. */
  functionRange?: [number, number];
  /** Steps of a correlated finding, shown too when they fall in the reprinted part. */
  related?: Array<Span & { message: string }>;
  maxParseChars?: number;
}

/** 1-based lines and UTF-16 columns in `code`; the end is exclusive. */
export interface CodeRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReadableContext {
  /** `printed`: reprinted from the AST; `raw`: the source text around the span, unchanged. */
  mode: 'printed' | 'raw';
  code: string;
  /** The part of the file the code shows. */
  shown: Span;
  /** What was shown: the enclosing function, a statement of it, the whole file, or raw text. */
  scope: 'function' | 'statement' | 'file' | 'raw';
  highlight?: CodeRange;
  related: Array<CodeRange & { message: string }>;
  /** Only the loose parser could read the slice: the reprint may differ from the source. */
  partial?: boolean;
  /** Why the view is raw, partial or narrowed, in words. */
  note?: string;
  parseMs: number;
  printMs: number;
}

/**
 * Module-level code is reprinted by parsing the whole file, so only for small files (DESIGN.md:
 * the readable context never parses a bundle; a finding outside any function gets raw text).
 */
const MAX_FILE_PARSE = 64 * 1024;

export function readableContext(text: string, request: ContextRequest): ReadableContext {
  const maxParse = request.maxParseChars ?? MAX_PARSE_CHARS;
  const { span } = request;
  const fn = request.functionRange;
  const fnHoldsSpan = fn && fn[0] <= span.start && span.end <= fn[1];
  let reason: string;
  if (fnHoldsSpan && fn[1] - fn[0] <= maxParse) {
    const printed = printSlice(text, { start: fn[0], end: fn[1] }, request, 'function');
    if (printed) return printed;
    reason = 'the enclosing function could not be parsed on its own';
  } else if (!fnHoldsSpan && text.length <= Math.min(maxParse, MAX_FILE_PARSE)) {
    const printed = printSlice(text, { start: 0, end: text.length }, request, 'file');
    if (printed) return printed;
    reason = 'the file could not be parsed';
  } else {
    const size = fnHoldsSpan ? fn[1] - fn[0] : text.length;
    const limit = fnHoldsSpan ? maxParse : Math.min(maxParse, MAX_FILE_PARSE);
    reason = `the ${fnHoldsSpan ? 'enclosing function' : 'file'} is ${kb(size)}, over the ${kb(limit)} limit for reprinting`;
  }
  return rawWindow(text, request, reason);
}

function printSlice(text: string, slice: Span, request: ContextRequest, scope: 'function' | 'file'): ReadableContext | undefined {
  const t0 = performance.now();
  const parsed = scope === 'function' ? parseFunction(text.slice(slice.start, slice.end)) : parseProgram(text);
  const parseMs = performance.now() - t0;
  if (!parsed) return undefined;
  // Offsets in the parsed text are the slice's, shifted by the wrapper's prefix.
  const shift = slice.start - parsed.prefix;
  const toParsed = (s: Span): Span => ({ start: s.start - shift, end: s.end - shift });
  const target = toParsed(request.span);
  let node = parsed.node;
  let narrowed = false;
  if (node.end - node.start > MAX_PRINT_CHARS) {
    node = statementAround(node, target) ?? node;
    narrowed = node !== parsed.node;
  }
  if (node.end - node.start > MAX_PRINT_CHARS) return undefined;
  const related = (request.related ?? []).filter(r => r.start >= node.start + shift && r.end <= node.end + shift);
  const t1 = performance.now();
  let printed;
  try {
    printed = printNode(node, [target, ...related.map(toParsed)]);
  } catch {
    return undefined; // a node type the printer does not know (e.g. from the loose parser)
  }
  const printMs = performance.now() - t1;
  const lines = new LineIndex(printed.code);
  const range = (s: Span | undefined): CodeRange | undefined => {
    if (!s) return undefined;
    const a = lines.positionAt(s.start);
    const b = lines.positionAt(s.end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const notes: string[] = [];
  if (narrowed) notes.push(`the enclosing ${scope} is ${kb(slice.end - slice.start)}: showing the statement around the finding`);
  if (parsed.partial) notes.push('only the error-tolerant parser could read this code: the reprint may differ from the source');
  return {
    mode: 'printed',
    code: printed.code,
    shown: { start: node.start + shift, end: node.end + shift },
    scope: narrowed ? 'statement' : scope,
    highlight: range(printed.spans[0]),
    related: related.flatMap((r, i) => {
      const at = range(printed.spans[i + 1]);
      return at ? [{ ...at, message: r.message }] : [];
    }),
    ...(parsed.partial ? { partial: true } : {}),
    ...(notes.length ? { note: notes.join('; ') } : {}),
    parseMs,
    printMs,
  };
}

interface ParsedSlice {
  node: Node;
  /** Characters the wrapper put before the slice. */
  prefix: number;
  partial: boolean;
}

const OPTIONS: acorn.Options = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowHashBang: true,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  checkPrivateFields: false,
  locations: false,
};

/**
 * A function's text does not always parse on its own: an anonymous function expression is
 * not a statement, and a method's function starts at its parameter list. Each wrapper puts
 * it back in a place where it parses; the function node is then the one spanning the slice.
 */
const WRAPPERS: Array<[string, string]> = [
  ['', ''],
  ['(', ')'],
  ['({m', '})'],
  ['({async m', '})'],
  ['({*m', '})'],
  ['({async*m', '})'],
  ['(class extends Object{constructor', '})'],
];

function parseFunction(slice: string): ParsedSlice | undefined {
  for (const [before, after] of WRAPPERS) {
    let ast: Node;
    try {
      ast = acorn.parse(before + slice + after, OPTIONS) as unknown as Node;
    } catch {
      continue;
    }
    const node = functionSpanning(ast, before.length, before.length + slice.length);
    if (node) return { node, prefix: before.length, partial: false };
  }
  try {
    const ast = acornLoose.parse(`(${slice})`, OPTIONS) as unknown as Node;
    const node = functionSpanning(ast, 1, 1 + slice.length);
    return node ? { node, prefix: 1, partial: true } : undefined;
  } catch {
    return undefined;
  }
}

function parseProgram(text: string): ParsedSlice | undefined {
  for (const sourceType of ['module', 'script'] as const) {
    try {
      return { node: acorn.parse(text, { ...OPTIONS, sourceType }) as unknown as Node, prefix: 0, partial: false };
    } catch {
      // try the next mode
    }
  }
  return undefined;
}

/** The function node whose range is exactly [start, end), searched near the root only. */
function functionSpanning(ast: Node, start: number, end: number): Node | undefined {
  const pending = [ast];
  const children: Node[] = [];
  while (pending.length) {
    const node = pending.pop()!;
    if (isFunction(node) && node.start === start && node.end === end) return node;
    children.length = 0;
    childrenOf(node, children);
    for (const c of children) if (c.start <= start && end <= c.end) pending.push(c);
  }
  return undefined;
}

/**
 * Inside a function too big to reprint, the outermost statement (or, failing one, the
 * outermost node) that covers the span and is small enough to reprint.
 */
function statementAround(root: Node, span: Span): Node | undefined {
  let fallback: Node | undefined;
  let node: Node | undefined = root;
  const children: Node[] = [];
  while (node) {
    const small = node.end - node.start <= MAX_PRINT_CHARS;
    if (small && /Statement$|Declaration$/.test(node.type)) return node;
    if (small) fallback ??= node;
    children.length = 0;
    childrenOf(node, children);
    node = children.find(c => c.start <= span.start && span.end <= c.end);
  }
  return fallback;
}

function rawWindow(text: string, request: ContextRequest, reason: string): ReadableContext {
  const start = Math.max(0, request.span.start - RAW_MARGIN);
  const end = Math.min(text.length, request.span.end + RAW_MARGIN);
  const code = text.slice(start, end);
  const lines = new LineIndex(code);
  const at = (s: Span): CodeRange => {
    const a = lines.positionAt(s.start - start);
    const b = lines.positionAt(s.end - start);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  return {
    mode: 'raw',
    code,
    shown: { start, end },
    scope: 'raw',
    highlight: at(request.span),
    related: (request.related ?? []).filter(r => r.start >= start && r.end <= end).map(r => ({ ...at(r), message: r.message })),
    note: `showing the raw text around the finding: ${reason}`,
    parseMs: 0,
    printMs: 0,
  };
}

function kb(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}
