import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { severityRank } from '../../src/core/model';
import { RULES } from '../../src/core/rules';
import { scanTarget } from '../../src/core/scan/target';

describe('auditing ourselves', () => {
  it('finds nothing medium or above in the shipped dist/ bundles', () => {
    const result = scanTarget({ id: 'ai-tool-audit', name: 'ai-tool-audit', kind: 'path', root: path.resolve('dist') }, { rules: RULES });
    assert.ok(result.filesScanned >= 2, 'build first: dist/cli.js and dist/extension.js');
    const serious = result.findings.filter(f => severityRank(f.severity) >= severityRank('medium'));
    assert.deepEqual(serious.map(f => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`), []);
  });
});
