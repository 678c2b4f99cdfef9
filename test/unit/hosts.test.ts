import * as assert from 'node:assert/strict';
import { classifyHost, hostSeverity } from '../../src/core/net/hosts';
import { ipScope, isHostName, parseUrl } from '../../src/core/net/url';

const claude = ['anthropic'];

describe('host classification (shared with the strings pass over native binaries)', () => {
  it("tells the assistant's own vendor from another vendor", () => {
    assert.deepEqual([classifyHost('api.anthropic.com', claude).kind, classifyHost('api.anthropic.com', claude).own], ['vendor-api', true]);
    const other = classifyHost('dashscope.aliyuncs.com', claude);
    assert.equal(other.kind, 'vendor-api');
    assert.equal(other.own, false);
    assert.equal(other.service, 'alibaba');
    assert.equal(hostSeverity(classifyHost('api.anthropic.com', claude), true), 'info');
    assert.equal(hostSeverity(other, true), 'low');
    assert.equal(hostSeverity(other, false), 'info');
  });

  // Qoder CLI 1.0.12 (review 127): its API, tracking and test hosts were "third party".
  it("knows Qoder's own domains (qoder.sh, qoder.ai, qoder.com.cn) as Alibaba's", () => {
    for (const host of ['api2.qoder.sh', 'center.qoder.sh', 'daily.qoder.ai', 'gateway.qoder.com.cn', 'download.qoder.com']) {
      const c = classifyHost(host, ['alibaba']);
      assert.deepEqual([host, c.service, c.own], [host, 'alibaba', true]);
    }
    assert.equal(classifyHost('api2.qoder.sh', claude).own, false);
  });

  it("labels a company's general domain with the company, not its AI product, unless the host names the product", () => {
    const label = (h: string) => classifyHost(h, claude).label;
    // Claude Code's and Gemini CLI's fonts, storage and OAuth hosts were "Google (Gemini, Vertex AI)".
    assert.equal(label('fonts.googleapis.com'), 'Google, US (another vendor; not a Gemini, Vertex AI host)');
    assert.equal(label('storage.googleapis.com'), 'Google, US (another vendor; not a Gemini, Vertex AI host)');
    assert.equal(label('sts.amazonaws.com'), 'Amazon Web Services, US (another vendor; not a Bedrock, Q host)');
    assert.equal(label('help.aliyun.com'), 'Alibaba Cloud, CN (another vendor; not a Qwen, Tongyi, Lingma, Qoder host)');
    for (const h of ['ai.google.dev', 'generativelanguage.googleapis.com', 'us-central1-aiplatform.googleapis.com', '*-aiplatform.googleapis.com', 'aiplatform.us.rep.googleapis.com', '*.googleapis.com', 'cloudcode-pa.googleapis.com']) {
      assert.equal(label(h), 'Google (Gemini, Vertex AI), US (another vendor)', h);
    }
    assert.equal(label('bedrock-runtime.us-east-1.amazonaws.com'), 'Amazon (Bedrock, Q), US (another vendor)');
    assert.equal(label('token-plan.cn-beijing.maas.aliyuncs.com'), 'Alibaba (Qwen, Tongyi, Lingma, Qoder), CN (another vendor)');
    assert.equal(label('api.deepseek.com'), 'DeepSeek, CN (another vendor)');
    assert.equal(label('analytics.google.com'), 'Google telemetry');
    assert.equal(label('telemetry.anthropic.com'), 'Anthropic (Claude) telemetry, own vendor');
    // The class is the vendor's either way: policy, own-vendor checks and severities do not change.
    const fonts = classifyHost('fonts.googleapis.com', ['google']);
    assert.deepEqual([fonts.kind, fonts.own, fonts.service, hostSeverity(fonts, true)], ['vendor-api', true, 'google', 'info']);
  });

  it("classes an unknown company's host by a collector's name as telemetry, not other words (desktop-commander, review 49)", () => {
    const t = classifyHost('telemetry.desktopcommander.app', claude);
    assert.deepEqual([t.kind, t.own, t.label, hostSeverity(t, true)], ['telemetry', false, 'a collector, by its host name', 'medium']);
    assert.equal(classifyHost('analytics.example-tool.dev', claude).kind, 'telemetry');
    for (const h of ['events.example-calendar.com', 'logs.example-tool.dev', 'api.telemetry-example.com', 'mytelemetry.example-tool.dev']) assert.equal(classifyHost(h, claude).kind, 'third-party', h);
  });

  it('puts telemetry before vendor, with own-vendor telemetry lower', () => {
    const dd = classifyHost('http-intake.logs.us5.datadoghq.com', claude);
    assert.equal(dd.kind, 'telemetry');
    assert.equal(hostSeverity(dd, false), 'medium');
    const clearcut = classifyHost('play.googleapis.com', ['google']);
    assert.deepEqual([clearcut.kind, clearcut.own, hostSeverity(clearcut, true)], ['telemetry', true, 'low']);
    assert.equal(classifyHost('statsig.anthropic.com', claude).own, true);
    // Application Insights' Live Metrics host (Copilot CLI 0.1.36), not a third party.
    assert.equal(classifyHost('rt.services.visualstudio.com', claude).kind, 'telemetry');
  });

  it('ranks raw IPs by where they route', () => {
    assert.equal(hostSeverity(classifyHost('203.0.113.9', claude), false), 'high');
    assert.equal(hostSeverity(classifyHost('1.1.1.1', claude), true), 'low');
    assert.equal(hostSeverity(classifyHost('169.254.169.254', claude), false), 'medium');
    assert.equal(classifyHost('10.1.2.3', claude).scope, 'private');
    assert.equal(classifyHost('127.0.0.1', claude).kind, 'localhost');
    assert.equal(classifyHost('[::1]', claude).kind, 'localhost');
    assert.equal(classifyHost('localhost', claude).kind, 'localhost');
    assert.equal(ipScope('999.1.1.1'), undefined);
    // IPv6: only 2000::/3 is routed on the internet (proxy-from-env's tests use [::2], review 47).
    assert.equal(ipScope('2606:4700:4700::1111'), 'public');
    for (const ip of ['::2', 'fc00::1', 'fd12::1', '2001:db8::1', 'ff02::1', '100::1']) assert.equal(ipScope(ip), 'private', ip);
    assert.equal(ipScope('fe80::1'), 'link-local');
    assert.equal(ipScope('::ffff:10.0.0.1'), 'private');
    assert.equal(ipScope('::ffff:8.8.4.4'), 'public');
    // The same addresses as WHATWG URL writes them, and through NAT64.
    assert.equal(ipScope('::ffff:808:808'), 'public');
    assert.equal(ipScope('64:ff9b::808:808'), 'public');
    assert.equal(ipScope('64:ff9b::a00:1'), 'private');
    // Public resolvers that connectivity checks ping, in and outside China: low, not a raw-IP high.
    for (const ip of ['149.112.112.112', '208.67.220.220', '94.140.14.14', '114.114.114.114', '223.5.5.5', '119.29.29.29', '180.76.76.76']) {
      assert.equal(classifyHost(ip, claude).service, 'resolver', ip);
      assert.equal(hostSeverity(classifyHost(ip, claude), true), 'low', ip);
    }
  });

  it('classifies partly computed hosts by their literal tail, and wholly computed ones as dynamic', () => {
    assert.equal(classifyHost('*-aiplatform.googleapis.com', claude).service, 'google');
    assert.equal(classifyHost('bedrock-runtime.*.amazonaws.com', claude).service, 'amazon');
    assert.equal(classifyHost('*', claude).kind, 'dynamic');
    assert.equal(classifyHost('api-*', claude).kind, 'dynamic');
  });

  it('does not report example, reserved and namespace hosts', () => {
    for (const h of ['example.com', 'api.example.org', 'foo.test', 'www.w3.org', 'json-schema.org', 'in-memory']) assert.equal(classifyHost(h, claude).kind, 'reserved', h);
  });

  it('parses whole-string URLs only', () => {
    assert.deepEqual(parseUrl('https://user:pw@Api.X.io:8443/v1?q#f'), { scheme: 'https', host: 'api.x.io', credentials: true });
    assert.deepEqual(parseUrl('http://[fd00:ec2::254]/latest'), { scheme: 'http', host: '[fd00:ec2::254]', credentials: false });
    // The first piece of a split string ('http://0.0' + '.0.0:5432') is no URL.
    assert.equal(parseUrl('http://0.0'), undefined);
    assert.equal(parseUrl('http://0.0.0.0:5432')?.host, '0.0.0.0');
    assert.equal(parseUrl('see https://x.io for more'), undefined);
    assert.equal(parseUrl('https://...'), undefined);
    assert.equal(parseUrl('file:///etc/passwd'), undefined);
    assert.ok(isHostName('api.x.io') && isHostName('10.0.0.1') && !isHostName('index.js2') && !isHostName('x'));
  });
});
