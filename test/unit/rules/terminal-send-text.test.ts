import { terminalSendText } from '../../../src/core/rules/terminal-send-text';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(terminalSendText, {
  invalid: [
    { name: 'a literal command (low)', code: 't=v.window.createTerminal("x");t.sendText("npm install")', at: ['t.sendText'], severity: 'low', evidence: ['text npm install'] },
    { name: 'text computed at run time (medium)', code: 'const t=v.window.activeTerminal;term.sendText(cmd,true)', at: ['term'], severity: 'medium' },
  ],
  valid: [
    { name: 'other methods and words', code: 'ws.send("x");log("sendText")' },
    { name: 'a sendText of code that uses no editor terminal (Playwright)', code: 'await raw.sendText(progress2,text2)' },
  ],
});
