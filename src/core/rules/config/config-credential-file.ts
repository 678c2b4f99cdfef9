// An assistant's stored login (OAuth tokens, API keys) in a file other users can read, or inside
// a git work tree where it can be committed. The file's contents are never read.
import type { ConfigRule } from '../types';

export const configCredentialFile: ConfigRule = {
  meta: {
    id: 'config-credential-file',
    category: 'secrets',
    severity: 'medium',
    title: 'Credential file readable by others or open to a commit',
    description: 'The assistant\'s credential store (OAuth tokens, keys) with group or world read permission, or inside a git work tree where no ignore rule covers it.',
    messages: {
      readable: '{{label}} is readable by other users (mode {{mode}})',
      tracked: '{{label}} lies in a git work tree and no ignore rule covers it: one commit away from being published',
    },
  },
  check(ctx) {
    for (const c of ctx.inventory.credentials) {
      const at = { file: c.file, key: '', line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
      const mode = c.mode !== undefined ? `0${c.mode.toString(8)}` : 'unknown';
      if (c.inGitWorkTree) ctx.report({ messageId: 'tracked', data: { label: c.label }, at, scope: 'user', severity: 'high', evidence: [c.file, `mode ${mode}`], identity: `${c.file}:git` });
      else if (c.readableByOthers) ctx.report({ messageId: 'readable', data: { label: c.label, mode }, at, scope: 'user', evidence: [c.file, `mode ${mode}`], identity: `${c.file}:${mode}` });
    }
  },
};
