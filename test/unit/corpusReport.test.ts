import * as assert from 'node:assert/strict';
import type { Finding, TargetResult } from '../../src/core/model';
import { cell, countByRule, renderReport, telemetrySdks, topHosts } from '../../scripts/corpusReportFormat';

function finding(ruleId: string, severity: Finding['severity'], evidence: string[], line = 1, message = 'm'): Finding {
  return { ruleId, category: 'network', severity, message, file: 'cli.js', line, column: 2, endLine: line, endColumn: 3, evidence, related: [] };
}

const result: TargetResult = {
  id: 'x', name: 'x', kind: 'path', root: '/r', filesScanned: 1, bytesScanned: 2 * 1024 * 1024, errors: [],
  findings: [
    finding('network-endpoint', 'info', ['host api.anthropic.com', 'class vendor-api (own vendor)']),
    finding('network-endpoint', 'info', ['host api.anthropic.com', 'class vendor-api (own vendor)']),
    finding('network-endpoint', 'medium', ['host http-intake.logs.datadoghq.com', 'class telemetry']),
    finding('network-endpoint', 'info', ['host *', 'class dynamic']),
    finding('telemetry-sdk', 'medium', ['sdk Datadog', 'host "x"'], 7),
    finding('exfiltration', 'high', [], 9, 'Reads | the `env`\nand sends'),
  ],
};

describe('corpus report', () => {
  it('counts findings per rule, worst rules first', () => {
    const rows = countByRule(result.findings);
    assert.deepEqual(rows.map(r => r.rule), ['exfiltration', 'network-endpoint', 'telemetry-sdk']);
    assert.deepEqual(rows[1].bySeverity, { high: 0, medium: 1, low: 0, info: 3 });
  });

  it('ranks named hosts by worst severity then count, leaving computed hosts out', () => {
    assert.deepEqual(topHosts(result.findings).map(h => [h.host, h.count, h.worst]), [
      ['http-intake.logs.datadoghq.com', 1, 'medium'],
      ['api.anthropic.com', 2, 'info'],
    ]);
  });

  it('lists telemetry SDKs with where they were found', () => {
    assert.deepEqual([...telemetrySdks(result.findings)], [['Datadog', ['cli.js:7:2']]]);
  });

  it('keeps scanned text from breaking the Markdown', () => {
    assert.equal(cell('a|b`c\nd\u202Ee'), 'a\\|b\\`c d\\u{202E}e');
    const text = renderReport([{ spec: '@a/b@1.0.0', why: 'why', result, seconds: 1.5 }], ['@c/d@2'], { tool: 't 0', rules: 3 });
    assert.match(text, /\| @a\/b@1\.0\.0 \| 1 \| 2\.0 \| 6 \| 1 \| 2 \| 1\.5 \|/);
    assert.match(text, /Not in the cache .*`@c\/d@2`/);
    assert.match(text, /\*\*exfiltration\*\* \(high\) `cli\.js:9:2`: Reads \\\| the \\`env\\` and sends/);
    assert.match(text, /- Datadog: 1 file, first at `cli\.js:7:2`/);
  });
});
