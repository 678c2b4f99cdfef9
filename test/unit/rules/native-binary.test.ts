import { nativeBinary, isExecutableHead } from '../../../src/core/rules/native-binary';
import { runManifestTable } from '../../helpers/ruleTester';
import * as assert from 'node:assert/strict';

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

runManifestTable(nativeBinary, {
  invalid: [
    { name: 'a bin that is an ELF executable (medium)', json: '{"name":"x","bin":{"x":"bin/x.exe"}}', files: { 'bin/x.exe': ELF }, at: ['"bin/x.exe"'], severity: 'medium' },
    { name: 'platform packages and native addons', json: '{\n "optionalDependencies": {"@anthropic-ai/claude-code-linux-x64": "2", "@lydell/node-pty": "1"}\n}', at: ['"optionalDependencies"'], severity: 'low', message: /@lydell\/node-pty, @anthropic-ai\/claude-code-linux-x64/ },
    { name: 'a package built for one platform', json: '{"name":"x-linux-x64","os":["linux"],"cpu":["x64"]}', at: ['"os"'], message: /linux\/x64/ },
    { name: 'one OS and no cpu field', json: '{"name":"x-darwin","os":["darwin"]}', at: ['"os"'], message: /\(darwin\)/ },
    { name: 'node-gyp builds', json: '{"gypfile":true}', at: ['"gypfile"'] },
  ],
  valid: [
    { name: 'a script bin and pure-JS dependencies', json: '{"bin":{"x":"cli.js"},"dependencies":{"chalk":"5"}}', files: { 'cli.js': Buffer.from('#!/usr/bin/env node\n') } },
    { name: 'a bin that is missing', json: '{"bin":"nope"}' },
    { name: 'a launcher that runs on several platforms (it downloads its binary later)', json: '{"name":"x","bin":"index.js","os":["darwin","linux","win32"],"cpu":["x64","arm64"]}', files: { 'index.js': Buffer.from('#!/usr/bin/env node\n') } },
    { name: 'one OS, several CPUs', json: '{"os":["linux"],"cpu":["x64","arm64"]}' },
    { name: 'an excluded platform', json: '{"os":["!win32"]}' },
  ],
});

describe('native-binary: executable magic numbers', () => {
  it('recognises ELF, Mach-O (both byte orders, fat) and PE, and not scripts', () => {
    for (const m of [[0x7f, 0x45, 0x4c, 0x46], [0xcf, 0xfa, 0xed, 0xfe], [0xfe, 0xed, 0xfa, 0xcf], [0xca, 0xfe, 0xba, 0xbe], [0x4d, 0x5a, 0x90, 0]]) {
      assert.ok(isExecutableHead(Buffer.from(m)), m.join(','));
    }
    assert.equal(isExecutableHead(Buffer.from('#!/usr/bin/env node')), false);
    assert.equal(isExecutableHead(undefined), false);
  });
});
