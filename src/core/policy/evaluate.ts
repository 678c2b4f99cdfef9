// Policy + audit result -> violations. Pure: no files, no clock, no environment, so the CLI,
// the extension and the tests get the same answer from the same data.
//
// Order of reasoning, per assistant: a `block` clause that names it is a violation (each
// clause that does, so each gets its diagnostic), and then `allow` is not consulted: block
// beats allow. Otherwise a non-empty `allow` that names it in no clause is one violation.
// Per finding: suppressions first (a suppressed finding breaks nothing), then blocked rules
// and categories, the severity caps, the allowed hosts and the blocked config rules. Per MCP
// server in a config target's inventory: `mcp.block`, then `mcp.allow`, as for assistants.
import { severityRank, type AuditResult, type Finding, type TargetResult } from '../model';
import { assistantMatches, globMatches, hostMayMatch, HOST_RULE, namesOf } from './match';
import type { Clause, Policy, PolicyReport, PolicyViolation, SuppressedFinding, Suppression, UnmatchedAssistant, UnusedSuppression } from '../model/policy';
import { didYouMean } from './didYouMean';
import { CATALOG } from '../catalog/assistants';
import { mcpViolations, unmatchedMcp } from './evaluateMcp';

export function evaluatePolicy(policy: Policy, result: Pick<AuditResult, 'targets'>): PolicyReport {
  const violations: PolicyViolation[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<Suppression>();

  result.targets.forEach((target, ti) => {
    const assistant = {
      index: ti,
      id: target.id,
      ...(target.instanceId ? { instanceId: target.instanceId } : {}),
      name: target.name,
      ...(target.version ? { version: target.version } : {}),
    };
    const who = describeTarget(target);
    const add = ({ kind, message, finding, mcpServer, clause }: Omit<PolicyViolation, 'assistant'>) =>
      violations.push({ kind, message, assistant, ...(finding ? { finding } : {}), ...(mcpServer ? { mcpServer } : {}), clause });

    const blocking = policy.assistants.block.filter(s => assistantMatches(s.match, target));
    for (const s of blocking) {
      add({ kind: 'assistant-blocked', message: `${who} is blocked by "${s.text}"`, clause: clauseOf(s, s.text) });
    }
    if (!blocking.length && policy.assistants.allow.length && !policy.assistants.allow.some(s => assistantMatches(s.match, target))) {
      const key = policy.assistants.allowKey ?? policy.assistants.allow[0];
      const versioned = !target.version && policy.assistants.allow.some(s => { const m = s.match; return m.by === 'id' && !!m.range && namesOf(target).some(n => globMatches(m.glob, n)); });
      add({
        kind: 'assistant-not-allowed',
        message: `${who} is not in the allowed assistants${versioned ? ' (its version is unknown, so no version range can allow it)' : ''}`,
        clause: clauseOf(key, 'allow'),
      });
    }

    target.findings.forEach((finding, fi) => {
      const suppression = policy.suppressions.find(s => suppresses(s, target, finding));
      if (suppression) {
        used.add(suppression);
        suppressed.push({ assistantIndex: ti, findingIndex: fi, suppression: suppression.path });
        return;
      }
      const at = findingRef(finding, fi);
      const where = placeOf(finding);
      for (const s of policy.rules.block) {
        const hit = s.match.by === 'rule' ? finding.ruleId === s.match.ruleId : finding.category === s.match.category;
        if (hit) add({ kind: 'rule-blocked', message: `${who}: ${finding.ruleId} at ${where} is blocked by "${s.text}"`, finding: at, clause: clauseOf(s, s.text) });
      }
      for (const cap of policy.rules.maxSeverity) {
        if (finding.category === cap.category && severityRank(finding.severity) > severityRank(cap.max)) {
          add({
            kind: 'severity-above-max',
            message: `${who}: ${finding.ruleId} at ${where} is ${finding.severity}, above the ${cap.max} allowed for ${cap.category}`,
            finding: at,
            clause: clauseOf(cap, `${cap.category}: ${cap.max}`),
          });
        }
      }
      // Only hosts the code sends requests to: a host merely listed (an allow list, a link) is not contacted.
      if (policy.hosts.allow.length && finding.ruleId === HOST_RULE) {
        const host = finding.host;
        if (host !== undefined && !policy.hosts.allow.some(h => hostMayMatch(h.glob, host))) {
          const key = policy.hosts.allowKey ?? policy.hosts.allow[0];
          add({ kind: 'host-not-allowed', message: `${who}: host ${host} at ${where} is not in the allowed hosts`, finding: at, clause: clauseOf(key, 'allow') });
        }
      }
      const min = policy.config.minSeverity;
      if (finding.source === 'config' && (!min || severityRank(finding.severity) >= severityRank(min.min))) {
        for (const s of policy.config.block) {
          if (finding.ruleId === s.ruleId) add({ kind: 'config-blocked', message: `${who}: ${finding.ruleId} (${finding.severity}) at ${where} is blocked by config.block "${s.ruleId}"`, finding: at, clause: clauseOf(s, s.ruleId) });
        }
      }
    });
    for (const v of mcpViolations(policy.mcp, target, who)) add(v);
  });

  const unusedSuppressions = policy.suppressions.filter(s => !used.has(s)).map(s => unused(s, result.targets));
  // With nothing audited (yet) every id would look unmatched.
  const unmatchedAssistants = result.targets.length ? unmatchedIds(policy, result.targets) : [];
  const unmatchedServers = unmatchedMcp(policy.mcp, result.targets);
  return {
    ...(policy.file ? { file: policy.file } : {}),
    violations,
    suppressed,
    unusedSuppressions,
    ...(unmatchedAssistants.length ? { unmatchedAssistants } : {}),
    ...(unmatchedServers.length ? { unmatchedMcp: unmatchedServers } : {}),
  };
}

/**
 * The names a known assistant goes by in a policy: its catalog id, extension ids and npm
 * packages. A clause naming one that is not installed here is a rule for the day it is (a
 * team policy blocks what some machines lack), not a typo.
 */
const CATALOG_NAMES = [...new Set(CATALOG.flatMap(e => [e.id, ...(e.extensionIds ?? []), ...(e.npm ?? [])]))];

/**
 * Id clauses that name no audited assistant and no assistant the catalog knows, with the
 * nearest name either goes by: a typo must not quietly allow or block nothing.
 */
function unmatchedIds(policy: Policy, targets: readonly TargetResult[]): UnmatchedAssistant[] {
  const audited = [...new Set(targets.flatMap(t => namesOf(t)))];
  const out: UnmatchedAssistant[] = [];
  for (const [list, s] of [...policy.assistants.allow.map(s => ['allow', s] as const), ...policy.assistants.block.map(s => ['block', s] as const)]) {
    const m = s.match;
    if (m.by !== 'id' || [...audited, ...CATALOG_NAMES].some(n => globMatches(m.glob, n))) continue;
    // The audited names first: among equally near names, the one installed here is meant.
    const hint = m.glob.includes('*') || m.glob.includes('?') ? '' : didYouMean(m.glob, [...audited, ...CATALOG_NAMES]);
    out.push({ path: s.path, at: s.at, text: s.text, message: `"${s.text}" in assistants.${list} names no audited or known assistant${hint}; ids match the assistant's id, instance id, extension id or npm package name (ai-tool-audit list --json)` });
  }
  return out;
}

/**
 * A suppression holds one exact piece of flagged code: same rule, assistant, file and module,
 * and the same hash of the flagged text. Change the code and it stops matching.
 */
export function suppresses(s: Suppression, target: Pick<TargetResult, 'id' | 'instanceId' | 'names'>, finding: Finding): boolean {
  return (
    s.rule === finding.ruleId &&
    namesOf(target).some(name => name.toLowerCase() === s.assistant.toLowerCase()) &&
    s.file === finding.file &&
    (s.entry ?? undefined) === (finding.entry ?? undefined) &&
    finding.contentHash !== undefined &&
    s.hash === finding.contentHash
  );
}

function unused(s: Suppression, targets: readonly TargetResult[]): UnusedSuppression {
  const clause = { path: s.path, at: s.at };
  const mine = targets.filter(t => t.id.toLowerCase() === s.assistant.toLowerCase());
  const place = s.entry ? `${s.file} :: ${s.entry}` : s.file;
  if (!mine.length) return { ...clause, why: 'not-audited', message: `no assistant "${s.assistant}" in this audit; the suppression was not checked` };
  const sameSpot = mine.some(t => t.findings.some(f => f.ruleId === s.rule && f.file === s.file && (f.entry ?? undefined) === (s.entry ?? undefined)));
  if (sameSpot) return { ...clause, why: 'stale', message: `stale: ${s.assistant} has ${s.rule} findings in ${place}, but none with this hash (the flagged code changed); review it again` };
  return { ...clause, why: 'no-match', message: `${s.assistant} has no ${s.rule} finding in ${place} any more` };
}

function clauseOf(c: Clause, text: string): Clause & { text: string } {
  return { path: c.path, at: c.at, text };
}

function findingRef(f: Finding, index: number): NonNullable<PolicyViolation['finding']> {
  return {
    index,
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    ...(f.entry ? { entry: f.entry } : {}),
    ...(f.line !== undefined ? { line: f.line, column: f.column } : f.offset !== undefined ? { offset: f.offset } : {}),
    ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
  };
}

/** `file:line:col`, `file :: module:line:col`, or `file@byte N` for native strings. */
function placeOf(f: Finding): string {
  const file = f.entry ? `${f.file} :: ${f.entry}` : f.file;
  if (f.line !== undefined) return `${file}:${f.line}:${f.column}`;
  return f.offset !== undefined ? `${file}@byte ${f.offset}` : file;
}

function describeTarget(t: TargetResult): string {
  const details = [t.version, t.kind !== 'path' ? t.kind : undefined, t.vendor && `vendor ${t.vendor}`, t.country && `country ${t.country}`].filter(Boolean);
  return `${t.id}${details.length ? ` (${details.join(', ')})` : ''}`;
}
