// Finding Details: a read-only virtual document (not a webview) per finding, with its message,
// rule, evidence, decoded values, settings scope, every correlated step as a link to its
// place, and the rule page's "What it finds", "False positives" and "What to do".
// Why a document: scanned text never enters an HTML context, so there is no escaping to get
// wrong and no script or CSP to keep tight; it is searchable, copyable, read by screen
// readers like any editor, and works the same in the desktop and the browser. The links are
// a DocumentLinkProvider's, as in the readable context.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding } from '../core/model';
import { ruleInfo } from '../core/rules/catalog';
import { printable } from '../core/text/safeText';
import type { AuditResults } from './auditResults';
import type { ConfigPlaces } from './configPlaces';
import { renderDetails, type DetailsLink } from './findingDetailsText';
import { commandUri } from './commandUri';

export const DETAILS_SCHEME = 'ai-tool-audit-details';

/** What names a finding across refreshes: its target, index and fingerprint (the index alone shifts on re-audit). */
interface DetailsKey {
  key: string;
  index: number;
  fingerprint?: string;
}

export function detailsUri(key: string, index: number, f: Finding): vscode.Uri {
  const name = printable(path.posix.basename((f.entry ?? f.file).replace(/\\/g, '/')));
  return vscode.Uri.from({
    scheme: DETAILS_SCHEME,
    path: `/${f.ruleId} · ${name}${f.line ? `:${f.line}` : ''} (details)`,
    query: new URLSearchParams({ key, index: String(index), ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}) }).toString(),
  });
}

function parseDetailsUri(uri: vscode.Uri): DetailsKey | undefined {
  const q = new URLSearchParams(uri.query);
  const key = q.get('key');
  const index = Number(q.get('index'));
  if (!key || !Number.isInteger(index)) return undefined;
  const fingerprint = q.get('fingerprint');
  return { key, index, ...(fingerprint ? { fingerprint } : {}) };
}

export class FindingDetails implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly links = new Map<string, DetailsLink[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly results: AuditResults,
    private readonly extensionUri: vscode.Uri,
    private readonly places: () => ConfigPlaces,
    /** The suppression reason of a finding (target key, index), read when the document is built. */
    private readonly suppressedReason: (key: string, index: number) => string | undefined,
  ) {
    this.subscriptions = [
      // A re-audit replaces the finding: open details follow it (or say it is gone).
      results.onDidChange(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument(d => this.links.delete(d.uri.toString())),
    ];
  }

  /** Rebuilds the open details (after a re-audit, or a policy change that suppresses a finding). */
  refresh(): void {
    for (const u of this.links.keys()) this.changed.fire(vscode.Uri.parse(u));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const found = this.lookup(uri);
    if (!found) {
      this.links.set(uri.toString(), []);
      return 'AI Tool Audit · Finding Details\n\nThis finding is not in the current results (re-audited, or the window was reloaded). Open it again from the AI Tool Audit view.\n';
    }
    const rule = ruleInfo(found.finding.ruleId);
    const suppressed = this.suppressedReason(found.key, found.index);
    const rendered = renderDetails({
      target: found.target,
      finding: found.finding,
      rule,
      doc: rule && (await this.ruleDoc(rule.id)),
      places: this.places(),
      ...(suppressed !== undefined ? { suppressed } : {}),
    });
    this.links.set(uri.toString(), rendered.links);
    return rendered.text;
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    return (this.links.get(doc.uri.toString()) ?? []).map(l => {
      const range = new vscode.Range(l.line, l.start, l.line, l.end);
      if (l.target.kind === 'ruleDoc') {
        const link = new vscode.DocumentLink(range, commandUri('aiToolAudit.openRuleDoc', l.target.ruleId));
        link.tooltip = 'What the rule finds, false positives, what to do';
        return link;
      }
      const link = new vscode.DocumentLink(range, commandUri('aiToolAudit.openFinding', l.target.location));
      link.tooltip = 'Open the code at this place';
      return link;
    });
  }

  private lookup(uri: vscode.Uri) {
    const k = parseDetailsUri(uri);
    const target = k && this.results.all().find(t => t.key === k.key)?.result;
    if (!k || !target) return undefined;
    const at = target.findings[k.index];
    const index = at && (!k.fingerprint || at.fingerprint === k.fingerprint) ? k.index : k.fingerprint ? target.findings.findIndex(f => f.fingerprint === k.fingerprint) : -1;
    return index >= 0 ? { key: k.key, index, target, finding: target.findings[index] } : undefined;
  }

  /** The rule's page, shipped in the extension (docs/rules/ is in the .vsix). */
  private async ruleDoc(id: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${id}.md`)));
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.subscriptions.forEach(s => s.dispose());
  }
}
