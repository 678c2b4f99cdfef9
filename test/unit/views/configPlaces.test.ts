import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { TargetResult } from '../../../src/core/model';
import { WORKSPACE_CONFIG_FILES, filesRead, shownPath, watchGroups } from '../../../src/views/configPlaces';

const HOME = path.resolve('/home/ann');
const WS = path.resolve('/home/ann/code/repo');

describe('naming and watching the assistants\u2019 settings files (editor)', () => {
  it('names a settings file relative to the workspace, under ~/ in the home, else by its absolute path', () => {
    const places = { home: HOME, workspace: WS };
    assert.equal(shownPath(path.join(WS, '.mcp.json'), places), '.mcp.json');
    assert.equal(shownPath(path.join(WS, '.claude', 'settings.json'), places), '.claude/settings.json');
    assert.equal(shownPath(path.join(HOME, '.claude', 'settings.json'), places), '~/.claude/settings.json');
    assert.equal(shownPath(path.join(HOME, '.claude.json'), { home: HOME }), '~/.claude.json');
    assert.equal(shownPath(path.resolve('/etc/claude-code/managed-settings.json'), places), path.resolve('/etc/claude-code/managed-settings.json'));
    assert.equal(shownPath(path.resolve('/home/annex/x.json'), places), path.resolve('/home/annex/x.json'), 'a sibling folder with the same prefix is not inside');
  });

  it('lists the files the configuration targets read as absolute paths (root + file)', () => {
    const result = { root: path.resolve('/'), config: { files: [{ file: 'home/ann/.claude/settings.json' }, { file: 'home/ann/code/repo/.mcp.json' }] } } as unknown as TargetResult;
    assert.deepEqual(filesRead([result]), [path.join(HOME, '.claude', 'settings.json'), path.join(WS, '.mcp.json')]);
    assert.deepEqual(filesRead([{ root: HOME } as TargetResult]), [], 'a result without an inventory reads nothing');
  });

  it('watches the workspace files (read or not yet there) with one glob, and other files with one glob per folder', () => {
    const groups = watchGroups(
      [path.join(HOME, '.claude', 'settings.json'), path.join(HOME, '.claude', '.credentials.json'), path.join(HOME, '.claude.json'), path.join(WS, '.mcp.json'), path.join(WS, 'sub', 'x.md')],
      WS,
    );
    const byBase = new Map(groups.map(g => [g.base, g.pattern]));
    assert.equal(byBase.size, 3);
    assert.equal(byBase.get(path.join(HOME, '.claude')), '{.credentials.json,settings.json}');
    assert.equal(byBase.get(HOME), '.claude.json');
    const ws = byBase.get(WS)!;
    for (const f of [...WORKSPACE_CONFIG_FILES, 'sub/x.md']) assert.ok(ws.includes(f), `${f} in ${ws}`);
    assert.equal(ws.match(/\.mcp\.json(,|\})/g)?.length, 1, 'a file read and well known is watched once');
    for (const folder of ['.claude', '.vscode', 'sub']) assert.ok(ws.split(/[{,}]/).includes(folder), `the folder ${folder} itself (removed at once) in ${ws}`);
    for (const f of ['.mcp.json', '.claude/settings.json', '.vscode/mcp.json', '.cursor/mcp.json', '.gemini/settings.json', '.codex/config.toml', 'AGENTS.md', 'CLAUDE.md']) assert.ok(WORKSPACE_CONFIG_FILES.includes(f));
  });

  it('watches nothing in a workspace when there is none, and keeps glob characters in names literal', () => {
    const groups = watchGroups([path.join(HOME, 'odd[1]{a,b}*.json')], undefined);
    assert.deepEqual(groups, [{ base: HOME, pattern: 'odd[[]1[]][{]a,b[}][*].json' }]);
  });
});
