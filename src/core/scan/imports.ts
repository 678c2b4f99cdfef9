// Answers one module's questions about the functions other modules of the same program export
// (a Bun binary's chunks, a package's files, an esbuild or rollup build split in chunks): the
// other module is read and analysed with the rules that follow imports, once per scanner, and
// what it exports is kept. Nothing in it is run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ImportAnswer, StarterSummary } from '../model';
import type { Rule, TargetContext } from '../rules/types';
import { isSiblingSpecifier, scanSourceSafely, type ModuleImports } from './engine';

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
 * Text that starts a process itself: a module with none of it, and none in the modules it imports
 * (two steps: Claude Code's runner chunk imports the chunk with execa, which imports nothing
 * that does), exports no function that does.
 */
const PROCESS_API = /child_process|\bspawn(?:Sync)?\(|\bexecFile(?:Sync)?\b|\bexecSync\b|\bexec\(|Bun\.spawn|\bexeca\b|cross-spawn|node-pty/;
const IMPORTED = /\bfrom\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/g;
/** Steps of imports a start may be behind. */
const IMPORT_STEPS = 2;
/** Modules analysed for one answer at once, at most (a chain of runners over runners). */
const MAX_NESTED = 6;
/** Analyses of one module whose answer was not final (see exportsOf), at most. */
const MAX_TRIES = 3;
/** A larger module is not analysed for its exports (its own scan still reads it). */
const MAX_ANALYSED = 8 * 1024 * 1024;

export class ProgramImports {
  private readonly exported = new Map<string, Record<string, StarterSummary> | null>();
  private readonly starts = new Map<string, boolean>();
  private readonly busy = new Set<string>();
  private readonly tries = new Map<string, number>();
  /** Answers not given because of a cycle or the depth, so far. */
  private cuts = 0;
  private readonly followers: readonly Rule[];

  constructor(
    private readonly resolve: SiblingResolver,
    rules: readonly Rule[],
    private readonly target: TargetContext,
    private readonly file: string,
  ) {
    this.followers = rules.filter(r => r.followsImports);
  }

  /** The answers for one module (`from`: its key, as the resolver names it); `forExports` when it is read for its exports only. */
  forModule(from: string, forExports = false): ModuleImports | undefined {
    if (!this.followers.length) return undefined;
    return { starter: (specifier, name) => this.starter(from, specifier, name), ...(forExports ? { forExports } : {}) };
  }

  private starter(from: string, specifier: string, name: string): StarterSummary | undefined {
    const sibling = this.resolve(from, specifier);
    if (!sibling || sibling.key === from) return undefined;
    const all = this.exportsOf(sibling);
    return all && Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
  }

  /** The module's text, read each time it is needed: only whether it starts a process and what it exports are kept. */
  private textOf(sibling: SiblingModule): string | undefined {
    try {
      return sibling.text();
    } catch {
      return undefined;
    }
  }

  /** Whether a module, or one it imports within `steps`, has text that starts a process. */
  private mayStart(sibling: SiblingModule, steps: number): boolean {
    const memo = `${steps}\0${sibling.id}`;
    const known = this.starts.get(memo);
    if (known !== undefined) return known;
    this.starts.set(memo, false);
    const text = this.textOf(sibling);
    let found = text !== undefined && PROCESS_API.test(text);
    if (!found && text !== undefined && steps > 0) {
      for (const m of text.matchAll(IMPORTED)) {
        const specifier = m[1] ?? m[2] ?? m[3];
        const next = isSiblingSpecifier(specifier) ? this.resolve(sibling.key, specifier) : undefined;
        if (next && next.key !== sibling.key && this.mayStart(next, steps - 1)) {
          found = true;
          break;
        }
      }
    }
    this.starts.set(memo, found);
    return found;
  }

  private exportsOf(sibling: SiblingModule): Record<string, StarterSummary> | null {
    const known = this.exported.get(sibling.id);
    if (known !== undefined) return known;
    // A module met again while it is analysed (imports that go round), or too deep: no answer
    // from it there, and the modules being analysed get an answer that is not final.
    if (this.busy.has(sibling.key) || this.busy.size >= MAX_NESTED) {
      this.cuts++;
      return null;
    }
    if (!this.mayStart(sibling, IMPORT_STEPS)) {
      this.exported.set(sibling.id, null);
      return null;
    }
    const text = this.textOf(sibling);
    if (text === undefined || text.length > MAX_ANALYSED) {
      this.exported.set(sibling.id, null);
      return null;
    }
    this.busy.add(sibling.key);
    const cutsBefore = this.cuts;
    let found: Record<string, StarterSummary> | null = null;
    try {
      const scanned = scanSourceSafely(text, { file: this.file, entry: sibling.key, rules: this.followers, target: this.target, imports: this.forModule(sibling.key, true) });
      found = scanned.starters ?? null;
    } finally {
      this.busy.delete(sibling.key);
    }
    // An answer some import could not give (a cycle, the depth) is kept only after the module
    // has been analysed MAX_TRIES times: asked again from elsewhere, it may get them all.
    const tries = (this.tries.get(sibling.id) ?? 0) + 1;
    this.tries.set(sibling.id, tries);
    if (this.cuts === cutsBefore || tries >= MAX_TRIES) this.exported.set(sibling.id, found);
    return found;
  }
}

/**
 * Modules of a folder of files: a relative specifier resolved against the importing file, as
 * Node does for a file (`./run`, `./run.js`, `./run/index.js`), inside `root` only.
 */
export function fileSiblings(root: string, read: (absPath: string) => string | undefined): SiblingResolver {
  const base = path.resolve(root);
  return (from, specifier) => {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
    const wanted = path.resolve(base, path.dirname(from), specifier);
    if (wanted !== base && !wanted.startsWith(base + path.sep)) return undefined;
    for (const candidate of [wanted, `${wanted}.js`, `${wanted}.mjs`, `${wanted}.cjs`, path.join(wanted, 'index.js')]) {
      if (!/\.[cm]?js$/.test(candidate)) continue;
      let stat: fs.Stats;
      try {
        stat = fs.statSync(candidate);
      } catch {
        continue;
      }
      if (!stat.isFile()) continue;
      const rel = path.relative(base, candidate).split(path.sep).join('/');
      return { key: rel, id: `${rel}\0${stat.size}\0${stat.mtimeMs}`, text: () => read(candidate) };
    }
    return undefined;
  };
}

/**
 * Modules embedded in one binary, by name: Bun's absolute `/$bunfs/root/chunk-….js` as written,
 * or a specifier relative to the importing module's name.
 */
export function binarySiblings(names: ReadonlyMap<string, () => string | undefined>): SiblingResolver {
  return (from, specifier) => {
    const name = specifier.startsWith('/') ? specifier : path.posix.join(path.posix.dirname(from), specifier);
    const text = names.get(name);
    return text ? { key: name, id: name, text } : undefined;
  };
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

/** Whether a cached result's answers about other modules are still the ones they give: its findings depend on them. */
export function answersHold(answers: readonly ImportAnswer[] | undefined, imports: ModuleImports | undefined): boolean {
  if (!answers?.length) return true;
  if (!imports) return false;
  return answers.every(a => JSON.stringify(imports.starter(a.specifier, a.name) ?? null) === JSON.stringify(a.summary ?? null));
}
