// `npm run corpus-report [-- --only TEXT] [--out FILE]`: scans every pinned package that
// `npm run corpus` fetched and writes docs/corpus-report.md. Parsing is the slow part (a few
// MB/s with acorn), so use --only while iterating.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from '../src/core/rules';
import { auditTargets } from '../src/core/audit';
import { targetForPath } from '../src/core/discovery/pathTarget';
import { TOOL_NAME, TOOL_VERSION } from '../src/core/version';
import { cachedCorpusPackage, corpusEntries } from './corpusList';
import { renderReport, type PackageScan } from './corpusReportFormat';

const DEFAULT_OUT = path.resolve(__dirname, '..', '..', 'docs', 'corpus-report.md');

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function main(argv: string[]): void {
  const only = option(argv, '--only');
  const out = option(argv, '--out') ?? DEFAULT_OUT;
  const packages: PackageScan[] = [];
  const missing: string[] = [];
  for (const { spec, why } of corpusEntries()) {
    if (only && !spec.includes(only)) continue;
    const dir = cachedCorpusPackage(spec);
    if (!dir) {
      missing.push(spec);
      continue;
    }
    process.stderr.write(`scanning ${spec} ...`);
    const t0 = performance.now();
    const [result] = auditTargets([targetForPath(dir)]);
    const seconds = (performance.now() - t0) / 1000;
    process.stderr.write(` ${result.filesScanned} files, ${result.findings.length} findings, ${seconds.toFixed(1)} s\n`);
    packages.push({ spec, why, result, seconds });
  }
  const text = renderReport(packages, missing, { tool: `${TOOL_NAME} ${TOOL_VERSION}`, rules: ruleCatalog().length });
  fs.writeFileSync(out, text);
  process.stderr.write(`wrote ${out}\n`);
}

main(process.argv.slice(2));
