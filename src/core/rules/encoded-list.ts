// An encoded literal that decodes to host names, vendor names or region markers. Shipping a
// list hidden from a plain search is itself a signal: `deepseek` never appears in a file whose
// vendor list is base64+XOR. Data blobs (images, fonts, wasm, source maps, random bytes) do
// not decode to such lists and do not fire.
import { isProgramText } from '../js/parse';
import { countedHits, describeHits, distinctVendors } from '../catalog/keywords';
import type { Rule, RuleContext } from './types';
import { regionMarkerOf } from './region-literals';
import type { DecodedValue } from '../js/decode';

const HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
const SAMPLE = 12;

export interface ListContent {
  hosts: string[];
  regions: string[];
  hits: ReturnType<typeof countedHits>;
}

/** What a decoded list holds that matters: host names, region markers, vendor keywords. */
export function listContent(entries: readonly string[], ctx: Pick<RuleContext, 'keywords'>): ListContent {
  const short = entries.filter(e => e.length <= 253);
  return {
    hosts: short.filter(e => HOST.test(e)),
    regions: short.filter(e => regionMarkerOf(e) !== undefined),
    hits: countedHits(short.flatMap(e => ctx.keywords.find(e)), true),
  };
}

function matters(c: ListContent): boolean {
  return c.hosts.length >= 2 || c.regions.length >= 1 || distinctVendors(c.hits).length >= 1;
}

export function describeList(entries: readonly string[], c: ListContent): string {
  return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}: ${describeContent(c)}`;
}

function describeContent(c: ListContent): string {
  const parts: string[] = [];
  if (c.hosts.length) parts.push(`${c.hosts.length} host name${c.hosts.length > 1 ? 's' : ''}`);
  const vendors = distinctVendors(c.hits);
  if (vendors.length) parts.push(`${vendors.length} vendor${vendors.length > 1 ? 's' : ''} (${vendors.map(v => `${v.name} ${v.country}`).join(', ')})`);
  if (c.regions.length) parts.push(`region markers ${c.regions.slice(0, 8).join(', ')}${c.regions.length > 8 ? ` and ${c.regions.length - 8} more` : ''}`);
  return parts.join('; ');
}

export function sampleEvidence(entries: readonly string[]): string {
  const shown = entries.slice(0, SAMPLE).map(e => (e.length > 60 ? `${e.slice(0, 60)}…` : e));
  return `decodes to: ${shown.join(', ')}${entries.length > SAMPLE ? `, … (${entries.length - SAMPLE} more)` : ''}`;
}

export const encodedList: Rule = {
  meta: {
    id: 'encoded-list',
    category: 'obfuscation',
    severity: 'medium',
    title: 'Encoded list of hosts, vendors or regions',
    description: 'A base64, hex, XOR, char-code or reversed literal that decodes statically to host names, vendor names or region markers.',
    messages: {
      list: 'Encoded list ({{recipe}}) decodes to {{content}}',
      table: 'String table of {{size}} encoded strings decoded by one helper; they hold {{content}}',
    },
  },
  triggers: [],
  create(ctx) {
    // Values of one string table, by helper or key, in the order they are decoded.
    const tables = new Map<string, DecodedValue[]>();
    return {
      decoded({ decoded: d, use, table }) {
        if (use || d.within) return;
        if (table && d.group !== undefined) {
          const values = tables.get(d.group) ?? [];
          values.push(d);
          tables.set(d.group, values);
          return;
        }
        // A script shipped encoded (Sentry's local-variables worker, run by a Worker): code, not a list.
        if (typeof d.value === 'string' && isProgramText(d.value)) return;
        const content = listContent(d.entries, ctx);
        if (!matters(content)) return;
        const at = d.literal ?? d.site;
        const recipe = d.recipe.join(' -> ');
        const vendors = distinctVendors(content.hits);
        ctx.report({
          node: at,
          messageId: 'list',
          data: { recipe, content: describeList(d.entries, content) },
          evidence: [`recipe: ${recipe}`, sampleEvidence(d.entries), ...describeHits(content.hits)],
          related: d.site !== at ? [{ start: d.site.start, end: d.site.end, message: `decoded here (${recipe})` }] : [],
          decodedFrom: recipe,
          ...(vendors.length ? { vendor: vendors.map(v => v.id), country: [...new Set(vendors.map(v => v.country))] } : {}),
        });
      },
      decodedEnd() {
        for (const values of tables.values()) reportTable(ctx, values);
      },
    };
  },
};

/**
 * One finding for a whole string table: what matters among its strings (hosts, vendors,
 * region markers), shown with the helper that decodes them and the first call that reads one.
 */
function reportTable(ctx: RuleContext, values: readonly DecodedValue[]): void {
  const entries = [...new Set(values.flatMap(v => v.entries))];
  const content = listContent(entries, ctx);
  if (!matters(content)) return;
  const first = values[0];
  const recipe = first.recipe.join(' -> ');
  const vendors = distinctVendors(content.hits);
  const helperNode = first.helper !== undefined ? ctx.analysis().index.functions[first.helper]?.node : undefined;
  // The strings that matter, not the thousands of messages around them.
  const words = new Set(content.hits.map(h => h.word));
  const plain = new Set([...content.regions, ...content.hosts]);
  const shown = entries.filter(e => plain.has(e) || ctx.keywords.find(e).some(h => words.has(h.word)));
  ctx.report({
    node: first.site,
    messageId: 'table',
    data: { size: values.length, recipe, content: describeContent(content) },
    evidence: [`recipe: ${recipe}`, sampleEvidence(shown), ...describeHits(content.hits)],
    related: helperNode ? [{ start: helperNode.start, end: helperNode.end, message: `the helper that decodes all ${values.length} strings` }] : [],
    decodedFrom: recipe,
    ...(vendors.length ? { vendor: vendors.map(v => v.id), country: [...new Set(vendors.map(v => v.country))] } : {}),
  });
}
