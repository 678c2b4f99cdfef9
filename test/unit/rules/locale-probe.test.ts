import { localeProbe } from '../../../src/core/rules/locale-probe';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(localeProbe, {
  invalid: [
    // Kimi Code 0.20.0 (review 77): telemetry context reading the environment a caller may give, else the process's.
    { name: "LANG read on an environment given or else the process's", code: 'function ctx(o){const env=o.env??process.env;return{locale:o.locale??env["LANG"]??""}}', at: ['env["LANG"]'], severity: 'low' },
    { name: 'LANG and LC_ALL named in the calls of a helper that reads the environment', code: 'function env(k){return process.env[k]}const l=env("LC_ALL")||env("LANG")', at: ['env("LC_ALL")', 'env("LANG")'], message: /the (LC_ALL|LANG) environment variable \(locale\)/ },
    { name: 'resolvedOptions().locale', code: 'let q=Intl.DateTimeFormat().resolvedOptions().locale', at: ['Intl'], severity: 'low' },
    { name: 'destructured locale', code: 'const {locale} = new Intl.NumberFormat().resolvedOptions()', at: ['locale}'] },
    { name: 'navigator.language and languages', code: 'a=navigator.language;b=window.navigator.languages', at: ['navigator.language', 'window.navigator'] },
    { name: 'LANG, LC_ALL and LC_MESSAGES', code: 'e=process.env.LANG||process.env.LC_ALL||process.env["LC_MESSAGES"]', at: ['process.env.LANG', 'process.env.LC_ALL', 'process.env["LC'] },
    { name: 'vscode.env.language in a bundle', code: 'var v=require("vscode");const l=v.env.language;', at: ['v.env.language'] },
    { name: 'Electron app.getLocale()', code: 'const {app}=require("electron");app.getLocale();e.app.getSystemLocale()', at: ['app.getLocale', 'e.app'] },
  ],
  valid: [
    // cline 1.0.10's shim of the editor's API (review 75): it sets the values, nothing reads them.
    { name: 'the value assigned in a shim of the API', code: 'vscode.env.language=createStub("vscode.env.language");navigator.language="en"' },
    { name: 'an i18n library getLocale', code: 'i18n.getLocale()' },
    { name: 'process.env.language is not the editor language', code: 'process.env.language' },
    { name: 'LC_TERMINAL is not a locale variable', code: 'process.env.LC_TERMINAL==="iTerm2"' },
    { name: 'a locale option passed in', code: 'new Intl.DateTimeFormat(locale, {locale: "en"})' },
    { name: 'a language field of some object', code: 'doc.language; editor.document.language' },
    // Kilo Code (third review): Intl.Locale parses the tag it is given, here a language code from a transcription service.
    { name: 'Intl.Locale of a tag passed in reads no locale', code: 'function _Aj(H){if(H==null)return;try{let A=new Intl.Locale(H).language;return A.length===2?A:void 0}catch{}}async function t(r){const b=await r.json();return{language:_Aj(b.results[0]?.languageCode)}}' },
  ],
});
