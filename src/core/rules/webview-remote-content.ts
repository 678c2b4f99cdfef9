// Webview HTML that loads scripts, styles or frames from the network, or a Content Security
// Policy that allows it. A webview runs with the extension's messaging bridge; remote script
// in it is code the vendor (or whoever controls that host) can change at any time.
import type { Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { classifyHost } from '../net/hosts';

const REMOTE_TAG = /<(script|iframe|frame|link|object|embed)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?(?:https?:)?\/\/([a-z0-9.*-]+)/i;
const REMOTE_CSP = /\b(script-src|frame-src|default-src|style-src)\b([^;"`]*)/gi;
const REMOTE_SOURCE = /(?:^|\s)(https?:\/\/([^\s;'"/:]+)[^\s;'"]*|https?:|\*)(?=\s|$)/g;
/** VS Code serves a webview's own resources from this domain (webview.cspSource). */
const WEBVIEW_RESOURCES = /(?:^|\.)vscode-cdn\.net$|(?:^|\.)vscode-resource\./;

function check(ctx: RuleContext, node: Node, text: string) {
  if (text.length > 200_000 || !/src|href|data/.test(text)) return;
  const tag = REMOTE_TAG.exec(text);
  if (tag) {
    const host = tag[2].toLowerCase();
    const c = classifyHost(host, ctx.target.ownVendors);
    if (c.kind === 'localhost' || c.kind === 'reserved') return;
    ctx.report({ node, messageId: 'tag', data: { tag: tag[1].toLowerCase(), host }, evidence: [`host ${host}`, `<${tag[1].toLowerCase()}> from ${host} (${c.label})`], host });
    return;
  }
  REMOTE_CSP.lastIndex = 0;
  for (let m = REMOTE_CSP.exec(text); m; m = REMOTE_CSP.exec(text)) {
    REMOTE_SOURCE.lastIndex = 0;
    for (let source = REMOTE_SOURCE.exec(m[2]); source; source = REMOTE_SOURCE.exec(m[2])) {
      const host = source[2]?.toLowerCase();
      if (host && (WEBVIEW_RESOURCES.test(host) || ['localhost', 'reserved'].includes(classifyHost(host, ctx.target.ownVendors).kind))) continue;
      ctx.report({ node, messageId: 'csp', data: { directive: m[1], source: source[1] }, evidence: [`host ${host ?? '*'}`, `csp ${m[1]} ${source[1]}`], ...(host ? { host } : {}) });
      return;
    }
  }
}

export const webviewRemoteContent: Rule = {
  meta: {
    id: 'webview-remote-content',
    category: 'network',
    severity: 'medium',
    title: 'Webview loads remote content',
    description: 'In files that create VS Code webviews: HTML with <script>, <iframe>, <link>, <object> or <embed> from a remote host, or a Content-Security-Policy whose script-src, frame-src, style-src or default-src allows remote sources (https:, *, a URL).',
    messages: {
      tag: 'Webview HTML loads a remote <{{tag}}> from {{host}}',
      csp: 'Content Security Policy lets the webview load {{directive}} from {{source}}',
    },
  },
  triggers: ['createWebviewPanel', 'registerWebviewViewProvider', 'registerWebviewPanelSerializer', 'asWebviewUri'],
  create(ctx) {
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(ctx, node, node.value);
      },
      TemplateLiteral(node) {
        check(ctx, node, node.quasis.map(q => q.value.cooked ?? '').join('${…}'));
      },
    };
  },
};
