// Files scanned in a pool of worker threads (dist/worker.js): the same result as one by one,
// and a file that exhausts its time budget or its worker's heap costs only itself.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { TargetSpec } from '../../src/core/model';
import { auditTargets, auditTargetsInParallel, selectRules } from '../../src/core/audit';
import { defaultBudgetMs, ScanPool } from '../../src/core/worker/pool';
import { inParts } from '../../src/core/worker/protocol';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { tempTree } from '../helpers/tempTree';
import { appendedBun, bunGraph, elf, tgz } from '../helpers/nativeFixtures';

const WORKER = path.resolve('dist/worker.js');
const CLI = path.resolve('dist/cli.js');
const folder = (files: Record<string, string | Buffer>) => tempTree(files, 'ata-pool-');
const GATE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';


/** A large file of ordinary code: many small functions, each reading the environment. */
function bigCode(mb: number): string {
  const unit = 'function f$(){return process.env.HOME_$+[1,2,3].map(x=>x*2).join(",")}\n';
  return Array.from({ length: Math.ceil((mb * 1024 * 1024) / unit.length) }, (_, i) => unit.replace(/\$/g, String(i))).join('');
}

const spec = (root: string, id = path.basename(root)): TargetSpec => ({ id, name: id, kind: 'path', root });

async function inPool(specs: TargetSpec[], options: { size: number; maxWorkerMb?: number; budgetMs?: (f: { rel: string; size: number }) => number }) {
  const rules = {};
  const pool = new ScanPool(WORKER, { size: options.size, maxWorkerMb: options.maxWorkerMb ?? 2048, budgetMs: options.budgetMs ?? defaultBudgetMs, rules });
  try {
    return await auditTargetsInParallel(specs, { selection: selectRules(rules), ...pool.scanners() });
  } finally {
    await pool.close();
  }
}

describe('scanning in a pool of workers', function () {
  this.timeout(120_000);

  /** Nice values of this process's threads, by thread id (Linux: /proc/self/task/<tid>/stat, field 19). */
  const threadNice = (): Map<number, number> =>
    new Map(
      fs.readdirSync('/proc/self/task').map(tid => {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [Number(tid), Number(fields[16])];
      }),
    );

  it('lowers the priority of its worker threads only, never the thread that started them (Linux)', async function () {
    if (process.platform !== 'linux') this.skip();
    const before = threadNice();
    const rules = {};
    const pool = new ScanPool(WORKER, { size: 2, maxWorkerMb: 2048, budgetMs: defaultBudgetMs, rules });
    try {
      await auditTargetsInParallel([spec(folder({ 'a.js': GATE, 'b.js': GATE }))], { selection: selectRules(rules), ...pool.scanners() });
      const after = threadNice();
      assert.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its priority');
      const niced = [...after].filter(([tid, nice]) => !before.has(tid) && nice === 10);
      assert.ok(niced.length >= 1, `a worker thread at nice 10 among ${JSON.stringify([...after])}`);
    } finally {
      await pool.close();
    }
  });

  it('gives exactly the findings, errors and binaries of a one-by-one audit', async () => {
    const native = folder({ 'bin/tool': appendedBun(elf(), bunGraph([{ name: '/$bunfs/root/cli.js', text: GATE }])), 'index.js': GATE, 'package.json': '{"name":"n","version":"1.0.0"}' });
    const specs = [spec(path.resolve('test/fixtures/bundler-src')), spec(path.resolve('node_modules/mocha')), spec(native), spec(path.resolve('test/fixtures/home'))];
    const one = auditTargets(specs);
    const pooled = await inPool(specs, { size: 3 });
    assert.ok(one.reduce((n, t) => n + t.findings.length, 0) > 20, 'a corpus with findings');
    assert.deepEqual(JSON.parse(JSON.stringify(pooled)), JSON.parse(JSON.stringify(one)));
  });

  it("shares the workers' answers about a program's modules in a folder of its own without a cache, removed when it closes; the findings are a one-by-one audit's", async () => {
    const files: Record<string, string> = { 'main.js': 'import { run1 } from "./m1.js";\nrun1("git", ["status"]);\n', 'other.js': 'import { run2 } from "./m2.js";\nrun2("gh", ["auth", "token"]);\n' };
    for (let i = 1; i <= 3; i++) files[`m${i}.js`] = i === 3 ? 'import { spawn } from "node:child_process";\nexport function run3(file, args) { return spawn(file, args); }\n' : `import { run${i + 1} } from "./m${i + 1}.js";\nexport function run${i}(file, args) { return run${i + 1}(file, args); }\n`;
    const specs = [spec(folder(files))];
    const one = auditTargets(specs);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-pool-answers-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const rules = {};
    const pool = new ScanPool(WORKER, { size: 2, maxWorkerMb: 2048, budgetMs: defaultBudgetMs, rules });
    try {
      const pooled = await auditTargetsInParallel(specs, { selection: selectRules(rules), ...pool.scanners() });
      assert.deepEqual(JSON.parse(JSON.stringify(pooled)), JSON.parse(JSON.stringify(one)));
      assert.ok(one[0].findings.some(f => f.ruleId === 'child-process' && f.file === 'main.js' && /git status/.test(f.message)), 'a start through the runners');
      const shared = fs.readdirSync(tmp).filter(d => d.startsWith('ai-tool-audit-answers-'));
      assert.equal(shared.length, 1);
      assert.ok(fs.readdirSync(path.join(tmp, shared[0]), { recursive: true }).some(f => String(f).endsWith('.answer.json')), 'answers kept while the pool runs');
    } finally {
      await pool.close();
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    assert.deepEqual(fs.readdirSync(tmp), [], 'removed when the pool closes');
  });

  it('reports targets in order even when a later one is done first', async () => {
    const slow = folder({ 'a.js': GATE });
    const quick = folder({ 'b.js': GATE });
    const order: number[] = [];
    await auditTargetsInParallel([spec(slow), spec(quick)], {
      concurrency: 2,
      scan: async task => {
        if (task.target === 0) await new Promise(r => setTimeout(r, 300));
        return { findings: [], errors: [], filesScanned: 1, bytesScanned: task.file.size };
      },
      onTarget: index => order.push(index),
    });
    assert.deepEqual(order, [0, 1]);
  });

  it('never scans two files over maxBytesInFlight at once, and still scans every file', async () => {
    const dir = folder({ 'a.js': 'x'.repeat(3000), 'b.js': 'x'.repeat(2900), 'c.js': 'x'.repeat(100), 'd.js': 'x'.repeat(90), 'e.js': 'x'.repeat(80) });
    let bytes = 0;
    let peak = 0;
    const order: string[] = [];
    const [result] = await auditTargetsInParallel([spec(dir)], {
      concurrency: 2,
      maxBytesInFlight: 4000,
      scan: async task => {
        order.push(task.file.rel);
        bytes += task.file.size;
        peak = Math.max(peak, bytes);
        await new Promise(r => setTimeout(r, 20));
        bytes -= task.file.size;
        return { findings: [], errors: [], filesScanned: 1, bytesScanned: task.file.size };
      },
    });
    assert.ok(peak <= 4000, `peak ${peak}`);
    assert.equal(result.filesScanned, 5);
    assert.deepEqual(order.slice(0, 2), ['a.js', 'c.js'], 'the second worker takes a small file while the large one is scanned');
  });

  it('records a file over its time budget and reports every other file', async () => {
    const dir = folder({ 'big.js': bigCode(3), 'gate.js': GATE });
    const [result] = await inPool([spec(dir)], { size: 2, budgetMs: f => (f.rel === 'big.js' ? 30 : 60_000) });
    assert.deepEqual(result.errors.map(e => e.file), ['big.js']);
    assert.match(result.errors[0].message, /^not scanned: over its time budget of 0\.03 s; the rest of the audit went on$/);
    assert.ok(result.findings.some(f => f.file === 'gate.js' && f.ruleId === 'region-gating'));
    assert.ok(!result.findings.some(f => f.file === 'big.js'));
  });

  it("records a file that exhausts its worker's heap, and goes on in a fresh worker", async () => {
    const dir = folder({ 'a-big.js': bigCode(6), 'b-gate.js': GATE, 'c-gate.js': GATE });
    const [result] = await inPool([spec(dir)], { size: 1, maxWorkerMb: 48 });
    assert.deepEqual(result.errors.map(e => e.file), ['a-big.js']);
    assert.match(result.errors[0].message, /ran out of memory \(limit 48 MB\)/);
    assert.deepEqual([...new Set(result.findings.filter(f => f.ruleId === 'region-gating').map(f => f.file))], ['b-gate.js', 'c-gate.js'], 'the files after it are scanned by a new worker');
  });

  it('is how the CLI scans: --jobs 2 prints what --jobs 1 prints, and --file-timeout records a slow file', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'scan', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const dir = folder({ 'big.js': bigCode(4), 'gate.js': GATE, 'lib/x.js': 'require("child_process").execFileSync("git",["status"]);\n' });
    const one = run(dir, '--json', '--jobs', '1');
    const two = run(dir, '--json', '--jobs', '2');
    assert.equal(one.status, 0, one.stderr);
    assert.deepEqual(JSON.parse(two.stdout).targets, JSON.parse(one.stdout).targets);
    // 0.5 s: big.js takes seconds, while gate.js, a fresh worker's first file, can take over
    // 0.2 s on a loaded machine (a fresh clone's run failed so beside other test runs).
    const slow = run(dir, '--json', '--file-timeout', '0.5', '--no-cache');
    const t = JSON.parse(slow.stdout).targets[0];
    assert.ok(t.errors.some((e: { file: string; message: string }) => e.file === 'big.js' && /time budget/.test(e.message)), JSON.stringify(t.errors));
    assert.ok(t.findings.some((f: { file: string }) => f.file === 'gate.js'));
    assert.equal(run(dir, '--file-timeout', '0.5', '--strict', '--no-cache').status, 1, '--strict counts it');
    assert.equal(run(dir, '--jobs', '0').status, 2);
  });

  it('moves an outcome of more findings than one message holds in parts, both ways: scanned, cached whole, read back', async () => {
    // 1,200 process starts of computed commands: 1,200 findings in one file and in one module of a binary.
    const many = Array.from({ length: 1200 }, (_, i) => `function r${i}(c){return require("child_process").execSync(c+${i})}`).join('\n') + '\n';
    const root = folder({ 'many.js': many, 'bin/tool': appendedBun(elf(), bunGraph([{ name: '/$bunfs/root/cli.js', text: many }])), 'package.json': '{"name":"n","version":"1.0.0"}' });
    assert.ok(inParts(Array.from({ length: 1200 })).head.length >= 2, 'more than one part');
    const one = auditTargets([spec(root)]);
    assert.ok(one[0].findings.filter(f => f.ruleId === 'child-process').length >= 2400, 'the file and the module each have 1,200');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-pool-parts-'));
    const run = async () => {
      const rules = {};
      const pool = new ScanPool(WORKER, { size: 2, maxWorkerMb: 2048, budgetMs: defaultBudgetMs, rules, cacheDir });
      try {
        const result = await auditTargetsInParallel([spec(root)], { selection: selectRules(rules), ...pool.scanners() });
        return { result, stats: { ...pool.stats } };
      } finally {
        await pool.close();
      }
    };
    try {
      const cold = await run();
      const warm = await run();
      assert.equal(warm.stats.hits, 2, 'the file and the binary, each read back whole from the cache');
      for (const r of [cold.result, warm.result]) assert.deepEqual(JSON.parse(JSON.stringify(r)), JSON.parse(JSON.stringify(one)));
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('keeps results with and without an archive\'s tests apart in the cache', async () => {
    const root = folder({ 'pkg/bundle.tgz': tgz([['package/index.js', GATE], ['package/test/t.js', GATE]]), 'package.json': '{"name":"n","version":"1.0.0"}' });
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-pool-tests-'));
    const run = async (includeTests: boolean) => {
      const rules = {};
      const pool = new ScanPool(WORKER, { size: 1, maxWorkerMb: 2048, budgetMs: defaultBudgetMs, rules, cacheDir });
      try {
        const [result] = await auditTargetsInParallel([spec(root)], { selection: selectRules(rules), ...pool.scanners(), includeTests });
        return [...new Set(result.findings.map(f => f.entry))].sort();
      } finally {
        await pool.close();
      }
    };
    try {
      assert.deepEqual(await run(false), ['package/index.js']);
      assert.deepEqual(await run(true), ['package/index.js', 'package/test/t.js']);
      assert.deepEqual(await run(false), ['package/index.js']);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
