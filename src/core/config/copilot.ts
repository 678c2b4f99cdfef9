// GitHub Copilot CLI: in COPILOT_HOME (default ~/.copilot) settings.json (user settings),
// config.json (state the CLI writes: trusted folders, allowed URLs; hooks and settings were kept
// there before settings.json), mcp-config.json and hooks/*.json; in the repository
// .github/copilot/settings.json and settings.local.json, .github/mcp.json, .github/hooks/*.json,
// and the instruction files it loads. Copilot CLI also starts the servers of the workspace
// `.mcp.json`; that file is left to the Claude Code reader, which reads it already, so its
// servers are not reported twice.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readMcpServerMap } from './common';
import { child, joinKey, text, type ConfigNode } from './tree';

/** COPILOT_HOME replaces ~/.copilot as a whole. */
function copilotHome(s: ConfigSources): string {
  return s.env.COPILOT_HOME || path.join(s.home, '.copilot');
}

export const copilotCli: ConfigReader = {
  assistant: 'copilot-cli',
  product: 'GitHub Copilot CLI',
  candidates(s) {
    const home = copilotHome(s);
    const c: ConfigCandidate[] = [
      { path: path.join(home, 'settings.json'), scope: 'user', format: 'json', role: 'Copilot CLI user settings' },
      { path: path.join(home, 'config.json'), scope: 'user', format: 'json', role: 'Copilot CLI state and trusted folders' },
      { path: path.join(home, 'mcp-config.json'), scope: 'user', format: 'json', role: 'Copilot CLI user MCP servers' },
      { path: path.join(home, 'hooks'), inFolder: '.json', scope: 'user', format: 'json', role: 'Copilot CLI user hooks' },
      { path: path.join(home, 'copilot-instructions.md'), scope: 'user', format: 'text', role: 'Copilot CLI user instructions', kind: 'instructions' },
      { path: path.join(home, 'instructions'), inFolder: '.instructions.md', scope: 'user', format: 'text', role: 'Copilot CLI user instructions', kind: 'instructions' },
    ];
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: path.join(w, '.github', 'copilot', 'settings.json'), scope: 'project', format: 'json', role: 'Copilot CLI repository settings' },
        { path: path.join(w, '.github', 'copilot', 'settings.local.json'), scope: 'local', format: 'json', role: 'Copilot CLI local repository settings' },
        { path: path.join(w, '.github', 'mcp.json'), scope: 'project', format: 'json', role: 'Copilot CLI workspace MCP servers' },
        { path: path.join(w, '.github', 'hooks'), inFolder: '.json', scope: 'project', format: 'json', role: 'Copilot CLI repository hooks' },
        { path: path.join(w, '.github', 'copilot-instructions.md'), scope: 'project', format: 'text', role: 'Copilot repository instructions', kind: 'instructions' },
        { path: path.join(w, '.github', 'instructions'), inFolder: '.instructions.md', scope: 'project', format: 'text', role: 'Copilot path-specific instructions', kind: 'instructions' },
        { path: path.join(w, 'AGENTS.md'), scope: 'project', format: 'text', role: 'Copilot CLI agent instructions', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    const name = path.basename(doc.path);
    if (name === 'mcp-config.json' || name === 'mcp.json') {
      // Claude-style files may hold the servers at the top level, without `mcpServers`.
      const servers = child(root, 'mcpServers');
      return readMcpServerMap(doc, out, servers ?? root, servers ? 'mcpServers' : '');
    }
    readHooks(doc, out, child(root, 'hooks'));
    // config.json was written with snake_case keys, settings.json uses camelCase; both are read.
    for (const key of ['trusted_folders', 'trustedFolders']) {
      (child(root, key)?.items ?? []).forEach((item, i) => {
        const folder = text(item);
        if (folder !== undefined) out.permission(doc, 'trust', folder, isEverywhere(folder), `${key}[${i}]`, item);
      });
    }
    for (const key of ['allowed_urls', 'allowedUrls']) {
      (child(root, key)?.items ?? []).forEach((item, i) => {
        const url = text(item);
        if (url !== undefined) out.permission(doc, 'allow', `url: ${url}`, /^\*(?:\.\*)?$/.test(url.trim()), `${key}[${i}]`, item);
      });
    }
  },
};

/** A trusted folder that holds everything: the filesystem root, the home folder itself, a drive. */
function isEverywhere(folder: string): boolean {
  return /^(?:\/|~\/?|\$HOME\/?|[A-Za-z]:[\\/]?)$/.test(folder.trim());
}

/**
 * `hooks: { event: [ { type: "command", bash, powershell } | { type: "http", url } ] }`, the
 * format of hooks files and of settings files alike; Claude-format entries nest the same
 * under `{ matcher, hooks: [...] }`.
 */
function readHooks(doc: ConfigDoc, out: InventoryBuilder, hooks: ConfigNode | undefined): void {
  for (const event of hooks?.entries ?? []) {
    (event.node.items ?? []).forEach((h, i) => {
      const base = `${joinKey('hooks', event.key)}[${i}]`;
      const nested = child(h, 'hooks');
      if (nested?.type === 'array') nested.items?.forEach((n, j) => readHook(doc, out, event.key, n, `${base}.hooks[${j}]`));
      else readHook(doc, out, event.key, h, base);
    });
  }
}

function readHook(doc: ConfigDoc, out: InventoryBuilder, event: string, h: ConfigNode, key: string): void {
  const url = text(child(h, 'url'));
  if (text(child(h, 'type')) === 'http' && url) return out.hook(doc, event, 'http', url, key, h);
  const run = text(child(h, 'bash')) ?? text(child(h, 'command')) ?? text(child(h, 'powershell'));
  if (run) out.hook(doc, event, 'command', run, key, h);
}

