import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles, describeFsError, readSourceFile } from '../../src/core/scan/files';
import { scanTarget } from '../../src/core/scan/target';
import { RULES } from '../../src/core/rules';
import { tempTree } from '../helpers/tempTree';
import { scannedText } from '../../src/core/report/summary';
import { formatTarget } from '../../src/cli/text';

const TZ = 'module.exports=()=>Intl.DateTimeFormat().resolvedOptions().timeZone;\n';

const tree = (files: Record<string, string | Buffer>) => tempTree(files, 'ata-files-');

describe('which files are scanned', () => {
  it('takes .js/.cjs/.mjs and extensionless package bins, tags node_modules as dependencies, skips tests and maps', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'x', bin: { x: 'bin/x' } }),
      'bin/x': '#!/usr/bin/env node\nrequire("../a.js")',
      'a.js': TZ, 'b.cjs': TZ, 'c.mjs': TZ, 'd.ts': TZ, 'e.js.map': '{}', 'types.d.ts': '',
      'node_modules/dep/index.js': TZ,
      'test/a.test.js': TZ, 'src/thing.spec.js': TZ, '__tests__/t.js': TZ,
      // pino's benchmarks/utils/wrap-log-level.js (review 40): run by its benchmarks only.
      'node_modules/pino/benchmarks/utils/wrap.js': TZ, 'node_modules/x/benchmark/run.js': TZ,
    });
    const { files, errors } = collectFiles(root, { maxFileBytes: 1 << 20 });
    assert.deepEqual(errors, []);
    assert.deepEqual(files.map(f => f.rel), ['a.js', 'b.cjs', 'bin/x', 'c.mjs', 'node_modules/dep/index.js']);
    assert.deepEqual(files.filter(f => f.dependency).map(f => f.rel), ['node_modules/dep/index.js']);
    assert.equal(collectFiles(root, { maxFileBytes: 1 << 20 }).skippedTests, 5, 'the tests and benchmarks left out are counted');
    const withTests = collectFiles(root, { maxFileBytes: 1 << 20, includeTests: true }).files.map(f => f.rel);
    assert.equal(collectFiles(root, { maxFileBytes: 1 << 20, includeTests: true }).skippedTests, 0);
    assert.ok(withTests.includes('test/a.test.js') && withTests.includes('src/thing.spec.js'));
    assert.ok(withTests.includes('node_modules/pino/benchmarks/utils/wrap.js') && withTests.includes('node_modules/x/benchmark/run.js'));
  });

  // Letta Code 0.31.12 (review 129): 71 TypeScript skill scripts and 2 Python files were left out unsaid.
  it('counts TypeScript and Python sources it does not read, by language, with the first of the package\'s own', () => {
    const root = tree({
      'cli.js': TZ, 'types.d.ts': '', 'index.d.mts': '',
      'skills/mcp/scripts/mcp-stdio.ts': 'spawn(command, args)', 'skills/x/run.mts': '', 'ui/App.tsx': '', 'tools/fetch.py': 'import os',
      'node_modules/dep/src/index.ts': '', 'test/helper.ts': '', 'src/a.test.ts': '', 'src/b.spec.tsx': '', 'tools/test_c.py': '',
    });
    const { files, otherSources } = collectFiles(root, { maxFileBytes: 1 << 20 });
    assert.deepEqual(files.map(f => f.rel), ['cli.js']);
    assert.deepEqual(otherSources, {
      TypeScript: { files: 4, own: 3, first: ['skills/mcp/scripts/mcp-stdio.ts', 'skills/x/run.mts', 'ui/App.tsx'].sort() },
      Python: { files: 1, own: 1, first: ['tools/fetch.py'] },
    });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'cli', root }, { rules: RULES });
    assert.equal(result.otherSources?.TypeScript.files, 4);
    // A summary never says "every file scanned" over code it did not read.
    assert.deepEqual(scannedText(result, 0), { scanned: 'every JavaScript file scanned', unread: '3 TypeScript, 1 Python files of its own not read' });
    assert.deepEqual(scannedText({ ...result, otherSources: undefined }, 2), { scanned: '2 files not fully scanned' });
    const text = formatTarget(result, { style: { color: false } });
    assert.match(text, /4 TypeScript files \(1 in dependencies\) not scanned: only JavaScript is analysed: skills\/mcp\/scripts\/mcp-stdio\.ts, skills\/x\/run\.mts, ui\/App\.tsx/);
  });

  it("takes a dependency's extensionless bin by its #! line (node, env -S node, bun), not other scripts or text (review 49: openai/bin/cli)", () => {
    const root = tree({
      'node_modules/openai/bin/cli': '#!/usr/bin/env node\nrequire("child_process").spawnSync("npx",["-y","@getgrit/launcher"])',
      'node_modules/t/bin/tsc': '#!/usr/bin/env -S node --no-warnings\nrequire("../lib/tsc.js")',
      'node_modules/b/bin/run': '#!/usr/local/bin/bun\nconsole.log(1)',
      'node_modules/s/bin/setup': '#!/bin/sh\necho node',
      'node_modules/s/LICENSE': 'MIT node',
      'node_modules/s/bin/nodemon-ish': '#!/usr/bin/env nodemonx\n',
    });
    const { files, errors } = collectFiles(root, { maxFileBytes: 1 << 20 });
    assert.deepEqual(errors, []);
    assert.deepEqual(files.map(f => f.rel), ['node_modules/b/bin/run', 'node_modules/openai/bin/cli', 'node_modules/s/bin/setup', 'node_modules/t/bin/tsc']);
    assert.deepEqual(files.filter(f => f.shell).map(f => f.rel), ['node_modules/s/bin/setup'], 'a #!/bin/sh script is read as a shell script');
    const scanned = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.ok(scanned.findings.some(f => f.ruleId === 'child-process' && f.file === 'node_modules/openai/bin/cli'), 'the bin script is scanned');
  });

  it('reports a broken symlink, a too-big file and a binary file, and scans the rest', () => {
    const root = tree({ 'ok.js': TZ, 'big.js': `${TZ}//${'x'.repeat(5000)}`, 'bin.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]) });
    fs.symlinkSync(path.join(root, 'missing.js'), path.join(root, 'dangling.js'));
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES, maxFileBytes: 4096 });
    const byFile = Object.fromEntries(result.errors.map(e => [e.file, e.message]));
    assert.match(byFile['dangling.js'], /broken symbolic link/);
    assert.match(byFile['big.js'], /over the 0\.0 MB per-file limit/);
    assert.match(byFile['bin.js'], /binary content/);
    assert.equal(result.filesScanned, 1);
    assert.equal(result.findings.filter(f => f.ruleId === 'timezone-probe').length, 1);
    assert.equal(result.findings[0].file, 'ok.js');
  });

  it('scans a JavaScript file that holds a few raw NUL bytes (a regex class written with the control characters themselves), and still skips compressed data', () => {
    // A module of a couple of kilobytes (the four such files in claude-flow 3.43.0 are 4 to 13 KB).
    const regex = `${TZ}\n// ${'checks names for control characters '.repeat(60)}\nconst CONTROL = /[${String.fromCharCode(0, 1, 0x1f)}]/;\n`;
    const gzip = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    const root = tree({ 'a.js': regex, 'b.js': gzip });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.deepEqual(result.errors.map(e => `${e.file}: ${e.message}`), ['b.js: binary content (NUL bytes), not JavaScript text: skipped']);
    assert.equal(result.findings.filter(f => f.ruleId === 'timezone-probe' && f.file === 'a.js').length, 1);
  });

  it('records unparsable files and goes on', () => {
    const root = tree({ 'a.js': 'function (((( { timeZone', 'b.js': TZ });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.equal(result.filesScanned, 2);
    assert.ok(result.errors.some(e => e.file === 'a.js'));
    assert.ok(result.findings.some(f => f.file === 'b.js'));
  });

  // Amp's npm launcher (third review): its bin is a shell placeholder until the native binary is installed.
  it('says a package bin that does not parse is a shell or another interpreter\'s script, and still scans a polyglot as JavaScript', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'x', bin: { a: 'bin/amp.exe', b: 'bin/b', c: 'bin/c', p: 'bin/p' } }),
      'bin/amp.exe': 'echo "Error: Amp native binary not installed. Fetch from https://example.com/amp" >&2\nexit 1\n',
      'bin/b': '#!/usr/bin/env -S bash -e\nif [ -x "$0.bin" ]; then exec "$0.bin" "$@"; fi\ncurl https://example.com/x | sh\n',
      'bin/c': '#!/usr/bin/python3\nimport os\nprint(os.environ["HOME"])\n',
      'bin/p': '#!/bin/sh\n":" //; exec /usr/bin/env node "$0" "$@"\nrequire("child_process").exec(process.argv[2]);\n',
    });
    const result = scanTarget({ id: 't', name: 't', kind: 'cli', root }, { rules: RULES });
    const byFile = Object.fromEntries(result.errors.map(e => [e.file, e.message]));
    assert.deepEqual(Object.keys(byFile).sort(), ['bin/amp.exe', 'bin/c']);
    assert.match(byFile['bin/amp.exe'], /^a shell script \(first line: echo "Error: Amp native binary not installed\. Fetch from https:\/\/example\.com\/amp\), not JavaScript: not parsed$/);
    assert.match(byFile['bin/c'], /^a script for python3 /);
    // A bin whose #! line names bash is read as a shell script: its download piped into sh is told.
    assert.deepEqual(result.findings.filter(f => f.file === 'bin/b').map(f => `${f.severity} ${f.ruleId} ${f.line}:${f.column}`), ['medium child-process 3:1']);
    assert.deepEqual(result.findings.filter(f => f.file !== 'bin/p' && f.file !== 'bin/b'), []);
    assert.ok(result.findings.some(f => f.file === 'bin/p' && f.ruleId === 'child-process'));
  });

  it('does not follow symlinked directories (no loops)', () => {
    const root = tree({ 'a.js': TZ });
    fs.symlinkSync(root, path.join(root, 'loop'));
    assert.deepEqual(collectFiles(root, { maxFileBytes: 1 << 20 }).files.map(f => f.rel), ['a.js']);
  });

  it('describes permission errors plainly', () => {
    const err = Object.assign(new Error('EACCES: permission denied, open x'), { code: 'EACCES' });
    assert.equal(describeFsError(err), 'permission denied');
    if (process.getuid?.() !== 0) {
      const root = tree({ 'a.js': TZ });
      fs.chmodSync(path.join(root, 'a.js'), 0);
      assert.deepEqual(readSourceFile(path.join(root, 'a.js')), { error: 'cannot read: permission denied' });
    }
  });

  it('keeps offsets when a file starts with a byte order mark', () => {
    const root = tree({ 'a.js': `\ufeff${TZ}` });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.equal(result.findings[0].column, TZ.indexOf('Intl') + 2);
  });
});
