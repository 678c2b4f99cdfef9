// A text that did not parse as JavaScript may be another language's script: a package's `bin`
// that is a shell placeholder until its native binary is installed (Amp's npm launcher), or a
// file whose `#!` line names another interpreter. Said plainly instead of a parser's error.

/** Interpreters that run shell, Python, Perl, Ruby or PowerShell, by the word a `#!` line names. */
const OTHER_INTERPRETER = /^(?:sh|bash|zsh|dash|ksh|mksh|fish|csh|tcsh|python[\d.]*|perl[\d.]*|ruby[\d.]*|pwsh|php[\d.]*)$/;
/** First lines only a shell reads: `echo "…" >&2`, `exit 1`, `set -e`, `if [ … ]`, cmd's `@echo off`. */
const SHELL_FIRST_LINE = /^(?:echo\s+["'$\w-]|exit\s+\d|set\s+-[a-z]|if\s+\[|export\s+\w+=|source\s|\.\s+\S|@echo\s+off\b|rem\s)/i;

/**
 * What other script the text is, from its first line: `a script for sh (#!/bin/sh)`, `a shell
 * script (first line: exit 1)`; undefined when the first line says nothing (or names node, bun…).
 * Only asked of a text that did not parse: a polyglot (`#!/bin/sh` then `":" //; exec node "$0"`) is JavaScript too.
 */
export function otherScript(text: string): string | undefined {
  const first = /^\s*([^\r\n]*)/.exec(text.slice(0, 512))?.[1].trim() ?? '';
  const shown = first.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
  if (first.startsWith('#!')) {
    const words = first.slice(2).trim().split(/\s+/);
    // `#!/usr/bin/env -S bash -e`: the interpreter is the first word env is given that is not an option.
    const program = words[0]?.split('/').pop() === 'env' ? words.slice(1).find(w => !w.startsWith('-') && !w.includes('=')) : words[0];
    const name = program?.split('/').pop() ?? '';
    return OTHER_INTERPRETER.test(name) ? `a script for ${name} (${shown})` : undefined;
  }
  return SHELL_FIRST_LINE.test(first) ? `a shell script (first line: ${shown})` : undefined;
}
