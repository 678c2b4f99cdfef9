// region-gating follows values, not co-location: high only when region or vendor data is
// compared with a value that comes from a timezone, offset, locale, endpoint or proxy read.
// Each false positive seen on a real assistant is a case here.
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanSource } from '../../src/core/scan/engine';
import { LineIndex } from '../../src/core/text/lines';

const gates = (code: string, own: string[] = []) => {
  const r = scanSource(code, { file: 'g.js', rules: RULES, target: { ownVendors: own } });
  assert.deepEqual(r.errors, []);
  return r.findings.filter(f => f.ruleId === 'region-gating' || f.ruleId === 'endpoint-check');
};
const at = (code: string, needle: string) => {
  const p = new LineIndex(code).positionAt(code.indexOf(needle));
  return `${p.line}:${p.column}`;
};
const where = (f: { line?: number; column?: number }) => `${f.line}:${f.column}`;

describe('region-gating follows the compared value', () => {
  describe('is not fooled by co-location (false highs seen on real assistants)', () => {
    it('a provider field compared with a vendor name beside an endpoint read in the same object', () => {
      const code = 'function pick(opts){const cfg={provider:opts.provider,baseURL:process.env.ANTHROPIC_BASE_URL};if(cfg.provider==="mistral")return 1;return cfg.baseURL}';
      assert.deepEqual(gates(code), []);
    });
    it('a kind compared with an assistant name in a function that reads the timezone', () => {
      const code = 'function f(t){const z=Intl.DateTimeFormat().resolvedOptions().timeZone;log(z);return t.kind==="claude-code"||t.kind==="deepseek"}';
      assert.deepEqual(gates(code), []);
    });
    it('a vendor list that nobody compares the endpoint with', () => {
      const code = 'function f(){const u=process.env.OPENAI_BASE_URL;const L=["deepseek","moonshot","qwen"];show(L);return fetch(u)}';
      assert.deepEqual(gates(code), []);
    });
    it('a locale compared with a language tag (localisation)', () => {
      const code = 'function f(){const l=Intl.DateTimeFormat().resolvedOptions().locale;return l==="zh-CN"?zh:en}';
      assert.deepEqual(gates(code), []);
    });
    it('a Map of every time zone to its offset (a picker table), looked up with the local zone', () => {
      const zones = ['Africa/Cairo', 'America/New_York', 'America/Chicago', 'Asia/Shanghai', 'Asia/Tokyo', 'Europe/Berlin', 'Europe/London', 'Pacific/Auckland', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Kolkata', 'Europe/Paris'];
      const code = `const M=new Map([${zones.map((z, i) => `["${z}",${i}]`).join(',')}]);\nfunction f(){return M.get(Intl.DateTimeFormat().resolvedOptions().timeZone)}`;
      assert.deepEqual(gates(code), []);
    });
    // A helper that reads the environment serves every caller: only the call that names the variable is its probe.
    it('a helper reading the environment, called with another name where the value is compared', () => {
      const code = 'function readEnv(k){return process.env[k]}const base=readEnv("OPENAI_BASE_URL");const kind=readEnv("MODEL_KIND");function f(){return kind.includes("deepseek")||kind.includes("moonshot")||kind.includes("dashscope")}';
      assert.deepEqual(gates(code, ['openai']), []);
    });
    it('a helper that returns an object holding what it reads, compared by another property', () => {
      const code = 'function get(k){return{value:process.env[k],kind:k.toLowerCase()}}function f(){const r=get("OPENAI_BASE_URL");return /deepseek|moonshot|dashscope/.test(r.kind)}';
      assert.deepEqual(gates(code, ['openai']), []);
    });
    // From a helper's adversarial review: each of these was a false high (or medium) gate.
    it('a helper whose key has a default, called with another name where the value is compared', () => {
      for (const helper of ['function env(k="OPENAI_BASE_URL"){return process.env[k]}', 'function env(k){const key=k||"OPENAI_BASE_URL";return process.env[key]}', 'function env(k){return process.env[k||"TZ"]}']) {
        const code = `${helper}function f(){return ["deepseek","moonshot","dashscope"].includes(env("AI_PROVIDER"))||["Asia/Shanghai","Asia/Urumqi"].includes(env("APP_ZONE"))}`;
        assert.deepEqual(gates(code, ['openai']).map(g => g.message), [], helper);
      }
    });
    it('a helper that returns the name, a flag or another variable rather than the value it reads', () => {
      for (const helper of ['function env(k){return process.env[k]&&k}', 'function env(k){return !!process.env[k]}', 'function other(k){return process.env[k]}function env(k){if(other(k))return other("AI_PROVIDER");return "openai"}']) {
        const code = `${helper}function f(){return /deepseek|moonshot|dashscope/.test(env("OPENAI_BASE_URL"))}`;
        assert.deepEqual(gates(code, ['openai']).map(g => g.message), [], helper);
      }
    });
    it('the NO_PROXY list matched against vendor hosts (every HTTP client does this)', () => {
      const code = 'function bypass(host){const list=(process.env.NO_PROXY||"").split(",");return list.some(h=>host.endsWith(h))&&["api.deepseek.com","api.moonshot.cn","dashscope.aliyuncs.com"].includes(host)}function f(){return ["deepseek","moonshot","dashscope"].includes(process.env.no_proxy)}';
      assert.deepEqual(gates(code, ['openai']).map(g => g.message), []);
    });
    it('a helper that does not return what it reads', () => {
      const code = 'function has(k){return !!process.env[k]}const set=has("OPENAI_BASE_URL");function f(n){return has("OPENAI_BASE_URL")&&["deepseek","moonshot","dashscope"].includes(n)}';
      assert.deepEqual(gates(code, ['openai']), []);
    });
    it('a parameter of a function nobody calls with a probe', () => {
      const code = 'function g(q){log(Intl.DateTimeFormat().resolvedOptions().timeZone);return q==="Asia/Shanghai"}';
      assert.deepEqual(gates(code), []);
    });
  });

  describe('finds gates wherever the value travels', () => {
    it("through a helper that reads the environment, from the call that names the endpoint variable (the AI SDK's loadSetting shape)", () => {
      const code = 'function readEnv(k){return process.env[k]?.trim()}function isChina(){const base=readEnv("OPENAI_BASE_URL");return /deepseek|moonshot|dashscope/.test(base)}';
      const [g] = gates(code, ['openai']);
      assert.equal(g?.severity, 'high');
      assert.match(g.message, /API endpoint or proxy setting and compares with vendor names/);
    });
    // Qwen Code 0.23.4 (review 88): the endpoint's host handed to a matcher with each vendor's domain.
    it('in a comparison helper the callers give the endpoint and vendor domains (isHostOrSubdomain(host, "deepseek.com"))', () => {
      const code = 'function isHostOrSubdomain(h,d){return h===d||h.endsWith(`.${d}`)}function provider(){const host=new URL(process.env.OPENAI_BASE_URL).hostname;if(isHostOrSubdomain(host,"deepseek.com"))return"deepseek";if(isHostOrSubdomain(host,"moonshot.cn"))return"moonshot";return undefined}';
      const found = gates(code, ['alibaba']);
      assert.deepEqual(found.map(g => [g.severity, where(g)]), [['high', at(code, 'h===d')]]);
      assert.match(found[0].message, /API endpoint or proxy setting \(through isHostOrSubdomain\(\)\) and compares with vendor names/);
      assert.ok(found[0].related.some(r => r.message.startsWith('vendor-keywords: Passes "deepseek.com" to isHostOrSubdomain()')), JSON.stringify(found[0].related));
      const one = 'function isHost(h,d){return h===d}function useDeepseekApi(){return isHost(new URL(process.env.OPENAI_BASE_URL).hostname,"api.deepseek.com")}';
      assert.deepEqual(gates(one, ['alibaba']).map(g => `${g.ruleId} ${g.severity}`), ['endpoint-check medium'], 'one vendor: a client adapting to that provider');
      const logged = 'function note(h,d){console.log(h,d)}function f(){note(new URL(process.env.OPENAI_BASE_URL).hostname,"deepseek.com");note(process.env.OPENAI_BASE_URL,"moonshot.cn")}';
      assert.deepEqual(gates(logged, ['alibaba']), [], 'a helper that only logs what it is given compares nothing');
    });
    it('through a helper that reads TZ, compared with region time zones', () => {
      const code = 'function readEnv(k){return process.env[k]}const ZONES=["Asia/Shanghai","Asia/Urumqi","Asia/Hong_Kong"];function f(){return ZONES.includes(readEnv("TZ"))}';
      const [g] = gates(code);
      assert.equal(g?.severity, 'high');
      assert.match(g.message, /timezone/);
    });
    it('through a class field set from the environment and tested with a vendor regex', () => {
      const code = 'class C{constructor(o){this.base=o.baseURL||process.env.OPENAI_BASE_URL}isChina(){return /deepseek|moonshot|dashscope/.test(this.base)}}';
      const [g] = gates(code, ['openai']);
      assert.equal(g?.severity, 'high');
      assert.match(g.message, /API endpoint or proxy setting and compares with vendor names/);
    });
    it('through destructuring of a same-module config', () => {
      const code = 'function getConfig(){return{baseURL:process.env.MY_BASE_URL||"https://api.example.net",model:"x"}}\nfunction f(){const{baseURL}=getConfig();return baseURL.includes("api.deepseek.com")||baseURL.includes("api.moonshot.cn")}';
      const [g] = gates(code);
      assert.equal(g?.severity, 'high');
      assert.equal(where(g), at(code, '"api.deepseek.com"'));
      assert.ok(g.related.some(r => /calls getConfig\(\)/.test(r.message)), JSON.stringify(g.related));
    });
    it('a lower-case Set of zone names tested with has(tz.toLowerCase())', () => {
      const code = 'const Z=new Set(["asia/shanghai","china standard time","prc"]);\nfunction f(){const tz=Intl.DateTimeFormat().resolvedOptions().timeZone;return Z.has(tz.toLowerCase())}';
      const [g] = gates(code);
      assert.equal(g?.severity, 'high');
      assert.match(g.message, /timezone and compares with region timezones/);
      assert.deepEqual(g.country, ['CN']);
    });
    it('a Map keyed by zone names looked up with get(tz) or has(tz)', () => {
      for (const lookup of ['M.get(tz)', 'M.has(tz)']) {
        const code = `const M=new Map([["Asia/Shanghai","cn"],["Asia/Urumqi","cn"]]);\nfunction f(){const tz=Intl.DateTimeFormat().resolvedOptions().timeZone;return ${lookup}}`;
        const [g] = gates(code);
        assert.equal(g?.severity, 'high', lookup);
        assert.deepEqual(g.country, ['CN']);
      }
    });
    it('the UTC+8 offset', () => {
      const code = 'function f(){return new Date().getTimezoneOffset()===-480}';
      const [g] = gates(code);
      assert.equal(g?.severity, 'high');
      assert.match(g.message, /UTC offset/);
    });
    it('a for...of over a vendor list', () => {
      const code = 'const V=["deepseek","moonshot"];function f(){const h=new URL(process.env.ANTHROPIC_BASE_URL).hostname;for(const v of V)if(h.includes(v))return true;return false}';
      assert.equal(gates(code, ['anthropic'])[0]?.severity, 'high');
    });
    it('a gate at the top level of a module over 64 KB', () => {
      const pad = `var pad="${'x'.repeat(70_000)}";\n`;
      const code = `${pad}var tz=Intl.DateTimeFormat().resolvedOptions().timeZone;\nif(tz==="Asia/Shanghai"||tz==="Asia/Urumqi")region="cn";`;
      const [g] = gates(code);
      assert.equal(g?.severity, 'high');
      assert.equal(where(g), at(code, '"Asia/Shanghai"'));
    });
    // Letta Code 0.25.9's Azure adapter (review 64): a URL path named after a vendor's API is a route, not a vendor.
    it('a URL path compared beside one vendor\'s hosts is not a second vendor: an endpoint check, medium', () => {
      const code = 'function n(b){const u=new URL(b);const az=u.hostname.endsWith(".openai.azure.com")||u.hostname.endsWith(".cognitiveservices.azure.com");const p=u.pathname.replace(/\\/+$/,"");if(az&&(p===""||p==="/openai")){u.pathname="/openai/v1"}return u.toString()}function c(){return n(process.env.AZURE_OPENAI_BASE_URL)}';
      assert.deepEqual(gates(code, ['letta']).map(f => [f.ruleId, f.severity]), [['endpoint-check', 'medium']]);
    });
    it("only the assistant's own vendor: a first-party endpoint check, low", () => {
      const code = 'function f(){const h=new URL(process.env.ANTHROPIC_BASE_URL).hostname;return h==="api.anthropic.com"}';
      const found = gates(code, ['anthropic']);
      assert.deepEqual(found.map(f => [f.ruleId, f.severity]), [['endpoint-check', 'low']]);
    });
  });
});
