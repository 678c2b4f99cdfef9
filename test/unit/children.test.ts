// The walk's child lists (js/ast.ts childrenOf) are written out by hand for speed; acorn-walk's
// `base` table is the reference they must match, node by node, on real bundler output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { base } from 'acorn-walk';
import { childrenOf, type Node } from '../../src/core/js/ast';
import { parseSource } from '../../src/core/js/parse';
import { bundleFixture, VARIANTS, describeVariant } from '../helpers/bundlers';
import { cachedCorpusPackage } from '../../scripts/corpusList';

type Visit = (node: Node, state: unknown, override?: string) => void;
const walkers = base as unknown as Record<string, ((node: Node, state: unknown, visit: Visit) => void) | undefined>;

/** The children as acorn-walk visits them, abstract routes followed, pattern identifiers kept. */
function referenceChildren(node: Node): Node[] {
  const out: Node[] = [];
  const collect: Visit = (child, _state, override) => {
    if (!child) return;
    if (override && override !== child.type) {
      if (override === 'VariablePattern') return void out.push(child);
      const router = walkers[override];
      if (router) return router(child, null, collect);
    }
    out.push(child);
  };
  walkers[node.type]?.(node, null, collect);
  return out;
}

/** Compares both child lists at every node of `source`; returns how many nodes were compared. */
function compareAll(source: string, label: string): number {
  const parsed = parseSource(source);
  assert.ok(parsed.ast && !parsed.partial, `${label} parses: ${parsed.error ?? ""}`);
  const stack: Node[] = [parsed.ast as Node];
  const mine: Node[] = [];
  let count = 0;
  while (stack.length) {
    const node = stack.pop()!;
    count++;
    mine.length = 0;
    childrenOf(node, mine);
    const expected = referenceChildren(node);
    if (mine.length !== expected.length || mine.some((n, i) => n !== expected[i])) {
      assert.fail(`${label}: children of ${node.type} at ${node.start} differ: ${mine.map(n => n.type).join(',')} vs ${expected.map(n => n.type).join(',')}`);
    }
    for (const child of expected) stack.push(child);
  }
  return count;
}

const EVERY_FORM = `#!/usr/bin/env node
import d, { a as b, c } from "m" with { type: "json" };
import * as ns from "n";
export * from "o"; export * as p from "q"; export { b as e }; export default class extends d { static #x = 1; static { this.y = 2 } get [c]() { return super.z } };
export const f = async function* g(h = 1, { i, j: [k, ...l], [c]: m = 2, ...n }, ...o) { yield* h; await i; for await (const q of o) {} };
label: for (let r = 0, s; r < 1; r++) { if (r) continue label; else break label }
for (const t in ns) ; for (u of [1, , ...o]) ; while (0) {} do {} while (0);
switch (d) { case 1: throw new Error(\`a\${b}c\${c}\`); default: debugger }
try { ({ a: b.c, [d]: e[0] } = f) } catch { } finally { }
try { } catch ({ message }) { }
const v = a?.b?.[c]?.(d), w = (a, b) => (a ?? b) || c && !d, x = typeof a === "b" ? void 0 : -a++;
const y = tag\`x\${1}y\`, z = { m() {}, get n() { return 1 }, set n(v) {}, async *o() {}, [p]: 1, q, ...r };
import.meta; import("x", { with: {} });
class A extends B { constructor() { super(); } ["k"] = 1; static m() { return this } }
`;

const SLOPPY_SCRIPT = 'with (obj) { function f() { return new.target } }\nvar let_ = 1; delete obj.x;';

describe('the walk\'s child lists', function () {
  this.timeout(120_000);

  it('match acorn-walk at every node of a file using every syntactic form', () => {
    assert.ok(compareAll(EVERY_FORM, 'every form') > 200);
    assert.ok(compareAll(SLOPPY_SCRIPT, 'a sloppy-mode script') > 10);
  });

  it('match acorn-walk at every node of real esbuild, webpack and rollup output', async () => {
    const fixtures = fs.readdirSync(path.join('test', 'fixtures', 'bundler-src'));
    let nodes = 0;
    for (const name of fixtures) {
      for (const variant of VARIANTS) nodes += compareAll(await bundleFixture(name, variant), `${name} ${describeVariant(variant)}`);
    }
    assert.ok(nodes > 5_000, `${nodes} nodes compared`);
  });

  it('match acorn-walk at every node of Claude Code 2.1.112 (corpus)', function () {
    const dir = cachedCorpusPackage('@anthropic-ai/claude-code@2.1.112');
    if (!dir) {
      console.log('      skipped: @anthropic-ai/claude-code@2.1.112 is not in .cache/corpus (run `npm run corpus`)');
      this.skip();
    }
    assert.ok(compareAll(fs.readFileSync(path.join(dir!, 'cli.js'), 'utf8'), 'cli.js') > 2_000_000);
  });
});
