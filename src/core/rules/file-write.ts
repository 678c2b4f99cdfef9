// File writes: the sink of config-tamper and of download-exec. Info on their own (every
// assistant writes files); the path is evidence when it is spelled out.
import { memberPath, propertyName, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { moduleRef, refName } from '../js/modules';
import { spelledPath } from './util/paths';

const WRITES = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'rename', 'renameSync', 'symlink', 'symlinkSync', 'link', 'linkSync']);
const CHMOD = new Set(['chmod', 'chmodSync']);

/** Octal modes with an execute bit, in the spellings minifiers leave (0o755 = 493). */
function setsExecutable(mode: AstNode | undefined): boolean {
  if (!mode) return false;
  mode = unwrapChain(mode);
  if (mode.type === 'Literal' && typeof mode.value === 'number') return (mode.value & 0o111) !== 0;
  if (mode.type === 'Literal' && typeof mode.value === 'string') return /\+x/.test(mode.value) || (/^[0-7]{3,4}$/.test(mode.value) && (parseInt(mode.value, 8) & 0o111) !== 0);
  return false;
}

function report(ctx: RuleContext, node: AstNode, call: string, target: AstNode | undefined, what = 'Writes a file') {
  const path = target ? spelledPath(target, ctx) : undefined;
  ctx.report(node, `${what} (${call})${path ? `: ${path.slice(0, 160)}` : ''}`, {
    evidence: [`call ${call}`, ...(path ? [`path ${path.slice(0, 200)}`] : [])],
    facts: [{ kind: 'sink:write', detail: what === 'Writes a file' ? path ?? 'a file' : 'makes a file executable' }],
  });
}

export const fileWrite: Rule = {
  id: 'file-write',
  category: 'persistence',
  severity: 'info',
  title: 'Writes a file',
  description: 'fs writeFile/appendFile/createWriteStream/copyFile/rename/symlink and open for writing (sync, callback and promise forms), Bun.write, and chmod that sets an execute bit.',
  triggers: ['write', 'append', 'copyFile', 'cp', 'rename', 'symlink', 'link', 'chmod', 'open'],
  visitors: {
    CallExpression(node, ctx) {
      const callee = unwrapChain(node.callee);
      if (propertyName(callee) === 'write' && memberPath(callee) === 'Bun.write') return report(ctx, node, 'Bun.write', node.arguments[0]);
      const ref = moduleRef(callee, ctx);
      if (ref?.module !== 'fs') return;
      const last = ref.path[ref.path.length - 1];
      if (WRITES.has(last)) {
        // copyFile/rename/symlink/link name the new file second.
        const target = /^(?:copyFile|cp|rename|symlink|link)/.test(last) ? node.arguments[1] : node.arguments[0];
        report(ctx, node, refName(ref), target);
      } else if ((last === 'open' || last === 'openSync') && /^[wa]/.test(staticString(node.arguments[1]) ?? '')) {
        report(ctx, node, refName(ref), node.arguments[0]);
      } else if (CHMOD.has(last) && setsExecutable(node.arguments[1])) {
        report(ctx, node, refName(ref), node.arguments[0], 'Makes a file executable');
      }
    },
  },
};
