// The names under which a module exports one of its functions, for the modules that import it:
// ESM (`export function run`, `export { run as ut }`, Bun's and esbuild's chunks ending in
// `export{…}`, `export default run`) and CommonJS (`exports.run = run`, `exports.run = function…`,
// `module.exports = { run }`), as the module's top level last leaves them.
import { memberPath, propertyKeyName, type Node } from './ast';
import { MODULE, type ModuleIndex } from './moduleIndex';

/** By exported name: the module-level name or the function written in place that it stands for. */
type ExportTable = Map<string, { local?: string; fn?: Node }>;

const EXPORTS = new WeakMap<ModuleIndex, ExportTable>();

function tableOf(index: ModuleIndex): ExportTable {
  let table = EXPORTS.get(index);
  if (!table) EXPORTS.set(index, (table = exportTable(index)));
  return table;
}

/**
 * What each exported name stands for once the top level has run: ESM names are fixed; a
 * CommonJS name is what its last assignment gives it, and `module.exports = {…}` replaces every
 * earlier one (`exports.run = run; module.exports = { run: safe }` exports `safe` as `run`).
 */
function exportTable(index: ModuleIndex): ExportTable {
  const esm: ExportTable = new Map();
  let cjs: ExportTable = new Map();
  const valueOf = (node: Node): { local?: string; fn?: Node } | undefined =>
    node.type === 'Identifier' ? { local: node.name } : node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' ? { fn: node } : undefined;
  for (const statement of (index.program?.body ?? []) as Node[]) {
    if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      const declared = statement.declaration as Node | null;
      if (declared?.type === 'FunctionDeclaration' && declared.id) esm.set(declared.id.name, { local: declared.id.name });
      if (declared?.type === 'VariableDeclaration') for (const d of declared.declarations) if (d.id.type === 'Identifier') esm.set(d.id.name, { local: d.id.name });
      for (const s of statement.specifiers) {
        if (s.local.type !== 'Identifier') continue;
        esm.set(s.exported.type === 'Identifier' ? s.exported.name : String(s.exported.value), { local: s.local.name });
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declared = statement.declaration as Node;
      if (declared.type === 'Identifier') esm.set('default', { local: declared.name });
      else if (declared.type === 'FunctionDeclaration' && declared.id) esm.set('default', { local: declared.id.name });
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=') {
      const { left, right } = statement.expression as { left: Node; right: Node };
      const target = left.type === 'MemberExpression' ? memberPath(left) : undefined;
      const key = target && /^(?:module\.)?exports\.([\w$]+)$/.exec(target)?.[1];
      if (key) {
        const value = valueOf(right);
        if (value) cjs.set(key, value);
        else cjs.delete(key);
      } else if (target === 'module.exports') {
        cjs = new Map();
        if (right.type !== 'ObjectExpression') continue;
        for (const p of right.properties as Node[]) {
          if (p.type !== 'Property' || p.computed) continue;
          const exported = propertyKeyName(p);
          const value = valueOf(p.value as Node);
          if (exported !== undefined && value) cjs.set(exported, value);
        }
      }
    }
  }
  return new Map([...cjs, ...esm]);
}

/**
 * The names other modules import function `fn` by: a function written at the top level, bound
 * to a module-level name (by a declaration or `name = function/arrow`, the name written just
 * before it and given no other value) that is exported, or written in place as an export's value.
 */
export function exportNamesOf(index: ModuleIndex, fn: number): readonly string[] {
  const record = index.functions[fn];
  if (!record || record.parent !== MODULE) return [];
  const node = record.node;
  const table = tableOf(index);
  const inPlace = [...table].filter(([, v]) => v.fn === node).map(([k]) => k);
  if (inPlace.length) return inPlace;
  let name: string | undefined;
  if (node.type === 'FunctionDeclaration' && node.id) name = node.id.name;
  // `run = (…) => …`, not `tools.run = …` (a property, not the name).
  else name = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?$/.exec(index.text.slice(Math.max(0, node.start - 80), node.start))?.[1];
  if (name === undefined || index.binding(name, MODULE)?.scope !== MODULE) return [];
  // The name must stand for this function: given no other value anywhere.
  const values = index.moduleValues.get(name) ?? [];
  if (values.some(v => v.node !== node)) return [];
  return [...table].filter(([, v]) => v.local === name).map(([k]) => k);
}

/**
 * Each exported name and the function it stands for (as exportNamesOf reads them): a function
 * written in place, or a module-level name given that one function and no other value.
 */
export function exportedFunctions(index: ModuleIndex): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, v] of tableOf(index)) {
    let node = v.fn;
    if (!node && v.local !== undefined && index.binding(v.local, MODULE)?.scope === MODULE) {
      const values = index.moduleValues.get(v.local) ?? [];
      if (values.length === 1) node = values[0].node;
    }
    const fn = node ? index.functionOf(node) : undefined;
    if (fn !== undefined && exportNamesOf(index, fn).includes(name)) out.set(name, fn);
  }
  return out;
}
