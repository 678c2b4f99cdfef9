// Every place a name is used within the scope that binds it, with the nodes around each use
// (`export { name }` included; a `with` statement leaves no answer):
// what proves that a value no run can change (a list only read, a function only called) has
// no other use. Nested functions that bind the same name are skipped (their uses are of
// another variable); block-level redeclarations inside the scope are not told apart, so they
// count as uses too, which can only make an answer more cautious.
import type * as acorn from 'acorn';
import { childrenOf, isFunction, type Node } from './ast';
import { MODULE, type ModuleIndex } from './moduleIndex';

/** Nodes one file may visit looking for uses: a few scans of a whole bundle, not one per question. */
const SCAN_BUDGET = 4_000_000;

export interface NameUse {
  node: acorn.Identifier;
  /** Root first, the use's parent last (the use itself is not in it). The scan's own array: copy it to keep it. */
  ancestors: readonly Node[];
  /** The function the use is written in (MODULE at module level). */
  fn: number;
}

/**
 * Calls `visit` for each use of `name` bound in `scope` (a function index or MODULE), in source
 * order, until it returns false. Returns false if stopped or if the file's scan budget is spent
 * (no answer), true once every use was seen.
 */
export function everyUse(index: ModuleIndex, scope: number, name: string, visit: (use: NameUse) => boolean): boolean {
  const root = scope === MODULE ? index.program : index.functions[scope]?.node;
  if (!root) return false;
  const spent = budgets.get(index) ?? 0;
  const path: Node[] = [];
  const fns: number[] = [];
  const stack: Node[] = [root];
  const exits: boolean[] = [false];
  const kids: Node[] = [];
  let visited = 0;
  let complete = true;
  while (stack.length) {
    const node = stack.pop()!;
    if (exits.pop()) {
      path.pop();
      if (isFunction(node)) fns.pop();
      continue;
    }
    if (++visited + spent > SCAN_BUDGET) {
      complete = false;
      break;
    }
    // `with (o) name…` may read o's property instead: no answer. `export { name }`: a use the tree's children do not show.
    if (node.type === 'WithStatement') {
      complete = false;
      break;
    }
    if (node.type === 'ExportNamedDeclaration' && !node.source) {
      const exported = node.specifiers.find(s => s.local.type === 'Identifier' && s.local.name === name);
      if (exported && !visit({ node: exported.local as acorn.Identifier, ancestors: [...path, node, exported], fn: fns.length ? fns[fns.length - 1] : scope })) {
        complete = false;
        break;
      }
    }
    if (node.type === 'Identifier' && node.name === name) {
      if (!visit({ node, ancestors: path, fn: fns.length ? fns[fns.length - 1] : scope })) {
        complete = false;
        break;
      }
      continue;
    }
    if (isFunction(node)) {
      const f = index.functionOf(node);
      if (f === undefined) continue;
      // Its own name belongs to the scope around it: a declaration's id is still a use there.
      if (f !== scope && index.functions[f].locals.has(name)) {
        if (node.type === 'FunctionDeclaration' && node.id?.name === name && !visit({ node: node.id, ancestors: [...path, node], fn: fns.length ? fns[fns.length - 1] : scope })) {
          complete = false;
          break;
        }
        continue;
      }
      fns.push(f);
    }
    path.push(node);
    stack.push(node);
    exits.push(true);
    kids.length = 0;
    childrenOf(node, kids);
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push(kids[i]);
      exits.push(false);
    }
  }
  budgets.set(index, spent + visited);
  return complete;
}

const budgets = new WeakMap<ModuleIndex, number>();
