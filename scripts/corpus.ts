// `npm run corpus [-- --only TEXT]`: fetches the pinned real packages of scripts/corpus.json
// with `npm pack` (registry only, no install scripts run) and unpacks them into the
// gitignored .cache/corpus. Already complete entries are kept.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS_DIR, corpusEntries, corpusPackageDir } from './corpusList';

function fetchOne(spec: string): string {
  const dir = path.dirname(corpusPackageDir(spec));
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return 'cached';
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-corpus-'));
  try {
    const out = execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--json', '--silent'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const [{ filename }] = JSON.parse(out);
    execFileSync('tar', ['xzf', path.join(tmp, path.basename(filename)), '-C', dir]);
    fs.writeFileSync(done, `${new Date().toISOString()}\n`);
    return 'fetched';
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main(argv: string[]): void {
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  let failed = 0;
  for (const { spec } of corpusEntries()) {
    if (only && !spec.includes(only)) continue;
    const t0 = Date.now();
    try {
      const how = fetchOne(spec);
      process.stdout.write(`${how.padEnd(8)} ${spec} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    } catch (e) {
      failed++;
      process.stdout.write(`FAILED   ${spec}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    }
  }
  process.stdout.write(`corpus in ${CORPUS_DIR}${failed ? `; ${failed} failed` : ''}\n`);
  process.exitCode = failed ? 1 : 0;
}

main(process.argv.slice(2));
