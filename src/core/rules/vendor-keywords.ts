// Code that names AI or cloud vendors in a list or a comparison: string arrays, regexes,
// `new RegExp("...")`, switch chains, and includes/indexOf/startsWith/endsWith/match or ===
// against such strings. Naming a vendor is not wrong (provider pickers do it): a list naming
// several foreign vendors is low, a single comparison info. Every such place carries vendor
// data for region-gating, which reports it high only when the compared value comes from an
// endpoint, timezone or locale read.
import type * as acorn from 'acorn';
import { calledMethod, calleeOf, staticString, type Node } from '../js/ast';
import { countedHits, describeHits, distinctVendors, defaultKeywordMatcher, type KeywordHit, type KeywordMatcher } from '../catalog/keywords';
import type { Severity } from '../model';
import type { ModuleIndex } from '../js/moduleIndex';
import type { RelatedSpan, Rule, RuleContext } from './types';
import { extractEndpoints } from '../net/url';
import { COMPARE_METHODS, EQUALITY } from './util/values';
import { plural } from '../text/format';

const MAX_LIST = 500;

/** `DEEPSEEK_API_KEY`, `VERTEX_REGION_CLAUDE_3_5`: variable names, not vendor values. */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]*)+$/;

interface Named {
  node: { start: number; end: number };
  messageId: 'list' | 'regex' | 'switch' | 'call' | 'compare' | 'helper' | 'decoded' | 'decodedUse' | 'native';
  data: Record<string, string | number>;
  hits: KeywordHit[];
  /** A list or pattern (several values), not one comparison. */
  list: boolean;
  /** A string in native code: any foreign vendor is worth a look (there is no syntax to weigh it by). */
  native?: boolean;
  evidence?: string[];
  related?: RelatedSpan[];
  decodedFrom?: string;
  /** Reported after the walk: the function the node is in. */
  fn?: number;
}

/**
 * A URL path (`"/openai"`, `"/anthropic/v1/messages"`): an API's route, which a client or proxy
 * compares to pick a request's shape; a vendor is told by a host or a name, not by a route.
 */
const URL_PATH = /^\/(?!\/)[\w.~%/-]*$/;

function report(ctx: RuleContext, n: Named): void {
  const vendors = distinctVendors(n.hits);
  if (vendors.length === 0) return;
  const own = ctx.target.ownVendors;
  const foreign = vendors.filter(v => !own.includes(v.id));
  // A list naming several foreign vendors is worth reading; one name, or only the assistant's own, is everyday code.
  const severity: Severity = (n.list && foreign.length >= 2) || ((n.decodedFrom || n.native) && foreign.length) ? 'low' : 'info';
  ctx.report({
    node: n.node,
    messageId: n.messageId,
    data: { ...n.data, count: plural(vendors.length, 'vendor'), vendors: vendors.map(v => `${v.name} (${v.country})`).join(', ') },
    severity,
    evidence: [...(n.evidence ?? []), ...describeHits(n.hits)],
    facts: [{ kind: 'data', vendors: vendors.map(v => v.id), countries: [...new Set(vendors.map(v => v.country))], own: foreign.length === 0 }],
    ...(n.related ? { related: n.related } : {}),
    vendor: vendors.map(v => v.id),
    country: [...new Set(vendors.map(v => v.country))],
    ...(n.decodedFrom ? { decodedFrom: n.decodedFrom } : {}),
    ...(n.fn !== undefined ? { fn: n.fn } : {}),
  });
}

/**
 * A host name (`deepseek.com`, `.moonshot.cn`) or a vendor's word alone (`"deepseek"`): what an
 * endpoint matcher is given. Not a header name, a file name or a sentence that mentions a vendor.
 */
function isHostOrVendorWord(text: string, keywords: KeywordMatcher): boolean {
  if (text.length > 100 || ENV_NAME.test(text) || URL_PATH.test(text)) return false;
  const hits = keywords.find(text);
  if (hits.length === 0) return false;
  return HOST_NAME.test(text) || hits.some(h => h.word === text.toLowerCase());
}

const HOST_NAME = /^\.?(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

/**
 * The name of the same-module function `call` calls, when the parameter argument `at` lands in
 * is compared inside it (`function isHostOrSubdomain(h, d) { return h === d || h.endsWith(\`.${d}\`) }`):
 * a vendor's host given to it is compared as surely as one written in the comparison.
 */
function comparingHelper(call: acorn.CallExpression, at: number, fn: number, ctx: RuleContext, compares: Map<string, boolean>): string | undefined {
  const { index, graph } = ctx.analysis();
  const target = graph.target(call, fn);
  if (!target || call.arguments.slice(0, at).some(a => a.type === 'SpreadElement')) return undefined;
  const position = at + target.argOffset;
  // Asked once per helper and parameter: a helper is usually called with many names.
  const key = `${target.callee}\0${position}`;
  let compared = compares.get(key);
  if (compared === undefined) compares.set(key, (compared = comparesParameter(target.callee, position, index)));
  const callee = calleeOf(call);
  return compared && callee.type === 'Identifier' ? callee.name : undefined;
}

/** Whether function `f` compares its parameter at `position` (a plain name, bound once, in `===`, `.endsWith(…)`, a template compared). */
function comparesParameter(f: number, position: number, index: ModuleIndex): boolean {
  const record = index.functions[f];
  const param = record.node.params[position];
  if (param?.type !== 'Identifier' || record.overwritten?.has(param.name) || record.mutated?.has(param.name)) return false;
  const uses = (side: Node): boolean => {
    const n = side.type === 'ChainExpression' ? side.expression : side;
    if (n.type === 'Identifier') return n.name === param.name;
    return n.type === 'TemplateLiteral' && n.expressions.some(e => e.type === 'Identifier' && e.name === param.name);
  };
  return index.comparisons.some(c => c.fn === f && (uses(c.left as Node) || uses(c.right as Node)) && index.binding(param.name, c.fn)?.scope === f);
}

function hitsOfList(values: Array<string | undefined>, ctx: RuleContext): KeywordHit[] {
  return countedHits(values.flatMap(v => (v === undefined || ENV_NAME.test(v) ? [] : ctx.keywords.find(v))), true);
}

function isRegExpConstructor(node: acorn.NewExpression | acorn.CallExpression): boolean {
  const callee = calleeOf(node);
  return callee.type === 'Identifier' && callee.name === 'RegExp';
}

/** An array literal that is the receiver of a comparison: `["deepseek"].includes(h)`. */
function isComparedArray(ctx: RuleContext): boolean {
  const parent = ctx.parent();
  const grand = ctx.parent(2);
  if (parent?.type !== 'MemberExpression' || grand?.type !== 'CallExpression' || calleeOf(grand) !== parent) return false;
  return ['includes', 'indexOf', 'some', 'find', 'findIndex', 'every', 'filter'].includes(calledMethod(grand) ?? '');
}

function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

export const vendorKeywords: Rule = {
  meta: {
    id: 'vendor-keywords',
    category: 'vendor',
    severity: 'low',
    title: 'Compares values with vendor names',
    description: 'String lists, regexes, switch chains and string comparisons that name AI or cloud vendors (keyword table in the catalog, with vendor and country). Low for a list naming several foreign vendors, info for one comparison; high only as region-gating.',
    messages: {
      list: 'List of {{length}} strings naming {{count}}: {{vendors}}',
      regex: 'Regular expression naming {{count}}: {{vendors}}',
      switch: 'switch over {{cases}} cases naming {{count}}: {{vendors}}',
      call: '.{{method}}({{value}}) naming {{count}}: {{vendors}}',
      compare: 'Comparison with {{value}} naming {{count}}: {{vendors}}',
      helper: 'Passes {{value}} to {{helper}}(), which compares it, naming {{count}}: {{vendors}}',
      decoded: 'Decoded list ({{recipe}}) of {{entries}} entries naming {{count}}: {{vendors}}',
      decodedUse: 'Compares {{subject}} with a decoded list from {{via}} ({{entries}} entries) naming {{count}}: {{vendors}}',
      native: 'String in {{place}} naming {{count}}: {{vendors}}',
    },
  },
  triggers: defaultKeywordMatcher().words(),
  triggersIgnoreCase: true,
  create(ctx) {
    // Texts handed to a function of the file (`isHostOrSubdomain(host, "deepseek.com")`): known
    // to be compared only once the whole file is indexed.
    const handed: Array<{ call: acorn.CallExpression; at: number; fn: number; value: string }> = [];
    return {
      'Program:exit'() {
        const compares = new Map<string, boolean>();
        for (const h of handed) {
          const helper = comparingHelper(h.call, h.at, h.fn, ctx, compares);
          if (!helper) continue;
          const literal = h.call.arguments[h.at] as Node;
          report(ctx, { node: literal, messageId: 'helper', data: { value: quoted(h.value), helper }, hits: countedHits(ctx.keywords.find(h.value), false), list: false, fn: h.fn });
        }
      },
      ArrayExpression(node) {
        // Vocabularies, emoji and word lists: thousands of entries are data, not a vendor list.
        if (node.elements.length > MAX_LIST) return;
        const hits = hitsOfList(node.elements.map(e => staticString(e)), ctx);
        const vendors = distinctVendors(hits).length;
        if (vendors >= 2 || (vendors === 1 && isComparedArray(ctx))) report(ctx, { node, messageId: 'list', data: { length: node.elements.length }, hits, list: true });
      },
      Literal(node) {
        if (!node.regex) return;
        report(ctx, { node, messageId: 'regex', data: {}, hits: countedHits(ctx.keywords.find(node.regex.pattern), true), list: true });
      },
      NewExpression(node) {
        if (!isRegExpConstructor(node)) return;
        const pattern = staticString(node.arguments[0]);
        if (pattern !== undefined) report(ctx, { node, messageId: 'regex', data: {}, hits: countedHits(ctx.keywords.find(pattern), true), list: true });
      },
      SwitchStatement(node) {
        const hits = hitsOfList(node.cases.map(c => staticString(c.test)), ctx);
        report(ctx, { node: node.discriminant, messageId: 'switch', data: { cases: node.cases.length }, hits, list: distinctVendors(hits).length >= 2 });
      },
      CallExpression(node) {
        if (isRegExpConstructor(node)) {
          const pattern = staticString(node.arguments[0]);
          if (pattern !== undefined) report(ctx, { node, messageId: 'regex', data: {}, hits: countedHits(ctx.keywords.find(pattern), true), list: true });
          return;
        }
        const method = calledMethod(node);
        if (node.callee.type === 'Identifier' && node.arguments.length <= 4) {
          node.arguments.forEach((a, at) => {
            const text = a.type === 'SpreadElement' ? undefined : staticString(a as Node);
            if (text !== undefined && isHostOrVendorWord(text, ctx.keywords)) handed.push({ call: node, at, fn: ctx.functionIndex(), value: text });
          });
        }
        if (!method || !COMPARE_METHODS.has(method) || method === 'test' || method === 'get') return;
        const value = staticString(node.arguments[0]);
        if (value === undefined || ENV_NAME.test(value) || URL_PATH.test(value)) return;
        report(ctx, { node: node.arguments[0], messageId: 'call', data: { method, value: quoted(value) }, hits: countedHits(ctx.keywords.find(value), false), list: false });
      },
      BinaryExpression(node) {
        if (!EQUALITY.has(node.operator)) return;
        const literal = staticString(node.left as Node) !== undefined ? (node.left as Node) : staticString(node.right) !== undefined ? node.right : undefined;
        const value = literal && staticString(literal);
        if (!literal || value === undefined || ENV_NAME.test(value) || URL_PATH.test(value)) return;
        report(ctx, { node: literal, messageId: 'compare', data: { value: quoted(value) }, hits: countedHits(ctx.keywords.find(value), false), list: false });
      },
      decoded({ decoded: d, use, table }) {
        // A string table's vendor names are summed up by encoded-list, once per table.
        // An entry of a decoded list (a string array read) is reported with its list.
        if ((table || d.within) && !use) return;
        const hits = hitsOfList(d.entries, ctx);
        const recipe = d.recipe.join(' -> ');
        if (use) {
          const subject = use.subject ? `\`${ctx.text.slice(use.subject.start, use.subject.end).slice(0, 40)}\`` : 'a value';
          const decodedAt = { start: d.site.start, end: d.site.end, message: `decoded here (${recipe}), ${d.entries.length} entries` };
          report(ctx, { node: use.node, messageId: 'decodedUse', data: { subject, via: use.via, entries: d.entries.length }, hits, list: true, evidence: [`recipe: ${recipe}`], related: [decodedAt] });
        } else {
          report(ctx, { node: d.site, messageId: 'decoded', data: { recipe, entries: d.entries.length }, hits, list: true, evidence: [`recipe: ${recipe}`], decodedFrom: recipe });
        }
      },
      nativeString(s) {
        const hits = countedInString(ctx.keywords, s.text);
        if (hits.length === 0) return;
        const at = wordIndex(s.text, hits[0].word);
        report(ctx, { node: { start: at, end: at + hits[0].word.length }, messageId: 'native', data: { place: s.unparsed ? 'code too deeply nested to parse' : 'native code' }, hits, list: false, native: true });
      },
    };
  },
};

/**
 * Unambiguous vendor words, and ambiguous ones only where they name a host in the string: a
 * host with a known top-level domain, as the strings pass reads them (`yi.res` is a file).
 */
export function countedInString(keywords: KeywordMatcher, text: string): KeywordHit[] {
  const hits = keywords.find(text);
  if (hits.every(h => !h.ambiguous)) return hits;
  const hostWords = new Set(extractEndpoints(text).flatMap(e => keywords.find(e.host).filter(h => h.inHost).map(h => h.word)));
  return hits.filter(h => !h.ambiguous || hostWords.has(h.word));
}

/** Where `word` first occurs as the keyword matcher sees it (not glued to letters or digits). */
function wordIndex(text: string, word: string): number {
  const lower = text.toLowerCase();
  let i = lower.indexOf(word);
  while (i > 0 && /[a-z0-9]/.test(lower[i - 1])) i = lower.indexOf(word, i + 1);
  return Math.max(0, i);
}

