// The one orchestration: targets -> files -> facts -> findings -> result. The CLI, the scan
// worker, the benchmark, the corpus report and the tests all call `auditTargets`; discovery
// (which targets) and policy (what the result breaks) sit on either side of it.
import type { TargetResult, TargetSpec } from './model';
import { emptyResult } from './model';
import { CORRELATION_RULES } from './rules/correlations';
import { RULES, ruleCatalog } from './rules';
import type { Rule } from './rules/types';
import { scanTarget, type FileStats } from './scan/target';
import { targetRoot } from './discovery/pathTarget';
import { PYTHON_NOTE } from './discovery/python';

export interface RuleSelection {
  rules: readonly Rule[];
  /** Keep only findings of these rule ids; undefined keeps all. */
  keep?: ReadonlySet<string>;
  /** Ids asked for that no rule has. */
  unknown: string[];
}

/**
 * The rules to run for a selection of ids (`--rules`) or everything but some ids (the editor's
 * `disabledRules`). A correlation runs the rules it needs; their own findings are kept only if
 * named too.
 */
export function selectRules(selection: { only?: readonly string[]; disabled?: readonly string[] } = {}): RuleSelection {
  const known = new Set(ruleCatalog().map(r => r.id));
  const disabled = new Set(selection.disabled ?? []);
  const wanted = selection.only?.length ? [...selection.only] : disabled.size ? [...known].filter(id => !disabled.has(id)) : undefined;
  if (!wanted) return { rules: RULES, unknown: [] };
  const run = new Set(wanted);
  for (const c of CORRELATION_RULES) if (run.has(c.meta.id)) c.needs.forEach(n => run.add(n));
  return {
    rules: RULES.filter(r => run.has(r.meta.id)),
    keep: new Set(wanted),
    unknown: wanted.filter(n => !known.has(n)),
  };
}

export interface AuditOptions {
  selection?: RuleSelection;
  /** Per JS file and per module embedded in a binary; binaries themselves have no limit. */
  maxFileBytes?: number;
  includeTests?: boolean;
  /** Before each file or embedded module; returning false stops the audit (cancellation). */
  onFile?: (target: number, file: string, size: number) => boolean | void;
  onFileDone?: (target: number, file: string, stats: FileStats) => void;
  /** After each target, with its result and how long it took. */
  onTarget?: (target: number, result: TargetResult, ms: number) => void;
}

/** What discovery marks as Python: listed, not scanned. */
interface MaybePython {
  language?: string;
}

/** Scans each target in turn; a cancelled audit stops after the target it was in. */
export function auditTargets(specs: readonly TargetSpec[], options: AuditOptions = {}): TargetResult[] {
  const selection = options.selection ?? selectRules();
  const results: TargetResult[] = [];
  let stopped = false;
  specs.forEach((spec, index) => {
    if (stopped) return;
    const started = performance.now();
    let result: TargetResult;
    if ((spec as MaybePython).language === 'python') {
      result = emptyResult(spec, targetRoot(spec));
      result.errors.push({ file: '.', message: PYTHON_NOTE });
    } else {
      result = scanTarget(spec, {
        rules: selection.rules,
        keep: selection.keep,
        maxFileBytes: options.maxFileBytes,
        includeTests: options.includeTests,
        onFile: (file, size) => {
          const go = options.onFile?.(index, file, size);
          if (go === false) stopped = true;
          return go;
        },
        onFileDone: options.onFileDone && ((file, stats) => options.onFileDone!(index, file, stats)),
      });
    }
    results.push(result);
    options.onTarget?.(index, result, performance.now() - started);
  });
  return results;
}
