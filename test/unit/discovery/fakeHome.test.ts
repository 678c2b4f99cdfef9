import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover, type Assistant, type Discovery } from '../../../src/core/discovery';
import { buildFakeHome, type FakeHome } from '../../helpers/fakeHome';

const CLI = path.resolve('dist/cli.js');

function summary(home: string, assistants: readonly Assistant[]) {
  return assistants
    .map(a => ({ instanceId: a.instanceId, id: a.id, kind: a.kind, editor: a.editor, install: a.install, version: a.version, root: path.relative(home, a.root) }))
    .sort((a, b) => a.instanceId.localeCompare(b.instanceId));
}

function expectedSummary(fake: FakeHome) {
  return fake.expected.map(e => ({ ...e, editor: e.editor })).sort((a, b) => a.instanceId.localeCompare(b.instanceId));
}

describe('discovery of a fake home', () => {
  let fake: FakeHome;
  let found: Discovery;
  const byInstance = (id: string) => {
    const a = found.assistants.find(x => x.instanceId === id);
    assert.ok(a, `no assistant ${id}; have ${found.assistants.map(x => x.instanceId).join(', ')}`);
    return a;
  };
  const rel = (p: string) => path.relative(fake.home, p);

  before(() => {
    fake = buildFakeHome();
    found = discover({ env: fake.env, home: fake.home, platform: 'linux' });
  });
  after(() => fs.rmSync(fake.home, { recursive: true, force: true }));

  it('finds exactly the installed assistants, with kind, editor, install method, version and root', () => {
    assert.deepEqual(summary(fake.home, found.assistants), expectedSummary(fake));
    const editors = new Set(found.assistants.filter(a => a.kind === 'extension').map(a => a.editor));
    const methods = new Set(found.assistants.filter(a => a.kind === 'cli').map(a => a.install));
    assert.ok(found.assistants.length >= 12 && editors.size >= 4 && methods.size >= 6, `${found.assistants.length} assistants, ${editors.size} editors, ${methods.size} methods`);
  });

  it('lists no formatter, linter, language server or plain npm tool', () => {
    const ids = found.assistants.map(a => a.extensionId ?? a.packageName ?? a.id);
    for (const plain of ['esbenp.prettier-vscode', 'ms-python.python', 'dbaeumer.vscode-eslint', 'typescript']) assert.ok(!ids.includes(plain), plain);
  });

  it('honours .obsolete and keeps only the newest of duplicate extension folders', () => {
    assert.deepEqual(found.assistants.filter(a => a.id === 'cline').map(a => a.version), ['3.37.1']);
    assert.deepEqual(found.assistants.filter(a => a.id === 'roo-code').map(a => a.version), ['3.28.0']);
  });

  it('reports a broken manifest, a folder without one, a listed folder that is gone and a dangling PATH link, and goes on', () => {
    const errors = found.errors.map(e => rel(e.file));
    for (const expected of fake.expectedErrors) assert.ok(errors.includes(expected), `missing error for ${expected}: ${JSON.stringify(found.errors)}`);
    assert.match(found.errors.find(e => rel(e.file).includes('acme.broken'))!.message, /not valid JSON/);
    assert.match(found.errors.find(e => rel(e.file) === '.local/bin/kilo')!.message, /broken symbolic link/);
  });

  it('says why each was recognised: the catalog, or traits of an unknown package.json', () => {
    assert.match(byInstance('cline@vscode').why[0], /^catalog: Cline \(extension id saoudrizwan\.claude-dev\)$/);
    assert.deepEqual(byInstance('acme.llm-helper@vscode').why, ['contributes chat participants: @helper', 'depends on LLM SDKs: @anthropic-ai/sdk']);
    assert.deepEqual(byInstance('acme.web-chat@code-server').why, ['contributes chat participants: @webchat']);
    assert.deepEqual(byInstance('@acme/ai-shell@npm').why, ['depends on LLM SDKs: openai', 'keyword "ai"', 'keyword "openai"', 'keyword "gpt"']);
    assert.equal(byInstance('@acme/ai-shell@npm').catalogId, undefined);
  });

  it('carries vendor, country and the catalog vendors as ownVendors', () => {
    const claude = byInstance('claude-code@npm');
    assert.deepEqual([claude.vendor, claude.country, claude.ownVendors], ['anthropic', 'US', ['anthropic']]);
    const chat = byInstance('github-copilot-chat@vscode');
    assert.deepEqual([chat.vendor, chat.country], ['microsoft', 'US']);
    assert.ok(chat.ownVendors.includes('microsoft') && chat.ownVendors.includes('openai'));
    assert.deepEqual([byInstance('qwen-code@bun').vendor, byInstance('qwen-code@bun').country], ['alibaba', 'CN']);
  });

  it('names entry files: main without extension, browser-only web extensions, package bins', () => {
    assert.equal(byInstance('github-copilot-chat@vscode').entry, 'dist/extension.js');
    assert.equal(byInstance('acme.web-chat@code-server').entry, 'dist/web/extension.js');
    assert.equal(byInstance('gemini-cli@nvm').entry, 'bundle/gemini.js');
    assert.equal(byInstance('claude-code@native').entry, '2.1.112');
    assert.equal(byInstance('codex-cli@homebrew').entry, 'codex');
    const chat = byInstance('github-copilot-chat@vscode');
    assert.equal(chat.size, fs.statSync(path.join(chat.root, 'package.json')).size + fs.statSync(path.join(chat.root, 'dist/extension.js')).size);
  });

  it('follows platform packages to their native binary, nested (npm) or as a pnpm sibling link, skipping shared libraries', () => {
    const claude = byInstance('claude-code@npm');
    assert.deepEqual(claude.extraPaths, ['node_modules/@anthropic-ai/claude-code-linux-x64/claude']);
    assert.equal(claude.language, 'native');
    assert.ok(claude.why.includes('platform package @anthropic-ai/claude-code-linux-x64 followed (1 native executable)'));
    const codex = byInstance('codex-cli@pnpm');
    assert.deepEqual(codex.extraPaths, ['../codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex']);
    assert.ok(fs.existsSync(path.resolve(codex.root, codex.extraPaths![0])));
  });

  it('ties each command on PATH to what it runs: symlinks, a pnpm shim, Volta\'s shim, the native launcher, a cask, a pipx venv', () => {
    const launchers = Object.fromEntries(found.assistants.map(a => [a.instanceId, (a.launchers ?? []).map(rel)]));
    assert.deepEqual(launchers['claude-code@npm'], ['.npm-global/bin/claude']);
    assert.deepEqual(launchers['claude-code@native'], ['.local/bin/claude']);
    assert.deepEqual(launchers['codex-cli@pnpm'], ['.local/share/pnpm/codex']);
    assert.deepEqual(launchers['codex-cli@homebrew'], ['homebrew/bin/codex']);
    assert.deepEqual(launchers['auggie@volta'], ['.volta/bin/auggie']);
    assert.deepEqual(launchers['gemini-cli@nvm'], ['.nvm/versions/node/v22.11.0/bin/gemini']);
    assert.deepEqual(launchers['qwen-code@bun'], ['.bun/bin/qwen']);
    assert.deepEqual(launchers['aider@pipx'], ['.local/bin/aider']);
  });

  it('lists Python tools with a note that their code is not scanned', () => {
    const aider = byInstance('aider@pipx');
    assert.equal(aider.language, 'python');
    assert.match(aider.note ?? '', /not JavaScript/);
  });

  it('filters by editor and can skip command-line assistants', () => {
    const only = discover({ env: fake.env, home: fake.home, platform: 'linux', editors: ['cursor'], clis: false });
    assert.deepEqual(only.assistants.map(a => a.instanceId), ['claude-code-vscode@cursor', 'roo-code@cursor']);
  });

  it('takes extra paths: one package, or a folder of them', () => {
    const extra = discover({ env: {}, home: '/nonexistent', platform: 'linux', clis: false, editors: [], extraPaths: [path.join(fake.home, '.npm-global/lib/node_modules'), path.join(fake.home, '.cursor/extensions/rooveterinaryinc.roo-cline-3.28.0')] });
    assert.deepEqual(extra.assistants.map(a => a.instanceId), ['roo-code@extra', '@acme/ai-shell@extra', 'claude-code@extra']);
  });
});

describe('the list command', () => {
  let fake: FakeHome;
  before(() => {
    fake = buildFakeHome();
  });
  after(() => fs.rmSync(fake.home, { recursive: true, force: true }));

  /** The environment of another user, whose per-user paths --home moves into the fake home. */
  function otherUsersEnv(): Record<string, string> {
    const other = '/home/someone-else';
    const moved = (v: string) => v.split(fake.home).join(other);
    return { HOME: other, PATH: moved(fake.env.PATH), PNPM_HOME: moved(fake.env.PNPM_HOME), HOMEBREW_PREFIX: fake.env.HOMEBREW_PREFIX, NO_COLOR: '1' };
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: otherUsersEnv() });

  it('list --home --json finds exactly the assistants, with the contract fields', () => {
    const r = run('list', '--home', fake.home, '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.schemaVersion, 1);
    assert.deepEqual(summary(fake.home, out.targets), expectedSummary(fake));
    for (const t of out.targets) {
      for (const k of ['id', 'name', 'kind', 'version', 'root', 'why', 'instanceId']) assert.ok(k in t, `${t.instanceId} lacks ${k}`);
      if (t.kind === 'extension') assert.ok(t.editor, t.instanceId);
      if (t.vendor) assert.match(t.country, /^[A-Z]{2}$/, t.instanceId);
      assert.ok(path.isAbsolute(t.root));
    }
    assert.equal(out.targets.filter((t: any) => t.vendor).length, 14, 'all but the three unknown ones and Aider (no company vendor)');
    assert.equal(out.errors.length, fake.expectedErrors.length);
  });

  it('list prints names, versions, where each runs and the problems, escaping manifest text', () => {
    const r = run('list', '--home', fake.home);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^18 AI assistants: 9 editor extensions, 9 command-line$/m);
    assert.match(r.stdout, /Claude Code 2\.1\.332 {2}\[cli via npm\] {2}anthropic \(US\)/);
    assert.match(r.stdout, /why: contributes chat participants: @helper; depends on LLM SDKs: @anthropic-ai\/sdk/);
    assert.match(r.stdout, /Roo Code 3\.28\.0 {2}\[extension in Cursor\] {2}roocode \(US\)/);
    assert.match(r.stdout, /4 problems while looking:/);
  });

  it('scan without PATH scans the discovered assistants picked by --only, and lists Python ones unscanned', () => {
    const r = run('scan', '--home', fake.home, '--only', 'acme.llm-helper,aider@pipx,gemini-cli', '--json');
    assert.equal(r.status, 0, r.stderr);
    const targets = JSON.parse(r.stdout).targets;
    assert.deepEqual(targets.map((t: any) => t.instanceId), ['acme.llm-helper@vscode', 'aider@pipx', 'gemini-cli@nvm']);
    const helper = targets[0];
    assert.deepEqual([helper.kind, helper.editor, helper.version, helper.filesScanned], ['extension', 'vscode', '1.4.2', 1]);
    assert.deepEqual(helper.why, ['contributes chat participants: @helper', 'depends on LLM SDKs: @anthropic-ai/sdk']);
    assert.equal(targets[1].filesScanned, 0);
    assert.match(targets[1].errors[0].message, /not JavaScript/);
    assert.deepEqual([targets[2].vendor, targets[2].country], ['google', 'US']);
  });

  it('scans a platform package\'s binary with its main package (extra paths)', () => {
    const r = run('scan', '--home', fake.home, '--only', 'claude-code@npm', '--json');
    assert.equal(r.status, 0, r.stderr);
    const [t] = JSON.parse(r.stdout).targets;
    // The file is reached: today as a "binary content" error, once native extraction lands as a binary.
    const reached = [...t.errors.map((e: any) => e.file), ...(t.binaries ?? []).map((b: any) => b.file)];
    assert.ok(reached.includes('node_modules/@anthropic-ai/claude-code-linux-x64/claude'), JSON.stringify(t));
  });

  it('rejects unknown --only names and --only with a PATH', () => {
    const unknown = run('scan', '--home', fake.home, '--only', 'nope');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no installed assistant named nope/);
    assert.equal(run('scan', '.', '--only', 'cline').status, 2);
    assert.equal(run('list', '--home', path.join(fake.home, 'missing')).status, 2);
  });
});
