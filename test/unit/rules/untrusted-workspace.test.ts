import { untrustedWorkspace } from '../../../src/core/rules/untrusted-workspace';
import { runManifestTable } from '../../helpers/ruleTester';

const ext = (caps: string) => `{"engines":{"vscode":"^1.90.0"},"capabilities":${caps}}`;

runManifestTable(untrustedWorkspace, {
  invalid: [
    { name: 'full support (medium)', json: ext('{"untrustedWorkspaces":{"supported":true}}'), at: ['true'], severity: 'medium' },
    { name: 'limited support (low)', json: ext('{"untrustedWorkspaces":{"supported":"limited","description":"x"}}'), at: ['"limited"'], severity: 'low' },
  ],
  valid: [
    { name: 'no support', json: ext('{"untrustedWorkspaces":{"supported":false}}') },
    { name: 'other capabilities', json: ext('{"virtualWorkspaces":true}') },
  ],
});
