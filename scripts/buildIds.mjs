// What cached scan results are keyed by, computed from the sources at build time.
//
// - `full`: every source file; names the build as a whole.
// - `engine`: every source file except the rules that stand alone and the generated rule
//   catalog, plus the lock file (the parser and other packages bundled in). A change here can
//   change any result, so it invalidates every cached one.
// - `rules`: one hash per rule that stands alone, by rule id. A rule stands alone when its
//   file sits in src/core/rules/, is named after the rule's id, is imported by the rule list
//   (src/core/rules/index.ts) alone and for one binding, runs no code when it is loaded
//   (declarations only) and never writes to what it imports. Then a change to it can change
//   its own findings and those of correlations that read its facts, on files where it ran,
//   and nothing else (see worker/resultCache.ts). Mutation through an alias of something
//   imported is not seen here: rules keep their state in their own closure (DESIGN.md), and
//   shared values they are handed are frozen.
// catalog.json is generated from the rules' metadata and read by views, reports and policy,
// never by a scan, so it is left out of the engine's hash (a new rule description would
// otherwise invalidate every cached result).
// Imports are resolved by esbuild itself (the bundler that builds dist/), so every form it
// follows counts: `.js` specifiers, side-effect imports, require, dynamic and glob imports.
import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import * as esbuild from 'esbuild';
import * as acorn from 'acorn';

const RULES_DIR = 'src/core/rules';
const RULE_LIST = 'src/core/rules/index.ts';
const GENERATED = new Set(['src/core/rules/catalog.json']);
const LOCK = 'package-lock.json';

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
  if (existsSync(join(root, LOCK))) engine.update(LOCK).update(readFileSync(join(root, LOCK)));
  // Which files stand alone is part of the engine: a rule that starts or stops standing alone changes it.
  engine.update(JSON.stringify(Object.keys(rules)));
  return { full: full.digest('hex').slice(0, 16), engine: engine.digest('hex').slice(0, 16), rules };
}

/** Files of src/core/rules/ (not its folders) that stand alone (see the top of this file). */
export function rulesStandingAlone(root, tsFiles) {
  const importers = importersOf(root, tsFiles);
  const list = readFileSync(join(root, RULE_LIST), 'utf8');
  return tsFiles.filter(f => {
    if (dirname(f) !== RULES_DIR || f === RULE_LIST) return false;
    const by = importers.get(f);
    if (by === undefined || by.size !== 1 || !by.has(RULE_LIST)) return false;
    const name = f.slice(RULES_DIR.length + 1, -'.ts'.length);
    // Results name the rule by its id and the cache looks its hash up by that id.
    const text = readFileSync(join(root, f), 'utf8');
    if (!new RegExp(`\\bid:\\s*['"]${name}['"]`).test(text)) return false;
    return importsOneBinding(list, name) && declaresOnly(text);
  });
}

/** Importers of each source file, as esbuild resolves them (type-only imports are gone by then). */
function importersOf(root, tsFiles) {
  const result = esbuild.buildSync({
    stdin: { contents: tsFiles.map(f => `import './${f}';`).join('\n'), resolveDir: resolve(root), loader: 'ts' },
    absWorkingDir: resolve(root),
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    logLevel: 'silent',
  });
  const importers = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (file === '<stdin>') continue;
    for (const i of input.imports) {
      const target = i.path.split(sep).join('/');
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target).add(file.split(sep).join('/'));
    }
  }
  return importers;
}

/** The rule list imports exactly one binding from `./name` (another would have no hash of its own). */
function importsOneBinding(listText, name) {
  const program = parseTs(listText);
  const from = program.body.filter(s => (s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportAllDeclaration') && s.source?.value === `./${name}`);
  return from.length === 1 && from[0].type === 'ImportDeclaration' && from[0].specifiers.length === 1 && from[0].specifiers[0].type === 'ImportSpecifier';
}

const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'add', 'delete', 'clear']);
const MUTATING_FUNCTIONS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Reflect.setPrototypeOf']);

/**
 * Loading the file only declares (imports, constants, functions, the rule) and nothing in it
 * writes to an imported binding or a property reached from one.
 */
export function declaresOnly(tsText) {
  let program;
  try {
    program = parseTs(tsText);
  } catch {
    return false;
  }
  const imported = new Set();
  for (const s of program.body) {
    if (s.type === 'ImportDeclaration') for (const sp of s.specifiers) imported.add(sp.local.name);
    else if (s.type === 'VariableDeclaration' || s.type === 'FunctionDeclaration') continue;
    else if (s.type === 'ExportNamedDeclaration' && !s.source && (s.declaration === null || s.declaration.type === 'VariableDeclaration' || s.declaration.type === 'FunctionDeclaration')) continue;
    else return false;
  }
  const rootName = node => {
    let n = node;
    while (n.type === 'MemberExpression' || n.type === 'ChainExpression') n = n.type === 'ChainExpression' ? n.expression : n.object;
    return n.type === 'Identifier' ? n.name : undefined;
  };
  const writesImport = target => target && imported.has(rootName(target));
  let clean = true;
  visit(program, node => {
    if (node.type === 'AssignmentExpression' && writesImport(node.left)) clean = false;
    else if (node.type === 'UpdateExpression' && writesImport(node.argument)) clean = false;
    else if (node.type === 'UnaryExpression' && node.operator === 'delete' && writesImport(node.argument)) clean = false;
    else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed) {
      const method = node.callee.property.name;
      const owner = node.callee.object;
      if (MUTATING_METHODS.has(method) && writesImport(owner)) clean = false;
      if (owner.type === 'Identifier' && MUTATING_FUNCTIONS.has(`${owner.name}.${method}`) && writesImport(node.arguments[0])) clean = false;
    }
  });
  return clean;
}

function parseTs(text) {
  const js = esbuild.transformSync(text, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  return acorn.parse(js, { ecmaVersion: 'latest', sourceType: 'module' });
}

function visit(node, see) {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop();
    see(n);
    for (const key of Object.keys(n)) {
      const v = n[key];
      if (Array.isArray(v)) for (const c of v) c && typeof c.type === 'string' && stack.push(c);
      else if (v && typeof v.type === 'string') stack.push(v);
    }
  }
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
