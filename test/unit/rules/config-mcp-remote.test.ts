import * as assert from 'node:assert/strict';
import { configFindings } from '../../helpers/configRuleTester';

const remote = (url: string) => ({ 'home/.claude.json': JSON.stringify({ mcpServers: { r: { type: 'http', url } } }) });

describe('config-mcp-remote', () => {
  const cases: Array<[string, string, string[]]> = [
    ['plain http to a host', 'http://mcp.example-saas.com/mcp', ['high MCP server "r" is reached over plain http at mcp.example-saas.com: tool calls and tokens in clear text']],
    ['plain http to a private IP', 'http://10.1.2.3:9000/sse', ['medium MCP server "r" is reached over plain http at 10.1.2.3: tool calls and tokens in clear text']],
    ['https to a raw public IP', 'https://203.0.113.50/mcp', ['high MCP server "r" is a raw IP address (203.0.113.50, public IP address)']],
    ['https to a host', 'https://mcp.example-saas.com/mcp', []],
    ['plain http to this machine', 'http://127.0.0.1:3845/mcp', []],
    ['plain http to localhost', 'http://localhost:8931/mcp', []],
    ['plain http to a container name', 'http://mcp-gateway:8080/mcp', []],
    ['plain http to host.docker.internal', 'http://host.docker.internal:8080/mcp', []],
  ];
  for (const [name, url, expected] of cases) {
    it(`${expected.length ? 'flags' : 'does not flag'} ${name}`, () => {
      assert.deepEqual(configFindings('config-mcp-remote', { name, files: remote(url) }).map(f => `${f.severity} ${f.message}`), expected);
    });
  }
});
