import { persistenceLocation } from '../../../src/core/rules/persistence-location';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(persistenceLocation, {
  invalid: [
    // Letta Code 0.25.9 (review 85) rewrites WezTerm's Lua configuration, which the terminal runs at every start.
    { name: "WezTerm's configuration, in the home folder or under .config", code: 'const fs=require("fs"),p=require("path"),os=require("os");fs.writeFileSync(p.join(os.homedir(),".config","wezterm","wezterm.lua"),"x");fs.writeFileSync(p.join(os.homedir(),".wezterm.lua"),"x")', at: ['p.join(os.homedir(),".config"', 'p.join(os.homedir(),".wezterm'], severity: 'low', message: /^Names a WezTerm configuration/ },
    // Amp (review 65) adds its PATH line to nushell's env.nu; PowerShell and elvish read theirs at every start.
    { name: 'nushell, elvish and PowerShell start-up files (low), with the article their label takes', code: 'const fs=require("fs"),p=require("path"),os=require("os");fs.appendFileSync(p.join(os.homedir(),".config","nushell","env.nu"),"x");fs.appendFileSync(p.join(os.homedir(),"Documents","PowerShell","Microsoft.PowerShell_profile.ps1"),"x");fs.appendFileSync(p.join(os.homedir(),".config","elvish","rc.elv"),"x")', at: ['p.join(os.homedir(),".config","n', 'p.join(os.homedir(),"D', 'p.join(os.homedir(),".config","e'], severity: 'low', message: /^Names (a nushell start-up file|a PowerShell profile|an elvish start-up file): /},
    { name: 'the global git configuration in the home directory', code: 'a="~/.gitconfig";b=`${process.env.HOME}/.config/git/config`', at: ['"~', '`'] },
    // Claude Agent SDK 0.3.337 (review 101): git's global ignore and attributes files (XDG) are its configuration too.
    { name: "git's global ignore and attributes files under ~/.config/git", code: 'a="~/.config/git/ignore";b="~/.config/git/attributes"', at: ['"~/.config/git/ignore"', '"~/.config/git/attributes"'], message: /global git configuration/ },
    { name: 'shell start-up files', code: 'const p=require("path"),o=require("os");f(p.join(o.homedir(),".zshrc"));g(`${h}/.bashrc`)', at: ['p.join', '`'], severity: 'low', evidence: ['path ~/.zshrc', 'path */.bashrc'] },
    { name: 'a launchd daemon is named as one (it runs as root), not as an agent', code: 'p="/Library/LaunchDaemons/com.x.daemon.plist"', at: ['"/Library'], message: /macOS launchd daemon \(runs as root\)/ },
    { name: 'autostart locations and commands', code: 'a=`${h}/Library/LaunchAgents/com.x.plist`;b="schtasks /create /tn x";c="HKCU\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run"', at: ['`', '"schtasks', '"HKCU'] },
    { name: 'git hooks', code: 'x=join(d,".git","hooks");y=".git/hooks/pre-commit";z=["config","core.hooksPath",h]', at: ['".git/hooks/', '"core.hooksPath"'] },
    // Amp (third review): its protected-files list for the agent's file tools.
    {
      name: 'a start-up file in a list under a patterns key, or among globs, is listed in a deny list (info)',
      code: 'const P=[{key:"shell-configs",pattern:{description:"Shell Configuration Files",patterns:["~/.bashrc","~/.zshrc"]}},{key:"ssh",pattern:{patterns:["**/.ssh/**"]}}];const skip=["*.log","~/.profile"];const cfg={exclude:["~/.config/fish/config.fish"]}',
      at: ['"~/.bashrc"', '"~/.zshrc"', '"~/.profile"', '"~/.config/fish'],
      severity: 'info',
      message: /^Lists a .* among names or patterns paths are matched against \(a deny list\)/,
    },
    // Anthropic's sandbox-runtime 0.0.83 (review 114): its deny lists, pushed onto, written to a
    // name, joined by spreading one, and ripgrep globs; not a plain list or a push onto another.
    {
      name: 'a start-up file or git hook pushed onto a deny list, in a list named as one or joining one, or written as a glob, is listed in a deny list (info)',
      code: 'const path=require("path");denyPaths.push(path.resolve(cwd,".git/hooks"));this.blockedFiles.add("~/.zshrc");iglobArgs.push("--iglob","**/.git/hooks/**");const DANGEROUS_FILES=[".bashrc",".zprofile"];const names=[...dangerousDirectories,".git/hooks"].map(n=>n.split("/"));let protectedPaths;protectedPaths=["~/.profile"]',
      at: ['path.resolve(cwd', '"~/.zshrc"', '"**/.git/hooks/**"', '".bashrc"', '".zprofile"', '".git/hooks"]', '"~/.profile"'],
      severity: 'info',
      message: /^Lists a .* among names or patterns paths are matched against \(a deny list\)/,
    },
    {
      name: 'a start-up file pushed onto or listed in a list named otherwise, handed on with a deny list spread in, in a command line with a glob, in an allow list, or made by another call pushed onto a deny list is named (low)',
      code: 'const path=require("path");targets.push(path.join(home,".bashrc"));const FILES=[".zshrc"];const all=[...others,".profile"];spawn("rsync",[...excludeArgs,"-a",src,"~/.config/autostart/x.desktop"]);run("cp ./agents/** ~/Library/LaunchAgents/");const unblockedPaths=["~/.zprofile"];denyPaths.push(write("~/.bash_profile"))',
      at: ['path.join(home', '".zshrc"', '".profile"', '"~/.config/autostart', '"cp ./agents', '"~/.zprofile"', '"~/.bash_profile"'],
      severity: 'low',
    },
    {
      name: 'a start-up file in a list under another key is named (low)',
      code: 'const targets={files:["~/.bashrc","~/.zshrc"]};const w={patterns:1,rc:"~/.bashrc"}',
      at: ['"~/.bashrc","', '"~/.zshrc"', '"~/.bashrc"}'],
      severity: 'low',
    },
    // claude-task-master's init (review 59): templates it ships under its own .cursor folder, copied from there.
    {
      name: "a path under the module's own folder, at most one level up, is a file the package ships (info, no place)",
      code: 'const path=require("path");const a=path.join(__dirname,"..",".cursor","rules","dev.mdc");const b=`${__dirname}/.claude/settings.json`;const c=path.join(path.dirname(__filename),".codex","config.toml")',
      at: ['path.join(__dirname', '`${__dirname}', 'path.join(path.dirname'],
      severity: 'info',
      message: /^Names a file under its own folder shaped like a .*\(a file the package ships, not the user's\): \*\//,
      target: { ownVendors: ['google'] },
    },
    {
      name: "an ES module's folder made from import.meta.url, or import.meta.dirname, joined in two steps (info)",
      code: 'import path from "path";import{fileURLToPath}from"url";const __dirname=path.dirname(fileURLToPath(import.meta.url));const up=path.join(__dirname,"..");function f(n){return path.join(up,".cursor","rules",n)}const d=path.join(import.meta.dirname,".claude","settings.json")',
      at: ['path.join(up', 'path.join(import.meta.dirname'],
      severity: 'info',
      target: { ownVendors: ['google'] },
    },
    {
      name: "a path that climbs out of the package to the project, or a __dirname that is not the module's folder, is named (low)",
      code: 'const path=require("path");const a=path.join(__dirname,"..","..","..",".cursor","rules","x.mdc");function g(){const __dirname=process.cwd();return path.join(__dirname,".cursor","mcp.json")}',
      at: ['path.join(__dirname,"..","..', 'path.join(__dirname,".cursor'],
      severity: 'low',
      target: { ownVendors: ['google'] },
    },
    // Qoder CLI 1.0.12's postinstall (review 63): the user's PATH changed for good in the registry.
    { name: "the Windows user environment set for good (reg add HKCU\\Environment, setx, SetEnvironmentVariable …User), as long command lines", code: 'x(`reg add "HKCU\\\\Environment" /v Path /t REG_EXPAND_SZ /d "${n}" /f`);x("setx PATH \\"%PATH%;C:\\\\t\\" >NUL 2>&1");x(\'powershell -c "[Environment]::SetEnvironmentVariable(\\"Path\\", $p, \\"User\\")"\')', at: ['`reg add', '"setx', "'powershell"], message: /Windows user environment/ },
    { name: "another assistant's configuration", code: 'w(`${h}/.cursor/mcp.json`);w(`${h}/.codex/config.toml`)', at: ['`${h}/.cursor', '`${h}/.codex'], target: { ownVendors: ['anthropic'] } },
    // Playwright's init-agents and skills install (review 52): project files of other assistants, relative to the working folder.
    { name: "project files of other assistants and CI: .mcp.json, opencode.json, .github/agents, .claude/skills, a workflow", code: 'w(".mcp.json");w("opencode.json");w(`.github/agents/${n}.agent.md`);w(`${h}/.claude/skills/${s}`);w(".github/workflows/setup.yml")', at: ['".mcp', '"opencode', '`.github', '`${h}', '".github/workflows'], target: { ownVendors: ['google'] } },
    // Copilot CLI 1.0.88 (review 54): completion scripts installed at every start.
    { name: 'shell completion folders the shell loads from (bash, zsh, fish)', code: 'w(`${h}/.local/share/bash-completion/completions/x`);w(`${h}/.local/share/zsh/site-functions/_x`);w(`${h}/.config/fish/completions/x.fish`)', at: ['`${h}/.local/share/bash', '`${h}/.local/share/zsh', '`${h}/.config'], message: /shell completion script/ },
    // claude-code-templates and vibe-tools (review 56): the instruction and rules files other assistants read at every start.
    { name: "other assistants' instruction and rules files: CLAUDE.md, GEMINI.md, QWEN.md, .clinerules, .roo/rules, AGENTS.md", code: 'w(`${h}/.claude/CLAUDE.md`);w(`${r}/CLAUDE.local.md`);w(`${h}/.gemini/GEMINI.md`);w(`${h}/.qwen/QWEN.md`);w(`${r}/.clinerules/x.md`);w(`${r}/.roo/rules/x.md`);w(`${r}/AGENTS.md`)', at: ['`${h}/.claude', '`${r}/CLAUDE', '`${h}/.gemini', '`${h}/.qwen', '`${r}/.clinerules', '`${r}/.roo', '`${r}/AGENTS'], target: { ownVendors: ['openai'] }, message: /instruction file|rules file/ },
    { name: "a workspace's MCP servers for Copilot and Claude Code, and Codex's agents", code: 'w(`${r}/.vscode/mcp.json`);w(`${r}/.mcp.json`);w(`${h}/.codex/agents/${n}.md`)', at: ['`${r}/.vscode', '`${r}/.mcp', '`${h}/.codex'], target: { ownVendors: ['google'] } },
    // @smithery/cli 4.11.1 (review 40): the MCP server lists an installer rewrites.
    {
      name: "other assistants' MCP server lists (Cline, Roo Code, Amazon Q, OpenCode, Goose)",
      code: 'const p=require("path");a=p.join(s,"saoudrizwan.claude-dev","settings","cline_mcp_settings.json");b=p.join(s,"rooveterinaryinc.roo-cline","settings","mcp_settings.json");c=p.join(h,".aws","amazonq","mcp.json");d=p.join(h,".opencode","opencode.jsonc");e=p.join(h,".config","goose","config.yaml")',
      at: ['p.join(s,"saoud', 'p.join(s,"roo', 'p.join(h,".aws', 'p.join(h,".opencode', 'p.join(h,".config"'],
      message: /^Names an? (Cline|Roo Code|Amazon Q|OpenCode|Goose) configuration/,
      target: { ownVendors: ['anthropic'] },
    },
  ],
  valid: [
    // Copilot CLI 0.0.343 (review 76): a shell command's risk classified by its first word.
    { name: 'a place name only compared with (a command classified by its first word)', code: 'function m(e){return e==="crontab"||e==="schtasks"}function z(f){return f===".zshrc"}' },
    // Sentry's cron instrumentation in Claude Code 1.0.25 (review 69): a monitor's schedule type.
    { name: 'a type tag that names a crontab', code: 'monitor.withMonitor(name,cb,{schedule:{type:"crontab",value:expr}})' },
    { name: 'the Windows user environment only read, or set for the process', code: 'x(`reg query "HKCU\\\\Environment" /v Path`);process.env.PATH=p;log("Run setx PATH with your folder to make it permanent, or add it in System settings")' },
    // Kilo CLI (review 60): an OpenCode fork's own settings, under its own folder, share OpenCode's file name.
    { name: "a project file's name under another tool's fixed folder is not that project file: Kilo's own settings, in Kilo", code: 'const p=require("path"),o=require("os");w(p.join(o.homedir(),".config","kilo","opencode.json"));w(`${root}/.kilo/opencode.jsonc`)', target: { ownVendors: ['kilocode'] } },
    { name: "a block's own let of a parameter's name: the parameter is not that block's path", code: 'const ml=require("path");async function f(A,e){if(x){let A=ml.join(e,".git");await w(A)}for(let t of[ml.join(A,"hooks"),ml.join(A,"cache")])g(t)}exports.f=f' },
    // claude-agent-sdk 0.3.336: commits made with the user's hooks turned off.
    { name: 'git hooks turned off: core.hooksPath set to the null device', code: 'execFile("git",["-c","core.hooksPath=/dev/null","commit","-m","x"]);a=["-c","core.hooksPath",os.devNull];b=["core.hooksPath",nullDevice];c=["core.hooksPath","NUL"]' },
    { name: 'a .gitconfig in a private repository folder', code: 'const p=require("path");w(p.join(repoDir,".gitconfig"))' },
    { name: "the assistant's own configuration", code: 'w(`${h}/.claude/settings.json`)', target: { ownVendors: ['anthropic'] } },
    { name: "Cline's own MCP server list", code: 'const p=require("path");w(p.join(s,"saoudrizwan.claude-dev","settings","cline_mcp_settings.json"))', target: { ownVendors: ['cline'] } },
    { name: 'help text mentioning a location', code: 'd(`Custom commands are discovered from:\n  ~/.claude/commands/<name>.md`)' },
    { name: 'look-alike names', code: 'a="bashrc-parser";b="profile";c=".zshrc.bak";d="git hooks are optional"' },
  ],
});
