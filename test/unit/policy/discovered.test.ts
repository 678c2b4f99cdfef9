import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildFakeHome, type FakeHome } from '../../helpers/fakeHome';

const CLI = path.resolve('dist/cli.js');

describe('a workspace policy over the discovered assistants of a home', () => {
  let fake: FakeHome;
  let ws: string;
  before(() => {
    fake = buildFakeHome();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-policy-ws-'));
  });
  after(() => {
    fs.rmSync(fake.home, { recursive: true, force: true });
    fs.rmSync(ws, { recursive: true, force: true });
  });

  function scan(policy: object, only: string) {
    fs.writeFileSync(path.join(ws, 'ai-tool-audit.json'), JSON.stringify(policy, null, 2));
    const other = '/home/someone-else';
    const moved = (v: string) => v.split(fake.home).join(other);
    const env = { HOME: other, PATH: moved(fake.env.PATH), PNPM_HOME: moved(fake.env.PNPM_HOME), HOMEBREW_PREFIX: fake.env.HOMEBREW_PREFIX, NO_COLOR: '1' };
    return spawnSync(process.execPath, [CLI, 'scan', '--home', fake.home, '--only', only, '--json'], { cwd: ws, encoding: 'utf8', env });
  }

  it('judges each installation by the vendor, country, kind and version discovery reports', () => {
    const r = scan(
      { assistants: { allow: ['vendor:anthropic', 'vendor:google', 'kind:extension'], block: ['country:CN', 'claude-code@>=2.1.90 <2.1.113'] } },
      'qwen-code,claude-code,gemini-cli,cline,auggie',
    );
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    const verdicts = out.policy.violations.map((v: any) => [v.assistant.instanceId, v.kind, v.clause.text]);
    assert.deepEqual(verdicts.sort(), [
      ['auggie@volta', 'assistant-not-allowed', 'allow'],
      ['claude-code@native', 'assistant-blocked', 'claude-code@>=2.1.90 <2.1.113'],
      ['qwen-code@bun', 'assistant-blocked', 'country:CN'],
    ]);
    const blocked = out.policy.violations.find((v: any) => v.assistant.instanceId === 'qwen-code@bun');
    assert.equal(out.targets[blocked.assistant.index].instanceId, 'qwen-code@bun');
  });

  it('passes a home whose assistants the policy allows', () => {
    const r = scan({ assistants: { allow: ['vendor:anthropic', 'kind:extension'] } }, 'claude-code,cline');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).policy.violations, []);
  });
});
