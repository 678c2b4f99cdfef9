// Shapes several assistants share: an `env` block of variables, and the `mcpServers` map that
// Claude Code, Cursor, Gemini CLI, Cline, Roo, Windsurf, Kiro and VS Code all write alike
// (`{ command, args, env }` or `{ url | serverUrl | httpUrl, type }`).
import type { ConfigScope } from '../model';
import type { ConfigDoc } from './doc';
import type { InventoryBuilder } from './inventory';
import { bool, child, joinKey, strings, text, type ConfigNode } from './tree';

/** What an environment variable moves: where requests go, telemetry, or TLS trust. */
export function envVariableRole(name: string): 'base-url' | 'proxy' | 'telemetry' | 'ca-file' | 'tls-verify' | undefined {
  const n = name.toUpperCase();
  if (/^OTEL_EXPORTER_OTLP(?:_(?:TRACES|METRICS|LOGS))?_ENDPOINT$/.test(n)) return 'telemetry';
  if (/^(?:HTTPS?|ALL)_PROXY$/.test(n)) return 'proxy';
  if (/^(?:NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE)$/.test(n)) return 'ca-file';
  if (n === 'NODE_TLS_REJECT_UNAUTHORIZED') return 'tls-verify';
  if (/(?:_BASE_URL|_API_BASE|_BASE_URI|_API_URL|_ENDPOINT|_API_HOST)$/.test(n) || /^(?:ANTHROPIC|OPENAI|GEMINI|GOOGLE_GEMINI|QWEN|DASHSCOPE|AZURE_OPENAI|OLLAMA|DEEPSEEK|MOONSHOT|ZHIPU|OPENROUTER)_(?:HOST|URL|BASE)$/.test(n)) return 'base-url';
  return undefined;
}

/** Variables in an `env` object (or a dotenv file's top level) that move requests or TLS. */
export function readEnvBlock(doc: ConfigDoc, out: InventoryBuilder, env: ConfigNode | undefined, path: string): void {
  for (const e of env?.entries ?? []) {
    // NODE_OPTIONS that preload a module run that code in every Node.js process started with it.
    if (e.key.toUpperCase() === 'NODE_OPTIONS' && e.node.type === 'string' && /(?:^|\s)(?:--require|-r|--import|--loader|--experimental-loader)(?:[=\s]|$)/.test(String(e.node.value))) {
      out.hook(doc, 'every Node.js start (NODE_OPTIONS)', 'command', String(e.node.value), joinKey(path, e.key), e);
      continue;
    }
    const role = envVariableRole(e.key);
    const value = e.node.type === 'string' || e.node.type === 'number' || e.node.type === 'boolean' ? String(e.node.value) : undefined;
    if (!role || value === undefined || value === '') continue;
    out.endpoint(doc, role, e.key, value, joinKey(path, e.key), e);
  }
}

export interface McpMapOptions {
  /** The reader's word for "runs without asking" fields, besides the common ones. */
  trustKeys?: readonly string[];
  /** The servers' scope when it is not the file's (per-project servers in a user file). */
  scope?: ConfigScope;
  /** What a bare `url` with no `type` speaks: Gemini CLI and Qwen Code read it as SSE (`httpUrl` is streamable HTTP). */
  bareUrl?: 'sse' | 'http';
}

/** Every server of an `mcpServers`-style map (name -> definition). */
export function readMcpServerMap(doc: ConfigDoc, out: InventoryBuilder, servers: ConfigNode | undefined, path: string, options: McpMapOptions = {}): void {
  for (const e of servers?.entries ?? []) {
    const def = e.node;
    if (def.type !== 'object') continue;
    const command = text(child(def, 'command'));
    const url = text(child(def, 'url')) ?? text(child(def, 'serverUrl')) ?? text(child(def, 'httpUrl')) ?? text(child(def, 'uri'));
    const type = (text(child(def, 'type')) ?? text(child(def, 'transport')) ?? '').toLowerCase();
    const bareSse = options.bareUrl === 'sse' && !type && !text(child(def, 'httpUrl')) && !!text(child(def, 'url'));
    const transport = command ? 'stdio' : type.includes('sse') || bareSse ? 'sse' : url ? 'http' : type === 'stdio' ? 'stdio' : 'unknown';
    const env = child(def, 'env') ?? child(def, 'environment');
    // `trust: true` approves every call; a list approves the tools it names (`*` all of them).
    const trustKeys = ['trust', 'autoApprove', 'alwaysAllow', 'autoApproveAll', ...(options.trustKeys ?? [])];
    const lists = trustKeys.flatMap(k => strings(child(def, k)));
    const autoTrusted = trustKeys.some(k => bool(child(def, k)) === true) || lists.includes('*');
    out.mcpServer(doc, joinKey(path, e.key), e, {
      name: e.key,
      transport,
      command,
      args: strings(child(def, 'args')),
      url,
      envKeys: (env?.entries ?? []).map(x => x.key),
      autoTrusted,
      autoApprovedTools: lists,
      description: text(child(def, 'description')),
      definition: def,
      ...(options.scope ? { scope: options.scope } : {}),
    });
    readEnvBlock(doc, out, env, joinKey(joinKey(path, e.key), env === child(def, 'env') ? 'env' : 'environment'));
  }
}
