// One settings file as read: its text, tree and scope, and the one way to turn a key's offsets
// into a ConfigPlace (line and column computed by core/text, never here).
import type { ConfigFormat, ConfigPlace, ConfigScope } from '../model';
import { LineIndex } from '../text/lines';
import type { ConfigEntry, ConfigNode } from './tree';
import { redactSecrets } from './secrets';

export class ConfigDoc {
  private readonly lines: LineIndex;

  constructor(
    /** Absolute. */
    readonly path: string,
    /** Relative to the configuration target's root. */
    readonly file: string,
    readonly scope: ConfigScope,
    readonly format: ConfigFormat,
    readonly role: string,
    readonly text: string,
    readonly root: ConfigNode | undefined,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Where a key is: the key itself for an entry (what a reader looks for), else the value. */
  place(key: string, where: ConfigEntry | ConfigNode | { start: number; end: number }): ConfigPlace {
    const start = 'keyStart' in where ? where.keyStart : where.start;
    const end = 'keyStart' in where ? where.node.end : where.end;
    const a = this.lines.positionAt(start);
    const b = this.lines.positionAt(Math.max(start, end));
    return { file: this.file, key, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: Math.max(start, end) };
  }

  /** The line of a place, secrets redacted, cut to about 160 characters around it. */
  excerpt(place: ConfigPlace): string {
    const lineStart = this.lines.offsetAt(place.line, 1);
    let lineEnd = this.text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = this.text.length;
    const from = Math.max(lineStart, place.offset - 60);
    const line = this.text.slice(from, Math.min(lineEnd, from + 160)).replace(/\r$/, '');
    return redactSecrets(line);
  }
}
