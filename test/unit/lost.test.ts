// Nothing silently lost: a huge literal, a failing pass or a rule that throws costs only
// itself; the code before and after is still reported and every loss is an error entry.
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanSource } from '../../src/core/scan/engine';
import type { Rule } from '../../src/core/rules/types';

const BEFORE = 'function tz(){return Intl.DateTimeFormat().resolvedOptions().timeZone}\n';
const AFTER = '\nrequire("child_process").exec(process.argv[2]);\n';

/** Base64-looking text of `mb` megabytes, built fast. */
function base64Blob(mb: number): string {
  const unit = Buffer.from(Array.from({ length: 3 * 1024 }, (_, i) => (i * 131 + 7) & 255)).toString('base64');
  return unit.repeat(Math.ceil((mb * 1024 * 1024) / unit.length)).slice(0, mb * 1024 * 1024);
}

describe('nothing silently lost', function () {
  this.timeout(120_000);

  it('reports the code before and after a 10 MB base64 literal', () => {
    const text = `${BEFORE}var blob="${base64Blob(10)}";${AFTER}`;
    const r = scanSource(text, { file: 'big.js', rules: RULES });
    const rules = new Set(r.findings.map(f => f.ruleId));
    assert.ok(rules.has('timezone-probe'), 'the timezone read before the literal is lost');
    assert.ok(rules.has('child-process'), 'the process start after the literal is lost');
    assert.deepEqual(r.errors, []);
  });

  it('reports the code around a 100 MB literal in one bundle', () => {
    const text = `${BEFORE}var blob="${base64Blob(100)}";${AFTER}`;
    const r = scanSource(text, { file: 'huge.js', rules: RULES });
    const rules = new Set(r.findings.map(f => f.ruleId));
    assert.ok(rules.has('timezone-probe') && rules.has('child-process'), JSON.stringify([...rules]));
  });

  it('loses only the rule that throws, with an error entry naming it, and keeps the rest of the file', () => {
    const rule = (id: string, create: Rule['create']): Rule => ({ meta: { id, category: 'region', severity: 'low', title: 'x', description: 'x', messages: { m: 'x' } }, triggers: [], create });
    const deep = rule('deep', () => ({ Literal() { throw new RangeError('Maximum call stack size exceeded'); } }));
    const broken = rule('broken', () => ({ CallExpression() { throw new Error('boom'); } }));
    const r = scanSource(`${BEFORE}var s="abc";${AFTER}`, { file: 'a.js', rules: [deep, broken, ...RULES] });
    assert.ok(r.findings.some(f => f.ruleId === 'timezone-probe'));
    assert.ok(r.findings.some(f => f.ruleId === 'child-process'));
    assert.ok(r.errors.some(e => /rule deep skipped a node nested too deeply/.test(e.message)), JSON.stringify(r.errors));
    assert.ok(r.errors.some(e => /rule broken failed at offset \d+ and was skipped for this file: boom/.test(e.message)), JSON.stringify(r.errors));
  });
});
