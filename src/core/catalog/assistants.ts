// Known AI assistants, as data. Ids were checked against public sources (noted in `source`);
// what could not be checked is listed in `unverified`. Extension ids: marketplace links in public
// repositories and docs (`itemName=publisher.name`) or the vendor's own package.json. npm names and
// binaries: the npm registry (`bin`, `optionalDependencies`) or the vendor's install docs.
import type { CatalogEntry } from './types';

const marketplace = (id: string) => `marketplace.visualstudio.com/items?itemName=${id} (linked from public repositories and docs)`;
const npmRegistry = (name: string) => `npm registry: ${name} (bin, optionalDependencies)`;

export const EXTENSIONS: CatalogEntry[] = [
  { id: 'github-copilot', product: 'GitHub Copilot', kind: 'extension', vendor: 'microsoft', serves: ['openai', 'anthropic', 'google'], extensionIds: ['GitHub.copilot'], configDirs: ['~/.config/github-copilot'], source: marketplace('GitHub.copilot'), unverified: ['configDirs'] },
  { id: 'github-copilot-chat', product: 'GitHub Copilot Chat', kind: 'extension', vendor: 'microsoft', serves: ['openai', 'anthropic', 'google'], extensionIds: ['GitHub.copilot-chat'], source: 'github.com/microsoft/vscode-copilot-chat package.json (publisher GitHub, name copilot-chat)' },
  { id: 'cline', product: 'Cline', kind: 'extension', vendor: 'cline', extensionIds: ['saoudrizwan.claude-dev'], source: 'github.com/cline/cline package.json (publisher saoudrizwan, name claude-dev)' },
  { id: 'roo-code', product: 'Roo Code', kind: 'extension', vendor: 'roocode', extensionIds: ['RooVeterinaryInc.roo-cline'], source: marketplace('RooVeterinaryInc.roo-cline') },
  { id: 'kilo-code', product: 'Kilo Code', kind: 'extension', vendor: 'kilocode', extensionIds: ['kilocode.Kilo-Code'], source: marketplace('kilocode.Kilo-Code') },
  { id: 'continue', product: 'Continue', kind: 'extension', vendor: 'continue', extensionIds: ['Continue.continue'], configDirs: ['~/.continue'], source: marketplace('Continue.continue') },
  { id: 'claude-code-vscode', product: 'Claude Code for VS Code', kind: 'extension', vendor: 'anthropic', extensionIds: ['anthropic.claude-code'], configDirs: ['~/.claude'], source: marketplace('anthropic.claude-code') },
  { id: 'codex-vscode', product: 'Codex – OpenAI\'s coding agent (ChatGPT)', kind: 'extension', vendor: 'openai', extensionIds: ['openai.chatgpt'], configDirs: ['~/.codex'], source: marketplace('openai.chatgpt') },
  { id: 'gemini-code-assist', product: 'Gemini Code Assist', kind: 'extension', vendor: 'google', extensionIds: ['Google.geminicodeassist'], source: marketplace('Google.geminicodeassist') },
  { id: 'gemini-cli-companion', product: 'Gemini CLI Companion', kind: 'extension', vendor: 'google', extensionIds: ['Google.gemini-cli-vscode-ide-companion'], source: 'extension lists in public dotfiles (Google.gemini-cli-vscode-ide-companion)' },
  { id: 'amazon-q', product: 'Amazon Q Developer', kind: 'extension', vendor: 'amazon', extensionIds: ['AmazonWebServices.amazon-q-vscode'], configDirs: ['~/.aws/amazonq'], source: marketplace('AmazonWebServices.amazon-q-vscode'), unverified: ['configDirs'] },
  { id: 'tabnine', product: 'Tabnine', kind: 'extension', vendor: 'tabnine', extensionIds: ['TabNine.tabnine-vscode'], configDirs: ['~/.tabnine'], source: marketplace('TabNine.tabnine-vscode'), unverified: ['configDirs'] },
  { id: 'windsurf-plugin', product: 'Windsurf Plugin (formerly Codeium)', kind: 'extension', vendor: 'windsurf', extensionIds: ['Codeium.codeium'], configDirs: ['~/.codeium'], source: marketplace('Codeium.codeium') },
  { id: 'cody', product: 'Cody', kind: 'extension', vendor: 'sourcegraph', extensionIds: ['sourcegraph.cody-ai'], source: marketplace('sourcegraph.cody-ai') },
  { id: 'amp-vscode', product: 'Amp', kind: 'extension', vendor: 'sourcegraph', extensionIds: ['sourcegraph.amp'], configDirs: ['~/.config/amp'], source: marketplace('sourcegraph.amp') },
  { id: 'augment', product: 'Augment Code', kind: 'extension', vendor: 'augment', extensionIds: ['augment.vscode-augment'], configDirs: ['~/.augment'], source: marketplace('augment.vscode-augment') },
  { id: 'supermaven', product: 'Supermaven', kind: 'extension', vendor: 'anysphere', extensionIds: ['Supermaven.supermaven'], configDirs: ['~/.supermaven'], source: marketplace('Supermaven.supermaven'), unverified: ['configDirs'] },
  { id: 'qodo-gen', product: 'Qodo Gen (formerly Codium)', kind: 'extension', vendor: 'qodo', extensionIds: ['Codium.codium'], source: marketplace('Codium.codium') },
  { id: 'sourcery', product: 'Sourcery', kind: 'extension', vendor: 'sourcery', extensionIds: ['sourcery.sourcery'], source: marketplace('sourcery.sourcery') },
  { id: 'bito', product: 'Bito AI', kind: 'extension', vendor: 'bito', extensionIds: ['Bito.Bito'], source: marketplace('Bito.Bito') },
  { id: 'codegpt', product: 'CodeGPT', kind: 'extension', publisher: 'Daniel San (CodeGPT)', extensionIds: ['DanielSanMedium.dscodegpt'], source: marketplace('DanielSanMedium.dscodegpt') },
  { id: 'tongyi-lingma', product: 'Tongyi Lingma', kind: 'extension', vendor: 'alibaba', extensionIds: ['Alibaba-Cloud.tongyi-lingma'], configDirs: ['~/.lingma'], source: marketplace('Alibaba-Cloud.tongyi-lingma'), unverified: ['configDirs'] },
  { id: 'qwen-code-companion', product: 'Qwen Code Companion', kind: 'extension', vendor: 'alibaba', extensionIds: ['qwenlm.qwen-code-vscode-ide-companion'], source: marketplace('qwenlm.qwen-code-vscode-ide-companion') },
  { id: 'codegeex', product: 'CodeGeeX', kind: 'extension', vendor: 'zhipu', extensionIds: ['aminer.codegeex'], source: marketplace('aminer.codegeex') },
  { id: 'baidu-comate', product: 'Baidu Comate', kind: 'extension', vendor: 'baidu', extensionIds: ['BaiduComate.comate'], source: marketplace('BaiduComate.comate') },
  { id: 'marscode', product: 'MarsCode AI (Trae plugin)', kind: 'extension', vendor: 'bytedance', extensionIds: ['MarsCode.marscode-extension'], source: marketplace('MarsCode.marscode-extension') },
  { id: 'codebuddy-vscode', product: 'Tencent Cloud CodeBuddy', kind: 'extension', vendor: 'tencent', extensionIds: ['Tencent-Cloud.coding-copilot'], source: marketplace('Tencent-Cloud.coding-copilot') },
  { id: 'iflycode', product: 'iFlyCode', kind: 'extension', vendor: 'iflytek', extensionIds: ['iflytek.iflycode'], unverified: ['extensionIds'] },
  { id: 'kimi-code-vscode', product: 'Kimi Code', kind: 'extension', vendor: 'moonshot', extensionIds: ['moonshot-ai.kimi-code'], source: marketplace('moonshot-ai.kimi-code') },
  { id: 'deepseek-v4-for-copilot', product: 'DeepSeek V4 for Copilot Chat', kind: 'extension', publisher: 'Vizards', serves: ['deepseek'], extensionIds: ['Vizards.deepseek-v4-for-copilot'], source: 'github.com/deepseek-ai/awesome-deepseek-agent docs/github_copilot.md (itemName=Vizards.deepseek-v4-for-copilot)' },
  { id: 'wassimdev-deepseek', product: 'DeepSeek for VS Code (wassimdev)', kind: 'extension', publisher: 'wassimdev', serves: ['deepseek'], extensionIds: ['wassimdev.wassimdev-vscode-deepseek'], source: 'install instructions in a public repository (ext id wassimdev.wassimdev-vscode-deepseek)' },
  { id: 'iflow-vscode', product: 'IFlow for VS Code', kind: 'extension', publisher: 'Yau Mike', serves: ['alibaba'], extensionIds: ['YauMike.iflow-for-vscode'], source: marketplace('YauMike.iflow-for-vscode') },
  { id: 'blackbox', product: 'BLACKBOX AI', kind: 'extension', publisher: 'BLACKBOX AI', extensionIds: ['Blackboxapp.blackbox'], source: marketplace('Blackboxapp.blackbox') },
  { id: 'tabby', product: 'Tabby', kind: 'extension', vendor: 'tabbyml', extensionIds: ['TabbyML.vscode-tabby'], configDirs: ['~/.tabby-client'], source: marketplace('TabbyML.vscode-tabby'), unverified: ['configDirs'] },
  { id: 'twinny', product: 'twinny', kind: 'extension', publisher: 'rjmacarthy', extensionIds: ['rjmacarthy.twinny'], source: marketplace('rjmacarthy.twinny') },
  { id: 'refact', product: 'Refact.ai', kind: 'extension', publisher: 'SMC (Refact.ai)', extensionIds: ['smallcloud.codify'], source: marketplace('smallcloud.codify') },
  { id: 'zencoder', product: 'Zencoder', kind: 'extension', vendor: 'zencoder', extensionIds: ['ZencoderAI.zencoder'], source: marketplace('ZencoderAI.zencoder') },
  { id: 'fitten-code', product: 'Fitten Code', kind: 'extension', vendor: 'fitten', extensionIds: ['FittenTech.Fitten-Code'], source: marketplace('FittenTech.Fitten-Code') },
  { id: 'huggingface-llm-vscode', product: 'llm-vscode (Hugging Face)', kind: 'extension', vendor: 'huggingface', extensionIds: ['HuggingFace.huggingface-vscode'], source: marketplace('HuggingFace.huggingface-vscode') },
  { id: 'huggingface-copilot-chat', product: 'Hugging Face Provider for Copilot Chat', kind: 'extension', vendor: 'huggingface', extensionIds: ['HuggingFace.huggingface-vscode-chat'], source: marketplace('HuggingFace.huggingface-vscode-chat') },
  { id: 'ai-toolkit', product: 'AI Toolkit (Foundry Toolkit)', kind: 'extension', vendor: 'microsoft', extensionIds: ['ms-windows-ai-studio.windows-ai-studio'], source: marketplace('ms-windows-ai-studio.windows-ai-studio') },
  { id: 'coderabbit', product: 'CodeRabbit', kind: 'extension', vendor: 'coderabbit', extensionIds: ['CodeRabbit.coderabbit-vscode'], source: marketplace('CodeRabbit.coderabbit-vscode') },
  { id: 'phind', product: 'Phind', kind: 'extension', vendor: 'phind', extensionIds: ['phind.phind'], source: marketplace('phind.phind') },
];

export const CLIS: CatalogEntry[] = [
  {
    id: 'claude-code', product: 'Claude Code', kind: 'cli', vendor: 'anthropic',
    npm: ['@anthropic-ai/claude-code'], platformPackages: ['@anthropic-ai/claude-code-'], binaries: ['claude'],
    native: [
      { platforms: ['linux', 'darwin'], launcher: '~/.local/bin/claude', versions: '~/.local/share/claude/versions' },
      { platforms: ['win32'], launcher: '%USERPROFILE%/.local/bin/claude', versions: '%USERPROFILE%/.local/share/claude/versions' },
      { npmPrefix: '~/.claude/local' },
    ],
    brew: { cask: ['claude-code'] },
    configDirs: ['~/.claude', '~/.claude.json'],
    source: `${npmRegistry('@anthropic-ai/claude-code')}; native layout ~/.local/bin/claude -> ~/.local/share/claude/versions/<v> and ~/.claude/local as documented in public tools; cask claude-code in the vendor's setup docs`,
    unverified: ['native'],
  },
  {
    id: 'codex-cli', product: 'OpenAI Codex CLI', kind: 'cli', vendor: 'openai',
    npm: ['@openai/codex'], platformPackages: ['@openai/codex-'], binaries: ['codex'],
    brew: { cask: ['codex'], formula: ['codex'] }, configDirs: ['~/.codex'],
    source: npmRegistry('@openai/codex'), unverified: ['brew'],
  },
  {
    id: 'gemini-cli', product: 'Gemini CLI', kind: 'cli', vendor: 'google',
    npm: ['@google/gemini-cli'], binaries: ['gemini'], brew: { formula: ['gemini-cli'] }, configDirs: ['~/.gemini'],
    source: 'npm registry: @google/gemini-cli (bin gemini, corpus package.json)', unverified: ['brew'],
  },
  {
    id: 'qwen-code', product: 'Qwen Code', kind: 'cli', vendor: 'alibaba',
    npm: ['@qwen-code/qwen-code'], binaries: ['qwen'], brew: { formula: ['qwen-code'] }, configDirs: ['~/.qwen'],
    source: 'npm registry: @qwen-code/qwen-code (bin qwen, corpus package.json)', unverified: ['brew'],
  },
  {
    id: 'copilot-cli', product: 'GitHub Copilot CLI', kind: 'cli', vendor: 'microsoft', serves: ['openai', 'anthropic', 'google'],
    npm: ['@github/copilot'], platformPackages: ['@github/copilot-'], binaries: ['copilot'], configDirs: ['~/.copilot'],
    source: npmRegistry('@github/copilot'),
  },
  {
    id: 'amp-cli', product: 'Amp CLI', kind: 'cli', vendor: 'sourcegraph',
    npm: ['@ampcode/cli', '@sourcegraph/amp'], platformPackages: ['@ampcode/cli-'], binaries: ['amp'], genericBinaries: ['amp'],
    native: [{ platforms: ['linux', 'darwin'], launcher: '~/.amp/bin/amp' }], configDirs: ['~/.config/amp'],
    source: `${npmRegistry('@ampcode/cli')}; @sourcegraph/amp says "Renamed to @ampcode/cli"; ~/.amp/bin/amp in public tools`,
  },
  {
    id: 'opencode', product: 'opencode', kind: 'cli', vendor: 'sst',
    npm: ['opencode-ai'], platformPackages: ['opencode-'], binaries: ['opencode'],
    native: [{ platforms: ['linux', 'darwin'], launcher: '~/.opencode/bin/opencode' }],
    brew: { formula: ['opencode', 'sst/tap/opencode'] }, configDirs: ['~/.config/opencode', '$XDG_DATA_HOME/opencode'],
    source: `${npmRegistry('opencode-ai')}; ~/.opencode/bin/opencode in public tools`, unverified: ['brew'],
  },
  {
    id: 'kilo-cli', product: 'Kilo Code CLI', kind: 'cli', vendor: 'kilocode',
    npm: ['@kilocode/cli'], platformPackages: ['@kilocode/cli-'], binaries: ['kilo', 'kilocode'], configDirs: ['~/.config/kilo'],
    source: npmRegistry('@kilocode/cli'), unverified: ['configDirs'],
  },
  {
    id: 'auggie', product: 'Auggie (Augment CLI)', kind: 'cli', vendor: 'augment',
    npm: ['@augmentcode/auggie'], binaries: ['auggie'], configDirs: ['~/.augment'],
    source: 'npm registry: @augmentcode/auggie (bin auggie, corpus package.json)',
  },
  {
    id: 'continue-cli', product: 'Continue CLI (cn)', kind: 'cli', vendor: 'continue',
    npm: ['@continuedev/cli'], binaries: ['cn'], configDirs: ['~/.continue'],
    source: 'npm registry: @continuedev/cli (bin cn, corpus package.json)',
  },
  {
    id: 'cursor-agent', product: 'Cursor Agent CLI', kind: 'cli', vendor: 'anysphere', binaries: ['cursor-agent', 'agent'], genericBinaries: ['agent'],
    native: [
      { platforms: ['linux', 'darwin'], launcher: '~/.local/bin/cursor-agent', versions: '~/.local/share/cursor-agent/versions' },
      { platforms: ['win32'], versions: '%LOCALAPPDATA%/cursor-agent/versions' },
    ],
    configDirs: ['~/.cursor'],
    source: 'vendor installer only (docs: not on npm); ~/.local/bin/cursor-agent and ~/.local/share/cursor-agent/versions/ per public install scripts; %LOCALAPPDATA%\\cursor-agent per a public Windows installer',
    unverified: ['native'],
  },
  {
    id: 'aider', product: 'Aider', kind: 'cli', publisher: 'Aider (Paul Gauthier)', binaries: ['aider'], python: ['aider-chat'],
    brew: { formula: ['aider'] }, configDirs: ['~/.aider.conf.yml'],
    source: 'pipx venvs named aider-chat in public tools', unverified: ['brew'],
  },
  {
    id: 'goose', product: 'goose', kind: 'cli', vendor: 'block', binaries: ['goose'], genericBinaries: ['goose'],
    native: [{ platforms: ['linux', 'darwin'], launcher: '~/.local/bin/goose' }],
    brew: { formula: ['block-goose-cli'] }, configDirs: ['~/.config/goose'],
    source: 'vendor download_cli.sh installs ~/.local/bin/goose, config ~/.config/goose (public tools)', unverified: ['brew'],
  },
  {
    id: 'crush', product: 'Crush', kind: 'cli', vendor: 'charm',
    npm: ['@charmland/crush'], binaries: ['crush'], brew: { formula: ['charmbracelet/tap/crush', 'crush'] }, configDirs: ['~/.config/crush'],
    source: npmRegistry('@charmland/crush'), unverified: ['brew', 'configDirs'],
  },
  {
    id: 'iflow-cli', product: 'iFlow CLI', kind: 'cli', vendor: 'alibaba',
    npm: ['@iflow-ai/iflow-cli'], binaries: ['iflow'], configDirs: ['~/.iflow'],
    source: 'vendor docs platform.iflow.cn (npm i -g @iflow-ai/iflow-cli, command iflow); the service shut down in April 2026',
    unverified: ['configDirs'],
  },
  {
    id: 'codebuddy-code', product: 'CodeBuddy Code', kind: 'cli', vendor: 'tencent',
    npm: ['@tencent-ai/codebuddy-code'], binaries: ['codebuddy', 'cbc'], configDirs: ['~/.codebuddy'],
    source: 'vendor docs cloud.tencent.com (npm install -g @tencent-ai/codebuddy-code; commands codebuddy and cbc; ~/.codebuddy/models.json)',
  },
  {
    id: 'kimi-cli', product: 'Kimi CLI', kind: 'cli', vendor: 'moonshot', binaries: ['kimi'], python: ['kimi-cli'],
    brew: { formula: ['kimi-cli'] }, configDirs: ['~/.kimi'],
    source: 'vendor docs (uv tool install kimi-cli; command kimi); formulae.brew.sh/formula/kimi-cli', unverified: ['configDirs'],
  },
  {
    id: 'kimi-code-cli', product: 'Kimi Code CLI', kind: 'cli', vendor: 'moonshot',
    npm: ['@moonshot-ai/kimi-code'], binaries: ['kimi'], configDirs: ['~/.kimi-code'],
    source: 'npm package page @moonshot-ai/kimi-code ("kimi --version")', unverified: ['configDirs'],
  },
  {
    id: 'kiro-cli', product: 'Kiro CLI', kind: 'cli', vendor: 'amazon', binaries: ['kiro-cli'],
    native: [{ platforms: ['linux', 'darwin'], launcher: '~/.local/bin/kiro-cli' }], configDirs: ['~/.kiro'],
    source: 'vendor installer puts ~/.local/bin/kiro-cli (public tools and install scripts)', unverified: ['configDirs'],
  },
  {
    id: 'grok-cli', product: 'Grok CLI (Vibe Kit)', kind: 'cli', publisher: 'Vibe Kit', serves: ['xai'],
    npm: ['@vibe-kit/grok-cli'], binaries: ['grok'], configDirs: ['~/.grok'],
    source: 'npm registry: @vibe-kit/grok-cli ("An open-source AI agent that brings the power of Grok directly into your terminal")',
    unverified: ['binaries', 'configDirs'],
  },
  {
    id: 'cline-cli', product: 'Cline CLI', kind: 'cli', vendor: 'cline', npm: ['cline'], binaries: ['cline'], configDirs: ['~/.cline'],
    source: 'npm registry: cline ("Autonomous coding agent CLI")', unverified: ['binaries', 'configDirs'],
  },
  {
    id: 'droid', product: 'Factory Droid CLI', kind: 'cli', vendor: 'factory', npm: ['@factory/cli', 'droid'], binaries: ['droid'], genericBinaries: ['droid'],
    native: [{ platforms: ['linux', 'darwin'], launcher: '~/.local/bin/droid' }], configDirs: ['~/.factory'],
    source: 'npm registry: @factory/cli and droid ("Factory Droid CLI")', unverified: ['binaries', 'native', 'configDirs'],
  },
  {
    id: 'qodo-command', product: 'Qodo Command', kind: 'cli', vendor: 'qodo', npm: ['@qodo/command'], binaries: ['qodo'], configDirs: ['~/.qodo'],
    source: 'npm registry: @qodo/command ("Qodo CLI agent tool")', unverified: ['binaries', 'configDirs'],
  },
  {
    id: 'qoder-cli', product: 'Qoder CLI', kind: 'cli', vendor: 'alibaba', npm: ['@qoder-ai/qodercli'], binaries: ['qodercli'], configDirs: ['~/.qoder'],
    source: 'npm registry: @qoder-ai/qodercli ("Qoder AI CLI")', unverified: ['binaries', 'configDirs'],
  },
  {
    id: 'letta-code', product: 'Letta Code', kind: 'cli', vendor: 'letta', npm: ['@letta-ai/letta-code'], binaries: ['letta'], configDirs: ['~/.letta'],
    source: 'npm registry: @letta-ai/letta-code 0.31.12 (bin letta: letta.js; its code keeps agents under ~/.letta)', unverified: ['configDirs'],
  },
];

export const CATALOG: CatalogEntry[] = [...EXTENSIONS, ...CLIS];
