// The `mcp` part of a policy against the MCP servers in config targets' inventories. Pure,
// like evaluate.ts. Each server is judged as an assistant is: every `block` entry that matches
// it is a violation of its own, and then `allow` is not consulted; otherwise a non-empty
// `allow` that matches it in no entry is one violation.
import type { McpServer, TargetResult } from '../model';
import type { Clause, Policy, PolicyViolation, UnmatchedClause } from '../model/policy';
import { didYouMean } from './didYouMean';
import { mcpMatches } from './mcpMatch';

type Violation = Omit<PolicyViolation, 'assistant'>;

export function mcpViolations(mcp: Policy['mcp'], target: Pick<TargetResult, 'config'>, who: string): Violation[] {
  const out: Violation[] = [];
  (target.config?.mcpServers ?? []).forEach((server, index) => {
    const ref = serverRef(server, index);
    const what = `${who}: MCP server "${server.name}" (${describe(server)}) at ${ref.file}:${ref.line}:${ref.column}`;
    const blocking = mcp.block.filter(s => mcpMatches(s.match, server));
    for (const s of blocking) out.push({ kind: 'mcp-blocked', message: `${what} is blocked by "${s.text}"`, mcpServer: ref, clause: clauseOf(s, s.text) });
    if (blocking.length || !mcp.allow.length || mcp.allow.some(s => mcpMatches(s.match, server))) return;
    // Fail closed, but say why: an unreadable URL (`${HOST}`) cannot be shown to be allowed.
    const unreadable = server.url !== undefined && !canParse(server.url) && mcp.allow.some(s => s.match.by === 'url') ? ' (its URL could not be read, so no url entry can allow it)' : '';
    out.push({ kind: 'mcp-not-allowed', message: `${what} is not in the allowed MCP servers${unreadable}`, mcpServer: ref, clause: clauseOf(mcp.allowKey ?? mcp.allow[0], 'allow') });
  });
  return out;
}

/**
 * Entries that match no server configured here. Not an error: a policy shared by a team names
 * servers some machines lack. Without any config target (--no-config) nothing is reported,
 * since every entry would look unmatched.
 */
export function unmatchedMcp(mcp: Policy['mcp'], targets: readonly Pick<TargetResult, 'config'>[]): UnmatchedClause[] {
  if (!targets.some(t => t.config)) return [];
  const servers = targets.flatMap(t => t.config?.mcpServers ?? []);
  const known = [...new Set(servers.flatMap(s => [s.name, ...(s.package ? [s.package] : [])]))];
  const out: UnmatchedClause[] = [];
  for (const [list, s] of [...mcp.allow.map(s => ['allow', s] as const), ...mcp.block.map(s => ['block', s] as const)]) {
    if (servers.some(server => mcpMatches(s.match, server))) continue;
    const hint = s.match.by === 'url' || /[*?]/.test(s.match.glob) ? '' : didYouMean(s.match.glob, known);
    out.push({ path: s.path, at: s.at, text: s.text, message: `"${s.text}" in mcp.${list} matches no MCP server configured on this machine${hint}` });
  }
  return out;
}

function serverRef(server: McpServer, index: number): NonNullable<PolicyViolation['mcpServer']> {
  const { file, key, line, column, endLine, endColumn } = server.at;
  return { index, name: server.name, scope: server.scope, file, key, line, column, endLine, endColumn };
}

function describe(server: McpServer): string {
  const what = server.package ? `package ${server.package}` : server.url ? `url ${server.url}` : server.command ? `command ${server.command}` : server.transport;
  return `${server.scope} scope, ${what}`;
}

function canParse(url: string): boolean {
  try {
    return !!new URL(url).host;
  } catch {
    return false;
  }
}

function clauseOf(c: Clause, text: string): Clause & { text: string } {
  return { path: c.path, at: c.at, text };
}
