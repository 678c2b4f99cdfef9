// What cached results are keyed by (scripts/buildIds.mjs): a change to a rule that stands alone
// changes its own hash and nothing else; any other change changes the engine's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MANIFEST_RULES, RULES } from '../../src/core/rules';
import { ENGINE_BUILD_ID, RULE_BUILDS, BUILD_ID } from '../../src/core/version';

type Ids = { full: string; engine: string; rules: Record<string, string> };
const script = pathToFileURL(path.resolve('scripts/buildIds.mjs')).href;
const buildIds = async (root: string): Promise<Ids> => ((await import(script)) as { buildIds(root: string): Ids }).buildIds(root);

const TREE: Record<string, string> = {
  'src/core/rules/index.ts': "import { alpha } from './alpha';\nimport { beta } from './beta';\nimport { gamma } from './gamma';\nimport { delta } from './delta';\nexport const RULES = [alpha, beta, gamma, delta];\n",
  'src/core/rules/alpha.ts': "export const alpha = { meta: { id: 'alpha' } };\n",
  'src/core/rules/beta.ts': "export const beta = { meta: { id: 'beta' } };\n",
  // gamma reads beta: a change to beta changes gamma's results too.
  'src/core/rules/gamma.ts': "import { beta } from './beta';\nexport const gamma = { meta: { id: 'gamma', uses: beta } };\n",
  // delta's file is not named after its id: the cache could not find its hash.
  'src/core/rules/delta.ts': "export const delta = { meta: { id: 'not-delta' } };\n",
  'src/core/rules/catalog.json': '[]\n',
  'src/core/scan/engine.ts': 'export const x = 1;\n',
};

function tree(changes: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-build-ids-'));
  for (const [rel, text] of Object.entries({ ...TREE, ...changes })) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('build ids', () => {
  it('gives a hash of its own to each rule file that only the rule list imports and that is named after its rule', async () => {
    const ids = await buildIds(tree());
    assert.deepEqual(Object.keys(ids.rules).sort(), ['alpha', 'gamma']);
  });

  it('changes only a standalone rule’s hash when its file changes, and the engine’s for any other file', async () => {
    const base = await buildIds(tree());
    const alpha = await buildIds(tree({ 'src/core/rules/alpha.ts': "export const alpha = { meta: { id: 'alpha', more: 1 } };\n" }));
    assert.equal(alpha.engine, base.engine);
    assert.notEqual(alpha.rules.alpha, base.rules.alpha);
    assert.equal(alpha.rules.gamma, base.rules.gamma);
    assert.notEqual(alpha.full, base.full);
    for (const file of ['src/core/rules/beta.ts', 'src/core/rules/delta.ts', 'src/core/scan/engine.ts', 'src/core/rules/index.ts']) {
      const changed = await buildIds(tree({ [file]: `${TREE[file]}// changed\n` }));
      assert.notEqual(changed.engine, base.engine, file);
    }
    const catalog = await buildIds(tree({ 'src/core/rules/catalog.json': '[{"id":"alpha"}]\n' }));
    assert.equal(catalog.engine, base.engine, 'the generated catalog is read by views and reports, never by a scan');
  });

  it('keeps in the engine a rule file imported in any form esbuild follows, imported for two bindings, running code when loaded, or writing to what it imports', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['imported with a .js specifier', { 'src/core/scan/engine.ts': "import { alpha } from '../rules/alpha.js';\nexport const x = alpha;\n" }],
      ['imported for its side effects', { 'src/core/scan/engine.ts': "import '../rules/alpha';\nexport const x = 1;\n" }],
      ['required', { 'src/core/scan/engine.ts': "export const x = require('../rules/alpha');\n" }],
      ['two bindings taken by the rule list', { 'src/core/rules/index.ts': TREE['src/core/rules/index.ts'].replace('{ alpha }', '{ alpha, ALPHA_TABLE }').replace('[alpha,', '[alpha, ALPHA_TABLE,'), 'src/core/rules/alpha.ts': `${TREE['src/core/rules/alpha.ts']}export const ALPHA_TABLE = [1];\n` }],
      ['a statement run on load', { 'src/core/rules/alpha.ts': `${TREE['src/core/rules/alpha.ts']}console.log('loaded');\n` }],
      ['an assignment to an import', { 'src/core/rules/alpha.ts': `import { x } from '../scan/engine';\n${TREE['src/core/rules/alpha.ts']}export function f() { x.y = 2; }\n` }],
      ['a mutating call on an import', { 'src/core/rules/alpha.ts': `import { x } from '../scan/engine';\n${TREE['src/core/rules/alpha.ts']}const n = [].concat(x.list.push(1));\n` }],
      ['Object.assign into an import', { 'src/core/rules/alpha.ts': `import { x } from '../scan/engine';\n${TREE['src/core/rules/alpha.ts']}export function f() { Object.assign(x, {}); }\n` }],
      ['a delete of an import’s property', { 'src/core/rules/alpha.ts': `import { x } from '../scan/engine';\n${TREE['src/core/rules/alpha.ts']}export function f() { delete x.y; }\n` }],
    ];
    for (const [name, changes] of cases) {
      const ids = await buildIds(tree(changes));
      assert.ok(!('alpha' in ids.rules), name);
      assert.ok('gamma' in ids.rules, name);
    }
    const reads = await buildIds(tree({ 'src/core/rules/alpha.ts': `import { x } from '../scan/engine';\n${TREE['src/core/rules/alpha.ts']}const SET = new Set(x.list.map(v => v + 1));\nexport function f(o) { o.y = [...SET]; return SET.has(x.y); }\n` }));
    assert.ok('alpha' in reads.rules, 'reading imports, building its own values and writing to its own objects is fine');
  });

  it('in this build: each rule with a hash of its own is the one rule its module exports, named after the file', () => {
    for (const id of Object.keys(RULE_BUILDS)) {
      const exports = require(path.resolve('out/src/core/rules', `${id}.js`)) as Record<string, unknown>;
      const rules = Object.values(exports).filter((v): v is { meta: { id: string } } => typeof v === 'object' && v !== null && 'meta' in v);
      assert.deepEqual(rules.map(r => r.meta.id), [id], `${id} exports ${Object.keys(exports).join(', ')}`);
    }
  });

  it('in this build: the hashes name rules that exist, and most code rules stand alone', () => {
    const ids = new Set([...RULES, ...MANIFEST_RULES].map(r => r.meta.id));
    assert.ok(Object.keys(RULE_BUILDS).every(id => ids.has(id)), Object.keys(RULE_BUILDS).join(' '));
    const alone = RULES.filter(r => RULE_BUILDS[r.meta.id]).length;
    assert.ok(alone >= RULES.length - 5, `${alone} of ${RULES.length} code rules stand alone`);
    assert.notEqual(ENGINE_BUILD_ID, BUILD_ID);
  });
});
