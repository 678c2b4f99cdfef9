// Calls between functions of one module (a file, or one module embedded in a binary), and
// where values come from: `K` in `K === "Asia/Shanghai"` was bound to `_F6()`, which returns
// a cached `Intl…timeZone`. Built after the walk from what ModuleIndex recorded, so no second
// walk: resolving is done on demand, only for the few values correlation asks about.
import { childrenOf, freeName, isFunction, memoThunk, propertyKeyName, propertyName, unwrapChain, type AstNode } from './ast';
import type { ModuleIndex } from './moduleIndex';
import type { RawFinding } from '../rules/raw';
import type { DecodedValue } from './decode';
import { singleValue } from './decode/evaluate';

/** Calls followed when asking where a value comes from (DESIGN.md: callees to depth 3). */
export const CALL_DEPTH = 3;
/** Expressions larger than this are not searched for sources (module-sized code). */
const MAX_EXPRESSION = 4000;
/** Names followed when asking where one value comes from. */
const MAX_NAMES = 256;

export interface CallStep {
  call: AstNode;
  /** Function index of the caller (where the call is written). */
  fn: number;
  callee: number;
}

export interface ValueSources {
  probes: RawFinding[];
  /** Findings that read data worth protecting (`source:*` facts: environment, credentials, identifiers). */
  sources: RawFinding[];
  decoded: DecodedValue[];
  /** Same-module calls the value went through, outermost first. */
  calls: CallStep[];
}

const empty = (): ValueSources => ({ probes: [], sources: [], decoded: [], calls: [] });

export class CallGraph {
  private readonly probes: RawFinding[];
  private readonly sources: RawFinding[];
  private decodedSites: DecodedValue[] = [];
  private readonly returnsMemo = new Map<number, ValueSources>();
  private readonly inProgress = new Set<number>();

  constructor(
    private readonly index: ModuleIndex,
    findings: readonly RawFinding[],
  ) {
    this.probes = findings.filter(f => f.facts.some(x => x.kind.startsWith('probe:'))).sort((a, b) => a.start - b.start);
    this.sources = findings.filter(f => f.facts.some(x => x.kind.startsWith('source:'))).sort((a, b) => a.start - b.start);
  }

  /** Decoding runs after the graph exists (it uses calleeOf); its results join here. */
  addDecoded(decoded: readonly DecodedValue[]): void {
    this.decodedSites = [...decoded].sort((a, b) => a.site.start - b.site.start);
    this.returnsMemo.clear();
  }

  /** The same-module function a call calls, if it can be told statically. */
  calleeOf(call: AstNode, fn: number): number | undefined {
    const callee = unwrapChain(call.callee);
    if (callee.type === 'Identifier') return this.functionNamed(callee.name, fn, 3);
    if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
      // `obj.m()` on a module object literal with a method m
      const method = propertyName(callee);
      const owner = this.bindingValue(callee.object.name, fn);
      if (method === undefined || owner?.node.type !== 'ObjectExpression') return undefined;
      const prop = owner.node.properties.find((p: AstNode) => propertyKeyName(p) === method);
      return prop ? this.functionValue(prop.value, owner.fn, 2) : undefined;
    }
    return undefined;
  }

  /** The function a name stands for: a declaration, `const f = () => …`, a memo `X(() => …)`. */
  functionNamed(name: string, fn: number, hops: number): number | undefined {
    const bound = this.bindingValue(name, fn);
    return bound ? this.functionValue(bound.node, bound.fn, hops) : undefined;
  }

  private functionValue(node: AstNode | undefined, fn: number, hops: number): number | undefined {
    if (!node || hops < 0) return undefined;
    if (isFunction(node)) return this.index.functionOf(node);
    if (node.type === 'Identifier') return this.functionNamed(node.name, fn, hops - 1);
    const thunk = memoThunk(node);
    return thunk ? this.index.functionOf(thunk) : undefined;
  }

  /** The single value of a local or module binding as seen from `fn`. */
  private bindingValue(name: string, fn: number): { node: AstNode; fn: number } | undefined {
    const bound = this.index.binding(name, fn);
    if (!bound) return undefined;
    return bound.moduleLike ? singleValue(bound.values) : bound.values[0];
  }

  /** What a function's return values derive from, through callees to CALL_DEPTH. */
  returnsOf(f: number, depth = CALL_DEPTH): ValueSources {
    const memo = this.returnsMemo.get(f);
    if (memo) return memo;
    if (this.inProgress.has(f)) return empty();
    this.inProgress.add(f);
    const out = empty();
    for (const r of this.index.functions[f].returns) merge(out, this.sourcesOf(r, f, depth));
    this.inProgress.delete(f);
    this.returnsMemo.set(f, out);
    return out;
  }

  /**
   * What the value of `expr` (written in function `fn`) derives from: probe findings inside
   * it, decoded values, the values of the names it uses (local or module bindings, all of
   * their assignments), and the return values of same-module functions it calls. A work list,
   * not recursion: a chain of 20,000 `var a2=a1` must not exhaust the stack.
   */
  sourcesOf(expr: AstNode, fn: number, depth = CALL_DEPTH): ValueSources {
    const out = empty();
    const seen = new Set<string>();
    const work: Array<[AstNode, number]> = [[expr, fn]];
    const kids: AstNode[] = [];
    while (work.length) {
      const [value, where] = work.pop()!;
      this.within(value, out);
      if (value.end - value.start > MAX_EXPRESSION) continue;
      const stack = [value];
      while (stack.length) {
        const node = stack.pop()!;
        if (node !== value && isFunction(node)) continue; // a callback's body is not this value
        if (node.type === 'Identifier') {
          const bound = this.index.binding(node.name, where);
          const key = bound && `${node.name}@${bound.scope}`;
          if (key && !seen.has(key) && seen.size < MAX_NAMES) {
            seen.add(key);
            for (const v of bound.values) if (!isFunction(v.node)) work.push([v.node, v.fn]);
          }
        } else if (node.type === 'CallExpression' && depth > 0) {
          const callee = this.calleeOf(node, where);
          if (callee !== undefined) {
            const r = this.returnsOf(callee, depth - 1);
            if (r.probes.length || r.sources.length || r.decoded.length) out.calls.push({ call: node, fn: where, callee });
            merge(out, r);
          }
        }
        kids.length = 0;
        childrenOf(node, kids);
        stack.push(...kids);
      }
    }
    return out;
  }

  /** Probe and source findings and decoded sites whose span lies inside `expr`. */
  private within(expr: AstNode, out: ValueSources): void {
    for (let i = lowerBound(this.probes, expr.start, f => f.start); i < this.probes.length && this.probes[i].start < expr.end; i++) {
      if (this.probes[i].end <= expr.end) out.probes.push(this.probes[i]);
    }
    for (let i = lowerBound(this.sources, expr.start, f => f.start); i < this.sources.length && this.sources[i].start < expr.end; i++) {
      if (this.sources[i].end <= expr.end) out.sources.push(this.sources[i]);
    }
    for (let i = lowerBound(this.decodedSites, expr.start, d => d.site.start); i < this.decodedSites.length && this.decodedSites[i].site.start < expr.end; i++) {
      if (this.decodedSites[i].site.end <= expr.end) out.decoded.push(this.decodedSites[i]);
    }
  }

  /** Calls of function `f` within the module, found by the names it is bound to. */
  callersOf(f: number, limit = 50): CallStep[] {
    const out: CallStep[] = [];
    for (const name of this.namesOf(f)) {
      for (const i of this.callsNamed().get(name) ?? []) {
        if (out.length >= limit) return out;
        const call = this.index.calls[i];
        const fn = this.index.callFns[i];
        if (this.calleeOf(call, fn) === f) out.push({ call, fn, callee: f });
      }
    }
    return out.sort((a, b) => a.call.start - b.call.start);
  }

  private byName?: Map<string, number[]>;
  private names?: Map<AstNode, Set<string>>;

  /** Call indices by the identifier they call, built once on first use. */
  private callsNamed(): Map<string, number[]> {
    if (this.byName) return this.byName;
    this.byName = new Map();
    this.index.calls.forEach((call, i) => {
      const callee = unwrapChain(call.callee);
      if (callee.type !== 'Identifier') return;
      let list = this.byName!.get(callee.name);
      if (!list) this.byName!.set(callee.name, (list = []));
      list.push(i);
    });
    return this.byName;
  }

  /** The names a function is bound to (declaration, `const f = …`, memo `X(() => …)`). */
  private namesOf(f: number): Set<string> {
    if (!this.names) {
      const names = new Map<AstNode, Set<string>>();
      const add = (name: string, value: AstNode) => {
        const fnNode = isFunction(value) ? value : memoThunk(value);
        if (!fnNode) return;
        let set = names.get(fnNode);
        if (!set) names.set(fnNode, (set = new Set()));
        set.add(name);
      };
      for (const [name, values] of this.index.moduleLikeValues()) for (const v of values) add(name, v.node);
      for (const fnRecord of this.index.functions) for (const [name, value] of fnRecord.locals) if (value) add(name, value);
      this.names = names;
    }
    return this.names.get(this.index.functions[f].node) ?? new Set();
  }
}

function merge(into: ValueSources, from: ValueSources): void {
  for (const p of from.probes) if (!into.probes.includes(p)) into.probes.push(p);
  for (const p of from.sources) if (!into.sources.includes(p)) into.sources.push(p);
  for (const d of from.decoded) if (!into.decoded.includes(d)) into.decoded.push(d);
  for (const c of from.calls) if (!into.calls.some(x => x.call === c.call)) into.calls.push(c);
}

function lowerBound<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const CALLBACK_METHODS = new Set(['some', 'every', 'find', 'findIndex', 'filter']);

/**
 * Places that compare a value with a list decoded elsewhere: `Wi_().some(z => q === z)`
 * where `Wi_` returns a decoded list. The subject is what is compared (`q`).
 */
export function decodedUses(index: ModuleIndex, graph: CallGraph): Array<{ decoded: DecodedValue; use: { node: AstNode; fn: number; subject?: AstNode; via: string } }> {
  const out: Array<{ decoded: DecodedValue; use: { node: AstNode; fn: number; subject?: AstNode; via: string } }> = [];
  for (const cmp of index.listComparisons) {
    const sources = graph.sourcesOf(cmp.receiver, cmp.fn);
    if (sources.decoded.length === 0) continue;
    const method = propertyName(unwrapChain(cmp.node.callee)) ?? '';
    const arg = cmp.node.arguments[0];
    const subject = CALLBACK_METHODS.has(method) && arg && isFunction(arg) ? freeName(arg, name => !!index.binding(name, cmp.fn)) : arg;
    const via = index.sourceOf(cmp.receiver).slice(0, 80);
    for (const decoded of sources.decoded) out.push({ decoded, use: { node: cmp.node, fn: cmp.fn, ...(subject ? { subject } : {}), via } });
  }
  return out;
}

