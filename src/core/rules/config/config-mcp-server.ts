// Every MCP server the settings define, as an inventory entry: what it starts or where it
// connects, in which scope. Its fingerprint carries the definition's hash, so a baseline shows a
// server whose command, arguments, URL or environment changed since the last audit.
import type { ConfigRule } from '../types';
import { launchLine } from '../../config/commands';

export const configMcpServer: ConfigRule = {
  meta: {
    id: 'config-mcp-server',
    category: 'execution',
    severity: 'info',
    title: 'MCP server defined in settings',
    description: 'Each MCP server in the settings, with its scope, transport and command or URL; its definition is hashed so a changed server shows up in a baseline comparison.',
    messages: {
      stdio: 'MCP server "{{name}}" ({{scope}}) starts `{{run}}`',
      remote: 'MCP server "{{name}}" ({{scope}}) connects to {{run}}',
    },
  },
  check(ctx) {
    for (const s of ctx.inventory.mcpServers) {
      const run = launchLine(s.command, s.args, s.url);
      ctx.report({
        messageId: s.command ? 'stdio' : 'remote',
        data: { name: s.name, scope: s.scope, run },
        at: s.at,
        scope: s.scope,
        // Listing a server is not itself a risk: info (low when the repository defines it, as
        // every project setting ranks one higher).
        mcpServer: s.name,
        evidence: [run, `definition #${s.hash}`, ...(s.envKeys.length ? [`env: ${s.envKeys.join(', ')}`] : [])],
        identity: `${s.name}:${s.hash}`,
      });
    }
  },
};
