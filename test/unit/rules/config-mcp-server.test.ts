import * as assert from 'node:assert/strict';
import { configFindings } from '../../helpers/configRuleTester';

const server = (def: object) => ({ 'home/.claude.json': JSON.stringify({ mcpServers: { gh: def } }, null, 2) });

describe('config-mcp-server', () => {
  it('lists each server with what it starts, as info', () => {
    const [f] = configFindings('config-mcp-server', { name: 'list', files: server({ command: 'npx', args: ['-y', 'gh-mcp@1.0.0'], env: { GH_TOKEN: '$GH' } }) });
    assert.deepEqual([f.severity, f.message, f.mcpServer, f.configKey], ['info', 'MCP server "gh" (user) starts `npx -y gh-mcp@1.0.0`', 'gh', 'mcpServers.gh']);
    assert.ok(f.evidence.includes('env: GH_TOKEN'));
  });
  it('gives a changed definition a new fingerprint, and an unchanged one the same', () => {
    const a = configFindings('config-mcp-server', { name: 'a', files: server({ command: 'npx', args: ['-y', 'gh-mcp@1.0.0'] }) })[0];
    const same = configFindings('config-mcp-server', { name: 'b', files: server({ command: 'npx', args: ['-y', 'gh-mcp@1.0.0'] }) })[0];
    const changed = configFindings('config-mcp-server', { name: 'c', files: server({ command: 'npx', args: ['-y', 'gh-mcp@1.0.1'] }) })[0];
    assert.equal(a.fingerprint, same.fingerprint);
    assert.notEqual(a.fingerprint, changed.fingerprint);
  });
});
