// Findings from the strings pass: vendor names and network endpoints in native code that has
// no JavaScript to parse. A string carries no syntax, so these are weaker than findings in JS:
// `confidence: "approximate"`, byte offsets in the binary, no line or column. Each distinct
// string is reported once, at its first offset, with how often it occurs.
//
// Strings in native code are not lists: a Rust binary stores its literals back to back with
// no terminator, so one "string" can run through dozens of unrelated messages. Ambiguous
// vendor words (`yi`, `kimi`, `spark`) therefore count only inside a host name of a URL or of
// a bare host, never because the run also names another vendor.
import type { Finding, ScanError } from '../model';
import { describeHits, distinctVendors, escapeRegExp, type KeywordHit, type KeywordMatcher } from '../catalog/keywords';
import type { TargetContext } from './types';
import { vendorKeywords } from './vendor-keywords';
import { BARE_HOST_TLDS, extractEndpoints } from '../net/endpoints';
import { classifyHost, hostSeverity } from '../net/hosts';
import { contentHashOf, fingerprintOf } from '../scan/engine';
import { BinaryReader } from '../native/reader';
import { stringsPass, type NativeString } from '../native/strings';

export const NETWORK_ENDPOINT = { id: 'network-endpoint', category: 'network' } as const;
/** Distinct strings reported per rule and binary; the rest are counted in an error entry. */
export const MAX_STRING_FINDINGS = 500;
const URL_NEEDLES = ['http://', 'https://', 'ws://', 'wss://'];

export interface StringsPassOptions {
  file: string;
  keywords: KeywordMatcher;
  target: TargetContext;
  vendors: boolean;
  endpoints: boolean;
}

export function stringFindings(reader: BinaryReader, options: StringsPassOptions): { findings: Finding[]; errors: ScanError[]; strings: number } {
  const byRule = new Map<string, Map<string, { finding: Finding; count: number }>>();
  const needles = [
    ...(options.vendors ? options.keywords.words() : []),
    ...(options.endpoints ? [...URL_NEEDLES, ...BARE_HOST_TLDS.map(t => `.${t}`)] : []),
  ];
  const { strings } = stringsPass(reader, needles, s => {
    if (options.vendors) vendorFinding(s);
    if (!options.endpoints) return;
    for (const e of extractEndpoints(s.text)) {
      const finding = endpointFinding(s, e.kind, e.value, e.host, e.start, e.end);
      if (finding) add(finding, e.value);
    }
  });

  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const [ruleId, distinct] of byRule) {
    const kept = [...distinct.values()].slice(0, MAX_STRING_FINDINGS);
    for (const { finding, count } of kept) findings.push(count > 1 ? { ...finding, message: `${finding.message} (${count} occurrences)` } : finding);
    if (distinct.size > kept.length) errors.push({ file: options.file, message: `strings pass: ${distinct.size - kept.length} more distinct strings for ${ruleId} not listed` });
  }
  return { findings, errors, strings };

  function add(finding: Finding, key: string) {
    let distinct = byRule.get(finding.ruleId);
    if (!distinct) byRule.set(finding.ruleId, (distinct = new Map()));
    const seen = distinct.get(key);
    if (seen) seen.count++;
    else distinct.set(key, { finding, count: 1 });
  }

  function vendorFinding(s: NativeString) {
    const hits = countedInString(options.keywords, s.text);
    if (hits.length === 0) return;
    const vendors = distinctVendors(hits);
    const ownOnly = vendors.every(v => options.target.ownVendors.includes(v.id));
    const at = wordIndex(s.text, hits[0].word);
    add(
      base(s, vendorKeywords.id, vendorKeywords.category, ownOnly ? 'info' : vendorKeywords.severity, at, at + hits[0].word.length, s.text, {
        message: `String in native code naming ${vendors.length === 1 ? 'a vendor' : `${vendors.length} vendors`}: ${vendors.map(v => `${v.name} (${v.country})`).join(', ')}`,
        evidence: describeHits(hits),
      }),
      s.text,
    );
  }

  /** Classified like the JavaScript rule, evidence `host <name>` first; approximate, so at most medium. */
  function endpointFinding(s: NativeString, kind: 'url' | 'host', value: string, host: string, start: number, end: number): Finding | undefined {
    const c = classifyHost(host, options.target);
    if (c.kind === 'reserved') return undefined;
    const severity = hostSeverity(c, false);
    return base(s, NETWORK_ENDPOINT.id, NETWORK_ENDPOINT.category, severity === 'high' ? 'medium' : severity, start, end, value, {
      message: `${kind === 'url' ? 'URL' : 'Host name'} in native code: ${value} (${c.kind === 'dynamic' ? 'host computed at run time' : c.label})`,
      evidence: [`host ${host}`, `class ${c.kind}${c.own ? ' (own vendor)' : ''}${c.scope ? ` (${c.scope})` : ''}`],
    });
  }

  /** A finding for characters [start, end) of string `s`, located by byte offset; `identity` is what its fingerprint hashes. */
  function base(
    s: NativeString,
    ruleId: string,
    category: Finding['category'],
    severity: Finding['severity'],
    start: number,
    end: number,
    identity: string,
    what: { message: string; evidence: string[] },
  ): Finding {
    const width = s.encoding === 'utf16le' ? 2 : 1;
    const from = Math.max(0, start - 60);
    const to = Math.min(s.text.length, end + 100);
    return {
      ruleId,
      category,
      severity,
      message: what.message,
      file: options.file,
      evidence: what.evidence,
      related: [],
      offset: s.offset + start * width,
      endOffset: s.offset + end * width,
      confidence: 'approximate',
      excerpt: `${from > 0 ? '…' : ''}${s.text.slice(from, to)}${to < s.text.length ? '…' : ''}`,
      fingerprint: fingerprintOf(ruleId, options.file, identity),
      contentHash: contentHashOf(identity),
    };
  }
}

/** Unambiguous vendor words, and ambiguous ones only where they name a host in the string. */
export function countedInString(keywords: KeywordMatcher, text: string): KeywordHit[] {
  const hits = keywords.find(text);
  if (hits.every(h => !h.ambiguous)) return hits;
  const hostWords = new Set(extractEndpoints(text).flatMap(e => keywords.find(e.host).filter(h => h.inHost).map(h => h.word)));
  return hits.filter(h => !h.ambiguous || hostWords.has(h.word));
}

/** Where `word` first occurs as the keyword matcher sees it (not glued to letters or digits). */
function wordIndex(text: string, word: string): number {
  const m = new RegExp(`(?<![a-z0-9])${escapeRegExp(word)}(?![a-z])`, 'i').exec(text);
  return m ? m.index : 0;
}
