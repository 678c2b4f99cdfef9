// Cline and Roo Code, VS Code extensions: each keeps its MCP servers in the extension's global
// storage inside every editor's user data folder (the folder is the extension id, lower-cased by
// VS Code), and reads rules from the repository. Per-server `autoApprove` (Cline) and
// `alwaysAllow` (Roo) lists run those tools without asking. The auto-approve toggles themselves
// live in the editor's state database, not in a file, and are not read.
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import { readMcpServerMap } from './common';
import { editorUserDir, pathFor } from './vscode';
import { child } from './tree';

/** User data folders of the editors these extensions run in, with the remote server's. */
const EDITOR_FOLDERS = ['Code', 'Code - Insiders', 'VSCodium', 'Cursor', 'Windsurf', 'Kiro'];

function globalStorages(s: ConfigSources, extensionId: string): Array<{ dir: string; editor: string }> {
  const p = pathFor(s);
  const dirs = EDITOR_FOLDERS.map(folder => ({ dir: p.join(editorUserDir(s, folder), 'globalStorage', extensionId), editor: folder }));
  // VS Code Remote (SSH, WSL, containers) keeps the server's user data in ~/.vscode-server/data.
  dirs.push({ dir: p.join(s.home, '.vscode-server', 'data', 'User', 'globalStorage', extensionId), editor: 'VS Code Server' });
  return dirs;
}

export const cline: ConfigReader = {
  assistant: 'cline',
  product: 'Cline',
  candidates(s) {
    const p = pathFor(s);
    const c: ConfigCandidate[] = globalStorages(s, 'saoudrizwan.claude-dev').map(({ dir, editor }) => ({
      path: p.join(dir, 'settings', 'cline_mcp_settings.json'), scope: 'user' as const, format: 'json' as const, role: `Cline MCP servers (${editor})`,
    }));
    c.push(
      // The Cline CLI (and the standalone host) keeps its data in ~/.cline/data.
      { path: p.join(s.home, '.cline', 'data', 'settings', 'cline_mcp_settings.json'), scope: 'user', format: 'json', role: 'Cline CLI MCP servers' },
      // Global rules: the Documents folder's Cline/Rules (GlobalFileNames + getDocumentsPath in cline/cline).
      { path: p.join(s.home, 'Documents', 'Cline', 'Rules'), inFolder: '.md', scope: 'user', format: 'text', role: 'Cline global rule', kind: 'instructions' },
    );
    if (s.workspace) {
      const w = s.workspace;
      // .clinerules is a file, or a folder of rule files: both are read (a folder is skipped as a file and vice versa).
      c.push(
        { path: p.join(w, '.clinerules'), scope: 'project', format: 'text', role: 'Cline project rules', kind: 'instructions' },
        { path: p.join(w, '.clinerules'), inFolder: '.md', scope: 'project', format: 'text', role: 'Cline project rule', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
  },
};

/** Roo's built-in modes: rules for one mode sit in .roo/rules-<mode>/ and .roorules-<mode>. */
const ROO_MODES = ['code', 'architect', 'ask', 'debug', 'orchestrator'];

export const rooCode: ConfigReader = {
  assistant: 'roo-code',
  product: 'Roo Code',
  candidates(s) {
    const p = pathFor(s);
    const c: ConfigCandidate[] = globalStorages(s, 'rooveterinaryinc.roo-cline').flatMap(({ dir, editor }) => [
      { path: p.join(dir, 'settings', 'mcp_settings.json'), scope: 'user' as const, format: 'json' as const, role: `Roo Code MCP servers (${editor})` },
      // Roo began as a Cline fork and first kept its servers under Cline's file name.
      { path: p.join(dir, 'settings', 'cline_mcp_settings.json'), scope: 'user' as const, format: 'json' as const, role: `Roo Code MCP servers, early file name (${editor})` },
    ]);
    c.push({ path: p.join(s.home, '.roo', 'rules'), inFolder: '.md', scope: 'user', format: 'text', role: 'Roo Code global rule', kind: 'instructions' });
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: p.join(w, '.roo', 'mcp.json'), scope: 'project', format: 'json', role: 'Roo Code project MCP servers' },
        { path: p.join(w, '.roorules'), scope: 'project', format: 'text', role: 'Roo Code project rules (legacy)', kind: 'instructions' },
        { path: p.join(w, '.roo', 'rules'), inFolder: '.md', scope: 'project', format: 'text', role: 'Roo Code project rule', kind: 'instructions' },
        ...ROO_MODES.flatMap((mode): ConfigCandidate[] => [
          { path: p.join(w, '.roo', `rules-${mode}`), inFolder: '.md', scope: 'project', format: 'text', role: `Roo Code ${mode}-mode rule`, kind: 'instructions' },
          { path: p.join(w, `.roorules-${mode}`), scope: 'project', format: 'text', role: `Roo Code ${mode}-mode rules (legacy)`, kind: 'instructions' },
        ]),
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    readMcpServerMap(doc, out, child(root, 'mcpServers'), 'mcpServers');
  },
};

