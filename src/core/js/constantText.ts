// The text an expression always has when the file itself fixes it, judged strictly: string
// literals, templates and `+` of such, `String.raw` of such, names assigned exactly once to
// such, calls of one-line helpers (`s => "'use strict';" + s`) given such arguments, and a few
// string methods on such with such arguments (`"quire".replace(/^/, "re")`, protobuf's way of
// hiding `require` from bundlers). A value may be one of a few texts: an element of a list
// that nothing can change (every use of it only reads it), or a parameter of a function that
// is only ever called, by calls that all pass such texts (`for (const k of NAMES) patch(k)`).
// Objects, mutated names, lists passed on and parameters of functions passed on are never
// constant here: unlike the decoder's evaluator (decode/evaluate.ts), which reads a
// name's first value and may miss later pushes, this answers only what no run can change.
import { atScopeTop, descendants, isFunction, propertyName, returnedExpression, unwrapChain, type CallLike, type FunctionNode, type Identifier, type Node, type Parameter, type PropertyOf } from './ast';
import { safeRegExp } from './decode/builtins';
import { importedKeepNames, MODULE, resultDropped, settledValue, type ModuleIndex } from './moduleIndex';
import { bindsWithin, callsSpelled, CALLING_MEMBERS, declaredOnce, everyUse, spelledOnlyAsCall, type NameUse } from './nameUses';

const MAX_DEPTH = 6;
const MAX_LENGTH = 1_000_000;
/** A regex runs only on texts this short: a single quantifier can still cost the square of the length. */
const MAX_REGEX_INPUT = 1024;
/** Alternatives one expression may have (a parameter every caller fills from a list of names). */
const MAX_TEXTS = 64;

type Env = ReadonlyMap<string, string> | undefined;
type Texts = readonly string[];

/**
 * Every text an expression can have when the file fixes each of them (at most MAX_TEXTS), in
 * the order found; undefined when any run could give another. `site`: the call that runs the
 * text as code, when it is a direct eval, which does not count against itself.
 */
export function constantTexts(node: Node, fn: number, index: ModuleIndex, site?: Node): Texts | undefined {
  const scopes = new Set<number>();
  consulting.push(scopes);
  let texts: Texts | undefined;
  try {
    texts = allTexts(node, fn, index);
  } catch (e) {
    // A text the engine cannot hold is not constant text we can show; any other error is a bug.
    if (e instanceof RangeError && !isStackOverflow(e)) return undefined;
    throw e;
  } finally {
    consulting.pop();
  }
  // What a list or a function's callers hold is only settled if no other code runs in their scope unseen.
  if (!texts || scopes.size === 0) return texts;
  // A direct eval of a list's element could itself change the list it loops over: only names to read are safe.
  const selfSafe = !directEvals(index).some(e => e.call === site) || texts.every(t => NAME_PATH.test(t));
  return selfSafe && (!scopes.has(MODULE) || isModuleCode(index)) && harmlessEvals(index, scopes, site) ? texts : undefined;
}

function allTexts(node: Node, fn: number, index: ModuleIndex): Texts | undefined {
  const repeated = repeatedNames(node, fn, index);
  if (!repeated) return textsOf(node, fn, index, undefined, 0);
  // `${item} = new Proxy(${item})`: one value of `item` at a time, not every pairing.
  const envs = environments(repeated);
  if (!envs) return undefined;
  const out = new Set<string>();
  for (const env of envs) {
    const texts = textsOf(node, fn, index, env, 0);
    if (!texts) return undefined;
    for (const t of texts) out.add(t);
  }
  return out.size > 0 && out.size <= MAX_TEXTS ? [...out] : undefined;
}

/** Names written more than once in the expression that each have several texts, with those texts. */
function repeatedNames(node: Node, fn: number, index: ModuleIndex): Map<string, Texts> | undefined {
  const counts = new Map<string, number>();
  for (const n of descendants(node, isFunction)) if (n.type === 'Identifier') counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
  let repeated: Map<string, Texts> | undefined;
  for (const [name, count] of counts) {
    const texts = count > 1 ? nameTexts(name, fn, index, 0) : undefined;
    if (texts && texts.length > 1) (repeated ??= new Map()).set(name, texts);
  }
  return repeated;
}

/** Every choice of one text per name (at most MAX_TEXTS of them). */
function environments(names: Map<string, Texts>): Array<Map<string, string>> | undefined {
  let envs: Array<Map<string, string>> = [new Map()];
  for (const [name, texts] of names) {
    // Too many choices is no answer, never an empty one (an empty list of texts would read as fixed).
    if (envs.length * texts.length > MAX_TEXTS) return undefined;
    envs = envs.flatMap(env => texts.map(t => new Map(env).set(name, t)));
  }
  return envs;
}

function isStackOverflow(e: RangeError): boolean {
  return /call stack/i.test(e.message);
}

function textsOf(node: Node, fn: number, index: ModuleIndex, env: Env, depth: number): Texts | undefined {
  if (depth > MAX_DEPTH) return undefined;
  node = unwrapChain(node);
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node.value] : typeof node.value === 'number' ? [String(node.value)] : undefined;
    case 'TemplateLiteral':
      return joinTemplate(node.quasis.map(q => q.value.cooked ?? undefined), node.expressions as Node[], fn, index, env, depth);
    case 'TaggedTemplateExpression': {
      const tag = unwrapChain(node.tag);
      const isRaw = tag.type === 'MemberExpression' && !tag.computed && tag.object.type === 'Identifier' && tag.object.name === 'String' && tag.property.type === 'Identifier' && tag.property.name === 'raw' && !index.binding('String', fn);
      return isRaw ? joinTemplate(node.quasi.quasis.map(q => q.value.raw), node.quasi.expressions as Node[], fn, index, env, depth) : undefined;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return undefined;
      const left = textsOf(node.left as Node, fn, index, env, depth + 1);
      const right = left === undefined ? undefined : textsOf(node.right, fn, index, env, depth + 1);
      return left !== undefined && right !== undefined ? joined(left, right) : undefined;
    }
    case 'Identifier':
      if (env?.has(node.name)) return [env.get(node.name)!];
      // Scopes in the index are per function: a block's own binding of the name elsewhere, or a `with`, may be what this use sees.
      return index.mayBeShadowed(node.name, node.start, fn) ? undefined : nameTexts(node.name, fn, index, depth);
    case 'CallExpression':
      return charCodeText(node, fn, index) ?? stringMethodTexts(node, fn, index, env, depth) ?? helperCallTexts(node, fn, index, env, depth) ?? functionSourceText(node, fn, index, env);
    default:
      return undefined;
  }
}

/** Every text of `a` followed by every text of `b`; undefined past MAX_TEXTS or MAX_LENGTH. */
function joined(a: Texts, b: Texts): Texts | undefined {
  if (a.length * b.length > MAX_TEXTS) return undefined;
  const out = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      if (x.length + y.length > MAX_LENGTH) return undefined;
      out.add(x + y);
    }
  }
  return [...out];
}

function joinTemplate(quasis: Array<string | undefined>, expressions: Node[], fn: number, index: ModuleIndex, env: Env, depth: number): Texts | undefined {
  if (quasis[0] === undefined) return undefined;
  let out: Texts | undefined = [quasis[0]];
  for (let i = 0; i < expressions.length && out; i++) {
    const part = textsOf(expressions[i], fn, index, env, depth + 1);
    const next = quasis[i + 1];
    if (part === undefined || next === undefined) return undefined;
    out = joined(out, part);
    out = out && joined(out, [next]);
  }
  return out;
}

function single(texts: Texts | undefined): string | undefined {
  return texts?.length === 1 ? texts[0] : undefined;
}

/**
 * A name's texts: assigned exactly once to constant text and never changed; an element of a
 * list only ever read (`for (const k of NAMES)`); a parameter of a function only ever called,
 * by calls that all pass constant text.
 */
function nameTexts(name: string, fn: number, index: ModuleIndex, depth: number): Texts | undefined {
  const value = settledValue(index, name, fn);
  if (!value) return parameterTexts(name, fn, index, depth);
  if (value.node.type === 'PropertyOf') return elementTexts(value.node, value.fn, index, depth);
  if (value.node.type === 'Parameter' || value.node.type === 'ImportBinding') return undefined;
  return textsOf(value.node, value.fn, index, undefined, depth + 1);
}

/** `list[1]`, or any element of `list` (a loop variable, a callback's element), of a list only ever read. */
function elementTexts(of: PropertyOf, fn: number, index: ModuleIndex, depth: number): Texts | undefined {
  const object = unwrapChain(of.object as Node);
  // Any element of one of several lists (`const cmds = win ? ["py", "python"] : ["python3"]; for (const c of cmds)`).
  if (of.key === undefined && object.type === 'Identifier') {
    const held = settledValue(index, object.name, fn);
    const choices = choiceOfLists(held?.node) ?? (held ? listsOfTable(held.node, held.fn, index) : undefined);
    if (choices) return anyElementTexts(object.name, choices, fn, index, depth);
  }
  const elements = object.type === 'Identifier' ? listTexts(object.name, fn, index, depth) : undefined;
  if (!elements) return undefined;
  if (of.key === undefined) return union(elements);
  const i = /^\d+$/.test(of.key) ? Number(of.key) : -1;
  return i >= 0 && i < elements.length ? elements[i] : undefined;
}

/**
 * `TABLE[key]` (or `TABLE.linux`) of a table only ever read whose every entry is a list written
 * in place (`{ macos: ["pbcopy"], linux: ["xclip -selection clipboard", "wl-copy"] }`, Claude
 * Code's clipboard commands per platform): the lists the value may be.
 */
function listsOfTable(node: Node, fn: number, index: ModuleIndex): ArrayExpressionNode[] | undefined {
  const n = unwrapChain(node);
  if (n.type !== 'MemberExpression') return undefined;
  const table = unwrapChain(n.object as Node);
  if (table.type !== 'Identifier') return undefined;
  const value = settledValue(index, table.name, fn);
  const object = value && unwrapChain(value.node);
  if (object?.type !== 'ObjectExpression' || object.properties.length === 0 || object.properties.length > MAX_TEXTS) return undefined;
  const lists: ArrayExpressionNode[] = [];
  for (const p of object.properties) {
    const v = p.type === 'Property' && p.kind === 'init' && !p.computed ? unwrapChain(p.value as Node) : undefined;
    if (v?.type !== 'ArrayExpression') return undefined;
    lists.push(v);
  }
  const bound = index.binding(table.name, fn);
  return bound && declaredOnce(index, bound.scope, table.name) && everyUse(index, bound.scope, table.name, isTableRead) ? lists : undefined;
}

/** Array methods that change the list they are called on. */
export const IN_PLACE_METHODS: ReadonlySet<string> = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

/** A use of a table that only reads one of its entries (`T[k]`, `T.linux`): nothing changes it. */
function isTableRead(use: NameUse): boolean {
  const { node, ancestors } = use;
  const parent = ancestors[ancestors.length - 1];
  const above = ancestors[ancestors.length - 2];
  if (parent?.type === 'VariableDeclarator') return parent.id === node;
  if (parent?.type !== 'MemberExpression' || parent.object !== node || !above) return false;
  // The entry read is itself only read: not written, deleted, called or changed in place.
  if (above.type === 'AssignmentExpression') return above.left !== parent;
  if (above.type === 'UpdateExpression' || (above.type === 'UnaryExpression' && above.operator === 'delete')) return false;
  if (above.type === 'MemberExpression' && above.object === parent) return !IN_PLACE_METHODS.has(propertyName(above) ?? '');
  return !(above.type === 'CallExpression' && above.callee === parent);
}

/** The list literals a `?:` (nested, up to a few) chooses between, or undefined when a branch is anything else. */
function choiceOfLists(node: Node | undefined): ArrayExpressionNode[] | undefined {
  if (!node || unwrapChain(node).type !== 'ConditionalExpression') return undefined;
  const out: ArrayExpressionNode[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = unwrapChain(stack.pop()!);
    if (n.type === 'ConditionalExpression') stack.push(n.consequent, n.alternate);
    else if (n.type === 'ArrayExpression' && out.length < 4) out.push(n);
    else return undefined;
  }
  return out;
}

type ArrayExpressionNode = Extract<Node, { type: 'ArrayExpression' }>;

/** Every text an element of any of the lists can be, when the name that holds them is only ever read. */
function anyElementTexts(name: string, lists: readonly ArrayExpressionNode[], fn: number, index: ModuleIndex, depth: number): Texts | undefined {
  const bound = index.binding(name, fn);
  if (!bound) return undefined;
  return remembered(index, `any\0${bound.scope}\0${name}`, bound.scope, () => {
    const all: Texts[] = [];
    for (const list of lists) {
      const elements = listElements(list, fn, index, undefined, depth + 1);
      if (!elements) return undefined;
      all.push(...elements);
    }
    return readOnlyList(index, name, fn) ? union(all) : undefined;
  });
}

function union(lists: readonly Texts[]): Texts | undefined {
  const out = new Set<string>();
  for (const l of lists) for (const t of l) out.add(t);
  return out.size <= MAX_TEXTS ? [...out] : undefined;
}

/**
 * The texts of each element of the list `name` names, when it is assigned once to an array
 * literal of constant texts and every use of it only reads it: `.join()`, `.includes()`, an
 * index, `for…of`, a spread, a callback method whose callbacks cannot see the list. Passed
 * anywhere else it could be changed, and it is not constant.
 */
function listTexts(name: string, fn: number, index: ModuleIndex, depth: number): readonly Texts[] | undefined {
  const bound = index.binding(name, fn);
  const value = settledValue(index, name, fn);
  if (!bound || !value || value.node.type !== 'ArrayExpression' || value.node.elements.length > MAX_TEXTS) return undefined;
  const list = value.node;
  return remembered(index, `list\0${bound.scope}\0${name}`, bound.scope, () => {
    const elements: Texts[] = [];
    for (const el of list.elements) {
      const texts = el && el.type !== 'SpreadElement' ? textsOf(el as Node, value.fn, index, undefined, depth + 1) : undefined;
      if (!texts) return undefined;
      elements.push(texts);
    }
    return readOnlyList(index, name, fn) ? elements : undefined;
  });
}

/** A name bound once in its scope to a list that every use only reads (see isListRead): what it holds is what was written. */
export function readOnlyList(index: ModuleIndex, name: string, fn: number): boolean {
  const bound = index.binding(name, fn);
  return !!bound && declaredOnce(index, bound.scope, name) && everyUse(index, bound.scope, name, isListRead);
}

/** Array methods that neither change the list nor hand it to code that could. */
export const READ_METHODS = new Set(['join', 'includes', 'indexOf', 'lastIndexOf', 'at', 'slice', 'concat', 'toString']);
/** Methods that call back with (element, index, list): read only if no callback takes a third parameter. */
export const CALLBACK_METHODS = new Set(['forEach', 'map', 'some', 'every', 'filter', 'find', 'findIndex']);

function isListRead(use: NameUse): boolean {
  const { node, ancestors } = use;
  const parent = ancestors[ancestors.length - 1];
  const above = ancestors[ancestors.length - 2];
  if (!parent) return false;
  if (parent.type === 'VariableDeclarator') return parent.id === node && !isExported(ancestors, ancestors.length - 2) && coversScope(ancestors, ancestors.length - 2);
  if (parent.type === 'ForOfStatement') return parent.right === node;
  if (parent.type === 'SpreadElement') return above?.type === 'ArrayExpression' || above?.type === 'CallExpression' || above?.type === 'NewExpression';
  if (parent.type !== 'MemberExpression' || parent.object !== node || !above) return false;
  const method = propertyName(parent);
  if (above.type === 'CallExpression' && above.callee === parent) {
    if (method !== undefined && READ_METHODS.has(method)) return true;
    // Plain names only: a rest parameter (`(...a) => a[2]`) or a pattern would receive the list too.
    return method !== undefined && CALLBACK_METHODS.has(method) && above.arguments.every(a => a.type === 'ArrowFunctionExpression' && a.params.length <= 2 && a.params.every(p => p.type === 'Identifier'));
  }
  if (!parent.computed && method !== 'length') return false;
  // `list["__proto__"]` is Array.prototype: an index is a number or a name, never a text.
  if (parent.computed && parent.property.type === 'Literal' && typeof parent.property.value !== 'number') return false;
  // What an index read gives is not used as an object (`list[k].join = …` with k "__proto__"), nor called or used as a tag.
  if ((above.type === 'MemberExpression' && above.object === parent) || (above.type === 'TaggedTemplateExpression' && above.tag === parent)) return false;
  // A read, never a place written to: `list[0] = x`, `list.length = 0`, `delete list[0]`, `[list[0]] = …`.
  switch (above.type) {
    case 'AssignmentExpression':
    case 'ForInStatement':
    case 'ForOfStatement':
      return above.left !== parent;
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'ObjectPattern':
    case 'AssignmentPattern':
    case 'RestElement':
      return false;
    case 'Property':
      return ancestors[ancestors.length - 3]?.type !== 'ObjectPattern';
    case 'UnaryExpression':
      return above.operator !== 'delete';
    case 'CallExpression':
    case 'NewExpression':
      // `list[0](…)` would run an element with the list as `this`.
      return above.callee !== parent;
    default:
      return true;
  }
}

/** Whether the declaration at `ancestors[at]` covers its whole scope: `var`, or one written at the top of it. */
function coversScope(ancestors: readonly Node[], at: number): boolean {
  const declaration = ancestors[at];
  return (declaration?.type === 'VariableDeclaration' && declaration.kind === 'var') || atScopeTop(ancestors, at);
}

/** Whether the declaration at `ancestors[at]` (a VariableDeclaration or function) is exported: any importer could change or call it. */
function isExported(ancestors: readonly Node[], at: number): boolean {
  const around = ancestors[at - 1];
  return around?.type === 'ExportNamedDeclaration' || around?.type === 'ExportDefaultDeclaration';
}

/**
 * A parameter of a function declared in this file and only ever called by name (never passed,
 * stored or exported), that never reads `arguments`: the texts every call passes there.
 * `for (const k of NAMES) patch(k)` fills it from a list.
 */
function parameterTexts(name: string, fn: number, index: ModuleIndex, depth: number): Texts | undefined {
  const bound = index.binding(name, fn);
  if (!bound || bound.scope === MODULE || bound.mutated || bound.history || bound.values.length !== 1) return undefined;
  const value = bound.values[0].node;
  const scopeNode = index.functions[bound.scope].node;
  // The parameter itself, bound once in the function: not a loop variable or a catch parameter
  // of the same name, which the index keeps in the same set of names.
  const param = scopeNode.params.find(p => p.type === 'Identifier' && p.name === name);
  if (!param || !declaredOnce(index, bound.scope, name)) return undefined;
  // A callback's element (`list.some(k => …)`): the list is named where the call is written.
  if (value.type === 'PropertyOf') return value.start === param.start ? elementTexts(value, index.functions[bound.scope].parent, index, depth) : undefined;
  if (value.type !== 'Parameter' || value.start !== param.start || value.fn.generator) return undefined;
  const declared = value.fn;
  const f = index.functionOf(declared);
  if (f === undefined || f !== bound.scope) return undefined;
  const named = functionName(declared, f, index);
  if (!named) return undefined;
  return remembered(index, `param\0${f}\0${value.index}`, index.functions[f].parent, () => callerTexts(declared, named, f, value, index, depth));
}

/**
 * The name a function is called by, and the node that name holds: a declaration's own name, or
 * a name given the function once where the function is written (`var g = function (x) {…}`,
 * esbuild's keep-names `var g = __name(function (x) {…}, "g")`).
 */
function functionName(declared: FunctionNode, f: number, index: ModuleIndex): FunctionName | undefined {
  if (declared.type === 'FunctionDeclaration') return declared.id ? { name: declared.id.name, holder: declared, declaredAt: -1 } : undefined;
  return namedFunctions(index).get(declared) ?? localName(declared, f, index);
}

/**
 * `var g = function (x) {…}` in an ordinary function (a browserify or webpack module's factory,
 * get-intrinsic's `getEvalledConstructor`): the local that holds the function alone.
 */
function localName(declared: FunctionNode, f: number, index: ModuleIndex): FunctionName | undefined {
  const scope = index.functions[f].parent;
  if (scope === MODULE || index.functions[scope].values) return undefined;
  const from = Math.max(0, declared.start - 80);
  // `g = function (x) {…}`, or named by a keep-names helper: `g = /* @__PURE__ */ __name(function (x) {…}, "g")`.
  const before = /([A-Za-z_$][\w$]*)\s*=\s*(?:\/\*[^*]*\*\/\s*)*(?:[A-Za-z_$][\w$]*\(\s*)?$/.exec(index.text.slice(from, declared.start));
  if (!before) return undefined;
  const bound = index.binding(before[1], scope);
  if (!bound || bound.scope !== scope || bound.mutated || bound.history || bound.values.length !== 1) return undefined;
  const holder = bound.values[0].node;
  const named = holder === declared || (holder.type === 'CallExpression' && holder.arguments[0] === declared && isKeepNames(holder, scope, index));
  return named ? { name: before[1], holder, declaredAt: from + before.index } : undefined;
}

interface FunctionName {
  name: string;
  /** What the name holds: the function, or the keep-names call around it. */
  holder: Node;
  /** Where the name is written in `name = <function>`; -1 for a declaration. */
  declaredAt: number;
}

const namedByIndex = new WeakMap<ModuleIndex, Map<Node, FunctionName>>();

/**
 * The function expressions that a module-like scope's name holds alone, by function: read once
 * per module (a question is asked for each parameter, and a bundle has many thousand names).
 */
function namedFunctions(index: ModuleIndex): Map<Node, FunctionName> {
  let named = namedByIndex.get(index);
  if (named) return named;
  namedByIndex.set(index, (named = new Map()));
  const found = named;
  index.forEachModuleLikeValue((name, values, scope) => {
    if (values.length !== 1) return;
    const held = unwrapChain(values[0].node);
    const fn = isFunction(held) ? held : held.type === 'CallExpression' && isFunction(held.arguments[0] as Node) && isKeepNames(held, scope, index) ? (held.arguments[0] as FunctionNode) : undefined;
    if (!fn || found.has(fn) || index.functions[index.functionOf(fn) ?? -1]?.parent !== scope) return;
    // Where the name is written in `name = <function>`: the one place it is spelled without a call.
    const from = Math.max(0, values[0].node.start - name.length - 64);
    const before = index.text.slice(from, values[0].node.start);
    const at = before.lastIndexOf(name);
    // `g = /* @__PURE__ */ __name(…)`: a bundler's annotation may sit between, and the keep-names
    // call the index sees through (its value is the function named).
    const between = before.slice(at + name.length);
    const written = /^\s*=\s*(?:\/\*[^*]*\*\/\s*)*$/.test(between) || (held === fn && index.isKeepNamed(fn) && /^\s*=\s*(?:\/\*[^*]*\*\/\s*)*[A-Za-z_$][\w$]*\(\s*$/.test(between));
    if (at >= 0 && written) found.set(fn, { name, holder: values[0].node, declaredAt: from + at });
  });
  return named;
}

/** `__name(fn, "g")`: a helper that only names the function it is given and returns it (`Object.defineProperty(t, "name", …)`). */
function isKeepNames(call: CallLike, fn: number, index: ModuleIndex): boolean {
  if (call.callee.type !== 'Identifier' || call.arguments.length !== 2 || call.arguments[1].type !== 'Literal') return false;
  if (importedKeepNames(index, call.callee.name, fn)) return true;
  const helper = settledValue(index, call.callee.name, fn)?.node;
  if (!helper || !isFunction(helper) || helper.params.length !== 2 || helper.params[0].type !== 'Identifier') return false;
  const returned = returnedExpression(helper);
  const inner = returned && unwrapChain(returned);
  if (inner?.type !== 'CallExpression' || inner.arguments[0]?.type !== 'Identifier' || inner.arguments[0].name !== (helper.params[0] as Identifier).name) return false;
  const callee = unwrapChain(inner.callee as Node);
  const definer = callee.type === 'Identifier' ? settledValue(index, callee.name, fn)?.node : callee;
  return !!definer && definer.type === 'MemberExpression' && definer.object.type === 'Identifier' && definer.object.name === 'Object' && propertyName(definer) === 'defineProperty';
}

function callerTexts(declared: FunctionNode, named: FunctionName, f: number, param: Parameter, index: ModuleIndex, depth: number): Texts | undefined {
  const outer = index.functions[f].parent;
  const owner = index.binding(named.name, outer);
  if (!owner || settledValue(index, named.name, outer)?.node !== named.holder || callsSpelled(index, owner.scope, named.name, named.declaredAt) < 0) return undefined;
  // Sloppy-mode `arguments[0] = x` changes the parameter itself.
  if (!everyUse(index, f, 'arguments', () => false)) return undefined;
  const calls: NameUse[] = [];
  // One scan says both that the name is declared once (any other binding of it is a use that
  // is not a call) and that it is only called: a scan of a whole bundle's module scope is long.
  const onlyCalled = everyUse(index, owner.scope, named.name, use => {
    const parent = use.ancestors[use.ancestors.length - 1];
    if (parent === declared) return !isExported(use.ancestors, use.ancestors.length - 1);
    // `var g = function …`: the name's own declaration.
    // The index sees through keep-names (`var g = __name(function …, "g")`): the holder is the function.
    if (parent?.type === 'VariableDeclarator' && parent.id === use.node && parent.init && index.unnamed(parent.init as Node) === named.holder) return !isExported(use.ancestors, use.ancestors.length - 2);
    // `var a, run;` then `run = function …` (a bundler's lazy initialiser): declared bare, then given the function once.
    if (parent?.type === 'VariableDeclarator' && parent.id === use.node && !parent.init) return !isExported(use.ancestors, use.ancestors.length - 2);
    if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === use.node && index.unnamed(parent.right as Node) === named.holder) return true;
    // `__name(run, "run")` after the declaration (esbuild's keep-names): named, handed nowhere.
    if (parent?.type === 'CallExpression' && parent.arguments[0] === use.node && parent.arguments.length === 2 && resultDropped(parent as Node, use.ancestors) && isKeepNames(parent, use.fn, index)) return true;
    // The path is the scan's own, changed as it goes on: kept as a copy.
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === use.node) return calls.push({ ...use, ancestors: [...use.ancestors] }) > 0;
    // A property of the function read or set (`run.encodeCommand = encode`, powershell-utils'
    // `[...run.argumentsPrefix, …]`): not a call, and no way to call it with other values
    // (`run.call`, `run.apply` and `run.bind` are).
    if (parent?.type === 'MemberExpression' && parent.object === use.node && !parent.computed && !CALLING_MEMBERS.has(propertyName(parent) ?? '')) return true;
    return false;
  });
  if (!onlyCalled || calls.length === 0) return undefined;
  const lists: Texts[] = [];
  for (const use of calls) {
    const call = use.ancestors[use.ancestors.length - 1] as CallLike;
    const args = call.arguments;
    if (args.slice(0, param.index + 1).some(a => a.type === 'SpreadElement')) return undefined;
    const arg = args[param.index] as Node | undefined;
    const texts = arg ? argumentTexts(arg, use, index, depth) : param.default ? textsOf(param.default as Node, f, index, undefined, depth + 1) : undefined;
    if (!texts) return undefined;
    lists.push(texts);
  }
  return union(lists);
}

/**
 * An argument's texts at its call. A name declared by a `for (const k of list)` around the call
 * (in the same function, not redeclared in a block between) is an element of that list: loop
 * variables share their name with other bindings of the function, so the index alone cannot say.
 */
function argumentTexts(arg: Node, use: NameUse, index: ModuleIndex, depth: number): Texts | undefined {
  if (arg.type === 'Identifier') {
    const { ancestors } = use;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i];
      if (isFunction(a)) break;
      if ((a.type === 'BlockStatement' || a.type === 'Program') && declaresInBlock(a.body as Node[], arg.name)) break;
      if (a.type !== 'ForOfStatement' || ancestors[i + 1] !== a.body) continue;
      const left = a.left.type === 'VariableDeclaration' && a.left.kind !== 'var' ? a.left.declarations[0]?.id : undefined;
      if (left?.type !== 'Identifier' || left.name !== arg.name) continue;
      // Nothing in the loop's body binds the name again (a catch parameter, an inner loop, a `let`, a `with`),
      // nor assigns a `let` loop variable another value.
      if (bindsWithin(a.body as Node, arg.name) || (a.left.type === 'VariableDeclaration' && a.left.kind === 'let' && assignsWithin(a.body as Node, arg.name))) return undefined;
      const list = unwrapChain(a.right as Node);
      if (list.type !== 'Identifier') return undefined;
      const elements = listTexts(list.name, use.fn, index, depth + 1);
      if (elements) return union(elements);
      // A list a table gives (`q = TABLE[platform]; for (let c of q)`).
      const held = settledValue(index, list.name, use.fn);
      const lists = held ? listsOfTable(held.node, held.fn, index) : undefined;
      return lists ? anyElementTexts(list.name, lists, use.fn, index, depth + 1) : undefined;
    }
  }
  return textsOf(arg, use.fn, index, undefined, depth + 1);
}

/** `name = …`, `name += …`, `name++` somewhere under `root` (nested functions included). */
function assignsWithin(root: Node, name: string): boolean {
  for (const n of descendants(root, () => false)) {
    if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier' && n.left.name === name) return true;
    if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier' && n.argument.name === name) return true;
  }
  return false;
}

function declaresInBlock(body: readonly Node[], name: string): boolean {
  return body.some(s => (s.type === 'VariableDeclaration' && s.kind !== 'var' && s.declarations.some(d => d.id.type !== 'Identifier' || d.id.name === name)) || (s.type === 'ClassDeclaration' && s.id?.name === name));
}

/** An answer about a list or a parameter, with the scopes whose code it relies on (see harmlessEvals). */
interface Remembered {
  value: unknown;
  scopes: readonly number[];
}

const caches = new WeakMap<ModuleIndex, Map<string, Remembered>>();
/** The scopes each answer being worked out relies on, innermost last. */
const consulting: Array<Set<number>> = [];

function consulted(scopes: Iterable<number>): void {
  for (const set of consulting) for (const s of scopes) set.add(s);
}

/** `compute()` once per module and key; the scope it reads, and those its parts read, go with the answer. */
function remembered<T>(index: ModuleIndex, key: string, scope: number, compute: () => T | undefined): T | undefined {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const known = cache.get(key);
  if (known) {
    consulted(known.scopes);
    return known.value as T | undefined;
  }
  // Asked again while it is being worked out (a list holding itself, a function calling itself
  // with its own parameter): nothing known.
  cache.set(key, { value: undefined, scopes: [scope] });
  const scopes = new Set([scope]);
  consulting.push(scopes);
  let value: T | undefined;
  try {
    value = compute();
  } finally {
    consulting.pop();
  }
  cache.set(key, { value, scopes: [...scopes] });
  consulted(scopes);
  return value;
}

/** A text that, run as code, only reads a name (`Object`, `a.b`): it cannot change a binding. */
const NAME_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
/**
 * Whether no direct `eval` in these scopes, other than `site`, can change what they hold: a
 * direct eval runs in the scope around it and may push to a list or reassign a function by
 * name. One whose code is fixed to names to read (an eval of `item` over a list of
 * constructor names) cannot. Those texts are worked out assuming the other evals harmless
 * too, which holds once every one of them is found to only read names: no further recursion,
 * so many evals in one scope cost one look each, not every ordering of them.
 */
function harmlessEvals(index: ModuleIndex, scopes: ReadonlySet<number>, site: Node | undefined): boolean {
  for (const { call, fn } of directEvals(index)) {
    if (call === site || ![...scopes].some(s => s === MODULE || (index.functions[s].start <= call.start && call.end <= index.functions[s].end))) continue;
    if (call.arguments.length === 0) continue;
    const code = call.arguments[0];
    if (code.type === 'SpreadElement') return false;
    const texts = evalCodeTexts(code as Node, fn, index);
    if (!texts || !texts.every(t => NAME_PATH.test(t))) return false;
  }
  return true;
}

const codeTexts = new WeakMap<Node, Texts | null>();

/** The texts of a direct eval's code, without judging the evals around it (see harmlessEvals). */
function evalCodeTexts(code: Node, fn: number, index: ModuleIndex): Texts | undefined {
  const known = codeTexts.get(code);
  if (known !== undefined) return known ?? undefined;
  consulting.push(new Set());
  let texts: Texts | undefined;
  try {
    texts = allTexts(code, fn, index);
  } catch (e) {
    if (!(e instanceof RangeError) || isStackOverflow(e)) throw e;
  } finally {
    consulting.pop();
  }
  codeTexts.set(code, texts ?? null);
  return texts;
}

/**
 * Whether the file's top level is a module's own scope (ES `import`/`export`, or CommonJS's
 * `require`, which Node wraps in a function). A classic script's top-level names are global:
 * another script, `setTimeout("…")` or a `Function` body can reach them unseen.
 */
export function isModuleCode(index: ModuleIndex): boolean {
  let known = moduleCode.get(index);
  if (known === undefined) {
    const body = index.program?.body ?? [];
    known =
      body.some(s => s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' || s.type === 'ExportAllDeclaration') ||
      index.calls.some((call, i) => call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'require' && !index.binding('require', index.callFns[i])) ||
      // `module.exports = …`, `exports.a = …` with neither name declared: CommonJS, a scope of its own.
      (!index.moduleScope.has('module') && !index.moduleScope.has('exports') && /(?:^|[^.\w$])(?:module\.exports|exports\.[A-Za-z_$][\w$]*)\s*=[^=]/.test(index.text));
    moduleCode.set(index, known);
  }
  return known;
}

const moduleCode = new WeakMap<ModuleIndex, boolean>();

const evalsByIndex = new WeakMap<ModuleIndex, Array<{ call: CallLike; fn: number }>>();

/** Calls of the global `eval` by that name (direct evals: they see the local scope). */
export function directEvals(index: ModuleIndex): ReadonlyArray<{ call: CallLike; fn: number }> {
  let found = evalsByIndex.get(index);
  if (!found) {
    found = [];
    index.calls.forEach((call, i) => {
      const fn = index.callFns[i];
      if (call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'eval' && !index.binding('eval', fn)) found!.push({ call, fn });
    });
    evalsByIndex.set(index, found);
  }
  return found;
}

/**
 * `SortTemplate.toString()` of a function written in this file (source-map-js compiles its
 * sort from that text): its own source text, which no run can change unless the name or its
 * `toString` is reassigned.
 */
function functionSourceText(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex, env: Env): Texts | undefined {
  const callee = unwrapChain(call.callee as Node);
  if (call.arguments.length || callee.type !== 'MemberExpression' || propertyName(callee) !== 'toString') return undefined;
  const object = unwrapChain(callee.object as Node);
  if (object.type !== 'Identifier' || env?.has(object.name)) return undefined;
  const value = settledValue(index, object.name, fn)?.node;
  if (!isFunction(value)) return undefined;
  const bound = index.binding(object.name, fn);
  if (!bound || index.memberAssignments(bound, 'toString').length) return undefined;
  const source = capped(index.sourceOf(value));
  return source === undefined ? undefined : [source];
}

/** `wrap(C)` where `wrap` is a same-module function whose whole body returns one expression. */
function helperCallTexts(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex, env: Env, depth: number): Texts | undefined {
  const callee = unwrapChain(call.callee as Node);
  if (callee.type !== 'Identifier' || env?.has(callee.name)) return undefined;
  const helper = settledValue(index, callee.name, fn)?.node;
  if (!helper || (helper.type !== 'ArrowFunctionExpression' && helper.type !== 'FunctionExpression' && helper.type !== 'FunctionDeclaration')) return undefined;
  if (helper.async || helper.generator) return undefined;
  const body = returnedExpression(helper);
  if (!body) return undefined;
  const helperFn = index.functionOf(helper);
  if (helperFn === undefined) return undefined;
  const params = new Map<string, string>();
  for (let i = 0; i < helper.params.length; i++) {
    const p = helper.params[i];
    const arg = call.arguments[i];
    if (p.type !== 'Identifier' || !arg || arg.type === 'SpreadElement') return undefined;
    const text = single(textsOf(arg as Node, fn, index, env, depth + 1));
    if (text === undefined) return undefined;
    params.set(p.name, text);
  }
  return textsOf(body, helperFn, index, params, depth + 1);
}

/**
 * `String.fromCharCode(34)`: a character written as its number (a quote a shell line is built
 * with), when `String` is the global and every argument a number written in place.
 */
export function charCodeText(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex): Texts | undefined {
  const callee = unwrapChain(call.callee as Node);
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'fromCharCode' || callee.object.type !== 'Identifier' || callee.object.name !== 'String' || index.binding('String', fn)) return undefined;
  const codes: number[] = [];
  for (const a of call.arguments) {
    if (a.type !== 'Literal' || typeof a.value !== 'number' || !Number.isInteger(a.value) || a.value < 0 || a.value > 0xffff) return undefined;
    codes.push(a.value);
  }
  return codes.length ? [String.fromCharCode(...codes)] : undefined;
}

/**
 * `"quire".replace(/^/, "re")`, `"X".toLowerCase()`, `s.slice(1)`: a string method with constant
 * receiver and arguments; `NAMES.join(",")` of a list only ever read.
 */
function stringMethodTexts(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex, env: Env, depth: number): Texts | undefined {
  const callee = unwrapChain(call.callee as Node);
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (callee.type !== 'MemberExpression' || method === undefined || call.arguments.some(a => a.type === 'SpreadElement')) return undefined;
  const args = call.arguments as Node[];
  const text = (n: Node) => single(textsOf(n, fn, index, env, depth + 1));
  if (method === 'join') return listJoin(callee.object as Node, args, fn, index, env, depth);
  if (!STRING_METHODS.has(method)) return undefined;
  const receivers = textsOf(callee.object as Node, fn, index, env, depth + 1);
  if (receivers === undefined) return undefined;
  const out: string[] = [];
  for (const receiver of receivers) {
    const result = stringMethod(method, receiver, args, text);
    if (result === undefined) return undefined;
    out.push(result);
  }
  return [...new Set(out)];
}

/**
 * `NAMES.join(sep)`, or a list written in place (`["Add-Type …;", "$d = …;"].join(" ")`, which
 * nothing else can reach), with lists only ever read spread into it (`["npx", ...args].join(" ")`):
 * each element one of a few constant texts, the separator one (`,` when none is given).
 */
function listJoin(object: Node, args: Node[], fn: number, index: ModuleIndex, env: Env, depth: number): Texts | undefined {
  const list = unwrapChain(object);
  if (args.length > 1) return undefined;
  const separator = args.length ? single(textsOf(args[0], fn, index, env, depth + 1)) : ',';
  const elements = separator === undefined ? undefined : listElements(list, fn, index, env, depth);
  if (!elements) return undefined;
  let out: Texts | undefined = [''];
  for (let i = 0; i < elements.length && out; i++) {
    if (i > 0) out = joined(out, [separator!]);
    out = out && joined(out, elements[i]);
  }
  return out;
}

/** The texts of each element of a written list (spreads of read-only lists and of written lists opened), or of a named list only ever read. */
function listElements(list: Node, fn: number, index: ModuleIndex, env: Env, depth: number): readonly Texts[] | undefined {
  if (list.type === 'Identifier') return env?.has(list.name) ? undefined : listTexts(list.name, fn, index, depth);
  if (list.type !== 'ArrayExpression' || list.elements.length > MAX_TEXTS) return undefined;
  const out: Texts[] = [];
  for (const e of list.elements) {
    if (!e) return undefined;
    if (e.type === 'SpreadElement') {
      const inner = listElements(unwrapChain(e.argument as Node), fn, index, env, depth + 1);
      if (!inner) return undefined;
      out.push(...inner);
      continue;
    }
    const texts = textsOf(e as Node, fn, index, env, depth + 1);
    if (!texts) return undefined;
    out.push(texts);
  }
  return out.length <= MAX_TEXTS ? out : undefined;
}

function stringMethod(method: string, receiver: string, args: Node[], text: (n: Node) => string | undefined): string | undefined {
  const numbers = args.map(a => (a.type === 'Literal' && typeof a.value === 'number' ? a.value : Number.NaN));
  switch (method) {
    case 'toLowerCase':
      return args.length === 0 ? receiver.toLowerCase() : undefined;
    case 'toUpperCase':
      return args.length === 0 ? receiver.toUpperCase() : undefined;
    case 'trim':
      return args.length === 0 ? receiver.trim() : undefined;
    case 'slice':
    case 'substring':
      if (args.length === 0 || args.length > 2 || numbers.some(Number.isNaN)) return undefined;
      return method === 'slice' ? receiver.slice(numbers[0], numbers[1]) : receiver.substring(numbers[0], numbers[1]);
    case 'concat': {
      const parts = args.map(text);
      if (!parts.every((p): p is string => p !== undefined)) return undefined;
      return parts.reduce((n, p) => n + p.length, receiver.length) <= MAX_LENGTH ? receiver + parts.join('') : undefined;
    }
    default: {
      // replace / replaceAll: a constant text or a regex literal safe to run, and a constant replacement (never a function).
      const replacement = args.length === 2 ? text(args[1]) : undefined;
      if (replacement === undefined) return undefined;
      const pattern = args[0];
      const regexLiteral = pattern.type === 'Literal' ? pattern.regex : undefined;
      const regex = regexLiteral ? safeRegExp(regexLiteral.pattern, regexLiteral.flags) : undefined;
      const search = regexLiteral ? undefined : text(pattern);
      if (!regex && search === undefined) return undefined;
      const all = method === 'replaceAll' || !!regex?.global;
      // Bounded before it runs: every position may match (an empty search), each adding the
      // replacement; and one quantifier can still cost the square of the text's length.
      if (receiver.length + (all ? receiver.length + 1 : 1) * replacement.length > MAX_LENGTH) return undefined;
      if (regex) {
        if ((method === 'replaceAll' && !regex.global) || receiver.length > MAX_REGEX_INPUT) return undefined;
        return capped(method === 'replace' ? receiver.replace(regex, replacement) : receiver.replaceAll(regex, replacement));
      }
      return capped(method === 'replace' ? receiver.replace(search!, replacement) : receiver.replaceAll(search!, replacement));
    }
  }
}

const STRING_METHODS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'slice', 'substring', 'concat', 'replace', 'replaceAll']);

function capped(text: string): string | undefined {
  return text.length <= MAX_LENGTH ? text : undefined;
}
