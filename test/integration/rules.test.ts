import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionContext, waitFor } from './helpers';

describe('Show Rules', () => {
  it('lists the rules in a quick pick and opens the documentation of the one picked', async () => {
    await extensionContext();
    const picked = vscode.commands.executeCommand<string>('aiToolAudit.showRules');
    await new Promise(r => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const id = await picked;
    assert.equal(id, 'timezone-probe', 'the first rule listed');
    const tab = await waitFor('the documentation tab', () => {
      const t = vscode.window.tabGroups.activeTabGroup.activeTab;
      return t?.label.includes('timezone-probe') && t;
    });
    assert.match(tab.label, /timezone-probe\.md/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
