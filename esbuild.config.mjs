// Builds the three shipped bundles (dist/: extension, CLI, scan worker) and a transpile-only
// copy of src, test and scripts (out/) that mocha and the bench script run. Type-checking is
// tsc's job, not esbuild's.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildIds } from './scripts/buildIds.mjs';

const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// The build of the engine and of each rule that stands alone: cached scan results are keyed by
// them, so a change to any source file (not only a version bump) invalidates the results it can change.
const ids = buildIds('.');
const define = {
  __AI_TOOL_AUDIT_VERSION__: JSON.stringify(version),
  __AI_TOOL_AUDIT_BUILD__: JSON.stringify(ids.full),
  __AI_TOOL_AUDIT_ENGINE_BUILD__: JSON.stringify(ids.engine),
  __AI_TOOL_AUDIT_RULE_BUILDS__: JSON.stringify(ids.rules),
};

function filesEnding(dir, ending) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'fixtures' || name === 'artifacts' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) found.push(...filesEnding(full, ending));
    else if (name.endsWith(ending) && !name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}
const tsFiles = dir => filesEnding(dir, '.ts');
// Code that needs the editor's API stays out of out/; the views that do not (pure helpers) are unit-tested there.
const editorOnly = f => f.endsWith('extension.ts') || (f.includes('/views/') && /from 'vscode'/.test(readFileSync(f, 'utf8')));

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
  define,
};

const builds = [
  // The extension host loads this on activation: whitespace goes (names stay readable, the source map maps back).
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], minifyWhitespace: true },
  { ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...shared, entryPoints: ['src/worker.ts'], outfile: 'dist/worker.js' },
  {
    entryPoints: [...tsFiles('src').filter(f => !editorOnly(f)), ...tsFiles('test'), ...tsFiles('scripts')],
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
// The transpiled copy in out/ keeps `require('./x.json')`: the JSON data (the policy schema)
// must sit beside it. The bundles in dist/ inline it; the editor reads the schema file itself
// (contributes.jsonValidation), so dist/ ships a copy.
for (const f of filesEnding('src', '.json')) {
  mkdirSync(dirname(join('out', f)), { recursive: true });
  copyFileSync(f, join('out', f));
}
mkdirSync('dist', { recursive: true });
copyFileSync('src/core/policy/policy.schema.json', 'dist/policy.schema.json');
