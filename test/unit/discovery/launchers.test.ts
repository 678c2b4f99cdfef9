import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findLaunchers, resolveLauncher, shimTargets } from '../../../src/core/discovery/launchers';
import { placesFor } from '../../../src/core/discovery/places';
import { discover } from '../../../src/core/discovery';
import { FAKE_ELF } from '../../helpers/fakeHome';
import { tree as files } from '../../helpers/tree';

const tree = (content: Record<string, string | Buffer>) => files(content, 0o755);

// npm's cmd-shim output, verbatim in shape (the package path is the only variable part).
const NPM_CMD_SHIM = `@ECHO off\r\nGOTO start\r\n:find_dp0\r\nSET dp0=%~dp0\r\nEXIT /b\r\n:start\r\nSETLOCAL\r\nCALL :find_dp0\r\n\r\nIF EXIST "%dp0%\\node.exe" (\r\n  SET "_prog=%dp0%\\node.exe"\r\n) ELSE (\r\n  SET "_prog=node"\r\n  SET PATHEXT=%PATHEXT:;.JS;=;%\r\n)\r\n\r\nendLocal & goto #_undefined_# 2>NUL || title %COMSPEC% & "%_prog%"  "%dp0%\\node_modules\\@openai\\codex\\bin\\codex.js" %*\r\n`;
const NPM_PS1_SHIM = `#!/usr/bin/env pwsh\n$basedir=Split-Path $MyInvocation.MyCommand.Definition -Parent\n\n$exe=""\nif ($PSVersionTable.PSVersion -lt "6.0" -or $IsWindows) {\n  $exe=".exe"\n}\n$ret=0\nif (Test-Path "$basedir/node$exe") {\n  if ($MyInvocation.ExpectingInput) {\n    $input | & "$basedir/node$exe"  "$basedir/node_modules/@openai/codex/bin/codex.js" $args\n  } else {\n    & "$basedir/node$exe"  "$basedir/node_modules/@openai/codex/bin/codex.js" $args\n  }\n  $ret=$LASTEXITCODE\n}\nexit $ret\n`;
const NPM_SH_SHIM = `#!/bin/sh\nbasedir=$(dirname "$(echo "$0" | sed -e 's,\\\\,/,g')")\n\ncase \`uname\` in\n    *CYGWIN*|*MINGW*|*MSYS*)\n        if command -v cygpath > /dev/null 2>&1; then\n            basedir=\`cygpath -w "$basedir"\`\n        fi\n    ;;\nesac\n\nif [ -x "$basedir/node" ]; then\n  exec "$basedir/node"  "$basedir/node_modules/@openai/codex/bin/codex.js" "$@"\nelse \n  exec node  "$basedir/node_modules/@openai/codex/bin/codex.js" "$@"\nfi\n`;
const ASDF_SHIM = `#!/usr/bin/env bash\n# asdf-plugin: nodejs 22.11.0\nexec /home/ada/.asdf/bin/asdf exec "claude" "$@" # asdf_allow: ' asdf '\n`;

describe('shims', () => {
  it('reads the script path out of npm\'s .cmd, .ps1 and shell shims, skipping node itself', () => {
    const expected = ['/shims/node_modules/@openai/codex/bin/codex.js'];
    assert.deepEqual(shimTargets(NPM_CMD_SHIM, '/shims', '/home/ada'), expected);
    assert.deepEqual(shimTargets(NPM_PS1_SHIM, '/shims', '/home/ada'), expected);
    assert.deepEqual(shimTargets(NPM_SH_SHIM, '/shims', '/home/ada'), expected);
  });

  it('reads $HOME-relative and absolute targets of hand-written wrappers', () => {
    assert.deepEqual(shimTargets('#!/bin/bash\nexec "$HOME/.claude/local/node_modules/.bin/claude" "$@"\n', '/x', '/home/ada'), ['/home/ada/.claude/local/node_modules/.bin/claude']);
    assert.deepEqual(shimTargets('#!/bin/sh\nexec /opt/tools/lib/node_modules/cool/cli.js "$@"\n', '/x', '/home/ada'), ['/opt/tools/lib/node_modules/cool/cli.js']);
  });

  it('follows an asdf shim to its Node version, a mise shim to mise, a Windows .cmd shim to its package', () => {
    const root = tree({
      'shims/claude': ASDF_SHIM,
      'mise/bin/mise': FAKE_ELF,
      'win/codex': NPM_SH_SHIM,
      'win/codex.cmd': NPM_CMD_SHIM,
      'win/codex.ps1': NPM_PS1_SHIM,
      'win/node_modules/@openai/codex/package.json': '{"name":"@openai/codex","version":"0.171.0","bin":{"codex":"bin/codex.js"}}',
      'win/node_modules/@openai/codex/bin/codex.js': 'export {};\n',
    });
    fs.symlinkSync(path.join(root, 'mise/bin/mise'), path.join(root, 'shims/gemini'));
    const errors: any[] = [];
    assert.deepEqual(resolveLauncher(path.join(root, 'shims/claude'), root, errors), { type: 'managed', manager: 'asdf', nodeVersion: '22.11.0' });
    assert.deepEqual(resolveLauncher(path.join(root, 'shims/gemini'), root, errors), { type: 'managed', manager: 'mise' });
    // On Windows the .cmd is what cmd.exe runs: one launcher per command and folder.
    const places = placesFor({ env: { Path: path.join(root, 'win') }, home: root, platform: 'win32' });
    const launchers = findLaunchers(places, ['codex'], errors);
    assert.deepEqual(launchers.map(l => [path.basename(l.path), l.target]), [['codex.cmd', { type: 'package', root: path.join(root, 'win/node_modules/@openai/codex') }]]);
    assert.deepEqual(errors, []);
  });

  it('reports a wrapper script it cannot follow, without listing it', () => {
    const home = tree({ 'bin/claude': '#!/bin/sh\nexec some-other-thing "$@"\n' });
    const found = discover({ env: { PATH: path.join(home, 'bin') }, home, platform: 'linux', editors: [] });
    assert.deepEqual(found.assistants, []);
    assert.match(found.errors[0].message, /`claude` on PATH is a script .* whose program could not be located: not audited/);
  });

  it('ties asdf and mise shims to the packages of their Node installs', () => {
    const pkg = (name: string, bin: string) => `{"name":"${name}","version":"1.0.0","bin":{"${bin}":"cli.js"}}`;
    const home = tree({
      '.asdf/shims/claude': ASDF_SHIM,
      '.asdf/installs/nodejs/22.11.0/lib/node_modules/@anthropic-ai/claude-code/package.json': pkg('@anthropic-ai/claude-code', 'claude'),
      '.asdf/installs/nodejs/20.0.0/lib/node_modules/@anthropic-ai/claude-code/package.json': pkg('@anthropic-ai/claude-code', 'claude'),
      '.local/share/mise/installs/node/22.1.0/lib/node_modules/@google/gemini-cli/package.json': pkg('@google/gemini-cli', 'gemini'),
      '.local/bin/mise': FAKE_ELF,
    });
    fs.symlinkSync(path.join(home, '.local/bin/mise'), path.join(home, '.asdf/shims/gemini'));
    const found = discover({ env: { PATH: path.join(home, '.asdf/shims') }, home, platform: 'linux', editors: [] });
    const launched = Object.fromEntries(found.assistants.map(a => [path.relative(home, a.root), (a.launchers ?? []).map(l => path.relative(home, l))]));
    assert.deepEqual(launched, {
      '.asdf/installs/nodejs/20.0.0/lib/node_modules/@anthropic-ai/claude-code': [],
      '.asdf/installs/nodejs/22.11.0/lib/node_modules/@anthropic-ai/claude-code': ['.asdf/shims/claude'],
      '.local/share/mise/installs/node/22.1.0/lib/node_modules/@google/gemini-cli': ['.asdf/shims/gemini'],
    });
    assert.deepEqual(found.assistants.map(a => a.instanceId), ['claude-code@asdf', 'claude-code@asdf:1.0.0', 'gemini-cli@mise']);
  });

  // Review 129: Letta Code (its hosts were third party; a machine audit did not find it).
  it('finds Letta Code installed with npm, its own hosts first-party', () => {
    const home = tree({ '.npm-global/lib/node_modules/@letta-ai/letta-code/package.json': '{"name":"@letta-ai/letta-code","version":"0.31.12","bin":{"letta":"letta.js"}}', '.npm-global/lib/node_modules/@letta-ai/letta-code/letta.js': 'fetch("https://api.letta.com/v1/agents")' });
    const found = discover({ env: {}, home, platform: 'linux', editors: [], extraPaths: [path.join(home, '.npm-global/lib/node_modules')] });
    const letta = found.assistants.find(a => a.instanceId.startsWith('letta-code'));
    assert.ok(letta, found.assistants.map(a => a.instanceId).join(', '));
    assert.deepEqual(letta.ownVendors, ['letta']);
  });

  it('does not take a same-named program elsewhere on PATH for an assistant with a common name', () => {
    const home = tree({ 'bin/goose': FAKE_ELF, 'bin/crush': FAKE_ELF });
    const found = discover({ env: { PATH: path.join(home, 'bin') }, home, platform: 'linux', editors: [] });
    assert.deepEqual(found.assistants.map(a => [a.instanceId, a.why[0]]), [['crush@path', 'catalog: Crush (command `crush` on PATH (matched by name))']]);
    assert.match(found.errors[0].message, /`goose` on PATH is a program in no known install location/);
  });
});
