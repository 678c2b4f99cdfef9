import * as assert from 'node:assert/strict';
import type { Finding, TargetResult } from '../../../src/core/model';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { parsePolicy } from '../../../src/core/policy/load';
import { problemDiagnostics, reportDiagnostics } from '../../../src/core/policy/diagnostics';

const endpoint = (host: string, line: number): Finding => ({
  ruleId: 'network-endpoint', category: 'network', severity: 'info', message: 'm', file: 'dist/extension.js', line, column: 3, endLine: line, endColumn: 9, evidence: [`host ${host}`], related: [], host,
});
const target = (id: string, over: Partial<TargetResult> = {}): TargetResult => ({
  id, name: id, kind: 'extension', root: `/home/u/.vscode/extensions/${id}`, filesScanned: 1, bytesScanned: 1, errors: [], findings: [], ...over,
});

function report(policyText: string, targets: TargetResult[]) {
  const r = parsePolicy(policyText, '/ws/ai-tool-audit.json', { ruleIds: new Set(['network-endpoint', 'region-gating']) });
  assert.ok(r.ok);
  return evaluatePolicy(r.policy, { targets });
}

describe('policy diagnostics for the editor', () => {
  it('puts one warning on each broken clause, with a finding as a related location', () => {
    const targets = [target('acme.helper', { vendor: 'deepseek', findings: [endpoint('api.deepseek.com', 12)] })];
    const text = '{\n  "assistants": { "block": ["vendor:deepseek"] },\n  "hosts": { "allow": ["*.github.com"] }\n}';
    const d = reportDiagnostics(report(text, targets), targets);
    assert.deepEqual(d.map(x => [x.code, x.severity, x.range.line, x.range.column]), [
      ['assistants.block[0]', 'warning', 2, text.split('\n')[1].indexOf('"vendor:deepseek"') + 1],
      ['hosts.allow', 'warning', 3, text.split('\n')[2].indexOf('"allow"') + 1],
    ]);
    assert.equal(d[0].message, 'Policy violation: acme.helper (extension, vendor deepseek) is blocked by "vendor:deepseek"');
    assert.deepEqual(d[0].related, []);
    assert.deepEqual(d[1].related, [{ root: '/home/u/.vscode/extensions/acme.helper', file: 'dist/extension.js', line: 12, column: 3, endLine: 12, endColumn: 9, message: 'acme.helper: network-endpoint (info)' }]);
  });

  it('lists a few violations of a busy clause and counts the rest', () => {
    const targets = [target('a', { findings: Array.from({ length: 8 }, (_, i) => endpoint(`h${i}.example.net`, i + 1)) })];
    const [d] = reportDiagnostics(report('{"hosts": {"allow": ["*.github.com"]}}', targets), targets);
    assert.match(d.message, /^8 policy violations of hosts\.allow:\n/);
    assert.equal(d.message.split('\n').length, 1 + 5 + 1);
    assert.match(d.message, /… and 3 more$/);
    assert.equal(d.related.length, 8);
  });

  it('shows problems in the file and suppressions that matched nothing', () => {
    const bad = parsePolicy('{"rules": {"blok": []}}');
    assert.ok(!bad.ok);
    const [p] = problemDiagnostics(bad.errors);
    assert.equal(p.severity, 'error');
    assert.match(p.message, /^rules\.blok: unknown key "blok"/);
    const text = JSON.stringify({ suppressions: [{ rule: 'region-gating', assistant: 'gone', file: 'x.js', hash: 'd'.repeat(64), reason: 'r' }] });
    const [u] = reportDiagnostics(report(text, []), []);
    assert.equal(u.severity, 'info');
    assert.match(u.message, /^Suppression matched nothing: no assistant "gone" in this audit/);
  });
});
