// Real bundler output for tests: the fixture sources under test/fixtures/bundler-src/<name>
// bundled by esbuild, webpack or rollup through their Node APIs, as assistants ship them
// (Node builtins left as requires, minified or not). Outputs are cached in the temp folder by
// a hash of the inputs, so a second run costs nothing.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Bundler = 'esbuild' | 'webpack' | 'rollup';

/** How javascript-obfuscator hides the strings: its string-array encodings and wrappers. */
export interface ObfuscationOptions {
  encoding: 'none' | 'base64' | 'rc4';
  /** Aliases of the accessor in each scope (`const g = _0x3a5d`), the obfuscator's default. */
  wrappers: boolean;
}

export const OBFUSCATIONS: ObfuscationOptions[] = [
  { encoding: 'none', wrappers: false },
  { encoding: 'base64', wrappers: false },
  { encoding: 'base64', wrappers: true },
  { encoding: 'rc4', wrappers: true },
];

/** A bundle run through javascript-obfuscator's string array (rotated, shuffled, index-shifted), cached. */
export async function obfuscate(text: string, options: ObfuscationOptions): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(options)).update(text).digest('hex').slice(0, 16);
  const out = path.join(CACHE, `obfuscated-${hash}.js`);
  if (fs.existsSync(out)) return fs.readFileSync(out, 'utf8');
  const { obfuscate: run } = (await import('javascript-obfuscator')).default;
  const code = run(text, {
    seed: 7,
    target: 'node',
    stringArray: true,
    stringArrayThreshold: 1,
    rotateStringArray: true,
    shuffleStringArray: true,
    stringArrayIndexShift: true,
    stringArrayEncoding: options.encoding === 'none' ? [] : [options.encoding],
    stringArrayWrappersCount: options.wrappers ? 1 : 0,
    stringArrayWrappersType: 'variable',
  }).getObfuscatedCode();
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(out, code);
  return code;
}

export interface BundleOptions {
  bundler: Bundler;
  minify?: boolean;
  /** Output module format (rollup and esbuild); webpack always emits its own runtime. */
  format?: 'cjs' | 'esm';
  /** esbuild's keep-names: every function wrapped in `__name(fn, "name")`, as command-code ships. */
  keepNames?: boolean;
}

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'bundler-src');
const CACHE = path.join(os.tmpdir(), 'ai-tool-audit-bundles');
const BUILTINS = /^(?:node:)?(?:child_process|fs|os|path|util|https?|net|tls|dns|crypto|url|events|stream|string_decoder|timers|tty|v8|worker_threads|buffer|process)(?:\/.*)?$/;

export const VARIANTS: BundleOptions[] = [
  { bundler: 'esbuild', format: 'cjs' },
  { bundler: 'esbuild', format: 'cjs', minify: true },
  { bundler: 'esbuild', format: 'esm', minify: true },
  { bundler: 'webpack' },
  { bundler: 'webpack', minify: true },
  { bundler: 'rollup', format: 'cjs' },
  { bundler: 'rollup', format: 'esm' },
  { bundler: 'esbuild', format: 'esm', minify: true, keepNames: true },
];

export function describeVariant(o: BundleOptions): string {
  return `${o.bundler}${o.format ? ` ${o.format}` : ''}${o.minify ? ' minified' : ''}${o.keepNames ? ' keep-names' : ''}`;
}

/** The fixture `name` bundled from its `main.mjs` (or another entry); the output's text. */
export async function bundleFixture(name: string, options: BundleOptions, entryFile = 'main.mjs'): Promise<string> {
  const dir = path.join(FIXTURES, name);
  const sources = fs.readdirSync(dir).filter(f => /\.(?:[mc]?js)$/.test(f)).sort();
  const hash = createHash('sha256').update(JSON.stringify(options)).update(entryFile);
  for (const f of sources) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  const out = path.join(CACHE, `${name}-${hash.digest('hex').slice(0, 16)}.js`);
  if (fs.existsSync(out)) return fs.readFileSync(out, 'utf8');
  fs.mkdirSync(CACHE, { recursive: true });
  // A fixture with a `lib.mjs` ships that library as CommonJS, built first (see withBuiltLibrary).
  const text = fs.existsSync(path.join(dir, 'lib.mjs')) ? await withBuiltLibrary(dir, entryFile, options) : await bundleEntry(path.join(dir, entryFile), options);
  fs.writeFileSync(out, text);
  return text;
}

function bundleEntry(entry: string, options: BundleOptions): Promise<string> {
  return options.bundler === 'esbuild' ? withEsbuild(entry, options) : options.bundler === 'webpack' ? withWebpack(entry, options) : withRollup(entry, options);
}

/**
 * A fixture whose `lib.mjs` is a library shipped as CommonJS: built alone by esbuild to
 * `lib.cjs` (as tsup builds TypeScript libraries), then bundled with the entry by `options`.
 * Built in a folder of a fixed name, so the bundle's text is the same at every run.
 */
async function withBuiltLibrary(dir: string, entryFile: string, options: BundleOptions): Promise<string> {
  const esbuild = await import('esbuild');
  const work = path.join(CACHE, `${path.basename(dir)}-src`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  try {
    const lib = await esbuild.build({ entryPoints: [path.join(dir, 'lib.mjs')], bundle: false, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
    fs.writeFileSync(path.join(work, 'lib.cjs'), lib.outputFiles[0].text);
    fs.copyFileSync(path.join(dir, entryFile), path.join(work, entryFile));
    return await bundleEntry(path.join(work, entryFile), options);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function withEsbuild(entry: string, options: BundleOptions): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: options.format ?? 'cjs', minify: !!options.minify, keepNames: !!options.keepNames, write: false, logLevel: 'silent' });
  return result.outputFiles[0].text;
}

async function withWebpack(entry: string, options: BundleOptions): Promise<string> {
  const webpack = (await import('webpack')).default;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-webpack-'));
  try {
    await new Promise<void>((resolve, reject) => {
      webpack(
        {
          mode: 'production',
          target: 'node',
          entry,
          output: { path: outDir, filename: 'out.js', library: { type: 'commonjs2' } },
          optimization: { minimize: !!options.minify },
          externalsPresets: { node: true },
          infrastructureLogging: { level: 'error' },
          stats: 'errors-only',
        },
        (err, stats) => {
          if (err) return reject(err);
          if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
          resolve();
        },
      );
    });
    return fs.readFileSync(path.join(outDir, 'out.js'), 'utf8');
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

async function withRollup(entry: string, options: BundleOptions): Promise<string> {
  const { rollup } = await import('rollup');
  const commonjs = (await import('@rollup/plugin-commonjs')).default;
  // Packages from node_modules are bundled too (execa 9 for the execa9 fixture), as esbuild and webpack do.
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const bundle = await rollup({ input: entry, external: id => BUILTINS.test(id), plugins: [nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }), commonjs()], onwarn: () => undefined });
  try {
    const { output } = await bundle.generate({ format: options.format === 'esm' ? 'es' : 'cjs' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

/**
 * The fixture `name` built with code splitting from several entries: each entry a file, the
 * modules they share in chunks of their own that the entries import (`import { run } from
 * "./chunk-XYZ.js"`, rollup's CommonJS `require("./run-XYZ.js")`), as Bun and esbuild ship split
 * programs. The folder holding the output, cached like bundleFixture's.
 */
export async function bundleChunks(name: string, options: BundleOptions & { bundler: 'esbuild' | 'rollup' }, entries: readonly string[]): Promise<string> {
  const dir = path.join(FIXTURES, name);
  const sources = fs.readdirSync(dir).filter(f => /\.(?:[mc]?js)$/.test(f)).sort();
  const hash = createHash('sha256').update(JSON.stringify(options)).update(entries.join('\0'));
  for (const f of sources) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  const out = path.join(CACHE, `${name}-chunks-${hash.digest('hex').slice(0, 16)}`);
  if (fs.existsSync(path.join(out, '.done'))) return out;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const input = entries.map(e => path.join(dir, e));
  if (options.bundler === 'esbuild') {
    const esbuild = await import('esbuild');
    await esbuild.build({ entryPoints: input, bundle: true, splitting: true, platform: 'node', format: 'esm', minify: !!options.minify, outdir: out, logLevel: 'silent' });
  } else {
    const { rollup } = await import('rollup');
    const bundle = await rollup({ input, external: id => BUILTINS.test(id), onwarn: () => undefined });
    try {
      await bundle.write({ dir: out, format: options.format === 'cjs' ? 'cjs' : 'es' });
    } finally {
      await bundle.close();
    }
  }
  fs.writeFileSync(path.join(out, '.done'), '');
  return out;
}
