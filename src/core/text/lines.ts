// The only place that turns UTF-16 offsets into lines and columns. Parsing runs with
// `locations: false` (cheaper on 13 MB bundles), so positions are computed here, on demand,
// for findings only.
//
// Lines break where VS Code breaks them (\r\n, \r, \n), not where ECMAScript does
// (which adds U+2028/U+2029): the positions must land on the same spot in the editor.

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
}

export class LineIndex {
  private starts: Uint32Array | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    const found: number[] = [0];
    if (text.indexOf('\r') === -1) {
      // The common case, and much faster than looking at every character.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) found.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          found.push(i + 1);
        }
      }
    }
    this.starts = Uint32Array.from(found);
    return this.starts;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo] + 1 };
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  offsetAt(line: number, column: number): number {
    const starts = this.lineStarts();
    const start = starts[Math.max(0, Math.min(line, starts.length) - 1)];
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  /** The text of the 1-based line, without its terminator. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1] ?? this.text.length;
    let end = line < starts.length ? starts[line] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  /**
   * Up to `before` characters before `offset` and `after` after it, on the same line: an
   * excerpt that stays short on 13 MB single-line bundles.
   */
  excerptAt(offset: number, before = 60, after = 100): { text: string; cutStart: boolean; cutEnd: boolean } {
    const { line } = this.positionAt(offset);
    const starts = this.lineStarts();
    const lineStart = starts[line - 1];
    let lineEnd = line < starts.length ? starts[line] : this.text.length;
    while (lineEnd > lineStart && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    const from = Math.max(lineStart, offset - before);
    const to = Math.min(lineEnd, offset + after);
    return { text: this.text.slice(from, to), cutStart: from > lineStart, cutEnd: to < lineEnd };
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }
}
