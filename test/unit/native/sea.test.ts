import * as assert from 'node:assert/strict';
import { inspectNative, type ModuleSource } from '../../../src/core/native/inspect';
import { BinaryReader } from '../../../src/core/native/reader';
import { elf, macho, pe, seaBlob, tarball, tgz, type SeaSpec } from '../../helpers/nativeFixtures';

function inspect(file: Buffer, maxModuleBytes = 1 << 20) {
  const inspection = inspectNative(BinaryReader.fromBuffer(file), 'app', { maxModuleBytes });
  assert.ok(inspection);
  const sources = [...inspection.modules()];
  const withModule = sources.filter((s): s is Extract<ModuleSource, { module: unknown }> => 'module' in s);
  return {
    inspection,
    modules: withModule.map(s => s.module),
    text: (name: string) => withModule.find(s => s.module.name === name)?.text?.(),
    errors: sources.filter((s): s is Extract<ModuleSource, { error: string }> => 'error' in s),
  };
}

/** Text that does not compress, so that damage lands where the test puts it. */
function noise(length: number, seed: number): string {
  let x = seed;
  let out = '';
  while (out.length < length) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += (x >>> 8).toString(36);
  }
  return out.slice(0, length);
}

const MAIN = '"use strict";\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n';
const asElfNote = (spec: SeaSpec) => elf({ body: Buffer.from('node runtime'), notes: [{ name: 'GNU', desc: Buffer.alloc(16) }, { name: 'NODE_SEA_BLOB', desc: seaBlob(spec) }] });

describe('Node single executable applications', () => {
  it('reads the main script, code-cache flag, assets and exec argv from an ELF note', () => {
    const { inspection, modules, text, errors } = inspect(asElfNote({
      codePath: 'sea-main.js',
      main: MAIN,
      codeCache: Buffer.alloc(64, 7),
      assets: [['config.json', Buffer.from('{"a":1}')], ['worker.js', Buffer.from('postMessage(1)\n')], ['icon.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])]],
      execArgv: ['--no-warnings', '--max-old-space-size=4096'],
      headerExtra: [2],
    }));
    assert.deepEqual(errors, []);
    assert.equal(inspection.format, 'node-sea');
    assert.equal(inspection.codeCache, true);
    assert.deepEqual(inspection.execArgv, ['--no-warnings', '--max-old-space-size=4096']);
    assert.deepEqual(modules.map(m => [m.name, m.language]), [['sea-main.js', 'js'], ['config.json', 'json'], ['worker.js', 'js'], ['icon.png', 'other']]);
    assert.equal(modules[0].entryPoint, true);
    assert.equal(text('sea-main.js'), MAIN);
    assert.equal(text('worker.js'), 'postMessage(1)\n');
  });

  it('reads every header layout Node has written: no code path, then 0, 1 and 2 extra header bytes', () => {
    const layouts: SeaSpec[] = [
      { codePath: null, main: MAIN },
      { main: MAIN },
      { main: MAIN, headerExtra: [1] },
      { main: MAIN, headerExtra: [0, 1] },
    ];
    for (const spec of layouts) {
      const { modules, text } = inspect(asElfNote(spec));
      assert.equal(text(modules[0].name), MAIN, JSON.stringify(spec.headerExtra));
    }
    assert.equal(inspect(asElfNote({ main: MAIN, headerExtra: [0, 1] })).modules[0].format, 'esm');
  });

  it('finds the blob in a Mach-O NODE_SEA,__NODE_SEA_BLOB section and a PE RT_RCDATA resource', () => {
    const blob = seaBlob({ main: MAIN });
    const fromMachO = inspect(macho([{ segment: '__TEXT', name: '__text', data: Buffer.alloc(8) }, { segment: 'NODE_SEA', name: '__NODE_SEA_BLOB', data: blob }]));
    assert.equal(fromMachO.inspection.format, 'node-sea');
    assert.equal(fromMachO.text('main.js'), MAIN);
    const fromPe = inspect(pe({ sections: [{ name: '.text', data: Buffer.alloc(32) }], rcdata: { name: 'NODE_SEA_BLOB', data: blob } }));
    assert.equal(fromPe.inspection.container, 'pe');
    assert.equal(fromPe.inspection.format, 'node-sea');
    assert.equal(fromPe.text('main.js'), MAIN);
  });

  it('opens a tarball asset and lists its entries, reading the JavaScript ones', () => {
    const longName = `package/${'deep/'.repeat(25)}worker.js`;
    const archive = tgz([
      ['package/cli.js', 'require("./lib")\n//# sourceMappingURL=cli.js.map\n'],
      ['package/cli.js.map', '{"version":3}'],
      ['package/lib/index.mjs', 'export const x = 1;\n'],
      ['package/prebuilds/addon.node', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
      ['package/tests.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])],
      [longName, 'postMessage(2)\n'],
      ['package/huge.js', 'x'.repeat(5000)],
    ]);
    const { modules, text, errors } = inspect(asElfNote({ main: MAIN, assets: [['app.tgz', archive]] }), 4096);
    assert.deepEqual(errors, []);
    assert.deepEqual(modules.map(m => [m.name, m.language]), [
      ['main.js', 'js'],
      ['app.tgz', 'archive'],
      ['app.tgz!/package/cli.js', 'js'],
      ['app.tgz!/package/cli.js.map', 'other'],
      ['app.tgz!/package/lib/index.mjs', 'js'],
      ['app.tgz!/package/prebuilds/addon.node', 'native'],
      ['app.tgz!/package/tests.wasm', 'wasm'],
      [`app.tgz!/${longName}`, 'js'],
      ['app.tgz!/package/huge.js', 'js'],
    ]);
    assert.equal(text('app.tgz!/package/lib/index.mjs'), 'export const x = 1;\n');
    assert.equal(text(`app.tgz!/${longName}`), 'postMessage(2)\n');
    assert.equal(text('app.tgz!/package/huge.js'), undefined, 'over the module limit: listed, never held in memory');
    assert.equal(modules.at(-1)!.size, 5000);
  });

  it('reads a plain (not gzipped) tar asset', () => {
    const { text } = inspect(asElfNote({ main: MAIN, assets: [['bundle.tar', tarball([['a.js', 'let a = 1;\n']])]] }));
    assert.equal(text('bundle.tar!/a.js'), 'let a = 1;\n');
  });

  it('reports a V8 snapshot main as not readable', () => {
    const { modules, errors } = inspect(asElfNote({ main: '\u0000snapshot bytes', snapshot: true }));
    assert.equal(modules[0].language, 'snapshot');
    assert.match(errors[0].error, /V8 startup snapshot/);
  });

  describe('corrupt blobs give a clear error', () => {
    it('a wrong magic', () => {
      const blob = seaBlob({ main: MAIN });
      blob.writeUInt32LE(0xdeadbeef, 0);
      const { inspection } = inspect(elf({ notes: [{ name: 'NODE_SEA_BLOB', desc: blob }] }));
      assert.match(inspection.error!, /Node SEA blob is corrupt: SEA blob starts with 0xdeadbeef/);
    });

    it('a main script length past the end of the blob', () => {
      const blob = seaBlob({ main: MAIN });
      blob.writeBigUInt64LE(0xffffffffffn, 8 + 8 + 'main.js'.length);
      assert.match(inspect(elf({ notes: [{ name: 'NODE_SEA_BLOB', desc: blob }] })).inspection.error!, /Node SEA blob is corrupt/);
    });

    it('a corrupt gzip asset: the entries before it are kept, the error is reported', () => {
      const archive = tgz([['package/a.js', `let a = "${noise(120000, 1)}";\n`], ['package/b.js', `let b = "${noise(120000, 2)}";\n`]]);
      archive.fill(0x41, archive.length - 3000, archive.length - 2000);
      const { modules, errors } = inspect(asElfNote({ main: MAIN, assets: [['app.tgz', archive], ['after.js', Buffer.from('1')]] }));
      assert.match(errors[0].error, /archive asset could not be read to the end: archive: gzip data is corrupt/);
      assert.equal(errors[0].entry, 'app.tgz');
      assert.ok(modules.some(m => m.name === 'app.tgz!/package/a.js'), 'entries before the damage are kept');
      assert.ok(!modules.some(m => m.name === 'app.tgz!/package/b.js'));
      assert.ok(modules.some(m => m.name === 'after.js'), 'assets after the broken one are still listed');
    });

    it('a tar header with a bad checksum', () => {
      const tar = tarball([['a.js', '1']]);
      tar[0] = 0x5a;
      const { errors } = inspect(asElfNote({ main: MAIN, assets: [['x.tar', tar]] }));
      assert.match(errors[0].error, /checksum does not match/);
    });
  });
});
