// Text typed into the user's integrated terminal (VS Code `Terminal.sendText`): it runs with
// the user's shell and rights, outside any sandbox the extension host has.
import { calledMethod, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { spelledText } from './util/paths';

export const terminalSendText: Rule = {
  id: 'terminal-send-text',
  category: 'execution',
  severity: 'low',
  title: 'Types commands into the terminal',
  description: 'Terminal.sendText(...) in a VS Code extension: the text runs in the user\'s shell. Medium when the text is computed at run time.',
  // Only in code that uses the editor's terminals (Playwright has a sendText of its own).
  triggers: ['createTerminal', 'activeTerminal', 'onDidOpenTerminal'],
  visitors: {
    CallExpression(node: AstNode, ctx: RuleContext) {
      if (calledMethod(node) !== 'sendText' || node.arguments.length === 0 || node.arguments.length > 2) return;
      const text = spelledText(node.arguments[0], ctx);
      const computed = text === undefined || /^\*+$/.test(text);
      ctx.report(node, computed ? 'Sends text computed at run time to a terminal (sendText)' : `Sends a command to a terminal (sendText): ${text.slice(0, 120)}`, {
        severity: computed ? 'medium' : 'low',
        evidence: ['call sendText', ...(computed ? [] : [`text ${text.slice(0, 200)}`])],
        facts: [{ kind: 'sink:exec', detail: computed ? 'terminal text' : text.slice(0, 80) }],
      });
    },
  },
};
