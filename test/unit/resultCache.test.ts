// Results of earlier audits, reused for files whose bytes did not change: through the CLI,
// with a cache folder of each test's own.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ResultCache, type CacheVersions } from '../../src/core/worker/resultCache';
import type { FileOutcome } from '../../src/core/scan/target';

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

describe('the answers about other modules kept beside the results', function () {
  this.timeout(60_000);

  it('never trusts an answer it cannot read: it says so apart from the results, and works it out again', () => {
    const { dir, run, entries } = setup();
    fs.writeFileSync(path.join(dir, 'run.js'), 'const { spawn } = require("node:child_process");\nexports.run = function (file, args) { return spawn(file, args); };\n');
    fs.writeFileSync(path.join(dir, 'main.js'), 'const { run } = require("./run.js");\nrun("git", ["status"]);\n');
    const starts = (r: ReturnType<typeof run>) => (JSON.parse(r.stdout).targets[0].findings as Array<{ file: string; ruleId: string; message: string }>).filter(f => f.file === 'main.js' && f.ruleId === 'child-process').map(f => f.message);
    const first = run('--jobs', '2');
    assert.deepEqual(starts(first), ['Starts a program (child_process.spawn via run()): git status']);
    const answers = entries().filter(f => f.endsWith('.answer.json'));
    assert.ok(answers.length > 0, 'answers kept');
    for (const f of answers) fs.writeFileSync(f, '{"kind":"ai-tool-audit-answer","version":1,');
    // The results gone, the program unchanged: main.js is scanned again and asks about run.js under the same version.
    for (const f of entries().filter(f => !f.endsWith('.answer.json'))) fs.rmSync(f);
    const again = run('--jobs', '2');
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(starts(again), starts(first));
    assert.match(again.stderr, /^note: \d+ problems? with the answers about other modules, worked out again where needed; first: ignoring cached answer /m);
    assert.doesNotMatch(again.stderr, /cached results? (was|were) not used/);
  });
});

/** Rewrites each cached entry as an earlier build would have left it. */
function asEarlierBuild(entries: string[], change: (rules: Record<string, { build: string; triggers: string }>) => void): void {
  for (const f of entries) {
    const entry = JSON.parse(fs.readFileSync(f, 'utf8'));
    change(entry.rules);
    fs.writeFileSync(f, JSON.stringify(entry));
  }
}

const ranOn = (entries: string[], file: string) => {
  const entry = entries.map(f => JSON.parse(fs.readFileSync(f, 'utf8'))).find(e => e.outcome.findings.some((x: { file: string }) => x.file === file));
  return entry.outcome.rulesRun as string[];
};

const byFile = (r: { stdout: string }) => {
  const out: Record<string, string[]> = {};
  for (const f of JSON.parse(r.stdout).targets[0].findings as Array<{ file: string; message: string }>) (out[f.file] ??= []).push(f.message);
  return out;
};

describe('the result cache after an update that changed rules', () => {
  it('records the build and triggers of every rule, and the rules that ran on each file', () => {
    const { run, entries } = setup();
    run();
    const entry = JSON.parse(fs.readFileSync(entries()[0], 'utf8'));
    assert.ok(entry.rules['child-process'].build.length > 0 && entry.rules['child-process'].triggers.length > 0, 'child-process stands alone');
    assert.ok(ranOn(entries(), 'git.js').includes('child-process'));
    assert.ok(!ranOn(entries(), 'gate.js').includes('child-process'), 'gate.js holds no trigger of child-process');
    assert.ok(ranOn(entries(), 'gate.js').includes('timezone-probe'));
  });

  it('keeps the results of every file after a change to a rule that ran on none of them', () => {
    const { run, entries } = setup();
    const first = run();
    assert.ok(!ranOn(entries(), 'git.js').includes('clipboard-read') && !ranOn(entries(), 'gate.js').includes('clipboard-read'));
    asEarlierBuild(entries(), rules => (rules['clipboard-read'].build = 'earlier'));
    mark(entries());
    const again = run();
    assert.ok(messages(again).every(m => m.startsWith('FROM CACHE ')), 'nothing was scanned again');
    assert.equal(messages(again).length, messages(first).length);
  });

  it('scans again only the files a changed rule ran on, and keeps its new results', () => {
    const { run, entries } = setup();
    const first = run();
    asEarlierBuild(entries(), rules => (rules['child-process'].build = 'earlier'));
    mark(entries());
    const after = byFile(run());
    assert.ok(after['git.js'].length > 0 && after['git.js'].every(m => !m.startsWith('FROM CACHE ')), 'git.js, where child-process ran, was scanned again');
    assert.ok(after['gate.js'].length > 0 && after['gate.js'].every(m => m.startsWith('FROM CACHE ')), 'gate.js came from the cache');
    assert.deepEqual(after['git.js'], byFile(first)['git.js']);
    mark(entries());
    assert.ok(messages(run()).every(m => m.startsWith('FROM CACHE ')), 'the file scanned again was stored with this build');
  });

  it('scans again when a changed rule that did not run has new triggers, or when the earlier build did not have the rule', () => {
    for (const change of [
      (rules: Record<string, { build: string; triggers: string }>) => (rules['clipboard-read'] = { build: 'earlier', triggers: 'earlier' }),
      (rules: Record<string, { build: string; triggers: string }>) => delete rules['clipboard-read'],
    ]) {
      const { run, entries } = setup();
      run();
      asEarlierBuild(entries(), change);
      mark(entries());
      assert.ok(messages(run()).every(m => !m.startsWith('FROM CACHE ')), String(change));
    }
  });

  it('keeps results after a rule that did not run is removed', () => {
    const { run, entries } = setup();
    run();
    asEarlierBuild(entries(), rules => (rules['retired-rule'] = { build: 'earlier', triggers: 'earlier' }));
    mark(entries());
    assert.ok(messages(run()).every(m => m.startsWith('FROM CACHE ')));
  });

  it("scans again after any rule change an outcome that does not say which rules ran (a binary's), and counts what it kept", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-cache-'));
    const file = path.join(dir, 'a.bin');
    fs.writeFileSync(file, 'bytes');
    const task = { file: { absPath: file, rel: 'a.bin', size: 5, dependency: false }, plan: { target: { ownVendors: [] }, maxFileBytes: 1 << 20 } };
    const earlier: CacheVersions = { engine: 'e1', rules: { a: { build: '1', triggers: 't' }, b: { build: '1', triggers: 't' } } };
    const later: CacheVersions = { engine: 'e1', rules: { ...earlier.rules, b: { build: '2', triggers: 't' } } };
    const outcome = (rulesRun?: string[]): FileOutcome => ({ findings: [], errors: [], filesScanned: 1, bytesScanned: 5, ...(rulesRun ? { rulesRun } : {}) });
    const scanned = (o: FileOutcome) => async () => o;
    const cacheDir = path.join(dir, 'cache');
    for (const [made, kept] of [[outcome(), false], [outcome(['a']), true], [outcome(['a', 'b']), false]] as const) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      await new ResultCache(cacheDir, {}, undefined, earlier).around(scanned(made))(task as never);
      const cache = new ResultCache(cacheDir, {}, undefined, later);
      assert.equal(cache.lookup(task as never).outcome !== undefined, kept, JSON.stringify(made));
      assert.deepEqual(cache.stats, kept ? { hits: 1, misses: 0, rejected: 0, kept: 1, stale: 0 } : { hits: 0, misses: 1, rejected: 0, kept: 0, stale: 1 });
      const sameBuild = new ResultCache(cacheDir, {}, undefined, earlier);
      assert.ok(sameBuild.lookup(task as never).outcome, 'the build that made it uses it');
      assert.ok(!new ResultCache(cacheDir, {}, undefined, { ...earlier, engine: 'e2' }).lookup(task as never).outcome, 'another engine never does');
    }
  });
});
