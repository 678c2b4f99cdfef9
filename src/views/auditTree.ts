// The findings tree: assistant -> group (category, severity or rule) -> finding, plus the
// scan errors of each assistant. Scanned code is untrusted: every label, description and
// tooltip is plain text with invisible and control characters made visible.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CATEGORIES, SEVERITIES, byPosition, severityRank, type Finding, type ScanError, type Severity, type TargetResult } from '../core/model';
import { RULE_CATALOG } from '../core/rules/catalog';
import { printable } from '../core/text/safeText';
import { formatMB, plural, titleCase } from '../core/text/format';
import type { AuditedTarget, AuditResults } from './auditResults';
import type { ViolationSet } from './policyWarnings';
import type { Comparison } from '../core/report/baseline';
import { shownPath, type ConfigPlaces } from './configPlaces';

export type GroupBy = 'category' | 'severity' | 'rule';
export const GROUP_BY: readonly GroupBy[] = ['category', 'severity', 'rule'];

export interface TargetNode {
  kind: 'target';
  target: AuditedTarget;
  /** The same assistant's settings (a `config` target with this target's id), shown inside it. */
  config?: AuditedTarget;
}
/** An assistant's settings findings, under the row of its installed code. */
export interface ConfigurationNode {
  kind: 'configuration';
  parent: TargetNode;
  config: AuditedTarget;
}
/** What holds groups of findings: an audited target, or the settings under one. */
export type OwnerNode = TargetNode | ConfigurationNode;
export interface GroupNode {
  kind: 'group';
  parent: OwnerNode;
  key: string;
  label: string;
  findings: FindingNode[];
}
export interface FindingNode {
  kind: 'finding';
  parent: GroupNode;
  target: TargetResult;
  finding: Finding;
  /** Index in the target's findings: stable id for the tree. */
  index: number;
  /** Since the assistant's previous version (absent when there is nothing to compare with). */
  state?: 'new' | 'unchanged';
  /** The reason of the policy suppression that accepts this finding, when one does. */
  suppressed?: string;
}
/** Findings of the previous version that this one no longer has. */
export interface GoneNode {
  kind: 'gone';
  parent: TargetNode;
  from?: string;
  findings: Finding[];
}
export interface GoneFindingNode {
  kind: 'goneFinding';
  parent: GoneNode;
  finding: Finding;
  index: number;
}
export interface ErrorsNode {
  kind: 'errors';
  parent: OwnerNode;
  errors: ScanError[];
}
export interface ErrorNode {
  kind: 'error';
  parent: ErrorsNode;
  error: ScanError;
  index: number;
}
export type TreeNode = TargetNode | ConfigurationNode | GroupNode | FindingNode | ErrorsNode | ErrorNode | GoneNode | GoneFindingNode;

/** The target whose findings (or errors) a node holds. */
export function ownerTarget(node: OwnerNode): AuditedTarget {
  return node.kind === 'target' ? node.target : node.config;
}

/** The group of findings a policy suppression accepts (not a category, severity or rule id). */
const SUPPRESSED = ' suppressed';

const RULE_TITLES = new Map(RULE_CATALOG.map(r => [r.id, r.title]));

const SEVERITY_ICONS: Record<Severity, vscode.ThemeIcon> = {
  high: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  medium: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  low: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  info: new vscode.ThemeIcon('circle-outline'),
};

const KIND_ICONS: Record<TargetResult['kind'], string> = { extension: 'extensions', cli: 'terminal', path: 'folder', config: 'settings-gear' };

export function ruleTitle(ruleId: string): string {
  return RULE_TITLES.get(ruleId) ?? ruleId;
}

export function findingPlace(f: Finding): string {
  const where = f.entry ? `${f.file} › ${f.entry}` : f.file;
  return f.line ? `${where}:${f.line}` : `${where} @ byte ${f.offset ?? 0}`;
}

export class AuditTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private groupByValue: GroupBy;
  private minSeverityValue: Severity;
  private violationFilter: (() => ViolationSet) | undefined;
  private suppressions: (() => Map<string, Map<number, string>>) | undefined;

  constructor(
    private readonly results: AuditResults,
    private readonly memento: vscode.Memento,
    /** The home and workspace, to name settings files as `~/…` or workspace-relative. */
    private readonly places: () => ConfigPlaces,
  ) {
    this.groupByValue = GROUP_BY.includes(memento.get('groupBy') as GroupBy) ? memento.get<GroupBy>('groupBy')! : 'category';
    this.minSeverityValue = SEVERITIES.includes(memento.get('minSeverity') as Severity) ? memento.get<Severity>('minSeverity')! : 'low';
    this.subscription = results.onDidChange(() => this.changed.fire(undefined));
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }

  get minSeverity(): Severity {
    return this.minSeverityValue;
  }

  async setGroupBy(value: GroupBy): Promise<void> {
    this.groupByValue = value;
    await this.memento.update('groupBy', value);
    this.changed.fire(undefined);
  }

  async setMinSeverity(value: Severity): Promise<void> {
    this.minSeverityValue = value;
    await this.memento.update('minSeverity', value);
    this.changed.fire(undefined);
  }

  /** Policy violations only (the set is read at each refresh), or everything again. */
  setViolationFilter(source: (() => ViolationSet) | undefined): void {
    this.violationFilter = source;
    void vscode.commands.executeCommand('setContext', 'aiToolAudit.violationsOnly', !!source);
    this.changed.fire(undefined);
  }

  /** Where suppressed findings (and their reasons) are read, at each refresh. */
  setSuppressions(source: () => Map<string, Map<number, string>>): void {
    this.suppressions = source;
    this.changed.fire(undefined);
  }

  get violationsOnly(): boolean {
    return !!this.violationFilter;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) {
      const only = this.violationFilter?.().targets;
      return this.topLevel()
        .filter(n => !only || only.has(n.target.key) || (!!n.config && only.has(n.config.key)))
        .sort(compareTargets);
    }
    if (node.kind === 'target') return this.targetChildren(node);
    if (node.kind === 'configuration') return this.ownerChildren(node);
    if (node.kind === 'group') return node.findings;
    if (node.kind === 'errors') return node.errors.map((error, index) => ({ kind: 'error', parent: node, error, index }));
    if (node.kind === 'gone') return node.findings.map((finding, index) => ({ kind: 'goneFinding', parent: node, finding, index }));
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'target' ? undefined : node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'target': {
        const all = allFindings(node);
        const shown = this.visible(all).length;
        return targetItem(node, shown > 0, this.results.comparison(node.target.key), this.hiddenBy(all.length - shown));
      }
      case 'configuration': {
        const all = node.config.result?.findings ?? [];
        return configurationItem(node, this.places(), this.hiddenBy(all.length - this.visible(all).length));
      }
      case 'group':
        return groupItem(node);
      case 'finding':
        return findingItem(node, this.places());
      case 'errors':
        return errorsItem(node);
      case 'error':
        return errorItem(node);
      case 'gone':
        return goneItem(node);
      case 'goneFinding':
        return goneFindingItem(node);
    }
  }

  /** What the severity filter hides of a row (the violation filter says so above the tree). */
  private hiddenBy(count: number): Hidden | undefined {
    return count > 0 && !this.violationFilter ? { count, below: this.minSeverityValue } : undefined;
  }

  private visible(findings: readonly Finding[]): Finding[] {
    const min = severityRank(this.minSeverityValue);
    return findings.filter(f => severityRank(f.severity) >= min);
  }

  /**
   * One row per assistant: a configuration target whose id is an installed assistant's goes
   * inside that assistant's row (each installation's), the others get their own row.
   */
  private topLevel(): TargetNode[] {
    const all = this.results.all();
    const configs = new Map(all.filter(t => t.spec.kind === 'config').map(t => [t.spec.id, t]));
    const installed = new Set(all.filter(t => t.spec.kind !== 'config').map(t => t.spec.id));
    return all
      .filter(t => t.spec.kind !== 'config' || !installed.has(t.spec.id))
      .map(target => {
        const config = target.spec.kind === 'config' ? undefined : configs.get(target.spec.id);
        return { kind: 'target', target, ...(config ? { config } : {}) };
      });
  }

  private targetChildren(node: TargetNode): TreeNode[] {
    const children = this.ownerChildren(node);
    if (node.config?.result && (this.hasShown(node.config) || (node.config.result.errors.length && !this.violationFilter))) {
      // After the code's groups, before what is gone and the scan errors of the code.
      const at = children.findIndex(c => c.kind === 'gone' || c.kind === 'errors');
      children.splice(at < 0 ? children.length : at, 0, { kind: 'configuration', parent: node, config: node.config });
    }
    return children;
  }

  /** Whether any finding of a target passes the severity (or violation) filter. */
  private hasShown(t: AuditedTarget): boolean {
    const only = this.violationFilter && (this.violationFilter().findings.get(t.key) ?? new Set<number>());
    return (t.result?.findings ?? []).some((f, i) => (only ? only.has(i) : severityRank(f.severity) >= severityRank(this.minSeverityValue)));
  }

  private ownerChildren(node: OwnerNode): TreeNode[] {
    const owner = ownerTarget(node);
    const result = owner.result;
    if (!result) return [];
    const groups = new Map<string, GroupNode>();
    const comparison = this.results.comparison(owner.key);
    const states = comparison && new Map(comparison.current.map(c => [c.finding, c.state]));
    // With the violation filter, the findings that break the policy, whatever their severity.
    const only = this.violationFilter && (this.violationFilter().findings.get(owner.key) ?? new Set<number>());
    const suppressed = this.suppressions?.().get(owner.key);
    result.findings.forEach((finding, index) => {
      if (only ? !only.has(index) : severityRank(finding.severity) < severityRank(this.minSeverityValue)) return;
      const reason = suppressed?.get(index);
      // Accepted findings leave their group for "Suppressed", with the reason on each.
      const [key, label] = reason === undefined ? this.groupOf(finding) : [SUPPRESSED, 'Suppressed'];
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { kind: 'group', parent: node, key, label, findings: [] }));
      const state = states?.get(finding);
      group.findings.push({ kind: 'finding', parent: group, target: result, finding, index, ...(state ? { state } : {}), ...(reason !== undefined ? { suppressed: reason } : {}) });
    });
    const last = (g: GroupNode) => (g.key === SUPPRESSED ? 1 : 0);
    const ordered = [...groups.values()].sort((a, b) => last(a) - last(b) || this.groupOrder(a) - this.groupOrder(b) || a.label.localeCompare(b.label));
    for (const g of ordered) g.findings.sort(compareFindings);
    const children: TreeNode[] = ordered;
    const gone = comparison?.gone.filter(f => severityRank(f.severity) >= severityRank(this.minSeverityValue)) ?? [];
    if (gone.length && !only && node.kind === 'target') children.push({ kind: 'gone', parent: node, ...(comparison?.before.version ? { from: comparison.before.version } : {}), findings: gone.sort(compareGone) });
    if (result.errors.length && !only) children.push({ kind: 'errors', parent: node, errors: result.errors });
    return children;
  }

  private groupOf(f: Finding): [string, string] {
    if (this.groupByValue === 'severity') return [f.severity, titleCase(f.severity)];
    if (this.groupByValue === 'rule') return [f.ruleId, ruleTitle(f.ruleId)];
    return [f.category, titleCase(f.category)];
  }

  private groupOrder(g: GroupNode): number {
    if (this.groupByValue === 'severity') return -severityRank(g.key as Severity);
    if (this.groupByValue === 'category') return CATEGORIES.indexOf(g.key as (typeof CATEGORIES)[number]);
    return -Math.max(...g.findings.map(f => severityRank(f.finding.severity)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** A row's findings: its own and those of the settings shown inside it. */
function allFindings(node: TargetNode): Finding[] {
  const own = node.target.result?.findings ?? [];
  const config = node.config?.result?.findings ?? [];
  return config.length ? [...own, ...config] : [...own];
}

/** Findings of a row that the severity filter leaves out: counted in the row, so it never looks cleaner than it is. */
interface Hidden {
  count: number;
  below: Severity;
}

function hiddenText(h: Hidden | undefined): string {
  return h ? ` · ${h.count} hidden` : '';
}

function hiddenTooltip(h: Hidden | undefined): string {
  return h ? `\n${plural(h.count, 'finding')} below ${h.below} hidden by the severity filter ("Filter by Minimum Severity..." in the title bar shows them)` : '';
}

function targetItem(node: TargetNode, hasVisible: boolean, comparison: Comparison | undefined, hidden?: Hidden): vscode.TreeItem {
  const target = node.target;
  const r = target.result;
  const findings = allFindings(node);
  const expandable = (r && (hasVisible || r.errors.length)) || node.config?.result?.errors.length;
  const item = new vscode.TreeItem(printable(target.spec.name), expandable ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  // A new id once scanned: the tree then applies the expanded state instead of keeping the
  // childless item it showed while the target was queued.
  item.id = r ? `target:${target.key}` : `target:${target.key}:${target.state}`;
  item.contextValue = 'target';
  const version = target.spec.version ? `${printable(target.spec.version)} · ` : '';
  // Until this audit's result is in, the row says so: never a count that reads as final.
  const failure = target.failure ? printable(clip(target.failure, 80)) : 'the scan failed';
  if (target.state === 'queued') {
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.description = r ? `${version}re-auditing… (previous: ${countsText(findings)})` : `${version}scanning…`;
  } else if (target.state === 'cancelled' && r) {
    item.iconPath = new vscode.ThemeIcon('warning');
    item.description = `${version}re-audit cancelled: previous results, ${countsText(findings)}`;
  } else if (target.state === 'cancelled') {
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.description = `${version}not scanned (cancelled)`;
  } else if (target.state === 'failed' && target.earlier) {
    // The kept result is an earlier audit's: this one could not scan the target.
    item.iconPath = new vscode.ThemeIcon('warning');
    item.description = `${version}re-audit failed: previous results, ${countsText(findings)}`;
  } else if (target.state === 'failed') {
    item.iconPath = new vscode.ThemeIcon('error');
    item.description = `${version}not scanned: ${failure}`;
  } else {
    item.iconPath = new vscode.ThemeIcon(KIND_ICONS[target.spec.kind]);
    item.description = `${version}${r ? countsText(findings) : ''}${r ? hiddenText(hidden) : ''}${comparison ? ` · ${changeText(comparison)}` : ''}`;
  }
  if (comparison && target.state === 'done') item.contextValue = 'target.changed';
  // printable() line by line: it would show a line break as \u{A}.
  item.tooltip =
    targetTooltip(target) +
    (target.failure ? `\n${printable(`this audit could not scan it: ${target.failure}`)}` : '') +
    (node.config ? `\n${printable(`settings: ${plural(node.config.result?.findings.length ?? 0, 'finding')} (in "Configuration")`)}` : '') +
    hiddenTooltip(hidden);
  return item;
}

function configurationItem(node: ConfigurationNode, places: ConfigPlaces, hidden?: Hidden): vscode.TreeItem {
  const r = node.config.result;
  const findings = r?.findings ?? [];
  const high = findings.some(f => f.severity === 'high');
  const item = new vscode.TreeItem('Configuration', high ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `configuration:${node.parent.target.key}`;
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS.config);
  item.description = countsText(findings) + hiddenText(hidden);
  item.contextValue = 'configuration';
  const files = (r?.config?.files ?? []).map(f => `  ${shownPath(path.join(node.config.spec.root, f.file), places)} (${f.scope})`);
  item.tooltip = [`${node.config.spec.name}: the settings files read`, ...files].map(printable).join('\n') + hiddenTooltip(hidden);
  return item;
}

/** `12 new, 3 gone since 2.1.90` */
function changeText(c: Comparison): string {
  const fresh = c.current.filter(x => x.state === 'new').length;
  return `${fresh} new, ${c.gone.length} gone since ${printable(c.before.version ?? 'the previous audit')}`;
}

/** At most `max` characters of scanned or error text, on one row. */
function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function countsText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings';
  const counts = SEVERITIES.map(s => [s, findings.filter(f => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return counts.reverse().map(([s, n]) => `${n} ${s}`).join(', ');
}

function targetTooltip(target: AuditedTarget): string {
  const s = target.spec;
  const r = target.result;
  const lines = [
    `${s.name}${s.version ? ` ${s.version}` : ''} (${s.kind}${s.editor ? `, ${s.editor}` : ''})`,
    `id: ${s.id}`,
    s.vendor ? `vendor: ${s.vendor}${s.country ? ` (${s.country})` : ''}` : undefined,
    `path: ${s.root}`,
    s.why?.length ? `recognised by: ${s.why.join('; ')}` : undefined,
    r ? `scanned: ${plural(r.filesScanned, 'file')}, ${formatMB(r.bytesScanned)}; ${plural(r.findings.length, 'finding')}, ${plural(r.errors.length, 'error')}` : undefined,
  ];
  return lines.filter((l): l is string => !!l).map(printable).join('\n');
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const high = node.key !== SUPPRESSED && node.findings.some(f => f.finding.severity === 'high');
  const item = new vscode.TreeItem(node.label, high ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  // Keyed by the row too: the settings of one assistant show under each of its installations.
  item.id = node.parent.kind === 'target' ? `group:${node.parent.target.key}:${node.key}` : `group:${node.parent.parent.target.key}:config:${node.key}`;
  item.description = String(node.findings.length);
  item.contextValue = 'group';
  if (node.key === SUPPRESSED) {
    item.iconPath = new vscode.ThemeIcon('pass');
    item.tooltip = 'Accepted by a suppression in the workspace policy, each with its reason: they break no rule of the policy. The suppression lapses when the flagged code changes.';
  }
  return item;
}

/** `file:line:col`; a settings file named as a person knows it (`~/.claude/settings.json`). */
function placeOf(node: FindingNode, places: ConfigPlaces): string {
  const f = node.finding;
  const file = f.source === 'config' && !f.entry ? shownPath(path.join(node.target.root, f.file), places) : f.entry ? `${f.file} › ${f.entry}` : f.file;
  return f.line ? `${file}:${f.line}:${f.column}` : `${file} @ byte ${f.offset ?? 0}`;
}

function findingItem(node: FindingNode, places: ConfigPlaces): vscode.TreeItem {
  const f = node.finding;
  const owner = node.parent.parent;
  // Rows tell findings apart by what they say; the rule is in the tooltip and the group.
  const item = new vscode.TreeItem(printable(f.message), vscode.TreeItemCollapsibleState.None);
  item.id = owner.kind === 'target' ? `finding:${owner.target.key}:${node.index}` : `finding:${owner.parent.target.key}:config:${node.index}`;
  const place = placeOf(node, places);
  // A setting's scope says who put it there: the repository's settings arrive with a clone.
  item.description = `${node.state === 'new' ? 'new · ' : ''}${printable(place)}${f.scope ? ` · ${f.scope}` : ''} · ${f.severity}${node.suppressed !== undefined ? ' · suppressed' : ''}`;
  item.iconPath = node.suppressed !== undefined ? new vscode.ThemeIcon('pass') : SEVERITY_ICONS[f.severity];
  item.tooltip = findingTooltip(f, place) + (node.suppressed !== undefined ? `\n${printable(`Suppressed by the workspace policy: ${clip(node.suppressed, MAX_LINE)}`)}` : '');
  const status = [node.suppressed !== undefined ? `suppressed by the workspace policy (${clip(node.suppressed, 80)})` : undefined, node.state === 'new' ? 'new since the previous version' : undefined];
  item.accessibilityInformation = { label: spokenFinding(f, place, status), role: 'treeitem' };
  // Settings are short text files: nothing to reprint.
  item.contextValue = f.source === 'config' ? 'finding.config' : f.offset !== undefined && f.line ? 'finding.reprintable' : 'finding';
  item.command = { command: 'aiToolAudit.openFinding', title: 'Open Finding', arguments: [node] };
  return item;
}

const MAX_EVIDENCE = 3;
const MAX_LINE = 120;

/**
 * Short enough never to be clipped (about eight lines): the message, the rule, a little
 * evidence, how many steps, the place and where the rest is. Every step, the decoded values
 * and what to do are in Finding Details. Plain text: nothing scanned becomes markup or a link.
 */
function findingTooltip(f: Finding, place = `${findingPlace(f)}${f.line ? `:${f.column}` : ''}`): string {
  const evidence = f.evidence.slice(0, MAX_EVIDENCE).map(e => `  ${clip(e, MAX_LINE)}`);
  if (f.evidence.length > MAX_EVIDENCE) evidence.push(`  … and ${f.evidence.length - MAX_EVIDENCE} more`);
  const lines = [
    clip(f.message, 200),
    `${f.severity} · ${ruleTitle(f.ruleId)} (${f.ruleId})${f.partial ? ' · partial parse' : ''}${f.confidence === 'approximate' ? ' · approximate' : ''}`,
    ...(evidence.length ? ['evidence:', ...evidence] : []),
    ...(f.related.length ? [`${plural(f.related.length, 'correlated step')}, each a link in Finding Details`] : []),
    clip(`at ${place}${f.configKey ? ` (${f.configKey}${f.scope ? `, ${f.scope} scope` : ''})` : ''}`, MAX_LINE),
    `Details: the ⓘ button or right-click › Show Finding Details (every step, what to do); right-click › Open Rule Documentation`,
  ];
  return lines.map(printable).join('\n');
}

/**
 * What a screen reader says for a finding row: one sentence on one line, most important
 * first: `High severity, Region or vendor gate: Reads the timezone…, in extension.js at line
 * 21, column 30.` Scanned text is made printable, so it cannot break the line.
 */
function spokenFinding(f: Finding, place: string, status: ReadonlyArray<string | undefined> = []): string {
  const lead = [...status.filter((s): s is string => !!s), `${f.severity} severity`].join(', ');
  const at = /^(.*?):(\d+)(?::(\d+))?$/.exec(place);
  const where = at ? `in ${at[1]} at line ${at[2]}${at[3] ? `, column ${at[3]}` : ''}` : `in ${place.replace(/ @ byte (\d+)$/, ' at byte $1')}`;
  const message = clip(f.message, 200).replace(/[\s.]+$/, '');
  return printable(`${titleCase(lead)}, ${ruleTitle(f.ruleId)}: ${message}, ${where}.`);
}

function goneItem(node: GoneNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`Gone since ${printable(node.from ?? 'the previous audit')}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `gone:${node.parent.target.key}`;
  item.description = String(node.findings.length);
  item.iconPath = new vscode.ThemeIcon('history');
  item.tooltip = 'Findings of the previous version that this version no longer has (matched by what they are, not by line).';
  return item;
}

/** Not clickable: the code it points at was replaced by the update. */
function goneFindingItem(node: GoneFindingNode): vscode.TreeItem {
  const f = node.finding;
  const item = new vscode.TreeItem(printable(f.message), vscode.TreeItemCollapsibleState.None);
  item.id = `goneFinding:${node.parent.parent.target.key}:${node.index}`;
  item.description = `gone · ${printable(findingPlace(f))} · ${f.severity}`;
  item.iconPath = new vscode.ThemeIcon('circle-slash');
  item.tooltip = `${findingTooltip(f)}\n(in ${printable(node.parent.from ?? 'the previous version')}; no longer found)`;
  item.accessibilityInformation = { label: spokenFinding(f, findingPlace(f), [`gone since ${node.parent.from ?? 'the previous version'}`]), role: 'treeitem' };
  return item;
}

function errorsItem(node: ErrorsNode): vscode.TreeItem {
  const item = new vscode.TreeItem('Scan Errors', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.parent.kind === 'target' ? `errors:${node.parent.target.key}` : `errors:${node.parent.parent.target.key}:config`;
  item.description = String(node.errors.length);
  item.iconPath = new vscode.ThemeIcon('circle-slash');
  return item;
}

function errorItem(node: ErrorNode): vscode.TreeItem {
  const e = node.error;
  const item = new vscode.TreeItem(printable(e.entry ? `${e.file} › ${e.entry}` : e.file), vscode.TreeItemCollapsibleState.None);
  const owner = node.parent.parent;
  item.id = owner.kind === 'target' ? `error:${owner.target.key}:${node.index}` : `error:${owner.parent.target.key}:config:${node.index}`;
  item.description = printable(e.message);
  item.tooltip = printable(e.message);
  return item;
}

function highest(node: TargetNode): number {
  return Math.max(-1, ...allFindings(node).map(f => severityRank(f.severity)));
}

function compareTargets(a: TargetNode, b: TargetNode): number {
  return highest(b) - highest(a) || a.target.spec.name.localeCompare(b.target.spec.name);
}

function compareGone(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || a.ruleId.localeCompare(b.ruleId) || a.file.localeCompare(b.file) || byPosition(a, b);
}

function compareFindings(a: FindingNode, b: FindingNode): number {
  return (
    severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
    a.finding.file.localeCompare(b.finding.file) ||
    byPosition(a.finding, b.finding)
  );
}
