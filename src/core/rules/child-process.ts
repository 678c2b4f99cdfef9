// Programs started from the code: child_process exec/execSync/spawn/spawnSync/execFile/fork,
// Bun.spawn, execa and cross-spawn when their import is visible. The command is evidence
// when it is spelled out; a shell running a command computed at run time is the risky shape.
import { memberPath, propertyKeyName, propertyName, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { moduleRef, refName, type ModuleRef } from '../js/modules';
import { spelledText } from './util/paths';

const SHELL_CALLS = new Set(['exec', 'execSync']);
const SPAWN_CALLS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork']);
const PACKAGES = new Set(['execa', 'cross-spawn', 'shelljs']);
const BUN_SPAWN = new Set(['Bun.spawn', 'Bun.spawnSync']);

/** Which call a module member is: `shell` (always through a shell), `spawn`, or undefined. */
function processCall(ref: ModuleRef): 'shell' | 'spawn' | undefined {
  const last = ref.path[ref.path.length - 1];
  if (ref.module === 'child_process') return SHELL_CALLS.has(last) ? 'shell' : SPAWN_CALLS.has(last) ? 'spawn' : undefined;
  if (PACKAGES.has(ref.module)) return ref.module === 'shelljs' ? (last === 'exec' ? 'shell' : undefined) : 'spawn';
  return undefined;
}

/** `{shell: true}` (or a shell path) in the options argument. */
function hasShellOption(args: AstNode[]): boolean {
  for (const a of args) {
    const o = unwrapChain(a);
    if (o.type !== 'ObjectExpression') continue;
    for (const p of o.properties) {
      if (propertyKeyName(p) !== 'shell') continue;
      const v = p.value;
      if (v.type === 'Literal') return !!v.value;
      // `!0` is how minifiers write true; anything computed may be true.
      return !(v.type === 'UnaryExpression' && v.operator === '!' && v.argument.type === 'Literal' && v.argument.value);
    }
  }
  return false;
}

function commandOf(args: AstNode[], ctx: RuleContext): string | undefined {
  const head = args[0] ? spelledText(args[0], ctx) : undefined;
  if (head === undefined) return undefined;
  const list = args[1] && unwrapChain(args[1]).type === 'ArrayExpression' ? unwrapChain(args[1]).elements : [];
  const rest = list.map((e: AstNode | null) => (e && staticString(e)) ?? '*');
  const command = [head, ...rest].join(' ');
  return command.length > 200 ? `${command.slice(0, 200)}…` : command;
}

function report(ctx: RuleContext, node: AstNode, call: string, shell: boolean, args: AstNode[]) {
  const command = commandOf(args, ctx);
  const computed = command === undefined || command.startsWith('*');
  const what = shell ? 'Runs a shell command' : 'Starts a program';
  ctx.report(node, `${what} (${call})${command ? `: ${command}` : computed ? ' computed at run time' : ''}`, {
    severity: shell && computed ? 'medium' : 'low',
    evidence: [`call ${call}`, ...(command ? [`command ${command}`] : []), ...(shell ? ['shell'] : [])],
    facts: [{ kind: 'sink:exec', detail: command ?? call }],
  });
}

export const childProcess: Rule = {
  id: 'child-process',
  category: 'execution',
  severity: 'low',
  title: 'Starts a process',
  description: 'child_process exec/execSync (shell), spawn/spawnSync/execFile/fork (shell when shell: true), Bun.spawn, execa, cross-spawn; the command when spelled out. Medium when a shell runs a command computed at run time.',
  triggers: ['child_process', 'spawn', 'exec', 'fork', 'execa', 'shelljs'],
  visitors: {
    CallExpression(node, ctx) {
      const callee = unwrapChain(node.callee);
      const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
      const path = method === 'spawn' || method === 'spawnSync' ? memberPath(callee) : undefined;
      if (path && BUN_SPAWN.has(path)) {
        const first = unwrapChain(node.arguments[0] ?? callee);
        const args = first.type === 'ArrayExpression' ? [first.elements[0], { type: 'ArrayExpression', elements: first.elements.slice(1), start: first.start, end: first.end }] : node.arguments;
        return report(ctx, node, path, false, args.filter(Boolean));
      }
      const ref = moduleRef(callee, ctx);
      const kind = ref && processCall(ref);
      if (!kind) return;
      report(ctx, node, refName(ref), kind === 'shell' || hasShellOption(node.arguments), node.arguments);
    },
  },
};
