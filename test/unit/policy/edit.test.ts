import * as assert from 'node:assert/strict';
import { addSuppression, suppressionFor } from '../../../src/core/policy/edit';
import type { SuppressionEntry } from '../../../src/core/model/policy';
import { parsePolicy } from '../../../src/core/policy/load';
import type { Finding } from '../../../src/core/model';

const HASH = 'b'.repeat(64);
const entry: SuppressionEntry = { rule: 'timezone-probe', assistant: 'claude-code', file: 'cli.js', hash: HASH, reason: 'log timestamps' };

function valid(text: string) {
  const r = parsePolicy(text);
  assert.ok(r.ok, `${text}\n${JSON.stringify(!r.ok && r.errors)}`);
  return r.policy;
}

describe('writing a suppression into the policy', () => {
  it('creates a policy from an empty file', () => {
    const { text, added } = addSuppression('', entry);
    assert.ok(added);
    assert.equal(text, `{\n  "suppressions": [\n    {\n      "rule": "timezone-probe",\n      "assistant": "claude-code",\n      "file": "cli.js",\n      "hash": "${HASH}",\n      "reason": "log timestamps"\n    }\n  ]\n}\n`);
    assert.equal(valid(text).suppressions[0].reason, 'log timestamps');
  });

  it('adds the list to a policy without one, keeping the rest as written', () => {
    const before = '{\n    "rules": { "block": ["region-gating"] }\n}\n';
    const { text } = addSuppression(before, entry);
    assert.ok(text.startsWith('{\n    "rules": { "block": ["region-gating"] },\n    "suppressions": [\n        {\n            "rule": "timezone-probe",'), text);
    const p = valid(text);
    assert.equal(p.rules.block.length, 1);
    assert.equal(p.suppressions.length, 1);
  });

  it('fills an empty object and an empty list', () => {
    assert.equal(valid(addSuppression('{}', entry).text).suppressions.length, 1);
    const { text } = addSuppression('{\n  "suppressions": []\n}', entry);
    assert.ok(text.includes('"suppressions": [\n    {\n      "rule"'), text);
    assert.equal(valid(text).suppressions.length, 1);
  });

  it('appends after existing suppressions at their indent, with the file\'s tabs and CRLF', () => {
    const first = addSuppression('{\r\n\t"suppressions": [\r\n\t]\r\n}\r\n', entry).text;
    const second = addSuppression(first, { ...entry, file: 'other.js', entry: '/$bunfs/root/x.js' }).text;
    assert.ok(!/[^\r]\n/.test(second), 'only CRLF line ends');
    assert.ok(second.includes('\r\n\t\t{\r\n\t\t\t"rule"'), JSON.stringify(second));
    const p = valid(second);
    assert.deepEqual(p.suppressions.map(s => [s.file, s.entry]), [['cli.js', undefined], ['other.js', '/$bunfs/root/x.js']]);
  });

  it('does not add the same suppression twice', () => {
    const once = addSuppression('{}', entry).text;
    const twice = addSuppression(once, { ...entry, reason: 'other words' });
    assert.equal(twice.added, false);
    assert.equal(twice.text, once);
  });

  it('refuses to edit a file that is not a policy object, rather than overwrite it', () => {
    assert.throws(() => addSuppression('{"a": 1,}', entry), /not valid JSON \(trailing comma/);
    assert.throws(() => addSuppression('[]', entry), /not a JSON object/);
    assert.throws(() => addSuppression('{"suppressions": {}}', entry), /is not a list/);
  });

  it('builds the suppression from a finding, and needs a hash and a reason', () => {
    const f: Finding = { ruleId: 'region-gating', category: 'region', severity: 'high', message: '', file: 'claude', entry: '/$bunfs/root/cli.js', line: 1, column: 1, endLine: 1, endColumn: 2, evidence: [], related: [], contentHash: HASH };
    assert.deepEqual(suppressionFor({ id: 'claude-code' }, f, '  reviewed  '), { rule: 'region-gating', assistant: 'claude-code', file: 'claude', entry: '/$bunfs/root/cli.js', hash: HASH, reason: 'reviewed' });
    assert.throws(() => suppressionFor({ id: 'x' }, f, '  '), /needs a reason/);
    assert.throws(() => suppressionFor({ id: 'x' }, { ...f, contentHash: undefined }, 'r'), /no content hash/);
  });
});
