// A loaded workspace policy and what evaluating it against an audit gives. Plain data (it
// goes into the JSON result and across the worker boundary), every clause with its place in
// the policy file so the editor can put a diagnostic on it.
import type { Category, Severity, TargetKind } from './kinds';
import type { ConfigScope } from './config';

/** 1-based line and UTF-16 column in the policy file; end exclusive, as for findings. */
export interface PolicyRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One part of the policy, e.g. path `assistants.block[2]`, and where it is written. */
export interface Clause {
  path: string;
  at: PolicyRange;
}

export type AssistantMatch =
  | { by: 'vendor'; vendor: string }
  | { by: 'country'; country: string }
  | { by: 'kind'; kind: Exclude<TargetKind, 'path'> }
  /** An id or id glob, with an npm-style version range when written `id@range`. */
  | { by: 'id'; glob: string; range?: string };

export interface AssistantSelector extends Clause {
  /** As written, e.g. `country:CN` or `claude-code@>=2.1.113`. */
  text: string;
  match: AssistantMatch;
}

export interface RuleSelector extends Clause {
  text: string;
  match: { by: 'rule'; ruleId: string } | { by: 'category'; category: Category };
}

export interface SeverityCap extends Clause {
  category: Category;
  max: Severity;
}

export interface HostPattern extends Clause {
  glob: string;
}

/**
 * An MCP server clause: by the server's name, the npm/PyPI package it starts, or its URL.
 * `either` is a bare entry, which names a server by name or by package.
 */
export type McpMatch = { by: 'name' | 'package' | 'either'; glob: string } | { by: 'url'; glob: string };

export interface McpSelector extends Clause {
  /** As written, e.g. `package:@modelcontextprotocol/*`. */
  text: string;
  match: McpMatch;
}

/** A config rule listed in `config.block`, known to this version or not (the policy may be newer). */
export interface ConfigRuleSelector extends Clause {
  ruleId: string;
}

/** A suppression as written in the policy file, keys in this order. */
export interface SuppressionEntry {
  rule: string;
  assistant: string;
  file: string;
  entry?: string;
  /** sha256 (hex) of the flagged text: the finding's `contentHash`. */
  hash: string;
  reason: string;
}

export interface Suppression extends Clause, SuppressionEntry {}

export interface Policy {
  /** Where it was read from (absolute), when it came from a file. */
  file?: string;
  assistants: {
    allow: AssistantSelector[];
    block: AssistantSelector[];
    /** The `allow` key itself: where "not in the allow list" is shown. */
    allowKey?: Clause;
  };
  rules: { block: RuleSelector[]; maxSeverity: SeverityCap[] };
  hosts: { allow: HostPattern[]; allowKey?: Clause };
  mcp: { allow: McpSelector[]; block: McpSelector[]; allowKey?: Clause };
  /** `minSeverity`: only findings at or above it break `block`. */
  config: { block: ConfigRuleSelector[]; minSeverity?: Clause & { min: Severity } };
  suppressions: Suppression[];
}

export interface PolicyProblem extends PolicyRange {
  severity: 'error' | 'warning';
  message: string;
  /** Where in the policy, e.g. `suppressions[0].reason`; '' for the file as a whole. */
  path: string;
}

export type ViolationKind =
  | 'assistant-blocked'
  | 'assistant-not-allowed'
  | 'rule-blocked'
  | 'severity-above-max'
  | 'host-not-allowed'
  | 'mcp-blocked'
  | 'mcp-not-allowed'
  | 'config-blocked';

export interface PolicyViolation {
  kind: ViolationKind;
  message: string;
  /** The target that breaks the clause; `index` is its place in `targets`. */
  assistant: { index: number; id: string; instanceId?: string; name: string; version?: string };
  /** For rules and hosts clauses: the finding at fault; `index` is its place in the target's `findings`. */
  finding?: {
    index: number;
    ruleId: string;
    severity: Severity;
    file: string;
    entry?: string;
    /** Absent for strings-pass findings in native code, which have a byte `offset` instead. */
    line?: number;
    column?: number;
    offset?: number;
    fingerprint?: string;
  };
  /**
   * For mcp clauses: the server definition at fault; `index` is its place in the target's
   * `config.mcpServers`, `file` relative to the target's root.
   */
  mcpServer?: {
    index: number;
    name: string;
    scope: ConfigScope;
    file: string;
    key: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  };
  /** The clause broken, with its text as written (`country:CN`, `secrets: medium`, `allow`). */
  clause: Clause & { text: string };
}

export interface SuppressedFinding {
  assistantIndex: number;
  findingIndex: number;
  /** Path of the suppression that matched, e.g. `suppressions[3]`. */
  suppression: string;
}

export interface UnusedSuppression extends Clause {
  /**
   * `stale`: the assistant has findings of this rule in this file, but none with this hash
   * (the flagged code changed); `not-audited`: no assistant with this id was audited;
   * `no-match`: the assistant was audited and has no finding of this rule in this file.
   */
  why: 'stale' | 'not-audited' | 'no-match';
  message: string;
}

/** What evaluating a policy gives; also the optional `policy` field of the JSON result. */
export interface PolicyReport {
  file?: string;
  violations: PolicyViolation[];
  suppressed: SuppressedFinding[];
  unusedSuppressions: UnusedSuppression[];
  /**
   * Assistant ids in `assistants.allow` or `block` that name no audited assistant: a typo, or a
   * name the tool does not know the assistant by, would otherwise fail open without a word.
   */
  unmatchedAssistants?: UnmatchedAssistant[];
  /**
   * `mcp` entries that match no MCP server configured on this machine: a warning only, since a
   * shared policy may name servers that some machines do not have.
   */
  unmatchedMcp?: UnmatchedClause[];
}

/** A clause that names nothing in this audit. */
export interface UnmatchedClause extends Clause {
  text: string;
  message: string;
}

export type UnmatchedAssistant = UnmatchedClause;
