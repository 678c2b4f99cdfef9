// Large files: the memory a scan takes is bounded. Trees are built smaller, with the same nodes.
import * as assert from 'node:assert/strict';
import * as acorn from 'acorn';
import { Parser } from '../../src/core/js/parse';

const OPTIONS: acorn.Options = { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowImportExportEverywhere: true };

describe('large files: smaller trees', () => {
  it('builds the tree acorn builds, node for node, with every kind of list in it', () => {
    const code = [
      '#!/usr/bin/env node',
      'import a, {b as c, d} from "m" with {type: "json"};',
      'export {c as e}; export * from "n" with {type: "json"};',
      'class K extends a { static { let s = [1, , ...d]; } m(x, {y, z: [w = 2]}, ...r) { return new K(x, y, ...r); } }',
      'label: for (const [p, q] of Object.entries({p: 1, ...d, [c]: 2})) switch (p) { case "a": case "b": q++; break; default: { q--; } }',
      'const t = `a${b}c${`n${d}`}`, u = (c, d, b), v = async (...args) => { await args; }, x = function* g() { yield* [1]; };',
      'if (/re[/]/g.test(t)) try { throw new Error("e") } catch ({message}) { console.log(message, 0x1f, 1n, "\\u00e9", \'s\'); }',
    ].join('\n');
    const json = (tree: unknown) => JSON.stringify(tree, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    assert.equal(json(Parser.parse(code, OPTIONS)), json(acorn.parse(code, OPTIONS)));
  });
});
