// Reprints an acorn AST as indented code with astring, and records where chosen source spans
// land in the output. astring's generator is a table of one function per node type that
// calls back into the table for children, so wrapping each entry sees every node's output
// start and end: the smallest node covering a span gives that span's place in the reprint.
import { generate, GENERATOR } from 'astring';
import type { AstNode } from '../scan/ast';
import type { Span } from '../rules/types';

export interface Printed {
  code: string;
  /** For each requested span, the output range of the smallest node covering it. */
  spans: Array<Span | undefined>;
}

type NodePrinter = (this: Record<string, NodePrinter>, node: AstNode, state: { output: string }) => void;

export function printNode(node: AstNode, wanted: readonly Span[]): Printed {
  const best: Array<{ size: number; out: Span } | undefined> = wanted.map(() => undefined);
  const base = GENERATOR as unknown as Record<string, NodePrinter>;
  const generator: Record<string, NodePrinter> = {};
  for (const [type, print] of Object.entries(base)) {
    generator[type] = function (this: Record<string, NodePrinter>, n: AstNode, state: { output: string }) {
      const from = state.output.length;
      print.call(this, n, state);
      const size = n.end - n.start;
      for (let i = 0; i < wanted.length; i++) {
        const w = wanted[i];
        if (n.start <= w.start && w.end <= n.end && (!best[i] || size < best[i]!.size)) {
          best[i] = { size, out: { start: from, end: state.output.length } };
        }
      }
    };
  }
  const code = generate(node as never, { generator: generator as never, indent: '  ' });
  return { code, spans: best.map(b => b?.out) };
}
