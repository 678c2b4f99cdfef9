// Remote MCP servers reached in a way anyone on the path can read or impersonate: plain http to
// another machine, or a raw public IP that no certificate names.
import type { ConfigRule } from '../types';
import { classifyHost } from '../../net/hosts';
import { parseUrl } from '../../net/url';
import { isInternalName } from './internalHost';

export const configMcpRemote: ConfigRule = {
  meta: {
    id: 'config-mcp-remote',
    category: 'network',
    severity: 'high',
    title: 'Remote MCP server over plain http or a raw IP',
    description: 'A remote MCP server URL with plain http to a host other than this machine, or a raw IP address: tool calls, results and tokens can be read or forged in transit.',
    messages: {
      plain: 'MCP server "{{name}}" is reached over plain http at {{host}}: tool calls and tokens in clear text',
      ip: 'MCP server "{{name}}" is a raw IP address ({{host}}, {{label}})',
    },
  },
  check(ctx) {
    for (const s of ctx.inventory.mcpServers) {
      const url = s.url ? parseUrl(s.url) : undefined;
      if (!url) continue;
      const c = classifyHost(url.host, ctx.ownVendors);
      // This machine, a container or LAN name, or an example host: no public network crossed.
      if (c.kind === 'localhost' || c.kind === 'reserved' || isInternalName(url.host)) continue;
      const base = { at: s.at, scope: s.scope, mcpServer: s.name, host: url.host, evidence: [s.url!], identity: `${s.name}:${s.hash}` };
      if (url.scheme === 'http' || url.scheme === 'ws') ctx.report({ ...base, messageId: 'plain', data: { name: s.name, host: url.host }, severity: c.kind === 'raw-ip' && c.scope !== 'public' ? 'medium' : 'high' });
      else if (c.kind === 'raw-ip') ctx.report({ ...base, messageId: 'ip', data: { name: s.name, host: url.host, label: c.label }, severity: c.scope === 'public' ? 'high' : 'low' });
    }
  },
};
