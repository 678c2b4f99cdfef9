// The result cache kept to a size: least recently used entries go first, a killed writer's
// temporary files go once no writer can be busy with them, and an entry used is marked used.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pruneCache, PRUNE_EVERY_MS, STALE_TMP_MS, TOUCH_AFTER_MS } from '../../src/core/worker/cachePrune';
import { AnswerFiles } from '../../src/core/worker/resultCache';

const DAY = 24 * 60 * 60 * 1000;
/** A name of the cache's own layout: `xx/<sha256>.json`. */
const hex = (i: number, answer = false) => `${String(i).padStart(2, '0')}${'a'.repeat(62)}${answer ? '.answer' : ''}.json`;

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
    for (let i = 0; i < 10; i++) write(path.join(dir, i % 2 ? 'ab' : 'cd', hex(i, i === 9)), 1000, i * DAY, now);
    const report = await pruneCache(dir, { maxBytes: 5000, now });
    assert.equal(report.removed, 6);
    assert.equal(report.freedBytes, 6000);
    assert.equal(report.keptBytes, 4000);
    const left = ['ab', 'cd'].flatMap(d => fs.readdirSync(path.join(dir, d))).sort();
    assert.deepEqual(left, [hex(0), hex(1), hex(2), hex(3)]);
    // Pruned within the hour: not walked again; after it, under the cap, nothing goes.
    for (let i = 10; i < 20; i++) write(path.join(dir, 'ab', hex(i)), 1000, 30 * DAY, now);
    assert.deepEqual(await pruneCache(dir, { maxBytes: 5000, now: now + 1000 }), { removed: 0, freedBytes: 0, leftovers: 0, keptBytes: 0, failed: 0, skipped: true });
    const later = await pruneCache(dir, { maxBytes: 50_000, now: now + PRUNE_EVERY_MS + 1000 });
    assert.deepEqual([later.removed, later.keptBytes, later.skipped], [0, 14_000, undefined]);
  });

  it("removes a killed writer's temporary files only once they are old, and never follows a link out of the folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-outside-'));
    const now = Date.now();
    write(path.join(dir, 'ab', `${hex(1)}.123.x1.tmp`), 10, STALE_TMP_MS + 60_000, now);
    write(path.join(dir, 'ab', `${hex(2)}.124.x2.tmp`), 10, 1000, now);
    write(path.join(outside, hex(3)), 100_000, 30 * DAY, now);
    fs.symlinkSync(outside, path.join(dir, 'ef'));
    const report = await pruneCache(dir, { maxBytes: 1, now });
    assert.equal(report.leftovers, 1);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'ab')), [`${hex(2)}.124.x2.tmp`]);
    assert.ok(fs.existsSync(path.join(outside, hex(3))), 'a file the link leads to stays');
  });

  it("removes only files of the cache's own layout: a user's file in the folder stays, whatever its name", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-prune-'));
    const now = Date.now();
    const foreign = [path.join(dir, 'notes.txt'), path.join(dir, hex(5)), path.join(dir, 'ab', 'settings.json'), path.join(dir, 'ab', 'deeper', hex(6)), path.join(dir, 'zz', hex(7)), path.join(dir, 'ab', 'old.tmp')];
    for (const f of foreign) write(f, 5000, 30 * DAY, now);
    write(path.join(dir, 'ab', hex(8)), 5000, 30 * DAY, now);
    const report = await pruneCache(dir, { maxBytes: 1, now });
    assert.deepEqual([report.removed, report.freedBytes], [1, 5000]);
    for (const f of foreign) assert.ok(fs.existsSync(f), `${path.relative(dir, f)} stays`);
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
    const stale = path.join(results, 'cd', `${hex(9)}.1.a.tmp`);
    for (const jobs of ['1', '2']) {
      write(stale, 10, STALE_TMP_MS + 60_000, Date.now());
      // The last prune an hour and more ago.
      if (fs.existsSync(path.join(results, '.last-prune'))) fs.utimesSync(path.join(results, '.last-prune'), 0, 0);
      const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'scan', pkg, '--json', '--jobs', jobs], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache') } });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /note: result cache kept to its size: removed 1 unfinished write in /, `--jobs ${jobs}: ${r.stderr}`);
      assert.ok(!fs.existsSync(stale));
      assert.ok(fs.readdirSync(results, { recursive: true }).map(String).some(f => f.endsWith('.json') && !f.endsWith('.tmp')), 'the audit kept its result');
    }
    // A result used by a later audit is marked used (in a worker and in the CLI's own thread).
    const kept = fs.readdirSync(results, { recursive: true }).map(String).filter(f => /^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/.test(f.split(path.sep).join('/')));
    assert.ok(kept.length > 0);
    for (const jobs of ['1', '2']) {
      const old = (Date.now() - TOUCH_AFTER_MS - DAY) / 1000;
      for (const f of kept) fs.utimesSync(path.join(results, f), old, old);
      const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'scan', pkg, '--json', '--jobs', jobs], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache') } });
      assert.equal(r.status, 0, r.stderr);
      for (const f of kept) assert.ok(Date.now() - fs.statSync(path.join(results, f)).mtimeMs < 60_000, `--jobs ${jobs}: ${f} marked used`);
    }
  });
});
