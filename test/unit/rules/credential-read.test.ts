import * as assert from 'node:assert/strict';
import { credentialRead } from '../../../src/core/rules/credential-read';
import { productNames } from '../../../src/core/scan/target';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(credentialRead, {
  invalid: [
    // Claude Code 1.0.25 (review 69): its keychain service made by a helper from a module constant.
    { name: "the assistant's own keychain service made from a module constant in a helper's template (info)", code: 'const{execSync}=require("child_process");var PRODUCT="Claude Code";function serviceName(A=""){let I=process.env.X?"-x":"";return `${PRODUCT}${A}${I}`}function read(){let A=serviceName("-credentials");return execSync(`security find-generic-password -a $USER -w -s "${A}"`)}', at: ['`security'], target: { ownVendors: ['anthropic'], ownNames: ['claude code'] }, severity: 'info', allEvidence: ['service Claude Code*'] },
    // claude-agent-sdk 0.3.337's Claude Code (review 70): the sandbox makes sure files exist before mounting them; a watcher names which file changed.
    { name: 'credential files opened to append and closed at once in a loop, with the mkdir of their folder (info)', code: 'import{dirname as dn}from"path";async function m(home){const{mkdir:mk,open:op}=await import("fs/promises");for(const p of[`${home}/.gitconfig`,`${home}/.netrc`,`${home}/.npmrc`])try{await mk(dn(p),{recursive:true});await(await op(p,"a")).close()}catch{}}', at: ['`${home}/.netrc`', '`${home}/.npmrc`'], severity: 'info', message: /^Creates a credential file if it is missing, reading nothing/ },
    { name: 'a path only compared in a predicate, spelled in place or by value (low)', code: 'import{join as ee}from"path";import{homedir}from"os";function c(k){const gh=process.env.GH_CONFIG_DIR||ee(homedir(),".config","gh");const t=[["hosts",U=>U===ee(gh,"hosts.yml")],["netrc",U=>{return U!==ee(homedir(),".netrc")&&!!U}]];return t.find(([,f])=>f(k))}', at: ['ee(gh', 'ee(homedir(),".netrc")'], severity: 'low', message: /^Compares a path with a credential location/ },
    { name: 'a loop that reads the files it names, and a comparison whose path is then read, stay medium', code: 'const fs=require("fs");for(const p of[`${h}/.netrc`])fs.readFileSync(p);function g(q){if(q===`${h}/.pypirc`)return fs.readFileSync(q)}', at: ['`${h}/.netrc`', '`${h}/.pypirc`'], severity: 'medium' },
    { name: "git's credential helper run through a wrapper with its words as a list (Auggie 0.25.2)", code: 'async function t(c){return run("git",["credential","fill"],c,"host=github.com\\n\\n")}', at: ['run('], severity: 'medium', message: /git credential helper/ },
    // Claude Code 2.1.250 (review 92): protected save-as names, the SSH key names spread into a list that is tidied, made a Set and only asked .has().
    { name: 'a list spread into another that is tidied (.map(n => n.toLowerCase())) and made a Set only asked .has() is a deny list', code: 'const SHELL=[".zshrc"];const SSH=["authorized_keys","id_rsa","id_ed25519"];function base(p){return p.slice(p.lastIndexOf("/")+1)}const PROTECTED=new Set([...SHELL.map(base),...SSH].map((n)=>n.toLowerCase()));function isProtected(n){return PROTECTED.has(n.trim().toLowerCase())}function check(name){if(name!==null&&isProtected(name))return{allowed:false};return{allowed:true}}module.exports={check}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'info' },
    // claude-flow 3.43.0 (review 100): a path validator keeps its blocked names in an option (`config.blockedNames ?? DEFAULT`), also given as `[...DEFAULT, x]` to its constructor.
    { name: 'a list kept as an option of a class and only asked .includes() where the option is read is a deny list', code: 'const path=require("path");const DEFAULT_BLOCKED=["id_rsa","id_ed25519"];class V{constructor(config){this.config={prefixes:config.prefixes,blockedNames:config.blockedNames??DEFAULT_BLOCKED}}validate(p){if(this.config.blockedNames.includes(path.basename(p)))return["blocked"];return this.config.prefixes}}function full(root){return new V({prefixes:[root],blockedNames:[...DEFAULT_BLOCKED,"node_modules"]})}module.exports={full,V}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'info' },
    // The code review of this change: the option is opened where the class's `this.config` reads do not show it.
    { name: 'an option kept by a class but taken out of this (const { config } = this) and opened is no deny list', code: 'const fs=require("fs");const DEFAULT_BLOCKED=["id_rsa","id_ed25519"];class V{constructor(config){this.config={blockedNames:config.blockedNames??DEFAULT_BLOCKED}}check(p){return this.config.blockedNames.includes(p)}load(){const{config}=this;return config.blockedNames.map(n=>fs.readFileSync(n))}}module.exports={V}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'medium' },
    { name: 'an option kept by a class and opened on an instance outside it is no deny list', code: 'const fs=require("fs");const DEFAULT_BLOCKED=["id_rsa","id_ed25519"];class V{constructor(config){this.config={blockedNames:config.blockedNames??DEFAULT_BLOCKED}}check(p){return this.config.blockedNames.includes(p)}}const v=new V({});module.exports=v.config.blockedNames.map(n=>fs.readFileSync(n))', at: ['"id_rsa"', '"id_ed25519"'], severity: 'medium' },
    { name: 'an option kept by a class and opened by a subclass is no deny list', code: 'const fs=require("fs");const DEFAULT_BLOCKED=["id_rsa","id_ed25519"];class V{constructor(config){this.config={blockedNames:config.blockedNames??DEFAULT_BLOCKED}}check(p){return this.config.blockedNames.includes(p)}}class S extends V{load(){return this.config.blockedNames.map(n=>fs.readFileSync(n))}}module.exports={S}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'medium' },
    { name: 'the same option read to open each file is no deny list', code: 'const fs=require("fs");const DEFAULT_BLOCKED=["id_rsa","id_ed25519"];class V{constructor(config){this.config={blockedNames:config.blockedNames??DEFAULT_BLOCKED}}load(){return this.config.blockedNames.map(n=>fs.readFileSync(n))}}module.exports={V}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'medium' },
    { name: 'the same list mapped through a callback that reads each file is no deny list', code: 'const fs=require("fs"),os=require("os");const SSH=["id_rsa","id_ed25519"];const ALL=new Set([...SSH].map((n)=>fs.readFileSync(n,"utf8")));function has(k){return ALL.has(k)}module.exports={has}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'medium' },
    // Kimi Code 2.0.2 (review 68): a prefix deny list set in a lazy initialiser, each element compared and its length read.
    { name: 'a deny list of prefixes whose elements are compared and measured', code: 'function isSensitive(p){const n=p.split("/").pop();for(const prefix of SENSITIVE_PREFIXES){if(n===prefix)return true;if(n.length>prefix.length&&n.startsWith(prefix))return true}return false}var SENSITIVE_PREFIXES;var init=()=>{SENSITIVE_PREFIXES=["id_rsa","id_ed25519"]};module.exports=function(p){init();if(isSensitive(p))throw new Error("blocked")}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'info' },
    { name: "its own vendor's cloud credentials (gcloud in a Google tool) are info", code: 'const p=require("path");f(p.join(l,"gcloud","application_default_credentials.json"))', at: ['p.join'], target: { ownVendors: ['google'] }, severity: 'info' },
    { name: "another vendor's cloud credentials are low, not high", code: 'const p=require("path");f(p.join(l,"gcloud","application_default_credentials.json"))', at: ['p.join'], target: { ownVendors: ['anthropic'] }, severity: 'low' },
    { name: 'a path join to ~/.aws/credentials (configuration read by credential chains: low)', code: 'const p=require("path"),o=require("os");f(p.join(o.homedir(),".aws","credentials"))', at: ['p.join'], severity: 'low', evidence: ['path ~/.aws/credentials'] },
    { name: 'SSH private keys as a template and a literal (medium)', code: 'r(`${h}/.ssh/id_rsa`);r("/home/u/.ssh/id_ed25519")', at: ['`', '"/home'], severity: 'medium' },
    { name: 'the SSH directory (low)', code: 'const p=require("path");ro.push(p.join(home,".ssh"))', at: ['p.join'], severity: 'low' },
    { name: '.netrc, .npmrc and .git-credentials', code: 'a=h+"/.netrc";b="~/.npmrc";c=`${h}/.git-credentials`', at: ['"/.netrc"', '"~/.npmrc"', '`'] },
    { name: 'browser profile data', code: 'x="Library/Application Support/Google/Chrome/Default/Login Data"', at: ['"Library'] },
    { name: 'a Firefox cookie jar', code: 'y=`${h}/.mozilla/firefox/${p}/cookies.sqlite`', at: ['`'] },
    { name: "~/.ssh is never the assistant's own, whatever the call around it names", code: 'const p=require("path");claudeSync(p.join(home,".ssh","id_ed25519"))', at: ['p.join'], target: { ownVendors: ['anthropic'] }, severity: 'medium', message: /^Names a credential location: SSH private key$/ },
    { name: "another assistant's key store (high)", code: 'readFile(`${home}/.codex/auth.json`)', at: ['`'], severity: 'high', message: /another assistant/ },
    // Cline 2.18.0 (review 66) imports OpenCode's API keys from its data folder, looked up under $XDG_DATA_HOME and ~/.local/share.
    // Augment's SDK 0.1.15 (review 102): auggie's login token and tenant URL.
    { name: "Augment Code's session file is another assistant's key store (high); Augment's own code reading it is its own (info)", code: 'const{readFile}=require("fs/promises"),{homedir}=require("os"),{join}=require("path");readFile(join(homedir(),".augment","session.json"),"utf8")', at: ['join(homedir()'], severity: 'high', message: /Augment Code credentials \(~\/\.augment\/session\.json\)/ },
    { name: "Augment Code's session file read by Augment's own code (info)", code: 'const{readFile}=require("fs/promises"),{homedir}=require("os"),{join}=require("path");readFile(join(homedir(),".augment","session.json"),"utf8")', at: ['join(homedir()'], severity: 'info', target: { ownVendors: ['augment'] } },
    { name: "OpenCode's key store in its data folder, found through a helper's list of folders (high)", code: 'const P=require("path"),F=require("fs"),Q=require("os");function dirs(){let h=Q.homedir(),o=[];return process.env.XDG_DATA_HOME&&o.push(P.join(process.env.XDG_DATA_HOME,"opencode")),o.push(P.join(h,".local","share","opencode")),o}function find(){for(let d of dirs()){let p=P.join(d,"auth.json");if(F.existsSync(p))return p}}F.readFileSync(find(),"utf8")', at: ['P.join(d'], severity: 'high', message: /OpenCode credentials/ },
    { name: "GitHub Copilot CLI's token files, through a module constant (high in another assistant, info in its own)", code: 'const P=require("path"),O=require("os"),H=".copilot-cli-access-token";function t(){return read(P.join(O.homedir(),H))}r(`${h}/.copilot-cli-copilot-token`)', at: ['".copilot', 'P.join', '`'], severity: 'high', message: /GitHub Copilot CLI tokens/ },
    { name: "the assistant's own key store (info)", code: 'readFile(`${home}/.claude/.credentials.json`)', at: ['`'], target: { ownVendors: ['anthropic'] }, severity: 'info' },
    // Found reviewing the Claude Agent SDK 0.3.337: the directory joined in one step, the file in another (was not reported).
    {
      name: "another assistant's key store joined in two steps (a local, a module constant, an env override with a default, a caller's argument) is high, the first step related",
      code: 'const P=require("path"),O=require("os"),F=require("fs");const D=P.join(O.homedir(),".codex");function a(){const d=P.join(O.homedir(),".codex");return F.readFileSync(P.join(d,"auth.json"))}function b(){return F.readFileSync(P.join(D,"auth.json"))}function c(){const d=process.env.CODEX_HOME??P.join(O.homedir(),".codex");return F.readFileSync(P.join(d,"auth.json"))}function r(d){return F.readFileSync(P.join(d,"auth.json"))}r(P.join(O.homedir(),".codex"))',
      at: ['P.join(d,"auth.json"))}function b', 'P.join(D', 'P.join(d,"auth.json"))}function r', 'P.join(d,"auth.json"))}r('],
      severity: 'high',
      evidence: ['path ~/.codex/auth.json', 'path ~/.codex/auth.json', 'path ~/.codex/auth.json', 'path ~/.codex/auth.json'],
      related: ['part of the path is spelled here'],
    },
    {
      name: "its own key store joined in two steps is info",
      code: 'const P=require("path"),O=require("os");function a(b){const v=b??P.join(O.homedir(),".claude");return read(P.join(v,".credentials.json"))}',
      at: ['P.join(v'],
      target: { ownVendors: ['anthropic'] },
      severity: 'info',
    },
    // The Claude Agent SDK 0.3.336 and Claude Code: the keychain service built by a helper in the caller.
    {
      name: "a keychain service name followed to the helper that builds it: the assistant's own entry (info)",
      code: 'const{execFile:ea}=require("child_process");function Fs(t){return`Claude Code${N().SUFFIX}${t}`}function qs(t){return ea("security",["find-generic-password","-a",zs(),"-w","-s",t])}async function r(){let t=Fs("-credentials");return qs(t)}',
      at: ['"find-generic-password"'],
      target: { ownVendors: ['anthropic'] },
      severity: 'info',
      allEvidence: ['service Claude Code*'],
    },
    {
      name: "another vendor's keychain entry, followed the same way, is medium and says which service",
      code: 'const{execFile:ea}=require("child_process");function Fs(t){return`Claude Code${N().SUFFIX}${t}`}function qs(t){return ea("security",["find-generic-password","-a",zs(),"-w","-s",t])}async function r(){return qs(Fs("-credentials"))}',
      at: ['"find-generic-password"'],
      target: { ownVendors: ['github'] },
      severity: 'medium',
      allEvidence: ['service Claude Code*'],
    },
    { name: 'a keychain read as command arguments', code: 'w1("security",["find-generic-password","-a",u,"-w","-s",q])', at: ['"find'], severity: 'medium' },
    { name: 'a keytar-style secret store read', code: 'await k.getPassword("openai","default")', at: ['k.get'], evidence: ['keychain service openai'] },
    // @smithery/cli 4.11.1 (review 40): the service is a constant of the file.
    {
      name: 'a keytar-style read whose service is a constant',
      code: 'var fh;fh="smithery";async function r(e,t){return e.getPassword(fh,K8(t))}',
      at: ['e.getPassword'],
      severity: 'medium',
      message: /^Reads a secret from the system keychain \(getPassword\("smithery", …\)\)$/,
    },
    {
      name: 'key names mapped to globs inside an exclude list are patterns too (Kimi Code SENSITIVE_GLOBS_TO_EXCLUDE)',
      code: 'X=["**/.env",...["id_rsa","id_ed25519"].flatMap(n=>[`**/${n}`,`**/${n}[-_]*`]),"**/.aws/credentials"]',
      at: ['"id_rsa"', '"id_ed25519"', '"**/.aws/credentials"'],
      severity: 'info',
    },
    { name: 'key names mapped to globs on their own', code: 'G=["id_rsa"].map(n=>`**/${n}`)', at: ['"id_rsa"'], severity: 'info' },
    // Kimi Code 0.35.0 (review 106): the same list bound to a name first, then mapped to ripgrep's exclusion globs.
    { name: 'a named list of key names mapped to globs is patterns too', code: 'var K,G,X;K=["id_rsa","id_ed25519"];G=K.flatMap(n=>[`**/${n}`,`**/${n}[-_]*`]);X=["**/.env",...G]', at: ['"id_rsa"', '"id_ed25519"'], severity: 'info' },
    { name: 'a named list of key names joined to a folder names the keys (medium)', code: 'var K;K=["id_rsa","id_ed25519"];function keys(dir){return K.map(n=>dir+"/"+n)}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'medium' },
    // Cline's session import and happy-coder's relay (reviews 43, 46): other assistants' transcripts.
    { name: "another assistant's conversation transcripts (medium), its own (info)", code: 'const p=require("path"),os=require("os");a=p.join(os.homedir(),".claude","projects",id);b=p.join(os.homedir(),".codex","sessions")', at: ['p.join(os.homedir(),".claude"', 'p.join(os.homedir(),".codex"'], severity: 'medium', message: /^Names another assistant's conversation transcripts: / },
    // gemini-mcp-tool (review 57) reads Antigravity CLI's replies back from its transcripts.
    { name: "Antigravity CLI's transcripts and Gemini CLI's or Qwen Code's saved chats (another assistant's: medium)", code: 'const p=require("path"),os=require("os");const B=p.join(os.homedir(),".gemini","antigravity-cli");t=(id)=>p.join(B,"brain",id,"logs");c=(h)=>p.join(os.homedir(),".gemini","tmp",h,"chats");q=(h)=>p.join(os.homedir(),".qwen","tmp",h,"chats")', at: ['p.join(B', 'p.join(os.homedir(),".gemini","tmp"', 'p.join(os.homedir(),".qwen"'], target: { ownVendors: ['anthropic'] }, severity: 'medium', message: /^Names another assistant's conversation transcripts: (Antigravity CLI|Gemini CLI|Qwen Code)/ },
    // Zed's Claude Code adapter (corpus): the folder is an exported module constant.
    { name: "an exported module constant holding the folder, joined with the store's name", code: 'import*as path from"node:path";import*as os from"node:os";export const DIR=process.env.CLAUDE_CONFIG_DIR??path.join(os.homedir(),".claude");export function f(c,id){return path.join(DIR,"projects",c,`${id}.jsonl`)}', at: ['path.join(DIR'], severity: 'medium', target: { ownVendors: ['google'] } },
    { name: "a folder a helper returns, joined with the store's name", code: 'const p=require("path"),os=require("os");function dir(){return process.env.CLAUDE_CONFIG_DIR||p.join(os.homedir(),".claude")}function list(){return p.join(dir(),"projects")}', at: ['p.join(dir()'], severity: 'medium', message: /Claude Code conversation transcripts \(~\/\.claude\/projects\)$/ },
    // happy-coder 0.13.0 (review 43): Google's token printed by gcloud, used as the API key.
    // vibe-tools (review 56): secrets managers and git's credential helper asked for what they hold.
    { name: 'a secrets manager or the git credential helper asked for secrets (medium)', code: 'const{execSync}=require("child_process");execSync("doppler secrets --json");execSync("git credential fill",{input:q});execSync(`op read op://v/${k}/password`)', at: ['"doppler', '"git credential', '`op read'], severity: 'medium' },
    { name: 'command lines that print a login token (medium)', code: 'const{execSync}=require("child_process");execSync("gcloud auth application-default print-access-token");execSync("gh auth token");execFileSync("/usr/bin/az account get-access-token --output json");execSync(`gcloud auth print-access-token ${account}`);execSync("gcloud auth print-access-token user@example.com")', at: ['"gcloud', '"gh auth', '"/usr/bin/az', '`gcloud', '"gcloud auth print-access-token user'], severity: 'medium' },
    // Claude Code's sandbox settings (review 45): the paths a sandboxed command may not write.
    { name: 'a sandbox denyWrite or denyRead list is a deny list (info)', code: 'const cfg={filesystem:{denyWrite:[`${h}/.bashrc`,`${h}/.netrc`],denyRead:[`${h}/.ssh`]}}', at: ['`${h}/.netrc`', '`${h}/.ssh`'], severity: 'info' },
    // claude-flow's @claude-flow/security path validator (review 44): key names a path is refused for.
    { name: 'key names only compared with a path (includes) are a deny list (info)', code: 'const path=require("path");const BLOCKED=["id_rsa","id_ed25519"];function ok(p){if(BLOCKED.includes(path.basename(p)))throw Error("blocked")}', at: ['"id_rsa"', '"id_ed25519"'], severity: 'info', message: /^Lists a credential file among names or patterns paths are matched against/ },
    { name: 'key names put in a Set only asked .has(…) are a deny list (info)', code: 'const B=["id_rsa"];const S=new Set(B);function ok(n){return !S.has(n)}', at: ['"id_rsa"'], severity: 'info' },
    { name: 'a wanted list read when a name is in it is not a deny list: a list only compared with (low)', code: 'const fs=require("fs");const WANTED=[".aws/credentials"];function grab(rel,f){if(WANTED.includes(rel))return fs.readFileSync(f)}', at: ['".aws/credentials"'], severity: 'low', message: /only compared with/ },
    // Claude Code 2.1.300's sandbox (review 53): a minified list whose membership test is returned.
    { name: 'a list of credential names whose membership test is returned is only compared with (low)', code: 'var $A=[".netrc",".git-credentials"];function lO(e){return $A.includes(e)||e.startsWith(".env")}function prot(p){return p.split("/").some(lO)}', at: ['".netrc"', '".git-credentials"'], severity: 'low', message: /^Lists a credential file among names paths are only compared with/ },
    // Claude Code native's permission check (review 55): command lines a rule is compared with, through a callback, a spread and two helpers.
    { name: 'command lines only compared with, through .some(startsWith), a spread list and helpers, are not run (low)', code: 'var Ya=["gh auth token","git config --get"],Rp=[...Ya,"git remote -v"];function Loe(e,s){return e===s||e.startsWith(s+" ")}function tr(e,o){return o.some((s)=>Loe(e,s)||Loe(e,`${s} x`))}function Ep(e,o){let s=e.trim().toLowerCase(),g=[...Rp,`gh auth token --hostname ${o}`];return Ya.some((h)=>s.startsWith(h))||tr(s,g)}', at: ['"gh auth token"', '`gh auth token --hostname'], severity: 'low', message: /^Lists a command that prints a credential among command lines only compared with/ },
    { name: 'command lines run from their list are read (medium)', code: 'const{execSync}=require("child_process");const C=["gh auth token"];for(const c of C)execSync(c)', at: ['"gh auth token"'], severity: 'medium' },
    // Factory (review 110): sample paths a user's allow-list pattern is tried on, to refuse one that lets secrets through.
    { name: 'sample paths a pattern is only tried on (re.test(s)) are only compared with (low)', code: 'const samples=[".env",".ssh/id_rsa"];function isSafe(re){return !samples.some((s)=>re.test(s))}', at: ['".ssh/id_rsa"'], severity: 'low', message: /^Lists a credential file among names paths are only compared with/ },
    { name: 'a list whose callback runs or opens each element is used (medium)', code: 'const{execSync}=require("child_process"),fs=require("fs");const C=["gh auth token"];C.some(c=>execSync(c));const F=[".netrc"];F.some(f=>fs.existsSync(f))', at: ['"gh auth token"', '".netrc"'], severity: 'medium' },
    { name: 'a list given to a helper that opens its elements is used (medium)', code: 'const fs=require("fs");const K=[".netrc"];function readAll(l){return l.map(f=>fs.readFileSync(f))}readAll(K)', at: ['".netrc"'], severity: 'medium' },
    { name: 'a helper parameter compared and also run is used (medium)', code: 'const{execSync}=require("child_process");const C=["gh auth token"];function run(x){return x==="y"||execSync(x)}C.some(c=>run(c))', at: ['"gh auth token"'], severity: 'medium' },
    { name: 'key names a callback opens are not a deny list (medium)', code: 'const fs=require("fs");const K=["id_rsa"];function f(){K.includes("x");return K.map(n=>fs.readFileSync(n))}', at: ['"id_rsa"'], severity: 'medium' },
    // Kimi Code 0.43.1 (review 63): deny lists built as a Set in place, set in a bundler's lazy initialiser, or looped over for prefixes.
    { name: 'a Set made in place, or set in a lazy initialiser, only asked .has, and prefixes only compared in a loop, are deny lists (info)', code: 'var m=f=>()=>f();const SENSITIVE=new Set([".netrc","id_rsa"]);var SENSITIVE_B,SENSITIVE_PREFIXES;var init=m(()=>{SENSITIVE_B=new Set([".pypirc"]);SENSITIVE_PREFIXES=["id_ecdsa"]});function blocked(p){const n=p.toLowerCase();if(SENSITIVE.has(n)||SENSITIVE_B.has(n))return true;for(const x of SENSITIVE_PREFIXES)if(n.startsWith(x))return true;return false}', at: ['".netrc"', '"id_rsa"', '".pypirc"', '"id_ecdsa"'], severity: 'info' },
    { name: 'a list looped over and opened is read (medium)', code: 'const fs=require("fs");const KEYS=[".netrc"];function all(){for(const k of KEYS)fs.readFileSync(k)}', at: ['".netrc"'], severity: 'medium' },
    // command-code 1.53.1 (review 64): Cursor's agent transcripts read to import the user's prompts.
    { name: "Cursor's agent transcripts, the folder joined in two steps (medium)", code: 'const os=require("os");function d(p){const t=os.homedir();const n=`${t}/.cursor/projects`;return `${n}/${p}/agent-transcripts`}', at: ['`${n}'], severity: 'medium', message: /^Names another assistant's conversation transcripts: Cursor agent transcripts/ },
    // Copilot CLI 0.0.423 (review 62): a token command given as a program and its argument list, to spawn or to a wrapper method.
    { name: 'a token command as a program and its argument list (medium)', code: 'const{execFileSync:x}=require("child_process");x("gh",["auth","token"]);class E{run(c,a){return x(c,a)}}new E().run("gh",["auth","token","--hostname",h])', at: ['x("gh"', 'new E().run('], severity: 'medium', message: /GitHub CLI token \(gh auth token\)$/ },
    // Copilot CLI 0.0.423 (review 62): its own login kept under its product's name.
    { name: "a keychain entry named after the assistant's product is its own (info)", code: 'const k=require("keytar");var S="copilot-cli";k.getPassword(S,a);k.getPassword("copilot-mcp-oauth",b)', at: ['k.getPassword(S', 'k.getPassword("copilot'], severity: 'info', target: { ownVendors: ['microsoft'], ownNames: ['copilot'] } },
    { name: "another assistant's keychain entry is not own because a product's name holds part of it (medium)", code: 'const k=require("keytar");k.getPassword("Claude Code-credentials",a)', at: ['k.getPassword'], severity: 'medium', target: { ownVendors: [], ownNames: ['claude-code-router'] } },
    { name: 'a credential file among glob patterns is an ignore list (info)', code: 'skip=["*.pem","*.p12","id_rsa",".npmrc"]', at: ['"id_rsa"', '".npmrc"'], severity: 'info' },
  ],
  valid: [
    { name: "a program's other subcommands as an argument list", code: 'const{execFileSync:x}=require("child_process");x("gh",["auth","status"]);x("gh",[a,"token"]);x("gh auth",["token"])' },
    { name: 'a sentence naming where transcripts are kept', code: 'log("Claude stores sessions in ~/.claude/projects")' },
    { name: "a secrets manager's own settings, and git's credential helper configured or listed", code: 'const{execSync}=require("child_process");execSync("doppler configure --json");execSync("git config credential.helper");execSync("command -v doppler")' },
    { name: 'a sentence telling the user to run a token command', code: 'log("Run gh auth token to print your token, or gcloud auth print-access-token")' },
    // Amp (review 50): a label in help data starting with the command and going on with words.
    { name: 'a label that starts like a token command and goes on with words', code: 'const h=[{name:"gcloud auth print-access-token tokens",reason:"uses the gcloud login"},{name:"gh auth token scopes"}]' },
    { name: 'a keytar-style read whose service is computed', code: 'async function r(e,s,t){return e.getPassword(s,t)}' },
    { name: 'a file joined to a directory that is not a key store, or to a name with no value found', code: 'const P=require("path"),O=require("os");function a(){const d=P.join(O.homedir(),".config","tool");return read(P.join(d,"auth.json"))}function b(d){return read(P.join(d,"auth.json"))}function c(){let d=P.join(O.homedir(),".codex");d=P.join(O.tmpdir(),"x");return read(P.join(d,"auth.json"))}' },
    { name: 'prose mentioning ~/.ssh/config', code: 'd("SSH host in format user@hostname, or a host alias from ~/.ssh/config")' },
    { name: 'browser executables and app names', code: 'b=["google-chrome","/mnt/c/Program Files/Google/Chrome/Application/chrome.exe","Chromium"]' },
    { name: 'a word list (tokenizer vocabulary)', code: `v=[${Array.from({ length: 300 }, (_, i) => `"w${i}"`).join(',')},".npmrc"]` },
    { name: 'similar names', code: 'a="ssh-agent";b=".sshrc.bak";c="aws-credentials-helper";d="netrc-parser"' },
    { name: 'module ids that end in Cookies (seen in a real bundle)', code: 'r("~effect/http/Cookies");i("@effect/platform/Cookies");q("./Cookies.js")' },
  ],
});

describe("an assistant's product names", () => {
  it('come from its package name without scope or platform suffix, when specific enough', () => {
    assert.deepEqual(productNames(['@github/copilot']), ['copilot']);
    assert.deepEqual(productNames(['@github/copilot-linux-x64', '@github/copilot-darwin-arm64']), ['copilot']);
    assert.deepEqual(productNames(['anthropic.claude-code', '@anthropic-ai/claude-code']), ['claude-code']);
    assert.deepEqual(productNames(['@kilocode/cli', '@x/core', 'sdk']), []);
  });
});

