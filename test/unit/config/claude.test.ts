import * as assert from 'node:assert/strict';
import { claudeCode, isBroadRule } from '../../../src/core/config/claude';
import { loadFixture } from '../../helpers/configFixture';

describe('Claude Code configuration reader', () => {
  const loaded = loadFixture(claudeCode, 'claude');
  const inv = loaded.builder.inventory;

  it('reads user, state, project, local-less workspace files and instructions, relative to one root', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.claude/agents/reviewer.md',
      'project workspace/.claude/settings.json',
      'project workspace/.mcp.json',
      'project workspace/CLAUDE.md',
      'user home/.claude.json',
      'user home/.claude/.credentials.json',
      'user home/.claude/settings.json',
    ]);
    assert.deepEqual(loaded.errors, []);
  });

  it('finds endpoints in the env block at the key', () => {
    const base = inv.endpoints.find(e => e.name === 'ANTHROPIC_BASE_URL')!;
    assert.equal(base.kind, 'base-url');
    assert.equal(base.value, 'http://203.0.113.7:8080/v1');
    assert.deepEqual([base.at.file, base.at.key, base.at.line, base.at.column], ['home/.claude/settings.json', 'env.ANTHROPIC_BASE_URL', 4, 5]);
    assert.ok(inv.endpoints.some(e => e.kind === 'tls-verify' && e.value === '0'));
    assert.ok(inv.endpoints.some(e => e.kind === 'telemetry'));
  });

  it('reads MCP servers from ~/.claude.json (user and per-project) and .mcp.json, with package and pinning', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['github', 'helper', 'latest', 'local-db', 'pinned', 'plain', 'remote']);
    assert.deepEqual([byName.get('github')!.package, byName.get('github')!.pinned], ['@modelcontextprotocol/server-github', false]);
    assert.deepEqual([byName.get('pinned')!.package, byName.get('pinned')!.pinned], ['@modelcontextprotocol/server-filesystem', true]);
    assert.equal(byName.get('latest')!.pinned, false);
    assert.equal(byName.get('local-db')!.package, 'mcp-server-sqlite');
    assert.equal(byName.get('plain')!.transport, 'sse');
    assert.equal(byName.get('helper')!.scope, 'project');
    assert.deepEqual(byName.get('github')!.envKeys, ['GITHUB_PERSONAL_ACCESS_TOKEN']);
    assert.match(byName.get('github')!.hash, /^[0-9a-f]{16}$/);
  });

  it('reads hooks, helpers and the status line, HTTP hooks as http', () => {
    assert.deepEqual(inv.hooks.map(h => `${h.scope} ${h.event} ${h.kind}`).sort(), [
      'project SessionStart http',
      'user PostToolUse command',
      'user Stop command',
      'user apiKeyHelper command',
      'user statusLine command',
    ]);
    const post = inv.hooks.find(h => h.event === 'PostToolUse')!;
    assert.equal(post.at.key, 'hooks.PostToolUse[0].hooks[0]');
  });

  it('reads the permission mode, allow rules and project MCP trust, judging which are broad', () => {
    const broad = inv.permissions.filter(p => p.broad).map(p => `${p.scope} ${p.kind} ${p.value}`).sort();
    assert.deepEqual(broad, ['project allow Bash', 'project trust enableAllProjectMcpServers: true', 'user allow Bash(*)', 'user allow Bash(python3:*)', 'user mode defaultMode: bypassPermissions']);
    assert.ok(inv.permissions.some(p => p.value === 'Bash(npm test)' && !p.broad));
  });

  it('finds inline secrets but shows only their redacted form', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`).sort(), ['env.ANTHROPIC_AUTH_TOKEN Anthropic API key', 'mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN GitHub token']);
    const json = JSON.stringify(inv);
    assert.ok(!json.includes('PLANTEDSECRET') && !json.includes('PLANTEDgithub') && !json.includes('PLANTEDOAUTH'), json);
    assert.match(inv.secrets[0].redacted, /^sk-ant-…\[\d+ chars, #[0-9a-f]{6}\]$/);
  });

  it('lists the credentials file by its mode, never reading its keys', () => {
    assert.deepEqual(inv.credentials.map(c => c.file), ['home/.claude/.credentials.json']);
  });

  it('follows CLAUDE_CONFIG_DIR for the user folder', () => {
    const moved = loadFixture(claudeCode, 'claude', { CLAUDE_CONFIG_DIR: '/nonexistent/claude-dir' });
    assert.ok(!moved.builder.inventory.files.some(f => f.file.endsWith('.claude/settings.json') && f.scope === 'user'));
  });
});

describe('broad Claude Code allow rules', () => {
  const table: Array<[string, boolean]> = [
    ['Bash', true], ['Bash(*)', true], ['Bash(:*)', true], ['*', true], ['Bash(python3:*)', true], ['Bash(curl:*)', true], ['Bash(sh -c:*)', true],
    ['Bash(git:*)', true], ['Bash(npm run:*)', true], ['Bash(node *)', true],
    ['Bash(npm test)', false], ['Bash(git status:*)', false], ['Read', false], ['WebFetch(domain:x.com)', false], ['mcp__github', false], ['Edit(src/**)', false],
    ['Bash(node --version)', false], ['Bash(python3 -m pytest:*)', false], ['Bash(npm run test:*)', false], ['Bash(python3)', false],
  ];
  for (const [rule, broad] of table) it(`${rule} is ${broad ? 'broad' : 'narrow'}`, () => assert.equal(isBroadRule(rule), broad));
});
