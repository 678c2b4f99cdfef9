import * as assert from 'node:assert/strict';
import { dynamicCode } from '../../../src/core/rules/dynamic-code';
import { runRuleTable, scanWith } from '../../helpers/ruleTester';

runRuleTable(dynamicCode, {
  invalid: [
    // Review 79: the evaluator itself handed to a promise.
    { name: 'eval, Function and vm.runInThisContext given to .then', code: 'const vm=require("vm");function a(u){return fetch(u).then(r=>r.text()).then(eval)}function b(u){return fetch(u).then(r=>r.text()).then(vm.runInThisContext)}function c(u){return fetch(u).then(r=>r.text()).then(Function).then(f=>f())}', at: ['fetch(u).then(r=>r.text()).then(eval)', 'fetch(u).then(r=>r.text()).then(vm', 'fetch(u).then(r=>r.text()).then(Function)'], severity: 'medium', message: /given to \.then with code computed at run time/ },
    { name: 'eval of a computed string (medium)', code: 'function f(s){return eval(s)}', at: ['eval'], severity: 'medium' },
    { name: 'indirect eval', code: 'g=(0,eval)(code)', at: ['(0'], severity: 'medium' },
    { name: 'new Function with a computed body', code: 'let m=new Function("a","b",u)(x)', at: ['new Function'], severity: 'medium' },
    { name: 'the globalThis polyfill is info', code: 'var g=Function("return this")()', at: ['Function('], severity: 'info' },
    // protobufjs's code generator (review 78, Gemini CLI 0.39.1): the global Function called through call/apply/Reflect.
    { name: 'Function.apply with the body last in a list filled at run time (protobufjs codegen)', code: 'function gen(keys,src){var p=new Array(keys.length+1),i=0;while(i<keys.length)p[i]=keys[i++];p[i]=src;return Function.apply(null,p).apply(null,[])}', at: ['Function.apply'], severity: 'medium', message: /^Function\.apply with code computed at run time$/ },
    { name: 'Function.apply, Function.call, Reflect.construct and Reflect.apply of Function with a computed body', code: 'function b(ps,src){return [Function.apply(null,[...ps,src]),Function.call(null,"x",src),Reflect.construct(Function,["x",src]),Reflect.apply(Function,null,[src])]}', at: ['Function.apply', 'Function.call', 'Reflect.construct', 'Reflect.apply'], severity: 'medium' },
    { name: 'Function.apply of the globalThis polyfill is info', code: 'var g=Function.apply(null,["return this"])()', at: ['Function.apply'], severity: 'info' },
    { name: 'Function.call of fixed code is low', code: 'var h=Function.call(null,"x","return x+1")(2)', at: ['Function.call'], severity: 'low' },
    { name: 'a list spread last gives no body as written: computed', code: 'function c(parts){return Function.call(null,...parts)}', at: ['Function.call'], severity: 'medium' },
    { name: 'fixed code other than the polyfill is low', code: 'x=(0,eval)("this")', at: ['(0'], severity: 'low' },
    { name: 'the vm module', code: 'const vm=require("vm");vm.runInNewContext(src,ctx);new vm.Script(code).runInThisContext()', at: ['vm.runIn', 'new vm'], severity: 'medium' },
    { name: 'a compiled script kept in a name (run later) is code that runs', code: 'const vm=require("vm");const s=new vm.Script(code);s.runInThisContext()', at: ['new vm'], severity: 'medium', message: /computed at run time$/ },
    { name: 'a compiled script that is the value of a sequence is kept', code: 'const vm=require("vm");x=(a(),new vm.Script(code))', at: ['new vm'], severity: 'medium' },
    // A syntax check: compiled, thrown away, never run (info, and no sink a download could reach).
    {
      name: 'a script or module compiled and dropped is a syntax check (info)',
      code: 'const vm=require("vm");function ok(src){try{new vm.SourceTextModule(src);return true}catch(e){return false}}function ok2(src){try{void new vm.Script(src)}catch{}}function ok3(src){a(),new vm.Script(src),b()}',
      at: ['new vm.SourceTextModule', 'new vm.Script(src)}', 'new vm.Script(src),'],
      severity: 'info',
      message: /compiles code and drops it without running it \(a syntax check\)$/,
    },
    // playwright-core's normalizeEvaluationExpression (review 40): `new Function` as a syntax check.
    {
      name: 'a function made from code and dropped is a syntax check (info)',
      code: 'function norm(expr,isFn){if(isFn){try{new Function("("+expr+")")}catch(e){expr="function "+expr}}try{Function(expr)}catch{}return expr}',
      at: ['new Function', 'Function(expr)'],
      severity: 'info',
      message: /compiles code and drops it without running it \(a syntax check\)$/,
    },
    { name: 'a function made from code and kept is code that runs', code: 'function mk(src){const f=new Function(src);return f}', at: ['new Function'], severity: 'medium' },
    // playwright-core (review 40): functions Playwright serializes and runs in the page.
    {
      name: 'code evaluated inside a function sent to a browser page (page.evaluate, locator.evaluate, evaluateHandle) is info',
      code: 'async function a(page,e){return page.evaluate(async x=>{const v=eval(`(${x})`);return v},e)}function b(loc,e){return loc.evaluate((el,x)=>new Function(x)(),e)}function c(s,e){return s.evaluateHandle((inj,{expression})=>()=>globalThis.eval(expression),{expression:e})}',
      at: ['eval(`', 'new Function', 'globalThis.eval'],
      severity: 'info',
      message: /in a function sent to a browser page \((evaluate|evaluateHandle)\): it runs in that page, not in this process$/,
    },
    { name: 'code evaluated beside a page call, not in its function, runs here', code: 'async function a(page,e){await page.evaluate(()=>1);return eval(e)}', at: ['eval(e)'], severity: 'medium' },
    { name: 'a string timer', code: 'setTimeout("tick()"+n,10)', at: ['setTimeout'], severity: 'medium' },
    // claude-agent-sdk 0.3.336's Bun binary: hardening code fixed when the file is built, run in a vm context.
    {
      name: 'code held in a module constant, or built by a helper from constants, is fixed (low)',
      code: 'const vm=require("vm");const HARDEN=`(() => { delete Function.prototype.bind })()`;const strict=(s)=>`\'use strict\';${s}`;function harden(c){vm.runInContext(HARDEN,c);return vm.runInContext(strict("Error"),c)}',
      at: ['vm.runInContext(HARDEN', 'vm.runInContext(strict'],
      severity: 'low',
      message: /with fixed code$/,
      allEvidence: ['evaluates to'],
    },
    {
      name: 'a constant declared after the code that runs it is still fixed',
      code: 'function run(){return eval(SRC)}var SRC="1+1";',
      at: ['eval('],
      severity: 'low',
      evidence: ['evaluates to "1+1"'],
    },
    {
      name: 'a constant reassigned elsewhere is not fixed (medium)',
      code: 'var SRC="1+1";function set(v){SRC=v}function run(){return eval(SRC)}',
      at: ['eval('],
      severity: 'medium',
    },
    // core-js's setImmediate fallback (node-machine-id's and Cline's bundles, review 46).
    { name: 'a string given to a timer polyfill instead of a function (low)', code: 'var q={},i=0;function set(fn){q[++i]=function(){(typeof fn=="function"?fn:Function(fn))()};return i}', at: ['Function(fn)'], severity: 'low', message: /compiles a string given where a function is expected/ },
    // exceljs, jszip and setimmediate (review 49), @agent-infra's bundle (review 50): the same polyfill written as an if or an &&.
    {
      name: 'the timer polyfill written as `if (typeof f !== "function") f = new Function("" + f)` or with && (low)',
      code: 'function a(callback){if(typeof callback!=="function"){callback=new Function(""+callback)}return callback}\nfunction b(e){"function"!=typeof e&&(e=new Function(""+e));return e}\nfunction c(f){if("function"==typeof f);else f=Function(`${f}`);return f}',
      at: ['new Function(""+callback', 'new Function(""+e', 'Function(`'],
      severity: 'low',
      message: /compiles a string given where a function is expected/,
    },
    {
      name: 'the if form around a fetched text, the wrong test or another name is not the polyfill (medium)',
      code: 'async function a(u){let f=await (await fetch(u)).text();if(typeof f!=="function")f=new Function(""+f);return f}\nfunction b(f){if(typeof f==="function")f=new Function(""+f);return f}\nfunction c(f,g){if(typeof f!=="function")f=new Function(""+g);return f}',
      at: ['new Function(""+f', 'new Function(""+f', 'new Function(""+g'],
      severity: 'medium',
    },
    { name: 'the polyfill shape around a fetched text is not a polyfill (medium)', code: 'async function f(u){const code=await (await fetch(u)).text();return (typeof code=="function"?code:Function(code))()}', at: ['Function(code)'], severity: 'medium' },
    { name: 'the same choice around another value is not the polyfill (medium)', code: 'function set(fn,src){return typeof fn=="function"?fn:Function(src)}', at: ['Function(src)'], severity: 'medium' },
    // function-bind 1.1.2 (under call-bind, get-intrinsic, hasown: most node_modules trees) and depd 2.0.0:
    // a parameter list made by a loop over a function's arity. Numbers and the file's own text only.
    {
      name: "function-bind's parameter list of $0, $1… joined by a helper is generated from fixed text (low)",
      code: 'var joiny=function(arr,joiner){var str="";for(var i=0;i<arr.length;i+=1){str+=arr[i];if(i+1<arr.length){str+=joiner}}return str};module.exports=function bind(that){var target=this;var boundLength=Math.max(0,target.length-1);var boundArgs=[];for(var i=0;i<boundLength;i++){boundArgs[i]="$"+i}return Function("binder","return function ("+joiny(boundArgs,",")+"){ return binder.apply(this,arguments); }")(target)}',
      at: ['Function("binder'],
      severity: 'low',
      message: /^Function\(\.\.\.\) with code built only from text written in the file and numbers/,
    },
    {
      name: "depd's arguments string made by a loop is generated from fixed text (low)",
      code: 'function createArgumentsString(arity){var str="";for(var i=0;i<arity;i++){str+=", arg"+i}return str.substr(2)}function wrapfunction(fn,message){var args=createArgumentsString(fn.length);var deprecatedfn=new Function("fn","log","deprecate","message","site",\'"use strict"\\nreturn function (\'+args+") {log.call(deprecate, message, site)\\nreturn fn.apply(this, arguments)\\n}")(fn,log,this,message,site);return deprecatedfn}',
      at: ['new Function'],
      severity: 'low',
    },
    {
      name: 'the same list joined in place by a minified helper called where it is written (low)',
      code: 'module.exports=function(t){for(var n=[],i=0;i<t.length;i++)n[i]="$"+i;return Function("b","return function ("+function(A){for(var e="",r=0;r<A.length;r+=1)e+=A[r],r+1<A.length&&(e+=",");return e}(n)+"){return b.apply(this,arguments)}")(t)}',
      at: ['Function("b"'],
      severity: 'low',
    },
    // zod 4's core/doc.js (review 52): the Function constructor under a local name.
    { name: 'the Function constructor through a local name, and eval through one (medium)', code: 'class D{compile(){const F=Function;return new F(...this.args,this.lines.join("\\n"))}}function e(s){const ev=eval;return ev(s)}', at: ['new F', 'ev(s)'], severity: 'medium' },
    // Amp's 125 KB worker program run from a string (review 50).
    {
      name: 'a worker_threads Worker given code with eval: true runs it (fixed: low, computed: medium); a Worker given a file does not',
      code: 'const{Worker}=require("worker_threads");const SRC="postMessage(1)";new Worker(SRC,{eval:true});function w(t){return new Worker(t,{eval:true,workerData:1})}new Worker("./w.js");new Worker(t,{eval:false})',
      at: ['new Worker(SRC', 'new Worker(t,{eval:true'],
      message: /^new worker_threads\.Worker \(eval: true\) with/,
    },
    // claude-agent-sdk's sandbox helpers (review 45): vm code made from a template whose only inserts are JSON.stringify.
    {
      name: 'the JSON of a module constant inserted in fixed code is fixed (low)',
      code: 'const vm=require("vm");const M="x";const P=`(()=>{const E=${JSON.stringify(M)};})()`;function r(c){return vm.runInContext(P,c)}',
      at: ['vm.runInContext'],
      severity: 'low',
      message: /built only from text written in the file/,
    },
    // claude-agent-sdk 0.3.337's Claude Code (review 70): hardening code for a vm context, whose text deletes Function.prototype.arguments.
    {
      name: 'a template helper called with literals is fixed code, though its text spells `arguments` (a property, inside an arrow)',
      code: 'import*as o from"vm";var mk=(e,t="all")=>`(()=>{delete Function.prototype.arguments;return ${e};${t==="all"?"Object.freeze(globalThis);":""}})()`,f=mk("s"),y=mk("s","listed");function h(e,t,r){o.runInContext(r==="mods"?y:f,e,t)}',
      at: ['o.runInContext'],
      severity: 'low',
      message: /built only from text written in the file/,
    },
    {
      name: 'any data inserted as JSON where the code expects a value is a literal (low)',
      code: 'const vm=require("vm");function r(s,c){return vm.runInContext(`JSON.parse(${JSON.stringify(s)})`,c)}\nfunction t(a,b,c){return vm.runInContext(`f(${JSON.stringify(a)}, ${JSON.stringify(b, null, 2)})`,c)}',
      at: ['vm.runInContext', 'vm.runInContext'],
      severity: 'low',
      message: /^vm\.runInContext with fixed code into which data is inserted only as JSON literals/,
    },
    // Claude Code 2.1.250 (review 92): a sandbox's fixed scripts read through an esbuild namespace object's getters.
    {
      name: "code read through a bundler namespace object's getter (__export(ns, { SRC: () => Pr })) whose name holds only fixed text (String.raw included) is fixed (low)",
      code: 'var g=Object.defineProperty;var je=(a,b)=>{for(var c in b)g(a,c,{get:b[c],enumerable:!0})};import*as Bt from"vm";var ce={};je(ce,{SRC:()=>Pr,BOOT:()=>ws,default:()=>ce});var Pr=String.raw`(() => ({ type: "Box" }))()`;var ws=`(h => { globalThis.h = ${Pr} })`;export function render(ctx){return Bt.runInContext(ce.SRC,ctx)}export function boot(ctx){return Bt.runInContext(ce.BOOT,ctx)}',
      at: ['Bt.runInContext(ce.SRC', 'Bt.runInContext(ce.BOOT'],
      severity: 'low',
    },
    {
      name: 'the same getter returning a name given computed text is computed code (medium)',
      code: 'var g=Object.defineProperty;var je=(a,b)=>{for(var c in b)g(a,c,{get:b[c],enumerable:!0})};import*as Bt from"vm";var ce={};je(ce,{SRC:()=>Pr});var Pr=process.env.SRC;export function render(ctx){return Bt.runInContext(ce.SRC,ctx)}',
      at: ['Bt.runInContext'],
      severity: 'medium',
    },
    // Claude Code 2.1.200 (review 90): a workflow sandbox's shim, its error messages inserted through a JSON.stringify wrapper.
    {
      name: 'data inserted through a function that only returns JSON.stringify of it is a JSON literal too (low)',
      code: 'var E=(fn,res)=>()=>(fn&&(res=fn(fn=0)),res);function Le(e,t,n){return JSON.stringify(e,t,n)}var Wor,v="Date.now() is unavailable",w;var J=E(()=>{Wor=require("vm");w=`(() => { const NOW_ERR = ${Le(v)}; Date.now = function now() { throw new Error(NOW_ERR) } })()`});function q(e){J();Wor.runInContext(w,e)}',
      at: ['Wor.runInContext'],
      severity: 'low',
      message: /^vm\.runInContext with fixed code into which data is inserted only as JSON literals/,
    },
    {
      name: 'a wrapper that may return its argument as it is inserts code (medium)',
      code: 'function Raw(e){return e.length>9?JSON.stringify(e):e}function q2(s,c){return require("vm").runInContext(`f(${Raw(s)})`,c)}',
      at: ['require("vm").runInContext'],
      severity: 'medium',
    },
    // Playwright's requireOrImport (review 52): two such imports in one function.
    {
      name: 'two imports of JSON file names in one function leave each other low: neither can change a name',
      code: 'async function r(f){await eval(`import(${JSON.stringify(f + ".pre")})`);return await eval(`import(${JSON.stringify(f)})`)}',
      at: ['eval(`import(${JSON.stringify(f + ', 'eval(`import(${JSON.stringify(f)})'],
      severity: 'low',
    },
    {
      name: 'JSON inserted inside a string, comment or regular expression, after another insert, or JSON of a local JSON, is computed (medium)',
      code: [
        'const vm=require("vm");',
        'function a(s,c){return vm.runInContext(`x = "${JSON.stringify(s)}"`,c)}',
        'function b(s,c){return vm.runInContext(`x = 1 // ${JSON.stringify(s)}`,c)}',
        'function d(s,c){return vm.runInContext(`x = /${JSON.stringify(s)}/`,c)}',
        'function e(s,t,c){return vm.runInContext(`${t}(${JSON.stringify(s)})`,c)}',
        'function f(s,c){const JSON={stringify:v=>v};return vm.runInContext(`g(${JSON.stringify(s)})`,c)}',
        "function g(s,c){return vm.runInContext(`x = '${JSON.stringify(s).slice(1, -1)}'`,c)}",
      ].join('\n'),
      at: ['vm.runInContext', 'vm.runInContext', 'vm.runInContext', 'vm.runInContext', 'vm.runInContext', 'vm.runInContext'],
      severity: 'medium',
    },
    // Claude Code native (review 55): a choice between two fixed scripts made by one template helper; the same name run alone elsewhere.
    {
      name: 'a choice between two names of fixed code, and one of them given to another vm call, are fixed (low)',
      code: 'import*as o from"vm";var z=(e,t="all")=>`(() => { ${e}; const m = "${t}" })()`;var f=z("s"),y=z("s","listed");function a(e,r="x"){o.runInContext(r==="m"?y:f,e)}function one(e){o.runInContext(f,e)}export{a,one};',
      at: ['o.runInContext(r', 'o.runInContext(f'],
      severity: 'low',
    },
    {
      name: 'a choice whose other branch is computed, or a name a choice hands to an unknown function, stays computed (medium)',
      code: 'import*as o from"vm";var f=`1+1`;function a(e,r,u){o.runInContext(r?u:f,e)}var g=["2"];function b(e,r){keep(r?g:[]);o.runInContext(g.join(";"),e)}export{a,b};',
      at: ['o.runInContext(r', 'o.runInContext(g'],
      severity: 'medium',
    },
    // bluebird's join.js (review 49): a template whose "Index" is replaced by a number only a loop gives.
    {
      name: 'a parameter every call of its function gives a loop number, put in with .replace (low)',
      code: 'module.exports=function(P){var thenCallback=function(i){return new Function("value","holder","\'use strict\'; holder.pIndex = value;".replace(/Index/g,i))};var cbs=[];for(var i=0;i<8;++i)cbs.push(thenCallback(i+1));return cbs}',
      at: ['new Function'],
      severity: 'low',
      message: /built only from text written in the file/,
    },
    {
      name: 'the same helper exported, given a caller\'s text, or called once with a property read is computed (medium)',
      code: [
        'module.exports=function(P){var makeGetter=function(n){return new Function("obj","return obj.N;".replace("N",n))};return {makeGetter}}',
        'function w(o){var g=function(n){return new Function("return "+n)};g(1);return g(o.name)}',
        'function v(o){function h(n){return new Function("return "+n)}return [1,2].map(h)}',
      ].join('\n'),
      at: ['new Function', 'new Function', 'new Function'],
      severity: 'medium',
    },
    // bluebird's util.js toFastProperties (review 49): `return obj; eval(obj);` only tells V8 how to optimise.
    {
      name: 'an eval after a return, throw, break or continue in its block never runs (info)',
      code: 'function t(obj){function F(){}F.prototype=obj;return obj;eval(obj)}\nfunction u(c){switch(c){case 1:break;eval(c)}}\nfunction x(c){for(const s of c){if(s){continue;eval(s)}}}',
      at: ['eval(obj', 'eval(c', 'eval(s'],
      severity: 'info',
      message: /never runs/,
    },
    {
      name: 'an eval before a return, or after a return in another branch or function, still runs (medium)',
      code: 'function t(c){if(c)return 1;eval(c)}\nfunction u(c){eval(c);return 1}\nfunction v(c){return g();function g(){eval(c)}}',
      at: ['eval(c)}\nfunction u', 'eval(c);', 'eval(c)}}'],
      severity: 'medium',
    },
    {
      name: 'a loop-built list that takes an element from outside is computed (medium)',
      code: 'function g(names){var a=[];for(var i=0;i<names.length;i++)a[i]=names[i];return new Function(a.join(","),"return 1")}',
      at: ['new Function'],
      severity: 'medium',
    },
    {
      name: 'a list handed to a function that could fill it, or to one not in the file, is computed (medium)',
      code: 'function fill(l){l.push(process.argv[2])}function g(){var a=[];fill(a);return new Function(a.join(","))}function h(){var b=[];other(b);return new Function(b.join(","))}',
      at: ['new Function(a', 'new Function(b'],
      severity: 'medium',
    },
    // letta-code 0.32.18: a workflow's meta block, destructured from a helper's return, compiled to check it.
    {
      name: 'a name destructured from what a call returns is computed (medium)',
      code: 'const vm=require("vm");function x(s){return{literal:s.slice(1)}}function p(s){const{literal:l}=x(s);return new vm.Script(`(${l})`)}',
      at: ['new vm.Script'],
      severity: 'medium',
    },
    {
      name: "a length read of parsed input, a list made from a text, or a parameter arguments can change is computed (medium)",
      code: 'function a(i){const d=JSON.parse(i);return new Function("return "+d.length)}function b(i){const l=Array(i);return new Function(l.join(","))}function j(x){arguments[0]=process.argv[2];return x}function c(){return new Function(j("1"))}',
      at: ['new Function("return', 'new Function(l', 'new Function(j'],
      severity: 'medium',
    },
    // Review 48 of fixedText: ways data from outside gets into a text that looked fixed.
    {
      name: 'a list changed in place, an identity helper called twice, Math.constructor, a catch parameter, a default given undefined: computed (medium)',
      code: [
        'module.exports.a=function(input){var p=["return 1;"];p.push(input);return Function(""+p)()};',
        'function id(v){return v}module.exports.b=i=>Function(id(id(i)))();',
        'module.exports.c=()=>Function("return "+Math.constructor(process.argv[2]))();',
        'var e="0";try{JSON.parse(process.argv[2])}catch(e){Function("return \'"+e+"\'")()}',
        'function pick(c=process.argv[2]){return c}module.exports.d=()=>Function(pick(void 0))();',
      ].join(''),
      at: ['Function(""+p)', 'Function(id(', 'Function("return "+Math', 'Function("return \'"', 'Function(pick('],
      severity: 'medium',
    },
    { name: 'a function the call graph only guesses (a memo-like helper given a thunk) is not followed (medium)', code: 'function wrap(f){f=()=>process.argv[2];return f}var g=wrap(()=>"1");module.exports=()=>Function("return "+g())()', at: ['Function("return "+g())'], severity: 'medium' },
    {
      name: 'a list a callback can reach, an element used as an object, or a list handed on by a choice: computed (medium)',
      code: [
        'module.exports.a=function(input){var p=["1"];p.forEach((x,i,all)=>{all[i]=input});return Function(p.join(","))};',
        'module.exports.b=function(input){var p=[["1"]];p[0].push(input);return Function(p.join(","))};',
        'module.exports.c=function(input,c){var p=["1"];(c?p:[]).push(input);return Function(p.join(","))};',
      ].join(''),
      at: ['Function(p.join(","))};module.exports.b', 'Function(p.join(","))};module.exports.c', 'Function(p.join(","))};'],
      severity: 'medium',
    },
    {
      name: 'text appended from a parameter whose callers are not followed is computed (medium)',
      code: 'function g(p){var s="";for(var i=0;i<3;i++)s+=p+i;return new Function(s)}',
      at: ['new Function'],
      severity: 'medium',
    },
    // claude-code-router 3.1.1: generated validators, `r=[]`, lines pushed in a loop, `new Function(r.join("\n"))`.
    { name: 'code joined from an array filled at run time is computed (medium)', code: 'function gen(fields){const r=[];for(const f of fields)r.push(`check(${f})`);return new Function("o",r.join(`\n`))}', at: ['new Function'], severity: 'medium' },
    {
      name: "a string method of constants is fixed (protobuf's inquire hiding require from bundlers, flagged computed in Amp)",
      code: 'function inquire(m){try{var mod=eval("quire".replace(/^/,"re"))(m);return mod}catch(e){}return null}',
      at: ['eval('],
      severity: 'low',
      evidence: ['evaluates to "require"'],
    },
    { name: 'a string method with a computed argument stays computed (medium)', code: 'function f(x){return eval("quire".replace(/^/,x))}', at: ['eval('], severity: 'medium' },
    { name: 'a parameter given a value in the body still holds what callers pass (medium)', code: 'function f(c){if(c===void 0){c="return 1"}return new Function(c)}', at: ['new Function'], severity: 'medium' },
    // Hostile constants (found in review): a text too large to build, or a regex on a long text, is not worked out.
    {
      name: 'a replaceAll that would build a text too large is computed, and the file keeps its other findings',
      code: `var a="${' '.repeat(999)}";eval(a.replaceAll("",a).replaceAll("",a));eval(process.argv[2]);new Function(globalThis.p)()`,
      at: ['eval(a', 'eval(process', 'new Function'],
      severity: 'medium',
    },
    {
      name: 'a regex is not run on a long text (one quantifier can cost its square)',
      code: `var a="${' '.repeat(199)}";eval((a.replaceAll("",a)+"x").replace(/ *$/,""))`,
      at: ['eval('],
      severity: 'medium',
    },
    {
      name: "the source of a function written in the file is fixed (source-map-js's quick-sort: new Function(`return ${SortTemplate.toString()}`))",
      code: 'function SortTemplate(c){return c}\nfunction make(){let template=SortTemplate.toString();return new Function(`return ${template}`)()}',
      at: ['new Function'],
      severity: 'low',
      evidence: ['evaluates to "return function SortTemplate(c){return c}"'],
    },
    {
      name: "a function's source stays computed when its toString is replaced, or the name can hold anything",
      code: 'function T(){}\nT.toString=()=>globalThis.code;function a(){return new Function(`return ${T.toString()}`)()}\nfunction b(f){return new Function(`return ${f.toString()}`)()}',
      at: ['new Function(`return ${T', 'new Function(`return ${f'],
      severity: 'medium',
    },
    { name: 'String.raw of constants is fixed (low)', code: 'const vm=require("vm");const Q=String.raw`a\\b`;const L=String.raw`(${Q})`;vm.runInThisContext(L)', at: ['vm.runIn'], severity: 'low', evidence: ['evaluates to "(a\\\\b)"'] },
    { name: 'a helper given a parameter is computed (medium)', code: 'const vm=require("vm");const strict=(s)=>`"use strict";${s}`;function run(src,c){return vm.runInContext(strict(src),c)}', at: ['vm.runInContext'], severity: 'medium' },
    // @byterover/cipher 0.3.0's vendored Next.js edge-runtime: eval and a vm template over each
    // find-my-way in Kimi Code 2.0.2 (review 68): a matcher generated from a prefix's character codes and loop counters.
    {
      name: "code made of a text's character codes and loop counters is built from numbers (low)",
      code: 'class N{constructor(p){this.prefix=p;this.c()}c(){const lines=[];for(let i=1;i<this.prefix.length;i++){const charCode=this.prefix.charCodeAt(i);lines.push(`path.charCodeAt(i + ${i}) === ${charCode}`)}this.m=new Function("path","i",`return ${lines.join(" && ")}`)}}module.exports=N',
      at: ['new Function'],
      severity: 'low',
      message: /built only from text written in the file/,
    },
    // bluebird's join.js holder (Cline 2.18.0, review 66) and core-js's construct (cipher's Next.js polyfills, review 65).
    {
      name: 'code from a list made by `new Array(n)` filled by index, mapped by a callback, joined (also by core-js\'s uncurried join), and replaced into a template in a chain (low)',
      code: [
        'module.exports=function(P,tryCatch){var mk=function(total){var props=new Array(total);for(var i=0;i<props.length;++i)props[i]="this.p"+(i+1);var assign=props.join(" = ")+" = null;";var cancel=props.map(function(p){return "promise = "+p+";"}).join("\\n");var code="[A] [C] [T]";code=code.replace(/\\[A\\]/g,assign).replace(/\\[C\\]/g,cancel).replace(/\\[T\\]/g,total);return new Function("tryCatch",code)(tryCatch)};var h=[];for(var i=0;i<8;++i)h.push(mk(i+1));return h};',
        '!function(){var uncurry=function(fn){return function(){return Function.prototype.call.apply(fn,arguments)}};var Ctor=Function,join=uncurry([].join),cache={};Function.prototype.construct=function(C,n,a){if(!cache[n]){for(var list=[],i=0;i<n;i++)list[i]="a["+i+"]";cache[n]=Ctor("C,a","return new C("+join(list,",")+")")}return cache[n](C,a)}}();',
      ].join('\n'),
      at: ['new Function("tryCatch"', 'Ctor("C,a"'],
      severity: 'low',
      message: /built only from text written in the file/,
    },
    {
      name: "a mapping callback that adds a caller's text, or a template a parameter's text is put in, is computed (medium)",
      code: 'module.exports=function(P,ext){var mk=function(n){var props=[];for(var i=0;i<n;++i)props[i]="this.p"+(i+1);var c=props.map(function(p){return "promise = "+p+ext.x+";"}).join("\\n");var d="[X]".replace(/\\[X\\]/g,ext.y);return [new Function("x",c),new Function("x",d)]};return mk(1)}',
      at: ['new Function("x",c)', 'new Function("x",d)'],
      severity: 'medium',
    },
    // get-intrinsic inside @byterover/cipher's vendored Next.js (review 65): a local of a browserify module's factory, its parameter
    // also the name of an unused `catch (r) {}`; and a CommonJS file's own helper.
    {
      name: "a helper local to a factory, or a CommonJS file's own, every caller fills with fixed text is fixed code, an unused catch parameter of the same name aside (low)",
      code: [
        '(function(f){module.exports=f()})(function(){return {192:function(r,e,t){"use strict";var y=Function;var getEvalledConstructor=function(r){try{return y(\'"use strict"; return (\'+r+").constructor;")()}catch(r){}};var doEval=function doEval(r){var e;if(r==="%AsyncFunction%"){e=getEvalledConstructor("async function () {}")}else{e=getEvalledConstructor("function* () {}")}return e};r.exports=doEval}}});',
      ].join('\n'),
      at: ['y('],
      severity: 'low',
      message: /with fixed code$/,
    },
    {
      name: "a CommonJS file's own helper every caller fills with fixed text is fixed code (low)",
      code: 'function f(r){return Function("return "+r)}exports.a=f("1");exports.b=f("2");',
      at: ['Function("return'],
      severity: 'low',
      message: /with fixed code$/,
    },
    {
      name: 'a caught value of the same name used in the catch is not the parameter (medium)',
      // The same code text, another `r`: two acts, never merged as repeats (review 130).
      code: 'module.exports=function(){var g=function(r){try{return Function("return "+r)()}catch(r){return Function("return "+r)()}};return g("1")}',
      at: ['Function("return "+r)()}catch', 'Function("return "+r)()}}'],
      severity: 'medium',
    },
    // get-intrinsic in Qwen Code 0.15.10 (review 62): a function expression given a name, kept by esbuild's __name, called with three fixed texts.
    {
      name: 'a parameter of a named function expression (also wrapped by __name) every caller fills with fixed text is fixed code (low)',
      code: 'var __defProp=Object.defineProperty;var __name=(t,v)=>__defProp(t,"name",{value:v,configurable:!0});var R=(function(){var $F=Function;var get=/* @__PURE__ */ __name(function(x){try{return $F(\'"use strict"; return (\'+x+").constructor;")()}catch(e){}},"get");var plain=function(s){return new Function("return "+s)};function d(n){var v;if(n===1)v=get("async function () {}");else v=get("function* () {}");return [v,plain("1"),plain("2")]}return{d}})();module.exports=R',
      at: ['$F(', 'new Function('],
      severity: 'low',
      message: /with fixed code$/,
    },
    // The same in Qwen Code 0.15.10's cli.js (review 73): inside esbuild's __commonJS factory, an ordinary function's scope.
    {
      name: 'a local of a CommonJS factory named by __name, every caller filling it with fixed text, is fixed code (low)',
      code: 'var __defProp=Object.defineProperty;var __name=(t,v)=>__defProp(t,"name",{value:v,configurable:true});var __commonJS=(cb,mod)=>function __require(){return mod||(0,cb[Object.getOwnPropertyNames(cb)[0]])((mod={exports:{}}).exports,mod),mod.exports};var req=__commonJS({"node_modules/get-intrinsic/index.js"(exports,module){"use strict";var $F=Function;var getEvalledConstructor=/* @__PURE__ */ __name(function(s){try{return $F(\'"use strict"; return (\'+s+").constructor;")()}catch(e){}},"getEvalledConstructor");var doEval=/* @__PURE__ */ __name(function doEval(n){var v;if(n==="%AsyncFunction%"){v=getEvalledConstructor("async function () {}")}else if(n==="%GeneratorFunction%"){v=getEvalledConstructor("function* () {}")}return v},"doEval");module.exports=doEval}});module.exports=req();',
      at: ['$F('],
      severity: 'low',
      message: /with fixed code$/,
    },
    // Qwen Code 0.21.10 (review 83): code splitting puts __name in a shared chunk, imported by every other chunk.
    {
      name: 'a function named by __name imported from a chunk of the same build, every caller filling it with fixed text, is fixed code (low)',
      code: 'import { __name } from "./chunk-ABC123.js";var $F=Function;var getEvalledConstructor=/* @__PURE__ */ __name(function(s){try{return $F(\'"use strict"; return (\'+s+").constructor;")()}catch(e){}},"getEvalledConstructor");var doEval=/* @__PURE__ */ __name(function doEval2(n){var v;if(n==="%AsyncFunction%")v=getEvalledConstructor("async function () {}");else if(n==="%GeneratorFunction%")v=getEvalledConstructor("function* () {}");return v},"doEval");export default doEval;',
      at: ['$F('],
      severity: 'low',
      message: /with fixed code$/,
    },
    {
      name: 'a helper called __name from a package (not a chunk of the same build) names nothing: computed (medium)',
      code: 'import { __name } from "keep-names";var $F=Function;var getEvalledConstructor=/* @__PURE__ */ __name(function(s){try{return $F(\'"use strict"; return (\'+s+").constructor;")()}catch(e){}},"getEvalledConstructor");var doEval=/* @__PURE__ */ __name(function doEval2(n){var v;if(n==="%AsyncFunction%")v=getEvalledConstructor("async function () {}");return v},"doEval");export default doEval;',
      at: ['$F('],
      severity: 'medium',
    },
    {
      name: 'a named function expression also handed out as a value, or renamed by a helper that does more, stays computed (medium)',
      code: 'var R=(function(){var g=function(x){return new Function("return "+x)};var wrap=(f,n)=>{f.extra=n;return f};var h=wrap(function(y){return new Function("return "+y)},"h");function d(){return [g("1"),h("2")]}return{d,g}})();module.exports=R',
      at: ['new Function("return "+x', 'new Function("return "+y'],
      severity: 'medium',
    },
    // name of a constant list, and the list joined; flagged computed (medium) before.
    {
      name: 'a parameter every call fills from a list nothing changes is one of its fixed texts (edge-runtime patchInstanceOf)',
      code: 'const vm=require("vm");class VM{constructor(e={}){for(const e of NAMES){patch(e,this.context)}}}const NAMES=["Object","Array","RegExp"];function patch(item,ctx){ctx[Symbol.for(`node:${item}`)]=eval(item);return vm.runInContext(`globalThis.${item} = new Proxy(${item}, {})`,ctx)}',
      at: ['eval(item)', 'vm.runInContext(`'],
      severity: 'low',
      message: /with fixed code$/,
      allEvidence: ['(one of 3 fixed texts)'],
    },
    {
      name: 'a list nothing changes, joined, is fixed (edge-runtime getTransferablePrimitivesFromContext)',
      code: 'const vm=require("vm");const NAMES=["Object","Array","RegExp"];function primitives(c){const A=NAMES.join(",");const t=`({${A}})`;return vm.runInContext(t,c)}for(const n of NAMES)NAMES.includes(n)',
      at: ['vm.runInContext(t'],
      severity: 'low',
      evidence: ['evaluates to "({Object,Array,RegExp})"'],
    },
    {
      name: 'a list changed anywhere, or handed to code that could change it, is not constant (medium)',
      code: 'const A=["x"];A.push(process.argv[2]);for(const k of A)eval(k);const B=["y"];keep(B);for(const k of B)eval(k);const C=["z"];C.forEach((v,i,all)=>all.push(v));eval(C.join(""));const D=["w"];D[0]=globalThis.code;eval(D[0])',
      at: ['eval(k);const B', 'eval(k);const C', 'eval(C', 'eval(D'],
      severity: 'medium',
    },
    {
      name: 'a parameter of a function also passed as a value, exported, or called with anything else is computed (medium)',
      code: 'const L=["a"];function p1(s){return eval(s)}for(const k of L)p1(k);[process.argv[2]].forEach(p1);function p2(s){return eval(s)}for(const k of L)p2(k);p2(process.argv[2]);function p3(s){arguments[0]=globalThis.x;return eval(s)}for(const k of L)p3(k);module.exports={p4};function p4(s){return eval(s)}p4("a")',
      at: ['eval(s)}for(const k of L)p1', 'eval(s)}for(const k of L)p2', 'eval(s)}for(const k of L)p3', 'eval(s)}p4'],
      severity: 'medium',
    },
    { name: 'a list exported in an export list is not settled (medium)', code: 'const A=["a"];export{A};for(const i of A)eval(i);', at: ['eval(i)'], severity: 'medium' },
    { name: 'a function exported in an export list may be called with anything (medium)', code: 'const B=["b"];function f(s){return eval(s)}export{f as g};for(const j of B)f(j);', at: ['eval(s)'], severity: 'medium' },
    { name: "a classic script's top-level list is global: other scripts can change it (medium)", code: 'const L=["Object"];for(const k of L)eval(k)', at: ['eval(k)'], severity: 'medium' },
    { name: "a classic script's top-level function can be called by other scripts with anything (medium)", code: 'function run(s){return eval(s)}run("x")', at: ['eval(s)'], severity: 'medium' },
    { name: "the same list in a CommonJS module's own scope is settled (low)", code: 'const vm=require("vm");const L=["Object"];for(const k of L)vm.runInThisContext(k)', at: ['vm.runInThisContext'], severity: 'low' },
    { name: 'a direct eval of elements that are code could change the list it loops over (medium)', code: 'const vm=require("vm");function f(){const L=["L.push(process.argv[2])","1"];for(const k of L)eval(k)}', at: ['eval(k)'], severity: 'medium' },
    {
      name: 'many direct evals over lists in one scope are each judged once (no blow-up), and stay fixed',
      code: `const vm=require("vm");function f(){${Array.from({ length: 40 }, (_, i) => `const L${i}=["Object","Array"];for(const k${i} of L${i})eval(k${i});`).join('')}}`,
      at: Array.from({ length: 40 }, (_, i) => `eval(k${i})`),
      severity: 'low',
    },
    // A helper's adversarial review of the first version: each of these ran outside input while reported fixed.
    { name: 'more pairings than can be listed is no answer, not an empty fixed one (medium, never info)', code: 'require("vm");const A=["0","1","2","3","4","5","6","7","8"];for(const a of A)for(const b of A)eval(a+b+a+b+";"+process.argv[2])', at: ['eval('], severity: 'medium' },
    { name: 'a callback with a rest parameter receives the list (medium)', code: 'require("vm");const L=["Object"];L.forEach((...a)=>{a[2][0]=process.argv[2]});for(const c of L)eval(c)', at: ['eval('], severity: 'medium' },
    { name: 'a computed method used as a tag, or an index read used as an object, can change the list (medium)', code: 'require("vm");const L=["Object"];L["push"]`${process.argv[2]}`;for(const c of L)eval(c);const M=["1"];M["__proto__"]["join"]=()=>process.argv[2];eval(M.join(";"))', at: ['eval(c)', 'eval(M'], severity: 'medium' },
    { name: 'a loop variable of the same name as the parameter is another variable (medium)', code: 'require("vm");const SAFE=["Object"];function run(code){for(const code of SAFE)console.log(code);eval(code)}run(process.argv[2])', at: ['eval(code)'], severity: 'medium' },
    { name: 'a catch parameter in a nested function hides the function name there: that call counts (medium)', code: 'require("vm");function run(code){eval(code)}run("Object");function g(){try{JSON.parse("x")}catch(run){}run(process.argv[2])}g()', at: ['eval('], severity: 'medium' },
    { name: 'an inner loop rebinding the loop variable hides the list element (medium)', code: 'require("vm");const L=["Object"];function run(code){eval(code)}for(const k of L){for(let k of process.argv.slice(2))run(k)}', at: ['eval('], severity: 'medium' },
    { name: "a callback's element comes from the list named where the call is written, not one inside the callback (medium)", code: 'require("vm");const A=process.argv.slice(2);A.forEach(k=>{const A=["Object"];eval(k)})', at: ['eval('], severity: 'medium' },
    { name: "a block's own constant is not the name used outside the block, nor one a with or a catch can stand in for (medium)", code: 'require("vm");const s=process.argv[2];function g(){{const s="1+1";console.log(s)}eval(s)}function h(){try{throw process.argv[2]}catch(s){{const s="1+1"}eval(s)}}const t="1+1";with(JSON.parse(process.argv[2]))eval(t)', at: ['eval(s)}function', 'eval(s)}}', 'eval(t)'], severity: 'medium' },
    { name: "a block's constant used inside that block is still fixed (low)", code: 'require("vm");function g(x){if(x){const code="1+1";return eval(code)}}', at: ['eval('], severity: 'low' },
    { name: 'a with statement in the scope leaves the list unsettled (medium)', code: 'const B=["b"];function f(s){with(o){B.join(",")}return eval(s)}for(const k of B)f(k);', at: ['eval(s)'], severity: 'medium' },
    {
      name: "another direct eval in the list's scope could change it (medium)",
      code: 'function a(){const L=["x"];eval(process.argv[2]);for(const k of L)eval(k)}',
      at: ['eval(process', 'eval(k)'],
      severity: 'medium',
    },
    {
      name: "another direct eval in the list's scope whose own code only names a global cannot change it (low)",
      code: 'function b(){const L=["Object","Array"];for(const k of L){globalThis[k]=eval(k);new Function(`return ${L.join(";")}`)()}}',
      at: ['eval(k)', 'new Function'],
      severity: 'low',
    },
    {
      name: 'a loop variable redeclared in a block around the call is not the list\'s element (medium)',
      code: 'const L=["a"];function run(s){return eval(s)}for(const k of L){{const k=process.env.CODE;run(k)}}',
      at: ['eval('],
      severity: 'medium',
    },
  ],
  valid: [
    { name: 'a local named eval, or another function, given to .then', code: 'function f(eval){return p.then(eval)}p.then(parse);p.then(JSON.parse)' },
    { name: 'call and apply of a local named Function, or of an object\'s Function property, are not the global', code: 'function h(Function,src){return Function.apply(null,[src])}const o={Function:{call(){}}};o.Function.call(null,src);class Function2{};Reflect.construct(Function2,[src])' },
    { name: 'a local name for something else called F is not the Function constructor', code: 'function g(s){const F=s.make;return new F(s.code)}' },
    { name: 'a local function named eval', code: 'function f(){const eval2=1;const o={eval(x){return x}};o.eval(1)}' },
    { name: 'timers with functions', code: 'setTimeout(()=>x(),10);setInterval(f,5)' },
    { name: 'Function as a type check', code: 'x instanceof Function;Function.prototype.call.bind(f)' },
  ],
});

describe('dynamic-code: other direct evals in the scope of a JSON insert', () => {
  it('beside an eval whose code could change a name (an assignment, a call), the JSON import is computed (medium)', () => {
    for (const other of ['f = ${JSON.stringify(g)}', 'h(${JSON.stringify(g)})']) {
      const code = `async function r(f,g){eval(\`${other}\`);return await eval(\`import(\${JSON.stringify(f)})\`)}`;
      const found = scanWith([dynamicCode], code).map(f => `${f.column} ${f.severity}`);
      assert.deepEqual(found, [`23 low`, `${code.indexOf('eval(`import') + 1} medium`], code);
    }
  });
});
