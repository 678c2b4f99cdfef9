import { hostInfo } from '../../../src/core/rules/host-info';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(hostInfo, {
  invalid: [
    { name: 'os.hostname and os.userInfo', code: 'const os=require("os");a=os.hostname();b=os.userInfo().username', at: ['os.hostname', 'os.userInfo'], severity: 'low' },
    // Qwen Code (review 51): addresses only compared with a host name.
    { name: 'network interfaces whose MAC addresses are not read here are low', code: 'import{networkInterfaces as n}from"node:os";m=n();function own(h){for(const e of Object.values(n()))for(const a of e??[])if(a.address===h)return!0}', at: ['n()', 'n()))'], severity: 'low', message: /\(IP addresses\)/ },
    { name: 'a MAC address read from the list, through Object.values, a loop or an index, is medium', code: 'const os=require("os");function m(){for(const i of Object.values(os.networkInterfaces()).flat()){if(i&&!i.internal)return i.mac}}function n(){const x=os.networkInterfaces();return x.en0[0].mac}', at: ['os.networkInterfaces()).flat', 'os.networkInterfaces();'], severity: 'medium', message: /MAC addresses/ },
    { name: 'the CPU model', code: 'import o from"os";d=o.cpus()[0].model', at: ['o.cpus'] },
    { name: "rolldown's CommonJS import wrapped again by its runtime's __toESM", code: 'const rt=require("./rt.cjs");let os=require("os");os=rt.__toESM(os,1);function h(){return os.default.hostname()}exports.h=h;', at: ['os.default.hostname'] },
    { name: 'a minified alias', code: 'var egr=require("node:os");let Yn=egr.hostname().split(".")[0]', at: ['egr.hostname'] },
    // CodeBuddy 0.3.201's OpenTelemetry detectors: another function assigns the module's name before its own trailing var.
    { name: "a module's name that another function reuses through a var declared below its use", code: 'var Ay=require("os");function g(){return Ay=[1],Ay.length;var Ay}function d(){var Al,Ac=((Al={}).h=(0,Ay.hostname)(),Al);return Ac}', at: ['(0,Ay.hostname)'] },
  ],
  valid: [
    { name: 'counting cores', code: 'const os=require("os");n=os.cpus().length' },
    { name: 'other os calls', code: 'const os=require("os");os.homedir();os.platform();os.tmpdir()' },
    { name: 'hostname of a URL', code: 'h=new URL(u).hostname;x=req.hostname()' },
  ],
});
