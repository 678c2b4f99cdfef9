// Shared by the integration tests: the activated extension's context, the planted fixtures
// in this run's HOME, and small waits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditContext } from '../../src/views/context';
import type { FindingNode, TreeNode } from '../../src/views/auditTree';

export const EXTENSION_ID = 'ai-tool-audit.ai-tool-audit';
const HOME = process.env.HOME ?? '';
export const FIXTURE_EXTENSION = path.join(HOME, '.vscode/extensions/fakeai.region-gate-1.0.0');
export const SLOW_TARGET = path.join(HOME, 'slow-target');
/** The command-line assistant shipped as a Bun executable (see scripts/test-host/plantHome.mjs). */
export const FIXTURE_BUN_MODULE = '/$bunfs/root/fake-native.js';

export async function extensionContext(): Promise<AuditContext> {
  const ext = vscode.extensions.getExtension<AuditContext>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded in the extension host`);
  return ext.activate();
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
export function positionOf(file: string, needle: string): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} occurs in ${file}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

export function label(ctx: AuditContext, node: TreeNode): string {
  const l = ctx.tree.getTreeItem(node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function description(ctx: AuditContext, node: TreeNode): string {
  const d = ctx.tree.getTreeItem(node).description;
  return typeof d === 'string' ? d : '';
}

export function targetNode(ctx: AuditContext, name: string): TreeNode {
  const node = ctx.tree.getChildren().find(n => label(ctx, n) === name);
  assert.ok(node, `the tree has a target named ${name}; it has ${ctx.tree.getChildren().map(n => label(ctx, n)).join(', ')}`);
  return node;
}

/** Every finding node under a target, whatever the grouping. */
export function findingNodes(ctx: AuditContext, target: TreeNode): FindingNode[] {
  return ctx.tree.getChildren(target).flatMap(g => ctx.tree.getChildren(g)).filter((n): n is FindingNode => n.kind === 'finding');
}

export function findingNode(ctx: AuditContext, target: TreeNode, ruleId: string, file?: string): FindingNode {
  const node = findingNodes(ctx, target).find(n => n.finding.ruleId === ruleId && (!file || n.finding.file === file));
  assert.ok(node, `a ${ruleId} finding${file ? ` in ${file}` : ''} is in the tree`);
  return node;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
