// Runs the unit tests (transpiled into out/ by esbuild.config.mjs) with mocha and ends with
// the line CI reads: `N passed, N failed`.
import Mocha from 'mocha';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every temporary folder the tests and the CLIs they start make (os.tmpdir() reads TMPDIR at
// each call) goes under one folder of this run, removed at the end: runs leave nothing in /tmp.
const runTmp = mkdtempSync(join(tmpdir(), 'ata-unit-'));
process.env.TMPDIR = runTmp;
process.on('exit', () => {
  try {
    rmSync(runTmp, { recursive: true, force: true });
  } catch (e) {
    console.log(`could not remove ${runTmp}: ${e.message}`);
  }
});

// The CLIs the tests start keep scan results in $XDG_CACHE_HOME: a folder of this run's own,
// so tests never read (or fill) the user's cache and every run starts cold.
process.env.XDG_CACHE_HOME = mkdtempSync(join(runTmp, 'cache-'));

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
