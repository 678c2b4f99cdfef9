import * as assert from 'node:assert/strict';
import { PatternSet, type PatternGroup } from '../../src/core/text/patternSet';
import { RULES } from '../../src/core/rules';
import { triggerForms } from '../../src/core/scan/engine';

/** What one regular expression per group answers: the definition PatternSet must agree with. */
function byRegExp(groups: readonly PatternGroup[], text: string): boolean[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return groups.map(g => g.patterns.length === 0 || new RegExp(g.patterns.filter(p => p).map(escape).join('|') || '(?!)', g.ignoreCase ? 'i' : '').test(text));
}

describe('PatternSet: which groups of strings occur in a text, in one pass', () => {
  it('finds patterns that end inside other patterns (suffix links), in any order', () => {
    const set = new PatternSet([{ patterns: ['she'] }, { patterns: ['he'] }, { patterns: ['hers'] }, { patterns: ['his'] }]);
    assert.deepEqual(set.present('ushers'), [true, true, true, false]);
    assert.deepEqual(set.present('hishe'), [true, true, false, true]);
    assert.deepEqual(set.present('h e r s'), [false, false, false, false]);
  });
  it('keeps case where the group does and folds ASCII letters where it ignores case', () => {
    const set = new PatternSet([{ patterns: ['TZ'] }, { patterns: ['deepseek'], ignoreCase: true }, { patterns: ['Asia/'] }]);
    assert.deepEqual(set.present('const tz = "DeepSeek"; asia/x'), [false, true, false]);
    assert.deepEqual(set.present('process.env.TZ; "Asia/Tokyo"'), [true, false, true]);
    // A case-sensitive match right after a folded near-miss of the same pattern.
    assert.deepEqual(set.present('tZTZ'), [true, false, false]);
  });
  it('matches characters outside ASCII and lone surrogates by code unit, never folded to ASCII', () => {
    const set = new PatternSet([{ patterns: ['\u202e', '\udb40'] }, { patterns: ['к'], ignoreCase: true }, { patterns: ['\\u202e'] }]);
    assert.deepEqual(set.present('a\u202eb'), [true, false, false]);
    assert.deepEqual(set.present('\udb40\udc41'), [true, false, false]);
    assert.deepEqual(set.present('K k К'), [false, false, false]);
    assert.deepEqual(set.present('"\\u202E"'), [false, false, false]);
    assert.deepEqual(set.present('"\\u202e"'), [false, false, true]);
  });
  it('counts a group with no patterns as present and an empty text as holding nothing else', () => {
    const set = new PatternSet([{ patterns: [] }, { patterns: ['x'] }]);
    assert.deepEqual(set.present(''), [true, false]);
    assert.deepEqual(set.present('x'), [true, true]);
  });
  it("agrees with one regular expression per rule on the rules' own triggers, over random texts built from them", () => {
    const groups: PatternGroup[] = RULES.map(r => ({ patterns: r.triggers.flatMap(t => triggerForms(t)), ignoreCase: r.triggersIgnoreCase }));
    const set = new PatternSet(groups);
    const pieces = groups.flatMap(g => g.patterns);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      let text = '';
      for (let k = random(6); k >= 0; k--) {
        const piece = pieces[random(pieces.length)];
        // Cut, change case, glue: near-misses as well as matches.
        const cut = piece.slice(random(2), piece.length - random(2));
        text += ['', ' ', '.', 'x'][random(4)] + (random(3) === 0 ? cut.toUpperCase() : random(3) === 0 ? cut.toLowerCase() : cut);
      }
      assert.deepEqual(set.present(text), byRegExp(groups, text), JSON.stringify(text));
    }
  });
});
