// Which module members start a process: child_process, execa, cross-spawn, shelljs, node-pty.
// Shared by the rules that ask whether a call runs a program (child-process, clipboard-read).
import type { ModuleRef } from '../../js/modules';

const SHELL_CALLS = new Set(['exec', 'execSync']);
const SPAWN_CALLS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork']);
const PACKAGES = new Set(['execa', 'cross-spawn', 'shelljs']);
// A pseudo-terminal starts its program like spawn does (an agent's interactive shell tool).
const PTY_PACKAGES = new Set(['node-pty', '@lydell/node-pty', 'node-pty-prebuilt-multiarch', '@homebridge/node-pty-prebuilt-multiarch', '@cdktf/node-pty-prebuilt-multiarch']);

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
