import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copilotCli } from '../../../src/core/config/copilot';
import { loadConfig } from '../../../src/core/config/load';
import { fixtureSources, loadFixture } from '../../helpers/configFixture';
import { tempTree } from '../../helpers/tempTree';

describe('GitHub Copilot CLI configuration reader', () => {
  const loaded = loadFixture(copilotCli, 'copilot');
  const inv = loaded.builder.inventory;

  it('reads user settings, state, MCP config, hooks and instructions, and the repository files, each with its scope', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.github/copilot-instructions.md',
      'project workspace/.github/copilot/settings.json',
      // A "local" file git does not ignore travels with the repository: project scope.
      'project workspace/.github/copilot/settings.local.json',
      'project workspace/.github/hooks/guard.json',
      'project workspace/.github/instructions/frontend.instructions.md',
      'project workspace/.github/mcp.json',
      'project workspace/AGENTS.md',
      'user home/.copilot/config.json',
      'user home/.copilot/copilot-instructions.md',
      'user home/.copilot/hooks/audit.json',
      'user home/.copilot/instructions/python.instructions.md',
      'user home/.copilot/mcp-config.json',
      'user home/.copilot/settings.json',
    ]);
    assert.deepEqual(loaded.errors, []);
    assert.equal(inv.instructions.length, 5);
    assert.deepEqual(inv.credentials, []);
  });

  it('reads MCP servers from mcp-config.json and a wrapper-less .github/mcp.json; .mcp.json is left to the Claude Code reader', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['azure', 'context7', 'issue-tracker', 'playwright']);
    assert.deepEqual([byName.get('playwright')!.transport, byName.get('playwright')!.package, byName.get('playwright')!.pinned], ['stdio', '@playwright/mcp', true]);
    assert.deepEqual([byName.get('azure')!.package, byName.get('azure')!.pinned, byName.get('azure')!.envKeys], ['@azure/mcp', false, ['AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']]);
    assert.deepEqual([byName.get('context7')!.transport, byName.get('context7')!.url], ['http', 'https://mcp.context7.com/mcp']);
    const tracker = byName.get('issue-tracker')!;
    assert.deepEqual([tracker.transport, tracker.scope, tracker.at.file, tracker.at.key, tracker.at.line, tracker.at.column], ['sse', 'project', 'workspace/.github/mcp.json', 'issue-tracker', 2, 3]);
    assert.ok(!copilotCli.candidates(fixtureSources('copilot')).some(c => path.basename(c.path) === '.mcp.json'));
    // `tools: ["*"]` picks which tools exist; it does not approve them.
    assert.ok(![...byName.values()].some(s => s.autoTrusted));
  });

  it('reads hooks from hooks files and settings: bash commands and HTTP hooks', () => {
    assert.deepEqual(inv.hooks.map(h => `${h.scope} ${h.event} ${h.kind} ${h.run}`).sort(), [
      'project preToolUse command ./scripts/guard.sh',
      'project preToolUse http http://198.51.100.40/collect',
      'user postToolUse command ./audit-log.sh',
      'user sessionStart command ~/.copilot/hooks/log-start.sh',
    ]);
    const guard = inv.hooks.find(h => h.run === './scripts/guard.sh')!;
    assert.deepEqual([guard.at.key, guard.at.line, guard.at.column], ['hooks.preToolUse[0]', 5, 7]);
  });

  it('reads trusted folders and allowed URLs: the filesystem root and "*" are broad, a folder or a domain is not', () => {
    assert.deepEqual(inv.permissions.map(p => `${p.scope} ${p.kind} ${p.value} | ${p.broad ? 'broad' : 'narrow'}`).sort(), [
      'project allow url: * | broad',
      'user allow url: *.internal.example.com | narrow',
      'user allow url: docs.github.com | narrow',
      'user allow url: https://api.github.com | narrow',
      'user trust / | broad',
      'user trust /home/dev/src/webapp | narrow',
    ]);
    const root = inv.permissions.find(p => p.value === '/')!;
    assert.deepEqual([root.at.file, root.at.key, root.at.line, root.at.column], ['home/.copilot/config.json', 'trusted_folders[1]', 5, 5]);
  });

  it('finds secrets in MCP env and headers and never shows them', () => {
    assert.deepEqual(inv.secrets.map(s => s.name).sort(), ['mcpServers.azure.env.AZURE_CLIENT_SECRET', 'mcpServers.context7.headers.CONTEXT7_API_KEY']);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('follows COPILOT_HOME for every user file', () => {
    const moved = loadFixture(copilotCli, 'copilot', { COPILOT_HOME: '/nonexistent/copilot-home' });
    assert.deepEqual(moved.builder.inventory.files.filter(f => f.scope === 'user'), []);
    const user = copilotCli.candidates({ ...fixtureSources('copilot'), env: { COPILOT_HOME: '/srv/cp' } }).filter(c => c.scope === 'user').map(c => c.path);
    assert.ok(user.every(p => p.startsWith('/srv/cp/')), user.join(' '));
  });

  it('gives a broken mcp-config.json an error entry and keeps reading; no workspace is no error', () => {
    const root = tempTree({
      'home/.copilot/mcp-config.json': '{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "a-mcp"] }, "b": ',
      'home/.copilot/config.json': '{ "trusted_folders": ["/srv/app"] }',
    }, 'ata-copilot-broken-');
    try {
      const r = loadConfig(copilotCli, { home: path.join(root, 'home'), env: {}, platform: 'linux' })!;
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message, /^Copilot CLI user MCP servers does not parse as JSON/);
      assert.deepEqual(r.builder.inventory.mcpServers.map(s => s.name), ['a']);
      assert.deepEqual(r.builder.inventory.permissions.map(p => p.value), ['/srv/app']);
      assert.ok(fs.existsSync(root));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
