import * as assert from 'node:assert/strict';
import { auditConfigurations } from '../../../src/core/audit';
import { evaluatePolicy } from '../../../src/core/policy/evaluate';
import { parsePolicy } from '../../../src/core/policy/load';
import { reportDiagnostics } from '../../../src/core/policy/diagnostics';
import type { Policy } from '../../../src/core/model/policy';
import type { TargetResult } from '../../../src/core/model';
import { fixtureSources } from '../../helpers/configFixture';

function policyOf(text: string): Policy {
  const r = parsePolicy(text, '/ws/ai-tool-audit.json');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.policy;
}

describe('policy keys mcp and config', () => {
  // The Claude Code fixture: servers github, pinned, remote, local-db (home/.claude.json),
  // helper, latest, plain (workspace/.mcp.json); config findings of every rule.
  let targets: TargetResult[];
  before(() => {
    targets = auditConfigurations({ sources: fixtureSources('claude'), only: ['claude-code'] });
    assert.equal(targets.length, 1);
  });
  const evaluate = (text: string) => evaluatePolicy(policyOf(text), { targets });
  const servers = (text: string) => evaluate(text).violations.map(v => [v.kind, v.mcpServer?.name, v.clause.text]);

  describe('mcp', () => {
    it('blocks by name, package, URL glob and prefixes, each matching entry its own violation', () => {
      const table: Array<[string, Array<[string, string]>]> = [
        ['github', [['github', 'github']]],
        ['name:github', [['github', 'name:github']]],
        ['@modelcontextprotocol/*', [['github', '@modelcontextprotocol/*'], ['pinned', '@modelcontextprotocol/*']]],
        ['package:@modelcontextprotocol/server-filesystem', [['pinned', 'package:@modelcontextprotocol/server-filesystem']]],
        ['package:github', []],
        ['mcp-server-sqlite', [['local-db', 'mcp-server-sqlite']]],
        ['https://*.example-saas.com/*', [['remote', 'https://*.example-saas.com/*']]],
        ['url:http://10.1.2.3:*/*', [['plain', 'url:http://10.1.2.3:*/*']]],
        ['name:l*', [['local-db', 'name:l*'], ['latest', 'name:l*']]],
      ];
      for (const [entry, expected] of table) {
        const got = servers(JSON.stringify({ mcp: { block: [entry] } }));
        assert.deepEqual(got, expected.map(([name, text]) => ['mcp-blocked', name, text]), entry);
      }
      const twice = servers('{"mcp": {"block": ["github", "package:@modelcontextprotocol/*"]}}');
      assert.deepEqual(twice.filter(v => v[1] === 'github').map(v => v[2]), ['github', 'package:@modelcontextprotocol/*']);
    });

    it('with a non-empty allow list, every server it does not match is one violation of the allow key', () => {
      const r = evaluate('{\n  "mcp": {\n    "allow": ["package:@modelcontextprotocol/*", "url:https://*.example-saas.com/*", "local-db"]\n  }\n}');
      assert.deepEqual(r.violations.map(v => [v.kind, v.mcpServer?.name, v.clause.path, v.clause.text]), [
        ['mcp-not-allowed', 'helper', 'mcp.allow', 'allow'],
        ['mcp-not-allowed', 'latest', 'mcp.allow', 'allow'],
        ['mcp-not-allowed', 'plain', 'mcp.allow', 'allow'],
      ]);
      assert.deepEqual(r.violations[0].clause.at, { line: 3, column: 5, endLine: 3, endColumn: 12 });
      assert.equal(evaluate('{"mcp": {"allow": []}}').violations.length, 0, 'an empty allow list allows everything');
    });

    it('block beats allow: a blocked server is not also "not allowed"', () => {
      const r = evaluate('{"mcp": {"allow": ["github", "pinned"], "block": ["github"]}}');
      const github = r.violations.filter(v => v.mcpServer?.name === 'github');
      assert.deepEqual(github.map(v => v.kind), ['mcp-blocked']);
      assert.ok(!r.violations.some(v => v.mcpServer?.name === 'pinned'));
      assert.equal(r.violations.filter(v => v.kind === 'mcp-not-allowed').length, 5);
    });

    it('gives each violation the server definition: assistant, place, scope, and says it in the message', () => {
      const [v] = evaluate('{"mcp": {"block": ["helper"]}}').violations;
      assert.equal(v.assistant.id, 'claude-code');
      assert.equal(v.finding, undefined);
      assert.deepEqual(v.mcpServer, { index: 4, name: 'helper', scope: 'project', file: 'workspace/.mcp.json', key: 'mcpServers.helper', line: 3, column: 5, endLine: 3, endColumn: 105 });
      assert.equal(targets[0].config!.mcpServers[v.mcpServer!.index].name, 'helper');
      assert.match(v.message, /^claude-code \(config, .*\): MCP server "helper" \(project scope, command sh\) at workspace\/\.mcp\.json:3:5 is blocked by "helper"$/);
    });

    it('points the editor at the server definition (related location) and warns on entries that match no server', () => {
      const r = evaluate('{"mcp": {"allow": ["githb", "name:*"], "block": ["helper", "package:@acme/*", "url:https://mcp.corp.example/*"]}}');
      const [diag] = reportDiagnostics(r, targets);
      assert.deepEqual(diag.related.map(s => [s.root, s.file, s.line, s.column, s.message]), [[targets[0].root, 'workspace/.mcp.json', 3, 5, 'claude-code: MCP server "helper" (project scope)']]);
      assert.deepEqual(r.unmatchedMcp?.map(u => [u.path, u.text]), [['mcp.allow[0]', 'githb'], ['mcp.block[1]', 'package:@acme/*'], ['mcp.block[2]', 'url:https://mcp.corp.example/*']]);
      assert.match(r.unmatchedMcp![0].message, /"githb" in mcp\.allow matches no MCP server configured on this machine \(did you mean "github"\?\)/);
      const warnings = reportDiagnostics(r, targets).filter(d => d.code.endsWith('(unmatched)'));
      assert.deepEqual(warnings.map(d => [d.severity, d.code]), [['warning', 'mcp.allow[0] (unmatched)'], ['warning', 'mcp.block[1] (unmatched)'], ['warning', 'mcp.block[2] (unmatched)']]);
    });

    it('says nothing about unmatched entries when no configuration was read (--no-config)', () => {
      const code: TargetResult = { ...targets[0], kind: 'cli', config: undefined, findings: [] };
      const r = evaluatePolicy(policyOf('{"mcp": {"allow": ["github"], "block": ["helper"]}}'), { targets: [code] });
      assert.deepEqual([r.violations, r.unmatchedMcp], [[], undefined]);
    });
  });

  describe('config', () => {
    it('blocks every config finding of the listed rules, at its place', () => {
      const r = evaluate('{"config": {"block": ["config-auto-approve", "config-mcp-unpinned"]}}');
      const got = r.violations.map(v => [v.kind, v.finding?.ruleId, `${v.finding?.file}:${v.finding?.line}:${v.finding?.column}`, v.clause.path]);
      assert.deepEqual(got, [
        ['config-blocked', 'config-mcp-unpinned', 'home/.claude.json:4:5', 'config.block[1]'],
        ['config-blocked', 'config-mcp-unpinned', 'home/.claude.json:11:23', 'config.block[1]'],
        ['config-blocked', 'config-auto-approve', 'home/.claude/settings.json:11:5', 'config.block[0]'],
        ['config-blocked', 'config-auto-approve', 'home/.claude/settings.json:12:41', 'config.block[0]'],
        ['config-blocked', 'config-auto-approve', 'home/.claude/settings.json:12:52', 'config.block[0]'],
        ['config-blocked', 'config-auto-approve', 'workspace/.claude/settings.json:3:30', 'config.block[0]'],
        ['config-blocked', 'config-mcp-unpinned', 'workspace/.mcp.json:3:5', 'config.block[1]'],
        ['config-blocked', 'config-mcp-unpinned', 'workspace/.mcp.json:4:5', 'config.block[1]'],
      ]);
      for (const v of r.violations) assert.equal(targets[0].findings[v.finding!.index].ruleId, v.finding!.ruleId);
      assert.match(r.violations[2].message, /config-auto-approve \(high\) at home\/\.claude\/settings\.json:11:5 is blocked by config\.block "config-auto-approve"$/);
    });

    it('minSeverity keeps findings below it out', () => {
      const table: Array<[string, number]> = [['info', 8], ['low', 8], ['medium', 8], ['high', 4]];
      for (const [min, n] of table) {
        const r = evaluate(JSON.stringify({ config: { block: ['config-auto-approve', 'config-mcp-unpinned'], minSeverity: min } }));
        assert.equal(r.violations.length, n, min);
        if (min === 'high') assert.ok(r.violations.every(v => v.finding!.severity === 'high'));
      }
    });

    it('applies to config findings only, and not to suppressed ones', () => {
      const code: TargetResult = { id: 'x', name: 'x', kind: 'cli', root: '/x', filesScanned: 1, bytesScanned: 1, errors: [], findings: [{ ruleId: 'config-tls-off', category: 'network', severity: 'high', message: '', file: 'a.js', line: 1, column: 1, evidence: [], related: [] }] };
      assert.equal(evaluatePolicy(policyOf('{"config": {"block": ["config-tls-off"]}}'), { targets: [code] }).violations.length, 0);
      const tls = targets[0].findings.find(f => f.ruleId === 'config-tls-off')!;
      assert.ok(tls.contentHash);
      const suppression = { rule: 'config-tls-off', assistant: 'claude-code', file: tls.file, hash: tls.contentHash, reason: 'test machine' };
      const r = evaluate(JSON.stringify({ config: { block: ['config-tls-off'] }, suppressions: [suppression] }));
      assert.deepEqual([r.violations.length, r.suppressed.length], [0, 1]);
    });
  });

  describe('loading', () => {
    it('warns, with a suggestion, on config.block ids that are no config rule, and keeps the policy', () => {
      const r = parsePolicy('{\n  "config": {\n    "block": ["config-mcp-unpined", "network-endpoint", "config-future-rule", "config-tls-off"]\n  }\n}');
      assert.ok(r.ok);
      assert.deepEqual(r.warnings.map(w => [w.path, w.line, w.column]), [['config.block[0]', 3, 15], ['config.block[1]', 3, 37], ['config.block[2]', 3, 57]]);
      assert.match(r.warnings[0].message, /"config-mcp-unpined" is not a config rule this version knows \(did you mean "config-mcp-unpinned"\?\): this entry blocks nothing/);
      assert.match(r.warnings[1].message, /"network-endpoint" is not a config rule .*rules\.block takes it/);
      assert.doesNotMatch(r.warnings[2].message, /did you mean/);
      assert.deepEqual(r.policy.config.block.map(b => b.ruleId), ['config-mcp-unpined', 'network-endpoint', 'config-future-rule', 'config-tls-off']);
    });

    it('reports schema errors in the new keys at line and column', () => {
      const table: Array<[string, string, number, number, RegExp]> = [
        ['{"mcp": {"allow": ["nmae:github"]}}', 'mcp.allow[0]', 1, 20, /expected an MCP server name or package .*found "nmae:github"/],
        ['{"mcp": {"block": ["url:mcp.corp.example"]}}', 'mcp.block[0]', 1, 20, /url:GLOB/],
        ['{"mcp": {"block": ["has space"]}}', 'mcp.block[0]', 1, 20, /expected an MCP server/],
        ['{"mcp": {"allow": "github"}}', 'mcp.allow', 1, 19, /expected an array, found a string/],
        ['{"mcp": {"deny": []}}', 'mcp.deny', 1, 10, /unknown key "deny"; allowed here: allow, block/],
        ['{\n"config": {"block": ["Config Auto"]}}', 'config.block[0]', 2, 22, /expected a config rule id/],
        ['{"config": {"minSeverity": "hi"}}', 'config.minSeverity', 1, 28, /expected one of "info", "low", "medium", "high", found "hi"/],
        ['{"config": {"blok": []}}', 'config.blok', 1, 13, /unknown key "blok" \(did you mean "block"\?\)/],
      ];
      for (const [text, path, line, column, message] of table) {
        const r = parsePolicy(text);
        assert.ok(!r.ok, text);
        assert.deepEqual(r.errors.map(e => [e.path, e.line, e.column]), [[path, line, column]], text);
        assert.match(r.errors[0].message, message, text);
      }
    });

    it('reads a policy without the new keys as before: empty mcp and config, no violations from them', () => {
      const r = evaluate('{"assistants": {"allow": ["claude-code"]}, "rules": {"block": ["config-tls-off"]}}');
      assert.deepEqual(r.violations.map(v => [v.kind, v.finding?.ruleId]), [['rule-blocked', 'config-tls-off']]);
      assert.equal(r.unmatchedMcp, undefined);
      const p = policyOf('{}');
      assert.deepEqual([p.mcp, p.config], [{ allow: [], block: [] }, { block: [] }]);
    });
  });
});
