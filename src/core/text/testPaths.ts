// Which shipped files are a package's tests or benchmarks: code its users never run. One
// definition for files on disk and entries inside archives, so that `--include-tests` means
// the same in both.

/** Folders of code a package's users never run: tests, their fixtures, benchmarks. */
export const TEST_DIRS: ReadonlySet<string> = new Set(['test', 'tests', '__tests__', '__test__', 'spec', '__mocks__', 'fixtures', '__fixtures__', 'benchmark', 'benchmarks', '__benchmarks__']);

const TEST_FILE = /\.(test|spec)\.[cm]?js$/;

/** `x.test.js`, `x.spec.mjs`. */
export function isTestFileName(name: string): boolean {
  return TEST_FILE.test(name);
}

/** A path (forward or back slashes) with a test folder among its folders, or a test file's name. */
export function isTestPath(rel: string): boolean {
  const parts = rel.split(/[\\/]/);
  const name = parts.pop() ?? '';
  return isTestFileName(name) || parts.some(part => TEST_DIRS.has(part));
}
