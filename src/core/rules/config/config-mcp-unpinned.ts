// MCP servers whose code is fetched when they start: a launcher (`npx -y`, `uvx`, `docker run`)
// without an exact version runs whatever the registry serves that day with the user's rights
// and environment; a shell that pipes a download runs whatever the server serves.
import type { ConfigRule } from '../types';
import { commandRisk, launchedPackage, launchLine } from '../../config/commands';

export const configMcpUnpinned: ConfigRule = {
  meta: {
    id: 'config-mcp-unpinned',
    category: 'execution',
    severity: 'medium',
    title: 'MCP server runs code fetched at start',
    description: 'An MCP server started through npx, uvx, pipx, pnpm dlx or docker without an exact version or digest, or through a shell that pipes a download into an interpreter.',
    messages: {
      unpinned: 'MCP server "{{name}}" runs {{pkg}} unpinned through {{launcher}}: whatever the registry serves at start',
      fetches: 'MCP server "{{name}}" {{risk}} at every start',
    },
  },
  check(ctx) {
    for (const s of ctx.inventory.mcpServers) {
      if (!s.command) continue;
      const line = launchLine(s.command, s.args, undefined);
      const risk = commandRisk(line);
      if (risk.fetchesAndRuns) {
        ctx.report({ messageId: 'fetches', data: { name: s.name, risk: risk.risks[0] }, at: s.at, scope: s.scope, severity: 'high', mcpServer: s.name, evidence: [line, ...risk.risks.slice(1)], identity: `${s.name}:${s.hash}` });
      } else if (s.package && !s.pinned) {
        const launcher = launchedPackage(s.command, s.args ?? [])?.launcher ?? s.command;
        ctx.report({ messageId: 'unpinned', data: { name: s.name, pkg: s.package, launcher }, at: s.at, scope: s.scope, mcpServer: s.name, evidence: [line], identity: `${s.name}:${s.hash}` });
      }
    }
  },
};
