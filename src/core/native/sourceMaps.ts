// Where a module's source map is, so a later step can map findings back to original files.
import type { SourceMapInfo } from '../model';

const TAIL = 4096;
const COMMENT = /\/[/*][#@]\s*sourceMappingURL=([^\s*'"]+)\s*(?:\*\/\s*)?$/;

/** The `sourceMappingURL` comment at the end of the text, if any. `shipped` is decided by the caller. */
export function sourceMapReference(text: string): SourceMapInfo | undefined {
  const m = COMMENT.exec(text.slice(-TAIL));
  if (!m) return undefined;
  const url = m[1];
  if (/^data:/i.test(url)) return { kind: 'inline' };
  return { kind: 'reference', url, shipped: false };
}
