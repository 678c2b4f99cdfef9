import { encodedList } from '../../../src/core/rules/encoded-list';
import { runRuleTable } from '../../helpers/ruleTester';
import { charCodes, reversed, stringTable, TABLE_STRINGS, xorBase64, xorHex } from '../../helpers/hiddenFixtures';

const hosts = ['api.deepseek.com', 'dashscope.aliyuncs.com', 'api.moonshot.cn'];
const b64 = (s: string) => Buffer.from(s).toString('base64');
// A PNG header and random-looking bytes: data, not lists.
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 73 + 11) % 256))]).toString('base64');
const random = Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 197 + 89) % 251)).toString('base64');
const woff = Buffer.concat([Buffer.from('wOF2'), Buffer.from(Array.from({ length: 60 }, (_, i) => (i * 37) % 256))]).toString('base64');

runRuleTable(encodedList, {
  invalid: [
    {
      name: 'base64 + XOR decoded by a helper far away',
      code: `var k=91,X="${xorBase64(hosts, 91)}";\nfunction f(){}\nfunction D(q){let K=Buffer.from(q,"base64"),_="";for(let z of K)_+=String.fromCharCode(z^k);return _.split(",")}\nvar W=D(X);`,
      at: ['"'],
      message: /base64 -> xor 0x5b -> split ","\) decodes to 3 entries: 3 host names/,
    },
    { name: 'atob chain in place', code: `const L=atob("${b64('deepseek,qwen,doubao')}").split(",");`, at: ['"'], evidence: ['recipe: base64 -> split ","'] },
    { name: 'hex + XOR in a for loop', code: `var H="${xorHex(['zhipu', 'baichuan'], 7)}";function d(q){let s="";for(let i=0;i<q.length;i+=2)s+=String.fromCharCode(parseInt(q.substr(i,2),16)^7);return s.split(",")}\nd(H)`, at: ['"'] },
    { name: 'char codes in an array', code: `var C=[${charCodes('deepseek|qwen')}];function d(q){return String.fromCharCode(...q).split("|")}d(C)`, at: ['['] },
    { name: 'a reversed string', code: `const r="${reversed('api.deepseek.com;api.moonshot.cn')}".split("").reverse().join("").split(";")`, at: ['"'] },
    { name: 'region markers hidden in base64', code: `const z=atob("${b64('Asia/Shanghai,Asia/Urumqi')}").split(",")`, at: ['"'], evidence: ['decodes to: Asia/Shanghai, Asia/Urumqi'] },
    {
      name: 'a string table behind one helper is one finding, on the first call, naming what matters in it',
      code: stringTable(TABLE_STRINGS),
      at: ['_d("'],
      message: /^String table of 10 encoded strings decoded by one helper; they hold 2 host names; 2 vendors .*region markers Asia\/Shanghai/,
      evidence: ['recipe: base64 -> xor with the repeating key "Zq8LmP2xR4tB"'],
      allEvidence: ['decodes to: api.deepseek.com, api.moonshot.cn, Asia/Shanghai, deepseek'],
    },
    { name: 'XOR key recovered from a number in the file (no decoder call seen)', code: `var key=42;var blob="${xorBase64(hosts, 42)}";opaque(blob,key)`, at: ['"'], message: /xor 0x2a \(key found as a number in the file\)/ },
  ],
  valid: [
    // Sentry's local-variables worker in Continue CLI 1.5.43 (review 76): a script shipped in base64, not a hidden list.
    { name: 'base64 text that decodes to a JavaScript program (its properties look like hosts: t.name, n.host)', code: 'const src=Buffer.from("LyohIGxpYiAqLwppbXBvcnR7U2Vzc2lvbiBhcyBlfWZyb20ibm9kZTppbnNwZWN0b3IvcHJvbWlzZXMiO2NvbnN0IG49Z2xvYmFsVGhpcyxpPXt9O2Z1bmN0aW9uIHMoLi4uZSl7Y29uc29sZS5sb2coIltXXSIsLi4uZSl9YXN5bmMgZnVuY3Rpb24gYyhlLHQsbixpKXtjb25zdCBvPWF3YWl0IGUucG9zdCgiUnVudGltZS5nZXRQcm9wZXJ0aWVzIix7b2JqZWN0SWQ6dCxvd25Qcm9wZXJ0aWVzOiEwfSk7aVtuXT1vLnJlc3VsdC5maWx0ZXIoZT0+Imxlbmd0aCIhPT1lLm5hbWUpLm1hcChlPT5lLnZhbHVlKTtnKGUsdC5uYW1lLG4uaG9zdCxnaXRodWIuY29tKX1zKCJzdGFydCIpLGMobiwxLDIsaSk7","base64").toString();' },
    { name: 'a base64 PNG', code: `const img="data:image/png;base64,"+"${png}";const b=Buffer.from("${png}","base64")` },
    { name: 'a base64 font', code: `const font=Buffer.from("${woff}","base64")` },
    { name: 'random base64 bytes even with many numbers in the file', code: `var n=[1,2,3,42,91,7,19,77,200,255];const r=atob("${random}")` },
    { name: 'base64 of plain prose', code: `const t=atob("${b64('Thank you for using this tool. Have a nice day!')}")` },
    { name: 'a plain (not encoded) host list', code: 'const l=["api.deepseek.com","api.moonshot.cn"]' },
    { name: 'reversing an array of plain strings', code: 'const l=["api.deepseek.com","api.moonshot.cn"].reverse()' },
    { name: 'a decoder whose input is not constant', code: 'function d(q){return atob(q).split(",")}export const f=x=>d(x)' },
    { name: 'a long hex number', code: 'const max="18446744073709551615", zero="0000000000000000000000000000000000"' },
  ],
});
