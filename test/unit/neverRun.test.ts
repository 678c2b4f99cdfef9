// Nothing we scan is ever run: an assistant planted so that requiring, importing or executing
// any of its parts (main, bin, extension entry, an ES module, install scripts, a launcher on
// PATH) writes a marker file. After every kind of audit, CLI and worker, no marker exists.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerRunner } from '../../src/core/worker/runner';

const CLI = path.resolve('dist/cli.js');
const WORKER = path.resolve('dist/worker.js');

describe('scanned code is never run', function () {
  if (process.platform === 'win32') return;
  let home: string;
  let markers: string;
  const write = (rel: string, content: string | object, mode?: number) => {
    const abs = path.join(home, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, typeof content === 'string' ? content : JSON.stringify(content, null, 2), mode ? { mode } : {});
    return abs;
  };
  const js = (name: string) => `require("fs").writeFileSync(${JSON.stringify(path.join(markers, `ran-${name}`))}, "x");\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\nmodule.exports = () => tz;\n`;
  const sh = (name: string) => `#!/bin/sh\ntouch ${JSON.stringify(path.join(markers, `ran-${name}`))}\n`;

  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-neverrun-'));
    markers = path.join(home, 'markers');
    fs.mkdirSync(markers);
    const pkg = '.npm-global/lib/node_modules/@anthropic-ai/claude-code';
    write('.npmrc', `prefix=${path.join(home, '.npm-global')}\n`);
    write(`${pkg}/package.json`, {
      name: '@anthropic-ai/claude-code',
      version: '2.1.112',
      bin: { claude: 'cli.js' },
      main: 'index.js',
      scripts: { preinstall: sh('preinstall').split('\n')[1], install: sh('install').split('\n')[1], postinstall: `node ${path.join(home, pkg, 'post.js')}` },
    });
    write(`${pkg}/cli.js`, `#!/usr/bin/env node\n${js('bin')}`, 0o755);
    write(`${pkg}/index.js`, js('main'));
    write(`${pkg}/post.js`, js('postinstall'));
    write(`${pkg}/esm.mjs`, `import fs from "node:fs";\nfs.writeFileSync(${JSON.stringify(path.join(markers, 'ran-esm'))}, "x");\nexport const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n`);
    fs.mkdirSync(path.join(home, '.npm-global/bin'), { recursive: true });
    fs.symlinkSync(path.join(home, pkg, 'cli.js'), path.join(home, '.npm-global/bin/claude'));
    write('bin/codex', sh('launcher'), 0o755);
    write('.vscode/extensions/anthropic.claude-code-2.1.112/package.json', { name: 'claude-code', publisher: 'anthropic', version: '2.1.112', main: './extension.js', engines: { vscode: '^1.90.0' }, activationEvents: ['*'] });
    write('.vscode/extensions/anthropic.claude-code-2.1.112/extension.js', js('extension'));
  });
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  const env = () => ({ ...process.env, HOME: home, PATH: `${path.join(home, '.npm-global/bin')}:${path.join(home, 'bin')}:/usr/bin:/bin`, NO_COLOR: '1' });
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: env(), timeout: 60_000 });
  const ran = () => fs.readdirSync(markers);

  it("reads the assistants' settings (hooks, key helpers, status lines, MCP servers, notifiers) and starts none of them", () => {
    const touch = (name: string) => `touch ${path.join(markers, `ran-${name}`)}`;
    write('.claude/settings.json', {
      apiKeyHelper: touch('api-key-helper'),
      statusLine: { type: 'command', command: touch('status-line') },
      hooks: { SessionStart: [{ hooks: [{ type: 'command', command: touch('hook') }] }] },
      env: { NODE_OPTIONS: `--require ${path.join(home, 'preload.js')}` },
    });
    write('preload.js', js('node-options'));
    write('.claude.json', { mcpServers: { planted: { command: 'sh', args: ['-c', touch('mcp-user')] } } });
    write('.codex/config.toml', `notify = ["sh", "-c", ${JSON.stringify(touch('codex-notify'))}]\n[mcp_servers.planted]\ncommand = "sh"\nargs = ["-c", ${JSON.stringify(touch('codex-mcp'))}]\n`);
    write('ws/.mcp.json', { mcpServers: { repo: { command: 'sh', args: ['-c', touch('mcp-project')] } } });
    write('ws/.vscode/mcp.json', { servers: { repo: { type: 'stdio', command: 'sh', args: ['-c', touch('vscode-mcp')] } } });
    const scan = cli('scan', '--workspace', path.join(home, 'ws'), '--json', '--no-policy');
    assert.equal(scan.status, 0, scan.stderr);
    const config = JSON.parse(scan.stdout).targets.filter((t: { kind: string }) => t.kind === 'config');
    const servers = config.flatMap((t: { config: { mcpServers: Array<{ name: string }> } }) => t.config.mcpServers.map(m => m.name)).sort();
    assert.deepEqual(servers, ['planted', 'planted', 'repo', 'repo'], 'the settings were read');
    assert.ok(config.some((t: { config: { hooks: unknown[] } }) => t.config.hooks.length >= 4), 'the hooks were read');
    assert.deepEqual(ran(), []);
  });

  it('list, scan and scan PATH through the CLI find the planted assistant and run none of it', () => {
    const list = cli('list', '--json');
    assert.equal(list.status, 0, list.stderr);
    assert.ok(JSON.parse(list.stdout).targets.some((t: { id: string }) => t.id === 'claude-code'), list.stdout.slice(0, 500));
    const scan = cli('scan', '--json');
    assert.equal(scan.status, 0, scan.stderr);
    const targets = JSON.parse(scan.stdout).targets;
    assert.ok(targets.some((t: { findings: Array<{ ruleId: string }> }) => t.findings.some(f => f.ruleId === 'install-script')), 'the install scripts were read');
    assert.ok(targets.some((t: { findings: Array<{ ruleId: string }> }) => t.findings.some(f => f.ruleId === 'timezone-probe')), 'the code was read');
    for (const dir of ['.npm-global/lib/node_modules/@anthropic-ai/claude-code', '.vscode/extensions/anthropic.claude-code-2.1.112', 'bin']) {
      assert.equal(cli('scan', path.join(home, dir)).status, 0);
    }
    assert.deepEqual(ran(), []);
  });

  it('an audit in the scan worker (as the editor runs it) runs none of it either', async () => {
    const runner = new WorkerRunner(WORKER);
    const targets = [
      { id: 'cli', name: 'cli', kind: 'path' as const, root: path.join(home, '.npm-global/lib/node_modules/@anthropic-ai/claude-code') },
      { id: 'ext', name: 'ext', kind: 'path' as const, root: path.join(home, '.vscode/extensions/anthropic.claude-code-2.1.112') },
    ];
    let scanned = 0;
    const outcome = await runner.run({ kind: 'audit', targets }, { onMessage: m => void (m.type === 'target' && (scanned += m.result.filesScanned)) });
    runner.dispose();
    assert.equal(outcome.status, 'done');
    assert.ok(scanned >= 5, `${scanned} files scanned`);
    assert.deepEqual(ran(), []);
  });
});
