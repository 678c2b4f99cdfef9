// Installing, updating or removing an extension changes what the running editor holds:
// after an "Audit AI tools", the assistants among the changed extensions are audited again
// and the removed ones leave the view.
import * as vscode from 'vscode';
import { printable } from '../core/text/safeText';
import type { AuditContext } from './auditContext';
import { targetKey } from './auditResults';
import { discoverAssistants } from './discovery';
import { readSettings } from './settings';

const SETTLE_MS = 500;

export function watchExtensions(ctx: AuditContext): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const subscription = vscode.extensions.onDidChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void reauditChangedExtensions(ctx).catch(e => ctx.log.error(`re-audit after an extension change failed: ${e}`)), SETTLE_MS);
  });
  return { dispose: () => (clearTimeout(timer), subscription.dispose()) };
}

export async function reauditChangedExtensions(ctx: AuditContext): Promise<string[]> {
  await ctx.auditor.settled();
  if (!ctx.lastDiscovery) return [];
  const discovery = await discoverAssistants(ctx.runner, readSettings());
  if (!discovery) return [];
  const now = discovery.assistants.filter(a => a.kind === 'extension');
  const before = new Map(ctx.lastDiscovery.assistants.filter(a => a.kind === 'extension').map(a => [targetKey(a), a]));
  const changed = now.filter(a => {
    const was = before.get(targetKey(a));
    return !was || was.root !== a.root || was.version !== a.version;
  });
  const gone = [...before.keys()].filter(key => !now.some(a => targetKey(a) === key));
  ctx.lastDiscovery = discovery;
  ctx.results.remove(gone);
  if (gone.length) ctx.log.info(printable(`extensions removed since the audit: ${gone.join(', ')}`));
  if (changed.length) {
    ctx.log.info(printable(`extensions added or updated since the audit: ${changed.map(a => a.instanceId).join(', ')}`));
    await ctx.auditor.audit(changed, 'AI Tool Audit: auditing changed extensions', false);
  }
  return changed.map(a => a.instanceId);
}
