// Claude Code: settings.json at user, project, local and managed scope, ~/.claude.json (user and
// per-project MCP servers), .mcp.json in the repository, CLAUDE.md instructions, and the
// credentials file. CLAUDE_CONFIG_DIR moves the user folder.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readEnvBlock, readMcpServerMap } from './common';
import { bool, child, entry, joinKey, text, type ConfigNode } from './tree';

function userDir(s: ConfigSources): string {
  return s.env.CLAUDE_CONFIG_DIR || path.join(s.home, '.claude');
}

function managedDir(s: ConfigSources): string {
  if (s.platform === 'darwin') return '/Library/Application Support/ClaudeCode';
  if (s.platform === 'win32') return 'C:\\Program Files\\ClaudeCode';
  return '/etc/claude-code';
}

export const claudeCode: ConfigReader = {
  assistant: 'claude-code',
  product: 'Claude Code',
  candidates(s) {
    const user = userDir(s);
    const c: ConfigCandidate[] = [
      { path: path.join(managedDir(s), 'managed-settings.json'), scope: 'managed', format: 'json', role: 'Claude Code managed settings' },
      { path: path.join(managedDir(s), 'managed-mcp.json'), scope: 'managed', format: 'json', role: 'Claude Code managed MCP servers' },
      { path: path.join(user, 'settings.json'), scope: 'user', format: 'json', role: 'Claude Code user settings' },
      { path: s.env.CLAUDE_CONFIG_DIR ? path.join(user, '.claude.json') : path.join(s.home, '.claude.json'), scope: 'user', format: 'json', role: 'Claude Code state and MCP servers' },
      { path: path.join(user, 'CLAUDE.md'), scope: 'user', format: 'text', role: 'Claude Code user instructions', kind: 'instructions' },
      { path: path.join(user, '.credentials.json'), scope: 'user', format: 'json', role: 'Claude Code credentials', kind: 'credentials' },
    ];
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: path.join(w, '.claude', 'settings.json'), scope: 'project', format: 'json', role: 'Claude Code project settings' },
        { path: path.join(w, '.claude', 'settings.local.json'), scope: 'local', format: 'json', role: 'Claude Code local project settings' },
        { path: path.join(w, '.mcp.json'), scope: 'project', format: 'json', role: 'Claude Code project MCP servers' },
        { path: path.join(w, 'CLAUDE.md'), scope: 'project', format: 'text', role: 'Claude Code project instructions', kind: 'instructions' },
        { path: path.join(w, '.claude', 'CLAUDE.md'), scope: 'project', format: 'text', role: 'Claude Code project instructions', kind: 'instructions' },
        { path: path.join(w, 'CLAUDE.local.md'), scope: 'local', format: 'text', role: 'Claude Code local instructions', kind: 'instructions' },
        { path: path.join(w, '.claude', 'agents'), inFolder: '.md', scope: 'project', format: 'text', role: 'Claude Code project subagent', kind: 'instructions' },
        { path: path.join(w, '.claude', 'commands'), inFolder: '.md', scope: 'project', format: 'text', role: 'Claude Code project slash command', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    const name = path.basename(doc.path);
    if (name === '.mcp.json' || name === 'managed-mcp.json') return readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
    if (name === '.claude.json') return readState(doc, out, root);
    readSettings(doc, out, root, '');
  },
};

/** `~/.claude.json`: user MCP servers at the top, local-scope servers per project path. */
function readState(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
  for (const p of child(root, 'projects')?.entries ?? []) {
    const key = joinKey('projects', p.key);
    // Claude Code calls servers kept per project in the user's file "local" scope.
    readMcpServerMap(doc, out, child(p.node, 'mcpServers'), joinKey(key, 'mcpServers'), { scope: 'local' });
    readTrust(doc, out, p.node, key);
    const allowed = entry(p.node, 'allowedTools');
    for (const [i, item] of (allowed?.node.items ?? []).entries()) {
      if (item.type === 'string') out.permission(doc, 'allow', String(item.value), isBroadRule(String(item.value)), `${joinKey(key, 'allowedTools')}[${i}]`, item);
    }
  }
}

function readSettings(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode, prefix: string): void {
  readEnvBlock(doc, out, child(root, 'env'), joinKey(prefix, 'env'));
  readTrust(doc, out, root, prefix);

  for (const helper of ['apiKeyHelper', 'awsAuthRefresh', 'awsCredentialExport', 'otelHeadersHelper']) {
    const e = entry(root, helper);
    const run = text(e?.node);
    if (e && run) out.hook(doc, helper, 'command', run, joinKey(prefix, helper), e);
  }
  const status = entry(root, 'statusLine');
  const statusCommand = text(child(status?.node, 'command'));
  if (status && statusCommand) out.hook(doc, 'statusLine', 'command', statusCommand, joinKey(prefix, 'statusLine'), status);

  // hooks: { Event: [ { matcher, hooks: [ { type: "command", command } | { type: "http", url } ] } ] }
  for (const event of child(root, 'hooks')?.entries ?? []) {
    (event.node.items ?? []).forEach((group, g) => {
      (child(group, 'hooks')?.items ?? []).forEach((h, i) => {
        const key = `${joinKey(joinKey(prefix, 'hooks'), event.key)}[${g}].hooks[${i}]`;
        const type = text(child(h, 'type')) ?? 'command';
        const url = text(child(h, 'url'));
        const command = text(child(h, 'command'));
        if (type === 'http' && url) out.hook(doc, event.key, 'http', url, key, h);
        else if (command) out.hook(doc, event.key, 'command', command, key, h);
      });
    });
  }

  const perms = child(root, 'permissions');
  const mode = entry(perms, 'defaultMode');
  if (mode && text(mode.node)) out.permission(doc, 'mode', `defaultMode: ${text(mode.node)}`, text(mode.node) === 'bypassPermissions', joinKey(joinKey(prefix, 'permissions'), 'defaultMode'), mode);
  const allow = child(perms, 'allow');
  (allow?.items ?? []).forEach((item, i) => {
    const rule = text(item);
    if (rule !== undefined) out.permission(doc, 'allow', rule, isBroadRule(rule), `${joinKey(joinKey(prefix, 'permissions'), 'allow')}[${i}]`, item);
  });
}

/** Settings that start the repository's MCP servers without asking. */
function readTrust(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode, prefix: string): void {
  const all = entry(root, 'enableAllProjectMcpServers');
  if (all && bool(all.node) === true) out.permission(doc, 'trust', 'enableAllProjectMcpServers: true', true, joinKey(prefix, 'enableAllProjectMcpServers'), all);
  const listed = entry(root, 'enabledMcpjsonServers');
  (listed?.node.items ?? []).forEach((item, i) => {
    if (item.type === 'string') out.permission(doc, 'trust', `enabledMcpjsonServers: ${String(item.value)}`, false, `${joinKey(prefix, 'enabledMcpjsonServers')}[${i}]`, item);
  });
}

/**
 * Programs that run any code they are given, as the whole prefix of a wildcard rule:
 * `python3:*` runs any script, `sh -c:*` any command, `git:*` any alias or hook, `npm run:*`
 * any package script. A longer prefix (`python3 -m pytest:*`) or an exact command is narrow.
 */
const RUNS_ANYTHING = /^(?:(?:sh|bash|zsh|fish|dash|pwsh|powershell|cmd)(?:\s+(?:-c|\/c|-Command))?|(?:python[0-9.]*|node|deno|bun|perl|ruby|php|osascript)(?:\s+(?:-c|-e|--eval))?|eval|exec|env|xargs|sudo|su|doas|npx|bunx|uvx|pipx|curl|wget|docker|podman|ssh|git|make|npm(?:\s+(?:run|exec|x))?|pnpm(?:\s+(?:run|exec|dlx))?|yarn(?:\s+(?:run|exec|dlx))?)$/;

/**
 * `Bash`, `Bash(*)`, `Bash(:*)`: any command. `Bash(python3:*)`, `Bash(git:*)`: any code too.
 * `Bash(npm test)`, `Bash(node --version)`, `Read`, `WebFetch(domain:x.com)`: narrow.
 */
export function isBroadRule(rule: string): boolean {
  const m = /^\s*([A-Za-z_*][\w*-]*)\s*(?:\((.*)\))?\s*$/.exec(rule);
  if (!m) return false;
  const tool = m[1];
  const spec = (m[2] ?? '').trim();
  if (tool === '*') return true;
  if (!/^(?:Bash|Shell|Exec|run_shell_command|ShellTool|PowerShell)$/i.test(tool)) return false;
  if (spec === '' || /^[*:\s]+$/.test(spec)) return true;
  // A prefix rule: `X:*` (Claude Code's form) or `X *` / `X*`; an exact command has no wildcard.
  const prefix = /^(.*?)\s*(?::\*|\s\*|\*)$/.exec(spec.replace(/^["']|["']$/g, ''))?.[1];
  return prefix !== undefined && RUNS_ANYTHING.test(prefix.trim());
}
