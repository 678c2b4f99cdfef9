// A bounded fuzz run in CI: mutated esbuild, webpack and rollup output and token soup through
// the whole engine, in a child process (a process abort would otherwise take mocha with it).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const RUNNER = path.resolve(__dirname, '..', 'helpers', 'fuzzRunner.js');

describe('fuzzing the engine', () => {
  for (const seed of [20261204, 7, 99]) {
    it(`seed ${seed}: 1,000 mutated bundles and token soups end without a crash, a hang or a finding outside its file`, function () {
      this.timeout(240_000);
      const r = spawnSync(process.execPath, [RUNNER, String(seed), '1000'], { encoding: 'utf8', timeout: 220_000 });
      assert.equal(r.signal, null, `the fuzz process was killed (${r.signal}); replay with: node ${RUNNER} ${seed} 1000\n${r.stderr.slice(-800)}`);
      assert.equal(r.status, 0, r.stdout + r.stderr.slice(-800));
      const summary = JSON.parse(r.stdout.trim().split('\n').pop()!);
      assert.deepEqual(summary.problems, []);
      assert.equal(summary.runs, 1000);
    });
  }
});
