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
  ],
  valid: [
    { name: 'fixed specifiers', code: 'require("fs");import("./chunk.js");require(`path`)' },
    { name: 'native addons are native-load\'s', code: 'require(`./build/${n}.node`)' },
    { name: 'require.resolve', code: 'require.resolve(n)' },
  ],
});
