// Code built from strings at run time: eval, new Function / Function(...), the vm module,
// string timers. What runs cannot be read in the shipped file; when the string is known it
// is shown (`Function("return this")` is the usual globalThis polyfill, info). A local binding
// named `eval` or `Function` (a class, a function, a parameter) is not the global.
import { calleeOf, constantTruth, isFunction, memberPath, propertyKeyName, propertyName, staticString, unwrapChain, type Node } from '../js/ast';
import { argumentsOf, refName } from '../js/modules';
import type { Severity } from '../model';
import type { Rule, RuleContext } from './types';
import type { Fact } from './facts';
import { snippet } from './util/values';
import { constantTexts } from '../js/constantText';
import { builtFromFixedText, fixedWithJsonData } from '../js/fixedText';

const VM_CALLS = new Set(['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule']);
/** Constructors that compile code and run it only when asked (`.runInThisContext()`, `.evaluate()`). */
const VM_COMPILERS = new Set(['Script', 'SourceTextModule']);
/** Functions of the vm module that run the text they are given, as a promise handler would (the module's runInThisContext given to `.then`). */
const VM_RUNNERS = new Set(['runInThisContext', 'runInNewContext']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'window.setTimeout', 'window.setInterval']);
const GLOBAL_THIS_POLYFILL = /^\s*return\s+this\s*;?\s*$/;

/** A code site waiting for the end of the walk (see `pending`). */
interface Site {
  node: Node;
  what: string;
  code: readonly Node[];
  fn: number;
}

function stringArg(node: Node | undefined): boolean {
  if (!node) return false;
  node = unwrapChain(node);
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  return node.type === 'BinaryExpression' && node.operator === '+' && (stringArg(node.left as Node) || stringArg(node.right));
}

/** The global `name` (`eval`, `globalThis.Function`), not a local binding of that name. */
function isGlobal(node: Node, name: string, ctx: RuleContext, depth = 0): boolean {
  node = unwrapChain(node);
  if (node.type === 'Identifier') {
    if (!ctx.isBound(node)) return node.name === name;
    // `const F = Function; new F(...args, code)` (zod 4): a local name for the global.
    const value = depth < 2 ? ctx.resolve(node) : undefined;
    return !!value && value !== node && (value.type === 'Identifier' || value.type === 'MemberExpression') && isGlobal(value, name, ctx, depth + 1);
  }
  if (propertyName(node) !== name) return false;
  const path = memberPath(node);
  return path === `globalThis.${name}` || path === `window.${name}` || path === `global.${name}` || path === `self.${name}`;
}

/**
 * The global Function called through the methods that call any function: `Function.call(t,
 * ...params, body)`, `Function.apply(t, [...params, body])` (protobufjs's code generator),
 * `Reflect.construct(Function, list)`, `Reflect.apply(Function, t, list)`. The code is the last
 * argument Function gets: the list's last element when the list is written out, else the
 * list itself, whose values decide whether the code is fixed. `args` as written (spreads kept).
 */
function functionThroughReflection(callee: Node, args: readonly Node[], ctx: RuleContext): { what: string; code: Node[] } | undefined {
  if (callee.type !== 'MemberExpression') return undefined;
  const method = propertyName(callee);
  const object = unwrapChain(callee.object as Node);
  if (isGlobal(object, 'Function', ctx)) {
    if (method === 'call') return { what: 'Function.call', code: lastOf(args.slice(1)) };
    if (method === 'apply') return { what: 'Function.apply', code: listedCode(args[1]) };
    return undefined;
  }
  if (!isGlobal(object, 'Reflect', ctx) || !args[0] || !isGlobal(args[0], 'Function', ctx)) return undefined;
  if (method === 'construct') return { what: 'Reflect.construct(Function)', code: listedCode(args[1]) };
  if (method === 'apply') return { what: 'Reflect.apply(Function)', code: listedCode(args[2]) };
  return undefined;
}

/** The code in a list of Function's arguments: its last element written out, or the whole list. */
function listedCode(list: Node | undefined): Node[] {
  if (!list || list.type === 'SpreadElement') return list ? [list.argument as Node] : [];
  const l = unwrapChain(list);
  return l.type === 'ArrayExpression' ? lastOf(l.elements as Array<Node | null>, l) : [l];
}

/** The last of some arguments or elements; a spread one stands for `whole` (or its own list). */
function lastOf(items: ReadonlyArray<Node | null>, whole?: Node): Node[] {
  const last = items[items.length - 1];
  if (!last) return [];
  return last.type === 'SpreadElement' ? [whole ?? (last.argument as Node)] : [last];
}

/**
 * Browser-automation calls (Playwright, Puppeteer) that serialize their function argument and
 * run it in the page: code a function given to `page.evaluate(fn, code)` evaluates runs in the browser tab.
 */
const PAGE_METHODS = new Set(['evaluate', 'evaluateHandle', 'evaluateAll', '$eval', '$$eval', 'waitForFunction', 'addInitScript', 'evaluateOnNewDocument']);
/** Ancestors looked at for the function around a node: page functions are small. */
const MAX_PAGE_DEPTH = 64;

/** The method of the browser-automation call whose function argument the node being visited is in, if any. */
function pageMethodAround(ctx: RuleContext): string | undefined {
  for (let i = 1; i < MAX_PAGE_DEPTH; i++) {
    const a = ctx.parent(i);
    if (!a) return undefined;
    if (!isFunction(a)) continue;
    const call = ctx.parent(i + 1);
    if (call?.type !== 'CallExpression' || !call.arguments.includes(a as never)) continue;
    const callee = calleeOf(call);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    if (method && PAGE_METHODS.has(method)) return method;
  }
  return undefined;
}

/** The node being visited is a statement of its own (`new X(…);`): its value goes nowhere. */
function isDiscarded(ctx: RuleContext): boolean {
  let i = 1;
  let parent = ctx.parent(i);
  // `(new X(…))`, `void new X(…)`
  while (parent && (parent.type === 'ParenthesizedExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'void'))) parent = ctx.parent(++i);
  if (parent?.type === 'ExpressionStatement') return true;
  // `a(), new X(b), c()`: not the last of a sequence, or a sequence that is itself a statement.
  if (parent?.type === 'SequenceExpression') {
    const child = ctx.parent(i - 1);
    const last = parent.expressions[parent.expressions.length - 1];
    return last !== child || ctx.parent(i + 1)?.type === 'ExpressionStatement';
  }
  return false;
}

/**
 * `typeof fn == "function" ? fn : Function(fn)`: a timer polyfill (core-js's setImmediate)
 * running the string a caller gave instead of a function, as `setTimeout("code")` does. The
 * string is the caller's: what runs is decided where the timer is called.
 */
function givenInsteadOfFunction(call: Node, code: Node, ctx: RuleContext): boolean {
  const name = convertedName(unwrapChain(code));
  if (name === undefined) return false;
  // Up from the call through the assignment back to the name (`f = new Function …`) and
  // the statement around it, to the test that lets it run only when f is no function.
  let inner: Node = call;
  for (let i = 1; i <= 4; i++) {
    const a = ctx.parent(i);
    if (!a) return false;
    const guard = notFunctionGuard(a, inner, name);
    if (guard !== undefined) return guard && isParameterName(name, ctx);
    const through =
      a.type === 'ParenthesizedExpression' ||
      a.type === 'ExpressionStatement' ||
      (a.type === 'BlockStatement' && a.body.length === 1) ||
      (a.type === 'AssignmentExpression' && a.operator === '=' && a.right === inner && a.left.type === 'Identifier' && a.left.name === name);
    if (!through) return false;
    inner = a;
  }
  return false;
}

/** `f`, `"" + f`, `String(f)`, `` `${f}` ``: the name whose text is compiled, or undefined. */
function convertedName(code: Node): string | undefined {
  if (code.type === 'Identifier') return code.name;
  if (code.type === 'BinaryExpression' && code.operator === '+') {
    const [l, r] = [unwrapChain(code.left as Node), unwrapChain(code.right)];
    if (staticString(l) === '' && r.type === 'Identifier') return r.name;
    if (staticString(r) === '' && l.type === 'Identifier') return l.name;
  }
  if (code.type === 'TemplateLiteral' && code.expressions.length === 1 && code.quasis.every(q => q.value.cooked === '')) {
    const e = unwrapChain(code.expressions[0] as Node);
    return e.type === 'Identifier' ? e.name : undefined;
  }
  if (code.type === 'CallExpression' && code.callee.type === 'Identifier' && code.callee.name === 'String' && code.arguments.length === 1) {
    const e = unwrapChain(code.arguments[0] as Node);
    return e.type === 'Identifier' ? e.name : undefined;
  }
  return undefined;
}

/**
 * Whether `branch` of `node` runs only when `name` is no function (true), runs otherwise
 * (false), or `node` is no such test (undefined): `typeof f == "function" ? f : Function(f)`,
 * `if (typeof f !== "function") f = …`, `typeof f != "function" && (f = …)`.
 */
function notFunctionGuard(node: Node, branch: Node, name: string): boolean | undefined {
  let test: Node;
  let whenFunction: boolean;
  if (node.type === 'ConditionalExpression' || node.type === 'IfStatement') {
    if (branch === node.test) return undefined;
    test = node.test as Node;
    whenFunction = branch === node.consequent;
  } else if (node.type === 'LogicalExpression' && node.operator !== '??' && branch === node.right) {
    test = node.left as Node;
    whenFunction = node.operator === '&&';
  } else return undefined;
  const says = typeofFunctionTest(unwrapChain(test), name);
  if (says === undefined) return false;
  // The branch runs when the test is `whenFunction`; the test is true when f `says` is a function.
  return says !== whenFunction;
}

/** `typeof f == "function"` (true), `typeof f != "function"` (false), either way round; undefined for any other test. */
function typeofFunctionTest(test: Node, name: string): boolean | undefined {
  if (test.type !== 'BinaryExpression' || !['==', '===', '!=', '!=='].includes(test.operator)) return undefined;
  const [typed, kind] = test.left.type === 'UnaryExpression' ? [test.left, test.right] : [test.right, test.left];
  if (typed.type !== 'UnaryExpression' || typed.operator !== 'typeof' || staticString(kind as Node) !== 'function') return undefined;
  const of = unwrapChain(typed.argument);
  if (of.type !== 'Identifier' || of.name !== name) return undefined;
  return test.operator === '==' || test.operator === '===';
}

/** The value a caller gives the polyfill: a parameter of the function around it, not a fetched text. */
function isParameterName(name: string, ctx: RuleContext): boolean {
  const bound = ctx.analysis().index.binding(name, ctx.functionIndex());
  // `if (typeof f != "function") f = …`: the parameter given another value.
  return bound?.values[0]?.node.type === 'Parameter' || !!bound?.overwrittenParameter;
}

/** Fixed texts of one call analysed as code: a few alternatives, not a table. */
const MAX_RUN_TEXTS = 4;

/** An options object written with `eval: true` (`{ eval: true, workerData }`, minified `eval: !0`). */
function evalOption(node: Node | undefined): boolean {
  const options = node ? unwrapChain(node) : undefined;
  return options?.type === 'ObjectExpression' && options.properties.some(p => p.type === 'Property' && !p.computed && propertyKeyName(p) === 'eval' && constantTruth(p.value as Node) === true);
}

/** Ancestors looked at for a statement list around the node. */
const MAX_STATEMENT_DEPTH = 32;
const EXITS = new Set(['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement']);

/**
 * Whether the node being visited sits after a return, throw, break or continue of a statement
 * list around it, in its own function: code there never runs (bluebird's `toFastProperties`
 * ends with an eval of obj after `return obj;`, which only tells V8 how to optimise).
 */
function afterExit(ctx: RuleContext): boolean {
  for (let i = 1; i < MAX_STATEMENT_DEPTH; i++) {
    const a = ctx.parent(i);
    if (!a || isFunction(a)) return false;
    const child = ctx.parent(i - 1) ?? ctx.path[ctx.path.length - 1];
    const list = a.type === 'BlockStatement' || a.type === 'Program' || a.type === 'StaticBlock' ? a.body : a.type === 'SwitchCase' ? a.consequent : undefined;
    if (!list) continue;
    const at = (list as Node[]).indexOf(child);
    if (at > 0 && (list as Node[]).slice(0, at).some(s => EXITS.has(s.type))) return true;
  }
  return false;
}

/** What every finding of the rule records for the correlations: code evaluated, and the arguments that make it. */
function evalSink(what: string, code: readonly Node[]): Fact {
  return { kind: 'sink', sink: 'eval', detail: what, payload: [...code] };
}

export const dynamicCode: Rule = {
  meta: {
    id: 'dynamic-code',
    category: 'execution',
    severity: 'medium',
    title: 'Runs code built from strings',
    description: 'Direct and indirect eval, new Function / Function(...) (also through Function.call/apply and Reflect.construct/apply), the vm module (runInThisContext, runInNewContext, runInContext, Script, compileFunction), worker_threads Worker with eval: true, setTimeout/setInterval with a string, eval/Function/vm runners handed to a promise (.then(eval)); never a local binding of those names.',
    messages: {
      fixed: '{{what}} with fixed code',
      computed: '{{what}} with code computed at run time',
      generated: '{{what}} with code built only from text written in the file and numbers (such as a parameter list made by a loop)',
      jsonData: '{{what}} with fixed code into which data is inserted only as JSON literals (JSON.stringify)',
      timerString: '{{what}} compiles a string given where a function is expected (the string form of timers, in a polyfill)',
      compileOnly: '{{what}} compiles code and drops it without running it (a syntax check)',
      unreachable: '{{what}} written where it never runs (after a return): a hint to the engine, not code that runs',
      inPage: '{{what}} in a function sent to a browser page ({{method}}): it runs in that page, not in this process',
    },
  },
  triggers: ['eval', 'Function', 'runIn', 'compileFunction', 'Script', 'setTimeout', 'setInterval', 'Worker'],
  create(ctx) {
    const emit = (site: Site, known: ReadonlyArray<readonly string[] | undefined>) => {
      const { node, what, code, fn } = site;
      const open = known.some(k => k === undefined || k.length === 0);
      const made = open ? (generated(site, known, builtFromFixedText) ? 'generated' : generated(site, known, fixedWithJsonData) ? 'jsonData' : undefined) : undefined;
      if (made) {
        ctx.report({
          node,
          fn,
          messageId: made,
          data: { what },
          severity: 'low',
          evidence: [
            `call ${what}`,
            ...(code.length ? [`code ${snippet(ctx, code[code.length - 1], 120)}`] : []),
            made === 'generated' ? 'every part is text of the file or a number: no data from outside reaches the code' : 'data from outside goes in only as JSON.stringify output where the code expects a value: a literal, never code',
          ],
          facts: [evalSink(what, code)],
        });
        return;
      }
      // The code is the last argument; each may be one of a few fixed texts (a list's names).
      // No text at all is no answer, never fixed code.
      const bodies = known.every(k => k !== undefined && k.length > 0) ? known[known.length - 1] ?? [''] : undefined;
      const body = bodies?.[0];
      const severity: Severity = bodies !== undefined ? (bodies.every(b => GLOBAL_THIS_POLYFILL.test(b)) ? 'info' : 'low') : 'medium';
      const shown = code.length ? snippet(ctx, code[code.length - 1], 120) : undefined;
      const worked = body !== undefined && shown !== undefined && staticString(code[code.length - 1]) === undefined;
      const alternatives = bodies && bodies.length > 1 ? ` (one of ${bodies.length} fixed texts)` : '';
      ctx.report({
        node,
        fn,
        messageId: bodies !== undefined ? 'fixed' : 'computed',
        data: { what },
        severity,
        evidence: [`call ${what}`, ...(shown !== undefined ? [`code ${shown}`] : []), ...(worked ? [`evaluates to ${JSON.stringify(body.length > 120 ? `${body.slice(0, 120)}…` : body)}${alternatives}`] : [])],
        facts: [evalSink(what, code), ...(bodies ?? []).slice(0, MAX_RUN_TEXTS).map(text => ({ kind: 'code' as const, text, what }))],
      });
    };
    /** Code with too many values to list, whose every part is still fixed text or a number. */
    const generated = (site: Site, known: ReadonlyArray<readonly string[] | undefined>, fixed: typeof builtFromFixedText): boolean => {
      if (known.length === 0) return false;
      const { index, graph } = ctx.analysis();
      return site.code.every((a, i) => (known[i] !== undefined && known[i]!.length > 0) || fixed(a, site.fn, index, graph, site.node, codeArguments));
    };
    // Code that is not a literal may still be fixed when the file is built: a constant, a
    // template of constants, a helper adding "'use strict';". Known only once the whole file
    // is indexed, so those sites wait for the end of the walk.
    const pending: Site[] = [];
    /** The code every site is given: another eval reading a name as code keeps nothing of it. */
    const codeArguments = new Set<Node>();
    const compileOnly = (node: Node, what: string) => ctx.report({ node, messageId: 'compileOnly', data: { what }, severity: 'info', evidence: [`call ${what}`, 'result unused: the code is compiled, never run'] });
    const report = (node: Node, what: string, code: readonly Node[]) => {
      if (afterExit(ctx)) return ctx.report({ node, messageId: 'unreachable', data: { what }, severity: 'info', evidence: [`call ${what}`, 'after a return, throw, break or continue in the same block: never reached'] });
      if (code.length === 1 && givenInsteadOfFunction(node, code[0], ctx)) {
        return ctx.report({ node, messageId: 'timerString', data: { what }, severity: 'low', evidence: [`call ${what}`, `code ${snippet(ctx, code[0], 120)}`, 'only when the value is not a function'], facts: [evalSink(what, code)] });
      }
      const method = pageMethodAround(ctx);
      if (method) return ctx.report({ node, messageId: 'inPage', data: { what, method }, severity: 'info', evidence: [`call ${what}`, `inside the function given to .${method}(): serialized and run in the browser page`] });
      const site = { node, what, code, fn: ctx.functionIndex() };
      for (const c of code) codeArguments.add(c);
      const known = code.map(a => staticString(a));
      if (known.every(k => k !== undefined)) emit(site, known.map(k => [k]));
      else pending.push(site);
    };
    return {
      'Program:exit'() {
        const { index } = ctx.analysis();
        for (const site of pending) emit(site, site.code.map(a => constantTexts(a, site.fn, index, site.node)));
      },
      CallExpression(node) {
        // calleeOf sees through (0, eval)(code): indirect eval.
        const callee = calleeOf(node);
        const args = argumentsOf(node);
        if (isGlobal(callee, 'eval', ctx)) return report(node, 'eval', args.slice(0, 1));
        if (isGlobal(callee, 'Function', ctx)) return isDiscarded(ctx) ? compileOnly(node, 'Function(...)') : report(node, 'Function(...)', args);
        const indirect = functionThroughReflection(callee, node.arguments as Node[], ctx);
        if (indirect) return isDiscarded(ctx) ? compileOnly(node, indirect.what) : report(node, indirect.what, indirect.code);
        const path = stringArg(args[0]) ? memberPath(callee) : undefined;
        if (path && TIMERS.has(path) && (callee.type !== 'Identifier' || !ctx.isBound(callee))) return report(node, `${path} with a string`, args.slice(0, 1));
        const ref = ctx.moduleRef(callee);
        if (ref?.module === 'vm' && VM_CALLS.has(ref.path[ref.path.length - 1])) return report(node, refName(ref), args.slice(0, 1));
        // `load(url).then(eval)`: the evaluator itself handed to a promise, which calls it with
        // what the promise resolves to (the code is the promise, as `await` would give it).
        if (callee.type === 'MemberExpression' && propertyName(callee) === 'then' && node.arguments[0] && node.arguments[0].type !== 'SpreadElement') {
          const handler = unwrapChain(node.arguments[0] as Node);
          const code = [callee.object as Node];
          if (isGlobal(handler, 'eval', ctx)) return report(node, 'eval given to .then', code);
          if (isGlobal(handler, 'Function', ctx)) return report(node, 'Function(...) given to .then', code);
          const given = ctx.moduleRef(handler);
          if (given?.module === 'vm' && VM_RUNNERS.has(given.path[given.path.length - 1])) return report(node, `${refName(given)} given to .then`, code);
        }
      },
      NewExpression(node) {
        const args = argumentsOf(node);
        // A function made from code inside `try` and dropped (a syntax check) is never called.
        if (isGlobal(node.callee, 'Function', ctx)) return isDiscarded(ctx) ? compileOnly(node, 'new Function') : report(node, 'new Function', args);
        const ref = ctx.moduleRef(node.callee);
        // `new Worker(code, { eval: true })`: worker_threads runs the text as the worker's script.
        if (ref?.module === 'worker_threads' && ref.path[ref.path.length - 1] === 'Worker' && args[0] && evalOption(args[1])) return report(node, 'new worker_threads.Worker (eval: true)', args.slice(0, 1));
        const member = ref?.module === 'vm' ? ref.path[ref.path.length - 1] : undefined;
        if (!ref || member === undefined || !VM_CALLS.has(member)) return;
        // `try { new Script(code) } catch …` (the vm module's): compiled and thrown away, so nothing runs.
        if (VM_COMPILERS.has(member) && isDiscarded(ctx)) return compileOnly(node, `new ${refName(ref)}`);
        report(node, `new ${refName(ref)}`, args.slice(0, 1));
      },
    };
  },
};
