// What the scan worker does with a job. Synchronous and free of worker_threads, so unit
// tests call it directly; src/worker.ts only connects it to the thread's port.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditConfigurations, auditTargets, auditTargetsInParallel, selectRules, type RuleSelection } from '../audit';
import { AnswerFiles, ResultCache } from './resultCache';
import { plural } from '../text/format';
import { failedPlan, fileImports, planTarget, scanFile } from '../scan/target';
import { answersHold, forgetPrograms } from '../scan/imports';
import { targetForFile } from '../scan/fileOwner';
import { scanSplitModules, splitBinary } from '../scan/binary';
import { defaultBudgetMs, ScanPool } from './pool';
import { defaultWorkerMb } from './poolSize';
import { CONFIG_READERS } from '../config/readers';
import type { ConfigSources } from '../config/types';
import { discover } from '../discovery';
import { mergeRunningExtensions } from '../discovery/running';
import { DEFAULT_MAX_FILE_BYTES, type Finding } from '../model';
import { describeFsError, readSourceFile, type ReadResult } from '../scan/files';
import { BinaryReader } from '../native/reader';
import { embeddedModuleText } from '../native/inspect';
import { fingerprintOf } from '../rules/findings';
import { LineIndex } from '../text/lines';
import { readableContext } from '../print/readableContext';
import { codeRunText, splitCodeRunEntry } from '../scan/engine';
import { dynamicCode } from '../rules/dynamic-code';
import type { AuditJob, ConfigJob, ContextJob, DiscoverJob, ModuleJob, PoolReply, PoolRequest, PoolSettings, RuleChoice, WorkerJob, WorkerMessage } from './protocol';

export type Post = (message: WorkerMessage) => void;

/** Runs a job; an audit in a pool of workers runs asynchronously and posts `done` when it ends. */
export function handleJob(job: WorkerJob, post: Post): void | Promise<void> {
  // Settings first: reading them takes milliseconds, the code may take minutes.
  if (job.kind === 'audit' && job.config) configJob({ kind: 'config', sources: job.config, disabledRules: job.disabledRules }, post);
  if (job.kind === 'audit' && job.pool) {
    return auditInPool(job, job.pool, post).then(
      () => post({ type: 'done' }),
      e => {
        post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
        post({ type: 'done' });
      },
    );
  }
  try {
    if (job.kind === 'discover') discoverJob(job, post);
    else if (job.kind === 'audit') audit(job, post);
    else if (job.kind === 'context') context(job, post);
    else if (job.kind === 'module') moduleText(job, post);
    else if (job.kind === 'config') configJob(job, post);
    else post({ type: 'failed', message: `unknown job ${(job as { kind: unknown }).kind}` });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
  post({ type: 'done' });
}

function discoverJob(job: DiscoverJob, post: Post): void {
  const found = discover(job.options);
  const discovery = job.running ? mergeRunningExtensions(found, job.running.extensions, job.running.editor) : found;
  post({ type: 'discovered', discovery });
}

function audit(job: AuditJob, post: Post): void {
  auditTargets(job.targets, {
    selection: selectRules({ disabled: job.disabledRules }),
    maxFileBytes: job.maxFileBytes,
    onFile: (index, file, size) => void post({ type: 'file', index, file, size }),
    onTarget: (index, result, ms) => post({ type: 'target', index, result, ms }),
  });
}

function configJob(job: ConfigJob, post: Post): void {
  try {
    const results = auditConfigurations({ sources: job.sources, selection: selectRules({ disabled: job.disabledRules }) });
    post({ type: 'config', results, candidates: configCandidates(job.sources) });
  } catch (e) {
    // Unreadable settings must not cost the audit of the code that follows.
    post({ type: 'note', message: `reading the assistants' settings failed: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function configCandidates(sources: ConfigSources): string[] {
  return [...new Set(CONFIG_READERS.flatMap(r => r.candidates(sources).map(c => c.path)))];
}

async function auditInPool(job: AuditJob, settings: PoolSettings, post: Post): Promise<void> {
  const rules: RuleChoice = { disabled: job.disabledRules };
  const pool = new ScanPool(settings.script, {
    size: settings.size,
    maxWorkerMb: settings.maxWorkerMb ?? defaultWorkerMb(settings.size),
    budgetMs: settings.fileBudgetMs ? () => settings.fileBudgetMs! : defaultBudgetMs,
    rules,
    ...(job.cacheDir ? { cacheDir: job.cacheDir } : {}),
  });
  try {
    await auditTargetsInParallel(job.targets, {
      selection: selectRules(rules),
      maxFileBytes: job.maxFileBytes,
      ...pool.scanners(),
      onFile: (index, file, size) => void post({ type: 'file', index, file, size }),
      onTarget: (index, result, ms) => post({ type: 'target', index, result, ms }),
    });
  } finally {
    await pool.close();
    for (const note of pool.notes) post({ type: 'note', message: note });
    if (job.cacheDir) post({ type: 'note', message: `result cache: ${plural(pool.stats.hits, 'file')} reused, ${pool.stats.misses} scanned; ${plural(pool.stats.moduleHits, 'module')} of split binaries reused, ${pool.stats.moduleMisses} scanned` });
  }
}

const selections = new Map<string, RuleSelection>();

/** Findings of store requests sent ahead of them in parts, by request id. */
const storeParts = new Map<number, Finding[]>();

/** Keeps a part of a store request's findings until the request itself arrives. */
export function handleStorePart(request: PoolRequest): void {
  const parts = storeParts.get(request.id) ?? [];
  parts.push(...(request.findings ?? []));
  storeParts.set(request.id, parts);
}

/** This worker's store of answers about programs' modules, by folder; what it had to say waits for the next reply. */
const answerStores = new Map<string, AnswerFiles>();
const answerNotes: string[] = [];

function answersIn(dir: string | undefined): AnswerFiles | undefined {
  if (!dir) return undefined;
  let store = answerStores.get(dir);
  if (!store) answerStores.set(dir, (store = new AnswerFiles(dir, m => answerNotes.push(m))));
  return store;
}

/** What a pool worker does with one file: the same scan as in a one-by-one audit (or a binary's listing, or some of its modules). */
export function handlePoolRequest(request: PoolRequest): PoolReply {
  const key = JSON.stringify(request.rules);
  let selection = selections.get(key);
  if (!selection) selections.set(key, (selection = selectRules(request.rules)));
  const notes: string[] = [];
  const withNotes = <T extends object>(reply: T): T & { notes?: string[] } => {
    notes.push(...answerNotes.splice(0));
    return notes.length ? { ...reply, notes } : reply;
  };
  const cache = request.cacheDir ? new ResultCache(request.cacheDir, request.rules, m => notes.push(m)) : undefined;
  const answers = answersIn(request.answersDir);
  const task = { file: request.file, plan: { target: request.target, maxFileBytes: request.maxFileBytes } };
  try {
    if (request.kind === 'plan') {
      // A new target: what was kept of other programs' exports is let go (see forgetPrograms).
      forgetPrograms();
      return withNotes({ id: request.id, plan: planTarget(request.spec!, { keep: selection.keep, maxFileBytes: request.maxFileBytes, includeTests: request.includeTests }) });
    }
    if (request.kind === 'store') {
      const ahead = storeParts.get(request.id) ?? [];
      storeParts.delete(request.id);
      if (request.key && request.outcome) cache?.store(request.key, ahead.length ? { ...request.outcome, findings: [...ahead, ...request.outcome.findings] } : request.outcome);
      return withNotes({ id: request.id, stored: true as const });
    }
    if (request.kind === 'modules') {
      const modules = scanSplitModules(request.file, request.modules ?? [], request.maxFileBytes, { rules: selection.rules, keep: selection.keep, target: request.target, ...(answers ? { answers } : {}) }, cache && ((m, bytes) => {
        const found = cache.lookupModule(task, m, bytes);
        return { outcome: found.outcome, store: o => found.key !== undefined && cache.storeModule(found.key, o) };
      }));
      return withNotes({ id: request.id, modules, hits: cache?.stats.hits ?? 0, misses: cache?.stats.misses ?? 0 });
    }
    const found = cache?.lookup(task);
    if (found?.outcome && answersHold(found.outcome.importAnswers, () => fileImports(request.file, selection.rules, targetForFile(request.target, request.file.rel), answers), found.outcome.importsVersion)) return withNotes({ id: request.id, outcome: found.outcome, cached: true });
    if (request.split && request.file.native) {
      const split = splitBinary(request.file, request.maxFileBytes);
      if (split) return withNotes({ id: request.id, split: found?.key ? { ...split, key: found.key } : split });
    }
    const outcome = scanFile(request.file, { rules: selection.rules, keep: selection.keep, target: request.target, maxFileBytes: request.maxFileBytes, ...(answers ? { answers } : {}) });
    cache?.store(found?.key, outcome);
    return withNotes({ id: request.id, outcome });
  } catch (e) {
    // scanFile turns every expected failure into an error entry; this is a bug, still never a lost file.
    const message = `not scanned: ${e instanceof Error ? e.message : String(e)}`;
    if (request.kind === 'modules') return { id: request.id, modules: (request.modules ?? []).map(m => ({ findings: [], errors: [{ file: request.file.rel, entry: m.name, message }], bytesScanned: 0 })), hits: 0, misses: 0 };
    if (request.kind === 'plan') return { id: request.id, plan: failedPlan(request.spec!, message) };
    return { id: request.id, outcome: { findings: [], errors: [{ file: request.file.rel, message }], filesScanned: 0, bytesScanned: 0 } };
  }
}

function context(job: ContextJob, post: Post): void {
  const started = performance.now();
  const read = readSource(job.root, job.file, job.entry);
  if ('error' in read) {
    post({ type: 'failed', message: read.error });
    return;
  }
  const readMs = performance.now() - started;
  const { text } = read;
  const { span } = job;
  const where = job.entry ? `${job.file}#${job.entry}` : job.file;
  const stale = span.end > text.length || (!!job.fingerprint && fingerprintOf(job.ruleId, where, text.slice(span.start, span.end)) !== job.fingerprint);
  const lines = new LineIndex(text);
  const related = (job.related ?? []).map(r => ({
    start: lines.offsetAt(r.line, r.column),
    end: lines.offsetAt(r.endLine ?? r.line, r.endColumn ?? r.column),
    message: r.message,
  }));
  const result = readableContext(text, { span, functionRange: job.functionRange, related });
  const shownFrom = lines.positionAt(result.shown.start);
  post({ type: 'context', reply: { ...result, shownFrom, stale, readMs } });
}

function moduleText(job: ModuleJob, post: Post): void {
  const read = readWithCodeRuns(job.binary, job.entry, entry => (entry === undefined ? readSourceFile(job.binary) : readEmbeddedModule(job.binary, entry)));
  post('error' in read ? { type: 'failed', message: read.error } : { type: 'module', text: read.text });
}

/**
 * A text by its entry, also code a text runs from a string (`… > code run by new Function at
 * 3:9`): found again by analysing the text that holds the string, itself read the same way.
 */
function readWithCodeRuns(file: string, entry: string | undefined, readPlain: (entry: string | undefined) => ReadResult): ReadResult {
  const run = entry === undefined ? undefined : splitCodeRunEntry(entry);
  if (!run) return readPlain(entry);
  const holder = readWithCodeRuns(file, run.parent, readPlain);
  if ('error' in holder) return holder;
  const text = codeRunText(holder.text, run.name, { file, ...(run.parent ? { entry: run.parent } : {}), rules: [dynamicCode] });
  return text === undefined ? { error: `${run.name} is no longer in ${run.parent ?? file}` } : { text };
}

/** The last file read, kept while unchanged: readable contexts often come from one bundle. */
let lastRead: { abs: string; mtimeMs: number; size: number; text: string } | undefined;

function readSource(root: string, file: string, entry: string | undefined): ReadResult {
  const abs = path.join(root, file);
  if (entry) return readWithCodeRuns(file, entry, e => (e === undefined ? readFileCached(abs) : readEmbeddedModule(abs, e)));
  return readFileCached(abs);
}

function readFileCached(abs: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch (e) {
    return { error: `cannot read: ${describeFsError(e)}` };
  }
  if (lastRead?.abs === abs && lastRead.mtimeMs === stat.mtimeMs && lastRead.size === stat.size) return { text: lastRead.text };
  const read = readSourceFile(abs);
  lastRead = 'text' in read ? { abs, mtimeMs: stat.mtimeMs, size: stat.size, text: read.text } : undefined;
  return read;
}

/** The text of a module inside an executable, read with positional reads (never loaded whole). */
function readEmbeddedModule(binary: string, entry: string, maxModuleBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let reader: BinaryReader;
  try {
    reader = BinaryReader.open(binary);
  } catch (e) {
    return { error: `cannot read ${binary}: ${describeFsError(e)}` };
  }
  try {
    const read = embeddedModuleText(reader, path.basename(binary), entry, { maxModuleBytes });
    return 'text' in read ? read : { error: `cannot show ${entry} from ${binary}: ${read.error}` };
  } finally {
    reader.close();
  }
}
