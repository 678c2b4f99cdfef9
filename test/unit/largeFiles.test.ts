// Large files: the memory a scan takes is bounded. Trees are built smaller (same nodes), the
// obfuscated tree is let go before the restored one is built, and a text over WHOLE_MAX is
// analysed in parts cut between top-level statements, with an error entry saying so. The
// thresholds are lowered here so that the texts stay small; measured numbers live in
// `npm run bench -- --large`, never in tests.
import * as assert from 'node:assert/strict';
import * as acorn from 'acorn';
import { Parser } from '../../src/core/js/parse';
import { splitAtStatements, topLevelStatementEnds } from '../../src/core/js/split';
import { RULES } from '../../src/core/rules';
import { scanSource, WHOLE_MAX } from '../../src/core/scan/engine';
import type { Finding } from '../../src/core/model';

const OPTIONS: acorn.Options = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowImportExportEverywhere: true };

/** `count` top-level statements of filler, each a small module-like function of about 200 characters. */
function filler(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) => `var ${tag}${i}=function(a,b){var c=[a,b,${i}],d={k:"v${i}",n:${i}};for(var j=0;j<c.length;j++)d.n+=c[j]|0;return d.k+String(d.n)+"${'x'.repeat(40)}"};\n`).join('');
}

const where = (f: Finding) => ({ ruleId: f.ruleId, message: f.message, offset: f.offset, endOffset: f.endOffset, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, functionRange: f.functionRange, fingerprint: f.fingerprint, excerpt: f.excerpt, evidence: f.evidence });

describe('large files: smaller trees', () => {
  it('builds the tree acorn builds, node for node, with every kind of list in it', () => {
    const code = [
      '#!/usr/bin/env node',
      'import a, {b as c, d} from "m" with {type: "json"};',
      'export {c as e}; export * from "n" with {type: "json"};',
      'class K extends a { static { let s = [1, , ...d]; } m(x, {y, z: [w = 2]}, ...r) { return new K(x, y, ...r); } }',
      'label: for (const [p, q] of Object.entries({p: 1, ...d, [c]: 2})) switch (p) { case "a": case "b": q++; break; default: { q--; } }',
      'const t = `a${b}c${`n${d}`}`, u = (c, d, b), v = async (...args) => { await args; }, x = function* g() { yield* [1]; };',
      'if (/re[/]/g.test(t)) try { throw new Error("e") } catch ({message}) { console.log(message, 0x1f, 1n, "\\u00e9", \'s\'); }',
    ].join('\n');
    const json = (tree: unknown) => JSON.stringify(tree, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    assert.equal(json(Parser.parse(code, OPTIONS)), json(acorn.parse(code, OPTIONS)));
  });
});

describe('large files: cuts between statements', () => {
  it('cuts a program between its top-level statements, in parts no longer than the limit', () => {
    const text = filler(400, 'm');
    const max = Math.ceil(text.length / 2.9);
    const { parts, blind } = splitAtStatements(text, max);
    assert.equal(blind, 0);
    assert.equal(parts.length, 3);
    assert.equal(parts[0].start, 0);
    assert.equal(parts[parts.length - 1].end, text.length);
    for (let i = 1; i < parts.length; i++) assert.equal(parts[i].start, parts[i - 1].end);
    const ends = new Set(topLevelStatementEnds(text));
    for (const p of parts) {
      assert.ok(p.end - p.start <= max);
      if (p.end < text.length) assert.ok(ends.has(p.end), `cut at ${p.end} is not a statement end`);
      assert.doesNotThrow(() => acorn.parse(text.slice(p.start, p.end), OPTIONS));
    }
  });

  it('reads a regular expression after `for await (…)` as the parser does (a tokenizer alone reads a division)', () => {
    const text = `${filler(50, 'a')}async function r(t){for await(let o of t)/^\\d+$/.test(o.v)&&f(o);return "(";}\n${filler(50, 'b')}`;
    const ends = topLevelStatementEnds(text);
    assert.equal(ends.length, 101);
    assert.equal(ends[ends.length - 1], text.length - 1);
  });

  it('counts a cut it had to make inside a statement (one function around everything)', () => {
    const text = `(function(){\n${filler(300, 'm')}})();\n`;
    const { parts, blind } = splitAtStatements(text, Math.ceil(text.length / 1.9));
    assert.equal(parts.length, 2);
    assert.equal(blind, 1);
    assert.equal(parts[1].end, text.length);
  });
});

describe('large files: analysed in parts', function () {
  this.timeout(60_000);
  const TZ = 'function tz(){return Intl.DateTimeFormat().resolvedOptions().timeZone}\n';
  const EXEC = 'function run(){require("child_process").exec(process.argv[2])}\n';
  const HOST = 'function up(){return fetch("https://api.deepseek.com/v1/chat")}\n';
  const text = `${TZ}${filler(300, 'a')}${EXEC}${filler(300, 'b')}${HOST}`;

  it('reports, in parts, what the whole scan reports where no value crosses a cut, at the same places', () => {
    const whole = scanSource(text, { file: 'big.js', rules: RULES });
    const parts = scanSource(text, { file: 'big.js', rules: RULES, wholeMax: Math.ceil(text.length / 2.9) });
    assert.deepEqual(whole.errors, []);
    assert.ok(['timezone-probe', 'child-process', 'network-endpoint'].every(id => whole.findings.some(f => f.ruleId === id)), JSON.stringify(whole.findings.map(f => f.ruleId)));
    assert.deepEqual(parts.findings.map(where), whole.findings.map(where));
  });

  it('says that the file was analysed in parts and that values are not followed between them', () => {
    const r = scanSource(text, { file: 'big.js', rules: RULES, wholeMax: Math.ceil(text.length / 2.9) });
    assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
    assert.equal(r.errors[0].file, 'big.js');
    assert.match(r.errors[0].message, /^analysed in 3 parts of at most 0\.\d million characters, cut between top-level statements: the file has 0\.\d million characters, more than the 0\.\d million analysed whole \(a bound on memory\)\. Values are not followed from one part into another/);
  });

  it('does not follow a value from one part into another (the limit it states)', () => {
    const gate = `var zone=Intl.DateTimeFormat().resolvedOptions().timeZone;\n${filler(300, 'a')}if(zone==="Asia/Shanghai")module.exports.cn=true;\n`;
    const whole = scanSource(gate, { file: 'g.js', rules: RULES });
    const parts = scanSource(gate, { file: 'g.js', rules: RULES, wholeMax: Math.ceil(gate.length / 1.9) });
    assert.ok(whole.findings.some(f => f.ruleId === 'region-gating'));
    assert.ok(!parts.findings.some(f => f.ruleId === 'region-gating'));
    assert.ok(parts.findings.some(f => f.ruleId === 'timezone-probe'), 'the probe itself is still reported');
  });

  it('names the part in the errors of a part, and places strings-pass findings at byte offsets of the file', () => {
    // The second part nests too deeply to be parsed: its string literals are read instead.
    const deep = `${'['.repeat(400)}"https://api.deepseek.com/v1"${']'.repeat(400)};\n`;
    const accented = `var s="${'é'.repeat(2000)}";\n`;
    const file = `${accented}${filler(200, 'a')}${deep}`;
    const r = scanSource(file, { file: 'd.js', rules: RULES, wholeMax: Math.ceil(file.length / 1.9) });
    assert.ok(r.errors.some(e => /^part 2 of 2 \(characters \d+-\d+\): not parsed: brackets nested more than/.test(e.message)), JSON.stringify(r.errors));
    const approximate = r.findings.filter(f => f.confidence === 'approximate');
    assert.ok(approximate.length > 0, JSON.stringify(r.findings.map(f => f.ruleId)));
    const host = file.indexOf('https://api.deepseek.com');
    for (const f of approximate) {
      const start = Buffer.byteLength(file.slice(0, host), 'utf8');
      assert.ok(f.offset! >= start && f.endOffset! <= start + Buffer.byteLength('https://api.deepseek.com/v1'), `${f.ruleId} at ${f.offset}-${f.endOffset}, the literal is at ${start}`);
    }
  });

  it('keeps the real bundles (33 to 35 MB) under the size analysed whole', () => {
    assert.ok(WHOLE_MAX >= 35_208_536, 'Letta Code 0.32.18 ships letta.js of 35,208,536 bytes');
  });
});
