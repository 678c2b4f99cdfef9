import { networkCall } from '../../../src/core/rules/network-call';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(networkCall, {
  invalid: [
    { name: 'a request through a module handed to a helper, the last call of the file', code: 'const https=require("https");main();function main(){dl(https,"https://x.example.com/a")}function dl(h,u){return h.get(u)}', at: ['h.get'] },
    // Claude Code 1.0.128 (review 74): its updater's bundled axios instance, given URLs held in parameters.
    { name: "a get or post given options only an HTTP client takes, the URL held in a parameter (a bundled axios instance)", code: 'var E2=Ha({});async function z(A){return E2.get(A,{timeout:3e5,responseType:"arraybuffer"})}async function p(u,b){return E2.post(u,b,{validateStatus:()=>true})}', at: ['E2.get', 'E2.post'] },
    // Kimi Code 2.0.2 (review 68): fetch injectable for tests, the global one by default.
    // Kilo Code 7.7.9 (review 98): gitlab-ai-provider's clients keep fetch in a field; their requests were not seen.
    { name: "a class field that falls back to the global fetch (this.fetchFn = o.fetch ?? fetch) is fetch where a method calls it", code: 'class C{constructor(o){this.fetchFn=o.fetch??fetch}get(p){return this.fetchFn(`https://gitlab.example.com/api/v4/projects/${p}`)}}', at: ['this.fetchFn(`'], severity: 'info', message: /HTTP request/ },
    // Qwen Code 0.24.4 (9-package diff of the code review's fix): esbuild writes classes as `var X = class { … }`.
    { name: 'the same field in a class expression bound to a name, with another class setting its own field of that name', code: 'var Up=class{fetchFn;constructor(o){this.fetchFn=o.fetchFn??fetch}up(u){return this.fetchFn(u)}};var Other=class{constructor(){this.fetchFn=null}};module.exports={Up,Other}', at: ['this.fetchFn(u)'], severity: 'info', message: /HTTP request/ },
    // Kimi Code 0.35.0 (review 106): its telemetry and search clients keep `globalThis.fetch.bind(globalThis)`, and hand the field to a timeout helper.
    { name: 'a class field falling back to a bound global fetch is fetch', code: 'class B{constructor(o){this.fetchImpl=o.fetchImpl??globalThis.fetch.bind(globalThis)}post(p){return this.fetchImpl("https://telemetry.example.com/v1/event",{method:"POST",body:p})}}', at: ['this.fetchImpl("'], severity: 'info', message: /HTTP request/ },
    { name: "a helper's parameter that a caller gives the global fetch (a field falling back to it, a default, or fetch itself)", code: 'async function withTimeout(fetchImpl,url){return await fetchImpl(url,{signal:AbortSignal.timeout(5e3)})}class C{constructor(o){this.fetchImpl=o.fetchImpl??fetch}post(){return withTimeout(this.fetchImpl,"https://telemetry.example.com/e")}}async function latest(fetchImpl=fetch){return withTimeout(fetchImpl,"https://cdn.example.com/latest")}function load(get,u){return get(u,{method:"GET"})}load(fetch,"https://a.example.com/x")', at: ['fetchImpl(url', 'get(u,'], severity: 'info', message: /HTTP request/ },
    { name: 'a fetch given as a parameter default or as the fallback of ?? is the global fetch (info)', code: 'async function m(v,fetchImpl=fetch){return fetchImpl(`https://cdn.example.com/${v}/m.json`)}async function s(o){const fetchImpl=o.fetchImpl??fetch;return fetchImpl("https://cdn.example.com/a.bin")}', at: ['fetchImpl(`', 'fetchImpl("'], severity: 'info', message: /HTTP request/ },
    {
      name: "a module given as a parameter's default, plain or destructured (Codebuff's http.js: injected in tests, https otherwise)",
      code: 'const https=require("https");function a({env=process.env,httpsModule=https}={},u){return httpsModule.request(u)}function b(u,h=https){return h.get(u)}function c(h,u){return h.request(u)}',
      at: ['httpsModule.request', 'h.get'],
      allEvidence: ['call https.'],
    },
    { name: 'a bundled HTTP client posting to a path under a computed base', code: 'A=await Z1.post(`${Y}/api/auth/trusted_devices`,{d:1},{headers:h})', at: ['Z1.post'], allEvidence: ['call .post(url)'] },
    { name: 'a client get of a literal URL', code: 'c.get("https://api.x.io/v1/me")', at: ['c.get'], allEvidence: ['host api.x.io'] },
    { name: 'global fetch with a literal URL', code: 'async function f(){return fetch("https://api.x.io/v1")}', at: ['fetch('], severity: 'info', allEvidence: ['call fetch', 'host api.x.io'] },
    { name: 'https.request through require', code: 'const h=require("https");h.request({host:"x"})', at: ['h.request'], evidence: ['call https.request'] },
    { name: 'an esbuild createRequire alias (d6("https"))', code: 'import{createRequire as c}from"node:module";var d6=c(import.meta.url);function f(){var L=d6("https");return L.get(u)}', at: ['L.get'], evidence: ['call https.get'] },
    // Next.js's amphtml-validator (in @byterover/cipher 0.3.0): the module picked by the URL's scheme.
    { name: 'http or https chosen by a condition', code: 'const o=require("http"),i=require("https");function get(e){const s=e.startsWith("http://")?o:i;return s.request(e,{})}', at: ['s.request'], evidence: ['call http.request'] },
    { name: 'a named import of request', code: 'import{request as r}from"node:http";r(o)', at: ['r(o)'], evidence: ['call http.request'] },
    { name: 'destructured net.connect and tls.connect', code: 'const{connect:c}=require("net");c(1);require("tls").connect({})', at: ['c(1)', 'require("tls")'] },
    { name: 'dns lookups through dns/promises', code: 'import{lookup as l}from"dns/promises";await l("x.io")', at: ['l("x.io")'], evidence: ['call dns.promises.lookup'] },
    { name: 'WebSocket, EventSource and XMLHttpRequest', code: 'new WebSocket("wss://a.io");new EventSource(u);new XMLHttpRequest()', at: ['new WebSocket', 'new EventSource', 'new XMLHttpRequest'] },
    { name: 'axios and node-fetch when their import is visible', code: 'import a from "axios";import nf from "node-fetch";a.post(u,b);nf(u)', at: ['a.post', 'nf(u)'] },
    { name: 'an instance of axios, got or ky made by its factory (axios.create, got.extend): the same request methods', code: 'import axios from"axios";import got from"got";var c=axios.create({});function d(u,o){return c.get(u,o)}const g=got.extend({prefixUrl:u});g.post("x")', at: ['c.get', 'g.post'], message: /^(axios|got) request/ },
    // Mastra (review 58): the telemetry client behind a lazy getter that returns null when disabled.
    { name: "an analytics SDK client's events (new PostHog(key).capture, Segment's track)", code: 'import{PostHog}from"posthog-node";import{Analytics as A}from"@segment/analytics-node";let c=null;function get(){if(process.env.OFF)return null;if(!c)c=new PostHog(K,{host:H});return c}function e(n,p){const ph=get();if(!ph)return;ph.capture({event:n,properties:p})}const s=new A({writeKey:W});s.track({event:"x"})', at: ['ph.capture', 's.track'], message: /^analytics event/ },
    { name: 'an interop-wrapped require (__toESM)', code: 'var h=__toESM(require("http"));h.default.get(u)', at: ['h.default.get'] },
    // Mastra's .cjs build (rolldown): the require, then the same name wrapped by the runtime's helper.
    { name: "rolldown's CommonJS import: a require, then the name wrapped by require_runtime.__toESM", code: '"use strict";const require_runtime=require("./runtime.cjs");let ws=require("ws");ws=require_runtime.__toESM(ws,1);function c(u){return new ws.default(u)}exports.c=c;', at: ['new ws.default'] },
    { name: 'sendBeacon', code: 'navigator.sendBeacon("/log",d)', at: ['navigator'] },
    { name: 'the global WebSocket through globalThis or window', code: 'new globalThis.WebSocket("wss://a.io/s");new window.EventSource(u)', at: ['new globalThis', 'new window'] },
    {
      name: "a message sent on a WebSocket (Amp's thread socket): the send is a request carrying its data, to the socket's host when one is spelled",
      code: 'const W=require("ws");function open(u){const s=new W(u);s.on("open",()=>s.send(hello()));return s}\nconst g=new WebSocket("wss://a.io/s");g.onopen=()=>g.send(JSON.stringify(m));class C{start(){this.ws=new WebSocket("wss://b.io/x")}say(t){this.ws.send(t)}}',
      at: ['new W(u)', 's.send', 'new WebSocket("wss://a.io', 'g.send', 'new WebSocket("wss://b.io', 'this.ws.send'],
      severity: 'info',
    },
  ],
  valid: [
    { name: "a helper's parameter its callers give their own functions, or a local fetch, is not fetch", code: 'function withRetry(fn,x){return fn(x,{method:"GET"})}function go(){return withRetry(y=>y+1,"https://a.example.com")}function run(cb){return cb("https://example.com/a",{headers:{}})}run(console.log);function local(fetch){return run(fetch)}' },
    { name: 'a class field that may hold something else than fetch is not fetch', code: 'class C{constructor(o){this.fetchFn=o.fetch??fetch}reset(){this.fetchFn=o.stub}get(p){return this.fetchFn(p)}}' },
    { name: 'a class field an instance outside the class sets is not fetch', code: 'class C{constructor(o){this.fetchFn=o.fetch??fetch}get(p){return this.fetchFn(p)}}const c=new C({});c.fetchFn=globalThis.myStub;module.exports=c' },
    { name: 'a cache or map get given a key and everyday options', code: 'const v=cache.get(key,{timeout:100});const w=store.get(k,{default:1})' },
    { name: "another module's create() is no client instance", code: 'import v from"vm";import a from"axios";var c=v.create({});c.get("x");var i=a.interceptors;i.request.use(f)' },
    { name: 'a condition choosing between a network module and another', code: 'const f=require("fs"),h=require("https");(x?f:h).request(u)' },
    { name: 'map and cache calls with path-like keys', code: 'cache.get(`${d}/file`);m.delete(`${k}/x`);s.post(1)' },
    { name: 'a local function named fetch', code: 'function f(){const fetch=load;return fetch(x)}' },
    // Qwen Code 0.24.4's protobufjs (Root.load): its own fetch reads .proto files, declared after the function that calls it.
    { name: 'a function named fetch declared further down in the same function', code: 'Root.prototype.load=function load(filename){var self2=this;function process2(name,source){if(source.imports)fetch(source.imports[0],false)}function fetch(name,weak){self2.fetch(name,function(err,src){process2(name,src)})}fetch(filename)}' },
    { name: "the fetch method of a local named self or window (`var self = this`), not the global's", code: 'function L(){var self=this;self.fetch(u)}function M(window){return window.fetch(u)}' },
    { name: 'get on an object that is not an http module', code: 'map.get(k);cache.request(x);store.connect()' },
    { name: 'fs calls', code: 'require("fs").readFile(p)' },
    { name: 'the word in a string', code: 'log("fetch https.request net.connect")' },
    { name: 'send on what is not a WebSocket (an HTTP response, a child process, a local named WebSocket)', code: 'app.get("/",(q,r)=>r.send("ok"));process.send({a:1});const c=require("child_process").fork("w.js");c.send(1);function f(WebSocket){const s=new WebSocket(u);s.send(1)}' },
  ],
});
