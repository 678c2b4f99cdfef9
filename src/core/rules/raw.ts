// What the walk produces before findings are located: offsets, the function they sit in,
// and the facts correlation reasons over. Shared by engine.ts and correlate.ts.
import type { Finding, Severity } from '../model';
import type { Fact, Span } from './types';

/** Functions bigger than this are module-sized: they never widen a correlation scope. */
export const WRAPPER_SIZE = 64 * 1024;

/** A function of the scanned source, for correlation (and later the call graph). */
export interface FunctionInfo {
  start: number;
  end: number;
  /** Index of the enclosing function, -1 at module level. */
  parent: number;
  /** A module or bundle wrapper: never widens a correlation scope. */
  wrapper: boolean;
}

export interface RawRelated extends Span {
  message: string;
}

export interface RawFinding extends Span {
  ruleId: string;
  category: Finding['category'];
  severity: Severity;
  message: string;
  evidence: string[];
  facts: Fact[];
  /** Innermost enclosing function index, -1 at module level. */
  fn: number;
  related: RawRelated[];
}
