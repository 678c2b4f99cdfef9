import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../../src/core/config/load';
import { kiro } from '../../../src/core/config/kiro';
import { loadFixture } from '../../helpers/configFixture';

describe('Kiro configuration reader', () => {
  const loaded = loadFixture(kiro, 'kiro');
  const inv = loaded.builder.inventory;

  it('reads user settings, user and workspace mcp.json and steering files', () => {
    assert.deepEqual(inv.files.map(f => `${f.scope} ${f.file}`).sort(), [
      'project workspace/.kiro/settings/mcp.json',
      'project workspace/.kiro/steering/product.md',
      'project workspace/.kiro/steering/tech.md',
      'user home/.config/Kiro/User/settings.json',
      'user home/.kiro/settings/mcp.json',
      'user home/.kiro/steering/personal.md',
    ]);
    assert.equal(inv.instructions.length, 3);
    assert.deepEqual(loaded.errors, []);
  });

  it('judges trusted commands: `uvx *` runs any package, `npm install *` and `git status` are narrow', () => {
    assert.deepEqual(inv.permissions.map(p => `${p.broad ? 'broad' : 'narrow'} ${p.value}`).sort(), [
      'broad kiroAgent.trustedCommands: uvx *',
      'narrow kiroAgent.trustedCommands: git status',
      'narrow kiroAgent.trustedCommands: npm install *',
    ]);
    const uvx = inv.permissions.find(p => p.value.endsWith('uvx *'))!;
    assert.deepEqual([uvx.at.file, uvx.at.key, uvx.at.line, uvx.at.column], ['home/.config/Kiro/User/settings.json', 'kiroAgent.trustedCommands[2]', 6, 5]);
  });

  it('marks a server whose autoApprove list is ["*"] auto-trusted, and names the tools of a partial list', () => {
    const byName = new Map(inv.mcpServers.map(s => [s.name, s]));
    assert.deepEqual([...byName.keys()].sort(), ['aws-docs', 'fetch', 'jira', 'sqlite']);
    assert.deepEqual([byName.get('aws-docs')!.autoTrusted, byName.get('aws-docs')!.autoApprovedTools], [undefined, ['read_documentation', 'search_documentation']]);
    assert.deepEqual([byName.get('jira')!.autoTrusted, byName.get('jira')!.autoApprovedTools], [true, undefined]);
    assert.deepEqual([byName.get('fetch')!.autoTrusted, byName.get('fetch')!.autoApprovedTools], [undefined, undefined]);
    assert.deepEqual([byName.get('aws-docs')!.package, byName.get('aws-docs')!.pinned], ['awslabs.aws-documentation-mcp-server', false]);
    assert.equal(byName.get('fetch')!.pinned, true);
    assert.deepEqual([byName.get('jira')!.scope, byName.get('jira')!.transport], ['project', 'http']);
    assert.deepEqual([byName.get('sqlite')!.package, byName.get('sqlite')!.pinned], ['mcp-sqlite', true]);
    assert.deepEqual([byName.get('jira')!.at.file, byName.get('jira')!.at.line, byName.get('jira')!.at.column], ['workspace/.kiro/settings/mcp.json', 3, 5]);
  });

  it('reads the proxy and keeps the planted bearer token out', () => {
    assert.deepEqual(inv.endpoints.map(e => `${e.kind} ${e.value}`), ['proxy http://proxy.aws-corp.example:8080']);
    assert.deepEqual(inv.secrets.map(s => s.kind), ['Bearer token']);
    assert.ok(!JSON.stringify(inv).includes('PLANTED'));
  });

  it('reads a steering folder without a settings folder, and no error for what is missing', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-kiro-'));
    try {
      fs.mkdirSync(path.join(home, '.kiro', 'steering'), { recursive: true });
      fs.writeFileSync(path.join(home, '.kiro', 'steering', 'a.md'), 'Be brief.');
      fs.writeFileSync(path.join(home, '.kiro', 'steering', 'notes.txt'), 'not a steering file');
      const l = loadConfig(kiro, { home, env: {}, platform: 'linux' })!;
      assert.deepEqual(l.errors, []);
      assert.deepEqual(l.builder.inventory.files.map(f => f.file), ['.kiro/steering/a.md']);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
