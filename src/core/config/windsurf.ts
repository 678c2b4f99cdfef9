// Windsurf: its VS Code-style user settings.json (Cascade's command allow list lives there),
// MCP servers in ~/.codeium/windsurf/mcp_config.json (remote ones as `serverUrl`), the global
// rules file and the repository's rules (.windsurfrules, .windsurf/rules/*.md) as instructions.
// The auto-execution level (Disabled / Allowlist / Auto / Turbo) is kept in the app's state, not
// in a settings file, so it is not read.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader } from './types';
import { readMcpServerMap } from './common';
import { editorUserDir, pathFor, readEditorSettings } from './vscode';
import { child } from './tree';

export const windsurf: ConfigReader = {
  assistant: 'windsurf',
  product: 'Windsurf',
  vendors: ['windsurf'],
  candidates(s) {
    const p = pathFor(s);
    const codeium = p.join(s.home, '.codeium', 'windsurf');
    const c: ConfigCandidate[] = [
      { path: p.join(editorUserDir(s, 'Windsurf'), 'settings.json'), scope: 'user', format: 'jsonc', role: 'Windsurf user settings' },
      { path: p.join(codeium, 'mcp_config.json'), scope: 'user', format: 'jsonc', role: 'Windsurf MCP servers' },
      { path: p.join(codeium, 'memories', 'global_rules.md'), scope: 'user', format: 'text', role: 'Windsurf global rules', kind: 'instructions' },
    ];
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: p.join(w, '.windsurfrules'), scope: 'project', format: 'text', role: 'Windsurf project rules (legacy)', kind: 'instructions' },
        { path: p.join(w, '.windsurf', 'rules'), inFolder: '.md', scope: 'project', format: 'text', role: 'Windsurf project rule', kind: 'instructions' },
        { path: p.join(w, '.windsurf', 'workflows'), inFolder: '.md', scope: 'project', format: 'text', role: 'Windsurf project workflow', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    if (path.basename(doc.path) === 'mcp_config.json') return readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
    readEditorSettings(doc, out, root);
  },
};
