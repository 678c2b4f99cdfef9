import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discover } from '../../../src/core/discovery';
import { FAKE_ELF } from '../../helpers/fakeHome';
import { tree as files } from '../../helpers/tree';

const tree = (content: Record<string, string | Buffer>) => files(content, 0o755);

const summary = (home: string, env: Record<string, string> = {}) => {
  const found = discover({ env, home, platform: 'linux', editors: [] });
  return {
    assistants: found.assistants.map(a => ({ id: a.instanceId, version: a.version, root: path.relative(home, a.root), language: a.language, launchers: (a.launchers ?? []).map(l => path.relative(home, l)) })),
    errors: found.errors.map(e => `${path.relative(home, e.file)}: ${e.message}`),
  };
};

describe('vendor installers and Homebrew', () => {
  it('takes the newest version of a native install whose launcher is missing, and reports a dangling launcher', () => {
    const home = tree({ '.local/share/claude/versions/2.1.9': FAKE_ELF, '.local/share/claude/versions/2.1.100': FAKE_ELF });
    fs.mkdirSync(path.join(home, '.local/bin'), { recursive: true });
    fs.symlinkSync(path.join(home, '.local/share/claude/versions/2.0.0'), path.join(home, '.local/bin/claude'));
    assert.deepEqual(summary(home), {
      assistants: [{ id: 'claude-code@native', version: '2.1.100', root: '.local/share/claude/versions/2.1.100', language: 'native', launchers: [] }],
      errors: ['.local/bin/claude: broken symbolic link: the installer\'s launcher points to a missing file'],
    });
  });

  it('finds Claude Code\'s older private npm install in ~/.claude/local and Cursor Agent\'s versioned folder', () => {
    const home = tree({
      '.claude/local/node_modules/@anthropic-ai/claude-code/package.json': '{"name":"@anthropic-ai/claude-code","version":"1.0.72","bin":{"claude":"cli.js"}}',
      '.claude/local/node_modules/@anthropic-ai/claude-code/cli.js': 'export {};\n',
      '.local/share/cursor-agent/versions/2025.09.18-7ae6800/index.js': 'export {};\n',
      '.local/share/cursor-agent/versions/2025.09.18-7ae6800/cursor-agent': '#!/usr/bin/env bash\nexec "$(dirname "$0")/node" "$(dirname "$0")/index.js" "$@"\n',
      '.local/share/cursor-agent/versions/2025.09.18-7ae6800/node': FAKE_ELF,
    });
    fs.mkdirSync(path.join(home, '.local/bin'), { recursive: true });
    fs.symlinkSync(path.join(home, '.local/share/cursor-agent/versions/2025.09.18-7ae6800/cursor-agent'), path.join(home, '.local/bin/cursor-agent'));
    assert.deepEqual(summary(home).assistants, [
      { id: 'claude-code@native', version: '1.0.72', root: '.claude/local/node_modules/@anthropic-ai/claude-code', language: 'javascript', launchers: [] },
      { id: 'cursor-agent@native', version: '2025.09.18-7ae6800', root: '.local/share/cursor-agent/versions/2025.09.18-7ae6800', language: 'javascript', launchers: ['.local/bin/cursor-agent'] },
    ]);
  });

  it('finds an npm package kept by a Homebrew formula, a cask, and the global packages of Homebrew\'s node', () => {
    const home = tree({
      'brew/Cellar/gemini-cli/0.60.0/libexec/lib/node_modules/@google/gemini-cli/package.json': '{"name":"@google/gemini-cli","version":"0.60.0","bin":{"gemini":"bundle/gemini.js"}}',
      'brew/Caskroom/claude-code/2.1.100/claude': FAKE_ELF,
      'brew/Caskroom/claude-code/2.1.99/claude': FAKE_ELF,
      'brew/lib/node_modules/@qwen-code/qwen-code/package.json': '{"name":"@qwen-code/qwen-code","version":"0.24.4","bin":{"qwen":"cli-entry.js"}}',
    });
    assert.deepEqual(summary(home, { HOMEBREW_PREFIX: path.join(home, 'brew') }).assistants.map(a => [a.id, a.version, a.root, a.language]), [
      ['claude-code@homebrew', '2.1.100', 'brew/Caskroom/claude-code/2.1.100', 'native'],
      ['gemini-cli@homebrew', '0.60.0', 'brew/Cellar/gemini-cli/0.60.0/libexec/lib/node_modules/@google/gemini-cli', 'javascript'],
      ['qwen-code@homebrew', '0.24.4', 'brew/lib/node_modules/@qwen-code/qwen-code', 'javascript'],
    ]);
  });

  it('lists a uv tool, and a Python tool\'s venv reached from PATH, with the venv\'s version', () => {
    const home = tree({
      '.local/share/uv/tools/kimi-cli/pyvenv.cfg': 'home = /usr/bin\n',
      '.local/share/uv/tools/kimi-cli/bin/kimi': '#!/home/x/.local/share/uv/tools/kimi-cli/bin/python\nimport sys\n',
      '.local/share/uv/tools/kimi-cli/lib/python3.13/site-packages/kimi_cli-1.13.0.dist-info/METADATA': 'Name: kimi-cli\n',
    });
    fs.mkdirSync(path.join(home, '.local/bin'), { recursive: true });
    fs.symlinkSync(path.join(home, '.local/share/uv/tools/kimi-cli/bin/kimi'), path.join(home, '.local/bin/kimi'));
    assert.deepEqual(summary(home, { PATH: path.join(home, '.local/bin') }).assistants, [
      { id: 'kimi-cli@uv', version: '1.13.0', root: '.local/share/uv/tools/kimi-cli', language: 'python', launchers: ['.local/bin/kimi'] },
    ]);
  });
});
