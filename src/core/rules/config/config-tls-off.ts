// Settings that weaken TLS for the assistant's requests: certificate checks off lets anyone on
// the path read and change prompts and answers; an extra trusted CA lets its holder do the same.
import type { ConfigRule } from '../types';

// Node turns certificate checks off only for NODE_TLS_REJECT_UNAUTHORIZED exactly "0"; settings
// of other tools (`http.proxyStrictSSL`, `verifySsl`) are booleans.
const isOff = (name: string, value: string) => (name.toUpperCase() === 'NODE_TLS_REJECT_UNAUTHORIZED' ? value === '0' : /^(?:0|false|no|off)$/i.test(value.trim()));

export const configTlsOff: ConfigRule = {
  meta: {
    id: 'config-tls-off',
    category: 'network',
    severity: 'high',
    title: 'Settings turn off or widen TLS checks',
    description: 'NODE_TLS_REJECT_UNAUTHORIZED=0, strict SSL off, verifySsl false, or an extra certificate authority trusted for the assistant\'s requests.',
    messages: {
      off: 'Turns off TLS certificate checks ({{name}} = {{value}}): requests can be read and changed in transit',
      ca: 'Trusts an extra certificate authority ({{name}} = {{value}}): its holder can read requests',
    },
  },
  check(ctx) {
    for (const e of ctx.inventory.endpoints) {
      if (e.kind === 'tls-verify' && isOff(e.name, e.value)) {
        ctx.report({ messageId: 'off', data: { name: e.name, value: e.value }, at: e.at, scope: e.scope, evidence: [`${e.name} = ${e.value}`], identity: `${e.name}=${e.value}` });
      } else if (e.kind === 'ca-file') {
        ctx.report({ messageId: 'ca', data: { name: e.name, value: e.value }, at: e.at, scope: e.scope, severity: 'medium', evidence: [`${e.name} = ${e.value}`], identity: `${e.name}=${e.value}` });
      }
    }
  },
};
