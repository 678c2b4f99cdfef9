import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../src/core/config/load';
import { cursor, isBroadCursorToken } from '../../../src/core/config/cursor';
import { loadFixture } from '../../helpers/configFixture';

describe('Cursor configuration reader', () => {
  const loaded = loadFixture(cursor, 'cursor');
  const inv = loaded.builder.inventory;

  it('reads user settings, ~/.cursor files, the project .cursor files and rules', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.cursor/cli.json',
      'project workspace/.cursor/mcp.json',
      'project workspace/.cursor/permissions.json',
      'project workspace/.cursor/rules/typescript.mdc',
      'project workspace/.cursorrules',
      'user home/.config/Cursor/User/settings.json',
      'user home/.cursor/cli-config.json',
      'user home/.cursor/mcp.json',
      'user home/.cursor/permissions.json',
    ]);
    assert.deepEqual(inv.instructions.map(i => i.file).sort(), ['workspace/.cursor/rules/typescript.mdc', 'workspace/.cursorrules']);
    assert.deepEqual(loaded.errors, []);
  });

  it('reads the editor proxy from Cursor\'s own settings.json', () => {
    const proxy = inv.endpoints.find(e => e.kind === 'proxy')!;
    assert.deepEqual([proxy.value, proxy.at.file, proxy.at.line, proxy.at.column], ['http://10.20.0.1:8080', 'home/.config/Cursor/User/settings.json', 4, 3]);
  });

  it('reads user and project MCP servers with package, pinning and transport', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['internal-tools', 'linear', 'postgres', 'sentry', 'supabase']);
    assert.deepEqual([byName.get('supabase')!.package, byName.get('supabase')!.pinned, byName.get('supabase')!.envKeys], ['@supabase/mcp-server-supabase', false, ['SUPABASE_ACCESS_TOKEN']]);
    assert.deepEqual([byName.get('sentry')!.package, byName.get('sentry')!.pinned], ['mcp-server-sentry', true]);
    assert.deepEqual([byName.get('postgres')!.scope, byName.get('postgres')!.pinned], ['project', true]);
    assert.equal(byName.get('linear')!.transport, 'http');
    assert.equal(byName.get('internal-tools')!.transport, 'http');
    const pg = byName.get('postgres')!;
    assert.deepEqual([pg.at.file, pg.at.line, pg.at.column], ['workspace/.cursor/mcp.json', 3, 5]);
    assert.ok(!pg.args!.join(' ').includes('PLANTEDdbPass'), 'the password in a connection string is hidden');
  });

  it('judges permissions.json, CLI tokens and the CLI approval mode', () => {
    const perms = inv.permissions.map(p => `${p.scope} ${p.kind} ${p.broad ? 'broad' : 'narrow'} ${p.value}`).sort();
    assert.deepEqual(perms, [
      'project allow broad Mcp(*:*)',
      'project allow broad Shell(**)',
      'project allow broad mcpAllowlist: *:*',
      'project allow broad terminalAllowlist: python',
      'project allow narrow Write(src/**)',
      'user allow broad Shell(git)',
      'user allow broad terminalAllowlist: git',
      'user allow narrow Mcp(linear:list_issues)',
      'user allow narrow Read(**)',
      'user allow narrow Shell(ls)',
      'user allow narrow mcpAllowlist: linear:list_issues',
      'user allow narrow mcpAllowlist: sentry:*',
      'user allow narrow terminalAllowlist: cargo build',
      'user allow narrow terminalAllowlist: npm test',
      'user mode broad approvalMode: unrestricted',
    ]);
    const mode = inv.permissions.find(p => p.kind === 'mode')!;
    assert.deepEqual([mode.at.file, mode.at.key, mode.at.line, mode.at.column], ['home/.cursor/cli-config.json', 'approvalMode', 8, 3]);
    const shell = inv.permissions.find(p => p.value === 'Shell(**)')!;
    assert.deepEqual([shell.at.file, shell.at.key, shell.at.line], ['workspace/.cursor/cli.json', 'permissions.allow[0]', 3]);
  });

  it('keeps planted secrets out of the inventory', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`).sort(), [
      'mcpServers.internal-tools.headers.Authorization Bearer token',
      'mcpServers.supabase.env.SUPABASE_ACCESS_TOKEN value of SUPABASE_ACCESS_TOKEN',
    ]);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('looks for cli-config.json under XDG_CONFIG_HOME on Linux, in ~/.cursor elsewhere', () => {
    const xdg = cursor.candidates({ home: '/home/ana', env: { XDG_CONFIG_HOME: '/home/ana/.xdg' }, platform: 'linux' }).map(c => c.path);
    assert.ok(xdg.includes('/home/ana/.xdg/cursor/cli-config.json'));
    assert.ok(xdg.includes('/home/ana/.xdg/Cursor/User/settings.json'));
    const mac = cursor.candidates({ home: '/Users/ana', env: { XDG_CONFIG_HOME: '/x' }, platform: 'darwin' }).map(c => c.path);
    assert.ok(mac.includes('/Users/ana/.cursor/cli-config.json'));
    assert.ok(mac.includes('/Users/ana/Library/Application Support/Cursor/User/settings.json'));
    const win = cursor.candidates({ home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32' }).map(c => c.path);
    assert.ok(win.includes('C:\\Users\\ana\\.cursor\\mcp.json'));
    assert.ok(win.includes('C:\\Users\\ana\\AppData\\Roaming\\Cursor\\User\\settings.json'));
  });

  it('reports a broken mcp.json as an error, not a crash', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-cursor-'));
    try {
      fs.mkdirSync(path.join(home, '.cursor'));
      fs.writeFileSync(path.join(home, '.cursor', 'mcp.json'), '{ "mcpServers": { "a": ');
      const l = loadConfig(cursor, { home, env: {}, platform: 'linux' })!;
      assert.equal(l.errors.length, 1);
      assert.match(l.errors[0].message, /Cursor user MCP servers does not parse/);
      assert.deepEqual(l.builder.inventory.mcpServers, []);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('broad Cursor CLI permission tokens', () => {
  const table: Array<[string, boolean]> = [
    ['Shell(*)', true], ['Shell(**)', true], ['Shell(bash)', true], ['Shell(git)', true], ['Shell(curl:*)', true], ['Mcp(*)', true], ['Mcp(*:*)', true], ['Mcp(*, *)', true],
    ['Shell(ls)', false], ['Shell(cargo build)', false], ['Read(**)', false], ['Write(src/**)', false], ['Mcp(github:*)', false], ['Mcp(linear, list_issues)', false],
  ];
  for (const [token, broad] of table) it(`${token} is ${broad ? 'broad' : 'narrow'}`, () => assert.equal(isBroadCursorToken(token), broad));
});
