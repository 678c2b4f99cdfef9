import { nativeLoad } from '../../../src/core/rules/native-load';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(nativeLoad, {
  invalid: [
    { name: 'process.dlopen (medium)', code: 'process.dlopen(m,p)', at: ['process'], severity: 'medium' },
    { name: 'require of a .node addon', code: 'const a=require("./build/Release/pty.node");b=require(path.join(d,"x.node"))', at: ['require("./', 'require(path'], severity: 'low' },
    { name: 'the bindings loader', code: 'const b=require("bindings");b("keytar")', at: ['b("keytar")'] },
    { name: 'an addon path with an environment override', code: 'import{createRequire as c}from"node:module";import p from"node:path";var d6=c(import.meta.url);var Z=d6(process.env.SWIFT_NODE_PATH??p.resolve(__dirname,"../prebuilds/computer_use.node"))', at: ['d6(process'], message: /computer_use\.node/ },
  ],
  valid: [
    { name: 'ordinary requires and a .node string', code: 'require("./node");x="a.node";require("node-pty/package.json")' },
  ],
});
