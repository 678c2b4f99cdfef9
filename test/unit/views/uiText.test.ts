// What the editor shows people, checked on the source text: counts read as words (never
// `file(s)`), and no tooltip or hover can turn scanned text into markup or a command link.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { plural } from '../../../src/core/text/format';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** `finding(s)`, `match(es)`: the wording plural() replaces. Code such as `pathFor(s)` is not wording. */
const OPTIONAL_PLURAL = /\b(?:file|finding|error|warning|assistant|target|violation|problem|step|rule|host|place|module|item|suppression|server|setting|clause|binar|entr|match|time|line|byte|character|folder|path|extension|tool|issue)(?:s|es|ies|\(ies\)|\(s\)|\(es\))?\((?:s|es|ies)\)/i;

describe('the words the editor and the CLI show', () => {
  const shown = [...sources('src/views'), 'src/extension.ts', ...sources('src/cli'), 'src/cli.ts', ...sources('src/core/print'), ...sources('src/core/report'), ...sources('src/core/policy')];

  it('never write a count as "file(s)": plural() says "1 file", "3 files"', () => {
    const hits = shown.flatMap(f => fs.readFileSync(f, 'utf8').split('\n').map((l, i) => [f, i + 1, l] as const)).filter(([, , l]) => OPTIONAL_PLURAL.test(l) && !/^\s*(\/\/|\*|\/\*\*)/.test(l));
    assert.deepEqual(hits.map(([f, n, l]) => `${f}:${n}: ${l.trim()}`), []);
  });

  it('never in the contributions of package.json (commands, views, settings, welcome text)', () => {
    const contributes = JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).contributes);
    assert.ok(!OPTIONAL_PLURAL.test(contributes), contributes.match(OPTIONAL_PLURAL)?.[0]);
    assert.ok(!/\w\((?:s|es)\)/.test(contributes), contributes.match(/.{20}\w\((?:s|es)\).{20}/)?.[0]);
  });

  it('plural() agrees with its count', () => {
    assert.deepEqual([plural(0, 'finding'), plural(1, 'finding'), plural(2, 'finding'), plural(1, 'binary', 'binaries'), plural(3, 'binary', 'binaries')], ['0 findings', '1 finding', '2 findings', '1 binary', '3 binaries']);
  });

  it('gives tooltips and hovers no trusted markdown, HTML or command links (scanned text is plain)', () => {
    for (const f of sources('src/views')) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(!/\bisTrusted\b|\bsupportHtml\b/.test(text), `${f} trusts markdown or HTML`);
      for (const m of text.matchAll(/new vscode\.MarkdownString\(([^)]*)\)(\.\w+)?/g)) {
        // An empty MarkdownString filled by appendText escapes everything it is given.
        assert.ok(m[1] === '' && m[2] === '.appendText', `${f}: ${m[0]} (only new vscode.MarkdownString().appendText(...) is allowed)`);
      }
      for (const m of text.matchAll(/\.tooltip = ([^;]+);/g)) assert.ok(!/command:|MarkdownString/.test(m[1]), `${f}: a tooltip with markup or a command link: ${m[1]}`);
    }
  });
});
