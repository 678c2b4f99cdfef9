// What cached scan results are keyed by, computed from the sources at build time.
//
// - `full`: every source file; names the build as a whole.
// - `engine`: every source file except the rules that stand alone and the generated rule
//   catalog. A change here can change any result, so it invalidates every cached one.
// - `rules`: one hash per rule that stands alone, by rule id. A rule stands alone when its
//   file sits in src/core/rules/, is named after the rule's id, and nothing but the rule list
//   (src/core/rules/index.ts) imports it: then a change to it can change its own findings and those of correlations that read
//   its facts, on files where it ran, and nothing else (see worker/resultCache.ts).
// catalog.json is generated from the rules' metadata and read by views, reports and policy,
// never by a scan, so it is left out of the engine's hash (a new rule description would
// otherwise invalidate every cached result).
import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { createHash } from 'node:crypto';

const RULES_DIR = 'src/core/rules';
const RULE_LIST = 'src/core/rules/index.ts';
const GENERATED = new Set(['src/core/rules/catalog.json']);

export function buildIds(root = '.') {
  const files = [...sourceFiles(root, 'src', '.ts'), ...sourceFiles(root, 'src', '.json')].sort();
  const alone = new Set(rulesStandingAlone(root, files.filter(f => f.endsWith('.ts'))));
  const full = createHash('sha256');
  const engine = createHash('sha256');
  const rules = {};
  for (const f of files) {
    const bytes = readFileSync(join(root, f));
    full.update(f).update(bytes);
    if (alone.has(f)) rules[f.slice(RULES_DIR.length + 1, -'.ts'.length)] = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    else if (!GENERATED.has(f)) engine.update(f).update(bytes);
  }
  // Which files stand alone is part of the engine: a rule that starts or stops standing alone changes it.
  engine.update(JSON.stringify(Object.keys(rules)));
  return { full: full.digest('hex').slice(0, 16), engine: engine.digest('hex').slice(0, 16), rules };
}

/** Files of src/core/rules/ (not its folders) imported by the rule list and by nothing else. */
export function rulesStandingAlone(root, tsFiles) {
  const importers = new Map();
  for (const f of tsFiles) {
    const text = readFileSync(join(root, f), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g)) {
      const target = resolveImport(root, f, m[1]);
      if (!target) continue;
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target).add(f);
    }
  }
  return tsFiles.filter(f => {
    if (dirname(f) !== RULES_DIR || f === RULE_LIST) return false;
    const by = importers.get(f);
    if (by === undefined || by.size !== 1 || !by.has(RULE_LIST)) return false;
    // Results name the rule by its id and the cache looks its hash up by that id: a rule whose
    // file is named otherwise stays in the engine's hash, or a change to it would go unseen.
    const name = f.slice(RULES_DIR.length + 1, -'.ts'.length);
    return new RegExp(`\\bid:\\s*['"]${name}['"]`).test(readFileSync(join(root, f), 'utf8'));
  });
}

function resolveImport(root, from, spec) {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') || candidate.endsWith('.json')) {
      if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate.split(sep).join('/');
    }
  }
  return undefined;
}

function sourceFiles(root, dir, ending) {
  const found = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (name === 'fixtures' || name === 'artifacts' || name === 'node_modules') continue;
    if (statSync(join(root, rel)).isDirectory()) found.push(...sourceFiles(root, rel, ending));
    else if (name.endsWith(ending) && !name.endsWith('.d.ts')) found.push(rel.split(sep).join('/'));
  }
  return found;
}
