// Builds the three shipped bundles (dist/: extension, CLI, scan worker) and a transpile-only
// copy of src, test and scripts (out/) that mocha and the bench script run. Type-checking is
// tsc's job, not esbuild's.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __AI_TOOL_AUDIT_VERSION__: JSON.stringify(version) };

function tsFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'fixtures' || name === 'artifacts' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) found.push(...tsFiles(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define,
};

const builds = [
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...shared, entryPoints: ['src/worker.ts'], outfile: 'dist/worker.js' },
  {
    entryPoints: [...tsFiles('src').filter(f => !f.endsWith('extension.ts') && !f.includes('/views/')), ...tsFiles('test'), ...tsFiles('scripts')],
    outdir: 'out',
    outbase: '.',
    bundle: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    define,
  },
];

rmSync('out', { recursive: true, force: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
