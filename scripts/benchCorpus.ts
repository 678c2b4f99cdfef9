// `npm run bench -- --corpus [PATH...]`: a whole audit as users run it, against the floor the
// parser sets. Each measurement runs in a child process of its own (peak RSS is that run's,
// worker threads included):
//   parse-only  acorn.parse of every JavaScript file and embedded module, one thread;
//   cold        the audit in a pool of workers (one per core), with an empty result cache;
//   warm        the same audit again, answered from that cache;
//   rule change the warm audit with the cache as a build that differed in one rule would have
//               left it (each entry's record of that rule rewritten): what an update that
//               changed that rule costs (--changed-rule=ID, repeatable; default three rules).
// The cold and warm runs sample the main thread's event-loop delay, as an editor host's would.
// Default targets: Claude Code native 2.1.332, Gemini CLI 0.61.0 and Qwen Code 0.24.4 from the
// corpus (npm run corpus). Prints a table; asserts nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as acorn from 'acorn';
import { auditTargetsInParallel, selectRules } from '../src/core/audit';
import { targetForPath } from '../src/core/discovery/pathTarget';
import { collectFiles, readSourceFile } from '../src/core/scan/files';
import { inspectNative } from '../src/core/native/inspect';
import { BinaryReader } from '../src/core/native/reader';
import { defaultBudgetMs, ScanPool } from '../src/core/worker/pool';
import { defaultPoolSize, defaultWorkerMb } from '../src/core/worker/poolSize';

const REPO = path.resolve(__dirname, '..', '..');
const DEFAULT_TARGETS = ['anthropic-ai_claude-code-linux-x64_2.1.332', 'google_gemini-cli_0.61.0', 'qwen-code_qwen-code_0.24.4'].map(d => path.join(REPO, '.cache', 'corpus', d, 'package'));
const MAX_FILE = 64 * 1024 * 1024;

interface Row {
  run: string;
  ms: number;
  /** CPU time of every thread of the run (workers included): with wall time, how busy the cores were. */
  cpuMs: number;
  mb: number;
  peakRssMb: number;
  maxLoopDelayMs?: number;
  findings?: number;
  errors?: number;
  /** Files and modules answered from the cache / scanned. */
  cached?: number;
  scanned?: number;
}

/** Every JavaScript text the audit would parse: files, and JS modules embedded in binaries. */
function* sources(roots: string[]): Generator<string> {
  for (const root of roots) {
    const { files } = collectFiles(root, { maxFileBytes: MAX_FILE });
    for (const file of files) {
      if (!file.native) {
        const read = readSourceFile(file.absPath);
        if (!('error' in read)) yield read.text;
        continue;
      }
      let reader: BinaryReader | undefined;
      try {
        reader = BinaryReader.open(file.absPath);
        for (const m of inspectNative(reader, path.basename(file.rel), { maxModuleBytes: MAX_FILE })?.modules() ?? []) {
          if ('module' in m && m.text) yield m.text();
        }
      } catch {
        // a binary the audit cannot read either
      } finally {
        reader?.close();
      }
    }
  }
}

function parseOnly(roots: string[]): Row {
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const text of sources(roots)) {
    bytes += text.length;
    try {
      acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true });
    } catch {
      try {
        acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true, allowReturnOutsideFunction: true });
      } catch {
        // unparsable: the audit's loose parser takes it; it costs at least this much
      }
    }
  }
  return { run: 'parse-only (1 thread)', ms: performance.now() - t0, cpuMs: cpuMsSince(cpu0), mb: bytes / 1024 / 1024, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function audit(roots: string[], cacheDir: string, run: string): Promise<Row> {
  const size = defaultPoolSize();
  const rules = {};
  // As the CLI and the editor run it: the workers hash files and read the cache themselves.
  const pool = new ScanPool(path.join(REPO, 'dist', 'worker.js'), { size, maxWorkerMb: defaultWorkerMb(size), budgetMs: defaultBudgetMs, rules, cacheDir });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const results = await auditTargetsInParallel(roots.map(targetForPath), { selection: selectRules(rules), ...pool.scanners() });
    const ms = performance.now() - t0;
    delay.disable();
    return {
      run: `${run} (${size} workers)`,
      ms,
      cpuMs: cpuMsSince(cpu0),
      mb: results.reduce((n, r) => n + r.bytesScanned, 0) / 1024 / 1024,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      maxLoopDelayMs: delay.max / 1e6,
      findings: results.reduce((n, r) => n + r.findings.length, 0),
      errors: results.reduce((n, r) => n + r.errors.length, 0),
      cached: pool.stats.hits + pool.stats.moduleHits,
      scanned: pool.stats.misses + pool.stats.moduleMisses,
    };
  } finally {
    await pool.close();
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Rules changed by default in the rule-change runs: one that runs on few files, one on some, one on most. */
const DEFAULT_CHANGED_RULES = ['clipboard-read', 'machine-id', 'child-process'];

/** Rewrites every entry of a cache folder as if the build that made it had another version of rule `id`. */
function asEarlierBuild(dir: string, id: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const file = path.join(e.parentPath, e.name);
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as { rules?: Record<string, { build: string }> };
    if (!entry.rules?.[id]) continue;
    entry.rules[id].build = `earlier-${entry.rules[id].build}`;
    fs.writeFileSync(file, JSON.stringify(entry));
  }
}

export async function benchCorpus(argv: string[]): Promise<void> {
  const [mode, ...rest] = argv;
  const roots = rest.filter(a => !a.startsWith('--'));
  if (mode === '--corpus-parse') return void process.stdout.write(`${JSON.stringify(parseOnly(roots))}\n`);
  if (mode === '--corpus-audit') {
    const label = rest.find(a => a.startsWith('--label='))?.slice('--label='.length) ?? (rest.includes('--warm') ? 'warm audit' : 'cold audit');
    return void process.stdout.write(`${JSON.stringify(await audit(roots.slice(1), roots[0], label))}\n`);
  }
  const changed = rest.filter(a => a.startsWith('--changed-rule=')).map(a => a.slice('--changed-rule='.length));
  const targets = roots.length ? roots.map(r => path.resolve(r)) : DEFAULT_TARGETS;
  const missing = targets.filter(t => !fs.existsSync(t));
  if (missing.length) {
    process.stderr.write(`bench --corpus: missing ${missing.join(', ')} (npm run corpus fetches the default targets)\n`);
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(path.join(REPO, 'dist', 'worker.js'))) throw new Error('build first: dist/worker.js');
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-bench-cache-'));
  const child = (...args: string[]): Row => {
    const r = spawnSync(process.execPath, [__filename.replace(/benchCorpus\.js$/, 'bench.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Row;
  };
  try {
    const parse = child('--corpus-parse', ...targets);
    const cold = child('--corpus-audit', cacheDir, ...targets);
    const warm = child('--corpus-audit', cacheDir, ...targets, '--warm');
    const rows = [parse, cold, warm];
    for (const id of changed.length ? changed : DEFAULT_CHANGED_RULES) {
      const earlier = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-bench-cache-'));
      try {
        fs.cpSync(cacheDir, earlier, { recursive: true });
        asEarlierBuild(earlier, id);
        rows.push(child('--corpus-audit', earlier, ...targets, `--label=after a change to ${id}`));
      } finally {
        fs.rmSync(earlier, { recursive: true, force: true });
      }
    }
    process.stdout.write(`targets: ${targets.map(t => path.basename(path.dirname(t)) || t).join(', ')}; ${os.cpus().length} cores (${defaultPoolSize()} used), ${Math.round(os.totalmem() / 1024 / 1024 / 1024)} GB\n`);
    process.stdout.write(['run', 's', 'CPU s', 'MB', 'peak RSS MB', 'max event-loop delay ms', 'findings', 'errors', 'cached', 'scanned'].join('\t') + '\n');
    for (const r of rows) process.stdout.write([r.run, (r.ms / 1000).toFixed(1), (r.cpuMs / 1000).toFixed(1), r.mb.toFixed(1), Math.round(r.peakRssMb), r.maxLoopDelayMs?.toFixed(1) ?? '', r.findings ?? '', r.errors ?? '', r.cached ?? '', r.scanned ?? ''].join('\t') + '\n');
    process.stdout.write(`cold / parse-only = ${(cold.ms / parse.ms).toFixed(2)} (target <= 0.6); warm / cold = ${((warm.ms / cold.ms) * 100).toFixed(1)} % (target <= 3 %)\n`);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
