import { envHarvest } from '../../../src/core/rules/env-harvest';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(envHarvest, {
  invalid: [
    { name: 'serialising the whole environment (medium)', code: 'fetch(u,{body:JSON.stringify(process.env)})', at: ['JSON'], severity: 'medium' },
    { name: 'enumerating it', code: 'for(const k of Object.keys(process.env))send(k);for(let k in process.env)x(k)', at: ['Object', 'for(let'], severity: 'low' },
    { name: 'through an alias, with Object.entries', code: 'function f(){const e=process.env;return Object.entries(e)}', at: ['Object'] },
    { name: 'copying it into a payload', code: 'post({data:{...process.env},id:1});b=Object.assign({},process.env)', at: ['...process', 'Object'] },
    { name: 'util.inspect of it, also as a named import', code: 'const u=require("util");log(u.inspect(process.env));import{inspect as i}from"node:util";i(process.env)', at: ['u.inspect', 'i(process'], severity: 'medium' },
    { name: 'enumerating to filter one namespace (info)', code: 'o=Object.keys(process.env).filter(t=>/^debug_/i.test(t))', at: ['Object'], severity: 'info' },
    // task-master-ai 0.43.1's getAllTaskmasterEnvVars: low before, for a loop that keeps one prefix.
    { name: 'a loop whose body runs only for one prefix (info): a && chain, a guard with continue, one if, for...in', code: 'for(let[t,n]of Object.entries(process.env))t.startsWith(`TASKMASTER_`)&&n!==void 0&&(e[t]=n);for(const k of Object.keys(process.env)){if(!k.startsWith("npm_config_"))continue;o[k]=process.env[k]}for(const k in process.env)if(/^DEBUG_/.test(k))d[k]=process.env[k]', at: ['Object.entries', 'Object.keys', 'for(const k in'], severity: 'info', message: /to filter them/ },
    // From a second review: the same shapes sent elsewhere are the whole environment.
    { name: 'a loop copy, a choice or a destructuring default of env that no process is given (sent in a request body) are low', code: 'const{spawn}=require("child_process");function a(u){const e={};for(const[k,v]of Object.entries(process.env))e[k]=v;return fetch(u,{body:JSON.stringify({env:e})})}function b(u,full){return fetch(u,{body:JSON.stringify({env:full?{...process.env}:{}})})}async function d(u,{env:w={...process.env}}={}){return fetch(u,{body:JSON.stringify(w)})}function r(o){return{env:o.extendEnv?{...process.env,...o.env}:o.env}}', at: ['Object.entries', '...process.env}:', '...process.env}}', '...process.env,...o.env}'], severity: 'low' },
    // path-key in Gemini CLI 0.47.0 (review 73): the names reversed before the search.
    { name: 'a search after the names are only reordered (reverse, sort, slice) is info', code: 'const a=Object.keys(process.env).reverse().find(k=>k.toUpperCase()==="PATH");const b=Object.keys(process.env).slice().sort().filter(k=>/^X_/.test(k))', at: ['Object.keys', 'Object.keys'], severity: 'info', message: /to filter them$/ },
    { name: 'a reordered list of every name used whole is low', code: 'const c=Object.keys(process.env).sort().join(",")', at: ['Object.keys'], severity: 'low', message: /^Enumerates every environment variable \(Object\.keys\)$/ },
    { name: 'a search for one name among them (find, findLast, some: the PATH of a spawn environment on Windows) is info', code: 'const p=Object.keys(process.env).find(k=>k.toUpperCase()==="PATH");const q=Object.keys(process.env).findLast(k=>k.toUpperCase()==="PATH");Object.keys(process.env).some(k=>k==="CI")', at: ['Object.keys', 'Object.keys', 'Object.keys'], severity: 'info', message: /to filter them/ },
    { name: 'a loop that tests a name only after using every variable, or tests the value, or has an else: the whole environment (low)', code: 'for(let[t,n]of Object.entries(process.env)){send(t,n);if(t.startsWith("X_"))x++}for(let[t,n]of Object.entries(process.env))n.startsWith("sk-")&&(e[t]=n);for(const k in process.env)if(k.startsWith("A_"))a[k]=1;else b[k]=process.env[k];for(const k of Object.keys(process.env)){if(!k.startsWith(p))continue;o[k]=1}', at: ['Object.entries', 'Object.entries', 'for(const k in', 'Object.keys'], severity: 'low' },
    { name: 'a loop copying every variable into an object that is not given to a process, or does more than copy (low)', code: 'function r(){const o={};for(const[k,v]of Object.entries(process.env))o[k]=v;return post(o)}function s(){const env={};for(const[k,v]of Object.entries(process.env)){env[k]=v;send(k)}return spawn(b,[],{env})}', at: ['Object.entries', 'Object.entries'], severity: 'low' },
  ],
  valid: [
    { name: 'a child process environment', code: 'spawn(c,a,{env:{...process.env,FORCE_COLOR:"1"}});execa(c,{env:Object.assign({},process.env)})' },
    { name: 'an environment built in a variable and passed as env', code: 'function r(){const e={...process.env};e.X=1;return spawn(c,[],{env:e})}' },
    { name: 'an environment prepared with extra variables', code: 'function P(){return{...process.env,GIT_TERMINAL_PROMPT:"0"}}' },
    { name: 'single variables', code: 'a=process.env.HOME;Object.keys(config)' },
    // From a precision review of the Codex SDK 0.163.0 and the Claude Agent SDK 0.3.337.
    { name: 'a loop copying every variable into an object passed as env', code: 'import{spawn}from"node:child_process";function r(b,a){const env={};for(const[key,value]of Object.entries(process.env)){if(value!==undefined)env[key]=value}return spawn(b,a,{env})}function s(b){const e={};for(const[k,v]of Object.entries(process.env))v!==void 0&&(e[k]=v);return new Promise(f=>spawn(b,[],{env:e}).on("exit",f))}' },
    { name: 'a copy as a destructuring default of env given to a process, or as one side of a choice in a process call\'s options', code: 'const{spawn}=require("child_process");function c(o){const{env:w={...process.env}}=o;w.X="1";spawn("x",[],{env:w})}function d(o,c){return spawn(c,[],{env:o.extendEnv?{...process.env,...o.env}:o.env})}' },
  ],
});
