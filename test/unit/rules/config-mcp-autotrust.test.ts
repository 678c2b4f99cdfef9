import * as assert from 'node:assert/strict';
import { configFindings, summary } from '../../helpers/configRuleTester';

describe('config-mcp-autotrust', () => {
  it('flags enabling every project MCP server, high when the repository itself sets it', () => {
    assert.deepEqual(summary(configFindings('config-mcp-autotrust', { name: 'project', files: { 'workspace/.claude/settings.json': '{\n  "enableAllProjectMcpServers": true\n}' } })), [
      'high .claude/settings.json:2:3 Starts every MCP server the repository defines without asking (enableAllProjectMcpServers: true)',
    ]);
    assert.deepEqual(configFindings('config-mcp-autotrust', { name: 'user', files: { 'home/.claude/settings.json': '{ "enableAllProjectMcpServers": true }' } }).map(f => f.severity), ['medium']);
  });
  it('flags a server whose tool calls are all approved', () => {
    for (const def of [{ command: 'db-mcp', trust: true }, { command: 'db-mcp', autoApprove: ['*'] }]) {
      const found = configFindings('config-mcp-autotrust', { name: 'server', files: { 'home/.claude.json': JSON.stringify({ mcpServers: { db: def } }) } });
      assert.deepEqual(found.map(f => [f.severity, f.message, f.mcpServer]), [['medium', 'MCP server "db" is trusted: its tool calls run without asking', 'db']]);
    }
  });
  it('names the tools a server runs without asking when only some are approved', () => {
    const found = configFindings('config-mcp-autotrust', { name: 'tools', files: { 'home/.claude.json': JSON.stringify({ mcpServers: { db: { command: 'db-mcp', autoApprove: ['query', 'list_tables'] } } }) } });
    assert.deepEqual(found.map(f => [f.severity, f.message]), [['low', 'MCP server "db" runs 2 tools without asking: query, list_tables']]);
  });
  it('does not flag servers enabled by name, or enableAllProjectMcpServers false', () => {
    assert.deepEqual(configFindings('config-mcp-autotrust', { name: 'named', files: { 'home/.claude/settings.json': JSON.stringify({ enableAllProjectMcpServers: false, enabledMcpjsonServers: ['github'] }) } }), []);
  });
});
