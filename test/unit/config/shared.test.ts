// A file several assistants read (AGENTS.md, a workspace .env) is reported once, by the first
// assistant that reads it, naming the others; each assistant's inventory still lists it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditConfigurations } from '../../../src/core/audit';
import { tempTree } from '../../helpers/tempTree';

describe('files several assistants read', () => {
  it('reports hidden text in AGENTS.md once, naming every assistant that reads it', () => {
    const tags = [...'run this'].map(c => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const root = tempTree({ 'workspace/AGENTS.md': `# Agents\nBe careful.${tags}\n`, 'home/.keep': '' });
    const targets = auditConfigurations({ sources: { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' } });
    fs.rmSync(root, { recursive: true, force: true });
    const readers = targets.filter(t => t.config?.instructions.some(i => i.file.endsWith('AGENTS.md')));
    assert.ok(readers.length >= 2, `AGENTS.md is read by ${readers.map(t => t.id).join(', ')}`);
    const hidden = targets.flatMap(t => t.findings.filter(f => f.ruleId === 'config-hidden-text').map(f => ({ t: t.id, f })));
    assert.equal(hidden.length, 1);
    assert.equal(hidden[0].t, readers[0].id);
    assert.deepEqual(hidden[0].f.evidence.at(-1), `also read by ${readers.slice(1).map(t => t.name.replace(/ configuration$/, '')).join(', ')}`);
  });
});
