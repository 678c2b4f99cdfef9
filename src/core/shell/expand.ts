// What a shell word may stand for, spelled the way rules match paths and commands: `~` for the
// home directory, the values the script gives a variable, `*` for anything computed at run time
// (a command substitution, a variable the script never sets, arithmetic).
import type { ShellWord } from './commands';

/** Spellings of one word at most: a variable set in many branches is a few values, not a product of them. */
const MAX_SPELLINGS = 8;
const MAX_DEPTH = 4;
const HOME = new Set(['HOME', 'ZDOTDIR']);

/** Every spelling of `word` (at most MAX_SPELLINGS), given the script's variables. */
export function spellings(word: ShellWord | string, variables: ReadonlyMap<string, readonly ShellWord[]>): string[] {
  return spell(typeof word === 'string' ? word : word.text, variables, 0, new Set());
}

function spell(text: string, variables: ReadonlyMap<string, readonly ShellWord[]>, depth: number, active: Set<string>): string[] {
  let out = [''];
  let i = 0;
  const append = (parts: readonly string[]) => {
    const next: string[] = [];
    for (const a of out) for (const b of parts) if (next.length < MAX_SPELLINGS) next.push(a + b);
    out = [...new Set(next)];
  };
  if (text.startsWith('~') && (text.length === 1 || text[1] === '/')) {
    append(['~']);
    i = 1;
  }
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$' && ch !== '`') {
      let j = i;
      while (j < text.length && text[j] !== '$' && text[j] !== '`') j++;
      append([text.slice(i, j)]);
      i = j;
      continue;
    }
    const { name, fallback, end } = reference(text, i);
    i = end;
    if (!name) {
      append(['*']);
      continue;
    }
    if (HOME.has(name)) {
      append(['~']);
      continue;
    }
    const values = variables.get(name);
    if (values?.length && depth < MAX_DEPTH && !active.has(name)) {
      active.add(name);
      const spelled = values.flatMap(v => spell(v.text, variables, depth + 1, active)).filter(s => s !== '');
      active.delete(name);
      // `${X:-default}`: the script's value if it sets one, else the default (an environment override).
      append(spelled.length ? spelled : fallback !== undefined ? spell(fallback, variables, depth + 1, active) : ['*']);
      continue;
    }
    append(fallback !== undefined && depth < MAX_DEPTH ? spell(fallback, variables, depth + 1, active) : ['*']);
  }
  return out;
}

/**
 * The reference starting at `i` (a `$` or a backquote): the variable it reads, if it reads one
 * plainly (`$X`, `${X}`, `${X:-default}`, `${X-default}`, `${X:=default}`), and where it ends.
 */
function reference(text: string, i: number): { name?: string; fallback?: string; end: number } {
  if (text[i] === '`') {
    const close = text.indexOf('`', i + 1);
    return { end: close < 0 ? text.length : close + 1 };
  }
  const next = text[i + 1];
  if (next === '(') return { end: groupEnd(text, i + 1, '(', ')') };
  if (next === '{') {
    const end = groupEnd(text, i + 1, '{', '}');
    const inner = text.slice(i + 2, end - 1);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?$/s.exec(inner);
    if (!m) return { end };
    return { name: m[1], ...(m[2] !== undefined ? { fallback: m[3] } : {}), end };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
  if (m) return { name: m[0], end: i + 1 + m[0].length };
  // `$1`, `$@`, `$?`, `$$`: set by whoever runs the script.
  return { end: Math.min(text.length, i + 2) };
}

function groupEnd(text: string, i: number, open: string, shut: string): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === open) depth++;
    else if (text[j] === shut && --depth === 0) return j + 1;
  }
  return text.length;
}
