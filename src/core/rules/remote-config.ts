// Feature flags, experiments and kill switches whose values come from a server at run time:
// Statsig gates and dynamic configs, GrowthBook features, LaunchDarkly variations, PostHog
// flags, Unleash, Split, ConfigCat, Firebase Remote Config. The vendor can change what the
// installed code does without a new release; the flag names say what.
import { calledMethod, staticString } from '../js/ast';
import type { Rule } from './types';

/** Flag-evaluation methods distinctive enough to count with a literal key. */
const FLAG_METHODS = new Map<string, string>([
  ['checkGate', 'Statsig gate'],
  ['checkGateWithExposureLoggingDisabled', 'Statsig gate'],
  ['getFeatureGate', 'Statsig gate'],
  ['getDynamicConfig', 'Statsig dynamic config'],
  ['getExperiment', 'experiment'],
  ['getLayer', 'Statsig layer'],
  ['getFeatureValue', 'GrowthBook feature'],
  ['evalFeature', 'GrowthBook feature'],
  ['isFeatureEnabled', 'feature flag'],
  ['getFeatureFlag', 'feature flag'],
  ['getFeatureFlagPayload', 'feature flag'],
  ['boolVariation', 'LaunchDarkly flag'],
  ['stringVariation', 'LaunchDarkly flag'],
  ['jsonVariation', 'LaunchDarkly flag'],
  ['variationDetail', 'LaunchDarkly flag'],
  ['getTreatment', 'Split treatment'],
  ['getValueAsync', 'ConfigCat setting'],
]);

/** Calls that fetch the whole remote configuration (no key). */
const FETCH_METHODS = new Map<string, string>([
  ['fetchAndActivate', 'Firebase Remote Config'],
  ['reloadFeatureFlags', 'PostHog feature flags'],
  ['refreshFeatures', 'GrowthBook features'],
  ['loadFeatures', 'GrowthBook features'],
]);

const KILL_SWITCH = /kill|disable|block|shutdown|off_?switch|emergency/i;

export const remoteConfig: Rule = {
  meta: {
    id: 'remote-config',
    category: 'telemetry',
    severity: 'low',
    title: 'Feature flag or remote configuration',
    description: 'Evaluates a server-controlled feature flag, experiment or kill switch (Statsig, GrowthBook, LaunchDarkly, PostHog, Split, ConfigCat) or fetches remote configuration (Firebase Remote Config); the flag name is evidence.',
    messages: {
      fetch: 'Fetches {{what}} at run time ({{method}})',
      flag: 'Evaluates the {{kind}} {{key}}',
      killSwitch: 'Evaluates the {{kind}} {{key}} (reads like a kill switch)',
    },
  },
  triggers: [...FLAG_METHODS.keys(), ...FETCH_METHODS.keys()],
  create(ctx) {
    return {
      CallExpression(node) {
        const method = calledMethod(node);
        if (!method) return;
        const fetched = FETCH_METHODS.get(method);
        if (fetched) {
          ctx.report({ node, messageId: 'fetch', data: { what: fetched, method }, evidence: [`call ${method}`] });
          return;
        }
        const kind = FLAG_METHODS.get(method);
        const key = kind && staticString(node.arguments[0]);
        if (!kind || key === undefined || key === '') return;
        const kill = KILL_SWITCH.test(key);
        ctx.report({ node, messageId: kill ? 'killSwitch' : 'flag', data: { kind, key: JSON.stringify(key) }, evidence: [`flag ${key}`, `call ${method}`], ...(kill ? { severity: 'medium' as const } : {}) });
      },
    };
  },
};
