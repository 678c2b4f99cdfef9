// Names of places whose change outlives the process: shell start-up files, autostart
// entries, git hooks, other assistants' and tools' configuration. Naming one is evidence;
// a write whose path comes from one is config-tamper (a correlation that follows the path).
import { vendorById } from '../catalog/vendors';
import { isOwnLocation, PERSISTENCE_LOCATIONS, persistenceLocationFor } from '../catalog/persistence';
import { propertyKeyName, propertyName, staticString, type Node } from '../js/ast';
import type { RelatedSpan, ReportDescriptor, Rule, RuleContext } from './types';
import { EQUALITY, firstSpellingByValue, inOwnPackage, inWorkingFolder, isProse, joinedThrough, keptOut, listRole, pathHandlers, spelledPath } from './util/paths';

/** Most string literals name no such place: skip them before spelling anything out. */
const HINT = /rc\b|rc$|profile|zsh|zlogin|etc\/|fish|Launch|systemd|autostart|Startup|\bRun|cron|schtasks|launchctl|systemctl|hooks|\.claude|claude_desktop|\.codex|\.gemini|\.qwen|\.cursor|windsurf|\.continue|copilot|\/User\/|keybindings|settings\.json|extensions|\.boto|bazelrc|NativeMessagingHosts|Environment|setx|native-messaging-hosts|gitconfig|git\/(?:config|ignore|attributes)|mcp\.json|opencode|kilo|\.github\/|completion|site-functions|CLAUDE|GEMINI\.md|QWEN\.md|AGENTS\.md|clinerules|roorules|\.roo\//i;

/**
 * `["-c", "core.hooksPath", nullDevice]`-style arguments: the element after the key is the null
 * device (`/dev/null`, `NUL`, `os.devNull`, a name like `nullDevice`), so hooks are turned off.
 */
function nextIsNullDevice(node: Node, ctx: RuleContext): boolean {
  const parent = ctx.parent();
  const list = parent?.type === 'ArrayExpression' ? (parent.elements as Array<Node | null>) : parent?.type === 'CallExpression' ? (parent.arguments as Node[]) : undefined;
  const next = list?.[list.indexOf(node) + 1];
  if (!next) return false;
  const text = staticString(next);
  if (text !== undefined) return text === '/dev/null' || text.toUpperCase() === 'NUL';
  const name = next.type === 'Identifier' ? next.name : propertyName(next);
  return !!name && /^(?:dev_?null|null_?device|null_?dev)$/i.test(name);
}

/** A line that starts with a program (`reg add …`, `/usr/bin/launchctl load …`, `powershell -c "…"`). */
const COMMAND_START = /^\s*["']?(?:\S*[\\/])?(?:reg|setx|schtasks|launchctl|systemctl|powershell|pwsh|cmd)(?:\.exe)?["']?\s/i;

/** A literal that is one side of an equality: `e === "crontab"`, `"schtasks" !== name`. */
function comparedWord(node: Node, ctx: RuleContext): boolean {
  const parent = ctx.parent();
  return parent?.type === 'BinaryExpression' && EQUALITY.has(parent.operator) && (parent.left === node || parent.right === node);
}

export const persistenceLocation: Rule = {
  meta: {
    id: 'persistence-location',
    category: 'persistence',
    severity: 'low',
    title: "Names a start-up file or another tool's configuration",
    description: 'Shell rc files, launchd/systemd/autostart/Run keys/crontab/scheduled tasks, git hooks, and the configuration of other assistants (Claude, Codex, Gemini, Qwen, Cursor, Windsurf, Continue, Copilot), editors and git.',
    messages: {
      names: 'Names {{a}} {{label}}{{owner}}: {{path}}',
      patterns: 'Lists {{a}} {{label}}{{owner}} among names or patterns paths are matched against (a deny list): {{path}}',
      own: 'Names a file under its own folder shaped like {{a}} {{label}} (a file the package ships, not the user\'s): {{path}}',
    },
  },
  triggers: ['rc', 'profile', 'zshenv', 'zlogin', 'fish', 'Launch', 'systemd', 'autostart', 'Startup', 'Run', 'cron', 'schtasks', 'launchctl', 'systemctl', 'hooks', 'hooksPath',
    'nushell', 'elvish', '.claude', 'claude_desktop', '.codex', '.gemini', '.qwen', '.cursor', 'windsurf', '.continue', 'copilot', 'User', 'keybindings', 'NativeMessagingHosts', 'Environment', 'setx', 'native-messaging-hosts', 'gitconfig', 'git/config', 'git/ignore', 'git/attributes', 'mcp.json', 'opencode', 'kilo', '.github', 'completion', 'site-functions', 'CLAUDE', 'GEMINI.md', 'QWEN.md', 'AGENTS.md', 'clinerules', 'roorules', '.roo/', 'wezterm', 'Terminal', 'iterm2', 'iTerm2', 'alacritty', 'kitty', 'ghostty', 'extensions', 'boto', 'bazelrc'],
  create(ctx) {
    // Paths with a part chosen in branches (`settingsFile = user ? "settings.json" : …`, a base
    // folder set in an `if`): spelled again after the walk, each value in turn.
    const byValue: Array<{ node: Node; fn: number }> = [];
    const check = (node: Node) => {
      const spelled = spelledPath(node, ctx);
      if (spelled === undefined) return;
      const location = persistenceLocationFor(spelled);
      // A command line reads like a sentence; help text that mentions the command does not start with it.
      if (isProse(spelled) && !(location?.command && COMMAND_START.test(spelled))) return;
      const role = listRole(ctx) ?? (keptOut(node, ctx) ? 'patterns' : undefined);
      if (role === 'data') return;
      // `{ schedule: { type: "crontab", value: expr } }` (Sentry's cron monitors): a type tag, no place.
      if (isTypeTag(node, ctx)) return;
      // `e === "crontab"` (a command's name classified, Copilot CLI's risk check): a value compared with, no place named.
      if (location && comparedWord(node, ctx)) return;
      // A part held in a field of the class (`join(root, this.commandsDir, f)`) is spelled after the walk, when the class's writes to it are all known.
      if (!location && spelled.includes('*') && (HINT.test(spelled) || joinsClassField(node)) && !role && node.type === 'CallExpression') byValue.push({ node, fn: ctx.functionIndex() });
      if (!location) return;
      // A file shipped beside the code (`join(__dirname, "..", ".cursor", "rules", f)`, a template it copies from).
      if (!role && inOwnPackage(node, spelled, ctx)) return reportOwn(node, spelled, location);
      // A project's file known by its name, in a folder computed elsewhere or from a list: the name is the only evidence.
      const nameOnly = !!location.byName && !inWorkingFolder(node, spelled, ctx);
      report(node, spelled, location, role === 'patterns', undefined, joinedThrough(node, ctx), nameOnly);
    };
    // No place fact: a write there changes the package's own files, not the user's configuration.
    const reportOwn = (node: Node, spelled: string, location: NonNullable<ReturnType<typeof persistenceLocationFor>>) =>
      ctx.report({ node, messageId: 'own', severity: 'info', data: { a: article(location.label), label: location.label, path: spelled.slice(0, 120) }, evidence: [`path ${spelled.slice(0, 200)}`, `location ${location.label}`, 'under its own folder'] });
    const report = (node: ReportDescriptor['node'], spelled: string, location: NonNullable<ReturnType<typeof persistenceLocationFor>>, patterns: boolean, fn?: number, related?: readonly RelatedSpan[], nameOnly = !!location.byName) => {
      if (spelled === 'core.hooksPath' && 'type' in node && nextIsNullDevice(node as Node, ctx)) return;
      // The assistant's own configuration is its own business; so is a file known by its name
      // alone that a fork keeps for its own (Kilo CLI's `opencode.json`).
      if (location.vendor && isOwnLocation(location, ctx.target.ownVendors)) return;
      const owner = location.vendor ? ` (${vendorById(location.vendor)?.name ?? location.vendor})` : '';
      // A pattern in a deny or ignore list keeps the place out of reach: listed at info. It is
      // still a place: a list chosen by its key may yet be written to, which config-tamper follows.
      ctx.report({
        node,
        messageId: patterns ? 'patterns' : 'names',
        ...(patterns ? { severity: 'info' as const } : {}),
        data: { a: article(location.label), label: location.label, owner, path: spelled.slice(0, 120) },
        evidence: [`path ${spelled.slice(0, 200)}`, `location ${location.label}`],
        facts: [{ kind: 'place', place: location.kind === 'startup' ? 'startup' : location.assistant ? 'assistant-config' : 'tool-config', detail: location.label, ...(nameOnly ? { nameOnly: true } : {}) }],
        ...(location.vendor ? { vendor: [location.vendor] } : {}),
        ...(fn !== undefined ? { fn } : {}),
        ...(related?.length ? { related } : {}),
      });
    };
    return {
      ...pathHandlers(ctx, HINT, check),
      // A shell script's words and redirections, each as the script may spell it (`"$HOME/.zshrc"`, a variable set in a case).
      shellCommand(site) {
        const { command } = site;
        const words = [...command.words, ...command.redirects.map(r => r.target)].map(word => ({ word, spelled: site.spell(word) }));
        const line = command.words.map(w => site.spell(w)[0] ?? w.text).join(' ');
        // `launchctl load …`, `crontab -`: a place named by the command line, not by one of its words.
        const byCommand = PERSISTENCE_LOCATIONS.find(l => l.pattern.test(line) && !words.some(w => w.spelled.some(s => l.pattern.test(s))));
        if (byCommand) report({ start: command.start, end: command.end }, line, byCommand, false);
        for (const { word, spelled: all } of words) {
          for (const spelled of all) {
            const path = spelled.replace(/\\/g, '/');
            // A message that ends with a path (`"Using shell profile: $PROFILE"`) is text, not the path.
            const location = isProse(path) || /^[^/~]*\s/.test(path) ? undefined : persistenceLocationFor(path);
            if (!location || location === byCommand) continue;
            report(word, path, location, false, undefined, undefined, !!location.byName && path.startsWith('*'));
            break;
          }
        }
      },
      'Program:exit'() {
        for (const { node, fn } of byValue) {
          const first = firstSpellingByValue(node, fn, ctx, persistenceLocationFor);
          if (first) report(node, first.path, first.found, false, fn, first.related);
        }
      },
    };
  },
};

/** A path join with a part read from a field of `this`. */
function joinsClassField(node: Node): boolean {
  return node.type === 'CallExpression' && node.arguments.some(a => a.type === 'MemberExpression' && a.object.type === 'ThisExpression' && propertyName(a) !== undefined);
}

/** The article a label takes (`an editor's user settings`, `a git hook`). */
function article(label: string): string {
  return /^[aeiou]/i.test(label) ? 'an' : 'a';
}

/** A bare word given as an object's `type` or `kind` (`{ type: "crontab" }`): what something is, not a path or a command. */
function isTypeTag(node: Node, ctx: RuleContext): boolean {
  const parent = ctx.parent();
  if (node.type !== 'Literal' || typeof node.value !== 'string' || /[\s/\\]/.test(node.value)) return false;
  return parent?.type === 'Property' && parent.value === node && !parent.computed && ['type', 'kind'].includes(propertyKeyName(parent as Node) ?? '');
}
