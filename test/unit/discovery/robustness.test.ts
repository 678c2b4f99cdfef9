import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover } from '../../../src/core/discovery';
import { RULES } from '../../../src/core/rules';
import { scanTarget } from '../../../src/core/scan/target';
import { FAKE_ELF } from '../../helpers/fakeHome';
import { tree } from '../../helpers/tree';

const CHAT_EXTENSION = JSON.stringify({ name: 'helper', publisher: 'acme', version: '1.0.0', main: './x.js', contributes: { chatParticipants: [{ id: 'a', name: 'helper' }] } });

describe('discovery on malformed input', () => {
  it('survives hostile extensions.json entries and a .obsolete that is not an object', () => {
    const home = tree({
      '.vscode/extensions/extensions.json': JSON.stringify([null, 5, 'x', { identifier: { id: 'acme.gone' } }, { location: 'file:///nonexistent/acme.nowhere-1.0.0' }, { location: { $mid: 1, path: 42 } }, { relativeLocation: 'acme.helper-1.0.0' }]),
      '.vscode/extensions/.obsolete': '["not", "an", "object"]',
      '.vscode/extensions/acme.helper-1.0.0/package.json': CHAT_EXTENSION,
      '.cursor/extensions/extensions.json': '{ not json',
      '.cursor/extensions/acme.helper-1.0.0/package.json': CHAT_EXTENSION,
      '.windsurf/extensions/acme.nameless-1.0.0/package.json': JSON.stringify({ version: '1.0.0', contributes: { chatParticipants: [{ name: 'x' }] } }),
      '.windsurf/extensions/acme.array-1.0.0/package.json': '[1, 2, 3]',
    });
    const found = discover({ env: {}, home, platform: 'linux', clis: false });
    assert.deepEqual(found.assistants.map(a => a.instanceId), ['acme.helper@cursor', 'acme.helper@vscode']);
    const messages = found.errors.map(e => `${path.relative(home, e.file)}: ${e.message}`);
    assert.ok(messages.some(m => /^\.cursor\/extensions\/extensions\.json: extensions\.json is not valid JSON/.test(m)), messages.join('\n'));
    assert.ok(messages.some(m => /an entry for acme\.gone names no location/.test(m)), messages.join('\n'));
    assert.ok(messages.some(m => /acme\.nameless-1\.0\.0\/package\.json: extension manifest lacks publisher or name/.test(m)), messages.join('\n'));
    assert.ok(messages.some(m => /acme\.array-1\.0\.0\/package\.json: .*is not a JSON object/.test(m)), messages.join('\n'));
  });

  it('reads a manifest with a byte-order mark and ignores a package.json that is a folder', () => {
    const home = tree({ '.vscode/extensions/acme.helper-1.0.0/package.json': `\ufeff${CHAT_EXTENSION}`, '.vscode/extensions/acme.odd-1.0.0/package.json/x': '' });
    const found = discover({ env: {}, home, platform: 'linux', clis: false });
    assert.deepEqual(found.assistants.map(a => a.instanceId), ['acme.helper@vscode']);
    assert.match(found.errors[0].message, /is not a file/);
  });
});

describe('extra paths of a target', () => {
  it('scans files and folders outside the root, naming them relative to it, and reports a binary there', () => {
    const dir = tree({
      'main/package.json': '{"name":"main","version":"1.0.0"}',
      'main/index.js': 'module.exports = 1;\n',
      'sibling-js/probe.js': 'const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n',
      'sibling/bin/tool': FAKE_ELF,
    });
    const result = scanTarget({ id: 'main', name: 'main', kind: 'cli', root: path.join(dir, 'main'), extraPaths: ['../sibling-js', '../sibling/bin/tool'] }, { rules: RULES });
    assert.equal(result.filesScanned, 3);
    assert.deepEqual(result.findings.map(f => `${f.ruleId} ${f.file}:${f.line}:${f.column}`), ['timezone-probe ../sibling-js/probe.js:1:12']);
    assert.deepEqual(result.binaries!.map(b => [b.file, b.container, b.format]), [['../sibling/bin/tool', 'elf', 'strings']]);
  });
});
