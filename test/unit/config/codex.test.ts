import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codexCli } from '../../../src/core/config/codex';
import { loadConfig } from '../../../src/core/config/load';
import { fixtureSources, loadFixture } from '../../helpers/configFixture';
import { tempTree } from '../../helpers/tempTree';

describe('Codex CLI configuration reader', () => {
  const loaded = loadFixture(codexCli, 'codex');
  const inv = loaded.builder.inventory;

  it('reads the user config, .env, instructions, credentials and the project layer, each with its scope', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.format} ${f.file}`).sort(), [
      'project text workspace/AGENTS.md',
      'project toml workspace/.codex/config.toml',
      'user dotenv home/.codex/.env',
      'user json home/.codex/auth.json',
      'user text home/.codex/AGENTS.md',
      'user toml home/.codex/config.toml',
    ]);
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(inv.instructions.map(i => `${i.scope} ${i.file}`).sort(), ['project workspace/AGENTS.md', 'user home/.codex/AGENTS.md']);
    assert.deepEqual(inv.credentials.map(c => c.file), ['home/.codex/auth.json']);
  });

  it('names the managed layers in /etc/codex on Unix and in CODEX_HOME on Windows', () => {
    const unix = codexCli.candidates(fixtureSources('codex')).filter(c => c.scope === 'managed').map(c => c.path);
    assert.deepEqual(unix, ['/etc/codex/config.toml', '/etc/codex/managed_config.toml']);
    const win = codexCli.candidates({ ...fixtureSources('codex'), platform: 'win32' }).filter(c => c.scope === 'managed').map(c => path.basename(c.path));
    assert.deepEqual(win, ['managed_config.toml']);
  });

  it('finds provider base URLs, the .env base URL, the commands proxy and OTLP export with its CA, at the key', () => {
    const byName = new Map(inv.endpoints.map(e => [e.name, e]));
    const corp = byName.get('model_providers.corp-gateway.base_url')!;
    assert.equal(corp.kind, 'base-url');
    assert.equal(corp.value, 'http://203.0.113.50:8000/v1');
    assert.deepEqual([corp.at.file, corp.at.line, corp.at.column], ['home/.codex/config.toml', 19, 1]);
    assert.equal(byName.get('model_providers.ollama.base_url')!.value, 'http://localhost:11434/v1');
    const env = byName.get('OPENAI_BASE_URL')!;
    assert.deepEqual([env.kind, env.at.file, env.at.line, env.at.column], ['base-url', 'home/.codex/.env', 3, 1]);
    assert.equal(byName.get('HTTPS_PROXY')!.kind, 'proxy');
    assert.equal(byName.get('HTTPS_PROXY')!.at.key, 'shell_environment_policy.set.HTTPS_PROXY');
    const otel = byName.get('otel.exporter.otlp-http.endpoint')!;
    assert.deepEqual([otel.kind, otel.value], ['telemetry', 'https://otel.example-collector.io:4318/v1/logs']);
    assert.equal(byName.get('otel.exporter.otlp-http.tls.ca-certificate')!.kind, 'ca-file');
  });

  it('reads MCP servers: transport, package and pinning, env keys, and per-server auto-approval', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['fetch', 'figma', 'filesystem', 'github', 'linear', 'repo-tools']);
    const github = byName.get('github')!;
    assert.deepEqual([github.transport, github.package, github.pinned, github.scope], ['stdio', '@modelcontextprotocol/server-github', false, 'user']);
    assert.deepEqual(github.envKeys, ['GITHUB_PERSONAL_ACCESS_TOKEN']);
    assert.deepEqual([byName.get('filesystem')!.package, byName.get('filesystem')!.pinned], ['@modelcontextprotocol/server-filesystem', true]);
    assert.deepEqual([byName.get('fetch')!.package, byName.get('fetch')!.pinned, byName.get('fetch')!.envKeys], ['mcp-server-fetch', true, ['HTTPS_PROXY']]);
    assert.deepEqual([byName.get('figma')!.transport, byName.get('figma')!.url, byName.get('figma')!.autoTrusted], ['http', 'https://mcp.figma.com/mcp', true]);
    assert.equal(byName.get('linear')!.autoTrusted, undefined, '"prompt" still asks');
    assert.equal(byName.get('repo-tools')!.scope, 'project');
    assert.equal(github.at.key, 'mcp_servers.github');
  });

  it('reads notify as a hook running the program with its arguments', () => {
    assert.deepEqual(inv.hooks.map(h => `${h.scope} ${h.event} ${h.kind} ${h.run}`), ['user notify command python3 /home/dev/.codex/notify.py']);
    assert.equal(inv.hooks[0].at.line, 7);
  });

  it('judges approval and sandbox modes, profiles included: never and danger-full-access are broad', () => {
    const perms = inv.permissions.map(p => `${p.scope} ${p.kind} ${p.at.key} | ${p.value} | ${p.broad ? 'broad' : 'narrow'}`).sort();
    assert.deepEqual(perms, [
      'project mode approval_policy | approval_policy = never | broad',
      'user mode approval_policy | approval_policy = on-request | narrow',
      'user mode profiles.review.approval_policy | approval_policy = untrusted | narrow',
      'user mode profiles.review.sandbox_mode | sandbox_mode = read-only | narrow',
      'user mode profiles.yolo.approval_policy | approval_policy = never | broad',
      'user mode profiles.yolo.sandbox_mode | sandbox_mode = danger-full-access | broad',
      'user mode sandbox_mode | sandbox_mode = workspace-write | narrow',
      'user mode sandbox_workspace_write.network_access | sandbox_workspace_write.network_access = true | narrow',
      'user mode shell_environment_policy.ignore_default_excludes | shell_environment_policy.ignore_default_excludes = true | narrow',
      'user trust projects["/home/dev/work/api"].trust_level | /home/dev/work/api: trusted | narrow',
    ]);
  });

  it('finds inline secrets (a header, an MCP env value, the .env key) and never shows them', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.scope} ${s.name}`).sort(), [
      'user OPENAI_API_KEY',
      'user mcp_servers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN',
      'user model_providers.corp-gateway.http_headers.X-Api-Key',
    ]);
    const json = JSON.stringify(inv);
    assert.ok(!json.includes('PLANTED'), json);
  });

  it('follows CODEX_HOME for every user file', () => {
    const moved = loadFixture(codexCli, 'codex', { CODEX_HOME: path.join(loaded.root, 'home', '.codex-elsewhere') });
    assert.deepEqual(moved.builder.inventory.files.filter(f => f.scope === 'user'), []);
    const c = codexCli.candidates({ ...fixtureSources('codex'), env: { CODEX_HOME: '/opt/codex-home' } });
    assert.deepEqual(c.filter(x => x.scope === 'user').map(x => x.path).sort(), ['/opt/codex-home/.env', '/opt/codex-home/AGENTS.md', '/opt/codex-home/AGENTS.override.md', '/opt/codex-home/auth.json', '/opt/codex-home/config.toml']);
  });

  it('gives a broken config.toml an error entry and still reads the other files; a missing file is no error', () => {
    const root = tempTree({
      'home/.codex/config.toml': 'approval_policy = "never"\n[mcp_servers.x\ncommand = "npx"\n',
      'home/.codex/AGENTS.md': '# ok\n',
    }, 'ata-codex-broken-');
    try {
      const r = loadConfig(codexCli, { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' })!;
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message, /^Codex user config does not parse as TOML/);
      assert.deepEqual(r.builder.inventory.instructions.map(i => i.file), ['.codex/AGENTS.md']);
      assert.equal(fs.existsSync(path.join(root, 'workspace')), false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
