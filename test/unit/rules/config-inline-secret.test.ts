import * as assert from 'node:assert/strict';
import { configFindings } from '../../helpers/configRuleTester';

const KEY = 'sk-ant-api03-PLANTEDVALUEabcdefghijklmnopqrstuvwxyz0123456789';

describe('config-inline-secret', () => {
  it('flags a key in the env block and shows only its redacted form', () => {
    const found = configFindings('config-inline-secret', { name: 'env', files: { 'home/.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_API_KEY: KEY } }, null, 2) } });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Anthropic API key in plain text at env\.ANTHROPIC_API_KEY: sk-ant-…\[\d+ chars, #[0-9a-f]{6}\]$/);
    assert.equal(found[0].severity, 'medium');
    assert.ok(!JSON.stringify(found).includes('PLANTEDVALUE'));
  });
  it('is high inside a git work tree, and for a project file', () => {
    const tracked = configFindings('config-inline-secret', { name: 'git', files: { 'home/.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_API_KEY: KEY } }) }, git: ['home'] });
    assert.deepEqual(tracked.map(f => f.severity), ['high']);
    assert.match(tracked[0].message, /in a file git would commit/);
    const project = configFindings('config-inline-secret', { name: 'mcp', files: { 'workspace/.mcp.json': JSON.stringify({ mcpServers: { gh: { command: 'gh-mcp', env: { GITHUB_TOKEN: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' } } } }) } });
    assert.deepEqual(project.map(f => [f.severity, f.configKey]), [['high', 'mcpServers.gh.env.GITHUB_TOKEN']]);
  });
  it('flags the value of a key-like setting whatever its shape', () => {
    const found = configFindings('config-inline-secret', { name: 'generic', files: { 'home/.claude.json': JSON.stringify({ mcpServers: { x: { command: 'x', env: { ACME_API_KEY: 'a8f3k2j9d8s7f6g5h4j3' } } } }) } });
    assert.deepEqual(found.map(f => f.message.replace(/#[0-9a-f]{6}/, '#')), ['value of ACME_API_KEY in plain text at mcpServers.x.env.ACME_API_KEY: …[20 chars, #]']);
  });
  it('does not flag references, placeholders and paths', () => {
    const env = { ANTHROPIC_API_KEY: '${ANTHROPIC_KEY}', GITHUB_TOKEN: '$GH_TOKEN', OPENAI_API_KEY: 'your-api-key-here', GOOGLE_APPLICATION_CREDENTIALS: '/home/u/.config/gcloud/key.json', TOKEN: 'short' };
    assert.deepEqual(configFindings('config-inline-secret', { name: 'refs', files: { 'home/.claude/settings.json': JSON.stringify({ env }) } }), []);
  });
});

describe('config-inline-secret: keys on a command line and git ignore rules', () => {
  it('flags and hides a key passed as the argument after --api-key', () => {
    const files = { 'home/.claude.json': JSON.stringify({ mcpServers: { x: { command: 'node', args: ['server.js', '--api-key', 'abcd1234efgh5678ijkl'] } } }) };
    const found = configFindings('config-inline-secret', { name: 'flag', files });
    assert.deepEqual(found.map(f => f.configKey), ['mcpServers.x.args[2]']);
    assert.ok(!JSON.stringify(found).includes('abcd1234efgh5678ijkl'));
    const listed = configFindings('config-mcp-server', { name: 'flag', files });
    assert.ok(!JSON.stringify(listed).includes('abcd1234efgh5678ijkl'), JSON.stringify(listed));
  });
  it('is not high for a file an ignore rule keeps out of git', () => {
    const files = { 'workspace/.claude/settings.local.json': JSON.stringify({ env: { ANTHROPIC_API_KEY: KEY } }), 'workspace/.gitignore': '.claude/settings.local.json\n' };
    assert.deepEqual(configFindings('config-inline-secret', { name: 'ignored', files, git: ['workspace'] }).map(f => [f.severity, f.scope]), [['medium', 'local']]);
  });
  it('treats a local settings file git would take along as the repository\'s', () => {
    const files = { 'workspace/.claude/settings.local.json': JSON.stringify({ env: { ANTHROPIC_API_KEY: KEY } }) };
    assert.deepEqual(configFindings('config-inline-secret', { name: 'tracked', files, git: ['workspace'] }).map(f => [f.severity, f.scope]), [['high', 'project']]);
  });
  it('honours a home folder kept in git that ignores everything', () => {
    const files = { 'home/.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_API_KEY: KEY } }), 'home/.gitignore': '*\n!.bashrc\n' };
    assert.deepEqual(configFindings('config-inline-secret', { name: 'dotfiles', files, git: ['home'] }).map(f => f.severity), ['medium']);
  });
});

describe('config-inline-secret: flag forms', () => {
  for (const args of [['--api-key=abcd1234efgh5678ijkl'], ['--auth', 'abcd1234efgh5678ijkl'], ['--token', 'abcd1234efgh5678ijkl']]) {
    it(`finds and hides the key in ${JSON.stringify(args)}`, () => {
      const files = { 'home/.claude.json': JSON.stringify({ mcpServers: { x: { command: 'node', args: ['server.js', ...args] } } }) };
      const found = configFindings('config-inline-secret', { name: 'flag', files });
      assert.equal(found.length, 1);
      assert.ok(!JSON.stringify([found, configFindings('config-mcp-server', { name: 'flag', files })]).includes('abcd1234efgh5678ijkl'));
    });
  }
});
