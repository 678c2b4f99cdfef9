// The user's git identity (name and e-mail) read through `git config`: personal data that
// identifies the person, not just the machine. `git config user.name VALUE` sets it instead:
// a write, reported as such, never a read of personal data.
import type * as acorn from 'acorn';
import type { Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { spelledTemplate } from './util/values';

const KEYS = new Set(['user.email', 'user.name']);
/**
 * `git config [--get|--global|--local] user.x`, then whatever follows (a value makes it a write).
 * A command line starts with git, or git follows a shell operator (`cd x && git config …`,
 * `$(git config …)`); words in a sentence ("default: git config user.name") are help text.
 */
const COMMAND = /(?:^\s*|[;&|(]\s*|\$\(\s*|`\s*)(?:\S*\/)?git\s+(?:-C\s+\S+\s+)?config\s+((?:--(?:get|global|local|system)\s+)*)user\.(email|name)\b\s*(\S*)/;

/** `["config", "--get", "user.email"]`: the key as an argument of a git config invocation. */
function configArguments(ctx: RuleContext): acorn.ArrayExpression | undefined {
  const parent = ctx.parent();
  if (parent?.type !== 'ArrayExpression' || parent.elements.length > 8) return undefined;
  return parent.elements.some(e => e?.type === 'Literal' && e.value === 'config') ? parent : undefined;
}

export const gitIdentity: Rule = {
  meta: {
    id: 'git-identity',
    category: 'fingerprint',
    severity: 'low',
    title: "Reads the user's git identity",
    description: 'git config user.email / user.name, as a command string or as arguments (["config", "user.email"]); setting them (a value after the key) is reported as a write, with no personal data read.',
    messages: {
      read: 'Reads the git {{what}} (git config {{key}})',
      write: 'Sets the git {{what}} (git config {{key}} VALUE)',
    },
  },
  triggers: ['user.email', 'user.name'],
  create(ctx) {
    const report = (node: Node, key: string, write: boolean) => {
      const what = key === 'user.email' ? 'e-mail address' : 'user name';
      ctx.report({
        node,
        messageId: write ? 'write' : 'read',
        data: { what, key },
        severity: write ? 'info' : 'low',
        evidence: [`git config ${key}${write ? ' VALUE' : ''}`],
        ...(write ? {} : { facts: [{ kind: 'source' as const, source: 'fingerprint' as const, detail: `git ${key}`, named: true }] }),
      });
    };
    const command = (node: Node, text: string) => {
      const m = text.length < 500 ? COMMAND.exec(text) : null;
      if (!m) return;
      const flags = m[1];
      const next = m[3];
      // A value after the key sets it; `--get` or nothing (or a shell operator) reads it.
      const write = !/--get\b/.test(flags) && next !== '' && !/^(?:[|&;>)]|2>)/.test(next);
      report(node, `user.${m[2]}`, write);
    };
    return {
      Literal(node) {
        if (typeof node.value !== 'string') return;
        if (!KEYS.has(node.value)) return command(node, node.value);
        const args = configArguments(ctx);
        if (!args) return;
        // ["config", "--global", "user.name", name]: an element after the key is the value set.
        const at = args.elements.indexOf(node);
        const after = args.elements.slice(at + 1).filter(e => e !== null);
        const get = args.elements.some(e => e?.type === 'Literal' && e.value === '--get');
        report(node, node.value, !get && after.length > 0);
      },
      TemplateLiteral(node) {
        const text = spelledTemplate(node);
        if (text !== undefined) command(node, text);
      },
    };
  },
};
