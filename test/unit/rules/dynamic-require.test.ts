import { dynamicRequire } from '../../../src/core/rules/dynamic-require';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(dynamicRequire, {
  invalid: [
    { name: 'require of a variable', code: 'function load(n){return require(n)}', at: ['require(n'], severity: 'low', evidence: ['call require'] },
    { name: 'a template with a substitution', code: 'x=require(`@img/sharp-${p}/lib`)', at: ['require'], message: /@img\/sharp-\*\/lib/ },
    { name: 'import() of a computed specifier', code: 'await import(pathToFileURL(p).href)', at: ['import('] },
    // Copilot CLI 1.0.88 (review 54): its native runtime loaded through createRequire called where it is made.
    { name: 'createRequire called on the spot', code: 'import{createRequire}from"node:module";function load(p){return createRequire(import.meta.url)(p)}', at: ['createRequire(import'], severity: 'low' },
    { name: 'a createRequire alias', code: 'import{createRequire as c}from"node:module";var d6=c(import.meta.url);d6(process.env.X)', at: ['d6(process'], evidence: ['require (as d6)'] },
    { name: 'a name bound once to a literal (kept out of a bundler\'s sight): info, named', code: 'async function r(f){const m="node:fs/promises";const{readFile}=await import(m);return readFile(f)}\nconst P="node:path";function j(){return require(P)}', at: ['import(m', 'require(P'], severity: 'info', message: /^Loads node:(fs\/promises|path) through a name kept in a constant/ },
    // sandbox-runtime 0.0.83 (review 114): its optional SDK, named through two constants.
    { name: 'a name bound to a template of constants (through another name) is a constant: info, named', code: 'const MXC_PKG="@microsoft/mxc-sdk";const MXC_V1=`${MXC_PKG}/v1`;export async function load(){const specifier=MXC_V1;return import(specifier)}', at: ['import(specifier'], severity: 'info', message: /^Loads @microsoft\/mxc-sdk\/v1 through a name kept in a constant \(import\(\)\)/ },
    { name: 'a built-in module put together from parts is hidden, not kept from a bundler: low, spelled', code: 'const n="child_"+"process";export function run(c){return require(n).exec(c)}', at: ['require(n'], severity: 'low', message: /^Loads a module named at run time \(require\): child_process$/ },
    { name: 'a template with a part the caller gives is not a constant', code: 'const PKG="@x/sdk";export async function load(v){const specifier=`${PKG}/${v}`;return import(specifier)}', at: ['import(specifier'], severity: 'low' },
    { name: 'a name assigned in branches is not a constant', code: 'function l(w){let m="a";if(w)m="b";return require(m)}', at: ['require(m'], severity: 'low' },
  ],
  valid: [
    { name: 'fixed specifiers', code: 'require("fs");import("./chunk.js");require(`path`)' },
    { name: 'native addons are native-load\'s', code: 'require(`./build/${n}.node`)' },
    { name: 'require.resolve', code: 'require.resolve(n)' },
  ],
});
