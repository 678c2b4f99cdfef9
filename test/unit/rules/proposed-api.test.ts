import { proposedApi } from '../../../src/core/rules/proposed-api';
import { runManifestTable } from '../../helpers/ruleTester';

runManifestTable(proposedApi, {
  invalid: [
    { name: 'enabled proposals, listed', json: '{"engines":{"vscode":"^1.99.0"},\n"enabledApiProposals":["chatParticipantPrivate","terminalDataWriteEvent"]}', at: ['"enabledApiProposals"'], severity: 'low', message: /chatParticipantPrivate, terminalDataWriteEvent/ },
  ],
  valid: [
    { name: 'an empty list', json: '{"engines":{"vscode":"^1.99.0"},"enabledApiProposals":[]}' },
    { name: 'not an extension', json: '{"enabledApiProposals":["x"]}' },
  ],
});
