// Proposed (unstable, unpublished) VS Code APIs an extension enables. They are allowed only
// for extensions Microsoft lets use them; some grant powers the stable API withholds
// (chat internals, terminal data, authentication sessions).
import type { ManifestRule } from './types';

export const proposedApi: ManifestRule = {
  meta: {
    id: 'proposed-api',
    category: 'manifest',
    severity: 'low',
    title: 'Uses proposed VS Code APIs',
    description: 'enabledApiProposals in an extension manifest; the proposals are evidence.',
    messages: {
      proposals: 'Enables {{count}} proposed API(s): {{names}}',
    },
  },
  check(manifest, ctx) {
    const proposals = manifest.enabledApiProposals;
    if (!ctx.isExtension || !Array.isArray(proposals) || proposals.length === 0) return;
    const at = ctx.locate(['enabledApiProposals'], 'key');
    if (!at) return;
    const names = proposals.filter((p): p is string => typeof p === 'string');
    ctx.report({ node: at, messageId: 'proposals', data: { count: names.length, names: `${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}` }, evidence: names.map(n => `proposal ${n}`) });
  },
};
