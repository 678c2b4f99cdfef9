// Strict JSON (RFC 8259) parsed into a tree that keeps every key's and value's offsets, so
// that a policy error or a broken clause can be shown at its line and column. JSON.parse
// gives neither positions nor duplicate keys (it keeps the last one silently).
//
// Strict on purpose: the policy is a `.json` file, VS Code's JSON mode rejects comments and
// trailing commas in it, and CI tools (jq, JSON.parse) read it too; all must agree.

export type JsonNode = JsonObject | JsonArray | JsonScalar;

interface Spanned {
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
}

export interface JsonProperty {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonObject extends Spanned {
  type: 'object';
  properties: JsonProperty[];
}

export interface JsonArray extends Spanned {
  type: 'array';
  items: JsonNode[];
}

export type JsonScalar =
  | (Spanned & { type: 'string'; value: string })
  | (Spanned & { type: 'number'; value: number })
  | (Spanned & { type: 'boolean'; value: boolean })
  | (Spanned & { type: 'null'; value: null });

export interface JsonSyntaxError {
  message: string;
  start: number;
  end: number;
}

export type JsonParse = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError };

/** Deeper nesting than any policy needs; a hostile file must not exhaust the stack. */
const MAX_DEPTH = 64;

class Fail extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number = start + 1,
  ) {
    super(message);
  }
}

export function parseJsonTree(text: string): JsonParse {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  try {
    skipSpace();
    if (pos >= text.length) throw new Fail('the file is empty: a policy is a JSON object, e.g. {}', 0, 0);
    const root = value(0);
    skipSpace();
    if (pos < text.length) throw new Fail(`unexpected ${describe(pos)} after the end of the JSON value`, pos);
    return { ok: true, root };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { message: e.message, start: e.start, end: Math.min(Math.max(e.end, e.start), text.length) } };
    throw e;
  }

  function value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new Fail(`nested deeper than ${MAX_DEPTH} levels`, pos);
    const c = text[pos];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') {
      const start = pos;
      const s = string();
      return { type: 'string', value: s, start, end: pos };
    }
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        const start = pos;
        pos += word.length;
        return v === null ? { type: 'null', value: null, start, end: pos } : { type: 'boolean', value: v, start, end: pos };
      }
    }
    if (pos >= text.length) throw new Fail('unexpected end of file: a value is missing', pos, pos);
    if (c === "'") throw new Fail('strings take double quotes in JSON', pos);
    throw new Fail(`unexpected ${describe(pos)}: expected a value (object, array, string, number, true, false or null)`, pos);
  }

  function object(depth: number): JsonObject {
    const start = pos++;
    const properties: JsonProperty[] = [];
    const seen = new Map<string, number>();
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return { type: 'object', properties, start, end: pos };
    }
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') {
        if (text[pos] === '}' && properties.length) throw new Fail('trailing comma before "}" is not allowed in JSON', lastComma(pos));
        throw new Fail(pos >= text.length ? 'unexpected end of file: the object is not closed with "}"' : `expected a key in double quotes, found ${describe(pos)}`, pos);
      }
      const keyStart = pos;
      const key = string();
      const keyEnd = pos;
      if (seen.has(key)) throw new Fail(`duplicate key "${key}" (JSON readers would silently keep only the last one)`, keyStart, keyEnd);
      seen.set(key, keyStart);
      skipSpace();
      if (text[pos] !== ':') throw new Fail(`expected ":" after the key "${key}", found ${describe(pos)}`, pos);
      pos++;
      skipSpace();
      const v = value(depth + 1);
      properties.push({ key, keyStart, keyEnd, value: v });
      if (closes('}', 'a property', 'object')) return { type: 'object', properties, start, end: pos };
    }
  }

  function array(depth: number): JsonArray {
    const start = pos++;
    const items: JsonNode[] = [];
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return { type: 'array', items, start, end: pos };
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']' && items.length) throw new Fail('trailing comma before "]" is not allowed in JSON', lastComma(pos));
      items.push(value(depth + 1));
      if (closes(']', 'an item', 'array')) return { type: 'array', items, start, end: pos };
    }
  }

  /** After a member: true when the closing bracket follows (consumed), false after a comma. */
  function closes(close: '}' | ']', member: string, container: string): boolean {
    skipSpace();
    if (text[pos] === ',' || text[pos] === close) return text[pos++] === close;
    throw new Fail(
      pos >= text.length ? `unexpected end of file: the ${container} is not closed with "${close}"` : `expected "," or "${close}" after ${member}, found ${describe(pos)}`,
      pos,
    );
  }

  function string(): string {
    const start = pos++;
    let out = '';
    let chunk = pos;
    for (;;) {
      if (pos >= text.length) throw new Fail('unterminated string', start, pos);
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        out += text.slice(chunk, pos);
        pos++;
        return out;
      }
      if (code < 0x20) throw new Fail(code === 10 || code === 13 ? 'unterminated string (a line break inside a string must be written \\n)' : 'control character in a string must be escaped', pos);
      if (code !== 0x5c) {
        pos++;
        continue;
      }
      out += text.slice(chunk, pos);
      const esc = text[pos + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (esc !== undefined && esc in simple) {
        out += simple[esc];
        pos += 2;
      } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        throw new Fail(`invalid escape "\\${esc ?? ''}" in a string`, pos, pos + 2);
      }
      chunk = pos;
    }
  }

  function number(): JsonNode {
    const start = pos;
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    m.lastIndex = pos;
    const found = m.exec(text);
    if (!found || found[0] === '-') throw new Fail('invalid number', start);
    pos += found[0].length;
    if (/[0-9A-Za-z_.]/.test(text[pos] ?? '')) throw new Fail('invalid number', start, pos + 1);
    return { type: 'number', value: Number(found[0]), start, end: pos };
  }

  function skipSpace(): void {
    for (;;) {
      const c = text[pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') pos++;
      else if (c === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) throw new Fail('comments are not allowed in JSON (a suppression has a "reason" field for notes)', pos, pos + 2);
      else return;
    }
  }

  function lastComma(before: number): number {
    const i = text.lastIndexOf(',', before);
    return i === -1 ? before : i;
  }

  function describe(at: number): string {
    if (at >= text.length) return 'end of file';
    const cp = text.codePointAt(at)!;
    // Only printable ASCII is quoted as is: the message reaches terminals and the editor.
    return cp >= 0x20 && cp < 0x7f ? `"${text[at]}"` : `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  }
}
