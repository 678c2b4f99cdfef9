import { clipboardRead } from '../../../src/core/rules/clipboard-read';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(clipboardRead, {
  invalid: [
    { name: 'a bare program name run through a helper', code: 'await execa("pbpaste",{env:e});f("wl-paste",[...a,"--no-newline"])', at: ['"pbpaste"', '"wl-paste"'] },
    { name: 'the editor clipboard API', code: 'const v=require("vscode");t=await v.env.clipboard.readText()', at: ['v.env'], severity: 'medium' },
    { name: 'navigator and Electron clipboards', code: 'await navigator.clipboard.read();i=clipboard.readImage()', at: ['navigator', 'clipboard.readImage'] },
    { name: 'platform commands', code: 'a=["pbpaste","powershell -NoProfile -Command \\"Get-Clipboard\\""];b="xclip -selection clipboard -o"', at: ['"pbpaste"', '"powershell', '"xclip'] },
    { name: 'xclip with an output flag among its arguments', code: 'run("xclip",["-selection","clipboard","-t","image/png","-o"])', at: ['"xclip"'] },
    { name: 'AppleScript reading the clipboard', code: 'M7("osascript",["-e","the clipboard as «class PNGf»"])', at: ['"the clipboard'] },
    { name: 'PowerShell Get-Clipboard -Raw inside a longer command (missed on a real assistant)', code: 'run("powershell",["-NoProfile","-Command","$c = Get-Clipboard -Raw; Write-Output $c"]);q(`powershell.exe -c "Get-Clipboard -Raw" | ${x}`)', at: ['"$c', '`'] },
    { name: 'clipboardy when its import is visible', code: 'import c from "clipboardy";s=c.readSync()', at: ['c.readSync'] },
  ],
  valid: [
    { name: 'a failed command compared by name', code: 'if(e.command==="wl-paste"&&/nothing is copied/.test(e.stderr))return""' },
    { name: 'writes to the clipboard', code: 'v.env.clipboard.writeText(s);run("pbcopy");run("xclip",["-selection","clipboard"])' },
    { name: 'sentences about the clipboard', code: 'e("pbpaste exited with code 1");m("Try installing wl-clipboard and using wl-paste instead.");n("would clear the clipboard anyway");o("Use Get-Clipboard in PowerShell to paste the value.")' },
  ],
});
