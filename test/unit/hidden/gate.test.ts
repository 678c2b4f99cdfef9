import * as assert from 'node:assert/strict';
import { RULES } from '../../../src/core/rules';
import { scanSource } from '../../../src/core/scan/engine';
import { LineIndex } from '../../../src/core/text/lines';
import { gateModule, TECHNIQUES } from '../../helpers/hiddenFixtures';

function scan(code: string, own: string[] = ['openai']) {
  const r = scanSource(code, { file: 'bundle.js', rules: RULES, target: { ownVendors: own } });
  assert.deepEqual(r.errors, []);
  return r.findings;
}

const at = (code: string, needle: string, from = 0) => {
  const offset = code.indexOf(needle, from);
  assert.ok(offset >= 0, `test bug: ${needle}`);
  const p = new LineIndex(code).positionAt(offset);
  return `${p.line}:${p.column}`;
};

describe('hidden gate spread over small functions (the 2026 case, minified)', () => {
  for (const technique of TECHNIQUES) {
    describe(`lists hidden with ${technique.name}`, () => {
      const code = gateModule(technique);
      const findings = scan(code);
      const pos = (f: { line?: number; column?: number }) => `${f.line}:${f.column}`;

      it('decodes both lists where the helper is called, with the recipe', () => {
        const decoded = findings.filter(f => f.ruleId === 'vendor-keywords' && f.message.startsWith('Decoded list'));
        assert.deepEqual(decoded.map(pos), [at(code, 'd(H)'), at(code, 'd(V)')]);
        for (const f of decoded) assert.ok(f.evidence.includes(`recipe: ${technique.recipe}`), JSON.stringify(f.evidence));
        assert.ok(decoded[1].evidence.some(e => e.startsWith('deepseek -> DeepSeek (CN)')));
      });

      it('lets network-endpoint see the decoded hosts: one finding for the list, on the decoding call', () => {
        const lists = findings.filter(f => f.ruleId === 'network-endpoint' && pos(f) === at(code, 'd(H)'));
        assert.equal(lists.length, 1);
        const [list] = lists;
        assert.deepEqual(list.evidence, ['host api.deepseek.com (vendor-api)', 'host dashscope.aliyuncs.com (vendor-api)', 'host open.bigmodel.cn (vendor-api)', 'host api.moonshot.cn (vendor-api)', 'host reseller-api.top (third-party)']);
        assert.match(list.message, new RegExp(`^Decoded \\(${technique.recipe.replace(/[()|]/g, '\\$&')}\\) list of 5 hosts \\(api\\.deepseek\\.com, `));
        assert.equal(list.decodedFrom, technique.recipe);
        assert.deepEqual(list.vendor, ['deepseek', 'alibaba', 'zhipu', 'moonshot']);
        assert.equal(list.host, undefined, 'a listed host is not a request target');
      });

      it('reports each encoded literal as encoded-list, pointing at the data', () => {
        const lists = findings.filter(f => f.ruleId === 'encoded-list');
        assert.equal(lists.length, 2);
        assert.deepEqual(lists.map(pos), [at(code, technique.data.includes('[') ? '[' : '"', code.indexOf('H=')), at(code, technique.data.includes('[') ? '[' : '"', code.indexOf('V='))]);
        assert.match(lists[0].message, /5 entries: 5 host names/);
        assert.ok(lists[0].related.some(r => r.message.startsWith('decoded here')));
      });

      it('finds one region-gating at the first comparison, with every step located', () => {
        const gates = findings.filter(f => f.ruleId === 'region-gating');
        assert.equal(gates.length, 1);
        const [g] = gates;
        assert.equal(g.severity, 'high');
        assert.equal(pos(g), at(code, '"Asia/Shanghai"'));
        const steps = g.related.map(r => `${r.line}:${r.column} ${r.message}`);
        const expect = (needle: string, text: RegExp, from?: number) => assert.ok(steps.some(s => s.startsWith(`${at(code, needle, from)} `) && text.test(s)), `${needle}: ${steps.join('\n')}`);
        expect('process.env.OPENAI_BASE_URL', /Reads OPENAI_BASE_URL/);
        expect('Intl.DateTimeFormat', /timezone/);
        expect('h(),K', /calls h\(\).*API endpoint/);
        expect('t(),_', /calls t\(\).*timezone/);
        expect('"Asia/Urumqi"', /region-literals/);
        expect('a().some', /decoded list from a\(\)/);
        expect('b().some', /decoded list from b\(\)/);
        expect('d(H)', /decoded here/);
      });

      it('links the apostrophe marker to the gate and follows it into the prompt sentence', () => {
        const [marker, ...more] = findings.filter(f => f.ruleId === 'covert-marker');
        assert.equal(more.length, 0);
        assert.equal(pos(marker), at(code, 'm(q,K)'));
        assert.equal(marker.severity, 'high');
        assert.deepEqual(marker.evidence, ['U+0027 APOSTROPHE', 'U+2019 RIGHT SINGLE QUOTATION MARK', 'U+02BC MODIFIER LETTER APOSTROPHE', 'U+02B9 MODIFIER LETTER PRIME']);
        const steps = marker.related.map(r => `${r.line}:${r.column} ${r.message}`);
        assert.ok(steps.some(s => s.startsWith(`${at(code, '"Asia/Shanghai"')} condition comes from the region/vendor gate`)), steps.join('\n'));
        assert.ok(steps.some(s => s.startsWith(`${at(code, '`Today')} reaches: the text`)), steps.join('\n'));
        assert.ok(steps.some(s => s.startsWith(`${at(code, 'currentDate:')} reaches: property \`currentDate\``)), steps.join('\n'));
      });
    });
  }

  it('reports no gate, no encoded list and no marker for the same module with plain data and no region check', () => {
    const code = [
      'var H=["api.openai.com","api.example.com"];function memo(f){let v;return()=>v??=f()}var a=memo(()=>H.slice());',
      'function h(){let q=process.env.OPENAI_BASE_URL;if(!q)return null;return new URL(q).hostname}',
      'function t(){return Intl.DateTimeFormat().resolvedOptions().timeZone}',
      'function g(){let q=h(),K=t();return{known:a().some((z)=>q===z),tz:K}}',
      'function p(q){return`Today\u2019s date is ${q} (${t()}).`}',
    ].join('\n');
    const findings = scan(code);
    assert.deepEqual(findings.filter(f => ['region-gating', 'encoded-list', 'covert-marker'].includes(f.ruleId)).map(f => f.message), []);
  });

  it('links a marker the gate function itself returns: its branch test is the gate (review 53)', () => {
    const code = 'function tz(){return Intl.DateTimeFormat().resolvedOptions().timeZone}\nfunction ap(){let t=tz(),cn=t==="Asia/Shanghai"||t==="Asia/Urumqi";return cn?"\\u2019":"\'"}';
    const [marker] = scan(code).filter(f => f.ruleId === 'covert-marker');
    assert.equal(marker.severity, 'high');
    assert.match(marker.message, /linked to a region\/vendor gate/);
  });

  // The code review of this stop: value questions skip the left of `a && b`; a marker's condition still takes its truth from it.
  it('links a marker whose condition is the gate && a flag', () => {
    const code = 'function tz(){return Intl.DateTimeFormat().resolvedOptions().timeZone}\nvar flag=process.env.X;\nfunction ap(){let t=tz(),cn=(t==="Asia/Shanghai"||t==="Asia/Urumqi")&&flag;return cn?"\\u2019":"\'"}';
    const [marker] = scan(code).filter(f => f.ruleId === 'covert-marker');
    assert.equal(marker.severity, 'high');
    assert.match(marker.message, /linked to a region\/vendor gate/);
  });

  it('does not link a probe in a callee whose value is not what is compared', () => {
    const code = [
      'function t(){return Intl.DateTimeFormat().resolvedOptions().timeZone}',
      'function g(q){log(t());return q==="Asia/Shanghai"}',
    ].join('\n');
    assert.deepEqual(scan(code).filter(f => f.ruleId === 'region-gating'), []);
  });

  it('follows a value through three calls but not four', () => {
    const chain = (n: number) => {
      const fns = ['function c0(){return Intl.DateTimeFormat().resolvedOptions().timeZone}'];
      for (let i = 1; i < n; i++) fns.push(`function c${i}(){return c${i - 1}()}`);
      fns.push(`function g(){let K=c${n - 1}();return K==="Asia/Shanghai"}`);
      return fns.join('\n');
    };
    assert.equal(scan(chain(3)).filter(f => f.ruleId === 'region-gating').length, 1);
    assert.equal(scan(chain(4)).filter(f => f.ruleId === 'region-gating').length, 0);
  });
});

describe('calls between functions of one module', () => {
  const gate = (code: string) => scanSource(code, { file: 'm.js', rules: RULES, target: { ownVendors: [] } }).findings.filter(f => f.ruleId === 'region-gating');

  it('resolves `var f = function`, arrow constants and object-literal methods', () => {
    assert.equal(gate('var t=function(){return Intl.DateTimeFormat().resolvedOptions().timeZone};function g(){let K=t();return K==="Asia/Shanghai"}').length, 1);
    assert.equal(gate('const t=()=>Intl.DateTimeFormat().resolvedOptions().timeZone;function g(){return t()==="Asia/Shanghai"}').length, 1);
    assert.equal(gate('var o={tz(){return Intl.DateTimeFormat().resolvedOptions().timeZone}};function g(){let K=o.tz();return K==="PRC"}').length, 1);
  });

  it('makes a stored invisible sentinel high when a region gate decides it', () => {
    const code = 'function g(){let K=Intl.DateTimeFormat().resolvedOptions().timeZone;return K==="Asia/Shanghai"}\nfunction c(s){s.mark=g()?"\\u200b":""}';
    const all = scanSource(code, { file: 'm.js', rules: RULES, target: { ownVendors: [] } }).findings;
    const marker = all.find(f => f.ruleId === 'covert-marker');
    assert.equal(marker?.severity, 'high');
    assert.match(marker!.message, /linked to a region\/vendor gate/);
  });

  it('says where a gate result goes, up to two callers', () => {
    const code = 'function g(){let K=Intl.DateTimeFormat().resolvedOptions().timeZone;return K==="Asia/Shanghai"}\nfunction c(){let r=g();return{systemPrompt:`x ${r}`}}';
    const [f] = gate(code);
    const steps = f.related.map(r => r.message);
    assert.ok(steps.includes('the result is used here'), steps.join('\n'));
    assert.ok(steps.some(s => s.startsWith('reaches: the text `x ${r}`')), steps.join('\n'));
    assert.ok(steps.some(s => s === 'reaches: property `systemPrompt` of an object (likely text given to the model)'), steps.join('\n'));
  });
});

describe('the same gate inside a CommonJS module wrapper (as Bun --compile stores modules)', () => {
  const body = gateModule(TECHNIQUES[0]).replace('export async function', 'async function');
  const code = `(function(exports, require, module, __filename, __dirname) {var pad="${'x'.repeat(70000)}";\n${body}\n})`;
  const findings = scanSource(code, { file: 'claude', entry: '/$bunfs/root/cli.js', rules: RULES, target: { ownVendors: ['openai'] } }).findings;

  it('treats the wrapper top level like module scope: lists decoded, gate found, marker linked', () => {
    assert.equal(findings.filter(f => f.ruleId === 'encoded-list').length, 2);
    const [gate] = findings.filter(f => f.ruleId === 'region-gating');
    assert.match(gate.message, /timezone and the API endpoint or proxy setting \(through t\(\), h\(\)\)/);
    assert.equal(findings.find(f => f.ruleId === 'covert-marker')?.severity, 'high');
    assert.ok(findings.every(f => f.entry === '/$bunfs/root/cli.js'));
  });
});
