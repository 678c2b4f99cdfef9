// Cursor: its VS Code-style user settings.json, MCP servers in ~/.cursor/mcp.json and the
// repository's .cursor/mcp.json, the agent's auto-run allowlists in permissions.json, the Cursor
// CLI's cli-config.json (user) and .cursor/cli.json (project) permissions, and rules
// (.cursor/rules/*.mdc, the older .cursorrules) as instructions.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readMcpServerMap } from './common';
import { isBroadRule } from './claude';
import { editorUserDir, isBroadCommandPrefix, pathFor, readEditorSettings } from './vscode';
import { child, entry, text, type ConfigNode } from './tree';

/** The CLI keeps cli-config.json in ~/.cursor, or in $XDG_CONFIG_HOME/cursor when that is set (Linux/BSD). */
function cliConfigDir(s: ConfigSources): string {
  const p = pathFor(s);
  const xdg = s.env.XDG_CONFIG_HOME;
  if (s.platform !== 'win32' && s.platform !== 'darwin' && xdg && p.isAbsolute(xdg)) return p.join(xdg, 'cursor');
  return p.join(s.home, '.cursor');
}

export const cursor: ConfigReader = {
  assistant: 'cursor',
  product: 'Cursor',
  vendors: ['anysphere'],
  candidates(s) {
    const p = pathFor(s);
    const user = editorUserDir(s, 'Cursor');
    const dot = p.join(s.home, '.cursor');
    const c: ConfigCandidate[] = [
      { path: p.join(user, 'settings.json'), scope: 'user', format: 'jsonc', role: 'Cursor user settings' },
      { path: p.join(dot, 'mcp.json'), scope: 'user', format: 'jsonc', role: 'Cursor user MCP servers' },
      { path: p.join(dot, 'permissions.json'), scope: 'user', format: 'jsonc', role: 'Cursor auto-run allowlists' },
      { path: p.join(cliConfigDir(s), 'cli-config.json'), scope: 'user', format: 'json', role: 'Cursor CLI configuration' },
    ];
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: p.join(w, '.cursor', 'mcp.json'), scope: 'project', format: 'jsonc', role: 'Cursor project MCP servers' },
        { path: p.join(w, '.cursor', 'permissions.json'), scope: 'project', format: 'jsonc', role: 'Cursor project auto-run allowlists' },
        { path: p.join(w, '.cursor', 'cli.json'), scope: 'project', format: 'json', role: 'Cursor CLI project permissions' },
        { path: p.join(w, '.cursor', 'rules'), inFolder: '.mdc', scope: 'project', format: 'text', role: 'Cursor project rule', kind: 'instructions' },
        { path: p.join(w, '.cursorrules'), scope: 'project', format: 'text', role: 'Cursor project rules (legacy)', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    const name = path.basename(doc.path);
    if (name === 'mcp.json') return readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
    if (name === 'permissions.json') return readAllowlists(doc, out, root);
    if (name === 'cli-config.json' || name === 'cli.json') return readCliPermissions(doc, out, root);
    readEditorSettings(doc, out, root);
  },
};

/** permissions.json: `terminalAllowlist` holds command prefixes, `mcpAllowlist` `server:tool` patterns. */
function readAllowlists(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  (child(root, 'terminalAllowlist')?.items ?? []).forEach((item, i) => {
    const prefix = text(item);
    if (prefix !== undefined) out.permission(doc, 'allow', `terminalAllowlist: ${prefix}`, isBroadCommandPrefix(prefix), `terminalAllowlist[${i}]`, item);
  });
  (child(root, 'mcpAllowlist')?.items ?? []).forEach((item, i) => {
    const pattern = text(item);
    if (pattern !== undefined) out.permission(doc, 'allow', `mcpAllowlist: ${pattern}`, isAnyMcpTool(pattern), `mcpAllowlist[${i}]`, item);
  });
}

/** `*:*` or `*` allows every tool of every server; `github:*` is one server's tools. */
function isAnyMcpTool(pattern: string): boolean {
  const server = pattern.split(':')[0].trim();
  return server === '*' || server === '**' || server === '';
}

/**
 * cli-config.json / .cursor/cli.json: `permissions.allow` tokens (`Shell(git)`, `Read(src/**)`,
 * `Mcp(server:tool)`), and `approvalMode: "unrestricted"`, which the CLI shows as "Run Everything".
 */
function readCliPermissions(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  const mode = entry(root, 'approvalMode');
  const value = text(mode?.node);
  if (mode && value) out.permission(doc, 'mode', `approvalMode: ${value}`, value === 'unrestricted', 'approvalMode', mode);
  (child(child(root, 'permissions'), 'allow')?.items ?? []).forEach((item, i) => {
    const token = text(item);
    if (token !== undefined) out.permission(doc, 'allow', token, isBroadCursorToken(token), `permissions.allow[${i}]`, item);
  });
}

/**
 * `Shell(*)`, `Shell(**)`, `Shell(python)`, `Mcp(*)`, `Mcp(*:*)`: a whole class; `Shell(ls)`,
 * `Read(**)`, `Mcp(github:*)`: narrow. `Shell(x)` names a command base, so it allows `x` with any
 * arguments: judged as the prefix rule `Shell(x:*)`.
 */
export function isBroadCursorToken(token: string): boolean {
  const mcp = /^\s*Mcp\s*\((.*)\)\s*$/i.exec(token);
  if (mcp) return isAnyMcpTool(mcp[1].replace(/,/g, ':'));
  const shell = /^\s*Shell\s*\(([^:]*)\)\s*$/i.exec(token);
  if (shell) return isBroadCommandPrefix(shell[1]);
  return isBroadRule(token);
}
