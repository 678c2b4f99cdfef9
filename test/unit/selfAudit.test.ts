import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { severityRank } from '../../src/core/model';
import { RULES } from '../../src/core/rules';
import { scanTarget } from '../../src/core/scan/target';

/**
 * The source module a line of a dist/ bundle comes from: esbuild writes `// src/…` before each
 * module of an unminified bundle.
 */
function sourceModuleAt(lines: string[], line: number): string | undefined {
  for (let i = line - 1; i >= 0; i--) {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)/.exec(lines[i]);
    if (m) return m[1];
  }
  return undefined;
}

// What we look for is written in these modules: the catalog and the rules' own data.
const DETECTION_DATA = /^src\/core\/(catalog|rules)\//;

describe('auditing ourselves', () => {
  it('finds nothing medium or above in the shipped dist/ bundles outside the catalog and rule data', () => {
    const dist = path.resolve('dist');
    const result = scanTarget({ id: 'ai-tool-audit', name: 'ai-tool-audit', kind: 'path', root: dist }, { rules: RULES });
    assert.ok(result.filesScanned >= 2, 'build first: dist/cli.js and dist/extension.js');
    const lines = new Map<string, string[]>();
    const serious = result.findings
      .filter(f => severityRank(f.severity) >= severityRank('medium'))
      .map(f => {
        if (!lines.has(f.file)) lines.set(f.file, fs.readFileSync(path.join(dist, f.file), 'utf8').split('\n'));
        return { f, module: sourceModuleAt(lines.get(f.file)!, f.line ?? 1) };
      });
    assert.ok(serious.every(s => s.module), 'every finding maps to a source module (esbuild module comments)');
    const outside = serious.filter(s => !DETECTION_DATA.test(s.module!));
    assert.deepEqual(outside.map(({ f, module }) => `${module} (${f.file}:${f.line}:${f.column}) ${f.ruleId} ${f.message}`), []);
  });

  it('starts a process in one documented place only: npm pack, for `diff`', () => {
    const dist = path.resolve('dist');
    const result = scanTarget({ id: 'ai-tool-audit', name: 'ai-tool-audit', kind: 'path', root: dist }, { rules: RULES });
    const starts = result.findings.filter(f => f.ruleId === 'child-process');
    assert.ok(starts.length >= 1, 'the npm pack and tar runs are seen');
    const where = new Set(starts.map(f => sourceModuleAt(fs.readFileSync(path.join(dist, f.file), 'utf8').split('\n'), f.line ?? 1)));
    assert.deepEqual([...where], ['src/cli/npmPackages.ts']);
    assert.ok(starts.every(f => f.file === 'cli.js'), 'never in the extension or its worker');
  });
});
