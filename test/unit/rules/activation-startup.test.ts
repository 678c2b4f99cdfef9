import { activationStartup } from '../../../src/core/rules/activation-startup';
import { runManifestTable } from '../../helpers/ruleTester';

const ext = (events: string) => `{"name":"e","engines":{"vscode":"^1.90.0"},"activationEvents":${events}}`;

runManifestTable(activationStartup, {
  invalid: [
    { name: '"*" (medium)', json: ext('["onCommand:x","*"]'), at: ['"*"'], severity: 'medium' },
    { name: 'onStartupFinished (low)', json: ext('["onStartupFinished"]'), at: ['"onStartupFinished"'], severity: 'low' },
  ],
  valid: [
    { name: 'activation on use', json: ext('["onView:x","onCommand:y","workspaceContains:.vscode/ai-tool-audit.json"]') },
    { name: 'a package that is not an extension', json: '{"activationEvents":["*"]}' },
  ],
});
