// Code that reads every string through a javascript-obfuscator string array hides more than
// strings: `Intl[g(0xb3)]()[g(0xb8)]()[g(0xa6)]` is a time zone read, `o[g(0xb0)](tz)` an
// `includes`. No rule can see those. When the array and its rotation are resolved, each
// constant read is replaced by the string it returns, the result is scanned, and findings are
// mapped back to the original text (text/edits.ts). Nothing is run: the reads are computed
// from the array, the offset and the decoding the accessor is recognised to apply.
import type { Node } from '../ast';
import { walk } from '../walker';
import { ModuleIndex } from '../moduleIndex';
import { applyEdits, type Edit, type EditedText } from '../../text/edits';
import { accessorResolver, constantRead, entryAt, findStringArrays, type StringArray } from './stringArray';

/** Obfuscated code shifts its array at start-up: `a['push'](a['shift']())` or `a.push(a.shift())`. */
const ROTATION = /(?:\[\s*(['"])push\1\s*\]|\.push)\s*\(\s*[\w$]+\s*(?:\[\s*(['"])shift\2\s*\]|\.shift)\s*\(\s*\)\s*\)/;

export interface Deobfuscated extends EditedText {
  /** Reads replaced by their string. */
  reads: number;
}

/** Whether the text may hold a rotated string array, before anything is parsed. */
export function mayHoldStringArray(text: string): boolean {
  return ROTATION.test(text);
}

/**
 * The text with every constant read of a resolved string array replaced by its string as a
 * literal, or undefined when there is no such array (or no read to replace).
 */
export function deobfuscateStringArrays(text: string, ast: Node): Deobfuscated | undefined {
  const edits = stringArrayEdits(text, ast);
  return edits && { ...applyEdits(text, edits), reads: edits.length };
}

/**
 * The edits deobfuscateStringArrays applies: each constant read replaced by its string as a
 * literal. Apart, so that a caller can let the tree go before the text is rewritten.
 */
export function stringArrayEdits(text: string, ast: Node): Edit[] | undefined {
  const index = new ModuleIndex(text);
  walk(ast, { enter: (node, path) => index.enter(node, path), exit: node => index.exit(node) });
  const arrays = findStringArrays(index).filter(a => a.rotation !== undefined);
  if (arrays.length === 0) return undefined;
  const arrayOf = accessorResolver(index, arrays);
  const edits: Edit[] = [];
  // A bundle reads the same entries again and again (953,018 reads in Qodo's 35 MB bundle):
  // each entry is decoded once, and its literal text is one string shared by its edits.
  const literals = new Map<StringArray, Map<string, string | null>>();
  const literalAt = (array: StringArray, at: number, key: string | undefined): string | undefined => {
    let byRead = literals.get(array);
    if (!byRead) literals.set(array, (byRead = new Map()));
    const id = key === undefined ? `${at}` : `${at}:${key}`;
    let literal = byRead.get(id);
    if (literal === undefined) {
      const value = entryAt(array, at, key);
      byRead.set(id, (literal = value === undefined ? null : JSON.stringify(value)));
    }
    return literal ?? undefined;
  };
  for (let i = 0; i < index.calls.length; i++) {
    const call = index.calls[i];
    if (call.callee.type !== 'Identifier') continue;
    const read = constantRead(call);
    if (!read) continue;
    const array = arrayOf(call.callee.name, index.callFns[i]);
    // The start-up loop keeps its reads: the scan of the restored text replays it again.
    if (array?.rotationCall && array.rotationCall.start <= call.start && call.end <= array.rotationCall.end) continue;
    const literal = array && literalAt(array, read.at, read.key);
    if (literal !== undefined) edits.push({ start: call.start, end: call.end, text: literal });
  }
  return edits.length ? edits : undefined;
}

