// Runs the manifest rules over a package's package.json: install scripts, native binaries,
// and an extension's activation, workspace-trust and proposed-API declarations. Findings get
// exact lines and columns in package.json: acorn parses `(${json})` as an expression, which
// gives the offset of every key and value without a JSON parser of our own.
import * as fs from 'node:fs';
import { openRegularFile } from '../text/regularFile';
import * as path from 'node:path';
import * as acorn from 'acorn';
import type { Finding, ScanError, Span } from '../model';
import type { JsonValue, ManifestContext, ManifestRule, TargetContext } from '../rules/types';
import { literalKey, type Node } from '../js/ast';
import { buildFindings, draftOf, type Draft } from '../rules/findings';
import { describeFsError, readSourceFile } from './files';

const MANIFEST = 'package.json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export interface ManifestScanResult {
  findings: Finding[];
  errors: ScanError[];
}

/**
 * Scans `root/package.json` if there is one, else `root/package/package.json` (an npm tarball
 * unpacked as it comes, the layout `npm pack` makes); a package without one has no manifest findings.
 */
export function scanPackageManifest(root: string, rules: readonly ManifestRule[], target: TargetContext): ManifestScanResult {
  const own = scanManifestAt(root, '', rules, target);
  return own ?? scanManifestAt(root, 'package', rules, target) ?? { findings: [], errors: [] };
}

/** The manifest of `root/dir`, or undefined when there is none. */
function scanManifestAt(root: string, dir: string, rules: readonly ManifestRule[], target: TargetContext): ManifestScanResult | undefined {
  const rel = dir ? `${dir}/${MANIFEST}` : MANIFEST;
  const packageRoot = path.join(root, dir);
  const file = path.join(packageRoot, MANIFEST);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    // No manifest, or a root that is no folder (its own error entry says what it is).
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return { findings: [], errors: [{ file: rel, message: `cannot stat: ${describeFsError(e)}` }] };
  }
  if (size > MAX_MANIFEST_BYTES) return { findings: [], errors: [{ file: rel, message: `skipped: package.json of ${size} bytes is not a plausible manifest` }] };
  const read = readSourceFile(file);
  if ('error' in read) return { findings: [], errors: [{ file: rel, message: read.error }] };
  return scanManifestText(read.text, rules, target, p => readHead(packageRoot, p), rel);
}

/** The manifest rules over one package.json text; `head` reads the first bytes of a package file. */
export function scanManifestText(text: string, rules: readonly ManifestRule[], target: TargetContext, head: (rel: string) => Buffer | undefined = () => undefined, file = MANIFEST): ManifestScanResult {
  const errors: ScanError[] = [];
  let manifest: JsonValue;
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    return { findings: [], errors: [{ file, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  let tree: Node | undefined;
  try {
    const program = acorn.parse(`(${text})`, { ecmaVersion: 'latest' });
    const first = program.body[0];
    tree = first?.type === 'ExpressionStatement' ? first.expression : undefined;
  } catch (e) {
    // Valid JSON too deeply nested to locate in: findings point at the start of the file.
    errors.push({ file, message: `positions in package.json are not available (${e instanceof RangeError ? 'nested too deeply' : e instanceof Error ? e.message : String(e)}): findings point at its start` });
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return { findings: [], errors: [{ file, message: 'not a JSON object' }] };

  const drafts: Draft[] = [];
  let current: ManifestRule | undefined;
  const engines = manifest.engines;
  const ctx: ManifestContext = {
    target,
    isExtension: !!engines && typeof engines === 'object' && !Array.isArray(engines) && typeof engines.vscode === 'string',
    locate: (p, part = 'value') => (tree ? locate(tree, p, part) : { start: 0, end: 0 }),
    fileHead: head,
    report(descriptor) {
      drafts.push(draftOf(current!.meta, descriptor, -1));
    },
  };
  for (const rule of rules) {
    current = rule;
    try {
      rule.check(manifest, ctx);
    } catch (e) {
      errors.push({ file, message: `rule ${rule.meta.id} failed and was skipped: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { findings: buildFindings(drafts, { file, text, functions: [], partial: false }), errors };
}

/** Offsets in the JSON text (the parsed text has one leading parenthesis). */
function locate(tree: Node, keys: ReadonlyArray<string | number>, part: 'key' | 'value'): Span | undefined {
  let node: Node | undefined = tree;
  let key: Node | undefined;
  for (const k of keys) {
    if (node?.type === 'ObjectExpression' && typeof k === 'string') {
      // JSON.parse keeps the last duplicate key; so do we.
      const props: Node[] = [...node.properties].reverse();
      const prop = props.find((p): p is Extract<Node, { type: 'Property' }> => p.type === 'Property' && literalKey(p.key) === k);
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
    fd = openRegularFile(abs);
    const buf = Buffer.alloc(64);
    const n = fs.readSync(fd, buf, 0, 64, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
