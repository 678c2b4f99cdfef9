// What a function exported by one module of a program does, as another module that imports
// it needs to know: plain data, worked out where the function is written and handed to the
// modules that call it (a worker may work it out again; it never crosses as code).

/**
 * A function that starts a process with the program and arguments its caller gives
 * (`export function run(file, args, opts) { return spawn(file, args, opts) }`, Claude Code's
 * `ut`/`vt` over a bundled execa): each call of it is a process start, read as spawn's.
 */
export interface StarterSummary {
  /** The start inside, as child-process names it (`child_process.spawn`). */
  call: string;
  /** Argument positions of the program and of its argument list (absent: the function writes its own). */
  program?: number;
  list?: number;
  /** Argument position of one list holding the program first (`run(["git", "status"])`). */
  whole?: number;
  /** A shell runs the command whatever the caller gives (exec inside, `shell: true` on the way). */
  shell: boolean;
  /**
   * Arguments whose `shell` option decides whether a shell runs it (execa's options): a position,
   * or a position and the property of it that holds the options (`run(cmd, { spawnOptions })`).
   */
  shellOptions?: Array<number | { at: number; key: string }>;
}

/** One question a module asked about another's export, and the answer it was given: what a cached result depended on. */
export interface ImportAnswer {
  specifier: string;
  name: string;
  summary?: StarterSummary;
  /**
   * Asked whether the export gives back a parameter it is given (a runner resolving its program
   * through it: `spawn(resolve(e), args)`), not whether it starts a process: the position told.
   */
  carrier?: { carries?: number };
}
