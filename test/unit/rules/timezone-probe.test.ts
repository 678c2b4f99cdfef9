import { timezoneProbe } from '../../../src/core/rules/timezone-probe';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(timezoneProbe, {
  invalid: [
    { name: 'TZ named in the call of a helper that reads the environment', code: 'function env(k){return process.env[k]}const zone=env("TZ")||"UTC"', at: ['env("TZ")'], severity: 'low', related: ['read here: process.env[k]', 'TZ is written here'] },
    { name: 'the plain call chain', code: 'const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;', at: ['Intl.DateTimeFormat'], severity: 'medium' },
    { name: 'new Intl.DateTimeFormat with options', code: 'let t = new Intl.DateTimeFormat("en", {}).resolvedOptions().timeZone', at: ['new Intl'] },
    { name: 'a computed string key', code: 'x=Intl.DateTimeFormat().resolvedOptions()["timeZone"]', at: ['Intl'] },
    { name: 'a computed key held in a const', code: 'const k="timeZone";function f(){return Intl.DateTimeFormat().resolvedOptions()[k]}', at: ['Intl'] },
    { name: 'optional chaining', code: 'v=Intl?.DateTimeFormat?.()?.resolvedOptions?.()?.timeZone', at: ['Intl'] },
    { name: 'destructuring', code: 'function f(){const {timeZone} = Intl.DateTimeFormat().resolvedOptions(); return timeZone}', at: ['timeZone}'] },
    { name: 'destructuring with rename', code: 'function f(){let {locale:l,timeZone:z}=Intl.DateTimeFormat().resolvedOptions();return z}', at: ['timeZone:z'] },
    { name: 'an alias through a variable', code: 'function f(){var o=Intl.DateTimeFormat().resolvedOptions();return o.timeZone}', at: ['o.timeZone'] },
    { name: 'minified memo of the timezone', code: 'function Hu6(){if(!ns8)ns8=Intl.DateTimeFormat().resolvedOptions().timeZone;return ns8}var ns8=null;', at: ['Intl'] },
    { name: 'getTimezoneOffset', code: 'const off = new Date().getTimezoneOffset();', at: ['new Date'], severity: 'low' },
    { name: 'process.env.TZ', code: 'if (process.env.TZ) use(process.env["TZ"]);', at: ['process.env.TZ', 'process.env["TZ"]'], severity: 'low' },
    { name: 'TZ destructured from the environment', code: 'const {TZ: zone} = process.env;', at: ['TZ: zone'] },
    { name: 'a position after astral characters (UTF-16 columns)', code: 'const s="𝒳𝒳";const z=Intl.DateTimeFormat().resolvedOptions().timeZone', at: ['Intl'] },
  ],
  valid: [
    { name: 'a timeZone option passed in', code: 'new Intl.DateTimeFormat("en", { timeZone: "UTC" }).format(d)' },
    { name: 'timeZone read from an options object', code: 'function f(opts){return opts.timeZone}' },
    { name: 'a parameter shadowing an alias', code: 'var o=Intl.DateTimeFormat().resolvedOptions();function f(o){return o.timeZone}' },
    { name: 'the word in a string', code: 'console.log("timeZone getTimezoneOffset TZ")' },
    { name: 'another env variable', code: 'const t = process.env.TZ_DATA_DIR;' },
    { name: 'TZ on an object that is not the environment', code: 'config.TZ = 1; read(settings.TZ)' },
  ],
});
