import { terminalSendText } from '../../../src/core/rules/terminal-send-text';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(terminalSendText, {
  invalid: [
    { name: 'a literal command (low)', code: 't=v.window.createTerminal("x");t.sendText("npm install")', at: ['t.sendText'], severity: 'low', evidence: ['text npm install'] },
    { name: 'text computed at run time (medium)', code: 'const t=v.window.activeTerminal;t.sendText(cmd,true)', at: ['t.sendText'], severity: 'medium' },
    { name: 'a terminal kept in a field and used in another method', code: 'class R{start(){this.term=vscode.window.createTerminal({name:"agent"})}run(c){this.term.sendText(c)}}', at: ['this.term.sendText'], severity: 'medium' },
    { name: 'a terminal handed to an open-terminal callback', code: 'vscode.window.onDidOpenTerminal(t=>{t.sendText("clear")})', at: ['t.sendText'] },
  ],
  valid: [
    { name: 'other methods and words', code: 'ws.send("x");log("sendText")' },
    { name: 'a sendText of code that uses no editor terminal (Playwright)', code: 'await raw.sendText(progress2,text2)' },
    { name: "a WebSocket's sendText in a file that also opens terminals (seen in a real extension)", code: 'const t=vscode.window.createTerminal("x");const ws=new WebSocket(u);ws.sendText(JSON.stringify(m))' },
  ],
});
