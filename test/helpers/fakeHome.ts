// Builds a fake HOME with AI assistants installed the ways real users install them: four
// editors' extension folders (one with extensions.json and .obsolete, one without), and CLIs
// through an npm prefix from .npmrc, nvm, pnpm (with its .pnpm links and an aliased platform
// package), bun, Volta's shim, the vendor's native installer, a Homebrew cask and pipx. Also
// non-AI extensions and packages, a broken extension manifest, an extension folder without a
// manifest, a missing folder listed in extensions.json and a broken symlink on PATH.
//
// Manifests copy the shapes of real packages: the CLIs' package.json fields are those of the
// published npm packages (the corpus in .cache/corpus, `npm view` for @openai/codex), the
// extensions' those of their marketplace manifests (trimmed to the fields discovery reads).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ExpectedAssistant {
  instanceId: string;
  id: string;
  kind: 'extension' | 'cli';
  editor?: string;
  install: string;
  version?: string;
  /** Relative to HOME. */
  root: string;
}

export interface FakeHome {
  home: string;
  env: Record<string, string>;
  expected: ExpectedAssistant[];
  /** Paths relative to HOME that discovery must report as problems. */
  expectedErrors: string[];
}

/** A few bytes with an ELF header: enough for discovery, which only reads the magic number. */
export const FAKE_ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

class Tree {
  constructor(readonly root: string) {}
  file(rel: string, content: string | Buffer | object, mode?: number): void {
    const abs = path.join(this.root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
    if (mode) fs.chmodSync(abs, mode);
  }
  link(rel: string, target: string): void {
    const abs = path.join(this.root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.symlinkSync(target, abs);
  }
  dir(rel: string): void {
    fs.mkdirSync(path.join(this.root, rel), { recursive: true });
  }
}

// --- Extension manifests (marketplace shapes) -------------------------------------------

const COPILOT_CHAT = {
  name: 'copilot-chat', displayName: 'GitHub Copilot Chat', description: 'AI chat features powered by Copilot', version: '0.38.0',
  publisher: 'GitHub', engines: { vscode: '^1.109.0-20260124', npm: '>=9.0.0', node: '>=22.14.0' },
  categories: ['AI', 'Chat', 'Programming Languages', 'Machine Learning'],
  keywords: ['ai', 'openai', 'codex', 'pilot', 'snippets', 'documentation', 'autocomplete', 'intellisense', 'refactor'],
  activationEvents: ['onStartupFinished', 'onLanguageModelChat:copilot', 'onUri'],
  main: './dist/extension',
  contributes: {
    chatParticipants: [{ id: 'github.copilot.default', name: 'GitHubCopilot', fullName: 'GitHub Copilot', isDefault: true }],
    languageModelTools: [{ name: 'copilot_searchCodebase', toolReferenceName: 'codebase' }],
  },
};

const CLINE = {
  name: 'claude-dev', displayName: 'Cline', version: '3.37.1', publisher: 'saoudrizwan', engines: { vscode: '^1.84.0' },
  author: { name: 'Cline Bot Inc.' }, license: 'Apache-2.0', categories: ['AI', 'Chat', 'Programming Languages', 'Education', 'Snippets', 'Testing'],
  keywords: ['cline', 'claude', 'dev', 'mcp', 'openrouter', 'coding', 'agent', 'autonomous', 'chatgpt', 'sonnet', 'ai', 'llama'],
  activationEvents: ['onLanguage', 'onStartupFinished'], main: './dist/extension.js',
  dependencies: { '@anthropic-ai/sdk': '^0.37.0', '@google/genai': '^1.11.0', openai: '^4.83.0', axios: '^1.12.0' },
};

/** Not in the catalog: recognised from its traits (a chat participant, an LLM SDK). */
const UNKNOWN_LLM_HELPER = {
  name: 'llm-helper', displayName: 'LLM Helper', version: '1.4.2', publisher: 'acme', engines: { vscode: '^1.95.0' },
  categories: ['Programming Languages', 'Other'], main: './out/extension.js',
  contributes: { chatParticipants: [{ id: 'acme.helper', name: 'helper', fullName: 'LLM Helper' }], commands: [{ command: 'acme.ask', title: 'Ask' }] },
  dependencies: { '@anthropic-ai/sdk': '^0.60.0' },
};

const PRETTIER = {
  name: 'prettier-vscode', displayName: 'Prettier - Code formatter', version: '11.0.0', publisher: 'esbenp', engines: { vscode: '^1.74.0' },
  categories: ['Formatters'], keywords: ['multi-root ready', 'prettier', 'formatter', 'javascript', 'typescript', 'css', 'markdown'],
  activationEvents: ['onStartupFinished'], main: './dist/extension',
  contributes: { configuration: { title: 'Prettier', properties: { 'prettier.enable': { type: 'boolean', default: true } } } },
};

/** Contributes language model tools (a weak trait alone): still not an assistant. */
const PYTHON = {
  name: 'python', displayName: 'Python', version: '2025.18.0', publisher: 'ms-python', engines: { vscode: '^1.95.0' },
  categories: ['Programming Languages', 'Debuggers', 'Other', 'Data Science', 'Machine Learning'],
  keywords: ['python', 'django', 'unittest', 'multi-root ready'], main: './out/client/extension', browser: './dist/extension.browser.js',
  contributes: { languageModelTools: [{ name: 'get_python_environment_details' }, { name: 'get_python_executable_details' }] },
};

const CLAUDE_CODE_VSCODE = {
  name: 'claude-code', displayName: 'Claude Code for VS Code', version: '2.1.112', publisher: 'Anthropic', engines: { vscode: '^1.98.0' },
  categories: ['AI', 'Chat'], main: './extension.js', license: 'SEE LICENSE IN README.md',
};

const ROO = (version: string) => ({
  name: 'roo-cline', displayName: '%extension.displayName%', version, publisher: 'RooVeterinaryInc', engines: { vscode: '^1.84.0' },
  categories: ['AI', 'Chat', 'Programming Languages', 'Education', 'Snippets', 'Testing'], main: './dist/extension.js',
});

const ESLINT = {
  name: 'vscode-eslint', displayName: 'ESLint', version: '3.0.10', publisher: 'dbaeumer', engines: { vscode: '^1.82.0' },
  categories: ['Programming Languages', 'Linters'], keywords: ['multi-root ready'], main: './client/out/extension',
};

const CODEX_VSCODE = {
  name: 'chatgpt', displayName: 'Codex – OpenAI’s coding agent', version: '0.4.46', publisher: 'openai', engines: { vscode: '^1.96.2' },
  categories: ['AI', 'Chat'], main: './out/extension.js',
};

const CONTINUE = {
  name: 'continue', displayName: 'Continue - open-source AI code agent', version: '1.2.10', publisher: 'Continue', engines: { vscode: '^1.70.0' },
  categories: ['AI', 'Chat', 'Programming Languages', 'Education', 'Machine Learning', 'Snippets'], main: './out/extension.js',
};

const KILO = {
  name: 'kilo-code', displayName: '%extension.displayName%', version: '4.100.0', publisher: 'kilocode', engines: { vscode: '^1.84.0' },
  categories: ['AI', 'Chat', 'Programming Languages'], main: './dist/extension.js',
};

/** A web extension (browser entry only), recognised from its chat participant. */
const UNKNOWN_WEB_CHAT = {
  name: 'web-chat', displayName: 'Web Chat', version: '0.2.0', publisher: 'acme', engines: { vscode: '^1.90.0' },
  browser: './dist/web/extension.js', contributes: { chatParticipants: [{ id: 'acme.webchat', name: 'webchat' }] },
};

// --- npm package manifests (published package.json fields) -----------------------------

const CLAUDE_CODE_NPM = {
  name: '@anthropic-ai/claude-code', version: '2.1.332', bin: { claude: 'bin/claude.exe' }, type: 'module', engines: { node: '>=22.0.0' },
  optionalDependencies: Object.fromEntries(['darwin-arm64', 'darwin-x64', 'linux-x64', 'linux-arm64', 'linux-x64-musl', 'linux-arm64-musl', 'win32-x64', 'win32-arm64'].map(p => [`@anthropic-ai/claude-code-${p}`, '2.1.332'])),
  dependencies: {}, scripts: { postinstall: 'node install.cjs' }, files: ['bin/claude.exe', 'install.cjs', 'cli-wrapper.cjs', 'sdk-tools.d.ts'],
};
const CLAUDE_CODE_LINUX_X64 = { name: '@anthropic-ai/claude-code-linux-x64', version: '2.1.332', description: 'Native binary for Claude Code on linux-x64', os: ['linux'], cpu: ['x64'], files: ['claude', 'README.md', 'LICENSE.md'] };

const GEMINI_CLI = {
  name: '@google/gemini-cli', version: '0.61.0', description: 'Gemini CLI', bin: { gemini: 'bundle/gemini.js' }, type: 'module', engines: { node: '>=20' },
  optionalDependencies: { '@github/keytar': '7.10.6', '@lydell/node-pty': '1.1.0', 'node-pty': '1.0.0' }, files: ['bundle/'],
};

const CODEX = {
  name: '@openai/codex', version: '0.171.0', bin: { codex: 'bin/codex.js' }, type: 'module', engines: { node: '>=16' },
  optionalDependencies: Object.fromEntries(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'].map(p => [`@openai/codex-${p}`, `npm:@openai/codex@0.171.0-${p}`])),
};
const CODEX_LINUX_X64 = { name: '@openai/codex', version: '0.171.0-linux-x64', engines: { node: '>=16' }, os: ['linux'], cpu: ['x64'], files: ['vendor'] };

const QWEN_CODE = {
  name: '@qwen-code/qwen-code', version: '0.24.4', description: 'Qwen Code - AI-powered coding assistant', bin: { qwen: 'cli-entry.js' }, main: 'cli.js',
  type: 'module', engines: { node: '>=22.0.0' }, optionalDependencies: { '@qwen-code/audio-capture': '0.24.4', '@lydell/node-pty': '1.2.0-beta.10' }, dependencies: {},
};

const AUGGIE = {
  name: '@augmentcode/auggie', version: '0.36.0', description: 'Auggie CLI Client by Augment Code', bin: { auggie: 'augment.mjs' }, main: 'augment.mjs',
  type: 'module', engines: { node: '>=20.0.0' }, optionalDependencies: { 'node-pty': '1.2.0-beta.14' }, files: ['augment.mjs'],
};

/** Not in the catalog: a command that depends on an LLM SDK. */
const UNKNOWN_AI_SHELL = {
  name: '@acme/ai-shell', version: '1.0.9', description: 'A CLI that converts natural language to shell commands.', type: 'module',
  bin: { 'ai-shell': './dist/cli.mjs', ai: './dist/cli.mjs' }, keywords: ['ai', 'shell', 'openai', 'gpt'], dependencies: { openai: '^4.20.0', '@clack/prompts': '^0.7.0' },
};

const TYPESCRIPT = { name: 'typescript', version: '5.9.3', description: 'TypeScript is a language for application scale JavaScript development', bin: { tsc: './bin/tsc', tsserver: './bin/tsserver' }, main: './lib/typescript.js', keywords: ['TypeScript', 'Microsoft', 'compiler', 'language', 'javascript'] };

function extensionsJsonEntry(dir: string, folder: string, id: string, version: string) {
  return {
    identifier: { id, uuid: '00000000-0000-4000-8000-000000000000' },
    version,
    location: { $mid: 1, path: path.join(dir, folder), scheme: 'file' },
    relativeLocation: folder,
    metadata: { installedTimestamp: 1760000000000, pinned: false, source: 'gallery', targetPlatform: 'undefined', updated: false, isPreReleaseVersion: false, hasPreReleaseVersion: false },
  };
}

export function buildFakeHome(): FakeHome {
  const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ata-home-')));
  const t = new Tree(home);
  const expected: ExpectedAssistant[] = [];
  /** `id` is what discovery must report: the catalog id, or the extension id when unknown. */
  const ext = (editor: string, dirRel: string, folder: string, manifest: Record<string, unknown>, files: string[], id?: string) => {
    t.file(`${dirRel}/${folder}/package.json`, manifest);
    for (const f of files) t.file(`${dirRel}/${folder}/${f}`, '"use strict";\nmodule.exports = {};\n');
    if (id) expected.push({ instanceId: `${id}@${editor}`, id, kind: 'extension', editor, install: 'editor', version: String(manifest.version), root: `${dirRel}/${folder}` });
  };

  // VS Code: extensions.json is the list; .obsolete hides an old Cline being removed.
  const vscode = '.vscode/extensions';
  ext('vscode', vscode, 'github.copilot-chat-0.38.0', COPILOT_CHAT, ['dist/extension.js'], 'github-copilot-chat');
  ext('vscode', vscode, 'saoudrizwan.claude-dev-3.37.1', CLINE, ['dist/extension.js'], 'cline');
  ext('vscode', vscode, 'saoudrizwan.claude-dev-3.36.0', { ...CLINE, version: '3.36.0' }, ['dist/extension.js']);
  ext('vscode', vscode, 'acme.llm-helper-1.4.2', UNKNOWN_LLM_HELPER, ['out/extension.js'], 'acme.llm-helper');
  ext('vscode', vscode, 'esbenp.prettier-vscode-11.0.0', PRETTIER, ['dist/extension.js']);
  ext('vscode', vscode, 'ms-python.python-2025.18.0-linux-x64', PYTHON, ['out/client/extension.js']);
  t.file(`${vscode}/acme.broken-1.0.0/package.json`, '{ "name": "broken", "publisher": "acme", ');
  t.file(`${vscode}/extensions.json`, [
    extensionsJsonEntry(path.join(home, vscode), 'github.copilot-chat-0.38.0', 'github.copilot-chat', '0.38.0'),
    extensionsJsonEntry(path.join(home, vscode), 'saoudrizwan.claude-dev-3.37.1', 'saoudrizwan.claude-dev', '3.37.1'),
    extensionsJsonEntry(path.join(home, vscode), 'saoudrizwan.claude-dev-3.36.0', 'saoudrizwan.claude-dev', '3.36.0'),
    extensionsJsonEntry(path.join(home, vscode), 'acme.llm-helper-1.4.2', 'acme.llm-helper', '1.4.2'),
    extensionsJsonEntry(path.join(home, vscode), 'esbenp.prettier-vscode-11.0.0', 'esbenp.prettier-vscode', '11.0.0'),
    extensionsJsonEntry(path.join(home, vscode), 'ms-python.python-2025.18.0-linux-x64', 'ms-python.python', '2025.18.0'),
    extensionsJsonEntry(path.join(home, vscode), 'acme.broken-1.0.0', 'acme.broken', '1.0.0'),
  ]);
  t.file(`${vscode}/.obsolete`, { 'saoudrizwan.claude-dev-3.36.0': true });

  // Cursor: no extensions.json, so folders count; the newest Roo Code wins.
  const cursor = '.cursor/extensions';
  ext('cursor', cursor, 'anthropic.claude-code-2.1.112-linux-x64', CLAUDE_CODE_VSCODE, ['extension.js'], 'claude-code-vscode');
  ext('cursor', cursor, 'rooveterinaryinc.roo-cline-3.27.0', ROO('3.27.0'), ['dist/extension.js']);
  ext('cursor', cursor, 'rooveterinaryinc.roo-cline-3.28.0', ROO('3.28.0'), ['dist/extension.js'], 'roo-code');
  ext('cursor', cursor, 'dbaeumer.vscode-eslint-3.0.10', ESLINT, ['client/out/extension.js']);
  t.dir(`${cursor}/acme.empty-0.0.1`);

  // A remote VS Code server, with extensions.json naming one folder that is gone.
  const server = '.vscode-server/extensions';
  ext('vscode-server', server, 'openai.chatgpt-0.4.46-linux-x64', CODEX_VSCODE, ['out/extension.js'], 'codex-vscode');
  ext('vscode-server', server, 'continue.continue-1.2.10-linux-x64', CONTINUE, ['out/extension.js'], 'continue');
  t.file(`${server}/extensions.json`, [
    extensionsJsonEntry(path.join(home, server), 'openai.chatgpt-0.4.46-linux-x64', 'openai.chatgpt', '0.4.46'),
    extensionsJsonEntry(path.join(home, server), 'continue.continue-1.2.10-linux-x64', 'continue.continue', '1.2.10'),
    extensionsJsonEntry(path.join(home, server), 'github.copilot-1.300.0', 'github.copilot', '1.300.0'),
  ]);

  // code-server, in the XDG data home.
  const codeServer = '.local/share/code-server/extensions';
  ext('code-server', codeServer, 'kilocode.kilo-code-4.100.0', KILO, ['dist/extension.js'], 'kilo-code');
  ext('code-server', codeServer, 'acme.web-chat-0.2.0', UNKNOWN_WEB_CHAT, ['dist/web/extension.js'], 'acme.web-chat');

  const cli = (e: ExpectedAssistant) => expected.push(e);

  // npm, with its prefix set in ~/.npmrc; the platform binary package nested under Claude Code.
  t.file('.npmrc', 'fund=false\nprefix=~/.npm-global\n');
  const npmRoot = '.npm-global/lib/node_modules';
  t.file(`${npmRoot}/@anthropic-ai/claude-code/package.json`, CLAUDE_CODE_NPM);
  t.file(`${npmRoot}/@anthropic-ai/claude-code/bin/claude.exe`, FAKE_ELF, 0o755);
  t.file(`${npmRoot}/@anthropic-ai/claude-code/cli-wrapper.cjs`, '"use strict";\n');
  t.file(`${npmRoot}/@anthropic-ai/claude-code/node_modules/@anthropic-ai/claude-code-linux-x64/package.json`, CLAUDE_CODE_LINUX_X64);
  t.file(`${npmRoot}/@anthropic-ai/claude-code/node_modules/@anthropic-ai/claude-code-linux-x64/claude`, FAKE_ELF, 0o755);
  t.link('.npm-global/bin/claude', '../lib/node_modules/@anthropic-ai/claude-code/bin/claude.exe');
  cli({ instanceId: 'claude-code@npm', id: 'claude-code', kind: 'cli', install: 'npm', version: '2.1.332', root: `${npmRoot}/@anthropic-ai/claude-code` });
  t.file(`${npmRoot}/@acme/ai-shell/package.json`, UNKNOWN_AI_SHELL);
  t.file(`${npmRoot}/@acme/ai-shell/dist/cli.mjs`, 'export {};\n');
  t.link('.npm-global/bin/ai-shell', '../lib/node_modules/@acme/ai-shell/dist/cli.mjs');
  cli({ instanceId: '@acme/ai-shell@npm', id: '@acme/ai-shell', kind: 'cli', install: 'npm', version: '1.0.9', root: `${npmRoot}/@acme/ai-shell` });
  t.file(`${npmRoot}/typescript/package.json`, TYPESCRIPT);
  t.file(`${npmRoot}/typescript/bin/tsc`, '#!/usr/bin/env node\nrequire("../lib/tsc.js")\n', 0o755);
  t.link('.npm-global/bin/tsc', '../lib/node_modules/typescript/bin/tsc');

  // nvm, with its node on PATH.
  const nvmPrefix = '.nvm/versions/node/v22.11.0';
  t.file(`${nvmPrefix}/bin/node`, FAKE_ELF, 0o755);
  t.file(`${nvmPrefix}/lib/node_modules/@google/gemini-cli/package.json`, GEMINI_CLI);
  t.file(`${nvmPrefix}/lib/node_modules/@google/gemini-cli/bundle/gemini.js`, '#!/usr/bin/env node\nexport {};\n', 0o755);
  t.link(`${nvmPrefix}/bin/gemini`, '../lib/node_modules/@google/gemini-cli/bundle/gemini.js');
  cli({ instanceId: 'gemini-cli@nvm', id: 'gemini-cli', kind: 'cli', install: 'nvm', version: '0.61.0', root: `${nvmPrefix}/lib/node_modules/@google/gemini-cli` });

  // pnpm: the package is a link into .pnpm; its aliased platform package is a sibling link.
  const pnpmHome = '.local/share/pnpm';
  const pnpmStore = `${pnpmHome}/global/5/node_modules/.pnpm`;
  const codexReal = `${pnpmStore}/@openai+codex@0.171.0/node_modules/@openai/codex`;
  t.file(`${codexReal}/package.json`, CODEX);
  t.file(`${codexReal}/bin/codex.js`, '#!/usr/bin/env node\nexport {};\n', 0o755);
  const codexPlatform = `${pnpmStore}/@openai+codex@0.171.0-linux-x64/node_modules/@openai/codex`;
  t.file(`${codexPlatform}/package.json`, CODEX_LINUX_X64);
  t.file(`${codexPlatform}/vendor/x86_64-unknown-linux-musl/bin/codex`, FAKE_ELF, 0o755);
  t.file(`${codexPlatform}/vendor/x86_64-unknown-linux-musl/codex-resources/voice/lib/libglib-2.0.so.0`, FAKE_ELF);
  t.link(`${pnpmStore}/@openai+codex@0.171.0/node_modules/@openai/codex-linux-x64`, '../../../@openai+codex@0.171.0-linux-x64/node_modules/@openai/codex');
  t.link(`${pnpmHome}/global/5/node_modules/@openai/codex`, '../.pnpm/@openai+codex@0.171.0/node_modules/@openai/codex');
  t.file(`${pnpmHome}/codex`, '#!/bin/sh\nbasedir=$(dirname "$(echo "$0" | sed -e \'s,\\\\,/,g\')")\n\nexport NODE_PATH="$basedir/global/5/node_modules/.pnpm/node_modules"\nif [ -x "$basedir/node" ]; then\n  exec "$basedir/node"  "$basedir/global/5/node_modules/@openai/codex/bin/codex.js" "$@"\nelse\n  exec node  "$basedir/global/5/node_modules/@openai/codex/bin/codex.js" "$@"\nfi\n', 0o755);
  cli({ instanceId: 'codex-cli@pnpm', id: 'codex-cli', kind: 'cli', install: 'pnpm', version: '0.171.0', root: codexReal });

  // bun: a symlink in ~/.bun/bin.
  const bunPkg = '.bun/install/global/node_modules/@qwen-code/qwen-code';
  t.file(`${bunPkg}/package.json`, QWEN_CODE);
  t.file(`${bunPkg}/cli-entry.js`, '#!/usr/bin/env node\nimport "./cli.js";\n', 0o755);
  t.file(`${bunPkg}/cli.js`, 'export {};\n');
  t.link('.bun/bin/qwen', '../install/global/node_modules/@qwen-code/qwen-code/cli-entry.js');
  cli({ instanceId: 'qwen-code@bun', id: 'qwen-code', kind: 'cli', install: 'bun', version: '0.24.4', root: bunPkg });

  // Volta: the command is a link to Volta's shim binary; the package lives in its image.
  const voltaPkg = '.volta/tools/image/packages/@augmentcode/auggie/lib/node_modules/@augmentcode/auggie';
  t.file(`${voltaPkg}/package.json`, AUGGIE);
  t.file(`${voltaPkg}/augment.mjs`, 'export {};\n');
  t.file('.volta/bin/volta-shim', FAKE_ELF, 0o755);
  t.link('.volta/bin/auggie', 'volta-shim');
  cli({ instanceId: 'auggie@volta', id: 'auggie', kind: 'cli', install: 'volta', version: '0.36.0', root: voltaPkg });

  // Claude Code's native installer: ~/.local/bin/claude -> ~/.local/share/claude/versions/<v>.
  t.file('.local/share/claude/versions/2.1.100', FAKE_ELF, 0o755);
  t.file('.local/share/claude/versions/2.1.112', FAKE_ELF, 0o755);
  t.link('.local/bin/claude', path.join(home, '.local/share/claude/versions/2.1.112'));
  cli({ instanceId: 'claude-code@native', id: 'claude-code', kind: 'cli', install: 'native', version: '2.1.112', root: '.local/share/claude/versions/2.1.112' });

  // A Homebrew cask, linked into the prefix's bin.
  t.file('homebrew/Caskroom/codex/0.170.0/codex', FAKE_ELF, 0o755);
  t.dir('homebrew/Cellar');
  t.link('homebrew/bin/codex', '../Caskroom/codex/0.170.0/codex');
  cli({ instanceId: 'codex-cli@homebrew', id: 'codex-cli', kind: 'cli', install: 'homebrew', version: '0.170.0', root: 'homebrew/Caskroom/codex/0.170.0' });

  // pipx: a venv, and a link in ~/.local/bin to its script.
  const venv = '.local/share/pipx/venvs/aider-chat';
  t.file(`${venv}/pyvenv.cfg`, 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.12.3\n');
  t.file(`${venv}/bin/aider`, `#!${path.join(home, venv)}/bin/python\n# -*- coding: utf-8 -*-\nimport sys\nfrom aider.main import main\nif __name__ == "__main__":\n    sys.exit(main())\n`, 0o755);
  t.file(`${venv}/lib/python3.12/site-packages/aider_chat-0.86.1.dist-info/METADATA`, 'Metadata-Version: 2.4\nName: aider-chat\nVersion: 0.86.1\n');
  t.link('.local/bin/aider', path.join(home, venv, 'bin/aider'));
  cli({ instanceId: 'aider@pipx', id: 'aider', kind: 'cli', install: 'pipx', version: '0.86.1', root: venv });

  // A dangling link on PATH: reported, not fatal.
  t.link('.local/bin/kilo', path.join(home, '.local/share/kilo-gone/kilo'));

  const bin = (rel: string) => path.join(home, rel);
  const env = {
    HOME: home,
    PATH: ['.local/bin', '.npm-global/bin', `${nvmPrefix}/bin`, pnpmHome, '.bun/bin', '.volta/bin', 'homebrew/bin'].map(bin).join(':'),
    PNPM_HOME: bin(pnpmHome),
    HOMEBREW_PREFIX: bin('homebrew'),
  };
  const expectedErrors = [
    `${vscode}/acme.broken-1.0.0/package.json`,
    `${cursor}/acme.empty-0.0.1/package.json`,
    `${server}/github.copilot-1.300.0/package.json`,
    '.local/bin/kilo',
  ];
  return { home, env, expected, expectedErrors };
}

/**
 * Adds `count` ordinary (non-AI) extensions to an editor's folder, as a busy editor has, and
 * lists them in its extensions.json when it has one. Manifests are the size of real ones
 * (a few hundred contributed settings), so parsing cost is realistic.
 */
export function addPlainExtensions(dir: string, count: number): void {
  const listFile = path.join(dir, 'extensions.json');
  const listed = fs.existsSync(listFile) ? (JSON.parse(fs.readFileSync(listFile, 'utf8')) as unknown[]) : undefined;
  const properties = Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`plain.setting${k}`, { type: 'string', default: '', description: 'A setting with a description of ordinary length, as manifests have.' }]));
  for (let i = 0; i < count; i++) {
    const id = `filler${i % 7}.plain-extension-${i}`;
    const folder = `${id}-1.${i}.0`;
    fs.mkdirSync(path.join(dir, folder, 'dist'), { recursive: true });
    const manifest = { ...ESLINT, name: `plain-extension-${i}`, publisher: `filler${i % 7}`, version: `1.${i}.0`, main: './dist/extension.js', contributes: { configuration: { title: 'Plain', properties } } };
    fs.writeFileSync(path.join(dir, folder, 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(dir, folder, 'dist', 'extension.js'), '"use strict";\n');
    listed?.push(extensionsJsonEntry(dir, folder, id, `1.${i}.0`));
  }
  if (listed) fs.writeFileSync(listFile, JSON.stringify(listed));
}
