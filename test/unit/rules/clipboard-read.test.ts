import * as assert from 'node:assert/strict';
import { clipboardRead } from '../../../src/core/rules/clipboard-read';
import { runRuleTable, scanWith } from '../../helpers/ruleTester';
import { RULES } from '../../../src/core/rules';

runRuleTable(clipboardRead, {
  invalid: [
    // Claude Code 1.0.81 (review 79): a command table; the check's output is thrown away, the save writes a file, the path is read.
    { name: "a table entry no start is seen to run is reported when its key's entries for other platforms are read for their output", code: 'const{execa}=require("execa");async function run(c){return execa(c,{shell:true,reject:false})}function cmds(p){const x={darwin:{getText:"osascript -e \'the clipboard as text\'"},linux:{getText:"xclip -selection clipboard -o"}};return{commands:x.linux||x.linux}}async function paste(p){const{commands}=cmds(p);return(await run(commands.getText)).stdout}', at: ['"osascript', '"xclip'] },
    { name: "a command table's entries that save the clipboard to a file or whose output is used, even when run with stdio ignored", code: 'const{execSync:run}=require("child_process");function cmds(){const t={darwin:{checkImage:"osascript -e \'the clipboard as «class PNGf»\'",saveImage:`osascript -e \'set d to (the clipboard as «class PNGf»)\' -e \'set f to open for access POSIX file \\"${p}\\" with write permission\' -e \'write d to f\'`,getPath:"osascript -e \'get POSIX path of (the clipboard as «class furl»)\'"}};return t[process.platform]||t.darwin}function has(){try{run(cmds().checkImage,{stdio:"ignore"});return true}catch{return false}}function save(){const c=cmds();run(c.saveImage,{stdio:"ignore"});return run(c.getPath,{encoding:"utf-8"}).trim()}', at: ["`osascript", "\"osascript -e 'get"] },
    // OpenCode 1.19.5 (review 84): clipboardy over execa bundled as local functions; the read is where the runner is given xsel.
    { name: "xsel read through a bundled process runner is reported where the runner is given the program, not at its spawn", code: 'import ht from"child_process";function pe(t,e,n){return{file:t,args:e,options:n||{}}}function f(t,e,n){let o=pe(t,e,n);return ht.spawn(o.file,o.args,o.options)}var we="xsel",ge=["--clipboard","--output"];var Se=async(t,e)=>{let{stdout:n}=await f(we,t,e);return n};export const linux={paste:t=>Se(ge,t)};', at: ['f(we,t,e)'], related: ["the argument list that asks for the clipboard's content"] },
    { name: "xsel read through a sandboxed runner is reported where the runner is given the program", code: 'const{spawn}=require("child_process");class Cp{async prepareCommand(o){return{program:o.command,args:o.args}}}const css=async(A,i,I)=>{let B=await(I?.sandboxManager??new Cp).prepareCommand({command:A,args:i}),{program:Q,args:E}=B;return new Promise((r,j)=>{let p=spawn(Q,E,I),t="";p.stdout.on("data",d=>{t+=d});p.on("close",()=>r({stdout:t}))})};const WB=async(A,i,I)=>css(A,i,I);async function paste(){return(await WB("xsel",["--clipboard","--output"])).stdout}', at: ['"xsel"'] },
    // clipboardy bundled (Continue CLI 1.5.47, OpenCode 1.18.34): the same runner called again with a fallback binary.
    { name: "xsel read through a runner with a fallback call, the list given by the paste method's caller", code: 'const{spawn}=require("child_process");const DC=(f,a,o)=>new Promise(r=>{const p=spawn(f,a,o);let s="";p.stdout.on("data",d=>s+=d);p.on("close",()=>r({stdout:s}))});const N="xsel",M="/opt/fallbacks/xsel-bin",C=["--clipboard","--input"],K=["--clipboard","--output"];const I=async(e,t)=>{try{let{stdout:n}=await DC(N,e,t);return n}catch(x){let{stdout:r}=await DC(M,e,t);return r}};module.exports={copy:async e=>{await I(C,e)},paste:e=>I(K,e)}', at: ['DC(N,e,t)'] },
    { name: "a table entry run through the code's own process runner whose output is used is a read", code: 'const{spawn}=require("child_process");function zY(cmd,opts){return new Promise(res=>{const p=spawn(cmd,[],opts);let out="";p.stdout.on("data",d=>out+=d);p.on("close",code=>res({exitCode:code,stdout:out}))})}function cmds(){return{getText:"osascript -e \'get the clipboard as text\'"}}async function paste(){const A=cmds();const r=await zY(A.getText,{shell:true});return r.exitCode===0?r.stdout:null}', at: ['"osascript'] },
    { name: "a command whose printed output is used beside a comparison is a read", code: 'async function get(){const{stdout:A}=await WB("pbpaste",[]);if(A.trim()==="")return null;return A}', at: ['"pbpaste"'] },
    { name: "a command whose result's output is read, beside a check of its exit code, or saved by the command itself", code: 'async function get(){const{stdout,exitCode}=await A7("osascript",["-e","the clipboard as «class PNGf»"]);return exitCode===0?stdout:null}async function save(){return(await run("sh",["-c","xclip -selection clipboard -o > /tmp/c.txt"])).code===0}', at: ['"the clipboard as', '"xclip'] },
    { name: 'a table entry run once with its output ignored and once read', code: 'const cp=require("child_process");const T={paste:"pbpaste"};function has(){cp.execSync(T.paste,{stdio:"ignore"})}function get(){return cp.execSync(T.paste).toString()}', at: ['"pbpaste"'] },
    // Gemini CLI's and Qoder's clipboardy scripts: the content kept in a variable, compared with $null, then printed.
    { name: 'a PowerShell script that keeps the content and compares the variable with $null', code: 'const s="try {\\n\\t$content = Get-Clipboard -Raw -ErrorAction Stop\\n\\tif ($content -eq $null) { exit 0 }\\n\\t[Console]::Out.Write($content)\\n} catch { exit 1 }";const t=\'$t = Get-Clipboard -Raw -ErrorAction SilentlyContinue; if ($null -eq $t) { "" } else { $t }\'', at: ['"try', "'$t"] },
    { name: 'a table entry no process start is seen to run', code: 'const T={paste:"xclip -selection clipboard -o"};module.exports=T', at: ['"xclip'] },
    { name: 'a read that only drops its errors (2>/dev/null) still reads', code: 'const{exec}=require("child_process");exec("xclip -selection clipboard -o 2>/dev/null")', at: ['"xclip'] },
    // Kimi Code 0.20.0 (review 77): file paths copied in Finder, read with a JavaScript-for-Automation script.
    { name: "a JXA script reading the general pasteboard (osascript -l JavaScript)", code: 'const S=String.raw`\nObjC.import("AppKit");\nconst pb = $.NSPasteboard.generalPasteboard;\nconst urls = pb.readObjectsForClassesOptions([$.NSURL], $.NSMutableDictionary.dictionary);\n`;function r(run){return run("osascript",["-l","JavaScript","-e",S])}', at: ['`\nObjC'] },
    // Gemini CLI 0.61.0: the program written with its list at the helper's call is reported there, not again at the helper's spawn.
    { name: 'a helper given the program and its output list is reported once, where they are written', code: 'const{spawn}=require("child_process");function save(c,a,d){const p=spawn(c,a);return p}function x(f){return save("xclip",["-selection","clipboard","-t","image/png","-o"],f)}', at: ['"xclip"'] },
    // clipboardy's Linux backend (Kilo 7.7.9, review 71): the program and the lists are names, the lists given through a helper's parameter.
    { name: 'xsel held in a name, its output list given to a helper that starts it, also when the list is set in a lazy initialiser', code: 'const{execa,execaSync}=require("execa");var xsel="xsel",fb,copyArgs,pasteArgs;const run=async(a,o)=>{const{stdout}=await execa(xsel,a,o);return stdout};const runSync=(a,o)=>execaSync(xsel,a,o).stdout;var init=()=>{copyArgs=["--clipboard","--input"];pasteArgs=["--clipboard","--output"];return{copy:o=>run(copyArgs,o),paste:o=>run(pasteArgs,o),pasteSync:o=>runSync(pasteArgs,o)}};module.exports=init()', at: ['execa(xsel', 'execaSync(xsel'], allEvidence: ['command "xsel --clipboard --output"'] },
    // Copilot CLI 0.0.354 (review 67): the copy-paste package's per-platform tables.
    { name: "a command table's paste entries: xclip with -o among its args, termux-clipboard-get (medium)", code: 'var x11={paste:{command:"xclip",args:["-selection","clipboard","-o"]},copy:{command:"xclip",args:["-selection","clipboard"]}};var termux={paste:{command:"termux-clipboard-get"}}', at: ['"xclip",args:["-selection","clipboard","-o"]', '"termux-clipboard-get"'], severity: 'medium' },
    // Amp (review 65): the terminal is asked for its clipboard (OSC 52 with `?`); the reply comes back on the input.
    { name: "an OSC 52 query asks the terminal for its clipboard (medium)", code: 'const Q="\\x1B]52;c;?\\x1B\\\\",P=`\\x1b]52;p;?\\x07`;process.stdout.write(Q)', at: ['"\\x1B]52', '`'], severity: 'medium', message: /OSC 52 query/ },
    { name: 'a bare program name run through a helper', code: 'await execa("pbpaste",{env:e});f("wl-paste",[...a,"--no-newline"])', at: ['"pbpaste"', '"wl-paste"'] },
    // clipboardy in Qoder CLI's bundle: execa minified to RP, given options; its output is what is read.
    { name: 'a helper given options whose output is read (clipboardy through minified execa)', code: 'var N={async paste(A){let{stdout:e}=await RP("pbpaste",{...A,env:r});return e},pasteSync:A=>TP("pbpaste",{...A,env:r}).stdout}', at: ['"pbpaste",{...A,env:r});', '"pbpaste",{...A,env:r}).'] },
    { name: 'the editor clipboard API', code: 'const v=require("vscode");t=await v.env.clipboard.readText()', at: ['v.env'], severity: 'medium' },
    { name: 'navigator and Electron clipboards', code: 'await navigator.clipboard.read();i=clipboard.readImage()', at: ['navigator', 'clipboard.readImage'] },
    { name: 'platform commands', code: 'a=["pbpaste","powershell -NoProfile -Command \\"Get-Clipboard\\""];b="xclip -selection clipboard -o"', at: ['"pbpaste"', '"powershell', '"xclip'] },
    { name: 'xclip with an output flag among its arguments', code: 'run("xclip",["-selection","clipboard","-t","image/png","-o"])', at: ['"xclip"'] },
    // Claude Code native (review 55): the read command kept as a list, run later as list[0] and list.slice(1).
    { name: 'an xclip or xsel read written as a whole argument list', code: 'var y=["xclip","-selection","clipboard","-o","-t"],z=["xsel","--clipboard","--output"],C=[{list:[...y,"TARGETS"],read:y}]', at: ['"xclip"', '"xsel"'] },
    { name: 'AppleScript reading the clipboard', code: 'M7("osascript",["-e","the clipboard as «class PNGf»"])', at: ['"the clipboard'] },
    { name: 'PowerShell Get-Clipboard -Raw inside a longer command (missed on a real assistant)', code: 'run("powershell",["-NoProfile","-Command","$c = Get-Clipboard -Raw; Write-Output $c"]);q(`powershell.exe -c "Get-Clipboard -Raw" | ${x}`)', at: ['"$c', '`'] },
    {
      name: 'a bare program name started by a process API, in a command array, or given to a shell',
      code: 'const cp=require("child_process");cp.exec("pbpaste",cb);Bun.spawn(["wl-paste"]);cp.spawn("sh",["-c","pbpaste"])',
      at: ['"pbpaste",cb', '"wl-paste"', '"pbpaste"]'],
    },
    {
      name: 'a login shell given the program (bash -lc), as child-process reads a command line',
      code: 'const cp=require("child_process");cp.spawn("bash",["-lc","pbpaste"]);cp.spawn("zsh",["-ic","wl-paste"])',
      at: ['"pbpaste"', '"wl-paste"'],
    },
    {
      name: 'AppleScript statements that set a name to the clipboard (missed in Amp and Kilo Code)',
      code: 'let B=`set theImage to the clipboard as ${A.cls}`;T_("osascript",["-e",B]);x("osascript",["-e",\'set imageData to the clipboard as "PNGf"\'])',
      at: ['`set', "'set"],
    },
    {
      name: "a script of several lines whose first line is not the read (Amp's image paste)",
      code: 'const s=`\n\t\ttry\n\t\t\tset theImage to the clipboard as ${A.cls}\n\t\t\twrite theImage to theFile\n\t\tend try`;T_("osascript",["-e",s])',
      at: ['`'],
    },
    // command-code 1.53.1 (review 64): images pasted from the clipboard on macOS and Windows.
    { name: 'pngpaste, and .NET\'s Clipboard::GetImage() in a PowerShell line', code: 'const{execFile:e}=require("child_process");e("pngpaste",["-"],cb);const ps="$img = [System.Windows.Forms.Clipboard]::GetImage(); $img.Save($p)"', at: ['"pngpaste"', '"$img'] },
    { name: 'clipboardy when its import is visible', code: 'import c from "clipboardy";s=c.readSync()', at: ['c.readSync'] },
    // Copilot CLI 0.0.423 (review 62): a native clipboard module loaded lazily through a cache, read for an image and files.
    { name: "a native clipboard module's readers, on an instance, however it was loaded", code: 'import{createRequire as cr}from"node:module";const q=cr(import.meta.url);var h;async function L(){if(h)return h;return(h=q("@teddyzhu/clipboard")),h}async function img(){let e=await L();return new e.ClipboardManager().getImageData().data}const c=require("@napi-rs/clipboard");const m=new c.Clipboard();m.getText()', at: ['new e.ClipboardManager().getImageData()', 'm.getText()'], message: /^Reads the clipboard \(@(teddyzhu|napi-rs)\/clipboard\.\w+\.get/ },
  ],
  valid: [
    // Claude Code 1.0.81 (review 79): "is there an image?" checks whose answer is only whether the command succeeded.
    { name: "a table entry run only with its output ignored (stdio: \"ignore\")", code: 'const{execSync:run}=require("child_process");function cmds(){return{checkImage:"osascript -e \'the clipboard as «class PNGf»\'"}}function has(){try{run(cmds().checkImage,{stdio:"ignore"});return true}catch{return false}}' },
    { name: 'a table entry run only with options held in a name that ignore the output', code: 'const{execSync:run}=require("child_process");const QUIET={stdio:"ignore"};const T={checkImage:"osascript -e \'the clipboard as «class PNGf»\'"};function has(){try{run(T.checkImage,QUIET);return true}catch{return false}}' },
    { name: 'a table entry naming a clipboard program, run only with its output ignored', code: 'const cp=require("child_process");const T={paste:"pbpaste"};function has(){cp.execSync(T.paste,{stdio:"ignore"})}' },
    // Claude Code 2.1.25 (review 82): "is there an image?" checks whose result is only asked for its exit code.
    { name: "a table entry whose only run's result is asked for its exit code, and a command in a call whose result is only compared by code", code: 'import{execa as wY}from"execa";function cmds(){return{checkImage:"osascript -e \'the clipboard as «class PNGf»\'"}}async function paste(){const A=cmds();if((await wY(A.checkImage,{shell:!0,reject:!1})).exitCode!==0)return null;return true}async function has(){return(await A7("osascript",["-e","the clipboard as «class PNGf»"])).code===0}async function has2(){const{exitCode}=await wY("pbpaste",{reject:!1});return exitCode===0}' },
    // Qoder CLI 1.0.12 (review 86): the script prints True or False, and only that is compared.
    { name: "a command whose printed output is only compared with written text (a yes or no)", code: 'import{execFile}from"node:child_process";import{promisify}from"node:util";const WB=promisify(execFile);async function has(){const{stdout:A}=await WB("powershell",["-NoProfile","-Command","$img = Get-Clipboard -Format Image; if ($img) { \\"True\\" } else { \\"False\\" }"]);return "True"===A.trim()}async function has2(){const{stdout:out}=await WB("pbpaste",[]);return out.toString().trim()!=="";}' },
    // Claude Code 2.1.20 (review 87): the table's check run through the bundle's own process runner, its exit code asked.
    // Claude Code 2.1.250 native (review 92): the build picked the Linux entry (`x.linux || x.linux`), whose check is only asked for its exit code.
    { name: "a table entry no start is seen to run, whose key's entries for other platforms are only run for their exit code", code: 'const{execa}=require("execa");async function run(c){return execa(c,{shell:true,reject:false})}function cmds(p){const x={darwin:{checkImage:"osascript -e \'the clipboard as «class PNGf»\'"},linux:{checkImage:"xclip -selection clipboard -t TARGETS -o | grep -E image/png"}};return{commands:x.linux||x.linux}}async function has(p){const{commands}=cmds(p);if((await run(commands.checkImage)).exitCode!==0)return null;return true}' },
    { name: "a table entry run through the code's own process runner whose result is only asked for its exit code", code: 'const{spawn}=require("child_process");function zY(cmd,opts){return new Promise(res=>{const p=spawn(cmd,[],opts);let out="";p.stdout.on("data",d=>out+=d);p.on("close",code=>res({exitCode:code,stdout:out}))})}function cmds(){return{checkImage:"osascript -e \'the clipboard as «class PNGf»\'"}}async function paste(){const A=cmds();if((await zY(A.checkImage,{shell:true})).exitCode!==0)return null;return true}' },
    { name: 'a PowerShell clipboard read only compared with $null (True or False)', code: 'const c={checkImage:\'powershell -Command "(Get-Clipboard -Format Image) -ne $null"\'};x=\'powershell -Command "$null -eq (Get-Clipboard)"\'' },
    // Continue CLI 1.5.43 (review 76): whether the clipboard holds an image, the content thrown away or counted.
    { name: 'a clipboard command whose output goes to /dev/null or is only counted', code: 'const{exec}=require("child_process");exec("xclip -selection clipboard -t image/png -o > /dev/null 2>&1");exec(\'powershell -command "Get-Clipboard -Format Image | Measure-Object | Select-Object -ExpandProperty Count"\')' },
    { name: 'a JXA script that only writes the general pasteboard', code: 'const S="ObjC.import(\'AppKit\'); const pb = $.NSPasteboard.generalPasteboard; pb.clearContents; pb.setStringForType($(t), $.NSPasteboardTypeString)";' },
    { name: 'xsel held in a name and given only its input list (a copy)', code: 'const{execa}=require("execa");const xsel="xsel",copyArgs=["--clipboard","--input"];const run=(a,o)=>execa(xsel,a,o);module.exports={copy:o=>run(copyArgs,o)}' },
    // Setting the clipboard through the terminal (OSC 52 with data) reads nothing.
    { name: 'an OSC 52 write', code: 'process.stdout.write("\\x1b]52;c;"+Buffer.from(t).toString("base64")+"\\x07")' },
    // Qoder CLI 1.0.12 (review 63): which clipboard tool exists, looked up in turn.
    { name: 'a list of clipboard tools to choose from, each looked up with command -v', code: 'const{execSync}=require("child_process");function f(){let A=w?["wl-paste","xclip"]:["xclip","wl-paste"];for(let i of A)try{return execSync(`command -v ${i}`),i}catch{}}' },
    { name: "a file of the package's own named like the clipboard: read where it is, not at its callers", code: 'import{readClipboardImage as r}from"../utils/clipboard-image.js";import{clipboard as c}from"./clipboard-native.js";r();c.getImageBinary()' },
    { name: "a native clipboard module's writers", code: 'const c=require("@napi-rs/clipboard");const m=new c.Clipboard();m.setText("x");new c.Clipboard().setImage(b)' },
    // Qwen Code's image paste (review 51): the kinds of data on the clipboard, not its content.
    { name: 'commands that list the clipboard\'s kinds of data', code: 'const{spawn,execSync}=require("child_process");function has(c,a){return spawn(c,a)}has("wl-paste",["--list-types"]);has("xclip",["-selection","clipboard","-t","TARGETS","-o"]);execSync("wl-paste --list-types");execSync("xclip -selection clipboard -t TARGETS -o")' },
    // Qoder CLI 1.0.12 (review 127): a shared runner's program from one caller (xclip listing
    // the kinds of data) and an argument list from another (find's `-o`, its "or").
    { name: "a runner's program and argument list given by different callers", code: 'const{spawn}=require("child_process");function WB(c,a,o){return new Promise(r=>{const p=spawn(c,a,o);p.on("close",r)})}async function types(){return WB("xclip",["-selection","clipboard","-t","TARGETS","-o"])}async function hide(A){return WB("find",[A,"-maxdepth","3","-type","d","(","-name",".git","-o","-name",".ssh",")"])}' },
    { name: "a sandboxed runner's program and argument list given by different callers (Qoder CLI's shape)", code: 'const{spawn}=require("child_process");class Cp{async prepareCommand(o){return{program:o.command,args:o.args}}}const css=async(A,i,I)=>{let B=await(I?.sandboxManager??new Cp).prepareCommand({command:A,args:i}),{program:Q,args:E}=B;return new Promise((r,j)=>{let p=spawn(Q,E,I),t="";p.stdout.on("data",d=>{t+=d});p.on("close",()=>r({stdout:t}))})};const WB=async(A,i,I)=>css(A,i,I);async function types(){return WB("xclip",["-selection","clipboard","-t","TARGETS","-o"])}async function hide(A){return WB("find",[A,"-maxdepth","3","-type","d","(","-name",".git","-o","-name",".ssh",")"])}' },
    { name: 'a failed command compared by name', code: 'if(e.command==="wl-paste"&&/nothing is copied/.test(e.stderr))return""' },
    // Found in review: prose, a write with a notification, helpers given options or a callback.
    { name: 'prose about the clipboard on a line of its own', code: 'throw new Error("the clipboard does not contain an image");const H=`Press Ctrl+V to paste an image from\nthe clipboard into the prompt`' },
    { name: "a clipboard write with a notification that mentions the clipboard", code: 'cp.exec(`osascript -e \'set the clipboard to "${s}"\' -e \'display notification "Path copied to the clipboard"\'`)' },
    { name: 'a lookup helper given options or a callback', code: 'await w("wl-paste",{nothrow:true});ce("pbpaste",function(e,ok){})' },
    { name: 'a list of clipboard programs to look for, and an xclip list that lists kinds of data', code: 'const tools=["xclip","xsel","wl-paste"].filter(has);const t=["xclip","-selection","clipboard","-t","TARGETS","-o"]' },
    { name: 'writes to the clipboard', code: 'v.env.clipboard.writeText(s);run("pbcopy");run("xclip",["-selection","clipboard"])' },
    {
      name: "a program looked for, not run (Amp's commandExists and which checks)",
      code: 'if(await this.commandExists("wl-paste"))r();let Q=await LB1("wl-paste");A00("which",["wl-paste"]);cp.execFile("where",["pbpaste"])',
    },
    { name: 'AppleScript that sets the clipboard (Amp copying a file path)', code: 'e00(`osascript -e \'set the clipboard to POSIX file "${G}"\'`);q("osascript",["-e","set the clipboard to \\"x\\""])' },
    { name: 'sentences about the clipboard', code: 'e("pbpaste exited with code 1");m("Try installing wl-clipboard and using wl-paste instead.");n("would clear the clipboard anyway");o("Use Get-Clipboard in PowerShell to paste the value.")' },
  ],
});

// Qoder CLI 1.0.12 (review 63): every literal of the bundle behind a banner-level decoder, `_$d("…")`.
// The whole rule set scans it (one rule alone finds no trigger word in the encoded text and reads nothing).
describe('clipboard-read: commands a string decoder hides', () => {
  it('reports each clipboard command once per literal, where its widest decoding is, and child-process spells the lines', () => {
    const code = 'const _$d=(s,k="K3yK3yK3yK3y")=>{const b=Buffer.from(s,"base64");for(let i=0;i<b.length;i++)b[i]^=k.charCodeAt(i%k.length);return b.toString()};\nconst {spawn, execFile} = require("child_process");\nconst s = _$d("b1BZdhM+LkdUCF8QO1EWKkEdax4rKkQ=").trim();\nfunction a(){return spawn("powershell",["-NoProfile","-Command",s])}\nfunction b(cb){execFile("osascript",["-e",_$d("P0EAQRMKLkdZIl4YLFY9KkcYa0cWa0cRLhMaJ1oJKVwYOVdZKkBZiZgaJ1IKOBMpBXQfiYhzLl0da0cLMg==")],cb)}';
    const found = scanWith(RULES, code).filter(f => f.ruleId === 'clipboard-read' || f.ruleId === 'child-process');
    assert.deepEqual(found.map(f => `${f.severity} ${f.ruleId} ${f.line}:${f.column} ${f.evidence.join(' | ')}`), [
      'medium clipboard-read 3:11 command "$c = Get-Clipboard -Raw"',
      'low child-process 4:21 call child_process.spawn | command $c = Get-Clipboard -Raw | shell',
      'low child-process 5:16 call child_process.execFile | command osascript -e try\n set imageData to the clipboard as «class PNGf»\nend try',
      'medium clipboard-read 5:43 command "try\\n set imageData to the clipboard as «class PNGf»\\nend try"',
    ]);
  });
});
