// Persistent machine identifiers: the editor's machineId/devDeviceId, node-machine-id,
// /etc/machine-id, the macOS IOPlatformUUID, the Windows MachineGuid. An id that survives
// reinstalls is what ties telemetry to one machine (and user) over time.
import { calledMethod, memberPath, propertyName, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { moduleRef } from '../js/modules';

const ID_STRINGS: Array<[RegExp, string]> = [
  [/(?:^|\/|\s)\/(?:etc|var\/lib\/dbus)\/machine-id\b/, 'the Linux machine id (/etc/machine-id)'],
  [/\bIOPlatformUUID\b|\bIOPlatformExpertDevice\b/, 'the macOS hardware UUID (IOPlatformUUID)'],
  [/\bMachineGuid\b/, 'the Windows MachineGuid'],
  [/\bcsproduct\s+get\s+uuid\b/i, 'the Windows hardware UUID (wmic csproduct)'],
  [/^node-machine-id$/, 'a machine id through the node-machine-id package'],
  [/^@vscode\/deviceid$/, 'a device id through the @vscode/deviceid package'],
];

const fact = (detail: string) => [{ kind: 'source:fingerprint' as const, detail }];

function report(ctx: RuleContext, node: AstNode, what: string, evidence: string) {
  ctx.report(node, `Reads ${what}`, { evidence: [evidence], facts: fact(what) });
}

/** `vscode.env` as bundles leave it: `x.env` that is not process.env/Bun.env. */
function isEditorEnv(node: AstNode): boolean {
  node = unwrapChain(node);
  if (node.type !== 'MemberExpression' || propertyName(node) !== 'env') return false;
  const owner = memberPath(node.object);
  return owner !== 'process' && owner !== 'Bun' && !owner?.endsWith('.process') && node.object.type !== 'MetaProperty';
}

export const machineId: Rule = {
  id: 'machine-id',
  category: 'fingerprint',
  severity: 'medium',
  title: 'Reads a persistent machine identifier',
  description: 'vscode.env.machineId / devDeviceId, node-machine-id (machineId, machineIdSync), @vscode/deviceid getDeviceId, /etc/machine-id, IOPlatformUUID, MachineGuid, wmic csproduct uuid.',
  triggers: ['machineId', 'machine-id', 'devDeviceId', 'IOPlatform', 'MachineGuid', 'csproduct', 'deviceid', 'getDeviceId', 'machineIdSync'],
  visitors: {
    MemberExpression(node, ctx) {
      const name = propertyName(node);
      if ((name === 'machineId' || name === 'devDeviceId') && isEditorEnv(node.object)) {
        report(ctx, node, `the editor machine id (vscode.env.${name})`, `vscode.env.${name}`);
      }
    },
    Literal(node, ctx) {
      if (typeof node.value !== 'string' || node.value.length > 2000) return;
      const hit = ID_STRINGS.find(([re]) => re.test(node.value));
      if (hit) report(ctx, node, hit[1], `string ${JSON.stringify(node.value.slice(0, 120))}`);
    },
    CallExpression(node, ctx) {
      const ref = moduleRef(node.callee, ctx);
      if (ref && (ref.module === 'node-machine-id' || ref.module === '@vscode/deviceid')) {
        return report(ctx, node, `a machine id (${ref.module})`, `call ${[ref.module, ...ref.path].join('.')}`);
      }
      // Without a visible import, only the distinctive names count (not a bare machineId()).
      const callee = unwrapChain(node.callee);
      const name = calledMethod(node) ?? (callee.type === 'Identifier' ? callee.name : undefined);
      if (name === 'machineIdSync' || name === 'getDeviceId') report(ctx, node, `a machine id (${name}())`, `call ${name}`);
    },
  },
};
