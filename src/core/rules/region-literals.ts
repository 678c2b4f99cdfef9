// Region markers compared or listed: mainland China, Hong Kong, Macau and Taiwan time zones
// (IANA and Windows names, `PRC`, in any letter case), Chinese locale tags, and the UTC+8
// offset (-480 in getTimezoneOffset's sign) compared with a timezone offset. Each carries
// region data for region-gating. Only literals that are compared, listed (arrays, Sets, object
// keys) or matched by a regex count; timezone tables and translation keys do not.
import type * as acorn from 'acorn';
import { staticString, unwrapChain, type Node } from '../js/ast';
import type { RegionKind } from './facts';
import type { RelatedSpan, Rule, RuleContext } from './types';
import { comparisonUse, EQUALITY, SMALL_LIST } from './util/values';
import { calledMethod, calleeOf } from '../js/ast';

const TIMEZONES = new Map<string, string>(
  [
    ['Asia/Shanghai', 'CN'], ['Asia/Chongqing', 'CN'], ['Asia/Chungking', 'CN'], ['Asia/Harbin', 'CN'], ['Asia/Urumqi', 'CN'], ['Asia/Kashgar', 'CN'],
    ['PRC', 'CN'], ['China Standard Time', 'CN'],
    ['Asia/Hong_Kong', 'HK'], ['Hongkong', 'HK'], ['Asia/Macau', 'MO'], ['Asia/Macao', 'MO'],
    ['Asia/Taipei', 'TW'], ['Taipei Standard Time', 'TW'],
  ].map(([k, v]) => [k.toLowerCase(), v]),
);

const LOCALES = new Map<string, string>([
  ['zh-cn', 'CN'], ['zh_cn', 'CN'], ['zh-hans-cn', 'CN'], ['zh-hans', 'CN'], ['zh-sg', 'SG'],
  ['zh-hk', 'HK'], ['zh_hk', 'HK'], ['zh-hant-hk', 'HK'], ['zh-mo', 'MO'], ['zh-tw', 'TW'], ['zh_tw', 'TW'], ['zh-hant-tw', 'TW'], ['zh-hant', 'TW'],
]);

/** Arrays and objects up to this size are lists of choices (a Set of Chinese time zones), larger ones tables. */
const MAX_LIST = 64;
const IANA_ZONE = /^(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/;

/** A region marker and where it points: a timezone (medium) or a language tag (low). Any letter case. */
export function regionMarkerOf(value: string, amongMarkers = false): { kind: RegionKind; region: string } | undefined {
  if (value.length > 40) return undefined;
  const lower = value.trim().toLowerCase();
  // `prc` in lower case is also a file extension (MIME tables list it for Mobipocket books): the
  // zone name counts written as IANA spells it, or in a list of other region markers.
  if (lower === 'prc' && value.trim() !== 'PRC' && !amongMarkers) return undefined;
  const tz = TIMEZONES.get(lower);
  if (tz) return { kind: 'timezone', region: tz };
  const locale = LOCALES.get(lower);
  return locale ? { kind: 'locale', region: locale } : undefined;
}

/** Region markers inside a regex's source: `/^asia\/(shanghai|urumqi)$/i`. */
function regexMarkers(pattern: string): Array<{ name: string; kind: RegionKind; region: string }> {
  const text = pattern.replace(/\\\//g, '/').toLowerCase();
  const out: Array<{ name: string; kind: RegionKind; region: string }> = [];
  for (const [name, region] of TIMEZONES) {
    const city = name.includes('/') ? name.slice(name.indexOf('/') + 1) : name;
    if (city.length >= 4 && text.includes(city) && (name.includes('/') ? text.includes('asia') || text.includes(city) : true)) out.push({ name, kind: 'timezone', region });
  }
  return out;
}

interface Marker {
  value: string;
  kind: RegionKind;
  region: string;
}

function report(ctx: RuleContext, node: { start: number; end: number }, messageId: string, markers: Marker[], data: Record<string, string | number>, related: RelatedSpan[] = [], decodedFrom?: string, cap?: 'low') {
  const timezone = markers.some(m => m.kind === 'timezone');
  const regions = [...new Set(markers.map(m => m.region))];
  ctx.report({
    node,
    messageId,
    data: { ...data, markers: markers.slice(0, 5).map(m => m.value).join(', ') },
    severity: timezone && !cap ? 'medium' : 'low',
    evidence: [...(decodedFrom ? [`recipe: ${decodedFrom}`] : []), ...markers.slice(0, 10).map(m => `${m.value} (${m.region})`)],
    facts: [{ kind: 'data', vendors: [], countries: regions, region: timezone ? 'timezone' : 'locale', own: false }],
    related,
    country: regions,
    ...(decodedFrom ? { decodedFrom } : {}),
  });
}

/** -480 (UTC+8 in getTimezoneOffset's sign convention), or 480 against a negated offset. */
function isUtcPlus8Offset(node: Node): boolean {
  node = unwrapChain(node);
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal') return node.argument.value === 480;
  return node.type === 'Literal' && node.value === 480;
}

function mentionsOffset(ctx: RuleContext, node: Node): boolean {
  const text = (n: Node) => ctx.text.slice(n.start, Math.min(n.end, n.start + 2000));
  if (text(node).includes('getTimezoneOffset')) return true;
  const bound = node.type === 'Identifier' ? ctx.resolve(node) : undefined;
  return !!bound && text(bound).includes('getTimezoneOffset');
}

function markersOf(values: Array<string | undefined>): Marker[] {
  const found = (among: boolean) =>
    values.flatMap(v => {
      const m = v === undefined ? undefined : regionMarkerOf(v, among);
      return m ? [{ value: v!, ...m }] : [];
    });
  const strict = found(false);
  return strict.length ? found(true) : strict;
}

/** The list at the end of `ctx.path` is compared with something: `[…].includes(x)`, `new Set([…])`, `x in {…}`. */
function isCompared(ctx: RuleContext): boolean {
  const parent = ctx.parent();
  const grand = ctx.parent(2);
  if (parent?.type === 'MemberExpression' && grand?.type === 'CallExpression' && calleeOf(grand) === parent) {
    return ['includes', 'indexOf', 'some', 'find', 'findIndex', 'has', 'test'].includes(calledMethod(grand) ?? '');
  }
  if (parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && (parent.callee.name === 'Set' || parent.callee.name === 'Map')) return true;
  return parent?.type === 'BinaryExpression' && parent.operator === 'in';
}

export const regionLiterals: Rule = {
  meta: {
    id: 'region-literals',
    category: 'region',
    severity: 'medium',
    title: 'Compares with region markers',
    description: 'Compares values with China, Hong Kong, Macau or Taiwan time zone names (IANA and Windows, any letter case), PRC, Chinese language tags, or the UTC+8 offset (-480); in comparisons, switch cases, lists, Sets, object keys and regexes.',
    messages: {
      compare: 'Compares with the region {{what}} {{markers}}',
      list: 'Lists {{count}} region markers: {{markers}}',
      regex: 'Regular expression matching region time zones: {{markers}}',
      offset: 'Compares the UTC offset with {{offset}} (UTC+8: China, Hong Kong, Taiwan, Singapore, ...)',
      decoded: 'Decoded value ({{recipe}}) holds region markers: {{markers}}',
      decodedUse: 'Compares with region markers decoded from {{via}} ({{recipe}}): {{markers}}',
    },
  },
  triggers: ['Asia', 'PRC', 'China', 'Hongkong', 'Taipei', 'zh-', 'zh_', '480'],
  triggersIgnoreCase: true,
  create(ctx) {
    const single = (node: Node, value: string) => {
      const marker = regionMarkerOf(value);
      if (!marker) return;
      const use = comparisonUse(ctx);
      // In a list the list reports; otherwise only a compared literal counts.
      if (use !== 'compare') return;
      report(ctx, node, 'compare', [{ value, ...marker }], { what: marker.kind === 'timezone' ? 'time zone' : 'language tag' });
    };
    const list = (node: acorn.ArrayExpression | acorn.ObjectExpression, values: Array<string | undefined>) => {
      if (values.length > MAX_LIST) return;
      // Object keys count as a lookup of time zones only (locale keys are translation tables).
      const markers = markersOf(values).filter(m => node.type === 'ArrayExpression' || m.kind === 'timezone');
      // A picker of all time zones names one or two of these among many: a table, not a list of regions.
      if (markers.length === 0 || (values.length > SMALL_LIST && markers.length * 2 < values.length)) return;
      // Zones of every continent with one Chinese zone among them: a picker or offset table.
      const otherZones = values.filter(v => v !== undefined && IANA_ZONE.test(v) && !regionMarkerOf(v)).length;
      if (otherZones >= Math.max(3, markers.length * 2)) return;
      // A row of a table (`[["Asia/Shanghai", "CN"], …]`) is data, not a list of choices.
      if (node.type === 'ArrayExpression' && ctx.parent()?.type === 'ArrayExpression') return;
      if (node.type === 'ObjectExpression' && node.properties.some(p => p.type !== 'Property' || (p.value.type !== 'Literal' && p.value.type !== 'Identifier' && p.value.type !== 'UnaryExpression'))) return;
      report(ctx, node, 'list', markers, { count: markers.length }, [], undefined, isCompared(ctx) ? undefined : 'low');
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') single(node, node.value);
        else if (node.regex) {
          const found = regexMarkers(node.regex.pattern);
          if (found.length) report(ctx, node, 'regex', found.map(f => ({ value: f.name, kind: f.kind, region: f.region })), {});
        }
      },
      TemplateLiteral(node) {
        const value = staticString(node);
        if (value !== undefined) single(node, value);
      },
      ArrayExpression(node) {
        // `new Map([["Asia/Shanghai", "cn"], …])` keyed by region markers only: the keys are the
        // list a lookup compares with. A table of zones of several regions is data.
        const parent = ctx.parent();
        if (parent?.type === 'NewExpression' && parent.callee.type === 'Identifier' && parent.callee.name === 'Map' && !ctx.isBound(parent.callee)) {
          const keys = node.elements.map(e => (e?.type === 'ArrayExpression' && e.elements.length === 2 ? staticString(e.elements[0]) : undefined));
          if (keys.every(k => k !== undefined && regionMarkerOf(k))) return list(node, keys);
        }
        list(node, node.elements.map(e => staticString(e)));
      },
      ObjectExpression(node) {
        list(node, node.properties.map(p => (p.type === 'Property' && !p.computed ? (p.key.type === 'Identifier' ? p.key.name : staticString(p.key)) : undefined)));
      },
      BinaryExpression(node) {
        if (!EQUALITY.has(node.operator) && !['<', '<=', '>', '>='].includes(node.operator)) return;
        const left = node.left as Node;
        const [offset, other] = isUtcPlus8Offset(node.right) ? [node.right, left] : isUtcPlus8Offset(left) ? [left, node.right] : [];
        if (!offset || !other || !mentionsOffset(ctx, other)) return;
        report(ctx, offset, 'offset', [{ value: ctx.text.slice(offset.start, offset.end), kind: 'timezone', region: 'CN' }], { offset: ctx.text.slice(offset.start, offset.end) });
      },
      decoded({ decoded: d, use }) {
        const markers = markersOf(d.entries);
        if (markers.length === 0) return;
        const recipe = d.recipe.join(' -> ');
        if (use) {
          report(ctx, use.node, 'decodedUse', markers, { via: use.via, recipe }, [{ start: d.site.start, end: d.site.end, message: `decoded here (${recipe})` }]);
        } else {
          report(ctx, d.site, 'decoded', markers, { recipe }, [], recipe);
        }
      },
    };
  },
};
