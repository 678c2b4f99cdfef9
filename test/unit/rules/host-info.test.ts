import { hostInfo } from '../../../src/core/rules/host-info';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(hostInfo, {
  invalid: [
    { name: 'os.hostname and os.userInfo', code: 'const os=require("os");a=os.hostname();b=os.userInfo().username', at: ['os.hostname', 'os.userInfo'], severity: 'low' },
    { name: 'network interfaces (MAC addresses) are medium', code: 'import{networkInterfaces as n}from"node:os";m=n()', at: ['n()'], severity: 'medium' },
    { name: 'the CPU model', code: 'import o from"os";d=o.cpus()[0].model', at: ['o.cpus'] },
    { name: 'a minified alias', code: 'var egr=require("node:os");let Yn=egr.hostname().split(".")[0]', at: ['egr.hostname'] },
  ],
  valid: [
    { name: 'counting cores', code: 'const os=require("os");n=os.cpus().length' },
    { name: 'other os calls', code: 'const os=require("os");os.homedir();os.platform();os.tmpdir()' },
    { name: 'hostname of a URL', code: 'h=new URL(u).hostname;x=req.hostname()' },
  ],
});
