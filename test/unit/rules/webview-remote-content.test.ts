import { webviewRemoteContent } from '../../../src/core/rules/webview-remote-content';
import { runRuleTable } from '../../helpers/ruleTester';

const panel = 'const p=vscode.window.createWebviewPanel("x","X",1,{enableScripts:true});';

runRuleTable(webviewRemoteContent, {
  invalid: [
    { name: 'a remote script tag', code: `${panel}p.webview.html=\`<html><script src="https://cdn.example-cdn.io/app.js"></script></html>\``, at: ['`<html>'], severity: 'medium', evidence: ['host cdn.example-cdn.io'] },
    { name: 'a remote iframe', code: `${panel}p.webview.html='<iframe src="https://app.vendor.io/chat"></iframe>'`, at: ["'<iframe"] },
    { name: 'a CSP that allows remote scripts', code: `${panel}h=\`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-\${n}' https:;">\``, at: ['`<meta'], evidence: ['host *'] },
  ],
  valid: [
    { name: 'local resources and the webview resource origin', code: `${panel}p.webview.html=\`<script src="\${u}"></script><meta content="script-src 'nonce-1' https://*.vscode-cdn.net; img-src https:">\`` },
    { name: 'remote HTML in a file without webviews', code: 'page=\'<script src="https://cdn.example-cdn.io/app.js"></script>\'' },
  ],
});
