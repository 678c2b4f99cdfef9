// The layers of DESIGN.md, checked on the import graph of src/: each layer imports only
// itself and the layers below it, nothing imports in a cycle, the pure core never imports
// 'vscode', and the editor's views reach rule metadata, never rules or the parser.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const LAYERS: Array<[RegExp, number, string]> = [
  [/^src\/core\/model\//, 0, 'model'],
  [/^src\/core\/version\.ts$/, 0, 'model'],
  [/^src\/core\/text\//, 1, 'text'],
  [/^src\/core\/catalog\//, 2, 'catalog'],
  [/^src\/core\/net\//, 3, 'net'],
  [/^src\/core\/js\//, 4, 'js'],
  [/^src\/core\/native\//, 4, 'native'],
  [/^src\/core\/shell\//, 4, 'shell'],
  [/^src\/core\/discovery\//, 4, 'discovery'],
  [/^src\/core\/config\//, 4, 'config'],
  [/^src\/core\/rules\//, 5, 'rules'],
  [/^src\/core\/scan\//, 6, 'scan'],
  [/^src\/core\/audit\.ts$/, 7, 'audit'],
  [/^src\/core\/(report|print|policy)\//, 8, 'report, print, policy'],
  [/^src\/core\/worker\//, 9, 'worker'],
  [/^src\/(cli|views)\//, 10, 'cli, views'],
  [/^src\/(cli|worker|extension)\.ts$/, 10, 'entry points'],
];

function layerOf(file: string): [number, string] {
  const hit = LAYERS.find(([re]) => re.test(file));
  assert.ok(hit, `${file} is in no layer of DESIGN.md`);
  return [hit[1], hit[2]];
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Relative imports of a file (type-only ones too: a layer should not even name what is above it). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) {
    const base = path.join(path.dirname(file), m[1]);
    const found = [`${base}.ts`, path.join(base, 'index.ts'), base].find(c => fs.existsSync(c) && fs.statSync(c).isFile());
    if (found) out.push(found.split(path.sep).join('/'));
  }
  return out;
}

const files = sources('src').map(f => f.split(path.sep).join('/'));
const graph = new Map(files.map(f => [f, importsOf(f)]));

describe('the layers of src/', () => {
  it('import only their own layer and the layers below', () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const [rank, name] = layerOf(file);
      for (const dep of deps) {
        if (!dep.endsWith('.ts')) continue;
        const [depRank, depName] = layerOf(dep);
        if (depRank > rank) wrong.push(`${file} (${name}) imports ${dep} (${depName})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('have no import cycle', () => {
    const cycles: string[] = [];
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const visit = (v: string) => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort().join(' <-> '));
      }
    };
    for (const f of graph.keys()) if (!index.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  it('type every value: no `any` in src/', () => {
    const loose = /:\s*any\b|\bas any\b|<any>|\bany\[\]/;
    const offenders = files.filter(f => f.endsWith('.ts')).flatMap(f =>
      fs.readFileSync(f, 'utf8').split('\n').map((line, i) => [line, i] as const)
        .filter(([line]) => !/^\s*(\/\/|\/\*|\*)/.test(line) && loose.test(line))
        .map(([, i]) => `${f}:${i + 1}`));
    assert.deepEqual(offenders, []);
  });

  it("keep the editor's views away from the rules, the parser and the settings readers: rule metadata only", () => {
    const wrong = [...graph].filter(([f]) => f.startsWith('src/views/') || f === 'src/extension.ts').flatMap(([f, deps]) => deps.filter(d => /^src\/core\/(rules\/(?!catalog)|js\/|scan\/|native\/|config\/|audit\.ts)/.test(d)).map(d => `${f} imports ${d}`));
    assert.deepEqual(wrong, []);
  });
});

describe('the extension bundle', () => {
  it('holds no parser and stays small: the extension host never parses (dist/extension.js)', () => {
    const bundle = fs.readFileSync('dist/extension.js', 'utf8');
    assert.ok(!bundle.includes('node_modules/acorn'), 'acorn is bundled into the extension host');
    for (const parser of ['jsonc-parser', 'toml-eslint-parser', 'yaml']) assert.ok(!bundle.includes(`node_modules/${parser}/`), `${parser} (the settings readers) is bundled into the extension host`);
    assert.ok(fs.statSync('dist/worker.js').size > 0 && fs.readFileSync('dist/worker.js', 'utf8').includes('node_modules/acorn'), 'the worker holds the parser');
    assert.ok(bundle.length < 250 * 1024, `dist/extension.js is ${Math.round(bundle.length / 1024)} KB`);
  });
});
