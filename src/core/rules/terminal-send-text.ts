// Text typed into the user's integrated terminal (VS Code `Terminal.sendText`): it runs with
// the user's shell and rights, outside any sandbox the extension host has. Only a terminal's
// sendText counts: the receiver is followed back (after the walk, through names, `this`
// fields and same-module calls) to `createTerminal(...)`, `activeTerminal`, `terminals` or a
// terminal event's parameter; a WebSocket's or Playwright's `sendText` does not.
import type * as acorn from 'acorn';
import { calledMethod, isFunction, propertyName, receiverOf, type Node } from '../js/ast';
import { argumentsOf } from '../js/modules';
import type { Rule } from './types';
import { spelledText } from './util/paths';

const TERMINAL_MEMBERS = new Set(['activeTerminal', 'terminals']);
const TERMINAL_EVENTS = new Set(['onDidOpenTerminal', 'onDidChangeActiveTerminal', 'onDidCloseTerminal', 'onDidChangeTerminalState']);

/** Where terminals come from in the editor API. */
function isTerminalSource(node: Node): boolean {
  if (node.type === 'CallExpression') return calledMethod(node) === 'createTerminal';
  return node.type === 'MemberExpression' && TERMINAL_MEMBERS.has(propertyName(node) ?? '');
}

export const terminalSendText: Rule = {
  meta: {
    id: 'terminal-send-text',
    category: 'execution',
    severity: 'low',
    title: 'Types commands into the terminal',
    description: "Terminal.sendText(...) on an editor terminal (followed back to createTerminal, activeTerminal or terminals): the text runs in the user's shell. Medium when the text is computed at run time.",
    messages: {
      command: 'Sends a command to a terminal (sendText): {{text}}',
      computed: 'Sends text computed at run time to a terminal (sendText)',
    },
  },
  // Only in code that uses the editor's terminals (Playwright has a sendText of its own).
  triggers: ['createTerminal', 'activeTerminal', 'onDidOpenTerminal'],
  create(ctx) {
    const calls: Array<{ node: acorn.CallExpression; fn: number; text: string | undefined }> = [];
    /** Parameters of callbacks given to terminal events (`onDidOpenTerminal(t => …)`) are terminals. */
    const eventParams = new Set<string>();
    return {
      CallExpression(node) {
        const method = calledMethod(node);
        if (method && TERMINAL_EVENTS.has(method)) {
          const cb = node.arguments[0];
          if (isFunction(cb) && cb.params[0]) eventParams.add(`${cb.params[0].start}:${cb.params[0].end}`);
          return;
        }
        const args = argumentsOf(node);
        if (method !== 'sendText' || args.length === 0 || args.length > 2) return;
        calls.push({ node, fn: ctx.functionIndex(), text: spelledText(args[0], ctx) });
      },
      'Program:exit'() {
        if (calls.length === 0) return;
        const { flow } = ctx.analysis();
        const mark = (n: Node) => (isTerminalSource(n) || (n.type === 'Parameter' && eventParams.has(`${n.start}:${n.end}`)) ? true : undefined);
        for (const { node, fn, text } of calls) {
          const receiver = receiverOf(node);
          if (!receiver || flow.origins(receiver, fn, mark).length === 0) continue;
          const computed = text === undefined || /^\*+$/.test(text);
          ctx.report({
            node,
            messageId: computed ? 'computed' : 'command',
            data: { text: text ?? '' },
            severity: computed ? 'medium' : 'low',
            evidence: ['call sendText', ...(computed ? [] : [`text ${text.slice(0, 200)}`])],
            facts: [{ kind: 'sink', sink: 'exec', detail: computed ? 'terminal text' : text.slice(0, 80), target: argumentsOf(node)[0], payload: [] }],
          });
        }
      },
    };
  },
};
