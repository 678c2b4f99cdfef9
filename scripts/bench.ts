// `npm run bench -- PATH...`: speed and memory of a scan, one child process per PATH so that
// peak RSS belongs to that PATH alone. Prints figures; asserts nothing (targets live in
// the issue notes, not in tests).
import { spawnSync } from 'node:child_process';
import { RULES } from '../src/core/rules';
import { scanTarget, targetForPath } from '../src/core/scan/target';

function measure(path: string): void {
  let parseMs = 0;
  let walkMs = 0;
  let decodeMs = 0;
  let nodes = 0;
  const t0 = performance.now();
  const result = scanTarget(targetForPath(path), {
    rules: RULES,
    onFileDone: (_rel, s) => {
      parseMs += s.parseMs;
      walkMs += s.walkMs;
      decodeMs += s.decodeMs;
      nodes += s.nodes;
    },
  });
  const totalMs = performance.now() - t0;
  const row = {
    path,
    files: result.filesScanned,
    mb: +(result.bytesScanned / 1024 / 1024).toFixed(2),
    parseMs: Math.round(parseMs),
    walkRulesMs: Math.round(walkMs),
    decodeMs: Math.round(decodeMs),
    totalMs: Math.round(totalMs),
    nodes,
    findings: result.findings.length,
    errors: result.errors.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

function main(argv: string[]): void {
  if (argv[0] === '--child') return measure(argv[1]);
  const paths = argv.filter(a => !a.startsWith('--'));
  if (paths.length === 0) {
    process.stderr.write('usage: npm run bench -- PATH... (a package folder or file; try `npm run corpus` first)\n');
    process.exitCode = 2;
    return;
  }
  const header = ['files', 'MB', 'parse ms', 'walk+rules ms', 'decode+link ms', 'total ms', 'nodes', 'findings', 'peak RSS MB', 'path'];
  process.stdout.write(`${header.join('\t')}\n`);
  for (const p of paths) {
    const child = spawnSync(process.execPath, [__filename, '--child', p], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) {
      process.stdout.write(`failed\t${p}\t${child.stderr.trim().split('\n').pop()}\n`);
      continue;
    }
    const r = JSON.parse(child.stdout);
    process.stdout.write(`${[r.files, r.mb, r.parseMs, r.walkRulesMs, r.decodeMs, r.totalMs, r.nodes, r.findings, r.peakRssMb, r.path].join('\t')}\n`);
  }
}

main(process.argv.slice(2));
