// The result cache kept to a size: least recently used entries go first, a killed writer's
// temporary files go once no writer can be busy with them, and an entry used is marked used.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pruneCache, STALE_TMP_MS, TOUCH_AFTER_MS } from '../../src/core/worker/cachePrune';
import { AnswerFiles } from '../../src/core/worker/resultCache';

const DAY = 24 * 60 * 60 * 1000;

function write(file: string, bytes: number, ageMs: number, now: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'x'.repeat(bytes));
  const t = (now - ageMs) / 1000;
  fs.utimesSync(file, t, t);
}

describe('cache prune', () => {
  it('removes the least recently used entries once the folder holds more than the cap, down to 80 % of it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-'));
    const now = Date.now();
    // Ten entries of 1,000 bytes in two subfolders, entry i last used i days ago; an answer among them.
    for (let i = 0; i < 10; i++) write(path.join(dir, i % 2 ? 'ab' : 'cd', `e${i}${i === 9 ? '.answer' : ''}.json`), 1000, i * DAY, now);
    const report = await pruneCache(dir, { maxBytes: 5000, now });
    assert.equal(report.removed, 6);
    assert.equal(report.freedBytes, 6000);
    assert.equal(report.keptBytes, 4000);
    const left = ['ab', 'cd'].flatMap(d => fs.readdirSync(path.join(dir, d))).sort();
    assert.deepEqual(left, ['e0.json', 'e1.json', 'e2.json', 'e3.json']);
    // Under the cap: nothing goes.
    const again = await pruneCache(dir, { maxBytes: 5000, now });
    assert.deepEqual([again.removed, again.keptBytes], [0, 4000]);
  });

  it("removes a killed writer's temporary files only once they are old, and never follows a link out of the folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-outside-'));
    const now = Date.now();
    write(path.join(dir, 'ab', 'e.json.123.x1.tmp'), 10, STALE_TMP_MS + 60_000, now);
    write(path.join(dir, 'ab', 'e.json.124.x2.tmp'), 10, 1000, now);
    write(path.join(outside, 'mine.json'), 100_000, 30 * DAY, now);
    fs.symlinkSync(outside, path.join(dir, 'planted'));
    const report = await pruneCache(dir, { maxBytes: 1, now });
    assert.equal(report.leftovers, 1);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'ab')), ['e.json.124.x2.tmp']);
    assert.ok(fs.existsSync(path.join(outside, 'mine.json')), 'a file the link leads to stays');
  });

  it('takes a folder that is not there for an empty cache', async () => {
    const report = await pruneCache(path.join(os.tmpdir(), `ata-prune-none-${process.pid}`));
    assert.deepEqual(report, { removed: 0, freedBytes: 0, leftovers: 0, keptBytes: 0, failed: 0 });
  });

  it('marks an answer it reads as used when its time is older than a day, and leaves a fresh one alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-touch-'));
    const store = new AnswerFiles(dir, () => {});
    const key = { rules: ['child-process'], parts: ['exports', 'v', 'm.js', null, {}] };
    store.write(key, { found: null, final: true });
    const [file] = fs.readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.answer.json'));
    const full = path.join(dir, file);
    const old = (Date.now() - TOUCH_AFTER_MS - DAY) / 1000;
    fs.utimesSync(full, old, old);
    assert.deepEqual(store.read(key, v => v), { found: null, final: true });
    assert.ok(Date.now() - fs.statSync(full).mtimeMs < 60_000, 'used now');
    const fresh = (Date.now() - 3600_000) / 1000;
    fs.utimesSync(full, fresh, fresh);
    store.read(key, v => v);
    assert.equal(Math.round(fs.statSync(full).mtimeMs / 1000), Math.round(fresh), 'not written again within a day');
  });

  it('prunes after an audit through the CLI and says what it removed', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-cli-'));
    const pkg = path.join(home, 'pkg');
    fs.mkdirSync(pkg);
    fs.writeFileSync(path.join(pkg, 'git.js'), 'require("child_process").execFileSync("git",["status"]);\n');
    const results = path.join(home, 'cache', 'ai-tool-audit', 'results');
    write(path.join(results, 'zz', 'stale.json.1.a.tmp'), 10, STALE_TMP_MS + 60_000, Date.now());
    for (const jobs of ['1', '2']) {
      write(path.join(results, 'zz', 'stale.json.1.a.tmp'), 10, STALE_TMP_MS + 60_000, Date.now());
      const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'scan', pkg, '--json', '--jobs', jobs], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache') } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /note: result cache: removed 0 least recently used entries \(0 MB; 0 MB kept\) and 1 unfinished writes from /, `--jobs ${jobs}: ${r.stderr}`);
      assert.ok(!fs.existsSync(path.join(results, 'zz', 'stale.json.1.a.tmp')));
      assert.ok(fs.readdirSync(results, { recursive: true }).map(String).some(f => f.endsWith('.json') && !f.endsWith('.tmp')), 'the audit kept its result');
    }
  });
});
