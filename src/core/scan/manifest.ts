// Runs the manifest rules over a package's package.json: install scripts, native binaries,
// and an extension's activation, workspace-trust and proposed-API declarations. Findings get
// exact lines and columns in package.json: acorn parses `(${json})` as an expression, which
// gives the offset of every key and value without a JSON parser of our own.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as acorn from 'acorn';
import type { Finding, ScanError } from '../model';
import type { JsonValue, ManifestContext, ManifestRule, ReportOptions, Span, TargetContext } from '../rules/types';
import type { AstNode } from '../js/ast';
import type { RawFinding } from '../rules/raw';
import { locateFindings, rawFinding } from './engine';
import { describeFsError, readSourceFile } from './files';

const MANIFEST = 'package.json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export interface ManifestScanResult {
  findings: Finding[];
  errors: ScanError[];
}

/** Scans `root/package.json` if there is one; a package without one has no manifest findings. */
export function scanPackageManifest(root: string, rules: readonly ManifestRule[], target: TargetContext): ManifestScanResult {
  const file = path.join(root, MANIFEST);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { findings: [], errors: [] };
    return { findings: [], errors: [{ file: MANIFEST, message: `cannot stat: ${describeFsError(e)}` }] };
  }
  if (size > MAX_MANIFEST_BYTES) return { findings: [], errors: [{ file: MANIFEST, message: `skipped: package.json of ${size} bytes is not a plausible manifest` }] };
  const read = readSourceFile(file);
  if ('error' in read) return { findings: [], errors: [{ file: MANIFEST, message: read.error }] };
  return scanManifestText(read.text, rules, target, rel => readHead(root, rel));
}

/** The manifest rules over one package.json text; `head` reads the first bytes of a package file. */
export function scanManifestText(text: string, rules: readonly ManifestRule[], target: TargetContext, head: (rel: string) => Buffer | undefined = () => undefined): ManifestScanResult {
  const errors: ScanError[] = [];
  let manifest: JsonValue;
  let tree: AstNode;
  try {
    manifest = JSON.parse(text);
    tree = (acorn.parse(`(${text})`, { ecmaVersion: 'latest' }) as unknown as AstNode).body[0].expression;
  } catch (e) {
    return { findings: [], errors: [{ file: MANIFEST, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return { findings: [], errors: [{ file: MANIFEST, message: 'not a JSON object' }] };

  const raw: RawFinding[] = [];
  let current: ManifestRule | undefined;
  const engines = manifest.engines;
  const ctx: ManifestContext = {
    target,
    isExtension: !!engines && typeof engines === 'object' && !Array.isArray(engines) && typeof engines.vscode === 'string',
    locate: (p, part = 'value') => locate(tree, p, part),
    fileHead: head,
    report(span: Span, message: string, options: ReportOptions = {}) {
      raw.push(rawFinding(current!, span, message, options, -1));
    },
  };
  for (const rule of rules) {
    current = rule;
    try {
      rule.check(manifest, ctx);
    } catch (e) {
      errors.push({ file: MANIFEST, message: `rule ${rule.id} failed and was skipped: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { findings: locateFindings(raw, text, [], { file: MANIFEST }, false), errors };
}

/** Offsets in the JSON text (the parsed text has one leading parenthesis). */
function locate(tree: AstNode, keys: ReadonlyArray<string | number>, part: 'key' | 'value'): Span | undefined {
  let node: AstNode | undefined = tree;
  let key: AstNode | undefined;
  for (const k of keys) {
    if (node?.type === 'ObjectExpression' && typeof k === 'string') {
      // JSON.parse keeps the last duplicate key; so do we.
      const prop: AstNode | undefined = [...node.properties].reverse().find((p: AstNode) => p.key.type === 'Literal' && p.key.value === k);
      key = prop?.key;
      node = prop?.value;
    } else if (node?.type === 'ArrayExpression' && typeof k === 'number') {
      key = undefined;
      node = node.elements[k] ?? undefined;
    } else {
      return undefined;
    }
  }
  const at = part === 'key' ? key ?? node : node;
  return at ? { start: at.start - 1, end: at.end - 1 } : undefined;
}

/** First 64 bytes of a file inside the package root, never outside it. */
function readHead(root: string, rel: string): Buffer | undefined {
  const abs = path.resolve(root, rel);
  if (abs !== root && !abs.startsWith(root + path.sep)) return undefined;
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, 'r');
    const buf = Buffer.alloc(64);
    const n = fs.readSync(fd, buf, 0, 64, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
