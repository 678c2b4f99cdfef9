// Names of places whose change outlives the process: shell start-up files, autostart
// entries, git hooks, other assistants' and tools' configuration. Naming one is evidence;
// writing one in the same function is config-tamper (a correlation).
import { vendorById } from '../catalog/vendors';
import { persistenceLocationFor } from '../catalog/persistence';
import type { AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { isProse, listRole, pathVisitors, spelledPath } from './util/paths';

function check(node: AstNode, ctx: RuleContext) {
  const spelled = spelledPath(node, ctx);
  if (spelled === undefined || isProse(spelled) || listRole(ctx) === 'data') return;
  const location = persistenceLocationFor(spelled);
  if (!location) return;
  if (location.vendor && ctx.target.ownVendors.includes(location.vendor)) return;
  const owner = location.vendor ? ` (${vendorById(location.vendor)?.name ?? location.vendor})` : '';
  ctx.report(node, `Names a ${location.label}${owner}: ${spelled.slice(0, 120)}`, {
    evidence: [`path ${spelled.slice(0, 200)}`, `location ${location.label}`],
    facts: [{ kind: location.kind === 'startup' ? 'target:startup' : location.assistant ? 'target:assistant-config' : 'target:tool-config', detail: location.label }],
  });
}

/** Most string literals name no such place: skip them before spelling anything out. */
const HINT = /rc\b|rc$|profile|zsh|zlogin|etc\/|fish|Launch|systemd|autostart|Startup|\bRun|cron|schtasks|launchctl|systemctl|hooks|\.claude|claude_desktop|\.codex|\.gemini|\.qwen|\.cursor|windsurf|\.continue|copilot|\/User\/|gitconfig|git\/config/i;

export const persistenceLocation: Rule = {
  id: 'persistence-location',
  category: 'persistence',
  severity: 'low',
  title: 'Names a start-up file or another tool\'s configuration',
  description: 'Shell rc files, launchd/systemd/autostart/Run keys/crontab/scheduled tasks, git hooks, and the configuration of other assistants (Claude, Codex, Gemini, Qwen, Cursor, Windsurf, Continue, Copilot), editors and git.',
  triggers: ['rc', 'profile', 'zshenv', 'zlogin', 'fish', 'Launch', 'systemd', 'autostart', 'Startup', 'Run', 'cron', 'schtasks', 'launchctl', 'systemctl', 'hooks', 'hooksPath',
    '.claude', 'claude_desktop', '.codex', '.gemini', '.qwen', '.cursor', 'windsurf', '.continue', 'copilot', 'User', 'gitconfig', 'git/config'],
  visitors: pathVisitors(HINT, check),
};
