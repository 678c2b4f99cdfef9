import * as assert from 'node:assert/strict';
import { parseSource } from '../../src/core/js/parse';
import { ModuleIndex } from '../../src/core/js/moduleIndex';
import { CallGraph } from '../../src/core/js/callgraph';
import { ValueFlow } from '../../src/core/js/flow';
import { moduleDerivation } from '../../src/core/js/derivation';
import { walk } from '../../src/core/js/walker';
import type { Node } from '../../src/core/js/ast';

/** The module's index walked to the end (settled), its value flow, and every node by source text. */
function analysed(code: string) {
  const ast = parseSource(code).ast!;
  const index = new ModuleIndex(code);
  const nodes: Array<{ node: Node; fn: number }> = [];
  walk(ast as Node, {
    enter: (node, path) => {
      index.enter(node, path);
      nodes.push({ node, fn: index.currentFunction });
    },
    exit: node => index.exit(node),
  });
  const flow = new ValueFlow(index, new CallGraph(index), moduleDerivation(index));
  /** The n-th node (0 first) whose text is `text`, of `type`. */
  const at = (text: string, type: Node['type'], n = 0) => nodes.filter(x => x.node.type === type && code.slice(x.node.start, x.node.end) === text)[n];
  return { index, flow, at, code };
}

const literal = (code: string, value: string) => (node: Node) => (node.type === 'Literal' && node.value === value ? code.slice(node.start, node.end) : undefined);

describe('value flow: answers shared between uses of a settled name', () => {
  it('answers a second use of the same name, and a property of it, as the first', () => {
    const { flow, at, code, index } = analysed('const zones=["Asia/Shanghai"];const cfg={tz:"Asia/Urumqi",other:"x"};function a(t){return zones.includes(t)||t===cfg.tz}function b(t){return zones.indexOf(t)>=0||cfg.tz===t||cfg.other===t}');
    assert.ok(index.settledAll);
    const mark = literal(code, 'Asia/Shanghai');
    const first = flow.origins(at('zones', 'Identifier', 1).node, at('zones', 'Identifier', 1).fn, mark);
    const second = flow.origins(at('zones', 'Identifier', 2).node, at('zones', 'Identifier', 2).fn, mark);
    assert.deepEqual(first.map(r => r.mark), ['"Asia/Shanghai"']);
    assert.deepEqual(second.map(r => r.mark), ['"Asia/Shanghai"']);
    // The property the question follows is part of the answer: `cfg.tz` reaches "Asia/Urumqi", `cfg.other` "x".
    const either = (node: Node) => (node.type === 'Literal' && (node.value === 'Asia/Urumqi' || node.value === 'x') ? node.value : undefined);
    const tz = at('cfg.tz', 'MemberExpression', 1);
    const other = at('cfg.other', 'MemberExpression', 0);
    assert.deepEqual(flow.origins(tz.node, tz.fn, either).map(r => r.mark), ['Asia/Urumqi']);
    assert.deepEqual(flow.origins(other.node, other.fn, either).map(r => r.mark), ['x']);
    assert.deepEqual(flow.origins(at('cfg.tz', 'MemberExpression', 0).node, at('cfg.tz', 'MemberExpression', 0).fn, either).map(r => r.mark), ['Asia/Urumqi']);
  });

  it('gives each use its own answer when the use itself is marked', () => {
    const { flow, at, code } = analysed('let k=1;function f(){return k+k}');
    const second = at('k', 'Identifier', 2).node;
    const mark = (node: Node) => (node === second ? 'the second use' : undefined);
    const firstUse = at('k', 'Identifier', 1);
    assert.equal(flow.origins(firstUse.node, firstUse.fn, mark).length, 0);
    assert.deepEqual(flow.origins(second, at('k', 'Identifier', 2).fn, mark).map(r => r.mark), ['the second use']);
    assert.equal(code.slice(second.start, second.end), 'k');
  });

  it('does not share between uses of a name redeclared in separate blocks (the use picks the value)', () => {
    const { flow, at, code } = analysed('function f(a,b){for(let o of a){g(o)}for(let o of b){h(o)}}f(["one"],["two"])');
    const one = literal(code, 'one');
    const two = literal(code, 'two');
    const inFirst = at('o', 'Identifier', 1);
    const inSecond = at('o', 'Identifier', 3);
    assert.equal(flow.origins(inFirst.node, inFirst.fn, one).length, 1);
    assert.equal(flow.origins(inFirst.node, inFirst.fn, two).length, 0);
    assert.equal(flow.origins(inSecond.node, inSecond.fn, two).length, 1);
    assert.equal(flow.origins(inSecond.node, inSecond.fn, one).length, 0);
  });

  it("takes a parameter's value, not a later block's, at a use before any block names it again", () => {
    // qodercli's worktree set-up: `I.dirs` is the parameter's; the second loop's `I` (a git hooks folder) is not.
    const value = stringsReaching('function f(A,I){let Q=I.dirs;for(let I of Q){use(I)}for(let I of [A+"/.git/hooks"]){run(I)}}f("root",{dirs:["src"]})');
    assert.deepEqual(value('I', 'Identifier', 2), ['src']);
    assert.deepEqual(value('I', 'Identifier', 5), ['/.git/hooks', 'root']);
  });

  it('takes the declaration whose block holds the use, not one of a block closed before it', () => {
    const value = stringsReaching('function f(i){if(a){let i="early";use(i)}else{let i="other";use(i)}return use(i)}f("given")');
    assert.deepEqual(value('i', 'Identifier', 2), ['early']);
    assert.deepEqual(value('i', 'Identifier', 4), ['other']);
    assert.deepEqual(value('i', 'Identifier', 5), ['given']);
  });

  it('keeps the declarations of a name that plain assignments also change, each with its own assignments', () => {
    // qodercli's ShellTool: `i` assigned in a try, declared again later, then given a sandbox helper's paths.
    const value = stringsReaching('function f(){if(a){let i="no";try{i="yes"}catch{i="no2"}use(i)}{let i="session";save(i)}{let i="gitconfig";i=i+"!";show(i)}}');
    assert.deepEqual(value('i', 'Identifier', 3), ['no', 'no2', 'yes']);
    assert.deepEqual(value('i', 'Identifier', 5), ['session']);
    assert.deepEqual(value('i', 'Identifier', 9), ['!', 'gitconfig']);
  });

  it('keeps answers apart by call depth', () => {
    const { flow, at, code } = analysed('function get(){return inner()}function inner(){return "deep"}const v=get();function use(){return v}');
    const deep = literal(code, 'deep');
    const use = at('v', 'Identifier', 1);
    assert.equal(flow.origins(use.node, use.fn, deep, 1).length, 0);
    assert.equal(flow.origins(use.node, use.fn, deep, 2).length, 1);
    assert.equal(flow.origins(use.node, use.fn, deep, 1).length, 0);
  });
});

describe("call graph: a bundler's namespace object", () => {
  // esbuild keeps `var ns = {}; __export(ns, {spawn: () => spawn})` when a namespace is used as
  // a value (`export * as Process`); webpack's `__webpack_require__.d(exports, {...})` is the same shape.
  const code = 'var h=(t,a)=>{for(var n in a)Object.defineProperty(t,n,{get:a[n],enumerable:!0})};var ns={};h(ns,{run:()=>b,self:()=>ns});function b(c){return c}function use(){return ns.run("x")}var other={};h(other,{run:()=>k,n:1});function k(){}function z(){return other.run()}';

  it("resolves ns.m() to the function m's getter returns, and lists that call among the function's callers", () => {
    const { index, at } = analysed(code);
    const graph = new CallGraph(index);
    const call = at('ns.run("x")', 'CallExpression');
    const callee = graph.calleeOf(call.node as never, call.fn);
    assert.equal(callee !== undefined && code.slice(index.functions[callee].node.start, index.functions[callee].node.start + 10), 'function b');
    assert.deepEqual(graph.callersOf(callee!).map(s => code.slice(s.call.start, s.call.end)), ['ns.run("x")']);
  });

  // Kilo CLI (review 60): a shared write helper put on its namespace by plain assignment.
  it('resolves o.m() to the function assigned once to o.m, and not when o.m is given two values', () => {
    const given = 'function write(f,c){return f}var Files={};Files.write=write;function a(){return Files.write("x",1)}var Two={};Two.m=write;Two.m=function(){};function b(){return Two.m()}';
    const { index, at } = analysed(given);
    const graph = new CallGraph(index);
    const call = at('Files.write("x",1)', 'CallExpression');
    const callee = graph.calleeOf(call.node as never, call.fn);
    assert.equal(callee !== undefined && given.slice(index.functions[callee].node.start, index.functions[callee].node.start + 14), 'function write');
    assert.deepEqual(graph.callersOf(callee!).map(s => given.slice(s.call.start, s.call.end)), ['Files.write("x",1)']);
    const two = at('Two.m()', 'CallExpression');
    assert.equal(graph.calleeOf(two.node as never, two.fn), undefined);
  });

  it('leaves an object whose members are not all getters returning a name (not the helper\'s shape) unresolved', () => {
    const { index, at } = analysed(code);
    const call = at('other.run()', 'CallExpression');
    assert.equal(new CallGraph(index).calleeOf(call.node as never, call.fn), undefined);
  });
});

/** The string literals whose values reach the n-th node of `type` written as `text` in `code`, sorted. */
function stringsReaching(code: string) {
  const { flow, at } = analysed(code);
  const strings = (node: Node) => (node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);
  return (text: string, type: Node['type'] = 'Identifier', n = 0) => {
    const v = at(text, type, n);
    return flow.origins(v.node, v.fn, strings).map(r => r.mark).sort();
  };
}

describe('value flow: which argument a parameter takes', () => {
  it('takes, for a parameter read inside a closure, the argument of the call that entered its function', () => {
    const value = stringsReaching('function g(p){const h=()=>p;return h()}function read(){return use(g("HOME"))}const label=g("OPENAI_API_KEY")');
    assert.deepEqual(value('g("HOME")', 'CallExpression'), ['HOME']);
  });

  it('takes no argument after a spread, whose length decides which value lands in the parameter', () => {
    const value = stringsReaching('function get(a,k){return use(k)}get(...pair,"OPENAI_API_KEY");get("x","HOME")');
    assert.deepEqual(value('k', 'Identifier', 1), ['HOME']);
  });

  it('takes the side of || and && a constant on the left decides, along a chain too', () => {
    const value = stringsReaching('const a="A"||x;const b="B"&&y;const c=""||"C";const d="D"||"E"||"F";const e=null??"G";const f=z||"H"');
    assert.deepEqual(value('a'), ['A']);
    assert.deepEqual(value('b'), []);
    assert.deepEqual(value('c'), ['C']);
    assert.deepEqual(value('d'), ['D']);
    assert.deepEqual(value('e'), ['G']);
    assert.deepEqual(value('f'), ['H']);
  });
});

describe('value flow: a parameter default', () => {
  it('applies, for the call the search came in by, only when that call leaves the argument out or passes undefined', () => {
    const value = stringsReaching('function get(k="DEFAULT"){return k}const a=get("GIVEN");const b=get();const c=get(undefined);const d=get(void 0)');
    assert.deepEqual(value('a'), ['GIVEN']);
    assert.deepEqual(value('b'), ['DEFAULT']);
    assert.deepEqual(value('c'), ['DEFAULT']);
    assert.deepEqual(value('d'), ['DEFAULT']);
  });
});

describe('value flow: an object literal with a spread', () => {
  it('takes a key from a spread written with it, not from the properties before the spread', () => {
    const value = stringsReaching('const over={key:"B"};const a={key:"A",...over};const b={key:"A",...{key:"C"}};const c={key:"A",...unknown};use(a.key,b.key,c.key)');
    assert.deepEqual(value('a.key', 'MemberExpression'), ['B']);
    assert.deepEqual(value('b.key', 'MemberExpression'), ['C']);
    // A spread of something unknown may or may not hold the key: the property before it stays.
    assert.deepEqual(value('c.key', 'MemberExpression'), ['A']);
  });
});

// execa 9's shape: `(...args) => callBound({…}, ...args)`, `normalize(...callArguments)`.
describe('value flow: spread arguments and rest parameters', () => {
  it('gives a parameter the element of a spread list that ends the call, and a rest parameter its arguments', () => {
    const value = stringsReaching('function pick(a,b){return use(b)}const xs=["X0","X1"];pick(...xs);pick("A",...["Y0"]);function rest(...args){return use2(args[1],args[i])}rest("R0","R1");function all(f,...more){return use3(more)}all("F","M1","M2")');
    assert.deepEqual(value('b', 'Identifier', 1), ['X1', 'Y0']);
    assert.deepEqual(value('args[1]', 'MemberExpression'), ['R1']);
    // A computed index may be any of them.
    assert.deepEqual(value('args[i]', 'MemberExpression'), ['R0', 'R1']);
    assert.deepEqual(value('more', 'Identifier', 1), ['M1', 'M2']);
  });

  it('reads an element of a written list after its spread from the spread list', () => {
    const value = stringsReaching('function f(first,...rest){const list=[first,...rest];return use(list[2])}f("a","b","c")');
    assert.deepEqual(value('list[2]', 'MemberExpression'), ['c']);
  });
});

describe('call graph: a function a factory makes', () => {
  it('calls the inner function through the name bound to the factory\'s call, the factory\'s thunk argument aside', () => {
    const code = 'const make=(map,opts)=>{const bound=(...a)=>run({map,opts},...a);return opts!==void 0&&opts.x,bound};const execa=make(()=>({}));function run(o,f){return f}execa("git",["status"])';
    const { index, at } = analysed(code);
    const graph = new CallGraph(index);
    const call = at('execa("git",["status"])', 'CallExpression');
    const callee = graph.calleeOf(call.node as never, call.fn);
    assert.equal(callee !== undefined && code.slice(index.functions[callee].node.start, index.functions[callee].node.end), '(...a)=>run({map,opts},...a)');
    assert.deepEqual(graph.callersOf(callee!).map(s => code.slice(s.call.start, s.call.end)), ['execa("git",["status"])']);
    // A memo (a function of no parameters made from a thunk) still stands for its thunk.
    const memo = analysed('const once=(f)=>{let r;return()=>r??=f()};const get=once(()=>"V");get()');
    const memoCall = memo.at('get()', 'CallExpression');
    assert.equal(memo.code.slice(...(() => { const f = new CallGraph(memo.index).calleeOf(memoCall.node as never, memoCall.fn)!; return [memo.index.functions[f].node.start, memo.index.functions[f].node.end] as const; })()), '()=>"V"');
  });
});

// esbuild's keep-names output (Qwen Code's chunks): every function is wrapped as `__name(fn, "name")`.
describe('call graph: a function wrapped by a helper that names it', () => {
  const calleeText = (code: string, call: string) => {
    const { index, at } = analysed(code);
    const c = at(call, 'CallExpression');
    const f = new CallGraph(index).calleeOf(c.node as never, c.fn);
    return f === undefined ? undefined : code.slice(index.functions[f].node.start, index.functions[f].node.end);
  };

  it('calls the function given to a helper that returns it through Object.defineProperty', () => {
    const code = 'var __defProp=Object.defineProperty;var __name=(target,value)=>__defProp(target,"name",{value,configurable:true});var joiny=__name(function joiny2(a,j){return a.join(j)},"joiny");joiny(x,",")';
    assert.equal(calleeText(code, 'joiny(x,",")'), 'function joiny2(a,j){return a.join(j)}');
  });

  it('calls the function given to the helper imported from another chunk (code splitting)', () => {
    const code = 'import{__name}from"./chunk-J2S4EL5Y.js";var joiny=__name(function joiny2(a,j){return a.join(j)},"joiny");joiny(x,",")';
    assert.equal(calleeText(code, 'joiny(x,",")'), 'function joiny2(a,j){return a.join(j)}');
  });

  it("calls a class's constructor from each `new` of the class's name", () => {
    const code = 'class B{constructor(o){this.o=o}m(){}}function run(){return new B({a:1})}';
    const { index, at } = analysed(code);
    const c = at('new B({a:1})', 'NewExpression');
    const f = new CallGraph(index).calleeOf(c.node as never, c.fn);
    assert.equal(f === undefined ? undefined : code.slice(index.functions[f].node.start, index.functions[f].node.end), '(o){this.o=o}');
    assert.deepEqual(new CallGraph(index).callersOf(f!).map(s => code.slice(s.call.start, s.call.end)), ['new B({a:1})']);
  });

  it('does not take a helper that returns something else, or another import, for one that returns its argument', () => {
    assert.equal(calleeText('var wrap=(t,v)=>({t,v});var f=wrap(function g(){},"g");f()', 'f()'), undefined);
    assert.equal(calleeText('import{named}from"./c.js";var f=named(function g(){},"g");f()', 'f()'), undefined);
    // A helper that gives its parameter another value first, or a __name from a package (review 48).
    assert.equal(calleeText('function wrap(f){f=()=>process.argv[2];return f}var g=wrap(function h(x){return x});g(1)', 'g(1)'), undefined);
    assert.equal(calleeText('import{__name}from"keep-names";var j=__name(function j2(){},"j");j()', 'j()'), undefined);
  });
});

// @smithery/cli 4.11.1 (review 40): a writer per file format, chosen by the client's own format.
describe('value flow: what a branch says about a table entry', () => {
  it('follows a property out of a function only into the table entries the branches around its uses allow', () => {
    const value = stringsReaching([
      'const T={a:{kind:"json",path:"A"},b:{kind:"yaml",path:"B"},c:{kind:"json",path:"C"},d:{path:"D"}};',
      'function json(c){return use(c.path)}function yaml(c){if(c.kind!=="yaml")return;return use(c.path)}',
      'function sw(c){switch(c.kind){case "yaml":return use(c.path);default:return use(c.path)}}',
      'function pick(n){const c=T[n];const k=c.kind;k==="json"?json(c):yaml(c);sw(c)}',
    ].join('\n'));
    assert.deepEqual(value('c.path', 'MemberExpression', 0), ['A', 'C', 'D'], 'an entry written with another kind is left out; one with none may be set later');
    assert.deepEqual(value('c.path', 'MemberExpression', 1), ['B', 'D']);
    assert.deepEqual(value('c.path', 'MemberExpression', 2), ['B', 'D'], 'a case of a switch');
    assert.deepEqual(value('c.path', 'MemberExpression', 3), ['A', 'B', 'C', 'D'], 'the default case: the one above may fall into it');
  });
});

describe("value flow: a callback's element of the list an array method is called on", () => {
  const dirs = (node: Node) => (node.type === 'Literal' && typeof node.value === 'string' && node.value.startsWith('/') ? node.value : undefined);
  it('follows a destructured callback parameter of map/forEach to the property of the list elements (Gemini CLI /setup-github)', () => {
    const { flow, at } = analysed('function dl({dir}){return dir}function setup(configs){return configs.map(({paths,dir})=>dl({paths,dir}))}setup([{paths:["a.yml"],dir:"/repo/.github/workflows"},{paths:[],dir:"/other"}]);const xs=["/etc/x"];xs.forEach(p=>use(p))');
    const inner = at('dir', 'Identifier', 2);
    assert.deepEqual(flow.origins(inner.node, inner.fn, dirs).map(r => r.mark).sort(), ['/other', '/repo/.github/workflows']);
    const p = at('p', 'Identifier', 1);
    assert.deepEqual(flow.origins(p.node, p.fn, dirs).map(r => r.mark), ['/etc/x']);
  });
  it("does not take a reduce accumulator, a second parameter or another method's callback for an element", () => {
    const { flow, at } = analysed('const xs=["/etc/x"];xs.reduce((acc,p)=>acc+p,"/start");xs.map((p,i)=>i);xs.sort((a,b)=>a);');
    const acc = at('acc', 'Identifier', 1);
    assert.deepEqual(flow.origins(acc.node, acc.fn, dirs).map(r => r.mark), []);
    const i = at('i', 'Identifier', 1);
    assert.deepEqual(flow.origins(i.node, i.fn, dirs).map(r => r.mark), []);
  });
});

describe('module index: a var declared below its use (minifiers put it last)', () => {
  const strings = (node: Node) => (node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);
  it("keeps an assignment before a function's trailing `var` in that function, out of the module's name", () => {
    const { flow, at, index } = analysed('const o=require("node:fs");function a(){return o=["--version"],run("git",o);var o}use(o)');
    const outer = at('o', 'Identifier', 4);
    assert.deepEqual(index.binding('o', outer.fn)?.values.map(v => v.node.type), ['CallExpression'], "the module's o keeps its one value, the require");
    const inner = at('o', 'Identifier', 2);
    assert.deepEqual(flow.origins(inner.node, inner.fn, strings).map(r => r.mark), ['--version']);
  });
});

describe('call graph: the module every caller hands a helper', () => {
  const param = (index: ModuleIndex, fnName: string, i: number) => {
    const f = index.functions.find(r => r.node.type === 'FunctionDeclaration' && r.node.id?.name === fnName)!;
    return { type: 'Parameter' as const, fn: f.node, index: i, start: f.node.params[i].start, end: f.node.params[i].end };
  };
  it('gives the module when every call passes the same one, through an `||` default', () => {
    const { index } = analysed('const fs=require("fs"),cp=require("child_process");function w(f,p){f.writeFileSync(p,"")}function r(c){c.spawn("x")}function main(d={}){w(d.fs||fs,"/a");w(fs,"/b");r(cp)}');
    const graph = new CallGraph(index);
    assert.deepEqual(graph.moduleGivenTo(param(index, 'w', 0)), { module: 'fs', path: [] });
    assert.deepEqual(graph.moduleGivenTo(param(index, 'r', 0)), { module: 'child_process', path: [] });
    assert.equal(graph.moduleGivenTo(param(index, 'w', 1)), undefined, 'a path is no module');
  });
  it('gives nothing when one call passes another object, or none is known', () => {
    const { index } = analysed('const fs=require("fs");function w(f,p){f.writeFileSync(p,"")}w(fs,"/a");w({writeFileSync(){}},"/b");function u(f){f.writeFileSync("/c","")}');
    const graph = new CallGraph(index);
    assert.equal(graph.moduleGivenTo(param(index, 'w', 0)), undefined);
    assert.equal(graph.moduleGivenTo(param(index, 'u', 0)), undefined);
  });
});
