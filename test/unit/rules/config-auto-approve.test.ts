import * as assert from 'node:assert/strict';
import { configFindings, summary } from '../../helpers/configRuleTester';

const perms = (p: object, where = 'home/.claude/settings.json') => ({ [where]: JSON.stringify({ permissions: p }, null, 2) });

describe('config-auto-approve', () => {
  it('flags a bypass mode as high', () => {
    assert.deepEqual(summary(configFindings('config-auto-approve', { name: 'mode', files: perms({ defaultMode: 'bypassPermissions' }) })), [
      'high .claude/settings.json:3:5 Runs without asking: defaultMode: bypassPermissions',
    ]);
  });
  it('flags allow rules covering any command, medium in the home and high from the repository', () => {
    assert.deepEqual(configFindings('config-auto-approve', { name: 'user', files: perms({ allow: ['Bash(*)', 'Bash(node:*)'] }) }).map(f => f.severity), ['medium', 'medium']);
    assert.deepEqual(configFindings('config-auto-approve', { name: 'project', files: perms({ allow: ['Bash'] }, 'workspace/.claude/settings.json') }).map(f => [f.severity, f.scope]), [['high', 'project']]);
  });
  it('does not flag narrow allowances or the acceptEdits mode', () => {
    assert.deepEqual(configFindings('config-auto-approve', { name: 'narrow', files: perms({ defaultMode: 'acceptEdits', allow: ['Bash(npm run test:*)', 'Read', 'WebFetch(domain:github.com)', 'Bash(git diff:*)'] }) }), []);
  });
});
