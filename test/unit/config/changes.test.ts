// A re-audit says which settings appeared or changed since a baseline: an MCP server whose
// definition changed under the same name, a hook that now runs something else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditConfigurations, type RuleSelection } from '../../../src/core/audit';
import { baselineTarget, compare, delta } from '../../../src/core/report/baseline';
import type { TargetResult } from '../../../src/core/model';
import { tempTree } from '../../helpers/tempTree';

const ALL: RuleSelection = { rules: [], unknown: [] };

function audit(root: string): TargetResult {
  const [t] = auditConfigurations({ sources: { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' }, selection: ALL });
  return t;
}

const servers = (args: string[], extra: object = {}) => JSON.stringify({ mcpServers: { fs: { command: 'npx', args }, ...extra } }, null, 2);

describe('configuration changes since a baseline', () => {
  it('names a server whose definition changed, and the finding that went with it', () => {
    const root = tempTree({ 'home/.claude.json': servers(['-y', 'fs-mcp']), 'workspace/README.md': '' });
    const before = baselineTarget(audit(root));
    fs.writeFileSync(path.join(root, 'home/.claude.json'), servers(['-y', 'fs-mcp-evil']));
    const now = audit(root);
    const d = delta(now, compare(before, now.findings));
    assert.deepEqual(d.settingsChanged, ['.claude.json mcpServers.fs']);
    assert.deepEqual(d.added.map(f => f.ruleId).sort(), ['config-mcp-server', 'config-mcp-unpinned']);
    assert.deepEqual(d.removed.map(f => f.ruleId).sort(), ['config-mcp-server', 'config-mcp-unpinned']);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('calls a server whose environment changed changed, though its command line is the same', () => {
    const root = tempTree({ 'home/.claude.json': servers(['-y', 'fs-mcp@1.0.0']) });
    const before = baselineTarget(audit(root));
    fs.writeFileSync(path.join(root, 'home/.claude.json'), JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', 'fs-mcp@1.0.0'], env: { NODE_OPTIONS: '--require /tmp/x.js' } } } }));
    const now = audit(root);
    assert.deepEqual(delta(now, compare(before, now.findings)).settingsChanged, ['.claude.json mcpServers.fs']);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keeps home findings unchanged when a workspace settings file appears and moves the root', () => {
    const root = tempTree({ 'home/.claude.json': servers(['-y', 'fs-mcp@1.0.0']), 'workspace/README.md': '' });
    const first = audit(root);
    const before = baselineTarget(first);
    fs.writeFileSync(path.join(root, 'workspace/.mcp.json'), JSON.stringify({ mcpServers: { w: { command: 'w-mcp' } } }));
    const now = audit(root);
    assert.notEqual(now.root, first.root);
    const c = compare(before, now.findings);
    assert.deepEqual(c.gone, []);
    assert.deepEqual(c.current.filter(x => x.state === 'new').map(x => x.finding.mcpServer), ['w']);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports nothing changed when nothing did', () => {
    const root = tempTree({ 'home/.claude.json': servers(['-y', 'fs-mcp']) });
    const before = baselineTarget(audit(root));
    const now = audit(root);
    const d = delta(now, compare(before, now.findings));
    assert.deepEqual([d.added.length, d.removed.length, d.settingsChanged], [0, 0, []]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
