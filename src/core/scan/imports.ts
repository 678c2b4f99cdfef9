// Answers one module's questions about the functions other modules of the same program export
// (a Bun binary's chunks, a package's files, an esbuild or rollup build split in chunks): the
// other module is read and analysed with the rules that follow imports, once per scanner, and
// what it exports is kept. Nothing in it is run.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImportAnswer, StarterSummary } from '../model';
import type { Rule, TargetContext } from '../rules/types';
import { scanSourceSafely, type ModuleImports } from './engine';
import { loadsByValue, namedSiblingImports } from './specifiers';

/** Another module of the program: a key naming it (its path, or its name in a binary) and its text, read on demand (undefined: unreadable). */
export interface SiblingModule {
  key: string;
  /** The key and the version of the text read (a file's size and time): what answers are kept by. */
  id: string;
  text(): string | undefined;
}

/** The module a specifier written in module `from` names, when it is one of the program's. */
export type SiblingResolver = (from: string, specifier: string) => SiblingModule | undefined;

/**
 * Where the answers about a program's modules are shared: between the workers of one audit
 * (each would otherwise read the same modules for their exports, and a worker started again
 * after a recycle all of them again) and with later audits of the same program. An answer is
 * kept under the rules that made it (their ids; the store adds their builds and the engine's)
 * and the parts that name it; `check` throws on a value of another shape, which is then not used.
 */
export interface AnswerStore {
  read<T>(key: AnswerKey, check: (value: unknown) => T): T | undefined;
  write(key: AnswerKey, value: unknown): void;
}

export interface AnswerKey {
  rules: readonly string[];
  parts: readonly unknown[];
}

/**
 * Text that starts a process itself: a module with none of it, and none in the modules it imports
 * as far as runners are followed (RUNNER_STEPS), exports no function that does. `exec(` counts
 * only as a call of its own (`exec(cmd)`): `.exec(` is mostly a regular expression's (285 of
 * Claude Code's chunks were read for it, 49.6 MB, to find nothing), and a process module's
 * `exec` called as a method is found through its name (`child_process`) in the same text,
 * unless the text loads a module by value (`require("child_" + "process")`: see shapeOf).
 */
const METHOD_EXEC = /\.exec\(/;
const PROCESS_API = /child_process|\bspawn(?:Sync)?\(|\bexecFile(?:Sync)?\b|\bexecSync\b|(?<![.\w$])exec\(|Bun\.spawn|\bexeca\b|cross-spawn|node-pty/;
/**
 * Steps of runners over runners followed across modules: a module read for the question of
 * another is read with its own imports answered one step less far (none at step 0).
 */
const RUNNER_STEPS = 6;
/** A larger module is read for its exports without following its own imports. */
const MAX_FOLLOWED = 2 * 1024 * 1024;
/** A larger module is not analysed for its exports (its own scan still reads it). */
const MAX_ANALYSED = 8 * 1024 * 1024;

interface Shape {
  /** -1: unreadable. */
  length: number;
  startsHere: boolean;
  /** The other modules it imports (siblingSpecifiers), each with the names imported from it when only named in import lists (namedSiblingImports). */
  named: ReadonlyMap<string, readonly string[] | null>;
  /** It loads a module by a name not written as a plain string (loadsByValue): its imports are not all listed. */
  byValue: boolean;
}

/** What a module exports, worked out with its imports answered `steps` far, and whether that depended on `steps`. */
interface Exported {
  found: Record<string, StarterSummary> | null;
  /** Its imports' answers were the same however far they were followed: good for every step count. */
  final: boolean;
}

/**
 * The answers for the modules of one program. They depend only on the modules' texts, never on
 * the order of the questions (workers ask in different orders, and must agree): a module is
 * read for its exports with its own imports answered one step less far, down to none, so that
 * imports that go round end at step 0 whichever module was asked first.
 */
export class ProgramImports {
  /** By module version, then steps; a final answer under -1, for every step count. */
  private readonly exported = new Map<string, Map<number, Exported>>();
  private readonly starts = new Map<string, boolean>();
  private readonly shapes = new Map<string, Shape>();
  /** Each module read for its exports: the questions it asked, and each read's answers and exports. */
  private readonly reads = new Map<string, { questions: Array<[string, string]>; runs: Array<{ answers: Map<string, string>; found: Record<string, StarterSummary> | null }> }>();
  private readonly followers: readonly Rule[];
  /** The modules parsed and analysed for their exports, in order (one entry per read): what the filters spared shows here. */
  readonly analysed: string[] = [];

  constructor(
    private readonly resolve: SiblingResolver,
    rules: readonly Rule[],
    private readonly target: TargetContext,
    private readonly file: string,
    /** The version of every module the resolver may give (see ModuleImports.version), worked out once. */
    private readonly programVersion?: () => string,
    /** Answers shared with other workers and audits, kept by the program's version (none without one). */
    private readonly store?: AnswerStore,
  ) {
    this.followers = rules.filter(r => r.followsImports);
  }

  /**
   * The key of a module's answer in the store: what it depends on besides the rules, i.e. the
   * program's version (every module's text), the module, the steps followed, and the target the
   * rules are told (not the file a worker happened to scan first: starters do not depend on it,
   * and workers must find each other's answers). Undefined: not shared.
   */
  private sharedKey(kind: 'exports' | 'carriers', sibling: SiblingModule, steps?: number): AnswerKey | undefined {
    const version = this.store && this.version();
    if (!version) return undefined;
    return { rules: this.followers.map(r => r.meta.id), parts: [kind, version, sibling.id, steps ?? null, this.target] };
  }

  private versionKnown?: string;

  private version(): string | undefined {
    if (!this.programVersion) return undefined;
    this.versionKnown ??= this.programVersion();
    return this.versionKnown;
  }

  /** The answers for one module (`from`: its key, as the resolver names it). */
  forModule(from: string): ModuleImports | undefined {
    if (!this.followers.length) return undefined;
    return {
      starter: (specifier, name) => {
        const answer = this.starter(from, specifier, name, RUNNER_STEPS).summary;
        // Kept for the duration of one question only (a worker keeps several programs' answers).
        this.lastText = undefined;
        return answer;
      },
      carrier: (specifier, name) => {
        const answer = this.carrier(from, specifier, name);
        this.lastText = undefined;
        return answer;
      },
      ...(this.programVersion ? { version: () => this.version() ?? '' } : {}),
    };
  }

  /**
   * The parameter export `name` of the module `specifier` names gives back whole (js/carriers.ts).
   * It depends on that module's text alone (its own imports are not followed), so a module is
   * read for it once, whatever it names: a resolver has no start of its own to filter on, and is
   * asked about only where a runner's program goes through an imported call.
   */
  private carrier(from: string, specifier: string, name: string): number | undefined {
    const sibling = this.resolve(from, specifier);
    if (!sibling || sibling.key === from) return undefined;
    let carriers = this.carriers.get(sibling.id);
    if (carriers === undefined) {
      const shared = this.sharedKey('carriers', sibling);
      carriers = shared && this.store!.read(shared, checkCarriers);
      if (carriers === undefined) {
        const text = this.shapeOf(sibling).length < 0 ? undefined : this.textOf(sibling);
        carriers = text === undefined || text.length > MAX_ANALYSED ? null : (scanSourceSafely(text, { file: this.file, entry: sibling.key, rules: [], target: this.target, carriers: true }).carriers ?? null);
        // A read that failed now may not fail for the next worker: not kept.
        if (shared && text !== undefined) this.store!.write(shared, carriers);
      }
      this.carriers.set(sibling.id, carriers);
    }
    return carriers && Object.prototype.hasOwnProperty.call(carriers, name) ? carriers[name] : undefined;
  }

  /** By module version: its exported functions that give back a parameter (null: none, or unreadable). */
  private readonly carriers = new Map<string, Record<string, number> | null>();

  /** The answer for module `from`'s question with `steps` left, and whether it is final (the same however far followed). */
  private starter(from: string, specifier: string, name: string, steps: number): { summary?: StarterSummary; final: boolean } {
    const sibling = this.resolve(from, specifier);
    if (!sibling || sibling.key === from) return { final: true };
    const exported = this.exportsOf(sibling, steps);
    const all = exported.found;
    return { ...(all && Object.prototype.hasOwnProperty.call(all, name) ? { summary: all[name] } : {}), final: exported.final };
  }

  /** The module's text; the last one read is kept, since a module is read to filter it and then to analyse it. */
  private textOf(sibling: SiblingModule): string | undefined {
    if (this.lastText?.id === sibling.id) return this.lastText.text;
    let text: string | undefined;
    try {
      text = sibling.text();
    } catch {
      text = undefined;
    }
    this.lastText = { id: sibling.id, text };
    return text;
  }

  private lastText?: { id: string; text: string | undefined };

  /** Whether a module, or one it imports within `steps`, has text that starts a process (each step lowers `steps`: no cycle). */
  private mayStart(sibling: SiblingModule, steps: number): boolean {
    const memo = `${steps}\0${sibling.id}`;
    const known = this.starts.get(memo);
    if (known !== undefined) return known;
    const shape = this.shapeOf(sibling);
    let found = shape.startsHere;
    if (!found && steps > 0) {
      for (const specifier of shape.named.keys()) {
        const next = this.resolve(sibling.key, specifier);
        if (next && next.key !== sibling.key && this.mayStart(next, steps - 1)) {
          found = true;
          break;
        }
      }
    }
    this.starts.set(memo, found);
    return found;
  }

  /** What a module's text says without parsing it: its length, whether it names a way to start a process, and the other modules it imports. */
  private shapeOf(sibling: SiblingModule): Shape {
    let shape = this.shapes.get(sibling.id);
    if (!shape) {
      const text = this.textOf(sibling);
      if (text === undefined) shape = { length: -1, startsHere: false, named: new Map(), byValue: false };
      else {
        const byValue = loadsByValue(text);
        // `require("child_" + "process").exec(c)`: a method `exec` counts where the module may be named by value.
        shape = { length: text.length, startsHere: PROCESS_API.test(text) || (byValue && METHOD_EXEC.test(text)), named: namedSiblingImports(text), byValue };
      }
      this.shapes.set(sibling.id, shape);
    }
    return shape;
  }

  private exportsOf(sibling: SiblingModule, steps: number): Exported {
    let byStep = this.exported.get(sibling.id);
    const known = byStep?.get(-1) ?? byStep?.get(steps);
    if (known) return known;
    if (!byStep) this.exported.set(sibling.id, (byStep = new Map()));
    // A module whose text this worker has not read yet: the store first, so that a worker told by
    // another reads nothing. Once read, its shape answers most step counts "none" (below) without
    // the store, which holds only what analyses found: asked first at every step count, the store
    // was missed tens of thousands of times on Claude Code native (1.4 s of each worker's CPU).
    // A module whose read failed counts as unread: the next worker may read it, or be told.
    // The filters below never answer "none" where an analysis finds a runner (they look for
    // text no runner goes without), so a worker that asks the store first and one that filters
    // first find the same runners.
    const unread = (this.shapes.get(sibling.id)?.length ?? -1) < 0;
    const told = unread ? this.sharedExports(sibling, steps) : undefined;
    if (told) {
      byStep.set(told.final ? -1 : steps, told);
      return told;
    }
    const shape = this.shapeOf(sibling);
    if (shape.length < 0 || shape.length > MAX_ANALYSED || !this.mayStart(sibling, RUNNER_STEPS)) {
      const none = { found: null, final: true };
      byStep.set(-1, none);
      return none;
    }
    // A large module is read once, its own imports not followed: reading a 6 MB chunk at every
    // step count cost more than all the rest (its exports are rarely runners over other runners).
    const at = shape.length > MAX_FOLLOWED ? 0 : steps;
    if (!shape.startsHere && !shape.byValue) {
      const through = this.importsExport(sibling, shape, at);
      if (!through.some) {
        const none = { found: null, final: through.final };
        byStep.set(none.final ? -1 : steps, none);
        return none;
      }
    }
    const shared = unread ? undefined : this.sharedExports(sibling, steps);
    if (shared) {
      byStep.set(shared.final ? -1 : steps, shared);
      return shared;
    }
    let read = true;
    const result =
      this.againAt(sibling, at) ??
      (() => {
        const text = this.textOf(sibling);
        read = text !== undefined;
        return this.analyse(sibling, text, at);
      })();
    byStep.set(result.final ? -1 : steps, result);
    // A read that failed now may not fail for the next worker: not kept.
    if (read) this.share(sibling, steps, result);
    return result;
  }

  /**
   * Whether a module that starts no process itself imports a starter a step less far: without
   * one, every question it would ask is answered "none", and it exports no starter (Claude Code's
   * Bun chunks: 7 of the 1,795 modules read for their exports had one; reading the others was a
   * third of the audit). Its imports are worked out before it is read, never while its tree is
   * held. Final when every import's answer is the same at every step count.
   */
  private importsExport(sibling: SiblingModule, shape: Shape, steps: number): { some: boolean; final: boolean } {
    // At step 0 nothing is followed, and some import may start (mayStart): none, at this step count only.
    if (steps === 0) return { some: false, final: false };
    let final = true;
    for (const specifier of shape.named.keys()) {
      const next = this.resolve(sibling.key, specifier);
      if (!next || next.key === sibling.key || !this.mayStart(next, RUNNER_STEPS)) continue;
      const exported = this.exportsOf(next, steps - 1);
      const names = shape.named.get(specifier);
      const found = exported.found;
      if (found && (names ? names.some(n => Object.prototype.hasOwnProperty.call(found, n)) : Object.keys(found).length > 0)) return { some: true, final: false };
      final &&= exported.final;
    }
    return { some: false, final };
  }

  /** The exports another worker (or an earlier audit) worked out for the module asked at `steps`, or as final. */
  private sharedExports(sibling: SiblingModule, steps: number): Exported | undefined {
    const final = this.sharedKey('exports', sibling);
    const atSteps = this.sharedKey('exports', sibling, steps);
    if (!final || !atSteps) return undefined;
    return this.store!.read(final, checkExported) ?? this.store!.read(atSteps, checkExported);
  }

  private share(sibling: SiblingModule, steps: number, exported: Exported): void {
    const key = this.sharedKey('exports', sibling, exported.final ? undefined : steps);
    if (key) this.store!.write(key, exported);
  }

  /**
   * One import's answer for a module read at `steps`: one step less far, or none at step 0. Final
   * (the same at every step count) only when the module asked about starts nothing at all.
   */
  private answerFor(sibling: SiblingModule, specifier: string, name: string, steps: number): { summary?: StarterSummary; final: boolean } {
    const next = this.resolve(sibling.key, specifier);
    if (!next || next.key === sibling.key || !this.mayStart(next, RUNNER_STEPS)) return { final: true };
    if (steps === 0) return { final: false };
    return { summary: this.starter(sibling.key, specifier, name, steps - 1).summary, final: false };
  }

  /**
   * The module read at `steps` for its exports: only its calls that pass a parameter on ask about
   * other modules. Its questions and their answers are kept, so that at another step count the
   * same answers give the same exports without reading it again (a 6 MB chunk asked about from
   * every depth was read seven times).
   */
  private analyse(sibling: SiblingModule, text: string | undefined, steps: number): Exported {
    if (text === undefined) return { found: null, final: true };
    this.analysed.push(sibling.key);
    let final = true;
    const answers = new Map<string, string>();
    const questions: Array<[string, string]> = [];
    const imports: ModuleImports = {
      forExports: true,
      starter: (specifier, name) => {
        const answer = this.answerFor(sibling, specifier, name, steps);
        final &&= answer.final;
        const key = `${specifier}\0${name}`;
        if (!answers.has(key)) questions.push([specifier, name]);
        answers.set(key, JSON.stringify(answer.summary ?? null));
        return answer.summary;
      },
      // Fixed by the other module's text alone, the same at every step count: a read reused at
      // another step count (againAt) needs no record of these questions.
      carrier: (specifier, name) => this.carrier(sibling.key, specifier, name),
    };
    const scanned = scanSourceSafely(text, { file: this.file, entry: sibling.key, rules: this.followers, target: this.target, imports });
    const found = scanned.starters ?? null;
    const record = this.reads.get(sibling.id);
    if (record) record.runs.push({ answers, found });
    else this.reads.set(sibling.id, { questions, runs: [{ answers, found }] });
    return { found, final };
  }

  /** The exports of a module read before, when its questions get the same answers at `steps` as at a read before. */
  private againAt(sibling: SiblingModule, steps: number): Exported | undefined {
    const record = this.reads.get(sibling.id);
    if (!record) return undefined;
    let final = true;
    const answers = new Map<string, string>();
    for (const [specifier, name] of record.questions) {
      const answer = this.answerFor(sibling, specifier, name, steps);
      final &&= answer.final;
      answers.set(`${specifier}\0${name}`, JSON.stringify(answer.summary ?? null));
    }
    const same = record.runs.find(r => r.answers.size === answers.size && [...answers].every(([k, v]) => r.answers.get(k) === v));
    return same ? { found: same.found, final } : undefined;
  }
}

/**
 * What tells one version of a file from another without reading it: its size and modification
 * time, and its change time and inode. The modification time alone does not: npm and tar give
 * every file of every release the same one (1985-10-26), so a release that changes a file but
 * not its size would keep it; the change time is set by the system on every write and cannot
 * be set back by the writer.
 */
export function statVersion(s: fs.Stats): string {
  return `${s.size}\0${s.mtimeMs}\0${s.ctimeMs}\0${s.ino}`;
}

/** Folders a program's version does not look into: not code of its own that a relative import reaches in practice. */
const MAX_VERSION_FILES = 50_000;

/**
 * The version of a folder's JavaScript files as a whole: their paths, sizes and times, hashed (a
 * stat each, no read). Any file added, removed or changed gives another version. Links are not
 * followed (fileSiblings reads through them only to files inside the folder, which are listed).
 */
export function folderVersion(root: string): string {
  const hash = createHash('sha256');
  const stack = [path.resolve(root)];
  let files = 0;
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      hash.update(`unreadable\0${dir}\n`);
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (/\.[cm]?js$/.test(e.name)) {
        // Past the cap the version is new every time: answers are asked again, never wrongly kept.
        if (++files > MAX_VERSION_FILES) return `unversioned\0${Date.now()}\0${Math.random()}`;
        try {
          const s = fs.statSync(p);
          hash.update(`${p}\0${statVersion(s)}\n`);
        } catch {
          hash.update(`gone\0${p}\n`);
        }
      }
    }
  }
  return `files\0${hash.digest('hex')}`;
}

/**
 * Modules of a folder of files: a relative specifier resolved against the importing file, as
 * Node does for a file (`./run`, `./run.js`, `./run/index.js`), inside `root` only.
 */
export function fileSiblings(root: string, read: (absPath: string) => string | undefined): SiblingResolver {
  const base = path.resolve(root);
  let realBase: string | undefined;
  const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);
  // By the folder asked from and the specifier: the filter asks the same thousands of times
  // (Qwen Code's 1,000 chunks import each other), each a stat and a realpath.
  const known = new Map<string, SiblingModule | null>();
  return (from, specifier) => {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
    const key = `${path.posix.dirname(from)}\0${specifier}`;
    let found = known.get(key);
    if (found === undefined) known.set(key, (found = find(path.resolve(base, path.dirname(from), specifier)) ?? null));
    return found ?? undefined;
  };
  function find(wanted: string): SiblingModule | undefined {
    if (!inside(wanted, base)) return undefined;
    for (const candidate of [wanted, `${wanted}.js`, `${wanted}.mjs`, `${wanted}.cjs`, path.join(wanted, 'index.js')]) {
      if (!/\.[cm]?js$/.test(candidate)) continue;
      let stat: fs.Stats;
      let real: string;
      try {
        stat = fs.statSync(candidate);
        // Through a link, the file must still be inside the target (as the file walk requires).
        real = fs.realpathSync(candidate);
        realBase ??= fs.realpathSync(base);
      } catch {
        continue;
      }
      if (!stat.isFile() || stat.size > MAX_ANALYSED || !inside(real, realBase)) continue;
      const rel = path.relative(base, candidate).split(path.sep).join('/');
      return { key: rel, id: `${rel}\0${statVersion(stat)}`, text: () => read(candidate) };
    }
    return undefined;
  }
}

/**
 * Modules embedded in one binary, by name: Bun's absolute `/$bunfs/root/chunk-….js` as written,
 * or a specifier relative to the importing module's name.
 */
export function binarySiblings(names: ReadonlyMap<string, { size: number; text: () => string | undefined }>): SiblingResolver {
  return (from, specifier) => {
    const name = specifier.startsWith('/') ? specifier : path.posix.join(path.posix.dirname(from), specifier);
    const module = names.get(name);
    return module && module.size <= MAX_ANALYSED ? { key: name, id: name, text: module.text } : undefined;
  };
}

/** Drops the answers kept for programs scanned before: a new audit reads them again (their files may have changed). */
export function forgetPrograms(): void {
  PROGRAMS.clear();
}

/**
 * The answers for the modules of one program, kept while the same program is scanned (a worker
 * scans many of its files or modules, one task after another): by its root or binary, the
 * binary's size and time, and the rules run.
 */
const PROGRAMS = new Map<string, ProgramImports>();
const MAX_PROGRAMS = 8;

export function programImports(key: string, make: () => ProgramImports): ProgramImports {
  let known = PROGRAMS.get(key);
  if (known) {
    // Most recently used last.
    PROGRAMS.delete(key);
    PROGRAMS.set(key, known);
    return known;
  }
  known = make();
  PROGRAMS.set(key, known);
  if (PROGRAMS.size > MAX_PROGRAMS) PROGRAMS.delete(PROGRAMS.keys().next().value!);
  return known;
}

/**
 * What a scan's result keeps of its questions to other modules: the answers, and the program's
 * version they were told under (answersHold), absent when it asked nothing.
 */
export function keptAnswers(answers: ImportAnswer[] | undefined, imports: ModuleImports | undefined): { importAnswers?: ImportAnswer[]; importsVersion?: string } {
  if (!answers) return {};
  return { importAnswers: answers, ...(imports?.version ? { importsVersion: imports.version() } : {}) };
}

/**
 * Whether a cached result's answers about other modules are still the ones they give: its
 * findings depend on them. `imports` is asked for only when there are answers to check.
 */
export function answersHold(answers: readonly ImportAnswer[] | undefined, importsOf: () => ModuleImports | undefined, version?: string): boolean {
  if (!answers?.length) return true;
  const imports = importsOf();
  if (!imports) return false;
  // No module of the program changed since: the answers are what they were (a warm re-audit asks nothing).
  if (version !== undefined && version !== '' && imports.version?.() === version) return true;
  return answers.every(a => (a.carrier ? imports.carrier?.(a.specifier, a.name) === a.carrier.carries : JSON.stringify(imports.starter(a.specifier, a.name) ?? null) === JSON.stringify(a.summary ?? null)));
}

/** A shared answer about exports, checked before it stands in for a read (it comes from a file). */
function checkExported(value: unknown): Exported {
  const v = value as Partial<Exported> | null;
  if (!v || typeof v !== 'object' || typeof v.final !== 'boolean') throw new Error('exports without their fields');
  if (v.found !== null) {
    if (!v.found || typeof v.found !== 'object' || Array.isArray(v.found)) throw new Error('exports that are not a table');
    for (const s of Object.values(v.found)) checkSummary(s);
  }
  return { found: v.found ?? null, final: v.final };
}

function checkSummary(value: unknown): void {
  const s = value as Partial<StarterSummary> | null;
  const position = (n: unknown) => n === undefined || Number.isInteger(n);
  if (!s || typeof s !== 'object' || typeof s.call !== 'string' || typeof s.shell !== 'boolean' || !position(s.program) || !position(s.list) || !position(s.whole)) throw new Error('a start without its fields');
  if (s.shellOptions !== undefined && (!Array.isArray(s.shellOptions) || !s.shellOptions.every(o => Number.isInteger(o) || (!!o && typeof o === 'object' && Number.isInteger(o.at) && typeof o.key === 'string')))) throw new Error('shell options that are not positions');
}

function checkCarriers(value: unknown): Record<string, number> | null {
  if (value === null) return null;
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every(n => Number.isInteger(n))) throw new Error('carriers that are not positions');
  return value as Record<string, number>;
}
