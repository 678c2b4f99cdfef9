// Scans one native file of a target: lists it as shipped native code, scans each JavaScript
// module embedded in it through the same engine as plain files (file = the binary, entry =
// the module, line and column within the module), and gives binaries with no JavaScript the
// strings pass. A broken binary becomes error entries; the target's scan goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EmbeddedModule, Finding, ImportAnswer, NativeBinary, ScanError, SourceMapInfo } from '../model';
import type { Rule, TargetContext } from '../rules/types';
import { defaultKeywordMatcher } from '../catalog/keywords';
import { scanSourceSafely, type ModuleImports, type SourceScanResult } from './engine';
import { answersHold, binarySiblings, keptAnswers, programImports, ProgramImports, statVersion, type AnswerStore } from './imports';
import { describeFsError, formatMB, type FileEntry } from './files';
import { targetForFile } from './fileOwner';
import { inspectNative, moduleBytesAt, moduleTextAt, type ModuleLocator } from '../native/inspect';
import { BinaryReader, CorruptBinaryError } from '../native/reader';
import { scanStrings } from './strings';
import { sourceMapReference } from '../native/sourceMaps';
import { plural } from '../text/format';

export interface BinaryScanOptions {
  rules: readonly Rule[];
  keep?: ReadonlySet<string>;
  target: TargetContext;
  maxModuleBytes: number;
  /** Answers about the modules' exports shared with other workers and audits (scan/imports.ts). */
  answers?: AnswerStore;
  /** Called before each embedded module; return false to stop (cancellation). */
  onModule?: (label: string, size: number) => boolean | void;
  onModuleDone?: (label: string, stats: { bytes: number } & Omit<SourceScanResult['stats'], 'parsed'>) => void;
}

export interface BinaryScanResult {
  binary?: NativeBinary;
  findings: Finding[];
  errors: ScanError[];
  bytesScanned: number;
  cancelled: boolean;
}

/** What scanning one embedded module adds to its binary's result. Plain data: it crosses a worker boundary. */
export interface ModuleOutcome {
  findings: Finding[];
  errors: ScanError[];
  bytesScanned: number;
  /** The rules that ran on the module (see SourceScanResult); absent: every rule counts as run. */
  rulesRun?: readonly string[];
  /** The module's `sourceMappingURL`, read from its text (kept unless the record had one). */
  sourceMap?: SourceMapInfo;
  /** What the module asked about the binary's other modules, and was told (a cached outcome holds only while they still say it). */
  importAnswers?: ImportAnswer[];
  /** The binary's version when it was told (ModuleImports.version): while unchanged, the answers hold. */
  importsVersion?: string;
}

/** One step of a binary's scan, in the order its result reports them: an error entry, or a JS module to scan. */
type Step = { error: ScanError } | { module: EmbeddedModule; index: number; text: () => string; at?: ModuleLocator };

/**
 * A native file's listing, step by step: what `scanBinary` reports between its JS modules
 * (error entries), and the modules to scan. Fills `out.binary` as soon as the container is known;
 * the modules are appended to it as they are met. Throws what the extractors throw.
 */
function* binarySteps(reader: BinaryReader, file: FileEntry, maxModuleBytes: number, out: { binary?: NativeBinary }): Generator<Step> {
  const error = (message: string, entry?: string): Step => ({ error: { file: file.rel, ...(entry ? { entry } : {}), message } });
  const inspection = inspectNative(reader, path.basename(file.rel), { maxModuleBytes, ...(file.includeTests ? { includeTests: true } : {}) });
  if (!inspection) {
    yield error('not a native container after all (no ELF, Mach-O, PE or wasm header): skipped');
    return;
  }
  const binary: NativeBinary = {
    file: file.rel,
    format: inspection.format,
    container: inspection.container,
    kind: inspection.kind,
    size: reader.size,
    modules: [],
    ...(inspection.execArgv ? { execArgv: inspection.execArgv } : {}),
    ...(inspection.codeCache ? { codeCache: true } : {}),
    ...(inspection.snapshot ? { snapshot: true } : {}),
  };
  out.binary = binary;
  if (inspection.error) yield error(inspection.error);
  for (const source of inspection.modules()) {
    if ('error' in source) {
      yield error(source.error, source.entry);
      continue;
    }
    const { module } = source;
    binary.modules.push(module);
    if (source.test) {
      binary.skippedTests = (binary.skippedTests ?? 0) + 1;
      continue;
    }
    if (module.language !== 'js') continue;
    if (module.size > maxModuleBytes) {
      yield error(`skipped: ${formatMB(module.size)} is over the ${formatMB(maxModuleBytes)} per-module limit`, module.name);
      continue;
    }
    if (!source.text) continue;
    yield { module, index: binary.modules.length - 1, text: source.text, ...(source.at ? { at: source.at } : {}) };
  }
}

function brokenBinaryError(e: unknown): string {
  return e instanceof CorruptBinaryError ? `could not be read to the end: ${e.message}` : `reading failed (a bug, please report): ${e instanceof Error ? e.message : String(e)}`;
}

/** Scans one embedded module's text (read by `text`, which may throw CorruptBinaryError: an error entry). */
export function scanModule(rel: string, module: Pick<EmbeddedModule, 'name' | 'size'>, text: () => string, options: Pick<BinaryScanOptions, 'rules' | 'keep' | 'target' | 'onModuleDone'> & { imports?: ModuleImports }): ModuleOutcome {
  let source: string;
  try {
    source = text();
  } catch (e) {
    if (!(e instanceof CorruptBinaryError)) throw e;
    return { findings: [], errors: [{ file: rel, entry: module.name, message: `module could not be read: ${e.message}` }], bytesScanned: 0 };
  }
  const sourceMap = sourceMapReference(source);
  const scanned = scanSourceSafely(source, { file: rel, entry: module.name, rules: options.rules, target: options.target, ...(options.imports ? { imports: options.imports } : {}) });
  options.onModuleDone?.(`${rel} :: ${module.name}`, { bytes: module.size, ...scanned.stats });
  return {
    findings: options.keep ? scanned.findings.filter(f => options.keep!.has(f.ruleId)) : scanned.findings,
    errors: scanned.errors,
    bytesScanned: module.size,
    rulesRun: scanned.rulesRun,
    ...(sourceMap ? { sourceMap } : {}),
    ...keptAnswers(scanned.importAnswers, options.imports),
  };
}

function addModuleOutcome(result: BinaryScanResult, module: EmbeddedModule, outcome: ModuleOutcome): void {
  if (outcome.bytesScanned > 0) module.sourceMap ??= outcome.sourceMap;
  result.bytesScanned += outcome.bytesScanned;
  result.errors.push(...outcome.errors);
  result.findings.push(...outcome.findings);
}

export function scanBinary(file: FileEntry, options: BinaryScanOptions): BinaryScanResult {
  const result: BinaryScanResult = { findings: [], errors: [], bytesScanned: 0, cancelled: false };
  let reader: BinaryReader;
  try {
    reader = BinaryReader.open(file.absPath);
  } catch (e) {
    result.errors.push({ file: file.rel, message: `cannot read: ${describeFsError(e)}` });
    return result;
  }
  const out: { binary?: NativeBinary } = {};
  const imports = binaryImports(file, options.rules, options.target, options.maxModuleBytes, options.answers);
  try {
    for (const step of binarySteps(reader, file, options.maxModuleBytes, out)) {
      result.binary = out.binary;
      if ('error' in step) {
        result.errors.push(step.error);
        continue;
      }
      if (options.onModule?.(`${file.rel} :: ${step.module.name}`, step.module.size) === false) {
        result.cancelled = true;
        result.errors.push({ file: file.rel, entry: step.module.name, message: 'scan cancelled before this module' });
        break;
      }
      addModuleOutcome(result, step.module, scanModule(file.rel, step.module, step.text, { ...options, imports: imports?.forModule(step.module.name) }));
    }
    result.binary = out.binary;
    if (out.binary) {
      markShippedSourceMaps(out.binary);
      if (out.binary.format === 'strings' && !result.cancelled) runStringsPass(reader, out.binary, options, result);
    }
    return result;
  } catch (e) {
    // A shape of damage the extractors did not foresee is still this file's problem only.
    result.binary = out.binary;
    result.errors.push({ file: file.rel, message: brokenBinaryError(e) });
    return result;
  } finally {
    reader.close();
  }
}

/** A JS module of a split binary: which entry of `binary.modules`, and where its bytes are. */
export interface SplitModule {
  index: number;
  name: string;
  size: number;
  at: ModuleLocator;
}

/**
 * A native file listed but not yet scanned, so that its modules can be scanned apart (by
 * several workers) and the result put together by `assembleBinary` exactly as `scanBinary`
 * gives it. Plain data.
 */
export interface BinarySplit {
  binary: NativeBinary;
  /** Error entries and modules in the order `scanBinary` reports them. */
  steps: Array<{ error: ScanError } | { module: SplitModule }>;
  /** Listing stopped on damage (the last step says so): source maps are not matched, as in `scanBinary`. */
  broken?: boolean;
  /** The whole file's result-cache key, to store the assembled outcome under. */
  key?: string;
}

/**
 * Lists a native file's modules without scanning them. Undefined when it is better scanned
 * whole: not a native container, no JS module to scan, the strings pass, or a module that
 * cannot be read on its own (inside an archive).
 */
export function splitBinary(file: FileEntry, maxModuleBytes: number): BinarySplit | undefined {
  let reader: BinaryReader;
  try {
    reader = BinaryReader.open(file.absPath);
  } catch {
    return undefined;
  }
  const out: { binary?: NativeBinary } = {};
  const steps: BinarySplit['steps'] = [];
  let broken = false;
  try {
    for (const step of binarySteps(reader, file, maxModuleBytes, out)) {
      if ('error' in step) steps.push(step);
      else if (!step.at) return undefined;
      else steps.push({ module: { index: step.index, name: step.module.name, size: step.module.size, at: step.at } });
    }
  } catch (e) {
    steps.push({ error: { file: file.rel, message: brokenBinaryError(e) } });
    broken = true;
  } finally {
    reader.close();
  }
  if (!out.binary || out.binary.format === 'strings' || !steps.some(s => 'module' in s)) return undefined;
  return { binary: out.binary, steps, ...(broken ? { broken } : {}) };
}

/** Modules of a split binary read and scanned by one worker: the binary is opened once, each module read alone. */
export function scanSplitModules(file: FileEntry, modules: readonly SplitModule[], maxModuleBytes: number, options: Pick<BinaryScanOptions, 'rules' | 'keep' | 'target' | 'answers'>, cached?: (m: SplitModule, bytes: () => Buffer) => { outcome?: ModuleOutcome; store?(o: ModuleOutcome): void }): ModuleOutcome[] {
  let reader: BinaryReader;
  try {
    reader = BinaryReader.open(file.absPath);
  } catch (e) {
    return modules.map(m => ({ findings: [], errors: [{ file: file.rel, entry: m.name, message: `cannot read: ${describeFsError(e)}` }], bytesScanned: 0 }));
  }
  const target = targetForFile(options.target, file.rel);
  const program = binaryImports(file, options.rules, target, maxModuleBytes, options.answers);
  try {
    return modules.map(m => {
      try {
        const imports = program?.forModule(m.name);
        const hit = cached?.(m, () => moduleBytesAt(reader, m.at));
        if (hit?.outcome && answersHold(hit.outcome.importAnswers, () => imports, hit.outcome.importsVersion)) return hit.outcome;
        const outcome = scanModule(file.rel, m, () => moduleTextAt(reader, m.at), { ...options, target, imports });
        hit?.store?.(outcome);
        return outcome;
      } catch (e) {
        return { findings: [], errors: [{ file: file.rel, entry: m.name, message: brokenBinaryError(e) }], bytesScanned: 0 };
      }
    });
  } finally {
    reader.close();
  }
}

/** Modules above this size are a task of their own; smaller ones go together, up to BATCH_BYTES a task. */
const ALONE_BYTES = 64 * 1024;
const BATCH_BYTES = 1024 * 1024;

/**
 * The modules of a split binary in tasks (indices into `modules`): each large module alone, the
 * small ones (most of a Bun graph: thousands of package files) together in their listing order,
 * so that a worker is not sent one message per 2 KB module.
 */
export function batchModules(modules: readonly Pick<SplitModule, 'size'>[]): number[][] {
  const batches: number[][] = [];
  let open: number[] = [];
  let bytes = 0;
  modules.forEach((m, k) => {
    if (m.size > ALONE_BYTES) {
      batches.push([k]);
      return;
    }
    if (open.length && bytes + m.size > BATCH_BYTES) {
      batches.push(open);
      open = [];
      bytes = 0;
    }
    open.push(k);
    bytes += m.size;
  });
  if (open.length) batches.push(open);
  return batches;
}

/**
 * The outcome `scanBinary` gives, from a split binary and its modules' outcomes (in the order
 * of its module steps; undefined: not scanned, the audit was stopped).
 */
export function assembleBinary(split: BinarySplit, outcomes: ReadonlyArray<ModuleOutcome | undefined>): BinaryScanResult {
  const binary = split.binary;
  const result: BinaryScanResult = { binary, findings: [], errors: [], bytesScanned: 0, cancelled: false };
  let k = 0;
  let missing = 0;
  for (const step of split.steps) {
    if ('error' in step) {
      result.errors.push(step.error);
      continue;
    }
    const outcome = outcomes[k++];
    if (outcome) addModuleOutcome(result, binary.modules[step.module.index], outcome);
    else if (missing++ === 0) result.errors.push({ file: binary.file, entry: step.module.name, message: 'scan cancelled before this module' });
  }
  if (missing > 1) result.errors.push({ file: binary.file, message: `scan cancelled before ${plural(missing - 1, 'more module')}` });
  result.cancelled = missing > 0;
  if (!split.broken) markShippedSourceMaps(binary);
  return result;
}

function runStringsPass(reader: BinaryReader, binary: NativeBinary, options: BinaryScanOptions, result: BinaryScanResult): void {
  const rules = options.rules.filter(r => !options.keep || options.keep.has(r.meta.id));
  const pass = scanStrings(reader, { file: binary.file, rules, keywords: defaultKeywordMatcher(), target: options.target });
  if (pass.strings === undefined) return;
  binary.strings = pass.strings;
  result.bytesScanned += reader.size;
  result.findings.push(...pass.findings);
  result.errors.push(...pass.errors);
}

/** A `sourceMappingURL` that names a file: shipped when the binary holds a module by that name. */
function markShippedSourceMaps(binary: NativeBinary): void {
  const names = new Set(binary.modules.map(m => m.name));
  for (const m of binary.modules) {
    if (m.sourceMap?.kind !== 'reference') continue;
    const dir = m.name.includes('/') ? m.name.slice(0, m.name.lastIndexOf('/') + 1) : '';
    m.sourceMap.shipped = names.has(path.posix.normalize(dir + m.sourceMap.url));
  }
}

/**
 * The answers for a binary's modules about each other's exports (scan/imports.ts), kept while
 * the same binary is scanned; undefined for a binary with no modules read apart.
 */
function binaryImports(file: FileEntry, rules: readonly Rule[], target: TargetContext, maxModuleBytes: number, answers?: AnswerStore): ProgramImports | undefined {
  if (!rules.some(r => r.followsImports)) return undefined;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file.absPath);
  } catch {
    return undefined;
  }
  const key = `binary\0${file.absPath}\0${statVersion(stat)}\0${maxModuleBytes}\0${rules.map(r => r.meta.id).join(',')}`;
  return programImports(key, () => {
    const split = splitBinary(file, maxModuleBytes);
    const names = new Map<string, { size: number; text: () => string | undefined }>();
    for (const step of split?.steps ?? []) {
      if (!('module' in step)) continue;
      const { at, size } = step.module;
      const text = () => {
        const reader = BinaryReader.open(file.absPath);
        try {
          return moduleTextAt(reader, at);
        } finally {
          reader.close();
        }
      };
      names.set(step.module.name, { size, text });
    }
    // The binary as a whole: its modules change only with it.
    return new ProgramImports(binarySiblings(names), rules, target, file.rel, () => `binary\0${key}`, answers);
  });
}
