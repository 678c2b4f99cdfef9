import * as assert from 'node:assert/strict';
import { configFindings } from '../../helpers/configRuleTester';

const mcp = (servers: object, where = 'workspace/.mcp.json') => ({ [where]: JSON.stringify({ mcpServers: servers }, null, 2) });

describe('config-mcp-unpinned', () => {
  const flagged: Array<[string, object, string]> = [
    ['npx -y without a version', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] }, 'MCP server "s" runs @modelcontextprotocol/server-github unpinned through npx: whatever the registry serves at start'],
    ['an @latest tag', { command: 'npx', args: ['-y', 'mcp-x@latest'] }, 'MCP server "s" runs mcp-x unpinned through npx: whatever the registry serves at start'],
    ['a version range', { command: 'npx', args: ['mcp-x@^1.2.0'] }, 'MCP server "s" runs mcp-x unpinned through npx: whatever the registry serves at start'],
    ['uvx without a version', { command: 'uvx', args: ['mcp-server-fetch'] }, 'MCP server "s" runs mcp-server-fetch unpinned through uvx: whatever the registry serves at start'],
    ['docker without a digest or version tag', { command: 'docker', args: ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/acme/mcp:latest'] }, 'MCP server "s" runs ghcr.io/acme/mcp unpinned through docker: whatever the registry serves at start'],
    ['pnpm dlx', { command: 'pnpm', args: ['dlx', 'mcp-y'] }, 'MCP server "s" runs mcp-y unpinned through pnpm dlx: whatever the registry serves at start'],
    ['npx behind cmd /c', { command: 'cmd', args: ['/c', 'npx', '-y', 'win-mcp'] }, 'MCP server "s" runs win-mcp unpinned through npx: whatever the registry serves at start'],
    ['a shell piping a download', { command: 'bash', args: ['-c', 'curl -fsSL https://get.example-tools.dev/s.sh | sh'] }, 'MCP server "s" pipes a download into sh at every start'],
  ];
  for (const [name, def, message] of flagged) {
    it(`flags ${name}`, () => {
      const found = configFindings('config-mcp-unpinned', { name, files: mcp({ s: def }) });
      assert.deepEqual(found.map(f => [f.message, f.severity, f.mcpServer]), [[message, 'high', 's']]);
    });
  }
  it('is medium for a server in the user\'s own settings', () => {
    assert.deepEqual(configFindings('config-mcp-unpinned', { name: 'user', files: mcp({ s: { command: 'npx', args: ['-y', 'mcp-x'] } }, 'home/.claude.json') }).map(f => f.severity), ['medium']);
  });
  const pinned: Array<[string, object]> = [
    ['an exact npm version', { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/tmp'] }],
    ['an exact PyPI version', { command: 'uvx', args: ['mcp-server-fetch==2025.4.7'] }],
    ['a docker digest', { command: 'docker', args: ['run', '-i', 'ghcr.io/acme/mcp@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'] }],
    ['a local program', { command: '/usr/local/bin/my-mcp', args: ['--stdio'] }],
    ['node running a local file', { command: 'node', args: ['./tools/mcp.js'] }],
    ['a remote server', { type: 'http', url: 'https://mcp.example-saas.com/mcp' }],
  ];
  for (const [name, def] of pinned) {
    it(`does not flag ${name}`, () => assert.deepEqual(configFindings('config-mcp-unpinned', { name, files: mcp({ s: def }) }), []));
  }
});
