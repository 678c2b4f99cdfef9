// Settings under which the assistant acts without asking: a bypass/yolo/full-access mode, or an
// allow rule that covers any shell command or any tool. Each reader judges which of its
// assistant's settings are broad; narrow allowances stay in the inventory only.
import type { ConfigRule } from '../types';

export const configAutoApprove: ConfigRule = {
  meta: {
    id: 'config-auto-approve',
    category: 'execution',
    severity: 'medium',
    title: 'Settings let the assistant act without asking',
    description: 'Bypass, yolo, never-ask or full-access modes, and allow rules that cover any shell command or any tool, so commands run without confirmation.',
    messages: {
      mode: 'Runs without asking: {{value}}',
      allow: 'Allows without asking: {{value}} (any command or tool)',
    },
  },
  check(ctx) {
    for (const p of ctx.inventory.permissions) {
      if (!p.broad || p.kind === 'trust') continue;
      ctx.report({
        messageId: p.kind === 'mode' ? 'mode' : 'allow',
        data: { value: p.value },
        at: p.at,
        scope: p.scope,
        severity: p.kind === 'mode' ? 'high' : 'medium',
        evidence: [p.value, `${p.scope} setting in ${p.at.file}`],
        identity: p.value,
      });
    }
  },
};
