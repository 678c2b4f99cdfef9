// Published versions of a package, fetched for reading: `npm pack` downloads the tarball from
// the registry (no install, so no install script runs) and `tar` unpacks it into a cache
// folder. A folder is used only once a `.complete` marker says the unpacking finished.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `$XDG_CACHE_HOME/ai-tool-audit/packages`, else `~/.cache/ai-tool-audit/packages`. */
export function packageCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ai-tool-audit', 'packages');
}

/** Package names and versions as npm accepts them: nothing that could leave the cache folder. */
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
/** An exact version: a dist-tag (`latest`) or a range would be cached under a name that goes stale. */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function checkPackageSpec(name: string, version: string): string | undefined {
  if (!NAME.test(name)) return `"${name}" is not an npm package name`;
  if (!VERSION.test(version)) return `"${version}" is not a version (give an exact one, such as 2.1.91)`;
  return undefined;
}

/**
 * The unpacked `package/` folder of name@version, fetched on first use, with this machine's
 * platform package (see platformDependency) unpacked into its `node_modules/` as npm would
 * install it: the native code then sits at the same relative path in every version, so its
 * findings compare across versions. Throws with npm's own first error line when the registry
 * has no such version or cannot be reached.
 */
export function fetchPackage(name: string, version: string, cache = packageCacheDir()): string {
  const problem = checkPackageSpec(name, version);
  if (problem) throw new Error(problem);
  const dir = path.join(cache, `${name.replace('/', '+')}@${version}`);
  const unpacked = path.join(dir, 'package');
  if (fs.existsSync(path.join(dir, '.complete'))) return unpacked;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  try {
    unpackInto(name, version, dir, false);
    if (!fs.existsSync(unpacked)) throw new Error(`${name}@${version}: the tarball has no package/ folder`);
    const platform = platformDependency(unpacked);
    if (platform) {
      const into = path.join(unpacked, 'node_modules', ...platform.name.split('/'));
      fs.mkdirSync(into, { recursive: true });
      unpackInto(platform.name, platform.version, into, true);
    }
    fs.writeFileSync(path.join(dir, '.complete'), `${new Date().toISOString()}\n`);
    return unpacked;
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** `npm pack` into a temporary folder, then `tar` into `dir` (without the `package/` level when `strip`). */
function unpackInto(name: string, version: string, dir: string, strip: boolean): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-tool-audit-pack-'));
  try {
    let out: string;
    try {
      out = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', tmp, '--json', '--silent'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      throw new Error(`npm pack ${name}@${version} failed: ${npmReason(e)}`);
    }
    const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
    execFileSync('tar', ['xzf', path.join(tmp, path.basename(filename)), '-C', dir, ...(strip ? ['--strip-components=1'] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * npm's own words for a failure: with --json it writes `{"error": {"summary": …}}` on stdout
 * (npm 10 and 11), else `npm error …` lines on stderr.
 */
function npmReason(e: unknown): string {
  const { stdout, stderr } = e as { stdout?: unknown; stderr?: unknown };
  try {
    const parsed = JSON.parse(String(stdout ?? '')) as { error?: { code?: string; summary?: string } };
    if (parsed.error?.summary) return `${parsed.error.code ? `${parsed.error.code}: ` : ''}${parsed.error.summary.split('\n')[0]}`;
  } catch {
    // not JSON: fall through to stderr
  }
  const line = String(stderr ?? '')
    .split('\n')
    .find(l => /npm (error|ERR!)/.test(l) && !/A complete log|^npm (error|ERR!)\s*$/.test(l));
  return line ? line.replace(/^npm (error|ERR!)\s*/, '') : e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * The platform package of this machine among a package's optionalDependencies: native builds
 * ship as `<name>-linux-x64`, `@scope/cli-darwin-arm64` and the like, and the code a user runs
 * is in that package, not in the small launcher. Only the package's own builds count (same
 * name prefix or same scope): a library's native part (`@img/sharp-linux-x64`) is not the
 * assistant's code.
 */
export function platformDependency(pkgDir: string, platform = process.platform, arch = process.arch): { name: string; version: string } | undefined {
  let pkg: { name?: unknown; optionalDependencies?: Record<string, unknown> };
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const own = typeof pkg.name === 'string' ? pkg.name : '';
  const scope = own.startsWith('@') ? own.slice(0, own.indexOf('/') + 1) : undefined;
  const ours = (n: string) => !!own && (n.startsWith(`${own}-`) || (!!scope && n.startsWith(scope)));
  const deps = Object.entries(pkg.optionalDependencies ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && ours(e[0]));
  const suffix = `-${platform}-${arch}`;
  const hit = deps.find(([n]) => n.endsWith(suffix)) ?? deps.find(([n]) => n.includes(`${suffix}-`) && !/musl|baseline/.test(n.slice(n.indexOf(suffix))));
  if (!hit) return undefined;
  const version = hit[1].replace(/^[=^~v]/, '');
  return VERSION.test(version) ? { name: hit[0], version } : undefined;
}
