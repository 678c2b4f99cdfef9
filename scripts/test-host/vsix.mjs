// Packages an extension folder into a .vsix with @vscode/vsce from .test-host/tools.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TOOLS } from './paths.mjs';

export function packageVsix(folder, out) {
  // The README's screenshots are shipped in the package and linked relatively; with no public
  // repository to point them at, vsce is told to leave the links as written.
  execFileSync(join(TOOLS, '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return out;
}
