// Which module a value comes from, in the shapes shipped code leaves: `require("x")`,
// `createRequire(import.meta.url)("x")` (Bun and esbuild ESM bundles), `__toESM(require("x"))`,
// `import x from "x"`, `await import("x")`, destructuring and `.default`. Rules ask
// "is this callee `child_process.spawn`?" without caring how the bundler spelled it.
import { propertyName, staticString, unwrapChain, type AstNode } from './ast';
import type { RuleContext } from '../rules/types';
import { staticKey } from '../rules/util/values';

export interface ModuleRef {
  /** `fs`, `child_process`, `https`, `axios`... (`node:` and `/promises` folded away). */
  module: string;
  /** Members taken from it: `['promises', 'writeFile']`. */
  path: string[];
}

const BUILTINS = new Set([
  'child_process', 'fs', 'os', 'http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'vm', 'path', 'crypto', 'module',
  'worker_threads', 'process', 'url', 'zlib', 'stream', 'timers', 'util', 'readline', 'cluster', 'inspector',
]);

/** Unminified code often names the module after itself: `fs.writeFileSync` with `fs` unresolved. */
const SELF_NAMED = new Set(['fs', 'fsp', 'os', 'http', 'https', 'net', 'tls', 'dns', 'vm', 'path', 'child_process', 'childProcess']);
const SELF_NAMED_MODULE: Record<string, string> = { fsp: 'fs/promises', childProcess: 'child_process' };

/** `node:fs/promises` -> fs + ['promises']; packages stay whole (`@scope/name`). */
export function normaliseModule(specifier: string): ModuleRef {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const [head, ...rest] = name.split('/');
  if (BUILTINS.has(head)) return { module: head, path: rest };
  return { module: name, path: [] };
}

const MAX_DEPTH = 8;

/** Many rules ask about the callee being visited, one after another: the last answer is kept. */
export function moduleRef(node: AstNode | undefined, ctx: RuleContext): ModuleRef | undefined {
  if (!node) return undefined;
  const last = ctx.memo('modules:ref', () => ({ node: undefined as AstNode | undefined, ref: undefined as ModuleRef | undefined }));
  if (last.node !== node) {
    last.node = node;
    last.ref = resolveModule(node, ctx, 0);
  }
  return last.ref;
}

function resolveModule(node: AstNode | undefined, ctx: RuleContext, depth: number): ModuleRef | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  node = unwrapChain(node);
  switch (node.type) {
    case 'Identifier': {
      const bound = ctx.resolve(node);
      if (bound) return resolveModule(bound, ctx, depth + 1);
      return SELF_NAMED.has(node.name) ? normaliseModule(SELF_NAMED_MODULE[node.name] ?? node.name) : undefined;
    }
    case 'ImportBinding': {
      const ref = normaliseModule(node.source);
      return node.imported === 'default' || node.imported === '*' ? ref : { module: ref.module, path: [...ref.path, node.imported] };
    }
    case 'MemberExpression': {
      const base = resolveModule(node.object, ctx, depth + 1);
      const name = staticKey(node, ctx);
      if (!base || name === undefined) return undefined;
      if (name === 'default' && base.path.length === 0) return base;
      return { module: base.module, path: [...base.path, name] };
    }
    case 'CallExpression': {
      const required = requiredModule(node, ctx, depth);
      if (required !== undefined) return normaliseModule(required);
      // Interop wrappers: __toESM(require("x"), 1), __importStar(require("x")).
      const first = node.arguments[0];
      if (node.arguments.length <= 2 && first?.type === 'CallExpression' && node.callee.type === 'Identifier') {
        const inner = requiredModule(first, ctx, depth);
        if (inner !== undefined) return normaliseModule(inner);
      }
      return undefined;
    }
    case 'AwaitExpression':
      return node.argument.type === 'ImportExpression' ? importedModule(node.argument) : undefined;
    default:
      return undefined;
  }
}

function importedModule(node: AstNode): ModuleRef | undefined {
  const source = staticString(node.source);
  return source === undefined ? undefined : normaliseModule(source);
}

/** The module named by a require-like call: `require("x")`, `__require("x")`, `d6("x")` with `d6 = createRequire(...)`. */
export function requiredModule(call: AstNode, ctx: RuleContext, depth = 0): string | undefined {
  if (call.type !== 'CallExpression' || call.arguments.length !== 1) return undefined;
  const name = staticString(call.arguments[0]);
  if (name === undefined) return undefined;
  return isRequireFunction(call.callee, ctx, depth) ? name : undefined;
}

export function isRequireFunction(callee: AstNode, ctx: RuleContext, depth = 0): boolean {
  callee = unwrapChain(callee);
  if (callee.type === 'Identifier') {
    if (callee.name === 'require' || callee.name === '__require') return true;
    const bound = ctx.resolve(callee);
    return !!bound && depth < MAX_DEPTH && isCreateRequireCall(bound, ctx, depth + 1);
  }
  if (callee.type === 'MemberExpression' && propertyName(callee) === 'require') {
    const owner = unwrapChain(callee.object);
    return owner.type === 'Identifier' && owner.name === 'module';
  }
  return false;
}

function isCreateRequireCall(node: AstNode, ctx: RuleContext, depth: number): boolean {
  if (node.type !== 'CallExpression') return false;
  const ref = resolveModule(node.callee, ctx, depth);
  return ref?.module === 'module' && ref.path.join('.') === 'createRequire';
}

/** `module.a.b` as written, e.g. "child_process.spawn" or "fs.promises.writeFile". */
export function refName(ref: ModuleRef): string {
  return [ref.module, ...ref.path].join('.');
}

/** The module member a call invokes: `spawn(...)` imported from child_process gives child_process.spawn. */
export function calleeRef(call: AstNode, ctx: RuleContext): ModuleRef | undefined {
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return undefined;
  const ref = moduleRef(call.callee, ctx);
  return ref && ref.path.length > 0 ? ref : undefined;
}
