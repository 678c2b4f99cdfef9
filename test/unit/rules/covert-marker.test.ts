import { covertMarker } from '../../../src/core/rules/covert-marker';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(covertMarker, {
  invalid: [
    { name: 'four apostrophes chosen by two flags (escaped)', code: 'function m(q,K){if(!q&&!K)return"\'";if(q&&!K)return"\\u2019";if(!q&&K)return"\\u02BC";return"\\u02B9"}', at: ['m(q,K)'], evidence: ['U+0027 APOSTROPHE'] },
    { name: 'raw characters in a ternary', code: 'const s=c?"’":"\'";', at: ['c?'] },
    { name: 'an arrow returning a zero-width choice', code: 'const z=(f)=>f?"\\u200B":"";', at: ['(f)'], evidence: ['U+200B ZERO WIDTH SPACE'] },
    // temml's spaceCharacter(width), bundled in defuddle and @agent-infra's browser server (review 50): a \kern's em width.
    { name: 'spaces of different widths picked by where a number falls: typesetting, low, once for the whole ?: chain', code: 'function Qt(e){return e>=.05555&&e<=.05556?"\\u200a":e>=.1666&&e<=.1667?"\\u2009":e>=.2777&&e<=.2778?"\\u2005\\u200a":""}', at: ['Qt(e)'], severity: 'low', message: /picks a space of one of 4 widths by where a number falls \(typesetting\)/, evidence: ['U+2005 FOUR-PER-EM SPACE'] },
    { name: 'the same spaces picked by a flag or a text comparison stay a marker (medium)', code: 'function Qt(e){return e.kind==="cn"?"\\u200a":e.pro?"\\u2009":""}\nconst s=w>1&&user?"\\u2009":" ";', at: ['Qt(e)', 'w>1'], severity: 'medium' },
    { name: 'a lookup table indexed by a computed value', code: 'const a=["\'","\\u2019","\\u02BC"][q*2+K];', at: ['["'] },
    { name: 'homoglyph letters', code: 'const w=flag?"p\\u0430ss":"pass"', at: ['flag'], evidence: ['CYRILLIC LETTER LOOKING LIKE "a"'] },
    { name: 'a trailing space after a word', code: 'const v=k?"Done ":"Done"', at: ['k?'] },
    { name: 'an invisible sentinel stored in an editor\'s property is low (CodeMirror\'s select-all marker)', code: 'function f(t,e){t.prevInput=e?"":"\\u200b"}', at: ['e?'], severity: 'low', message: /stores nothing or an invisible character in a property/ },
    { name: 'a visible look-alike stored in a property stays medium', code: 'function f(t,e){t.quote=e?"\\u2019":"\'"}', at: ['e?'], severity: 'medium' },
    { name: 'an invisible choice joined to text stays medium', code: 'function f(t,e){t.text=t.text+(e?"\\u200b":"")}', at: ['e?'], severity: 'medium' },
    { name: 'a variation selector', code: 'x=isCn?"OK\\uFE0F":"OK"', at: ['isCn'] },
  ],
  valid: [
    { name: 'a fixed typographic apostrophe in a message', code: 'const m="Today’s date is "+d;function f(){return"Don’t stop"}' },
    { name: 'a smart-quotes converter', code: 'const s=t.replace(/\'/g,"’").replace(/"/g,"”")' },
    { name: 'i18n messages with typographic quotes', code: 'const msgs={en:"It’s done",fr:"C’est fait",de:"„Fertig“"};function get(l){return msgs[l]}' },
    { name: 'whitespace formatting choices', code: 'const a=z?": ":":",b=w?"\\r\\n":"\\n",c=p?" ":"",d=q?"\\t":"  "' },
    { name: 'different visible strings', code: 'const s=c?"yes":"no";function f(q){return q?"’s":"s"}' },
    { name: 'a single fixed return', code: 'function q(){return"\\u2019"}' },
    { name: 'a lookup with a literal index', code: 'const a=["\'","\\u2019"][1]' },
    { name: 'opening or closing quotes chosen by position', code: 'const q=o?"\\u2026\\u201D":"\\u201C\\u2026";const s=a?"\\u2018":"\\u2019"' },
    { name: 'writing a byte order mark or not', code: 'const t=(W?.bom?"\\uFEFF":"")+body' },
    { name: 'keeping a byte order mark the input already had', code: 'const bom=content.startsWith("\\uFEFF")?"\\uFEFF":""' },
  ],
});
