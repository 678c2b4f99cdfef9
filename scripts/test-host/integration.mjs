#!/usr/bin/env node
// npm run test:integration: the mocha suite in test/integration runs inside a real VS Code
// extension host (with --bench: the editor benchmark in test/integration/bench instead;
// --grep=TEXT runs the tests whose title holds TEXT). @vscode/test-electron's runTests drives it, with code-shim.mjs standing in
// for the desktop executable. Each run gets its own folder (HOME with planted assistants,
// user data, extensions), removed when the run passes.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureTestHost } from './install.mjs';
import { PLANTED_SECRET, plantHome, plantWorkspaceSettings } from './plantHome.mjs';
import { packageVsix } from './vsix.mjs';
import { REPO, RUNS } from './paths.mjs';

const bench = process.argv.includes('--bench');
const grep = process.argv.find(a => a.startsWith('--grep='))?.slice(7);
const BENCH_BUNDLE = join(REPO, '.cache', 'corpus', 'anthropic-ai_claude-code_2.1.112', 'package', 'cli.js');
if (bench && !existsSync(BENCH_BUNDLE)) {
  console.error(`bench:editor needs ${BENCH_BUNDLE}: run npm run corpus`);
  process.exit(2);
}
ensureTestHost();
const suite = join(REPO, 'out', 'test', 'integration', 'index.js');
if (!existsSync(suite) || !existsSync(join(REPO, 'dist', 'worker.js'))) {
  console.error('integration: build first (npm run build)');
  process.exit(2);
}
mkdirSync(RUNS, { recursive: true });

/**
 * One run of the suite in a fresh editor. `untrusted`: Workspace Trust on and the folder not
 * trusted, with a policy and workspace settings planted before the editor opens it.
 */
async function runSuite({ untrusted = false } = {}) {
  const run = mkdtempSync(join(RUNS, untrusted ? 'integration-untrusted-' : 'integration-'));
  const home = plantHome(join(run, 'home'), { slow: !bench && !untrusted });
  const workspace = join(run, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'README.md'), 'The folder the integration tests open.\n');
  plantWorkspaceSettings(workspace);
  if (untrusted) {
    mkdirSync(join(workspace, '.vscode'));
    writeFileSync(join(workspace, '.vscode', 'ai-tool-audit.json'), '{\n  "assistants": {\n    "block": ["fakeai.region-gate"]\n  }\n}\n');
    // An untrusted folder must not be able to hide findings through its settings.
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'aiToolAudit.disabledRules': ['region-gating', 'region-literals'] }));
  }
  const resultsFile = join(run, 'results.json');
  // An AI extension the tests install while the editor runs (extensions.onDidChange).
  const lateVsix = untrusted ? '' : packageVsix(join(REPO, 'test', 'fixtures', 'late-extension'), join(run, 'late-arrival.vsix'));
  const suiteName = bench ? 'bench' : untrusted ? 'untrusted' : undefined;

  const started = Date.now();
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: join(REPO, 'scripts', 'test-host', 'code-shim.mjs'),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: suite,
      launchArgs: [workspace, `--extensions-dir=${join(run, 'ext')}`, `--user-data-dir=${join(run, 'data')}`],
      extensionTestsEnv: {
        HOME: home,
        TEST_HOST_RUN: run,
        AI_TOOL_AUDIT_PLANTED_SECRET: PLANTED_SECRET,
        AI_TOOL_AUDIT_TEST_RESULTS: resultsFile,
        AI_TOOL_AUDIT_LATE_VSIX: lateVsix,
        ...(untrusted ? { TEST_HOST_UNTRUSTED: '1' } : {}),
        ...(suiteName ? { AI_TOOL_AUDIT_SUITE: suiteName } : {}),
        ...(bench ? { AI_TOOL_AUDIT_BENCH_BUNDLE: BENCH_BUNDLE } : {}),
        ...(grep ? { AI_TOOL_AUDIT_TEST_GREP: grep } : {}),
      },
    });
  } catch (e) {
    console.error(`integration: ${e.message}`);
    code = 1;
  }
  let passed = 0;
  let failed = 1;
  if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed = results.passed.length;
    failed = results.failed.length;
    for (const f of results.failed) console.log(`FAILED ${f.title}\n${f.error}\n`);
  } else {
    console.error(`integration: the suite reported no results; see ${run}`);
  }
  console.log(`integration ${suiteName ?? 'suite'} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code === 0 && failed === 0) rmSync(run, { recursive: true, force: true });
  else console.log(`run folder kept for inspection: ${run}`);
  return { passed, failed: code === 0 ? failed : Math.max(failed, 1) };
}

const runs = [await runSuite()];
if (!bench) runs.push(await runSuite({ untrusted: true }));
const passed = runs.reduce((n, r) => n + r.passed, 0);
const failed = runs.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
