// The names under which a module exports one of its functions, for the modules that import it:
// ESM (`export function run`, `export { run as ut }`, Bun's and esbuild's chunks ending in
// `export{…}`, `export default run`) and CommonJS (`exports.run = run`, `module.exports = { run }`).
import { memberPath, propertyKeyName, type Node } from './ast';
import { MODULE, type ModuleIndex } from './moduleIndex';

const EXPORTS = new WeakMap<ModuleIndex, Map<string, string[]>>();

/** The names module-level `name` is exported as ([] when it is not). */
function exportsOfName(index: ModuleIndex, name: string): readonly string[] {
  let table = EXPORTS.get(index);
  if (!table) EXPORTS.set(index, (table = exportTable(index)));
  return table.get(name) ?? [];
}

function exportTable(index: ModuleIndex): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const add = (local: string, exported: string) => {
    const list = table.get(local);
    if (list) list.push(exported);
    else table.set(local, [exported]);
  };
  for (const statement of (index.program?.body ?? []) as Node[]) {
    if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      const declared = statement.declaration as Node | null;
      if (declared?.type === 'FunctionDeclaration' && declared.id) add(declared.id.name, declared.id.name);
      if (declared?.type === 'VariableDeclaration') for (const d of declared.declarations) if (d.id.type === 'Identifier') add(d.id.name, d.id.name);
      for (const s of statement.specifiers) {
        if (s.local.type !== 'Identifier') continue;
        add(s.local.name, s.exported.type === 'Identifier' ? s.exported.name : String(s.exported.value));
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declared = statement.declaration as Node;
      if (declared.type === 'Identifier') add(declared.name, 'default');
      else if (declared.type === 'FunctionDeclaration' && declared.id) add(declared.id.name, 'default');
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' && statement.expression.operator === '=') {
      const { left, right } = statement.expression as { left: Node; right: Node };
      const target = left.type === 'MemberExpression' ? memberPath(left) : undefined;
      // `exports.run = run`, `module.exports.run = run`.
      const key = target && /^(?:module\.)?exports\.([\w$]+)$/.exec(target)?.[1];
      if (key && right.type === 'Identifier') add(right.name, key);
      // `module.exports = { run, ut: run }`.
      if (target === 'module.exports' && right.type === 'ObjectExpression') {
        for (const p of right.properties as Node[]) {
          if (p.type !== 'Property' || p.computed || p.value.type !== 'Identifier') continue;
          const exported = propertyKeyName(p);
          if (exported !== undefined) add(p.value.name, exported);
        }
      }
    }
  }
  return table;
}

/**
 * The names other modules import function `fn` by: it must be bound at module level, by a
 * declaration or `name = function/arrow` (the name written just before it).
 */
export function exportNamesOf(index: ModuleIndex, fn: number): readonly string[] {
  const record = index.functions[fn];
  if (!record || record.parent !== MODULE) return [];
  const node = record.node;
  let name: string | undefined;
  if (node.type === 'FunctionDeclaration' && node.id) name = node.id.name;
  else name = /([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?$/.exec(index.text.slice(Math.max(0, node.start - 80), node.start))?.[1];
  if (name === undefined || index.binding(name, MODULE)?.scope !== MODULE) return [];
  // The name must stand for this function: given no other value anywhere.
  const values = index.moduleValues.get(name) ?? [];
  if (values.some(v => v.node !== node)) return [];
  return exportsOfName(index, name);
}
