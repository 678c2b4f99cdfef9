// Reprints an acorn AST as indented code with astring, and records where chosen source spans
// land in the output. astring's generator is a table of one function per node type that
// calls back into the table for children, so wrapping each entry sees every node's output
// start and end: the smallest node covering a span gives that span's place in the reprint.
import { generate, GENERATOR } from 'astring';
import type { Node } from '../js/ast';
import type { Span } from '../model';

export interface Printed {
  code: string;
  /** For each requested span, the output range of the smallest node covering it. */
  spans: Array<Span | undefined>;
}

interface State {
  output: string;
  write(code: string): void;
  indent: string;
  indentLevel: number;
  lineEnd: string;
}
type NodePrinter = (this: Record<string, NodePrinter>, node: Node, state: State) => void;

/** Statement lists: a statement in them may become several without changing what runs. */
const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase']);

export function printNode(node: Node, wanted: readonly Span[]): Printed {
  const best: Array<{ size: number; out: Span } | undefined> = wanted.map(() => undefined);
  const astring = GENERATOR as unknown as Record<string, NodePrinter>;
  const printing: Node[] = [];
  const base: Record<string, NodePrinter> = {
    ...astring,
    // Minifiers join statements with commas (`a=1,b(),c=2;`): in a statement list such a
    // statement is printed as one statement per line, which runs the same.
    ExpressionStatement(n, state) {
      const parent = printing[printing.length - 2];
      if (n.type !== 'ExpressionStatement' || n.expression.type !== 'SequenceExpression' || !parent || !STATEMENT_LISTS.has(parent.type)) {
        astring.ExpressionStatement.call(this, n, state);
        return;
      }
      n.expression.expressions.forEach((e, i) => {
        if (i > 0) state.write(state.lineEnd + state.indent.repeat(state.indentLevel));
        astring.ExpressionStatement.call(this, { type: 'ExpressionStatement', expression: e, start: e.start, end: e.end }, state);
      });
    },
  };
  const generator: Record<string, NodePrinter> = {};
  for (const [type, print] of Object.entries(base)) {
    generator[type] = function (this: Record<string, NodePrinter>, n: Node, state: State) {
      const from = state.output.length;
      printing.push(n);
      print.call(this, n, state);
      printing.pop();
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
