import { jsObfuscator } from '../../../src/core/rules/js-obfuscator';
import { runRuleTable } from '../../helpers/ruleTester';

const names = Array.from({ length: 24 }, (_, i) => `_0x${(0x1a2b + i).toString(16)}`);
const uses = names.map(n => `var ${n}=1;`).join('');
const obfuscated = `${uses}function _0x4f2a(){const _0x9c1e=["log","push","shift"];_0x4f2a=function(){return _0x9c1e;};return _0x4f2a();}(function(_0x3b1d,_0x2e0f){while(!![]){try{_0x3b1d["push"](_0x3b1d["shift"]());break}catch(e){_0x3b1d.push(_0x3b1d.shift())}}})(_0x4f2a,123);`;

runRuleTable(jsObfuscator, {
  invalid: [
    { name: 'the string-array accessor and rotation, one finding per file', code: obfuscated, at: ['_0x4f2a=function'], severity: 'high' },
  ],
  valid: [
    { name: 'a round-robin queue rotation in minified code', code: 'function r(q){q.push(q.shift());return q[0]}' },
    { name: 'a few _0x names are not obfuscation', code: 'function _0x1234(){_0x1234=function(){};var _0xabcd=[];_0xabcd.push(_0xabcd.shift())}' },
  ],
});
