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
