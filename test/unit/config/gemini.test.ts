import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { geminiCli, qwenCode } from '../../../src/core/config/gemini';
import { loadConfig } from '../../../src/core/config/load';
import { fixtureSources, loadFixture } from '../../helpers/configFixture';
import { tempTree } from '../../helpers/tempTree';

const describePerm = (p: { scope: string; kind: string; value: string; broad: boolean }) => `${p.scope} ${p.kind} ${p.value} | ${p.broad ? 'broad' : 'narrow'}`;

describe('Gemini CLI configuration reader', () => {
  const loaded = loadFixture(geminiCli, 'gemini');
  const inv = loaded.builder.inventory;

  it('reads user and project settings, .env files, trusted folders, policies, context files and credentials', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.format} ${f.file}`).sort(), [
      'project dotenv workspace/.gemini/.env',
      'project jsonc workspace/.gemini/settings.json',
      'project text workspace/GEMINI.md',
      'user dotenv home/.gemini/.env',
      'user json home/.gemini/oauth_creds.json',
      'user json home/.gemini/trustedFolders.json',
      'user jsonc home/.gemini/settings.json',
      'user text home/.gemini/GEMINI.md',
      'user toml home/.gemini/policies/my-rules.toml',
    ]);
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(inv.instructions.map(i => `${i.scope} ${i.file}`).sort(), ['project workspace/GEMINI.md', 'user home/.gemini/GEMINI.md']);
    assert.deepEqual(inv.credentials.map(c => c.file), ['home/.gemini/oauth_creds.json']);
  });

  it('names the system files per platform and honours the variables that move them', () => {
    const managed = (platform: NodeJS.Platform, env = {}) => geminiCli.candidates({ ...fixtureSources('gemini'), platform, env }).filter(c => c.scope === 'managed' && !c.inFolder).map(c => c.path);
    assert.deepEqual(managed('linux'), ['/etc/gemini-cli/system-defaults.json', '/etc/gemini-cli/settings.json']);
    assert.deepEqual(managed('darwin'), ['/Library/Application Support/GeminiCli/system-defaults.json', '/Library/Application Support/GeminiCli/settings.json']);
    assert.deepEqual(managed('win32').map(p => path.win32.basename(p)), ['system-defaults.json', 'settings.json']);
    assert.deepEqual(managed('linux', { GEMINI_CLI_SYSTEM_SETTINGS_PATH: '/opt/gem/settings.json' }), ['/opt/gem/system-defaults.json', '/opt/gem/settings.json']);
    assert.deepEqual(managed('linux', { GEMINI_CLI_SYSTEM_SETTINGS_PATH: '/opt/gem/settings.json', GEMINI_CLI_SYSTEM_DEFAULTS_PATH: '/opt/d.json' }), ['/opt/d.json', '/opt/gem/settings.json']);
  });

  it('finds the OTLP endpoint, the gcp target, the .env base URL and the project proxy at their keys', () => {
    const byName = new Map(inv.endpoints.map(e => [e.name, e]));
    const otlp = byName.get('telemetry.otlpEndpoint')!;
    assert.deepEqual([otlp.kind, otlp.value, otlp.at.file, otlp.at.line, otlp.at.column], ['telemetry', 'https://otel.example-collector.io:4317', 'home/.gemini/settings.json', 32, 5]);
    assert.deepEqual([byName.get('telemetry.target')!.kind, byName.get('telemetry.target')!.value], ['telemetry', 'gcp']);
    const base = byName.get('GOOGLE_GEMINI_BASE_URL')!;
    assert.deepEqual([base.kind, base.at.file, base.at.line, base.at.column], ['base-url', 'home/.gemini/.env', 2, 1]);
    assert.deepEqual([byName.get('HTTPS_PROXY')!.kind, byName.get('HTTPS_PROXY')!.scope], ['proxy', 'project']);
  });

  it('reads MCP servers: a bare url is SSE, httpUrl is HTTP, trust: true is auto-trusted, a pinned package is pinned', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['github', 'legacy-events', 'repo-db', 'sentry']);
    const github = byName.get('github')!;
    assert.deepEqual([github.transport, github.package, github.pinned, github.autoTrusted, github.envKeys], ['stdio', '@modelcontextprotocol/server-github', true, undefined, ['GITHUB_PERSONAL_ACCESS_TOKEN']]);
    assert.deepEqual([byName.get('sentry')!.transport, byName.get('sentry')!.autoTrusted], ['http', true]);
    assert.equal(byName.get('legacy-events')!.transport, 'sse');
    assert.deepEqual([byName.get('repo-db')!.scope, byName.get('repo-db')!.autoTrusted, byName.get('repo-db')!.package, byName.get('repo-db')!.pinned], ['project', true, 'mcp-server-sqlite', false]);
  });

  it('reads hooks and the tool discovery and call commands', () => {
    assert.deepEqual(inv.hooks.map(h => `${h.scope} ${h.event} ${h.run}`).sort(), [
      'project tools.callCommand bin/call_tool',
      'project tools.discoveryCommand bin/get_tools',
      'user BeforeTool $GEMINI_PROJECT_DIR/.gemini/hooks/security.sh',
    ]);
    assert.equal(inv.hooks.find(h => h.event === 'BeforeTool')!.at.key, 'hooks.BeforeTool[0].hooks[0]');
  });

  it('judges approval modes, allowed tools, policy rules and folder trust', () => {
    assert.deepEqual(inv.permissions.map(describePerm).sort(), [
      'project mode tools.approvalMode: yolo | broad',
      'project trust security.folderTrust.enabled: false | broad',
      'user allow * | broad',
      'user allow mcp server github | narrow',
      'user allow read_file | narrow',
      'user allow read_file | narrow',
      'user allow run_shell_command | broad',
      'user allow run_shell_command(git status) | narrow',
      'user allow run_shell_command(git status), run_shell_command(git diff) | narrow',
      'user allow run_shell_command(npm test) | narrow',
      'user allow run_shell_command(python3) | broad',
      'user mode general.defaultApprovalMode: auto_edit | narrow',
      'user trust /home/dev/clients/acme: TRUST_PARENT | narrow',
      'user trust /home/dev/work: TRUST_FOLDER | narrow',
    ]);
  });

  it('places a trusted folder at its quoted key and a policy rule at its [[rule]] table', () => {
    const work = inv.permissions.find(p => p.value === '/home/dev/work: TRUST_FOLDER')!;
    assert.deepEqual([work.at.file, work.at.key, work.at.line, work.at.column], ['home/.gemini/trustedFolders.json', '"/home/dev/work"', 2, 3]);
    const python = inv.permissions.find(p => p.value === 'run_shell_command(python3)')!;
    assert.deepEqual([python.at.file, python.at.key, python.at.line, python.at.column], ['home/.gemini/policies/my-rules.toml', 'rule[1]', 8, 1]);
  });

  it('finds inline secrets (.env key, a bearer header) and never shows them', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.scope} ${s.name} ${s.kind}`).sort(), [
      'user GEMINI_API_KEY Google API key',
      'user mcpServers.sentry.headers.Authorization Bearer token',
    ]);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('follows GEMINI_CLI_HOME for the user folder and ~/.env, and GEMINI_CLI_TRUSTED_FOLDERS_PATH', () => {
    const moved = loadFixture(geminiCli, 'gemini', { GEMINI_CLI_HOME: '/nonexistent/gemini-home' });
    assert.deepEqual(moved.builder.inventory.files.filter(f => f.scope === 'user'), []);
    const c = geminiCli.candidates({ ...fixtureSources('gemini'), env: { GEMINI_CLI_HOME: '/srv/u', GEMINI_CLI_TRUSTED_FOLDERS_PATH: '/srv/trust.json' } });
    const user = c.filter(x => x.scope === 'user').map(x => x.path);
    assert.ok(user.includes('/srv/u/.gemini/settings.json') && user.includes('/srv/u/.env') && user.includes('/srv/trust.json'), user.join(' '));
  });

  it('gives broken settings an error entry, reads what parsed, and does not mind missing files', () => {
    const root = tempTree({ 'home/.gemini/settings.json': '{\n  "tools": { "approvalMode": "yolo" },\n  "mcpServers": { "a": { "command": \n' }, 'ata-gemini-broken-');
    try {
      const r = loadConfig(geminiCli, { home: path.join(root, 'home'), workspace: path.join(root, 'nope'), env: {}, platform: 'linux' })!;
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message, /^Gemini CLI user settings does not parse as JSONC \(\w+ at \d+:\d+\); what parsed was read$/);
      assert.deepEqual(r.builder.inventory.permissions.map(p => p.value), ['tools.approvalMode: yolo']);
      assert.equal(fs.existsSync(path.join(root, 'nope')), false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Qwen Code configuration reader', () => {
  const loaded = loadFixture(qwenCode, 'qwen');
  const inv = loaded.builder.inventory;

  it('reads ~/.qwen and .qwen files, QWEN.md and AGENTS.md, and the OAuth credentials', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.format} ${f.file}`).sort(), [
      'project jsonc workspace/.qwen/settings.json',
      'project text workspace/AGENTS.md',
      'project text workspace/QWEN.md',
      'user dotenv home/.qwen/.env',
      'user json home/.qwen/oauth_creds.json',
      'user json home/.qwen/trustedFolders.json',
      'user jsonc home/.qwen/settings.json',
      'user text home/.qwen/QWEN.md',
    ]);
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(inv.credentials.map(c => c.file), ['home/.qwen/oauth_creds.json']);
    const managed = qwenCode.candidates(fixtureSources('qwen')).filter(c => c.scope === 'managed').map(c => c.path);
    assert.deepEqual(managed, ['/etc/qwen-code/system-defaults.json', '/etc/qwen-code/settings.json']);
  });

  it('finds model provider base URLs, the top-level proxy, the OTLP endpoint and the .env base URL', () => {
    const byName = new Map(inv.endpoints.map(e => [e.name, e]));
    assert.deepEqual([...byName.keys()].sort(), ['OPENAI_BASE_URL', 'modelProviders.openai[0].baseUrl', 'modelProviders.openai[1].baseUrl', 'proxy', 'telemetry.otlpEndpoint']);
    const proxy = byName.get('proxy')!;
    assert.deepEqual([proxy.kind, proxy.value, proxy.at.line, proxy.at.column], ['proxy', 'http://127.0.0.1:7890', 18, 3]);
    assert.equal(byName.get('modelProviders.openai[0].baseUrl')!.value, 'https://openrouter.ai/api/v1');
    assert.ok(!inv.endpoints.some(e => e.name === 'telemetry.target'), 'a local target sends nothing');
  });

  it('judges approval modes and permission rules; yolo in the project is broad, auto-edit is not', () => {
    assert.deepEqual(inv.permissions.map(describePerm).sort(), [
      'project mode tools.approvalMode: yolo | broad',
      'user allow read_file | narrow',
      'user allow run_shell_command | broad',
      'user allow run_shell_command(git status) | narrow',
      // A rule matches commands by prefix: every git command, aliases and hooks included.
      'user allow run_shell_command(git) | broad',
      'user mode tools.approvalMode: auto-edit | narrow',
      'user trust /home/dev/projects: TRUST_PARENT | narrow',
    ]);
  });

  it('reads MCP servers with transports, pinning and trust', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([byName.get('context7')!.transport, byName.get('playwright')!.package, byName.get('playwright')!.pinned], ['http', '@playwright/mcp', false]);
    assert.deepEqual([byName.get('repo-events')!.transport, byName.get('repo-events')!.autoTrusted, byName.get('repo-events')!.scope], ['sse', true, 'project']);
  });

  it('finds secrets in the env block and the .env file and never shows them', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`).sort(), ['DASHSCOPE_API_KEY API key (sk-)', 'env.OPENROUTER_API_KEY OpenRouter key']);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('follows QWEN_HOME (the .qwen folder itself) and QWEN_CODE_SYSTEM_SETTINGS_PATH', () => {
    const moved = loadFixture(qwenCode, 'qwen', { QWEN_HOME: '/nonexistent/qwen-home' });
    assert.deepEqual(moved.builder.inventory.files.filter(f => f.scope === 'user').map(f => f.file), []);
    const c = qwenCode.candidates({ ...fixtureSources('qwen'), env: { QWEN_HOME: '/srv/qh', QWEN_CODE_SYSTEM_SETTINGS_PATH: '/opt/q/settings.json' } });
    const paths = c.map(x => x.path);
    for (const p of ['/srv/qh/settings.json', '/srv/qh/.env', '/srv/qh/oauth_creds.json', '/srv/qh/trustedFolders.json', '/opt/q/settings.json', '/opt/q/system-defaults.json']) assert.ok(paths.includes(p), p);
  });
});
