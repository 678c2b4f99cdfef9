// Writing a suppression into a policy file as a text edit: the rest of the file (order, indent,
// line endings) stays as the team wrote it, so the change reviews as a few added lines.
import type { Finding, TargetResult } from '../model';
import { parseJsonTree, type JsonNode } from './jsonTree';
import type { SuppressionEntry } from '../model/policy';

export function suppressionFor(target: Pick<TargetResult, 'id'>, finding: Finding, reason: string): SuppressionEntry {
  if (!finding.contentHash) throw new Error('this finding has no content hash, so a suppression could not tell when its code changes');
  if (!reason.trim()) throw new Error('a suppression needs a reason');
  return {
    rule: finding.ruleId,
    assistant: target.id,
    file: finding.file,
    ...(finding.entry ? { entry: finding.entry } : {}),
    hash: finding.contentHash,
    reason: reason.trim(),
  };
}

/**
 * The policy text with `entry` appended to `suppressions` (created if missing). An empty text
 * becomes a new policy. Throws when the text is not a JSON object or `suppressions` is not an
 * array: a broken file is the user's to mend, not ours to overwrite.
 */
export function addSuppression(text: string, entry: SuppressionEntry): { text: string; added: boolean } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text);
  const render = (depth: number) => JSON.stringify(entry, null, unit).split('\n').join(eol + unit.repeat(depth));
  if (!text.trim()) {
    return { text: `{${eol}${unit}"suppressions": [${eol}${unit.repeat(2)}${render(2)}${eol}${unit}]${eol}}${eol}`, added: true };
  }
  const parsed = parseJsonTree(text);
  if (!parsed.ok) throw new Error(`the policy file is not valid JSON (${parsed.error.message}); fix it first`);
  const root = parsed.root;
  if (root.type !== 'object') throw new Error('the policy file is not a JSON object');
  const list = root.properties.find(p => p.key === 'suppressions');

  if (!list) {
    const property = `"suppressions": [${eol}${unit.repeat(2)}${render(2)}${eol}${unit}]`;
    const last = root.properties[root.properties.length - 1];
    if (!last) return { text: splice(text, root.start + 1, root.end - 1, `${eol}${unit}${property}${eol}`), added: true };
    return { text: splice(text, last.value.end, last.value.end, `,${eol}${unit}${property}`), added: true };
  }
  if (list.value.type !== 'array') throw new Error('"suppressions" in the policy file is not a list');
  if (list.value.items.some(item => sameSuppression(item, entry))) return { text, added: false };
  const items = list.value.items;
  const itemIndent = items.length ? indentBefore(text, items[0].start) : indentBefore(text, list.keyStart) + unit;
  const depth = Math.max(1, Math.round(itemIndent.length / Math.max(1, unit.length)));
  const rendered = render(depth);
  if (!items.length) {
    const close = indentBefore(text, list.keyStart);
    return { text: splice(text, list.value.start + 1, list.value.end - 1, `${eol}${itemIndent}${rendered}${eol}${close}`), added: true };
  }
  const lastItem = items[items.length - 1];
  return { text: splice(text, lastItem.end, lastItem.end, `,${eol}${itemIndent}${rendered}`), added: true };
}

function sameSuppression(node: JsonNode, e: SuppressionEntry): boolean {
  if (node.type !== 'object') return false;
  const get = (k: string) => {
    const v = node.properties.find(p => p.key === k)?.value;
    return v?.type === 'string' ? v.value : undefined;
  };
  return get('rule') === e.rule && get('assistant') === e.assistant && get('file') === e.file && get('entry') === e.entry && get('hash') === e.hash;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** The whitespace that starts the line holding `offset`, if only whitespace precedes it. */
function indentBefore(text: string, offset: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const lead = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(lead) ? lead : '';
}

/** The file's own indent step: the first indented line's leading whitespace, else two spaces. */
function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? m[1] : '  ';
}
