// Findings that only correlation produces (scan/correlate.ts). Listed here so that
// `ai-tool-audit rules`, the docs test and policies see them like any rule.
import type { CorrelationRule } from './types';

export const regionGating: CorrelationRule = {
  id: 'region-gating',
  category: 'region',
  severity: 'high',
  title: 'Region or vendor gating',
  description: 'One function (or the closure around it) reads the timezone, locale or API endpoint setting and compares values with region markers or other vendors\' names.',
  needs: ['timezone-probe', 'locale-probe', 'endpoint-config-read', 'vendor-keywords', 'region-literals'],
};

export const endpointCheck: CorrelationRule = {
  id: 'endpoint-check',
  category: 'vendor',
  severity: 'low',
  title: 'First-party endpoint check',
  description: 'Reads the API endpoint or proxy setting and compares it only with the assistant\'s own vendor (for example host === "api.anthropic.com").',
  needs: ['endpoint-config-read', 'vendor-keywords'],
};

export const CORRELATION_RULES: CorrelationRule[] = [regionGating, endpointCheck];
