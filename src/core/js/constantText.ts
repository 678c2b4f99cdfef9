// The text an expression always has when the file itself fixes it, judged strictly: string
// literals, templates and `+` of such, `String.raw` of such, names assigned exactly once to
// such, calls of one-line helpers (`s => "'use strict';" + s`) given such arguments, and a few
// string methods on such with such arguments (`"quire".replace(/^/, "re")`, protobuf's way of
// hiding `require` from bundlers).
// Arrays, objects, loops, mutated names and parameters are never constant here: unlike the
// decoder's evaluator (decode/evaluate.ts), which reads a name's first value and may miss
// later pushes, this answers only what no run of the program can change.
import { isFunction, propertyName, returnedExpression, unwrapChain, type Node } from './ast';
import { safeRegExp } from './decode/builtins';
import { settledValue, type ModuleIndex } from './moduleIndex';

const MAX_DEPTH = 6;
const MAX_LENGTH = 1_000_000;
/** A regex runs only on texts this short: a single quantifier can still cost the square of the length. */
const MAX_REGEX_INPUT = 1024;

export function constantText(node: Node, fn: number, index: ModuleIndex): string | undefined {
  try {
    return textOf(node, fn, index, undefined, 0);
  } catch (e) {
    // A text the engine cannot hold is not constant text we can show; any other error is a bug.
    if (e instanceof RangeError && !isStackOverflow(e)) return undefined;
    throw e;
  }
}

function isStackOverflow(e: RangeError): boolean {
  return /call stack/i.test(e.message);
}

function textOf(node: Node, fn: number, index: ModuleIndex, env: ReadonlyMap<string, string> | undefined, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  node = unwrapChain(node);
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? node.value : typeof node.value === 'number' ? String(node.value) : undefined;
    case 'TemplateLiteral':
      return joinTemplate(node.quasis.map(q => q.value.cooked ?? undefined), node.expressions as Node[], fn, index, env, depth);
    case 'TaggedTemplateExpression': {
      const tag = unwrapChain(node.tag);
      const isRaw = tag.type === 'MemberExpression' && !tag.computed && tag.object.type === 'Identifier' && tag.object.name === 'String' && tag.property.type === 'Identifier' && tag.property.name === 'raw' && !index.binding('String', fn);
      return isRaw ? joinTemplate(node.quasi.quasis.map(q => q.value.raw), node.quasi.expressions as Node[], fn, index, env, depth) : undefined;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return undefined;
      const left = textOf(node.left as Node, fn, index, env, depth + 1);
      const right = left === undefined ? undefined : textOf(node.right, fn, index, env, depth + 1);
      return left !== undefined && right !== undefined ? capped(left + right) : undefined;
    }
    case 'Identifier':
      return env?.has(node.name) ? env.get(node.name) : nameText(node.name, fn, index, depth);
    case 'CallExpression':
      return stringMethodText(node, fn, index, env, depth) ?? helperCallText(node, fn, index, env, depth) ?? functionSourceText(node, fn, index, env);
    default:
      return undefined;
  }
}

function joinTemplate(quasis: Array<string | undefined>, expressions: Node[], fn: number, index: ModuleIndex, env: ReadonlyMap<string, string> | undefined, depth: number): string | undefined {
  let out = quasis[0];
  if (out === undefined) return undefined;
  for (let i = 0; i < expressions.length; i++) {
    const part = textOf(expressions[i], fn, index, env, depth + 1);
    const next = quasis[i + 1];
    if (part === undefined || next === undefined) return undefined;
    out += part + next;
  }
  return capped(out);
}

/** A name assigned exactly once, to a constant text, and never changed. */
function nameText(name: string, fn: number, index: ModuleIndex, depth: number): string | undefined {
  const value = settledValue(index, name, fn);
  if (!value || value.node.type === 'Parameter' || value.node.type === 'PropertyOf' || value.node.type === 'ImportBinding') return undefined;
  return textOf(value.node, value.fn, index, undefined, depth + 1);
}

/**
 * `SortTemplate.toString()` of a function written in this file (source-map-js compiles its
 * sort from that text): its own source text, which no run can change unless the name or its
 * `toString` is reassigned.
 */
function functionSourceText(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex, env: ReadonlyMap<string, string> | undefined): string | undefined {
  const callee = unwrapChain(call.callee as Node);
  if (call.arguments.length || callee.type !== 'MemberExpression' || propertyName(callee) !== 'toString') return undefined;
  const object = unwrapChain(callee.object as Node);
  if (object.type !== 'Identifier' || env?.has(object.name)) return undefined;
  const value = settledValue(index, object.name, fn)?.node;
  if (!isFunction(value)) return undefined;
  const bound = index.binding(object.name, fn);
  if (!bound || index.memberAssignments(bound, 'toString').length) return undefined;
  return capped(index.sourceOf(value));
}

/** `wrap(C)` where `wrap` is a same-module function whose whole body returns one expression. */
function helperCallText(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex, env: ReadonlyMap<string, string> | undefined, depth: number): string | undefined {
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
    const text = textOf(arg as Node, fn, index, env, depth + 1);
    if (text === undefined) return undefined;
    params.set(p.name, text);
  }
  return textOf(body, helperFn, index, params, depth + 1);
}

/** `"quire".replace(/^/, "re")`, `"X".toLowerCase()`, `s.slice(1)`: a string method with constant receiver and arguments. */
function stringMethodText(call: Node & { type: 'CallExpression' }, fn: number, index: ModuleIndex, env: ReadonlyMap<string, string> | undefined, depth: number): string | undefined {
  const callee = unwrapChain(call.callee as Node);
  const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  if (callee.type !== 'MemberExpression' || method === undefined || !STRING_METHODS.has(method) || call.arguments.some(a => a.type === 'SpreadElement')) return undefined;
  const args = call.arguments as Node[];
  const text = (n: Node) => textOf(n, fn, index, env, depth + 1);
  const receiver = text(callee.object as Node);
  if (receiver === undefined) return undefined;
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
