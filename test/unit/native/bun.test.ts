import * as assert from 'node:assert/strict';
import { inspectNative, type ModuleSource } from '../../../src/core/native/inspect';
import { BinaryReader } from '../../../src/core/native/reader';
import { appendedBun, bunGraph, bunSection, elf, fat, macho, pe, type BunModuleSpec } from '../../helpers/nativeFixtures';

function inspect(file: Buffer, name = 'app') {
  const inspection = inspectNative(BinaryReader.fromBuffer(file), name, { maxModuleBytes: 1 << 20 });
  assert.ok(inspection, 'recognised as native code');
  const sources = [...inspection.modules()];
  const modules = sources.filter((s): s is Extract<ModuleSource, { module: unknown }> => 'module' in s);
  return { inspection, modules: modules.map(s => s.module), texts: modules.map(s => s.text?.()), errors: sources.filter(s => 'error' in s) };
}

const MODULES: BunModuleSpec[] = [
  { name: '/$bunfs/root/cli.js', text: '// @bun\nconsole.log("latin1 é");\n', format: 2 },
  { name: '/$bunfs/root/chunk-utf16.js', text: 'const s = "漢字 😀";\n', encoding: 'utf16' },
  { name: '/$bunfs/root/chunk-binary.js', text: 'const s = "ü via utf-8";\n', encoding: 'binary' },
  { name: '/$bunfs/root/addon.node', bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), encoding: 'binary', loader: 10, format: 0 },
];

describe('Bun single-file executables', () => {
  it('reads the module graph from an ELF .bun section, with each encoding decoded', () => {
    const file = elf({ body: Buffer.from('the bun runtime'), sections: [{ name: '.text', data: Buffer.alloc(64) }, { name: '.bun', data: bunSection(bunGraph(MODULES, { execArgv: '--smol --no-warnings' })) }] });
    const { inspection, modules, texts, errors } = inspect(file);
    assert.equal(inspection.container, 'elf');
    assert.equal(inspection.format, 'bun');
    assert.deepEqual(inspection.execArgv, ['--smol', '--no-warnings']);
    assert.deepEqual(errors, []);
    assert.deepEqual(modules.map(m => [m.name, m.language, m.encoding]), [
      ['/$bunfs/root/cli.js', 'js', 'latin1'],
      ['/$bunfs/root/chunk-utf16.js', 'js', 'utf16le'],
      ['/$bunfs/root/chunk-binary.js', 'js', 'binary'],
      ['/$bunfs/root/addon.node', 'native', 'binary'],
    ]);
    assert.deepEqual(texts.slice(0, 3), MODULES.slice(0, 3).map(m => m.text));
    assert.equal(texts[3], undefined, 'native modules are listed, not decoded');
    assert.equal(modules[0].entryPoint, true);
    assert.equal(modules[0].format, 'cjs');
    assert.equal(modules[0].size, Buffer.byteLength(MODULES[0].text!, 'latin1'));
    assert.equal(modules[1].size, Buffer.byteLength(MODULES[1].text!, 'utf16le'));
  });

  it('reads a Mach-O __BUN,__bun section, also inside a universal file, and an older u32 length prefix', () => {
    for (const width of [8, 4] as const) {
      const thin = macho([{ segment: '__TEXT', name: '__text', data: Buffer.alloc(32) }, { segment: '__BUN', name: '__bun', data: bunSection(bunGraph(MODULES), width) }]);
      for (const file of [thin, fat([thin])]) {
        const { inspection, texts } = inspect(file);
        assert.equal(inspection.container, 'mach-o');
        assert.equal(inspection.format, 'bun');
        assert.equal(texts[1], MODULES[1].text);
      }
    }
  });

  it('reads a PE .bun section, with u64 and with u32 length prefixes', () => {
    for (const width of [8, 4] as const) {
      const { inspection, modules } = inspect(pe({ sections: [{ name: '.text', data: Buffer.alloc(16) }, { name: '.bun', data: bunSection(bunGraph(MODULES), width) }] }), 'app.exe');
      assert.equal(inspection.container, 'pe');
      assert.equal(inspection.format, 'bun');
      assert.equal(modules.length, 4);
    }
  });

  it('finds the trailer when the section length prefix is unusable (padding after the graph)', () => {
    const section = bunSection(bunGraph(MODULES), 8, 4096);
    section.writeBigUInt64LE(0xffffffffn, 0);
    assert.equal(inspect(elf({ sections: [{ name: '.bun', data: section }] })).modules.length, 4);
  });

  it('reads the older appended layout (graph, offsets, trailer, u64 size at the end of the file)', () => {
    const { inspection, texts } = inspect(appendedBun(elf({ body: Buffer.alloc(256, 0x90) }), bunGraph(MODULES)));
    assert.equal(inspection.format, 'bun');
    assert.equal(texts[0], MODULES[0].text);
  });

  it('reads the older 36-byte module records and 24-byte offsets', () => {
    for (const [recordSize, offsetsSize] of [[36, 24], [36, 32], [52, 24]] as const) {
      const { modules, texts } = inspect(elf({ sections: [{ name: '.bun', data: bunSection(bunGraph(MODULES, { recordSize, offsetsSize, entryPoint: 1 })) }] }));
      assert.deepEqual(modules.map(m => m.name), MODULES.map(m => m.name), `${recordSize}/${offsetsSize}`);
      assert.equal(texts[1], MODULES[1].text);
      assert.equal(modules[1].entryPoint, true);
    }
  });

  it('records embedded source maps and bytecode', () => {
    const { modules } = inspect(elf({ sections: [{ name: '.bun', data: bunSection(bunGraph([{ name: '/$bunfs/root/a.js', text: 'x', sourceMap: Buffer.alloc(40, 1), bytecode: Buffer.alloc(300, 2) }])) }] }));
    assert.deepEqual(modules[0].sourceMap, { kind: 'embedded', size: 40 });
    assert.equal(modules[0].bytecode, true);
  });

  it('tells file assets by their bytes: JS text is scanned, a zstd-compressed .js is not', () => {
    const zstd = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x05, 0x29, 0x00]);
    const { modules, texts } = inspect(elf({ sections: [{ name: '.bun', data: bunSection(bunGraph([
      { name: '/$bunfs/root/cli.js', text: 'main()' },
      { name: '/$bunfs/root/worker.js', text: 'postMessage(1)', encoding: 'binary', loader: 5 },
      { name: '/$bunfs/root/mermaid.min.js', bytes: zstd, encoding: 'binary', loader: 5 },
    ])) }] }));
    assert.deepEqual(modules.map(m => m.language), ['js', 'js', 'other']);
    assert.equal(texts[1], 'postMessage(1)');
  });

  it('leaves a binary without a graph to the strings pass', () => {
    const { inspection, modules } = inspect(elf({ body: Buffer.from('just a Rust program') }));
    assert.equal(inspection.format, 'strings');
    assert.deepEqual(modules, []);
  });

  describe('corrupt or hostile graphs give a clear error, never a crash or a huge allocation', () => {
    const graph = bunGraph(MODULES);
    const offsetsAt = graph.length - 16 - 32;
    const corrupt = (edit: (g: Buffer) => void) => {
      const g = Buffer.from(graph);
      edit(g);
      return inspect(elf({ sections: [{ name: '.bun', data: bunSection(g) }] }));
    };

    it('a byte count larger than the file', () => {
      const { inspection } = corrupt(g => g.writeBigUInt64LE(0xffffffffffffn, offsetsAt));
      assert.equal(inspection.format, 'bun');
      assert.match(inspection.error!, /Bun module graph is corrupt: .*lies outside/);
    });

    it('a module table pointing past the end of the graph', () => {
      assert.match(corrupt(g => g.writeUInt32LE(0x7fffffff, offsetsAt + 8)).inspection.error!, /Bun module table .* lies outside/);
    });

    it('a huge module table length', () => {
      assert.match(corrupt(g => g.writeUInt32LE(0xfffffff0, offsetsAt + 12)).inspection.error!, /corrupt/);
    });

    it('a module whose contents point past the end', () => {
      const tableAt = graph.readUInt32LE(offsetsAt + 8);
      const { inspection } = corrupt(g => g.writeUInt32LE(0xfffffff0, tableAt + 12));
      assert.match(inspection.error!, /Bun module 0 contents .* lies outside/);
    });

    it('an entry point past the modules', () => {
      assert.match(corrupt(g => g.writeUInt32LE(99, offsetsAt + 16)).inspection.error!, /entry point 99/);
    });

    it('a .bun section that runs past the end of the file', () => {
      const file = elf({ sections: [{ name: '.bun', data: bunSection(graph) }] });
      const shoff = Number(file.readBigUInt64LE(40));
      file.writeBigUInt64LE(BigInt(file.length) * 4n, shoff + 64 + 32); // section 1 (.bun): sh_size
      assert.match(inspect(file).inspection.error!, /Bun module graph is corrupt: Bun section .* lies outside the file/);
    });

    it('a truncated file whose section headers are gone: read as strings, with an error', () => {
      const file = elf({ sections: [{ name: '.bun', data: bunSection(graph) }] });
      const { inspection } = inspect(file.subarray(0, file.length - 200));
      assert.equal(inspection.format, 'strings');
      assert.match(inspection.error!, /elf headers are corrupt \(ELF section header table .* lies outside the file/);
    });

    it('an appended graph cut short', () => {
      const file = appendedBun(elf(), graph);
      const { inspection } = inspect(Buffer.concat([file.subarray(0, 100), file.subarray(file.length - 60)]));
      assert.match(inspection.error!, /Bun module graph is corrupt/);
    });
  });
});
