// Reads of the local timezone. The timezone name says where the user is; with an endpoint
// read and a region or vendor comparison nearby it becomes a gate (see correlate.ts).
import type { AstNode } from '../js/ast';
import { calledMethod } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { envReadsAt } from './util/env';
import { resolvedOptionReads } from './util/values';

function reportTimezoneName(node: AstNode, ctx: RuleContext) {
  for (const site of resolvedOptionReads(node, 'timeZone', ctx)) {
    ctx.report(site, 'Reads the local timezone name (Intl resolvedOptions().timeZone)', {
      evidence: ['resolvedOptions().timeZone'],
      facts: [{ kind: 'probe:timezone' }],
    });
  }
}

function reportTzEnv(node: AstNode, ctx: RuleContext) {
  for (const read of envReadsAt(node, ctx)) {
    if (read.name !== 'TZ') continue;
    ctx.report(read.node, 'Reads the TZ environment variable (timezone)', {
      severity: 'low',
      evidence: ['env TZ'],
      facts: [{ kind: 'probe:timezone' }],
    });
  }
}

export const timezoneProbe: Rule = {
  id: 'timezone-probe',
  category: 'region',
  severity: 'medium',
  title: 'Reads the local timezone',
  description: 'Reads the timezone name (Intl resolvedOptions().timeZone), the UTC offset (getTimezoneOffset) or the TZ variable.',
  triggers: ['timeZone', 'getTimezoneOffset', 'TZ'],
  visitors: {
    MemberExpression(node, ctx) {
      reportTimezoneName(node, ctx);
      reportTzEnv(node, ctx);
    },
    VariableDeclarator(node, ctx) {
      reportTimezoneName(node, ctx);
      reportTzEnv(node, ctx);
    },
    CallExpression(node, ctx) {
      if (calledMethod(node) !== 'getTimezoneOffset') return;
      ctx.report(node, 'Reads the local UTC offset (getTimezoneOffset)', {
        severity: 'low',
        evidence: ['getTimezoneOffset()'],
        facts: [{ kind: 'probe:timezone' }],
      });
    },
  },
};
