// A bounded constant evaluator over the AST: it interprets pure expressions and small pure
// helper functions called with constant arguments, the way a reader would decode a hidden
// string by hand. It never runs scanned code (no eval, no vm, no Function, no require):
// it walks the scanned AST with its own interpreter, with hard step and size budgets, and
// gives UNKNOWN for anything it does not model.
import type * as acorn from 'acorn';
import { calledMethod, calleeOf, memoThunk, propertyName, unwrapChain, type CallLike, type FunctionNode, type Node } from '../ast';
import { MODULE, singleValue, type ModuleIndex } from '../moduleIndex';
import { callBuiltin, callMethod, checkString, globalBuiltin, iterate, safeRegExp, staticMember, TooBig, type Host } from './builtins';
import { Env, UNKNOWN, isObjectValue, type Closure, type Value } from './values';


export interface Budget {
  /** Nodes evaluated for one decoding site. */
  steps: number;
  /** Nested function calls. */
  depth: number;
}

/** Per decoding site. The 147-host list of the 2026 case decodes in about 30,000 steps. */
export const DEFAULT_BUDGET: Budget = { steps: 500_000, depth: 12 };

/** The step or depth budget ran out: the helper may be hostile, its other call sites are skipped. */
class OutOfBudget extends Error {}
/** Code the interpreter does not model (labels, patterns, a loop test it cannot know): give up on this site only. */
class Unsupported extends Error {}
class Thrown extends Error {}

type Completion = { type: 'normal' } | { type: 'return'; value: Value } | { type: 'break' } | { type: 'continue' };
const NORMAL: Completion = { type: 'normal' };

/** Functions above this size are not helpers but program logic: not interpreted. */
const MAX_HELPER_SIZE = 4000;

export interface Evaluation {
  value: Value;
  /** The step or depth budget ran out. */
  exhausted: boolean;
  /** Decoding steps in the order first seen, e.g. ["base64", "xor 0x5b", "split \",\""]. */
  recipe: string[];
  steps: number;
}

/**
 * Evaluates `node` as seen from function `fn` of the module. Module-level names assigned
 * once resolve to their value wherever they are declared.
 */
export function evaluate(node: Node, fn: number, index: ModuleIndex, budget: Budget = DEFAULT_BUDGET): Evaluation {
  const run = new Interpreter(index, budget);
  let value: Value;
  let exhausted = false;
  try {
    value = run.expr(node, new Env(), fn);
  } catch (e) {
    if (!(e instanceof OutOfBudget || e instanceof Unsupported || e instanceof TooBig || e instanceof Thrown || e instanceof RangeError)) throw e;
    value = UNKNOWN;
    exhausted = e instanceof RangeError || (e instanceof OutOfBudget && e.message === 'steps');
    // Running out of stack costs far more than the steps counted on the way down (40,000
    // chained calls: ~1 ms a site): charged as the whole site budget, so the module's step
    // budget, not the clock, ends a file made of such sites.
    if (e instanceof RangeError) return { value, exhausted, recipe: run.recipe, steps: Math.max(run.steps, budget.steps) };
  }
  return { value, exhausted, recipe: run.recipe, steps: run.steps };
}

class Interpreter implements Host {
  readonly recipe: string[] = [];
  steps = 0;
  private depth = 0;
  private readonly resolving = new Set<string>();
  /** Values of bindings outside the interpreted code, by `name@scope`. */
  private readonly cache = new Map<string, Value>();

  constructor(
    private readonly index: ModuleIndex,
    private readonly budget: Budget,
  ) {}

  note(step: string): void {
    // After base64/hex/xor, turning bytes into characters is not a step of its own.
    if (step === 'fromCharCode' && this.recipe.some(r => r === 'base64' || r === 'hex' || r.startsWith('xor'))) return;
    // Reading a key's characters is part of the XOR, not a step of the recipe.
    if (step.startsWith('xor')) {
      const at = this.recipe.indexOf('charCodeAt');
      if (at >= 0) this.recipe.splice(at, 1);
      if (this.recipe.some(r => r.startsWith('xor'))) return;
    }
    if (!this.recipe.includes(step)) this.recipe.push(step);
  }

  call(fn: Value, args: Value[]): Value {
    if (isObjectValue(fn) && fn.kind === 'closure') return this.callClosure(fn, args);
    if (isObjectValue(fn) && fn.kind === 'builtin') return callBuiltin(fn.name, args, this);
    return UNKNOWN;
  }

  private tick(): void {
    if (++this.steps > this.budget.steps) throw new OutOfBudget('steps');
  }

  expr(node: Node, env: Env, fn: number): Value {
    this.tick();
    switch (node.type) {
      case 'Literal':
        if (node.regex) return safeRegExp(node.regex.pattern, node.regex.flags) ?? UNKNOWN;
        return typeof node.value === 'bigint' ? UNKNOWN : (node.value as Value);
      case 'TemplateLiteral': {
        let out = node.quasis[0].value.cooked ?? '';
        for (let i = 0; i < node.expressions.length; i++) {
          const v = this.expr(node.expressions[i], env, fn);
          if (!isPrimitive(v)) return UNKNOWN;
          out = checkString(out + String(v) + (node.quasis[i + 1].value.cooked ?? ''));
        }
        return out;
      }
      case 'Identifier':
        return this.identifier(node.name, env, fn);
      case 'ArrayExpression': {
        const out: Value[] = [];
        for (const e of node.elements) {
          if (!e) return UNKNOWN;
          if (e.type === 'SpreadElement') {
            const items = iterate(this.expr(e.argument, env, fn));
            if (!items) return UNKNOWN;
            out.push(...items);
          } else out.push(this.expr(e, env, fn));
        }
        return out;
      }
      case 'UnaryExpression':
        return this.unary(node, env, fn);
      case 'BinaryExpression':
        return this.binary(node, env, fn);
      case 'LogicalExpression': {
        const left = this.expr(node.left, env, fn);
        if (left === UNKNOWN) return UNKNOWN;
        if (node.operator === '&&') return left ? this.expr(node.right, env, fn) : left;
        if (node.operator === '||') return left ? left : this.expr(node.right, env, fn);
        return left ?? this.expr(node.right, env, fn);
      }
      case 'ConditionalExpression': {
        const test = this.expr(node.test, env, fn);
        if (test === UNKNOWN) return UNKNOWN;
        return this.expr(test ? node.consequent : node.alternate, env, fn);
      }
      case 'SequenceExpression': {
        let v: Value = undefined;
        for (const e of node.expressions) v = this.expr(e, env, fn);
        return v;
      }
      case 'AssignmentExpression':
        return this.assign(node, env, fn);
      case 'UpdateExpression': {
        if (node.argument.type !== 'Identifier') return UNKNOWN;
        const old = this.identifier(node.argument.name, env, fn);
        if (typeof old !== 'number') return UNKNOWN;
        const next = node.operator === '++' ? old + 1 : old - 1;
        if (!env.assign(node.argument.name, next)) return UNKNOWN;
        return node.prefix ? next : old;
      }
      case 'MemberExpression':
        return this.member(node, env, fn);
      case 'ChainExpression':
        return this.expr(node.expression, env, fn);
      case 'ParenthesizedExpression':
        return this.expr(node.expression, env, fn);
      case 'CallExpression':
        return this.callExpression(node, env, fn, false);
      case 'NewExpression':
        return this.callExpression(node, env, fn, true);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.closure(node, env);
      default:
        return UNKNOWN;
    }
  }

  private closure(node: FunctionNode, env: Env): Closure {
    return { kind: 'closure', node, env, fn: this.index.functionOf(node) ?? MODULE };
  }

  private identifier(name: string, env: Env, fn: number): Value {
    if (env.has(name)) return env.get(name);
    if (name === 'undefined') return undefined;
    if (name === 'NaN') return NaN;
    if (name === 'Infinity') return Infinity;
    // A name the interpreted code does not bind: a local of the scanned function around the
    // site, or a module-level (or wrapper-level) binding assigned once.
    const bound = this.index.binding(name, fn);
    if (!bound) return globalBuiltin(name) ?? UNKNOWN;
    const key = `${name}@${bound.scope}`;
    const cached = this.cache.get(key);
    if (cached !== undefined || this.cache.has(key)) return cached;
    const single = bound.mutated ? undefined : bound.moduleLike ? singleValue(bound.values) : bound.values[0];
    if (!single || this.resolving.has(key)) return UNKNOWN;
    if (!bound.moduleLike && !isConstantShape(single.node)) return UNKNOWN;
    this.resolving.add(key);
    let v: Value;
    try {
      v = single.node.type === 'FunctionDeclaration' ? this.closure(single.node, new Env()) : this.expr(single.node, new Env(), single.fn);
    } finally {
      this.resolving.delete(key);
    }
    this.cache.set(key, v);
    return v;
  }

  private unary(node: acorn.UnaryExpression, env: Env, fn: number): Value {
    if (node.operator === 'void') return undefined;
    if (node.operator === 'typeof') return UNKNOWN;
    const v = this.expr(node.argument, env, fn);
    if (v === UNKNOWN) return UNKNOWN;
    switch (node.operator) {
      case '!':
        return !v;
      case '-':
        return typeof v === 'number' ? -v : UNKNOWN;
      case '+':
        return typeof v === 'number' || typeof v === 'string' ? +v : UNKNOWN;
      case '~':
        return typeof v === 'number' ? ~v : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private binary(node: Pick<acorn.BinaryExpression, 'operator' | 'left' | 'right'>, env: Env, fn: number, leftValue?: Value, rightValue?: Value): Value {
    const l = leftValue !== undefined ? leftValue : this.expr(node.left as Node, env, fn);
    if (l === UNKNOWN) return UNKNOWN;
    const r = rightValue !== undefined ? rightValue : this.expr(node.right, env, fn);
    if (r === UNKNOWN) return UNKNOWN;
    const op = node.operator as string;
    if (op === '+') {
      if (typeof l === 'string' || typeof r === 'string') return isPrimitive(l) && isPrimitive(r) ? checkString(String(l) + String(r)) : UNKNOWN;
      return typeof l === 'number' && typeof r === 'number' ? l + r : UNKNOWN;
    }
    if (op === '===' || op === '==') return l === r;
    if (op === '!==' || op === '!=') return l !== r;
    if (typeof l !== 'number' || typeof r !== 'number') {
      if ((op === '<' || op === '>' || op === '<=' || op === '>=') && typeof l === 'string' && typeof r === 'string') return compare(op, l, r);
      return UNKNOWN;
    }
    switch (op) {
      case '^':
        this.noteXor(node, l, r, fn, env);
        return l ^ r;
      case '-':
        return l - r;
      case '*':
        return l * r;
      case '/':
        return l / r;
      case '%':
        return l % r;
      case '&':
        return l & r;
      case '|':
        return l | r;
      case '<<':
        return l << r;
      case '>>':
        return l >> r;
      case '>>>':
        return l >>> r;
      case '<':
      case '>':
      case '<=':
      case '>=':
        return compare(op, l, r);
      default:
        return UNKNOWN;
    }
  }

  /** The key is the operand written as a constant (a literal or a name bound to one). */
  private noteXor(node: Pick<acorn.BinaryExpression, 'left' | 'right'>, l: number, r: number, fn: number, env: Env): void {
    const constant = (n: Node) => n.type === 'Literal' || (n.type === 'Identifier' && !!this.index.binding(n.name, fn)?.moduleLike);
    const key = constant(node.right) ? r : constant(node.left) ? l : undefined;
    if (key !== undefined) return this.note(`xor 0x${(key & 0xff).toString(16).padStart(2, '0')}`);
    // `k.charCodeAt(i % k.length)` with k a string: a repeating key, worth naming.
    const repeating = [node.right, node.left].map(n => repeatingKey(n as Node, env)).find(k => k !== undefined);
    this.note(repeating !== undefined ? `xor with the repeating key ${JSON.stringify(repeating.slice(0, 32))}` : 'xor (computed key)');
  }

  private assign(node: acorn.AssignmentExpression, env: Env, fn: number): Value {
    const op = node.operator as string;
    if (node.left.type === 'MemberExpression') {
      // Only arrays and byte arrays the interpreted code made itself: `b[i] ^= k.charCodeAt(i)`.
      const target = this.expr(node.left.object as Node, env, fn);
      const key = node.left.computed ? this.expr(node.left.property as Node, env, fn) : undefined;
      if (!(Array.isArray(target) || target instanceof Uint8Array) || typeof key !== 'number' || key < 0 || key >= 1_000_000 || !Number.isInteger(key)) return UNKNOWN;
      let value: Value = this.expr(node.right, env, fn);
      if (op !== '=') {
        const old = target[key];
        if (typeof old !== 'number' || typeof value !== 'number' || !COMPOUND.has(op)) return UNKNOWN;
        value = this.binary({ operator: op.slice(0, -1) as acorn.BinaryOperator, left: node.left, right: node.right }, env, fn, old, value);
      }
      if (target instanceof Uint8Array) {
        if (typeof value !== 'number') return UNKNOWN;
        target[key] = value;
        return target[key];
      }
      target[key] = value;
      return value;
    }
    if (node.left.type !== 'Identifier') return UNKNOWN;
    const name = node.left.name;
    let value: Value;
    if (op === '=') value = this.expr(node.right, env, fn);
    else if (op === '??=' || op === '||=' || op === '&&=') {
      const old = this.identifier(name, env, fn);
      if (old === UNKNOWN) return UNKNOWN;
      const keep = op === '??=' ? old !== null && old !== undefined : op === '||=' ? !!old : !old;
      if (keep) return old;
      value = this.expr(node.right, env, fn);
    } else {
      value = this.binary({ operator: op.slice(0, -1) as acorn.BinaryOperator, left: node.left, right: node.right }, env, fn);
    }
    if (!env.assign(name, value)) return UNKNOWN; // never writes module or outer scanned state
    return value;
  }

  private member(node: acorn.MemberExpression, env: Env, fn: number): Value {
    const objectNode = unwrapChain(node.object);
    if (objectNode.type === 'Identifier' && !env.has(objectNode.name) && !this.index.binding(objectNode.name, fn)) {
      const name = propertyName(node);
      if (name !== undefined) {
        const builtin = staticMember(objectNode.name, name);
        if (builtin) return builtin;
      }
    }
    const object = this.expr(node.object, env, fn);
    if (object === UNKNOWN || object === null || object === undefined) return UNKNOWN;
    const key = node.computed ? this.expr(node.property as Node, env, fn) : propertyName(node);
    if (key === UNKNOWN) return UNKNOWN;
    if (key === 'length' && (typeof object === 'string' || Array.isArray(object) || object instanceof Uint8Array)) return object.length;
    if (typeof key === 'number') {
      if (typeof object === 'string') return object[key];
      if (Array.isArray(object) || object instanceof Uint8Array) return object[key];
      return UNKNOWN;
    }
    if (typeof key === 'string' && (typeof object === 'string' || Array.isArray(object) || object instanceof Uint8Array || isObjectValue(object) || typeof object === 'number')) {
      return { kind: 'method', receiver: object, name: key };
    }
    return UNKNOWN;
  }

  private callExpression(node: CallLike, env: Env, fn: number, isNew: boolean): Value {
    const args = this.args(node.arguments, env, fn);
    const calleeNode = unwrapChain(node.callee);
    // A memoising wrapper we cannot interpret, called with a thunk: `X(() => decode(s))`
    // stands for the thunk (lodash.memoize, once(), esbuild's lazy init).
    const thunk = node.type === 'CallExpression' ? memoThunk(node) : undefined;
    const callee = this.expr(calleeNode, env, fn);
    if (args === undefined) return UNKNOWN;
    if (callee === UNKNOWN || !isObjectValue(callee)) {
      return thunk && !isNew ? this.closure(thunk, env) : UNKNOWN;
    }
    if (callee.kind === 'builtin') return callBuiltin(callee.name, args, this, isNew);
    if (callee.kind === 'method') {
      if (isObjectValue(callee.receiver) && callee.receiver.kind === 'builtin') return UNKNOWN;
      return callMethod(callee.receiver, callee.name, args, this);
    }
    if (callee.kind === 'closure') {
      if (callee.node.end - callee.node.start > MAX_HELPER_SIZE) return thunk ? this.closure(thunk, env) : UNKNOWN;
      const v = this.callClosure(callee, args);
      return v === UNKNOWN && thunk ? this.closure(thunk, env) : v;
    }
    return UNKNOWN;
  }

  private args(nodes: Array<acorn.Expression | acorn.SpreadElement>, env: Env, fn: number): Value[] | undefined {
    const out: Value[] = [];
    for (const a of nodes) {
      if (a.type === 'SpreadElement') {
        const items = iterate(this.expr(a.argument, env, fn));
        if (!items) return undefined;
        out.push(...items);
      } else out.push(this.expr(a, env, fn));
    }
    return out;
  }

  private callClosure(closure: Closure, args: Value[]): Value {
    if (++this.depth > this.budget.depth) {
      this.depth--;
      throw new OutOfBudget('depth');
    }
    try {
      const node = closure.node;
      const env = new Env(closure.env);
      node.params.forEach((p: Node, i: number) => {
        if (p.type === 'Identifier') env.declare(p.name, args[i]);
        else if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') {
          env.declare(p.left.name, args[i] === undefined ? this.expr(p.right, env, closure.fn) : args[i]);
        } else if (p.type === 'RestElement' && p.argument.type === 'Identifier') env.declare(p.argument.name, args.slice(i));
        else throw new Unsupported();
      });
      if (node.body.type !== 'BlockStatement') return this.expr(node.body, env, closure.fn);
      this.hoist(node.body.body, env);
      const done = this.block(node.body.body, env, closure.fn);
      return done.type === 'return' ? done.value : undefined;
    } finally {
      this.depth--;
    }
  }

  private hoist(statements: Node[], env: Env): void {
    for (const s of statements) {
      if (s.type === 'FunctionDeclaration' && s.id) env.declare(s.id.name, this.closure(s, env));
    }
  }

  private block(statements: Node[], env: Env, fn: number): Completion {
    for (const s of statements) {
      const c = this.statement(s, env, fn);
      if (c.type !== 'normal') return c;
    }
    return NORMAL;
  }

  private statement(node: Node, env: Env, fn: number): Completion {
    this.tick();
    switch (node.type) {
      case 'ExpressionStatement':
        this.expr(node.expression, env, fn);
        return NORMAL;
      case 'VariableDeclaration':
        for (const d of node.declarations) {
          if (d.id.type !== 'Identifier') throw new Unsupported();
          env.declare(d.id.name, d.init ? this.expr(d.init, env, fn) : undefined);
        }
        return NORMAL;
      case 'ReturnStatement':
        return { type: 'return', value: node.argument ? this.expr(node.argument, env, fn) : undefined };
      case 'IfStatement': {
        const test = this.expr(node.test, env, fn);
        if (test === UNKNOWN) throw new Unsupported();
        if (test) return this.statement(node.consequent, env, fn);
        return node.alternate ? this.statement(node.alternate, env, fn) : NORMAL;
      }
      case 'BlockStatement': {
        const inner = new Env(env);
        this.hoist(node.body, inner);
        return this.block(node.body, inner, fn);
      }
      case 'ForOfStatement':
        return this.forOf(node, env, fn);
      case 'ForStatement':
        return this.forLoop(node, env, fn);
      case 'WhileStatement':
        while (true) {
          const test = this.expr(node.test, env, fn);
          if (test === UNKNOWN) throw new Unsupported();
          if (!test) return NORMAL;
          const c = this.statement(node.body, env, fn);
          if (c.type === 'return') return c;
          if (c.type === 'break') return NORMAL;
        }
      case 'EmptyStatement':
      case 'FunctionDeclaration':
        return NORMAL;
      case 'BreakStatement':
        if (node.label) throw new Unsupported();
        return { type: 'break' };
      case 'ContinueStatement':
        if (node.label) throw new Unsupported();
        return { type: 'continue' };
      case 'TryStatement':
        return this.statement(node.block, env, fn);
      case 'ThrowStatement':
        throw new Thrown();
      default:
        throw new Unsupported();
    }
  }

  private forOf(node: acorn.ForOfStatement, env: Env, fn: number): Completion {
    const items = iterate(this.expr(node.right, env, fn));
    if (!items) throw new Unsupported();
    const left = node.left;
    const name = left.type === 'VariableDeclaration' ? left.declarations[0].id : left;
    if (name.type !== 'Identifier') throw new Unsupported();
    for (const item of items) {
      const inner = new Env(env);
      if (left.type === 'VariableDeclaration') inner.declare(name.name, item);
      else if (!inner.assign(name.name, item)) throw new Unsupported();
      const c = this.statement(node.body, inner, fn);
      if (c.type === 'return') return c;
      if (c.type === 'break') break;
    }
    return NORMAL;
  }

  private forLoop(node: acorn.ForStatement, env: Env, fn: number): Completion {
    const loopEnv = new Env(env);
    if (node.init) {
      if (node.init.type === 'VariableDeclaration') this.statement(node.init, loopEnv, fn);
      else this.expr(node.init, loopEnv, fn);
    }
    while (true) {
      if (node.test) {
        const test = this.expr(node.test, loopEnv, fn);
        if (test === UNKNOWN) throw new Unsupported();
        if (!test) return NORMAL;
      }
      const c = this.statement(node.body, new Env(loopEnv), fn);
      if (c.type === 'return') return c;
      if (c.type === 'break') return NORMAL;
      if (node.update) this.expr(node.update, loopEnv, fn);
    }
  }
}

/** The string `k` of a `k.charCodeAt(…)` the interpreter holds: a repeating XOR key. */
function repeatingKey(node: Node, env: Env): string | undefined {
  if (node.type !== 'CallExpression' || calledMethod(node) !== 'charCodeAt') return undefined;
  const callee = calleeOf(node);
  const owner = callee.type === 'MemberExpression' ? unwrapChain(callee.object as Node) : undefined;
  if (owner?.type !== 'Identifier' || !env.has(owner.name)) return undefined;
  const key = env.get(owner.name);
  return typeof key === 'string' && key.length >= 2 ? key : undefined;
}

/** Compound assignments the interpreter applies to array elements. */
const COMPOUND = new Set(['+=', '-=', '*=', '^=', '&=', '|=', '<<=', '>>=', '>>>=', '%=']);

function isPrimitive(v: Value): v is string | number | boolean | null | undefined {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function compare(op: string, l: number | string, r: number | string): boolean {
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    default:
      return l >= r;
  }
}

/** Local bindings are only trusted when their value cannot depend on the call. */
function isConstantShape(node: Node): boolean {
  switch (node.type) {
    case 'Literal':
    case 'TemplateLiteral':
    case 'ArrayExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'CallExpression':
      return calledMethod(node) !== undefined || node.callee.type === 'Identifier';
    case 'BinaryExpression':
      return true;
    default:
      return false;
  }
}
