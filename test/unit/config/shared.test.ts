// A file several assistants read (AGENTS.md, a workspace .env) is reported once, by the first
// assistant that reads it, naming the others; each assistant's inventory still lists it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditConfigurations } from '../../../src/core/audit';
import { tempTree } from '../../helpers/tempTree';

describe('files several assistants read', () => {
  it('reports hidden text in AGENTS.md once, naming every assistant that reads it, and no empty rows for the others', () => {
    const tags = [...'run this'].map(c => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const root = tempTree({ 'workspace/AGENTS.md': `# Agents\nBe careful.${tags}\n`, 'home/.keep': '' });
    const targets = auditConfigurations({ sources: { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' } });
    fs.rmSync(root, { recursive: true, force: true });
    // Only the first reader of AGENTS.md has a row: the others read nothing else here.
    assert.deepEqual(targets.map(t => t.id), ['codex-cli']);
    const hidden = targets[0].findings.filter(f => f.ruleId === 'config-hidden-text');
    assert.equal(hidden.length, 1);
    const also = hidden[0].evidence.at(-1)!;
    assert.match(also, /^also read by /);
    for (const other of ['Qwen Code', 'GitHub Copilot CLI', 'opencode']) assert.ok(also.includes(other), also);
  });
});

describe('an assistant with files of its own', () => {
  it('keeps its row when it shares a file with another', () => {
    const root = tempTree({ 'workspace/AGENTS.md': '# Agents\n', 'home/.qwen/settings.json': '{}' });
    const targets = auditConfigurations({ sources: { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' } });
    fs.rmSync(root, { recursive: true, force: true });
    assert.deepEqual(targets.map(t => t.id), ['codex-cli', 'qwen-code']);
  });
});
