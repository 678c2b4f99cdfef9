// Scans one native file of a target: lists it as shipped native code, scans each JavaScript
// module embedded in it through the same engine as plain files (file = the binary, entry =
// the module, line and column within the module), and gives binaries with no JavaScript the
// strings pass. A broken binary becomes error entries; the target's scan goes on.
import * as path from 'node:path';
import type { Finding, NativeBinary, ScanError } from '../model';
import type { Rule, TargetContext } from '../rules/types';
import { defaultKeywordMatcher } from '../catalog/keywords';
import { scanSourceSafely, type SourceScanResult } from './engine';
import { describeFsError, formatMB, type FileEntry } from './files';
import { inspectNative } from '../native/inspect';
import { BinaryReader, CorruptBinaryError } from '../native/reader';
import { scanStrings } from './strings';
import { sourceMapReference } from '../native/sourceMaps';

export interface BinaryScanOptions {
  rules: readonly Rule[];
  keep?: ReadonlySet<string>;
  target: TargetContext;
  maxModuleBytes: number;
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

export function scanBinary(file: FileEntry, options: BinaryScanOptions): BinaryScanResult {
  const result: BinaryScanResult = { findings: [], errors: [], bytesScanned: 0, cancelled: false };
  const error = (message: string, entry?: string) => result.errors.push({ file: file.rel, ...(entry ? { entry } : {}), message });
  let reader: BinaryReader;
  try {
    reader = BinaryReader.open(file.absPath);
  } catch (e) {
    error(`cannot read: ${describeFsError(e)}`);
    return result;
  }
  try {
    const inspection = inspectNative(reader, path.basename(file.rel), { maxModuleBytes: options.maxModuleBytes });
    if (!inspection) {
      error('not a native container after all (no ELF, Mach-O, PE or wasm header): skipped');
      return result;
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
    result.binary = binary;
    if (inspection.error) error(inspection.error);
    for (const source of inspection.modules()) {
      if ('error' in source) {
        error(source.error, source.entry);
        continue;
      }
      const { module } = source;
      binary.modules.push(module);
      if (module.language !== 'js') continue;
      if (module.size > options.maxModuleBytes) {
        error(`skipped: ${formatMB(module.size)} is over the ${formatMB(options.maxModuleBytes)} per-module limit`, module.name);
        continue;
      }
      if (!source.text) continue;
      if (options.onModule?.(`${file.rel} :: ${module.name}`, module.size) === false) {
        result.cancelled = true;
        error('scan cancelled before this module', module.name);
        break;
      }
      let text: string;
      try {
        text = source.text();
      } catch (e) {
        if (!(e instanceof CorruptBinaryError)) throw e;
        error(`module could not be read: ${e.message}`, module.name);
        continue;
      }
      module.sourceMap ??= sourceMapReference(text);
      const scanned = scanSourceSafely(text, { file: file.rel, entry: module.name, rules: options.rules, target: options.target });
      result.bytesScanned += module.size;
      result.errors.push(...scanned.errors);
      for (const f of scanned.findings) if (!options.keep || options.keep.has(f.ruleId)) result.findings.push(f);
      options.onModuleDone?.(`${file.rel} :: ${module.name}`, { bytes: module.size, ...scanned.stats });
    }
    markShippedSourceMaps(binary);
    if (binary.format === 'strings' && !result.cancelled) runStringsPass(reader, binary, options, result);
    return result;
  } catch (e) {
    // A shape of damage the extractors did not foresee is still this file's problem only.
    error(e instanceof CorruptBinaryError ? `could not be read to the end: ${e.message}` : `reading failed (a bug, please report): ${e instanceof Error ? e.message : String(e)}`);
    return result;
  } finally {
    reader.close();
  }
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
