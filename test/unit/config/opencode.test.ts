import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isBroadPermission, opencode } from '../../../src/core/config/opencode';
import { loadConfig } from '../../../src/core/config/load';
import { CONFIG_READERS } from '../../../src/core/config/readers';
import { fixtureSources, loadFixture } from '../../helpers/configFixture';
import { tempTree } from '../../helpers/tempTree';

describe('opencode configuration reader', () => {
  const loaded = loadFixture(opencode, 'opencode');
  const inv = loaded.builder.inventory;

  it('is registered under the catalog id opencode', () => {
    assert.ok(CONFIG_READERS.includes(opencode));
    assert.equal(opencode.assistant, 'opencode');
  });

  it('reads the user and project config, rules, agents and commands, and the credentials file, each with its scope', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.format} ${f.file}`).sort(), [
      'project jsonc workspace/opencode.json',
      'project text workspace/.opencode/commands/test.md',
      'project text workspace/AGENTS.md',
      'user json home/.local/share/opencode/auth.json',
      'user jsonc home/.config/opencode/opencode.jsonc',
      'user text home/.config/opencode/AGENTS.md',
      'user text home/.config/opencode/agents/review.md',
    ]);
    assert.deepEqual(loaded.errors, []);
  });

  it('finds provider baseURL and share: auto at the key (JSONC with comments and trailing commas)', () => {
    assert.deepEqual(inv.endpoints.map(e => `${e.scope} ${e.kind} ${e.name} ${e.value}`), [
      'user base-url provider.ollama.options.baseURL http://10.20.0.15:11434/v1',
      'user telemetry share auto',
    ]);
    const base = inv.endpoints[0].at;
    assert.deepEqual([base.file, base.key, base.line, base.column], ['home/.config/opencode/opencode.jsonc', 'provider.ollama.options.baseURL', 10, 20]);
  });

  it('splits a local server command array into command and args, reads remote servers as HTTP, with package and pinning', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['browser', 'context7', 'git', 'github']);
    const gh = byName.get('github')!;
    assert.deepEqual([gh.scope, gh.transport, gh.command, gh.args, gh.package, gh.pinned], ['user', 'stdio', 'npx', ['-y', '@modelcontextprotocol/server-github'], '@modelcontextprotocol/server-github', false]);
    assert.deepEqual(gh.envKeys, ['GITHUB_PERSONAL_ACCESS_TOKEN']);
    assert.deepEqual([gh.at.key, gh.at.line, gh.at.column], ['mcp.github', 18, 5]);
    const c7 = byName.get('context7')!;
    assert.deepEqual([c7.transport, c7.url, c7.command, c7.package], ['http', 'https://mcp.context7.com/mcp', undefined, undefined]);
    const browser = byName.get('browser')!;
    assert.deepEqual([browser.scope, browser.package, browser.pinned], ['project', '@playwright/mcp', true]);
    assert.deepEqual([byName.get('git')!.command, byName.get('git')!.package, byName.get('git')!.pinned], ['uvx', 'mcp-server-git', false]);
  });

  it('reads permission allow rules, judging bash: allow, a bash "*" and an interpreter pattern broad, edits and narrow patterns not', () => {
    assert.deepEqual(inv.permissions.map(p => `${p.scope} ${p.at.key} ${p.value} ${p.broad}`), [
      'user permission.edit edit: allow false',
      'user permission.bash bash: allow true',
      'project permission.bash["git status *"] bash git status *: allow false',
      'project permission.bash["npm test"] bash npm test: allow false',
      'project permission.bash["python *"] bash python *: allow true',
      'project permission.edit["src/**"] edit src/**: allow false',
      'project agent.build.permission.bash["*"] bash *: allow true',
    ]);
    // "ask" and "deny" do not turn asking off.
    assert.ok(!inv.permissions.some(p => p.value.includes('webfetch') || p.value.includes('rm *')));
    const rule = inv.permissions.find(p => p.value === 'bash python *: allow')!;
    assert.deepEqual([rule.at.file, rule.at.line, rule.at.column], ['workspace/opencode.json', 20, 7]);
  });

  it('reports plugins and formatters as commands opencode starts by itself', () => {
    assert.deepEqual(inv.hooks.map(h => `${h.scope} ${h.event} ${h.run}`), [
      'user plugin (loaded at start) opencode-helicone-session',
      'project formatter (after each edit) npx prettier --write $FILE',
    ]);
  });

  it('finds inline keys but never shows them; {env:X} is a reference, not a key', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`).sort(), ['mcp.github.environment.GITHUB_PERSONAL_ACCESS_TOKEN GitHub token', 'provider.anthropic.options.apiKey Anthropic API key']);
    const json = JSON.stringify(inv);
    assert.ok(!json.includes('PLANTED'), json);
  });

  it('lists AGENTS.md, agent and command markdown as instructions, auth.json as credentials', () => {
    assert.deepEqual(inv.instructions.map(i => `${i.scope} ${i.file}`).sort(), [
      'project workspace/.opencode/commands/test.md',
      'project workspace/AGENTS.md',
      'user home/.config/opencode/AGENTS.md',
      'user home/.config/opencode/agents/review.md',
    ]);
    assert.deepEqual(inv.credentials.map(c => c.file), ['home/.local/share/opencode/auth.json']);
  });

  it('follows XDG_CONFIG_HOME and XDG_DATA_HOME, OPENCODE_CONFIG and OPENCODE_CONFIG_DIR', () => {
    const moved = loadFixture(opencode, 'opencode', { XDG_CONFIG_HOME: path.join(loaded.root, 'home', 'nowhere'), XDG_DATA_HOME: path.join(loaded.root, 'home', 'nowhere') });
    assert.deepEqual(moved.builder.inventory.files.filter(f => f.scope === 'user').map(f => f.file), []);
    const c = opencode.candidates({ home: '/home/ana', env: { XDG_CONFIG_HOME: '/xdg/config', XDG_DATA_HOME: '/xdg/data', OPENCODE_CONFIG: '/etc/team/opencode.json', OPENCODE_CONFIG_DIR: '/srv/oc' }, platform: 'darwin' }).map(x => `${x.scope} ${x.path}`);
    for (const p of ['user /xdg/config/opencode/opencode.jsonc', 'user /xdg/config/opencode/AGENTS.md', 'user /xdg/data/opencode/auth.json', 'user /etc/team/opencode.json', 'user /srv/oc/opencode.json', 'user /srv/oc/agents', 'managed /Library/Application Support/opencode/opencode.json']) {
      assert.ok(c.includes(p), `${p} in ${c.join('\n')}`);
    }
    assert.ok(!c.some(p => p.includes('/home/ana/.config/')));
  });

  it('looks for managed files in /etc/opencode on Linux and leaves the project out under OPENCODE_DISABLE_PROJECT_CONFIG', () => {
    const linux = opencode.candidates(fixtureSources('opencode')).map(x => `${x.scope} ${x.path}`);
    assert.ok(linux.includes('managed /etc/opencode/opencode.jsonc'));
    const off = loadFixture(opencode, 'opencode', { OPENCODE_DISABLE_PROJECT_CONFIG: 'true' });
    assert.ok(!off.builder.inventory.files.some(f => f.file === 'workspace/opencode.json'));
    assert.ok(off.builder.inventory.files.some(f => f.file === 'workspace/AGENTS.md'));
  });

  it('leaves the CLAUDE.md fallback to the Claude Code reader', () => {
    assert.ok(!opencode.candidates(fixtureSources('opencode')).some(x => x.path.endsWith('CLAUDE.md')));
  });

  it('judges a whole-config "permission": "allow" broad, and gives a broken JSONC file an error entry without stopping', () => {
    const root = tempTree({
      'home/.config/opencode/opencode.json': '{ "permission": "allow" }\n',
      'ws/opencode.json': '{ "mcp": { "x": { "type": "local", "command": ["npx", ', // cut off mid-file
    }, 'ata-opencode-broken-');
    try {
      const r = loadConfig(opencode, { home: path.join(root, 'home'), workspace: path.join(root, 'ws'), env: {}, platform: 'linux' })!;
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message, /^opencode project config does not parse as JSONC \(\w+ at \d+:\d+\); what parsed was read$/);
      assert.deepEqual(r.builder.inventory.permissions.map(p => `${p.at.key} ${p.value} ${p.broad}`), ['permission permission: allow true']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds nothing, and no error, without any opencode file', () => {
    const root = tempTree({ 'home/.profile': '' }, 'ata-opencode-none-');
    try {
      assert.equal(loadConfig(opencode, { home: path.join(root, 'home'), workspace: path.join(root, 'ws'), env: {}, platform: 'linux' }), undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('broad opencode permission rules', () => {
  const table: Array<[string, string | undefined, boolean]> = [
    ['*', undefined, true], ['*', '*', true], ['bash', undefined, true], ['bash', '*', true], ['bash', 'python *', true], ['bash', 'git *', true], ['bash', 'sh -c *', true],
    ['bash', 'git status *', false], ['bash', 'npm test', false], ['bash', 'grep *', false], ['edit', undefined, false], ['edit', '*', false], ['webfetch', undefined, false], ['read', '*', false], ['*', 'src/**', false],
  ];
  for (const [tool, pattern, broad] of table) it(`${tool}${pattern === undefined ? '' : ` "${pattern}"`} is ${broad ? 'broad' : 'narrow'}`, () => assert.equal(isBroadPermission(tool, pattern), broad));
});
