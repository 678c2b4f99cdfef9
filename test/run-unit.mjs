// Runs the unit tests (transpiled into out/ by esbuild.config.mjs) with mocha and ends with
// the line CI reads: `N passed, N failed`.
import Mocha from 'mocha';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
