// Where the pinned corpus lives once `npm run corpus` has fetched it. Shared by the corpus
// script, corpus tests and reports.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '.cache', 'corpus');
const LIST = path.resolve(__dirname, '..', '..', 'scripts', 'corpus.json');

export interface CorpusEntry {
  spec: string;
  why: string;
}

export function corpusEntries(): CorpusEntry[] {
  return JSON.parse(fs.readFileSync(LIST, 'utf8')).packages;
}

/** The unpacked `package/` folder of a spec such as `@google/gemini-cli@0.61.0`. */
export function corpusPackageDir(spec: string): string {
  return path.join(CORPUS_DIR, spec.replace(/^@/, '').replace(/[/@]/g, '_'), 'package');
}

/** The package folder if `npm run corpus` fetched it completely, else undefined. */
export function cachedCorpusPackage(spec: string): string | undefined {
  const dir = corpusPackageDir(spec);
  return fs.existsSync(path.join(path.dirname(dir), '.complete')) ? dir : undefined;
}
