import * as assert from 'node:assert/strict';
import { parseSource } from '../../src/core/js/parse';
import { MODULE, ModuleIndex } from '../../src/core/js/moduleIndex';
import { walk } from '../../src/core/js/walker';
import { everyUse } from '../../src/core/js/nameUses';

function indexed(code: string): ModuleIndex {
  const ast = parseSource(code).ast!;
  const index = new ModuleIndex(code);
  walk(ast, { enter: (node, path) => index.enter(node, path), exit: node => index.exit(node) });
  return index;
}

// A bundle's module scope (Kimi Code's 21 MB main.mjs): its names are found by their spelling, not by a scan of millions of nodes.
describe('uses of a name in a large scope', () => {
  const filler = Array.from({ length: 12000 }, (_, i) => `function f${i}(a){return a+${i}}`).join('\n');
  const code = [
    'var DENY_LIST;',
    'function check(n){ if (DENY_LIST.has(n)) throw new Error("DENY_LIST blocked"); return { DENY_LIST }; }',
    '// DENY_LIST is filled lazily',
    'var o = { DENY_LIST: 1 }; o.DENY_LIST = 2; var DENY_LISTS = 3;',
    filler,
    'var init = () => { DENY_LIST = new Set(["id_rsa"]); };',
    'export { DENY_LIST };',
  ].join('\n');

  it('visits exactly the identifiers a scan of the tree visits, with their ancestors and functions', () => {
    assert.ok(code.length > 256 * 1024);
    const index = indexed(code);
    const seen: string[] = [];
    const complete = everyUse(index, MODULE, 'DENY_LIST', use => {
      const parent = use.ancestors[use.ancestors.length - 1];
      seen.push(`${code.slice(0, use.node.start).split('\n').length} ${parent?.type} ${use.fn === MODULE ? 'module' : 'function'}`);
      return true;
    });
    assert.equal(complete, true);
    assert.deepEqual(seen, [
      '1 VariableDeclarator module',
      '2 MemberExpression function',
      '2 Property function',
      '12005 AssignmentExpression function',
      '12006 ExportSpecifier module',
    ]);
  });

  it('finds what a scan of a small scope finds', () => {
    const small = code.replace(filler, '');
    const uses = (text: string) => {
      const found: string[] = [];
      everyUse(indexed(text), MODULE, 'DENY_LIST', use => found.push(`${use.ancestors[use.ancestors.length - 1]?.type} ${use.fn === MODULE ? 'module' : 'function'}`) > 0);
      return found.sort();
    };
    assert.deepEqual(uses(code), uses(small));
  });

  it('stops when the visitor says no, and gives no answer with a `with` in the scope', () => {
    const index = indexed(code);
    assert.equal(everyUse(index, MODULE, 'DENY_LIST', () => false), false);
    const sloppy = indexed(code.replace('export { DENY_LIST };', 'with (o) { DENY_LIST; }'));
    assert.equal(everyUse(sloppy, MODULE, 'DENY_LIST', () => true), false);
  });
});
