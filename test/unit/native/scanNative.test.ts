import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { RULES } from '../../../src/core/rules';
import { selectRules } from '../../../src/core/audit';
import { collectFiles } from '../../../src/core/scan/files';
import { scanTarget } from '../../../src/core/scan/target';
import { LineIndex } from '../../../src/core/text/lines';
import { embeddedModuleText } from '../../../src/core/native/inspect';
import { BinaryReader } from '../../../src/core/native/reader';
import { bunGraph, bunSection, elf, seaBlob, tgz } from '../../helpers/nativeFixtures';
import { tempTree } from '../../helpers/tempTree';

const PROBE = 'Intl.DateTimeFormat().resolvedOptions().timeZone';
// A bundle-like module: the probe sits on line 3 after an astral character (two UTF-16 units).
const LATIN1_MODULE = '// @bun\nvar a = 1;\nfunction f(){ return "x", ' + PROBE + '; }\n';
const UTF16_MODULE = '// @bun\nconst banner = "😀 漢字";\nlet t = ' + PROBE + ';\n';
const SEA_ENTRY = 'const z = 1;\nmodule.exports = () => ' + PROBE + ';\n';

/** The 1-based line and UTF-16 column of `needle` in `text`, as an editor shows them. */
function where(text: string, needle: string) {
  return new LineIndex(text).positionAt(text.indexOf(needle));
}

const write = (files: Record<string, Buffer | string>) => tempTree(files, 'ata-native-');

function bunExecutable(): Buffer {
  return elf({
    body: Buffer.from('bun runtime code'),
    sections: [{
      name: '.bun',
      data: bunSection(bunGraph([
        { name: '/$bunfs/root/cli.js', text: LATIN1_MODULE },
        { name: '/$bunfs/root/chunk-utf16.js', text: UTF16_MODULE, encoding: 'utf16' },
        { name: '/$bunfs/root/keyring.node', bytes: elf(), encoding: 'binary', loader: 10 },
      ])),
    }],
  });
}

function corruptBunExecutable(): Buffer {
  const graph = bunGraph([{ name: '/$bunfs/root/cli.js', text: LATIN1_MODULE }]);
  graph.writeBigUInt64LE(0xffffffffffffn, graph.length - 16 - 32); // byte_count far past the end
  return elf({ sections: [{ name: '.bun', data: bunSection(graph) }] });
}

function seaExecutable(): Buffer {
  const app = tgz([['package/entry.js', SEA_ENTRY], ['package/README.md', '# hi']]);
  return elf({ notes: [{ name: 'NODE_SEA_BLOB', desc: seaBlob({ codePath: 'loader.js', main: 'require("./entry")\n', assets: [['app.tgz', app]], headerExtra: [0] }) }] });
}

/** A Rust-like tool: no JavaScript, strings among machine code. */
function rustTool(): Buffer {
  const body = Buffer.alloc(4096, 0x01);
  body.write('connecting to https://api.deepseek.com/v1/chat/completions', 300, 'latin1');
  return elf({ body });
}

describe('scanning JavaScript inside native binaries', () => {
  const root = write({
    'package.json': JSON.stringify({ name: 'some-assistant-linux-x64', version: '1.0.0' }),
    'bin/app': bunExecutable(),
    'bin/broken': corruptBunExecutable(),
    'bin/sea-app': seaExecutable(),
    'vendor/tool': rustTool(),
    'index.js': `module.exports = () => ${PROBE};\n`,
    'LICENSE': 'MIT License, no binary here',
  });
  const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
  const probes = result.findings.filter(f => f.ruleId === 'timezone-probe');

  it('reports a finding in a Bun module with file = the binary, entry = the module, line and column within it', () => {
    const f = probes.find(p => p.entry === '/$bunfs/root/cli.js')!;
    assert.ok(f, JSON.stringify(probes.map(p => [p.file, p.entry])));
    assert.equal(f.file, 'bin/app');
    assert.deepEqual({ line: f.line, column: f.column }, where(LATIN1_MODULE, PROBE));
    assert.equal(f.line, 3);
    assert.equal(LATIN1_MODULE.split('\n')[f.line! - 1].slice(f.column! - 1, f.column! - 1 + PROBE.length), PROBE);
  });

  it('counts columns in UTF-16 units in a UTF-16 module', () => {
    const f = probes.find(p => p.entry === '/$bunfs/root/chunk-utf16.js')!;
    assert.deepEqual({ line: f.line, column: f.column }, { line: 3, column: 'let t = '.length + 1 });
    const g = result.findings.find(p => p.entry === '/$bunfs/root/chunk-utf16.js')!;
    assert.equal(g.offset, UTF16_MODULE.indexOf(PROBE));
  });

  it('scans JavaScript inside a SEA tarball asset', () => {
    const f = probes.find(p => p.entry === 'app.tgz!/package/entry.js')!;
    assert.equal(f.file, 'bin/sea-app');
    assert.deepEqual({ line: f.line, column: f.column }, where(SEA_ENTRY, PROBE));
  });

  it('reads a module back by its entry name, and the finding points at the probe in it', () => {
    for (const f of probes.filter(p => p.entry)) {
      const reader = BinaryReader.open(path.join(root, f.file));
      try {
        const read = embeddedModuleText(reader, path.basename(f.file), f.entry!, { maxModuleBytes: 1 << 20 });
        assert.ok('text' in read, JSON.stringify(read));
        assert.equal(new LineIndex(read.text).lineText(f.line!).slice(f.column! - 1, f.column! - 1 + PROBE.length), PROBE, f.entry);
      } finally {
        reader.close();
      }
    }
    const reader = BinaryReader.open(path.join(root, 'bin/app'));
    assert.deepEqual(embeddedModuleText(reader, 'app', '/$bunfs/root/keyring.node', { maxModuleBytes: 1 << 20 }), { error: '/$bunfs/root/keyring.node is not JavaScript text (native)' });
    assert.deepEqual(embeddedModuleText(reader, 'app', '/$bunfs/root/nope.js', { maxModuleBytes: 1 << 20 }), { error: 'no module /$bunfs/root/nope.js in this binary' });
    reader.close();
  });

  it('lists every native file with its format, kind and modules', () => {
    const byFile = Object.fromEntries(result.binaries!.map(b => [b.file, b]));
    assert.deepEqual(Object.keys(byFile).sort(), ['bin/app', 'bin/broken', 'bin/sea-app', 'vendor/tool']);
    assert.equal(byFile['bin/app'].format, 'bun');
    assert.equal(byFile['bin/app'].container, 'elf');
    assert.equal(byFile['bin/app'].kind, 'executable');
    assert.deepEqual(byFile['bin/app'].modules.map(m => [m.name, m.language]), [
      ['/$bunfs/root/cli.js', 'js'],
      ['/$bunfs/root/chunk-utf16.js', 'js'],
      ['/$bunfs/root/keyring.node', 'native'],
    ]);
    assert.equal(byFile['bin/sea-app'].format, 'node-sea');
    assert.deepEqual(byFile['bin/sea-app'].modules.map(m => m.name), ['loader.js', 'app.tgz', 'app.tgz!/package/entry.js', 'app.tgz!/package/README.md']);
    assert.equal(byFile['vendor/tool'].format, 'strings');
    assert.ok(byFile['vendor/tool'].strings! >= 1);
  });

  it('gives a corrupt binary an error entry and scans everything else', () => {
    assert.deepEqual(result.errors.map(e => [e.file, e.message.replace(/ \(.*/, '')]), [['bin/broken', 'Bun module graph is corrupt: Bun module graph']]);
    assert.ok(probes.some(p => p.file === 'index.js'));
    assert.equal(result.filesScanned, 5);
  });

  it('runs the strings pass on native code without JavaScript: byte offsets, no line', () => {
    const strings = result.findings.filter(f => f.file === 'vendor/tool');
    assert.deepEqual(strings.map(f => f.ruleId).sort(), ['network-endpoint', 'vendor-keywords']);
    for (const f of strings) {
      assert.equal(f.confidence, 'approximate');
      assert.equal(f.line, undefined);
      assert.equal(f.entry, undefined);
    }
    const elfBodyAt = 64 + 56 * 0; // elf() places the body right after the header
    assert.equal(strings.find(f => f.ruleId === 'network-endpoint')!.offset, elfBodyAt + 300 + 'connecting to '.length);
  });

  it('skips the strings pass when the selected rules do not need it', () => {
    const { rules, keep } = selectRules({ only: ['timezone-probe'] });
    const only = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules, keep });
    assert.equal(only.findings.filter(f => f.file === 'vendor/tool').length, 0);
    assert.equal(only.binaries!.find(b => b.file === 'vendor/tool')!.strings, undefined);
    assert.ok(only.findings.some(f => f.entry === '/$bunfs/root/cli.js'));
  });

  it('never rejects a binary for its size; the limit applies to each module', () => {
    const limited = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES, maxFileBytes: 60 });
    assert.ok(limited.binaries!.some(b => b.file === 'bin/app' && b.modules.length === 3));
    assert.ok(limited.errors.some(e => e.file === 'bin/app' && e.entry === '/$bunfs/root/cli.js' && /per-module limit/.test(e.message)));
  });

  it('stops at a module when asked to (cancellation)', () => {
    const seen: string[] = [];
    const stopped = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, {
      rules: RULES,
      onFile: label => {
        seen.push(label);
        return !label.includes('chunk-utf16');
      },
    });
    assert.ok(seen.includes('bin/app :: /$bunfs/root/cli.js'));
    assert.ok(stopped.errors.some(e => e.entry === '/$bunfs/root/chunk-utf16.js' && /cancelled/.test(e.message)));
    assert.ok(!stopped.binaries!.some(b => b.file === 'vendor/tool'), 'files after the cancelled one are not scanned');
  });

  it('collects native files by magic bytes, whatever their names', () => {
    const dir = write({
      'bin/tool': rustTool(),
      'addon.node': elf(),
      'lib/libfoo.so.1': elf(),
      'mod.wasm': Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
      'fake.node': 'not native at all',
      'README': 'plain text',
      'a.js': 'let a = 1;\n',
    });
    const { files, errors } = collectFiles(dir, { maxFileBytes: 16 });
    assert.deepEqual(files.map(f => [f.rel, f.native ?? 'js']), [
      ['a.js', 'js'],
      ['addon.node', 'elf'],
      ['bin/tool', 'elf'],
      ['lib/libfoo.so.1', 'elf'],
      ['mod.wasm', 'wasm'],
    ]);
    assert.deepEqual(errors.map(e => e.file), ['fake.node']);
  });

  describe('the CLI', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'scan', root, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    it('shows native files with module counts, and byte offsets for strings-pass findings', () => {
      assert.match(cli('--min-severity', 'info').stdout, /native code: 4 files, read for embedded JavaScript or strings \(--verbose lists them\)/);
      const r = cli('--min-severity', 'info', '--verbose');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /native code \(4\):/);
      assert.match(r.stdout, /bin\/app {2}bun, elf executable, 0\.0 MB; 3 modules \(js 2 = 0\.0 MB, native 1\)/);
      assert.match(r.stdout, /\n {4}bin\/app :: \/\$bunfs\/root\/cli\.js:3:\d+ +medium timezone-probe/);
      assert.match(r.stdout, /\n {4}vendor\/tool@0x[0-9a-f]+ +info +network-endpoint +URL in native code: https:\/\/api\.deepseek\.com/);
    });

    it('carries binaries and module lists in --json', () => {
      const out = JSON.parse(cli('--json').stdout);
      const [t] = out.targets;
      assert.equal(t.binaries.length, 4);
      assert.deepEqual(Object.keys(t.binaries.find((b: any) => b.file === 'bin/app')).sort(), ['container', 'file', 'format', 'kind', 'modules', 'size']);
      const f = t.findings.find((x: any) => x.entry === '/$bunfs/root/chunk-utf16.js');
      assert.equal(f.file, 'bin/app');
      assert.equal(f.line, 3);
    });
  });
});

describe('Bun module records that point at the same bytes', () => {
  it('scans the bytes once and gives every other record an error entry naming the first', () => {
    const big = `var t=${PROBE};\n${'x=1;\n'.repeat(20_000)}`;
    const modules = [{ name: '/$bunfs/root/a.js', text: big }, ...Array.from({ length: 100 }, (_, i) => ({ name: `/$bunfs/root/copy${i}.js`, text: '', sameBytesAs: 0 }))];
    const root = write({ 'bin/app': elf({ sections: [{ name: '.bun', data: bunSection(bunGraph(modules)) }] }) });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.equal(result.findings.filter(f => f.ruleId === 'timezone-probe').length, 1);
    assert.ok(result.bytesScanned < 2 * Buffer.byteLength(big), `${result.bytesScanned} bytes scanned`);
    const copies = result.errors.filter(e => /same bytes as \/\$bunfs\/root\/a\.js: scanned once/.test(e.message));
    assert.equal(copies.length, 100);
  });
});
