import { regionLiterals } from '../../../src/core/rules/region-literals';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(regionLiterals, {
  invalid: [
    { name: 'timezone equality', code: '_=K==="Asia/Shanghai"||K==="Asia/Urumqi"', at: ['"Asia/Shanghai"', '"Asia/Urumqi"'], severity: 'medium', evidence: ['Asia/Shanghai (CN)'] },
    { name: 'a short list of region timezones, once for the list (low: no comparison seen)', code: 'const R=["Asia/Shanghai","Asia/Hong_Kong","Asia/Macau"];', at: ['['], severity: 'low', evidence: ['Asia/Shanghai (CN)'] },
    { name: 'a short list compared with a value (medium)', code: 'if(["Asia/Shanghai","PRC"].includes(tz))x()', at: ['['], severity: 'medium' },
    { name: 'a Set of lower-case zone names, Windows names included', code: 'const Z=new Set(["asia/shanghai","china standard time","prc","asia/hong_kong"]);Z.has(tz.toLowerCase())', at: ['['], severity: 'medium', allEvidence: ['asia/shanghai (CN)', 'prc (CN)'] },
    { name: 'Taipei and upper-case spellings', code: 'if(tz==="ASIA/TAIPEI"||tz==="Asia/Chongqing")x()', at: ['"ASIA', '"Asia'] },
    { name: 'a Map keyed by region zones only (a lookup of the local zone)', code: 'const M=new Map([["Asia/Shanghai","cn"],["PRC","cn"]]);M.get(tz)', at: ['[['], evidence: ['Asia/Shanghai (CN)'] },
    { name: 'an object keyed by region zones', code: 'const M={"Asia/Shanghai":1,"Asia/Urumqi":1};if(tz in M)x()', at: ['{'] },
    { name: 'a regex over region zones', code: 'if(/^Asia\\/(Shanghai|Urumqi|Hong_Kong)$/i.test(tz))x()', at: ['/^Asia'] },
    { name: 'PRC and the Windows zone name in a switch', code: 'switch(z){case "PRC":case "China Standard Time":x()}', at: ['"PRC"', '"China'] },
    { name: 'startsWith / includes', code: 'tz.includes("Asia/Chongqing")', at: ['"Asia'] },
    { name: 'language tags at low severity', code: 'if(l==="zh-CN"||l==="zh_CN")x()', at: ['"zh-CN"', '"zh_CN"'], severity: 'low' },
    { name: 'the UTC+8 offset compared with getTimezoneOffset', code: 'if(new Date().getTimezoneOffset()===-480)x()', at: ['-480'], evidence: ['-480'] },
    { name: 'the offset through a variable', code: 'function f(){const o=d.getTimezoneOffset();return o==-480}', at: ['-480'] },
    { name: 'a template literal', code: 'x=z===`Asia/Shanghai`', at: ['`Asia'] },
  ],
  valid: [
    // mime-db, bundled by Continue's CLI and Qwen Code: `prc` is a Mobipocket file extension.
    { name: 'a MIME table listing the prc file extension, and a lower-case prc compared alone', code: 'var db={"application/x-mobipocket-ebook":{source:"apache",extensions:["prc","mobi"]}};if(ext==="prc")t="mobi"' },
    { name: 'a timezone table (long array)', code: `const all=[${Array.from({ length: 20 }, (_, i) => `"Asia/Zone${i}"`).join(',')},"Asia/Shanghai"]` },
    { name: 'rows of a table', code: 'const T=new Map([["Asia/Shanghai","CN"],["Asia/Tokyo","JP"]])' },
    { name: 'translation keys', code: 'const m={"zh-CN":{hello:"你好"},"en":{hello:"hi"}}' },
    { name: 'other timezones', code: 'tz==="Asia/Tokyo"||tz==="Europe/Berlin"' },
    { name: 'a region name in a message', code: 'log("Asia/Shanghai is UTC+8")' },
    { name: '-480 compared with something else', code: 'if(width===-480)x()' },
    { name: 'a timezone option passed in', code: 'new Intl.DateTimeFormat("en",{timeZone:"Asia/Shanghai"})' },
  ],
});
