import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPolicyFile, parsePolicy, readPolicyFile, type PolicyKnowledge } from '../../../src/core/policy/load';
import type { PolicyProblem } from '../../../src/core/model/policy';

// Rules as the full catalog will have them, so hosts clauses are enforceable in these tests.
const KNOWN: PolicyKnowledge = {
  ruleIds: new Set(['region-gating', 'timezone-probe', 'network-endpoint', 'credential-read']),
  vendorIds: new Set(['anthropic', 'alibaba', 'openai']),
};
const HASH = 'a'.repeat(64);

function errorsOf(text: string, knowledge = KNOWN): PolicyProblem[] {
  const r = parsePolicy(text, undefined, knowledge);
  assert.ok(!r.ok, 'expected the policy to be rejected');
  return r.errors;
}

/** 1-based line and column of the first occurrence of `needle`. */
function where(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const FULL = `{
  "$schema": "./node_modules/ai-tool-audit/src/core/policy/policy.schema.json",
  "assistants": {
    "allow": ["vendor:anthropic", "github.copilot*", "@anthropic-ai/claude-code@>=2.1.113"],
    "block": ["country:CN", "kind:cli", "vendor:OpenAI"]
  },
  "rules": {
    "block": ["region-gating", "category:covert"],
    "maxSeverity": { "secrets": "medium", "network": "low" }
  },
  "hosts": { "allow": ["*.anthropic.com", "localhost"] },
  "suppressions": [
    { "rule": "timezone-probe", "assistant": "claude-code", "file": "cli.js", "hash": "${HASH}", "reason": "used for log timestamps only" },
    { "rule": "network-endpoint", "assistant": "copilot", "file": "copilot", "entry": "/snapshot/index.js", "hash": "${HASH}", "reason": "GitHub's own API" }
  ]
}
`;

describe('loading a policy', () => {
  it('reads every clause with its place in the file', () => {
    const r = parsePolicy(FULL, '/repo/.vscode/ai-tool-audit.json', KNOWN);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
    assert.deepEqual(r.warnings, []);
    const p = r.policy;
    assert.equal(p.file, '/repo/.vscode/ai-tool-audit.json');
    assert.deepEqual(p.assistants.allow.map(s => s.match), [
      { by: 'vendor', vendor: 'anthropic' },
      { by: 'id', glob: 'github.copilot*' },
      { by: 'id', glob: '@anthropic-ai/claude-code', range: '>=2.1.113' },
    ]);
    assert.deepEqual(p.assistants.block.map(s => s.match), [
      { by: 'country', country: 'CN' },
      { by: 'kind', kind: 'cli' },
      { by: 'vendor', vendor: 'openai' },
    ]);
    assert.deepEqual(p.rules.block.map(s => s.match), [{ by: 'rule', ruleId: 'region-gating' }, { by: 'category', category: 'covert' }]);
    assert.deepEqual(p.rules.maxSeverity.map(c => [c.category, c.max]), [['secrets', 'medium'], ['network', 'low']]);
    assert.deepEqual(p.hosts.allow.map(h => h.glob), ['*.anthropic.com', 'localhost']);
    assert.equal(p.suppressions.length, 2);
    assert.equal(p.suppressions[1].entry, '/snapshot/index.js');
    assert.equal(p.suppressions[0].reason, 'used for log timestamps only');

    const kindCli = p.assistants.block[1];
    assert.equal(kindCli.path, 'assistants.block[1]');
    const at = where(FULL, '"kind:cli"');
    assert.deepEqual(kindCli.at, { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + '"kind:cli"'.length });
    assert.deepEqual(p.assistants.allowKey?.at.line, where(FULL, '"allow"').line);
    assert.equal(p.rules.maxSeverity[0].at.column, where(FULL, '"secrets"').column);
    assert.equal(p.suppressions[1].at.line, where(FULL, '"network-endpoint"').line);
  });

  it('accepts an empty policy', () => {
    const r = parsePolicy('{}', undefined, KNOWN);
    assert.ok(r.ok);
    assert.deepEqual(r.policy.assistants.allow, []);
  });

  it('reports bad JSON at its line and column', () => {
    const text = '{\n  "rules": {\n    "block": ["region-gating",]\n  }\n}';
    const [e] = errorsOf(text);
    assert.match(e.message, /^invalid JSON: trailing comma/);
    assert.deepEqual([e.line, e.column], [3, where(text, ',]').column]);
  });

  it('reports unknown keys at the key, at every level, with a suggestion', () => {
    const text = '{\n  "assistant": {},\n  "rules": { "blocked": [] },\n  "suppressions": [{ "rule": "timezone-probe", "assistant": "a", "file": "f", "hash": "' + HASH + '", "reason": "r", "note": "x" }]\n}';
    const errors = errorsOf(text);
    assert.deepEqual(
      errors.map(e => [e.path, e.line, e.column]),
      [
        ['assistant', 2, 3],
        ['rules.blocked', 3, 14],
        ['suppressions[0].note', 4, where(text, '"note"').column],
      ],
    );
    assert.match(errors[0].message, /unknown key "assistant" \(did you mean "assistants"\?\); allowed here: \$schema, assistants, rules, hosts, mcp, config, suppressions/);
    assert.match(errors[1].message, /did you mean "block"/);
  });

  it('reports values of the wrong type', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['[]', '', /expected an object, found an array/],
      ['{"assistants": []}', 'assistants', /expected an object, found an array/],
      ['{"assistants": {"block": "country:CN"}}', 'assistants.block', /expected an array, found a string/],
      ['{"assistants": {"allow": [42]}}', 'assistants.allow[0]', /expected a string, found a number/],
      ['{"rules": {"maxSeverity": {"secrets": "severe"}}}', 'rules.maxSeverity.secrets', /expected one of "info", "low", "medium", "high", found "severe"/],
      ['{"rules": {"maxSeverity": {"money": "low"}}}', 'rules.maxSeverity.money', /unknown key "money"/],
      ['{"hosts": {"allow": [null]}}', 'hosts.allow[0]', /expected a string, found null/],
      ['{"suppressions": {}}', 'suppressions', /expected an array, found an object/],
      ['{"suppressions": ["x"]}', 'suppressions[0]', /expected an object, found a string/],
    ];
    for (const [text, path, message] of cases) {
      const errors = errorsOf(text);
      assert.equal(errors.length, 1, `${text}: ${JSON.stringify(errors)}`);
      assert.equal(errors[0].path, path, text);
      assert.match(errors[0].message, message, text);
    }
  });

  it('rejects selectors that are not ids, vendors, countries or kinds', () => {
    for (const bad of ['foo:bar', 'kind:path', 'kind:daemon', 'country:CHN', 'country:', 'vendor:', 'has space', '']) {
      const errors = errorsOf(JSON.stringify({ assistants: { block: [bad] } }));
      assert.equal(errors[0].path, 'assistants.block[0]', bad);
      assert.match(errors[0].message, /expected an assistant id or glob/, bad);
    }
  });

  it('checks version ranges the way npm reads them', () => {
    const ok = parsePolicy(JSON.stringify({ assistants: { block: ['x@^1.2', '@scope/x@>=1.0.0 <2.0.0 || 3.x', 'y@1.2.3 - 1.4'] } }), undefined, KNOWN);
    assert.ok(ok.ok);
    assert.deepEqual(ok.policy.assistants.block.map(s => s.match), [
      { by: 'id', glob: 'x', range: '^1.2' },
      { by: 'id', glob: '@scope/x', range: '>=1.0.0 <2.0.0 || 3.x' },
      { by: 'id', glob: 'y', range: '1.2.3 - 1.4' },
    ]);
    const [e] = errorsOf(JSON.stringify({ assistants: { allow: ['claude-code@>=two'] } }));
    assert.equal(e.path, 'assistants.allow[0]');
    assert.match(e.message, /">=two" is not a version range/);
  });

  it('rejects blocked rules and categories this version does not know', () => {
    const errors = errorsOf('{"rules": {"block": ["region-gatng", "category:money", "category:covert"]}}');
    assert.equal(errors.length, 2);
    assert.match(errors[0].message, /unknown rule "region-gatng" \(did you mean "region-gating"\?\)/);
    assert.match(errors[1].message, /category:NAME with NAME one of region, vendor/);
  });

  it('rejects hosts clauses when no rule reports hosts', () => {
    const text = '{"hosts": {"allow": ["*.example.com"]}}';
    const [e] = errorsOf(text, { ruleIds: new Set(['region-gating']) });
    assert.match(e.message, /hosts.allow needs the network-endpoint rule/);
    assert.deepEqual([e.line, e.column], [1, where(text, '"allow"').column]);
    assert.ok(parsePolicy('{"hosts": {"allow": []}}', undefined, { ruleIds: new Set(['region-gating']) }).ok, 'an empty list restricts nothing');
  });

  it('rejects host patterns that are URLs', () => {
    const [e] = errorsOf('{"hosts": {"allow": ["https://api.example.com/v1"]}}');
    assert.match(e.message, /a host name or glob/);
  });

  it('requires every suppression to name its finding and give a reason', () => {
    const base = { rule: 'timezone-probe', assistant: 'a', file: 'cli.js', hash: HASH, reason: 'why' };
    const missing = errorsOf(JSON.stringify({ suppressions: [{ ...base, reason: undefined }] }));
    assert.equal(missing.length, 1);
    assert.equal(missing[0].path, 'suppressions[0]');
    assert.match(missing[0].message, /missing required key "reason" \(Why this finding is accepted/);
    for (const reason of ['', '   ', '\n\t']) {
      const [e] = errorsOf(JSON.stringify({ suppressions: [{ ...base, reason }] }));
      assert.equal(e.path, 'suppressions[0].reason');
      assert.match(e.message, reason === '' ? /a suppression needs a reason/ : /a suppression needs a reason/);
    }
    for (const key of ['rule', 'assistant', 'file', 'hash'] as const) {
      const [e] = errorsOf(JSON.stringify({ suppressions: [{ ...base, [key]: undefined }] }));
      assert.match(e.message, new RegExp(`missing required key "${key}"`));
    }
    assert.match(errorsOf(JSON.stringify({ suppressions: [{ ...base, hash: 'A'.repeat(64) }] }))[0].message, /64 lowercase hex digits/);
    assert.match(errorsOf(JSON.stringify({ suppressions: [{ ...base, hash: 'a'.repeat(63) }] }))[0].message, /64 lowercase hex digits/);
    assert.match(errorsOf(JSON.stringify({ suppressions: [{ ...base, file: '' }] }))[0].message, /must not be empty/);
  });

  it('reports every problem at once, in file order', () => {
    const text = '{\n  "rules": {"block": ["nope"]},\n  "assistants": {"allow": [1], "x": 2}\n}';
    const errors = errorsOf(text);
    assert.deepEqual(
      errors.map(e => [e.line, e.column]),
      [[2, where(text, '"nope"').column], [3, where(text, '1]').column], [3, where(text, '"x"').column]],
    );
  });

  it('warns, without failing, about vendors and suppressed rules it does not know', () => {
    const text = JSON.stringify({
      assistants: { block: ['vendor:antropic'] },
      suppressions: [{ rule: 'old-rule', assistant: 'a', file: 'f', hash: HASH, reason: 'r' }],
    });
    const r = parsePolicy(text, undefined, KNOWN);
    assert.ok(r.ok);
    assert.equal(r.warnings.length, 2);
    assert.match(r.warnings[0].message, /vendor "antropic" is not in the catalog \(did you mean "anthropic"\?\)/);
    assert.match(r.warnings[1].message, /unknown rule "old-rule": this suppression can never match/);
    assert.ok(r.warnings.every(w => w.severity === 'warning'));
  });

  it('uses the real rule catalog and vendor list by default', () => {
    assert.ok(parsePolicy('{"rules": {"block": ["region-gating", "timezone-probe"]}}').ok);
    const r = parsePolicy('{"assistants": {"block": ["vendor:deepseek"]}}');
    assert.ok(r.ok);
    assert.deepEqual(r.warnings, []);
  });
});

describe('finding and reading the policy file', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ata-policy-'));

  it('prefers .vscode/ai-tool-audit.json and names the root file it shadows', () => {
    const dir = tmp();
    assert.deepEqual(findPolicyFile(dir), {});
    fs.writeFileSync(path.join(dir, 'ai-tool-audit.json'), '{}');
    assert.deepEqual(findPolicyFile(dir), { file: path.join(dir, 'ai-tool-audit.json') });
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'ai-tool-audit.json'), '{}');
    assert.deepEqual(findPolicyFile(dir), { file: path.join(dir, '.vscode', 'ai-tool-audit.json'), shadowed: path.join(dir, 'ai-tool-audit.json') });
  });

  it('ignores a folder with the policy name', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'ai-tool-audit.json'));
    assert.deepEqual(findPolicyFile(dir), {});
  });

  it('turns unreadable, missing, oversized and binary files into errors', () => {
    const dir = tmp();
    const missing = readPolicyFile(path.join(dir, 'nope.json'));
    assert.ok(!missing.ok && /cannot read the policy file: ENOENT/.test(missing.errors[0].message));
    assert.ok(!readPolicyFile(dir).ok);
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, `{"suppressions": [${'"x",'.repeat(300000)}"x"]}`);
    const tooBig = readPolicyFile(big);
    assert.ok(!tooBig.ok && /is not a policy/.test(tooBig.errors[0].message));
    const bin = path.join(dir, 'bin.json');
    fs.writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    const binary = readPolicyFile(bin);
    assert.ok(!binary.ok && /invalid JSON/.test(binary.errors[0].message));
  });

  it('reads a valid file and records its absolute path', () => {
    const dir = tmp();
    const file = path.join(dir, 'ai-tool-audit.json');
    fs.writeFileSync(file, '{"rules": {"block": ["region-gating"]}}');
    const r = readPolicyFile(path.relative(process.cwd(), file));
    assert.ok(r.ok);
    assert.equal(r.policy.file, file);
  });
});
