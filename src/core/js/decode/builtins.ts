// The native functions and methods the evaluator knows: the ones decoders are built from
// (base64, hex, char codes, split/join/reverse/map/...). Each notes the step it performed so
// a decoded value carries its recipe. Regexes from scanned code are only used when they are
// simple (no quantified groups, no backreferences): a hostile pattern must not hang a scan.
import { UNKNOWN, type Builtin, type Value } from './values';

export const MAX_STRING = 4 * 1024 * 1024;
export const MAX_ARRAY = 1_000_000;

export class TooBig extends Error {}

export interface Host {
  /** Record a decoding step for the recipe. */
  note(step: string): void;
  /** Call a scanned closure (for map/filter callbacks). */
  call(fn: Value, args: Value[]): Value;
}

const GLOBALS = new Set(['atob', 'btoa', 'parseInt', 'Number', 'String', 'decodeURIComponent', 'decodeURI', 'unescape', 'escape', 'Buffer', 'Array', 'Uint8Array', 'Math', 'JSON', 'TextDecoder', 'RegExp', 'Object']);

export function globalBuiltin(name: string): Builtin | undefined {
  return GLOBALS.has(name) ? { kind: 'builtin', name } : undefined;
}

/** `Buffer.from`, `String.fromCharCode`, ... as builtins. */
export function staticMember(owner: string, name: string): Builtin | undefined {
  const known: Record<string, string[]> = {
    Buffer: ['from'],
    String: ['fromCharCode', 'fromCodePoint', 'raw'],
    Array: ['from', 'isArray'],
    Uint8Array: ['from'],
    Math: ['floor', 'abs', 'min', 'max'],
    Number: ['parseInt'],
    JSON: ['parse'],
    Object: ['keys', 'values'],
  };
  return known[owner]?.includes(name) ? { kind: 'builtin', name: `${owner}.${name}` } : undefined;
}

export function checkString(s: string): string {
  if (s.length > MAX_STRING) throw new TooBig('string over the size budget');
  return s;
}

function checkArray<T>(a: T[]): T[] {
  if (a.length > MAX_ARRAY) throw new TooBig('array over the size budget');
  return a;
}

export function base64ToBytes(s: string): Uint8Array | undefined {
  const clean = s.replace(/[\s=]+$/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

export function hexToBytes(s: string): Uint8Array | undefined {
  if (s.length % 2 || !/^[0-9a-fA-F]*$/.test(s)) return undefined;
  return new Uint8Array(Buffer.from(s, 'hex'));
}

function bytesToString(bytes: Uint8Array, encoding: string, host: Host): Value {
  const enc = encoding.toLowerCase().replace('-', '');
  switch (enc) {
    case 'utf8':
      return checkString(Buffer.from(bytes).toString('utf8'));
    case 'latin1':
    case 'binary':
    case 'ascii':
      return checkString(Buffer.from(bytes).toString('latin1'));
    case 'hex':
      host.note('to hex');
      return checkString(Buffer.from(bytes).toString('hex'));
    case 'base64':
      host.note('to base64');
      return checkString(Buffer.from(bytes).toString('base64'));
    case 'utf16le':
    case 'ucs2':
      return checkString(Buffer.from(bytes).toString('utf16le'));
    default:
      return UNKNOWN;
  }
}

function toBytes(v: Value): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (Array.isArray(v) && v.every(x => typeof x === 'number')) return Uint8Array.from(v as number[], x => x & 0xff);
  return undefined;
}

export function iterate(v: Value): Value[] | undefined {
  if (typeof v === 'string') return checkArray([...v]);
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v;
  return undefined;
}

/**
 * A regex we are willing to run on decoded text: no groups with quantifiers, no
 * backreferences or lookbehind, and at most one quantifier outside character classes.
 * Patterns such as /a*a*a*c/ backtrack catastrophically; decoders need nothing of the kind
 * (/-/g, /[^a-z]/g, /.{2}/g).
 */
export function safeRegExp(pattern: string, flags: string): RegExp | undefined {
  if (pattern.length > 200 || !/^[gimsuy]*$/.test(flags)) return undefined;
  if (/\\[1-9k]|\(\?<[=!]|\)[*+?{]/.test(pattern)) return undefined;
  if (quantifiersOutsideClasses(pattern) > 1) return undefined;
  try {
    return new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
}

function quantifiersOutsideClasses(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+' || c === '{' || (c === '?' && pattern[i - 1] !== '(')) count++;
  }
  return count;
}

export function callBuiltin(name: string, args: Value[], host: Host, isNew = false): Value {
  const [a, b] = args;
  switch (name) {
    case 'atob':
      if (typeof a !== 'string') return UNKNOWN;
      host.note('base64');
      return bytesOrUnknown(base64ToBytes(a), bytes => Buffer.from(bytes).toString('latin1'));
    case 'btoa':
      return typeof a === 'string' ? Buffer.from(a, 'latin1').toString('base64') : UNKNOWN;
    case 'decodeURIComponent':
    case 'decodeURI':
    case 'unescape':
      if (typeof a !== 'string') return UNKNOWN;
      host.note(name);
      try {
        return name === 'unescape' ? a.replace(/%u([0-9a-f]{4})|%([0-9a-f]{2})/gi, (_, u, h) => String.fromCharCode(parseInt(u ?? h, 16))) : decodeURIComponent(a);
      } catch {
        return UNKNOWN;
      }
    case 'parseInt':
    case 'Number.parseInt': {
      if (typeof a !== 'string' && typeof a !== 'number') return UNKNOWN;
      const radix = typeof b === 'number' ? b : 10;
      if (radix === 16) host.note('hex');
      return parseInt(String(a), radix);
    }
    case 'Number':
      return typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? Number(a) : UNKNOWN;
    case 'String':
      return typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean' ? String(a) : UNKNOWN;
    case 'String.fromCharCode':
    case 'String.fromCodePoint': {
      if (!args.every(x => typeof x === 'number')) return UNKNOWN;
      host.note('fromCharCode');
      const codes = args as number[];
      try {
        return checkString(name === 'String.fromCharCode' ? String.fromCharCode(...codes) : String.fromCodePoint(...codes));
      } catch {
        return UNKNOWN;
      }
    }
    case 'Buffer.from': {
      if (typeof a === 'string') {
        const enc = typeof b === 'string' ? b.toLowerCase() : 'utf8';
        if (enc === 'base64' || enc === 'base64url') {
          host.note('base64');
          return base64ToBytes(a) ?? UNKNOWN;
        }
        if (enc === 'hex') {
          host.note('hex');
          return hexToBytes(a) ?? UNKNOWN;
        }
        if (enc === 'utf8' || enc === 'utf-8') return new Uint8Array(Buffer.from(a, 'utf8'));
        if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') return new Uint8Array(Buffer.from(a, 'latin1'));
        return UNKNOWN;
      }
      return toBytes(a) ?? UNKNOWN;
    }
    case 'Uint8Array':
    case 'Uint8Array.from':
      if (!isNew && name === 'Uint8Array') return UNKNOWN;
      return toBytes(a) ?? (typeof a === 'string' ? Uint8Array.from([...a], c => c.charCodeAt(0)) : UNKNOWN);
    case 'Array.from':
      return iterate(a) ? (b !== undefined ? mapValues(iterate(a)!, b, host) : iterate(a)!.slice()) : UNKNOWN;
    case 'Array.isArray':
      return Array.isArray(a);
    case 'Math.floor':
      return typeof a === 'number' ? Math.floor(a) : UNKNOWN;
    case 'Math.abs':
      return typeof a === 'number' ? Math.abs(a) : UNKNOWN;
    case 'Math.min':
    case 'Math.max':
      return args.every(x => typeof x === 'number') ? (name === 'Math.min' ? Math.min : Math.max)(...(args as number[])) : UNKNOWN;
    case 'JSON.parse':
      if (typeof a !== 'string' || a.length > 1_000_000) return UNKNOWN;
      try {
        const parsed = JSON.parse(a);
        return Array.isArray(parsed) && parsed.every(x => typeof x === 'string' || typeof x === 'number') ? parsed : UNKNOWN;
      } catch {
        return UNKNOWN;
      }
    case 'TextDecoder':
      return isNew ? { kind: 'decoder', encoding: typeof a === 'string' ? a : 'utf-8' } : UNKNOWN;
    case 'RegExp':
      return typeof a === 'string' ? safeRegExp(a, typeof b === 'string' ? b : '') ?? UNKNOWN : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function bytesOrUnknown(bytes: Uint8Array | undefined, f: (b: Uint8Array) => string): Value {
  return bytes ? checkString(f(bytes)) : UNKNOWN;
}

function mapValues(items: Value[], fn: Value, host: Host): Value {
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) {
    const v = host.call(fn, [items[i], i]);
    if (v === UNKNOWN) return UNKNOWN;
    out.push(v);
  }
  return checkArray(out);
}

/** `receiver.name(...args)` for strings, arrays, byte arrays, decoders and regexes. */
export function callMethod(receiver: Value, name: string, args: Value[], host: Host): Value {
  const [a, b] = args;
  if (typeof receiver === 'object' && receiver !== null && 'kind' in receiver && receiver.kind === 'decoder') {
    if (name !== 'decode') return UNKNOWN;
    const bytes = toBytes(a);
    return bytes ? bytesToString(bytes, receiver.encoding, host) : UNKNOWN;
  }
  if (receiver instanceof Uint8Array) {
    switch (name) {
      case 'toString':
        return bytesToString(receiver, typeof a === 'string' ? a : 'utf8', host);
      case 'map':
        return mapValues(Array.from(receiver), a, host);
      case 'reverse':
        host.note('reverse');
        return Uint8Array.from(receiver).reverse();
      case 'slice':
      case 'subarray':
        return receiver.slice(num(a, 0), b === undefined ? undefined : num(b, receiver.length));
      default:
        return UNKNOWN;
    }
  }
  if (typeof receiver === 'string') return stringMethod(receiver, name, args, host);
  if (Array.isArray(receiver)) return arrayMethod(receiver, name, args, host);
  if (typeof receiver === 'number' && name === 'toString') return receiver.toString(typeof a === 'number' ? a : 10);
  return UNKNOWN;
}

function num(v: Value, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

function stringMethod(s: string, name: string, args: Value[], host: Host): Value {
  const [a, b] = args;
  switch (name) {
    case 'split': {
      if (a instanceof RegExp) return checkArray(s.split(a));
      if (typeof a !== 'string') return UNKNOWN;
      host.note(a === '' ? 'split into characters' : `split ${JSON.stringify(a)}`);
      return checkArray(s.split(a));
    }
    case 'charCodeAt':
      host.note('charCodeAt');
      return s.charCodeAt(num(a, 0));
    case 'codePointAt':
      return s.codePointAt(num(a, 0)) ?? undefined;
    case 'charAt':
      return s.charAt(num(a, 0));
    case 'slice':
      return s.slice(num(a, 0), b === undefined ? undefined : num(b, s.length));
    case 'substring':
      return s.substring(num(a, 0), b === undefined ? undefined : num(b, s.length));
    case 'substr':
      return s.substr(num(a, 0), b === undefined ? undefined : num(b, s.length));
    case 'toLowerCase':
      return s.toLowerCase();
    case 'toUpperCase':
      return s.toUpperCase();
    case 'trim':
      return s.trim();
    case 'concat':
      return args.every(x => typeof x === 'string' || typeof x === 'number') ? checkString(s.concat(...(args as string[]))) : UNKNOWN;
    case 'repeat':
      return typeof a === 'number' && s.length * a <= MAX_STRING ? s.repeat(a) : UNKNOWN;
    case 'replace':
    case 'replaceAll': {
      if (typeof b !== 'string') return UNKNOWN;
      host.note('replace');
      if (typeof a === 'string') return checkString(name === 'replace' ? s.replace(a, () => b) : s.split(a).join(b));
      if (a instanceof RegExp) return checkString(s.replace(a, b));
      return UNKNOWN;
    }
    case 'match': {
      if (!(a instanceof RegExp)) return UNKNOWN;
      const m = s.match(a);
      return m ? checkArray([...m]) : null;
    }
    case 'indexOf':
      return typeof a === 'string' ? s.indexOf(a) : UNKNOWN;
    case 'includes':
      return typeof a === 'string' ? s.includes(a) : UNKNOWN;
    case 'toString':
    case 'valueOf':
      return s;
    default:
      return UNKNOWN;
  }
}

function arrayMethod(arr: Value[], name: string, args: Value[], host: Host): Value {
  const [a, b] = args;
  switch (name) {
    case 'join': {
      const sep = a === undefined ? ',' : a;
      if (typeof sep !== 'string' || !arr.every(x => typeof x === 'string' || typeof x === 'number')) return UNKNOWN;
      if (sep !== '') host.note(`join ${JSON.stringify(sep)}`);
      return checkString(arr.join(sep));
    }
    case 'reverse':
      host.note('reverse');
      return arr.slice().reverse();
    case 'map':
      return mapValues(arr, a, host);
    case 'filter': {
      const out: Value[] = [];
      for (let i = 0; i < arr.length; i++) {
        const keep = host.call(a, [arr[i], i]);
        if (keep === UNKNOWN) return UNKNOWN;
        if (keep) out.push(arr[i]);
      }
      return out;
    }
    case 'slice':
      return arr.slice(num(a, 0), b === undefined ? undefined : num(b, arr.length));
    case 'concat':
      return checkArray(args.reduce<Value[]>((acc, x) => acc.concat(Array.isArray(x) ? x : [x]), arr.slice()));
    case 'push':
      arr.push(...args);
      checkArray(arr);
      return arr.length;
    case 'includes':
      return arr.includes(a);
    case 'indexOf':
      return arr.indexOf(a);
    case 'flat':
      return checkArray(arr.flat() as Value[]);
    default:
      return UNKNOWN;
  }
}
