import * as assert from 'node:assert/strict';
import * as acorn from 'acorn';
import { Parser } from '../../src/core/js/parse';
import { sharedStringsHeld } from '../../src/core/js/compactAst';
import { bundleFixture, describeVariant, VARIANTS } from '../helpers/bundlers';

const outcome = (parse: () => unknown) => {
  try {
    parse();
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('parser with fast scope tracking', () => {
  const cases = [
    'let a; let a;', 'var a; let a;', 'let a; var a;', 'function f(){} let f;', 'export {x}', 'let x; export {x}',
    'var y; export {y}', 'try{}catch(e){let e}', 'try{}catch(e){var e}', 'try{}catch([e]){var e}', '{function g(){} var g;}',
    'function h(){} function h(){}', '{let q; {var q}}', 'function k(a){let a}', 'class C{static{var s; let s}}', 'var v; var v;',
  ];
  for (const sourceType of ['module', 'script'] as const) {
    for (const code of cases) {
      it(`reports what acorn reports for ${JSON.stringify(code)} as a ${sourceType}`, () => {
        const options: acorn.Options = { ecmaVersion: 'latest', sourceType };
        assert.equal(outcome(() => Parser.parse(code, options)), outcome(() => acorn.parse(code, options)));
      });
    }
  }
});

describe('compact trees (the sharing table)', function () {
  this.timeout(120_000);
  const options: acorn.Options = { ecmaVersion: 'latest', sourceType: 'module', locations: false };

  it('gives the tree acorn gives, node for node, on real bundler output', async () => {
    for (const variant of VARIANTS.slice(0, 3)) {
      const text = await bundleFixture('envhelper', variant);
      assert.equal(JSON.stringify(Parser.parse(text, options)), JSON.stringify(acorn.parse(text, options)), describeVariant(variant));
    }
  });

  it('holds no string after a parse, one that fails or one inside another, so no slice of an input outlives its parse', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `someLongerName_${i}_withSuffix`).join(';');
    Parser.parse(names, options);
    assert.equal(sharedStringsHeld(), 0);
    assert.throws(() => Parser.parse(`${names}; let let = 1`, options));
    assert.equal(sharedStringsHeld(), 0);
    // A parse that starts another (a plugin could): the inner one shares nothing and clears nothing of the outer's.
    const Nesting = Parser.extend(Base => class extends (Base as unknown as new (...a: unknown[]) => { parseIdent(liberal?: boolean): acorn.Node }) {
      override parseIdent(liberal?: boolean): acorn.Node {
        const id = super.parseIdent(liberal) as acorn.Identifier;
        if (id.name === 'inner') Parser.parse('anotherLongName; anotherLongName', options);
        return id;
      }
    } as unknown as typeof acorn.Parser);
    const tree = Nesting.parse('someLongerName; inner; someLongerName', options) as acorn.Program;
    assert.equal(tree.body.length, 3);
    assert.equal(sharedStringsHeld(), 0);
  });
});
