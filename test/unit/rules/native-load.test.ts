import { nativeLoad } from '../../../src/core/rules/native-load';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(nativeLoad, {
  invalid: [
    { name: 'process.dlopen (medium)', code: 'process.dlopen(m,p)', at: ['process'], severity: 'medium' },
    { name: 'require of a .node addon', code: 'const a=require("./build/Release/pty.node");b=require(path.join(d,"x.node"))', at: ['require("./', 'require(path'], severity: 'low' },
    { name: 'the bindings loader', code: 'const b=require("bindings");b("keytar")', at: ['b("keytar")'] },
  ],
  valid: [
    { name: 'ordinary requires and a .node string', code: 'require("./node");x="a.node";require("node-pty/package.json")' },
  ],
});
