// MCP servers that start, or whose tools run, without the user approving them: a setting that
// enables every server a repository defines, or a server marked trusted / auto-approved.
import type { ConfigRule } from '../types';
import { launchLine } from '../../config/commands';

export const configMcpAutotrust: ConfigRule = {
  meta: {
    id: 'config-mcp-autotrust',
    category: 'execution',
    severity: 'medium',
    title: 'MCP servers are trusted without asking',
    description: 'Settings that start every MCP server a project defines without asking, or mark a server trusted so its tool calls are approved automatically.',
    messages: {
      all: 'Starts every MCP server the repository defines without asking ({{value}})',
      server: 'MCP server "{{name}}" is trusted: its tool calls run without asking',
      tools: 'MCP server "{{name}}" runs {{count}} without asking: {{tools}}',
    },
  },
  check(ctx) {
    for (const p of ctx.inventory.permissions) {
      if (p.kind !== 'trust' || !p.broad) continue;
      ctx.report({ messageId: 'all', data: { value: p.value }, at: p.at, scope: p.scope, evidence: [p.value], identity: p.value });
    }
    for (const s of ctx.inventory.mcpServers) {
      if (!s.autoTrusted && s.autoApprovedTools?.length) {
        const n = s.autoApprovedTools.length;
        // Named tools only: which of them act (write, run, send) the rule cannot tell, so low.
        ctx.report({ messageId: 'tools', data: { name: s.name, count: n === 1 ? '1 tool' : `${n} tools`, tools: s.autoApprovedTools.join(', ') }, at: s.at, scope: s.scope, severity: 'low', mcpServer: s.name, evidence: s.autoApprovedTools, identity: `${s.name}:${s.hash}` });
        continue;
      }
      if (!s.autoTrusted) continue;
      ctx.report({ messageId: 'server', data: { name: s.name }, at: s.at, scope: s.scope, mcpServer: s.name, evidence: [launchLine(s.command, s.args, s.url)], identity: `${s.name}:${s.hash}` });
    }
  },
};

