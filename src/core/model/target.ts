// What was audited and what came of it: targets, the native code inside them, the whole
// audit. Plain data only, as the JSON result (schemaVersion 1) carries it.
import type { Finding, ScanError } from './finding';
import type { TargetKind } from './kinds';
import type { ConfigInventory } from './config';

/** What to scan: discovery produces these; the CLI makes one from a PATH. */
export interface TargetSpec {
  id: string;
  name: string;
  kind: TargetKind;
  /** Absolute; a file for a single-file scan, else a folder. */
  root: string;
  instanceId?: string;
  /**
   * Other names the assistant goes by: its extension id (`anthropic.claude-code`) and package
   * name (`@anthropic-ai/claude-code`). Policy ids match these as well as `id` and `instanceId`.
   */
  names?: string[];
  version?: string;
  vendor?: string;
  country?: string;
  editor?: string;
  why?: string[];
  /** Catalog vendor ids of the publisher, for first-party checks. */
  ownVendors?: string[];
  /**
   * More files or folders to scan with this target, relative to root (may start with `../`):
   * e.g. the native binary of a platform package npm hoisted beside the main package.
   */
  extraPaths?: string[];
}

import type { PolicyReport } from './policy';


/** How the code in a native file or archive was read: embedded JS (Bun, Node SEA), printable strings, or archive entries. */
export type BinaryFormat = 'bun' | 'node-sea' | 'strings' | 'archive';
/** Executables and wasm by their magic number; zip and tar (also gzipped) archives shipped as files. */
export type BinaryContainer = 'elf' | 'mach-o' | 'pe' | 'wasm' | 'zip' | 'tar';
export type BinaryKind = 'executable' | 'shared-library' | 'node-addon' | 'wasm' | 'archive';
export type ModuleLanguage = 'js' | 'json' | 'wasm' | 'native' | 'archive' | 'snapshot' | 'other';

/** A source map that maps a module back to original files; read by a later issue. */
export type SourceMapInfo =
  | { kind: 'embedded'; size: number }
  | { kind: 'inline' }
  | { kind: 'reference'; url: string; shipped: boolean };

/** A file embedded in a binary: a Bun module, a SEA main script or asset, an archive entry. */
export interface EmbeddedModule {
  /** As the runtime names it: `/$bunfs/root/cli.js`, `sea-loader.js`, `copilot.tgz!/package/app.js`. */
  name: string;
  /** Bytes in the binary (uncompressed bytes for archive entries). */
  size: number;
  language: ModuleLanguage;
  encoding?: 'latin1' | 'utf8' | 'utf16le' | 'binary';
  /** Module format declared by the runtime. */
  format?: 'esm' | 'cjs';
  entryPoint?: boolean;
  /** Precompiled bytecode ships beside the source. */
  bytecode?: boolean;
  sourceMap?: SourceMapInfo;
}

/** Native code shipped in a target: executables, `.node` addons, `.wasm`. */
export interface NativeBinary {
  /** Relative to the target root. */
  file: string;
  format: BinaryFormat;
  container: BinaryContainer;
  kind: BinaryKind;
  size: number;
  modules: EmbeddedModule[];
  /** Runtime options baked into the binary (Bun `--compile-exec-argv`, SEA `execArgv`). */
  execArgv?: string[];
  /** Node SEA: V8 code cache / startup snapshot shipped instead of (or beside) source. */
  codeCache?: boolean;
  snapshot?: boolean;
  /** Strings pass: how many printable strings were read. */
  strings?: number;
  /** An archive's JavaScript entries left out as tests or benchmarks (counted in the target's skippedTests). */
  skippedTests?: number;
}

export interface TargetResult {
  id: string;
  instanceId?: string;
  /** See TargetSpec.names. */
  names?: string[];
  name: string;
  kind: TargetKind;
  vendor?: string;
  country?: string;
  editor?: string;
  version?: string;
  /** See TargetSpec.ownVendors: what a report counts as the assistant's own hosts. */
  ownVendors?: string[];
  /** Absolute path; every `file` in findings and errors is relative to it. */
  root: string;
  why?: string[];
  filesScanned: number;
  bytesScanned: number;
  /** Native files found under the root, with the modules read out of them. */
  binaries?: NativeBinary[];
  errors: ScanError[];
  findings: Finding[];
  /**
   * Files that are one and the same file as another of the target (a hard link, a symlink, a
   * package manager's shared store): scanned once, under `sameAs`, whose findings stand for both.
   */
  sameFiles?: Array<{ file: string; sameAs: string }>;
  /** JavaScript files in test, spec and benchmark folders and `*.test.js`/`*.spec.js` files, not scanned unless tests are included. */
  skippedTests?: number;
  /**
   * Source files in languages the rules do not read (TypeScript, Python), by language: how many
   * (`own`: outside node_modules) and the first of the package's own. Not scanned, and said so.
   */
  otherSources?: Record<string, { files: number; own: number; first: string[] }>;
  /** Kind `config`: what the assistant's settings say, as read (secrets redacted). */
  config?: ConfigInventory;
}

export interface AuditResult {
  schemaVersion: 1;
  tool: { name: string; version: string };
  targets: TargetResult[];
  /** Present when a workspace policy was evaluated against this audit. */
  policy?: PolicyReport;
}

/** A target's result before any file is scanned: what the spec says, no findings, no errors. */
export function emptyResult(spec: TargetSpec, root: string): TargetResult {
  return {
    id: spec.id,
    ...(spec.instanceId ? { instanceId: spec.instanceId } : {}),
    ...(spec.names?.length ? { names: [...spec.names] } : {}),
    name: spec.name,
    kind: spec.kind,
    ...(spec.vendor ? { vendor: spec.vendor } : {}),
    ...(spec.country ? { country: spec.country } : {}),
    ...(spec.editor ? { editor: spec.editor } : {}),
    ...(spec.version ? { version: spec.version } : {}),
    ...(spec.ownVendors?.length ? { ownVendors: [...spec.ownVendors] } : {}),
    root,
    ...(spec.why ? { why: spec.why } : {}),
    filesScanned: 0,
    bytesScanned: 0,
    binaries: [],
    errors: [],
    findings: [],
  };
}
