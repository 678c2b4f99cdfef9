import * as assert from 'node:assert/strict';
import { LineIndex } from '../../src/core/text/lines';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and UTF-16 columns', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(idx.positionAt(0), { line: 1, column: 1 });
    assert.deepEqual(idx.positionAt(3), { line: 2, column: 1 });
    assert.deepEqual(idx.positionAt(7), { line: 3, column: 1 });
    assert.deepEqual(idx.positionAt(10), { line: 4, column: 1 });
    assert.equal(idx.lineText(2), 'cd');
    assert.equal(idx.lineCount, 4);
  });
  it('does not break lines at U+2028 (VS Code does not)', () => {
    assert.deepEqual(new LineIndex('a\u2028b').positionAt(2), { line: 1, column: 3 });
  });
  it('cuts excerpts on long lines', () => {
    const text = `${'x'.repeat(1000)}HIT${'y'.repeat(1000)}`;
    const cut = new LineIndex(text).excerptAt(1000, 10, 13);
    assert.equal(cut.text, `${'x'.repeat(10)}HIT${'y'.repeat(10)}`);
    assert.ok(cut.cutStart && cut.cutEnd);
  });
  it('maps 1-based lines and columns back to offsets, clamped to the text', () => {
    const idx = new LineIndex('ab\ncd\r\nef');
    for (const offset of [0, 1, 3, 4, 7, 8]) {
      const p = idx.positionAt(offset);
      assert.equal(idx.offsetAt(p.line, p.column), offset);
    }
    assert.equal(idx.offsetAt(9, 1), 7);
    assert.equal(idx.offsetAt(3, 99), 9);
  });
});
