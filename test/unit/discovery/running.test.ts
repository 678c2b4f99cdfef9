import * as assert from 'node:assert/strict';
import { mergeRunningExtensions } from '../../../src/core/discovery/running';
import type { Assistant, Discovery } from '../../../src/core/discovery';

const discovered: Assistant = {
  id: 'cline', name: 'Cline', kind: 'extension', root: '/home/ada/.vscode/extensions/saoudrizwan.claude-dev-3.37.1', instanceId: 'cline@vscode',
  version: '3.37.1', vendor: 'cline', country: 'US', editor: 'vscode', why: ['catalog: Cline (extension id saoudrizwan.claude-dev)'], ownVendors: ['cline'],
  install: 'editor', language: 'javascript', catalogId: 'cline', extensionId: 'saoudrizwan.claude-dev', entry: 'dist/extension.js', size: 1000,
};

describe('merging the running editor\'s extensions', () => {
  const base: Discovery = { assistants: [discovered], errors: [{ file: '/x', message: 'kept' }] };
  const running = [
    { id: 'saoudrizwan.claude-dev', extensionPath: '/home/ada/.vscode/extensions/saoudrizwan.claude-dev-3.37.1', packageJSON: { name: 'claude-dev', publisher: 'saoudrizwan', version: '3.37.1' } },
    { id: 'GitHub.copilot-chat', extensionPath: '/usr/share/code/resources/app/extensions/copilot-chat', packageJSON: { name: 'copilot-chat', publisher: 'GitHub', version: '0.38.0', main: './dist/extension', displayName: 'GitHub Copilot Chat' } },
    { id: 'acme.helper', extensionPath: '/opt/exts/acme.helper-1.0.0', packageJSON: { name: 'helper', publisher: 'acme', version: '1.0.0', browser: './web.js', contributes: { chatParticipants: [{ id: 'a', name: 'helper' }] } } },
    { id: 'vscode.git', extensionPath: '/usr/share/code/resources/app/extensions/git', packageJSON: { name: 'git', publisher: 'vscode', version: '1.0.0', categories: ['Other'] } },
  ];

  it('adds AI extensions discovery missed (built-in or elsewhere), marks found ones as running, skips the rest', () => {
    const merged = mergeRunningExtensions(base, running, 'vscode');
    assert.deepEqual(merged.assistants.map(a => [a.instanceId, a.install, a.version, a.entry]), [
      ['cline@vscode', 'editor', '3.37.1', 'dist/extension.js'],
      ['github-copilot-chat@vscode', 'running-editor', '0.38.0', 'dist/extension'],
      ['acme.helper@vscode', 'running-editor', '1.0.0', 'web.js'],
    ]);
    assert.deepEqual(merged.assistants[0].why, ['catalog: Cline (extension id saoudrizwan.claude-dev)', 'reported by the running editor']);
    assert.deepEqual([merged.assistants[1].vendor, merged.assistants[1].country, merged.assistants[1].size], ['microsoft', 'US', undefined]);
    assert.deepEqual(merged.errors, base.errors);
  });

  it('leaves the discovery it was given unchanged', () => {
    const before = JSON.stringify(base);
    mergeRunningExtensions(base, running, 'vscode');
    assert.equal(JSON.stringify(base), before);
  });
});
