// Finds vendor keywords in strings. A keyword matches when it is not glued to a preceding
// letter or digit and not followed by a letter: "glm-4", "qwen2.5" and "api.deepseek.com"
// match; "glmatrix", "bernie" and "sparkle" do not.
import { VENDORS, type Vendor } from './vendors';

export interface KeywordHit {
  word: string;
  vendor: Vendor;
  ambiguous: boolean;
  /**
   * The word sits in the registrable name of a host: `kimi` in `kimi.com` or `api.kimi.com`,
   * but not `spark` in `spark.apache.org` (a subdomain of someone else's domain).
   */
  inHost: boolean;
}

const HOST_RUN = /[a-z0-9][a-z0-9.-]*[a-z0-9]/gi;
const HOST_SHAPE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

export class KeywordMatcher {
  private readonly pattern: RegExp;
  private readonly byWord = new Map<string, { vendor: Vendor; ambiguous: boolean }>();

  constructor(vendors: readonly Vendor[] = VENDORS) {
    for (const vendor of vendors) {
      for (const k of vendor.keywords) this.byWord.set(k.word.toLowerCase(), { vendor, ambiguous: !!k.ambiguous });
    }
    const words = [...this.byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = new RegExp(`(?<![a-z0-9])(?:${words.join('|')})(?![a-z])`, 'gi');
  }

  /** Every keyword occurrence in one string. */
  find(text: string): KeywordHit[] {
    if (text.length < 2) return [];
    const hits: Array<KeywordHit & { at: number }> = [];
    let hostRanges: Array<[number, number]> | undefined;
    // Hits and host ranges both come in text order: one pointer moves forward through both.
    let next = 0;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      const word = m[0].toLowerCase();
      const entry = this.byWord.get(word);
      if (!entry) continue;
      hostRanges ??= hostRangesOf(text);
      const at = m.index;
      while (next < hostRanges.length && hostRanges[next][1] <= at) next++;
      const range = hostRanges[next];
      const inHost = !!range && at >= range[0] && at + word.length <= range[1];
      hits.push({ word, vendor: entry.vendor, ambiguous: entry.ambiguous, inHost, at });
    }
    return dropSubdomainLabels(text, hits);
  }

  /** Words to use as rule triggers (checked case-insensitively). */
  words(): string[] {
    return [...this.byWord.keys()];
  }
}

/**
 * Which hits count. One value (a comparison with one string): ambiguous words only inside a
 * host. A list (array, regex alternation, switch): ambiguous words also count when the list
 * names at least two vendors and one of them by an unambiguous word.
 */
export function countedHits(hits: readonly KeywordHit[], isList: boolean): KeywordHit[] {
  const firm = hits.filter(h => !h.ambiguous || h.inHost);
  if (!isList) return firm;
  const vendors = new Set(hits.map(h => h.vendor.id));
  if (vendors.size >= 2 && firm.length > 0) return [...hits];
  return firm;
}

export function distinctVendors(hits: readonly KeywordHit[]): Vendor[] {
  const seen = new Map<string, Vendor>();
  for (const h of hits) seen.set(h.vendor.id, h.vendor);
  return [...seen.values()];
}

/** Evidence lines: `deepseek -> DeepSeek (CN)`, one per distinct word. */
export function describeHits(hits: readonly KeywordHit[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    if (seen.has(h.word)) continue;
    seen.add(h.word);
    out.push(`${h.word} -> ${h.vendor.name} (${h.vendor.country})`);
  }
  return out;
}

/** What may stand between a subdomain label and the domain after it, in a host or a host regex (`openai)\.azure`). */
const LABEL_GAP = /^(?:[\w-]|\\\.|\.|[()?:|])*$/;

/**
 * A vendor word that is a label under another vendor's domain names no vendor of its own:
 * `*.openai.azure.com` (Azure OpenAI) is Microsoft's host, `(?:…|openai)\.azure\.(?:com|us)`
 * too. The word is dropped when a dot follows it and a later word of another vendor comes
 * after only labels, dots and regex grouping.
 */
function dropSubdomainLabels(text: string, hits: Array<KeywordHit & { at: number }>): KeywordHit[] {
  if (hits.length < 2) return hits.map(({ at: _at, ...h }) => h);
  return hits
    .filter((h, i) => {
      const end = h.at + h.word.length;
      const dot = text.startsWith('\\.', end) ? 2 : text.startsWith('.', end) ? 1 : /^\)+(?:\\\.|\.)/.test(text.slice(end, end + 6)) ? 1 : 0;
      if (!dot) return true;
      const later = hits.slice(i + 1).find(o => o.vendor.id !== h.vendor.id && o.at - end <= 40);
      return !later || !LABEL_GAP.test(text.slice(end, later.at));
    })
    .map(({ at: _at, ...h }) => h);
}

// Two-label public suffixes common in vendor hosts; enough to find the registrable name.
const TWO_LABEL_SUFFIXES = new Set(['com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn', 'com.hk', 'com.tw', 'co.uk', 'co.jp', 'com.au', 'co.kr', 'com.sg']);

/** Ranges of the registrable label of each host-shaped run (`volces` in `ark.cn-beijing.volces.com`). */
function hostRangesOf(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  HOST_RUN.lastIndex = 0;
  for (let m = HOST_RUN.exec(text); m; m = HOST_RUN.exec(text)) {
    const host = m[0];
    if (!HOST_SHAPE.test(host)) continue;
    const labels = host.split('.');
    const suffixLabels = labels.length >= 3 && TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.').toLowerCase()) ? 2 : 1;
    const index = labels.length - suffixLabels - 1;
    if (index < 0) continue;
    const start = m.index + labels.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
    ranges.push([start, start + labels[index].length]);
  }
  return ranges;
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let shared: KeywordMatcher | undefined;
export function defaultKeywordMatcher(): KeywordMatcher {
  return (shared ??= new KeywordMatcher());
}
