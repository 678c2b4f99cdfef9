import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { continueDev } from '../../../src/core/config/continue';
import { loadConfig } from '../../../src/core/config/load';
import { CONFIG_READERS } from '../../../src/core/config/readers';
import { fixtureSources, loadFixture } from '../../helpers/configFixture';
import { tempTree } from '../../helpers/tempTree';

describe('Continue configuration reader', () => {
  const loaded = loadFixture(continueDev, 'continue');
  const inv = loaded.builder.inventory;

  it('is registered under the catalog id continue', () => {
    assert.ok(CONFIG_READERS.includes(continueDev));
    assert.equal(continueDev.assistant, 'continue');
  });

  it('reads the user config, CLI permissions, workspace blocks, agents, .continuerc.json, rules and secret stores, each with its scope', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.format} ${f.file}`).sort(), [
      'project jsonc workspace/.continue/mcpServers/mcp.json',
      'project jsonc workspace/.continuerc.json',
      'project text workspace/.continue/rules/typescript.md',
      'project text workspace/AGENTS.md',
      'project yaml workspace/.continue/agents/reviewer.yaml',
      'project yaml workspace/.continue/mcpServers/playwright-mcp.yaml',
      'project yaml workspace/.continue/models/local-proxy.yaml',
      'user dotenv home/.continue/.env',
      'user text home/.continue/rules/concise.md',
      'user yaml home/.continue/config.yaml',
      'user yaml home/.continue/permissions.yaml',
    ]);
    assert.deepEqual(loaded.errors, []);
  });

  it('finds apiBase, requestOptions proxy, CA bundles and verifySsl: false, at the key in YAML and JSON', () => {
    const e = inv.endpoints.map(x => `${x.scope} ${x.kind} ${x.name} ${x.value}`).sort();
    assert.deepEqual(e, [
      'project base-url models[0].apiBase http://203.0.113.40:8000/v1',
      'project base-url models[0].apiBase https://codestral.example-corp.io/v1',
      'project ca-file models[0].requestOptions.caBundlePath[0] ./certs/team-ca.pem',
      'project ca-file models[0].requestOptions.caBundlePath[1] ./certs/intermediate.pem',
      'project proxy models[0].requestOptions.proxy socks5://127.0.0.1:1080',
      'user base-url models[0].apiBase http://10.20.0.15:11434',
      'user base-url models[1].apiBase https://llm-gateway.example-corp.io/v1',
      'user ca-file requestOptions.caBundlePath /etc/ssl/certs/corp-root.pem',
      'user proxy requestOptions.proxy http://proxy.corp.example:3128',
      'user telemetry data[1].destination https://ingest.example-corp.io/continue',
      'user tls-verify models[1].requestOptions.verifySsl false',
    ]);
    const at = (name: string, file: string) => inv.endpoints.find(x => x.name === name && x.at.file === file)!.at;
    // YAML positions: the key of a list item's mapping, and a sequence item under a key.
    assert.deepEqual([at('models[0].apiBase', 'home/.continue/config.yaml').line, at('models[0].apiBase', 'home/.continue/config.yaml').column], [14, 5]);
    assert.deepEqual([at('models[1].requestOptions.verifySsl', 'home/.continue/config.yaml').line, at('models[1].requestOptions.verifySsl', 'home/.continue/config.yaml').column], [25, 7]);
    assert.deepEqual([at('models[0].requestOptions.caBundlePath[1]', 'workspace/.continue/models/local-proxy.yaml').line, at('models[0].requestOptions.caBundlePath[1]', 'workspace/.continue/models/local-proxy.yaml').column], [13, 11]);
    // JSONC position in .continuerc.json.
    assert.deepEqual([at('models[0].apiBase', 'workspace/.continuerc.json').line, at('models[0].apiBase', 'workspace/.continuerc.json').column], [4, 89]);
  });

  it('does not count a local file:// data destination as data leaving the machine', () => {
    assert.ok(!inv.endpoints.some(x => x.value.startsWith('file:')));
  });

  it('reads mcpServers as a YAML list (name, command, args, env, type, url), block files and Claude-style JSON files', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['Browser search', 'Docs search', 'GitHub', 'SQLite', 'filesystem']);
    const gh = byName.get('GitHub')!;
    assert.deepEqual([gh.scope, gh.transport, gh.command, gh.package, gh.pinned], ['user', 'stdio', 'npx', '@modelcontextprotocol/server-github', false]);
    assert.deepEqual(gh.envKeys, ['GITHUB_PERSONAL_ACCESS_TOKEN']);
    assert.deepEqual([gh.at.key, gh.at.line, gh.at.column], ['mcpServers[0]', 34, 5]);
    assert.deepEqual([byName.get('SQLite')!.package, byName.get('SQLite')!.pinned], ['mcp-sqlite', true]);
    assert.deepEqual([byName.get('Docs search')!.transport, byName.get('Docs search')!.url], ['sse', 'https://mcp.example-docs.io/sse']);
    const pw = byName.get('Browser search')!;
    assert.deepEqual([pw.scope, pw.at.file, pw.package, pw.pinned], ['project', 'workspace/.continue/mcpServers/playwright-mcp.yaml', '@playwright/mcp', false]);
    const fsServer = byName.get('filesystem')!;
    assert.deepEqual([fsServer.scope, fsServer.at.key, fsServer.pinned], ['project', 'mcpServers.filesystem', true]);
    // A `uses:` hub reference has no definition in the file: it is not a server here.
    assert.equal(inv.mcpServers.filter(s => s.at.file === 'home/.continue/config.yaml').length, 3);
  });

  it('reads the CLI permissions.yaml allow list: bare Bash is broad, a pattern or a write glob is narrow, ask/exclude are not allowances', () => {
    assert.deepEqual(inv.permissions.map(p => `${p.scope} ${p.kind} ${p.value} ${p.broad}`), [
      'user allow Read(*) false',
      'user allow Write(**/*.ts) false',
      'user allow Bash(npm test) false',
      'user allow Bash true',
    ]);
    assert.deepEqual([inv.permissions[3].at.key, inv.permissions[3].at.line, inv.permissions[3].at.column], ['allow[3]', 6, 5]);
    assert.ok(!inv.permissions.some(p => p.value === 'Edit'));
  });

  it('lists markdown rules and AGENTS.md as instructions, the .env secret stores as credentials', () => {
    assert.deepEqual(inv.instructions.map(i => `${i.scope} ${i.file}`).sort(), ['project workspace/.continue/rules/typescript.md', 'project workspace/AGENTS.md', 'user home/.continue/rules/concise.md']);
    assert.deepEqual(inv.credentials.map(c => c.file), ['home/.continue/.env']);
  });

  it('finds inline keys but shows only their redacted form; ${{ secrets.X }} references are not keys', () => {
    assert.deepEqual(inv.secrets.map(s => `${s.name} ${s.kind}`).sort(), ['mcpServers[0].env.GITHUB_PERSONAL_ACCESS_TOKEN GitHub token', 'models[1].apiKey OpenAI project key']);
    const json = JSON.stringify(inv);
    assert.ok(!json.includes('PLANTED'), json);
  });

  it('follows CONTINUE_GLOBAL_DIR for every user file, relative values from the workspace', () => {
    const moved = loadFixture(continueDev, 'continue', { CONTINUE_GLOBAL_DIR: path.join(loaded.root, 'home', 'elsewhere') });
    assert.deepEqual(moved.builder.inventory.files.filter(f => f.scope === 'user'), []);
    const abs = continueDev.candidates({ ...fixtureSources('continue'), env: { CONTINUE_GLOBAL_DIR: '/opt/continue' } });
    assert.ok(abs.filter(c => c.scope === 'user').every(c => c.path.startsWith('/opt/continue')));
    assert.ok(abs.some(c => c.path === '/opt/continue/config.yaml'));
    const rel = continueDev.candidates({ home: '/home/ana', workspace: '/work/app', env: { CONTINUE_GLOBAL_DIR: 'cfg' }, platform: 'linux' });
    assert.ok(rel.some(c => c.path === '/work/app/cfg/config.yaml'));
  });

  it('reads a legacy config.json (models, tabAutocompleteModel, experimental MCP servers) when there is no config.yaml', () => {
    const root = tempTree({
      'home/.continue/config.json': JSON.stringify({
        models: [{ title: 'Local', provider: 'ollama', model: 'qwen2.5-coder', apiBase: 'http://192.168.1.20:11434', apiKey: '${{secrets.OLLAMA_API_KEY}}' }],
        tabAutocompleteModel: { title: 'Auto', provider: 'openai', model: 'x', requestOptions: { proxy: 'http://10.0.0.9:8080', verifySsl: true } },
        experimental: { modelContextProtocolServers: [{ transport: { type: 'stdio', command: 'uvx', args: ['mcp-server-git==2025.1.14'], env: { GIT_DIR: '.' } } }] },
      }, null, 2),
    }, 'ata-continue-legacy-');
    try {
      const r = loadConfig(continueDev, { home: path.join(root, 'home'), env: {}, platform: 'linux' })!;
      assert.deepEqual(r.errors, []);
      const i = r.builder.inventory;
      assert.deepEqual(i.endpoints.map(e => `${e.kind} ${e.name} ${e.value}`), ['base-url models[0].apiBase http://192.168.1.20:11434', 'proxy tabAutocompleteModel.requestOptions.proxy http://10.0.0.9:8080']);
      // verifySsl: true is the safe default: not reported.
      assert.ok(!i.endpoints.some(e => e.kind === 'tls-verify'));
      // A `${{secrets.X}}` reference, even written without spaces, is not a key.
      assert.deepEqual(i.secrets, []);
      const s = i.mcpServers[0];
      assert.deepEqual([s.transport, s.command, s.package, s.pinned, s.envKeys], ['stdio', 'uvx', 'mcp-server-git', true, ['GIT_DIR']]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives a broken config.yaml an error entry, reads what else is there, and treats a missing workspace as no error', () => {
    const root = tempTree({
      'home/.continue/config.yaml': 'name: x\nmodels:\n  - name: a\n    apiBase: [unclosed\n',
      'home/.continue/permissions.yaml': 'allow:\n  - "*"\n',
    }, 'ata-continue-broken-');
    try {
      const r = loadConfig(continueDev, { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' })!;
      assert.equal(r.errors.length, 1);
      assert.match(r.errors[0].message, /^Continue user config does not parse as YAML \(.+ at \d+:\d+\)/);
      assert.deepEqual(r.builder.inventory.permissions.map(p => `${p.value} ${p.broad}`), ['* true']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds nothing, and no error, where there is no Continue folder', () => {
    const root = tempTree({ 'home/.bashrc': '' }, 'ata-continue-none-');
    try {
      assert.equal(loadConfig(continueDev, { home: path.join(root, 'home'), workspace: path.join(root, 'ws'), env: {}, platform: 'linux' }), undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
