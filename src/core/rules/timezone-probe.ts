// Reads of the local timezone. The timezone name says where the user is; compared with region
// or vendor data it becomes a gate (see correlations/region-gating.ts).
import { calledMethod, type Node } from '../js/ast';
import type { Rule } from './types';
import { envReadsAt } from './util/env';
import { envReadsOfKind } from './util/envByValue';
import { resolvedOptionReads } from './util/values';

export const timezoneProbe: Rule = {
  meta: {
    id: 'timezone-probe',
    category: 'region',
    severity: 'medium',
    title: 'Reads the local timezone',
    description: 'Reads the timezone name (Intl resolvedOptions().timeZone), the UTC offset (getTimezoneOffset) or the TZ variable.',
    messages: {
      name: 'Reads the local timezone name (Intl resolvedOptions().timeZone)',
      env: 'Reads the TZ environment variable (timezone)',
      offset: 'Reads the local UTC offset (getTimezoneOffset)',
    },
  },
  triggers: ['timeZone', 'getTimezoneOffset', 'TZ'],
  create(ctx) {
    const reads = (node: Node) => {
      const optionReads = resolvedOptionReads(node, 'timeZone', ctx);
      // Asked at every member expression: no iterator when there is nothing read.
      if (optionReads.length) for (const site of optionReads) {
        ctx.report({ node: site, messageId: 'name', evidence: ['resolvedOptions().timeZone'], facts: [{ kind: 'probe', probe: 'timezone' }] });
      }
      const envReads = envReadsAt(node, ctx);
      if (envReads.length) for (const read of envReads) {
        if (read.name !== 'TZ') continue;
        ctx.report({ node: read.node, messageId: 'env', severity: 'low', evidence: ['env TZ'], facts: [{ kind: 'probe', probe: 'timezone' }] });
      }
    };
    return {
      MemberExpression: reads,
      VariableDeclarator: reads,
      // `getEnv("TZ")` through a helper that reads the environment; a probe only where the value is TZ's alone (see endpoint-config-read).
      'Program:exit'() {
        for (const r of envReadsOfKind(ctx, name => name === 'TZ')) {
          ctx.report({ node: r.node, messageId: 'env', severity: 'low', evidence: ['env TZ'], related: r.related, ...(r.onlyThese ? { facts: [{ kind: 'probe' as const, probe: 'timezone' as const }] } : {}) });
        }
      },
      CallExpression(node) {
        if (calledMethod(node) !== 'getTimezoneOffset') return;
        ctx.report({ node, messageId: 'offset', severity: 'low', evidence: ['getTimezoneOffset()'], facts: [{ kind: 'probe', probe: 'offset' }] });
      },
    };
  },
};

