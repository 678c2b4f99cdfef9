import * as assert from 'node:assert/strict';
import { windsurf } from '../../../src/core/config/windsurf';
import { loadFixture } from '../../helpers/configFixture';

describe('Windsurf configuration reader', () => {
  const loaded = loadFixture(windsurf, 'windsurf');
  const inv = loaded.builder.inventory;

  it('reads user settings, mcp_config.json, global rules and the repository rules and workflows', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.windsurf/rules/api.md',
      'project workspace/.windsurf/workflows/release.md',
      'project workspace/.windsurfrules',
      'user home/.codeium/windsurf/mcp_config.json',
      'user home/.codeium/windsurf/memories/global_rules.md',
      'user home/.config/Windsurf/User/settings.json',
    ]);
    assert.equal(inv.instructions.length, 4);
    assert.deepEqual(loaded.errors, []);
  });

  it('reads TLS checks off from Windsurf\'s settings.json', () => {
    const tls = inv.endpoints.find(e => e.kind === 'tls-verify')!;
    assert.deepEqual([tls.value, tls.at.key, tls.at.line, tls.at.column], ['false', 'http.proxyStrictSSL', 6, 3]);
  });

  it('judges Cascade\'s command allow list: a program that runs anything (node, git with its aliases and hooks) is broad, a named command narrow; the deny list is no allowance', () => {
    assert.deepEqual(inv.permissions.map(p => `${p.broad ? 'broad' : 'narrow'} ${p.value}`).sort(), [
      'broad windsurf.cascadeCommandsAllowList: git',
      'broad windsurf.cascadeCommandsAllowList: node',
      'narrow windsurf.cascadeCommandsAllowList: pnpm test',
    ]);
    const node = inv.permissions.find(p => p.value.endsWith('node'))!;
    assert.deepEqual([node.at.key, node.at.line, node.at.column], ['windsurf.cascadeCommandsAllowList[2]', 4, 61]);
  });

  it('reads MCP servers: a docker image without a tag is unpinned, serverUrl is a remote server', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['context7', 'figma', 'github']);
    assert.deepEqual([byName.get('github')!.package, byName.get('github')!.pinned, byName.get('github')!.envKeys], ['ghcr.io/github/github-mcp-server', false, ['GITHUB_PERSONAL_ACCESS_TOKEN']]);
    assert.deepEqual([byName.get('figma')!.transport, byName.get('figma')!.url], ['http', 'https://mcp.figma.example/mcp']);
    assert.deepEqual([byName.get('context7')!.package, byName.get('context7')!.pinned], ['@upstash/context7-mcp', true]);
    assert.equal(byName.get('github')!.at.line, 3);
  });

  it('keeps planted secrets out of the inventory', () => {
    assert.deepEqual(inv.secrets.map(s => s.kind).sort(), ['GitHub token', 'value of X-Figma-Token']);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('looks in the platform\'s user data folder and in ~/.codeium on every platform', () => {
    const mac = windsurf.candidates({ home: '/Users/ana', env: {}, platform: 'darwin' }).map(c => c.path);
    assert.ok(mac.includes('/Users/ana/Library/Application Support/Windsurf/User/settings.json'));
    assert.ok(mac.includes('/Users/ana/.codeium/windsurf/mcp_config.json'));
    const win = windsurf.candidates({ home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32' }).map(c => c.path);
    assert.ok(win.includes('C:\\Users\\ana\\AppData\\Roaming\\Windsurf\\User\\settings.json'));
    assert.ok(win.includes('C:\\Users\\ana\\.codeium\\windsurf\\mcp_config.json'));
  });
});
