// The capability matrix: assistants by category, each cell the count and highest severity of
// the findings; a cell opens the tree filtered to it. A webview with a strict CSP (no remote
// content, one nonce'd script); the data arrives by postMessage and the script writes it with
// textContent only, so a name found on disk cannot become markup.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CATEGORIES, type Category, type Severity } from '../core/model';
import { highestSeverity } from '../core/report/summary';
import { printable } from '../core/text/safeText';
import type { AuditContext } from './auditContext';

export interface MatrixData {
  categories: Category[];
  rows: Array<{ key: string; name: string; cells: Array<{ count: number; severity?: Severity }>; errors: number; state: string }>;
}

export function matrixData(ctx: AuditContext): MatrixData {
  const targets = ctx.results.all().filter(t => t.result);
  const categories = CATEGORIES.filter(c => targets.some(t => t.result!.findings.some(f => f.category === c)));
  return {
    categories,
    rows: targets.map(t => ({
      key: t.key,
      name: printable(`${t.spec.name}${t.spec.version ? ` ${t.spec.version}` : ''}`),
      cells: categories.map(c => {
        const findings = t.result!.findings.filter(f => f.category === c);
        const severity = highestSeverity(findings);
        return { count: findings.length, ...(severity ? { severity } : {}) };
      }),
      errors: t.result!.errors.length,
      state: t.state,
    })),
  };
}

let current: vscode.WebviewPanel | undefined;

/** The panel and the data it was sent (what a test or a caller can check without the page's DOM). */
export interface MatrixShown {
  panel: vscode.WebviewPanel;
  data: MatrixData;
}

export function showMatrix(ctx: AuditContext): MatrixShown {
  if (current) {
    current.reveal();
    const data = matrixData(ctx);
    void current.webview.postMessage({ type: 'data', data });
    return { panel: current, data };
  }
  const panel = vscode.window.createWebviewPanel('aiToolAudit.matrix', 'AI Tool Audit: Capability Matrix', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
  current = panel;
  panel.webview.html = matrixHtml(randomBytes(16).toString('base64'));
  const send = (): MatrixData => {
    const data = matrixData(ctx);
    void panel.webview.postMessage({ type: 'data', data });
    return data;
  };
  const subscriptions = [
    ctx.results.onDidChange(() => void send()),
    // The page asks once its script runs: a message sent before that would be lost.
    panel.webview.onDidReceiveMessage(m => ((m as { type?: unknown })?.type === 'ready' ? void send() : onMessage(ctx, m))),
    panel.onDidDispose(() => {
      current = undefined;
      for (const s of subscriptions) s.dispose();
    }),
  ];
  return { panel, data: send() };
}

/** The one message the page sends: a cell was chosen. Checked field by field: the page is not trusted. */
async function onMessage(ctx: AuditContext, m: unknown): Promise<void> {
  const msg = m as { type?: unknown; key?: unknown; category?: unknown };
  if (msg?.type !== 'open' || typeof msg.key !== 'string' || typeof msg.category !== 'string') return;
  await vscode.commands.executeCommand('aiToolAudit.focusMatrixCell', msg.key, msg.category);
}

/** Shows in the tree only the findings of one assistant and category; "Show All Findings" undoes it. */
export async function focusCell(ctx: AuditContext, key: string, category: string): Promise<boolean> {
  const target = ctx.results.all().find(t => t.key === key);
  if (!target?.result || !CATEGORIES.includes(category as Category)) return false;
  ctx.tree.setViolationFilter(() => {
    const findings = new Set<number>();
    ctx.results
      .all()
      .find(t => t.key === key)
      ?.result?.findings.forEach((f, i) => f.category === category && findings.add(i));
    return { targets: new Set([key]), findings: new Map([[key, findings]]) };
  });
  const note = printable(`Showing the ${category} findings of ${target.spec.name}. "Show All Findings" in the title bar shows everything.`);
  ctx.summary.setFilter(() => note);
  await vscode.commands.executeCommand('aiToolAudit.findings.focus');
  return true;
}

function matrixHtml(nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Capability Matrix</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  table { border-collapse: collapse; }
  th, td { border: 1px solid var(--vscode-panel-border); padding: 4px 8px; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  button.cell { all: unset; cursor: pointer; display: block; width: 100%; }
  button.cell:focus { outline: 1px solid var(--vscode-focusBorder); }
  .high { color: var(--vscode-problemsErrorIcon-foreground); font-weight: bold; }
  .medium { color: var(--vscode-problemsWarningIcon-foreground); }
  .low, .info { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>What each assistant's code does, by category</h1>
<p>Each cell: how many findings, and the highest severity among them. Choose a cell to see those findings in the AI Tool Audit view.</p>
<div id="matrix" role="region" aria-live="polite"></div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('matrix');
  function render(data) {
    root.replaceChildren();
    if (!data.rows.length) { const p = document.createElement('p'); p.textContent = 'Nothing audited yet.'; root.append(p); return; }
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const label of ['Assistant', ...data.categories, 'not fully scanned']) { const th = document.createElement('th'); th.scope = 'col'; th.textContent = label; head.append(th); }
    const body = table.createTBody();
    for (const row of data.rows) {
      const tr = body.insertRow();
      const name = document.createElement('th'); name.scope = 'row'; name.textContent = row.name + (row.state === 'done' ? '' : ' (' + row.state + ')'); tr.append(name);
      row.cells.forEach((cell, i) => {
        const td = tr.insertCell();
        if (!cell.count) { td.textContent = '·'; return; }
        const button = document.createElement('button');
        button.className = 'cell ' + String(cell.severity);
        button.textContent = cell.count + ' (' + cell.severity + ')';
        button.setAttribute('aria-label', row.name + ', ' + data.categories[i] + ': ' + cell.count + ' findings, highest ' + cell.severity);
        button.addEventListener('click', () => vscode.postMessage({ type: 'open', key: row.key, category: data.categories[i] }));
        td.append(button);
      });
      tr.insertCell().textContent = row.errors ? String(row.errors) : '·';
    }
    root.append(table);
  }
  window.addEventListener('message', event => { if (event.data && event.data.type === 'data') render(event.data.data); });
  vscode.postMessage({ type: 'ready' });
</script>
</body>
</html>`;
}
