// Extraction on the real assistant binaries pinned in scripts/corpus.json. Each case skips,
// saying so, when `npm run corpus` has not fetched its package.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cachedCorpusPackage } from '../../../scripts/corpusList';
import { RULES } from '../../../src/core/rules';
import { scanSource } from '../../../src/core/scan/engine';
import { inspectNative, type ModuleSource, type NativeInspection } from '../../../src/core/native/inspect';
import { BinaryReader } from '../../../src/core/native/reader';

type WithModule = Extract<ModuleSource, { module: unknown }>;

interface Opened {
  inspection: NativeInspection;
  modules: WithModule[];
  errors: ModuleSource[];
}

/** Opens `file` of the cached package `spec` (or skips the test, saying why) and runs `check` on it. */
function withBinary(ctx: Mocha.Context, spec: string, file: string, check: (opened: Opened) => void): void {
  const dir = cachedCorpusPackage(spec);
  if (!dir) {
    console.log(`      skipped: ${spec} is not in .cache/corpus (run \`npm run corpus\`)`);
    ctx.skip();
  }
  const reader = BinaryReader.open(path.join(dir!, file));
  try {
    const inspection = inspectNative(reader, path.basename(file), { maxModuleBytes: 64 * 1024 * 1024 })!;
    const sources = [...inspection.modules()];
    check({ inspection, modules: sources.filter((s): s is WithModule => 'module' in s), errors: sources.filter(s => 'error' in s) });
  } finally {
    reader.close();
  }
}

describe('real native assistant binaries (corpus)', function () {
  this.timeout(60_000);

  it('Claude Code 2.1.112 (Bun, ELF .bun section): the 12.9 MB CLI module, and the region check inside it', function () {
    withBinary(this, '@anthropic-ai/claude-code-linux-x64@2.1.112', 'claude', ({ inspection, modules, errors }) => {
      assert.equal(inspection.format, 'bun');
      assert.deepEqual(errors, []);
      assert.deepEqual(modules.map(m => m.module.name), [
        '/$bunfs/root/src/entrypoints/cli.js',
        '/$bunfs/root/image-processor.js',
        '/$bunfs/root/audio-capture.js',
        '/$bunfs/root/image-processor.node',
        '/$bunfs/root/audio-capture.node',
      ]);
      const cli = modules[0];
      assert.deepEqual([cli.module.size, cli.module.encoding, cli.module.format, cli.module.entryPoint, cli.module.bytecode], [12932997, 'latin1', 'cjs', true, true]);
      assert.deepEqual(modules.slice(3).map(m => m.module.language), ['native', 'native']);
      const text = cli.text!();
      assert.ok(text.startsWith('// @bun @bytecode @bun-cjs\n'));
      // The gate of the 2026 story: the timezone compared with two region literals.
      const { findings } = scanSource(text, { file: 'claude', entry: cli.module.name, rules: RULES.filter(r => r.meta.id === 'region-literals') });
      const shanghai = findings.find(f => f.evidence.some(e => e.includes('Asia/Shanghai')))!;
      assert.deepEqual([shanghai.line, shanghai.column], [949, 11907]);
      assert.equal(text.split('\n')[948].slice(11906, 11921), '"Asia/Shanghai"');
    });
  });

  it('Claude Code 2.1.332 (Bun, 3,914 modules with bytecode, 52-byte records)', function () {
    withBinary(this, '@anthropic-ai/claude-code-linux-x64@2.1.332', 'claude', ({ inspection, modules, errors }) => {
      assert.equal(inspection.format, 'bun');
      assert.deepEqual(errors, []);
      assert.equal(modules.length, 3914);
      const js = modules.filter(m => m.module.language === 'js');
      assert.equal(js.length, 3667, 'zstd-compressed .js assets (mermaid.min.js...) are not JavaScript text');
      assert.equal(modules.find(m => m.module.name === '/$bunfs/root/mermaid.min.js')!.module.language, 'other');
      const entry = modules.find(m => m.module.entryPoint)!;
      assert.equal(entry.module.name, '/$bunfs/root/cli');
      assert.ok(entry.text!().startsWith('// @bun @bytecode\n'));
      assert.ok(inspection.execArgv && inspection.execArgv.length > 0);
    });
  });

  it('Amp (Bun, UTF-16 source)', function () {
    withBinary(this, '@ampcode/cli-linux-x64@0.0.1790142911-g7618fb', 'amp', ({ modules }) => {
      const main = modules[0];
      assert.deepEqual([main.module.name, main.module.encoding, main.module.size], ['/$bunfs/root/amp-linux-x64', 'utf16le', 13644002]);
      const text = main.text!();
      assert.equal(text.length, 13644002 / 2);
      assert.ok(text.startsWith('// @bun\n'));
      assert.deepEqual(modules.slice(1).map(m => m.module.language), ['native', 'native']);
    });
  });

  it('opencode (Bun, 1,318 modules, exec argv)', function () {
    withBinary(this, 'opencode-linux-x64@1.18.34', 'bin/opencode', ({ inspection, modules }) => {
      assert.equal(modules.length, 1318);
      assert.equal(modules.filter(m => m.module.language === 'js').length, 1178);
      assert.deepEqual(inspection.execArgv, ['--user-agent=opencode/1.18.34', '--use-system-ca', '--']);
    });
  });

  it('GitHub Copilot CLI (Node SEA in an ELF note, the app in a tarball asset)', function () {
    withBinary(this, '@github/copilot-linux-x64@1.0.102', 'copilot', ({ inspection, modules, errors }) => {
      assert.equal(inspection.format, 'node-sea');
      assert.deepEqual(errors, []);
      assert.ok(inspection.execArgv!.includes('--no-warnings'));
      assert.deepEqual(modules.slice(0, 2).map(m => [m.module.name, m.module.language]), [['sea-loader.js', 'js'], ['copilot.tgz', 'archive']]);
      assert.ok(modules[0].text!().includes('Copyright (c) Microsoft Corporation'));
      const cliMain = modules.find(m => m.module.name === 'copilot.tgz!/package/cli-main.js')!;
      assert.equal(cliMain.module.size, 8278277);
      assert.ok(cliMain.text!().trimEnd().endsWith('//# sourceMappingURL=cli-main.js.map'));
      assert.equal(modules.filter(m => m.module.language === 'js').length, 70);
    });
  });

  for (const [spec, file, container, entry] of [
    ['@anthropic-ai/claude-code-darwin-arm64@2.1.112', 'claude', 'mach-o', '/$bunfs/root/src/entrypoints/cli.js'],
    ['@anthropic-ai/claude-code-win32-x64@2.1.112', 'claude.exe', 'pe', 'B:/~BUN/root/src/entrypoints/cli.js'],
  ]) {
    it(`Claude Code 2.1.112 as ${container} (Bun section)`, function () {
      withBinary(this, spec, file, ({ inspection, modules, errors }) => {
        assert.deepEqual([inspection.container, inspection.format, errors.length], [container, 'bun', 0]);
        const cli = modules.find(m => m.module.entryPoint)!;
        assert.equal(cli.module.name, entry);
        assert.ok(cli.text!().includes('"Asia/Shanghai"'));
      });
    });
  }

  for (const [spec, file, container] of [
    ['@github/copilot-darwin-arm64@1.0.102', 'copilot', 'mach-o'],
    ['@github/copilot-win32-x64@1.0.102', 'copilot.exe', 'pe'],
  ]) {
    it(`GitHub Copilot CLI as ${container} (SEA in a ${container === 'pe' ? 'resource' : 'section'})`, function () {
      withBinary(this, spec, file, ({ inspection, modules, errors }) => {
        assert.deepEqual([inspection.container, inspection.format, errors.length], [container, 'node-sea', 0]);
        assert.equal(modules[0].module.name, 'sea-loader.js');
        assert.equal(modules.find(m => m.module.name === 'copilot.tgz!/package/cli-main.js')!.module.language, 'js');
      });
    });
  }

  it('Codex (Rust: no embedded JavaScript, left to the strings pass)', function () {
    withBinary(this, '@openai/codex@0.171.0-linux-x64', 'vendor/x86_64-unknown-linux-musl/bin/codex', ({ inspection, modules }) => {
      assert.equal(inspection.format, 'strings');
      assert.equal(inspection.error, undefined);
      assert.deepEqual(modules, []);
    });
  });
});
