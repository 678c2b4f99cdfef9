// Checks a JSON tree against policy.schema.json, reporting every problem with the offsets of
// the key or value at fault. The schema file is the one source of truth: the editor reads it
// (contributes.jsonValidation) and so does this interpreter.
//
// It implements the keywords the policy schema uses and nothing more; a unit test fails if
// the schema ever uses one it does not know, so no constraint can be skipped silently.
// (Why not ajv: it compiles validators with `new Function`, which our own dynamic-code rule
// would rightly flag in our bundle, and its errors carry paths, not positions.)
import type { JsonNode } from './jsonTree';
import { didYouMean } from './didYouMean';

export type SchemaNode = { [keyword: string]: unknown };

export interface SchemaProblem {
  message: string;
  /** Where in the policy, e.g. `assistants.block[1]`; '' for the top level. */
  path: string;
  start: number;
  end: number;
}

/** Keywords that constrain values: each is enforced below. */
export const CHECKED_KEYWORDS = [
  'type',
  'properties',
  'additionalProperties',
  'required',
  'items',
  'enum',
  'pattern',
  'patternErrorMessage',
  'minLength',
  '$ref',
] as const;

/** Keywords that only annotate (editor hovers and completion). */
export const ANNOTATION_KEYWORDS = ['$schema', 'title', 'description', 'examples', 'definitions'] as const;

export function checkAgainstSchema(root: JsonNode, schema: SchemaNode): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const patterns = new Map<string, RegExp>();
  check(root, schema, '');
  return problems;

  function check(node: JsonNode, rawSchema: SchemaNode, path: string): void {
    const s = resolve(rawSchema);
    const problem = (message: string, start = node.start, end = node.end) => problems.push({ message, path, start, end });

    if (typeof s.type === 'string' && !hasType(node, s.type)) {
      problem(`expected ${article(s.type)}, found ${article(node.type)}`);
      return;
    }
    if (Array.isArray(s.enum) && !s.enum.some(v => node.type !== 'object' && node.type !== 'array' && node.value === v)) {
      problem(`expected one of ${s.enum.map(v => JSON.stringify(v)).join(', ')}, found ${shown(node)}`);
      return;
    }
    if (node.type === 'string') {
      if (typeof s.minLength === 'number' && [...node.value].length < s.minLength) {
        problem(s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters`);
        return;
      }
      if (typeof s.pattern === 'string' && !regex(s.pattern).test(node.value)) {
        problem(typeof s.patternErrorMessage === 'string' ? `${s.patternErrorMessage}, found ${shown(node)}` : `${shown(node)} does not match ${s.pattern}`);
      }
    } else if (node.type === 'array' && s.items && typeof s.items === 'object') {
      node.items.forEach((item, i) => check(item, s.items as SchemaNode, `${path}[${i}]`));
    } else if (node.type === 'object') {
      const props = (s.properties ?? {}) as Record<string, SchemaNode>;
      for (const p of node.properties) {
        const child = Object.prototype.hasOwnProperty.call(props, p.key) ? props[p.key] : undefined;
        if (child) check(p.value, child, join(path, p.key));
        else if (s.additionalProperties === false) {
          const allowed = Object.keys(props);
          problems.push({
            message: `unknown key "${p.key}"${didYouMean(p.key, allowed)}; allowed here: ${allowed.join(', ')}`,
            path: join(path, p.key),
            start: p.keyStart,
            end: p.keyEnd,
          });
        }
      }
      for (const key of Array.isArray(s.required) ? (s.required as string[]) : []) {
        if (node.properties.some(p => p.key === key)) continue;
        const about = typeof props[key]?.description === 'string' ? ` (${props[key].description})` : '';
        problem(`missing required key "${key}"${about}`, node.start, node.start + 1);
      }
    }
  }

  function resolve(s: SchemaNode): SchemaNode {
    if (typeof s.$ref !== 'string') return s;
    const m = /^#\/definitions\/([^/]+)$/.exec(s.$ref);
    const target = m ? (schema.definitions as Record<string, SchemaNode> | undefined)?.[m[1]] : undefined;
    if (!target) throw new Error(`policy schema: cannot resolve $ref ${s.$ref}`);
    return resolve(target);
  }

  function regex(source: string): RegExp {
    let r = patterns.get(source);
    if (!r) patterns.set(source, (r = new RegExp(source, 'u')));
    return r;
  }
}

function hasType(node: JsonNode, type: string): boolean {
  if (type === 'integer') return node.type === 'number' && Number.isInteger(node.value);
  return node.type === type;
}

function article(type: string): string {
  return type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function shown(node: JsonNode): string {
  if (node.type === 'object' || node.type === 'array') return article(node.type);
  const s = JSON.stringify(node.value);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** `a.b`, `a["odd key"]`: how a key path is shown in messages. */
export function join(path: string, key: string): string {
  const part = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return path === '' || part.startsWith('[') ? `${path}${part}` : `${path}.${part}`;
}
