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

  it('carries info findings in --json unless --min-severity is given, and --fail-on sees them', () => {
    const file = fixture('zw.js', 'const s="\u200b";\n');
    assert.equal(JSON.parse(run('scan', file, '--json').stdout).targets[0].findings.length, 1);
    assert.equal(JSON.parse(run('scan', file, '--json', '--min-severity', 'low').stdout).targets[0].findings.length, 0);
    assert.equal(run('scan', file, '--fail-on', 'info').status, 1);
  });

  it('resolves a relative PATH from the folder npm was run in (INIT_CWD), not the package folder', () => {
    const file = fixture('gate.js', GATE);
    // As npm runs it: in the package folder, with the user's folder in INIT_CWD.
    const r = spawnSync(process.execPath, [CLI, 'scan', 'gate.js', '--json'], {
      encoding: 'utf8',
      cwd: path.resolve('.'),
      env: { ...process.env, npm_package_json: path.resolve('package.json'), INIT_CWD: path.dirname(file) },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).targets[0].root, path.dirname(file));
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

describe('the CLI with a workspace policy', () => {
  const runIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  function workspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-ws-'));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    return dir;
  }

  it('exits 1 on violations and lists them under the clause they break', () => {
    const ws = workspace({ 'gate.js': GATE, '.vscode/ai-tool-audit.json': '{\n  "rules": { "block": ["region-gating"] }\n}\n' });
    const r = runIn(ws, 'scan', 'gate.js');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /Policy \.vscode\/ai-tool-audit\.json: 1 violation/);
    assert.match(r.stdout, /rules\.block\[0\] "region-gating" \(\.vscode\/ai-tool-audit\.json:2:24\)/);
    assert.match(r.stdout, /gate\.js: region-gating at gate\.js:1:\d+ is blocked by "region-gating"/);
  });

  it('exits 0 when the audit keeps the policy', () => {
    const ws = workspace({ 'plain.js': 'let a = 1;\n', 'ai-tool-audit.json': '{"rules": {"block": ["region-gating"]}}' });
    const r = runIn(ws, 'scan', 'plain.js');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Policy ai-tool-audit\.json: no violations/);
  });

  it('puts the report in --json, with indices into the findings printed', () => {
    const ws = workspace({ 'gate.js': GATE, 'ai-tool-audit.json': '{"rules": {"block": ["region-gating", "vendor-keywords"]}}' });
    const r = runIn(ws, 'scan', 'gate.js', '--json', '--min-severity', 'high');
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.schemaVersion, 1);
    assert.equal(out.policy.file, path.join(fs.realpathSync(ws), 'ai-tool-audit.json'));
    assert.deepEqual(out.policy.violations.map((v: any) => v.kind), ['rule-blocked', 'rule-blocked']);
    for (const v of out.policy.violations) {
      assert.equal(out.targets[v.assistant.index].findings[v.finding.index].ruleId, v.finding.ruleId, 'index points at the finding in the output');
    }
    assert.ok(out.targets[0].findings.some((f: any) => f.ruleId === 'vendor-keywords'), 'a low finding breaking the policy stays visible above --min-severity');
    assert.deepEqual(out.policy.suppressed, []);
  });

  it('uses .vscode/ai-tool-audit.json over the root file and says which it ignored', () => {
    const ws = workspace({ 'gate.js': GATE, '.vscode/ai-tool-audit.json': '{}', 'ai-tool-audit.json': '{"rules": {"block": ["region-gating"]}}' });
    const r = runIn(ws, 'scan', 'gate.js');
    assert.equal(r.status, 0);
    assert.match(r.stderr, /ai-tool-audit\.json is ignored: \.vscode\/ai-tool-audit\.json takes precedence/);
  });

  it('reads the file --policy names, and none with --no-policy', () => {
    const ws = workspace({ 'gate.js': GATE, 'ai-tool-audit.json': '{"rules": {"block": ["region-gating"]}}', 'strict.json': '{"rules": {"maxSeverity": {"region": "info"}}}' });
    const named = runIn(ws, 'scan', 'gate.js', '--policy', 'strict.json');
    assert.equal(named.status, 1);
    assert.match(named.stdout, /Policy strict\.json: \d+ violation/);
    assert.match(named.stdout, /rules\.maxSeverity\.region/);
    const none = runIn(ws, 'scan', 'gate.js', '--no-policy');
    assert.equal(none.status, 0);
    assert.doesNotMatch(none.stdout, /Policy/);
  });

  it('exits 2 on an invalid policy, printing each error as file:line:col, and does not audit', () => {
    const ws = workspace({ 'gate.js': GATE, 'ai-tool-audit.json': '{\n  "rules": { "blok": [] },\n  "suppressions": [{ "rule": "region-gating", "assistant": "a", "file": "f", "hash": "' + 'c'.repeat(64) + '" }]\n}\n' });
    const r = runIn(ws, 'scan', 'gate.js');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /invalid policy ai-tool-audit\.json/);
    assert.match(r.stderr, /^ai-tool-audit\.json:2:14: error: rules\.blok: unknown key "blok" \(did you mean "block"\?\)/m);
    assert.match(r.stderr, /^ai-tool-audit\.json:3:20: error: suppressions\[0\]: missing required key "reason"/m);
    const badJson = workspace({ 'gate.js': GATE, 'ai-tool-audit.json': '{"rules": {}} // x' });
    assert.match(runIn(badJson, 'scan', 'gate.js').stderr, /ai-tool-audit\.json:1:15: error: invalid JSON: comments are not allowed/);
  });

  it('exits 2 when the named policy is missing or the options contradict', () => {
    const ws = workspace({ 'gate.js': GATE });
    const missing = runIn(ws, 'scan', 'gate.js', '--policy', 'nope.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json:1:1: error: cannot read the policy file: ENOENT/);
    assert.equal(runIn(ws, 'scan', 'gate.js', '--policy', 'x.json', '--no-policy').status, 2);
  });

  it('warns, with a did-you-mean, about an assistant id that names nothing audited or known, and names a known one that is not installed without a warning', () => {
    const ws = workspace({ 'gate.js': GATE, 'ai-tool-audit.json': '{"assistants": {"block": ["gate.j", "claude-code"]}}' });
    const r = runIn(ws, 'scan', 'gate.js');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /warning: assistants\.block\[0\] \(ai-tool-audit\.json:1:\d+\): "gate\.j" in assistants\.block names no audited or known assistant \(did you mean "gate\.js"\?\)/);
    assert.doesNotMatch(r.stdout, /assistants\.block\[1\]/, 'claude-code is in the catalog: a rule for the day it is installed');
    const json = JSON.parse(runIn(ws, 'scan', 'gate.js', '--json').stdout);
    assert.deepEqual(json.policy.unmatchedAssistants.map((u: { path: string }) => u.path), ['assistants.block[0]']);
  });

  it('marks suppressed findings and reports suppressions that went stale', () => {
    const ws = workspace({ 'gate.js': GATE });
    const audit = JSON.parse(runIn(ws, 'scan', 'gate.js', '--json').stdout);
    const gate = audit.targets[0].findings.find((f: any) => f.ruleId === 'region-gating');
    const suppression = { rule: 'region-gating', assistant: audit.targets[0].id, file: 'gate.js', hash: gate.contentHash, reason: 'reviewed' };
    fs.writeFileSync(path.join(ws, 'ai-tool-audit.json'), JSON.stringify({ rules: { block: ['region-gating'] }, suppressions: [suppression] }));
    const ok = runIn(ws, 'scan', 'gate.js');
    assert.equal(ok.status, 0, ok.stdout);
    assert.match(ok.stdout, /region-gating .*\(suppressed by suppressions\[0\]\)/);
    assert.match(ok.stdout, /no violations, 1 finding suppressed/);
    fs.writeFileSync(path.join(ws, 'gate.js'), GATE.replace('Asia/Shanghai', 'Asia/Urumqi'));
    const stale = runIn(ws, 'scan', 'gate.js');
    assert.equal(stale.status, 1);
    assert.match(stale.stdout, /suppressions that matched nothing:\n {4}suppressions\[0\] \(ai-tool-audit\.json:1:\d+\): stale/);
  });
});

describe('the CLI when its reader stops early', () => {
  it('ends quietly when stdout is closed (rules | head), with the exit code of the command', async () => {
    const { spawn } = await import('node:child_process');
    for (const [args, expected] of [[['rules'], 0], [['scan', path.resolve('test/fixtures/bundler-src/gate'), '--min-severity', 'info'], 0]] as const) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', d => (stderr += d));
      // The read end is gone before the first write: every write fails with EPIPE.
      child.stdout.destroy();
      const code = await new Promise<number | null>(resolve => child.on('close', c => resolve(c)));
      assert.doesNotMatch(stderr, /EPIPE|Unhandled/, stderr);
      assert.equal(code, expected, `${args.join(' ')}: ${stderr}`);
    }
  });
});

describe('the CLI when nothing is found', () => {
  it('says where it looked', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-empty-'));
    try {
      fs.mkdirSync(path.join(home, '.vscode', 'extensions'), { recursive: true });
      const r = spawnSync(process.execPath, [CLI, 'list', '--home', home], { encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin', NO_COLOR: '1' } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^No AI assistants found\.\n\nLooked in:\n  editor extensions: .*\.vscode\/extensions\n  command-line tools: \d+ PATH folders/);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('list --verbose', () => {
  it('lists every place looked in, marking those that exist, in text and JSON', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-places-'));
    try {
      fs.mkdirSync(path.join(home, '.cursor', 'extensions'), { recursive: true });
      fs.mkdirSync(path.join(home, '.npm-global', 'lib', 'node_modules'), { recursive: true });
      const env = { ...process.env, PATH: '/usr/bin:/bin', NO_COLOR: '1' };
      const text = spawnSync(process.execPath, [CLI, 'list', '--home', home, '--verbose'], { encoding: 'utf8', env });
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, /Looked in \d+ places \(\d+ exist, marked \+\):/);
      assert.match(text.stdout, /\n  \+ Cursor extensions: .*\.cursor\/extensions\n/);
      assert.match(text.stdout, /\n    VS Code extensions: .*\.vscode\/extensions\n/);
      assert.match(text.stdout, /\n  \+ npm global packages: .*\.npm-global\/lib\/node_modules\n/);
      const json = spawnSync(process.execPath, [CLI, 'list', '--home', home, '--verbose', '--json'], { encoding: 'utf8', env });
      const places = JSON.parse(json.stdout).places as Array<{ what: string; path: string; exists: boolean }>;
      assert.ok(places.some(p => p.what === 'PATH' && p.path === '/usr/bin' && p.exists));
      assert.ok(places.some(p => p.what === 'Cursor extensions' && p.exists));
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
