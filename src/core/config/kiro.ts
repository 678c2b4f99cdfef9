// Kiro: its VS Code-style user settings.json (trusted commands: `kiroAgent.trustedCommands`),
// MCP servers in ~/.kiro/settings/mcp.json and the repository's .kiro/settings/mcp.json (each
// with `autoApprove` tool lists and `disabled`), and steering files (.kiro/steering/*.md, user
// and project) as instructions. Workspace trusted commands sit in .vscode/settings.json, which
// the VS Code reader reads for every fork.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader } from './types';
import { readMcpServerMap } from './common';
import { editorUserDir, pathFor, readEditorSettings } from './vscode';
import { child } from './tree';

export const kiro: ConfigReader = {
  assistant: 'kiro',
  product: 'Kiro',
  vendors: ['amazon'],
  candidates(s) {
    const p = pathFor(s);
    const dot = p.join(s.home, '.kiro');
    const c: ConfigCandidate[] = [
      { path: p.join(editorUserDir(s, 'Kiro'), 'settings.json'), scope: 'user', format: 'jsonc', role: 'Kiro user settings' },
      { path: p.join(dot, 'settings', 'mcp.json'), scope: 'user', format: 'jsonc', role: 'Kiro user MCP servers' },
      { path: p.join(dot, 'steering'), inFolder: '.md', scope: 'user', format: 'text', role: 'Kiro user steering', kind: 'instructions' },
    ];
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: p.join(w, '.kiro', 'settings', 'mcp.json'), scope: 'project', format: 'jsonc', role: 'Kiro workspace MCP servers' },
        { path: p.join(w, '.kiro', 'steering'), inFolder: '.md', scope: 'project', format: 'text', role: 'Kiro workspace steering', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    if (path.basename(doc.path) === 'mcp.json') return readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
    readEditorSettings(doc, out, root);
  },
};
