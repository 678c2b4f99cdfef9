// Collects what readers find into one assistant's inventory. Every string that enters it is
// redacted here (a key inside a URL or a hook's command line never leaves this layer), and
// definitions are hashed here so a changed MCP server or hook shows up as changed.
import { createHash } from 'node:crypto';
import type { ConfigEndpoint, ConfigHook, ConfigInventory, ConfigPermission, ConfigPlace, ConfigScope, EndpointKind, McpServer, PermissionKind } from '../model';
import type { ConfigDoc } from './doc';
import { plain, type ConfigEntry, type ConfigNode } from './tree';
import { redactArgs, redactSecrets } from './secrets';
import { launchedPackage } from './commands';

type Where = ConfigEntry | ConfigNode;

export interface McpServerInput {
  name: string;
  transport: McpServer['transport'];
  command?: string;
  args?: readonly string[];
  url?: string;
  envKeys?: readonly string[];
  autoTrusted?: boolean;
  autoApprovedTools?: readonly string[];
  description?: string;
  /** When the file's scope is not the server's (per-project servers in a user file are `local`). */
  scope?: ConfigScope;
  /** The whole definition, hashed (a changed field, key or argument changes the hash). */
  definition: ConfigNode;
}

export class InventoryBuilder {
  readonly inventory: ConfigInventory;
  private readonly docs = new Map<string, ConfigDoc>();

  constructor(assistant: string) {
    this.inventory = { assistant, files: [], endpoints: [], mcpServers: [], hooks: [], permissions: [], secrets: [], credentials: [], instructions: [] };
  }

  /** The doc a place is in, for excerpts. */
  docOf(place: ConfigPlace): ConfigDoc | undefined {
    return this.docs.get(place.file);
  }

  addDoc(doc: ConfigDoc): void {
    this.docs.set(doc.file, doc);
  }

  endpoint(doc: ConfigDoc, kind: EndpointKind, name: string, value: string, key: string, where: Where): void {
    const e: ConfigEndpoint = { kind, name, value: redactSecrets(value, name), scope: doc.scope, at: doc.place(key, where) };
    this.inventory.endpoints.push(e);
  }

  mcpServer(doc: ConfigDoc, key: string, where: Where, s: McpServerInput): void {
    const launched = s.command ? launchedPackage(s.command, s.args ?? []) : undefined;
    const server: McpServer = {
      name: s.name,
      scope: s.scope ?? doc.scope,
      transport: s.transport,
      ...(s.command !== undefined ? { command: redactSecrets(s.command) } : {}),
      ...(s.args?.length ? { args: redactArgs(s.args) } : {}),
      ...(s.url !== undefined ? { url: redactSecrets(s.url) } : {}),
      ...(launched ? { package: launched.package, pinned: launched.pinned } : {}),
      envKeys: [...(s.envKeys ?? [])],
      ...(s.autoTrusted ? { autoTrusted: true } : {}),
      ...(!s.autoTrusted && s.autoApprovedTools?.length ? { autoApprovedTools: s.autoApprovedTools.map(t => redactSecrets(t)) } : {}),
      ...(s.description !== undefined ? { description: redactSecrets(s.description) } : {}),
      hash: hashOf(s.definition),
      at: doc.place(key, where),
    };
    this.inventory.mcpServers.push(server);
  }

  hook(doc: ConfigDoc, event: string, kind: ConfigHook['kind'], run: string, key: string, where: Where, definition?: ConfigNode): void {
    this.inventory.hooks.push({ event, kind, run: redactSecrets(run), scope: doc.scope, hash: hashOf(definition ?? ('keyStart' in where ? where.node : where)), at: doc.place(key, where) });
  }

  permission(doc: ConfigDoc, kind: PermissionKind, value: string, broad: boolean, key: string, where: Where): void {
    const p: ConfigPermission = { kind, value: redactSecrets(value), broad, scope: doc.scope, at: doc.place(key, where) };
    this.inventory.permissions.push(p);
  }
}

export function hashOf(n: ConfigNode): string {
  return createHash('sha256').update(JSON.stringify(plain(n)) ?? '').digest('hex').slice(0, 16);
}
