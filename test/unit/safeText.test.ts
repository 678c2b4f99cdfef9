import * as assert from 'node:assert/strict';
import { printable } from '../../src/core/text/safeText';

describe('printable text from scanned code', () => {
  it('shows control, bidi, zero-width and tag characters as escapes', () => {
    assert.equal(printable('a\u001b[31mb'), 'a\\u{1B}[31mb');
    assert.equal(printable('x\u202ey\u2066'), 'x\\u{202E}y\\u{2066}');
    assert.equal(printable('zero\u200bwidth\ufeff'), 'zero\\u{200B}width\\u{FEFF}');
    assert.equal(printable('tag\u{e0041}'), 'tag\\u{E0041}');
    assert.equal(printable('line\nbreak\u2028'), 'line\\u{A}break\\u{2028}');
  });
  it('leaves ordinary text, including non-Latin scripts and typographic quotes, alone', () => {
    assert.equal(printable('Today’s 日期 — ok'), 'Today’s 日期 — ok');
  });
});
