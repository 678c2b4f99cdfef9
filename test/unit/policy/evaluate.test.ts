import * as assert from 'node:assert/strict';
import type { Finding, Severity, Category, TargetResult } from '../../../src/core/model';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { parsePolicy } from '../../../src/core/policy/load';
import { addSuppression, suppressionFor } from '../../../src/core/policy/edit';
import type { Policy } from '../../../src/core/model/policy';
import { scanSource } from '../../../src/core/scan/engine';
import { RULES } from '../../../src/core/rules';

const RULE_IDS = new Set(['region-gating', 'timezone-probe', 'vendor-keywords', 'endpoint-config-read', 'network-endpoint', 'credential-read', 'hidden-text']);

function policyOf(text: string): Policy {
  const r = parsePolicy(text, '/ws/.vscode/ai-tool-audit.json', { ruleIds: RULE_IDS });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.policy;
}

function finding(ruleId: string, category: Category, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return { ruleId, category, severity, message: ruleId, file: 'cli.js', line: 3, column: 7, endLine: 3, endColumn: 12, evidence: [], related: [], ...extra };
}

function target(id: string, over: Partial<TargetResult> = {}): TargetResult {
  return { id, name: id, kind: 'cli', root: `/opt/${id}`, filesScanned: 1, bytesScanned: 10, errors: [], findings: [], ...over };
}

const claude = target('claude-code', { vendor: 'anthropic', country: 'US', version: '2.1.112' });
const qwen = target('qwen-code', { vendor: 'alibaba', country: 'CN', version: '0.24.4' });
const copilot = target('github.copilot-chat', { kind: 'extension', vendor: 'microsoft', country: 'US', version: '0.30.0' });

describe('evaluating a policy', () => {
  describe('assistants', () => {
    it('blocks by id, id glob, vendor, country, kind and version range, each clause its own violation', () => {
      const text = `{"assistants": {"block": ["qwen-code", "github.*", "vendor:alibaba", "country:CN", "kind:extension", "claude-code@>=2.1.90 <2.1.113"]}}`;
      const r = evaluatePolicy(policyOf(text), { targets: [claude, qwen, copilot] });
      const got = r.violations.map(v => [v.kind, v.assistant.id, v.clause.text]);
      assert.deepEqual(got, [
        ['assistant-blocked', 'claude-code', 'claude-code@>=2.1.90 <2.1.113'],
        ['assistant-blocked', 'qwen-code', 'qwen-code'],
        ['assistant-blocked', 'qwen-code', 'vendor:alibaba'],
        ['assistant-blocked', 'qwen-code', 'country:CN'],
        ['assistant-blocked', 'github.copilot-chat', 'github.*'],
        ['assistant-blocked', 'github.copilot-chat', 'kind:extension'],
      ]);
      assert.match(r.violations[1].message, /^qwen-code \(0\.24\.4, cli, vendor alibaba, country CN\) is blocked by "qwen-code"$/);
    });

    it('names an assistant by its npm package name, extension id or instance id too, in clauses and suppressions', () => {
      const named = target('claude-code', { instanceId: 'claude-code@npm-global', names: ['@anthropic-ai/claude-code'], version: '2.1.112', findings: [finding('timezone-probe', 'region', 'medium', { contentHash: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881' })] });
      const ext = target('claude-code', { kind: 'extension', names: ['anthropic.claude-code'] });
      const text = `{"assistants": {"block": ["@anthropic-ai/claude-code@>=2.1.90 <2.1.113", "anthropic.claude-code"]}, "suppressions": [{"rule": "timezone-probe", "assistant": "@anthropic-ai/claude-code", "file": "cli.js", "hash": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", "reason": "reviewed"}]}`;
      const r = evaluatePolicy(policyOf(text), { targets: [named, ext] });
      assert.deepEqual(r.violations.map(v => [v.assistant.index, v.clause.text]), [[0, '@anthropic-ai/claude-code@>=2.1.90 <2.1.113'], [1, 'anthropic.claude-code']]);
      assert.equal(r.suppressed.length, 1);
      assert.equal(r.unmatchedAssistants, undefined);
    });

    it('warns about an id that names no audited or known assistant, with the nearest name (a typo must not fail open)', () => {
      const named = target('claude-code', { names: ['@anthropic-ai/claude-code'] });
      const r = evaluatePolicy(policyOf(`{"assistants": {"allow": ["@anthropic-ai/claude-cod", "vendor:nobody"], "block": ["acme-coder*", "qwen-cod"]}}`), { targets: [named] });
      assert.deepEqual(r.unmatchedAssistants?.map(u => [u.path, u.text]), [['assistants.allow[0]', '@anthropic-ai/claude-cod'], ['assistants.block[0]', 'acme-coder*'], ['assistants.block[1]', 'qwen-cod']]);
      assert.match(r.unmatchedAssistants![0].message, /^"@anthropic-ai\/claude-cod" in assistants\.allow names no audited or known assistant \(did you mean "@anthropic-ai\/claude-code"\?\)/);
      assert.doesNotMatch(r.unmatchedAssistants![1].message, /did you mean/, 'a glob gets no guess');
      assert.match(r.unmatchedAssistants![2].message, /\(did you mean "qwen-code"\?\)/, 'the nearest catalog id, though not installed here');
    });

    it('takes an id of a known assistant that is not installed here as meant (a team policy blocks what some machines lack)', () => {
      const named = target('claude-code', { names: ['@anthropic-ai/claude-code'] });
      const r = evaluatePolicy(policyOf(`{"assistants": {"allow": ["github.copilot*", "@openai/codex"], "block": ["qwen-code", "Alibaba-Cloud.tongyi-lingma"]}}`), { targets: [named] });
      assert.equal(r.unmatchedAssistants, undefined);
    });

    it('leaves versions outside a blocked range alone', () => {
      const r = evaluatePolicy(policyOf('{"assistants": {"block": ["claude-code@<2.1.90"]}}'), { targets: [claude] });
      assert.deepEqual(r.violations, []);
    });

    it('makes every assistant a non-empty allow list does not name a violation, on the allow key', () => {
      const text = '{\n  "assistants": {\n    "allow": ["vendor:anthropic", "github.copilot*"]\n  }\n}';
      const r = evaluatePolicy(policyOf(text), { targets: [claude, qwen, copilot] });
      assert.equal(r.violations.length, 1);
      const [v] = r.violations;
      assert.equal(v.kind, 'assistant-not-allowed');
      assert.equal(v.assistant.id, 'qwen-code');
      assert.equal(v.assistant.index, 1);
      assert.deepEqual({ path: v.clause.path, text: v.clause.text, at: v.clause.at }, { path: 'assistants.allow', text: 'allow', at: { line: 3, column: 5, endLine: 3, endColumn: 12 } });
    });

    it('restricts nothing with an empty allow list', () => {
      assert.deepEqual(evaluatePolicy(policyOf('{"assistants": {"allow": []}}'), { targets: [claude, qwen] }).violations, []);
    });

    it('lets block beat allow', () => {
      const r = evaluatePolicy(policyOf('{"assistants": {"allow": ["*"], "block": ["country:CN"]}}'), { targets: [claude, qwen] });
      assert.deepEqual(r.violations.map(v => [v.kind, v.assistant.id]), [['assistant-blocked', 'qwen-code']]);
      const both = evaluatePolicy(policyOf('{"assistants": {"allow": ["vendor:anthropic"], "block": ["qwen-code"]}}'), { targets: [qwen] });
      assert.deepEqual(both.violations.map(v => v.kind), ['assistant-blocked'], 'one verdict: blocked, not also "not allowed"');
    });

    it('allows only the versions an allow range names, and says when the version is unknown', () => {
      const p = policyOf('{"assistants": {"allow": ["claude-code@>=2.1.113"]}}');
      assert.equal(evaluatePolicy(p, { targets: [claude] }).violations.length, 1);
      assert.equal(evaluatePolicy(p, { targets: [{ ...claude, version: '2.1.332' }] }).violations.length, 0);
      const unknown = evaluatePolicy(p, { targets: [{ ...claude, version: undefined }] });
      assert.match(unknown.violations[0].message, /its version is unknown/);
    });

    it('reports each installation of an assistant', () => {
      const r = evaluatePolicy(policyOf('{"assistants": {"block": ["claude-code"]}}'), {
        targets: [{ ...claude, instanceId: 'npm' }, { ...claude, instanceId: 'native' }],
      });
      assert.deepEqual(r.violations.map(v => [v.assistant.index, v.assistant.instanceId]), [[0, 'npm'], [1, 'native']]);
    });
  });

  describe('rules', () => {
    const findings = [
      finding('region-gating', 'region', 'high'),
      finding('timezone-probe', 'region', 'medium'),
      finding('credential-read', 'secrets', 'medium', { entry: '/$bunfs/root/cli.js', fingerprint: 'f1' }),
      finding('hidden-text', 'covert', 'low'),
    ];
    const t = { ...claude, findings };

    it('blocks findings by rule id and by category, pointing at the finding and the clause', () => {
      const text = '{"rules": {"block": ["region-gating", "category:covert"]}}';
      const r = evaluatePolicy(policyOf(text), { targets: [t] });
      assert.deepEqual(r.violations.map(v => [v.kind, v.finding?.ruleId, v.finding?.index, v.clause.path]), [
        ['rule-blocked', 'region-gating', 0, 'rules.block[0]'],
        ['rule-blocked', 'hidden-text', 3, 'rules.block[1]'],
      ]);
      assert.equal(r.violations[0].clause.at.column, text.indexOf('"region-gating"') + 1);
      assert.match(r.violations[0].message, /region-gating at cli\.js:3:7 is blocked by "region-gating"/);
    });

    it('caps severity per category: above is a violation, equal is not', () => {
      const r = evaluatePolicy(policyOf('{"rules": {"maxSeverity": {"region": "medium", "secrets": "low", "covert": "high"}}}'), { targets: [t] });
      assert.deepEqual(r.violations.map(v => [v.kind, v.finding?.ruleId, v.clause.text]), [
        ['severity-above-max', 'region-gating', 'region: medium'],
        ['severity-above-max', 'credential-read', 'secrets: low'],
      ]);
      assert.deepEqual(r.violations[1].finding, { index: 2, ruleId: 'credential-read', severity: 'medium', file: 'cli.js', entry: '/$bunfs/root/cli.js', line: 3, column: 7, fingerprint: 'f1' });
      assert.match(r.violations[1].message, /cli\.js :: \/\$bunfs\/root\/cli\.js:3:7 is medium, above the low allowed for secrets/);
    });

    it('reports a finding once per clause it breaks', () => {
      const r = evaluatePolicy(policyOf('{"rules": {"block": ["region-gating", "category:region"], "maxSeverity": {"region": "low"}}}'), { targets: [{ ...claude, findings: [findings[0]] }] });
      assert.deepEqual(r.violations.map(v => v.clause.path), ['rules.block[0]', 'rules.block[1]', 'rules.maxSeverity.region']);
    });
  });

  describe('hosts', () => {
    const endpoint = (host: string) => finding('network-endpoint', 'network', 'info', { evidence: [`host ${host}`, 'class vendor-api'], host });

    it('flags network endpoints whose host no allowed glob matches', () => {
      const t = { ...claude, findings: [endpoint('api.anthropic.com'), endpoint('statsig.anthropic.com'), endpoint('api.deepseek.com'), endpoint('localhost')] };
      const r = evaluatePolicy(policyOf('{"hosts": {"allow": ["*.anthropic.com", "LOCALHOST"]}}'), { targets: [t] });
      assert.deepEqual(r.violations.map(v => [v.kind, v.finding?.index, v.clause.path]), [['host-not-allowed', 2, 'hosts.allow']]);
      assert.match(r.violations[0].message, /host api\.deepseek\.com at cli\.js:3:7 is not in the allowed hosts/);
    });

    it('places a violation in native code by byte offset', () => {
      const native = finding('network-endpoint', 'network', 'info', { file: 'bin/codex', line: undefined, column: undefined, endLine: undefined, endColumn: undefined, offset: 4096, confidence: 'approximate', evidence: ['host api.deepseek.com'], host: 'api.deepseek.com' });
      const r = evaluatePolicy(policyOf('{"hosts": {"allow": ["*.openai.com"]}}'), { targets: [{ ...claude, findings: [native] }] });
      assert.equal(r.violations.length, 1);
      assert.match(r.violations[0].message, /host api\.deepseek\.com at bin\/codex@byte 4096 is not in the allowed hosts/);
      assert.deepEqual(r.violations[0].finding, { index: 0, ruleId: 'network-endpoint', severity: 'info', file: 'bin/codex', offset: 4096 });
    });

    it('flags a host built at run time only when no allowed host could be it', () => {
      const t = { ...claude, findings: [endpoint('*'), endpoint('iamcredentials.*'), endpoint('bedrock-runtime.*.amazonaws.com')] };
      const r = evaluatePolicy(policyOf('{"hosts": {"allow": ["*.googleapis.com"]}}'), { targets: [t] });
      assert.deepEqual(r.violations.map(v => v.finding?.index), [2]);
    });

    it('judges only hosts the code sends requests to, not hosts it merely lists (an allow list, a string in a binary)', () => {
      const listed = finding('network-endpoint', 'network', 'info', { evidence: ['host api.deepseek.com (vendor-api)', 'host ripgrep.net (third-party)'] });
      const url = finding('network-endpoint', 'network', 'info', { evidence: ['host seccomp.example.org', 'class third-party'] });
      assert.deepEqual(evaluatePolicy(policyOf('{"hosts": {"allow": ["*.anthropic.com"]}}'), { targets: [{ ...claude, findings: [listed, url] }] }).violations, []);
    });

    it('looks only at network-endpoint findings that name a host', () => {
      const t = { ...claude, findings: [finding('vendor-keywords', 'vendor', 'low', { evidence: ['host api.deepseek.com'] }), finding('network-endpoint', 'network', 'low', { evidence: ['dynamic'] })] };
      assert.deepEqual(evaluatePolicy(policyOf('{"hosts": {"allow": ["*.anthropic.com"]}}'), { targets: [t] }).violations, []);
    });

    it('restricts nothing with an empty host list', () => {
      const t = { ...claude, findings: [endpoint('api.deepseek.com')] };
      assert.deepEqual(evaluatePolicy(policyOf('{"hosts": {"allow": []}}'), { targets: [t] }).violations, []);
    });
  });

  describe('suppressions', () => {
    const CODE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';
    const scan = (code: string, file = 'cli.js') => scanSource(code, { file, rules: RULES }).findings;
    const audited = (code: string, file?: string) => ({ targets: [{ ...claude, findings: scan(code, file) }] });
    const BLOCK = '{"rules": {"block": ["region-gating"]}, "suppressions": []}';
    const gateOf = (code: string) => scan(code).find(f => f.ruleId === 'region-gating')!;

    it('silences the exact finding it pins, and says so', () => {
      const policyText = addSuppression(BLOCK, suppressionFor(claude, gateOf(CODE), 'reviewed: the check only picks a mirror')).text;
      const r = evaluatePolicy(policyOf(policyText), audited(CODE));
      assert.deepEqual(r.violations, []);
      const gateIndex = audited(CODE).targets[0].findings.findIndex(f => f.ruleId === 'region-gating');
      assert.deepEqual(r.suppressed, [{ assistantIndex: 0, findingIndex: gateIndex, suppression: 'suppressions[0]' }]);
      assert.deepEqual(r.unusedSuppressions, []);
    });

    it('holds when the code only moves (the hash is of the flagged text, not its line)', () => {
      const policyText = addSuppression(BLOCK, suppressionFor(claude, gateOf(CODE), 'reviewed')).text;
      const moved = `// a new header\nconst unrelated = 1;\n\n${CODE}`;
      assert.deepEqual(evaluatePolicy(policyOf(policyText), audited(moved)).violations, []);
    });

    it('stops matching when the flagged code changes, and reports itself stale', () => {
      const policyText = addSuppression(BLOCK, suppressionFor(claude, gateOf(CODE), 'reviewed')).text;
      const changed = CODE.replace('t==="Asia/Shanghai"', 't==="Asia/Urumqi"');
      const r = evaluatePolicy(policyOf(policyText), audited(changed));
      assert.deepEqual(r.violations.map(v => v.kind), ['rule-blocked']);
      assert.deepEqual(r.suppressed, []);
      assert.equal(r.unusedSuppressions.length, 1);
      assert.equal(r.unusedSuppressions[0].why, 'stale');
      assert.match(r.unusedSuppressions[0].message, /the flagged code changed/);
    });

    it('pins assistant, file and module: the same code elsewhere is not suppressed', () => {
      const s = suppressionFor(claude, gateOf(CODE), 'reviewed');
      const policy = policyOf(addSuppression(BLOCK, s).text);
      assert.equal(evaluatePolicy(policy, audited(CODE, 'other.js')).violations.length, 1, 'other file');
      assert.equal(evaluatePolicy(policy, { targets: [{ ...qwen, findings: scan(CODE) }] }).violations.length, 1, 'other assistant');
      const inModule = scan(CODE).map(f => ({ ...f, entry: '/$bunfs/root/cli.js' }));
      assert.equal(evaluatePolicy(policy, { targets: [{ ...claude, findings: inModule }] }).violations.length, 1, 'same file name, but a module inside a binary');
      const forModule = policyOf(addSuppression(BLOCK, { ...s, entry: '/$bunfs/root/cli.js' }).text);
      assert.equal(evaluatePolicy(forModule, { targets: [{ ...claude, findings: inModule }] }).violations.length, 0, 'suppression naming the module');
      assert.equal(evaluatePolicy(policyOf(addSuppression(BLOCK, { ...s, assistant: 'Claude-Code' }).text), audited(CODE)).violations.length, 0, 'ids compare without case');
    });

    it('never suppresses a finding that has no content hash', () => {
      const s = suppressionFor(claude, gateOf(CODE), 'reviewed');
      const withoutHash = scan(CODE).map(f => ({ ...f, contentHash: undefined }));
      assert.equal(evaluatePolicy(policyOf(addSuppression(BLOCK, s).text), { targets: [{ ...claude, findings: withoutHash }] }).violations.length, 1);
    });

    it('tells apart suppressions for assistants not audited and findings gone', () => {
      const s = suppressionFor(claude, gateOf(CODE), 'reviewed');
      const policy = policyOf(addSuppression(BLOCK, s).text);
      assert.equal(evaluatePolicy(policy, { targets: [qwen] }).unusedSuppressions[0].why, 'not-audited');
      assert.equal(evaluatePolicy(policy, { targets: [claude] }).unusedSuppressions[0].why, 'no-match');
    });

    it('suppresses a finding for every clause, and leaves assistant clauses alone', () => {
      const s = suppressionFor(claude, gateOf(CODE), 'reviewed');
      const text = addSuppression('{"assistants": {"block": ["claude-code"]}, "rules": {"block": ["category:region"], "maxSeverity": {"region": "low"}}}', s).text;
      const r = evaluatePolicy(policyOf(text), audited(CODE));
      assert.ok(r.violations.every(v => v.finding?.ruleId !== 'region-gating'));
      assert.ok(r.violations.some(v => v.kind === 'assistant-blocked'));
      assert.ok(r.violations.some(v => v.finding?.ruleId === 'timezone-probe'), 'other findings still count');
    });
  });

  it('finds nothing to say about an empty policy', () => {
    const r = evaluatePolicy(policyOf('{}'), { targets: [claude, qwen] });
    assert.deepEqual(r, { file: '/ws/.vscode/ai-tool-audit.json', violations: [], suppressed: [], unusedSuppressions: [] });
  });
});
