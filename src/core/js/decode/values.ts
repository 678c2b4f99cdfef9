// The values the constant evaluator works with. Deliberately small: strings, numbers,
// booleans, null/undefined, byte arrays, arrays, and closures over scanned functions.
// Anything else is UNKNOWN, and UNKNOWN is contagious.
import type { FunctionNode } from '../ast';

export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

export interface Closure {
  kind: 'closure';
  node: FunctionNode;
  env: Env;
  /** Function index in the module, to resolve names the closure does not bind. */
  fn: number;
}

/** A native function the evaluator implements (String.fromCharCode, atob, ...). */
export interface Builtin {
  kind: 'builtin';
  name: string;
}

/** A bound method: `"abc".split` before it is called. */
export interface Method {
  kind: 'method';
  receiver: Value;
  name: string;
}

/** `new TextDecoder(label)` */
export interface Decoder {
  kind: 'decoder';
  encoding: string;
}

export type Value =
  | string
  | number
  | boolean
  | null
  | undefined
  | Uint8Array
  | RegExp
  | Value[]
  | Closure
  | Builtin
  | Method
  | Decoder
  | Unknown;

export class Env {
  private readonly vars = new Map<string, Value>();
  constructor(readonly parent?: Env) {}

  has(name: string): boolean {
    return this.vars.has(name) || !!this.parent?.has(name);
  }

  get(name: string): Value {
    if (this.vars.has(name)) return this.vars.get(name);
    return this.parent ? this.parent.get(name) : UNKNOWN;
  }

  declare(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  /** Assigns where the name is bound; false when no frame binds it. */
  assign(name: string, value: Value): boolean {
    if (this.vars.has(name)) {
      this.vars.set(name, value);
      return true;
    }
    return this.parent ? this.parent.assign(name, value) : false;
  }
}

export function isObjectValue(v: Value): v is Closure | Builtin | Method | Decoder {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !(v instanceof RegExp) && !Array.isArray(v);
}

/** A decoded result worth reporting: a string or a list of strings. */
export function asStrings(v: Value): string | string[] | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length > 0 && v.every(x => typeof x === 'string')) return v as string[];
  return undefined;
}
