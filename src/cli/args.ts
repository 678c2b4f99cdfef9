// A small, strict argument parser: unknown options are usage errors (exit 2), never ignored.
import * as path from 'node:path';

export interface ArgSpec {
  /** Options without a value, e.g. ["json", "strict"]. */
  flags: string[];
  /** Options that take a value, e.g. ["rules", "fail-on"]. */
  values: string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      parsed.values.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return parsed;
}

export function listValue(v: string | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return v.split(',').map(s => s.trim()).filter(Boolean);
}

/**
 * The folder the user ran the command from. Under `npm run audit -- PATH`, npm starts us in
 * the package folder but keeps the user's folder in INIT_CWD: relative paths mean that one.
 * Only when we do run in that package folder: a process started elsewhere by an npm script
 * (a test, say) inherits INIT_CWD but means its own working folder.
 */
export function invocationDir(): string {
  const { INIT_CWD, npm_package_json } = process.env;
  if (INIT_CWD && npm_package_json && path.dirname(path.resolve(npm_package_json)) === process.cwd()) return INIT_CWD;
  return process.cwd();
}
