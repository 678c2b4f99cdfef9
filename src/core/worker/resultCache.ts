// Results of earlier scans, so that re-auditing an unchanged machine costs a hash of each file
// instead of a parse. A file's outcome is kept under a key made of everything it depends on:
// the file's bytes (sha256), its path in the target (findings carry it), the build of the
// engine, the rules chosen, the size limit, the target's own vendors and whether an archive's
// tests are read. Entries are versioned; one that cannot be read or does not have the
// expected shape is reported and scanned again, never trusted.
//
// Rules that stand alone (scripts/buildIds.mjs) are not in the key: an entry records the
// build and triggers of each, and the rules that ran on the file. After an update that changed
// such a rule, an entry is still used when that rule did not run on the file and its triggers
// are the same: whether a rule runs depends only on its triggers and on the engine (the text,
// its decoded strings), so the new rule would not run there either, and a rule that does not
// run reports nothing and gives the correlations no fact. Otherwise the file is scanned again.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileScanner } from '../audit';
import type { FileEntry } from '../scan/files';
import type { FileOutcome, TargetPlan } from '../scan/target';
import type { ModuleOutcome, SplitModule } from '../scan/binary';
import { ENGINE_BUILD_ID, RULE_BUILDS } from '../version';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import type { AnswerKey, AnswerStore } from '../scan/imports';
import type { RuleChoice } from './protocol';
import { touchUsed, unfinishedName } from './cachePrune';

const ENTRY_KIND = 'ai-tool-audit-result';
const ENTRY_VERSION = 2;

/** What a rule's results depend on besides the engine: its own code, and the triggers that decide where it runs. */
export interface RuleVersion {
  build: string;
  triggers: string;
}

/** The versions results are made by: the engine's, and each rule's by id. */
export interface CacheVersions {
  engine: string;
  rules: Readonly<Record<string, RuleVersion>>;
}

/** The versions of this build's rules, worked out once (a pool worker makes a cache per file). */
let ofThisBuild: CacheVersions | undefined;
function buildVersions(): CacheVersions {
  return (ofThisBuild ??= currentVersions());
}

/** The versions of these rules in this build. */
export function currentVersions(rules: readonly Rule[] = RULES): CacheVersions {
  const byId: Record<string, RuleVersion> = {};
  for (const rule of rules) {
    byId[rule.meta.id] = {
      build: RULE_BUILDS[rule.meta.id] ?? '',
      triggers: createHash('sha256').update(JSON.stringify([rule.triggers, rule.triggersIgnoreCase === true, ...(rule.followsImports ? ['imports'] : [])])).digest('hex').slice(0, 16),
    };
  }
  return { engine: ENGINE_BUILD_ID, rules: byId };
}

/** `$XDG_CACHE_HOME/ai-tool-audit/results`, else `~/.cache/ai-tool-audit/results`. */
export function defaultResultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'ai-tool-audit', 'results');
}

/** What a file's key is made of besides its bytes. */
export interface CacheTask {
  file: FileEntry;
  plan: Pick<TargetPlan, 'target' | 'maxFileBytes'>;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that were there but could not be used (corrupt, foreign, another version). */
  rejected: number;
  /** Hits made by an earlier build whose rules differ only in rules that did not run on the file. */
  kept: number;
  /** Entries made by an earlier build with a changed rule that ran on the file: scanned again (counted in misses too). */
  stale: number;
}

export class ResultCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, kept: 0, stale: 0 };

  constructor(
    private readonly dir: string,
    private readonly rules: RuleChoice,
    /** Told once per unusable entry or failed write; the audit goes on without the cache for that file. */
    private readonly onProblem: (message: string) => void = () => {},
    /** The build's own, unless a test plays an earlier or later build. */
    private readonly versions: CacheVersions = buildVersions(),
  ) {}

  /** A scanner that answers from the cache when it can and stores what `scan` answers. */
  around(scan: FileScanner): FileScanner {
    return async task => {
      const found = this.lookup(task);
      if (found.outcome) return found.outcome;
      const outcome = await scan(task);
      if ('split' in outcome) return { split: { ...outcome.split, ...(found.key ? { key: found.key } : {}) } };
      this.store(found.key, outcome);
      return outcome;
    };
  }

  /** The cached outcome of a file, or the key to store its outcome under (undefined: not cacheable). */
  lookup(task: CacheTask): { outcome?: FileOutcome; key?: string } {
    const key = this.keyOf(task);
    if (key === undefined) return {};
    const cached = this.read(key, checkOutcome);
    if (cached) {
      this.stats.hits++;
      return { outcome: cached, key };
    }
    this.stats.misses++;
    return { key };
  }

  store(key: string | undefined, outcome: FileOutcome): void {
    // An outcome that says the scan itself failed (time budget, heap) is not a fact about the file.
    if (key !== undefined && !outcome.errors.some(e => e.message.startsWith('not scanned: '))) this.write(key, outcome);
  }

  /**
   * A module of a split binary: keyed by its own bytes, its name and the binary's path (its
   * findings carry both), so that a new release of a binary rescans only the modules that changed.
   */
  lookupModule(task: CacheTask, module: Pick<SplitModule, 'name' | 'at'>, bytes: () => Buffer): { outcome?: ModuleOutcome; key?: string } {
    let key: string;
    try {
      const context = JSON.stringify({ build: this.versions.engine, rules: this.rules, rel: task.file.rel, entry: module.name, at: module.at.kind === 'bun' ? module.at.record.encoding : 'utf8', max: task.plan.maxFileBytes, own: task.plan.target.ownVendors, names: task.plan.target.ownNames ?? [] });
      key = createHash('sha256').update('module\0').update(context).update('\0').update(bytes()).digest('hex');
    } catch {
      return {};
    }
    const cached = this.read(key, checkModuleOutcome);
    this.stats[cached ? 'hits' : 'misses']++;
    return cached ? { outcome: cached, key } : { key };
  }

  storeModule(key: string, outcome: ModuleOutcome): void {
    if (!outcome.errors.some(e => e.message.startsWith('not scanned: '))) this.write(key, outcome);
  }

  /** Undefined when the file cannot be read here: the scan will say why. */
  private keyOf(task: CacheTask): string | undefined {
    const hash = createHash('sha256');
    try {
      const fd = fs.openSync(task.file.absPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
      try {
        if (!fs.fstatSync(fd).isFile()) return undefined;
        const buffer = Buffer.allocUnsafe(1 << 20);
        for (let n = fs.readSync(fd, buffer, 0, buffer.length, null); n > 0; n = fs.readSync(fd, buffer, 0, buffer.length, null)) hash.update(buffer.subarray(0, n));
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return undefined;
    }
    const context = JSON.stringify({ build: this.versions.engine, rules: this.rules, rel: task.file.rel, max: task.plan.maxFileBytes, own: task.plan.target.ownVendors, names: task.plan.target.ownNames ?? [], tests: task.file.includeTests === true });
    return createHash('sha256').update(context).update('\0').update(hash.digest()).digest('hex');
  }

  private fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  private read<T>(key: string, check: (data: unknown) => T): T | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { kind?: unknown; version?: unknown; key?: unknown; rules?: unknown; outcome?: unknown };
      if (entry.kind !== ENTRY_KIND || entry.version !== ENTRY_VERSION || entry.key !== key) throw new Error('not an entry of this version');
      const made = checkRuleVersions(entry.rules);
      const outcome = check(entry.outcome);
      const changed = changedRules(made, this.versions.rules);
      if (changed.length && !unaffected(changed, made, this.versions.rules, (outcome as { rulesRun?: readonly string[] }).rulesRun)) {
        this.stats.stale++;
        return undefined;
      }
      if (changed.length) this.stats.kept++;
      touchUsed(this.fileOf(key));
      return outcome;
    } catch (e) {
      this.stats.rejected++;
      this.onProblem(`ignoring cached result ${this.fileOf(key)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private write(key: string, outcome: FileOutcome | ModuleOutcome): void {
    const file = this.fileOf(key);
    try {
      writeWhole(file, JSON.stringify({ kind: ENTRY_KIND, version: ENTRY_VERSION, key, rules: this.versions.rules, outcome }));
    } catch (e) {
      this.onProblem(`could not cache a result in ${this.dir}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

const ANSWER_KIND = 'ai-tool-audit-answer';
/** How the notes about answers begin, so that they are told apart from the notes about cached results. */
export const ANSWER_NOTE = 'answers about other modules: ';
const ANSWER_VERSION = 1;

/**
 * Answers about a program's modules (what a module exports: scan/imports.ts), kept in the same
 * folder as results: the workers of one audit share them, a worker started again reads them
 * instead of the modules, and a later audit of an unchanged program reuses them. The key holds
 * the engine's build and the builds and triggers of the rules that made the answer, so a change
 * to any of them asks again. An entry that cannot be read or checked is reported and worked out again.
 */
export class AnswerFiles implements AnswerStore {
  constructor(
    private readonly dir: string,
    /** Told once per unusable entry, and per failed write. */
    private readonly onProblem: (message: string) => void = () => {},
    private readonly versions: CacheVersions = buildVersions(),
  ) {}

  private readonly told = new Set<string>();

  read<T>(key: AnswerKey, check: (value: unknown) => T): T | undefined {
    const hash = this.hashOf(key);
    const file = this.fileOf(hash);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { kind?: unknown; version?: unknown; key?: unknown; value?: unknown };
      if (entry.kind !== ANSWER_KIND || entry.version !== ANSWER_VERSION || entry.key !== hash) throw new Error('not an answer of this version');
      const value = check(entry.value);
      touchUsed(file);
      return value;
    } catch (e) {
      // Once per entry: a damaged answer kept under a key its module no longer writes to (a final
      // answer become one per step count) would otherwise be told at every question.
      if (!this.told.has(file)) {
        this.told.add(file);
        this.onProblem(`${ANSWER_NOTE}ignoring cached answer ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      return undefined;
    }
  }

  write(key: AnswerKey, value: unknown): void {
    const hash = this.hashOf(key);
    const file = this.fileOf(hash);
    try {
      writeWhole(file, JSON.stringify({ kind: ANSWER_KIND, version: ANSWER_VERSION, key: hash, value }));
    } catch (e) {
      this.onProblem(`${ANSWER_NOTE}could not cache an answer in ${this.dir}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private hashOf(key: AnswerKey): string {
    const rules = [...key.rules].sort().map(id => [id, this.versions.rules[id] ?? null]);
    return createHash('sha256').update('answer\0').update(JSON.stringify({ build: this.versions.engine, rules, parts: key.parts })).digest('hex');
  }

  private fileOf(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.answer.json`);
  }
}

/** Writes a file whole under another name, then renames it: a worker reading it meanwhile sees all of it or nothing. */
function writeWhole(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = unfinishedName(file);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Ids of the rules whose version differs between the two builds, or that only one of them has. */
function changedRules(made: Readonly<Record<string, RuleVersion>>, now: Readonly<Record<string, RuleVersion>>): string[] {
  const changed: string[] = [];
  for (const id of new Set([...Object.keys(made), ...Object.keys(now)])) {
    const a = made[id];
    const b = now[id];
    if (!a || !b || a.build !== b.build || a.triggers !== b.triggers) changed.push(id);
  }
  return changed;
}

/**
 * Whether an outcome made with the rules `made` is the one the rules `now` would make: each
 * changed rule did not run on the file and, if both builds have it, kept its triggers (a rule
 * the earlier build did not have might have run).
 */
function unaffected(changed: readonly string[], made: Readonly<Record<string, RuleVersion>>, now: Readonly<Record<string, RuleVersion>>, rulesRun: readonly string[] | undefined): boolean {
  if (!rulesRun) return false;
  const ran = new Set(rulesRun);
  return changed.every(id => !ran.has(id) && made[id] !== undefined && (now[id] === undefined || made[id].triggers === now[id].triggers));
}

function checkRuleVersions(data: unknown): Record<string, RuleVersion> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('an entry without the versions of its rules');
  for (const v of Object.values(data as Record<string, unknown>)) {
    const r = v as Partial<RuleVersion> | null;
    if (!r || typeof r.build !== 'string' || typeof r.triggers !== 'string') throw new Error('a rule version without its fields');
  }
  return data as Record<string, RuleVersion>;
}

/** The shape a cached outcome must have before it stands in for a scan. */
function checkOutcome(data: unknown): FileOutcome {
  const o = data as Partial<FileOutcome> | null;
  if (!o || typeof o !== 'object') throw new Error('no outcome');
  if (typeof o.filesScanned !== 'number') throw new Error('outcome without counts');
  return checkModuleOutcome(data) as FileOutcome;
}

/** The same for one module of a split binary. */
function checkModuleOutcome(data: unknown): ModuleOutcome {
  const o = data as Partial<ModuleOutcome> | null;
  if (!o || typeof o !== 'object') throw new Error('no outcome');
  if (!Array.isArray(o.findings) || !Array.isArray(o.errors)) throw new Error('outcome without findings or errors');
  if (typeof o.bytesScanned !== 'number') throw new Error('outcome without counts');
  for (const f of o.findings) {
    if (!f || typeof f.ruleId !== 'string' || typeof f.message !== 'string' || typeof f.file !== 'string' || !Array.isArray(f.evidence) || !Array.isArray(f.related)) throw new Error('a finding without its fields');
  }
  for (const e of o.errors) if (!e || typeof e.file !== 'string' || typeof e.message !== 'string') throw new Error('an error entry without its fields');
  if (o.rulesRun !== undefined && (!Array.isArray(o.rulesRun) || o.rulesRun.some(id => typeof id !== 'string'))) throw new Error('rules run that are not a list of ids');
  return o as ModuleOutcome;
}
