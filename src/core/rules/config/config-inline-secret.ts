// Keys written into settings files in plain text. In the user's home that is a key any process
// running as the user can read; in a git work tree it is one `git add` from being published.
// Only the redacted form is ever shown.
import type { ConfigRule } from '../types';

export const configInlineSecret: ConfigRule = {
  meta: {
    id: 'config-inline-secret',
    category: 'secrets',
    severity: 'medium',
    title: 'A key is written in a settings file',
    description: 'API keys and tokens (sk-, sk-ant-, AIza, ghp_, AKIA, xox…, or the value of a key/token/secret setting) in plain text in settings, MCP definitions or .env files; shown redacted.',
    messages: {
      plain: '{{kind}} in plain text at {{name}}: {{redacted}}',
      tracked: '{{kind}} in plain text at {{name}}, in a file git would commit: {{redacted}}',
    },
  },
  check(ctx) {
    const inGit = new Set(ctx.inventory.files.filter(f => f.inGitWorkTree).map(f => f.file));
    for (const s of ctx.inventory.secrets) {
      const tracked = inGit.has(s.at.file);
      ctx.report({
        messageId: tracked ? 'tracked' : 'plain',
        data: { kind: s.kind, name: s.name, redacted: s.redacted },
        at: s.at,
        scope: s.scope,
        ...(tracked ? { severity: 'high' as const } : {}),
        evidence: [`${s.name} = ${s.redacted}`],
        identity: `${s.name}=${s.redacted}`,
      });
    }
  },
};
