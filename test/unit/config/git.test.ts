// Whether git would take a settings file along, read from ignore files as git reads them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitState, globalExcludesFile } from '../../../src/core/config/git';
import { tempTree } from '../../helpers/tempTree';

function state(files: Record<string, string>, file: string, globalExcludes?: string) {
  const root = tempTree(files, 'ata-git-');
  fs.mkdirSync(path.join(root, 'repo', '.git', 'info'), { recursive: true });
  if (files['exclude']) fs.writeFileSync(path.join(root, 'repo', '.git', 'info', 'exclude'), files['exclude']);
  const result = gitState(path.join(root, file), globalExcludes && path.join(root, globalExcludes));
  fs.rmSync(root, { recursive: true, force: true });
  return result;
}

describe('git ignore rules for settings files', () => {
  const table: Array<[string, Record<string, string>, string, boolean, string?]> = [
    ['not ignored', { 'repo/.claude/settings.local.json': '{}' }, 'repo/.claude/settings.local.json', false],
    ['ignored by the root .gitignore', { 'repo/.claude/settings.local.json': '{}', 'repo/.gitignore': '.claude/settings.local.json\n' }, 'repo/.claude/settings.local.json', true],
    ['ignored by a nested .gitignore', { 'repo/.claude/settings.local.json': '{}', 'repo/.claude/.gitignore': 'settings.local.json\n' }, 'repo/.claude/settings.local.json', true],
    ['re-included by a later rule', { 'repo/.claude/a.json': '{}', 'repo/.gitignore': '*.json\n!a.json\n' }, 'repo/.claude/a.json', false],
    ['not re-included inside an ignored folder', { 'repo/.claude/a.json': '{}', 'repo/.gitignore': '.claude/\n', 'repo/.claude/.gitignore': '!a.json\n' }, 'repo/.claude/a.json', true],
    ['ignored by .git/info/exclude', { 'repo/.mcp.json': '{}', exclude: '.mcp.json\n' }, 'repo/.mcp.json', true],
    ['ignored by the global excludes file', { 'repo/.mcp.json': '{}', 'global-ignore': '.mcp.json\n' }, 'repo/.mcp.json', true, 'global-ignore'],
  ];
  for (const [name, files, file, ignored, global] of table) {
    it(name, () => assert.deepEqual(state(files, file, global), { inWorkTree: true, ignored }));
  }
  it('a file outside any work tree', () => {
    const root = tempTree({ 'x/settings.json': '{}' }, 'ata-git-');
    assert.deepEqual(gitState(path.join(root, 'x/settings.json')), { inWorkTree: false, ignored: false });
    fs.rmSync(root, { recursive: true, force: true });
  });
  it('finds core.excludesFile in the user\'s git config', () => {
    const home = tempTree({ '.gitconfig': '[core]\n\texcludesFile = ~/.gitignore_global\n' }, 'ata-git-');
    assert.equal(globalExcludesFile(home, undefined), path.join(home, '.gitignore_global'));
    assert.equal(globalExcludesFile(path.join(home, 'nobody'), '/xdg'), '/xdg/git/ignore');
    fs.rmSync(home, { recursive: true, force: true });
  });
});
