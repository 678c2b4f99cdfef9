// Which groups of fixed strings occur in a text, found in one pass over it. The engine asks
// this of every file and module for every rule's triggers: one regular expression per rule
// read a 16 MB bundle 29 times (13 s of a 3-package audit's 273 s of CPU went there), an
// automaton (Aho-Corasick, made a table of transitions) reads it once and stops as soon as
// every group is seen.
//
// Matching is by UTF-16 code unit, as a regular expression without the `u` flag matches. A
// group that ignores case folds ASCII letters only, as the `i` flag does without `u` (no
// character outside ASCII folds to or from an ASCII one there).

/** Strings to look for, and whether ASCII case is ignored for them. */
export interface PatternGroup {
  patterns: readonly string[];
  ignoreCase?: boolean;
}

interface Pattern {
  group: number;
  text: string;
  /** Case counts: a match of the folded automaton is checked against the text as written. */
  exact: boolean;
}

const A = 65;
const Z = 90;
const fold = (code: number) => (code >= A && code <= Z ? code + 32 : code);

export class PatternSet {
  /** Code unit -> column of the transition table; 0 for units no pattern holds. */
  private readonly column = new Uint16Array(65536);
  private readonly width: number;
  /**
   * The transitions, by row (a state times the width) plus column: the next state's row, or,
   * when a pattern ends in that state, minus the row less one (one test per character).
   */
  private readonly next: Int32Array;
  /** Patterns ending at each state, suffixes included; undefined where none does. */
  private readonly ends: Array<number[] | undefined>;
  private readonly patterns: Pattern[] = [];
  /** Groups with no pattern: present in any text. */
  private readonly always: number[] = [];

  constructor(private readonly groups: readonly PatternGroup[]) {
    groups.forEach((g, group) => {
      const texts = [...new Set(g.patterns.filter(p => p.length > 0))];
      if (g.patterns.length === 0) this.always.push(group);
      for (const text of texts) this.patterns.push({ group, text, exact: !g.ignoreCase && /[A-Za-z]/.test(text) });
    });
    let columns = 1;
    for (const p of this.patterns) {
      for (let i = 0; i < p.text.length; i++) {
        const unit = fold(p.text.charCodeAt(i));
        if (this.column[unit] === 0) this.column[unit] = columns++;
      }
    }
    for (let c = A; c <= Z; c++) this.column[c] = this.column[c + 32];
    this.width = columns;

    // The trie, then its failure links breadth first, which turn it into a full table.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: Array<number[] | undefined> = [undefined];
    this.patterns.forEach((p, id) => {
      let state = 0;
      for (let i = 0; i < p.text.length; i++) {
        const col = this.column[fold(p.text.charCodeAt(i))];
        let to = children[state].get(col);
        if (to === undefined) {
          to = children.length;
          children.push(new Map());
          ends.push(undefined);
          children[state].set(col, to);
        }
        state = to;
      }
      (ends[state] ??= []).push(id);
    });
    const next = new Int32Array(children.length * columns);
    const failure = new Int32Array(children.length);
    const queue: number[] = [];
    for (const [col, to] of children[0]) {
      next[col] = to;
      queue.push(to);
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      const inherited = ends[failure[state]];
      if (inherited) ends[state] = [...(ends[state] ?? []), ...inherited];
      for (let col = 1; col < columns; col++) {
        const to = children[state].get(col);
        if (to === undefined) {
          next[state * columns + col] = next[failure[state] * columns + col];
        } else {
          failure[to] = next[failure[state] * columns + col];
          next[state * columns + col] = to;
          queue.push(to);
        }
      }
    }
    for (let i = 0; i < next.length; i++) next[i] = ends[next[i]] ? -next[i] * columns - 1 : next[i] * columns;
    this.ends = ends;
    this.next = next;
  }

  /** For each group, whether the text holds one of its patterns. */
  present(text: string): boolean[] {
    const found = this.groups.map(() => false);
    for (const g of this.always) found[g] = true;
    let missing = found.filter(f => !f).length;
    const { column, next, ends, patterns, width } = this;
    let row = 0;
    for (let i = 0; i < text.length && missing > 0; i++) {
      row = next[row + column[text.charCodeAt(i)]];
      if (row >= 0) continue;
      row = -row - 1;
      for (const id of ends[row / width]!) {
        const p = patterns[id];
        if (found[p.group]) continue;
        if (p.exact && !text.startsWith(p.text, i + 1 - p.text.length)) continue;
        found[p.group] = true;
        missing--;
      }
    }
    return found;
  }
}
