import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve('dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

function fixture(name: string, code: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-cli-'));
  fs.writeFileSync(path.join(dir, name), code);
  return path.join(dir, name);
}

const GATE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';

describe('the CLI', () => {
  it('prints the JSON result with the contract fields', () => {
    const file = fixture('gate.js', GATE);
    const r = run('scan', file, '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.schemaVersion, 1);
    assert.equal(out.tool.name, 'ai-tool-audit');
    const [t] = out.targets;
    for (const k of ['id', 'name', 'kind', 'root', 'filesScanned', 'bytesScanned', 'errors', 'findings']) assert.ok(k in t, k);
    assert.equal(t.root, path.dirname(file));
    const gate = t.findings.find((f: any) => f.ruleId === 'region-gating');
    for (const k of ['ruleId', 'category', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'evidence', 'related']) assert.ok(k in gate, k);
    assert.equal(gate.file, 'gate.js');
    assert.equal(gate.column, GATE.indexOf('"Asia/Shanghai"') + 1);
    assert.equal(gate.related.length, 3);
  });

  it('prints file:line:col, rule, severity and an excerpt in text mode', () => {
    const r = run('scan', fixture('gate.js', GATE));
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`1:${GATE.indexOf('"Asia/Shanghai"') + 1} +high +region-gating`));
    assert.match(r.stdout, /t==="Asia\/Shanghai"/);
  });

  it('escapes terminal control and bidi characters found in scanned code', () => {
    const hostile = `const tz=Intl.DateTimeFormat().resolvedOptions().timeZone;"\u001b[2J\u202e";\n`;
    const r = run('scan', fixture('evil.js', hostile));
    assert.equal(r.status, 0);
    assert.ok(!r.stdout.includes('\u001b'), 'no raw escape character');
    assert.ok(!r.stdout.includes('\u202e'), 'no raw bidi override');
    assert.ok(r.stdout.includes('\\u{1B}') && r.stdout.includes('\\u{202E}'));
  });

  it('filters by --rules, including a correlation that needs other rules', () => {
    const file = fixture('gate.js', GATE);
    const out = JSON.parse(run('scan', file, '--json', '--rules', 'region-gating').stdout);
    assert.deepEqual(out.targets[0].findings.map((f: any) => f.ruleId), ['region-gating']);
  });

  it('exits 1 when --fail-on is reached and 0 when it is not', () => {
    const file = fixture('gate.js', GATE);
    assert.equal(run('scan', file, '--fail-on', 'high').status, 1);
    assert.equal(run('scan', fixture('plain.js', 'let a = 1;\n'), '--fail-on', 'low').status, 0);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run('scan', '--only', 'no-such-assistant').status, 2);
    assert.equal(run('scan', '/no/such/path').status, 2);
    assert.equal(run('scan', '.', '--rules', 'nope').status, 2);
    assert.equal(run('scan', '.', '--bogus').status, 2);
    assert.equal(run('frobnicate').status, 2);
    assert.match(run('scan', '.', '--fail-on', 'severe').stderr, /--fail-on takes one of/);
  });

  it('answers --help, --version and rules', () => {
    assert.equal(run('--version').stdout.trim(), JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    assert.match(run('scan', '--help').stdout, /Usage: ai-tool-audit scan/);
    const rules = JSON.parse(run('rules', '--json').stdout);
    assert.ok(rules.some((r: any) => r.id === 'region-gating' && r.correlation));
  });

  it('reports scan errors and changes the exit code only with --strict', () => {
    const file = fixture('broken.js', 'function (((( { timeZone');
    assert.equal(run('scan', file).status, 0);
    assert.equal(run('scan', file, '--strict').status, 1);
  });
});
