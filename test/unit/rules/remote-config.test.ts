import { remoteConfig } from '../../../src/core/rules/remote-config';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(remoteConfig, {
  invalid: [
    { name: 'a Statsig gate with its name', code: 'if(await s.checkGate("tengu_new_ui"))x()', at: ['s.checkGate'], severity: 'low', evidence: ['flag tengu_new_ui'] },
    { name: 'GrowthBook and LaunchDarkly evaluations', code: 'gb.getFeatureValue("max_tokens",1);ld.boolVariation("beta-tools",u,false)', at: ['gb.', 'ld.'] },
    { name: 'a flag that reads like a kill switch (medium)', code: 'c.getDynamicConfig("cli_kill_switch")', at: ['c.get'], severity: 'medium', message: /kill switch/ },
    { name: 'fetching the whole remote configuration', code: 'await rc.fetchAndActivate();await gb.refreshFeatures({skipCache:!0})', at: ['rc.', 'gb.'] },
  ],
  valid: [
    { name: 'a flag method without a literal key', code: 's.checkGate(name);c.getExperiment(k)' },
    { name: 'generic methods that are not flag APIs', code: 'm.get("x");o.isEnabled("y");v.variation("z")' },
  ],
});
