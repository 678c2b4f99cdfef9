// Code that chooses between characters a reader cannot tell apart (apostrophe variants,
// zero-width characters, variation selectors, homoglyph letters, trailing spaces) depending on
// a condition. Put into text sent somewhere, such a choice is an invisible signal: the
// 2026 case marked its prompt with one of four apostrophes. Fixed typography (a `’` in a
// message, a smart-quotes `replace`) is not a choice and is not reported.
import { isFunction, staticString, unwrapChain, type FunctionNode, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { areLookAlikes, describeVariants, hasConfusable, skeleton } from './util/confusables';

/** Functions larger than this are not small choosers; their returns are not compared. */
const MAX_CHOOSER = 6000;

function report(ctx: RuleContext, node: Node, what: string, values: string[], condition: Node[], stored = false, spacing = false) {
  ctx.report({
    node,
    messageId: stored ? 'stored' : spacing ? 'spacing' : 'choice',
    ...(stored || spacing ? { severity: 'low' as const } : {}),
    data: { what, count: new Set(values).size },
    evidence: describeVariants(values),
    facts: [{ kind: 'marker', condition }],
  });
}

/**
 * Static string returns of a function, not looking into nested functions, and the tests of the
 * `if`s and `?:`s its returns are chosen by.
 */
function stringReturns(fn: FunctionNode): { values: string[]; tests: Node[] } {
  const values: string[] = [];
  const tests: Node[] = [];
  if (fn.body.type !== 'BlockStatement') {
    collectBranches(fn.body, values, tests);
    return { values, tests };
  }
  const stack: Node[] = [fn.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== fn.body && isFunction(node)) continue;
    if (node.type === 'ReturnStatement') {
      if (node.argument) collectBranches(node.argument, values, tests);
      continue;
    }
    if (node.type === 'IfStatement') tests.push(node.test as Node);
    // Pushed in reverse so that returns come out in source order.
    for (const child of [...statementChildren(node)].reverse()) stack.push(child);
  }
  return { values, tests };
}

/** The statements (and clauses) directly inside a statement, where returns can sit. */
function statementChildren(node: Node): Node[] {
  switch (node.type) {
    case 'BlockStatement':
    case 'StaticBlock':
      return node.body;
    case 'IfStatement':
      return [node.consequent, ...(node.alternate ? [node.alternate] : [])];
    case 'SwitchStatement':
      return node.cases;
    case 'SwitchCase':
      return node.consequent;
    case 'TryStatement':
      return [node.block, ...(node.handler ? [node.handler] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case 'CatchClause':
      return [node.body];
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      return [node.body];
    default:
      return [];
  }
}

/** The static strings an expression can evaluate to through ?: branches (and, given `tests`, the tests of those branches). */
function collectBranches(node: Node, into: string[], tests?: Node[]): void {
  node = unwrapChain(node);
  if (node.type === 'ConditionalExpression') {
    tests?.push(node.test as Node);
    collectBranches(node.consequent, into, tests);
    collectBranches(node.alternate, into, tests);
    return;
  }
  const s = staticString(node);
  if (s !== undefined) into.push(s);
}

/**
 * A trailing space or tab after a word: `"Done "` against `"Done"`. After punctuation
 * (`": "` or `":"` in a JSON printer) it is formatting.
 */
const TRAILING_SPACE = /\p{L}[ \t]+$/u;

function suspicious(s: string | undefined): s is string {
  return s !== undefined && s.length <= 40 && (hasConfusable(s) || TRAILING_SPACE.test(s) || s === "'" || s === '"');
}

/**
 * Variants a reader cannot tell apart, and the difference is a look-alike or invisible
 * character or a trailing space after text. Pure whitespace choices (`"\n"` or `""`, `" "`
 * or `""`) are formatting.
 */
function isMarkerChoice(values: string[]): boolean {
  // A byte order mark written or not (`bom ? "\uFEFF" : ""`) is a file format, not text.
  if (values.every(v => v === '' || v === '\uFEFF')) return false;
  if (!areLookAlikes(values)) return false;
  return values.some(v => hasConfusable(v)) || values.some(v => TRAILING_SPACE.test(v));
}

/** Only space characters of some width, or nothing. */
const SPACES_ONLY = /^\p{Zs}*$/u;
const ORDERINGS = new Set(['<', '<=', '>', '>=']);

/**
 * Typesetting: spaces of different widths (hair, thin, four-per-em) picked by where a number
 * falls (`w >= .05555 && w <= .05556 ? "\u200a" : …`, temml's `\kern`). Low, and still a
 * marker fact: a gate deciding the number (a UTC offset) makes it high through covert-link.
 */
function spacingByRange(values: readonly string[], tests: readonly Node[]): boolean {
  return values.every(v => SPACES_ONLY.test(v)) && tests.length > 0 && tests.every(numericRange);
}

/** `x >= 0.05`, `a > 1 && a < 2`: orderings of a value against numbers, joined by && and ||. */
function numericRange(test: Node): boolean {
  const t = unwrapChain(test);
  if (t.type === 'LogicalExpression') return t.operator !== '??' && numericRange(t.left as Node) && numericRange(t.right);
  if (t.type !== 'BinaryExpression' || !ORDERINGS.has(t.operator)) return false;
  const isNumber = (n: Node) => (n.type === 'Literal' && typeof n.value === 'number') || (n.type === 'UnaryExpression' && n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number');
  return isNumber(unwrapChain(t.left as Node)) !== isNumber(unwrapChain(t.right));
}

/**
 * `input.prevInput = selected ? "" : "\u200b"`: nothing or an invisible character kept in an
 * object's property. Editors keep such sentinels in their state (a hidden textarea's last
 * value, a caret placeholder); only text that leaves makes a marker, and a property is not
 * followed further. Low unless a region/vendor gate decides it (covert-link makes it high).
 */
function storedSentinel(node: Node, parent: Node | undefined, values: string[]): boolean {
  return parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === node && parent.left.type === 'MemberExpression' && values.every(v => skeleton(v) === '');
}

export const covertMarker: Rule = {
  meta: {
    id: 'covert-marker',
    category: 'covert',
    severity: 'medium',
    title: 'Chooses between look-alike characters',
    description: 'A conditional choice between characters a reader cannot tell apart (apostrophe and quote variants, zero-width characters, variation selectors, homoglyphs, trailing spaces): an invisible marker. High when the condition comes from a region or vendor gate.',
    messages: {
      choice: '{{what}} chooses between {{count}} look-alike strings depending on a condition',
      stored: '{{what}} stores nothing or an invisible character in a property by a condition, as editors do for sentinels',
      spacing: '{{what}} picks a space of one of {{count}} widths by where a number falls (typesetting)',
      linked: '{{what}} chooses between {{count}} look-alike strings depending on a condition, linked to a region/vendor gate',
    },
  },
  // Trailing-space variants are plain ASCII, so there is no text to trigger on.
  triggers: [],
  create(ctx) {
    const seen = new Set<Node>();
    /** A function whose returns are look-alike variants, reported once, at its name or head. */
    const reportChooser = (fn: FunctionNode) => {
      if (fn.end - fn.start > MAX_CHOOSER || seen.has(fn)) return;
      seen.add(fn);
      const { values, tests } = stringReturns(fn);
      if (!isMarkerChoice(values)) return;
      // What decides the choice: the flags it is given, or with none, the tests of its branches
      // (a gate computed in the function itself).
      report(ctx, fn.type === 'FunctionDeclaration' && fn.id ? fn.id : fn, 'Function', values, fn.params.length ? fn.params : tests.length ? tests : [fn], false, spacingByRange(values, tests));
    };
    return {
      ReturnStatement(node) {
        const returned: string[] = [];
        if (node.argument) collectBranches(node.argument, returned);
        if (!returned.some(suspicious)) return;
        const fn = ctx.enclosingFunction();
        if (fn) reportChooser(fn);
      },
      ConditionalExpression(node) {
        const a = staticString(node.consequent);
        const b = staticString(node.alternate);
        if (a === undefined || b === undefined || !(suspicious(a) || suspicious(b))) return;
        const parent = ctx.parent();
        // A branch of a ?: chain: the top of the chain is what is returned or stored.
        let depth = 1;
        let top: Node = node;
        for (let up = ctx.parent(depth); up?.type === 'ConditionalExpression' && up.test !== top; up = ctx.parent(depth)) {
          top = up;
          depth++;
        }
        const above = ctx.parent(depth);
        if (above?.type === 'ReturnStatement') return; // the function form reports it
        if (isFunction(above) && above.body === top) {
          reportChooser(above);
          return;
        }
        // `s.startsWith("\uFEFF") ? "\uFEFF" : ""` keeps what the data already had: not a marker.
        const testText = ctx.text.slice(node.test.start, node.test.end);
        const echoes = [node.consequent, node.alternate].some(n => staticString(n) !== '' && testText.includes(ctx.text.slice(n.start, n.end)));
        if (!echoes && isMarkerChoice([a, b])) report(ctx, node, 'Conditional expression', [a, b], [node.test], storedSentinel(node, parent, [a, b]), spacingByRange([a, b], [node.test]));
      },
      MemberExpression(node) {
        // ["'", "’", "ʼ", "ʹ"][i]: a table indexed by a computed value
        if (!node.computed || node.object.type !== 'ArrayExpression' || node.property.type === 'Literal') return;
        const values = node.object.elements.map(e => (e ? staticString(e) : undefined));
        if (values.length < 2 || values.some(v => v === undefined)) return;
        if (isMarkerChoice(values as string[])) report(ctx, node, 'Lookup table', values as string[], [node.property as Node]);
      },
    };
  },
};
