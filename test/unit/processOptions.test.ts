import * as assert from 'node:assert/strict';
import { isInlineCodeOption, isShellCommandOption, SHELL_PROGRAMS } from '../../src/core/rules/util/process';

// One reading of a started program's options for child-process, clipboard-read and download-exec.
describe('process options: what a shell or interpreter is given', () => {
  const table: Array<[string, boolean, boolean]> = [
    // option, hands a shell its command line, hands an interpreter inline code
    ['-c', true, true],
    ['-lc', true, true],
    ['-ic', true, true],
    ['-cl', true, true],
    ['/c', true, false],
    ['/C', true, false],
    ['-Command', true, true],
    ['-COMMAND', true, true],
    ['-e', false, true],
    ['--eval', false, true],
    ['-p', false, true],
    ['-EncodedCommand', false, true],
    ['-C', false, false],
    ['-l', false, false],
    ['/k', false, false],
    ['-File', false, false],
    ['install.sh', false, false],
  ];
  for (const [option, shell, inline] of table) {
    it(`${option}: ${shell ? 'a command line follows' : 'no command line'}, ${inline ? 'inline code follows' : 'no inline code'}`, () => {
      assert.equal(isShellCommandOption(option), shell);
      assert.equal(isInlineCodeOption(option), inline);
    });
  }

  it('knows the shells by program name, not interpreters or other programs', () => {
    for (const shell of ['sh', 'bash', 'zsh', 'cmd.exe', 'powershell.exe', 'pwsh']) assert.ok(SHELL_PROGRAMS.has(shell), shell);
    for (const other of ['node', 'python3', 'git', 'tar']) assert.ok(!SHELL_PROGRAMS.has(other), other);
  });
});
