// Commands of other assistants and editors that change their configuration: `claude mcp add`
// adds a server to Claude Code's list, `code --install-extension` puts code in the folder VS Code
// runs at every start. A program that starts one changes that tool's configuration as surely as
// a write of the file; config-tamper reports it at the start. Data only: the file each writes,
// spelled as persistence-location knows it.

export interface ConfigCommand {
  /** Program names, as programName gives them (lower case, no folder; `.cmd`/`.exe` too). */
  programs: readonly string[];
  /** The words after the program, joined by one space, when they change the configuration. */
  verbs: RegExp;
  /** The file or folder written, by program; `project` when the words ask for the project's scope. */
  writes: (program: string, words: string) => string;
}

/** VS Code and its forks: the folder each runs extensions from. */
const EXTENSION_FOLDERS: Record<string, string> = {
  code: '~/.vscode/extensions',
  'code-insiders': '~/.vscode-insiders/extensions',
  codium: '~/.vscode-oss/extensions',
  vscodium: '~/.vscode-oss/extensions',
  'code-oss': '~/.vscode-oss/extensions',
  cursor: '~/.cursor/extensions',
  windsurf: '~/.windsurf/extensions',
  kiro: '~/.kiro/extensions',
  trae: '~/.trae/extensions',
};

/** `-s project`, `--scope=project`: the project's file rather than the user's. */
const PROJECT_SCOPE = /(?:^|\s)(?:-s|--scope)(?:\s+|=)project(?:\s|$)/;
/** `-s user`, `--scope=user`: the user's file rather than the project's. */
const USER_SCOPE = /(?:^|\s)(?:-s|--scope)(?:\s+|=)user(?:\s|$)/;
/** Asking for help or the version changes nothing (the tool's own options: before a `--` that starts a server's command). */
const ASKS_HELP = /(?:^|\s)(?:-h|--help|--version)(?:\s|$)/;

const withWindowsNames = (names: readonly string[]) => names.flatMap(n => [n, `${n}.cmd`, `${n}.exe`]);

export const CONFIG_COMMANDS: readonly ConfigCommand[] = [
  {
    programs: withWindowsNames(['claude']),
    verbs: /^(?:mcp (?:add|add-json|add-from-claude-desktop|remove)|config (?:set|add|remove)|plugins? (?:install|uninstall|enable|disable|marketplace add))(?:\s|$)/,
    writes: (_, words) => (words.startsWith('mcp ') && PROJECT_SCOPE.test(words) ? '*/.mcp.json' : '~/.claude.json'),
  },
  { programs: withWindowsNames(['codex']), verbs: /^mcp (?:add|remove)(?:\s|$)/, writes: () => '~/.codex/config.toml' },
  // `mcp add|remove` writes the project's settings unless `-s user`; extensions live in the user's folder.
  {
    programs: withWindowsNames(['gemini']),
    verbs: /^(?:mcp (?:add|remove)|extensions? (?:install|uninstall|link|enable|disable|update))(?:\s|$)/,
    writes: (_, words) => (words.startsWith('mcp ') && !USER_SCOPE.test(words) ? '*/.gemini/settings.json' : '~/.gemini/settings.json'),
  },
  {
    programs: withWindowsNames(['qwen']),
    verbs: /^(?:mcp (?:add|remove)|extensions? (?:install|uninstall|link|enable|disable|update))(?:\s|$)/,
    writes: (_, words) => (words.startsWith('mcp ') && !USER_SCOPE.test(words) ? '*/.qwen/settings.json' : '~/.qwen/settings.json'),
  },
  {
    programs: withWindowsNames(Object.keys(EXTENSION_FOLDERS)),
    verbs: /(?:^|\s)--(?:install|uninstall)-extension(?:[\s=]|$)/,
    writes: program => EXTENSION_FOLDERS[program.replace(/\.(?:cmd|exe)$/, '')],
  },
];

/** The configuration a command changes (spelled as a path), if it is one of CONFIG_COMMANDS. */
export function configWrittenByCommand(program: string, words: readonly string[]): string | undefined {
  const rest = words.join(' ');
  if (ASKS_HELP.test(rest.split(/(?:^|\s)--(?:\s|$)/)[0])) return undefined;
  const known = CONFIG_COMMANDS.find(c => c.programs.includes(program) && c.verbs.test(rest));
  return known?.writes(program, rest);
}
