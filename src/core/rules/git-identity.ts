// The user's git identity (name and e-mail) read through `git config`: personal data that
// identifies the person, not just the machine.
import type { AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';

const KEYS = new Set(['user.email', 'user.name']);
const COMMAND = /\bgit\s+(?:-C\s+\S+\s+)?config\s+(?:--(?:get|global|local)\s+)*user\.(email|name)\b/;

function report(ctx: RuleContext, node: AstNode, key: string) {
  ctx.report(node, `Reads the git ${key === 'user.email' ? 'e-mail address' : 'user name'} (git config ${key})`, {
    evidence: [`git config ${key}`],
    facts: [{ kind: 'source:fingerprint', detail: `git ${key}` }],
  });
}

/** `["config", "--get", "user.email"]`: the key as an argument of a git config invocation. */
function isConfigArgument(ctx: RuleContext): boolean {
  const parent = ctx.parent();
  if (parent?.type !== 'ArrayExpression' || parent.elements.length > 8) return false;
  return parent.elements.some((e: AstNode | null) => e?.type === 'Literal' && e.value === 'config');
}

export const gitIdentity: Rule = {
  id: 'git-identity',
  category: 'fingerprint',
  severity: 'low',
  title: "Reads the user's git identity",
  description: 'git config user.email / user.name, as a command string or as arguments (["config", "user.email"]).',
  triggers: ['user.email', 'user.name'],
  visitors: {
    Literal(node, ctx) {
      if (typeof node.value !== 'string') return;
      if (KEYS.has(node.value)) {
        if (isConfigArgument(ctx)) report(ctx, node, node.value);
        return;
      }
      const m = node.value.length < 500 ? COMMAND.exec(node.value) : null;
      if (m) report(ctx, node, `user.${m[1]}`);
    },
    TemplateLiteral(node, ctx) {
      const text = node.quasis.map((q: AstNode) => q.value.cooked ?? '').join('*');
      const m = text.length < 500 ? COMMAND.exec(text) : null;
      if (m) report(ctx, node, `user.${m[1]}`);
    },
  },
};
