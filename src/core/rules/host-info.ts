// Facts about the machine and user from the os module: host name, user name, network
// interfaces (MAC addresses), CPU model. Common in diagnostics; sent in a request they identify
// the machine to whoever receives them (exfiltration follows them).
import { propertyName, type Node } from '../js/ast';
import type { Severity } from '../model';
import type { Rule } from './types';

const OS_CALLS: Record<string, { what: string; severity: Severity }> = {
  hostname: { what: 'the host name', severity: 'low' },
  userInfo: { what: 'the user account (os.userInfo)', severity: 'low' },
  networkInterfaces: { what: 'the network interfaces (IP addresses)', severity: 'low' },
  cpus: { what: 'the CPU model list', severity: 'low' },
};

/** The interfaces' MAC addresses read: a hardware id that outlives reinstalls (see the exit handler). */
const MAC_READ = { what: 'the network interfaces\' MAC addresses', severity: 'medium' as Severity };

export const hostInfo: Rule = {
  meta: {
    id: 'host-info',
    category: 'fingerprint',
    severity: 'low',
    title: 'Reads host or user details',
    description: 'os.hostname(), os.userInfo(), os.networkInterfaces() (medium when a MAC address is read from it), os.cpus() other than for counting cores.',
    messages: {
      read: 'Reads {{what}} ({{call}})',
    },
  },
  triggers: ['hostname', 'userInfo', 'networkInterfaces', 'cpus'],
  create(ctx) {
    const report = (node: Node, name: string, call: { what: string; severity: Severity }, fn?: number) =>
      ctx.report({
        node,
        messageId: 'read',
        data: { what: call.what, call: `os.${name}()` },
        severity: call.severity,
        evidence: [`call os.${name}()`],
        // Sent whole, the list carries its MAC addresses whether or not this file reads them.
        facts: [{ kind: 'source', source: 'fingerprint', detail: name === 'networkInterfaces' ? 'the network interfaces (MAC and IP addresses)' : call.what }],
        ...(fn !== undefined ? { fn } : {}),
      });
    // The interface lists read, and every `.mac` read: whether a MAC address is taken from a list
    // is known after the walk, by following the `.mac` object back (`for (const i of
    // Object.values(networkInterfaces()).flat()) i.mac`), not by being near it.
    const interfaces: Array<{ node: Node; fn: number }> = [];
    const macs: Array<{ node: Node; fn: number }> = [];
    return {
      CallExpression(node) {
        const ref = ctx.calleeRef(node);
        if (ref?.module !== 'os' || ref.path.length !== 1) return;
        const call = OS_CALLS[ref.path[0]];
        if (!call) return;
        // os.cpus().length sizes a worker pool: not a fingerprint.
        const parent = ctx.parent();
        if (ref.path[0] === 'cpus' && parent?.type === 'MemberExpression' && parent.object === node && propertyName(parent) === 'length') return;
        if (ref.path[0] === 'networkInterfaces') return void interfaces.push({ node, fn: ctx.functionIndex() });
        report(node, ref.path[0], call);
      },
      MemberExpression(node) {
        if (propertyName(node) === 'mac') macs.push({ node: node.object as Node, fn: ctx.functionIndex() });
      },
      'Program:exit'() {
        if (interfaces.length === 0) return;
        const withMac = macs.length ? ctx.analysis().flow.reachedAmong(macs, new Set(interfaces.map(i => i.node))) : new Set<Node>();
        for (const i of interfaces) report(i.node, 'networkInterfaces', withMac.has(i.node) ? MAC_READ : OS_CALLS.networkInterfaces, i.fn);
      },
    };
  },
};
