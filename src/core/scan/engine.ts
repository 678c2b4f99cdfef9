// Scans one file's (or one embedded module's) text: parse once, walk once, dispatch each
// node to the rules that asked for its type, correlate, then locate. A pure function of its
// inputs whose result is plain data, so it can run in a worker and be cached.
import { createHash } from 'node:crypto';
import type { Finding, ScanError, Severity } from '../model';
import type { DecodedContext, DecodedSite, Rule, RuleContext, ReportOptions, Span, TargetContext, Visitor } from '../rules/types';
import { defaultKeywordMatcher, type KeywordMatcher } from '../catalog/keywords';
import { childrenOf, isFunction, type AstNode } from '../js/ast';
import { parseSource } from '../js/parse';
import { LineIndex } from '../text/lines';
import { correlate } from '../rules/correlate';
import type { FunctionInfo, RawFinding } from '../rules/raw';
import { ModuleIndex } from '../js/moduleIndex';
import { CallGraph, decodedUses } from '../js/callgraph';
import { decodeModule, type DecodedValue } from '../js/decode';

export interface ScanSourceOptions {
  /** Path relative to the target root (the binary's path for embedded modules). */
  file: string;
  entry?: string;
  rules: readonly Rule[];
  target?: TargetContext;
  keywords?: KeywordMatcher;
}

export interface SourceScanResult {
  findings: Finding[];
  errors: ScanError[];
  partial: boolean;
  /** decodeMs: static decoding and rules over decoded values; linkMs: call graph and correlation. */
  stats: { parsed: boolean; parseMs: number; walkMs: number; decodeMs: number; linkMs: number; nodes: number };
}

const EXIT = 1;

export function scanSource(text: string, options: ScanSourceOptions): SourceScanResult {
  const errors: ScanError[] = [];
  const stats = { parsed: false, parseMs: 0, walkMs: 0, decodeMs: 0, linkMs: 0, nodes: 0 };
  const active = activeRules(text, options.rules);
  if (active.length === 0) return { findings: [], errors, partial: false, stats };

  const t0 = performance.now();
  const parsed = parseSource(text);
  stats.parseMs = performance.now() - t0;
  const where = { file: options.file, ...(options.entry ? { entry: options.entry } : {}) };
  if (!parsed.ast) {
    errors.push({ ...where, message: `not parsed: ${parsed.error}` });
    return { findings: [], errors, partial: false, stats };
  }
  stats.parsed = true;
  if (parsed.partial) errors.push({ ...where, message: `parsed with the loose parser, findings are partial: ${parsed.error}` });

  const t1 = performance.now();
  const walk = walkWithRules(parsed.ast, text, active, options, errors);
  stats.walkMs = performance.now() - t1;
  stats.nodes = walk.nodes;

  const target = options.target ?? { ownVendors: [] };
  let raw = walk.findings;
  try {
    const t2 = performance.now();
    const graph = new CallGraph(walk.index, walk.findings);
    const decoded = walk.index.encoded.length || walk.index.decoderChains.length || walk.index.decoderFunctions.size ? decodeModule(walk.index, (call, fn) => graph.calleeOf(call, fn)) : [];
    graph.addDecoded(decoded);
    const sites: DecodedSite[] = [...decoded.map(d => ({ decoded: d })), ...(decoded.length ? decodedUses(walk.index, graph) : [])];
    if (sites.length) {
      const hooked = options.rules.filter(r => r.decoded && (active.includes(r) || triggeredBy(r, decodedText(decoded))));
      walk.findings.push(...runDecodedHooks(sites, hooked, text, target, options, errors));
    }
    const t3 = performance.now();
    stats.decodeMs = t3 - t2;
    raw = [...walk.findings, ...correlate(walk.findings, walk.index, graph, text, target)];
    stats.linkMs = performance.now() - t3;
  } catch (e) {
    // Hostile input can still find a limit we did not think of: keep what the walk found.
    errors.push({ ...where, message: `decoding and correlation stopped, findings of the walk are kept: ${e instanceof Error ? e.message : String(e)}` });
  }
  const findings = locateFindings(raw, text, walk.index.functions, options, parsed.partial);
  return { findings, errors, partial: parsed.partial, stats };
}

/**
 * scanSource with a net under it: anything it did not expect becomes this file's (or module's)
 * error entry instead of ending the scan of everything else.
 */
export function scanSourceSafely(text: string, options: ScanSourceOptions): SourceScanResult {
  try {
    return scanSource(text, options);
  } catch (e) {
    const where = { file: options.file, ...(options.entry ? { entry: options.entry } : {}) };
    return {
      findings: [],
      errors: [{ ...where, message: `scan failed (a bug, please report): ${e instanceof Error ? e.message : String(e)}` }],
      partial: false,
      stats: { parsed: false, parseMs: 0, walkMs: 0, decodeMs: 0, linkMs: 0, nodes: 0 },
    };
  }
}

/** What a rule's report becomes: in the walk, over decoded values, and for package.json. */
export function rawFinding(rule: Pick<Rule, 'id' | 'category' | 'severity'>, span: Span, message: string, opts: ReportOptions, fn: number): RawFinding {
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: opts.severity ?? rule.severity,
    message,
    start: span.start,
    end: span.end,
    evidence: opts.evidence ?? [],
    facts: opts.facts ?? [],
    fn,
    related: opts.related ?? [],
  };
}

function decodedText(decoded: readonly DecodedValue[]): string {
  return decoded.map(d => d.entries.join('\n')).join('\n').slice(0, 1 << 20);
}

/** Rules see decoded values after the walk; their reports sit on the decoding site or use. */
function runDecodedHooks(
  sites: readonly DecodedSite[],
  rules: readonly Rule[],
  text: string,
  target: TargetContext,
  options: ScanSourceOptions,
  errors: ScanError[],
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    for (const site of sites) {
      const fn = site.use ? site.use.fn : site.decoded.fn;
      const ctx: DecodedContext = {
        text,
        target,
        keywords: options.keywords ?? defaultKeywordMatcher(),
        report(span, message, opts: ReportOptions = {}) {
          out.push(rawFinding(rule, span, message, opts, fn));
        },
      };
      try {
        rule.decoded!(site, ctx);
      } catch (e) {
        errors.push({ file: options.file, ...(options.entry ? { entry: options.entry } : {}), message: `rule ${rule.id} failed on a decoded value: ${e instanceof Error ? e.message : String(e)}` });
        break;
      }
    }
  }
  return out;
}

function activeRules(text: string, rules: readonly Rule[]): Rule[] {
  let lower: string | undefined;
  return rules.filter(rule => triggeredBy(rule, text, () => (lower ??= text.toLowerCase())));
}

function triggeredBy(rule: Rule, text: string, lowered = () => text.toLowerCase()): boolean {
  if (rule.triggers.length === 0) return true;
  if (rule.triggersIgnoreCase) {
    const hay = lowered();
    return rule.triggers.some(t => triggerForms(t.toLowerCase()).some(f => hay.includes(f)));
  }
  return rule.triggers.some(t => triggerForms(t).some(f => text.includes(f)));
}

/** A trigger plus the escaped spellings bundlers use for its non-ASCII characters. */
export function triggerForms(trigger: string): string[] {
  if (!/[^\x00-\x7f]/.test(trigger)) return [trigger];
  const escape = (upper: boolean) =>
    [...trigger]
      .map(ch => {
        const cp = ch.codePointAt(0)!;
        if (cp < 0x80) return ch;
        const hex = cp.toString(16);
        const h = upper ? hex.toUpperCase() : hex;
        return cp > 0xffff ? `\\u{${h}}` : `\\u${h.padStart(4, '0')}`;
      })
      .join('');
  return [...new Set([trigger, escape(false), escape(true)])];
}

interface WalkResult {
  findings: RawFinding[];
  index: ModuleIndex;
  nodes: number;
}

function walkWithRules(
  ast: AstNode,
  text: string,
  rules: readonly Rule[],
  options: ScanSourceOptions,
  errors: ScanError[],
): WalkResult {
  const enter = new Map<string, Array<[Rule, Visitor]>>();
  const exit = new Map<string, Array<[Rule, Visitor]>>();
  for (const rule of rules) {
    for (const [key, visitor] of Object.entries(rule.visitors)) {
      const isExit = key.endsWith(':exit');
      const table = isExit ? exit : enter;
      const type = isExit ? key.slice(0, -5) : key;
      let list = table.get(type);
      if (!list) table.set(type, (list = []));
      list.push([rule, visitor]);
    }
  }

  const findings: RawFinding[] = [];
  const index = new ModuleIndex(text);
  const path: AstNode[] = [];
  const failed = new Set<Rule>();
  const deep = new Set<Rule>();
  const memos = new Map<string, unknown>();
  let current: Rule | undefined;

  const ctx: RuleContext = {
    text,
    target: options.target ?? { ownVendors: [] },
    keywords: options.keywords ?? defaultKeywordMatcher(),
    path,
    parent: (depth = 1) => path[path.length - 1 - depth],
    enclosingFunction() {
      for (let i = path.length - 1; i >= 0; i--) if (isFunction(path[i])) return path[i];
      return undefined;
    },
    resolve(node) {
      if (node.type !== 'Identifier') return undefined;
      const bound = index.resolveHere(node.name);
      // In `K = join(K, "x")` the K inside is the previous value, not the join around it.
      return bound && bound.start <= node.start && node.end <= bound.end ? undefined : bound;
    },
    memo<T>(key: string, create: () => T): T {
      if (!memos.has(key)) memos.set(key, create());
      return memos.get(key) as T;
    },
    report(span: Span, message: string, opts: ReportOptions = {}) {
      const rule = current!;
      findings.push(rawFinding(rule, span, message, opts, index.currentFunction));
    },
  };

  const run = (handlers: Array<[Rule, Visitor]> | undefined, node: AstNode) => {
    if (!handlers) return;
    for (const [rule, visitor] of handlers) {
      if (failed.has(rule)) continue;
      current = rule;
      try {
        visitor(node, ctx);
      } catch (e) {
        const where = { file: options.file, ...(options.entry ? { entry: options.entry } : {}) };
        if (e instanceof RangeError) {
          // A node nested too deeply for the rule: skip that node, keep the rule for the rest.
          if (!deep.has(rule)) errors.push({ ...where, message: `rule ${rule.id} skipped a node nested too deeply at offset ${node.start} (and any more such nodes)` });
          deep.add(rule);
          continue;
        }
        failed.add(rule);
        errors.push({ ...where, message: `rule ${rule.id} failed at offset ${node.start} and was skipped for this file: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    current = undefined;
  };

  const nodes: AstNode[] = [ast];
  const marks: number[] = [0];
  const children: AstNode[] = [];
  let count = 0;
  while (nodes.length) {
    const node = nodes.pop()!;
    const mark = marks.pop()!;
    if (mark === EXIT) {
      run(exit.get(node.type), node);
      index.exit(node);
      path.pop();
      continue;
    }
    count++;
    path.push(node);
    index.enter(node, path);
    run(enter.get(node.type), node);
    nodes.push(node);
    marks.push(EXIT);
    children.length = 0;
    childrenOf(node, children);
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      marks.push(0);
    }
  }
  return { findings, index, nodes: count };
}

/** Raw findings to located ones: lines, columns, excerpt and fingerprint (also used for package.json). */
export function locateFindings(
  raw: RawFinding[],
  text: string,
  functions: FunctionInfo[],
  options: Pick<ScanSourceOptions, 'file' | 'entry'>,
  partial: boolean,
): Finding[] {
  const lines = new LineIndex(text);
  return raw.map(r => {
    const start = lines.positionAt(r.start);
    const end = lines.positionAt(r.end);
    const fn = r.fn >= 0 ? functions[r.fn] : undefined;
    const flagged = text.slice(r.start, r.end);
    const finding: Finding = {
      ruleId: r.ruleId,
      category: r.category,
      severity: r.severity,
      message: r.message,
      file: options.file,
      ...(options.entry ? { entry: options.entry } : {}),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      evidence: r.evidence,
      related: r.related.map(rel => {
        const a = lines.positionAt(rel.start);
        const b = lines.positionAt(rel.end);
        return {
          file: options.file,
          ...(options.entry ? { entry: options.entry } : {}),
          line: a.line,
          column: a.column,
          endLine: b.line,
          endColumn: b.column,
          message: rel.message,
        };
      }),
      offset: r.start,
      endOffset: r.end,
      confidence: 'exact',
      ...(partial ? { partial: true } : {}),
      ...(fn ? { functionRange: [fn.start, fn.end] as [number, number] } : {}),
      excerpt: excerptOf(lines, r.start),
      fingerprint: fingerprintOf(r.ruleId, options.entry ? `${options.file}#${options.entry}` : options.file, flagged),
      contentHash: contentHashOf(flagged),
    };
    return finding;
  });
}

function excerptOf(lines: LineIndex, offset: number): string {
  const cut = lines.excerptAt(offset);
  return `${cut.cutStart ? '…' : ''}${cut.text}${cut.cutEnd ? '…' : ''}`;
}

export function contentHashOf(flagged: string): string {
  return createHash('sha256').update(flagged).digest('hex');
}

export function fingerprintOf(ruleId: string, where: string, flagged: string): string {
  return createHash('sha256').update(`${ruleId}\0${where}\0${flagged}`).digest('hex').slice(0, 32);
}
