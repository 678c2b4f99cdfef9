// Which module a value comes from, in every shape shipped code leaves: `require("x")`,
// `createRequire(import.meta.url)("x")`, Bun's `import.meta.require("x")`, esbuild's
// `__require` and `__toESM(require("x"))`, TypeScript and rollup interop helpers, webpack
// modules loaded by numeric id (`n(35317)` whose factory is `e.exports = require("x")`),
// `import x from "x"`, `await import("x")`, destructuring, `.default`, and the wrappers
// that keep a function's meaning: `promisify(exec)`, `exec.bind(cp)`, `(0, x.spawn)`.
// Rules ask "is this callee child_process.spawn?" without caring how the bundler spelled it.
import type * as acorn from 'acorn';
import { calleeOf, isFunction, isUndefinedValue, literalKey, memberPath, propertyKeyName, propertyName, returnedExpression, staticString, unwrapChain, type CallLike, type FunctionNode, type Node, type Parameter } from './ast';
import { exportMember, isPlaceholder, type Binding, type ClassNode, type ModuleIndex, type ModuleValue } from './moduleIndex';

export interface ModuleRef {
  /** `fs`, `child_process`, `https`, `axios`... (`node:` and `/promises` folded away). */
  module: string;
  /** Members taken from it: `['promises', 'writeFile']`. */
  path: string[];
}

/** How names are resolved: during the walk (walk order) or after it (every value). */
export interface ModuleLookup {
  /** What an identifier used at `node` is bound to (undefined for a global). */
  resolve(id: acorn.Identifier): Node | undefined;
  /** Whether the identifier is bound at all (a local `require` or `fetch` shadows the global). */
  isBound(id: acorn.Identifier): boolean;
  readonly index: ModuleIndex;
  /** Values assigned to `id.key` (`m.run = cp.exec`) for the binding `id` has here; absent: none are looked at. */
  members?(id: acorn.Identifier, key: string): ReadonlyArray<{ node: Node; fn: number }>;
  /** Values written to `this.key` in the class around the function looked from; absent: none are looked at. */
  thisMembers?(key: string): readonly ModuleValue[];
  /** The lookup as seen from function `fn` (after the walk, or a function the walk has left). */
  inFunction?(fn: number): ModuleLookup;
  /** Every value the name used at `id` has been given so far, in text order; absent: not asked. */
  values?(id: acorn.Identifier): readonly ModuleValue[];
  /**
   * The lookup as seen from where `node` is written, for names inside a value a name is bound
   * to: in `let Au = n(35317); function spawn(e, t, n) { Au.spawn(…) }` the `n` of `n(35317)`
   * is the factory's require, not the inner function's parameter of the same name.
   */
  at?(node: Node): ModuleLookup;
  /**
   * The module every known call of a parameter's function passes it (`writeBundle(fs, …)`),
   * or passes as the property `key` of an object written in the call (`save({ fs }, p)`);
   * absent or undefined: a parameter without a default stands for no module.
   */
  parameterRef?(param: Parameter, key?: string): ModuleRef | undefined;
}

const BUILTINS = new Set([
  'child_process', 'fs', 'os', 'http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'vm', 'path', 'crypto', 'module',
  'worker_threads', 'process', 'url', 'zlib', 'stream', 'timers', 'util', 'readline', 'cluster', 'inspector', 'querystring',
]);

/** Unminified code often names the module after itself: `fs.writeFileSync` with `fs` unresolved. */
const SELF_NAMED = new Set(['fs', 'fsp', 'os', 'http', 'https', 'net', 'tls', 'dns', 'vm', 'path', 'child_process', 'childProcess', 'cp', 'Bun']);
const SELF_NAMED_MODULE: Record<string, string> = { fsp: 'fs/promises', childProcess: 'child_process', cp: 'child_process', Bun: 'bun' };
/** The global object's names: `globalThis.Bun` is Bun's runtime module as `Bun` is (a Bun bundle's `var {$: L92} = globalThis.Bun`). */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'self', 'window']);
/** Names bundlers and compilers give their require and interop helpers. */
const REQUIRE_NAMES = new Set(['require', '__require', '__nccwpck_require__', '__webpack_require__']);
const INTEROP = /^(?:__toESM|__importStar|__importDefault|_interopRequireDefault|_interopRequireWildcard|_interopNamespace(?:Default|Compat)?|__toCommonJS|_interop_require_default|_interop_require_wildcard|interopDefault)$/;

/**
 * Drop-in replacements of `fs` that keep its functions (and add their own writers, such as
 * fs-extra's outputFile): what they write is written as with fs. Electron's original-fs is fs
 * without asar support.
 */
const FS_DROP_INS = new Set(['fs-extra', 'fs-extra/esm', 'graceful-fs', 'original-fs']);

/** `node:fs/promises` -> fs + ['promises']; packages stay whole (`@scope/name`). */
export function normaliseModule(specifier: string): ModuleRef {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (FS_DROP_INS.has(name)) return { module: 'fs', path: [] };
  const [head, ...rest] = name.split('/');
  if (BUILTINS.has(head)) return { module: head, path: rest };
  return { module: name, path: [] };
}

const MAX_DEPTH = 10;

/**
 * Library functions a code-split bundle imports from another chunk of the same build under
 * the library's own name (esbuild keeps binding names when it does not minify: Gemini CLI's
 * clipboardy does `import { execa } from "./chunk-3AIAY5PD.js"`). The chunk is another file,
 * so the name is all there is; only names no application would give its own code.
 */
const CHUNK_EXPORTS = new Map<string, string>(['execa', 'execaSync', 'execaCommand', 'execaCommandSync', 'execaNode'].map(name => [name, 'execa']));

/** `module.a.b` as written, e.g. "child_process.spawn" or "fs.promises.writeFile". */
export function refName(ref: ModuleRef): string {
  return [ref.module, ...ref.path].join('.');
}

/** The module member a node stands for, e.g. `child_process.spawn` for `(0, import_cp.spawn)`. */
export function moduleRefOf(node: Node | undefined, lookup: ModuleLookup, depth = 0): ModuleRef | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  node = unwrapChain(node);
  switch (node.type) {
    case 'Identifier': {
      const bound = lookup.resolve(node);
      if (bound && !isFunction(bound)) return moduleRefOf(bound, lookup.at?.(bound) ?? lookup, depth + 1);
      // `var a = cp.spawnSync; if (!a) a = function () { return { status: 126 } }` (detect-libc):
      // a stub put in when the module lacks the function; the call may be the module's.
      const stubbed = stubbedMember(node, lookup);
      if (stubbed) return moduleRefOf(stubbed, lookup.at?.(stubbed) ?? lookup, depth + 1);
      if (bound) return undefined;
      return !lookup.isBound(node) && SELF_NAMED.has(node.name) ? normaliseModule(SELF_NAMED_MODULE[node.name] ?? node.name) : undefined;
    }
    case 'ImportBinding': {
      const library = CHUNK_SOURCE.test(node.source) ? CHUNK_EXPORTS.get(node.imported) : undefined;
      if (library) return { module: library, path: [node.imported] };
      const ref = normaliseModule(node.source);
      return node.imported === 'default' || node.imported === '*' ? ref : { module: ref.module, path: [...ref.path, node.imported] };
    }
    case 'PropertyOf': {
      const base = moduleRefOf(node.object, lookup, depth + 1);
      // `function f({ fs = require("fs") } = {})`: injected for tests, the default otherwise.
      if (node.default) return !base || node.key === undefined ? moduleRefOf(node.default, lookup, depth + 1) : member(base, node.key);
      // `function save({ fs }, p)` called `save({ fs: require("fs") }, p)` by every caller.
      const object = node.object as Node;
      if (!base && node.key !== undefined && object.type === 'Parameter' && !object.default) return lookup.parameterRef?.(object, node.key);
      if (!base || node.key === undefined) return undefined;
      return member(base, node.key);
    }
    case 'Parameter':
      // `function f(httpsModule = https)`: the same.
      return node.default ? moduleRefOf(node.default, lookup, depth + 1) : lookup.parameterRef?.(node);
    case 'MemberExpression': {
      const base = moduleRefOf(node.object as Node, lookup, depth + 1);
      const name = staticKey(node, lookup);
      if (name === undefined) return undefined;
      if (!base && name === 'Bun' && isGlobalObject(unwrapChain(node.object as Node), lookup)) return normaliseModule('bun');
      return base ? member(base, name) : memberValueRef(unwrapChain(node.object as Node), name, lookup, depth + 1);
    }
    case 'SequenceExpression':
      return moduleRefOf(node.expressions[node.expressions.length - 1], lookup, depth + 1);
    case 'ConditionalExpression': {
      // `(secure ? https : http).request(…)`: either way the same kind of call.
      const a = moduleRefOf(node.consequent, lookup, depth + 1);
      const b = a && moduleRefOf(node.alternate, lookup, depth + 1);
      return a && b && sameKind(a, b) ? a : undefined;
    }
    case 'LogicalExpression': {
      // `(this.options.hostSpawn ?? spawn)(…)`: a hook injected by the embedder, the module's member otherwise.
      if (node.operator === '&&') return undefined;
      const a = moduleRefOf(node.left, lookup, depth + 1);
      const b = moduleRefOf(node.right, lookup, depth + 1);
      return a && b ? (sameKind(a, b) ? a : undefined) : (a ?? b);
    }
    case 'AwaitExpression':
      return moduleRefOf(node.argument, lookup, depth + 1);
    case 'ImportExpression': {
      const source = moduleName(node.source as Node, lookup);
      return source === undefined ? undefined : normaliseModule(source);
    }
    case 'CallExpression':
      return callRef(node, lookup, depth);
    case 'NewExpression': {
      // `new PostHog(key, {host})`: a client whose methods are the module's own.
      const made = moduleRefOf(node.callee as Node, lookup, depth + 1);
      const name = made && (made.path.length === 0 ? 'default' : made.path.length === 1 ? made.path[0] : undefined);
      if (made && name && INSTANCE_CLASSES.get(made.module)?.has(name)) return { module: made.module, path: [] };
      // `new m.ClipboardManager()` of a native clipboard module: an instance whose methods read or write the clipboard.
      return made && name && /clipboard/i.test(made.module) && !/^[./]/.test(made.module) ? { module: made.module, path: made.path } : undefined;
    }
    default:
      return undefined;
  }
}

/** The same-module class `new C(…)` makes (its name resolved where the expression is written). */
function classMade(made: acorn.NewExpression, lookup: ModuleLookup): ClassNode | undefined {
  const callee = unwrapChain(made.callee as Node);
  const cls = callee.type === 'Identifier' ? lookup.resolve(callee) : callee;
  return cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression' ? cls : undefined;
}

function isGlobalObject(node: Node, lookup: ModuleLookup): boolean {
  return node.type === 'Identifier' && GLOBAL_OBJECTS.has(node.name) && !lookup.isBound(node);
}

/**
 * A module member kept in an object's property: `m.run = cp.exec`, `{execAsync: promisify(exec)}`,
 * or the exports of a bundled CommonJS module (esbuild's `var i7 = V(r7 => { r7.execAsync =
 * promisify(exec) })`, then `var t = i7(); (0, t.execAsync)(…)`). Every value written there
 * must be the same member (an export's `void 0` placeholder aside).
 */
function memberValueRef(object: Node, key: string, lookup: ModuleLookup, depth: number): ModuleRef | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // `Object.assign(o, {run: …})` may replace what the object was written with.
  if (object.type === 'Identifier' && lookup.index.assignedWholesale().has(object.name)) return undefined;
  const values: Array<{ node: Node; fn?: number }> = [];
  const bound = object.type === 'Identifier' ? lookup.resolve(object) : object.type === 'CallExpression' ? object : undefined;
  if (object.type === 'Identifier') values.push(...(lookup.members?.(object, key) ?? []));
  // `this.child = cp` in a class's constructor, `this.child.exec(…)` in a method.
  if (object.type === 'ThisExpression') values.push(...(lookup.thisMembers?.(key) ?? []));
  if (bound?.type === 'ObjectExpression') {
    // The last property that may write the key (a spread may too).
    let p: (typeof bound.properties)[number] | undefined;
    for (const q of bound.properties) if (q.type === 'SpreadElement' || (!q.computed && propertyKeyName(q) === key)) p = q;
    if (p?.type === 'Property' && p.kind === 'init') values.push({ node: p.value as Node });
  } else if (bound?.type === 'NewExpression') {
    // `const env = new Env(); env.proc.exec(…)`: a field the class writes, or its getter's value.
    const cls = classMade(bound, (bound !== object && lookup.at?.(bound)) || lookup);
    if (cls) values.push(...lookup.index.instanceValues(cls, key));
  } else if (bound?.type === 'CallExpression') {
    // The loader's names are those of the function that wrote it (`var e = t(898)` outside a function whose parameter is `t`).
    values.push(...(bundledExports(bound, (bound !== object && lookup.at?.(bound)) || lookup, depth + 1)?.member(key) ?? []));
  }
  let found: ModuleRef | undefined;
  let written = 0;
  for (const v of values) {
    if (isUndefinedValue(v.node)) continue;
    // Names in a value are the names of the function that wrote it.
    const there = v.fn !== undefined ? lookup.inFunction?.(v.fn) : lookup.at?.(v.node);
    const ref = moduleRefOf(v.node, there ?? lookup, depth + 1);
    if (!ref || (found && !sameKind(found, ref))) return undefined;
    found = ref;
    written++;
  }
  return written ? found : undefined;
}

/** What a bundled CommonJS module exports, read from the code of its factory. */
export interface BundledExports {
  /** Values given to `module.exports` as a whole (`module.exports = run`). */
  readonly whole: readonly ModuleValue[];
  /** Values whose properties are the exports: `whole`, and the objects a loader returns (rollup's `lib = __toCommonJS(ns); return lib`). */
  readonly holders: readonly ModuleValue[];
  /** Values written to export `key`: `exports.key = v`, `module.exports.key = v`, `module.exports = {key: v}`. */
  member(key: string): ModuleValue[];
  /** Every key written one of those ways. */
  keys(): string[];
}

/**
 * What a call that loads a bundled CommonJS module exports:
 * - esbuild: `require_x()` with `require_x = __commonJS({"x.js"(exports, module) {…}})` (minified
 *   `V(r7 => {…})`), also inside an interop wrapper (`__toESM(require_x(), 1)`);
 * - rollup: `requireX()`, a function that returns the object it fills (`helpers.execAsync = …;
 *   return helpers`) or a module record's exports (`return x$1.exports`);
 * - webpack: `n(898)`, factory 898's `module` and `exports` parameters (`(e, r, t) => { r.q = … }`).
 */
export function bundledExports(call: acorn.CallExpression, lookup: ModuleLookup, depth = 0): BundledExports | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const callee = unwrapChain(call.callee as Node);
  if (callee.type !== 'Identifier') return undefined;
  const first = call.arguments[0] && unwrapChain(call.arguments[0] as Node);
  if (first?.type === 'CallExpression' && call.arguments.length <= 2) return bundledExports(first, lookup, depth + 1);
  const index = lookup.index;
  // rollup's `getDefaultExportFromCjs(runnerExports)`, with `runnerExports = requireRunner()`.
  if (first?.type === 'Identifier' && call.arguments.length === 1) {
    const helper = lookup.resolve(callee);
    if (!helper || !isFunction(helper) || !isInteropHelper(helper)) return undefined;
    const loaded = lookup.resolve(first);
    return loaded?.type === 'CallExpression' ? bundledExports(loaded, lookup.at?.(loaded) ?? lookup, depth + 1) : undefined;
  }
  if (call.arguments.length === 1) {
    const id = literalKey(call.arguments[0] as Node);
    if (id === undefined || !/^\d+$/.test(id)) return undefined;
    const factory = webpackFactory(callee, id, lookup, depth);
    return factory && factoryRecords(index, factory, factory.params[1], factory.params[0]);
  }
  if (call.arguments.length !== 0) return undefined;
  const target = lookup.resolve(callee);
  if (!target) return undefined;
  if (target.type === 'CallExpression' && target.arguments.length === 1) {
    let factory = unwrapChain(target.arguments[0] as Node);
    if (factory.type === 'ObjectExpression' && factory.properties.length === 1 && factory.properties[0].type === 'Property') factory = factory.properties[0].value as Node;
    if (!isFunction(factory) || factory.params.length > 2) return undefined;
    // esbuild's `__commonJS` gives `(exports, module)`, webpack's `__webpack_require__.cw`
    // `(module, exports)`: the module is the one whose `.exports` the factory reads or sets.
    const [a, b] = factory.params;
    return moduleParamFirst(index.text, factory) ? factoryRecords(index, factory, b, a) : factoryRecords(index, factory, a, b);
  }
  if (!isFunction(target)) return undefined;
  const fn = index.functionOf(target);
  const returns = fn === undefined ? [] : index.functions[fn].returns.map(r => unwrapChain(r));
  // webpack's `var parse_namespaceFn = () => { return __webpack_require__(14) }`: a loader behind a function.
  // (Its names are the function's own: `n` there is webpack's require, not a caller's `n`.)
  if (fn !== undefined && returns.length === 1 && returns[0].type === 'CallExpression') return bundledExports(returns[0], lookup.inFunction?.(fn) ?? lookup, depth + 1);
  const only = returns[0] && memberPath(returns[0]);
  if (fn === undefined || !only || !returns.every(r => memberPath(r) === only)) return undefined;
  const [name, member, ...rest] = only.split('.');
  const named = index.binding(name, fn);
  if (!named || rest.length) return undefined;
  // `var current = facade; function getFs() { return current }` (Claude Code's fs facade): the object the alias names.
  let bound: Binding = named;
  for (let hops = 0; member === undefined && hops < 3 && bound.values.length === 1 && !bound.mutated; hops++) {
    const alias = unwrapChain(bound.values[0].node);
    const next: Binding | undefined = alias.type === 'Identifier' ? index.binding(alias.name, bound.values[0].fn) : undefined;
    if (!next) break;
    bound = next;
  }
  // `safe = { execSafe }; return safe`: the objects the returned name is given hold exports too.
  if (member === undefined) return recordsOf(index, bound, undefined, bound.values);
  return member === 'exports' ? recordsOf(index, undefined, bound) : undefined;
}

/** Factories whose first parameter is the module (webpack's order), by factory: asked at every use of the module. */
const moduleFirst = new WeakMap<FunctionNode, boolean>();

function moduleParamFirst(text: string, factory: FunctionNode): boolean {
  let known = moduleFirst.get(factory);
  if (known === undefined) {
    const [a, b] = factory.params;
    known = readsExports(text, factory, a) && !readsExports(text, factory, b);
    moduleFirst.set(factory, known);
  }
  return known;
}

/** Whether a factory's body spells `param.exports` (`module.exports = …`), read from the text in its bounds. */
function readsExports(text: string, factory: FunctionNode, param: FunctionNode['params'][number] | undefined): boolean {
  if (param?.type !== 'Identifier') return false;
  const name = param.name;
  const end = factory.body.end;
  for (let i = text.indexOf('exports', factory.body.start); i >= 0 && i < end; i = text.indexOf('exports', i + 7)) {
    let j = i - 1;
    while (j > 0 && /\s/.test(text[j])) j--;
    if (text[j] !== '.') continue;
    j--;
    while (j > 0 && /\s/.test(text[j])) j--;
    const from = j - name.length + 1;
    if (from < 0 || text.slice(from, j + 1) !== name || /[\w$.]/.test(text[from - 1] ?? '')) continue;
    if (!/[\w$]/.test(text[i + 7] ?? '')) return true;
  }
  return false;
}

/**
 * A bundler's default-import helper: it returns its argument or the argument's `default`
 * (rollup's `getDefaultExportFromCjs(x)`: `x && x.__esModule && … ? x["default"] : x`).
 */
function isInteropHelper(fn: FunctionNode): boolean {
  const param = fn.params[0];
  const returned = returnedExpression(fn);
  if (fn.params.length !== 1 || param.type !== 'Identifier' || !returned) return false;
  const isParam = (n: Node) => n.type === 'Identifier' && n.name === param.name;
  const leaves = (n: Node): Node[] => {
    const e = unwrapChain(n);
    if (e.type === 'ConditionalExpression') return [...leaves(e.consequent), ...leaves(e.alternate)];
    return [e];
  };
  return leaves(returned).every(l => isParam(l) || (l.type === 'MemberExpression' && propertyName(l) === 'default' && isParam(unwrapChain(l.object as Node))));
}

/** A factory's exports read from its `exports` and `module` parameters (either may be missing). */
function factoryRecords(index: ModuleIndex, factory: FunctionNode, exportsParam: FunctionNode['params'][number] | undefined, moduleParam: FunctionNode['params'][number] | undefined): BundledExports | undefined {
  const fn = index.functionOf(factory);
  if (fn === undefined) return undefined;
  const own = (p: typeof exportsParam) => {
    const bound = p?.type === 'Identifier' ? index.binding(p.name, fn) : undefined;
    return bound && bound.scope === fn ? bound : undefined;
  };
  const exportsBound = own(exportsParam);
  const moduleBound = own(moduleParam);
  return exportsBound || moduleBound ? recordsOf(index, exportsBound, moduleBound) : undefined;
}

function recordsOf(index: ModuleIndex, exportsBound: Binding | undefined, moduleBound: Binding | undefined, objects: readonly ModuleValue[] = []): BundledExports {
  const whole = moduleBound ? index.memberAssignments(moduleBound, 'exports') : [];
  const prefix = exportMember('');
  // Objects whose properties are exports: what `module.exports` is given whole, or what the exports name is.
  const holders = [...whole, ...objects];
  return {
    whole,
    holders,
    member: key => {
      const out = [...(exportsBound ? index.memberAssignments(exportsBound, key) : []), ...(moduleBound ? index.memberAssignments(moduleBound, exportMember(key)) : [])];
      for (const w of holders) {
        const object = unwrapChain(w.node);
        if (object.type !== 'ObjectExpression') continue;
        for (const p of object.properties) if (p.type === 'Property' && p.kind === 'init' && !p.computed && propertyKeyName(p) === key) out.push({ node: p.value as Node, fn: w.fn });
      }
      return out;
    },
    keys: () => [
      // (`*` holds what is pushed onto a list, no export.)
      ...(exportsBound ? [...index.membersOf(exportsBound).keys()].filter(k => k !== '*') : []),
      ...(moduleBound ? [...index.membersOf(moduleBound).keys()].filter(k => k.startsWith(prefix)).map(k => k.slice(prefix.length)) : []),
      // `module.exports = { execSafe, run: spawnIt }`
      ...holders.flatMap(w => {
        const object = unwrapChain(w.node);
        return object.type === 'ObjectExpression' ? object.properties.flatMap(p => (p.type === 'Property' && !p.computed && propertyKeyName(p) !== undefined ? [propertyKeyName(p)!] : [])) : [];
      }),
    ],
  };
}

/** Two module members a choice may stand for alike: one member, or http and https. */
function sameKind(a: ModuleRef, b: ModuleRef): boolean {
  const web = (m: string) => (m === 'http' || m === 'https' ? 'web' : m);
  // `debug ? cp.spawnSync : cp.spawn`: the same function, waited for or not.
  const last = a.path.length - 1;
  const same = (p: string, i: number) => p === b.path[i] || (i === last && p.replace(/Sync$/, '') === b.path[i].replace(/Sync$/, ''));
  return web(a.module) === web(b.module) && a.path.length === b.path.length && a.path.every(same);
}

/**
 * The one value of a name that is not a function when every other value is a function written
 * in place: a fallback stub for a module's function (`if (!a) a = function () {…}`). Undefined
 * otherwise, or when the lookup cannot list the values.
 */
function stubbedMember(id: acorn.Identifier, lookup: ModuleLookup): Node | undefined {
  const values = lookup.values?.(id);
  if (!values || values.length < 2) return undefined;
  let kept: Node | undefined;
  for (const v of values) {
    if (isFunction(v.node)) continue;
    if (kept || v.node.type === 'Parameter' || isPlaceholder(v.node)) return undefined;
    kept = v.node;
  }
  return kept;
}

function member(base: ModuleRef, name: string): ModuleRef {
  // `__toESM(require("x")).default` and `import_x.default` are the module itself; so is the
  // default of a built-in's sub-module (`__toESM(require("fs/promises")).default`: fs.promises),
  // where no member is named `default`.
  if (name === 'default' && (base.path.length === 0 || BUILTINS.has(base.module))) return base;
  return { module: base.module, path: [...base.path, name] };
}

/** What a call returns when that is a module or a module member. */
function callRef(node: acorn.CallExpression, lookup: ModuleLookup, depth: number): ModuleRef | undefined {
  const required = requiredModule(node, lookup, depth);
  if (required !== undefined) return typeof required === 'string' ? normaliseModule(required) : required;
  const callee = calleeOf(node);
  // `axios.create({…})`, `got.extend(…)`: an instance with the module's own request methods.
  if (callee.type === 'MemberExpression' && INSTANCE_FACTORIES.has(propertyName(callee) ?? '')) {
    const made = moduleRefOf(callee, lookup, depth + 1);
    if (made && made.path.length === 1 && INSTANCE_FACTORIES.get(made.path[0])?.has(made.module)) return { module: made.module, path: [] };
  }
  const first = node.arguments[0];
  if (!first || first.type === 'SpreadElement') return node.arguments.length === 0 ? (returnedModule(node, lookup, depth) ?? reexportedModule(node, lookup, depth)) : undefined;
  if (callee.type === 'MemberExpression') {
    const method = propertyName(callee);
    // webpack's namespace of a module loaded by id: `o.t(421, 19)`.
    const id = literalKey(first);
    if (method === 't' && id !== undefined && /^\d+$/.test(id)) return webpackModule(unwrapChain(callee.object as Node), id, lookup, depth + 1);
    // webpack's namespace of a value already loaded (an external built-in imported whole,
    // `import * as fs from "node:fs"`): `__webpack_require__.t(external_node_fs, 2)`.
    if (method === 't' && node.arguments.length === 2 && isWebpackRequireName(unwrapChain(callee.object as Node), lookup)) {
      const inner = moduleRefOf(first, lookup, depth + 1);
      return inner && inner.path.length === 0 ? inner : undefined;
    }
    // A dynamic import as bundlers lower it: `Promise.resolve().then(() => require("x"))`.
    if (method === 'then' && isFunction(first) && first.body.type !== 'BlockStatement') return moduleRefOf(first.body, lookup, depth + 1);
    // `await import("node:fs/promises").catch(() => { throw … })`: the module, or an error.
    if ((method === 'catch' || method === 'finally') && unwrapChain(callee.object as Node).type === 'ImportExpression') return moduleRefOf(callee.object as Node, lookup, depth + 1);
  }
  // `exec.bind(cp)` is exec.
  if (callee.type === 'MemberExpression' && propertyName(callee) === 'bind') return moduleRefOf(callee.object as Node, lookup, depth + 1);
  // `promisify(exec)`, `util.promisify(cp.execFile)`: the promise form of the same function.
  if (isPromisify(callee, lookup, depth)) return moduleRefOf(first, lookup, depth + 1);
  // Interop wrappers around a module: __toESM(require("x"), 1), __importStar(x), minified
  // j(require("x")), and rolldown's `os = require_runtime.__toESM(os, 1)` (the helper kept on its
  // runtime module: named like one, then).
  const helper = interopHelperName(callee);
  // SWC's helpers are modules exporting the helper as `_`: `h._(require("x"))`, minified or not.
  const bare = callee.type === 'Identifier' || (callee.type === 'MemberExpression' && propertyName(callee) === '_');
  if (node.arguments.length <= 2 && helper !== undefined && (bare || INTEROP.test(helper))) {
    const inner = moduleRefOf(first, lookup, depth + 1);
    // A module loaded whole, also (written in place) a built-in's sub-module (`require("fs/promises")` is fs.promises).
    const sub = bare && first.type === 'CallExpression' && typeof requiredModule(first, lookup, depth + 1) === 'string';
    const whole = inner && (inner.path.length === 0 || sub);
    if (inner && whole && (first.type === 'CallExpression' || INTEROP.test(helper))) return inner;
  }
  return returnedModule(node, lookup, depth);
}

/** The name an interop helper is called by: `__toESM(…)`, or `require_runtime.__toESM(…)`. */
function interopHelperName(callee: Node): string | undefined {
  return callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
}

/** Factory methods, by name, of the HTTP clients whose instances work like the module itself. */
const INSTANCE_FACTORIES = new Map([
  ['create', new Set(['axios', 'ky'])],
  ['extend', new Set(['got', 'ky'])],
  ['init', new Set(['mixpanel'])],
]);

/** Client classes, by module, whose instances work like the module itself (analytics SDKs: `new PostHog(key)`). */
const INSTANCE_CLASSES = new Map([
  ['posthog-node', new Set(['PostHog'])],
  ['@segment/analytics-node', new Set(['Analytics'])],
  ['analytics-node', new Set(['default'])],
]);

/** Returns a function may have for a module it hands back; more make it no loader. */
const MAX_LOADER_RETURNS = 4;

/**
 * The module a bundled module exports whole, loaded by a loader's call: webpack's
 * `external_node_path_namespaceFn = __webpack_require__.cw((module) => { module.exports =
 * require("node:path") })`, called `external_node_path_namespaceFn()` where it is used.
 */
function reexportedModule(call: acorn.CallExpression, lookup: ModuleLookup, depth: number): ModuleRef | undefined {
  const callee = unwrapChain(call.callee as Node);
  if (callee.type !== 'Identifier' || lookup.resolve(callee)?.type !== 'CallExpression') return undefined;
  const whole = bundledExports(call, lookup, depth + 1)?.whole;
  if (whole?.length !== 1) return undefined;
  return moduleRefOf(whole[0].node, lookup.inFunction?.(whole[0].fn) ?? lookup, depth + 1);
}

/**
 * A same-module function that hands back a module or a member of one: a loader behind a cache
 * (`async function getRunner() { if (cached) return cached; … return (await load("execa")).execa }`,
 * an immediately called `(async () => …)()`), or a helper that imports the module it is given
 * (`const load = (name) => import(name)`, then `load("execa")`). Every return must be the same kind.
 */
function returnedModule(call: acorn.CallExpression, lookup: ModuleLookup, depth: number): ModuleRef | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const callee = unwrapChain(call.callee as Node);
  const target = isFunction(callee) ? callee : callee.type === 'Identifier' ? lookup.resolve(callee) : undefined;
  if (!target || !isFunction(target)) return undefined;
  const fn = lookup.index.functionOf(target);
  if (fn === undefined) return undefined;
  const returns = lookup.index.functions[fn].returns;
  if (returns.length === 0 || returns.length > MAX_LOADER_RETURNS) return undefined;
  const inside = lookup.inFunction?.(fn) ?? lookup;
  let found: ModuleRef | undefined;
  const argument = call.arguments[0];
  for (const r of returns) {
    const value = unwrapChain(r);
    // `if (disabled) return null`: no module then, the same one otherwise.
    if (isPlaceholder(value)) continue;
    // `import(name)` of the first parameter: the module the call names.
    const loaded = value.type === 'ImportExpression' && argument && argument.type !== 'SpreadElement' && isFirstParameter(value.source as Node, target) ? moduleName(argument as Node, lookup) : undefined;
    const refs = loaded !== undefined ? [normaliseModule(loaded)] : value.type === 'Identifier' ? cachedRefs(value, fn, lookup, depth) : [moduleRefOf(value, inside, depth + 1)];
    for (const ref of refs) {
      if (!ref || (found && !sameKind(found, ref))) return undefined;
      found = ref;
    }
  }
  return found;
}

/**
 * A returned name kept outside the function (`let cached; … cached = runner` in the loader):
 * each value it is given, read where it is given (the `runner` of the function that assigns it).
 */
function cachedRefs(id: acorn.Identifier, fn: number, lookup: ModuleLookup, depth: number): Array<ModuleRef | undefined> {
  const bound = lookup.index.binding(id.name, fn);
  if (!bound) return [undefined];
  const values = bound.values.filter(v => !isPlaceholder(v.node) && v.node.type !== 'Parameter');
  if (values.length === 0 || values.length > MAX_LOADER_RETURNS) return [undefined];
  return values.map(v => (v.node === id ? undefined : moduleRefOf(v.node, lookup.inFunction?.(v.fn) ?? lookup, depth + 1)));
}

function isFirstParameter(node: Node, fn: FunctionNode): boolean {
  const first = fn.params[0];
  return node.type === 'Identifier' && first?.type === 'Identifier' && first.name === node.name;
}

function isPromisify(callee: Node, lookup: ModuleLookup, depth: number): boolean {
  if (callee.type === 'Identifier') {
    const ref = lookup.resolve(callee) ? moduleRefOf(callee, lookup, depth + 1) : undefined;
    return ref ? ref.module === 'util' && ref.path.join('.') === 'promisify' : callee.name === 'promisify';
  }
  if (propertyName(callee) !== 'promisify') return false;
  const ref = moduleRefOf(callee, lookup, depth + 1);
  return !ref || ref.module === 'util';
}

/** Static key of a member access, also through a name bound to a string (`o[k]`, `const k = "spawn"`). */
export function staticKey(member: acorn.MemberExpression, lookup: Pick<ModuleLookup, 'resolve'>): string | undefined {
  const direct = propertyName(member);
  if (direct !== undefined) return direct;
  if (member.computed && member.property.type === 'Identifier') return staticString(lookup.resolve(member.property));
  return undefined;
}

/**
 * The module a require-like call loads: `require("x")`, `__require("x")`, `d6("x")` with
 * `d6 = createRequire(...)`, `import.meta.require("x")`, or a webpack `n(123)` whose
 * factory re-exports a module (a ModuleRef then, which may carry a member path).
 */
export function requiredModule(call: acorn.CallExpression, lookup: ModuleLookup, depth = 0): string | ModuleRef | undefined {
  if (call.arguments.length !== 1) return undefined;
  const arg = call.arguments[0];
  if (arg.type === 'SpreadElement') return undefined;
  const callee = calleeOf(call);
  const name = moduleName(arg as Node, lookup);
  if (name !== undefined) return isRequireFunction(callee, lookup, depth) || (isBuiltinName(name) && importedFromChunk(callee, lookup)) ? name : undefined;
  const id = literalKey(arg);
  if (id !== undefined && /^\d+$/.test(id)) return webpackModule(callee, id, lookup, depth);
  return undefined;
}

/** A Node built-in module's name (`child_process`, `node:fs`, `fs/promises`). */
function isBuiltinName(name: string): boolean {
  const bare = name.startsWith('node:') ? name.slice(5) : name;
  return BUILTINS.has(bare.split('/')[0]);
}

/**
 * A function another chunk of the same build exports: Bun's split bundles keep one
 * `import.meta.require` in a shared chunk (`var H = import.meta.require; export { H }`) and
 * every other chunk calls what it imports (`import { H } from "/$bunfs/root/chunk-….js";
 * H("child_process")`). Given a built-in's name, nothing else such a function can be.
 */
function importedFromChunk(callee: Node, lookup: ModuleLookup): boolean {
  const c = unwrapChain(callee);
  const bound = c.type === 'Identifier' ? lookup.resolve(c) : undefined;
  return bound?.type === 'ImportBinding' && CHUNK_SOURCE.test(bound.source);
}

/** A chunk of the same build: a relative path, or a file of Bun's embedded file system. */
const CHUNK_SOURCE = /^(?:\.\.?\/|\/\$bunfs\/|[A-Z]:\/~BUN\/)/;

/**
 * A module name written in the call, or kept in a constant first (`const n = "node-pty";
 * await import(n)`: written so that a bundler leaves the optional module out).
 */
function moduleName(arg: Node, lookup: ModuleLookup): string | undefined {
  const name = staticString(arg);
  if (name !== undefined || arg.type !== 'Identifier') return name;
  const bound = lookup.resolve(arg);
  return bound && staticString(bound);
}

export function isRequireFunction(callee: Node, lookup: ModuleLookup, depth = 0): boolean {
  callee = unwrapChain(callee);
  if (callee.type === 'Identifier') {
    if (REQUIRE_NAMES.has(callee.name)) return true;
    const bound = lookup.resolve(callee);
    return !!bound && depth < MAX_DEPTH && (isCreateRequireCall(bound, lookup, depth + 1) || isRequireAlias(bound));
  }
  if (callee.type === 'MemberExpression' && propertyName(callee) === 'require') {
    const owner = unwrapChain(callee.object as Node);
    // module.require, import.meta.require (Bun)
    return (owner.type === 'Identifier' && owner.name === 'module') || owner.type === 'MetaProperty';
  }
  // `createRequire(import.meta.url)(p)`, called where it is made (Copilot CLI's native runtime load).
  return depth < MAX_DEPTH && isCreateRequireCall(callee, lookup, depth + 1);
}

function isCreateRequireCall(node: Node, lookup: ModuleLookup, depth: number): boolean {
  if (node.type !== 'CallExpression') return false;
  const ref = moduleRefOf(calleeOf(node), lookup, depth);
  return ref?.module === 'module' && ref.path.join('.') === 'createRequire';
}

/**
 * esbuild's `__require` once minified: `var X = (e => typeof require < "u" ? require : …)(…)`
 * or `typeof require !== "undefined" ? require : …` (after a comma when the minifier inlined
 * the function), a name bound to `require` itself, to `import.meta.require` or `module.require`.
 */
function isRequireAlias(node: Node): boolean {
  if (node.type === 'Identifier') return node.name === 'require';
  // Bun's prelude: `var A0 = (H) => Promise.all(H), YL = import.meta.require` (Kilo, opencode).
  if (node.type === 'MemberExpression' && propertyName(node) === 'require') {
    const owner = unwrapChain(node.object as Node);
    return owner.type === 'MetaProperty' || (owner.type === 'Identifier' && owner.name === 'module');
  }
  // The same once a minifier has inlined its argument: `(A = function…, typeof require < "u" ? require : …)`.
  if (node.type === 'SequenceExpression') return isRequireAlias(unwrapChain(node.expressions[node.expressions.length - 1]));
  if (node.type === 'ConditionalExpression') return isRequireAlias(unwrapChain(node.consequent));
  if (node.type === 'CallExpression' && node.arguments.length === 1) {
    const fn = calleeOf(node);
    const body = isFunction(fn) && fn.body.type !== 'BlockStatement' ? unwrapChain(fn.body) : undefined;
    return !!body && body.type === 'ConditionalExpression' && isRequireAlias(unwrapChain(body.consequent));
  }
  return false;
}

/**
 * `n(123)` in a webpack bundle, where `n` is the require parameter of a module factory (its
 * third) or the bundle's own require function, and factory 123 is `e.exports = require("x")`
 * (an external such as child_process) or re-exports another module by id.
 */
function webpackModule(callee: Node, id: string, lookup: ModuleLookup, depth: number): ModuleRef | undefined {
  const factory = webpackFactory(callee, id, lookup, depth);
  return factory && factoryExports(factory, lookup, depth + 1);
}

/** Factory `id` of the bundle, when `callee` is its require (a factory's third parameter, or the bundle's own). */
function webpackFactory(callee: Node, id: string, lookup: ModuleLookup, depth: number): FunctionNode | undefined {
  if (callee.type !== 'Identifier' || depth > MAX_DEPTH) return undefined;
  const tables = lookup.index.moduleTables;
  if (tables.length === 0) return undefined;
  const bound = lookup.resolve(callee);
  const isFactoryRequire = bound?.type === 'Parameter' && bound.index === 2 && tables.some(t => [...t.factories.values()].includes(bound.fn));
  if (!isFactoryRequire && !isWebpackRequireName(callee, lookup)) return undefined;
  for (const table of tables) {
    const factory = table.factories.get(id);
    if (factory) return factory;
  }
  return undefined;
}

/** The bundle's own require of webpack output: `__webpack_require__`, or a function of its shape. */
function isWebpackRequireName(node: Node, lookup: ModuleLookup): boolean {
  if (node.type !== 'Identifier') return false;
  const bound = lookup.resolve(node);
  return (!!bound && isFunction(bound) && isWebpackRequire(bound)) || node.name === '__webpack_require__';
}

/** `function n(e){…; return t[e](r, r.exports, n), r.exports}`: webpack's require, by shape. */
function isWebpackRequire(fn: FunctionNode): boolean {
  if (fn.params.length !== 1 || fn.end - fn.start > 2000) return false;
  const text = JSON.stringify(fn.body, (k, v) => (k === 'start' || k === 'end' ? undefined : v));
  return text.includes('"name":"exports"') && /"type":"MemberExpression"[^]*"computed":true/.test(text);
}

/** What a webpack factory exports when it is a plain re-export: `e.exports = require("x")`. */
function factoryExports(factory: FunctionNode, lookup: ModuleLookup, depth: number): ModuleRef | undefined {
  const moduleParam = factory.params[0];
  if (moduleParam?.type !== 'Identifier' || factory.body.type !== 'BlockStatement') return undefined;
  for (const statement of factory.body.body.slice(0, 4)) {
    if (statement.type !== 'ExpressionStatement') continue;
    const e = unwrapChain(statement.expression);
    if (e.type !== 'AssignmentExpression' || e.left.type !== 'MemberExpression') continue;
    if (memberPath(e.left) !== `${moduleParam.name}.exports`) continue;
    const value = unwrapChain(e.right);
    if (value.type !== 'CallExpression') return undefined;
    const required = requiredModule(value, lookup, depth);
    return typeof required === 'string' ? normaliseModule(required) : required;
  }
  return undefined;
}

/**
 * The module member a call invokes (`spawn(...)` imported from child_process gives
 * child_process.spawn), seen through `.call`/`.apply`; undefined for a module itself.
 */
export function calleeRefOf(call: CallLike, lookup: ModuleLookup): ModuleRef | undefined {
  let callee = calleeOf(call);
  if (call.type === 'CallExpression' && callee.type === 'MemberExpression') {
    const m = propertyName(callee);
    if (m === 'call' || m === 'apply') callee = unwrapChain(callee.object as Node);
  }
  const ref = moduleRefOf(callee, lookup);
  return ref && ref.path.length > 0 ? ref : undefined;
}

/**
 * The arguments the called function receives: `f.call(self, a, b)` gives [a, b], `f.apply(self,
 * [a, b])` the elements of the array literal.
 */
export function argumentsOf(call: CallLike): readonly Node[] {
  const callee = calleeOf(call);
  // Asked of every call by several rules: the arguments themselves unless one is spread.
  const args = hasSpread(call.arguments) ? call.arguments.map(a => (a.type === 'SpreadElement' ? a.argument : a)) : (call.arguments as Node[]);
  if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression') return args;
  const m = propertyName(callee);
  if (m === 'call') return args.slice(1);
  if (m === 'apply') {
    const list = args[1] && unwrapChain(args[1]);
    return list?.type === 'ArrayExpression' ? list.elements.filter((e): e is acorn.Expression => !!e && e.type !== 'SpreadElement') : [];
  }
  return args;
}

function hasSpread(args: CallLike['arguments']): boolean {
  for (let i = 0; i < args.length; i++) if (args[i].type === 'SpreadElement') return true;
  return false;
}

/** `os = require_runtime.__toESM(os, 1)`: the name's earlier value, wrapped for interop. */
function isInteropOfItself(node: Node, name: string): boolean {
  if (node.type !== 'CallExpression') return false;
  const helper = interopHelperName(calleeOf(node));
  const first = node.arguments[0];
  return !!helper && INTEROP.test(helper) && first?.type === 'Identifier' && first.name === name;
}

/** A name means the one value it is assigned (after the walk every assignment is known). */
export function lookupAt(index: ModuleIndex, fn: number): ModuleLookup {
  return {
    index,
    resolve: id => {
      const bound = index.binding(id.name, fn);
      if (!bound) return undefined;
      // Asked at every name a rule resolves: counted in place, no filtered copy.
      let real: Node | undefined;
      let count = 0;
      for (const v of bound.values) {
        if (v.node.type !== 'Parameter' && !(bound.values.length > 1 && isInteropOfItself(v.node, id.name))) {
          real = v.node;
          count++;
        }
      }
      return count === 1 ? real : bound.values.length === 1 ? bound.values[0].node : undefined;
    },
    isBound: id => !!index.binding(id.name, fn),
    members: (id, key) => index.memberValuesOf(id.name, fn, key),
    thisMembers: key => index.thisValues(fn, key),
    inFunction: f => lookupAt(index, f),
    values: id => valuesOf(index.binding(id.name, fn)),
  };
}

/** Every value a binding has been given so far: a module-like scope keeps them all, a function the earlier ones aside. */
export function valuesOf(bound: Binding | undefined): readonly ModuleValue[] {
  if (!bound) return [];
  return bound.earlier ? [...bound.earlier, ...bound.values] : bound.values;
}
