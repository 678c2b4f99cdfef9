// Reads a workspace policy: strict JSON, then policy.schema.json, then what a schema cannot
// say (version ranges that npm would reject, rule ids this version does not know, vendors the
// catalog does not know). Every problem carries its line and column. An invalid policy is
// never half-applied: the caller gets errors and no policy, and must say so (the CLI exits 2).
import * as fs from 'node:fs';
import * as path from 'node:path';
import validRange from 'semver/ranges/valid';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../model';
import { RULE_CATALOG, ruleIds as catalogRuleIds } from '../rules/catalog';
import { VENDORS } from '../catalog/vendors';
import { LineIndex } from '../text/lines';
import { parseJsonTree, type JsonNode, type JsonObject } from './jsonTree';
import { checkAgainstSchema, join, type SchemaNode } from './schemaCheck';
import { didYouMean } from './didYouMean';
import { HOST_RULE } from './match';
import { parseMcpEntry } from './mcpMatch';
import schema from './policy.schema.json';
import type { AssistantMatch, AssistantSelector, Clause, ConfigRuleSelector, HostPattern, McpSelector, Policy, PolicyProblem, RuleSelector, SeverityCap, Suppression } from '../model/policy';

export const POLICY_SCHEMA = schema as SchemaNode;

/** Where a workspace keeps its policy, first match wins. */
export const POLICY_LOCATIONS = ['.vscode/ai-tool-audit.json', 'ai-tool-audit.json'] as const;

/** A policy is a short list; a file this big is a mistake or hostile. */
export const MAX_POLICY_BYTES = 1024 * 1024;

export interface PolicyKnowledge {
  /** Rule and correlation ids this version reports. */
  ruleIds?: ReadonlySet<string>;
  /** Ids of the rules over assistants' settings, for `config.block`. */
  configRuleIds?: ReadonlySet<string>;
  /** Vendor ids the catalog knows (`vendor:` clauses naming others get a warning). */
  vendorIds?: ReadonlySet<string>;
}

export type PolicyLoad =
  | { ok: true; policy: Policy; warnings: PolicyProblem[] }
  | { ok: false; errors: PolicyProblem[]; warnings: PolicyProblem[] };

export function parsePolicy(text: string, file?: string, knowledge: PolicyKnowledge = {}): PolicyLoad {
  const ruleIds = knowledge.ruleIds ?? catalogRuleIds();
  const vendorIds = knowledge.vendorIds ?? new Set(VENDORS.map(v => v.id));
  const configRuleIds = knowledge.configRuleIds ?? new Set(RULE_CATALOG.filter(r => r.kind === 'config').map(r => r.id));
  const lines = new LineIndex(text);
  const errors: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  const rangeOf = (start: number, end: number) => {
    const a = lines.positionAt(start);
    const b = lines.positionAt(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const report = (severity: PolicyProblem['severity'], message: string, path: string, start: number, end: number) =>
    (severity === 'error' ? errors : warnings).push({ severity, message, path, ...rangeOf(start, end) });

  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    report('error', `invalid JSON: ${parsed.error.message}`, '', parsed.error.start, parsed.error.end);
    return { ok: false, errors, warnings };
  }
  for (const p of checkAgainstSchema(parsed.root, POLICY_SCHEMA)) report('error', p.message, p.path, p.start, p.end);

  const clause = (path: string, node: { start: number; end: number }): Clause => ({ path, at: rangeOf(node.start, node.end) });
  const policy: Policy = { ...(file ? { file } : {}), assistants: { allow: [], block: [] }, rules: { block: [], maxSeverity: [] }, hosts: { allow: [] }, mcp: { allow: [], block: [] }, config: { block: [] }, suppressions: [] };
  // The schema has reported any value of the wrong type; these reads skip such values.
  const root = parsed.root.type === 'object' ? parsed.root : undefined;
  const assistants = objectAt(root, 'assistants');
  for (const list of ['allow', 'block'] as const) {
    const prop = assistants?.properties.find(p => p.key === list);
    if (list === 'allow' && prop) policy.assistants.allowKey = { path: 'assistants.allow', at: rangeOf(prop.keyStart, prop.keyEnd) };
    strings(prop?.value).forEach(([text, node], i) => {
      const path = `assistants.${list}[${i}]`;
      const match = assistantMatch(text, path, node);
      if (match) policy.assistants[list].push({ ...clause(path, node), text, match } satisfies AssistantSelector);
    });
  }
  const rules = objectAt(root, 'rules');
  strings(rules?.properties.find(p => p.key === 'block')?.value).forEach(([text, node], i) => {
    const path = `rules.block[${i}]`;
    const match = ruleMatch(text, path, node);
    if (match) policy.rules.block.push({ ...clause(path, node), text, match } satisfies RuleSelector);
  });
  for (const p of objectAt(rules, 'maxSeverity')?.properties ?? []) {
    if (!CATEGORIES.includes(p.key as Category) || p.value.type !== 'string') continue;
    policy.rules.maxSeverity.push({ path: `rules.maxSeverity.${p.key}`, at: rangeOf(p.keyStart, p.value.end), category: p.key as Category, max: p.value.value as Severity } satisfies SeverityCap);
  }
  const hosts = objectAt(root, 'hosts');
  const hostAllow = hosts?.properties.find(p => p.key === 'allow');
  if (hostAllow) policy.hosts.allowKey = { path: 'hosts.allow', at: rangeOf(hostAllow.keyStart, hostAllow.keyEnd) };
  strings(hostAllow?.value).forEach(([glob, node], i) => policy.hosts.allow.push({ ...clause(`hosts.allow[${i}]`, node), glob } satisfies HostPattern));
  if (policy.hosts.allow.length && !ruleIds.has(HOST_RULE) && hostAllow) {
    report('error', `hosts.allow needs the ${HOST_RULE} rule, which this version of ai-tool-audit does not have: the clause could not be enforced`, 'hosts.allow', hostAllow.keyStart, hostAllow.keyEnd);
  }
  const mcp = objectAt(root, 'mcp');
  for (const list of ['allow', 'block'] as const) {
    const prop = mcp?.properties.find(p => p.key === list);
    if (list === 'allow' && prop) policy.mcp.allowKey = { path: 'mcp.allow', at: rangeOf(prop.keyStart, prop.keyEnd) };
    strings(prop?.value).forEach(([text, node], i) => {
      // The schema has reported an entry this cannot read.
      const match = parseMcpEntry(text);
      if (match) policy.mcp[list].push({ ...clause(`mcp.${list}[${i}]`, node), text, match } satisfies McpSelector);
    });
  }
  const config = objectAt(root, 'config');
  strings(config?.properties.find(p => p.key === 'block')?.value).forEach(([ruleId, node], i) => {
    const path = `config.block[${i}]`;
    // A warning, not an error: a shared policy may name a rule of a newer version, and a rule
    // that does not run blocks nothing here, which is not a reason to drop the whole policy.
    if (!configRuleIds.has(ruleId)) {
      const other = ruleIds.has(ruleId) ? ` is not a config rule (config.block applies to findings in the assistants' settings; rules.block takes it)` : ` is not a config rule this version knows${didYouMean(ruleId, configRuleIds)}`;
      report('warning', `"${ruleId}"${other}: this entry blocks nothing`, path, node.start, node.end);
    }
    policy.config.block.push({ ...clause(path, node), ruleId } satisfies ConfigRuleSelector);
  });
  const minSeverity = config?.properties.find(p => p.key === 'minSeverity');
  if (minSeverity?.value.type === 'string' && SEVERITIES.includes(minSeverity.value.value as Severity)) {
    policy.config.minSeverity = { path: 'config.minSeverity', at: rangeOf(minSeverity.keyStart, minSeverity.value.end), min: minSeverity.value.value as Severity };
  }
  const suppressions = root?.properties.find(p => p.key === 'suppressions')?.value;
  (suppressions?.type === 'array' ? suppressions.items : []).forEach((node, i) => {
    const s = suppression(node, `suppressions[${i}]`);
    if (s) policy.suppressions.push(s);
  });

  errors.sort(byPosition);
  warnings.sort(byPosition);
  return errors.length ? { ok: false, errors, warnings } : { ok: true, policy, warnings };

  function assistantMatch(text: string, path: string, node: JsonNode): AssistantMatch | undefined {
    const prefixed = /^(vendor|country|kind):(.*)$/.exec(text);
    if (prefixed) {
      const [, by, value] = prefixed;
      if (by === 'kind') return value === 'cli' || value === 'extension' ? { by, kind: value } : undefined;
      if (by === 'country') return /^[A-Za-z]{2}$/.test(value) ? { by, country: value.toUpperCase() } : undefined;
      if (!value) return undefined;
      if (!vendorIds.has(value.toLowerCase())) {
        report('warning', `vendor "${value}" is not in the catalog${didYouMean(value, vendorIds)}: this clause matches only assistants whose vendor is reported as "${value}"`, path, node.start, node.end);
      }
      return { by: 'vendor', vendor: value.toLowerCase() };
    }
    // `@scope/name@range`: the version separator is the first "@" after the first character.
    const at = text.indexOf('@', 1);
    if (at === -1) return { by: 'id', glob: text };
    const range = text.slice(at + 1).trim();
    if (!range || validRange(range, { loose: true }) === null) {
      report('error', `"${text.slice(at + 1)}" is not a version range (npm syntax: ^2.1.0, >=2.1.90 <2.1.113, 1.x, 1.2.3 - 1.4.0, a || b)`, path, node.start, node.end);
      return undefined;
    }
    return { by: 'id', glob: text.slice(0, at), range };
  }

  function ruleMatch(text: string, path: string, node: JsonNode): RuleSelector['match'] | undefined {
    if (text.startsWith('category:')) {
      const category = text.slice('category:'.length) as Category;
      return CATEGORIES.includes(category) ? { by: 'category', category } : undefined;
    }
    if (!ruleIds.has(text)) {
      report('error', `unknown rule "${text}"${didYouMean(text, ruleIds)}: a blocked rule this version does not run would block nothing (see \`ai-tool-audit rules\`)`, path, node.start, node.end);
      return undefined;
    }
    return { by: 'rule', ruleId: text };
  }

  function suppression(node: JsonNode, path: string): Suppression | undefined {
    if (node.type !== 'object') return undefined;
    const field = (key: string) => {
      const v = node.properties.find(p => p.key === key)?.value;
      return v?.type === 'string' ? v : undefined;
    };
    const [rule, assistant, fileField, entry, hash, reason] = ['rule', 'assistant', 'file', 'entry', 'hash', 'reason'].map(field);
    if (!rule || !assistant || !fileField || !hash || !reason) return undefined;
    if (!ruleIds.has(rule.value)) {
      report('warning', `unknown rule "${rule.value}"${didYouMean(rule.value, ruleIds)}: this suppression can never match`, join(path, 'rule'), rule.start, rule.end);
    }
    return {
      ...clause(path, node),
      rule: rule.value,
      assistant: assistant.value,
      file: fileField.value,
      ...(entry ? { entry: entry.value } : {}),
      hash: hash.value,
      reason: reason.value,
    };
  }
}

function byPosition(a: PolicyProblem, b: PolicyProblem): number {
  return a.line - b.line || a.column - b.column;
}

function objectAt(node: JsonObject | undefined, key: string): JsonObject | undefined {
  const v = node?.properties.find(p => p.key === key)?.value;
  return v?.type === 'object' ? v : undefined;
}

function strings(node: JsonNode | undefined): Array<[string, JsonNode]> {
  if (node?.type !== 'array') return [];
  return node.items.flatMap(item => (item.type === 'string' ? [[item.value, item] as [string, JsonNode]] : []));
}

/** A policy file that could not be read at all: one error at its start. */
export function policyFileProblem(message: string): PolicyLoad {
  return { ok: false, errors: [{ severity: 'error', message, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 }], warnings: [] };
}

/** Reads and checks a policy file; an unreadable or oversized file is an error like any other. */
export function readPolicyFile(file: string, knowledge?: PolicyKnowledge): PolicyLoad {
  const abs = path.resolve(file);
  let size: number;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) return policyFileProblem('not a file');
    size = st.size;
  } catch (e) {
    return policyFileProblem(`cannot read the policy file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (size > MAX_POLICY_BYTES) return policyFileProblem(`the policy file is ${size} bytes; over ${MAX_POLICY_BYTES} bytes is not a policy`);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    return policyFileProblem(`cannot read the policy file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parsePolicy(text, abs, knowledge);
}

/** The policy file of a workspace folder, and a second one it shadows (worth a note). */
export function findPolicyFile(dir: string): { file?: string; shadowed?: string } {
  const found = POLICY_LOCATIONS.map(rel => path.join(dir, rel)).filter(f => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
  return { ...(found[0] ? { file: found[0] } : {}), ...(found[1] ? { shadowed: found[1] } : {}) };
}
