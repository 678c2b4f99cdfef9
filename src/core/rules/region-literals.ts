// Region markers in comparisons: mainland China / Hong Kong / Macau timezone names, `PRC`,
// Chinese locale tags, and the UTC+8 offset (-480) compared with a timezone offset.
// Only literals that are compared or listed count; timezone tables and translation keys do not.
import { staticString, unwrapChain, type AstNode } from '../js/ast';
import type { FactKind, Rule, RuleContext, Span } from './types';
import type { RawRelated } from './raw';
import { comparisonSubject, comparisonUse, EQUALITY } from './util/values';

const TIMEZONES = new Map<string, string>([
  ['Asia/Shanghai', 'CN'],
  ['Asia/Chongqing', 'CN'],
  ['Asia/Chungking', 'CN'],
  ['Asia/Harbin', 'CN'],
  ['Asia/Urumqi', 'CN'],
  ['Asia/Kashgar', 'CN'],
  ['PRC', 'CN'],
  ['China Standard Time', 'CN'],
  ['Asia/Hong_Kong', 'HK'],
  ['Hongkong', 'HK'],
  ['Asia/Macau', 'MO'],
  ['Asia/Macao', 'MO'],
]);

const LOCALES = new Map<string, string>([
  ['zh-cn', 'CN'],
  ['zh_cn', 'CN'],
  ['zh-hans-cn', 'CN'],
  ['zh-hans', 'CN'],
  ['zh-hk', 'HK'],
  ['zh_hk', 'HK'],
  ['zh-mo', 'MO'],
]);

const COMPARISON = new Set([...EQUALITY, '<', '<=', '>', '>=']);

/** A region marker and where it points: a timezone (medium) or a language tag (low). */
export function regionMarkerOf(value: string): { kind: 'timezone' | 'locale'; region: string } | undefined {
  const tz = TIMEZONES.get(value);
  if (tz) return { kind: 'timezone', region: tz };
  const locale = LOCALES.get(value.toLowerCase());
  return locale ? { kind: 'locale', region: locale } : undefined;
}

function reportMarker(ctx: RuleContext, node: AstNode, value: string) {
  const use = comparisonUse(ctx);
  if (!use) return;
  const marker = regionMarkerOf(value);
  if (!marker) return;
  const how = use === 'list' ? 'Lists' : 'Compares with';
  const subject = comparisonSubject(ctx);
  // A list nobody is seen comparing with is weaker evidence than a comparison.
  const listedOnly = use === 'list' && !subject;
  if (marker.kind === 'timezone') {
    report(ctx, node, `${how} the region timezone ${JSON.stringify(value)}`, [`${value} (${marker.region})`], 'match:region-timezone', listedOnly ? 'low' : 'medium', subject);
  } else {
    report(ctx, node, `${how} the language tag ${JSON.stringify(value)}`, [`${value} (${marker.region})`], 'match:region-locale', 'low', subject);
  }
}

function report(ctx: Pick<RuleContext, 'report'>, node: Span, message: string, evidence: string[], kind: FactKind, severity: 'low' | 'medium', subject?: AstNode, related: RawRelated[] = []) {
  ctx.report(node, message, { evidence, severity, facts: [{ kind, ...(subject ? { subject } : {}) }], related });
}

/** -480 (UTC+8 in getTimezoneOffset's sign convention) */
function isUtcPlus8Offset(node: AstNode): boolean {
  node = unwrapChain(node);
  return node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal' && node.argument.value === 480;
}

function mentionsOffset(ctx: RuleContext, node: AstNode): boolean {
  const text = (n: AstNode) => ctx.text.slice(n.start, n.end);
  if (text(node).includes('getTimezoneOffset')) return true;
  const bound = node.type === 'Identifier' ? ctx.resolve(node) : undefined;
  return !!bound && text(bound).includes('getTimezoneOffset');
}

export const regionLiterals: Rule = {
  id: 'region-literals',
  category: 'region',
  severity: 'medium',
  title: 'Compares with region markers',
  description: 'Compares values with China, Hong Kong or Macau timezone names, PRC, Chinese language tags, or the UTC+8 offset (-480).',
  triggers: ['Asia/', 'PRC', 'China Standard Time', 'Hongkong', 'zh-', 'zh_', '480'],
  triggersIgnoreCase: true,
  visitors: {
    Literal(node, ctx) {
      if (typeof node.value === 'string') reportMarker(ctx, node, node.value);
    },
    TemplateLiteral(node, ctx) {
      const value = staticString(node);
      if (value !== undefined) reportMarker(ctx, node, value);
    },
    BinaryExpression(node, ctx) {
      if (!COMPARISON.has(node.operator)) return;
      const [offset, other] = isUtcPlus8Offset(node.right) ? [node.right, node.left] : isUtcPlus8Offset(node.left) ? [node.left, node.right] : [];
      if (!offset || !mentionsOffset(ctx, other)) return;
      report(ctx, node, 'Compares the UTC offset with -480 (UTC+8: China, Hong Kong, Singapore, ...)', ['offset -480 (UTC+8)'], 'match:region-timezone', 'medium', other);
    },
  },
  decoded({ decoded: d, use }, ctx) {
    const markers = d.entries.filter(e => regionMarkerOf(e));
    if (markers.length === 0) return;
    const timezones = markers.filter(e => regionMarkerOf(e)!.kind === 'timezone');
    const kind: FactKind = timezones.length ? 'match:region-timezone' : 'match:region-locale';
    const evidence = [`recipe: ${d.recipe.join(' -> ')}`, ...markers.slice(0, 10).map(m => `${m} (${regionMarkerOf(m)!.region})`)];
    const severity = timezones.length ? 'medium' : 'low';
    if (use) {
      report(ctx, use.node, `Compares with region markers decoded from ${use.via} (${d.recipe.join(' -> ')}): ${markers.slice(0, 5).join(', ')}`, evidence, kind, severity, use.subject, [
        { start: d.site.start, end: d.site.end, message: `decoded here (${d.recipe.join(' -> ')})` },
      ]);
    } else {
      report(ctx, d.site, `Decoded value (${d.recipe.join(' -> ')}) holds region markers: ${markers.slice(0, 5).join(', ')}`, evidence, kind, severity);
    }
  },
};
