// Packages an extension folder into a .vsix with @vscode/vsce from .test-host/tools.
//
// The README's screenshots: README.md shows docs/screenshots/*.png by relative links. VS Code's
// Extensions view shows an installed extension's README images from https: URLs only (its
// sanitizer drops data: images and its CSP blocks the extension's own files; both checked in
// the browser suite), and this project has no public URL to show them from. So the .vsix
// carries a copy of the README (out/README.vsix.md, packed as the README with --readme-path) in
// which each screenshot is a line naming it: text instead of a broken image, and 900 KB of
// pictures nobody could see left out.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOLS } from './paths.mjs';

const SCREENSHOT = /!\[([^\]]*)\]\((docs\/screenshots\/[\w.-]+\.png)\)/g;

/** README.md's text with each screenshot replaced by a line of text that names it. */
export function readmeWithoutScreenshots(readme) {
  return readme.replace(SCREENSHOT, (_, alt, rel) => `*Screenshot in the source repository, \`${rel}\`: ${alt}.*`);
}

/** The README the .vsix carries, relative to `folder`: undefined when README.md shows no screenshot (packed as it is). */
export function vsixReadme(folder) {
  const file = join(folder, 'README.md');
  if (!existsSync(file)) return undefined;
  const readme = readFileSync(file, 'utf8');
  const copy = readmeWithoutScreenshots(readme);
  if (copy === readme) return undefined;
  mkdirSync(join(folder, 'out'), { recursive: true });
  writeFileSync(join(folder, 'out', 'README.vsix.md'), copy);
  return 'out/README.vsix.md';
}

export function packageVsix(folder, out) {
  const readme = vsixReadme(folder);
  execFileSync(join(TOOLS, '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', ...(readme ? ['--readme-path', readme] : []), '-o', out], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return out;
}
