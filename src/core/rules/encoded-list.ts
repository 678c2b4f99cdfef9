// An encoded literal that decodes to host names, vendor names or region markers. Shipping a
// list hidden from a plain search is itself a signal: `deepseek` never appears in a file whose
// vendor list is base64+XOR. Data blobs (images, fonts, wasm, source maps, random bytes) do
// not decode to such lists and do not fire.
import { countedHits, describeHits, distinctVendors } from '../catalog/keywords';
import type { Rule, RuleContext } from './types';
import { regionMarkerOf } from './region-literals';

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
  const parts: string[] = [];
  if (c.hosts.length) parts.push(`${c.hosts.length} host name${c.hosts.length > 1 ? 's' : ''}`);
  const vendors = distinctVendors(c.hits);
  if (vendors.length) parts.push(`${vendors.length} vendor${vendors.length > 1 ? 's' : ''} (${vendors.map(v => `${v.name} ${v.country}`).join(', ')})`);
  if (c.regions.length) parts.push(`region markers ${c.regions.join(', ')}`);
  return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}: ${parts.join('; ')}`;
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
    },
  },
  triggers: [],
  create(ctx) {
    return {
      decoded({ decoded: d, use }) {
        if (use) return;
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
    };
  },
};
