import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { targetForPath } from '../../../src/core/discovery/pathTarget';

describe('a target for a PATH', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-path-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is named after its package.json, with the vendors of that package', () => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@google/gemini-cli', version: '0.61.0' }));
    const t = targetForPath(dir);
    assert.deepEqual([t.name, t.version, t.ownVendors], ['@google/gemini-cli', '0.61.0', ['google']]);
  });

  it('reads an unpacked npm tarball from its package/ folder (otherwise its own key store is "another assistant\'s", high)', () => {
    fs.mkdirSync(path.join(dir, 'package'));
    fs.writeFileSync(path.join(dir, 'package', 'package.json'), JSON.stringify({ name: '@google/gemini-cli', version: '0.61.0' }));
    const t = targetForPath(dir);
    assert.deepEqual([t.name, t.ownVendors, t.root], ['@google/gemini-cli', ['google'], dir]);
  });

  it("gives GitHub Next's packages (@githubnext/github-copilot-cli) Microsoft, as @github's (Copilot's own hosts are then its own)", () => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: '@githubnext/github-copilot-cli', version: '0.1.36' }));
    assert.deepEqual(targetForPath(dir).ownVendors, ['microsoft']);
  });

  // The corpus report of this stop: OpenCode's platform binary reading its own auth.json was "another assistant's key store" (4 false highs).
  it("gives a catalog assistant's package, and each of its per-platform packages, the assistant's vendors", () => {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'opencode-linux-x64', version: '1.18.34' }));
    assert.deepEqual(targetForPath(dir).ownVendors, ['sst']);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'opencode-ai', version: '1.18.34' }));
    assert.deepEqual(targetForPath(dir).ownVendors, ['sst']);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'opencode-helper', version: '1.0.0' }));
    assert.deepEqual(targetForPath(dir).ownVendors, []);
  });

  it('without a package.json is named after the folder and has no vendor', () => {
    const t = targetForPath(dir);
    assert.deepEqual([t.name, t.ownVendors], [path.basename(dir), []]);
  });
});
