import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handleJob } from '../../src/core/worker/handlers';
import { WorkerRunner } from '../../src/core/worker/runner';
import { runAudit } from '../../src/core/worker/audit';
import type { ConfigJob, WorkerMessage } from '../../src/core/worker/protocol';
import type { TargetResult } from '../../src/core/model';

const WORKER = path.resolve('dist/worker.js');
const FIXTURE = path.resolve('test/fixtures/config/claude');
const SOURCES: ConfigJob['sources'] = { home: path.join(FIXTURE, 'home'), workspace: path.join(FIXTURE, 'workspace'), env: {}, platform: 'linux' };

function run(job: Parameters<typeof handleJob>[0]): WorkerMessage[] {
  const messages: WorkerMessage[] = [];
  handleJob(job, m => messages.push(m));
  return messages;
}

type ConfigMessage = Extract<WorkerMessage, { type: 'config' }>;
const configOf = (messages: WorkerMessage[]) => messages.find((m): m is ConfigMessage => m.type === 'config');

describe('reading the assistants\u2019 settings in the scan worker', () => {
  it('answers a config job with one target per assistant and the files it would read', () => {
    const messages = run({ kind: 'config', sources: SOURCES });
    assert.deepEqual(messages.map(m => m.type), ['config', 'done']);
    const config = configOf(messages)!;
    assert.deepEqual(config.results.map(r => `${r.instanceId} ${r.kind}`), ['claude-code:config config']);
    assert.ok(config.results[0].findings.some(f => f.ruleId === 'config-auto-approve' && f.scope === 'user'));
    assert.ok(config.candidates.includes(path.join(SOURCES.workspace!, '.mcp.json')), 'the workspace .mcp.json is a candidate');
    assert.ok(config.candidates.includes(path.join(SOURCES.home, '.claude', 'settings.json')));
  });

  it('drops the findings of disabled rules', () => {
    const config = configOf(run({ kind: 'config', sources: SOURCES, disabledRules: ['config-auto-approve'] }))!;
    assert.ok(config.results[0].findings.length > 0);
    assert.ok(!config.results[0].findings.some(f => f.ruleId === 'config-auto-approve'));
  });

  it('reads the settings before the code when an audit job carries them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-config-job-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.js'), 'module.exports = 1;');
      const messages = run({ kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: dir }], config: SOURCES });
      assert.deepEqual(messages.map(m => m.type), ['config', 'file', 'target', 'done']);
      assert.deepEqual(run({ kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: dir }] }).map(m => m.type), ['file', 'target', 'done'], 'and only then');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports nothing for a home and workspace without settings', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-config-empty-'));
    try {
      assert.deepEqual(configOf(run({ kind: 'config', sources: { home: empty, workspace: empty, env: {}, platform: 'linux' } }))?.results, []);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('runs in a worker thread: an audit with no targets still reports the settings once, and a config job uses the warm worker', async () => {
    const runner = new WorkerRunner(WORKER);
    try {
      const seen: TargetResult[][] = [];
      const outcome = await runAudit(runner, { kind: 'audit', targets: [], config: SOURCES, pool: { script: WORKER, size: 1 } }, { onConfig: results => seen.push(results) });
      assert.equal(outcome.status, 'done');
      assert.equal(seen.length, 1);
      assert.equal(seen[0][0].instanceId, 'claude-code:config');
      let got: ConfigMessage | undefined;
      const quick = await runner.run({ kind: 'config', sources: SOURCES }, { onMessage: m => m.type === 'config' && (got = m) });
      assert.equal(quick.status, 'done');
      assert.ok(runner.warmThreadId !== undefined, 'served by the warm worker');
      assert.equal(got?.results[0].instanceId, 'claude-code:config');
      assert.equal(runner.liveWorkers, 0);
    } finally {
      runner.dispose();
    }
  });
});
