import { machineId } from '../../../src/core/rules/machine-id';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(machineId, {
  invalid: [
    // Copilot CLI 0.0.423 (review 72): the device id @vscode/deviceid keeps, read or made, then sent with its telemetry.
    { name: "the Microsoft DeveloperTools store of VS Code's shared device id, on macOS and Linux (one finding per function)", code: 'const{join}=require("path");function dir(h){if(process.platform==="darwin")return join(h,"Library","Application Support","Microsoft","DeveloperTools");return join(process.env.XDG_CACHE_HOME||join(h,".cache"),"Microsoft","DeveloperTools")}const key="SOFTWARE\\\\Microsoft\\\\DeveloperTools";', at: ['"DeveloperTools")', '"SOFTWARE'], message: /Microsoft DeveloperTools device id/ },
    { name: 'the editor module handed to a function as vscode', code: 'function f(vscode){return vscode.env.machineId}', at: ['vscode.env.machineId'], severity: 'medium' },
    // Review 113: the editor's API handed in under another name, with only its own keys read.
    { name: 'the editor module handed to a function under another name', code: 'const t=require("vscode");function n(e){return [e.env.machineId,e.env.appName]}n(t)', at: ['e.env.machineId'], severity: 'medium' },
    { name: 'vscode.env.machineId as bundled', code: 'const v=require("vscode");t.id=v.env.machineId;d=v.env.devDeviceId', at: ['v.env.machineId', 'v.env.devDeviceId'], severity: 'medium' },
    { name: '/etc/machine-id and the dbus copy, each named as it is', code: 'let q=["/etc/machine-id","/var/lib/dbus/machine-id"]', at: ['"/etc', '"/var'], evidence: ['/etc/machine-id', '/var/lib/dbus/machine-id'] },
    // Found in GitHub Copilot CLI 0.1.36 (OpenTelemetry's host id on FreeBSD).
    { name: "the BSD host id and hardware UUID (/etc/hostid, kenv smbios.system.uuid)", code: 'r=await f.readFile("/etc/hostid",{encoding:"utf8"});u=await x("kenv -q smbios.system.uuid")', at: ['"/etc/hostid"', '"kenv'], message: /BSD/ },
    // Kilo Code 7.7.9 (third review): the ioreg command and the key parsed from its output were two findings of one read.
    { name: 'the macOS IOPlatformUUID: one read, named by the command and the key in one function, is one finding with the other place related', code: 'function u(){const o=exec(\'ioreg -rd1 -c "IOPlatformExpertDevice"\');return o.find(l=>l.includes("IOPlatformUUID"))}', at: ["'ioreg"], related: ['the same id named here: "IOPlatformUUID"'] },
    { name: 'the same id named in two functions is two findings', code: 'function a(){return exec("ioreg -rd1 -c IOPlatformExpertDevice")}function b(o){return o.split("IOPlatformUUID")}', at: ['"ioreg', '"IOPlatformUUID"'] },
    // systeminformation's baseboard() in Gemini CLI 0.45.2 (review 81): the device record's serial number and model, never its UUID.
    { name: "ioreg's device record read for its serial number (keys parsed in any case) is the serial number, not the UUID", code: 'function baseboard(cb){exec("ioreg -c IOPlatformExpertDevice -d 2",(e,out)=>{const lines=out.split("\\n");cb({model:get(lines,"model"),serial:get(lines,"ioplatformserialnumber")})})}', at: ['"ioreg'], message: /^Reads the macOS hardware serial number \(IOPlatformSerialNumber\)$/, severity: 'medium', related: ['the same id named here: "ioplatformserialnumber"'] },
    { name: "the device record read for its UUID, its key lower-cased, is the UUID (one finding for the serial number too)", code: 'function system(){const out=execSync("ioreg -re -d2 -c IOPlatformExpertDevice").toString().toLowerCase();return{uuid:get(out,"ioplatformuuid"),serial:get(out,"ioplatformserialnumber")}}', at: ['"ioreg', '"ioplatformserialnumber"'], message: /hardware (UUID|serial number)/ },
    // CodeBuddy 0.3.201's osxUuid: the key picked out of the output with a regular expression.
    { name: 'the device record read for the UUID its lines are matched with (a regular expression)', code: 'const osxUuid=()=>{for(let l of execSync("ioreg -rd1 -c IOPlatformExpertDevice",{encoding:"utf8"}).split("\\n"))if(/IOPlatformUUID/.test(l))return l}', at: ['"ioreg'], message: /hardware UUID/, severity: 'medium' },
    { name: "the device record with no key parsed in the function is low: which field is kept is not seen", code: 'function chassis(cb){exec("ioreg -c IOPlatformExpertDevice -d 2",(e,out)=>cb(parse(out)))}', at: ['"ioreg'], message: /device record/, severity: 'low' },
    { name: 'the Windows MachineGuid', code: 'reg("HKLM\\\\SOFTWARE\\\\Microsoft\\\\Cryptography","MachineGuid")', at: ['"MachineGuid"'] },
    { name: 'the MachineGuid read through a command in a template literal (seen in a real assistant)', code: 'x=await run(`reg query ${key} /v MachineGuid`)', at: ['`'] },
    { name: 'ioreg in a template', code: 'y=sh(`ioreg -rd1 -c IOPlatformExpertDevice | grep ${f}`)', at: ['`'] },
    { name: 'node-machine-id imported and called', code: 'import{machineIdSync as m}from"node-machine-id";id=m(true)', at: ['"node-machine-id"', 'm(true)'] },
    { name: 'machineIdSync and getDeviceId by name', code: 'a=lib.machineIdSync();b=await d.getDeviceId()', at: ['lib', 'd.get'] },
  ],
  valid: [
    // cline 1.0.10's shim of the editor's API (review 75): it sets the values, nothing reads them.
    { name: 'the value assigned in a shim of the API', code: 'vscode.env.machineId=createStub("vscode.env.machineId");' },
    // claude-agent-sdk 0.3.336's Bun binary: a bridge asks its host for the id the app registered.
    { name: "an app's own getDeviceId callback: optional, on this, on a nested object or a parameter", code: 'class B{constructor(o){this.options=o}hello(ws){ws.send(JSON.stringify({deviceId:this.options.getDeviceId?.()}))}}function f(e){return e.getDeviceId()}g=this.getDeviceId();h=a.b.getDeviceId()' },
    { name: 'process.env.machineId is not the editor id', code: 'x=process.env.machineId' },
    // Factory's daemon (review 110): its own options object handed in, with an `env` of its own.
    { name: "a parameter's env.machineId is the caller's setting, not the editor id", code: 'async function load(i){const s=new Sync({homeDir:i.env.homeDir,machineId:i.env.machineId});s.start()}' },
    { name: 'a bare machineId() of unknown origin', code: 'x=machineId()' },
    { name: 'the words inside prose', code: 'log("reset your machine-id with systemd-machine-id-setup")' },
  ],
});
