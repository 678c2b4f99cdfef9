import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../src/core/config/load';
import { cline, rooCode } from '../../../src/core/config/cline';
import { loadFixture } from '../../helpers/configFixture';

describe('Cline configuration reader', () => {
  const loaded = loadFixture(cline, 'cline');
  const inv = loaded.builder.inventory;

  it('reads the MCP settings in each editor\'s global storage, global rules and the .clinerules folder', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.clinerules/01-coding.md',
      'user home/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      'user home/.config/Cursor/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json',
      'user home/Documents/Cline/Rules/style.md',
    ]);
    assert.ok(inv.files.some(f => f.role === 'Cline MCP servers (Cursor)'));
    assert.deepEqual(loaded.errors, []);
  });

  it('names the autoApprove tools of each server, with package, pinning and transport', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    const brave = byName.get('github.com/modelcontextprotocol/servers/tree/main/src/brave-search')!;
    assert.deepEqual([brave.autoTrusted, brave.autoApprovedTools, brave.package, brave.pinned, brave.envKeys], [undefined, ['brave_web_search'], '@modelcontextprotocol/server-brave-search', false, ['BRAVE_API_KEY']]);
    assert.deepEqual([brave.at.key, brave.at.line, brave.at.column], ['mcpServers["github.com/modelcontextprotocol/servers/tree/main/src/brave-search"]', 3, 5]);
    assert.deepEqual([byName.get('weather')!.autoTrusted, byName.get('weather')!.autoApprovedTools], [undefined, undefined]);
    assert.equal(byName.get('weather')!.package, undefined, 'a local script is no package');
    assert.deepEqual([byName.get('remote-notes')!.transport, byName.get('remote-notes')!.autoTrusted], ['http', undefined]);
    assert.deepEqual([byName.get('time')!.autoApprovedTools, byName.get('time')!.pinned], [['get_current_time'], true]);
  });

  it('keeps planted secrets out of the inventory', () => {
    assert.deepEqual(inv.secrets.map(s => s.kind), ['value of BRAVE_API_KEY']);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('reads .clinerules when it is a single file', () => {
    const w = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-cline-'));
    try {
      fs.writeFileSync(path.join(w, '.clinerules'), 'Use tabs.');
      const l = loadConfig(cline, { home: path.join(w, 'nohome'), workspace: w, env: {}, platform: 'linux' })!;
      assert.deepEqual(l.builder.inventory.instructions.map(i => `${i.scope} ${i.file}`), ['project .clinerules']);
      assert.deepEqual(l.errors, []);
    } finally {
      fs.rmSync(w, { recursive: true, force: true });
    }
  });

  it('reports a broken MCP settings file without losing the other editors\' files', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-cline-broken-'));
    try {
      const dir = (editor: string) => path.join(home, '.config', editor, 'User', 'globalStorage', 'saoudrizwan.claude-dev', 'settings');
      fs.mkdirSync(dir('Code'), { recursive: true });
      fs.mkdirSync(dir('VSCodium'), { recursive: true });
      fs.writeFileSync(path.join(dir('Code'), 'cline_mcp_settings.json'), '{"mcpServers": {"a": {"command": "npx", "args": ["x"]}}');
      fs.writeFileSync(path.join(dir('VSCodium'), 'cline_mcp_settings.json'), '{"mcpServers": {"b": {"command": "node", "args": ["b.js"]}}}');
      const l = loadConfig(cline, { home, env: {}, platform: 'linux' })!;
      assert.equal(l.errors.length, 1);
      assert.match(l.errors[0].message, /Cline MCP servers \(Code\) does not parse as JSON/);
      assert.ok(l.builder.inventory.mcpServers.some(s => s.name === 'b'));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('looks in every editor\'s global storage for the platform, the remote server\'s and the CLI\'s', () => {
    const win = cline.candidates({ home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32' }).map(c => c.path);
    assert.ok(win.includes('C:\\Users\\ana\\AppData\\Roaming\\Code\\User\\globalStorage\\saoudrizwan.claude-dev\\settings\\cline_mcp_settings.json'));
    assert.ok(win.includes('C:\\Users\\ana\\AppData\\Roaming\\Windsurf\\User\\globalStorage\\saoudrizwan.claude-dev\\settings\\cline_mcp_settings.json'));
    const linux = cline.candidates({ home: '/home/ana', env: { XDG_CONFIG_HOME: '/home/ana/.xdg' }, platform: 'linux' }).map(c => c.path);
    assert.ok(linux.includes('/home/ana/.xdg/Kiro/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'));
    assert.ok(linux.includes('/home/ana/.vscode-server/data/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'));
    assert.ok(linux.includes('/home/ana/.cline/data/settings/cline_mcp_settings.json'));
  });
});

describe('Roo Code configuration reader', () => {
  const loaded = loadFixture(rooCode, 'cline');
  const inv = loaded.builder.inventory;

  it('reads the global mcp_settings.json, the project .roo/mcp.json and Roo rules (folder, mode folder, legacy file)', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.roo/mcp.json',
      'project workspace/.roo/rules-code/tests.md',
      'project workspace/.roo/rules/general.md',
      'project workspace/.roorules',
      'user home/.config/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json',
    ]);
    assert.deepEqual(loaded.errors, []);
  });

  it('names the alwaysAllow tools of each server, an empty list none', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['filesystem', 'project-db', 'slack']);
    assert.deepEqual([byName.get('filesystem')!.autoApprovedTools, byName.get('filesystem')!.pinned], [['read_file', 'list_directory'], true]);
    assert.deepEqual([byName.get('project-db')!.autoApprovedTools, byName.get('project-db')!.scope, byName.get('project-db')!.pinned], [['read_query'], 'project', false]);
    assert.deepEqual([byName.get('slack')!.autoTrusted, byName.get('slack')!.autoApprovedTools], [undefined, undefined]);
    assert.ok(![...byName.values()].some(s => s.autoTrusted), 'no server approves every tool');
    const db = byName.get('project-db')!;
    assert.deepEqual([db.at.file, db.at.line, db.at.column], ['workspace/.roo/mcp.json', 3, 5]);
  });

  it('keeps the planted Slack token out of the inventory', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`), ['mcpServers.slack.env.SLACK_BOT_TOKEN Slack token']);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('also reads Roo\'s early cline_mcp_settings.json name in its own storage folder', () => {
    const paths = rooCode.candidates({ home: '/Users/ana', env: {}, platform: 'darwin' }).map(c => c.path);
    assert.ok(paths.includes('/Users/ana/Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json'));
    assert.ok(paths.includes('/Users/ana/Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/cline_mcp_settings.json'));
  });
});
