// What an assistant's own configuration on this machine says it will do: where it sends
// requests, which MCP servers it starts, which commands run without asking, where its keys lie.
// Read from settings files by the readers in core/config; plain data, every value with the
// place in its file. Secret values never enter these records: only their redacted form.

/** Who put the setting there: the user's home, the repository (arrives with a clone), its
 * git-ignored local file, or an administrator's managed file. */
export type ConfigScope = 'user' | 'project' | 'local' | 'managed';

export type ConfigFormat = 'json' | 'jsonc' | 'toml' | 'yaml' | 'dotenv' | 'text';

/** A value's place: the key in the file, 1-based line and UTF-16 column, end exclusive. */
export interface ConfigPlace {
  /** Relative to the configuration target's root. */
  file: string;
  /** Dotted key path as written (`mcpServers.github.command`, `permissions.allow[2]`). */
  key: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface ConfigFileInfo {
  file: string;
  scope: ConfigScope;
  format: ConfigFormat;
  size: number;
  /** What the file is for: "Claude Code user settings". */
  role: string;
  /** Unix permission bits (`0o644`); absent on Windows. */
  mode?: number;
  /** The file lies inside a git work tree and no ignore rule covers it (so `git add .` takes it). */
  inGitWorkTree?: boolean;
}

export type EndpointKind = 'base-url' | 'proxy' | 'telemetry' | 'ca-file' | 'tls-verify';

export interface ConfigEndpoint {
  kind: EndpointKind;
  /** The URL or setting as written, secrets redacted. */
  value: string;
  /** What sets it: the env variable or setting name. */
  name: string;
  scope: ConfigScope;
  at: ConfigPlace;
}

export interface McpServer {
  name: string;
  scope: ConfigScope;
  transport: 'stdio' | 'http' | 'sse' | 'unknown';
  command?: string;
  args?: string[];
  url?: string;
  /** npm/PyPI package the command starts, and whether a version is pinned. */
  package?: string;
  pinned?: boolean;
  envKeys: string[];
  /** Every tool call runs without asking (`trust: true`, `autoApprove: ["*"]`). */
  autoTrusted?: boolean;
  /** These tools run without asking (`autoApprove: ["read_file"]`). */
  autoApprovedTools?: string[];
  description?: string;
  /** sha256 of the definition (secrets included, so a changed key changes it; the hash reveals nothing). */
  hash: string;
  at: ConfigPlace;
}

export interface ConfigHook {
  /** When it runs: `PreToolUse`, `statusLine`, `apiKeyHelper`, `notify`. */
  event: string;
  kind: 'command' | 'http';
  /** The command or URL, secrets redacted. */
  run: string;
  scope: ConfigScope;
  hash: string;
  at: ConfigPlace;
}

export type PermissionKind = 'mode' | 'allow' | 'trust';

export interface ConfigPermission {
  kind: PermissionKind;
  /** `bypassPermissions`, `Bash(*)`, `approval_policy = never`. */
  value: string;
  /** The reader's judgement: this turns off asking for a whole class of actions. */
  broad: boolean;
  scope: ConfigScope;
  at: ConfigPlace;
}

export interface ConfigSecret {
  /** The setting or variable that holds it. */
  name: string;
  /** `sk-ant-…` prefix, length and a short hash: never the value. */
  redacted: string;
  kind: string;
  scope: ConfigScope;
  at: ConfigPlace;
}

export interface CredentialFile {
  file: string;
  label: string;
  mode?: number;
  readableByOthers: boolean;
  /** Inside a git work tree and not ignored. */
  inGitWorkTree: boolean;
}

export interface InstructionFile {
  file: string;
  scope: ConfigScope;
  size: number;
}

/** One assistant family's configuration as found on this machine and in this workspace. */
export interface ConfigInventory {
  /** Catalog id of the assistant the files belong to. */
  assistant: string;
  files: ConfigFileInfo[];
  endpoints: ConfigEndpoint[];
  mcpServers: McpServer[];
  hooks: ConfigHook[];
  permissions: ConfigPermission[];
  secrets: ConfigSecret[];
  credentials: CredentialFile[];
  instructions: InstructionFile[];
}
