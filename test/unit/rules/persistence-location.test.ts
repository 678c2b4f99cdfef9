import { persistenceLocation } from '../../../src/core/rules/persistence-location';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(persistenceLocation, {
  invalid: [
    { name: 'the global git configuration in the home directory', code: 'a="~/.gitconfig";b=`${process.env.HOME}/.config/git/config`', at: ['"~', '`'] },
    { name: 'shell start-up files', code: 'const p=require("path"),o=require("os");f(p.join(o.homedir(),".zshrc"));g(`${h}/.bashrc`)', at: ['p.join', '`'], severity: 'low', evidence: ['path ~/.zshrc', 'path */.bashrc'] },
    { name: 'autostart locations and commands', code: 'a=`${h}/Library/LaunchAgents/com.x.plist`;b="schtasks /create /tn x";c="HKCU\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run"', at: ['`', '"schtasks', '"HKCU'] },
    { name: 'git hooks', code: 'x=join(d,".git","hooks");y=".git/hooks/pre-commit";z=["config","core.hooksPath",h]', at: ['".git/hooks/', '"core.hooksPath"'] },
    { name: "another assistant's configuration", code: 'w(`${h}/.cursor/mcp.json`);w(`${h}/.codex/config.toml`)', at: ['`${h}/.cursor', '`${h}/.codex'], target: { ownVendors: ['anthropic'] } },
  ],
  valid: [
    // claude-agent-sdk 0.3.336: commits made with the user's hooks turned off.
    { name: 'git hooks turned off: core.hooksPath set to the null device', code: 'execFile("git",["-c","core.hooksPath=/dev/null","commit","-m","x"]);a=["-c","core.hooksPath",os.devNull];b=["core.hooksPath",nullDevice];c=["core.hooksPath","NUL"]' },
    { name: 'a .gitconfig in a private repository folder', code: 'const p=require("path");w(p.join(repoDir,".gitconfig"))' },
    { name: "the assistant's own configuration", code: 'w(`${h}/.claude/settings.json`)', target: { ownVendors: ['anthropic'] } },
    { name: 'help text mentioning a location', code: 'd(`Custom commands are discovered from:\n  ~/.claude/commands/<name>.md`)' },
    { name: 'look-alike names', code: 'a="bashrc-parser";b="profile";c=".zshrc.bak";d="git hooks are optional"' },
  ],
});
