// Settings files as one tree shape, whatever their syntax: JSON with comments, TOML, YAML or a
// dotenv file. Every node keeps its UTF-16 offsets in the file, so a finding can point at the
// key. Parsed by maintained libraries that report positions (jsonc-parser, toml-eslint-parser,
// yaml); nothing in a settings file is ever evaluated.
import { parseTree, printParseErrorCode, type Node as JsoncNode, type ParseError } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { ConfigFormat } from '../model';

export interface ConfigEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  node: ConfigNode;
}

export interface ConfigNode {
  type: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  value?: string | number | boolean | null;
  entries?: ConfigEntry[];
  items?: ConfigNode[];
  start: number;
  end: number;
}

export interface ParsedConfig {
  root?: ConfigNode;
  /** Syntax errors with their offsets; a file with errors may still have a partial tree. */
  errors: Array<{ message: string; offset: number }>;
}

/** Deeper than any real settings file: a hostile one stops here instead of exhausting the stack. */
const MAX_DEPTH = 64;

export function parseConfig(text: string, format: ConfigFormat): ParsedConfig {
  try {
    switch (format) {
      case 'json':
      case 'jsonc':
        return parseJsonc(text);
      case 'toml':
        return parseToml(text);
      case 'yaml':
        return parseYaml(text);
      case 'dotenv':
        return { root: parseDotenv(text), errors: [] };
      case 'text':
        return { errors: [] };
    }
  } catch (e) {
    return { errors: [{ message: e instanceof Error ? e.message : String(e), offset: 0 }] };
  }
}

function parseJsonc(text: string): ParsedConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return {
    root: tree ? fromJsonc(tree, 0) : undefined,
    errors: errors.map(e => ({ message: printParseErrorCode(e.error), offset: e.offset })),
  };
}

function fromJsonc(n: JsoncNode, depth: number): ConfigNode {
  const span = { start: n.offset, end: n.offset + n.length };
  if (depth > MAX_DEPTH) return { type: 'null', value: null, ...span };
  switch (n.type) {
    case 'object':
      return {
        type: 'object',
        ...span,
        entries: (n.children ?? []).flatMap(p => {
          const [k, v] = p.children ?? [];
          if (!k || !v) return [];
          return [{ key: String(k.value), keyStart: k.offset, keyEnd: k.offset + k.length, node: fromJsonc(v, depth + 1) }];
        }),
      };
    case 'array':
      return { type: 'array', ...span, items: (n.children ?? []).map(c => fromJsonc(c, depth + 1)) };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { type: n.type, value: n.value as ConfigNode['value'], ...span };
    default:
      return { type: 'null', value: null, ...span };
  }
}

// toml-eslint-parser's AST: tables and key/value pairs with dotted keys, values with ranges.
interface TomlKeyPart {
  name?: string;
  value?: string;
  range: [number, number];
}
interface TomlAny {
  type: string;
  kind?: string;
  range: [number, number];
  key?: { keys: TomlKeyPart[]; range: [number, number] };
  resolvedKey?: Array<string | number>;
  body?: TomlAny[];
  value?: unknown;
  elements?: TomlAny[];
}

function parseToml(text: string): ParsedConfig {
  let ast: { body: TomlAny[] };
  try {
    ast = parseTOML(text) as unknown as { body: TomlAny[] };
  } catch (e) {
    const err = e as { message?: string; index?: number };
    return { errors: [{ message: err.message ?? String(e), offset: err.index ?? 0 }] };
  }
  const top = ast.body[0];
  const root: ConfigNode = { type: 'object', start: 0, end: text.length, entries: [] };
  if (!top?.body) return { root, errors: [] };
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') addTomlPair(root, item, 0);
    else if (item.type === 'TOMLTable' && item.key) {
      const keys = item.key.keys;
      let table = root;
      keys.forEach((k, i) => {
        const last = i === keys.length - 1;
        if (last && item.kind === 'array') {
          const arr = childOrNew(table, keyName(k), k.range, 'array', item.range);
          const el: ConfigNode = { type: 'object', start: item.range[0], end: item.range[1], entries: [] };
          arr.items!.push(el);
          table = el;
        } else {
          table = lastObject(childOrNew(table, keyName(k), k.range, 'object', item.range));
        }
      });
      for (const pair of item.body ?? []) addTomlPair(table, pair, 0);
    }
  }
  return { root, errors: [] };
}

function keyName(k: TomlKeyPart): string {
  return String(k.name ?? k.value ?? '');
}

/** The existing child called `key`, or a new one of `type`. */
function childOrNew(parent: ConfigNode, key: string, keyRange: [number, number], type: 'object' | 'array', range: [number, number]): ConfigNode {
  const found = parent.entries!.find(e => e.key === key)?.node;
  if (found) return found;
  const node: ConfigNode = type === 'object' ? { type, start: range[0], end: range[1], entries: [] } : { type, start: range[0], end: range[1], items: [] };
  parent.entries!.push({ key, keyStart: keyRange[0], keyEnd: keyRange[1], node });
  return node;
}

/** An array of tables continues in its last element (`[[a]]` then `[a.b]`). */
function lastObject(n: ConfigNode): ConfigNode {
  if (n.type === 'array' && n.items?.length) return lastObject(n.items[n.items.length - 1]);
  if (n.type !== 'object') {
    n.type = 'object';
    n.entries = [];
  }
  return n;
}

function addTomlPair(table: ConfigNode, pair: TomlAny, depth: number): void {
  if (pair.type !== 'TOMLKeyValue' || !pair.key) return;
  const keys = pair.key.keys;
  let t = table;
  for (let i = 0; i < keys.length - 1; i++) t = lastObject(childOrNew(t, keyName(keys[i]), keys[i].range, 'object', pair.range));
  const last = keys[keys.length - 1];
  t.entries!.push({ key: keyName(last), keyStart: last.range[0], keyEnd: last.range[1], node: fromTomlValue(pair.value as TomlAny, depth + 1) });
}

function fromTomlValue(v: TomlAny, depth: number): ConfigNode {
  const span = { start: v.range[0], end: v.range[1] };
  if (depth > MAX_DEPTH) return { type: 'null', value: null, ...span };
  if (v.type === 'TOMLArray') return { type: 'array', ...span, items: (v.elements ?? []).map(e => fromTomlValue(e, depth + 1)) };
  if (v.type === 'TOMLInlineTable') {
    const node: ConfigNode = { type: 'object', ...span, entries: [] };
    for (const p of v.body ?? []) addTomlPair(node, p, depth + 1);
    return node;
  }
  const value = v.value;
  if (typeof value === 'string') return { type: 'string', value, ...span };
  if (typeof value === 'boolean') return { type: 'boolean', value, ...span };
  if (typeof value === 'number' || typeof value === 'bigint') return { type: 'number', value: Number(value), ...span };
  return { type: 'string', value: value instanceof Date ? value.toISOString() : String(value), ...span };
}

function parseYaml(text: string): ParsedConfig {
  // Aliases are not followed (a "billion laughs" file stays small): an alias reads as null.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map(e => ({ message: e.message.split('\n')[0], offset: e.pos[0] }));
  return { root: doc.contents ? fromYaml(doc.contents as YamlNode, 0) : undefined, errors };
}

function fromYaml(n: YamlNode, depth: number): ConfigNode {
  const [start, , end] = n.range ?? [0, 0, 0];
  const span = { start, end };
  if (depth > MAX_DEPTH) return { type: 'null', value: null, ...span };
  if (isMap(n)) {
    return {
      type: 'object',
      ...span,
      entries: n.items.flatMap(pair => {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        if (!k || !isScalar(k)) return [];
        const [ks, ke] = k.range ?? [0, 0];
        const node = v ? fromYaml(v, depth + 1) : { type: 'null' as const, value: null, start: ke, end: ke };
        return [{ key: String(k.value), keyStart: ks, keyEnd: ke, node }];
      }),
    };
  }
  if (isSeq(n)) return { type: 'array', ...span, items: n.items.map(i => fromYaml(i as YamlNode, depth + 1)) };
  if (isScalar(n)) {
    const v = n.value;
    if (typeof v === 'string') return { type: 'string', value: v, ...span };
    if (typeof v === 'number') return { type: 'number', value: v, ...span };
    if (typeof v === 'boolean') return { type: 'boolean', value: v, ...span };
    if (v === null || v === undefined) return { type: 'null', value: null, ...span };
    return { type: 'string', value: String(v), ...span };
  }
  return { type: 'null', value: null, ...span };
}

/** `KEY=value` lines (`export` allowed, quotes removed, `#` comments): as dotenv reads them. */
function parseDotenv(text: string): ConfigNode {
  const root: ConfigNode = { type: 'object', start: 0, end: text.length, entries: [] };
  const line = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const keyStart = m.index + m[0].indexOf(m[1]);
    const raw = m[2];
    const valueStart = m.index + m[0].length - raw.length;
    let value = raw.replace(/\s+#.*$/, '').trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    root.entries!.push({ key: m[1], keyStart, keyEnd: keyStart + m[1].length, node: { type: 'string', value, start: valueStart, end: valueStart + raw.trimEnd().length } });
  }
  return root;
}

// Reading the tree.

export function child(n: ConfigNode | undefined, key: string): ConfigNode | undefined {
  return n?.entries?.find(e => e.key === key)?.node;
}

export function entry(n: ConfigNode | undefined, key: string): ConfigEntry | undefined {
  return n?.entries?.find(e => e.key === key);
}

/** A child reached by a path of keys. */
export function at(n: ConfigNode | undefined, ...keys: string[]): ConfigNode | undefined {
  let cur = n;
  for (const k of keys) cur = child(cur, k);
  return cur;
}

export function text(n: ConfigNode | undefined): string | undefined {
  return n?.type === 'string' ? (n.value as string) : undefined;
}

export function bool(n: ConfigNode | undefined): boolean | undefined {
  return n?.type === 'boolean' ? (n.value as boolean) : undefined;
}

export function strings(n: ConfigNode | undefined): string[] {
  return (n?.items ?? []).flatMap(i => (i.type === 'string' ? [i.value as string] : []));
}

/** The node as plain data, for hashing a definition. */
export function plain(n: ConfigNode | undefined): unknown {
  if (!n) return undefined;
  if (n.type === 'object') return Object.fromEntries((n.entries ?? []).map(e => [e.key, plain(e.node)]));
  if (n.type === 'array') return (n.items ?? []).map(plain);
  return n.value;
}

/**
 * Every string value under `n`, with the key path that leads to it; an array item also carries
 * the item before it (`["--api-key", "…"]`: the flag names the value).
 */
export function* stringValues(n: ConfigNode | undefined, path = ''): Generator<{ path: string; key: string; node: ConfigNode; prev?: string }> {
  if (!n) return;
  const stack: Array<{ n: ConfigNode; path: string; key: string; prev?: string }> = [{ n, path, key: '' }];
  while (stack.length) {
    const { n: cur, path: p, key, prev } = stack.pop()!;
    if (cur.type === 'string') yield { path: p, key, node: cur, ...(prev !== undefined ? { prev } : {}) };
    else if (cur.type === 'object') for (const e of [...(cur.entries ?? [])].reverse()) stack.push({ n: e.node, path: joinKey(p, e.key), key: e.key });
    else if (cur.type === 'array') {
      const items = cur.items ?? [];
      for (let i = items.length - 1; i >= 0; i--) {
        const before = items[i - 1];
        stack.push({ n: items[i], path: `${p}[${i}]`, key, ...(before?.type === 'string' ? { prev: before.value as string } : {}) });
      }
    }
  }
}

/** `a.b`, or `a["b c"]` for keys a dot would make ambiguous. */
export function joinKey(path: string, key: string): string {
  const part = /^[A-Za-z0-9_$-]+$/.test(key) ? key : JSON.stringify(key);
  if (!path) return part;
  return part.startsWith('"') ? `${path}[${part}]` : `${path}.${part}`;
}
