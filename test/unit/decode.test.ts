import * as assert from 'node:assert/strict';
import { parseSource } from '../../src/core/js/parse';
import { ModuleIndex } from '../../src/core/js/moduleIndex';
import type { Node } from '../../src/core/js/ast';
import { walk } from '../../src/core/js/walker';
import { evaluate } from '../../src/core/js/decode/evaluate';
import { decodeModule, hidesText, keySearch } from '../../src/core/js/decode';
import { CallGraph } from '../../src/core/js/callgraph';
import { UNKNOWN } from '../../src/core/js/decode/values';

/** Index a module and return the node of the last expression statement, to evaluate. */
function setup(code: string): { index: ModuleIndex; last: Node } {
  const ast = parseSource(code).ast!;
  const index = new ModuleIndex(code);
  walk(ast, { enter: (node, path) => index.enter(node, path), exit: node => index.exit(node) });
  const last = ast.body[ast.body.length - 1];
  assert.ok(last.type === 'ExpressionStatement');
  return { index, last: last.expression };
}

const run = (code: string, budget?: { steps: number; depth: number }) => {
  const { index, last } = setup(code);
  return evaluate(last, -1, index, budget);
};

describe('constant evaluator', () => {
  it('decodes base64 + XOR through a helper and a module-level key declared after use', () => {
    const data = Buffer.from(Buffer.from('a,b').map(b => b ^ 91)).toString('base64');
    const r = run(`function D(q){let K=Buffer.from(q,"base64"),_="";for(let z of K)_+=String.fromCharCode(z^k);return _.split(",")}\nvar k=91,X="${data}";\nD(X)`);
    assert.deepEqual(r.value, ['a', 'b']);
    assert.deepEqual(r.recipe, ['base64', 'xor 0x5b', 'split ","']);
  });

  it('handles atob, hex, char codes with spread, charCodeAt shifts, map/join and template literals', () => {
    assert.equal(run('atob("aGk=")').value, 'hi');
    assert.equal(run('Buffer.from("6869","hex").toString()').value, 'hi');
    assert.equal(run('String.fromCharCode(...[104,105])').value, 'hi');
    assert.equal(run('"ij".split("").map(c=>String.fromCharCode(c.charCodeAt(0)-1)).join("")').value, 'hi');
    assert.equal(run('`${"h"}${"i"}`').value, 'hi');
    assert.equal(run('new TextDecoder().decode(Buffer.from("aGk=","base64"))').value, 'hi');
  });

  it('sees through memoising wrappers it cannot interpret', () => {
    const r = run('var W=lodashMemoize(()=>atob("YSxi").split(","));W()');
    assert.deepEqual(r.value, ['a', 'b']);
  });

  it('gives UNKNOWN for unknown calls, parameters and names assigned twice', () => {
    assert.equal(run('fetch("x")').value, UNKNOWN);
    assert.equal(run('function f(q){return atob(q)}f(y)').value, UNKNOWN);
    assert.equal(run('var s="aGk=";s="eA==";atob(s)').value, UNKNOWN);
    assert.equal(run('var s="aGk=";s+="";atob(s)').value, UNKNOWN);
  });

  it('stops on its step budget instead of looping forever', () => {
    const r = run('function f(){let s="";while(true)s+="a";return s}f()', { steps: 10_000, depth: 12 });
    assert.equal(r.value, UNKNOWN);
    assert.ok(r.steps <= 10_001);
  });

  it('stops on its size budget', () => {
    assert.equal(run('function f(){let s="ab";for(let i=0;i<40;i++)s+=s;return s}f()').value, UNKNOWN);
  });

  it('refuses regexes that could backtrack catastrophically', () => {
    assert.equal(run('"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".replace(/(a+)+$/,"x")').value, UNKNOWN);
    assert.equal(run('"a-b".replace(/-/g,"/")').value, 'a/b');
  });

  it('never runs scanned code: side effects stay in the interpreter', () => {
    const before = process.exitCode;
    const r = run('function f(){process.exitCode=9;globalThis.pwned=1;return atob("aGk=")}f()');
    assert.equal(r.value, 'hi');
    assert.equal(process.exitCode, before);
    assert.equal((globalThis as Record<string, unknown>).pwned, undefined);
  });
});

describe('key search (FLOSS-style)', () => {
  const hosts = Buffer.from(Buffer.from('api.deepseek.com,api.moonshot.cn').map(b => b ^ 42)).toString('base64');
  it('recovers a single-byte XOR key that occurs as a number in the file', () => {
    const found = keySearch(hosts, new Set([1, 7, 42]));
    assert.equal(found?.text, 'api.deepseek.com,api.moonshot.cn');
    assert.match(found!.recipe[1], /xor 0x2a/);
  });
  it('does not guess keys that the file does not contain', () => {
    assert.equal(keySearch(hosts, new Set([1, 7])), undefined);
  });
  it('leaves zeros and random bytes alone', () => {
    const all = new Set(Array.from({ length: 256 }, (_, i) => i));
    assert.equal(keySearch('00000000000000000000000000000000', all), undefined);
    assert.equal(keySearch(Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 197 + 89) % 251)).toString('base64'), all), undefined);
  });
});

describe('what counts as hidden', () => {
  it('accepts base64, hex, XOR, char codes and character reversal', () => {
    assert.ok(hidesText(['base64'], 'abc'));
    assert.ok(hidesText(['fromCharCode'], 'abcd'));
    assert.ok(hidesText(['split into characters', 'reverse', 'join ""'], 'abcd'));
  });
  it('rejects array reversal, single characters and empty results', () => {
    assert.ok(!hidesText(['reverse'], ['a', 'b', 'c']));
    assert.ok(!hidesText(['fromCharCode'], 'Ν'));
    assert.ok(!hidesText(['fromCharCode'], '\u0000\u0000\u0000\u0000'));
  });
});

describe('string tables behind a helper', () => {
  const KEY = 'Zq8LmP2xR4tB';
  const xorRepeating = (s: string) => Buffer.from([...Buffer.from(s, 'latin1')].map((b, i) => b ^ KEY.charCodeAt(i % KEY.length))).toString('base64');
  const helper = `function d(s,k="${KEY}"){let o="",b=Buffer.from(s,"base64");for(let i=0;i<b.length;i++)o+=String.fromCharCode(b[i]^k.charCodeAt(i%k.length));return o}`;

  it('decodes every call of a repeating-key XOR helper whose key is a default parameter', () => {
    const secrets = ['reg query HKLM\\SOFTWARE\\Microsoft\\Cryptography /v MachineGuid', 'ioreg -rd1 -c IOPlatformExpertDevice', 'https://httpdns.example-cdn.cn/d?host='];
    const filler = Array.from({ length: 3000 }, (_, i) => `message number ${i} for the user`);
    const calls = [...filler, ...secrets].map((s, i) => `var s${i}=d("${xorRepeating(s)}");`).join('\n');
    const code = `${helper}\n${calls}`;
    const ast = parseSource(code).ast!;
    const index = new ModuleIndex(code);
    walk(ast, { enter: (node, path) => index.enter(node, path), exit: node => index.exit(node) });
    const graph = new CallGraph(index);
    const t0 = performance.now();
    const { values, stopped } = decodeModule(index, (call, fn) => graph.calleeOf(call, fn));
    assert.equal(stopped, undefined, `decoding stopped after ${Math.round(performance.now() - t0)} ms`);
    const texts = values.map(v => v.value);
    for (const s of secrets) assert.ok(texts.includes(s), `${s} not decoded`);
    assert.equal(values.length, filler.length + secrets.length);
    assert.ok(values.every(v => v.recipe.includes('base64') && v.recipe.some(r => r.startsWith('xor'))), JSON.stringify(values[0].recipe));
  });

  // Qoder CLI 1.1.52: `_$d` given a 77 KB text ran out of steps and every later call of it went undecoded;
  // and `spawnSync(_$d("…"), o).stdout` was tried only as the whole chain, which cannot be evaluated.
  it('decodes the short calls of a helper after a long input ran it out of steps, and a call inside a chain it cannot evaluate', () => {
    const inPlace = `const d=(s,k="${KEY}")=>{const b=Buffer.from(s,"base64");for(let i=0;i<b.length;i++)b[i]^=k.charCodeAt(i%k.length);return b.toString()};`;
    const long = xorRepeating('x'.repeat(200_000));
    const code = `${inPlace}\nvar big=d("${long}");\nvar v=(run(d("${xorRepeating('pkg-config --modversion vips-cpp')}"),{}).stdout||"").trim();\nvar w=d("${xorRepeating('ioreg -rd1 -c IOPlatformExpertDevice')}");`;
    const ast = parseSource(code).ast!;
    const index = new ModuleIndex(code);
    walk(ast, { enter: (node, path) => index.enter(node, path), exit: node => index.exit(node) });
    const graph = new CallGraph(index);
    const texts = decodeModule(index, (call, fn) => graph.calleeOf(call, fn)).values.map(v => v.value);
    assert.ok(texts.includes('pkg-config --modversion vips-cpp'), JSON.stringify(texts.map(t => String(t).slice(0, 40))));
    assert.ok(texts.includes('ioreg -rd1 -c IOPlatformExpertDevice'));
  });

  it('runs a helper that XORs a byte array in place (b[i] ^= k.charCodeAt(i % k.length)), as a real CLI ships it', () => {
    const inPlace = `const d=(s,k="${KEY}")=>{const b=Buffer.from(s,"base64");for(let i=0;i<b.length;i++)b[i]^=k.charCodeAt(i%k.length);return b.toString()};`;
    const r = run(`${inPlace}\nd("${xorRepeating('ioreg -rd1 -c IOPlatformExpertDevice')}")`);
    assert.equal(r.value, 'ioreg -rd1 -c IOPlatformExpertDevice');
  });

  it('finds a repeating key written as a default parameter for a literal no call decodes', () => {
    const found = keySearch(xorRepeating('api.deepseek.com,api.moonshot.cn'), new Set(), new Set([KEY]));
    assert.equal(found?.text, 'api.deepseek.com,api.moonshot.cn');
    assert.match(found!.recipe[1], /repeating key/);
  });

  it('also keeps commands and system paths that read the machine, which string tables hide besides hosts', () => {
    for (const text of ['cat /etc/*-release; cat /usr/lib/os-release', 'export LC_ALL=C; lscpu; echo; unset LC_ALL', 'reg query HKLM\\SOFTWARE\\Microsoft\\Cryptography /v MachineGuid']) {
      assert.equal(keySearch(xorRepeating(text), new Set(), new Set([KEY]))?.text, text);
    }
    assert.equal(keySearch(xorRepeating('please try again later, thanks'), new Set(), new Set([KEY])), undefined, 'prose is still not worth a finding');
  });

  it('keeps a guessed single-byte key only when the result means something (hosts, vendors, time zones)', () => {
    // Garbage that is printable under some key: "cfla.ftg"-like words with no known TLD.
    const garbage = Buffer.from(Buffer.from('cfla.ftg,qwzx.bnm,pplk.rrt').map(b => b ^ 13)).toString('base64');
    assert.equal(keySearch(garbage, new Set([13])), undefined);
    const zones = Buffer.from(Buffer.from('Asia/Shanghai,Asia/Urumqi').map(b => b ^ 13)).toString('base64');
    assert.equal(keySearch(zones, new Set([13]))?.text, 'Asia/Shanghai,Asia/Urumqi');
  });
});
