// Facts about the machine and user from the os module: host name, user name, network
// interfaces (MAC addresses), CPU model. Common in diagnostics; combined with a network call
// they identify the machine to whoever receives them.
import { propertyName, type AstNode } from '../js/ast';
import type { Severity } from '../model';
import type { Rule, RuleContext } from './types';
import { calleeRef } from '../js/modules';

const OS_CALLS: Record<string, { what: string; severity: Severity }> = {
  hostname: { what: 'the host name', severity: 'low' },
  userInfo: { what: 'the user account (os.userInfo)', severity: 'low' },
  networkInterfaces: { what: 'the network interfaces (MAC and IP addresses)', severity: 'medium' },
  cpus: { what: 'the CPU model list', severity: 'low' },
};

function report(ctx: RuleContext, node: AstNode, what: string, call: string, severity: Severity) {
  ctx.report(node, `Reads ${what} (${call})`, { severity, evidence: [`call ${call}`], facts: [{ kind: 'source:fingerprint', detail: what }] });
}

export const hostInfo: Rule = {
  id: 'host-info',
  category: 'fingerprint',
  severity: 'low',
  title: 'Reads host or user details',
  description: 'os.hostname(), os.userInfo(), os.networkInterfaces() (MAC addresses), os.cpus() other than for counting cores.',
  triggers: ['hostname', 'userInfo', 'networkInterfaces', 'cpus'],
  visitors: {
    CallExpression(node, ctx) {
      const ref = calleeRef(node, ctx);
      if (ref?.module !== 'os' || ref.path.length !== 1) return;
      const call = OS_CALLS[ref.path[0]];
      if (!call) return;
      // os.cpus().length sizes a worker pool: not a fingerprint.
      const parent = ctx.parent();
      if (ref.path[0] === 'cpus' && parent?.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'length') return;
      report(ctx, node, call.what, `os.${ref.path[0]}()`, call.severity);
    },
  },
};
