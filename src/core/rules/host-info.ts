// Facts about the machine and user from the os module: host name, user name, network
// interfaces (MAC addresses), CPU model. Common in diagnostics; sent in a request they identify
// the machine to whoever receives them (exfiltration follows them).
import { propertyName } from '../js/ast';
import type { Severity } from '../model';
import type { Rule } from './types';

const OS_CALLS: Record<string, { what: string; severity: Severity }> = {
  hostname: { what: 'the host name', severity: 'low' },
  userInfo: { what: 'the user account (os.userInfo)', severity: 'low' },
  networkInterfaces: { what: 'the network interfaces (MAC and IP addresses)', severity: 'medium' },
  cpus: { what: 'the CPU model list', severity: 'low' },
};

export const hostInfo: Rule = {
  meta: {
    id: 'host-info',
    category: 'fingerprint',
    severity: 'low',
    title: 'Reads host or user details',
    description: 'os.hostname(), os.userInfo(), os.networkInterfaces() (MAC addresses), os.cpus() other than for counting cores.',
    messages: {
      read: 'Reads {{what}} ({{call}})',
    },
  },
  triggers: ['hostname', 'userInfo', 'networkInterfaces', 'cpus'],
  create(ctx) {
    return {
      CallExpression(node) {
        const ref = ctx.calleeRef(node);
        if (ref?.module !== 'os' || ref.path.length !== 1) return;
        const call = OS_CALLS[ref.path[0]];
        if (!call) return;
        // os.cpus().length sizes a worker pool: not a fingerprint.
        const parent = ctx.parent();
        if (ref.path[0] === 'cpus' && parent?.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'length') return;
        ctx.report({
          node,
          messageId: 'read',
          data: { what: call.what, call: `os.${ref.path[0]}()` },
          severity: call.severity,
          evidence: [`call os.${ref.path[0]}()`],
          facts: [{ kind: 'source', source: 'fingerprint', detail: call.what }],
        });
      },
    };
  },
};
