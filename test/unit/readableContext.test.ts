import * as assert from 'node:assert/strict';
import { readableContext, type CodeRange } from '../../src/core/print/readableContext';

/** The text of a 1-based range in printed code. */
function textAt(code: string, r: CodeRange | undefined): string {
  assert.ok(r, 'a range');
  const lines = code.split('\n');
  if (r.line === r.endLine) return lines[r.line - 1].slice(r.column - 1, r.endColumn - 1);
  return [lines[r.line - 1].slice(r.column - 1), ...lines.slice(r.line, r.endLine - 1), lines[r.endLine - 1].slice(0, r.endColumn - 1)].join('\n');
}

/** The span of `needle` in `text` and the function range around it given by two markers. */
function request(text: string, needle: string, fnStart: string, fnEnd: string) {
  const start = text.indexOf(needle);
  const from = text.lastIndexOf(fnStart, start);
  const to = text.indexOf(fnEnd, start) + fnEnd.length;
  return { span: { start, end: start + needle.length }, functionRange: [from, to] as [number, number] };
}

describe('readable context', () => {
  const bundle =
    'var x=1;function a(){return 1}function c(){const e=a(),t=b(),n=t==="Asia/Shanghai"||t==="Asia/Urumqi";return{n}}var y=2;';

  it('reprints a minified function one statement per line and finds the flagged span in it', () => {
    const r = readableContext(bundle, request(bundle, '"Asia/Shanghai"', 'function c', 'return{n}}'));
    assert.equal(r.mode, 'printed');
    assert.equal(r.scope, 'function');
    assert.equal(
      r.code,
      'function c() {\n  const e = a(), t = b(), n = t === "Asia/Shanghai" || t === "Asia/Urumqi";\n  return {\n    n\n  };\n}',
    );
    assert.equal(textAt(r.code, r.highlight), '"Asia/Shanghai"');
    assert.deepEqual(r.shown, { start: bundle.indexOf('function c'), end: bundle.indexOf('var y') });
  });

  it('maps related steps into the reprint and drops those outside it', () => {
    const req = request(bundle, '"Asia/Shanghai"', 'function c', 'return{n}}');
    const inside = bundle.indexOf('"Asia/Urumqi"');
    const outside = bundle.indexOf('return 1');
    const r = readableContext(bundle, {
      ...req,
      related: [
        { start: inside, end: inside + 13, message: 'second zone' },
        { start: outside, end: outside + 8, message: 'elsewhere' },
      ],
    });
    assert.equal(r.related.length, 1);
    assert.equal(r.related[0].message, 'second zone');
    assert.equal(textAt(r.code, r.related[0]), '"Asia/Urumqi"');
  });

  it('prints a comma sequence used as a statement as one statement per line', () => {
    const text = 'function s(){a=1,b(),c=q.timeZone;return c}';
    const start = text.indexOf('q.timeZone');
    const r = readableContext(text, { span: { start, end: start + 10 }, functionRange: [0, text.length] });
    assert.equal(r.code, 'function s() {\n  a = 1;\n  b();\n  c = q.timeZone;\n  return c;\n}');
    assert.equal(textAt(r.code, r.highlight), 'q.timeZone');
  });

  it('keeps a comma sequence whole where splitting it would change what runs', () => {
    const text = 'function s(){if(x)a=1,b=q.timeZone}';
    const start = text.indexOf('q.timeZone');
    const r = readableContext(text, { span: { start, end: start + 10 }, functionRange: [0, text.length] });
    assert.equal(r.code, 'function s() {\n  if (x) (a = 1, b = q.timeZone);\n}');
  });

  it('keeps literals as written, escapes included', () => {
    const text = 'function q(s){return s.replace("\'","\\u2019")}';
    const r = readableContext(text, request(text, '"\\u2019"', 'function q', ')}'));
    assert.match(r.code, /"\\u2019"/);
    assert.equal(textAt(r.code, r.highlight), '"\\u2019"');
  });

  // `before`: the text just before the function starts; `text` ends right after it, plus `tail`.
  const shapes: Array<{ name: string; before: string; fn: string; tail: string; needle: string; printed: RegExp }> = [
    { name: 'an anonymous function expression', before: 'x=', fn: 'function(){return Intl.DateTimeFormat()}', tail: ';', needle: 'Intl', printed: /^function \(\) \{/ },
    { name: 'an arrow function', before: 'x(', fn: 'e=>{return e.timeZone}', tail: ');', needle: 'e.timeZone', printed: /^e => \{/ },
    { name: 'an object method (its function starts at the parameters)', before: 'o={get', fn: '(k){return k.timeZone}', tail: '};', needle: 'k.timeZone', printed: /^function \(k\) \{/ },
    { name: 'an async method', before: 'o={async m', fn: '(){await z.timeZone}', tail: '};', needle: 'z.timeZone', printed: /^async function \(\) \{/ },
    { name: 'a generator method', before: 'o={*g', fn: '(){yield z.timeZone}', tail: '};', needle: 'z.timeZone', printed: /^function\* \(\) \{/ },
    { name: 'a class method using a private field', before: 'class K{#t;m', fn: '(){return this.#t.timeZone}', tail: '}', needle: 'this.#t', printed: /this\.#t\.timeZone/ },
    { name: 'a derived constructor calling super', before: 'class K extends B{constructor', fn: '(){super();this.z=q.timeZone}', tail: '}', needle: 'q.timeZone', printed: /super\(\)/ },
  ];
  for (const s of shapes) {
    it(`reprints ${s.name}`, () => {
      const text = s.before + s.fn + s.tail;
      const start = text.indexOf(s.needle);
      const r = readableContext(text, {
        span: { start, end: start + s.needle.length },
        functionRange: [s.before.length, s.before.length + s.fn.length],
      });
      assert.equal(r.mode, 'printed', r.note);
      assert.match(r.code, s.printed);
      assert.equal(textAt(r.code, r.highlight), s.needle);
    });
  }

  it('shows only the statement around the finding when the function is too big to reprint whole', () => {
    const filler = Array.from({ length: 4000 }, (_, i) => `v${i}=[${i},"s${i}"];`).join('');
    const text = `L(()=>{${filler}if(q.timeZone==="Asia/Shanghai"){w()}${filler}});`;
    const start = text.indexOf('"Asia/Shanghai"');
    const r = readableContext(text, { span: { start, end: start + 15 }, functionRange: [2, text.length - 2] });
    assert.equal(r.mode, 'printed');
    assert.equal(r.scope, 'statement');
    assert.equal(r.code, 'if (q.timeZone === "Asia/Shanghai") {\n  w();\n}');
    assert.match(r.note ?? '', /showing the statement around the finding/);
  });

  it('falls back to the raw text around the span when the function is over the parse limit', () => {
    const text = `L(()=>{${'a();'.repeat(1000)}tz==="Asia/Shanghai";${'b();'.repeat(1000)}});`;
    const start = text.indexOf('"Asia/Shanghai"');
    const r = readableContext(text, { span: { start, end: start + 15 }, functionRange: [2, text.length - 2], maxParseChars: 1000 });
    assert.equal(r.mode, 'raw');
    assert.equal(textAt(r.code, r.highlight), '"Asia/Shanghai"');
    assert.ok(r.code.length < 3100);
    assert.match(r.note ?? '', /over the 1 KB limit/);
  });

  it('reprints the whole file for a module-level finding in a small file', () => {
    const text = 'const z = Intl.DateTimeFormat().resolvedOptions().timeZone;';
    const r = readableContext(text, { span: { start: 10, end: text.length - 1 } });
    assert.equal(r.scope, 'file');
    assert.equal(textAt(r.code, r.highlight), 'Intl.DateTimeFormat().resolvedOptions().timeZone');
  });

  it('uses the error-tolerant parser for a function that only it can read, and says so', () => {
    const text = 'x=function(){let a=1;a..b;return tz.timeZone};';
    const start = text.indexOf('tz.timeZone');
    const r = readableContext(text, { span: { start, end: start + 11 }, functionRange: [2, text.length - 1] });
    assert.equal(r.partial, true);
    assert.match(r.note ?? '', /error-tolerant parser/);
    assert.equal(textAt(r.code, r.highlight), 'tz.timeZone');
  });
});
