// Calls between functions of one module (a file, or one module embedded in a binary): which
// same-module function a call calls, and who calls a function. Built after the walk from what
// ModuleIndex recorded; resolved on demand, only for the values the analysis asks about.
import { calleeOf, firstFrom, isFunction, memberPath, isUndefinedValue, memoThunk, propertyKeyName, propertyName, unwrapChain, type CallExpression, type CallLike, type FunctionNode, type Node, type Parameter } from './ast';
import { encloses, importedKeepNames, MODULE, singleValue, unchangedParameters, type ClassNode, type ModuleIndex, type ModuleValue } from './moduleIndex';
import { bundledExports, lookupAt, moduleRefOf, refName, type BundledExports, type ModuleLookup, type ModuleRef } from './modules';
import { mentionsArguments } from './nameUses';

/** A call of a same-module function. */
export interface CallStep {
  call: CallLike;
  /** Function index of the caller (where the call is written). */
  fn: number;
  callee: number;
  /** `f.call(self, a, b)` passes `a` as the first parameter: arguments start one later. */
  argOffset: number;
}

/**
 * The calls a value was handed in through to function `fn`, from `fn`'s own caller outwards: each
 * a call into the function the way is in, or into one around it whose parameter it reads as a
 * free name (`renameSync(a, b) { return timed(() => fs.renameSync(a, b)) }`). The way ends at the
 * first step of another kind, or with `pastReturns` goes on past steps into other functions'
 * returns taken on the way (`pe(t, e)` building the options a runner spawns with), written in
 * the function the way is in or one around it (a promise's executor using its runner's `B`).
 */
export function callersOut(calls: readonly CallStep[], fn: number, index: ModuleIndex, pastReturns = false): CallStep[] {
  const out: CallStep[] = [];
  let at = fn;
  for (const step of calls) {
    if (step.callee === at || encloses(index, step.callee, at)) {
      out.push(step);
      at = step.fn;
    } else if (!pastReturns || (step.fn !== at && !encloses(index, step.fn, at))) break;
  }
  return out;
}

/**
 * Names and loads followed from a call to the function it calls, at most: a bundled module's
 * member bound to another module's load (`var parse = require_parse()` in cross-spawn, whose
 * `_parse` execa calls) is four.
 */
const HOPS = 5;

/** An object a function returns with more properties is a table of data, not a client's methods. */
const MAX_MADE_METHODS = 64;

/** Resolved calls of a function, at most this many (a helper called from 5,000 places). */
export const MAX_CALLERS = 64;

export class CallGraph {
  private byName?: Map<string, number[]>;
  private names?: Map<Node, Map<string, Range>>;
  /** Answers already worked out: value flow asks about the same calls and callees again and again. */
  private readonly targets = new Map<CallLike, { callee: number; argOffset: number } | null>();
  private readonly callers = new Map<number, CallStep[]>();
  private namespaces?: Map<string, { scope: number; members: Map<string, ModuleValue> }>;
  /** Functions a bundled module exports, by the call that loads it, then key ('' for the whole export). */
  private readonly exported = new Map<Node, Map<string, number | null>>();
  private readonly bundles = new Map<Node, BundledExports | null>();

  constructor(readonly index: ModuleIndex) {}

  /** The same-module function a call calls, if it can be told statically. */
  calleeOf(call: CallLike, fn: number): number | undefined {
    return this.target(call, fn)?.callee;
  }

  /**
   * What a call invokes and where its arguments start: `f(a)`, `(0, f)(a)`, `o.m(a)` on a
   * module object literal, `this.m(a)` in a class, `f.call(x, a)`, an IIFE.
   */
  target(call: CallLike, fn: number): { callee: number; argOffset: number } | undefined {
    let known = this.targets.get(call);
    if (known === undefined) this.targets.set(call, (known = this.resolveTarget(call, fn) ?? null));
    return known ?? undefined;
  }

  private resolveTarget(call: CallLike, fn: number): { callee: number; argOffset: number } | undefined {
    const callee = calleeOf(call);
    if (isFunction(callee)) {
      const f = this.index.functionOf(callee);
      return f === undefined ? undefined : { callee: f, argOffset: 0 };
    }
    if (callee.type === 'Identifier') {
      const f = call.type === 'NewExpression' ? this.constructorOf(callee.name, fn) : this.functionNamed(callee.name, fn, HOPS);
      return f === undefined ? undefined : { callee: f, argOffset: 0 };
    }
    // `(options.runCommand ?? defaultRunCommand)(…)`: the default is called unless the caller gave another.
    if (callee.type === 'LogicalExpression' && (callee.operator === '??' || callee.operator === '||') && call.type === 'CallExpression') {
      const fallback = unwrapChain(callee.right as Node);
      const f = fallback.type === 'Identifier' ? this.functionNamed(fallback.name, fn, HOPS) : isFunction(fallback) ? this.index.functionOf(fallback) : undefined;
      return f === undefined ? undefined : { callee: f, argOffset: 0 };
    }
    if (callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee);
    if (method === undefined) return undefined;
    const object = unwrapChain(callee.object as Node);
    if ((method === 'call' || method === 'apply') && call.type === 'CallExpression') {
      const inner = object.type === 'Identifier' ? this.functionNamed(object.name, fn, HOPS) : this.methodOf(object, fn);
      // `.apply(x, args)` spreads an array: its elements are not followed.
      return inner === undefined ? undefined : { callee: inner, argOffset: method === 'call' ? 1 : Number.POSITIVE_INFINITY };
    }
    const f = this.methodOf(callee, fn);
    return f === undefined ? undefined : { callee: f, argOffset: 0 };
  }

  /**
   * The object literal a name or a member chain stands for: a name's one value, a property of
   * such an object, or a member given once (`exports.default = utils`).
   */
  private objectValue(node: Node, fn: number, hops: number): { node: Node & { type: 'ObjectExpression' }; fn: number } | undefined {
    if (hops < 0) return undefined;
    const n = unwrapChain(node);
    if (n.type === 'ObjectExpression') return { node: n, fn };
    if (n.type === 'Identifier') {
      const bound = this.bindingValue(n.name, fn);
      return bound ? this.objectValue(bound.node, bound.fn, hops - 1) : undefined;
    }
    if (n.type !== 'MemberExpression') return undefined;
    const key = propertyName(n);
    if (key === undefined) return undefined;
    const inner = unwrapChain(n.object as Node);
    const owner = this.objectValue(inner, fn, hops - 1);
    const prop = owner?.node.properties.find(p => p.type === 'Property' && propertyKeyName(p) === key);
    if (prop?.type === 'Property') return this.objectValue(prop.value as Node, owner!.fn, hops - 1);
    if (owner || inner.type !== 'Identifier') return undefined;
    const assigned = singleValue(this.index.memberValuesOf(inner.name, fn, key));
    return assigned ? this.objectValue(assigned.node, assigned.fn, hops - 1) : undefined;
  }

  /** `new C(…)`: the constructor of a class of this module (none for a class without one); a function used as one, as any call. */
  private constructorOf(name: string, fn: number): number | undefined {
    const owner = this.bindingValue(name, fn)?.node;
    if (owner?.type !== 'ClassDeclaration' && owner?.type !== 'ClassExpression') return this.functionNamed(name, fn, HOPS);
    const ctor = constructorFunction(owner);
    return ctor ? this.index.functionOf(ctor) : undefined;
  }

  /** `o.m` where `o` is a module object literal with a method m, or `this.m` in a class. */
  private methodOf(member: Node, fn: number): number | undefined {
    if (member.type !== 'MemberExpression') return undefined;
    const method = propertyName(member);
    if (method === undefined) return undefined;
    const object = unwrapChain(member.object as Node);
    if (object.type === 'MemberExpression' && propertyName(object) === 'default') {
      // `import_runner.default.sync(…)`: an interop wrapper's default is the module's whole export.
      const wrapper = unwrapChain(object.object as Node);
      const owner = wrapper.type === 'Identifier' ? this.bindingValue(wrapper.name, fn) : undefined;
      if (owner?.node.type === 'CallExpression') return this.exportedFunction(owner.node, owner.fn, method, HOPS);
    }
    if (object.type === 'MemberExpression') {
      // `Ln.default.exec(…)` with `Ln = { default: exports.default }` and `exports.default = utils`:
      // the method of the object literal the member chain names.
      const owner = this.objectValue(object, fn, HOPS);
      const prop = owner?.node.properties.find(p => p.type === 'Property' && propertyKeyName(p) === method);
      return prop?.type === 'Property' ? this.functionValue(prop.value as Node, owner!.fn, HOPS - 1) : undefined;
    }
    if (object.type === 'ThisExpression') {
      const cls = this.index.classAround(fn);
      const def = cls?.body.body.find(m => m.type === 'MethodDefinition' && propertyKeyName(m) === method);
      return def?.type === 'MethodDefinition' ? this.index.functionOf(def.value) : undefined;
    }
    // `cross_spawn_namespaceFn()._parse(…)`: a member of a bundled module loaded in place (webpack's `.cw` wrapper).
    if (object.type === 'CallExpression' && object.arguments.length === 0) return this.exportedFunction(object, fn, method, HOPS) ?? this.madeMethod(object, fn, method, HOPS);
    // `createTransport(o).post(…)`, `(o.transport ?? createTransport(o)).post(…)` written in place (minified).
    const made = object.type === 'LogicalExpression' && object.operator !== '&&' ? unwrapChain(object.right as Node) : object;
    if (made.type === 'CallExpression') return this.madeMethod(made, fn, method, HOPS);
    if (object.type !== 'Identifier') return undefined;
    const owner = this.bindingValue(object.name, fn);
    if (!owner) return undefined;
    if (owner.node.type === 'ObjectExpression') {
      const prop = owner.node.properties.find(p => p.type === 'Property' && propertyKeyName(p) === method);
      if (prop?.type === 'Property') return this.functionValue(prop.value, owner.fn, HOPS - 1);
      const getter = this.namespaceMember(object.name, fn, method);
      if (getter) return this.functionValue(getter.node, getter.fn, HOPS - 1);
      // `var Files = {}; Files.write = write`: a method given once, after the object is made.
      const assigned = singleValue(this.index.memberValuesOf(object.name, fn, method));
      return assigned ? this.functionValue(assigned.node, assigned.fn, HOPS - 1) : undefined;
    }
    if (owner.node.type === 'CallExpression') return this.exportedFunction(owner.node, owner.fn, method, HOPS) ?? this.madeMethod(owner.node, owner.fn, method, HOPS);
    // `const runner = new Runner(); runner.run(text)`: the method the class defines. Also the
    // instance made when a caller gives none (`options.manager ?? new NoopManager()`): what runs
    // by default (Gemini CLI's shell tool prepares its command through one).
    const byDefault = owner.node.type === 'LogicalExpression' && owner.node.operator !== '&&' ? unwrapChain(owner.node.right) : owner.node;
    // `o = e.transport ?? createNodeTransport({ baseUrl })`: the made object's method, by default.
    if (byDefault.type === 'CallExpression') return this.madeMethod(byDefault, owner.fn, method, HOPS);
    if (byDefault.type === 'NewExpression') {
      const cls = this.instanceClass(byDefault, owner.fn);
      return cls ? this.instanceMethod(cls, method) : undefined;
    }
    if (owner.node.type === 'ClassDeclaration' || owner.node.type === 'ClassExpression') {
      const def = owner.node.body.body.find(m => m.type === 'MethodDefinition' && m.static && propertyKeyName(m) === method);
      return def?.type === 'MethodDefinition' ? this.index.functionOf(def.value) : undefined;
    }
    return undefined;
  }

  /** The function a name stands for: a declaration, `const f = () => …`, a memo `X(() => …)`. */
  functionNamed(name: string, fn: number, hops: number): number | undefined {
    const bound = this.bindingValue(name, fn);
    return bound ? this.functionValue(bound.node, bound.fn, hops) : undefined;
  }

  private functionValue(node: Node | undefined, fn: number, hops: number): number | undefined {
    if (!node || hops < 0) return undefined;
    if (isFunction(node)) return this.index.functionOf(node);
    if (node.type === 'Identifier') return this.functionNamed(node.name, fn, hops - 1);
    // `n = options.execCommand ?? (async (r) => …)`: the default is called unless the caller gave
    // another; `known || (…)` is the known function.
    if (node.type === 'LogicalExpression' && (node.operator === '??' || node.operator === '||')) return this.functionValue(unwrapChain(node.left as Node), fn, hops - 1) ?? this.functionValue(unwrapChain(node.right as Node), fn, hops - 1);
    if (node.type !== 'CallExpression') return undefined;
    const through = this.passedThrough(node, fn, hops);
    if (through !== undefined) return through;
    const made = this.madeFunction(node, fn, hops);
    // `memoize(async (e) => …, key)`, `queued(fn)`: a product that hands its own arguments to the
    // function the factory was given is that function, for its arguments and its value.
    const forwarded = made === undefined ? undefined : this.forwardedFunction(node, fn, made, hops);
    if (forwarded !== undefined) return forwarded;
    if (this.takesArguments(made) !== undefined) return made;
    const thunk = memoThunk(node);
    if (thunk) return this.index.functionOf(thunk);
    return this.exportedFunction(node, fn, '', hops) ?? made;
  }

  /** Whether the call is of a helper that returns its first argument (esbuild's keep-names `__name(fn, "x")`). */
  returnsFirstArgumentOf(call: CallExpression, fn: number): boolean {
    const first = call.arguments[0];
    return !!first && isFunction(first as Node) && this.passedThrough(call, fn, HOPS) === this.index.functionOf(first as FunctionNode);
  }

  /**
   * A helper that names or decorates a function and returns it: esbuild's keep-names
   * `__name(fn, "joiny")` (`(target, value) => __defProp(target, "name", {value, …})`), where
   * every return is a parameter, or `Object.defineProperty` / `Object.assign` of one (both
   * return their first argument). The call is the function given at that place.
   */
  private passedThrough(call: CallExpression, fn: number, hops: number): number | undefined {
    const callee = calleeOf(call);
    if (callee.type !== 'Identifier') return undefined;
    const at = this.importedKeepNames(callee.name, fn) ? 0 : this.returnedParameter(this.functionNamed(callee.name, fn, hops - 1));
    const given = at === undefined ? undefined : call.arguments[at];
    return given && given.type !== 'SpreadElement' ? this.functionValue(given as Node, fn, hops - 1) : undefined;
  }

  /** Which parameter a helper returns at every return, as given (directly or through `Object.defineProperty`). */
  private returnedParameter(helper: number | undefined): number | undefined {
    if (helper === undefined) return undefined;
    const record = this.index.functions[helper];
    // A parameter given another value (`f = other; return f`), or changed through `arguments`, is not what the call gave.
    if (mentionsArguments(this.index, helper)) return undefined;
    const params = unchangedParameters(record);
    let at: number | undefined;
    for (const returned of record.returns) {
      let r = unwrapChain(returned);
      if (r.type === 'CallExpression' && this.returnsFirstArgument(r, helper)) r = unwrapChain(r.arguments[0] as Node);
      const i = r.type === 'Identifier' ? params.indexOf(r.name) : -1;
      if (i < 0 || (at !== undefined && at !== i)) return undefined;
      at = i;
    }
    return at;
  }

  private importedKeepNames(name: string, fn: number): boolean {
    return importedKeepNames(this.index, name, fn);
  }

  /** `Object.defineProperty(x, …)`, `Object.assign(x, …)`, or a name bound to one of them: x comes back. */
  private returnsFirstArgument(call: CallExpression, fn: number): boolean {
    if (call.arguments.length === 0 || call.arguments[0].type === 'SpreadElement') return false;
    let callee = calleeOf(call);
    if (callee.type === 'Identifier') {
      const bound = this.index.binding(callee.name, fn);
      const value = bound && !bound.mutated && bound.values.length === 1 ? bound.values[0].node : undefined;
      if (!value) return false;
      callee = unwrapChain(value);
    }
    const path = memberPath(callee);
    return path === 'Object.defineProperty' || path === 'Object.assign';
  }

  /**
   * A factory's product that takes arguments: `createExeca(() => ({}))` makes `boundExeca(...args)`,
   * though its one argument is a thunk. A memo (`once(() => …)`, esbuild's lazy init) makes a
   * function of no parameters, and stands for its thunk.
   */
  private takesArguments(f: number | undefined): number | undefined {
    return f !== undefined && this.index.functions[f].node.params.length > 0 ? f : undefined;
  }

  /**
   * The function a same-module factory returns, for a call of it: `const execa = createExeca(…)`
   * with `createExeca` returning its inner `boundExeca` (one function at every return). Calls of
   * `execa(…)` call that inner function, whichever call of the factory made it.
   */
  private madeFunction(call: CallExpression, fn: number, hops: number): number | undefined {
    if (hops < 0) return undefined;
    // The factory by name, with the hops left (not through target(), which starts them again:
    // a name bound to a call of itself would never end).
    const callee = calleeOf(call);
    const factory = isFunction(callee) ? this.index.functionOf(callee) : callee.type === 'Identifier' ? this.functionNamed(callee.name, fn, hops - 1) : undefined;
    if (factory === undefined) return undefined;
    const returns = this.index.functions[factory].returns;
    let made: number | undefined;
    for (const returned of returns) {
      // `return n !== void 0 && n(i, o, t), i`: a minifier's `if` folded before the value.
      const r = sequenceValue(returned);
      // A parameter given another value on the way (`f = other; return f`) is no longer what the call gave.
      if (r.type === 'Identifier' && this.index.functions[factory].overwritten?.has(r.name)) return undefined;
      const f: number | undefined = isFunction(r) || r.type === 'Identifier' ? this.functionValue(r, factory, hops - 1) : undefined;
      if (f === undefined || (made !== undefined && f !== made) || f === factory) return undefined;
      made = f;
    }
    return made;
  }

  /**
   * The method `key` of the object a same-module factory returns, for a call of it: `const o =
   * createTransport(opts); o.post(body)` with `createTransport` returning `{ post: async (e) => … }`
   * (the same function at every return). A client or transport made this way is how bundled
   * TypeScript code sends most requests.
   */
  private madeMethod(call: CallExpression, fn: number, key: string, hops: number): number | undefined {
    if (hops < 0) return undefined;
    const callee = calleeOf(call);
    const factory = isFunction(callee) ? this.index.functionOf(callee) : callee.type === 'Identifier' ? this.functionNamed(callee.name, fn, hops - 1) : undefined;
    if (factory === undefined) return undefined;
    let found: number | undefined;
    for (const returned of this.index.functions[factory].returns) {
      const object = this.objectValue(sequenceValue(returned), factory, hops - 1);
      const value = object && propertyValue(object.node, key);
      const f = value && this.functionValue(value, object.fn, hops - 1);
      if (f === undefined || (found !== undefined && f !== found)) return undefined;
      found = f;
    }
    return found;
  }

  /**
   * For a factory call whose product `made` calls one of the factory's parameters with the
   * product's own arguments (`(...a) => { …; m.set(k, fn(...a)); return m.get(k) }`, `(x) =>
   * run(x)`, `function () { return fn.apply(this, arguments) }`): the function given there.
   */
  private forwardedFunction(call: CallExpression, fn: number, made: number, hops: number): number | undefined {
    if (hops < 1) return undefined;
    let at = this.forwarded.get(made);
    if (at === undefined) this.forwarded.set(made, (at = this.forwardedParameter(made) ?? null));
    const given = at === null ? undefined : call.arguments[at];
    return given && given.type !== 'SpreadElement' ? this.functionValue(given as Node, fn, hops - 1) : undefined;
  }

  /** Per product, the factory parameter it hands its own arguments to (see forwardedFunction); read once. */
  private readonly forwarded = new Map<number, number | null>();

  private forwardedParameter(made: number): number | undefined {
    const product = this.index.functions[made];
    const factory = product.parent;
    if (factory < 0) return undefined;
    // A parameter given another value on the way (`fn = other`) is no longer what the call gave.
    const factoryParams = unchangedParameters(this.index.functions[factory]);
    const own = product.node.params;
    const rest = own.length === 1 && own[0].type === 'RestElement' && own[0].argument.type === 'Identifier' ? own[0].argument.name : undefined;
    const names = own.map(p => (p.type === 'Identifier' ? p.name : undefined));
    const passesOwn = (args: readonly Node[]): boolean => {
      if (rest !== undefined) return args.length === 1 && args[0].type === 'SpreadElement' && unwrapChain(args[0].argument as Node).type === 'Identifier' && (unwrapChain(args[0].argument as Node) as Node & { name: string }).name === rest;
      return names.length > 0 && args.length === names.length && args.every((a, i) => a.type === 'Identifier' && a.name === names[i]);
    };
    // The factory's parameters the product calls so; the wrapped function is the first of them
    // (`memoize(fn, resolver)` also hands its arguments to the resolver, for the cache key).
    const called = new Set<number>();
    const calledParameter = (target: Node): void => {
      if (target.type !== 'Identifier') return;
      const k = factoryParams.indexOf(target.name);
      if (k >= 0 && this.index.binding(target.name, made)?.scope === factory) called.add(k);
    };
    // Only the calls written inside the product (the index keeps calls in order of their start).
    const calls = this.index.calls;
    for (let i = firstFrom(calls.length, j => calls[j].start, product.node.start); i < calls.length && calls[i].start < product.node.end; i++) {
      const c = calls[i];
      if (this.index.callFns[i] !== made || c.type !== 'CallExpression') continue;
      const callee = unwrapChain(c.callee as Node);
      if (callee.type === 'Identifier') {
        if (passesOwn(c.arguments as Node[])) calledParameter(callee);
        continue;
      }
      // `fn.apply(this, arguments)` (an arrow's `arguments` are the factory's), or with the product's rest list.
      const list = c.arguments[1] && unwrapChain(c.arguments[1] as Node);
      const ownList = list?.type === 'Identifier' && ((list.name === 'arguments' && product.node.type !== 'ArrowFunctionExpression') || list.name === rest);
      if (callee.type === 'MemberExpression' && propertyName(callee) === 'apply' && c.arguments.length === 2 && ownList) calledParameter(unwrapChain(callee.object as Node));
    }
    return called.size === 0 ? undefined : Math.min(...called);
  }

  /**
   * The one function a bundled CommonJS module exports, whole (`key` ''; `module.exports = run`)
   * or as member `key` (`module.exports.sync = …`, `exports.parse = …`), for the call that loads
   * it (`require_execa()`, `__toESM(require_x())`, webpack's `n(898)`): calls across the modules
   * of one bundle are calls within the file. An interop wrapper's `default` is the whole export.
   */
  private exportedFunction(call: CallExpression, fn: number, key: string, hops: number): number | undefined {
    if (hops < 0) return undefined;
    let byKey = this.exported.get(call);
    if (!byKey) this.exported.set(call, (byKey = new Map()));
    // By hops too: an answer cut short by a long chain of names must not stand for a shorter one.
    const cacheKey = `${hops}\0${key}`;
    const known = byKey.get(cacheKey);
    if (known !== undefined) return known ?? undefined;
    const exported = this.bundleOf(call, fn);
    let values = exported ? (key === '' ? exported.whole : exported.member(key)) : [];
    const fromNamespace = exported && key !== '' && values.length === 0 ? this.exportedNamespace(exported)?.get(key) : undefined;
    if (fromNamespace) values = [fromNamespace];
    if (exported && key === 'default' && values.length === 0) values = exported.whole;
    // One function, not a choice: an export's `void 0` placeholder aside.
    const real = values.filter(v => !isUndefinedValue(v.node));
    const found = real.length === 1 ? this.functionValue(real[0].node, real[0].fn, hops - 1) : undefined;
    byKey.set(cacheKey, found ?? null);
    return found;
  }

  /**
   * The getters, by key, of the namespace object a module's exports are made CommonJS from
   * (esbuild's `var X = {}; __export(X, { key: () => f }); module.exports = __toCommonJS(X)`,
   * TypeScript libraries built with tsup, bundled again by Bun; rollup's `lib = __toCommonJS(X)`).
   */
  private exportedNamespace(exported: BundledExports): ReadonlyMap<string, ModuleValue> | undefined {
    const [holder] = exported.holders;
    const made = exported.holders.length === 1 ? unwrapChain(holder.node) : undefined;
    const namespace = made?.type === 'CallExpression' && made.arguments.length === 1 ? unwrapChain(made.arguments[0] as Node) : undefined;
    return namespace?.type === 'Identifier' ? this.namespaceOf(namespace.name, holder.fn) : undefined;
  }

  /** The function of an instance method `name` that class `cls` defines itself. */
  instanceMethod(cls: ClassNode, name: string): number | undefined {
    const def = cls.body.body.find(m => m.type === 'MethodDefinition' && !m.static && m.kind === 'method' && propertyKeyName(m) === name);
    return def?.type === 'MethodDefinition' ? this.index.functionOf(def.value) : undefined;
  }

  /** The same-module class `new C(…)` makes an instance of (written in place, or one name's only value). */
  instanceClass(made: Node, fn: number): ClassNode | undefined {
    if (made.type !== 'NewExpression') return undefined;
    const callee = unwrapChain(made.callee as Node);
    const cls = callee.type === 'Identifier' ? this.bindingValue(callee.name, fn)?.node : callee;
    return cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression' ? cls : undefined;
  }

  /** The single value of a local or module binding as seen from `fn`. */
  private bindingValue(name: string, fn: number): ModuleValue | undefined {
    const bound = this.index.binding(name, fn);
    if (!bound) return undefined;
    return bound.moduleLike ? singleValue(bound.values) : bound.values[0];
  }

  /**
   * The getter of member `key` of a namespace object filled by a bundler's export helper:
   * esbuild's `var ns = {}; __export(ns, {spawn: () => spawn})` (kept whenever the namespace is
   * used as a value, `export * as Process`), webpack's `__webpack_require__.d(ns, {…})`. Calls of
   * `ns.spawn(…)` call what the getter returns.
   */
  namespaceMember(name: string, fn: number, key: string): ModuleValue | undefined {
    return this.namespaceOf(name, fn)?.get(key);
  }

  /** The getters of namespace object `name` (as function `fn` sees the name), by key. */
  private namespaceOf(name: string, fn: number): ReadonlyMap<string, ModuleValue> | undefined {
    const bound = this.index.binding(name, fn);
    return bound && this.namespaceGetters().get(`${bound.scope}\0${name}`)?.members;
  }

  /**
   * Namespace objects' members, by the namespace's binding (scope and name): the name each
   * getter returns, in the getter's function. Read once from every call of the export helper's shape.
   */
  private namespaceGetters(): Map<string, { scope: number; members: Map<string, ModuleValue> }> {
    if (this.namespaces) return this.namespaces;
    const found = new Map<string, { scope: number; members: Map<string, ModuleValue> }>();
    this.index.calls.forEach((call, i) => {
      const [target, getters] = call.arguments;
      if (call.arguments.length !== 2 || target.type !== 'Identifier' || getters.type !== 'ObjectExpression' || getters.properties.length === 0) return;
      const members = new Map<string, ModuleValue>();
      for (const p of getters.properties) {
        // Every member a getter with no parameters that returns a name: the helper's shape, nothing
        // else; each may be named by keep-names (`{ run: __name(() => run, "run") }`).
        const getter = p.type === 'Property' ? this.index.unnamed(p.value as Node) : undefined;
        if (getter?.type !== 'ArrowFunctionExpression' || getter.params.length || getter.body.type !== 'Identifier') return;
        const key = propertyKeyName(p);
        const at = this.index.functionOf(getter);
        if (key !== undefined && at !== undefined) members.set(key, { node: getter.body, fn: at });
      }
      const bound = this.index.binding(target.name, this.index.callFns[i]);
      if (bound) found.set(`${bound.scope}\0${target.name}`, { scope: bound.scope, members });
    });
    this.namespaces = found;
    return found;
  }

  /**
   * The module every known call of a parameter's function passes it: `writeBundle(fs, dir)`
   * with `fs = deps.fs || require("fs")` makes `fs.writeFileSync` inside the helper the
   * module's. One call level: the argument is resolved where it is written, without going on
   * into that function's own callers. A call passing anything else, or nothing there, leaves
   * the parameter no module.
   */
  moduleGivenTo(param: Parameter, key?: string): ModuleRef | undefined {
    let byKey = this.givenModules.get(param);
    if (!byKey) this.givenModules.set(param, (byKey = new Map()));
    let known = byKey.get(key ?? '');
    if (known === undefined) byKey.set(key ?? '', (known = this.findModuleGivenTo(param, key) ?? null));
    return known ?? undefined;
  }
  private readonly givenModules = new Map<Parameter, Map<string, ModuleRef | null>>();

  private findModuleGivenTo(param: Parameter, key: string | undefined): ModuleRef | undefined {
    const f = this.index.functionOf(param.fn);
    if (f === undefined || param.rest) return undefined;
    let found: ModuleRef | undefined;
    for (const caller of this.callersOf(f)) {
      const at = param.index + caller.argOffset;
      const args = caller.call.arguments;
      for (let k = 0; k <= at && k < args.length; k++) if (args[k].type === 'SpreadElement') return undefined;
      const given = args[at] as Node | undefined;
      const arg = key === undefined ? given : propertyValue(given, key);
      const ref = arg && moduleRefOf(arg, this.lookupWithScopes(caller.fn));
      if (!ref || (found && refName(found) !== refName(ref))) return undefined;
      found = ref;
    }
    return found;
  }

  /**
   * A settled lookup from function `fn` that reads the names inside a value where the value is
   * written: `const r = t.fs || c` in a function, `c = r.t(o, 2)` outside it, with another `r`.
   */
  private lookupWithScopes(fn: number): ModuleLookup {
    const functions = this.index.functions;
    const lookup: ModuleLookup = {
      ...lookupAt(this.index, fn),
      at: node => {
        let f = fn;
        while (f !== MODULE && !(functions[f].start <= node.start && node.end <= functions[f].end)) f = functions[f].parent;
        return f === fn ? lookup : this.lookupWithScopes(f);
      },
    };
    return lookup;
  }

  /** Calls of function `f` within the module, found by the names it is bound to (and IIFEs). */
  callersOf(f: number): CallStep[] {
    let known = this.callers.get(f);
    if (!known) this.callers.set(f, (known = this.findCallers(f, MAX_CALLERS)));
    return known;
  }

  private findCallers(f: number, limit: number): CallStep[] {
    const out: CallStep[] = [];
    const record = this.index.functions[f];
    const calls = this.index.calls;
    for (const [name, range] of this.namesOf(f)) {
      // Only a call inside the scope that binds the name can see it: with minified names (`A`,
      // `Q`) reused by thousands of functions, the rest of the module's calls are not looked at.
      const list = this.callsNamed().get(name) ?? [];
      for (let k = firstFrom(list.length, j => calls[list[j]].start, range.start); k < list.length; k++) {
        const i = list[k];
        const call = calls[i];
        if (call.start >= range.end) break;
        if (out.length >= limit) return out;
        const where = this.index.callFns[i];
        const t = this.target(call, where);
        if (t?.callee === f) out.push({ call, fn: where, callee: f, argOffset: t.argOffset });
      }
    }
    if (out.length === 0 && record) {
      // An IIFE, `(function(a){…})(x)`: the call sits right around the function.
      const i = this.iifeCall(record.node);
      if (i !== undefined) out.push({ call: this.index.calls[i], fn: this.index.callFns[i], callee: f, argOffset: 0 });
      else out.push(...this.callbackCalls(f, limit));
    }
    return out.sort((a, b) => a.call.start - b.call.start);
  }

  /**
   * Where a function given in place to a call of a same-module function lands: that function,
   * its parameter, and the key when the function is a property of an object given in place
   * (`validate({ run: ({ command }) => execSync(command) })`, called as `e.run(…)` there).
   */
  callbackPlace(f: number): { holder: number; param: string; key?: string } | undefined {
    const node = this.index.functions[f].node;
    const calls = this.index.calls;
    let outer: { call: CallLike; fn: number } | undefined;
    let at = -1;
    let key: string | undefined;
    // Calls are recorded in walk order: the call the function is an argument of starts before it.
    for (let i = firstFrom(calls.length, j => calls[j].start, node.start) - 1, seen = 0; i >= 0 && seen < 32; i--, seen++) {
      if (calls[i].end < node.end) continue;
      at = calls[i].arguments.indexOf(node as never);
      if (at < 0) {
        at = calls[i].arguments.findIndex(a => a.type === 'ObjectExpression' && a.properties.some(p => p.type === 'Property' && p.value === node && (key = propertyKeyName(p)) !== undefined));
        if (at < 0) key = undefined;
      }
      if (at >= 0) outer = { call: calls[i], fn: this.index.callFns[i] };
      break;
    }
    if (!outer || at < 0) return undefined;
    const target = this.target(outer.call, outer.fn);
    if (!target || target.argOffset !== 0) return undefined;
    const param = unchangedParameters(this.index.functions[target.callee])[at];
    if (param === undefined || mentionsArguments(this.index, target.callee)) return undefined;
    return { holder: target.callee, param, ...(key !== undefined ? { key } : {}) };
  }

  /**
   * A function written as an argument of a call of a same-module function (`setup(dir, async (r,
   * a, I) => writeFile(a, I))`) is called where that function calls the parameter it lands in
   * (`write(t, path, text)` inside `setup`), when the parameter is bound once.
   */
  private callbackCalls(f: number, limit: number): CallStep[] {
    const place = this.callbackPlace(f);
    if (!place) return [];
    const { key, param } = place;
    const holder = this.index.functions[place.holder];
    const calls = this.index.calls;
    const out: CallStep[] = [];
    const list = this.callsNamed().get(key ?? param) ?? [];
    for (let k = firstFrom(list.length, j => calls[list[j]].start, holder.start); k < list.length && out.length < limit; k++) {
      const call = calls[list[k]];
      if (call.start >= holder.end) break;
      const where = this.index.callFns[list[k]];
      const callee = unwrapChain(calleeOf(call));
      // The parameter itself (or its property `key`), as this call sees it (not a nested function's own name).
      const named = key === undefined ? callee : callee.type === 'MemberExpression' && !callee.computed && propertyName(callee) === key ? unwrapChain(callee.object as Node) : undefined;
      if (named?.type !== 'Identifier' || named.name !== param || this.index.binding(param, where)?.scope !== place.holder) continue;
      out.push({ call, fn: where, callee: f, argOffset: 0 });
    }
    return out;
  }

  /** What a call that loads a bundled module exports (asked again for each key and name). */
  private bundleOf(call: CallExpression, fn: number): BundledExports | undefined {
    let known = this.bundles.get(call);
    if (known === undefined) this.bundles.set(call, (known = bundledExports(call, lookupAt(this.index, fn)) ?? null));
    return known ?? undefined;
  }

  private addExported(call: CallExpression, fn: number, name: string, range: Range, add: (name: string, value: Node, range: Range) => void): void {
    // Most calls load nothing: a loader takes no argument, a webpack id, or another loader's call.
    const args = call.arguments;
    if (args.length > 2 || (args.length > 0 && args[0].type !== 'Literal' && args[0].type !== 'CallExpression' && args[0].type !== 'Identifier')) return;
    const exported = this.bundleOf(call, fn);
    if (!exported) return;
    const whole = this.exportedFunction(call, fn, '', HOPS);
    if (whole !== undefined) {
      add(name, this.index.functions[whole].node, range);
      // `(0, import_x.default)(…)` only through an interop wrapper (`__toESM(require_x())`).
      if (args[0]?.type === 'CallExpression') add('default', this.index.functions[whole].node, range);
    }
    for (const key of new Set([...exported.keys(), ...(this.exportedNamespace(exported)?.keys() ?? [])])) {
      const f = this.exportedFunction(call, fn, key, HOPS);
      if (f !== undefined) add(key, this.index.functions[f].node, range);
    }
  }

  /**
   * A name bound to a call: the function a factory makes is called by it (`const execa =
   * createExeca(…)`), unless the call is a memo whose product takes nothing (then the memo's
   * thunk is, through add); and a bundled module's exports, for a call that is no memo.
   */
  private addCalled(call: CallExpression, fn: number, name: string, range: Range, add: (name: string, value: Node, range: Range) => void): void {
    // `const send = __name(async (r) => …, "send")` (esbuild's keep-names): the function given.
    const named = this.passedThrough(call, fn, HOPS - 1);
    if (named !== undefined) return add(name, this.index.functions[named].node, range);
    const made = this.madeFunction(call, fn, HOPS - 1);
    const memo = memoThunk(call) !== undefined;
    add(name, made !== undefined && (!memo || this.takesArguments(made) !== undefined) ? this.index.functions[made].node : call, range);
    if (!memo) this.addExported(call, fn, name, range, add);
  }

  private iifeCall(node: FunctionNode): number | undefined {
    const calls = this.index.calls;
    // Calls are recorded in walk order: the IIFE's call is entered just before its callee.
    const lo = firstFrom(calls.length, i => calls[i].start, node.start);
    for (let i = Math.max(0, lo - 2); i < Math.min(calls.length, lo + 1); i++) if (calleeOf(calls[i]) === node) return i;
    return undefined;
  }

  /** Indices of the calls whose callee is named `name` (`name(…)`, `x.name(…)`, `name.call(…)`), in walk order. */
  callsOfName(name: string): readonly number[] {
    return this.callsNamed().get(name) ?? [];
  }

  /** Call indices by the identifier they call (`f`, `f.call`, `(0, f)`), built once on first use. */
  private callsNamed(): Map<string, number[]> {
    if (this.byName) return this.byName;
    const byName = new Map<string, number[]>();
    this.index.calls.forEach((call, i) => {
      let callee = calleeOf(call);
      if (callee.type === 'MemberExpression') {
        const m = propertyName(callee);
        callee = m === 'call' || m === 'apply' ? unwrapChain(callee.object as Node) : callee;
      }
      // `(given ?? fallback)(…)`: listed under the fallback's name (see resolveTarget).
      if (callee.type === 'LogicalExpression' && (callee.operator === '??' || callee.operator === '||')) callee = unwrapChain(callee.right as Node);
      const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
      if (name === undefined) return;
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(i);
    });
    this.byName = byName;
    return byName;
  }

  /**
   * The names a function is bound to (declaration, `const f = …`, memo, object and class
   * methods), each with the text range of the scope that binds it: where its calls can be.
   */
  private namesOf(f: number): ReadonlyMap<string, Range> {
    if (!this.names) {
      const names = new Map<Node, Map<string, Range>>();
      const whole: Range = { start: 0, end: Number.POSITIVE_INFINITY };
      // Each class's methods by their function, read once per class (not once per method).
      const keysByClass = new Map<Node, Map<Node, string>>();
      const methodKeys = (cls: ClassNode): Map<Node, string> => {
        let keys = keysByClass.get(cls);
        if (keys) return keys;
        keys = new Map();
        for (const m of cls.body.body) {
          const key = m.type === 'MethodDefinition' ? propertyKeyName(m) : undefined;
          if (m.type === 'MethodDefinition' && key) keys.set(m.value as Node, key);
        }
        keysByClass.set(cls, keys);
        return keys;
      };
      const rangeOf = (scope: number): Range => (scope === MODULE ? whole : { start: this.index.functions[scope].node.start, end: this.index.functions[scope].node.end });
      const add = (name: string, value: Node, range: Range, at?: number): void => {
        // `n = options.execCommand ?? (async (r) => …)`: n's calls call the default when the caller
        // gave none; `n = known || (…)` calls the known function, never the other.
        if (value.type === 'LogicalExpression' && (value.operator === '??' || value.operator === '||')) {
          const left = at === undefined ? undefined : this.functionValue(unwrapChain(value.left as Node), at, HOPS - 1);
          return left === undefined ? add(name, unwrapChain(value.right as Node), range, at) : add(name, this.index.functions[left].node, range, at);
        }
        // A class's name is called by `new C(…)`: its constructor.
        const fnNode = isFunction(value) ? value : value.type === 'ClassDeclaration' || value.type === 'ClassExpression' ? constructorFunction(value) : memoThunk(value);
        if (!fnNode) return;
        let byName = names.get(fnNode);
        if (!byName) names.set(fnNode, (byName = new Map()));
        const known = byName.get(name);
        // Bound under one name in two scopes: the calls of both.
        byName.set(name, known ? { start: Math.min(known.start, range.start), end: Math.max(known.end, range.end) } : range);
      };
      this.index.forEachModuleLikeValue((name, values, scope) => {
        const range = rangeOf(scope);
        for (const v of values) {
          // `var execa = require_execa()`: the functions a bundled module exports are called by
          // this name (`execa(…)`) and by their keys (`execa.sync(…)`, `(0, import_x.default)(…)`).
          if (v.node.type === 'CallExpression') this.addCalled(v.node, v.fn, name, range, add);
          else add(name, v.node, range, v.fn);
          if (v.node.type === 'ObjectExpression') for (const p of v.node.properties) if (p.type === 'Property' && propertyKeyName(p)) add(propertyKeyName(p)!, p.value, range);
        }
      });
      for (const [i, fnRecord] of this.index.functions.entries()) {
        const range = rangeOf(i);
        for (const [name, value] of fnRecord.locals) {
          if (!value) continue;
          if (value.type === 'CallExpression') this.addCalled(value, i, name, range, add);
          else add(name, value, range, i);
        }
        // `createTransport(opts).post(…)`: the methods of the object a factory returns are called
        // by their keys wherever the factory is seen (target() checks each call).
        for (const returned of fnRecord.returns) {
          // As madeMethod reads them: `return o`, and a minifier's `return n && n(), {…}`.
          const r = sequenceValue(returned);
          const made = r.type === 'ObjectExpression' || r.type === 'Identifier' ? this.objectValue(r, i, HOPS - 1) : undefined;
          if (!made || made.node.properties.length > MAX_MADE_METHODS) continue;
          for (const p of made.node.properties) {
            const key = p.type === 'Property' && p.kind === 'init' && !p.computed ? propertyKeyName(p) : undefined;
            const method = key === undefined ? undefined : this.functionValue((p as { value: Node }).value, made.fn, HOPS - 1);
            if (key !== undefined && method !== undefined) add(key, this.index.functions[method].node, rangeOf(fnRecord.parent));
          }
        }
        if (fnRecord.cls) {
          // `this.m()` in the class, `C.m()` wherever the class is seen.
          const key = methodKeys(fnRecord.cls).get(fnRecord.node);
          if (key) add(key, fnRecord.node, whole);
        }
      }
      // `var M7 = {}; M7.text = QGf`: `M7.text(…)` calls QGf (target() checks each call; a key given twice names neither).
      for (const { scope, members } of this.index.allMembers()) {
        for (const [key, values] of members) {
          const value = singleValue(values);
          const f = value && !isFunction(value.node) ? this.functionValue(value.node, value.fn, HOPS - 1) : undefined;
          if (f !== undefined) add(key, this.index.functions[f].node, rangeOf(scope));
        }
      }
      // `ns.spawn(…)` on a bundler's namespace object calls the function its getter returns.
      for (const { scope, members } of this.namespaceGetters().values()) {
        for (const [key, returned] of members) {
          const target = this.functionValue(returned.node, returned.fn, HOPS - 1);
          if (target !== undefined) add(key, this.index.functions[target].node, rangeOf(scope));
        }
      }
      this.names = names;
    }
    return this.names.get(this.index.functions[f].node) ?? NO_NAMES;
  }
}

interface Range {
  start: number;
  end: number;
}

/** A class's `constructor` method, if it has one. */
export function constructorFunction(cls: ClassNode): FunctionNode | undefined {
  const ctor = cls.body.body.find(m => m.type === 'MethodDefinition' && m.kind === 'constructor');
  return ctor?.type === 'MethodDefinition' ? (ctor.value as FunctionNode) : undefined;
}

const NO_NAMES: ReadonlyMap<string, Range> = new Map();

/** The value of a comma sequence (its last part, however nested), or the node itself. */
function sequenceValue(node: Node): Node {
  let r = node;
  while (r.type === 'SequenceExpression') r = r.expressions[r.expressions.length - 1] as Node;
  return r;
}

/** The value an object literal written in place gives `key` (the last property of that name, none after a spread). */
function propertyValue(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'ObjectExpression') return undefined;
  let value: Node | undefined;
  for (const p of node.properties) {
    if (p.type === 'SpreadElement') value = undefined;
    else if (p.kind === 'init' && !p.computed && propertyKeyName(p) === key) value = p.value as Node;
  }
  return value;
}
