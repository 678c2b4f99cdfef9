// `npm run package`: the .vsix users install, built offline by @vscode/vsce (pinned in
// scripts/test-host/versions.json, installed into .test-host/tools on first use) from the
// bundles in dist/. The browser suite (npm run test:e2e) installs a .vsix built the same way.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './test-host/paths.mjs';
import { ensureTools } from './test-host/install.mjs';
import { packageVsix } from './test-host/vsix.mjs';

const LIMIT = 2 * 1024 * 1024;
const { name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
ensureTools();
const out = join(REPO, `${name}-${version}.vsix`);
packageVsix(REPO, out);
const size = statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(0)} KB`);
if (size > LIMIT) {
  console.error(`the .vsix is over ${LIMIT / 1024 / 1024} MB: check .vscodeignore`);
  process.exit(1);
}
