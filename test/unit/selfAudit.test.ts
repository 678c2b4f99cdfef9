import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { severityRank } from '../../src/core/model';
import { RULES } from '../../src/core/rules';
import { scanTarget } from '../../src/core/scan/target';

/**
 * The source module a place in a dist/ bundle comes from, by the bundle's source map (the
 * extension bundle is minified, so it has no module comments); else by the `// src/…` comment
 * esbuild writes before each module of an unminified bundle.
 */
function sourceModuleAt(dist: string, file: string, lines: string[], line: number, column: number): string | undefined {
  const map = sourceMapOf(path.join(dist, file));
  const entry = map?.findEntry(line - 1, column - 1);
  const source = entry && 'originalSource' in entry ? entry.originalSource : undefined;
  if (source) return path.relative(path.resolve('.'), path.resolve(dist, source)).split(path.sep).join('/');
  for (let i = line - 1; i >= 0; i--) {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)/.exec(lines[i]);
    if (m) return m[1];
  }
  return undefined;
}

const maps = new Map<string, SourceMap | undefined>();
function sourceMapOf(bundle: string): SourceMap | undefined {
  if (!maps.has(bundle)) maps.set(bundle, fs.existsSync(`${bundle}.map`) ? new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8'))) : undefined);
  return maps.get(bundle);
}

// What we look for is written in these modules: the catalog, the rules' own data, and the
// assistants' configuration inventory, which names their credential files (~/.codex/auth.json,
// ~/.claude/.credentials.json) to report their permissions and git status; config/load.ts
// stats them and never reads them (since credential-read follows a path joined in two steps,
// `join(home, "auth.json")` with `home = CODEX_HOME || join(homedir, ".codex")` is seen).
const DETECTION_DATA = /^src\/core\/(catalog|rules|config)\//;

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
        return { f, module: sourceModuleAt(dist, f.file, lines.get(f.file)!, f.line ?? 1, f.column ?? 1) };
      });
    assert.ok(serious.every(s => s.module), 'every finding maps to a source module (source map or esbuild module comments)');
    const outside = serious.filter(s => !DETECTION_DATA.test(s.module!));
    assert.deepEqual(outside.map(({ f, module }) => `${module} (${f.file}:${f.line}:${f.column}) ${f.ruleId} ${f.message}`), []);
  });

  it('starts a process in one documented place only: npm pack, for `diff`', () => {
    const dist = path.resolve('dist');
    const result = scanTarget({ id: 'ai-tool-audit', name: 'ai-tool-audit', kind: 'path', root: dist }, { rules: RULES });
    const starts = result.findings.filter(f => f.ruleId === 'child-process');
    assert.ok(starts.length >= 1, 'the npm pack and tar runs are seen');
    const where = new Set(starts.map(f => sourceModuleAt(dist, f.file, fs.readFileSync(path.join(dist, f.file), 'utf8').split('\n'), f.line ?? 1, f.column ?? 1)));
    assert.deepEqual([...where], ['src/cli/npmPackages.ts']);
    assert.ok(starts.every(f => f.file === 'cli.js'), 'never in the extension or its worker');
  });
});
