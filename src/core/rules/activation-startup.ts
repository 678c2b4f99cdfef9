// Extensions that start with the editor: `activationEvents` with `*` (every window, before
// anything is used) or `onStartupFinished`. An assistant running on every start can watch
// everything the editor does from the first moment.
import type { ManifestRule } from './types';

export const activationStartup: ManifestRule = {
  meta: {
    id: 'activation-startup',
    category: 'manifest',
    severity: 'low',
    title: 'Activates on editor start-up',
    description: 'An extension whose activationEvents include "*" (medium) or "onStartupFinished" (low).',
    messages: {
      star: 'Activates in every window as soon as the editor starts ("*")',
      startup: 'Activates after every editor start-up (onStartupFinished)',
    },
  },
  check(manifest, ctx) {
    const events = manifest.activationEvents;
    if (!ctx.isExtension || !Array.isArray(events)) return;
    events.forEach((event, i) => {
      if (event !== '*' && event !== 'onStartupFinished') return;
      const at = ctx.locate(['activationEvents', i]);
      if (!at) return;
      ctx.report({ node: at, messageId: event === '*' ? 'star' : 'startup', severity: event === '*' ? 'medium' : 'low', evidence: [`activationEvents ${event}`] });
    });
  },
};
