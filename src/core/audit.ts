// The one orchestration: targets -> files -> facts -> findings -> result. The CLI, the scan
// worker, the benchmark, the corpus report and the tests all call `auditTargets`; discovery
// (which targets) and policy (what the result breaks) sit on either side of it.
import * as path from 'node:path';
import type { Finding, TargetResult, TargetSpec } from './model';
import { byPosition, emptyResult } from './model';
import { CONFIG_RULES } from './rules/config';
import type { ConfigRule, ConfigText } from './rules/types';
import { buildConfigFinding } from './rules/findings';
import { CONFIG_READERS } from './config/readers';
import { loadConfig, type LoadedConfig } from './config/load';
import type { ConfigReader, ConfigSources } from './config/types';
import { catalogById, ownVendorsOf, vendorOf } from './catalog/lookup';
import { CORRELATION_RULES } from './rules/correlations';
import { RULES, ruleCatalog } from './rules';
import type { Rule } from './rules/types';
import { addOutcome, binaryOutcome, planTarget, scanTarget, type FileOutcome, type FileStats, type TargetPlan } from './scan/target';
import { assembleBinary, batchModules, type BinarySplit, type ModuleOutcome, type SplitModule } from './scan/binary';
import type { FileEntry } from './scan/files';
import { targetRoot } from './discovery/pathTarget';
import { PYTHON_NOTE } from './discovery/python';

export interface RuleSelection {
  rules: readonly Rule[];
  /** Keep only findings of these rule ids; undefined keeps all. */
  keep?: ReadonlySet<string>;
  /** Ids asked for that no rule has. */
  unknown: string[];
}

/**
 * The rules to run for a selection of ids (`--rules`) or everything but some ids (the editor's
 * `disabledRules`). A correlation runs the rules it needs; their own findings are kept only if
 * named too.
 */
export function selectRules(selection: { only?: readonly string[]; disabled?: readonly string[] } = {}): RuleSelection {
  const known = new Set(ruleCatalog().map(r => r.id));
  const disabled = new Set(selection.disabled ?? []);
  const wanted = selection.only?.length ? [...selection.only] : disabled.size ? [...known].filter(id => !disabled.has(id)) : undefined;
  if (!wanted) return { rules: RULES, unknown: [] };
  const run = new Set(wanted);
  for (const c of CORRELATION_RULES) if (run.has(c.meta.id)) c.needs.forEach(n => run.add(n));
  return {
    rules: RULES.filter(r => run.has(r.meta.id)),
    keep: new Set(wanted),
    unknown: wanted.filter(n => !known.has(n)),
  };
}

export interface AuditOptions {
  selection?: RuleSelection;
  /** Per JS file and per module embedded in a binary; binaries themselves have no limit. */
  maxFileBytes?: number;
  includeTests?: boolean;
  /** Before each file or embedded module; returning false stops the audit (cancellation). */
  onFile?: (target: number, file: string, size: number) => boolean | void;
  onFileDone?: (target: number, file: string, stats: FileStats) => void;
  /** After each target, with its result and how long it took. */
  onTarget?: (target: number, result: TargetResult, ms: number) => void;
}

/** What discovery marks as Python: listed, not scanned. */
interface MaybePython {
  language?: string;
}

/** Scans each target in turn; a cancelled audit stops after the target it was in. */
export function auditTargets(specs: readonly TargetSpec[], options: AuditOptions = {}): TargetResult[] {
  const selection = options.selection ?? selectRules();
  const results: TargetResult[] = [];
  let stopped = false;
  specs.forEach((spec, index) => {
    if (stopped) return;
    const started = performance.now();
    let result: TargetResult;
    if ((spec as MaybePython).language === 'python') {
      result = emptyResult(spec, targetRoot(spec));
      result.errors.push({ file: '.', message: PYTHON_NOTE });
    } else {
      result = scanTarget(spec, {
        rules: selection.rules,
        keep: selection.keep,
        maxFileBytes: options.maxFileBytes,
        includeTests: options.includeTests,
        onFile: (file, size) => {
          const go = options.onFile?.(index, file, size);
          if (go === false) stopped = true;
          return go;
        },
        onFileDone: options.onFileDone && ((file, stats) => options.onFileDone!(index, file, stats)),
      });
    }
    results.push(result);
    options.onTarget?.(index, result, performance.now() - started);
  });
  return results;
}

/** One file of a planned target, as a scanner (a pool of workers, say) receives it. */
export interface FileTask {
  target: number;
  file: FileEntry;
  plan: TargetPlan;
}

/**
 * Scans one file somewhere else and answers its outcome; never rejects (a failure is an error
 * entry). A scanner that splits binaries may answer a native file with its listing instead: its
 * modules are then handed out as `ModuleTask`s and the outcome put together here.
 */
export type FileScanner = (task: FileTask) => Promise<FileOutcome | { split: BinarySplit }>;

/** Some modules of a split binary, read and scanned by one worker. */
export interface ModuleTask extends FileTask {
  modules: SplitModule[];
  /** Their bytes together: what the time budget and the order go by. */
  size: number;
}

/** Scans the modules of a task; one outcome per module, in the task's order; never rejects. */
export type ModuleScanner = (task: ModuleTask) => Promise<ModuleOutcome[]>;

export interface ParallelAuditOptions extends Omit<AuditOptions, 'onFileDone'> {
  scan: FileScanner;
  /** Needed when `scan` splits binaries. */
  scanModules?: ModuleScanner;
  /** Keeps a split binary's assembled outcome under the key its listing came with (the result cache). */
  storeBinary?: (task: FileTask, key: string, outcome: FileOutcome) => Promise<void>;
  /** How many files are scanned at once (the scanner's workers). */
  concurrency: number;
  /**
   * At most this many bytes of JavaScript scanned at once (a parse costs tens of times its text
   * in heap): a worker passes over a file that would exceed it for a smaller one, and takes it
   * anyway when nothing else is being scanned. Default: no limit.
   */
  maxBytesInFlight?: number;
  /**
   * Plans a target (collects its files, runs the manifest rules) somewhere else, off this
   * thread; never rejects. Default: `planTarget` here, which walks the target's folders synchronously.
   */
  plan?: (spec: TargetSpec, options: PlanOptions) => Promise<TargetPlan>;
}

export type PlanOptions = Pick<AuditOptions, 'maxFileBytes' | 'includeTests'> & { keep?: ReadonlySet<string> };

type QueueItem = { target: number; i: number; size: number; plan?: TargetPlan; file?: FileEntry; modules?: SplitModule[]; parts?: number[] };

/** A binary whose modules are out being scanned. */
interface OpenSplit {
  split: BinarySplit;
  parts: Array<ModuleOutcome | undefined>;
  left: number;
}

/**
 * The same audit with files scanned `concurrency` at a time by `scan`. Each target is planned
 * as a task of its own (before its files), then its files go out, target by target, largest
 * first within each. A binary the scanner splits goes back into the queue as its modules (in
 * batches of small ones), in the same largest-first order, so that several workers share it.
 * Outcomes are added in each plan's file order, a split binary's put together in its module
 * order, so the result is the one `auditTargets` gives. `onFile` returning false stops handing
 * out files; a target whose files were not all scanned says which in its errors.
 */
export async function auditTargetsInParallel(specs: readonly TargetSpec[], options: ParallelAuditOptions): Promise<TargetResult[]> {
  const selection = options.selection ?? selectRules();
  const planOptions: PlanOptions = { keep: selection.keep, maxFileBytes: options.maxFileBytes, includeTests: options.includeTests };
  const planOf = options.plan ?? (async (spec: TargetSpec) => planTarget(spec, planOptions));
  const started = specs.map(() => performance.now());
  const plans: Array<TargetPlan | undefined> = [];
  const results: TargetResult[] = [];
  const outcomes: Array<Array<FileOutcome | undefined>> = [];
  const splits: Array<Map<number, OpenSplit>> = specs.map(() => new Map());
  const left: number[] = [];
  const queue: QueueItem[] = [];
  // Targets are reported in order, each as soon as it and every target before it is done:
  // the view fills top-down whatever the workers finish first (a cached file, a small target).
  const done = specs.map(() => false);
  let reported = 0;
  const complete = (index: number) => {
    done[index] = true;
    while (reported < specs.length && done[reported]) finish(reported++);
  };
  const finish = (index: number) => {
    const plan = plans[index];
    if (plan) {
      plan.files.forEach((file, i) => {
        const open = splits[index].get(i);
        const outcome = outcomes[index][i] ?? (open ? binaryOutcome(assembleBinary(open.split, open.parts)) : undefined);
        if (outcome) addOutcome(plan.result, outcome);
        else plan.result.errors.push({ file: file.rel, message: 'scan cancelled before this file' });
      });
    }
    if (!results[index]) {
      results[index] = emptyResult(specs[index], targetRoot(specs[index]));
      results[index].errors.push({ file: '.', message: 'scan cancelled before this target' });
    }
    options.onTarget?.(index, results[index], performance.now() - started[index]);
  };
  specs.forEach((spec, index) => {
    if ((spec as MaybePython).language === 'python') {
      const result = emptyResult(spec, targetRoot(spec));
      result.errors.push({ file: '.', message: PYTHON_NOTE });
      results[index] = result;
      left[index] = 0;
    } else {
      queue.push({ target: index, i: -1, size: Infinity });
    }
  });
  // Targets in order, so that results stream in as the view lists them; within a target, its
  // plan first, then largest first, so that its workers finish together and the next target's
  // files fill in.
  const order = (a: QueueItem, b: QueueItem) => a.target - b.target || (a.size === b.size ? 0 : b.size > a.size ? 1 : -1) || a.i - b.i || (a.parts?.[0] ?? -1) - (b.parts?.[0] ?? -1);
  for (let index = 0; index < specs.length; index++) if (left[index] === 0) complete(index);
  let stopped = false;
  const planned = (index: number, plan: TargetPlan) => {
    plans[index] = plan;
    results[index] = plan.result;
    outcomes[index] = plan.files.map(() => undefined);
    left[index] = plan.files.length;
    plan.files.forEach((file, i) => queue.push({ target: index, i, size: file.size, file, plan }));
    queue.sort(order);
    if (left[index] === 0) complete(index);
  };
  const scanOne = async (next: QueueItem) => {
    const { target, i } = next;
    if (!next.plan) return planned(target, await planOf(specs[target], planOptions));
    const { plan } = next;
    const file = next.file!;
    if (next.modules && next.parts) {
      const open = splits[target].get(i)!;
      const answers = await options.scanModules!({ target, file, plan, modules: next.modules, size: next.size });
      next.parts.forEach((k, j) => (open.parts[k] = answers[j]));
      if (--open.left > 0) return;
      splits[target].delete(i);
      const outcome = binaryOutcome(assembleBinary(open.split, open.parts));
      outcomes[target][i] = outcome;
      if (--left[target] === 0) complete(target);
      if (open.split.key && options.storeBinary && !outcome.errors.some(e => e.message.startsWith('not scanned: '))) await options.storeBinary({ target, file, plan }, open.split.key, outcome);
      return;
    }
    const answer = await options.scan({ target, file, plan });
    if (!('split' in answer)) {
      outcomes[target][i] = answer;
      if (--left[target] === 0) complete(target);
      return;
    }
    if (!options.scanModules) throw new Error('the scanner split a binary but no module scanner was given');
    const modules = answer.split.steps.flatMap(s => ('module' in s ? [s.module] : []));
    const batches = batchModules(modules);
    splits[target].set(i, { split: answer.split, parts: modules.map(() => undefined), left: batches.length });
    for (const parts of batches) {
      const batch = parts.map(k => modules[k]);
      queue.push({ target, i, file, plan, modules: batch, parts, size: batch.reduce((n, m) => n + m.size, 0) });
    }
    queue.sort(order);
  };
  // A worker with nothing to take waits while others may still plan a target or split a binary
  // into more work, or finish a large file (maxBytesInFlight).
  let inFlight = 0;
  let bytesInFlight = 0;
  const waiting: Array<() => void> = [];
  const cap = options.maxBytesInFlight ?? Infinity;
  // A native file's listing reads a few headers; its modules count when they go out.
  const weight = (item: QueueItem) => (item.file && !item.file.native ? item.size : item.modules ? item.size : 0);
  const take = (): QueueItem | undefined => {
    const at = inFlight === 0 ? 0 : queue.findIndex(item => bytesInFlight + weight(item) <= cap);
    return at < 0 ? undefined : queue.splice(at, 1)[0];
  };
  const worker = async () => {
    while (!stopped) {
      const next = take();
      if (!next) {
        if (inFlight === 0 && queue.length === 0) return;
        await new Promise<void>(resolve => waiting.push(resolve));
        continue;
      }
      if (next.file) {
        const label = next.modules ? `${next.file.rel} :: ${next.modules[0].name}${next.modules.length > 1 ? ` (+${next.modules.length - 1})` : ''}` : next.file.rel;
        if (options.onFile?.(next.target, label, next.size) === false) {
          stopped = true;
          break;
        }
      }
      inFlight++;
      bytesInFlight += weight(next);
      try {
        await scanOne(next);
      } finally {
        inFlight--;
        bytesInFlight -= weight(next);
        waiting.splice(0).forEach(wake => wake());
      }
    }
    waiting.splice(0).forEach(wake => wake());
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  // Stopped early: the targets still waiting for files end with what they have.
  for (let index = 0; index < specs.length; index++) if (!done[index]) complete(index);
  return results;
}

export interface ConfigAuditOptions {
  sources: ConfigSources;
  /** Catalog ids (or reader ids) to read; undefined reads every assistant's configuration. */
  only?: readonly string[];
  selection?: RuleSelection;
  readers?: readonly ConfigReader[];
}

/**
 * What each assistant's own configuration says it will do: one `config` target per assistant
 * with any settings file on this machine or in the workspace, its inventory and the findings
 * of the config rules. Reads files only; starts no server, hook or helper.
 */
export function auditConfigurations(options: ConfigAuditOptions): TargetResult[] {
  const keep = options.selection?.keep;
  const rules = CONFIG_RULES.filter(r => !keep || keep.has(r.meta.id));
  const loaded = (options.readers ?? CONFIG_READERS)
    .filter(reader => !options.only || options.only.includes(reader.assistant))
    .flatMap(reader => loadConfig(reader, options.sources) ?? []);
  // Several assistants read some files (AGENTS.md, a workspace .env): what is in such a file is
  // reported once, by the first, naming the others, not once per assistant.
  const readersOf = new Map<string, string[]>();
  for (const l of loaded) {
    for (const rel of l.stableNames.keys()) {
      const abs = path.join(l.root, rel);
      readersOf.set(abs, [...(readersOf.get(abs) ?? []), l.reader.product]);
    }
  }
  // An assistant whose only files are ones another assistant reports (AGENTS.md in the
  // workspace, with Qwen Code not installed) adds nothing but an empty row.
  const adds = (l: LoadedConfig) => l.errors.length > 0 || [...l.stableNames.keys()].some(rel => readersOf.get(path.join(l.root, rel))?.[0] === l.reader.product);
  return loaded.filter(adds).map(l => configResult(l, rules, readersOf));
}

function configResult(loaded: LoadedConfig, rules: readonly ConfigRule[], readersOf: ReadonlyMap<string, readonly string[]>): TargetResult {
  const { reader, builder } = loaded;
  const entry = catalogById(reader.assistant);
  const ownVendors = entry ? ownVendorsOf(entry) : [...(reader.vendors ?? [])];
  const texts: ConfigText[] = loaded.docs.map(doc => ({
    file: doc.file,
    scope: doc.scope,
    kind: doc.format === 'text' ? 'instructions' : 'settings',
    text: doc.text,
    place: (key, span) => doc.place(key, span),
  }));
  const findings: Finding[] = [];
  const errors = [...loaded.errors];
  for (const rule of rules) {
    try {
      rule.check({
        inventory: builder.inventory,
        texts,
        ownVendors,
        report: r => {
          const shared = readersOf.get(path.join(loaded.root, r.at.file)) ?? [];
          if (shared.length > 1 && shared[0] !== reader.product) return;
          const report = shared.length > 1 ? { ...r, evidence: [...(r.evidence ?? []), `also read by ${shared.slice(1).join(', ')}`] } : r;
          const doc = builder.docOf(r.at);
          findings.push(buildConfigFinding(rule.meta, report, doc && r.at.line ? doc.excerpt(r.at) : undefined, loaded.stableNames.get(r.at.file)));
        },
      });
    } catch (e) {
      errors.push({ file: '.', message: `config rule ${rule.meta.id} failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || byPosition(a, b));
  const spec: TargetSpec = {
    id: reader.assistant,
    instanceId: `${reader.assistant}:config`,
    name: `${reader.product} configuration`,
    kind: 'config',
    root: loaded.root,
    ...(entry ? vendorOf(entry) : {}),
    ...(ownVendors.length ? { ownVendors } : {}),
    why: [`settings files of ${reader.product} in the home folder and workspace`],
  };
  return {
    ...emptyResult(spec, loaded.root),
    filesScanned: builder.inventory.files.length,
    bytesScanned: loaded.bytes,
    errors,
    findings,
    config: builder.inventory,
  };
}
