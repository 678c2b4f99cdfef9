import * as assert from 'node:assert/strict';
import { KeywordMatcher } from '../../../src/core/catalog/keywords';
import { extractEndpoints } from '../../../src/core/net/url';
import { BinaryReader } from '../../../src/core/native/reader';
import { MAX_STRING_FINDINGS, scanStrings } from '../../../src/core/scan/strings';
import { countedInString, vendorKeywords } from '../../../src/core/rules/vendor-keywords';
import { networkEndpoint } from '../../../src/core/rules/network-endpoint';
import { stringsPass, type NativeString } from '../../../src/core/native/strings';

/** Binary-looking filler (no printable runs) with strings placed at chosen offsets. */
function binaryWith(size: number, strings: Array<[number, string, 'ascii' | 'utf16le']>): Buffer {
  const buf = Buffer.alloc(size, 0x01);
  for (const [at, text, encoding] of strings) buf.write(text, at, encoding === 'ascii' ? 'latin1' : 'utf16le');
  return buf;
}

const collect = (buf: Buffer, needles: string[]) => {
  const found: NativeString[] = [];
  const { strings } = stringsPass(BinaryReader.fromBuffer(buf), needles, s => found.push(s));
  return { found, strings };
};

describe('the strings pass over native code', () => {
  it('finds ASCII and UTF-16LE strings holding a needle, with byte offsets, and counts all strings', () => {
    const buf = binaryWith(4096, [
      [100, 'https://api.deepseek.com/v1/chat', 'ascii'],
      [401, 'qwen-max-latest', 'utf16le'],
      [900, 'nothing to see here', 'ascii'],
      [1200, 'short', 'ascii'],
    ]);
    const { found, strings } = collect(buf, ['deepseek', 'QWEN']);
    assert.deepEqual(found, [
      { text: 'https://api.deepseek.com/v1/chat', offset: 100, endOffset: 132, encoding: 'ascii' },
      { text: 'qwen-max-latest', offset: 401, endOffset: 431, encoding: 'utf16le' },
    ]);
    assert.equal(strings, 3, 'strings of five characters or fewer do not count');
  });

  it('sees a string that crosses a chunk boundary once, at its true offset', () => {
    const at = 8 * 1024 * 1024 - 7;
    const buf = binaryWith(8 * 1024 * 1024 + 4096, [[at, 'api.moonshot.cn/v1 endpoint', 'ascii'], [at + 3000, 'moonshot again', 'ascii']]);
    const { found, strings } = collect(buf, ['moonshot']);
    assert.deepEqual(found.map(s => [s.offset, s.text]), [[at, 'api.moonshot.cn/v1 endpoint'], [at + 3000, 'moonshot again']]);
    assert.equal(strings, 2);
  });

  it('matches nothing without needles but still counts', () => {
    assert.deepEqual(collect(binaryWith(512, [[10, 'hello world', 'ascii']]), []), { found: [], strings: 1 });
  });
});

describe('strings-pass findings', () => {
  const keywords = new KeywordMatcher();
  const run = (buf: Buffer, own: string[] = []) =>
    scanStrings(BinaryReader.fromBuffer(buf), { file: 'bin/tool', rules: [vendorKeywords, networkEndpoint], keywords, target: { ownVendors: own } });

  it('reports vendor names and endpoints with byte offsets, approximate confidence and no line', () => {
    const { findings, errors } = run(binaryWith(2048, [[64, 'base_url = https://api.deepseek.com/v1', 'ascii'], [512, 'api.openai.com', 'utf16le']]));
    assert.deepEqual(errors, []);
    const vendor = findings.find(f => f.ruleId === 'vendor-keywords' && f.evidence[0].startsWith('deepseek'))!;
    assert.equal(vendor.offset, 64 + 'base_url = https://api.'.length);
    assert.equal(vendor.endOffset, vendor.offset! + 'deepseek'.length);
    assert.equal(vendor.confidence, 'approximate');
    assert.equal(vendor.line, undefined);
    assert.equal(vendor.severity, 'low');
    assert.match(vendor.message, /DeepSeek \(CN\)/);
    const url = findings.find(f => f.ruleId === 'network-endpoint' && f.evidence[0] === 'host api.deepseek.com')!;
    assert.equal(url.offset, 64 + 'base_url = '.length);
    assert.equal(url.message, 'URL in native code: https://api.deepseek.com/v1 (DeepSeek, CN (another vendor))');
    assert.equal(url.evidence[1], 'class vendor-api');
    const host = findings.find(f => f.ruleId === 'network-endpoint' && f.evidence[0] === 'host api.openai.com')!;
    assert.equal(host.offset, 512);
    assert.equal(host.endOffset, 512 + 2 * 'api.openai.com'.length, 'UTF-16 offsets count bytes');
  });

  it('gives each endpoint of one string its own finding and fingerprint', () => {
    const { findings } = run(binaryWith(512, [[10, 'https://a.acme-cdn.net/x https://b.acme-cdn.net/y', 'ascii']]));
    const urls = findings.filter(f => f.ruleId === 'network-endpoint');
    assert.deepEqual(urls.map(f => f.offset), [10, 10 + 'https://a.acme-cdn.net/x '.length]);
    assert.notEqual(urls[0].fingerprint, urls[1].fingerprint);
  });

  it('classifies hosts like the JavaScript rule: examples dropped, a public IP capped at medium', () => {
    const { findings } = run(binaryWith(512, [[10, 'https://docs.example.com/a', 'ascii'], [100, 'http://203.0.113.9:8080/up', 'ascii']]));
    assert.deepEqual(findings.map(f => [f.evidence[0], f.severity]), [['host 203.0.113.9', 'medium']]);
  });

  it("marks the assistant's own vendor as info", () => {
    const { findings } = run(binaryWith(512, [[10, 'OpenAI Codex v1.0', 'ascii']]), ['openai']);
    assert.deepEqual(findings.map(f => [f.ruleId, f.severity]), [['vendor-keywords', 'info']]);
  });

  it('reports a repeated string once, at its first offset, with its count', () => {
    const { findings } = run(binaryWith(1024, [[10, 'use deepseek-chat', 'ascii'], [300, 'use deepseek-chat', 'ascii'], [600, 'use deepseek-chat', 'ascii']]));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].offset, 14);
    assert.equal(findings[0].count, 3);
  });

  it('caps the distinct strings per rule and says how many were left out', () => {
    const strings: Array<[number, string, 'ascii']> = Array.from({ length: MAX_STRING_FINDINGS + 7 }, (_, i) => [i * 40, `https://h${i}.acme-cdn.net/`, 'ascii']);
    const { findings, errors } = run(binaryWith(40 * (MAX_STRING_FINDINGS + 8), strings));
    assert.equal(findings.filter(f => f.ruleId === 'network-endpoint').length, MAX_STRING_FINDINGS);
    assert.match(errors[0].message, /7 more distinct strings for network-endpoint/);
  });

  describe('ambiguous vendor words count only inside a host', () => {
    const words = (text: string) => countedInString(keywords, text).map(h => h.word);
    for (const [text, expected] of [
      ['https://api.kimi.com/coding', ['kimi']],
      ['kimi.moonshot.cn', ['moonshot']], // a subdomain is the host owner's word, not a vendor name
      ['icudt78l/lang/yi.res', []],
      ['spark plug config for deepseek', ['deepseek']],
      ['Kimi and DeepSeek', ['deepseek']],
    ] as const) {
      it(`${JSON.stringify(text)} -> ${JSON.stringify(expected)}`, () => assert.deepEqual(words(text), expected));
    }
  });
});

describe('URL and host extraction', () => {
  const values = (text: string) => extractEndpoints(text).map(e => `${e.kind} ${e.value} ${e.host}`);
  const cases: Array<[string, string[]]> = [
    ['see https://api.deepseek.com/v1/chat.', ['url https://api.deepseek.com/v1/chat api.deepseek.com']],
    ['wss://Realtime.OpenAI.com:443/ws', ['url wss://Realtime.OpenAI.com:443/ws realtime.openai.com']],
    ['http://localhost:8080 and http://127.0.0.1/x', ['url http://localhost:8080 localhost', 'url http://127.0.0.1/x 127.0.0.1']],
    ['http://[::1]:3000/', ['url http://[::1]:3000/ ::1']],
    ['https://a.example.com/onehttps://b.example.com/two', ['url https://a.example.com/one a.example.com', 'url https://b.example.com/two b.example.com']],
    ['dashscope.aliyuncs.com', ['host dashscope.aliyuncs.com dashscope.aliyuncs.com']],
    ['  api.z.ai ', ['host api.z.ai api.z.ai']],
    // look-alikes that are not endpoints
    ['core.fmt.rs', []],
    ['index.html', []],
    ['MissingAlgorithm.com', []],
    ['http://www.w3.or', []],
    ['https://chatgpt.catalog', []],
    ['call api.openai.com now', []],
    ['http://x', []],
  ];
  for (const [text, expected] of cases) it(`${JSON.stringify(text)}`, () => assert.deepEqual(values(text), expected));

  it('accepts any top-level domain when asked', () => {
    assert.deepEqual(values('https://example.museum/x'), []);
    assert.deepEqual(extractEndpoints('https://example.museum/x', { anyTld: true }).map(e => e.host), ['example.museum']);
  });

  it('reports UTF-16 offsets of each value', () => {
    const text = 'a https://x.example.com/p b';
    const [e] = extractEndpoints(text);
    assert.equal(text.slice(e.start, e.end), 'https://x.example.com/p');
  });
});
