import * as assert from 'node:assert/strict';
import { CATALOG, CLIS, EXTENSIONS } from '../../src/core/catalog/assistants';
import { catalogForBinary, catalogForExtension, catalogForNpm, isPlatformPackage, ownVendorsOf } from '../../src/core/catalog/lookup';
import { aiTraits } from '../../src/core/catalog/traits';
import { VENDORS, vendorById, vendorsForPackage } from '../../src/core/catalog/vendors';

describe('the assistant catalog', () => {
  it('holds at least 40 extensions and 15 command-line assistants with unique ids', () => {
    assert.ok(EXTENSIONS.length >= 40, `${EXTENSIONS.length} extensions`);
    assert.ok(CLIS.length >= 15, `${CLIS.length} CLIs`);
    const ids = CATALOG.map(e => e.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    const extIds = EXTENSIONS.flatMap(e => e.extensionIds ?? []).map(x => x.toLowerCase());
    assert.deepEqual(extIds.filter((id, i) => extIds.indexOf(id) !== i), []);
    const npm = CATALOG.flatMap(e => e.npm ?? []);
    assert.deepEqual(npm.filter((n, i) => npm.indexOf(n) !== i), []);
    for (const e of EXTENSIONS) assert.ok(e.extensionIds?.every(id => /^[^.\s]+\.[^.\s]+$/.test(id)), e.id);
  });

  it('covers the assistants the issue names, by command', () => {
    for (const cmd of ['claude', 'codex', 'gemini', 'qwen', 'copilot', 'amp', 'opencode', 'kilo', 'auggie', 'cn', 'cursor-agent', 'aider', 'goose', 'crush', 'iflow', 'codebuddy', 'kimi', 'kiro-cli', 'grok']) {
      assert.ok(catalogForBinary(cmd).length, cmd);
    }
    for (const id of ['GitHub.copilot', 'github.copilot-chat', 'saoudrizwan.claude-dev', 'rooveterinaryinc.roo-cline', 'kilocode.kilo-code', 'continue.continue', 'anthropic.claude-code', 'openai.chatgpt', 'google.geminicodeassist', 'amazonwebservices.amazon-q-vscode', 'tabnine.tabnine-vscode', 'codeium.codeium', 'sourcegraph.cody-ai', 'sourcegraph.amp', 'augment.vscode-augment', 'supermaven.supermaven', 'codium.codium', 'sourcery.sourcery', 'bito.bito', 'danielsanmedium.dscodegpt', 'alibaba-cloud.tongyi-lingma', 'aminer.codegeex', 'baiducomate.comate', 'marscode.marscode-extension', 'tencent-cloud.coding-copilot', 'moonshot-ai.kimi-code']) {
      assert.ok(catalogForExtension(id), id);
    }
    assert.equal(catalogForNpm('@anthropic-ai/claude-code')?.id, 'claude-code');
  });

  it('names vendors that exist, with ISO alpha-2 countries, and says where each entry was verified', () => {
    for (const v of VENDORS) assert.match(v.country, /^[A-Z]{2}$/, v.id);
    for (const e of CATALOG) {
      for (const v of [e.vendor, ...(e.serves ?? [])]) if (v) assert.ok(vendorById(v), `${e.id}: unknown vendor ${v}`);
      assert.ok(e.vendor || e.publisher, `${e.id} names no publisher`);
      assert.ok(e.source || e.unverified?.includes(e.kind === 'extension' ? 'extensionIds' : 'npm'), `${e.id}: neither a source nor marked unverified`);
      for (const field of e.unverified ?? []) assert.ok(field in e, `${e.id}: unverified field ${field} is not set`);
      for (const generic of e.genericBinaries ?? []) assert.ok(e.binaries?.includes(generic), `${e.id}: ${generic}`);
    }
  });

  it('adds publisher-only vendors without keywords, so vendor-keyword rules are unchanged by them', () => {
    for (const id of ['cline', 'kilocode', 'tabnine', 'sourcegraph', 'anysphere', 'sst', 'block']) assert.deepEqual(vendorById(id)?.keywords, [], id);
  });

  it('tells per-platform binary packages from other packages of the same family', () => {
    const claude = catalogForNpm('@anthropic-ai/claude-code')!;
    const copilot = catalogForNpm('@github/copilot')!;
    assert.ok(isPlatformPackage(claude, '@anthropic-ai/claude-code-linux-x64-musl'));
    assert.ok(isPlatformPackage(copilot, '@github/copilot-linuxmusl-arm64'));
    assert.ok(isPlatformPackage(catalogForNpm('opencode-ai')!, 'opencode-windows-x64-baseline'));
    assert.ok(!isPlatformPackage(copilot, '@github/copilot-language-server'));
    assert.ok(!isPlatformPackage(catalogForNpm('@openai/codex')!, '@openai/codex-sdk'));
    assert.ok(!isPlatformPackage(catalogForNpm('opencode-ai')!, 'opencode-anthropic-auth'));
  });

  it('gives first-party vendors: the publisher and the models the product is built for', () => {
    assert.deepEqual(ownVendorsOf(catalogForNpm('@anthropic-ai/claude-code')!), ['anthropic']);
    assert.deepEqual(ownVendorsOf(catalogForExtension('Vizards.deepseek-v4-for-copilot')!), ['deepseek']);
    assert.deepEqual(ownVendorsOf(catalogForBinary('qwen')[0]), ['alibaba']);
  });

  it("knows a vendor's own packages by scope, so its hosts are first-party in a package scanned by path (Cline's @cline/core named data.cline.bot another vendor's)", () => {
    assert.deepEqual(vendorsForPackage('@cline/core'), ['cline']);
    assert.deepEqual(vendorsForPackage('cline'), ['cline']);
    assert.deepEqual(vendorsForPackage('@clinex/core'), []);
  });
});

describe('AI traits of an unknown package.json', () => {
  const recognised: Array<[string, Record<string, unknown>, string[]]> = [
    ['a chat participant', { contributes: { chatParticipants: [{ id: 'x.y', name: 'helper' }] } }, ['contributes chat participants: @helper']],
    ['a language model provider', { contributes: { languageModelChatProviders: [{ vendor: 'acme', displayName: 'Acme' }] } }, ['contributes language model providers: acme']],
    ['the AI marketplace category', { categories: ['Other', 'AI'] }, ['marketplace category "AI"']],
    ['the Chat category', { categories: ['Chat'] }, ['marketplace category "Chat"']],
    ['an LLM SDK dependency', { dependencies: { openai: '^4' } }, ['depends on LLM SDKs: openai']],
    ['a bundled SDK in devDependencies', { devDependencies: { '@ai-sdk/anthropic': '1', '@google/genai': '1' } }, ['depends on LLM SDKs: @ai-sdk/anthropic, @google/genai']],
    ['two AI keywords', { keywords: ['LLM', 'gpt', 'formatter'] }, ['keyword "llm"', 'keyword "gpt"']],
    ['language model tools and an MCP SDK', { contributes: { languageModelTools: [{ name: 't' }] }, dependencies: { '@modelcontextprotocol/sdk': '1' } }, ['depends on @modelcontextprotocol/sdk', 'contributes 1 language model tool']],
  ];
  for (const [what, manifest, why] of recognised) {
    it(`recognises ${what}`, () => assert.deepEqual(aiTraits(manifest), why));
  }

  const plain: Array<[string, Record<string, unknown>]> = [
    ['a formatter', { categories: ['Formatters'], keywords: ['prettier', 'formatter'], dependencies: { prettier: '3' } }],
    ['one AI-ish keyword alone', { keywords: ['ai', 'theme'] }],
    ['language model tools alone (the Python extension)', { contributes: { languageModelTools: [{ name: 'a' }, { name: 'b' }] }, categories: ['Machine Learning', 'Data Science'] }],
    ['a package whose name merely contains "openai"', { dependencies: { 'openai-like-json': '1', aiohttp: '1' } }],
    ['malformed fields', { categories: 'AI', contributes: { chatParticipants: 'x' }, keywords: [1, null], dependencies: ['openai'] }],
  ];
  for (const [what, manifest] of plain) {
    it(`leaves alone ${what}`, () => assert.deepEqual(aiTraits(manifest), []));
  }
});
