// opencode: opencode.json / opencode.jsonc at managed, user ($XDG_CONFIG_HOME/opencode, the
// OPENCODE_CONFIG file, OPENCODE_CONFIG_DIR, ~/.opencode) and project scope (the workspace root
// and its .opencode folder), AGENTS.md rules, agent and command markdown, and the provider and
// MCP OAuth key stores under $XDG_DATA_HOME/opencode. opencode takes its folders from
// xdg-basedir on every platform, macOS and Windows included. Where there is no AGENTS.md it falls
// back to Claude Code's CLAUDE.md files; the Claude Code reader audits those, so they are not
// listed again here (the same hidden text would be reported twice).
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readEnvBlock } from './common';
import { isBroadRule } from './claude';
import { child, entry, joinKey, strings, text, type ConfigEntry, type ConfigNode } from './tree';

function configDir(s: ConfigSources): string {
  return path.join(s.env.XDG_CONFIG_HOME || path.join(s.home, '.config'), 'opencode');
}

function dataDir(s: ConfigSources): string {
  return path.join(s.env.XDG_DATA_HOME || path.join(s.home, '.local', 'share'), 'opencode');
}

function managedDir(s: ConfigSources): string {
  if (s.platform === 'darwin') return '/Library/Application Support/opencode';
  if (s.platform === 'win32') return `${s.env.ProgramData || 'C:\\ProgramData'}\\opencode`;
  return '/etc/opencode';
}

/** opencode's own reading of a flag variable: `true` or `1`. */
function flag(s: ConfigSources, name: string): boolean {
  const v = s.env[name]?.toLowerCase();
  return v === 'true' || v === '1';
}

function configFiles(dir: string, scope: ConfigCandidate['scope'], role: string): ConfigCandidate[] {
  return ['opencode.json', 'opencode.jsonc'].map(name => ({ path: path.join(dir, name), scope, format: 'jsonc' as const, role }));
}

/** Markdown agents and commands in a config folder; singular folder names are still read for older setups. */
function markdownFolders(dir: string, scope: ConfigCandidate['scope'], where: string): ConfigCandidate[] {
  return ['agents', 'agent', 'commands', 'command', 'modes', 'mode'].map(folder => ({
    path: path.join(dir, folder), inFolder: '.md', scope, format: 'text' as const, role: `opencode ${where} ${folder.replace(/s$/, '')}`, kind: 'instructions' as const,
  }));
}

export const opencode: ConfigReader = {
  assistant: 'opencode',
  product: 'opencode',
  candidates(s) {
    const cfg = configDir(s);
    const data = dataDir(s);
    const c: ConfigCandidate[] = [
      ...configFiles(managedDir(s), 'managed', 'opencode managed config'),
      // The global layer merges config.json (older name), opencode.json and opencode.jsonc, in that order.
      { path: path.join(cfg, 'config.json'), scope: 'user', format: 'jsonc', role: 'opencode user config (config.json)' },
      ...configFiles(cfg, 'user', 'opencode user config'),
      // A `.opencode` folder in the home directory is one of the config folders too.
      ...configFiles(path.join(s.home, '.opencode'), 'user', 'opencode home .opencode config'),
      { path: path.join(cfg, 'AGENTS.md'), scope: 'user', format: 'text', role: 'opencode user rules', kind: 'instructions' },
      ...markdownFolders(cfg, 'user', 'user'),
      { path: path.join(data, 'auth.json'), scope: 'user', format: 'json', role: 'opencode provider credentials', kind: 'credentials' },
      { path: path.join(data, 'mcp-auth.json'), scope: 'user', format: 'json', role: 'opencode MCP OAuth tokens', kind: 'credentials' },
    ];
    const custom = s.env.OPENCODE_CONFIG;
    if (custom) c.push({ path: path.isAbsolute(custom) ? custom : path.resolve(s.workspace ?? s.home, custom), scope: 'user', format: 'jsonc', role: 'opencode config (OPENCODE_CONFIG)' });
    const customDir = s.env.OPENCODE_CONFIG_DIR;
    if (customDir) {
      const dir = path.isAbsolute(customDir) ? customDir : path.resolve(s.workspace ?? s.home, customDir);
      c.push(...configFiles(dir, 'user', 'opencode config (OPENCODE_CONFIG_DIR)'), ...markdownFolders(dir, 'user', 'OPENCODE_CONFIG_DIR'));
    }
    if (s.workspace) {
      const w = s.workspace;
      // OPENCODE_DISABLE_PROJECT_CONFIG keeps the repository's own config files and .opencode folder out.
      if (!flag(s, 'OPENCODE_DISABLE_PROJECT_CONFIG')) {
        c.push(
          ...configFiles(w, 'project', 'opencode project config'),
          ...configFiles(path.join(w, '.opencode'), 'project', 'opencode project .opencode config'),
          ...markdownFolders(path.join(w, '.opencode'), 'project', 'project'),
        );
      }
      c.push({ path: path.join(w, 'AGENTS.md'), scope: 'project', format: 'text', role: 'opencode project rules', kind: 'instructions' });
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    readProviders(doc, out, root);
    readMcp(doc, out, root);
    readPermission(doc, out, entry(root, 'permission'), 'permission');
    // Agents (and the older `mode` entries) carry their own permission blocks, merged over the global one.
    for (const group of ['agent', 'mode']) {
      for (const a of child(root, group)?.entries ?? []) readPermission(doc, out, entry(a.node, 'permission'), joinKey(joinKey(group, a.key), 'permission'));
    }
    readCommands(doc, out, root);
    // `share: "auto"` uploads every new session to opencode's share service.
    const share = entry(root, 'share');
    if (share && text(share.node) === 'auto') out.endpoint(doc, 'telemetry', 'share', 'auto', 'share', share);
  },
};

function readProviders(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  for (const p of child(root, 'provider')?.entries ?? []) {
    const options = child(p.node, 'options');
    // Amazon Bedrock's `endpoint` is an alias of `baseURL` (and wins when both are set).
    for (const name of ['baseURL', 'endpoint']) {
      const e = entry(options, name);
      const url = text(e?.node);
      const key = joinKey(joinKey(joinKey('provider', p.key), 'options'), name);
      if (e && url) out.endpoint(doc, 'base-url', key, url, key, e);
    }
  }
}

/** `mcp.<name>`: `{ type: "local", command: [exe, ...args], environment }` or `{ type: "remote", url, headers }`. */
function readMcp(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  for (const e of child(root, 'mcp')?.entries ?? []) {
    const def = e.node;
    if (def.type !== 'object') continue;
    const key = joinKey('mcp', e.key);
    const type = text(child(def, 'type'));
    const commandNode = child(def, 'command');
    const words = commandNode?.type === 'array' ? strings(commandNode) : text(commandNode) !== undefined ? [text(commandNode)!] : [];
    const url = text(child(def, 'url'));
    const env = child(def, 'environment');
    out.mcpServer(doc, key, e, {
      name: e.key,
      // A remote server is tried as streamable HTTP first, then SSE.
      transport: type === 'local' || (!type && words.length) ? 'stdio' : type === 'remote' || url ? 'http' : 'unknown',
      command: words[0],
      args: words.slice(1),
      url,
      envKeys: (env?.entries ?? []).map(x => x.key),
      definition: def,
    });
    readEnvBlock(doc, out, env, joinKey(key, 'environment'));
  }
}

/**
 * `permission` is "allow" | "ask" | "deny" for everything, or per tool either such a word or a
 * map of patterns to words (last match wins). Only "allow" turns asking off. Broad: everything
 * (`"allow"`, `"*": "allow"`), any shell command (`bash: "allow"`, `bash: {"*": "allow"}`), or a
 * bash pattern whose program runs any code (`"python *"`, `"git *"`); edits, reads, fetches,
 * a narrower bash pattern are narrow.
 */
function readPermission(doc: ConfigDoc, out: InventoryBuilder, perm: ConfigEntry | undefined, key: string): void {
  if (!perm) return;
  if (text(perm.node) === 'allow') return out.permission(doc, 'allow', 'permission: allow', true, key, perm);
  for (const tool of perm.node.entries ?? []) {
    const toolKey = joinKey(key, tool.key);
    if (text(tool.node) === 'allow') out.permission(doc, 'allow', `${tool.key}: allow`, isBroadPermission(tool.key), toolKey, tool);
    for (const rule of tool.node.entries ?? []) {
      if (text(rule.node) === 'allow') out.permission(doc, 'allow', `${tool.key} ${rule.key}: allow`, isBroadPermission(tool.key, rule.key), joinKey(toolKey, rule.key), rule);
    }
  }
}

export function isBroadPermission(tool: string, pattern?: string): boolean {
  if (tool === '*') return pattern === undefined || /^\*+$/.test(pattern);
  if (tool !== 'bash') return false;
  // opencode's bash patterns are wildcards over the command line, as Claude Code's prefix rules are.
  return pattern === undefined || isBroadRule(`Bash(${pattern})`);
}

/**
 * Commands opencode starts on its own: npm plugins loaded into it at start, formatters run after
 * each edit, language servers started for matching files. A project file can set all three.
 */
function readCommands(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  (child(root, 'plugin')?.items ?? []).forEach((item, i) => {
    if (text(item)) out.hook(doc, 'plugin (loaded at start)', 'command', text(item)!, `plugin[${i}]`, item);
  });
  for (const group of ['formatter', 'lsp']) {
    const node = child(root, group);
    if (node?.type !== 'object') continue;
    for (const e of node.entries ?? []) {
      const words = strings(child(e.node, 'command'));
      if (words.length) out.hook(doc, group === 'formatter' ? 'formatter (after each edit)' : 'language server', 'command', words.join(' '), joinKey(group, e.key), e);
      readEnvBlock(doc, out, child(e.node, 'environment') ?? child(e.node, 'env'), joinKey(joinKey(group, e.key), child(e.node, 'environment') ? 'environment' : 'env'));
    }
  }
}
