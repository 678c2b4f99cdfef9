// extensionTestsPath: runs inside the real extension host (code-server's, see
// scripts/test-host/), where `vscode` is the real API. Writes the results for the runner
// outside and prints the closing line CI reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const grep = process.env.AI_TOOL_AUDIT_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', ...(grep ? { grep } : {}) });
  // The editor benchmark (npm run bench:editor) runs bench/*.bench.js through the same runner;
  // the untrusted-workspace run (Workspace Trust on, folder not trusted) runs untrusted/.
  const suite = process.env.AI_TOOL_AUDIT_SUITE;
  const dir = suite === 'bench' || suite === 'untrusted' ? path.join(__dirname, suite) : __dirname;
  for (const f of fs.readdirSync(dir).sort()) if (/\.(test|bench)\.js$/.test(f)) mocha.addFile(path.join(dir, f));
  const results = { passed: [] as string[], failed: [] as Array<{ title: string; error: string }> };
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      console.log(`integration: ${results.passed.length} passed, ${results.failed.length} failed`);
      const out = process.env.AI_TOOL_AUDIT_TEST_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', t => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, err) => results.failed.push({ title: t.fullTitle(), error: String(err?.stack ?? err) }));
  });
}
