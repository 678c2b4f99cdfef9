// OpenAI Codex CLI: config.toml in CODEX_HOME (default ~/.codex), the project layer
// `.codex/config.toml` (loaded for trusted projects), the system and legacy managed layers in
// /etc/codex, the `.env` Codex loads from CODEX_HOME, AGENTS.md instructions and auth.json.
// Named profiles (`[profiles.x]`) repeat the approval and sandbox keys, so each is read too.
import * as path from 'node:path';
import type { ConfigCandidate, ConfigReader, ConfigSources } from './types';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { readEnvBlock } from './common';
import { bool, child, entry, joinKey, strings, text, type ConfigNode } from './tree';

/** CODEX_HOME replaces ~/.codex as a whole (config, auth.json, .env, AGENTS.md). */
function codexHome(s: ConfigSources): string {
  return s.env.CODEX_HOME || path.join(s.home, '.codex');
}

export const codexCli: ConfigReader = {
  assistant: 'codex-cli',
  product: 'OpenAI Codex CLI',
  candidates(s) {
    const home = codexHome(s);
    const c: ConfigCandidate[] = [];
    // Codex reads /etc/codex on Unix only; on Windows the legacy managed file sits in CODEX_HOME.
    if (s.platform !== 'win32') {
      c.push(
        { path: '/etc/codex/config.toml', scope: 'managed', format: 'toml', role: 'Codex system config' },
        { path: '/etc/codex/managed_config.toml', scope: 'managed', format: 'toml', role: 'Codex managed config' },
      );
    } else {
      c.push({ path: path.join(home, 'managed_config.toml'), scope: 'managed', format: 'toml', role: 'Codex managed config' });
    }
    c.push(
      { path: path.join(home, 'config.toml'), scope: 'user', format: 'toml', role: 'Codex user config' },
      { path: path.join(home, '.env'), scope: 'user', format: 'dotenv', role: 'Codex environment file' },
      { path: path.join(home, 'AGENTS.override.md'), scope: 'user', format: 'text', role: 'Codex global instructions (override)', kind: 'instructions' },
      { path: path.join(home, 'AGENTS.md'), scope: 'user', format: 'text', role: 'Codex global instructions', kind: 'instructions' },
      { path: path.join(home, 'auth.json'), scope: 'user', format: 'json', role: 'Codex credentials', kind: 'credentials' },
    );
    if (s.workspace) {
      const w = s.workspace;
      c.push(
        { path: path.join(w, '.codex', 'config.toml'), scope: 'project', format: 'toml', role: 'Codex project config' },
        { path: path.join(w, 'AGENTS.override.md'), scope: 'project', format: 'text', role: 'Codex project instructions (override)', kind: 'instructions' },
        { path: path.join(w, 'AGENTS.md'), scope: 'project', format: 'text', role: 'Codex project instructions', kind: 'instructions' },
      );
    }
    return c;
  },
  read(doc, out) {
    const root = doc.root;
    if (root?.type !== 'object') return;
    // Codex refuses to let its .env set CODEX_* variables; the rest reach the process.
    if (doc.format === 'dotenv') return readEnvBlock(doc, out, root, '');
    readLayer(doc, out, root, '');
    for (const p of child(root, 'profiles')?.entries ?? []) {
      if (p.node.type === 'object') readLayer(doc, out, p.node, joinKey('profiles', p.key));
    }
    readProviders(doc, out, child(root, 'model_providers'));
    readMcpServers(doc, out, child(root, 'mcp_servers'));
    readProjects(doc, out, child(root, 'projects'));
    readTelemetry(doc, out, child(root, 'otel'));
    readShellEnvironment(doc, out, child(root, 'shell_environment_policy'));
    const notify = entry(root, 'notify');
    const argv = strings(notify?.node);
    // `notify` is a program and its arguments, run after every agent turn with a JSON argument.
    if (notify && argv.length) out.hook(doc, 'notify', 'command', argv.join(' '), 'notify', notify);
  },
};

/** Keys a profile may set as well as the top level. */
function readLayer(doc: ConfigDoc, out: InventoryBuilder, layer: ConfigNode, prefix: string): void {
  const approval = entry(layer, 'approval_policy');
  const policy = text(approval?.node);
  // `never` runs every command without asking and never escalates; the others still ask
  // before a command leaves the sandbox.
  if (approval && policy) out.permission(doc, 'mode', `approval_policy = ${policy}`, policy === 'never', joinKey(prefix, 'approval_policy'), approval);
  const sandbox = entry(layer, 'sandbox_mode');
  const mode = text(sandbox?.node);
  // `danger-full-access` turns the sandbox off: commands reach every file and the network.
  if (sandbox && mode) out.permission(doc, 'mode', `sandbox_mode = ${mode}`, mode === 'danger-full-access', joinKey(prefix, 'sandbox_mode'), sandbox);
  const network = entry(child(layer, 'sandbox_workspace_write'), 'network_access');
  if (network && bool(network.node) === true) out.permission(doc, 'mode', 'sandbox_workspace_write.network_access = true', false, joinKey(joinKey(prefix, 'sandbox_workspace_write'), 'network_access'), network);
  const chatgpt = entry(layer, 'chatgpt_base_url');
  const url = text(chatgpt?.node);
  if (chatgpt && url) out.endpoint(doc, 'base-url', 'chatgpt_base_url', url, joinKey(prefix, 'chatgpt_base_url'), chatgpt);
}

/** `[model_providers.<id>] base_url = …`: where requests for that provider go. */
function readProviders(doc: ConfigDoc, out: InventoryBuilder, providers: ConfigNode | undefined): void {
  for (const p of providers?.entries ?? []) {
    const base = entry(p.node, 'base_url');
    const url = text(base?.node);
    const key = joinKey(joinKey('model_providers', p.key), 'base_url');
    if (base && url) out.endpoint(doc, 'base-url', key, url, key, base);
  }
}

/**
 * `[mcp_servers.<name>]`: `command`/`args`/`env` (stdio) or `url` (streamable HTTP). `env_vars`
 * names variables passed through from the parent; `default_tools_approval_mode = "approve"` runs
 * every tool of the server without asking.
 */
function readMcpServers(doc: ConfigDoc, out: InventoryBuilder, servers: ConfigNode | undefined): void {
  for (const e of servers?.entries ?? []) {
    const def = e.node;
    if (def.type !== 'object') continue;
    const key = joinKey('mcp_servers', e.key);
    const command = text(child(def, 'command'));
    const url = text(child(def, 'url'));
    const env = child(def, 'env');
    out.mcpServer(doc, key, e, {
      name: e.key,
      transport: command ? 'stdio' : url ? 'http' : 'unknown',
      command,
      args: strings(child(def, 'args')),
      url,
      envKeys: [...(env?.entries ?? []).map(x => x.key), ...strings(child(def, 'env_vars'))],
      autoTrusted: text(child(def, 'default_tools_approval_mode')) === 'approve',
      definition: def,
    });
    readEnvBlock(doc, out, env, joinKey(key, 'env'));
  }
}

/** `[projects."<path>"] trust_level = "trusted"`: Codex loads that project's own layer and relaxes its defaults there. */
function readProjects(doc: ConfigDoc, out: InventoryBuilder, projects: ConfigNode | undefined): void {
  for (const p of projects?.entries ?? []) {
    const level = entry(p.node, 'trust_level');
    if (level && text(level.node) === 'trusted') out.permission(doc, 'trust', `${p.key}: trusted`, false, joinKey(joinKey('projects', p.key), 'trust_level'), level);
  }
}

/** `[otel] exporter = { otlp-http = { endpoint = … } }` (or the same as tables), and its TLS trust. */
function readTelemetry(doc: ConfigDoc, out: InventoryBuilder, otel: ConfigNode | undefined): void {
  const exporter = child(otel, 'exporter');
  for (const x of exporter?.entries ?? []) {
    const base = joinKey(joinKey('otel', 'exporter'), x.key);
    const endpoint = entry(x.node, 'endpoint');
    const url = text(endpoint?.node);
    if (endpoint && url) out.endpoint(doc, 'telemetry', joinKey(base, 'endpoint'), url, joinKey(base, 'endpoint'), endpoint);
    const ca = entry(child(x.node, 'tls'), 'ca-certificate');
    const file = text(ca?.node);
    if (ca && file) out.endpoint(doc, 'ca-file', joinKey(joinKey(base, 'tls'), 'ca-certificate'), file, joinKey(joinKey(base, 'tls'), 'ca-certificate'), ca);
  }
}

/**
 * What commands Codex runs inherit. By default variables named like KEY, SECRET or TOKEN are
 * dropped; `ignore_default_excludes = true` hands them to every command. `set` adds variables.
 */
function readShellEnvironment(doc: ConfigDoc, out: InventoryBuilder, policy: ConfigNode | undefined): void {
  const ignore = entry(policy, 'ignore_default_excludes');
  if (ignore && bool(ignore.node) === true) out.permission(doc, 'mode', 'shell_environment_policy.ignore_default_excludes = true', false, 'shell_environment_policy.ignore_default_excludes', ignore);
  readEnvBlock(doc, out, child(policy, 'set'), 'shell_environment_policy.set');
}
