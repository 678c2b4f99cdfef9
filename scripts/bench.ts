// `npm run bench -- PATH...`: speed and memory of a scan, one child process per PATH so that
// peak RSS belongs to that PATH alone. `--extract` measures only reading the JavaScript out of
// the native binaries under each PATH (every module listed and decoded, nothing parsed).
// `--corpus [PATH...]` measures a whole audit as users run it (see benchCorpus.ts); `--large
// [FILE...]` the peak memory of one large file, in this process and in a worker (benchLarge.ts).
// Prints figures; asserts nothing (targets live in the issue notes, not in tests).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { auditTargets } from '../src/core/audit';
import { targetForPath } from '../src/core/discovery/pathTarget';
import { collectFiles } from '../src/core/scan/files';
import { inspectNative } from '../src/core/native/inspect';
import { BinaryReader } from '../src/core/native/reader';
import { benchCorpus } from './benchCorpus';
import { benchLarge } from './benchLarge';

function measure(path: string): void {
  let parseMs = 0;
  let walkMs = 0;
  let decodeMs = 0;
  let linkMs = 0;
  let nodes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const [result] = auditTargets([targetForPath(path)], {
    onFileDone: (_target, _rel, s) => {
      parseMs += s.parseMs;
      walkMs += s.walkMs;
      decodeMs += s.decodeMs;
      linkMs += s.linkMs;
      nodes += s.nodes;
    },
  });
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const row = {
    path,
    files: result.filesScanned,
    mb: +(result.bytesScanned / 1024 / 1024).toFixed(2),
    parseMs: Math.round(parseMs),
    walkRulesMs: Math.round(walkMs),
    decodeMs: Math.round(decodeMs),
    linkMs: Math.round(linkMs),
    totalMs: Math.round(totalMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    nodes,
    findings: result.findings.length,
    errors: result.errors.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

/** One row per native file: list every module and decode every JS one, as a scan would before parsing. */
function measureExtraction(root: string): void {
  const { files } = collectFiles(root, { maxFileBytes: 64 * 1024 * 1024 });
  for (const file of files.filter(f => f.native)) {
    const baselineRss = process.memoryUsage().rss;
    const t0 = performance.now();
    const reader = BinaryReader.open(file.absPath);
    const inspection = inspectNative(reader, path.basename(file.rel), { maxModuleBytes: 64 * 1024 * 1024 });
    let modules = 0;
    let js = 0;
    let jsBytes = 0;
    for (const source of inspection?.modules() ?? []) {
      if (!('module' in source)) continue;
      modules++;
      if (!source.text) continue;
      js++;
      jsBytes += source.text().length;
    }
    reader.close();
    const row = {
      path: file.absPath,
      format: inspection?.format ?? 'not native',
      modules,
      js,
      jsMChars: +(jsBytes / 1e6).toFixed(1),
      extractMs: Math.round(performance.now() - t0),
      // Peak RSS of the whole process minus RSS before this binary: what extraction added.
      addedRssMb: Math.round((process.resourceUsage().maxRSS * 1024 - baselineRss) / 1024 / 1024),
    };
    process.stdout.write(`${JSON.stringify(row)}\n`);
  }
}

function main(argv: string[]): void {
  if (argv[0] === '--corpus' || argv[0]?.startsWith('--corpus-')) {
    void benchCorpus(argv);
    return;
  }
  if (argv[0] === '--large' || argv[0] === '--large-child') {
    void benchLarge(argv);
    return;
  }
  if (argv[0] === '--child') return measure(argv[1]);
  if (argv[0] === '--child-extract') return measureExtraction(argv[1]);
  const extract = argv.includes('--extract');
  const paths = argv.filter(a => !a.startsWith('--'));
  if (paths.length === 0) {
    process.stderr.write('usage: npm run bench -- [--extract] PATH... (a package folder or file; try `npm run corpus` first)\n');
    process.exitCode = 2;
    return;
  }
  const header = extract
    ? ['format', 'modules', 'js modules', 'JS Mchars', 'extract ms', 'added RSS MB', 'binary']
    : ['files', 'MB', 'parse ms', 'walk+rules ms', 'decode ms', 'link ms', 'total ms', 'CPU ms', 'nodes', 'findings', 'peak RSS MB', 'path'];
  process.stdout.write(`${header.join('\t')}\n`);
  for (const p of paths) {
    const child = spawnSync(process.execPath, [__filename, extract ? '--child-extract' : '--child', p], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) {
      process.stdout.write(`failed\t${p}\t${child.stderr.trim().split('\n').pop()}\n`);
      continue;
    }
    for (const line of child.stdout.trim().split('\n').filter(Boolean)) {
      const r = JSON.parse(line);
      const cells = extract
        ? [r.format, r.modules, r.js, r.jsMChars, r.extractMs, r.addedRssMb, r.path]
        : [r.files, r.mb, r.parseMs, r.walkRulesMs, r.decodeMs, r.linkMs, r.totalMs, r.cpuMs, r.nodes, r.findings, r.peakRssMb, r.path];
      process.stdout.write(`${cells.join('\t')}\n`);
    }
  }
}

main(process.argv.slice(2));
