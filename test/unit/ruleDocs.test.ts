import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { MANIFEST_RULES, ruleCatalog, RULES } from '../../src/core/rules';

describe('every rule', () => {
  for (const rule of ruleCatalog()) {
    it(`${rule.id} has a docs page with the four sections`, () => {
      const page = `docs/rules/${rule.id}.md`;
      assert.ok(fs.existsSync(page), `${page} is missing`);
      const text = fs.readFileSync(page, 'utf8');
      for (const heading of ['## What it finds', '## Why it matters', '## Typical benign uses', '## Example']) {
        assert.ok(text.includes(heading), `${page} lacks "${heading}"`);
      }
    });
  }
  for (const rule of [...RULES, ...MANIFEST_RULES]) {
    it(`${rule.id} has a fixture table`, () => {
      assert.ok(fs.existsSync(`test/unit/rules/${rule.id}.test.ts`), `test/unit/rules/${rule.id}.test.ts is missing`);
    });
  }
  it('ids are unique', () => {
    const ids = ruleCatalog().map(r => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
