// The one walk over a parsed file: iterative (deep code cannot exhaust the stack), in source
// order, calling `enter` before a node's children and `exit` after them, with the path from
// the root to the node.
import { pushChildren, type Node } from './ast';

export interface WalkVisitor {
  enter(node: Node, path: readonly Node[]): void;
  exit(node: Node, path: readonly Node[]): void;
}

const ENTER = 0;
const EXIT = 1;

/** Walks `root`; returns how many nodes it visited. */
export function walk(root: Node, visitor: WalkVisitor): number {
  const path: Node[] = [];
  const nodes: Node[] = [root];
  const marks: number[] = [ENTER];
  let count = 0;
  while (nodes.length) {
    const node = nodes.pop()!;
    if (marks.pop() === EXIT) {
      visitor.exit(node, path);
      path.pop();
      continue;
    }
    count++;
    path.push(node);
    visitor.enter(node, path);
    nodes.push(node);
    marks.push(EXIT);
    for (let n = pushChildren(node, nodes); n > 0; n--) marks.push(ENTER);
  }
  return count;
}
