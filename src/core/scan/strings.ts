// The strings pass as a source of facts for the same rules: each printable string of a native
// file with no JavaScript (a Rust or Go build, a `.node` addon) goes to the rules that handle
// `nativeString` (network-endpoint, vendor-keywords). A string carries no syntax, so these
// findings are weaker than findings in code: `confidence: "approximate"`, byte offsets in the
// binary, no line or column. Each distinct finding is reported once, at its first offset,
// with how often it occurs; past MAX_STRING_FINDINGS per rule the rest is counted in an error.
import type { Finding, ScanError } from '../model';
import type { Rule, RuleContext, TargetContext } from '../rules/types';
import type { KeywordMatcher } from '../catalog/keywords';
import { BARE_HOST_TLDS } from '../net/url';
import { buildApproximate, draftOf, type Draft } from '../rules/findings';
import type { BinaryReader } from '../native/reader';
import { literalStringsPass, stringsPass, type NativeString } from '../native/strings';

/** Distinct strings reported per rule and binary; the rest are counted in an error entry. */
export const MAX_STRING_FINDINGS = 500;
const URL_NEEDLES = ['http://', 'https://', 'ws://', 'wss://'];

export interface StringsPassOptions {
  file: string;
  rules: readonly Rule[];
  keywords: KeywordMatcher;
  target: TargetContext;
}

/** `strings` is undefined when no selected rule reads strings (the pass did not run). */
export function scanStrings(reader: BinaryReader, options: StringsPassOptions): { findings: Finding[]; errors: ScanError[]; strings?: number } {
  return runStringRules((needles, visit) => stringsPass(reader, needles, visit), options);
}

/** The strings pass over the string literals of JavaScript no parser could read. */
export function scanLiteralStrings(text: string, options: StringsPassOptions): { findings: Finding[]; errors: ScanError[]; strings?: number } {
  return runStringRules((needles, visit) => literalStringsPass(text, needles, visit), options);
}

type StringSource = (needles: readonly string[], visit: (s: NativeString) => void) => { strings: number };

function runStringRules(source: StringSource, options: StringsPassOptions): { findings: Finding[]; errors: ScanError[]; strings?: number } {
  const errors: ScanError[] = [];
  const byRule = new Map<string, Map<string, { draft: Draft; s: NativeString; count: number }>>();
  let current: NativeString | undefined;
  const handlers: Array<{ rule: Rule; handle: (s: NativeString) => void }> = [];
  for (const rule of options.rules) {
    const ctx = stringsContext(rule, options, draft => {
      const s = current!;
      const key = `${s.text.slice(draft.start, draft.end)}\0${draft.message}`;
      let distinct = byRule.get(rule.meta.id);
      if (!distinct) byRule.set(rule.meta.id, (distinct = new Map()));
      const seen = distinct.get(key);
      if (seen) seen.count++;
      else distinct.set(key, { draft, s, count: 1 });
    });
    const handle = rule.create(ctx).nativeString;
    if (handle) handlers.push({ rule, handle });
  }
  if (handlers.length === 0) return { findings: [], errors };
  const needles = [...new Set([...handlers.flatMap(h => h.rule.triggers), ...URL_NEEDLES, ...BARE_HOST_TLDS.map(t => `.${t}`)])];
  const failed = new Set<Rule>();
  const { strings } = source(needles, s => {
    current = s;
    for (const { rule, handle } of handlers) {
      if (failed.has(rule)) continue;
      try {
        handle(s);
      } catch (e) {
        failed.add(rule);
        errors.push({ file: options.file, message: `rule ${rule.meta.id} failed in the strings pass and was skipped for this file: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  });
  const findings: Finding[] = [];
  for (const [ruleId, distinct] of byRule) {
    const kept = [...distinct.values()].slice(0, MAX_STRING_FINDINGS);
    for (const { draft, s, count } of kept) {
      const width = s.encoding === 'utf16le' ? 2 : 1;
      const from = Math.max(0, draft.start - 60);
      const to = Math.min(s.text.length, draft.end + 100);
      findings.push(
        buildApproximate(draft, {
          file: options.file,
          byteStart: s.offset + draft.start * width,
          byteEnd: s.offset + draft.end * width,
          identity: s.text.slice(draft.start, draft.end),
          excerpt: `${from > 0 ? '…' : ''}${s.text.slice(from, to)}${to < s.text.length ? '…' : ''}`,
          count,
        }),
      );
    }
    if (distinct.size > kept.length) errors.push({ file: options.file, message: `strings pass: ${distinct.size - kept.length} more distinct strings for ${ruleId} not listed` });
  }
  return { findings, errors, strings };
}

/** A context without syntax: a string has no parents, scopes or modules. */
function stringsContext(rule: Rule, options: StringsPassOptions, add: (draft: Draft) => void): RuleContext {
  return contextWithoutSyntax(rule, { text: '', target: options.target, keywords: options.keywords, what: 'the strings pass' }, add);
}

/**
 * A rule's context for text with no JavaScript syntax (a native string, a shell script): no
 * parents, scopes or modules; reports become drafts of the rule.
 */
export function contextWithoutSyntax(rule: Rule, source: { text: string; target: TargetContext; keywords: KeywordMatcher; what: string }, add: (draft: Draft) => void): RuleContext {
  const none = () => undefined;
  return {
    text: source.text,
    target: source.target,
    keywords: source.keywords,
    path: [],
    parent: none,
    functionIndex: () => -1,
    enclosingFunction: none,
    resolve: none,
    isBound: () => false,
    moduleRef: none,
    calleeRef: none,
    isRequire: () => false,
    report: d => add(draftOf(rule.meta, d, -1)),
    analysis: () => {
      throw new Error(`no module analysis in ${source.what}`);
    },
    importedStarter: none,
    exportStarter: () => undefined,
    importedCarrier: () => undefined,
  };
}
