import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the pure core', () => {
  it('never imports vscode', () => {
    const offenders = files('src/core')
      .filter(f => f.endsWith('.ts'))
      .filter(f => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('never evaluates or loads code dynamically', () => {
    const offenders = files('src/core')
      .filter(f => f.endsWith('.ts'))
      .filter(f => /\beval\s*\(|new Function\s*\(|\bvm\.|require\(\s*[^'"\s)]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
