// Region and vendor gating: a comparison whose one side is region or vendor data (a literal,
// a list, a Set, a regex, a decoded list) and whose other side's value comes from a probe
// (the timezone, the UTC offset, the locale, the API endpoint or proxy setting), followed
// through names, properties and same-module calls (js/flow.ts). Co-occurrence is never
// enough: `x.provider === "mistral"` next to a base-URL read is not a gate unless the
// provider value itself came from that read.
import type { Span } from '../../model';
import { staticString, type Node } from '../../js/ast';
import type { CallStep } from '../../js/callgraph';
import type { Comparison } from '../../js/moduleIndex';
import type { Reached } from '../../js/flow';
import { vendorById } from '../../catalog/vendors';
import { draftOf, type Draft } from '../findings';
import type { ProbeKind } from '../facts';
import type { CorrelationRule, ModuleAnalysis, RelatedSpan } from '../types';
import type { Marked } from './marks';
import type { Correlator, CorrelationInput, GateRecord } from './types';
import { resultSteps } from './where-it-goes';

export const regionGating: CorrelationRule = {
  meta: {
    id: 'region-gating',
    category: 'region',
    severity: 'high',
    title: 'Region or vendor gate',
    description: 'A comparison of region or vendor data (literal, list, Set, regex or decoded) with a value that flows from a timezone, UTC offset, locale, API endpoint or proxy read, followed through names, properties and same-module calls.',
    messages: {
      gate: 'Reads {{reads}}{{through}} and compares with {{compared}}',
    },
  },
  needs: ['timezone-probe', 'locale-probe', 'endpoint-config-read', 'vendor-keywords', 'region-literals'],
};

export const endpointCheck: CorrelationRule = {
  meta: {
    id: 'endpoint-check',
    category: 'vendor',
    severity: 'low',
    title: 'First-party endpoint check',
    description: 'Reads the API endpoint or proxy setting and compares it with the assistant\'s own vendor (host === "api.anthropic.com", low) or with one other vendor and no region (baseURL.includes("dashscope"), medium: usually compatibility handling for that provider).',
    messages: {
      check: "Reads {{reads}}{{through}} and compares it with the assistant's own vendor (first-party check)",
      oneVendor: 'Reads {{reads}}{{through}} and compares it with one vendor ({{compared}}): code that treats that endpoint differently',
    },
  },
  needs: ['endpoint-config-read', 'vendor-keywords'],
};

type Probe = Marked<'probe'>;
type Data = Marked<'data'>;

interface Hit {
  comparison: Comparison;
  /** The side that holds the data, for the finding's place. */
  dataSide: Node;
  data: Array<Reached<Data[]>>;
  probes: Array<Reached<Probe[]>>;
}

const READS: Record<ProbeKind, string> = {
  timezone: 'the timezone',
  offset: 'the UTC offset',
  locale: 'the locale',
  endpoint: 'the API endpoint or proxy setting',
  proxy: 'the API endpoint or proxy setting',
};
const READ_ORDER: ProbeKind[] = ['timezone', 'offset', 'locale', 'endpoint', 'proxy'];

/** Value shapes that can hold data or a probe's value; others (`this`, numbers, functions) cannot. */
const VALUE_TYPES = new Set<string>([
  'Identifier', 'MemberExpression', 'CallExpression', 'NewExpression', 'ChainExpression', 'AwaitExpression', 'YieldExpression', 'ParenthesizedExpression',
  'LogicalExpression', 'ConditionalExpression', 'SequenceExpression', 'TemplateLiteral', 'BinaryExpression', 'ArrayExpression', 'Literal', 'UnaryExpression',
]);

const DATA_CALL_DEPTH = 1;
const ORDERINGS = new Set(['<', '<=', '>', '>=']);

function findHits(input: CorrelationInput): Hit[] {
  const { analysis, marks } = input;
  const dataMark = marks.marker('data');
  const probeMark = marks.marker('probe');
  if (marks.all('probe').length === 0 || marks.all('data').length === 0) return [];
  const hits: Hit[] = [];
  for (const c of analysis.index.comparisons) {
    // `x === "text"`, `typeof x == "string"`, `n > 0`: a constant side that is not region or
    // vendor data leaves nothing to compare a probe with (most comparisons of any bundle).
    if ((isConstant(c.left) && !dataMark(c.left)) || (isConstant(c.right) && !dataMark(c.right))) continue;
    // `i < list.length`, `a >= b`: an order compares numbers, and the only numeric region data
    // is a UTC offset written in the comparison itself (region-literals marks nothing else).
    if (ORDERINGS.has(c.how) && !isConstant(c.left) && !isConstant(c.right)) continue;
    for (const [dataSide, valueSide] of [
      [c.right, c.left],
      [c.left, c.right],
    ] as const) {
      if (!VALUE_TYPES.has(dataSide.type) || !VALUE_TYPES.has(valueSide.type)) continue;
      if (isPlainLiteral(valueSide)) continue;
      // Region and vendor data is written near its comparison: one call level is enough (a
      // list passed to a matcher, a decoded list a helper returns); probes travel further.
      const data = analysis.flow.origins(dataSide, c.fn, dataMark, DATA_CALL_DEPTH);
      if (data.length === 0) continue;
      const probes = analysis.flow.origins(valueSide, c.fn, probeMark);
      if (probes.length === 0) continue;
      hits.push({ comparison: c, dataSide, data, probes });
      break;
    }
  }
  return hits;
}

/** A literal, a `typeof`, a negated number: constants. */
function isConstant(node: Node): boolean {
  if (node.type === 'Literal' || staticString(node) !== undefined) return true;
  if (node.type === 'UnaryExpression') return node.operator === 'typeof' || node.operator === 'void' || node.argument.type === 'Literal';
  return node.type === 'Identifier' && node.name === 'undefined';
}

/** A literal never carries a probe's value. */
function isPlainLiteral(node: Node): boolean {
  return node.type === 'Literal' || staticString(node) !== undefined;
}

interface Verdict {
  rule: CorrelationRule;
  severity: 'high' | 'medium' | 'low';
  compared: string[];
}

/** What a group of hits amounts to, by what was read and what it was compared with. */
function verdict(probes: readonly Probe[], data: readonly Data[]): Verdict | undefined {
  const kinds = new Set(probes.map(p => p.fact.probe));
  const facts = data.map(d => d.fact);
  const regionTz = facts.some(f => f.region === 'timezone');
  const regionLocale = facts.some(f => f.region === 'locale');
  const foreign = facts.some(f => !f.own && f.vendors.length > 0);
  const foreignVendors = new Set(facts.flatMap(f => (f.own ? [] : f.vendors)));
  const ownOnly = !foreign && !regionTz && !regionLocale && facts.some(f => f.vendors.length > 0);
  const where = kinds.has('timezone') || kinds.has('offset');
  const endpoint = kinds.has('endpoint') || kinds.has('proxy');
  const compared = [...(regionTz ? ['region timezones'] : []), ...(regionLocale && !where && !endpoint ? [] : regionLocale ? ['region language tags'] : []), ...(foreign ? ['vendor names'] : [])];
  // An endpoint compared with one vendor and nothing else is how multi-provider clients adapt to
  // that provider (`isAnthropicNativeBaseUrl`, `baseURL.includes("dashscope")`); a gate checks a list.
  if (endpoint && !where && !kinds.has('locale') && !regionTz && !regionLocale && foreignVendors.size === 1) {
    return { rule: endpointCheck, severity: 'medium', compared: [...foreignVendors].map(id => vendorById(id)?.name ?? id) };
  }
  if ((where && (regionTz || foreign || regionLocale)) || (endpoint && (foreign || regionTz)) || (kinds.has('locale') && regionTz)) {
    return { rule: regionGating, severity: 'high', compared };
  }
  if (kinds.has('locale') && foreign) return { rule: regionGating, severity: 'medium', compared };
  if (endpoint && ownOnly) return { rule: endpointCheck, severity: 'low', compared: ["the assistant's own vendor"] };
  // A locale compared with a language tag is localisation, not gating.
  return undefined;
}

function gateDrafts(input: CorrelationInput): { added: Draft[]; gates: GateRecord[] } {
  const byFunction = new Map<string, Hit[]>();
  for (const hit of findHits(input)) {
    // One finding per function: its comparisons are one gate. Module-level ones stand alone.
    const owner = input.analysis.index.ownerOf(hit.comparison.fn);
    const key = owner >= 0 ? `f${owner}` : `m${hit.comparison.node.start}`;
    let list = byFunction.get(key);
    if (!list) byFunction.set(key, (list = []));
    list.push(hit);
  }
  const added: Draft[] = [];
  const gates: GateRecord[] = [];
  for (const hits of byFunction.values()) {
    hits.sort((a, b) => a.comparison.node.start - b.comparison.node.start);
    const probes = unique(hits.flatMap(h => h.probes.flatMap(r => r.mark)));
    const data = unique(hits.flatMap(h => h.data.flatMap(r => r.mark)));
    const v = verdict(probes, data);
    if (!v) continue;
    const draft = gateDraft(hits, probes, data, v, input);
    added.push(draft);
    if (v.rule === regionGating) gates.push({ draft, comparisons: hits.map(h => h.comparison.node) });
  }
  return { added, gates };
}

function gateDraft(hits: Hit[], probes: Probe[], data: Data[], v: Verdict, input: CorrelationInput): Draft {
  const { analysis } = input;
  const first = hits[0];
  // The place a reader looks first: the data written in the comparison, else the comparison.
  const site: Span = input.marks.at(first.dataSide, 'data') ? first.dataSide : first.comparison.node;
  const kinds = READ_ORDER.filter(k => probes.some(p => p.fact.probe === k));
  const reads = [...new Set(kinds.map(k => READS[k]))];
  const calls = orderedCalls(hits, kinds);
  const through = calls.length ? ` (through ${calls.map(c => `${calleeName(c, analysis)}()`).join(', ')})` : '';
  const facts = data.map(d => d.fact);
  const vendors = [...new Set(facts.flatMap(f => (f.own ? [] : f.vendors)))];
  const countries = [...new Set([...facts.flatMap(f => f.countries), ...vendors.map(id => vendorById(id)?.country).filter((c): c is string => !!c)])];
  const related: RelatedSpan[] = [
    ...probes.map(p => step(p.draft, `${p.draft.ruleId}: ${p.draft.message}`)),
    ...data.filter(d => d.draft.start !== site.start || d.draft.end !== site.end).map(d => step(d.draft, d.draft.fields.decodedFrom ? `decoded here (${d.draft.fields.decodedFrom})` : `${d.draft.ruleId}: ${d.draft.message}`)),
    ...containingDataDrafts(hits, input).map(d => step(d, `${d.ruleId}: ${d.message}`)),
    ...calls.map(c => ({ start: c.call.start, end: c.call.end, message: `calls ${calleeName(c, analysis)}(), whose return value is compared here: ${describeReads(hits, c)}` })),
    // Another comparison of the gate, unless the data it compares with is shown inside it already.
    ...hits
      .slice(1)
      .filter(h => !data.some(d => h.comparison.node.start <= d.draft.start && d.draft.end <= h.comparison.node.end))
      .map(h => ({ start: h.comparison.node.start, end: h.comparison.node.end, message: 'compares here too' })),
  ].sort((a, b) => a.start - b.start);
  const fn = analysis.index.ownerOf(first.comparison.fn);
  return draftOf(v.rule.meta, {
    node: site,
    messageId: v.rule === regionGating ? 'gate' : v.severity === 'medium' ? 'oneVendor' : 'check',
    data: { reads: reads.join(' and '), through, compared: v.compared.join(' and ') },
    severity: v.severity,
    evidence: [...new Set([...data, ...probes].flatMap(m => m.draft.evidence))],
    related: [...dedupe(related), ...(v.rule === regionGating ? resultSteps(fn, analysis) : [])],
    ...(vendors.length ? { vendor: vendors } : {}),
    ...(countries.length ? { country: countries } : {}),
  }, fn);
}

/** Drafts with data that wrap a gate comparison: `a().some(z => q === z)` reported as a comparison with a decoded list. */
function containingDataDrafts(hits: Hit[], input: CorrelationInput): Draft[] {
  const out: Draft[] = [];
  for (const m of input.marks.all('data')) {
    if (hits.some(h => m.draft.start < h.comparison.node.start && h.comparison.node.end <= m.draft.end && m.draft.end - m.draft.start < 4000)) out.push(m.draft);
  }
  return unique(out);
}

/** The calls the probes' values came through, timezone first, each once. */
function orderedCalls(hits: Hit[], kinds: ProbeKind[]): CallStep[] {
  const out: CallStep[] = [];
  for (const kind of kinds) {
    for (const h of hits) {
      for (const r of h.probes) {
        if (!r.mark.some(p => p.fact.probe === kind) || r.calls.length === 0) continue;
        const c = r.calls[0];
        if (!out.some(x => x.call === c.call)) out.push(c);
      }
    }
  }
  return out;
}

function describeReads(hits: Hit[], call: CallStep): string {
  const kinds = new Set<ProbeKind>();
  for (const h of hits) for (const r of h.probes) if (r.calls[0]?.call === call.call) for (const p of r.mark) kinds.add(p.fact.probe);
  return [...new Set(READ_ORDER.filter(k => kinds.has(k)).map(k => READS[k]))].join(' and ') || 'a value';
}

function calleeName(step: CallStep, analysis: ModuleAnalysis): string {
  const callee = step.call.callee;
  if (callee.type === 'Identifier') return callee.name;
  const text = analysis.index.sourceOf(callee);
  return text.length <= 40 ? text : 'a function';
}

function step(d: Span, message: string): RelatedSpan {
  return { start: d.start, end: d.end, message };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function dedupe(related: RelatedSpan[]): RelatedSpan[] {
  return related.filter((r, i) => related.findIndex(x => x.start === r.start && x.end === r.end && x.message === r.message) === i);
}

export const gateCorrelator: Correlator = {
  rules: [regionGating, endpointCheck],
  run(input) {
    const { added, gates } = gateDrafts(input);
    input.gates.push(...gates);
    return { added };
  },
};

