import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanWith } from '../helpers/ruleTester';

const gates = (code: string, own: string[] = []) =>
  scanWith(RULES, code, { ownVendors: own }).filter(f => f.ruleId === 'region-gating' || f.ruleId === 'endpoint-check');

describe('correlation: region-gating', () => {
  it('flags a minified function that reads the timezone and compares it with a region', () => {
    const code = 'var a=1;function q(){let K=Intl.DateTimeFormat().resolvedOptions().timeZone;return K==="Asia/Shanghai"||K==="Asia/Urumqi"}';
    const [g, ...rest] = gates(code);
    assert.equal(rest.length, 0);
    assert.equal(g.ruleId, 'region-gating');
    assert.equal(g.severity, 'high');
    assert.equal(g.column, code.indexOf('"Asia/Shanghai"') + 1);
    assert.deepEqual(g.related.map(r => r.column), [code.indexOf('Intl') + 1, code.indexOf('"Asia/Urumqi"') + 1]);
    assert.match(g.message, /timezone.*region timezones/);
  });

  it('flags an endpoint read compared with another vendor in a nested closure', () => {
    const code = 'function f(){let h=new URL(process.env.ANTHROPIC_BASE_URL).hostname;return ()=>["deepseek","qwen"].some(k=>h.includes(k))}';
    const [g] = gates(code, ['anthropic']);
    assert.equal(g.ruleId, 'region-gating');
    assert.ok(g.evidence.some(e => e.includes('DeepSeek (CN)')));
    assert.ok(g.related.some(r => r.message.includes('ANTHROPIC_BASE_URL')));
  });

  it("reports a comparison with the assistant's own host as a low first-party check", () => {
    const code = 'function f(){let q=process.env.ANTHROPIC_BASE_URL;let K=new URL(q).host;return["api.anthropic.com"].includes(K)}';
    const [g] = gates(code, ['anthropic']);
    assert.equal(g.ruleId, 'endpoint-check');
    assert.equal(g.severity, 'low');
  });

  it('reports an endpoint compared with one other vendor as a medium endpoint check, not a gate (provider compatibility code)', () => {
    const code = 'function f(){let q=process.env.OPENAI_BASE_URL;return q.includes("dashscope")}';
    const [g, ...rest] = gates(code, ['openai']);
    assert.equal(rest.length, 0);
    assert.deepEqual([g.ruleId, g.severity], ['endpoint-check', 'medium']);
    assert.match(g.message, /one vendor \(Alibaba/);
  });

  it("reads a vendor word under another vendor's domain as that domain's (Claude Code 2.1.332's Azure Foundry host check is no gate)", () => {
    const code = 'const S={foundry:{ownHost:/^[a-z0-9-]{2,64}\\.(?:services\\.ai|cognitiveservices|openai)\\.azure\\.(?:com|us|cn)$/}};function Atd(e,t){let o=S[e],a;try{a=new URL(t)}catch{return"unparsable"}let n=a.hostname.toLowerCase();if(!o.ownHost.test(n))return"foreign";return"own"}function b(){return Atd("foundry",process.env.ANTHROPIC_FOUNDRY_BASE_URL)}';
    const found = scanWith(RULES, code).filter(f => f.ruleId === 'region-gating' || f.ruleId === 'endpoint-check');
    assert.deepEqual(found.filter(f => f.ruleId === 'region-gating'), [], found.map(f => f.message).join('\n'));
  });

  it("does not call a client's check for its API's native host a gate (Qwen Code's isAnthropicNativeBaseUrl)", () => {
    const code = 'function base(c){if(c?.baseUrl)return c.baseUrl;const e=process.env["ANTHROPIC_BASE_URL"]?.trim();if(e)return e;return "https://api.anthropic.com"}\nfunction isNative(c){try{const h=new URL(base(c)).hostname.toLowerCase();return h==="api.anthropic.com"||h.endsWith(".anthropic.com")}catch{return false}}';
    assert.deepEqual(gates(code, ['alibaba']).map(f => [f.ruleId, f.severity]), [['endpoint-check', 'medium']]);
  });

  it('still gates an endpoint compared with two vendors in separate comparisons', () => {
    const code = 'function f(){let q=process.env.OPENAI_BASE_URL;return q.includes("dashscope")||q.includes("deepseek")}';
    assert.deepEqual(gates(code, ['openai']).map(f => [f.ruleId, f.severity]), [['region-gating', 'high']]);
  });

  it('does not gate on a comparison of some other value that sits next to an endpoint read', () => {
    const code = 'function v(m,c){let u=process.env.OPENAI_BASE_URL;if(m==="openai"||m==="deepseek")return check(u,c)}';
    assert.deepEqual(gates(code, ['alibaba']), []);
  });

  it('does not count a vendor list whose comparison is not seen, even beside the endpoint read (co-location is never enough)', () => {
    const code = 'function v(){let h=new URL(process.env.OPENAI_BASE_URL).host;const L=["deepseek","qwen"];return match(L,h)}';
    assert.deepEqual(gates(code, ['openai']), []);
    assert.ok(scanWith(RULES, code, { ownVendors: ['openai'] }).some(f => f.ruleId === 'vendor-keywords' && f.severity === 'low'), 'the list itself is still reported');
  });

  it('counts the same list when the comparison is in a same-module helper the values are passed to', () => {
    const code = 'function match(L,h){return L.some(k=>h.includes(k))}\nfunction v(){let h=new URL(process.env.OPENAI_BASE_URL).host;const L=["deepseek","qwen"];return match(L,h)}';
    assert.equal(gates(code, ['openai'])[0]?.ruleId, 'region-gating');
  });

  it('does not call localisation (locale compared with a language tag) gating', () => {
    const code = 'function f(){const l=Intl.DateTimeFormat().resolvedOptions().locale;return l==="zh-CN"?"你好":"hi"}';
    assert.deepEqual(gates(code), []);
  });

  it('does not correlate a probe and a comparison in unrelated functions of a big bundle', () => {
    const filler = `var pad="${'x'.repeat(70000)}";`;
    const code = `${filler}function a(){return Intl.DateTimeFormat().resolvedOptions().timeZone}\nfunction b(K){return K==="Asia/Shanghai"}`;
    assert.deepEqual(gates(code), []);
  });

  it('does not widen the scope through an esbuild lazy-module wrapper', () => {
    const code = `var M=L(()=>{function a(){return Intl.DateTimeFormat().resolvedOptions().timeZone}function b(K){return K==="Asia/Shanghai"}});`;
    assert.deepEqual(gates(code), []);
  });

  it('correlates module-level code in a small file', () => {
    const code = 'const tz=Intl.DateTimeFormat().resolvedOptions().timeZone;\nif(tz==="Asia/Shanghai")mark();';
    assert.equal(gates(code).length, 1);
  });

  it('reports one gate for a function and its closure, not two', () => {
    const code = 'function f(){const t=Intl.DateTimeFormat().resolvedOptions().timeZone;return function g(){return t==="Asia/Shanghai"}}';
    assert.equal(gates(code).length, 1);
  });
});
