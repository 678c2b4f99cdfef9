import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { scanSource, scanSourceSafely, triggerForms, triggeredBy } from '../../src/core/scan/engine';
import { parseSource } from '../../src/core/js/parse';
import { RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/types';
import { timezoneProbe } from '../../src/core/rules/timezone-probe';

const TZ = 'Intl.DateTimeFormat().resolvedOptions().timeZone';

describe('scan engine', () => {
  it('parses ES modules, scripts with legacy syntax, hashbangs and top-level return', () => {
    assert.equal(parseSource('import x from "y"; export const a = await x;').partial, false);
    assert.equal(parseSource('with (o) { x = 010 }').partial, false);
    assert.equal(parseSource('#!/usr/bin/env node\nreturn 1').partial, false);
  });

  it('falls back to the loose parser and marks findings partial', () => {
    const text = `function f(){ return ${TZ} }\nconst = = broken (`;
    const r = scanSource(text, { file: 'a.js', rules: [timezoneProbe] });
    assert.equal(r.partial, true);
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0].partial, true);
    assert.match(r.errors[0].message, /loose parser/);
  });

  it('records an error instead of throwing on text nothing can parse', () => {
    const deep = `x=${'['.repeat(200000)}${TZ}`;
    const r = scanSource(deep, { file: 'deep.js', rules: [timezoneProbe] });
    assert.equal(r.findings.length, 0);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /not parsed/);
  });

  it('returns findings built once and frozen: those of rules and of correlations alike', () => {
    const code = `const tz=${TZ};\nif(tz==="Asia/Shanghai"||tz==="Asia/Urumqi"){fetch("https://api.deepseek.com/v1")}\nconst a=${TZ},b=${TZ};`;
    const r = scanSource(code, { file: 'a.js', rules: RULES });
    assert.ok(r.findings.some(f => f.ruleId === 'region-gating'), JSON.stringify(r.findings.map(f => f.ruleId)));
    assert.ok(r.findings.length >= 3);
    for (const f of r.findings) {
      assert.ok(Object.isFrozen(f) && Object.isFrozen(f.evidence) && Object.isFrozen(f.related), `${f.ruleId} is not frozen`);
      for (const rel of f.related) assert.ok(Object.isFrozen(rel));
      assert.throws(() => { (f as { severity: string }).severity = 'info'; }, TypeError);
    }
  });

  it('skips parsing when no rule trigger occurs in the text', () => {
    const r = scanSource('const a = 1 + 2;', { file: 'a.js', rules: [timezoneProbe] });
    assert.equal(r.stats.parsed, false);
  });

  it('lists the rules that ran: by their triggers in the text, by triggers only a decoded string holds, and every rule when the strings pass stood in', () => {
    const ran = (text: string) => [...scanSource(text, { file: 'a.js', rules: RULES }).rulesRun].sort();
    const always = RULES.filter(r => r.triggers.length === 0).map(r => r.meta.id);
    assert.deepEqual(ran('var a = 1;'), [...always].sort(), 'only the rules without triggers');
    assert.deepEqual(ran('function f(){x.exec("ls")}'), [...always, 'child-process'].sort());
    // "child_process" only in base64: the rule starts once decoding has read it.
    const hidden = 'const m=Buffer.from("Y2hpbGRfcHJvY2Vzcw==","base64").toString();module.exports=require(m)';
    assert.ok(!triggeredBy(RULES.find(r => r.meta.id === 'child-process')!, hidden));
    assert.ok(ran(hidden).includes('child-process'));
    const unparsable = `x=${'['.repeat(300)}process.env.X`;
    assert.deepEqual(ran(unparsable), RULES.map(r => r.meta.id).sort(), 'the strings pass runs every rule');
    assert.deepEqual(scanSource('const a = 1;', { file: 'a.js', rules: [timezoneProbe] }).rulesRun, [], 'nothing triggered, nothing ran');
  });

  it('counts as run a rule whose start failed, every rule when the scan itself failed, and the rules of every part of a text analysed in parts', () => {
    const broken: Rule = { ...timezoneProbe, meta: { ...timezoneProbe.meta, id: 'broken-start' }, triggers: [], create: () => { throw new Error('no start'); } };
    assert.ok(scanSource('var a = 1;', { file: 'a.js', rules: [broken] }).rulesRun.includes('broken-start'));
    const exploding = { ...timezoneProbe, meta: { ...timezoneProbe.meta, id: 'exploding' }, get triggers(): string[] { throw new Error('boom'); } } as Rule;
    const failed = scanSourceSafely('var a = 1;', { file: 'a.js', rules: [timezoneProbe, exploding] });
    assert.match(failed.errors[0].message, /scan failed/);
    assert.deepEqual([...failed.rulesRun].sort(), ['exploding', 'timezone-probe']);
    const first = `function f(){return ${TZ}}\n`;
    const second = 'function g(){return require("child_process").execSync("ls")}\n';
    const parts = scanSource(first + ' '.repeat(200) + '\n' + second, { file: 'a.js', rules: RULES, wholeMax: 300 });
    assert.match(parts.errors[0].message, /analysed in 2 parts/);
    assert.ok(parts.rulesRun.includes('timezone-probe') && parts.rulesRun.includes('child-process'), parts.rulesRun.join(' '));
  });

  it('matches non-ASCII triggers in their escaped forms', () => {
    assert.deepEqual(triggerForms('’'), ['’', '\\u2019']);
    assert.ok(triggerForms('ʹ').includes('\\u02b9') && triggerForms('ʹ').includes('\\u02B9'));
    assert.deepEqual(triggerForms('abc'), ['abc']);
  });

  it('activates each rule on every form of each of its triggers, in a text of nothing else, and on none of them in text without them', () => {
    for (const rule of RULES.filter(r => r.triggers.length)) {
      for (const trigger of rule.triggers) {
        for (const form of triggerForms(trigger)) {
          assert.ok(triggeredBy(rule, `var x = 1; // ${form} ;`), `${rule.meta.id}: ${JSON.stringify(form)}`);
          // Regular-expression characters in a trigger are matched as themselves.
          if (/[.*+?^${}()|[\]\\/]/.test(form)) assert.ok(triggeredBy(rule, form), `${rule.meta.id}: ${JSON.stringify(form)} alone`);
          if (rule.triggersIgnoreCase) assert.ok(triggeredBy(rule, `(${form.toUpperCase()})`) && triggeredBy(rule, `(${form.toLowerCase()})`), `${rule.meta.id}: ${form} in another case`);
        }
      }
      assert.ok(!triggeredBy(rule, '\u0000'), `${rule.meta.id} needs one of its triggers`);
    }
    // Case matters unless the rule says otherwise: `ENV` is not the env-harvest trigger `env`.
    const envHarvest = RULES.find(r => r.meta.id === 'env-harvest')!;
    assert.ok(!envHarvest.triggersIgnoreCase && !triggeredBy(envHarvest, 'ENV') && triggeredBy(envHarvest, 'x.env'));
    // A trigger with regex characters is not a pattern: `.node` does not match `xnode`.
    const nativeLoad = RULES.find(r => r.meta.id === 'native-load')!;
    assert.ok(!triggeredBy(nativeLoad, 'xnode') && triggeredBy(nativeLoad, 'a.node'));
  });

  it('counts columns in UTF-16 code units and lines as VS Code does (\\r\\n, \\r, \\n)', () => {
    const text = `a\r\nb\rc\n/*😀*/${TZ}`;
    const [f] = scanSource(text, { file: 'a.js', rules: [timezoneProbe] }).findings;
    assert.equal(f.line, 4);
    assert.equal(f.column, 7); // "/*" 2 + "😀" 2 units + "*/" 2 -> column 7
    assert.equal(f.endLine, 4);
    assert.equal(f.endColumn, 7 + TZ.length);
    assert.equal(f.offset, text.indexOf('Intl'));
  });

  it('gives each finding its enclosing function, an excerpt and a stable fingerprint', () => {
    const text = `function outer(){ return ${TZ} }`;
    const [a] = scanSource(text, { file: 'a.js', rules: [timezoneProbe] }).findings;
    const [b] = scanSource(`\n\n${text}`, { file: 'a.js', rules: [timezoneProbe] }).findings;
    assert.deepEqual(a.functionRange, [0, text.length]);
    assert.ok(a.excerpt?.includes('resolvedOptions'));
    assert.equal(a.fingerprint, b.fingerprint, 'the fingerprint does not depend on the line');
    const [c] = scanSource(text, { file: 'other.js', rules: [timezoneProbe] }).findings;
    assert.notEqual(a.fingerprint, c.fingerprint);
  });

  it('gives each finding the plain sha256 of its flagged text, the same in any file', () => {
    const [a] = scanSource(`function outer(){ return ${TZ} }`, { file: 'a.js', rules: [timezoneProbe] }).findings;
    const [c] = scanSource(`let z = ${TZ};`, { file: 'other.js', rules: [timezoneProbe] }).findings;
    assert.equal(a.contentHash, createHash('sha256').update(TZ).digest('hex'));
    assert.equal(c.contentHash, a.contentHash);
  });

  it('keeps scanning with other rules when one rule throws', () => {
    const broken: Rule = {
      meta: { id: 'broken', category: 'region', severity: 'low', title: 'x', description: 'x', messages: {} },
      triggers: [],
      create: () => ({ Identifier() { throw new Error('boom'); } }),
    };
    const r = scanSource(`f(${TZ})`, { file: 'a.js', rules: [broken, timezoneProbe] });
    assert.equal(r.findings.length, 1);
    assert.match(r.errors[0].message, /rule broken failed .*boom/);
  });

  it('keeps spans inside the file when the loose parser ends a node past it (found by fuzzing)', () => {
    for (const text of ['eval(/', 'x=eval(a, /', 'eval( ! /']) {
      const r = scanSource(text, { file: 'a.js', rules: RULES });
      const f = r.findings.find(x => x.ruleId === 'dynamic-code');
      assert.ok(f && f.partial, JSON.stringify(r.findings));
      assert.ok(f.endOffset! <= text.length && f.offset! <= f.endOffset!, `${f.offset}-${f.endOffset} in ${text.length}`);
      assert.equal(f.endColumn, text.length + 1);
    }
  });

  it('walks deeply nested code without exhausting the stack', () => {
    const text = `x=${'a+'.repeat(3000)}${TZ}`;
    const r = scanSource(text, { file: 'a.js', rules: RULES });
    assert.equal(r.findings.filter(f => f.ruleId === 'timezone-probe').length, 1);
  });
});
