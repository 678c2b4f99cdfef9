// Commands the assistant runs on its own: hooks on tool use or session events, key helpers,
// status lines, notifiers. Every one is listed (they run without a prompt); one that downloads
// and runs code, runs decoded text or evaluates a string is high, one that only decodes or
// uploads medium, an HTTP hook that posts events to a URL medium.
import type { ConfigRule } from '../types';
import { commandRisk } from '../../config/commands';
import { parseUrl } from '../../net/url';

export const configHookExec: ConfigRule = {
  meta: {
    id: 'config-hook-exec',
    category: 'execution',
    severity: 'info',
    title: 'Settings run commands on events',
    description: 'Hooks, key helpers, status lines and notifiers the assistant runs by itself; high when one downloads and runs code, runs base64-decoded text or evaluates a string, medium when it only decodes or uploads; HTTP hooks post events to a URL.',
    messages: {
      command: 'Runs `{{run}}` on {{event}}',
      risky: 'Runs a command on {{event}} that {{risk}}: `{{run}}`',
      http: 'Posts {{event}} events to {{host}}',
    },
  },
  check(ctx) {
    for (const h of ctx.inventory.hooks) {
      const base = { at: h.at, scope: h.scope, identity: `${h.event}:${h.hash}`, evidence: [h.run] };
      if (h.kind === 'http') {
        const host = parseUrl(h.run)?.host ?? h.run;
        ctx.report({ ...base, messageId: 'http', data: { event: h.event, host }, severity: 'medium', host });
        continue;
      }
      const risk = commandRisk(h.run);
      // Decoding or uploading alone has ordinary uses (a key helper decoding a vault answer);
      // running what was downloaded or decoded, or evaluating a string, does not.
      const severe = risk.fetchesAndRuns || risk.risks.some(r => r === 'evaluates a string' || r === 'runs base64-decoded text');
      if (risk.risks.length) ctx.report({ ...base, messageId: 'risky', data: { event: h.event, risk: risk.risks.join(', '), run: h.run }, severity: severe ? 'high' : 'medium', evidence: [h.run, ...risk.risks] });
      // A hook the repository brings runs the repository's code by itself: low, medium once raised.
      else ctx.report({ ...base, messageId: 'command', data: { event: h.event, run: h.run }, ...(h.scope === 'project' ? { severity: 'low' as const } : {}) });
    }
  },
};
