import { fileWrite } from '../../../src/core/rules/file-write';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(fileWrite, {
  invalid: [
    { name: 'a write stream alone in a file, also from fs given as a destructured default', code: 'const fs=require("fs");function f(p,{fsModule=fs}={}){return fsModule.createWriteStream(p)}', at: ['fsModule.createWriteStream'], allEvidence: ['call fs.createWriteStream'] },
    { name: "fs-extra's writers and fs's own (claude-flow, review 44): the module is fs", code: 'import fse from "fs-extra";import{outputJson}from"fs-extra";const g=require("graceful-fs");await fse.writeFile(p,d);await outputJson(q,o);fse.copySync(a,b);fse.move(a,b);g.writeFileSync(p,d)', at: ['fse.writeFile', 'outputJson(', 'fse.copySync', 'fse.move', 'g.writeFileSync'], severity: 'info' },
    { name: "fs-extra's copy names the new file second", code: 'const fse=require("fs-extra");fse.copy(src,`${h}/.zshrc`)', at: ['fse.copy'], allEvidence: ['call fs.copy', 'path */.zshrc'] },
    { name: 'sync, callback and promise writes', code: 'const fs=require("fs");fs.writeFileSync(p,d);fs.appendFile(p,d,cb);fs.promises.writeFile(p,d)', at: ['fs.writeFileSync', 'fs.appendFile', 'fs.promises'], severity: 'info' },
    { name: 'fs/promises imports and a spelled path', code: 'import{writeFile as w}from"node:fs/promises";await w(`${h}/.zshrc`,s)', at: ['w(`'], allEvidence: ['call fs.promises.writeFile', 'path */.zshrc'] },
    { name: 'copy and rename name the new file', code: 'import*as f from"fs";f.copyFileSync(a,"/usr/local/bin/x");f.renameSync(t,"out.bin")', at: ['f.copyFileSync', 'f.renameSync'], evidence: ['path /usr/local/bin/x', 'path out.bin'] },
    { name: 'chmod with an execute bit', code: 'const fs=require("fs");fs.chmodSync(p,493);fs.chmod(p,"755",cb)', at: ['fs.chmodSync', 'fs.chmod('], message: /executable/ },
    { name: 'open for appending', code: 'import{open as O}from"fs/promises";await O(j,"a")', at: ['O(j'] },
    { name: 'an append handle written to, and an open for writing closed at once (it empties the file)', code: 'const{open}=require("fs/promises");const fs=require("fs");const h=await open(p,"a");await h.write("x");(await open(q,"w")).close()', at: ['open(p', 'open(q'] },
    { name: 'Bun.write, and a write through Bun.file(p)', code: 'await Bun.write("out.txt",s);await Bun.file(p).write(r);await globalThis.Bun.file(q).write(x)', at: ['Bun.write', 'Bun.file(p)', 'globalThis'] },
    // claude-agent-sdk 0.3.337 (review 70): Claude Code drops `alias claude=` lines from ~/.zshrc through a handle opened with fs.constants bits, or "w".
    { name: 'open flags given as fs.constants bits, a number, a choice between bits and "w", a read-write string, a constant holding the flags', code: 'import{open as o}from"fs/promises";import{constants as K,openSync}from"fs";const F=K.O_RDWR|K.O_CREAT;async function f(e,held){const b=await o(e,held?K.O_WRONLY|K.O_NOFOLLOW:"w");openSync(a,577);openSync(c,"r+");openSync(d,F);openSync(g,K.O_WRONLY|K.O_TRUNC|K.O_APPEND)}', at: ['o(e', 'openSync(a', 'openSync(c', 'openSync(d', 'openSync(g'] },
  ],
  valid: [
    // Claude Code 2.1.112 and claude-agent-sdk: the sandbox makes sure ~/.bashrc and others exist before mounting them.
    { name: "an exclusive-create open closed at once (a touch that never replaces a file: Claude Code's sandbox)", code: 'import{openSync as A,closeSync as n}from"fs";function t(g){n(A(g,"wx"))}' },
    { name: 'an append-mode open closed at once (a touch)', code: 'const{open}=require("fs/promises");const fs=require("fs");async function t(p){await(await open(p,"a")).close()}fs.closeSync(fs.openSync(q,"a"))' },
    { name: 'open flags that only read, flags it cannot know, and an append or exclusive create by bits closed at once', code: 'const fs=require("fs");const K=fs.constants;fs.openSync(p,K.O_RDONLY|K.O_NOFOLLOW);fs.openSync(p,0);fs.openSync(p,flags);fs.openSync("/dev/tty",K.O_RDWR);function t(x){fs.closeSync(fs.openSync(x,K.O_WRONLY|K.O_CREAT|K.O_EXCL))}' },
    { name: 'reads and a read-only chmod', code: 'const fs=require("fs");fs.readFileSync(p);fs.chmodSync(p,0o644);fs.open(p,"r",cb)' },
    { name: 'write on streams and other objects', code: 'process.stdout.write("x");res.write(b)' },
  ],
});
