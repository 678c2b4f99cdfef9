import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { MANIFEST_RULES, ruleCatalog, RULES } from '../../src/core/rules';
import { CORRELATION_RULES } from '../../src/core/rules/correlations';
import { CONFIG_RULES } from '../../src/core/rules/config';
import { CATALOG_FILE, catalogText } from '../../scripts/rulesCatalog';
import { ruleDocSection } from '../../src/views/findingDetailsText';

describe('every rule', () => {
  for (const rule of ruleCatalog()) {
    it(`${rule.id} has a docs page with the six sections`, () => {
      const page = `docs/rules/${rule.id}.md`;
      assert.ok(fs.existsSync(page), `${page} is missing`);
      const text = fs.readFileSync(page, 'utf8');
      for (const heading of ['## What it finds', '## Why it matters', '## Typical benign uses', '## False positives', '## What to do', '## Example']) {
        assert.ok(text.includes(heading), `${page} lacks "${heading}"`);
      }
    });
  }
  for (const rule of [...RULES, ...MANIFEST_RULES, ...CONFIG_RULES]) {
    it(`${rule.meta.id} has a fixture table`, () => {
      assert.ok(fs.existsSync(`test/unit/rules/${rule.meta.id}.test.ts`), `test/unit/rules/${rule.meta.id}.test.ts is missing`);
    });
  }
  for (const rule of [...RULES, ...MANIFEST_RULES, ...CORRELATION_RULES, ...CONFIG_RULES]) {
    it(`${rule.meta.id} has message templates, each short enough to stay under 200 characters`, () => {
      const templates = Object.entries(rule.meta.messages);
      assert.ok(templates.length > 0);
      for (const [id, t] of templates) {
        const fixed = t.replace(/\{\{\s*\w+\s*\}\}/g, '');
        assert.ok(fixed.length < 120, `${rule.meta.id}.${id}: the fixed text alone is ${fixed.length} characters`);
      }
    });
  }
  it('catalog.json, the metadata the extension host reads, matches the rules (npm run rules-catalog)', () => {
    assert.equal(fs.readFileSync(CATALOG_FILE, 'utf8'), catalogText());
  });
  // Finding Details shows these two sections next to each finding (read with the same
  // function): a page without them leaves a reviewer with a finding and nothing to do.
  for (const file of fs.readdirSync('docs/rules').filter(f => f.endsWith('.md')).sort()) {
    it(`docs/rules/${file} says what to do and what a false positive looks like, in its own words`, () => {
      const text = fs.readFileSync(`docs/rules/${file}`, 'utf8');
      for (const heading of ['What to do', 'False positives']) {
        const body = ruleDocSection(text, heading) ?? '';
        assert.ok(body.length >= 80, `docs/rules/${file}: "## ${heading}" is missing or has ${body.length} characters`);
        assert.ok(!/^\(?(todo|tbd|none)\b/i.test(body), `docs/rules/${file}: "## ${heading}" is a placeholder`);
      }
      assert.ok(ruleCatalog().some(r => `${r.id}.md` === file), `docs/rules/${file} belongs to no rule`);
    });
  }
  it('ids are unique', () => {
    const ids = ruleCatalog().map(r => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
