// Extensions that declare they run in untrusted (Restricted Mode) workspaces. For an agent
// that reads files and runs commands, full support means a freshly cloned, untrusted
// repository can drive it before the user trusts the folder.
import type { ManifestRule } from './types';

export const untrustedWorkspace: ManifestRule = {
  meta: {
    id: 'untrusted-workspace',
    category: 'manifest',
    severity: 'medium',
    title: 'Runs in untrusted workspaces',
    description: 'capabilities.untrustedWorkspaces.supported is true (medium) or "limited" (low) in an extension manifest.',
    messages: {
      full: 'Declares full support for untrusted workspaces (Restricted Mode)',
      limited: 'Declares limited support for untrusted workspaces',
    },
  },
  check(manifest, ctx) {
    const caps = manifest.capabilities;
    if (!ctx.isExtension || !caps || typeof caps !== 'object' || Array.isArray(caps)) return;
    const untrusted = caps.untrustedWorkspaces;
    if (!untrusted || typeof untrusted !== 'object' || Array.isArray(untrusted)) return;
    const supported = untrusted.supported;
    const at = ctx.locate(['capabilities', 'untrustedWorkspaces', 'supported']);
    if (!at || (supported !== true && supported !== 'limited')) return;
    ctx.report({ node: at, messageId: supported === true ? 'full' : 'limited', severity: supported === true ? 'medium' : 'low', evidence: [`untrustedWorkspaces.supported ${JSON.stringify(supported)}`] });
  },
};
