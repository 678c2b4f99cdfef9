import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../src/core/config/load';
import { editorUserDir, isBroadCommandPrefix, isBroadTerminalRule, vscode, vscodeInsiders, vscodium } from '../../../src/core/config/vscode';
import { fixtureSources, loadFixture } from '../../helpers/configFixture';

describe('VS Code configuration reader', () => {
  const loaded = loadFixture(vscode, 'vscode');
  const inv = loaded.builder.inventory;

  it('reads user settings and mcp.json from the user data folder, and the workspace .vscode files and Copilot instructions', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.github/copilot-instructions.md',
      'project workspace/.github/instructions/tests.instructions.md',
      'project workspace/.vscode/mcp.json',
      'project workspace/.vscode/settings.json',
      'user home/.config/Code/User/mcp.json',
      'user home/.config/Code/User/settings.json',
    ]);
    assert.deepEqual(inv.instructions.map(i => i.file).sort(), ['workspace/.github/copilot-instructions.md', 'workspace/.github/instructions/tests.instructions.md']);
    assert.deepEqual(loaded.errors, []);
  });

  it('finds the proxy, TLS checks off and Copilot endpoint overrides at their keys', () => {
    assert.deepEqual(inv.endpoints.map(e => `${e.kind} ${e.name} ${e.value}`).sort(), [
      'base-url GITLAB_API_URL https://gitlab.corp.example/api/v4',
      'base-url github.copilot.advanced.debug.overrideCapiUrl http://127.0.0.1:4010/capi',
      'base-url github.copilot.advanced.debug.overrideProxyUrl http://127.0.0.1:4010/copilot',
      'proxy http.proxy http://proxy.corp.example:3128',
      'tls-verify http.proxyStrictSSL false',
    ]);
    const proxy = inv.endpoints.find(e => e.kind === 'proxy')!;
    assert.deepEqual([proxy.at.file, proxy.at.key, proxy.at.line, proxy.at.column], ['home/.config/Code/User/settings.json', 'http.proxy', 6, 3]);
    const capi = inv.endpoints.find(e => e.name.endsWith('overrideCapiUrl'))!;
    assert.deepEqual([capi.at.line, capi.at.column], [15, 5]);
  });

  it('reads servers from the user and workspace mcp.json with transport, package, pinning and env keys', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['brave-search', 'docs', 'github', 'gitlab', 'playwright']);
    assert.deepEqual([byName.get('github')!.transport, byName.get('github')!.url, byName.get('github')!.scope], ['http', 'https://api.githubcopilot.com/mcp/', 'user']);
    assert.equal(byName.get('docs')!.transport, 'sse');
    assert.deepEqual([byName.get('playwright')!.package, byName.get('playwright')!.pinned], ['@playwright/mcp', false]);
    assert.deepEqual([byName.get('gitlab')!.package, byName.get('gitlab')!.pinned], ['@modelcontextprotocol/server-gitlab', true]);
    assert.deepEqual([byName.get('brave-search')!.scope, byName.get('brave-search')!.pinned, byName.get('brave-search')!.envKeys], ['project', true, ['BRAVE_API_KEY']]);
    assert.ok(![...byName.values()].some(s => s.autoTrusted), 'mcp.json has no per-server auto-approval');
    const brave = byName.get('brave-search')!;
    assert.deepEqual([brave.at.file, brave.at.key, brave.at.line, brave.at.column], ['workspace/.vscode/mcp.json', 'servers.brave-search', 3, 5]);
  });

  it('judges approvals: global auto-approve, programs that run anything and match-all rules are broad, a named command is not', () => {
    const perms = inv.permissions.map(p => `${p.scope} ${p.kind} ${p.broad ? 'broad' : 'narrow'} ${p.value}`).sort();
    assert.deepEqual(perms, [
      'project allow broad chat.tools.terminal.autoApprove: /.*/',
      'project allow broad kiroAgent.trustedCommands: *',
      'project allow broad windsurf.cascadeCommandsAllowList: bash',
      'project allow broad windsurf.cascadeCommandsAllowList: git',
      'project allow narrow kiroAgent.trustedCommands: npm run build',
      'user allow broad chat.tools.terminal.autoApprove: python3',
      'user allow narrow chat.tools.terminal.autoApprove: /^npm run (build|lint)$/',
      'user allow narrow chat.tools.terminal.autoApprove: git status',
      'user allow narrow chat.tools.terminal.autoApprove: npm test',
      'user mode broad chat.tools.global.autoApprove: true',
      'user mode broad security.workspace.trust.enabled: false',
      'user mode broad task.allowAutomaticTasks: on',
      'user trust narrow chat.mcp.autostart: newAndOutdated',
      'user trust narrow chat.mcp.discovery.enabled: claude-desktop',
    ]);
    const matchAll = inv.permissions.find(p => p.value.endsWith('/.*/'))!;
    assert.deepEqual([matchAll.at.file, matchAll.at.line, matchAll.at.column], ['workspace/.vscode/settings.json', 6, 5]);
  });

  it('records the planted secrets only in redacted form', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`).sort(), ['servers.brave-search.env.BRAVE_API_KEY value of BRAVE_API_KEY', 'servers.gitlab.env.GITLAB_PERSONAL_ACCESS_TOKEN GitLab token']);
    const json = JSON.stringify(inv);
    assert.ok(!json.includes('PLANTED'), json);
  });

  it('reports a broken settings file as an error and still reads the rest', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-vscode-'));
    try {
      const user = path.join(home, '.config', 'Code', 'User');
      fs.mkdirSync(user, { recursive: true });
      fs.writeFileSync(path.join(user, 'settings.json'), '{ "http.proxy": "http://p.example:8080", "chat.tools.global.autoApprove": tru');
      fs.writeFileSync(path.join(user, 'mcp.json'), '{ "servers": { "x": { "command": "node", "args": ["x.js"] } } }');
      const l = loadConfig(vscode, { home, env: {}, platform: 'linux' })!;
      assert.equal(l.errors.length, 1);
      assert.match(l.errors[0].message, /VS Code user settings does not parse as JSONC/);
      assert.deepEqual(l.builder.inventory.mcpServers.map(s => s.name), ['x']);
      assert.ok(l.builder.inventory.endpoints.some(e => e.kind === 'proxy'), 'what parsed before the error was read');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('finds nothing, and no error, where no editor wrote settings', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-vscode-empty-'));
    try {
      assert.equal(loadConfig(vscode, { home, workspace: home, env: {}, platform: 'linux' }), undefined);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('VS Code user data folder', () => {
  const home = '/home/ana';
  it('is ~/.config/<folder>/User on Linux, or under XDG_CONFIG_HOME', () => {
    assert.equal(editorUserDir({ home, env: {}, platform: 'linux' }, 'Code'), '/home/ana/.config/Code/User');
    assert.equal(editorUserDir({ home, env: { XDG_CONFIG_HOME: '/home/ana/.xdg' }, platform: 'linux' }, 'Code'), '/home/ana/.xdg/Code/User');
    assert.equal(editorUserDir({ home, env: { XDG_CONFIG_HOME: 'relative' }, platform: 'linux' }, 'Code'), '/home/ana/.config/Code/User');
  });
  it('is ~/Library/Application Support/<folder>/User on macOS, whatever XDG_CONFIG_HOME says', () => {
    assert.equal(editorUserDir({ home: '/Users/ana', env: { XDG_CONFIG_HOME: '/x' }, platform: 'darwin' }, 'Cursor'), '/Users/ana/Library/Application Support/Cursor/User');
  });
  it('is %APPDATA%\\<folder>\\User on Windows, falling back to the profile\'s Roaming folder', () => {
    assert.equal(editorUserDir({ home: 'C:\\Users\\ana', env: { APPDATA: 'D:\\Roaming' }, platform: 'win32' }, 'Code - Insiders'), 'D:\\Roaming\\Code - Insiders\\User');
    assert.equal(editorUserDir({ home: 'C:\\Users\\ana', env: {}, platform: 'win32' }, 'Code'), 'C:\\Users\\ana\\AppData\\Roaming\\Code\\User');
  });
  it('follows VSCODE_APPDATA, and VSCODE_PORTABLE for VS Code itself', () => {
    assert.equal(editorUserDir({ home, env: { VSCODE_APPDATA: '/data' }, platform: 'linux' }, 'VSCodium'), '/data/VSCodium/User');
    const s = { home, env: { VSCODE_PORTABLE: '/opt/vscode/data' }, platform: 'linux' as const };
    assert.ok(vscode.candidates(s).some(c => c.path === '/opt/vscode/data/user-data/User/settings.json'));
    assert.ok(!vscodium.candidates(s).some(c => c.path.startsWith('/opt/vscode')));
  });
  it('gives each fork its own folder, and only the VS Code reader the workspace .vscode files', () => {
    const s = fixtureSources('vscode');
    assert.ok(vscodeInsiders.candidates(s).every(c => !c.path.includes(`${path.sep}workspace${path.sep}`)));
    assert.ok(vscodeInsiders.candidates(s).some(c => c.path.endsWith(path.join('Code - Insiders', 'User', 'settings.json'))));
    assert.ok(vscodium.candidates(s).some(c => c.path.endsWith(path.join('VSCodium', 'User', 'mcp.json'))));
  });
});

describe('broad terminal auto-approve rules', () => {
  const table: Array<[string, boolean]> = [
    ['/.*/', true], ['/^.*$/', true], ['/.+/', true], ['//', true], ['bash', true], ['python3', true], ['npx', true], ['git', true], ['npm run', true], ['*', true],
    ['git status', false], ['npm test', false], ['/^git status$/', false], ['/^npm (test|run lint)$/', false], ['ls', false], ['python3 -m pytest', false],
  ];
  for (const [rule, broad] of table) it(`${rule} is ${broad ? 'broad' : 'narrow'}`, () => assert.equal(isBroadTerminalRule(rule), broad));
  it('a prefix list entry "npm test *" is narrow, "npm *", "*" and "sh" broad', () => {
    assert.equal(isBroadCommandPrefix('npm test *'), false);
    assert.equal(isBroadCommandPrefix('npm *'), true);
    assert.equal(isBroadCommandPrefix('*'), true);
    assert.equal(isBroadCommandPrefix('sh'), true);
  });
});
