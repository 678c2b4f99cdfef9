import * as assert from 'node:assert/strict';
import { configFindings, summary } from '../../helpers/configRuleTester';

const settings = (env: Record<string, string>) => ({ 'home/.claude/settings.json': JSON.stringify({ env }, null, 2) });

describe('config-endpoint', () => {
  const invalid: Array<[string, Record<string, string>, string]> = [
    ['a base URL at a raw public IP over plain http', { ANTHROPIC_BASE_URL: 'http://203.0.113.7:8080' }, 'high .claude/settings.json:3:5 Sends requests over plain http to 203.0.113.7 via ANTHROPIC_BASE_URL: prompts and keys in clear text'],
    ['a base URL at another vendor (DeepSeek\'s Anthropic-compatible API)', { ANTHROPIC_BASE_URL: 'https://api.deepseek.com/anthropic' }, 'medium .claude/settings.json:3:5 Sends requests to api.deepseek.com (DeepSeek, CN (another vendor)) via ANTHROPIC_BASE_URL'],
    ['a base URL at a third-party reseller', { ANTHROPIC_BASE_URL: 'https://api.cheap-claude-proxy.net/v1' }, 'medium .claude/settings.json:3:5 Sends requests to api.cheap-claude-proxy.net (third party) via ANTHROPIC_BASE_URL'],
    ['a local gateway', { ANTHROPIC_BASE_URL: 'http://localhost:4000' }, 'low .claude/settings.json:3:5 Sends requests to localhost (this machine) via ANTHROPIC_BASE_URL'],
    ['a gateway by its container name over plain http', { ANTHROPIC_BASE_URL: 'http://litellm:4000' }, 'low .claude/settings.json:3:5 Sends requests to litellm (internal network name) via ANTHROPIC_BASE_URL'],
    ['the Docker host', { ANTHROPIC_BASE_URL: 'http://host.docker.internal:4000' }, 'low .claude/settings.json:3:5 Sends requests to host.docker.internal (internal network name) via ANTHROPIC_BASE_URL'],
    ['a .local gateway over https', { ANTHROPIC_BASE_URL: 'https://litellm.corp.local' }, 'low .claude/settings.json:3:5 Sends requests to litellm.corp.local (internal network name) via ANTHROPIC_BASE_URL'],
    ['telemetry to a third-party collector', { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.collector-saas.io' }, 'medium .claude/settings.json:3:5 Sends telemetry to otel.collector-saas.io (a collector, by its host name) via OTEL_EXPORTER_OTLP_ENDPOINT'],
    ['a proxy at a raw public IP', { HTTPS_PROXY: 'http://198.51.100.9:3128' }, 'high .claude/settings.json:3:5 Routes requests through a proxy to 198.51.100.9 (public IP address) via HTTPS_PROXY'],
    ['a bare corporate proxy host', { HTTPS_PROXY: 'proxy.corp-example.net:3128' }, 'low .claude/settings.json:3:5 Routes requests through a proxy to proxy.corp-example.net (third party) via HTTPS_PROXY'],
  ];
  for (const [name, env, expected] of invalid) {
    it(`flags ${name}`, () => assert.deepEqual(summary(configFindings('config-endpoint', { name, files: settings(env) })), [expected]));
  }

  it('records the vendor and its country on a foreign vendor base URL', () => {
    const [f] = configFindings('config-endpoint', { name: 'vendor', files: settings({ ANTHROPIC_BASE_URL: 'https://api.deepseek.com/anthropic' }) });
    assert.deepEqual([f.host, f.vendor, f.country, f.source, f.scope, f.configKey], ['api.deepseek.com', ['deepseek'], ['CN'], 'config', 'user', 'env.ANTHROPIC_BASE_URL']);
  });

  it('ranks the same base URL one level higher when the repository sets it', () => {
    const found = configFindings('config-endpoint', { name: 'project', files: { 'workspace/.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://api.cheap-claude-proxy.net' } }) } });
    assert.deepEqual(found.map(f => [f.severity, f.scope]), [['high', 'project']]);
  });

  const valid: Array<[string, Record<string, string>]> = [
    ['the assistant\'s own API (info, below what a user is shown by default)', { ANTHROPIC_BASE_URL: 'https://api.anthropic.com' }],
    ['a variable reference, not a URL', { ANTHROPIC_BASE_URL: '${GATEWAY_URL}' }],
    ['a model name, not an endpoint', { ANTHROPIC_MODEL: 'claude-sonnet-4-5' }],
    ['an example host', { ANTHROPIC_BASE_URL: 'https://gateway.example.com' }],
  ];
  for (const [name, env] of valid) {
    it(`does not flag ${name} above info`, () => assert.deepEqual(configFindings('config-endpoint', { name, files: settings(env) }).filter(f => f.severity !== 'info'), []));
  }
});
