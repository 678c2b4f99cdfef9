import * as assert from 'node:assert/strict';
import { mcpMatches, parseMcpEntry, urlMatches } from '../../../src/core/policy/mcpMatch';
import type { McpServer } from '../../../src/core/model';

type Server = Pick<McpServer, 'name' | 'package' | 'url'>;
const github: Server = { name: 'github', package: '@modelcontextprotocol/server-github' };
const sqlite: Server = { name: 'local-db', package: 'mcp-server-sqlite' };
const remote: Server = { name: 'remote', url: 'https://mcp.example-saas.com/mcp' };
const noPackage: Server = { name: 'helper' };

describe('policy matching of MCP servers', () => {
  it('reads entries: name:, package:, url: prefixes, a bare URL glob, a bare name-or-package', () => {
    const table: Array<[string, ReturnType<typeof parseMcpEntry>]> = [
      ['github', { by: 'either', glob: 'github' }],
      ['@modelcontextprotocol/*', { by: 'either', glob: '@modelcontextprotocol/*' }],
      ['name:github', { by: 'name', glob: 'github' }],
      ['name:a:b', { by: 'name', glob: 'a:b' }],
      ['package:@scope/*', { by: 'package', glob: '@scope/*' }],
      ['url:https://mcp.corp.example/*', { by: 'url', glob: 'https://mcp.corp.example/*' }],
      ['https://*.example.com/*', { by: 'url', glob: 'https://*.example.com/*' }],
      ['name:', undefined],
      ['url:not a url', undefined],
      ['url:https:///path', undefined],
      ['', undefined],
    ];
    for (const [text, expected] of table) assert.deepEqual(parseMcpEntry(text), expected, text);
  });

  it('matches by name, package, either, and URL; case ignored, globs as elsewhere', () => {
    const table: Array<[string, Server, boolean]> = [
      ['github', github, true],
      ['GitHub', github, true],
      ['git*', github, true],
      ['gitlab', github, false],
      ['@modelcontextprotocol/server-github', github, true],
      ['@modelcontextprotocol/*', github, true],
      ['@modelcontextprotocol/*', sqlite, false],
      ['mcp-server-*', sqlite, true],
      ['name:github', github, true],
      ['name:@modelcontextprotocol/*', github, false],
      ['package:@modelcontextprotocol/*', github, true],
      ['package:github', github, false],
      ['package:*', noPackage, false],
      ['name:*', noPackage, true],
      ['url:https://*.example-saas.com/*', remote, true],
      ['https://*.example-saas.com/*', remote, true],
      ['url:https://*.example-saas.com/*', github, false],
      ['remote', remote, true],
    ];
    for (const [text, server, expected] of table) {
      const match = parseMcpEntry(text);
      assert.ok(match, text);
      assert.equal(mcpMatches(match, server), expected, `${text} vs ${server.name}`);
    }
  });

  it('matches URL globs part by part, so a path or user name cannot pose as the host', () => {
    const table: Array<[string, string, boolean]> = [
      ['https://*.example.com/*', 'https://mcp.example.com/sse', true],
      ['https://*.example.com/*', 'https://a.b.example.com/x?y=1', true],
      ['https://*.example.com/*', 'https://example.com/x', false],
      ['https://*.example.com/*', 'http://mcp.example.com/x', false],
      ['https://*.example.com/*', 'https://evil.test/.example.com/x', false],
      ['https://*.example.com/*', 'https://mcp.example.com@evil.test/x', false],
      ['https://*.example.com/*', 'https://mcp.example.com.evil.test/x', false],
      ['https://mcp.corp.example', 'https://mcp.corp.example/any/path', true],
      ['https://mcp.corp.example', 'https://MCP.Corp.Example:8443/', true],
      ['https://mcp.corp.example:8443/*', 'https://mcp.corp.example:8443/mcp', true],
      ['https://mcp.corp.example:8443/*', 'https://mcp.corp.example/mcp', false],
      ['https://mcp.corp.example/mcp', 'https://mcp.corp.example/mcp/other', false],
      ['http*://10.1.2.3:*/*', 'http://10.1.2.3:9000/sse', true],
      ['https://*.corp.example/*', 'https://${MCP_HOST}/mcp', false],
      ['https://*/*', 'https://${MCP_HOST}/mcp', true],
      ['https://*/*', 'not a url', false],
    ];
    for (const [glob, url, expected] of table) assert.equal(urlMatches(glob, url), expected, `${glob} vs ${url}`);
  });
});
