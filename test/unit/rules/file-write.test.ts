import { fileWrite } from '../../../src/core/rules/file-write';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(fileWrite, {
  invalid: [
    { name: 'sync, callback and promise writes', code: 'const fs=require("fs");fs.writeFileSync(p,d);fs.appendFile(p,d,cb);fs.promises.writeFile(p,d)', at: ['fs.writeFileSync', 'fs.appendFile', 'fs.promises'], severity: 'info' },
    { name: 'fs/promises imports and a spelled path', code: 'import{writeFile as w}from"node:fs/promises";await w(`${h}/.zshrc`,s)', at: ['w(`'], allEvidence: ['call fs.promises.writeFile', 'path */.zshrc'] },
    { name: 'copy and rename name the new file', code: 'import*as f from"fs";f.copyFileSync(a,"/usr/local/bin/x");f.renameSync(t,"out.bin")', at: ['f.copyFileSync', 'f.renameSync'], evidence: ['path /usr/local/bin/x', 'path out.bin'] },
    { name: 'chmod with an execute bit', code: 'const fs=require("fs");fs.chmodSync(p,493);fs.chmod(p,"755",cb)', at: ['fs.chmodSync', 'fs.chmod('], message: /executable/ },
    { name: 'open for appending', code: 'import{open as O}from"fs/promises";await O(j,"a")', at: ['O(j'] },
    { name: 'Bun.write', code: 'await Bun.write("out.txt",s)', at: ['Bun'] },
  ],
  valid: [
    { name: 'reads and a read-only chmod', code: 'const fs=require("fs");fs.readFileSync(p);fs.chmodSync(p,0o644);fs.open(p,"r",cb)' },
    { name: 'write on streams and other objects', code: 'process.stdout.write("x");res.write(b)' },
  ],
});
