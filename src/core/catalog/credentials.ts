// Where credentials live on a developer machine: files (matched on spelled paths, `*` for
// computed parts), keychain commands, and other assistants' key stores. Stores carry the
// vendor that owns them, so a tool reading its own vendor's store is not reported as
// foreign. Data for the credential-read rule.

export interface CredentialStore {
  /** Matched against a path or command string with forward slashes. */
  pattern: RegExp;
  /** The pattern is a command (keychain tools), not a file path. */
  command?: boolean;
  /**
   * Configuration that holds tokens among other settings, read by its own tools by design
   * (package managers, cloud SDK credential chains, sandboxes listing what to protect): low.
   * Secrets proper (private keys, stored passwords, cookies, keychains) stay medium.
   */
  config?: boolean;
  label: string;
  /** Catalog vendor id owning the store: reading one's own is not reported as foreign. */
  vendor?: string;
  /** Another AI assistant's key store (reading one is high). */
  assistant?: boolean;
  /**
   * Another assistant's conversation transcripts: the code, prompts and secrets a user pasted
   * (medium; sent over the network, exfiltration says so).
   */
  conversations?: boolean;
  /** Hosts of the service that issued the credential: sent there, it is used, not taken elsewhere. */
  issuers?: string[];
}

const seg = (s: string) => `(?:^|/|~)${s}(?:$|/)`;

export const CREDENTIAL_STORES: CredentialStore[] = [
  { pattern: /(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)$/, label: 'SSH private key' },
  { pattern: new RegExp(`${seg('\\.ssh')}`), label: 'SSH directory (~/.ssh)', config: true },
  { pattern: /(?:^|\/)\.aws\/(?:credentials|sso\/cache)/, label: 'AWS credentials (~/.aws/credentials)', vendor: 'amazon', config: true },
  { pattern: /(?:^|\/|~)\.npmrc$/, label: 'npm configuration with registry tokens (.npmrc)', config: true },
  { pattern: /(?:^|\/|~)\.yarnrc\.yml$/, label: 'Yarn configuration with registry tokens (.yarnrc.yml)', config: true },
  { pattern: /(?:^|\/|~)\.git-credentials$/, label: 'git stored credentials (.git-credentials)' },
  { pattern: /(?:^|\/|~)[._]netrc$/, label: 'netrc passwords (.netrc)' },
  { pattern: /(?:^|\/)gh\/hosts\.yml$/, label: 'GitHub CLI tokens (gh/hosts.yml)', issuers: ['github.com'] },
  { pattern: /(?:^|\/)\.docker\/config\.json$/, label: 'Docker registry credentials (~/.docker/config.json)', config: true },
  { pattern: /(?:^|\/)\.kube\/config$/, label: 'Kubernetes credentials (~/.kube/config)', config: true },
  { pattern: /(?:^|\/|~)\.pypirc$/, label: 'PyPI tokens (.pypirc)' },
  // The Vercel CLI's login (`~/.local/share/com.vercel.cli/auth.json`, Library/Application Support on macOS).
  { pattern: /(?:^|\/)com\.vercel\.cli\/auth\.json$/, label: 'Vercel CLI login token (com.vercel.cli/auth.json)', issuers: ['vercel.com'] },
  { pattern: /(?:^|\/)gcloud\/(?:credentials\.db|access_tokens\.db|application_default_credentials\.json)$/, label: 'Google Cloud credentials (gcloud)', vendor: 'google', config: true },
  { pattern: /(?:^|\/)\.azure\/(?:accessTokens\.json|msal_token_cache)/, label: 'Azure CLI tokens (~/.azure)', vendor: 'microsoft', config: true },
  // Only inside a browser profile: "~effect/http/Cookies" or "./Cookies.js" is a module, not a cookie jar.
  { pattern: /(?:Chrome|Chromium|Brave|Edge|Opera|Vivaldi|User Data|Default|Profile \d+|\.mozilla|Firefox|Mozilla)(?:\/[^/]+)*\/(?:Login Data|Cookies|Web Data|key4\.db|logins\.json|cookies\.sqlite)$/, label: 'browser saved passwords or cookies' },
  { pattern: /(?:^|\/)(?:Google\/Chrome|google-chrome|Chromium|chromium|BraveSoftware\/Brave-Browser|Microsoft\/Edge|Microsoft Edge)\/(?:User Data|Default|Profile \d+|Local State)(?:\/|$)|(?:^|\/)(?:\.mozilla\/firefox|Firefox\/Profiles)(?:\/|$)/, label: 'browser profile data' },
  { pattern: /(?:^|\/)\.claude\/\.credentials\.json$/, label: 'Claude Code credentials (~/.claude)', vendor: 'anthropic', assistant: true },
  { pattern: /(?:^|\/)\.codex\/auth\.json$/, label: 'Codex CLI credentials (~/.codex/auth.json)', vendor: 'openai', assistant: true },
  { pattern: /(?:^|\/)\.gemini\/(?:oauth_creds\.json|google_accounts\.json)$/, label: 'Gemini CLI credentials (~/.gemini)', vendor: 'google', assistant: true },
  { pattern: /(?:^|\/)\.qwen\/oauth_creds\.json$/, label: 'Qwen Code credentials (~/.qwen)', vendor: 'alibaba', assistant: true },
  // OpenCode keeps its providers' API keys and logins in its data folder (~/.local/share/opencode, or $XDG_DATA_HOME/opencode); Cline 2.18 imports them.
  { pattern: /(?:^|\/)opencode\/auth\.json$/, label: 'OpenCode credentials (~/.local/share/opencode/auth.json)', vendor: 'sst', assistant: true },
  { pattern: /(?:^|\/)github-copilot\/(?:hosts|apps)\.json$/, label: 'GitHub Copilot tokens (github-copilot/hosts.json)', vendor: 'microsoft', assistant: true },
  // Conversation transcripts (Cline imports them; happy-coder relays Claude Code's to its server).
  { pattern: /(?:^|\/)\.claude\/projects(?:\/|$)/, label: 'Claude Code conversation transcripts (~/.claude/projects)', vendor: 'anthropic', conversations: true },
  { pattern: /(?:^|\/)\.codex\/(?:sessions|archived_sessions)(?:\/|$)|(?:^|\/)\.codex\/session_index\.jsonl$/, label: 'Codex CLI conversation transcripts (~/.codex/sessions)', vendor: 'openai', conversations: true },
  { pattern: /(?:^|\/)\.local\/share\/opencode\/storage(?:\/|$)/, label: 'opencode conversation storage (~/.local/share/opencode)', conversations: true },
  // Cursor's agent keeps each project's chats as transcripts (command-code imports them, review 64).
  { pattern: /(?:^|\/)\.cursor\/projects\/[^/]+\/agent-transcripts(?:\/|$)/, label: 'Cursor agent transcripts (~/.cursor/projects/*/agent-transcripts)', conversations: true },
  // gemini-mcp-tool recovers replies from Antigravity CLI's transcripts; Gemini CLI and Qwen Code keep saved chats per project.
  { pattern: /(?:^|\/)\.gemini\/antigravity-cli\/(?:brain|conversations)(?:\/|$)/, label: 'Antigravity CLI conversation transcripts (~/.gemini/antigravity-cli)', vendor: 'google', conversations: true },
  { pattern: /(?:^|\/)\.gemini\/tmp\/[^/]+\/(?:chats|checkpoints?)(?:\/|$)/, label: 'Gemini CLI saved chats (~/.gemini/tmp/*/chats)', vendor: 'google', conversations: true },
  { pattern: /(?:^|\/)\.qwen\/tmp\/[^/]+\/(?:chats|checkpoints?)(?:\/|$)/, label: 'Qwen Code saved chats (~/.qwen/tmp/*/chats)', vendor: 'alibaba', conversations: true },
  // Augment's CLI (auggie) and SDK keep the login's access token and tenant URL in ~/.augment/session.json (review 102).
  { pattern: /(?:^|\/)\.augment\/session\.json$/, label: 'Augment Code credentials (~/.augment/session.json)', vendor: 'augment', assistant: true },
  // GitHub Copilot CLI 0.1.36 keeps its GitHub and Copilot tokens in the home folder.
  { pattern: /(?:^|\/)\.copilot-cli-(?:access|copilot)-token$/, label: 'GitHub Copilot CLI tokens (~/.copilot-cli-*-token)', vendor: 'microsoft', assistant: true },
  // Keychains and secret services, as commands or their arguments.
  { pattern: /\b(?:find-generic-password|find-internet-password|dump-keychain)\b/, label: 'macOS keychain (security find-*-password)', command: true },
  { pattern: /\bsecret-tool\s+(?:lookup|search)\b/, label: 'libsecret (secret-tool lookup)', command: true },
  { pattern: /\bcmdkey\s+\/list\b|\bCredRead[AW]?\b|\bCredEnumerate[AW]?\b/, label: 'Windows Credential Manager', command: true },
  // CLIs that print a live token of the user's login (happy-coder runs gcloud's to call Gemini as
  // the user). Only a command line that starts with the CLI: a sentence telling the user to run it is help text.
  // A command line ends there or goes on with options, a shell operator, a quoted or computed
  // argument or an account: `gcloud auth print-access-token tokens` is a label in help data.
  { pattern: /^(?:\S*\/)?gcloud\s+auth\s+(?:application-default\s+)?print-(?:access|identity)-token(?=\s*$|\s+(?:[-|>&;$"'*`(<]|\S+@))/, label: 'Google Cloud access token (gcloud auth print-access-token)', vendor: 'google', command: true },
  { pattern: /^(?:\S*\/)?gh\s+auth\s+token(?=\s*$|\s+(?:[-|>&;$"'*`(<]|\S+@))/, label: 'GitHub CLI token (gh auth token)', vendor: 'microsoft', command: true, issuers: ['github.com'] },
  // Secrets managers and git's credential helpers, asked for what they hold.
  { pattern: /^(?:\S*\/)?doppler\s+secrets(?:\s+(?:download|get)\b|(?=\s*$|\s+-))/, label: 'Doppler secrets (doppler secrets)', command: true },
  { pattern: /^(?:\S*\/)?git\s+credential\s+fill\b|^(?:\S*\/)?git-credential-\w+\s+get\b/, label: 'git credential helper (git credential fill)', command: true },
  { pattern: /^(?:\S*\/)?op\s+(?:read|item\s+get)\b/, label: '1Password CLI (op read)', command: true },
  { pattern: /^(?:\S*\/)?az\s+account\s+get-access-token(?=\s*$|\s+(?:[-|>&;$"'*`(<]|\S+@))/, label: 'Azure CLI access token (az account get-access-token)', vendor: 'microsoft', command: true },
  { pattern: /^(?:\S*\/)?aws\s+(?:configure\s+(?:get\s+aws_(?:secret_access_key|session_token)|export-credentials)|sts\s+get-session-token)(?=\s*$|\s+(?:[-|>&;$"'*`(<]|\S+@))/, label: 'AWS credentials (aws configure get / export-credentials)', vendor: 'amazon', command: true },
];

/** Keytar-style secret store calls, by method name. */
export const SECRET_STORE_METHODS = new Set(['getPassword', 'findPassword', 'findCredentials']);
