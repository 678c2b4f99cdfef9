// Places whose change outlives the process: shell start-up files, autostart entries, git
// hooks, and the configuration of other tools (assistants, editors, git, npm). Matched on
// spelled paths and command strings (forward slashes, `*` for computed parts, `~` for home).
// `vendor` names the catalog vendor owning an assistant's configuration, so an assistant
// touching its own is not reported.

import { fileNamesKeptFrom } from './vendors';

export interface PersistenceLocation {
  pattern: RegExp;
  kind: 'startup' | 'tool-config';
  label: string;
  /** Catalog vendor id of the assistant owning the configuration. */
  vendor?: string;
  /** Another AI assistant's configuration (reported higher than an editor's or git's). */
  assistant?: boolean;
  /** Matched on a command line (`schtasks /create …`), which reads like a sentence: never taken for prose. */
  command?: boolean;
  /**
   * A project's file known by its name alone (`opencode.json` at a project's root): matched only
   * where the folder is the working folder or computed, never under a fixed folder of another
   * tool (`~/.config/kilo/opencode.json` is an OpenCode fork's own settings). Where the folder is
   * computed, the name is all the evidence there is (see persistence-location's `nameOnly`).
   */
  byName?: boolean;
}

const file = (name: string) => new RegExp(`(?:^|/|~)${name}$`);

export const PERSISTENCE_LOCATIONS: PersistenceLocation[] = [
  // Shell start-up files.
  { pattern: file('\\.(?:bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc|cshrc|tcshrc)'), kind: 'startup', label: 'shell start-up file' },
  { pattern: /(?:^|\/)fish\/config\.fish$|(?:^|\/)fish\/conf\.d\//, kind: 'startup', label: 'fish start-up file' },
  // Nushell and Elvish read these at every start (Amp adds its PATH line to env.nu, review 65); PowerShell its profile.
  { pattern: /(?:^|\/)nushell\/(?:env|config|login)\.nu$|(?:^|\/)nushell\/autoload\//, kind: 'startup', label: 'nushell start-up file' },
  { pattern: /(?:^|\/)elvish\/rc\.elv$|(?:^|\/)\.elvish\/rc\.elv$/, kind: 'startup', label: 'elvish start-up file' },
  // A terminal whose configuration is a program: WezTerm runs its Lua file at every start (Letta rewrites it).
  { pattern: /(?:^|\/)\.wezterm\.lua$|(?:^|\/)wezterm\/wezterm\.lua$/, kind: 'startup', label: 'WezTerm configuration (Lua run at every start)' },
  // Terminals' own settings, which assistants' terminal set-ups rewrite (key bindings, the bell):
  // Windows Terminal's settings.json (its profiles name the programs it starts), Terminal.app's
  // and iTerm2's preference lists (also written by `defaults` and PlistBuddy), and the files of
  // Alacritty, kitty and Ghostty.
  { pattern: /\/Microsoft\.WindowsTerminal(?:Preview)?_\w+\/LocalState\/settings\.json$|(?:^|\/)Windows Terminal\/settings\.json$/i, kind: 'tool-config', label: 'Windows Terminal settings file' },
  { pattern: /(?:^|\/)Library\/Preferences\/com\.apple\.Terminal\.plist$/, kind: 'tool-config', label: 'Terminal.app preference file' },
  { pattern: /(?:^|\/)Library\/Preferences\/com\.googlecode\.iterm2\.plist$|(?:^|\/)iTerm2\/DynamicProfiles(?:\/|$)/, kind: 'tool-config', label: 'iTerm2 preference file' },
  { pattern: /(?:^|\/)alacritty\/alacritty\.(?:toml|ya?ml)$|(?:^|\/|~)\.alacritty\.(?:toml|ya?ml)$/, kind: 'tool-config', label: 'Alacritty configuration' },
  { pattern: /(?:^|\/)kitty\/kitty\.conf$/, kind: 'tool-config', label: 'kitty configuration' },
  { pattern: /(?:^|\/)(?:ghostty|com\.mitchellh\.ghostty)\/config(?:\.ghostty)?$/, kind: 'tool-config', label: 'Ghostty configuration' },
  { pattern: /(?:^|\/)(?:Windows)?PowerShell\/(?:Microsoft\.(?:PowerShell|VSCode)_)?profile\.ps1$|(?:^|\/)\.config\/powershell\/(?:Microsoft\.PowerShell_)?profile\.ps1$/i, kind: 'startup', label: 'PowerShell profile' },
  // Completion scripts shells load on their own (Copilot CLI installs its own at every start).
  { pattern: /(?:^|\/)bash-completion\/completions\/|(?:^|\/)bash_completion\.d\/|(?:^|\/)zsh\/(?:vendor-completions|site-functions)\/|(?:^|\/)fish\/(?:vendor_)?completions\//, kind: 'startup', label: 'shell completion script (loaded by the shell)' },
  { pattern: /(?:^|\/)Microsoft\.PowerShell_profile\.ps1$|(?:^|\/)profile\.ps1$/, kind: 'startup', label: 'PowerShell profile' },
  { pattern: /^\/etc\/(?:profile\.d\/|profile$|bash\.bashrc$|zshrc$|environment$)/, kind: 'startup', label: 'system shell start-up file' },
  // Autostart.
  { pattern: /(?:^|\/)Library\/LaunchAgents(?:\/|$)/, kind: 'startup', label: 'macOS launchd agent' },
  // A daemon runs as root at boot, for every user: not an agent of the user's session.
  { pattern: /(?:^|\/)Library\/LaunchDaemons(?:\/|$)/, kind: 'startup', label: 'macOS launchd daemon (runs as root)' },
  { pattern: /(?:^|\/)(?:\.config\/systemd\/user|etc\/systemd\/system)(?:\/|$)/, kind: 'startup', label: 'systemd unit' },
  { pattern: /(?:^|\/)\.config\/autostart(?:\/|$)/, kind: 'startup', label: 'desktop autostart entry' },
  { pattern: /Start Menu\/Programs\/Startup(?:\/|$)/i, kind: 'startup', label: 'Windows Startup folder' },
  { pattern: /CurrentVersion\/Run(?:Once)?(?:$|\/|\s)/i, kind: 'startup', label: 'Windows Run registry key' },
  { pattern: /(?:^|\s|\/)crontab(?:\s|$)|^\/(?:etc|var\/spool)\/cron/, kind: 'startup', label: 'crontab' },
  { pattern: /\bschtasks(?:\.exe)?\s+\/create\b/i, kind: 'startup', label: 'Windows scheduled task', command: true },
  // The user's environment on Windows (PATH among it), read by every process started after.
  { pattern: /\breg(?:\.exe)?\s+add\s+["']?HKCU[\\/]Environment\b|\bsetx(?:\.exe)?\s+\S|SetEnvironmentVariable\([^)]*["']User["']/i, kind: 'startup', label: "Windows user environment (HKCU\\Environment, setx)", command: true },
  { pattern: /\blaunchctl\s+(?:load|bootstrap|enable)\b/, kind: 'startup', label: 'launchctl load', command: true },
  { pattern: /\bsystemctl\s+--user\s+enable\b/, kind: 'startup', label: 'systemd user unit enable', command: true },
  // Git hooks.
  // `core.hooksPath=/dev/null` turns hooks off (the form git -c takes); the path form is persistence-location's.
  { pattern: /(?:^|\/)\.git\/hooks(?:\/|$)|\bcore\.hooksPath\b(?!\s*=\s*(?:\/dev\/null|NUL)\b)/, kind: 'startup', label: 'git hook' },
  // Other assistants.
  { pattern: /(?:^|\/)\.claude\/(?:settings(?:\.local)?\.json|commands\/|agents\/|hooks)|(?:^|\/|~)\.claude\.json$|claude_desktop_config\.json$|(?:^|\/)\.claude\/skills(?:\/|$)/, kind: 'tool-config', label: 'Claude Code / Claude Desktop configuration', vendor: 'anthropic', assistant: true },
  // Instructions an assistant reads at every start (its "memory"): the user's and a project's.
  { pattern: /(?:^|\/)CLAUDE(?:\.local)?\.md$/, kind: 'tool-config', label: 'Claude Code instruction file (CLAUDE.md)', vendor: 'anthropic', assistant: true },
  { pattern: /(?:^|\/)\.gemini\/GEMINI\.md$/, kind: 'tool-config', label: 'Gemini CLI instruction file (GEMINI.md)', vendor: 'google', assistant: true },
  { pattern: /(?:^|\/)\.qwen\/QWEN\.md$/, kind: 'tool-config', label: 'Qwen Code instruction file (QWEN.md)', vendor: 'alibaba', assistant: true },
  { pattern: /(?:^|\/|~)\.clinerules(?:\/|$)/, kind: 'tool-config', label: 'Cline rules file (.clinerules)', vendor: 'cline', assistant: true },
  { pattern: /(?:^|\/|~)\.roorules(?:-[\w-]+)?$|(?:^|\/)\.roo\/rules(?:-[\w-]+)?(?:\/|$)/, kind: 'tool-config', label: 'Roo Code rules file (.roo/rules)', vendor: 'roocode', assistant: true },
  { pattern: /(?:^|\/)\.codex\/(?:config\.toml|instructions\.md|agents\/|prompts\/)/, kind: 'tool-config', label: 'Codex CLI configuration', vendor: 'openai', assistant: true },
  { pattern: /(?:^|\/)\.gemini\/settings\.json$/, kind: 'tool-config', label: 'Gemini CLI configuration', vendor: 'google', assistant: true },
  { pattern: /(?:^|\/)\.qwen\/settings\.json$/, kind: 'tool-config', label: 'Qwen Code configuration', vendor: 'alibaba', assistant: true },
  { pattern: /(?:^|\/)\.cursor\/(?:mcp\.json|rules(?:\/|$))|(?:^|\/|~)\.cursorrules$/, kind: 'tool-config', label: 'Cursor configuration', assistant: true },
  { pattern: /(?:^|\/)\.codeium\/windsurf\/|(?:^|\/|~)\.windsurfrules$/, kind: 'tool-config', label: 'Windsurf configuration', assistant: true },
  { pattern: /(?:^|\/)\.continue\/config\.(?:json|yaml)$/, kind: 'tool-config', label: 'Continue configuration', assistant: true },
  // MCP server lists of other assistants, which MCP installers rewrite.
  { pattern: /(?:^|\/)saoudrizwan\.claude-dev\/settings\/cline_mcp_settings\.json$/, kind: 'tool-config', label: 'Cline configuration', vendor: 'cline', assistant: true },
  { pattern: /(?:^|\/)rooveterinaryinc\.roo-cline\/settings\/mcp_settings\.json$/, kind: 'tool-config', label: 'Roo Code configuration', vendor: 'roocode', assistant: true },
  { pattern: /(?:^|\/)\.aws\/amazonq\/(?:mcp|agents\/[^/]+)\.json$/, kind: 'tool-config', label: 'Amazon Q configuration', vendor: 'amazon', assistant: true },
  // `opencode.json` in a project folder is OpenCode's project configuration.
  { pattern: /(?:^|\/)(?:\.config\/opencode|\.opencode)\/(?:opencode|config)\.jsonc?$/, kind: 'tool-config', label: 'OpenCode configuration', vendor: 'sst', assistant: true },
  { pattern: /^(?:\.\/|(?:\*\/)+)?opencode\.jsonc?$/, kind: 'tool-config', label: 'OpenCode configuration', vendor: 'sst', assistant: true, byName: true },
  // Kilo CLI, an OpenCode fork: its own folder, whatever file name it reads there.
  { pattern: /(?:^|\/)(?:\.config\/kilo|\.kilo)\/(?:kilo|opencode|config)\.jsonc?$/, kind: 'tool-config', label: 'Kilo CLI configuration', vendor: 'kilocode', assistant: true },
  { pattern: /(?:^|\/)\.config\/goose\/config\.yaml$/, kind: 'tool-config', label: 'Goose configuration', vendor: 'block', assistant: true },
  // `.vscode/mcp.json`: a workspace's MCP servers, which Copilot's agent mode starts.
  { pattern: /(?:^|\/)\.github\/copilot-instructions\.md$|(?:^|\/)github-copilot\/(?:hosts|apps|config)\.json$|(?:^|\/)\.vscode\/mcp\.json$|(?:^|\/)\.github\/agents(?:\/|$)/, kind: 'tool-config', label: 'GitHub Copilot configuration', vendor: 'microsoft', assistant: true },
  // A project's `.mcp.json`: Claude Code's convention, which other assistants (Qoder) read and write
  // as their own, so no one assistant's configuration: the servers every such tool starts there.
  { pattern: /(?:^|\/)\.mcp\.json$/, kind: 'tool-config', label: 'project MCP server list (.mcp.json)' },
  // `AGENTS.md`: instructions every assistant that follows the convention reads (Codex, Amp, Jules, …).
  { pattern: /(?:^|\/)AGENTS\.md$/, kind: 'tool-config', label: 'project agent instruction file (AGENTS.md)' },
  // A browser's native messaging host: a manifest naming a program the browser starts for an extension.
  { pattern: /(?:^|\/)(?:NativeMessagingHosts|native-messaging-hosts)(?:\/|$)|\\NativeMessagingHosts\\|Software\/(?:Google\/Chrome|Chromium|Microsoft\/Edge|BraveSoftware\/Brave-Browser|Mozilla)\/NativeMessagingHosts/i, kind: 'startup', label: 'browser native messaging host (a program the browser starts)' },
  // Editors, git, npm.
  // `<editor>/User/keybindings.json` is the VS Code family's layout, also with the editor's folder chosen at run time
  // (`join(appSupport, appName, "User")` for Code, Cursor and Windsurf in turn).
  { pattern: /(?:^|\/)(?:Code|Code - Insiders|VSCodium|Cursor|Windsurf|Trae|Kiro|Positron|\*)\/User\/(?:settings|keybindings|mcp)\.json$/, kind: 'tool-config', label: 'editor user settings' },
  // An editor's extensions folder: an extension unpacked there (and listed in its extensions.json) is code the editor runs.
  { pattern: /(?:^|\/|~)\.(?:vscode|vscode-insiders|vscode-oss|vscode-server|cursor|windsurf|kiro|trae|positron)\/extensions(?:\/|$)/, kind: 'startup', label: 'editor extensions folder (code the editor runs)' },
  // Other tools' settings written to trust a certificate or change where they connect (gsutil, Bazel).
  { pattern: /(?:^|\/|~)\.boto$/, kind: 'tool-config', label: 'gsutil configuration (.boto)' },
  { pattern: /(?:^|\/)(?:\.bazelrc|bazel\.bazelrc)$/, kind: 'tool-config', label: 'Bazel configuration (bazelrc)' },
  // A repository's CI workflows run with its secrets on every push.
  // A file written into the workflows folder under a name chosen at run time is one too, and so
  // is the folder itself where a helper joins the file's name onto it (Gemini's /setup-github).
  { pattern: /(?:^|\/)\.github\/workflows(?:\/(?:[^/]+\.ya?ml|\*))?$/, kind: 'tool-config', label: 'CI workflow (GitHub Actions)' },
  // Only in the home directory: a `.gitconfig` in some other folder is a private git set-up.
  { pattern: /^(?:~|\$HOME|\/home\/[^/]+|\/Users\/[^/]+)\/(?:\.gitconfig|\.config\/git\/(?:config|ignore|attributes))$/, kind: 'tool-config', label: 'global git configuration' },
];

export function persistenceLocationFor(text: string): PersistenceLocation | undefined {
  if (text.length < 5 || text.length > 1024) return undefined;
  return PERSISTENCE_LOCATIONS.find(l => l.pattern.test(text));
}

/**
 * A place the scanned assistant owns: its vendor's configuration, or a file known by its name
 * alone whose name the assistant keeps as a fork of that name's owner (Vendor.keepsFileNamesOf).
 */
export function isOwnLocation(location: PersistenceLocation, ownVendors: readonly string[]): boolean {
  if (!location.vendor) return false;
  return ownVendors.includes(location.vendor) || (!!location.byName && fileNamesKeptFrom(ownVendors).includes(location.vendor));
}
