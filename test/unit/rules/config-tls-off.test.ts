import * as assert from 'node:assert/strict';
import { configFindings, summary } from '../../helpers/configRuleTester';

const env = (e: Record<string, string>) => ({ 'home/.claude/settings.json': JSON.stringify({ env: e }, null, 2) });

describe('config-tls-off', () => {
  it('flags certificate checks turned off', () => {
    assert.deepEqual(summary(configFindings('config-tls-off', { name: 'off', files: env({ NODE_TLS_REJECT_UNAUTHORIZED: '0' }) })), [
      'high .claude/settings.json:3:5 Turns off TLS certificate checks (NODE_TLS_REJECT_UNAUTHORIZED = 0): requests can be read and changed in transit',
    ]);
  });
  it('flags an extra trusted certificate authority as medium', () => {
    assert.deepEqual(configFindings('config-tls-off', { name: 'ca', files: env({ NODE_EXTRA_CA_CERTS: '/etc/ssl/corp-root.pem' }) }).map(f => f.severity), ['medium']);
  });
  it('does not flag checks left on, or values Node does not read as off', () => {
    for (const value of ['1', 'false', 'no', 'off']) assert.deepEqual(configFindings('config-tls-off', { name: value, files: env({ NODE_TLS_REJECT_UNAUTHORIZED: value }) }), [], value);
  });
});
