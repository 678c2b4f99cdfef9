// Code that names AI or cloud vendors in a list or a comparison: string arrays, regexes,
// `new RegExp("...")`, switch chains, and includes/indexOf/startsWith/endsWith/match or ===
// against such strings. Naming a vendor is not wrong (provider pickers do it); the finding is
// evidence for the gate correlation and for a reader asking "where does it check for X?".
import { calledMethod, staticString, unwrapChain, type AstNode } from '../js/ast';
import { countedHits, describeHits, distinctVendors, type KeywordHit } from '../catalog/keywords';
import { defaultKeywordMatcher } from '../catalog/keywords';
import type { Rule, RuleContext, Span } from './types';
import type { RawRelated } from './raw';
import { COMPARE_METHODS, EQUALITY, listSubject } from './util/values';

function report(ctx: Pick<RuleContext, 'report' | 'target'>, node: Span, what: string, hits: KeywordHit[], subject?: AstNode, extra: { evidence?: string[]; related?: RawRelated[] } = {}) {
  const vendors = distinctVendors(hits);
  const names = vendors.map(v => `${v.name} (${v.country})`).join(', ');
  // Naming only its own vendor (Claude Code matching "claude-") is everyday code: keep it as
  // evidence for first-party checks, at info.
  const ownOnly = vendors.every(v => ctx.target.ownVendors.includes(v.id));
  ctx.report(node, `${what} naming ${vendors.length === 1 ? 'a vendor' : `${vendors.length} vendors`}: ${names}`, {
    evidence: [...(extra.evidence ?? []), ...describeHits(hits)],
    facts: [{ kind: 'match:vendor', vendors: vendors.map(v => v.id), ...(subject ? { subject } : {}) }],
    ...(ownOnly ? { severity: 'info' as const } : {}),
    ...(extra.related ? { related: extra.related } : {}),
  });
}

const MAX_LIST = 500;

/** `DEEPSEEK_API_KEY`, `VERTEX_REGION_CLAUDE_3_5`: variable names, not vendor values. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]*)+$/;

function hitsOfList(values: Array<string | undefined>, ctx: Pick<RuleContext, 'keywords'>): KeywordHit[] {
  return countedHits(values.flatMap(v => (v === undefined || ENV_NAME.test(v) ? [] : ctx.keywords.find(v))), true);
}

function isRegExpConstructor(node: AstNode): boolean {
  if (node.type !== 'NewExpression' && node.type !== 'CallExpression') return false;
  const callee = unwrapChain(node.callee);
  return callee.type === 'Identifier' && callee.name === 'RegExp';
}

/** An array literal that is the receiver of a comparison: `["deepseek"].includes(h)`. */
function isComparedArray(ctx: RuleContext): boolean {
  const parent = ctx.parent();
  const grand = ctx.parent(2);
  if (parent?.type !== 'MemberExpression' || grand?.type !== 'CallExpression' || unwrapChain(grand.callee) !== parent) return false;
  return ['includes', 'indexOf', 'some', 'find', 'findIndex', 'every', 'filter'].includes(calledMethod(grand) ?? '');
}

export const vendorKeywords: Rule = {
  id: 'vendor-keywords',
  category: 'vendor',
  severity: 'low',
  title: 'Compares values with vendor names',
  description: 'String lists, regexes, switch chains and string comparisons that name AI or cloud vendors (keyword table in the catalog, with vendor and country).',
  triggers: defaultKeywordMatcher().words(),
  triggersIgnoreCase: true,
  visitors: {
    ArrayExpression(node, ctx) {
      // Vocabularies, emoji and word lists: thousands of entries are data, not a vendor list.
      if (node.elements.length > MAX_LIST) return;
      const values = node.elements.map((e: AstNode | null) => staticString(e));
      const hits = hitsOfList(values, ctx);
      const vendors = distinctVendors(hits).length;
      if (vendors >= 2 || (vendors === 1 && isComparedArray(ctx))) {
        report(ctx, node, `List of ${node.elements.length} strings`, hits, listSubject(node, ctx.parent(), ctx.parent(2)));
      }
    },
    Literal(node, ctx) {
      if (!node.regex) return;
      const hits = countedHits(ctx.keywords.find(node.regex.pattern), true);
      if (hits.length) report(ctx, node, 'Regular expression', hits, regexSubject(ctx));
    },
    NewExpression(node, ctx) {
      if (!isRegExpConstructor(node)) return;
      const pattern = staticString(node.arguments[0]);
      const hits = pattern === undefined ? [] : countedHits(ctx.keywords.find(pattern), true);
      if (hits.length) report(ctx, node, 'new RegExp', hits);
    },
    SwitchStatement(node, ctx) {
      const hits = hitsOfList(node.cases.map((c: AstNode) => staticString(c.test)), ctx);
      if (hits.length) report(ctx, node.discriminant, `switch over ${node.cases.length} cases`, hits, node.discriminant);
    },
    CallExpression(node, ctx) {
      if (isRegExpConstructor(node)) {
        const pattern = staticString(node.arguments[0]);
        const hits = pattern === undefined ? [] : countedHits(ctx.keywords.find(pattern), true);
        if (hits.length) report(ctx, node, 'RegExp', hits);
        return;
      }
      const method = calledMethod(node);
      if (!method || !COMPARE_METHODS.has(method) || method === 'test') return;
      const value = staticString(node.arguments[0]);
      if (value === undefined || ENV_NAME.test(value)) return;
      const hits = countedHits(ctx.keywords.find(value), false);
      const callee = unwrapChain(node.callee);
      if (hits.length) report(ctx, node, `.${method}(${quoted(value)})`, hits, callee.type === 'MemberExpression' ? callee.object : undefined);
    },
    BinaryExpression(node, ctx) {
      if (!EQUALITY.has(node.operator)) return;
      const value = staticString(node.left) ?? staticString(node.right);
      if (value === undefined || ENV_NAME.test(value)) return;
      const hits = countedHits(ctx.keywords.find(value), false);
      if (hits.length) report(ctx, node, `Comparison with ${quoted(value)}`, hits, staticString(node.left) === undefined ? node.left : node.right);
    },
  },
  decoded({ decoded: d, use }, ctx) {
    const hits = hitsOfList(d.entries, ctx);
    if (distinctVendors(hits).length === 0) return;
    const evidence = [`recipe: ${d.recipe.join(' -> ')}`];
    const decodedAt = { start: d.site.start, end: d.site.end, message: `decoded here (${d.recipe.join(' -> ')}), ${d.entries.length} entries` };
    if (use) {
      report(ctx, use.node, `Compares ${use.subject ? `\`${ctx.text.slice(use.subject.start, use.subject.end).slice(0, 40)}\`` : 'a value'} with a decoded list from ${use.via} (${d.entries.length} entries)`, hits, use.subject, { evidence, related: [decodedAt] });
    } else {
      report(ctx, d.site, `Decoded list (${d.recipe.join(' -> ')}) of ${d.entries.length} entries`, hits, undefined, { evidence });
    }
  },
};

/** `/deepseek/.test(h)` or `h.match(/deepseek/)`: the string the regex is run on. */
function regexSubject(ctx: RuleContext): AstNode | undefined {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  const grand = ctx.parent(2);
  if (parent?.type === 'MemberExpression' && parent.object === node && grand?.type === 'CallExpression') return grand.arguments[0];
  if (parent?.type === 'CallExpression' && parent.arguments[0] === node) {
    const callee = unwrapChain(parent.callee);
    return callee.type === 'MemberExpression' ? callee.object : undefined;
  }
  return undefined;
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
