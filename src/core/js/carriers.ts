// Functions that give back a parameter they are given, on a branch that builds nothing from it
// (a lookup that falls back to the name it is given: `n ?? e`), for the modules that import them:
// a runner that resolves its program through one (`spawn(resolve(e), args)`) still runs the
// program its callers give. Claude Code's runners resolve theirs through `aT` in another chunk.
import { calledMethod, type Node } from './ast';
import { IN_PLACE_METHODS } from './constantText';
import { exportedFunctions } from './exportNames';
import type { ValueFlow } from './flow';
import type { ModuleIndex } from './moduleIndex';

/** Helper calls followed from a function's returns to its own parameter (`outer(b)` returning `inner(b)`). */
const RETURN_DEPTH = 6;

/**
 * Text made from a value and others (`\`git-${name}\``, `a + b`, `[file, ...args].join(" ")`,
 * `path.resolve(cwd, bin)`): the value is a part of it, not all of it.
 */
export function buildsText(n: Node): boolean {
  if ((n.type === 'TemplateLiteral' && n.expressions.length) || n.type === 'BinaryExpression') return true;
  if (n.type !== 'CallExpression') return false;
  const method = calledMethod(n);
  return method === 'join' || method === 'concat' || (method === 'resolve' && n.arguments.length > 1);
}

/**
 * The parameter function `fn` gives back whole on some branch and nothing else of (every
 * branch that carries one carries the same), or undefined. Branches that build text from it
 * or return something else do not count against it: those are other values it may return.
 */
export function returnedParameter(fn: number, index: ModuleIndex, flow: ValueFlow): number | undefined {
  const record = index.functions[fn];
  // A generator's call gives a generator, not what it returns.
  if (!record || record.node.generator) return undefined;
  let found: number | undefined;
  for (const r of record.returns) {
    const reached = flow.origins<number | null>(
      r,
      fn,
      // Another function's parameter met inside a helper is that call's argument: followed on.
      (n, _, rest) => {
        if (n.type === 'Parameter') return index.functionOf(n.fn) === fn ? (rest.length === 0 && !n.rest ? n.index : null) : undefined;
        return buildsText(n) ? null : undefined;
      },
      RETURN_DEPTH,
    );
    for (const m of reached) {
      if (m.mark === null || m.mark === undefined) continue;
      if (found !== undefined && found !== m.mark) return undefined;
      found = m.mark;
    }
  }
  if (found === undefined) return undefined;
  // Given back only for some names (`if (name === "git") return name`), or after it is changed in
  // place (`cmd.unshift("sudo"); return cmd`): what runs is not the caller's value as given.
  const param = record.node.params[found];
  if (param?.type !== 'Identifier') return undefined;
  const text = index.text.slice(record.node.start, record.node.end);
  const name = param.name.replace(/\$/g, '\\$');
  const compared = new RegExp(`(?<![\\w$.])${name}\\s*[!=]==?|[!=]==?\\s*${name}(?![\\w$])`);
  const changed = new RegExp(`(?<![\\w$.])${name}(?:\\.(?:${[...IN_PLACE_METHODS].join('|')})\\(|\\[[^\\]]*\\]\\s*=[^=])`);
  return compared.test(text) || changed.test(text) ? undefined : found;
}

/** The module's exported functions that give back a parameter (returnedParameter): by exported name, its position. */
export function exportedCarriers(index: ModuleIndex, flow: ValueFlow): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, fn] of exportedFunctions(index)) {
    const at = returnedParameter(fn, index, flow);
    if (at !== undefined) out[name] = at;
  }
  return out;
}
