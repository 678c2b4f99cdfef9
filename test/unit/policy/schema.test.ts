import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATEGORIES, SEVERITIES } from '../../../src/core/model';
import { ruleCatalog } from '../../../src/core/rules';
import { ANNOTATION_KEYWORDS, CHECKED_KEYWORDS, type SchemaNode } from '../../../src/core/policy/schemaCheck';
import { parsePolicy, POLICY_LOCATIONS, POLICY_SCHEMA } from '../../../src/core/policy/load';

const SCHEMA_FILE = 'src/core/policy/policy.schema.json';

function schemaObjects(node: unknown, found: SchemaNode[] = []): SchemaNode[] {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return found;
  const s = node as SchemaNode;
  found.push(s);
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' || k === 'definitions') for (const child of Object.values(v as object)) schemaObjects(child, found);
    else if (k === 'items') schemaObjects(v, found);
  }
  return found;
}

describe('the policy schema', () => {
  it('uses only keywords the checker enforces or that merely annotate', () => {
    const known = new Set<string>([...CHECKED_KEYWORDS, ...ANNOTATION_KEYWORDS]);
    const unknown = schemaObjects(POLICY_SCHEMA).flatMap(s => Object.keys(s).filter(k => !known.has(k)));
    assert.deepEqual(unknown, []);
    for (const s of schemaObjects(POLICY_SCHEMA)) {
      if ('additionalProperties' in s) assert.equal(s.additionalProperties, false, 'only additionalProperties: false is enforced');
    }
  });

  it('lists exactly the categories and severities of model.ts', () => {
    const rules = (POLICY_SCHEMA.properties as any).rules.properties;
    assert.deepEqual(Object.keys(rules.maxSeverity.properties), [...CATEGORIES]);
    assert.deepEqual((POLICY_SCHEMA.definitions as any).severity.enum, [...SEVERITIES]);
    const pattern: string = (POLICY_SCHEMA.definitions as any).ruleSelector.pattern;
    assert.deepEqual(/category:\(([^)]*)\)/.exec(pattern)![1].split('|'), [...CATEGORIES]);
  });

  it('lets every rule id and category through its rule selector pattern', () => {
    const re = new RegExp((POLICY_SCHEMA.definitions as any).ruleSelector.pattern, 'u');
    for (const r of ruleCatalog()) assert.ok(re.test(r.id), r.id);
    for (const c of CATEGORIES) assert.ok(re.test(`category:${c}`), c);
    assert.ok(!re.test('category:money'));
  });

  it('is registered for both policy locations, and the .vsix ships the file package.json names', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    const [v] = pkg.contributes.jsonValidation;
    assert.deepEqual(v.fileMatch, [...POLICY_LOCATIONS]);
    const shipped = path.normalize(v.url);
    assert.equal(shipped, 'dist/policy.schema.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(shipped, 'utf8')), JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')), 'the build copies the schema');
    assert.deepEqual(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')), POLICY_SCHEMA);
    const ignore = fs.readFileSync('.vscodeignore', 'utf8').split('\n').map(l => l.trim());
    assert.ok(ignore.includes(`!${shipped}`), '.vscodeignore keeps the schema in the package');
  });

  it('accepts the example policy in the README', () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const block = /<!-- example-policy -->\s*```json\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README has an example policy block');
    const r = parsePolicy(block[1], undefined, { ruleIds: new Set([...ruleCatalog().map(x => x.id), 'network-endpoint', 'credential-read']) });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.deepEqual(r.warnings, []);
    const p = r.policy;
    for (const part of [p.assistants.allow, p.assistants.block, p.rules.block, p.rules.maxSeverity, p.hosts.allow, p.mcp.allow, p.mcp.block, p.config.block, p.suppressions]) assert.ok(part.length > 0, 'the example shows every clause');
  });
});
