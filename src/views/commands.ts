// Every command, as one table of id -> factory(ctx). package.json declares the same ids.
import type * as vscode from 'vscode';
import type { Severity } from '../core/model';
import type { AuditContext } from './auditContext';
import type { FindingNode, GroupBy, TreeNode } from './auditTree';
import type { FindingLocation } from './openFinding';
import { auditAll, quickScan, reaudit, scanPath } from './auditCommands';
import { openFinding, showFindingDetails, showReadableContext } from './findingCommands';
import { filterSeverity, groupBy, showRules } from './viewCommands';
import { showAllFindings, showViolations, suppress } from './policyCommands';
import { exportSarif, openReport, showChanges } from './reportCommands';
import { focusCell, showMatrix } from './matrixView';

// VS Code passes a command whatever its caller gives; each handler states what it accepts.
type Command = (ctx: AuditContext) => (...args: never[]) => unknown;

export const COMMANDS: Record<string, Command> = {
  'aiToolAudit.auditAll': ctx => () => auditAll(ctx),
  'aiToolAudit.quickScan': ctx => (id?: string) => quickScan(ctx, id),
  'aiToolAudit.scanPath': ctx => (uri?: vscode.Uri, selected?: vscode.Uri[]) => scanPath(ctx, selected?.length ? selected : uri ? [uri] : undefined),
  'aiToolAudit.reaudit': ctx => () => reaudit(ctx),
  'aiToolAudit.cancelAudit': ctx => () => ctx.auditor.cancel(),
  'aiToolAudit.openFinding': ctx => (target: FindingNode | FindingLocation) => openFinding(ctx, target),
  'aiToolAudit.showReadableContext': ctx => (node?: TreeNode) => showReadableContext(ctx, node),
  'aiToolAudit.showRules': ctx => (ruleId?: string) => showRules(ctx, ruleId),
  'aiToolAudit.showFindingDetails': ctx => (node?: TreeNode) => showFindingDetails(ctx, node),
  // From a tree row, or a rule id (the link in Finding Details); anything else asks which rule.
  'aiToolAudit.openRuleDoc': ctx => (node?: TreeNode | string) =>
    showRules(ctx, typeof node === 'string' ? node : node?.kind === 'finding' ? node.finding.ruleId : undefined),
  'aiToolAudit.groupBy': ctx => (value?: GroupBy) => groupBy(ctx, value),
  'aiToolAudit.filterSeverity': ctx => (value?: Severity) => filterSeverity(ctx, value),
  'aiToolAudit.showLog': ctx => () => ctx.log.show(),
  'aiToolAudit.showViolations': ctx => () => showViolations(ctx),
  'aiToolAudit.showAllFindings': ctx => () => showAllFindings(ctx),
  'aiToolAudit.suppress': ctx => (node?: TreeNode) => suppress(ctx, node),
  'aiToolAudit.exportSarif': ctx => (target?: vscode.Uri) => exportSarif(ctx, target),
  'aiToolAudit.openReport': ctx => () => openReport(ctx),
  'aiToolAudit.showChanges': ctx => (node?: TreeNode) => showChanges(ctx, node),
  'aiToolAudit.showMatrix': ctx => () => showMatrix(ctx),
  'aiToolAudit.focusMatrixCell': ctx => (key?: string, category?: string) => (typeof key === 'string' && typeof category === 'string' ? focusCell(ctx, key, category) : false),
};
