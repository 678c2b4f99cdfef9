// What a call site's branch says about an argument's properties: `format === "jsonc" ? writeJsonc(cfg,
// client) : …` with `format = client.install.format` passes only clients whose `install.format` is
// "jsonc". A value followed out to that call's callers (a table of clients) keeps the guard, and
// an entry written with another format is not what reaches the call (flow.ts). Only tests of a
// property against a literal, on the branches that contain the call: `?:`, `if`, `&&`/`||`, and a
// `switch` case that nothing falls into.
import { childrenOf, firstFrom, isFunction, propertyKeyName, propertyName, staticString, unwrapChain, type Node } from './ast';
import type { ModuleIndex } from './moduleIndex';

/** The property at `path` of the value followed is (`equals`), or is not, `value`; or, with `notList`, is no list. */
export interface Guard {
  path: readonly string[];
  equals: boolean;
  value: string | number | boolean | null;
  notList?: true;
}

/** Ancestors of a call looked at, at most: the branches around a call sit close to it. */
const MAX_ANCESTORS = 64;
/** Properties of a guard's subject, at most (`client.install.format` is two). */
const MAX_GUARD_PATH = 3;

/**
 * The guards the branches around `site` (a use of the name `arg`, in function `fn`) put on that
 * name's value, relative to it.
 */
export function guardsAt(site: Node, arg: Node, fn: number, index: ModuleIndex): Guard[] {
  if (arg.type !== 'Identifier') return [];
  const root = fn < 0 ? index.program : index.functions[fn]?.node;
  if (!root) return [];
  // Most functions test nothing: no branch to read.
  const text = index.text;
  const at = text.indexOf('==', root.start);
  const sw = text.indexOf('case', root.start);
  if ((at < 0 || at > site.start) && (sw < 0 || sw > site.start)) return [];
  const path = ancestorsOf(root, site);
  if (!path) return [];
  const out: Guard[] = [];
  const subject = (test: Node) => subjectOf(test, arg.name, fn, index);
  for (let i = path.length - 1, child: Node = site; i >= 0 && path.length - i <= MAX_ANCESTORS; child = path[i], i--) {
    const parent = path[i];
    if (isFunction(parent)) break;
    switch (parent.type) {
      case 'BlockStatement':
      case 'Program':
        // `if (c.format !== "yaml") return;` before the use: past it, the test is false.
        for (const s of parent.body as Node[]) {
          if (s === child) break;
          if (s.type === 'IfStatement' && !s.alternate && exitsAlways(s.consequent as Node)) out.push(...testGuards(s.test as Node, false, subject));
        }
        break;
      case 'ConditionalExpression':
      case 'IfStatement':
        if (child === parent.consequent) out.push(...testGuards(parent.test as Node, true, subject));
        else if (child === parent.alternate) out.push(...testGuards(parent.test as Node, false, subject));
        break;
      case 'LogicalExpression':
        if (child === parent.right && parent.operator !== '??') out.push(...testGuards(parent.left as Node, parent.operator === '&&', subject));
        break;
      case 'SwitchCase': {
        const sw = path[i - 1];
        if (sw?.type !== 'SwitchStatement' || !parent.test) break;
        const at = sw.cases.indexOf(parent);
        const before = sw.cases[at - 1];
        // A case the one before falls into is reached with that case's value too.
        if (at > 0 && !endsAbruptly(before.consequent as Node[])) break;
        const value = literalValue(parent.test as Node);
        const about = subject(sw.discriminant as Node);
        if (value !== undefined && about) out.push({ path: about, equals: true, value });
        break;
      }
    }
  }
  return out;
}

/** The guards a test being `truth` puts on the subject (`a.b === "x"`, `!(…)`, `… && …`). */
function testGuards(test: Node, truth: boolean, subject: (n: Node) => readonly string[] | undefined): Guard[] {
  const t = unwrapChain(test);
  if (t.type === 'UnaryExpression' && t.operator === '!') return testGuards(t.argument as Node, !truth, subject);
  if (t.type === 'LogicalExpression') {
    // Both sides hold when an `&&` is true, or an `||` false.
    if ((t.operator === '&&' && truth) || (t.operator === '||' && !truth)) return [...testGuards(t.left as Node, truth, subject), ...testGuards(t.right, truth, subject)];
    return [];
  }
  if (t.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(t.operator)) return [];
  const negated = t.operator === '!==' || t.operator === '!=';
  for (const [side, other] of [
    [t.left as Node, t.right],
    [t.right, t.left as Node],
  ] as const) {
    const value = literalValue(other);
    const about = value !== undefined ? subject(side) : undefined;
    // Loose equality with null also holds for undefined: no guard to read from it.
    if (about && !(value === null && (t.operator === '==' || t.operator === '!='))) return [{ path: about, equals: truth !== negated, value: value as Guard['value'] }];
  }
  return [];
}

/**
 * The properties of the argument a test's side reads: `client.install.format`, or a name bound
 * once to that (`const n = client.install.format`).
 */
function subjectOf(side: Node, arg: string, fn: number, index: ModuleIndex, depth = 0): readonly string[] | undefined {
  const chain = memberChain(unwrapChain(side));
  if (!chain) return undefined;
  const [root, ...keys] = chain;
  if (root === arg) return keys.length && keys.length <= MAX_GUARD_PATH ? keys : undefined;
  if (depth > 0) return undefined;
  const bound = index.binding(root, fn);
  if (!bound || bound.mutated || bound.appended || bound.history || bound.values.length !== 1) return undefined;
  const inner = subjectOf(bound.values[0].node, arg, fn, index, depth + 1);
  return inner && inner.length + keys.length <= MAX_GUARD_PATH ? [...inner, ...keys] : undefined;
}

/** `a.b.c` (or `a["b"]`) as ["a", "b", "c"]; undefined for any other shape. */
function memberChain(node: Node): string[] | undefined {
  const keys: string[] = [];
  let n = node;
  while (n.type === 'MemberExpression') {
    const key = propertyName(n);
    if (key === undefined) return undefined;
    keys.unshift(key);
    n = unwrapChain(n.object as Node);
  }
  return n.type === 'Identifier' ? [n.name, ...keys] : undefined;
}

function literalValue(node: Node): Guard['value'] | undefined {
  const n = unwrapChain(node);
  const s = staticString(n);
  if (s !== undefined) return s;
  if (n.type === 'Literal' && !('regex' in n && n.regex) && (typeof n.value === 'number' || typeof n.value === 'boolean' || n.value === null)) return n.value;
  return undefined;
}

/** A statement that leaves the function whenever it runs (`return;`, `throw e`, a block ending so). */
function exitsAlways(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type !== 'BlockStatement') return false;
  const last = statement.body[statement.body.length - 1] as Node | undefined;
  return !!last && exitsAlways(last);
}

/** Whether a case's statements end in `break`, `return`, `throw` or `continue` (nothing falls through). */
function endsAbruptly(statements: readonly Node[]): boolean {
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (last.type === 'BlockStatement') return endsAbruptly(last.body as Node[]);
  return last.type === 'BreakStatement' || last.type === 'ReturnStatement' || last.type === 'ThrowStatement' || last.type === 'ContinueStatement';
}

/** The nodes from `root` down to `target`'s parent, found by position; undefined if `target` is not under `root`. */
/**
 * What the branches around a use of a name say of it being a list: `Array.isArray(x) ? x[0] : x`
 * (the first x is a list, the second is not), the `else` of `if (Array.isArray(x))`, the code after
 * `if (Array.isArray(x)) return …`. A list written for the name is not what it holds where it is none.
 */
export function listAt(use: Node & { type: 'Identifier' }, fn: number, index: ModuleIndex): 'list' | 'notList' | undefined {
  const root = fn < 0 ? index.program : index.functions[fn]?.node;
  if (!root || !index.text.slice(root.start, use.start).includes('isArray')) return undefined;
  const path = ancestorsOf(root, use);
  if (!path) return undefined;
  for (let i = path.length - 1, child: Node = use; i >= 0 && path.length - i <= MAX_ANCESTORS; child = path[i], i--) {
    const parent = path[i];
    if (isFunction(parent)) return undefined;
    // `if (Array.isArray(x)) return x[0];` before the use: past it, x is no list.
    if (parent.type === 'BlockStatement' || parent.type === 'Program') {
      for (const st of parent.body as Node[]) {
        if (st === child) break;
        const truth = st.type === 'IfStatement' && !st.alternate && exitsAlways(st.consequent as Node) ? isArrayTest(st.test as Node, use.name) : undefined;
        if (truth !== undefined) return truth ? 'notList' : 'list';
      }
      continue;
    }
    if (parent.type !== 'ConditionalExpression' && parent.type !== 'IfStatement') continue;
    const truth = isArrayTest(parent.test as Node, use.name);
    if (truth === undefined || (child !== parent.consequent && child !== parent.alternate)) continue;
    return (child === parent.consequent) === truth ? 'list' : 'notList';
  }
  return undefined;
}

/** `Array.isArray(name)`: true; `!Array.isArray(name)`: false; any other test: undefined. */
function isArrayTest(test: Node, name: string): boolean | undefined {
  const t = unwrapChain(test);
  if (t.type === 'UnaryExpression' && t.operator === '!') {
    const inner = isArrayTest(t.argument as Node, name);
    return inner === undefined ? undefined : !inner;
  }
  if (t.type !== 'CallExpression' || t.arguments.length !== 1) return undefined;
  const callee = unwrapChain(t.callee as Node);
  const arg = unwrapChain(t.arguments[0] as Node);
  const isArray = callee.type === 'MemberExpression' && propertyName(callee) === 'isArray' && callee.object.type === 'Identifier' && callee.object.name === 'Array';
  return isArray && arg.type === 'Identifier' && arg.name === name ? true : undefined;
}

function ancestorsOf(root: Node, target: Node): Node[] | undefined {
  const path: Node[] = [];
  const children: Node[] = [];
  let node = root;
  while (node !== target) {
    path.push(node);
    let list: readonly Node[];
    // A bundle's statements are searched where they are, not copied out at every step.
    if (node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock' || node.type === 'ClassBody') list = node.body as Node[];
    else {
      children.length = 0;
      childrenOf(node, children);
      list = children;
    }
    const next = childContaining(list, target);
    if (!next) return undefined;
    node = next;
  }
  return path;
}

function childContaining(children: readonly Node[], target: Node): Node | undefined {
  const contains = (c: Node) => c.start <= target.start && target.end <= c.end;
  if (children.length > 32) {
    // Long lists (a bundle's statements, an array's elements) are in source order: the last child starting at or before the target.
    const last = firstFrom(children.length, i => children[i].start, target.start + 1) - 1;
    if (last >= 0 && contains(children[last])) return children[last];
  }
  return children.find(contains);
}

/**
 * Whether an object literal contradicts a guard: the property the guard reads is written there
 * as a literal of another value. (A property not written may still be set later: no answer.)
 */
export function contradicts(object: Node, guard: Guard): boolean {
  let value: Node = object;
  for (const key of guard.path) {
    const o = unwrapChain(value);
    if (o.type !== 'ObjectExpression') return false;
    let found: Node | undefined;
    for (const p of o.properties) {
      // A spread or a computed key may set it too.
      if (p.type === 'SpreadElement' || p.computed) return false;
      if (p.kind === 'init' && propertyKeyName(p) === key) found = p.value as Node;
    }
    if (!found) return false;
    value = found;
  }
  if (guard.notList) return unwrapChain(value).type === 'ArrayExpression';
  const literal = literalValue(value);
  if (literal === undefined) return false;
  return guard.equals ? literal !== guard.value : literal === guard.value;
}
