// Replacing spans of a text and mapping offsets of the result back to the original: findings
// in a rewritten text (string-array reads replaced by their strings) are reported where the
// code really is.

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface EditedText {
  text: string;
  /** The original offset of an offset in the edited text; inside a replacement, its start (or end, for an end). */
  toOriginal(offset: number, side: 'start' | 'end'): number;
  /** Whether the edited span [start, end) touches a replacement. */
  touchesEdit(start: number, end: number): boolean;
}

/** Applies non-overlapping edits (any order; overlapping ones after the first are dropped). */
export function applyEdits(text: string, edits: readonly Edit[]): EditedText {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  // For each kept edit: its span in the original and in the result.
  const from: number[] = [];
  const fromEnd: number[] = [];
  const to: number[] = [];
  const toEnd: number[] = [];
  let at = 0;
  let out = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) continue;
    parts.push(text.slice(at, e.start), e.text);
    out += e.start - at;
    from.push(e.start);
    fromEnd.push(e.end);
    to.push(out);
    out += e.text.length;
    toEnd.push(out);
    at = e.end;
  }
  parts.push(text.slice(at));

  /** Index of the last edit starting at or before `offset` in the result, -1 if none. */
  const lastBefore = (offset: number): number => {
    let lo = 0;
    let hi = to.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (to[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  return {
    text: parts.join(''),
    toOriginal(offset, side) {
      const i = lastBefore(side === 'end' ? offset - 1 : offset);
      if (i < 0) return offset;
      if (offset < toEnd[i] || (side === 'end' && offset === toEnd[i])) return side === 'start' ? from[i] : fromEnd[i];
      return offset - toEnd[i] + fromEnd[i];
    },
    touchesEdit(start, end) {
      const i = lastBefore(Math.max(start, end - 1));
      return i >= 0 && toEnd[i] > start;
    },
  };
}
