// A bounded fuzz run, in its own process so that a crash of the process (V8 aborting) fails the
// test that started it instead of killing the test runner: `node fuzzRunner.js SEED COUNT`.
// Inputs are mutations of real bundler output and token soup; every scan must end, and every
// finding must lie inside its file. Prints one JSON line: {runs, findings, errors, ms, problems}.
import { RULES } from '../../src/core/rules';
import { scanSourceSafely } from '../../src/core/scan/engine';
import { bundleFixture, VARIANTS } from './bundlers';
import * as fs from 'node:fs';
import * as path from 'node:path';

const TOKENS = ['(', ')', '{', '}', '[', ']', '`', '${', '"', "'", '/', '/*', '*/', '//', '\n', ';', ',', '=>', 'function', 'class', 'if(', 'else', 'return', 'eval(', 'require(', 'import(', 'new Function(', 'atob(', '"child_process"', '.spawn(', 'fetch(', '"https://x.example.net/a"', 'Intl.DateTimeFormat().resolvedOptions().timeZone', '"Asia/Shanghai"', '0x', '\\u', '\u202e', '\u{E0041}', '...', '?.', '??', '#x', 'async ', 'await ', 'yield ', '=', '+', '!', '?', ':', '"deepseek"', 'process.env.OPENAI_BASE_URL', 'Buffer.from(', ',"base64")'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, next: () => number): string {
  const at = () => Math.floor(next() * (text.length + 1));
  const token = () => TOKENS[Math.floor(next() * TOKENS.length)];
  for (let n = 1 + Math.floor(next() * 6); n > 0; n--) {
    const kind = next();
    const i = at();
    if (kind < 0.3) text = text.slice(0, i) + token() + text.slice(i);
    else if (kind < 0.5) text = text.slice(0, i) + text.slice(Math.min(text.length, i + Math.floor(next() * 200)));
    else if (kind < 0.7) {
      const j = at();
      const [a, b] = i < j ? [i, j] : [j, i];
      text = text.slice(0, b) + text.slice(a, Math.min(b, a + 2000)) + text.slice(b);
    } else if (kind < 0.85) text = text.slice(0, i) + String.fromCharCode(Math.floor(next() * 0x3000)) + text.slice(i + 1);
    else text = text.slice(0, i) + token().repeat(1 + Math.floor(next() * 400)) + text.slice(i);
  }
  return text;
}

function soup(next: () => number): string {
  const parts: string[] = [];
  for (let n = 20 + Math.floor(next() * 400); n > 0; n--) parts.push(TOKENS[Math.floor(next() * TOKENS.length)]);
  return parts.join(next() < 0.5 ? '' : ' ');
}

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 1);
  const count = Number(process.argv[3] ?? 200);
  const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'bundler-src');
  const sources: string[] = [];
  for (const name of fs.readdirSync(fixtures)) for (const v of VARIANTS) sources.push(await bundleFixture(name, v));
  const next = random(seed);
  const t0 = Date.now();
  let findings = 0;
  let errors = 0;
  const problems: string[] = [];
  for (let run = 0; run < count; run++) {
    const text = next() < 0.2 ? soup(next) : mutate(sources[Math.floor(next() * sources.length)], next);
    const r = scanSourceSafely(text, { file: 'f.js', rules: RULES });
    findings += r.findings.length;
    errors += r.errors.length;
    const before = problems.length;
    const bytes = Buffer.byteLength(text, 'utf8');
    for (const f of r.findings) {
      const end = f.endOffset ?? f.offset;
      // Exact findings count UTF-16 units of the text; approximate ones (strings pass) bytes.
      const size = f.confidence === 'approximate' ? bytes : text.length;
      if (f.offset === undefined || f.offset < 0 || end === undefined || end > size || f.offset > end) problems.push(`run ${run}: ${f.ruleId} at ${f.offset}-${end} outside 0-${size}`);
      if (f.message.length >= 200) problems.push(`run ${run}: ${f.ruleId} message of ${f.message.length} characters`);
    }
    // FUZZ_DUMP=DIR keeps each input that showed a problem, to replay it.
    if (problems.length > before && process.env.FUZZ_DUMP) fs.writeFileSync(path.join(process.env.FUZZ_DUMP, `seed${seed}-run${run}.js`), text);
  }
  process.stdout.write(`${JSON.stringify({ runs: count, findings, errors, ms: Date.now() - t0, problems: problems.slice(0, 20) })}\n`);
}

main().catch(e => {
  process.stdout.write(`${JSON.stringify({ crashed: e instanceof Error ? e.stack : String(e) })}\n`);
  process.exitCode = 1;
});
