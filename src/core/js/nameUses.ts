// Every place a name is used within the scope that binds it, with the nodes around each use
// (`export { name }` included; a `with` statement leaves no answer):
// what proves that a value no run can change (a list only read, a function only called) has
// no other use. Uses in nested functions and blocks that bind the same name again are not
// told apart: they count as uses too, which can only make an answer more cautious; and
// declaredOnce says whether the name is bound anywhere else in the scope at all.
import type * as acorn from 'acorn';
import { childrenOf, descendants, firstFrom, isFunction, pushChildren, type Node } from './ast';
import { MODULE, type ModuleIndex } from './moduleIndex';

/** Nodes one file may visit looking for uses: a few scans of a whole bundle, not one per question. */
const SCAN_BUDGET = 4_000_000;

export interface NameUse {
  node: acorn.Identifier;
  /** Root first, the use's parent last (the use itself is not in it). The scan's own array: copy it to keep it. */
  ancestors: readonly Node[];
  /** The function the use is written in (MODULE at module level). */
  fn: number;
}

/**
 * Calls `visit` for each use of `name` bound in `scope` (a function index or MODULE), in source
 * order, until it returns false. Returns false if stopped or if the scan budget (the file's, or
 * `own`) is spent (no answer), true once every use was seen.
 */
export function everyUse(index: ModuleIndex, scope: number, name: string, visit: (use: NameUse) => boolean, own?: ScanBudget): boolean {
  const root = scope === MODULE ? index.program : index.functions[scope]?.node;
  if (!root) return false;
  // In a large scope (a bundle's module scope) a name of a few letters is found by its spelling:
  // the tree of a 21 MB bundle is millions of nodes, its few uses a handful of descents.
  if (name.length >= MIN_SPELLED_NAME && root.end - root.start >= SPELLED_SCOPE) return everyUseBySpelling(index, root, scope, name, visit);
  // A caller may bring its own budget: the file's is shared by every rule, and one spent early
  // leaves a later question about a small function unanswered.
  const used = budgets.get(index) ?? 0;
  const allowed = own ? own.left : SCAN_BUDGET - used;
  const path: Node[] = [];
  const fns: number[] = [];
  const stack: Node[] = [root];
  const exits: boolean[] = [false];
  let visited = 0;
  let complete = true;
  while (stack.length) {
    const node = stack.pop()!;
    if (exits.pop()) {
      path.pop();
      if (isFunction(node)) fns.pop();
      continue;
    }
    if (++visited > allowed) {
      complete = false;
      break;
    }
    // `with (o) name…` may read o's property instead: no answer. `export { name }`: a use the tree's children do not show.
    if (node.type === 'WithStatement') {
      complete = false;
      break;
    }
    if (node.type === 'ExportNamedDeclaration' && !node.source) {
      const exported = node.specifiers.find(s => s.local.type === 'Identifier' && s.local.name === name);
      if (exported && !visit({ node: exported.local as acorn.Identifier, ancestors: [...path, node, exported], fn: fns.length ? fns[fns.length - 1] : scope })) {
        complete = false;
        break;
      }
    }
    if (node.type === 'Identifier' && node.name === name) {
      if (!visit({ node, ancestors: path, fn: fns.length ? fns[fns.length - 1] : scope })) {
        complete = false;
        break;
      }
      continue;
    }
    if (isFunction(node)) {
      // Nested functions are not skipped even when they bind the name: the index's scopes are
      // per function, so a catch parameter or a block's `let` of the same name would hide uses
      // of the outer one. Their uses count too, which only makes an answer more cautious.
      const f = index.functionOf(node);
      if (f === undefined) continue;
      fns.push(f);
    }
    path.push(node);
    stack.push(node);
    exits.push(true);
    for (let n = pushChildren(node, stack); n > 0; n--) exits.push(false);
  }
  if (own) own.left -= visited;
  else budgets.set(index, used + visited);
  return complete;
}

/** Scopes at least this long are searched by spelling for names at least MIN_SPELLED_NAME long. */
const SPELLED_SCOPE = 256 * 1024;
const MIN_SPELLED_NAME = 3;

/**
 * everyUse by the name's spelling: each place the scope's text spells it as a word is descended
 * to from the root, and counts when an identifier of the tree sits exactly there (not a member
 * name, an object key, a string or a comment), with the same ancestors and function a scan
 * would give. `export { name }` is a use; a `with` in the scope leaves no answer.
 */
function everyUseBySpelling(index: ModuleIndex, root: Node, scope: number, name: string, visit: (use: NameUse) => boolean): boolean {
  if (index.withRanges.some(r => r.start < root.end && root.start < r.end)) return false;
  const text = index.text;
  for (let i = text.indexOf(name, root.start); i >= 0 && i + name.length <= root.end; i = text.indexOf(name, i + name.length)) {
    if ((i > 0 && isWordChar(text.charCodeAt(i - 1))) || isWordChar(text.charCodeAt(i + name.length))) continue;
    const use = useAt(index, root, scope, i, name);
    if (use && !visit(use)) return false;
  }
  return true;
}

/** The use of `name` whose identifier starts at `offset`, with its ancestors from `root`; undefined when none is there. */
function useAt(index: ModuleIndex, root: Node, scope: number, offset: number, name: string): NameUse | undefined {
  const path: Node[] = [];
  const fns: number[] = [];
  const children: Node[] = [];
  let node: Node | undefined = root;
  while (node) {
    if (node.type === 'Identifier') return node.start === offset && node.name === name ? { node: node as acorn.Identifier, ancestors: path, fn: fns.length ? fns[fns.length - 1] : scope } : undefined;
    if (node.type === 'ExportNamedDeclaration' && !node.source) {
      const spec = node.specifiers.find(sp => sp.local.start === offset && sp.local.type === 'Identifier' && sp.local.name === name);
      if (spec) return { node: spec.local as acorn.Identifier, ancestors: [...path, node, spec as unknown as Node], fn: fns.length ? fns[fns.length - 1] : scope };
    }
    if (isFunction(node)) {
      const f = index.functionOf(node);
      if (f !== undefined) fns.push(f);
    }
    path.push(node);
    node = childHolding(node, offset, children);
  }
  return undefined;
}

/** Nodes a caller may still visit across its scans. */
export interface ScanBudget {
  left: number;
}

const budgets = new WeakMap<ModuleIndex, number>();

/**
 * Whether a function's text spells `arguments` as a name anywhere (nested functions and strings
 * too: only more cautious). Through it, sloppy-mode code changes a parameter (`arguments[0] = x`)
 * or what it holds (`arguments[0].push(x)`), and a parameter is no longer what the call gave. An
 * arrow function has no `arguments` of its own, and a property (`Function.prototype.arguments`,
 * in the text of a sandbox's hardening code) is not the name.
 */
export function mentionsArguments(index: ModuleIndex, fn: number): boolean {
  const node = index.functions[fn].node;
  if (node.type === 'ArrowFunctionExpression') return false;
  return ARGUMENTS_NAME.test(index.text.slice(node.start, node.end));
}

const ARGUMENTS_NAME = /(?<![\w$.])arguments(?![\w$])/;

/**
 * Whether every place the text of a scope spells `name` as a word is followed by `(`: a call, or
 * the name of a function declaration. Read from the text, not by a scan of the tree (a whole
 * bundle's scan costs a third of a second): a word followed by `(` counts as a call even in a
 * comment (more cautious: a count that matches no call site), and any other place is asked of
 * the tree, so a word in a comment or a string (`// run it once`) is no use.
 */
export function spelledOnlyAsCall(index: ModuleIndex, scope: number, name: string): boolean {
  return callsSpelled(index, scope, name) >= 0;
}

/** Members of a function that call it (with values of their own). */
export const CALLING_MEMBERS: ReadonlySet<string> = new Set(['call', 'apply', 'bind']);

/**
 * How many places in the text of a scope spell `name` followed by `(` (calls, and a function
 * declaration's name), or -1 when an identifier of the code spells it any other way (a value passed, exported, assigned),
 * the place at offset `declaredAt` aside (`const run = (…) =>`). Member names (`o.name`) are not the name;
 * nor are the function's own members read or set (`name.x`), save those that call it; nor a
 * bare declaration (`var a, name;`).
 */
export function callsSpelled(index: ModuleIndex, scope: number, name: string, declaredAt = -1): number {
  const root = scope === MODULE ? index.program : index.functions[scope]?.node;
  if (!root || name.length === 0) return -1;
  const text = index.text;
  const end = root.end;
  let calls = 0;
  for (let i = text.indexOf(name, root.start); i >= 0 && i < end; i = text.indexOf(name, i + name.length)) {
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = text.charCodeAt(i + name.length);
    if (isWordChar(before) || before === 46 /* . */ || isWordChar(after) || i === declaredAt) continue;
    let j = i + name.length;
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) j++;
    // The word in a comment or a string (`// run it once`, an inline worker's source declaring a
    // `function mM(` of its own) is no use of the name: only an identifier of the tree at that place is.
    const at = identifierAt(root, i, name.length);
    if (!at || at === 'declared') continue;
    if (text.charCodeAt(j) === 40 /* ( */ || fallbackCalled(text, i, j)) calls++;
    // A property of the function read or set (`run.encodeCommand = encode`): neither a call nor
    // the function handed on, unless it is one of the members that call it.
    else if (text.charCodeAt(j) === 46 /* . */ && text.charCodeAt(j + 1) !== 46) {
      if (CALLING_MEMBERS.has(/^\s*([\w$]*)/.exec(text.slice(j + 1, j + 24))?.[1] ?? '')) return -1;
    } else if (!index.namedAt(i) && !namedByKeepNames(text, i, j, name)) return -1;
  }
  return calls;
}

/**
 * `__name(run, "run")`: esbuild's keep-names call gives the function its own name and hands it
 * nowhere else (the call sits at [start, after), the name written again as the text).
 */
function namedByKeepNames(text: string, start: number, after: number, name: string): boolean {
  let b = start - 1;
  while (b >= 0 && /\s/.test(text[b])) b--;
  if (text[b] !== '(') return false;
  // A statement of its own (`module.exports = __name(run, "run")` hands the function on).
  let c = b - 1;
  while (c >= 0 && /[\w$]/.test(text[c])) c--;
  while (c >= 0 && /\s/.test(text[c]) && text[c] !== '\n') c--;
  if (c >= 0 && !/[;{}\n]/.test(text[c])) return false;
  return new RegExp(`^\\s*,\\s*(["'])${name.replace(/[$]/g, '\\$')}\\1\\s*\\)`).test(text.slice(after, after + name.length + 16));
}

/** `(given ?? name)(…)` or `(given || name)(…)`: the name at [at, after) is called as the fallback. */
function fallbackCalled(text: string, at: number, after: number): boolean {
  if (text.charCodeAt(after) !== 41 /* ) */) return false;
  let k = after + 1;
  while (k < text.length && /\s/.test(text[k])) k++;
  if (text.charCodeAt(k) !== 40 /* ( */) return false;
  let b = at - 1;
  while (b >= 0 && /\s/.test(text[b])) b--;
  const op = text.slice(b - 1, b + 1);
  return op === '??' || op === '||';
}

/** Whether the tree under `root` has an identifier spelled exactly at [offset, offset + length). */
function identifierAt(root: Node, offset: number, length: number): boolean | 'declared' {
  const children: Node[] = [];
  let node: Node | undefined = root;
  let parent: Node | undefined;
  while (node) {
    // `var a, b, run;` with `run = …` later (a bundler's lazy initialiser): declared, given no value there.
    if (node.type === 'Identifier') return node.start === offset && node.end === offset + length ? (parent?.type === 'VariableDeclarator' && parent.id === node && !parent.init ? 'declared' : true) : false;
    // Import and export specifiers are not among the tree's children: a name there is a use.
    if ((node.type === 'ExportNamedDeclaration' || node.type === 'ImportDeclaration') && node.specifiers.some(sp => sp.start <= offset && offset < sp.end)) return true;
    parent = node;
    node = childHolding(node, offset, children);
  }
  return false;
}

/** The child of `node` whose text holds `offset`; `scratch` is reused for the children list. */
function childHolding(node: Node, offset: number, scratch: Node[]): Node | undefined {
  if (node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock' || node.type === 'ClassBody') {
    // Statements are in text order: a bundle's top level has too many to look at one by one.
    const body = node.body as Node[];
    const k = firstFrom(body.length, i => body[i].end, offset + 1);
    return body[k] && body[k].start <= offset ? body[k] : undefined;
  }
  scratch.length = 0;
  childrenOf(node, scratch);
  return scratch.find(c => c.start <= offset && offset < c.end);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

/**
 * Whether `name` is bound exactly once in the scope's whole text (nested functions included):
 * a parameter, a declaration, a catch parameter, a loop's variable, a pattern's name. The
 * index keeps one set of names per function, so a second binding in a block or a catch
 * (`for (const code of SAFE)` inside `run(code)`) would otherwise pass for the first.
 */
export function declaredOnce(index: ModuleIndex, scope: number, name: string): boolean {
  let bindings = 0;
  const complete = everyUse(index, scope, name, use => {
    if (isBinding(use) && !unusedCatchParameter(use, name)) bindings++;
    return bindings <= 1;
  });
  return complete && bindings === 1;
}

/** `catch (r) {}` whose body never names `r`: a binding no use can see (minified code's `catch(e){}`). */
function unusedCatchParameter({ node, ancestors }: NameUse, name: string): boolean {
  const clause = ancestors[ancestors.length - 1];
  if (clause?.type !== 'CatchClause' || clause.param !== node) return false;
  for (const n of descendants(clause.body as Node)) if (n.type === 'Identifier' && n.name === name) return false;
  return true;
}

function isBinding({ node, ancestors }: NameUse): boolean {
  const parent = ancestors[ancestors.length - 1];
  if (!parent) return false;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return parent.id === node || parent.params.includes(node);
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.id === node;
    case 'CatchClause':
      return parent.param === node;
    case 'ArrayPattern':
    case 'RestElement':
      return true;
    case 'AssignmentPattern':
      return parent.left === node;
    case 'Property':
      return ancestors[ancestors.length - 2]?.type === 'ObjectPattern' && parent.value === node;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return true;
    default:
      return false;
  }
}

/** Whether anything under `root` binds `name` again (or a `with` could): a loop's body hiding its variable. */
export function bindsWithin(root: Node, name: string): boolean {
  const path: Node[] = [];
  const stack: Node[] = [root];
  const exits: boolean[] = [false];
  while (stack.length) {
    const node = stack.pop()!;
    if (exits.pop()) {
      path.pop();
      continue;
    }
    if (node.type === 'WithStatement') return true;
    if (node.type === 'Identifier' && node.name === name && isBinding({ node, ancestors: path, fn: MODULE })) return true;
    path.push(node);
    stack.push(node);
    exits.push(true);
    for (let n = pushChildren(node, stack); n > 0; n--) exits.push(false);
  }
  return false;
}

/** Nodes a scan of one class body looks at, at most: a class is small beside a bundle. */
const CLASS_SCAN = 200_000;

/**
 * Calls `visit` for each `this.field` inside class `cls` (its methods, field initialisers and
 * nested functions), with the nodes above it, until it returns false. Returns false if stopped
 * or if the class is too large to scan (no answer), true once every use was seen.
 */
export function everyThisField(cls: Node, field: string, visit: (use: { node: Node & { type: 'MemberExpression' }; ancestors: readonly Node[] }) => boolean): boolean {
  const path: Node[] = [];
  const stack: Node[] = [cls];
  const exits: boolean[] = [false];
  let visited = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (exits.pop()) {
      path.pop();
      continue;
    }
    if (++visited > CLASS_SCAN) return false;
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === field && !visit({ node, ancestors: path })) return false;
    path.push(node);
    stack.push(node);
    exits.push(true);
    for (let n = pushChildren(node, stack); n > 0; n--) exits.push(false);
  }
  return true;
}

/**
 * Whether only class `cls` itself gives its instances' `key` field values: no write of `.key`
 * outside the class's own text (`i.cmd = …` on an instance) and no class that extends it (a
 * subclass's constructor may set it). Asked of a field whose values the class's own writes are
 * taken for (a command, a fetch); cached per class and key.
 */
export function keepsOwnField(index: ModuleIndex, cls: Node & { id?: { name: string } | null }, key: string): boolean {
  return askedOfClass(cls, `written\0${key}`, () => findKeepsOwnField(index, cls, key));
}

/**
 * Whether the `key` field of class `cls`'s instances is seen only as `this.key` inside the class:
 * no `.key` read or written outside the class's text (an instance's `v.config`), no class that
 * extends it, and `this` never taken apart or handed on whole (`const { config } = this`,
 * `helper(this)`). Cached per class and key.
 */
export function fieldStaysInClass(index: ModuleIndex, cls: Node & { id?: { name: string } | null }, key: string): boolean {
  return askedOfClass(cls, `seen\0${key}`, () => findFieldStaysInClass(index, cls, key));
}

/**
 * An answer about class `cls`, found once per question (`question` names it and its arguments):
 * such answers scan the whole text or the class's body.
 */
export function askedOfClass<T>(cls: Node, question: string, find: () => T): T {
  let answers = classAnswers.get(cls);
  if (!answers) classAnswers.set(cls, (answers = new Map()));
  if (answers.has(question)) return answers.get(question) as T;
  const found = find();
  answers.set(question, found);
  return found;
}

const classAnswers = new WeakMap<Node, Map<string, unknown>>();

/** Whether another class of the text extends the class named `name`. */
function extendedIn(text: string, name: string): boolean {
  return new RegExp(`\\bextends\\s+${name.replace(/[$]/g, '\\$')}\\b`).test(text);
}

function findFieldStaysInClass(index: ModuleIndex, cls: Node & { id?: { name: string } | null }, key: string): boolean {
  const name = className(index, cls);
  if (!name) return false;
  const text = index.text;
  if (extendedIn(text, name)) return false;
  const body = text.slice(cls.start, cls.end);
  if (/=\s*this\b(?!\s*\.)|[(,]\s*this\s*[,)]/.test(body)) return false;
  // Another class's own `this.config` is its instances' field, not this class's (a subclass is ruled out above).
  const use = new RegExp(`(?<!\\bthis)\\.${key.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  for (let m = use.exec(text); m; m = use.exec(text)) if (m.index < cls.start || m.index >= cls.end) return false;
  return true;
}

function findKeepsOwnField(index: ModuleIndex, cls: Node & { id?: { name: string } | null }, key: string): boolean {
  const name = className(index, cls);
  if (!name) return false;
  const text = index.text;
  const k = key.replace(/[$]/g, '\\$');
  if (extendedIn(text, name)) return false;
  const write = new RegExp(`(?<!\\bthis)\\.${k}\\s*(?:[-+*/%&|^]|\\?\\?|\\|\\||&&)?=(?!=)`, 'g');
  for (let m = write.exec(text); m; m = write.exec(text)) if (m.index < cls.start || m.index >= cls.end) return false;
  return true;
}

/** A class's name: its own, or the name a class expression is bound to (`var Uploader = class { … }`, as esbuild writes classes). */
function className(index: ModuleIndex, cls: Node & { id?: { name: string } | null }): string | undefined {
  return cls.id?.name ?? /(?:^|[\s;,{(])(?:var|let|const)?\s*([\w$]+)\s*=\s*$/.exec(index.text.slice(Math.max(0, cls.start - 80), cls.start))?.[1];
}
