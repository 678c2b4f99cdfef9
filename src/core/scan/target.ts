// Scans one target (a package folder, an extension, or a single file): collect its files,
// scan each (the JavaScript modules inside native binaries too), and gather findings,
// binaries and errors as plain data.
import * as path from 'node:path';
import { emptyResult, type TargetResult, type TargetSpec } from '../model';
import type { ManifestRule, Rule, TargetContext } from '../rules/types';
import { MANIFEST_RULES } from '../rules';
import { collectFiles, DEFAULT_MAX_FILE_BYTES, readSourceFile, type CollectOptions, type CollectResult } from './files';
import { scanSourceSafely } from './engine';
import { scanBinary } from './binary';
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

export function scanTarget(spec: TargetSpec, options: ScanOptions): TargetResult {
  const rootIsFile = isFile(spec.root);
  const root = rootIsFile ? path.dirname(spec.root) : spec.root;
  const result = emptyResult(spec, root);
  const target: TargetContext = { ownVendors: spec.ownVendors ?? [] };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const collectOptions = { maxFileBytes, includeTests: options.includeTests };
  const collected = collectFiles(spec.root, collectOptions);
  for (const extra of spec.extraPaths ?? []) addExtra(collected, root, extra, collectOptions);
  result.errors.push(...collected.errors);
  if (!rootIsFile) {
    const manifest = scanPackageManifest(root, options.manifestRules ?? MANIFEST_RULES, target);
    result.errors.push(...manifest.errors);
    for (const f of manifest.findings) if (!options.keep || options.keep.has(f.ruleId)) result.findings.push(f);
  }
  for (const file of collected.files) {
    if (options.onFile?.(file.rel, file.size) === false) {
      result.errors.push({ file: file.rel, message: 'scan cancelled before this file' });
      break;
    }
    if (file.native) {
      const scanned = scanBinary(file, {
        rules: options.rules,
        keep: options.keep,
        target,
        maxModuleBytes: maxFileBytes,
        onModule: options.onFile,
        onModuleDone: options.onFileDone,
      });
      if (scanned.binary) {
        (result.binaries ??= []).push(scanned.binary);
        result.filesScanned++;
      }
      result.bytesScanned += scanned.bytesScanned;
      result.findings.push(...scanned.findings);
      result.errors.push(...scanned.errors);
      if (scanned.cancelled) break;
      continue;
    }
    const read = readSourceFile(file.absPath);
    if ('error' in read) {
      result.errors.push({ file: file.rel, message: read.error });
      continue;
    }
    const scanned = scanSourceSafely(read.text, { file: file.rel, rules: options.rules, target });
    result.filesScanned++;
    result.bytesScanned += file.size;
    result.errors.push(...scanned.errors);
    for (const f of scanned.findings) if (!options.keep || options.keep.has(f.ruleId)) result.findings.push(f);
    options.onFileDone?.(file.rel, { bytes: file.size, ...scanned.stats });
  }
  return result;
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
}

