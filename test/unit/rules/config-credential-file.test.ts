import * as assert from 'node:assert/strict';
import { configFindings } from '../../helpers/configRuleTester';

const creds = { 'home/.claude/.credentials.json': '{"claudeAiOauth":{"accessToken":"sk-ant-oat01-PLANTEDabcdefghijklmnopqrstuvwxyz"}}' };

describe('config-credential-file', () => {
  it('flags a credentials file other users can read, with its mode', () => {
    const found = configFindings('config-credential-file', { name: 'mode', files: creds, modes: { 'home/.claude/.credentials.json': 0o644 } });
    assert.deepEqual(found.map(f => `${f.severity} ${f.file} ${f.message}`), ['medium .claude/.credentials.json Claude Code credentials is readable by other users (mode 0644)']);
    assert.ok(!JSON.stringify(found).includes('PLANTED'));
  });
  it('flags a credentials file inside a git work tree as high', () => {
    const found = configFindings('config-credential-file', { name: 'git', files: creds, modes: { 'home/.claude/.credentials.json': 0o600 }, git: ['home'] });
    assert.deepEqual(found.map(f => f.severity), ['high']);
  });
  it('does not flag a private file outside git', () => {
    assert.deepEqual(configFindings('config-credential-file', { name: 'ok', files: creds, modes: { 'home/.claude/.credentials.json': 0o600 } }), []);
  });
});
