// Gemini CLI and Qwen Code (a fork of it): settings.json at system-defaults, user, project and
// system-override scope, the `.env` files they load, trustedFolders.json, context files
// (GEMINI.md, QWEN.md) and the OAuth credentials file. Gemini CLI also reads policy rules
// (`policies/*.toml`). The two differ in folder names, the variables that move them, mode
// names and a few keys; what they share is read once here.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readEnvBlock, readMcpServerMap } from './common';
import { isBroadRule } from './claude';
import { at, bool, child, entry, joinKey, strings, text, type ConfigNode } from './tree';

interface Family {
  assistant: string;
  product: string;
  /** The user folder (`~/.gemini`), after the variables that move it. */
  userDir(s: ConfigSources): string;
  /** The home whose `.env` is the last fallback. */
  envHome(s: ConfigSources): string;
  /** Per platform: linux, darwin, win32. */
  systemDirs: Record<'linux' | 'darwin' | 'win32', string>;
  systemSettingsVar: string;
  systemDefaultsVar: string;
  /** The project folder name (`.gemini`). */
  dotDir: string;
  contextFiles: readonly string[];
  trustedFolders(s: ConfigSources): string;
  /** Gemini CLI's policy engine reads `policies/*.toml` (user and system; project policies are disabled). */
  policies: boolean;
}

function systemDir(f: Family, s: ConfigSources): string {
  return s.platform === 'darwin' || s.platform === 'win32' ? f.systemDirs[s.platform] : f.systemDirs.linux;
}

function readerFor(f: Family): ConfigReader {
  return {
    assistant: f.assistant,
    product: f.product,
    candidates(s) {
      const user = f.userDir(s);
      const systemSettings = s.env[f.systemSettingsVar] || path.join(systemDir(f, s), 'settings.json');
      const c: ConfigCandidate[] = [
        { path: s.env[f.systemDefaultsVar] || path.join(path.dirname(systemSettings), 'system-defaults.json'), scope: 'managed', format: 'jsonc', role: `${f.product} system defaults` },
        { path: systemSettings, scope: 'managed', format: 'jsonc', role: `${f.product} system settings` },
        { path: path.join(user, 'settings.json'), scope: 'user', format: 'jsonc', role: `${f.product} user settings` },
        { path: path.join(user, '.env'), scope: 'user', format: 'dotenv', role: `${f.product} user environment file` },
        { path: path.join(f.envHome(s), '.env'), scope: 'user', format: 'dotenv', role: `home .env loaded by ${f.product}` },
        { path: f.trustedFolders(s), scope: 'user', format: 'json', role: `${f.product} trusted folders` },
        ...f.contextFiles.slice(0, 1).map((name): ConfigCandidate => ({ path: path.join(user, name), scope: 'user', format: 'text', role: `${f.product} user context file`, kind: 'instructions' })),
        { path: path.join(user, 'oauth_creds.json'), scope: 'user', format: 'json', role: `${f.product} OAuth credentials`, kind: 'credentials' },
      ];
      if (f.policies) {
        c.push(
          { path: path.join(systemDir(f, s), 'policies'), inFolder: '.toml', scope: 'managed', format: 'toml', role: `${f.product} admin policy` },
          { path: path.join(user, 'policies'), inFolder: '.toml', scope: 'user', format: 'toml', role: `${f.product} user policy` },
        );
      }
      if (s.workspace) {
        const w = s.workspace;
        c.push(
          { path: path.join(w, f.dotDir, 'settings.json'), scope: 'project', format: 'jsonc', role: `${f.product} project settings` },
          // Each folder's `<dotDir>/.env` is preferred to its plain `.env`; both arrive with a clone.
          { path: path.join(w, f.dotDir, '.env'), scope: 'project', format: 'dotenv', role: `${f.product} project environment file` },
          { path: path.join(w, '.env'), scope: 'project', format: 'dotenv', role: `project .env loaded by ${f.product}` },
          ...f.contextFiles.map((name): ConfigCandidate => ({ path: path.join(w, name), scope: 'project', format: 'text', role: `${f.product} project context file`, kind: 'instructions' })),
        );
      }
      return c;
    },
    read(doc, out) {
      const root = doc.root;
      if (root?.type !== 'object') return;
      if (doc.format === 'dotenv') return readEnvBlock(doc, out, root, '');
      if (doc.format === 'toml') return readPolicy(doc, out, root);
      if (path.basename(doc.path) === 'trustedFolders.json') return readTrustedFolders(doc, out, root);
      readSettings(doc, out, root);
    },
  };
}

export const geminiCli: ConfigReader = readerFor({
  assistant: 'gemini-cli',
  product: 'Gemini CLI',
  // GEMINI_CLI_HOME stands in for the home folder: `.gemini` and `~/.env` are looked up under it.
  userDir: s => path.join(s.env.GEMINI_CLI_HOME || s.home, '.gemini'),
  envHome: s => s.env.GEMINI_CLI_HOME || s.home,
  systemDirs: { linux: '/etc/gemini-cli', darwin: '/Library/Application Support/GeminiCli', win32: 'C:\\ProgramData\\gemini-cli' },
  systemSettingsVar: 'GEMINI_CLI_SYSTEM_SETTINGS_PATH',
  systemDefaultsVar: 'GEMINI_CLI_SYSTEM_DEFAULTS_PATH',
  dotDir: '.gemini',
  contextFiles: ['GEMINI.md'],
  trustedFolders: s => s.env.GEMINI_CLI_TRUSTED_FOLDERS_PATH || path.join(s.env.GEMINI_CLI_HOME || s.home, '.gemini', 'trustedFolders.json'),
  policies: true,
});

export const qwenCode: ConfigReader = readerFor({
  assistant: 'qwen-code',
  product: 'Qwen Code',
  // QWEN_HOME replaces the `~/.qwen` folder itself (settings, OAuth tokens, .env).
  userDir: s => s.env.QWEN_HOME || path.join(s.home, '.qwen'),
  envHome: s => s.home,
  systemDirs: { linux: '/etc/qwen-code', darwin: '/Library/Application Support/QwenCode', win32: 'C:\\ProgramData\\qwen-code' },
  systemSettingsVar: 'QWEN_CODE_SYSTEM_SETTINGS_PATH',
  systemDefaultsVar: 'QWEN_CODE_SYSTEM_DEFAULTS_PATH',
  dotDir: '.qwen',
  // Qwen Code reads QWEN.md, and AGENTS.md in the project as well.
  contextFiles: ['QWEN.md', 'AGENTS.md'],
  trustedFolders: s => path.join(s.env.QWEN_HOME || path.join(s.home, '.qwen'), 'trustedFolders.json'),
  policies: false,
});

/**
 * Approval modes: `yolo` approves every tool call; Qwen's `auto` lets a model, not the user,
 * approve them. `auto_edit`/`auto-edit` approves file edits only, `plan` is read-only.
 */
const BROAD_MODES = new Set(['yolo', 'auto']);

function readSettings(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  readEnvBlock(doc, out, child(root, 'env'), 'env');
  readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers', { bareUrl: 'sse' });

  // `general.defaultApprovalMode` is Gemini CLI's current key; `tools.approvalMode` is the one it
  // migrates from, and the one Qwen Code still uses.
  for (const [section, key] of [['general', 'defaultApprovalMode'], ['tools', 'approvalMode']]) {
    const e = entry(child(root, section), key);
    const mode = text(e?.node);
    if (e && mode) out.permission(doc, 'mode', `${section}.${key}: ${mode}`, BROAD_MODES.has(mode), joinKey(section, key), e);
  }

  // Tool names that skip the confirmation dialog: `tools.allowed` (Gemini CLI; Qwen Code's old
  // key), `permissions.allow` (Qwen Code). `run_shell_command` alone allows any command.
  for (const [section, key] of [['tools', 'allowed'], ['permissions', 'allow']]) {
    (child(child(root, section), key)?.items ?? []).forEach((item, i) => {
      const rule = text(item);
      if (rule !== undefined) out.permission(doc, 'allow', rule, isBroadPrefixRule(rule), `${joinKey(section, key)}[${i}]`, item);
    });
  }

  // With folder trust off, every folder's settings, .env and hooks load as if trusted.
  const trust = entry(at(root, 'security', 'folderTrust'), 'enabled');
  if (trust && bool(trust.node) === false) out.permission(doc, 'trust', 'security.folderTrust.enabled: false', true, 'security.folderTrust.enabled', trust);

  const otlp = entry(child(root, 'telemetry'), 'otlpEndpoint');
  if (otlp && text(otlp.node)) out.endpoint(doc, 'telemetry', 'telemetry.otlpEndpoint', text(otlp.node)!, 'telemetry.otlpEndpoint', otlp);
  // `gcp` exports to Google Cloud; `local` writes a file, so only `gcp` is a destination.
  const target = entry(child(root, 'telemetry'), 'target');
  if (target && text(target.node) === 'gcp') out.endpoint(doc, 'telemetry', 'telemetry.target', 'gcp', 'telemetry.target', target);

  // Qwen Code keeps `proxy` at the top level.
  const proxy = entry(root, 'proxy');
  if (proxy && text(proxy.node)) out.endpoint(doc, 'proxy', 'proxy', text(proxy.node)!, 'proxy', proxy);

  // Qwen Code: `modelProviders: { openai: [ { id, baseUrl, envKey } ] }`, and the picker's `model.baseUrl`.
  for (const type of child(root, 'modelProviders')?.entries ?? []) {
    (type.node.items ?? []).forEach((p, i) => {
      const base = entry(p, 'baseUrl');
      const key = `${joinKey('modelProviders', type.key)}[${i}].baseUrl`;
      if (base && text(base.node)) out.endpoint(doc, 'base-url', key, text(base.node)!, key, base);
    });
  }
  const modelBase = entry(child(root, 'model'), 'baseUrl');
  if (modelBase && text(modelBase.node)) out.endpoint(doc, 'base-url', 'model.baseUrl', text(modelBase.node)!, 'model.baseUrl', modelBase);

  // hooks: { Event: [ { matcher, hooks: [ { type: "command", command } ] } ] }
  for (const event of child(root, 'hooks')?.entries ?? []) {
    (event.node.items ?? []).forEach((group, g) => {
      (child(group, 'hooks')?.items ?? []).forEach((h, i) => {
        const command = text(child(h, 'command'));
        if (command) out.hook(doc, event.key, 'command', command, `${joinKey('hooks', event.key)}[${g}].hooks[${i}]`, h);
      });
    });
  }

  // Commands the CLI itself runs to discover and call tools or start an MCP server; the
  // top-level spellings are the settings format before categories.
  for (const [keys, name] of [[['tools', 'discoveryCommand'], 'tools.discoveryCommand'], [['tools', 'callCommand'], 'tools.callCommand'], [['mcp', 'serverCommand'], 'mcp.serverCommand'], [['toolDiscoveryCommand'], 'toolDiscoveryCommand'], [['toolCallCommand'], 'toolCallCommand']] as const) {
    const e = keys.length === 2 ? entry(child(root, keys[0]), keys[1]) : entry(root, keys[0]);
    const run = text(e?.node);
    if (e && run) out.hook(doc, name, 'command', run, name, e);
  }
}

/** `{ "/path": "TRUST_FOLDER" | "TRUST_PARENT" | "DO_NOT_TRUST" }`. */
function readTrustedFolders(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  for (const e of root.entries ?? []) {
    const level = text(e.node);
    if (level === 'TRUST_FOLDER' || level === 'TRUST_PARENT') out.permission(doc, 'trust', `${e.key}: ${level}`, false, joinKey('', e.key), e);
  }
}

const SHELL_TOOL = 'run_shell_command';

/**
 * These CLIs match a shell rule's command as a prefix (`run_shell_command(git)` allows every git
 * command), so the rule is judged as the prefix rule it is.
 */
function isBroadPrefixRule(rule: string): boolean {
  const m = /^\s*(run_shell_command|ShellTool|Shell|Bash)\s*\((.*)\)\s*$/i.exec(rule);
  const spec = m?.[2].trim() ?? '';
  return isBroadRule(m && spec && !spec.endsWith('*') ? `${m[1]}(${spec}:*)` : rule);
}

/**
 * `[[rule]] toolName, commandPrefix | commandRegex | argsPattern, mcpName, decision`: an `allow`
 * rule runs matching calls without asking. `*` and `mcp_*` match every tool; the shell tool
 * with no command condition, or with an interpreter as prefix, runs any command.
 */
function readPolicy(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  (child(root, 'rule')?.items ?? []).forEach((rule, i) => {
    if (text(child(rule, 'decision')) !== 'allow') return;
    const toolNode = child(rule, 'toolName');
    const tools = toolNode?.type === 'array' ? strings(toolNode) : [text(toolNode) ?? ''];
    const prefixNode = child(rule, 'commandPrefix');
    const prefixes = prefixNode?.type === 'array' ? strings(prefixNode) : text(prefixNode) !== undefined ? [text(prefixNode)!] : [];
    const regex = text(child(rule, 'commandRegex'));
    const argsPattern = text(child(rule, 'argsPattern'));
    const mcp = text(child(rule, 'mcpName'));
    const shell = prefixes.length > 0 || regex !== undefined || tools.includes(SHELL_TOOL);
    let value: string;
    let broad: boolean;
    if (prefixes.length) {
      value = prefixes.map(p => `${SHELL_TOOL}(${p})`).join(', ');
      broad = prefixes.some(p => isBroadPrefixRule(`${SHELL_TOOL}(${p})`));
    } else if (regex !== undefined) {
      value = `${SHELL_TOOL} matching /${regex}/`;
      broad = /^(?:\.\*|\.\+|)$/.test(regex);
    } else {
      value = [mcp ? `mcp server ${mcp}` : '', ...tools.filter(Boolean)].filter(Boolean).join(' ') || '(no tool named)';
      broad = tools.some(t => t === '*' || t === 'mcp_*') || (shell && argsPattern === undefined);
    }
    if (argsPattern !== undefined && !prefixes.length && regex === undefined) value += ` with arguments /${argsPattern}/`;
    out.permission(doc, 'allow', value, broad, `rule[${i}]`, rule);
  });
}
