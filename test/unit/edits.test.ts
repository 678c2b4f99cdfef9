import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/text/edits';

describe('edited text mapped back to the original', () => {
  // "a(g(1))+b[g(2)]" with the two reads replaced by their strings.
  const original = 'a(g(1))+b[g(2)]';
  const edited = applyEdits(original, [
    { start: 10, end: 14, text: '"exec"' },
    { start: 2, end: 6, text: '"child_process"' },
  ]);

  it('applies edits given in any order', () => {
    assert.equal(edited.text, 'a("child_process")+b["exec"]');
  });

  it('maps offsets outside replacements by the shift before them, and inside to the replaced span', () => {
    assert.equal(edited.toOriginal(0, 'start'), 0);
    assert.equal(edited.toOriginal(edited.text.indexOf('"child'), 'start'), 2);
    assert.equal(edited.toOriginal(edited.text.indexOf('process'), 'start'), 2);
    assert.equal(edited.toOriginal(edited.text.indexOf(')+'), 'start'), 6);
    assert.equal(edited.toOriginal(edited.text.indexOf('+b'), 'start'), 7);
    assert.equal(edited.toOriginal(edited.text.indexOf('"exec"') + 6, 'end'), 14);
    assert.equal(edited.toOriginal(edited.text.length, 'end'), original.length);
    // The call a("child_process") is a(g(1)) in the original.
    assert.equal(original.slice(edited.toOriginal(0, 'start'), edited.toOriginal(edited.text.indexOf('+'), 'end')), 'a(g(1))');
  });

  it('tells which spans touch a replacement', () => {
    assert.equal(edited.touchesEdit(0, 1), false);
    assert.equal(edited.touchesEdit(0, 4), true);
    assert.equal(edited.touchesEdit(edited.text.indexOf('+'), edited.text.indexOf('[')), false);
    assert.equal(edited.touchesEdit(edited.text.indexOf('['), edited.text.length), true);
  });

  it('drops an edit that overlaps one already applied', () => {
    const e = applyEdits('abcdef', [{ start: 1, end: 4, text: 'X' }, { start: 2, end: 5, text: 'Y' }]);
    assert.equal(e.text, 'aXef');
  });
});
