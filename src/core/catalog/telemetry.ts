// Telemetry, analytics, error-reporting and feature-flag services: the hosts they receive
// data on and the strings their SDKs leave in a bundle after minification (package names,
// global keys, header names, exported class names kept as strings). Data, not logic: the
// telemetry-sdk rule and the host classifier (net/hosts.ts) read it.
import { isUnderDomain } from './vendors';

export interface TelemetryService {
  id: string;
  name: string;
  /** What the service receives or serves. */
  purpose: 'analytics' | 'errors' | 'logs' | 'traces and metrics' | 'feature flags' | 'feature flags and analytics';
  /** Registrable hosts (subdomains included). */
  hosts: string[];
  /** The service's own website among `hosts` (with `www.`): links to it are not collectors. */
  websites?: string[];
  /** npm packages of its SDKs: matched exactly and as a prefix followed by `/`. */
  packages: string[];
  /**
   * Strings specific to its SDK code, matched as substrings of string literals. Hosts are not
   * markers: they count only as URLs (data tables list bare collector hosts).
   */
  markers: string[];
  /** Catalog vendor id when the service is the vendor's own (Google's Clearcut). */
  vendor?: string;
}

export const TELEMETRY_SERVICES: TelemetryService[] = [
  {
    id: 'statsig', name: 'Statsig', purpose: 'feature flags and analytics',
    hosts: ['statsig.com', 'statsigapi.net', 'featuregates.org', 'featureassets.org', 'prodregistryv2.org', 'statsig.anthropic.com'],
    websites: ['statsig.com'],
    packages: ['statsig-node', 'statsig-js', '@statsig/js-client', '@statsig/statsig-node-core', 'statsig-react'],
    markers: ['STATSIG-API-KEY', 'statsig-api-key', 'STATSIG-CLIENT-TIME'],
  },
  {
    id: 'sentry', name: 'Sentry', purpose: 'errors',
    hosts: ['sentry.io', 'sentry-cdn.com'],
    websites: ['sentry.io'],
    packages: ['@sentry/node', '@sentry/browser', '@sentry/core', '@sentry/electron', '@sentry/react'],
    markers: ['__SENTRY__', 'sentry.javascript.', 'X-Sentry-Auth', 'sentry_key='],
  },
  {
    id: 'datadog', name: 'Datadog', purpose: 'logs',
    hosts: ['datadoghq.com', 'datadoghq.eu', 'ddog-gov.com', 'datadoghq.us'],
    websites: ['datadoghq.com'],
    packages: ['dd-trace', '@datadog/browser-logs', '@datadog/browser-rum', '@datadog/datadog-api-client'],
    markers: ['DD-API-KEY', 'dd-api-key'],
  },
  {
    id: 'segment', name: 'Segment', purpose: 'analytics',
    hosts: ['segment.io', 'segment.com', 'segmentapis.com'],
    websites: ['segment.com', 'segment.io'],
    packages: ['analytics-node', '@segment/analytics-node', '@segment/analytics-next'],
    markers: [],
  },
  {
    id: 'posthog', name: 'PostHog', purpose: 'feature flags and analytics',
    hosts: ['posthog.com'],
    websites: ['posthog.com'],
    packages: ['posthog-node', 'posthog-js'],
    markers: ['$feature_flag_called'],
  },
  {
    id: 'amplitude', name: 'Amplitude', purpose: 'analytics',
    hosts: ['amplitude.com'],
    websites: ['amplitude.com'],
    packages: ['amplitude-js', '@amplitude/analytics-node', '@amplitude/analytics-browser', '@amplitude/node'],
    markers: [],
  },
  {
    id: 'mixpanel', name: 'Mixpanel', purpose: 'analytics',
    hosts: ['mixpanel.com'],
    websites: ['mixpanel.com'],
    packages: ['mixpanel', 'mixpanel-browser'],
    markers: [],
  },
  {
    id: 'growthbook', name: 'GrowthBook', purpose: 'feature flags',
    hosts: ['growthbook.io'],
    websites: ['growthbook.io'],
    packages: ['@growthbook/growthbook'],
    markers: ['remoteEval on GrowthBook Cloud', '_growthbook'],
  },
  {
    id: 'launchdarkly', name: 'LaunchDarkly', purpose: 'feature flags',
    hosts: ['launchdarkly.com'],
    websites: ['launchdarkly.com'],
    packages: ['launchdarkly-node-server-sdk', 'launchdarkly-js-client-sdk', '@launchdarkly/node-server-sdk', '@launchdarkly/js-client-sdk'],
    markers: ['X-LaunchDarkly-'],
  },
  {
    id: 'opentelemetry', name: 'OpenTelemetry OTLP exporter', purpose: 'traces and metrics',
    hosts: [],
    packages: ['@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/exporter-trace-otlp-grpc', '@opentelemetry/exporter-trace-otlp-proto',
      '@opentelemetry/exporter-metrics-otlp-http', '@opentelemetry/exporter-metrics-otlp-grpc', '@opentelemetry/exporter-metrics-otlp-proto',
      '@opentelemetry/exporter-logs-otlp-http', '@opentelemetry/exporter-logs-otlp-grpc', '@opentelemetry/exporter-logs-otlp-proto'],
    // The exporters' own names and gRPC service paths. Not the `OTEL_EXPORTER_OTLP_` variable
    // prefix: code that forwards, filters or hashes the environment spells it without any SDK.
    markers: ['OTLPTraceExporter', 'OTLPMetricExporter', 'OTLPLogExporter', 'OTLPExporterBase', '/opentelemetry.proto.collector.'],
  },
  {
    id: 'applicationinsights', name: 'Azure Application Insights', purpose: 'analytics',
    // rt.: Live Metrics, the same SDK's stream of counters and requests.
    hosts: ['dc.services.visualstudio.com', 'rt.services.visualstudio.com', 'applicationinsights.azure.com', 'applicationinsights.microsoft.com'],
    packages: ['applicationinsights', '@microsoft/applicationinsights-web', '@microsoft/applicationinsights-core-js'],
    markers: ['InstrumentationKey=', 'Microsoft.ApplicationInsights.'],
  },
  {
    id: 'vscode-extension-telemetry', name: '@vscode/extension-telemetry (1DS)', purpose: 'analytics',
    hosts: ['events.data.microsoft.com', 'vortex.data.microsoft.com'],
    packages: ['@vscode/extension-telemetry', 'vscode-extension-telemetry', '@microsoft/1ds-core-js', '@microsoft/1ds-post-js'],
    markers: [],
    vendor: 'microsoft',
  },
  {
    id: 'clearcut', name: 'Google Clearcut', purpose: 'analytics',
    hosts: ['play.googleapis.com'],
    packages: [],
    markers: [],
    vendor: 'google',
  },
  {
    id: 'google-cloud-operations', name: 'Google Cloud Monitoring / Trace / Logging', purpose: 'traces and metrics',
    hosts: ['monitoring.googleapis.com', 'cloudtrace.googleapis.com', 'logging.googleapis.com'],
    packages: ['@google-cloud/opentelemetry-cloud-monitoring-exporter', '@google-cloud/opentelemetry-cloud-trace-exporter', '@google-cloud/logging'],
    markers: [],
    vendor: 'google',
  },
  {
    // command-code sends its traces there with a shipped ingest token (review 64).
    id: 'axiom', name: 'Axiom', purpose: 'logs',
    hosts: ['axiom.co'],
    websites: ['axiom.co', 'www.axiom.co'],
    packages: ['@axiomhq/js', '@axiomhq/logging', '@axiomhq/winston', '@axiomhq/pino'],
    markers: [],
  },
];

/**
 * The service receiving data on this host, if any (exact host or a subdomain). Its website
 * does not count unless `collector` says the URL is one anyway (a DSN with a key).
 */
export function telemetryServiceForHost(host: string, collector = false): TelemetryService | undefined {
  const h = host.toLowerCase();
  const service = TELEMETRY_SERVICES.find(s => s.hosts.some(d => isUnderDomain(h, d)));
  if (!collector && service?.websites?.some(w => h === w || h === `www.${w}`)) return undefined;
  return service;
}
