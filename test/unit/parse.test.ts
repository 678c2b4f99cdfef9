import * as assert from 'node:assert/strict';
import * as acorn from 'acorn';
import { Parser } from '../../src/core/js/parse';

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
