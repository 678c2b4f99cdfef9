// Continue (the VS Code / JetBrains extension, and its CLI `cn`, which reads the same folder):
// ~/.continue/config.yaml (legacy config.json), block files in `.continue/<blockType>/` at user
// and workspace scope, local agent files, workspace `.continuerc.json`, the CLI's
// permissions.yaml, markdown rules, and the `.env` files `${{ secrets.X }}` is resolved from.
// CONTINUE_GLOBAL_DIR moves the user folder (core/util/paths.ts and extensions/cli/src/env.ts).
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readEnvBlock, readMcpServerMap } from './common';
import { isBroadRule } from './claude';
import { bool, child, entry, joinKey, strings, text, type ConfigNode } from './tree';

/** `~/.continue`, or CONTINUE_GLOBAL_DIR; Continue resolves a relative value from its working folder. */
function globalDir(s: ConfigSources): string {
  const moved = s.env.CONTINUE_GLOBAL_DIR;
  if (moved) return path.isAbsolute(moved) ? moved : path.resolve(s.workspace ?? s.home, moved);
  return path.join(s.home, '.continue');
}

/** BLOCK_TYPES of @continuedev/config-yaml: each a folder of YAML blocks merged into the config. */
const BLOCK_FOLDERS = ['models', 'context', 'data', 'mcpServers', 'rules', 'prompts', 'docs'];
/** Local agent (profile) files: `agents`, and the older names `assistants` and `configs`. */
const AGENT_FOLDERS = ['agents', 'assistants', 'configs'];

/** The `.continue` folder's YAML blocks, agents, markdown rules and MCP JSON files, for one scope. */
function dotContinueFolder(dir: string, scope: 'user' | 'project', where: string): ConfigCandidate[] {
  const c: ConfigCandidate[] = [];
  for (const folder of [...BLOCK_FOLDERS, ...AGENT_FOLDERS]) {
    const role = AGENT_FOLDERS.includes(folder) ? `Continue ${where} agent` : `Continue ${where} ${folder} block`;
    for (const ext of ['.yaml', '.yml']) c.push({ path: path.join(dir, folder), inFolder: ext, scope, format: 'yaml', role });
  }
  // Claude Desktop / Cursor style JSON server files copied into mcpServers/ are read too (loadJsonMcpConfigs.ts).
  c.push({ path: path.join(dir, 'mcpServers'), inFolder: '.json', scope, format: 'jsonc', role: `Continue ${where} MCP JSON file` });
  // Markdown in rules/ and prompts/ becomes rules (loadMarkdownRules.ts).
  for (const folder of ['rules', 'prompts']) c.push({ path: path.join(dir, folder), inFolder: '.md', scope, format: 'text', role: `Continue ${where} rule`, kind: 'instructions' });
  return c;
}

const PERMISSIONS_ROLE = 'Continue CLI tool permissions';

export const continueDev: ConfigReader = {
  assistant: 'continue',
  product: 'Continue',
  candidates(s) {
    const g = globalDir(s);
    const c: ConfigCandidate[] = [
      { path: path.join(g, 'config.yaml'), scope: 'user', format: 'yaml', role: 'Continue user config' },
      { path: path.join(g, 'config.json'), scope: 'user', format: 'jsonc', role: 'Continue legacy user config' },
      { path: path.join(g, 'permissions.yaml'), scope: 'user', format: 'yaml', role: PERMISSIONS_ROLE },
      ...dotContinueFolder(g, 'user', 'user'),
      // `.prompt` files in the global prompts folder are slash commands (readAllGlobalPromptFiles).
      { path: path.join(g, 'prompts'), inFolder: '.prompt', scope: 'user', format: 'text', role: 'Continue user prompt file', kind: 'instructions' },
      // Secrets for `${{ secrets.X }}` are looked up here first (LocalPlatformClient.ts).
      { path: path.join(g, '.env'), scope: 'user', format: 'dotenv', role: 'Continue user secrets (.env)', kind: 'credentials' },
    ];
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        ...dotContinueFolder(path.join(w, '.continue'), 'project', 'workspace'),
        // Every `*.continuerc.json` at the workspace root is merged into a config.json-style config.
        { path: w, inFolder: '.continuerc.json', scope: 'project', format: 'jsonc', role: 'Continue workspace .continuerc.json' },
        { path: path.join(w, '.continuerules'), scope: 'project', format: 'text', role: 'Continue workspace .continuerules', kind: 'instructions' },
        // loadMarkdownRules means to take the first of AGENTS.md, AGENT.md, CLAUDE.md, but its loop
        // stops after the first name whether or not the file exists: only AGENTS.md is ever read.
        { path: path.join(w, 'AGENTS.md'), scope: 'project', format: 'text', role: 'Continue workspace agent file', kind: 'instructions' },
        { path: path.join(w, '.continue', '.env'), scope: 'project', format: 'dotenv', role: 'Continue workspace secrets (.continue/.env)', kind: 'credentials' },
        { path: path.join(w, '.env'), scope: 'project', format: 'dotenv', role: 'workspace .env Continue resolves secrets from', kind: 'credentials' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    const name = path.basename(doc.path);
    if (doc.role === PERMISSIONS_ROLE) return readPermissions(doc, out, root);
    if (doc.format === 'yaml') return readYamlConfig(doc, out, root);
    if (path.basename(path.dirname(doc.path)) === 'mcpServers') return readMcpJson(doc, out, root, name);
    readJsonConfig(doc, out, root);
  },
};

/** config.yaml, a block file or a local agent: one schema (configYamlSchema). */
function readYamlConfig(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  readRequestOptions(doc, out, entry(root, 'requestOptions')?.node, 'requestOptions');
  (child(root, 'models')?.items ?? []).forEach((m, i) => readModel(doc, out, m, `models[${i}]`));
  (child(root, 'mcpServers')?.items ?? []).forEach((s, i) => {
    if (s.type !== 'object' || child(s, 'uses')) return; // `uses:` names a hub block, fetched rather than written here
    const key = `mcpServers[${i}]`;
    const command = text(child(s, 'command'));
    const type = (text(child(s, 'type')) ?? '').toLowerCase();
    const url = text(child(s, 'url'));
    const env = child(s, 'env');
    out.mcpServer(doc, key, s, {
      name: text(child(s, 'name')) ?? key,
      transport: command ? 'stdio' : type === 'sse' ? 'sse' : url ? 'http' : 'unknown',
      command,
      args: strings(child(s, 'args')),
      url,
      envKeys: (env?.entries ?? []).map(e => e.key),
      definition: s,
    });
    readEnvBlock(doc, out, env, `${key}.env`);
    readRequestOptions(doc, out, child(s, 'requestOptions'), `${key}.requestOptions`);
  });
  readDataDestinations(doc, out, root);
}

/** Legacy config.json and .continuerc.json (SerializedContinueConfig). */
function readJsonConfig(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  readRequestOptions(doc, out, child(root, 'requestOptions'), 'requestOptions');
  (child(root, 'models')?.items ?? []).forEach((m, i) => readModel(doc, out, m, `models[${i}]`));
  const tab = child(root, 'tabAutocompleteModel');
  if (tab?.type === 'array') tab.items!.forEach((m, i) => readModel(doc, out, m, `tabAutocompleteModel[${i}]`));
  else if (tab) readModel(doc, out, tab, 'tabAutocompleteModel');
  const embeddings = child(root, 'embeddingsProvider');
  if (embeddings) readModel(doc, out, embeddings, 'embeddingsProvider');
  // experimental.modelContextProtocolServers: [{ transport: { type, command, args, env } | { type, url } }]
  (child(child(root, 'experimental'), 'modelContextProtocolServers')?.items ?? []).forEach((s, i) => {
    const t = child(s, 'transport');
    if (t?.type !== 'object') return;
    const key = `experimental.modelContextProtocolServers[${i}]`;
    const type = (text(child(t, 'type')) ?? '').toLowerCase();
    const env = child(t, 'env');
    out.mcpServer(doc, key, s, {
      name: text(child(s, 'name')) ?? key,
      transport: type === 'stdio' ? 'stdio' : type === 'sse' ? 'sse' : type === 'streamable-http' || type === 'websocket' ? 'http' : 'unknown',
      command: text(child(t, 'command')),
      args: strings(child(t, 'args')),
      url: text(child(t, 'url')),
      envKeys: (env?.entries ?? []).map(e => e.key),
      definition: s,
    });
    readEnvBlock(doc, out, env, `${key}.transport.env`);
    readRequestOptions(doc, out, child(t, 'requestOptions'), `${key}.transport.requestOptions`);
  });
  readDataDestinations(doc, out, root);
}

/** A JSON file in mcpServers/: Claude Code style (with projects), Claude Desktop style, or one server named by the file. */
function readMcpJson(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode, name: string): void {
  const servers = child(root, 'mcpServers');
  if (servers || child(root, 'projects')) {
    readMcpServerMap(doc, out, servers, 'mcpServers');
    for (const p of child(root, 'projects')?.entries ?? []) readMcpServerMap(doc, out, child(p.node, 'mcpServers'), joinKey(joinKey('projects', p.key), 'mcpServers'));
    return;
  }
  const single: ConfigNode = { type: 'object', start: root.start, end: root.end, entries: [{ key: name.replace(/\.json$/, ''), keyStart: root.start, keyEnd: root.start, node: root }] };
  readMcpServerMap(doc, out, single, '');
}

function readModel(doc: ConfigDoc, out: InventoryBuilder, m: ConfigNode, key: string): void {
  if (m.type !== 'object') return;
  const base = entry(m, 'apiBase');
  if (base && text(base.node)) out.endpoint(doc, 'base-url', `${key}.apiBase`, text(base.node)!, `${key}.apiBase`, base);
  readRequestOptions(doc, out, child(m, 'requestOptions'), `${key}.requestOptions`);
}

/** requestOptions (top level, per model, per MCP server): proxy, TLS verification and CA bundles. */
function readRequestOptions(doc: ConfigDoc, out: InventoryBuilder, options: ConfigNode | undefined, key: string): void {
  if (options?.type !== 'object') return;
  const proxy = entry(options, 'proxy');
  if (proxy && text(proxy.node)) out.endpoint(doc, 'proxy', `${key}.proxy`, text(proxy.node)!, `${key}.proxy`, proxy);
  const verify = entry(options, 'verifySsl');
  if (verify && bool(verify.node) === false) out.endpoint(doc, 'tls-verify', `${key}.verifySsl`, 'false', `${key}.verifySsl`, verify);
  const ca = entry(options, 'caBundlePath');
  if (ca && text(ca.node)) out.endpoint(doc, 'ca-file', `${key}.caBundlePath`, text(ca.node)!, `${key}.caBundlePath`, ca);
  (ca?.node.items ?? []).forEach((item, i) => {
    if (text(item)) out.endpoint(doc, 'ca-file', `${key}.caBundlePath[${i}]`, text(item)!, `${key}.caBundlePath[${i}]`, item);
  });
}

/** `data` blocks send development data (prompts, completions, code) to a destination; a local file:// one stays on the machine. */
function readDataDestinations(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  (child(root, 'data')?.items ?? []).forEach((d, i) => {
    const dest = entry(d, 'destination');
    const url = text(dest?.node);
    if (dest && url && /^https?:\/\//i.test(url)) out.endpoint(doc, 'telemetry', `data[${i}].destination`, url, `data[${i}].destination`, dest);
  });
}

/** The CLI's permissions.yaml: `allow` runs a tool without asking (`ask` and `exclude` do not). */
function readPermissions(doc: ConfigDoc, out: InventoryBuilder, root: ConfigNode): void {
  (child(root, 'allow')?.items ?? []).forEach((item, i) => {
    const rule = text(item);
    // The CLI's tool patterns are Claude Code's (`Bash`, `Bash(npm test)`, `Write(**/*.ts)`, `*`).
    if (rule !== undefined) out.permission(doc, 'allow', rule, isBroadRule(rule), `allow[${i}]`, item);
  });
}
