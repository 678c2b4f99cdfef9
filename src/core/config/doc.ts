// One settings file as read: its text, tree and scope, and the one way to turn a key's offsets
// into a ConfigPlace (line and column computed by core/text, never here).
import type { ConfigFormat, ConfigPlace, ConfigScope } from '../model';
import { LineIndex } from '../text/lines';
import type { ConfigEntry, ConfigNode } from './tree';
import { redactSecrets } from './secrets';

export class ConfigDoc {
  private readonly lines: LineIndex;
  private readonly masks: Array<{ start: number; end: number; redacted: string }> = [];

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

  /** Marks a value that holds a secret: excerpts show `redacted` in its place. */
  maskSecret(start: number, end: number, redacted: string): void {
    this.masks.push({ start, end, redacted });
    this.masks.sort((a, b) => a.start - b.start);
  }

  /**
   * The line of a place, cut to about 160 characters around it. Secrets are replaced before the
   * cut, so a cut never leaves part of a key that the patterns would no longer recognise.
   */
  excerpt(place: ConfigPlace): string {
    const lineStart = this.lines.offsetAt(place.line, 1);
    let lineEnd = this.text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = this.text.length;
    let before = '';
    let after = '';
    let cursor = lineStart;
    const add = (from: number, to: number, replacement?: string) => {
      // Text before the place and from it on are kept apart so the place stays findable.
      if (replacement !== undefined) {
        if (from < place.offset) before += replacement;
        else after += replacement;
        return;
      }
      if (from < place.offset) before += redactSecrets(this.text.slice(from, Math.min(to, place.offset)));
      if (to > place.offset) after += redactSecrets(this.text.slice(Math.max(from, place.offset), to));
    };
    for (const m of this.masks) {
      if (m.end <= lineStart || m.start >= lineEnd) continue;
      if (m.start > cursor) add(cursor, m.start);
      add(Math.max(m.start, cursor), Math.min(m.end, lineEnd), `"${m.redacted}"`);
      cursor = Math.max(cursor, m.end);
    }
    if (cursor < lineEnd) add(cursor, lineEnd);
    const cutStart = before.length > 60;
    const cutEnd = after.length > 100;
    return `${cutStart ? '…' : ''}${before.slice(-60)}${after.slice(0, 100).replace(/\r$/, '')}${cutEnd ? '…' : ''}`;
  }
}
