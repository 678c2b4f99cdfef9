import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/model';
import { renderDetails, ruleDocSection } from '../../../src/views/findingDetailsText';

const DOC = '# x\n\n## What it finds\nA [probe](timezone-probe.md) read, **really**.\n\n## False positives\nSome.\n\n## What to do\nStep one.\nStep two.\n\n## Example\n```js\nx\n```\n';

function finding(over: Partial<Finding> = {}): Finding {
  return { ruleId: 'encoded-payload', category: 'obfuscation', severity: 'high', message: 'Decodes a payload', file: 'bin/tool', line: 3, column: 5, evidence: [], related: [], ...over };
}

describe('Finding Details text (editor)', () => {
  it('reads a rule page section as plain text: link targets and emphasis dropped, up to the next heading', () => {
    assert.equal(ruleDocSection(DOC, 'What it finds'), 'A probe read, really.');
    assert.equal(ruleDocSection(DOC, 'What to do'), 'Step one.\nStep two.');
    assert.equal(ruleDocSection(DOC, 'Nope'), undefined);
  });

  it('writes scanned text as one inert line each: control, bidi and line-break characters made visible', () => {
    const f = finding({
      message: 'm\u202Eevil',
      evidence: ['\u001b[31m<img src=x onerror=alert(1)>', 'line\nbreak'],
      decodedFrom: 'base64 -> xor 0x5b',
      host: 'x.evil.net',
      excerpt: 'fetch("https://x.evil.net/a"),open("file:///etc/passwd")',
      vendor: ['deepseek'],
      country: ['CN'],
    });
    const { text } = renderDetails({ target: { root: '/r', name: 'T', kind: 'path' }, finding: f, doc: DOC, places: { home: '/h' }, suppressed: 'ok\u202E' });
    assert.ok(text.includes('\nSuppressed: by the workspace policy: ok\\u{202E}\n'));
    assert.ok(!/[\u001b\u202E]/.test(text));
    assert.ok(text.includes('\n  - \\u{1B}[31m<img src=x onerror=alert(1)>\n'));
    assert.ok(text.includes('\n  - line\\u{A}break\n'), 'a line break in evidence does not fake another item');
    assert.ok(text.includes('\nm\\u{202E}evil\n'));
    assert.ok(text.includes('\n  Decoded from: base64 -> xor 0x5b\n'));
    assert.ok(text.includes('\nHost:       x.evil.net\nVendor:     deepseek\nCountry:    CN\n'));
    assert.ok(text.includes('\nWhat to do\n  Step one.\n  Step two.\n'));
    assert.ok(text.includes('Excerpt: fetch("https[:]//x.evil.net/a"),open("file[:]///etc/passwd")'), 'URLs are defanged: the editor links every http://, https:// and file://');
    assert.ok(!text.includes('://'));
  });

  it('links each step, in order, to its place (modules inside a binary by entry), and the rule page', () => {
    const f = finding({
      entry: '/$bunfs/root/a.js',
      related: [
        { file: 'bin/tool', entry: '/$bunfs/root/a.js', line: 1, column: 2, message: 'reads' },
        { file: 'bin/tool', entry: '/$bunfs/root/a.js', line: 9, column: 1, message: 'compares' },
      ],
    });
    const { text, links } = renderDetails({ target: { root: '/r', name: 'T', kind: 'cli' }, finding: f, places: { home: '/h' } });
    const lines = text.split('\n');
    const shown = links.map(l => lines[l.line].slice(l.start, l.end));
    assert.deepEqual(shown, ['Open Rule Documentation', 'bin/tool › /$bunfs/root/a.js:3:5', 'bin/tool › /$bunfs/root/a.js:1:2', 'bin/tool › /$bunfs/root/a.js:9:1']);
    assert.deepEqual(links[2].target, { kind: 'location', location: { root: '/r', file: 'bin/tool', entry: '/$bunfs/root/a.js', line: 1, column: 2, endLine: undefined, endColumn: undefined } });
    assert.ok(text.includes('  (the rule documentation has no "What to do" section)'));
  });

  it('names a native-code finding by byte offset, with no link to a line', () => {
    const { text, links } = renderDetails({ target: { root: '/r', name: 'T', kind: 'cli' }, finding: finding({ line: undefined, column: undefined, offset: 77, confidence: 'approximate' }), places: { home: '/h' } });
    assert.ok(text.includes('Location:   bin/tool @ byte 77 (native code'));
    assert.equal(links.length, 1);
  });
});
