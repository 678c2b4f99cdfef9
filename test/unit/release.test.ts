// The npm package as users get it: packed from this folder, installed globally into a
// temporary prefix (offline: the CLI bundles its dependencies), run by its `bin` and by npx.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const VERSION = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
const GATE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';

describe('the npm package', function () {
  this.timeout(180_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-release-'));
  // A cache of our own: nothing from the user's npm cache, and nothing left behind in it.
  const env = { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' };
  let tarball = '';
  let files: string[] = [];

  before(() => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { encoding: 'utf8', env });
    const [info] = JSON.parse(out);
    tarball = path.join(tmp, info.filename);
    files = info.files.map((f: { path: string }) => f.path);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the CLI, the rule pages, README, CHANGELOG and LICENSE, and no tests, sources or caches', () => {
    for (const f of ['dist/cli.js', 'docs/rules/region-gating.md', 'docs/ci.md', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) assert.ok(files.includes(f), `${f} is packed`);
    const stray = files.filter(f => /^(test|src|scripts|out|\.cache|\.test-host|node_modules)\//.test(f) || f.endsWith('.map'));
    assert.deepEqual(stray, []);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    assert.equal(pkg.private, undefined, 'publishable');
    assert.deepEqual(pkg.dependencies ?? {}, {}, 'the CLI is one bundle: installing it fetches nothing');
  });

  it('installs with npm install -g from the tarball and runs: --version, and a scan that finds a gate', () => {
    const prefix = path.join(tmp, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { env, stdio: 'pipe' });
    const bin = path.join(prefix, 'bin', 'ai-tool-audit');
    assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8', env }).trim(), VERSION);
    const dir = fs.mkdtempSync(path.join(tmp, 'scan-'));
    fs.writeFileSync(path.join(dir, 'gate.js'), GATE);
    const r = spawnSync(bin, ['scan', dir, '--format', 'sarif'], { encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    const run = JSON.parse(r.stdout).runs[0];
    const gate = run.results.find((x: { ruleId: string }) => x.ruleId === 'region-gating');
    assert.ok(gate, 'the installed CLI finds the gate');
    const helpUri = run.tool.driver.rules[gate.ruleIndex].helpUri;
    assert.ok(helpUri.startsWith('file:') && fs.existsSync(new URL(helpUri)), `the rule page ships with the package: ${helpUri}`);
    assert.ok(new URL(helpUri).pathname.startsWith(prefix), 'and is the installed copy');
  });

  it('runs through npx from the tarball', () => {
    const r = spawnSync('npx', ['--yes', '--offline', '--package', tarball, 'ai-tool-audit', '--version'], { encoding: 'utf8', env, cwd: tmp });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), VERSION);
  });
});

describe('the README in the .vsix', () => {
  // VS Code's Extensions view shows README images from https: URLs only and there is none
  // for this project, so the .vsix carries a copy that names each screenshot in text.
  it('links only screenshots that exist; the .vsix copy names each in text, shows no image, and is the one packed', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map(m => m[1]);
    assert.ok(images.length >= 3, 'the README shows screenshots');
    for (const image of images) {
      assert.ok(!/^[a-z]+:/i.test(image), `${image}: a relative link into the repository`);
      assert.ok(fs.statSync(image).isFile(), `${image} exists`);
    }
    const script = "import { readFileSync } from 'node:fs'; import { readmeWithoutScreenshots } from './scripts/test-host/vsix.mjs'; process.stdout.write(readmeWithoutScreenshots(readFileSync('README.md', 'utf8')));";
    const copy = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.doesNotMatch(copy, /!\[/, 'no image left in the copy');
    for (const image of images) assert.ok(copy.includes(`\`${image}\``), `${image} is named in the copy`);
    assert.equal(copy.split('\n').length, readme.split('\n').length, 'nothing else changed: one line for one');
    const ignore = fs.readFileSync('.vscodeignore', 'utf8').split('\n').map(l => l.trim());
    assert.ok(!ignore.includes('!README.md') && !ignore.some(l => l.startsWith('!docs/screenshots')), 'README.md and the pictures are not packed beside the copy');
    assert.match(fs.readFileSync('scripts/test-host/vsix.mjs', 'utf8'), /'--readme-path', readme/);
  });
});
