// Packages an extension folder into a .vsix with @vscode/vsce from .test-host/tools.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TOOLS } from './paths.mjs';

export function packageVsix(folder, out) {
  execFileSync(join(TOOLS, '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', out], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return out;
}
