// Scans one target (a package folder, an extension, or a single file): collect its files,
// scan each (the JavaScript modules inside native binaries too), and gather findings,
// binaries and errors as plain data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyResult, type Finding, type ImportAnswer, type NativeBinary, type ScanError, type TargetResult, type TargetSpec } from '../model';
import type { ManifestRule, Rule, TargetContext } from '../rules/types';
import { MANIFEST_RULES } from '../rules';
import { collectFiles, DEFAULT_MAX_FILE_BYTES, FIRST_OTHER_SOURCES, readSourceFile, type CollectOptions, type CollectResult, type FileEntry } from './files';
import { scanSourceSafely, type ModuleImports, type SourceScanResult } from './engine';
import { fileSiblings, folderVersion, forgetPrograms, keptAnswers, programImports, ProgramImports, type AnswerStore } from './imports';
import { scanShellScript } from './shell';
import { targetForFile } from './fileOwner';
import { scanBinary, type BinaryScanResult } from './binary';
import { scanPackageManifest } from './manifest';
import { isFile } from '../discovery/fsread';

export interface ScanOptions {
  rules: readonly Rule[];
  /** Rules over package.json at a package root (default: all). */
  manifestRules?: readonly ManifestRule[];
  /** Keep only findings of these rule ids (a `--rules` selection). */
  keep?: ReadonlySet<string>;
  /** Per JS file and per module embedded in a binary; binaries themselves have no limit. */
  maxFileBytes?: number;
  includeTests?: boolean;
  /** Called before each file and each embedded module (`binary :: module`); return false to stop (cancellation). */
  onFile?: (rel: string, size: number) => boolean | void;
  onFileDone?: (rel: string, stats: FileStats) => void;
}

export interface FileStats {
  bytes: number;
  parseMs: number;
  walkMs: number;
  decodeMs: number;
  linkMs: number;
  nodes: number;
}

/** A target before its files are scanned: what collection and the manifest found, and the files to scan. */
export interface TargetPlan {
  result: TargetResult;
  files: FileEntry[];
  target: TargetContext;
  maxFileBytes: number;
}

/** What scanning one file (or one binary with its modules) adds to its target's result. */
export interface FileOutcome {
  findings: Finding[];
  errors: ScanError[];
  binary?: NativeBinary;
  filesScanned: number;
  bytesScanned: number;
  /** The scan stopped on request inside this file (a binary's modules). */
  cancelled?: boolean;
  /** The rules that ran on the file (see SourceScanResult); absent (a binary): every rule counts as run. */
  rulesRun?: readonly string[];
  /** What the file asked about the target's other files, and was told (a cached outcome holds only while they still say it). */
  importAnswers?: ImportAnswer[];
  /** The version of the target's files when it was told (ModuleImports.version): while unchanged, the answers hold. */
  importsVersion?: string;
}

export function scanTarget(spec: TargetSpec, options: ScanOptions): TargetResult {
  // Each audit reads the programs again: what was kept of a file's exports holds for one audit.
  forgetPrograms();
  const plan = planTarget(spec, options);
  for (const file of plan.files) {
    if (options.onFile?.(file.rel, file.size) === false) {
      plan.result.errors.push({ file: file.rel, message: 'scan cancelled before this file' });
      break;
    }
    const outcome = scanFile(file, { ...options, target: plan.target, maxFileBytes: plan.maxFileBytes });
    addOutcome(plan.result, outcome);
    if (outcome.cancelled) break;
  }
  return plan.result;
}

/** Collects the files of a target and runs the manifest rules: everything but the per-file scans. */
export function planTarget(spec: TargetSpec, options: Pick<ScanOptions, 'manifestRules' | 'keep' | 'maxFileBytes' | 'includeTests'>): TargetPlan {
  const rootIsFile = isFile(spec.root);
  const root = rootIsFile ? path.dirname(spec.root) : spec.root;
  const result = emptyResult(spec, root);
  const ownNames = productNames(spec.names ?? []);
  const target: TargetContext = { ownVendors: spec.ownVendors ?? [], ...(ownNames.length ? { ownNames } : {}) };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const collectOptions = { maxFileBytes, includeTests: options.includeTests };
  const collected = collectFiles(spec.root, collectOptions);
  for (const extra of spec.extraPaths ?? []) addExtra(collected, root, extra, collectOptions);
  result.errors.push(...collected.errors);
  if (collected.skippedTests) result.skippedTests = collected.skippedTests;
  if (Object.keys(collected.otherSources).length) result.otherSources = collected.otherSources;
  if (!rootIsFile) {
    const manifest = scanPackageManifest(root, options.manifestRules ?? MANIFEST_RULES, target);
    result.errors.push(...manifest.errors);
    for (const f of manifest.findings) if (!options.keep || options.keep.has(f.ruleId)) result.findings.push(f);
  }
  const { files, same } = oneOfEachFile(collected.files);
  if (same.length) result.sameFiles = same;
  return { result, files, target, maxFileBytes };
}

/** A target that could not be planned (its worker died walking it): an error entry, no files. */
export function failedPlan(spec: TargetSpec, message: string): TargetPlan {
  const root = path.isAbsolute(spec.root) && isFile(spec.root) ? path.dirname(spec.root) : spec.root;
  const result = emptyResult(spec, root);
  result.errors.push({ file: '.', message });
  return { result, files: [], target: { ownVendors: spec.ownVendors ?? [] }, maxFileBytes: DEFAULT_MAX_FILE_BYTES };
}

/**
 * One entry per file on disk: a hard link (npm's `bin/claude.exe` beside the platform package's
 * `claude`, 245 MB each) or a symlink to a file already listed is not scanned twice, which
 * would double the time and every finding. Listed instead, with the path scanned.
 */
function oneOfEachFile(files: readonly FileEntry[]): { files: FileEntry[]; same: Array<{ file: string; sameAs: string }> } {
  const ids = files.map(f => {
    try {
      const st = fs.statSync(f.absPath, { bigint: true });
      // Some network and FUSE file systems give every file inode 0: no identity to go by there.
      return st.ino === 0n ? undefined : { id: `${st.dev}:${st.ino}`, link: fs.lstatSync(f.absPath).isSymbolicLink() };
    } catch {
      // Unreadable now: the scan reports why.
      return undefined;
    }
  });
  // The file's own path first, then its symlinks (`node_modules/.bin/cline` to the platform
  // package's binary): the path scanned is the real one, whatever the listing order.
  const seen = new Map<string, string>();
  for (const pass of [false, true]) {
    files.forEach((f, i) => {
      const known = ids[i];
      if (known && known.link === pass && !seen.has(known.id)) seen.set(known.id, f.rel);
    });
  }
  const kept: FileEntry[] = [];
  const same: Array<{ file: string; sameAs: string }> = [];
  files.forEach((f, i) => {
    const first = ids[i] && seen.get(ids[i]!.id);
    if (first !== undefined && first !== f.rel) same.push({ file: f.rel, sameAs: first });
    else kept.push(f);
  });
  return { files: kept, same };
}

export interface FileScanOptions extends Pick<ScanOptions, 'rules' | 'keep' | 'onFile' | 'onFileDone'> {
  target: TargetContext;
  maxFileBytes: number;
  /** Answers about the other files' or modules' exports shared with other workers and audits (scan/imports.ts). */
  answers?: AnswerStore;
}

/** Scans one file of a plan: a JavaScript file through the engine, a native file through its extractors. */
export function scanFile(file: FileEntry, options: FileScanOptions): FileOutcome {
  const target = targetForFile(options.target, file.rel);
  if (file.native) {
    return binaryOutcome(
      scanBinary(file, {
        rules: options.rules,
        keep: options.keep,
        target,
        maxModuleBytes: options.maxFileBytes,
        ...(options.answers ? { answers: options.answers } : {}),
        onModule: options.onFile,
        onModuleDone: options.onFileDone,
      }),
    );
  }
  const read = readSourceFile(file.absPath);
  if ('error' in read) return { findings: [], errors: [{ file: file.rel, message: read.error }], filesScanned: 0, bytesScanned: 0 };
  const how = { file: file.rel, rules: options.rules, target };
  const imports = file.shell ? undefined : fileImports(file, options.rules, target, options.answers);
  const scanned: { findings: Finding[]; errors: ScanError[]; stats: SourceScanResult['stats']; rulesRun: readonly string[]; importAnswers?: ImportAnswer[] } = file.shell ? scanShellScript(read.text, how) : scanSourceSafely(read.text, { ...how, ...(imports ? { imports } : {}) });
  options.onFileDone?.(file.rel, { bytes: file.size, ...scanned.stats });
  return {
    findings: options.keep ? scanned.findings.filter(f => options.keep!.has(f.ruleId)) : scanned.findings,
    errors: scanned.errors,
    filesScanned: 1,
    bytesScanned: file.size,
    rulesRun: scanned.rulesRun,
    ...keptAnswers(scanned.importAnswers, imports),
  };
}

/**
 * The answers for a file about the exports of the other files of its target (scan/imports.ts):
 * the target's root is the file's path without its relative one.
 */
export function fileImports(file: FileEntry, rules: readonly Rule[], target: TargetContext, answers?: AnswerStore): ModuleImports | undefined {
  if (!rules.some(r => r.followsImports)) return undefined;
  const relNative = file.rel.split('/').join(path.sep);
  if (!file.absPath.endsWith(relNative)) return undefined;
  const root = file.absPath.slice(0, file.absPath.length - relNative.length);
  const read = (absPath: string) => {
    const r = readSourceFile(absPath);
    return 'error' in r ? undefined : r.text;
  };
  const program = programImports(`files\0${root}\0${rules.map(r => r.meta.id).join(',')}`, () => new ProgramImports(fileSiblings(root, read), rules, target, file.rel, () => folderVersion(root), answers));
  return program.forModule(file.rel);
}

/** A native file's scan as its target takes it. */
export function binaryOutcome(scanned: BinaryScanResult): FileOutcome {
  return {
    findings: scanned.findings,
    errors: scanned.errors,
    ...(scanned.binary ? { binary: scanned.binary } : {}),
    filesScanned: scanned.binary ? 1 : 0,
    bytesScanned: scanned.bytesScanned,
    ...(scanned.cancelled ? { cancelled: true } : {}),
  };
}

/** Adds a file's outcome to its target's result; outcomes are added in the plan's file order. */
export function addOutcome(result: TargetResult, outcome: FileOutcome): void {
  if (outcome.binary) (result.binaries ??= []).push(outcome.binary);
  if (outcome.binary?.skippedTests) result.skippedTests = (result.skippedTests ?? 0) + outcome.binary.skippedTests;
  result.filesScanned += outcome.filesScanned;
  result.bytesScanned += outcome.bytesScanned;
  result.findings.push(...outcome.findings);
  result.errors.push(...outcome.errors);
}

/** Adds an extra path's files to `collected`, named relative to the target root. */
function addExtra(collected: CollectResult, root: string, extra: string, options: CollectOptions): void {
  const abs = path.resolve(root, extra);
  const more = collectFiles(abs, options);
  const known = new Set(collected.files.map(f => f.absPath));
  const extraIsFile = isFile(abs);
  for (const f of more.files) {
    if (known.has(f.absPath)) continue;
    collected.files.push({ ...f, rel: path.relative(root, f.absPath).split(path.sep).join('/') });
  }
  for (const e of more.errors) collected.errors.push({ ...e, file: extraIsFile || e.file === '.' ? extra : path.posix.join(extra, e.file) });
  collected.skippedTests += more.skippedTests;
  for (const [language, counted] of Object.entries(more.otherSources)) {
    const known = (collected.otherSources[language] ??= { files: 0, own: 0, first: [] });
    known.files += counted.files;
    known.own += counted.own;
    for (const f of counted.first) if (known.first.length < FIRST_OTHER_SOURCES) known.first.push(path.posix.join(extra, f));
  }
}

/** Words too common to name one product: a package called `@x/cli` names none. */
const GENERIC_NAMES = new Set(['cli', 'code', 'core', 'sdk', 'agent', 'agents', 'client', 'server', 'node', 'tools', 'tool', 'app', 'main', 'github', 'vscode', 'extension']);

/**
 * The product names a target's package names give: the name without its scope and without a
 * platform suffix (`@github/copilot-linux-x64`: `copilot`), when it is specific enough to be one
 * product's (5 characters or more, not a generic word). Extension ids (`publisher.name`) give their name.
 */
export function productNames(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const full of names) {
    const bare = full.replace(/^@[^/]+\//, '').replace(/^[^.]+\.(?=[^.]+$)/, '').toLowerCase().replace(/-(?:linux|darwin|win32|windows|macos|musl|x64|arm64|baseline)(?:-[a-z0-9]+)*$/, '');
    if (bare.length >= 5 && !GENERIC_NAMES.has(bare)) out.add(bare);
  }
  return [...out];
}

