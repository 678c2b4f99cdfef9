// The location tables are pure functions of platform + environment: these tests run on Linux
// and check the macOS and Windows layouts too.
import * as assert from 'node:assert/strict';
import { editorExtensionDirs } from '../../../src/core/discovery/editors';
import { nodeGlobalRootPatterns, npmrcPrefix } from '../../../src/core/discovery/nodeRoots';
import { pathEntries, placesFor, rebaseEnv } from '../../../src/core/discovery/places';
import { pythonToolDirs } from '../../../src/core/discovery/python';
import { homebrewPrefixCandidates, nativeSpots } from '../../../src/core/discovery/native';
import { compareVersions } from '../../../src/core/discovery/versions';

const WIN_HOME = 'C:\\Users\\ada';
const winEnv = { USERPROFILE: WIN_HOME, APPDATA: `${WIN_HOME}\\AppData\\Roaming`, LOCALAPPDATA: `${WIN_HOME}\\AppData\\Local`, Path: 'C:\\Program Files\\nodejs;"C:\\Users\\ada\\.local\\bin";relative\\bin' };
const win = placesFor({ env: winEnv, home: WIN_HOME, platform: 'win32' });
const mac = placesFor({ env: { HOME: '/Users/ada', PATH: '/opt/homebrew/bin:/usr/bin:/bin' }, home: '/Users/ada', platform: 'darwin' });
const linux = placesFor({ env: { HOME: '/home/ada', PATH: '/home/ada/.local/bin:/usr/local/bin:/usr/bin' }, home: '/home/ada', platform: 'linux' });

const dirOf = (places: ReturnType<typeof placesFor>, editor: string) => editorExtensionDirs(places).filter(l => l.editor === editor).map(l => l.dir);
const roots = (places: ReturnType<typeof placesFor>, method: string, nodeDirs: string[] = [], npmrcPrefixes: string[] = []) =>
  nodeGlobalRootPatterns(places, { nodeDirs, npmrcPrefixes }).filter(r => r.method === method).map(r => places.p.join(...r.segments));

describe('editor extension folders', () => {
  it('on Windows, under %USERPROFILE% for VS Code and forks, %LOCALAPPDATA% for code-server', () => {
    assert.deepEqual(dirOf(win, 'vscode'), ['C:\\Users\\ada\\.vscode\\extensions']);
    assert.deepEqual(dirOf(win, 'vscodium'), ['C:\\Users\\ada\\.vscode-oss\\extensions']);
    assert.deepEqual(dirOf(win, 'cursor'), ['C:\\Users\\ada\\.cursor\\extensions']);
    assert.deepEqual(dirOf(win, 'code-server'), ['C:\\Users\\ada\\AppData\\Local\\code-server\\Data\\extensions']);
  });

  it('on macOS, dot folders in the home and code-server in the XDG data home (not ~/Library)', () => {
    assert.deepEqual(dirOf(mac, 'windsurf'), ['/Users/ada/.windsurf/extensions']);
    assert.deepEqual(dirOf(mac, 'trae'), ['/Users/ada/.trae/extensions']);
    assert.deepEqual(dirOf(mac, 'code-server'), ['/Users/ada/.local/share/code-server/extensions']);
    const xdg = placesFor({ env: { XDG_DATA_HOME: '/data/ada' }, home: '/Users/ada', platform: 'darwin' });
    assert.deepEqual(dirOf(xdg, 'code-server'), ['/data/ada/code-server/extensions']);
  });

  it('on Linux, every fork and remote server, and VS Code\'s own overrides first', () => {
    const all = editorExtensionDirs(linux).map(l => l.dir);
    for (const folder of ['.vscode-insiders', '.kiro', '.positron', '.vscode-server', '.cursor-server', '.windsurf-server', '.vscode-remote']) {
      assert.ok(all.includes(`/home/ada/${folder}/extensions`), folder);
    }
    const overridden = placesFor({ env: { VSCODE_EXTENSIONS: '/opt/exts', VSCODE_PORTABLE: '/opt/code-data' }, home: '/home/ada', platform: 'linux' });
    assert.deepEqual(dirOf(overridden, 'vscode'), ['/opt/exts', '/opt/code-data/extensions', '/home/ada/.vscode/extensions']);
    assert.deepEqual(editorExtensionDirs(linux, ['kiro']).map(l => l.dir), ['/home/ada/.kiro/extensions']);
  });
});

describe('global npm package folders', () => {
  it('on Windows: %APPDATA%\\npm, nvm-windows, fnm, Volta and pnpm under AppData, node\'s own folder', () => {
    assert.deepEqual(roots(win, 'npm', ['C:\\Program Files\\nodejs']), ['C:\\Users\\ada\\AppData\\Roaming\\npm\\node_modules', 'C:\\Program Files\\nodejs\\node_modules']);
    assert.deepEqual(roots(win, 'nvm'), ['C:\\Users\\ada\\AppData\\Roaming\\nvm\\*\\node_modules']);
    assert.deepEqual(roots(win, 'volta'), ['C:\\Users\\ada\\AppData\\Local\\Volta\\tools\\image\\packages\\@*\\node_modules']);
    assert.deepEqual(roots(win, 'pnpm'), ['C:\\Users\\ada\\AppData\\Local\\pnpm\\global\\*\\node_modules']);
    assert.deepEqual(roots(win, 'yarn'), ['C:\\Users\\ada\\AppData\\Local\\Yarn\\Data\\global\\node_modules']);
    assert.ok(roots(win, 'fnm').includes('C:\\Users\\ada\\AppData\\Roaming\\fnm\\node-versions\\*\\installation\\node_modules'));
    assert.deepEqual(roots(win, 'bun'), ['C:\\Users\\ada\\.bun\\install\\global\\node_modules']);
  });

  it('on macOS: pnpm and fnm under ~/Library, nvm, Volta, asdf and mise in the home, lib/node_modules of node\'s prefix', () => {
    assert.deepEqual(roots(mac, 'pnpm'), ['/Users/ada/Library/pnpm/global/*/node_modules']);
    assert.ok(roots(mac, 'fnm').includes('/Users/ada/Library/Application Support/fnm/node-versions/*/installation/lib/node_modules'));
    assert.deepEqual(roots(mac, 'nvm'), ['/Users/ada/.nvm/versions/node/*/lib/node_modules']);
    assert.deepEqual(roots(mac, 'volta'), ['/Users/ada/.volta/tools/image/packages/@*/lib/node_modules']);
    assert.deepEqual(roots(mac, 'asdf'), ['/Users/ada/.asdf/installs/nodejs/*/lib/node_modules']);
    assert.deepEqual(roots(mac, 'mise'), ['/Users/ada/.local/share/mise/installs/node/*/lib/node_modules']);
    assert.deepEqual(roots(mac, 'npm', ['/opt/homebrew/bin']), ['/Users/ada/.npm-global/lib/node_modules', '/Users/ada/.npm-packages/lib/node_modules', '/opt/homebrew/lib/node_modules']);
  });

  it('finds the common npm prefixes ~/.npm-global and ~/.npm-packages without an .npmrc naming them', () => {
    const p = placesFor({ env: {}, home: '/home/ada', platform: 'linux' });
    assert.deepEqual(roots(p, 'npm'), ['/home/ada/.npm-global/lib/node_modules', '/home/ada/.npm-packages/lib/node_modules']);
  });

  it('on Linux: every location follows its environment variable', () => {
    const env = { NVM_DIR: '/opt/nvm', VOLTA_HOME: '/opt/volta', PNPM_HOME: '/opt/pnpm', BUN_INSTALL: '/opt/bun', FNM_DIR: '/opt/fnm', ASDF_DATA_DIR: '/opt/asdf', MISE_DATA_DIR: '/opt/mise', npm_config_prefix: '/opt/npm', XDG_CONFIG_HOME: '/cfg' };
    const p = placesFor({ env, home: '/home/ada', platform: 'linux' });
    assert.deepEqual(roots(p, 'npm', [], ['/home/ada/.npm-global']), ['/opt/npm/lib/node_modules', '/home/ada/.npm-global/lib/node_modules', '/home/ada/.npm-packages/lib/node_modules']);
    assert.deepEqual(roots(p, 'nvm'), ['/opt/nvm/versions/node/*/lib/node_modules']);
    assert.deepEqual(roots(p, 'volta'), ['/opt/volta/tools/image/packages/@*/lib/node_modules']);
    assert.deepEqual(roots(p, 'pnpm'), ['/opt/pnpm/global/*/node_modules']);
    assert.deepEqual(roots(p, 'bun'), ['/opt/bun/install/global/node_modules']);
    assert.deepEqual(roots(p, 'asdf'), ['/opt/asdf/installs/nodejs/*/lib/node_modules']);
    assert.deepEqual(roots(p, 'mise'), ['/opt/mise/installs/node/*/lib/node_modules']);
    assert.deepEqual(roots(p, 'yarn'), ['/cfg/yarn/global/node_modules']);
    assert.ok(roots(p, 'fnm').includes('/opt/fnm/node-versions/*/installation/lib/node_modules'));
  });

  it('reads prefix= from .npmrc with ~ and ${VAR} expanded, ignoring relative values', () => {
    assert.equal(npmrcPrefix('registry=https://registry.npmjs.org/\nprefix=~/.npm-global\n', linux), '/home/ada/.npm-global');
    assert.equal(npmrcPrefix('prefix = "${HOME}/npm"', placesFor({ env: { HOME: '/home/ada' }, home: '/home/ada', platform: 'linux' })), '/home/ada/npm');
    assert.equal(npmrcPrefix('prefix=C:\\Users\\ada\\npm-global\r\n', win), 'C:\\Users\\ada\\npm-global');
    assert.equal(npmrcPrefix('prefix=relative/dir', linux), undefined);
    assert.equal(npmrcPrefix('fund=false', linux), undefined);
  });
});

describe('other install locations', () => {
  it('native installers per platform: Claude Code and Cursor Agent', () => {
    const spots = (p: ReturnType<typeof placesFor>, id: string) => nativeSpots(p).filter(s => s.entry.id === id).map(({ launcher, versions, npmPrefix }) => ({ launcher, versions, npmPrefix }));
    assert.deepEqual(spots(linux, 'claude-code'), [
      { launcher: '/home/ada/.local/bin/claude', versions: '/home/ada/.local/share/claude/versions', npmPrefix: undefined },
      { launcher: undefined, versions: undefined, npmPrefix: '/home/ada/.claude/local' },
    ]);
    assert.deepEqual(spots(win, 'claude-code')[0], { launcher: 'C:\\Users\\ada\\.local\\bin\\claude.exe', versions: 'C:\\Users\\ada\\.local\\share\\claude\\versions', npmPrefix: undefined });
    assert.deepEqual(spots(win, 'cursor-agent'), [{ launcher: undefined, versions: 'C:\\Users\\ada\\AppData\\Local\\cursor-agent\\versions', npmPrefix: undefined }]);
    assert.deepEqual(spots(mac, 'opencode'), [{ launcher: '/Users/ada/.opencode/bin/opencode', versions: undefined, npmPrefix: undefined }]);
  });

  it('pipx and uv tool folders', () => {
    assert.deepEqual(pythonToolDirs(linux), [
      { method: 'pipx', dir: '/home/ada/.local/share/pipx/venvs' },
      { method: 'pipx', dir: '/home/ada/.local/pipx/venvs' },
      { method: 'uv', dir: '/home/ada/.local/share/uv/tools' },
    ]);
    assert.deepEqual(pythonToolDirs(win).map(d => d.dir), ['C:\\Users\\ada\\pipx\\venvs', 'C:\\Users\\ada\\AppData\\Local\\pipx\\pipx\\venvs', 'C:\\Users\\ada\\AppData\\Roaming\\uv\\data\\tools']);
    const env = placesFor({ env: { PIPX_HOME: '/opt/pipx', UV_TOOL_DIR: '/opt/uv' }, home: '/home/ada', platform: 'linux' });
    assert.deepEqual(pythonToolDirs(env).map(d => d.dir), ['/opt/pipx/venvs', '/opt/uv']);
  });

  it('Homebrew prefixes from HOMEBREW_PREFIX and the PATH', () => {
    assert.deepEqual(homebrewPrefixCandidates(mac), ['/opt/homebrew', '/usr', '/']);
    const linuxbrew = placesFor({ env: { HOMEBREW_PREFIX: '/home/linuxbrew/.linuxbrew', PATH: '/home/linuxbrew/.linuxbrew/bin' }, home: '/home/ada', platform: 'linux' });
    assert.deepEqual(homebrewPrefixCandidates(linuxbrew), ['/home/linuxbrew/.linuxbrew']);
  });
});

describe('PATH and other homes', () => {
  it('splits PATH by platform, finds Windows\' Path in any case, drops quotes, relative and repeated entries', () => {
    assert.deepEqual(pathEntries(win), ['C:\\Program Files\\nodejs', 'C:\\Users\\ada\\.local\\bin']);
    assert.deepEqual(pathEntries(placesFor({ env: { PATH: '/a:/b::/a:rel' }, home: '/h', platform: 'linux' })), ['/a', '/b']);
  });

  it('moves per-user variables and PATH entries into another home, keeping machine-wide ones', () => {
    const env = { HOME: '/home/me', PATH: '/home/me/.local/bin:/usr/bin', PNPM_HOME: '/home/me/.local/share/pnpm', VOLTA_HOME: '/opt/volta', HOMEBREW_PREFIX: '/home/linuxbrew/.linuxbrew', LANG: 'C' };
    assert.deepEqual(rebaseEnv(env, '/home/me', '/srv/audit/bob', 'linux'), {
      HOME: '/srv/audit/bob', PATH: '/srv/audit/bob/.local/bin:/usr/bin', PNPM_HOME: '/srv/audit/bob/.local/share/pnpm', VOLTA_HOME: '/opt/volta', HOMEBREW_PREFIX: '/home/linuxbrew/.linuxbrew', LANG: 'C',
    });
    const moved = rebaseEnv({ USERPROFILE: 'C:\\Users\\me', APPDATA: 'C:\\Users\\me\\AppData\\Roaming', Path: 'C:\\Users\\me\\bin;C:\\Windows' }, 'C:\\Users\\me', 'D:\\audit\\bob', 'win32');
    assert.deepEqual([moved.USERPROFILE, moved.APPDATA, moved.Path], ['D:\\audit\\bob', 'D:\\audit\\bob\\AppData\\Roaming', 'D:\\audit\\bob\\bin;C:\\Windows']);
  });
});

describe('version order', () => {
  it('compares numerically, releases after their pre-releases, dated builds by date', () => {
    const sorted = ['2.1.9', '2.1.112', '2.1.112-beta.1', '2.1.100', 'v2.0.0', '2025.09.18-7ae6800', '2025.10.02-1b2c3d4'].sort(compareVersions);
    assert.deepEqual(sorted, ['v2.0.0', '2.1.9', '2.1.100', '2.1.112-beta.1', '2.1.112', '2025.09.18-7ae6800', '2025.10.02-1b2c3d4']);
  });
});
