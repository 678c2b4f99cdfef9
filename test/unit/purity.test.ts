import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Comment lines quote code in prose (`import {request as r} from "https"`). */
const withoutComments = (text: string) => text.replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
const NETWORK_OR_PROCESS = /(?:from\s+|require\(\s*|import\(\s*)['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|child_process|undici|ws)['"]/;
const DYNAMIC_IMPORT = /\bimport\(\s*[^'"\s)]/;

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

  it('loads nothing it scans: no dynamic import() anywhere in src', () => {
    const offenders = files('src')
      .filter(f => f.endsWith('.ts'))
      .filter(f => DYNAMIC_IMPORT.test(withoutComments(fs.readFileSync(f, 'utf8'))));
    assert.deepEqual(offenders, []);
  });
});

describe('the extension and the CLI', () => {
  it('send nothing anywhere and start no process: no network or child_process module imported in src', () => {
    // One exception, asked for by name: `diff PACKAGE OLD NEW` runs `npm pack` to fetch two
    // published versions. Nothing else may import that fetcher.
    const FETCHER = path.join('src', 'cli', 'npmPackages.ts');
    const offenders = files('src')
      .filter(f => f.endsWith('.ts') && f !== FETCHER)
      .filter(f => NETWORK_OR_PROCESS.test(withoutComments(fs.readFileSync(f, 'utf8'))));
    assert.deepEqual(offenders, []);
    const importers = files('src')
      .filter(f => f.endsWith('.ts') && /from '\.\/npmPackages'|from '\.\.\/cli\/npmPackages'|npmPackages'/.test(fs.readFileSync(f, 'utf8')))
      .map(f => f.split(path.sep).join('/'));
    assert.deepEqual(importers, ['src/cli/diffCommand.ts'], 'only the diff command fetches packages');
  });
});

