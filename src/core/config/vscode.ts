// VS Code and its forks: the user data folder's settings.json and mcp.json, and the workspace's
// .vscode/settings.json and .vscode/mcp.json. The settings reader here is shared by every fork
// (Cursor, Windsurf, Kiro keep the same settings.json), so fork keys that live in that file
// (`kiroAgent.trustedCommands`, `windsurf.cascadeCommandsAllowList`) are read here too: a
// workspace's .vscode/settings.json is read once, by the VS Code reader, whichever fork opens it.
// Copilot keys stay with the editor whose settings.json holds them: the file, not the extension,
// is what the finding points at, and the proxy settings apply to every extension alike.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readMcpServerMap } from './common';
import { isBroadRule } from './claude';
import { bool, child, entry, joinKey, text, type ConfigEntry, type ConfigNode } from './tree';

/** `path` for the target platform, so a Windows home is joined with backslashes. */
export function pathFor(s: ConfigSources): path.PlatformPath {
  return s.platform === 'win32' ? path.win32 : path.posix;
}

/**
 * The editor's `User` folder, as VS Code's userDataPath.ts finds it: VSCODE_PORTABLE (portable
 * builds only), then VSCODE_APPDATA, then %APPDATA% / ~/Library/Application Support /
 * $XDG_CONFIG_HOME (default ~/.config). Forks share that code with their own folder name.
 */
export function editorUserDir(s: ConfigSources, folder: string, options: { portable?: boolean } = {}): string {
  const p = pathFor(s);
  const portable = options.portable ? s.env.VSCODE_PORTABLE : undefined;
  if (portable && p.isAbsolute(portable)) return p.join(portable, 'user-data', 'User');
  const appData = s.env.VSCODE_APPDATA && p.isAbsolute(s.env.VSCODE_APPDATA) ? s.env.VSCODE_APPDATA : platformAppData(s);
  return p.join(appData, folder, 'User');
}

function platformAppData(s: ConfigSources): string {
  const p = pathFor(s);
  if (s.platform === 'win32') return s.env.APPDATA || p.join(s.env.USERPROFILE || s.home, 'AppData', 'Roaming');
  if (s.platform === 'darwin') return p.join(s.home, 'Library', 'Application Support');
  const xdg = s.env.XDG_CONFIG_HOME;
  return xdg && p.isAbsolute(xdg) ? xdg : p.join(s.home, '.config');
}

/** Reads an editor's settings.json (user or workspace): proxy, TLS, Copilot endpoints, approvals, trust. */
export function readEditorSettings(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  const proxy = entry(root, 'http.proxy');
  const proxyUrl = text(proxy?.node);
  if (proxy && proxyUrl) out.endpoint(doc, 'proxy', 'http.proxy', proxyUrl, 'http.proxy', proxy);
  // proxyStrictSSL false accepts any certificate from the proxy or server: TLS checks off.
  const strict = entry(root, 'http.proxyStrictSSL');
  if (strict && bool(strict.node) === false) out.endpoint(doc, 'tls-verify', 'http.proxyStrictSSL', 'false', 'http.proxyStrictSSL', strict);

  readCopilotEndpoints(doc, out, root);
  readApprovals(doc, out, root);
  readTrust(doc, out, root);

  // Before mcp.json, MCP servers lived in settings.json under `mcp.servers` (and VS Code still reads it).
  const mcp = child(root, 'mcp');
  if (mcp) readMcpServerMap(doc, out, child(mcp, 'servers'), 'mcp.servers');
}

/**
 * Copilot's endpoint overrides: `github.copilot.advanced: { "debug.overrideProxyUrl": … }` (or the
 * flat `github.copilot.advanced.debug.overrideCapiUrl` form), and any other `github.copilot.*`
 * setting named …Url/…Endpoint holding a URL (BYOK endpoints): each sends requests elsewhere.
 */
function readCopilotEndpoints(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  const visit = (e: ConfigEntry, key: string) => {
    if (e.node.type === 'object') {
      // Written as the dotted setting name it stands for, as the Settings editor shows it.
      for (const c of e.node.entries ?? []) visit(c, `${key}.${c.key}`);
      return;
    }
    const value = text(e.node);
    const last = e.key.split('.').pop() ?? '';
    if (value && /^https?:\/\//i.test(value) && /(?:url|uri|endpoint)$/i.test(last)) out.endpoint(doc, 'base-url', key, value, key, e);
  };
  for (const e of root.entries ?? []) if (e.key.startsWith('github.copilot.')) visit(e, e.key);
}

/** Chat tool approvals: the global switch, terminal command rules, and forks' command allow lists. */
function readApprovals(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  // `chat.tools.autoApprove` was renamed `chat.tools.global.autoApprove` (microsoft/vscode#264223).
  for (const key of ['chat.tools.global.autoApprove', 'chat.tools.autoApprove']) {
    const e = entry(root, key);
    if (e && bool(e.node) === true) out.permission(doc, 'mode', `${key}: true`, true, key, e);
  }

  // { "git status": true, "/^npm (test|run)\\b/": true, "rm": false }: a key is a command prefix
  // or a /regex/; true (or { approve: true }) runs matching commands without asking.
  const terminal = entry(root, 'chat.tools.terminal.autoApprove');
  for (const rule of terminal?.node.entries ?? []) {
    const approve = bool(rule.node) ?? bool(child(rule.node, 'approve'));
    if (approve !== true) continue;
    out.permission(doc, 'allow', `chat.tools.terminal.autoApprove: ${rule.key}`, isBroadTerminalRule(rule.key), joinKey('chat.tools.terminal.autoApprove', rule.key), rule);
  }

  // Kiro: an entry is an exact command unless it ends in `*` ("npm test *"); ["*"] trusts every command.
  readCommandList(doc, out, root, 'kiroAgent.trustedCommands', command => isBroadRule(`Bash(${command})`));
  // Windsurf: Cascade runs commands starting with an allow-list entry ("git" allows "git add -A").
  readCommandList(doc, out, root, 'windsurf.cascadeCommandsAllowList', isBroadCommandPrefix);
}

function readCommandList(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode, key: string, isBroad: (entry: string) => boolean): void {
  (child(root, key)?.items ?? []).forEach((item, i) => {
    const command = text(item);
    if (command !== undefined) out.permission(doc, 'allow', `${key}: ${command}`, isBroad(command), `${key}[${i}]`, item);
  });
}

/** Settings that run what a workspace brings, or start MCP servers, without asking. */
function readTrust(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  // Workspace trust off: every folder opens trusted (tasks, debug configs, workspace extensions
  // settings all active). Reported as a mode: config-mcp-autotrust words every broad `trust` as
  // "starts every MCP server", which this is not.
  const wsTrust = entry(root, 'security.workspace.trust.enabled');
  if (wsTrust && bool(wsTrust.node) === false) out.permission(doc, 'mode', 'security.workspace.trust.enabled: false', true, 'security.workspace.trust.enabled', wsTrust);
  // "on": a repository's `runOn: folderOpen` tasks run when the folder opens, without the prompt.
  const tasks = entry(root, 'task.allowAutomaticTasks');
  if (tasks && text(tasks.node) === 'on') out.permission(doc, 'mode', 'task.allowAutomaticTasks: on', true, 'task.allowAutomaticTasks', tasks);

  // Starting configured servers on a chat message is not approving their tools: narrow.
  const autostart = entry(root, 'chat.mcp.autostart');
  const start = text(autostart?.node);
  if (autostart && start && start !== 'never') out.permission(doc, 'trust', `chat.mcp.autostart: ${start}`, false, 'chat.mcp.autostart', autostart);
  // Discovery imports other apps' MCP servers (Claude Desktop, Cursor…): true, or per app.
  const discovery = entry(root, 'chat.mcp.discovery.enabled');
  if (discovery && bool(discovery.node) === true) out.permission(doc, 'trust', 'chat.mcp.discovery.enabled: true', false, 'chat.mcp.discovery.enabled', discovery);
  for (const app of discovery?.node.entries ?? []) {
    if (bool(app.node) === true) out.permission(doc, 'trust', `chat.mcp.discovery.enabled: ${app.key}`, false, joinKey('chat.mcp.discovery.enabled', app.key), app);
  }
}

/** A regex that matches any command line (`/.*\/`, `/^.+$/`, `/(?:)/`). */
const MATCH_ALL = /^\/\^?(?:\.[*+]|\(\?:\)|)\$?\/[a-z]*$/i;

/** `/.*\/` or a program that runs anything (`python`, `bash`, `git`) approves any command; `git status` does not. */
export function isBroadTerminalRule(rule: string): boolean {
  const r = rule.trim();
  if (MATCH_ALL.test(r)) return true;
  if (r.startsWith('/')) return false;
  return isBroadCommandPrefix(r);
}

/** A command prefix judged as Claude's `Bash(prefix:*)`: empty, `*`, or a program that runs anything is broad. */
export function isBroadCommandPrefix(prefix: string): boolean {
  const p = prefix.trim().replace(/\s*\*$/, '');
  if (p === '' || p === '*') return true;
  return isBroadRule(`Bash(${p}:*)`);
}

/** `.vscode/mcp.json` and the user mcp.json: `servers` (same shape as `mcpServers`), and `inputs` (prompts; no values). */
export function readVsCodeMcp(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  readMcpServerMap(doc, out, child(root, 'servers'), 'servers');
}

interface EditorSpec {
  assistant: string;
  product: string;
  /** The user data folder's name: `Code`, `Code - Insiders`, `VSCodium`. */
  folder: string;
  vendors: readonly string[];
  /** VS Code reads VSCODE_PORTABLE; the discovery of extensions honours it for VS Code only. */
  portable?: boolean;
  /** Reads the workspace's .vscode folder (one reader only, so it is not counted twice). */
  workspace?: boolean;
}

function vsCodeFamily(spec: EditorSpec): ConfigReader {
  return {
    assistant: spec.assistant,
    product: spec.product,
    vendors: spec.vendors,
    candidates(s) {
      const p = pathFor(s);
      const user = editorUserDir(s, spec.folder, { portable: spec.portable });
      const c: ConfigCandidate[] = [
        { path: p.join(user, 'settings.json'), scope: 'user', format: 'jsonc', role: `${spec.product} user settings` },
        { path: p.join(user, 'mcp.json'), scope: 'user', format: 'jsonc', role: `${spec.product} user MCP servers` },
      ];
      if (spec.workspace && s.workspace) {
        c.push(
          { path: p.join(s.workspace, '.vscode', 'settings.json'), scope: 'project', format: 'jsonc', role: 'VS Code workspace settings' },
          { path: p.join(s.workspace, '.vscode', 'mcp.json'), scope: 'project', format: 'jsonc', role: 'VS Code workspace MCP servers' },
          { path: p.join(s.workspace, '.github', 'copilot-instructions.md'), scope: 'project', format: 'text', role: 'Copilot repository instructions', kind: 'instructions' },
          { path: p.join(s.workspace, '.github', 'instructions'), inFolder: '.instructions.md', scope: 'project', format: 'text', role: 'Copilot path instructions', kind: 'instructions' },
        );
      }
      return c;
    },
    read(doc, out) {
      const root = doc.root;
      if (root?.type !== 'object') return;
      if (path.basename(doc.path) === 'mcp.json') return readVsCodeMcp(doc, out, root);
      readEditorSettings(doc, out, root);
    },
  };
}

export const vscode = vsCodeFamily({ assistant: 'vscode', product: 'VS Code', folder: 'Code', vendors: ['microsoft'], portable: true, workspace: true });
export const vscodeInsiders = vsCodeFamily({ assistant: 'vscode-insiders', product: 'VS Code Insiders', folder: 'Code - Insiders', vendors: ['microsoft'] });
export const vscodium = vsCodeFamily({ assistant: 'vscodium', product: 'VSCodium', folder: 'VSCodium', vendors: [] });
