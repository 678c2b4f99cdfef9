import * as assert from 'node:assert/strict';
import { networkEndpoint } from '../../../src/core/rules/network-endpoint';
import { runRuleTable, scanWith } from '../../helpers/ruleTester';
import { stringTable, TABLE_STRINGS } from '../../helpers/hiddenFixtures';

const anthropic = { ownVendors: ['anthropic'] };

runRuleTable(networkEndpoint, {
  invalid: [
    {
      name: 'one host the same way in many places (a model table) is one finding with the other places related',
      code: 'const models={a:{baseUrl:"https://openrouter.ai/api",id:1},b:{baseUrl:"https://openrouter.ai/api",id:2},c:{baseUrl:"https://openrouter.ai/api",id:3},d:{baseUrl:"https://openrouter.ai/api",id:4},e:{baseUrl:"https://openrouter.ai/api",id:5}}',
      at: ['"https'],
      target: anthropic,
      message: /^Request target openrouter\.ai: .*, in 5 places of this file$/,
    },
    { name: 'three times is still three findings', code: 'f("https://x.example-cdn.net/a");f("https://x.example-cdn.net/b");f("https://x.example-cdn.net/c")', at: ['"https', '"https', '"https'], message: /^URL x\.example-cdn\.net/ },
    { name: 'a URL given to a module function that is not a network call is only named (info)', code: 'import{join as j}from"node:path";j("https://third.party.io/x",y)', at: ['"https'], severity: 'info', message: /^URL/ },
    { name: "the assistant's own API as a fetch target (info)", code: 'fetch("https://api.anthropic.com/v1/messages",o)', at: ['"https://api.anthropic.com'], target: anthropic, severity: 'info', evidence: ['host api.anthropic.com'], message: /own vendor/ },
    { name: 'another vendor as a baseURL option (low)', code: 'new C({baseURL:"https://api.deepseek.com/v1"})', at: ['"https'], target: anthropic, severity: 'low', evidence: ['host api.deepseek.com'], message: /DeepSeek/ },
    { name: 'a third-party telemetry host anywhere (medium)', code: 'var oE_="https://http-intake.logs.us5.datadoghq.com/api/v2/logs"', at: ['"https'], severity: 'medium', evidence: ['host http-intake.logs.us5.datadoghq.com'], message: /Datadog/ },
    { name: 'a raw public IP (high)', code: 'q.head("http://203.0.113.9:8080/x")', at: ['"http'], severity: 'high', evidence: ['host 203.0.113.9'] },
    { name: 'a public DNS resolver used for a connectivity check (low)', code: 'await q.head("http://1.1.1.1",{signal:s})', at: ['"http'], severity: 'low', message: /Cloudflare/ },
    { name: 'the cloud metadata address (medium)', code: 'I3.HOST_ADDRESS="http://169.254.169.254"', at: ['"http'], severity: 'medium', message: /metadata/ },
    { name: 'a template literal with a literal host', code: 'fetch(`https://api.github.com/repos/${o}/${r}`)', at: ['`https'], evidence: ['host api.github.com'] },
    // GitHub's REST API is not an AI vendor's API (it was labelled Microsoft, another vendor, in every assistant that checks releases).
    { name: "GitHub's REST API is a third party, Copilot's API an AI vendor", code: 'fetch("https://api.github.com/repos/o/r/releases/latest");fetch("https://api.githubcopilot.com/chat/completions")', at: ['"https://api.github.com', '"https://api.githubcopilot'], allEvidence: ['class '], message: /^Request target api\.github(?:\.com: .*third party|copilot\.com: Microsoft)/ },
    { name: 'a partly computed host keeps its literal part as a glob', code: 'u=`https://${region}-aiplatform.googleapis.com/v1`', at: ['`https'], evidence: ['host *-aiplatform.googleapis.com'], message: /Google/ },
    { name: 'a host computed at run time (info)', code: 'x=new URL(`http://${t}`)', at: ['`http'], severity: 'info', evidence: ['host *'] },
    { name: 'a bare host given as hostname and to net.connect', code: 'const net=require("net");h.request({hostname:"api.example.io",port:443});net.connect(443,"10.0.0.5")', at: ['"api.example.io"', '"10.0.0.5"'], evidence: ['host api.example.io', 'host 10.0.0.5'] },
    {
      name: 'a host in options that flow into https.request through a variable is requested',
      code: 'const https=require("https");const o={host:"upd.example-cdn.net",path:"/v"};https.request(o,cb)',
      at: ['"upd.example-cdn.net"'],
      message: /^Request target upd\.example-cdn\.net/,
      host: 'upd.example-cdn.net',
    },
    {
      // Qwen Code 0.24.4's usage statistics: the host is a module constant, the options spread into the request.
      name: "a request's hostname option bound to a module constant, its options spread into https.request, is a request target",
      code: 'import https from"https";var USAGE_STATS_HOSTNAME="gb4w8c3ygj-default-sea.rum.aliyuncs.com";var USAGE_STATS_PATH="/";class L{async flush(b){const options={hostname:USAGE_STATS_HOSTNAME,path:USAGE_STATS_PATH,method:"POST"};const req=https.request({...options,agent:this.agent},r=>r.resume());req.end(b)}}',
      at: ['"gb4w8c3ygj'],
      message: /^Request target gb4w8c3ygj-default-sea\.rum\.aliyuncs\.com: Alibaba .*telemetry/,
      host: 'gb4w8c3ygj-default-sea.rum.aliyuncs.com',
    },
    {
      name: 'a host-like text in other options of a request (a path, a header) is not its host',
      code: 'import https from"https";const H="api.example-host.io";function f(){return https.request({hostname:H,path:"/status.json",headers:{"x-client":"cli.example.dev"}})}',
      at: ['"api.example-host.io"'],
      host: 'api.example-host.io',
    },
    {
      // Claude Code 2.1.112: a telemetry event names the host its download came from; the host is data, not a target.
      name: 'a host: property of an object that never reaches a request is a host name, not a request target',
      code: 'function d(e,p){q.push([e,p])}try{await g()}finally{d("tengu_plugin_remote_fetch",{source:"marketplace_gcs",host:"downloads.claude.ai",is_official:!0})}',
      at: ['"downloads.claude.ai"'],
      target: anthropic,
      message: /^Host name downloads\.claude\.ai: /,
      host: undefined,
    },
    { name: 'credentials and port are not part of the host', code: 'var a="https://key@o45.ingest.us.sentry.io:443/12"', at: ['"https'], evidence: ['host o45.ingest.us.sentry.io'] },
    { name: 'a third-party link that is not requested (info)', code: 'log("see", "https://github.com/anthropics/claude-code/issues")', at: ['"https'], severity: 'info' },
  ],
  valid: [
    { name: 'the hosts of a string table, summed up once by encoded-list', code: stringTable(TABLE_STRINGS) },
    { name: 'a URL inside a sentence (a message, not an endpoint)', code: 'throw Error("Download it from https://example.io/get and retry")' },
    { name: 'XML namespaces and JSON schema ids', code: 'a="http://www.w3.org/2000/svg";b={$schema:"http://json-schema.org/draft-07/schema#"}' },
    { name: 'example and reserved domains', code: 'fetch("https://api.example.com/v1");fetch("http://foo.test/")' },
    { name: 'a URL-looking string with no host shape', code: 'x="https://...";y="http://"' },
    { name: 'a bare host-like string that is not given to a connect call', code: 'name="api.example.io";file="index.js"' },
  ],
});

describe('network-endpoint: one finding for many places', () => {
  it('says how many places it stands for in `places`, and relates the first 20', () => {
    const entries = Array.from({ length: 25 }, (_, i) => `m${i}:{baseUrl:"https://openrouter.ai/api/v1",id:${i}}`).join(',');
    const found = scanWith([networkEndpoint], `const models={${entries}}`, { ownVendors: ['anthropic'] });
    assert.equal(found.length, 1);
    assert.equal(found[0].places, 25);
    assert.equal(found[0].related.length, 20);
    assert.equal(found[0].count, undefined, 'count is for the same span reported twice, not for many places');
  });
});
