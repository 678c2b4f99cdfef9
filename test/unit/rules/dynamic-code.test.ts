import { dynamicCode } from '../../../src/core/rules/dynamic-code';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(dynamicCode, {
  invalid: [
    { name: 'eval of a computed string (medium)', code: 'function f(s){return eval(s)}', at: ['eval'], severity: 'medium' },
    { name: 'indirect eval', code: 'g=(0,eval)(code)', at: ['(0'], severity: 'medium' },
    { name: 'new Function with a computed body', code: 'let m=new Function("a","b",u)(x)', at: ['new Function'], severity: 'medium' },
    { name: 'the globalThis polyfill is info', code: 'var g=Function("return this")()', at: ['Function('], severity: 'info' },
    { name: 'fixed code other than the polyfill is low', code: 'x=(0,eval)("this")', at: ['(0'], severity: 'low' },
    { name: 'the vm module', code: 'const vm=require("vm");vm.runInNewContext(src,ctx);new vm.Script(code)', at: ['vm.runIn', 'new vm'] },
    { name: 'a string timer', code: 'setTimeout("tick()"+n,10)', at: ['setTimeout'], severity: 'medium' },
  ],
  valid: [
    { name: 'a local function named eval', code: 'function f(){const eval2=1;const o={eval(x){return x}};o.eval(1)}' },
    { name: 'timers with functions', code: 'setTimeout(()=>x(),10);setInterval(f,5)' },
    { name: 'Function as a type check', code: 'x instanceof Function;Function.prototype.call.bind(f)' },
  ],
});
