// Runs the unit tests (transpiled into out/ by esbuild.config.mjs) with mocha and ends with
// the line CI reads: `N passed, N failed`.
import Mocha from 'mocha';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The CLIs the tests start keep scan results in $XDG_CACHE_HOME: a folder of this run's own,
// so tests never read (or fill) the user's cache and every run starts cold.
const cacheHome = mkdtempSync(join(tmpdir(), 'ata-unit-cache-'));
process.env.XDG_CACHE_HOME = cacheHome;
process.on('exit', () => rmSync(cacheHome, { recursive: true, force: true }));

function testFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...testFiles(full));
    else if (name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

const grep = process.argv.find(a => a.startsWith('--grep='))?.slice(7);
const mocha = new Mocha({ reporter: 'spec', timeout: 20000, ...(grep ? { grep } : {}) });
for (const f of testFiles('out/test/unit')) mocha.addFile(f);
let passed = 0;
let failed = 0;
const runner = mocha.run(failures => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failures ? 1 : 0;
});
runner.on('pass', () => passed++);
runner.on('fail', () => failed++);
