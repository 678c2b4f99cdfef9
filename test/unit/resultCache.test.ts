// Results of earlier audits, reused for files whose bytes did not change: through the CLI,
// with a cache folder of each test's own.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve('dist/cli.js');
const GATE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';
const GIT = 'require("child_process").execFileSync("git",["status"]);\n';

function setup() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-cache-'));
  const dir = path.join(home, 'pkg');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'gate.js'), GATE);
  fs.writeFileSync(path.join(dir, 'git.js'), GIT);
  const entries = () => walk(path.join(home, 'cache', 'ai-tool-audit', 'results')).filter(f => f.endsWith('.json'));
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'scan', dir, '--json', ...args], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache') } });
  return { dir, run, entries };
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Rewrites each cached entry's finding messages: whatever a later run prints from them came from the cache. */
function mark(entries: string[]): void {
  for (const f of entries) {
    const entry = JSON.parse(fs.readFileSync(f, 'utf8'));
    for (const finding of entry.outcome.findings) finding.message = `FROM CACHE ${finding.message}`;
    fs.writeFileSync(f, JSON.stringify(entry));
  }
}

const messages = (r: { stdout: string }) => JSON.parse(r.stdout).targets[0].findings.map((f: { message: string }) => f.message) as string[];

describe('the result cache', () => {
  it('reuses the results of files whose bytes did not change, and gives the same result', () => {
    const { run, entries } = setup();
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.equal(entries().length, 2, 'one entry per file');
    assert.deepEqual(JSON.parse(run().stdout), JSON.parse(first.stdout), 'a warm audit prints what the cold one printed');
    mark(entries());
    assert.ok(messages(run()).every(m => m.startsWith('FROM CACHE ')), 'the second audit read the cache');
  });

  it('scans a changed file again, keeps the unchanged one, and bypasses everything with --no-cache', () => {
    const { dir, run, entries } = setup();
    run();
    mark(entries());
    fs.writeFileSync(path.join(dir, 'git.js'), `${GIT}// changed\n`);
    const findings = JSON.parse(run().stdout).targets[0].findings as Array<{ file: string; message: string }>;
    assert.ok(findings.filter(f => f.file === 'git.js').every(f => !f.message.startsWith('FROM CACHE')), 'the changed file was scanned');
    assert.ok(findings.filter(f => f.file === 'gate.js').every(f => f.message.startsWith('FROM CACHE')), 'the unchanged file came from the cache');
    assert.ok(messages(run('--no-cache')).every(m => !m.startsWith('FROM CACHE')));
  });

  it('keys results by the rules chosen', () => {
    const { run, entries } = setup();
    run();
    mark(entries());
    const only = run('--rules', 'child-process');
    assert.ok(messages(only).length > 0 && messages(only).every(m => !m.startsWith('FROM CACHE')));
  });

  it('never trusts an entry it cannot read: it says so and scans the file again', () => {
    const { run, entries } = setup();
    const first = run();
    const [a, b] = entries();
    fs.writeFileSync(a, '{"kind":"ai-tool-audit-result","version":1,');
    const entry = JSON.parse(fs.readFileSync(b, 'utf8'));
    entry.outcome.findings = [{ ruleId: 'region-gating', message: 'forged' }];
    fs.writeFileSync(b, JSON.stringify(entry));
    const again = run();
    assert.equal(again.status, 0);
    assert.deepEqual(JSON.parse(again.stdout), JSON.parse(first.stdout));
    assert.match(again.stderr, /note: 2 cached results were not used and the files were scanned again/);
  });
});
