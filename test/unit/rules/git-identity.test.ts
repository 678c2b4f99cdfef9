import { gitIdentity } from '../../../src/core/rules/git-identity';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(gitIdentity, {
  invalid: [
    { name: 'git config commands as strings', code: 'run("git config --get user.name");run("git config user.email")', at: ['"git config --get', '"git config user'], severity: 'low' },
    { name: 'git config arguments', code: 'spawn("git",["config","--get","user.email"])', at: ['"user.email"'], evidence: ['git config user.email'] },
    { name: 'a template with a working directory', code: 'x(`git -C ${d} config user.email`)', at: ['`'] },
    { name: 'a read piped on is still a read', code: 'run("git config user.email 2>/dev/null")', at: ['"git'], message: /^Reads/ },
    { name: 'a git command after a shell operator or in $( ) is a command line', code: 'run("cd r && git config user.email");run(`echo $(git config user.name)`)', at: ['"cd', '`'], message: /^Reads/ },
    { name: 'setting the identity is a write, info, with no personal data read (seen in a real assistant)', code: 'run(`git config --global user.name ${n}`);spawn("git",["config","--global","user.email",e])', at: ['`', '"user.email"'], severity: 'info', message: /^Sets the git/ },
  ],
  valid: [
    // Review 53: help and warning text that names the command.
    { name: 'help text and a warning that mention git config', code: 'n.option("--author <name>","Author name (default: git config user.name)");u.push("Pass --author or set git config user.name.")' },
    { name: 'setting keys in objects', code: 'o={"user.name":n};p.get("user.email")' },
    { name: 'other git config keys', code: 'run("git config core.autocrlf");spawn("git",["config","user.signingkey"])' },
  ],
});
