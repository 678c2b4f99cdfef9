// Which module members start a process (child_process, execa, cross-spawn, shelljs, node-pty),
// and how a started program's arguments read: the shells, and the options after which a shell
// or interpreter is given code instead of a file. Shared by the rules that ask what a call
// runs (child-process, clipboard-read, download-exec), so they read a command line alike.
import type { ModuleRef } from '../../js/modules';

const SHELL_CALLS = new Set(['exec', 'execSync']);
const SPAWN_CALLS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork']);
const PACKAGES = new Set(['execa', 'cross-spawn', 'shelljs']);
// A pseudo-terminal starts its program like spawn does (an agent's interactive shell tool).
const PTY_PACKAGES = new Set(['node-pty', '@lydell/node-pty', 'node-pty-prebuilt-multiarch', '@homebridge/node-pty-prebuilt-multiarch', '@cdktf/node-pty-prebuilt-multiarch']);

/** A pseudo-terminal package (node-pty and its prebuilt forks). */
export function isPtyPackage(module: string): boolean {
  return PTY_PACKAGES.has(module);
}

/** Which call a module member is: `shell` (always through a shell), `spawn`, or undefined. */
export function processCall(ref: ModuleRef): 'shell' | 'spawn' | undefined {
  const last = ref.path[ref.path.length - 1];
  if (ref.module === 'child_process') return SHELL_CALLS.has(last) ? 'shell' : SPAWN_CALLS.has(last) ? 'spawn' : undefined;
  if (PTY_PACKAGES.has(ref.module)) return last === 'spawn' ? 'spawn' : undefined;
  if (PACKAGES.has(ref.module)) {
    if (ref.module === 'shelljs') return last === 'exec' ? 'shell' : undefined;
    return ref.path.length === 0 || ['sync', 'command', 'commandSync', 'execa', 'execaSync', 'execaCommand', '$'].includes(last) ? 'spawn' : undefined;
  }
  return undefined;
}


/** A program's name as a command spells it: its file name, lower case (`C:\\Windows\\System32\\cmd.exe` is `cmd.exe`). */
export function programName(program: string): string {
  return program.toLowerCase().split(/[\\/]/).pop() ?? '';
}

/** Shells, by program name (programName). */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh', 'pwsh.exe']);

/**
 * An option after which a shell's next argument is its command line: `-c` (with `-l`/`-i`
 * folded in: `bash -lc`, `sh -ic`), cmd's `/c` or `/C`, PowerShell's `-Command` (any case).
 * Not `-C` (bash's noclobber) nor cmd's `/k`.
 */
export function isShellCommandOption(option: string): boolean {
  return /^(?:-[il]{0,2}c[il]{0,2}|\/[cC])$/.test(option) || option.toLowerCase() === '-command';
}

/** Interpreter options followed by code: node's and perl's `-e`, node's `--eval`, `-p`, `--print`; PowerShell's encoded command. */
const INLINE_CODE_OPTIONS = new Set(['-e', '--eval', '-p', '--print', '-encodedcommand', '-ec']);

/**
 * An option after which an interpreter's next argument is code to run, not a file: a shell's
 * `-c` or `-Command`, node's `-e`/`--eval`/`-p`, PowerShell's `-EncodedCommand`. Not cmd's
 * `/c`: the line after it is often a file to run (`cmd /c setup.exe`).
 */
export function isInlineCodeOption(option: string): boolean {
  return (isShellCommandOption(option) && option.toLowerCase() !== '/c') || INLINE_CODE_OPTIONS.has(option.toLowerCase());
}

/** A command line whose first word is computed (`*`, `"*"`, `(*`). */
export function startsComputed(line: string): boolean {
  return /^(?:\(encoded\) )?["'\s(]*\*/.test(line);
}

/** A shell given computed text to run: `cmd /C *`, `sh -c "*"`, `powershell -Command *`. */
export const SHELL_GIVEN_TEXT = /^(?:\S*[\\/])?(?:cmd(?:\.exe)?\s+(?:\/\w\s+)*\/[ck]|(?:ba|z|da|k|fi)?sh(?:\.exe)?\s+(?:-\w+\s+)*-\w*c|(?:powershell|pwsh)(?:\.exe)?\s+(?:-\w+\s+)*-c(?:ommand)?)\s+["']*\*/i;

/**
 * A shell line that runs something computed: any of its commands (split at `&&`, `||`, `;`,
 * `|`, `&` and new lines outside quotes) starts computed, or hands computed text to another
 * shell (`chcp 65001 > nul && cmd /C ${cmd}`).
 */
export function lineComputed(line: string): boolean {
  return commandsOfLine(line.replace(/^\(encoded\) /, '')).some(c => {
    const program = c.replace(RUNNERS, '');
    return startsComputed(program) || SHELL_GIVEN_TEXT.test(program);
  });
}

/** Some command of the line hands computed text to another shell (`sh -c *`, `sudo cmd /C *`). */
export function handsShellText(line: string): boolean {
  return commandsOfLine(line).some(c => SHELL_GIVEN_TEXT.test(c.replace(RUNNERS, '')));
}

/** What runs a command it is given (`FOO=1 *`, `env *`, `sudo -E *`, `xargs -0 *`, `timeout 5 *`): the command is what follows. */
export const RUNNERS = /^(?:(?:[A-Za-z_]\w*=\S*|env(?:\s+-\S+)*|sudo(?:\s+(?:-[ugCDhpRrTU]\s+\S+|-\S+))*|doas(?:\s+-u\s+\S+)?|xargs(?:\s+(?:-[IdEeLnPs]\s+\S+|-\S+))*|nohup|exec|time|command|nice(?:\s+-n\s*-?\d+|\s+-\d+)?|timeout(?:\s+(?:-[sk]\s+\S+|-\S+))*\s+\S+)\s+)+/;

/** The commands of a shell line, split where the shell would split them (quotes respected). */
export function commandsOfLine(line: string): string[] {
  const out: string[] = [];
  let quote = '';
  let from = 0;
  // Text of the command a substitution interrupted (`X=$(pwd) ${y}`: `X=·` goes on with ` ${y}`).
  let before = '';
  const open: Array<{ kind: 'subst' | 'tick' | 'group'; quote: string; before: string }> = [];
  const end = (at: number) => {
    out.push((before + line.slice(from, at)).trim());
    before = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    // A substitution (`$(…)`, `` `…` ``) runs a command, in double quotes too; after it, the
    // command it sits in goes on.
    if (quote !== "'" && (c === '`' || (c === '$' && line[i + 1] === '('))) {
      const top = open[open.length - 1];
      if (c === '`' && top?.kind === 'tick') {
        open.pop();
        end(i);
        ({ quote, before } = { quote: top.quote, before: `${top.before}·` });
        from = i + 1;
        continue;
      }
      open.push({ kind: c === '`' ? 'tick' : 'subst', quote, before: before + line.slice(from, i) });
      quote = '';
      before = '';
      from = i + (c === '`' ? 1 : 2);
      if (c === '$') i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    // A group `( … )` opens where a command starts; elsewhere a parenthesis is an argument's
    // (`echo "(x)"`, PowerShell's `[IO.File]::Exists($p)`).
    else if (c === '(' && (before + line.slice(from, i)).trim() === '') {
      open.push({ kind: 'group', quote: '', before: '' });
      from = i + 1;
    } else if (c === ')' && open.length && open[open.length - 1].kind !== 'tick') {
      const top = open.pop()!;
      end(i);
      quote = top.quote;
      before = top.kind === 'subst' ? `${top.before}·` : '';
      from = i + 1;
    } else if (c === ';' || c === '\n' || c === '|' || (c === '&' && line[i - 1] !== '>' && line[i - 1] !== '<' && line[i + 1] !== '>')) {
      end(i);
      const twice = line[i + 1] === c;
      from = i + (twice ? 2 : 1);
      if (twice) i++;
    }
  }
  end(line.length);
  return out.filter(c => c !== '');
}
