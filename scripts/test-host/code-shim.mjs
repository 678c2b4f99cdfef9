#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// Desktop VS Code cannot be installed here, so this takes the desktop flags runTests passes
// (--extensionDevelopmentPath=, --extensionTestsPath=, --extensions-dir=, --user-data-dir=,
// a workspace folder), starts code-server with them, and opens the workbench in headless
// chromium with a `payload` that makes the server's Node extension host (the same one the
// desktop uses) load the extension and run the tests. The page reports the tests' exit code
// through codeAutomationExit (code-server must run with enable-smoke-test-driver for that).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, remotePath, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { RUNS } from './paths.mjs';

const argv = process.argv.slice(2);
const flag = name => argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const extensionDevelopmentPath = flag('extensionDevelopmentPath');
const extensionTestsPath = flag('extensionTestsPath');
const workspace = resolve(argv.find(a => !a.startsWith('-')) ?? process.cwd());
if (!extensionDevelopmentPath || !extensionTestsPath) {
  console.error('code-shim: needs --extensionDevelopmentPath= and --extensionTestsPath=');
  process.exit(2);
}
mkdirSync(RUNS, { recursive: true });
const run = process.env.TEST_HOST_RUN ?? mkdtempSync(join(RUNS, 'shim-'));
const timeoutMs = Number(process.env.TEST_HOST_TIMEOUT_MS ?? 300000);

let server;
let browser;
const stopAll = async () => {
  await browser?.close();
  await server?.stop();
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll().then(() => process.exit(1)));

let code = 1;
try {
  server = await startCodeServer({
    run,
    workspace,
    home: process.env.HOME,
    userDataDir: flag('user-data-dir'),
    extensionsDir: flag('extensions-dir'),
    settings: JSON.parse(process.env.TEST_HOST_SETTINGS ?? '{}'),
    untrusted: process.env.TEST_HOST_UNTRUSTED === '1',
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  browser = await launchBrowser(run, { width: 1280, height: 800 });
  const exited = new Promise(done => {
    void browser.page.exposeFunction('codeAutomationExit', exitCode => done(exitCode));
    setTimeout(() => done('timeout'), timeoutMs);
  });
  await browser.page.exposeFunction('codeAutomationLog', (_type, args) => console.log(...(Array.isArray(args) ? args : [args])));
  await browser.page.goto(
    workbenchUrl(server.url, workspace, [
      ['extensionDevelopmentPath', remotePath(server.url, resolve(extensionDevelopmentPath))],
      ['extensionTestsPath', remotePath(server.url, resolve(extensionTestsPath))],
      ['skipWelcome', 'true'],
    ]),
  );
  const result = await exited;
  if (result === 'timeout') console.error(`code-shim: no result after ${timeoutMs} ms`);
  if (result !== 0) await browser.page.screenshot({ path: join(run, 'failure.png') }).catch(() => {});
  code = result === 0 ? 0 : 1;
} catch (e) {
  console.error(`code-shim: ${e.message}`);
} finally {
  await stopAll();
}
process.exit(code);
