// The string array of javascript-obfuscator: every string of the program moved into one array
// (`function A(){const X=[…];A=function(){return X};return A()}`), read through an accessor
// that subtracts an offset and may decode the entry (base64 with the obfuscator's own
// alphabet, or base64 then RC4 with a key given at each call), and rotated at start-up by a
// loop that shifts the array until a checksum of `parseInt(accessor(i))` terms equals a
// constant. Interpreting that loop would take millions of steps on a real bundle (350,000
// entries); its shape is fixed, so it is recognised and replayed natively instead: the
// checksum expression is evaluated for each rotation until it matches.
import type * as acorn from 'acorn';
import { descendants, isFunction, numberLiteral, staticString, type CallLike, type FunctionNode, type Node } from '../ast';
import type { ModuleIndex } from '../moduleIndex';

export type ArrayEncoding = 'none' | 'base64' | 'rc4';

export interface StringArray {
  /** The array literal inside the array function, and that function (index in the module's functions). */
  literal: Node;
  fn: number;
  /** The accessor function (index in the module's functions). */
  accessor: number;
  offset: number;
  encoding: ArrayEncoding;
  /** Rotations the start-up loop applies; undefined when the loop was not found or never matched. */
  rotation?: number;
  /** The start-up call that rotates the array. */
  rotationCall?: Node;
  /** The raw entries, in source order. */
  raw: string[];
}

/** The obfuscator's base64 alphabet: lower case first. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=';
/** Arrays shorter than this are ordinary lists. */
const MIN_ENTRIES = 5;

/** Every string array of the module with its accessor, offset, encoding and rotation. */
export function findStringArrays(index: ModuleIndex): StringArray[] {
  const out: StringArray[] = [];
  for (let f = 0; f < index.functions.length; f++) {
    const array = arrayFunction(index.functions[f].node);
    if (!array) continue;
    const accessor = accessorOf(index, array.name);
    if (!accessor) continue;
    const found: StringArray = { literal: array.literal, fn: f, raw: array.raw, ...accessor };
    const rotation = rotationOf(index, array.name, found);
    out.push(rotation === undefined ? found : { ...found, ...rotation });
  }
  return out;
}

/** The entry the accessor returns for `index` (and `key`, for RC4), after rotation and decoding. */
export function entryAt(array: StringArray, at: number, key?: string, rotation = array.rotation ?? 0): string | undefined {
  const n = array.raw.length;
  const i = at - array.offset;
  if (!Number.isInteger(i) || i < 0 || i >= n) return undefined;
  return decodeEntry(array.raw[(i + rotation) % n], array.encoding, key);
}

export function decodeEntry(raw: string, encoding: ArrayEncoding, key?: string): string | undefined {
  if (encoding === 'none') return raw;
  const text = utf8(obfuscatorBase64(raw));
  if (text === undefined || encoding === 'base64') return text;
  return key === undefined ? undefined : rc4(text, key);
}

/** `function A(){const X=[…strings];A=function(){return X};return A()}`: its name and array. */
function arrayFunction(fn: FunctionNode): { name: string; literal: acorn.ArrayExpression; raw: string[] } | undefined {
  if (fn.type !== 'FunctionDeclaration' || !fn.id || fn.body.type !== 'BlockStatement') return undefined;
  const name = fn.id.name;
  const [first] = fn.body.body;
  if (first?.type !== 'VariableDeclaration' || first.declarations.length !== 1) return undefined;
  const init = first.declarations[0].init;
  if (init?.type !== 'ArrayExpression' || init.elements.length < MIN_ENTRIES) return undefined;
  const raw: string[] = [];
  for (const e of init.elements) {
    const s = e && e.type !== 'SpreadElement' ? staticString(e) : undefined;
    if (s === undefined) return undefined;
    raw.push(s);
  }
  const redefines = fn.body.body.some(s => s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression' && s.expression.left.type === 'Identifier' && s.expression.left.name === name);
  return redefines ? { name, literal: init, raw } : undefined;
}

/**
 * The function that reads the array: it calls the array function and subtracts a constant
 * from its first parameter (`i = i - 0x9c`). Its string literals tell the encoding.
 */
function accessorOf(index: ModuleIndex, arrayName: string): { accessor: number; offset: number; encoding: ArrayEncoding } | undefined {
  for (let f = 0; f < index.functions.length; f++) {
    const fn = index.functions[f].node;
    if (fn.type !== 'FunctionDeclaration' || !fn.id || fn.id.name === arrayName) continue;
    let callsArray = false;
    let offset: number | undefined;
    let alphabet = false;
    let bytes = false;
    for (const node of descendants(fn.body)) {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === arrayName && node.arguments.length === 0) callsArray = true;
      else if (offset === undefined && node.type === 'AssignmentExpression') offset = subtracted(node);
      else if (node.type === 'Literal') {
        if (node.value === ALPHABET) alphabet = true;
        else if (node.value === 0x100) bytes = true;
      }
    }
    if (callsArray && offset !== undefined) return { accessor: f, offset, encoding: !alphabet ? 'none' : bytes ? 'rc4' : 'base64' };
  }
  return undefined;
}

/** `i = i - N`, `i -= N` or `i = i + -N`: N. */
function subtracted(node: acorn.AssignmentExpression): number | undefined {
  if (node.left.type !== 'Identifier') return undefined;
  const name = node.left.name;
  if (node.operator === '-=') return numberLiteral(node.right);
  if (node.operator !== '=' || node.right.type !== 'BinaryExpression') return undefined;
  const { left, right, operator } = node.right;
  if (left.type !== 'Identifier' || left.name !== name) return undefined;
  const n = numberLiteral(right);
  if (n === undefined) return undefined;
  return operator === '-' ? n : operator === '+' ? -n : undefined;
}

/**
 * The start-up loop: a call `(function(get, target){… const c = <checksum>; if (c === target)
 * break; else arr.push(arr.shift()) …})(A, T)`. Replays it: the first rotation whose checksum
 * is T. Undefined when there is no such call or no rotation matches.
 */
function rotationOf(index: ModuleIndex, arrayName: string, array: StringArray): { rotation: number; rotationCall: Node } | undefined {
  for (const call of index.calls) {
    const [get, target] = call.arguments;
    if (call.arguments.length !== 2 || get.type !== 'Identifier' || get.name !== arrayName) continue;
    const goal = numberLiteral(target as Node);
    const callee = call.callee;
    if (goal === undefined || !isFunction(callee)) continue;
    const checksum = checksumOf(callee);
    if (!checksum) continue;
    for (let r = 0; r < array.raw.length; r++) {
      if (evaluateChecksum(checksum, array, r) === goal) return { rotation: r, rotationCall: call };
    }
    return undefined;
  }
  return undefined;
}

/** The first declared value inside the loop function that sums `parseInt(…)` terms. */
function checksumOf(fn: FunctionNode): Node | undefined {
  for (const node of descendants(fn.body)) {
    if (node.type !== 'VariableDeclarator' || !node.init) continue;
    for (const inner of descendants(node.init)) {
      if (inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'parseInt') return node.init;
    }
  }
  return undefined;
}

/**
 * Arithmetic over `parseInt(get(i[, key]))` terms, as JavaScript computes it (NaN included);
 * anything else in the expression makes it unknown (NaN, which never matches).
 */
function evaluateChecksum(node: Node, array: StringArray, rotation: number): number {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'number' ? node.value : NaN;
    case 'UnaryExpression': {
      const v = evaluateChecksum(node.argument, array, rotation);
      return node.operator === '-' ? -v : node.operator === '+' ? v : NaN;
    }
    case 'BinaryExpression': {
      const a = evaluateChecksum(node.left as Node, array, rotation);
      const b = evaluateChecksum(node.right, array, rotation);
      switch (node.operator) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '%': return a % b;
        default: return NaN;
      }
    }
    case 'CallExpression': {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'parseInt') return NaN;
      const read = node.arguments[0];
      if (read?.type !== 'CallExpression') return NaN;
      const at = read.arguments[0] ? numberLiteral(read.arguments[0] as Node) : undefined;
      const key = read.arguments[1] ? staticString(read.arguments[1] as Node) : undefined;
      const s = at === undefined ? undefined : entryAt(array, at, key, rotation);
      return s === undefined ? NaN : parseInt(s);
    }
    default:
      return NaN;
  }
}

/** A call that reads the array with constant arguments: its index and key. */
export function constantRead(call: CallLike): { at: number; key?: string } | undefined {
  const args = call.arguments;
  if (args.length === 0 || args.length > 2) return undefined;
  const at = numberLiteral(args[0] as Node);
  if (at === undefined) return undefined;
  if (args.length === 1) return { at };
  const key = staticString(args[1] as Node);
  return key === undefined ? undefined : { at, key };
}

function obfuscatorBase64(s: string): number[] {
  const bytes: number[] = [];
  let bits = 0;
  let count = 0;
  for (const c of s) {
    const v = ALPHABET.indexOf(c);
    if (v < 0 || v === 64) continue;
    bits = count % 4 ? bits * 64 + v : v;
    if (count++ % 4) bytes.push(0xff & (bits >> ((-2 * count) & 6)));
  }
  return bytes;
}

/** The obfuscator turns bytes into `%xx` and calls decodeURIComponent: UTF-8, or nothing. */
function utf8(bytes: number[]): string | undefined {
  try {
    return decodeURIComponent(bytes.map(b => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return undefined;
  }
}

function rc4(text: string, key: string): string {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key.charCodeAt(i % key.length)) % 256;
    [s[i], s[j]] = [s[j], s[i]];
  }
  let i = 0;
  j = 0;
  let out = '';
  for (let y = 0; y < text.length; y++) {
    i = (i + 1) % 256;
    j = (j + s[i]) % 256;
    [s[i], s[j]] = [s[j], s[i]];
    out += String.fromCharCode(text.charCodeAt(y) ^ s[(s[i] + s[j]) % 256]);
  }
  return out;
}

/** Alias hops followed from a name to the accessor: `const g = _0x3a5d` is one. */
const MAX_HOPS = 4;

/**
 * The string array a called name reads: a name bound to the accessor, to the function the
 * accessor puts in its own place on first use (`_0x44ee = function (i, k) {…}`), or to an
 * alias of either. The call graph wants one value per name; an accessor has two.
 */
export function accessorResolver(index: ModuleIndex, arrays: readonly StringArray[]): (name: string, fn: number) => StringArray | undefined {
  // By binding (its scope and name) and hops left: index.binding() makes a new object at each
  // call, so a cache keyed by that object never answered, and kept one Binding per read alive
  // (953,018 reads in Qodo's 35 MB bundle).
  const known = new Map<string, StringArray | null>();
  const ofNode = (node: Node): StringArray | undefined => arrays.find(a => {
    const accessor = index.functions[a.accessor].node;
    return accessor.start <= node.start && node.end <= accessor.end;
  });
  const resolve = (name: string, fn: number, hops: number): StringArray | undefined => {
    const bound = index.binding(name, fn);
    if (!bound) return undefined;
    const key = `${bound.scope}:${hops}:${name}`;
    const seen = known.get(key);
    if (seen !== undefined) return seen ?? undefined;
    let found: StringArray | undefined;
    for (const v of bound.values) {
      found = isFunction(v.node) ? ofNode(v.node) : v.node.type === 'Identifier' && hops > 0 ? resolve(v.node.name, v.fn, hops - 1) : undefined;
      if (found) break;
    }
    // A name bound to something else as well is not a read of the array.
    if (found && bound.values.some(v => !isFunction(v.node) && v.node.type !== 'Identifier')) found = undefined;
    known.set(key, found ?? null);
    return found;
  };
  return (name, fn) => resolve(name, fn, MAX_HOPS);
}
