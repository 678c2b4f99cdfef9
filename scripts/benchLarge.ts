// `npm run bench -- --large [FILE...]`: peak memory and time of scanning one large JavaScript
// file, two ways, each in a child process of its own (peak RSS is that run's, worker included):
//   process  in the scanning process itself, as `scan --jobs 1` (Node's default heap limit);
//   worker   in one pool worker with the default heap limit, as the editor and `scan` do.
// Default files: the corpus's largest bundles (16, 22 and 33 to 35 MB: Gemini CLI, Kimi Code,
// Letta Code, Qodo, Qoder) and two made from them in a temporary folder, of 47 and 64 MB:
// Letta Code's bundle followed by others, each wrapped in an async function, so that the text
// has top-level statements to cut between, as one large bundle has. Files over WHOLE_MAX
// characters are analysed in parts (the `parts` column). Prints a table; asserts nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditTargets, auditTargetsInParallel, selectRules } from '../src/core/audit';
import { targetForPath } from '../src/core/discovery/pathTarget';
import type { TargetResult } from '../src/core/model';
import { defaultBudgetMs, ScanPool } from '../src/core/worker/pool';
import { defaultPoolSize, defaultWorkerMb } from '../src/core/worker/poolSize';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(REPO, '.cache', 'corpus');
const REAL = [
  'google_gemini-cli_0.61.0/package/bundle/chunk-5FZXKDXH.js',
  'moonshot-ai_kimi-code_2.1.0/package/dist/main.mjs',
  'qoder-ai_qodercli_1.1.52/package/bundle/qodercli.js',
  'qoder-ai_qodercli_1.1.52/package/bundle/qoder-worker-runtime.mjs',
  'qodo_command_0.36.0/package/dist/cli.js',
  'letta-ai_letta-code_0.32.18/package/letta.js',
];
const LETTA = 'letta-ai_letta-code_0.32.18/package/letta.js';
/** Made files: Letta Code's bundle as it is, then these, each inside `(async()=>{…})();`. */
const MADE: Record<string, string[]> = {
  'letta+claude-code-47mb.mjs': ['anthropic-ai_claude-code_2.1.112/package/cli.js'],
  'letta+gemini+augment+qwen-64mb.mjs': ['google_gemini-cli_0.61.0/package/bundle/chunk-5FZXKDXH.js', 'augmentcode_auggie_0.36.0/package/augment.mjs', 'qwen-code_qwen-code_0.24.4/package/chunks/startInteractiveUI-PJDI6SSE.js'],
};

interface Row {
  mode: 'process' | 'worker';
  ms: number;
  peakRssMb: number;
  findings: number;
  errors: string[];
}

function summary(result: TargetResult, mode: Row['mode'], t0: number): Row {
  return { mode, ms: performance.now() - t0, peakRssMb: process.resourceUsage().maxRSS / 1024, findings: result.findings.length, errors: result.errors.map(e => e.message) };
}

async function child(mode: string, file: string): Promise<void> {
  const t0 = performance.now();
  let row: Row;
  if (mode === 'process') {
    row = summary(auditTargets([targetForPath(file)])[0], 'process', t0);
  } else {
    const size = defaultPoolSize();
    const rules = {};
    const pool = new ScanPool(path.join(REPO, 'dist', 'worker.js'), { size: 1, maxWorkerMb: defaultWorkerMb(size), budgetMs: defaultBudgetMs, rules });
    try {
      const [result] = await auditTargetsInParallel([targetForPath(file)], { selection: selectRules(rules), ...pool.scanners() });
      row = summary(result, 'worker', t0);
    } finally {
      await pool.close();
    }
  }
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

const strip = (text: string) => (text.startsWith('#!') ? `//${text.slice(2)}` : text);

/** The made files, written into `dir`. */
function make(dir: string): string[] {
  return Object.entries(MADE).map(([name, rest]) => {
    const file = path.join(dir, name);
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, `${strip(fs.readFileSync(path.join(CORPUS, LETTA), 'utf8'))}\n`);
      for (const r of rest) fs.writeSync(fd, `(async()=>{\n${strip(fs.readFileSync(path.join(CORPUS, r), 'utf8'))}\n})();\n`);
    } finally {
      fs.closeSync(fd);
    }
    return file;
  });
}

export async function benchLarge(argv: string[]): Promise<void> {
  if (argv[0] === '--large-child') return child(argv[1], argv[2]);
  const given = argv.filter(a => !a.startsWith('--')).map(a => path.resolve(a));
  if (!fs.existsSync(path.join(REPO, 'dist', 'worker.js'))) throw new Error('build first: dist/worker.js');
  let tmp: string | undefined;
  let files = given;
  if (!files.length) {
    const missing = [...REAL, LETTA, ...Object.values(MADE).flat()].filter(f => !fs.existsSync(path.join(CORPUS, f)));
    if (missing.length) {
      process.stderr.write(`bench --large: missing ${missing.join(', ')} (npm run corpus fetches them)\n`);
      process.exitCode = 2;
      return;
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-bench-large-'));
    files = [...REAL.map(f => path.join(CORPUS, f)), ...make(tmp)];
  }
  try {
    process.stdout.write(`${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 / 1024 / 1024)} GB; worker heap limit ${defaultWorkerMb(defaultPoolSize())} MB; Node ${process.version}\n`);
    process.stdout.write(`${['file', 'MB', 'mode', 's', 'peak RSS MB', 'findings', 'parts', 'errors'].join('\t')}\n`);
    for (const file of files) {
      for (const mode of ['process', 'worker']) {
        const r = spawnSync(process.execPath, [__filename.replace(/benchLarge\.js$/, 'bench.js'), '--large-child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
        const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
        if (r.status !== 0) {
          process.stdout.write(`${path.basename(file)}\t${mb}\t${mode}\tfailed: ${r.stderr.trim().split('\n').pop()}\n`);
          continue;
        }
        const row = JSON.parse(r.stdout.trim().split('\n').pop()!) as Row;
        const parts = row.errors.map(e => /^analysed in (\d+) parts/.exec(e)?.[1]).find(Boolean) ?? 'whole';
        const others = row.errors.filter(e => !e.startsWith('analysed in '));
        process.stdout.write(`${[path.basename(file), mb, mode, (row.ms / 1000).toFixed(1), Math.round(row.peakRssMb), row.findings, parts, others.length ? others.join(' | ').slice(0, 120) : 0].join('\t')}\n`);
      }
    }
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
