import * as assert from 'node:assert/strict';
import { parseJsonTree, type JsonNode } from '../../../src/core/policy/jsonTree';

function plain(node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries(node.properties.map(p => [p.key, plain(p.value)]));
  if (node.type === 'array') return node.items.map(plain);
  return node.value;
}

function failure(text: string): { message: string; start: number; end: number } {
  const r = parseJsonTree(text);
  assert.ok(!r.ok, `expected ${JSON.stringify(text)} to be rejected`);
  return r.error;
}

describe('policy JSON parser', () => {
  it('reads what JSON.parse reads, to the same values', () => {
    const samples = [
      '{}',
      '[]',
      '{"a": [1, -2.5, 3e2, 0, -0.1E-3], "b": {"c": null, "d": true, "e": false}}',
      '"\\u00e9\\n\\t\\"\\\\\\/ \\ud83d\\ude00"',
      '  {"nested": [[[{"x": "y"}]]]}  \n',
      '{"€": "日本", "": ""}',
    ];
    for (const s of samples) {
      const r = parseJsonTree(s);
      assert.ok(r.ok, s);
      assert.deepEqual(plain(r.root), JSON.parse(s), s);
    }
  });

  it('keeps the offsets of keys and values', () => {
    const text = '{\n  "rules": { "block": ["region-gating"] }\n}';
    const r = parseJsonTree(text);
    assert.ok(r.ok && r.root.type === 'object');
    const rules = r.root.properties[0];
    assert.equal(text.slice(rules.keyStart, rules.keyEnd), '"rules"');
    assert.ok(rules.value.type === 'object');
    const item = rules.value.properties[0].value;
    assert.ok(item.type === 'array');
    assert.equal(text.slice(item.items[0].start, item.items[0].end), '"region-gating"');
  });

  it('skips a byte-order mark', () => {
    const r = parseJsonTree('\ufeff{"a": 1}');
    assert.ok(r.ok);
    assert.deepEqual(plain(r.root), { a: 1 });
  });

  it('rejects what strict JSON rejects, at the spot', () => {
    const cases: Array<[string, RegExp, number]> = [
      ['{"a": 1,}', /trailing comma before "}"/, 7],
      ['[1, 2,]', /trailing comma before "]"/, 5],
      ['{"a": 1 // note\n}', /comments are not allowed/, 8],
      ['/* c */ {}', /comments are not allowed/, 0],
      ["{'a': 1}", /expected a key in double quotes/, 1],
      ['{"a": \'x\'}', /double quotes/, 6],
      ['{a: 1}', /expected a key in double quotes, found "a"/, 1],
      ['{"a" 1}', /expected ":" after the key "a"/, 5],
      ['{"a": 1 "b": 2}', /expected "," or "}"/, 8],
      ['[1 2]', /expected "," or "]"/, 3],
      ['{"a": "x\ny"}', /unterminated string.*line break/, 8],
      ['{"a": "x', /unterminated string/, 6],
      ['{"a": "\\x"}', /invalid escape "\\x"/, 7],
      ['{"a": "\\u12"}', /invalid escape/, 7],
      ['{"a": 01}', /invalid number/, 6],
      ['{"a": 1.}', /invalid number/, 6],
      ['{"a": -}', /invalid number/, 6],
      ['{"a": NaN}', /unexpected "N": expected a value/, 6],
      ['{"a": tru}', /unexpected "t"/, 6],
      ['{"a": 1} x', /unexpected "x" after the end/, 9],
      ['{"a": 1', /not closed with "}"/, 7],
      ['[1', /not closed with "]"/, 2],
      ['{"a":', /a value is missing/, 5],
      ['', /the file is empty/, 0],
      ['   \n ', /the file is empty/, 0],
      ['{"a": 1, "a": 2}', /duplicate key "a"/, 9],
      ['{"a": "\u0001"}', /control character/, 7],
      ['{"a": \u202e1}', /unexpected character U\+202E/, 6],
    ];
    for (const [text, message, at] of cases) {
      const e = failure(text);
      assert.match(e.message, message, JSON.stringify(text));
      assert.equal(e.start, at, `position for ${JSON.stringify(text)}: ${e.message}`);
    }
  });

  it('refuses hostile nesting instead of exhausting the stack', () => {
    assert.match(failure('['.repeat(100000)).message, /nested deeper than/);
    assert.match(failure('{"a":'.repeat(100)).message, /nested deeper than/);
  });
});
