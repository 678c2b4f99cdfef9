import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { cachedCorpusPackage } from '../../../scripts/corpusList';

const CLI = path.resolve('dist/cli.js');
const FIXTURE = path.resolve('test/fixtures/config/claude');

describe('the CLI with mcp and config policy keys', () => {
  const scan = (policy: string, ...more: string[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-config-policy-'));
    fs.writeFileSync(path.join(dir, 'policy.json'), policy);
    return spawnSync(process.execPath, [CLI, 'scan', '--home', path.join(FIXTURE, 'home'), '--workspace', path.join(FIXTURE, 'workspace'), '--policy', path.join(dir, 'policy.json'), ...more], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  };

  it('exits 1 and prints each violation with the file:line:col of the server or setting', () => {
    const r = scan('{\n  "mcp": { "block": ["package:@modelcontextprotocol/server-github"] },\n  "config": { "block": ["config-mcp-autotrust"] }\n}\n');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /Policy policy\.json: 2 violations/);
    assert.match(r.stdout, /mcp\.block\[0\] "package:@modelcontextprotocol\/server-github" \(policy\.json:2:22\)/);
    assert.match(r.stdout, /MCP server "github" \(user scope, package @modelcontextprotocol\/server-github\) at home\/\.claude\.json:4:5 is blocked by "package:@modelcontextprotocol\/server-github"/);
    assert.match(r.stdout, /config\.block\[0\] "config-mcp-autotrust" \(policy\.json:3:25\)/);
    assert.match(r.stdout, /config-mcp-autotrust \(high\) at workspace\/\.claude\/settings\.json:2:3 is blocked by config\.block "config-mcp-autotrust"/);
  });

  it('puts the violations with the server in the JSON result, and the warnings on stderr as file:line:col', () => {
    const r = scan('{"mcp": {"allow": ["*"], "block": ["helper", "githb"]}, "config": {"block": ["config-tls-of"]}}', '--json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.policy.violations.map((v: { kind: string; mcpServer?: { file: string; line: number; column: number } }) => [v.kind, v.mcpServer?.file, v.mcpServer?.line, v.mcpServer?.column]), [['mcp-blocked', 'workspace/.mcp.json', 3, 5]]);
    assert.deepEqual(out.policy.unmatchedMcp.map((u: { path: string }) => u.path), ['mcp.block[1]']);
    assert.match(r.stderr, /policy\.json:1:78: warning: config\.block\[0\]: "config-tls-of" is not a config rule this version knows \(did you mean "config-tls-off"\?\)/);
  });

  it('exits 0 when every server is allowed and nothing blocked is configured', () => {
    const r = scan('{"mcp": {"allow": ["*"]}, "config": {"block": ["config-tls-off"], "minSeverity": "high"}}', '--rules', 'config-mcp-server');
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /Policy policy\.json: no violations/);
  });

  it('does what the README shows: its example policy is the fixture, its output the end of the scan', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const policy = /<!-- example-config-policy -->\s*```json\n([\s\S]*?)```/.exec(readme);
    const output = /<!-- example-config-policy-output -->\s*```\n([\s\S]*?)```/.exec(readme);
    const command = /\n(node dist\/cli\.js scan --home test\/fixtures\/config\/claude\/home [^\n]*)\n/.exec(readme);
    assert.ok(policy && output && command, 'README has the config policy example, its command and its output');
    assert.equal(policy[1], fs.readFileSync('test/fixtures/policy/mcp-config.json', 'utf8'));
    const args = command[1].split(' ').slice(2);
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stdout.endsWith(output[1]), r.stdout.slice(-2000));
  });

  it('exits 2 on a malformed mcp entry, at its line and column', () => {
    const r = scan('{\n  "mcp": { "allow": ["nmae:github"] }\n}\n');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /policy\.json:2:22: error: mcp\.allow\[0\]: expected an MCP server name or package/);
  });
});

describe('the README example policy on a real assistant (corpus)', function () {
  this.timeout(120_000);

  it('gives the violations the README shows on Claude Code 2.1.112 from npm: six request targets, not the hosts merely named', function () {
    const dir = cachedCorpusPackage('@anthropic-ai/claude-code@2.1.112');
    if (!dir) {
      console.log('      skipped: @anthropic-ai/claude-code@2.1.112 is not in .cache/corpus (run `npm run corpus`)');
      this.skip();
    }
    const readme = fs.readFileSync('README.md', 'utf8');
    const policy = /<!-- example-policy -->\s*```json\n([\s\S]*?)```/.exec(readme);
    const output = /<!-- example-policy-output -->\s*```\n([\s\S]*?)```/.exec(readme);
    assert.ok(policy && output, 'README has the example policy and its output on a real assistant');
    assert.equal(policy[1], fs.readFileSync('test/fixtures/policy/example.json', 'utf8'));
    const r = spawnSync(process.execPath, [CLI, 'scan', dir!, '--policy', 'test/fixtures/policy/example.json', '--no-cache'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stdout.endsWith(output[1]), r.stdout.slice(-3000));
    assert.equal((output[1].match(/ is not in the allowed hosts/g) ?? []).length, 6);
  });
});
