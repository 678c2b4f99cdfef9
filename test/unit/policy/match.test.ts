import * as assert from 'node:assert/strict';
import { assistantMatches, globMatches, hostMayMatch, versionSatisfies } from '../../../src/core/policy/match';
import type { TargetResult } from '../../../src/core/model';

const target = (over: Partial<TargetResult>) => ({ id: 'anthropic.claude-code', kind: 'extension' as const, ...over });

describe('policy matching', () => {
  it('matches globs: * any run (dots and slashes too), ? one character, case ignored', () => {
    const table: Array<[string, string, boolean]> = [
      ['github.copilot*', 'github.copilot', true],
      ['github.copilot*', 'github.copilot-chat', true],
      ['github.copilot*', 'GitHub.Copilot-Chat', true],
      ['github.copilot*', 'xgithub.copilot', false],
      ['*.anthropic.com', 'api.anthropic.com', true],
      ['*.anthropic.com', 'a.b.anthropic.com', true],
      ['*.anthropic.com', 'anthropic.com', false],
      ['*.anthropic.com', 'api.anthropic.com.evil.net', false],
      ['*.cn', 'open.bigmodel.cn', true],
      ['@anthropic-ai/*', '@anthropic-ai/claude-code', true],
      ['api.openai.com', 'api.openai.com', true],
      ['api.openai.com', 'apixopenaixcom', false],
      ['api?.example.com', 'api2.example.com', true],
      ['api?.example.com', 'api.example.com', false],
      ['a+b(c)[d]{e}^$|\\', 'a+b(c)[d]{e}^$|\\', true],
      ['*', 'anything at all', true],
    ];
    for (const [glob, text, expected] of table) assert.equal(globMatches(glob, text), expected, `${glob} vs ${text}`);
  });

  it('matches assistants by vendor, country, kind and id', () => {
    const t = target({ vendor: 'anthropic', country: 'US', version: '2.1.112' });
    assert.ok(assistantMatches({ by: 'vendor', vendor: 'anthropic' }, t));
    assert.ok(!assistantMatches({ by: 'vendor', vendor: 'openai' }, t));
    assert.ok(assistantMatches({ by: 'country', country: 'US' }, t));
    assert.ok(assistantMatches({ by: 'country', country: 'us' }, t));
    assert.ok(!assistantMatches({ by: 'country', country: 'CN' }, t));
    assert.ok(assistantMatches({ by: 'kind', kind: 'extension' }, t));
    assert.ok(!assistantMatches({ by: 'kind', kind: 'cli' }, t));
    assert.ok(assistantMatches({ by: 'id', glob: 'anthropic.*' }, t));
    assert.ok(!assistantMatches({ by: 'id', glob: 'anthropic' }, t));
  });

  it('never matches vendor or country clauses on targets that do not say theirs', () => {
    const t = target({});
    assert.ok(!assistantMatches({ by: 'vendor', vendor: 'anthropic' }, t));
    assert.ok(!assistantMatches({ by: 'country', country: 'US' }, t));
  });

  it('matches version ranges as npm does, prereleases inside a range included', () => {
    const at = (version?: string) => target({ version });
    const m = (range: string) => ({ by: 'id' as const, glob: 'anthropic.claude-code', range });
    assert.ok(assistantMatches(m('>=2.1.90 <2.1.113'), at('2.1.112')));
    assert.ok(!assistantMatches(m('>=2.1.90 <2.1.113'), at('2.1.113')));
    assert.ok(assistantMatches(m('^2.1.0'), at('2.9.0')));
    assert.ok(!assistantMatches(m('^2.1.0'), at('3.0.0')));
    assert.ok(assistantMatches(m('<2.1.90 || >2.1.112'), at('2.1.332')));
    assert.ok(assistantMatches(m('2.1.x'), at('2.1.5')));
    assert.ok(assistantMatches(m('>=2.1.90 <2.3.0'), at('2.2.0-beta.1')));
    assert.ok(!assistantMatches(m('>=1.0.0'), at(undefined)), 'an unknown version proves nothing');
    assert.ok(!assistantMatches(m('>=1.0.0'), at('not a version')));
    assert.ok(versionSatisfies('v1.2.3', '1.x'), 'loose versions as VS Code extensions sometimes write them');
  });

  it('lets a host built at run time break an allow list only when it certainly falls outside it', () => {
    const table: Array<[string, string, boolean]> = [
      ['*.anthropic.com', 'bedrock-runtime.*.amazonaws.com', false],
      ['*.amazonaws.com', 'bedrock-runtime.*.amazonaws.com', true],
      ['*.googleapis.com', 'iamcredentials.*', true],
      ['*.googleapis.com', 'sts.*.example.net', false],
      ['api.github.com', '*', true],
      ['api.github.com', '[*]', false],
      ['api.github.com', '*.github.com', true],
      ['api.github.com', '*.gitlab.com', false],
      ['api?.example.com', 'api*.example.com', true],
      ['API.example.com', 'api.*', true],
      ['*.anthropic.com', 'api.anthropic.com', true],
      ['*.anthropic.com', 'api.deepseek.com', false],
    ];
    for (const [glob, host, expected] of table) assert.equal(hostMayMatch(glob, host), expected, `${glob} vs ${host}`);
    assert.equal(hostMayMatch('*a*a*a*a*a*a*a*b', `${'a*'.repeat(40)}c`), false, 'no exponential blow-up');
  });

});
