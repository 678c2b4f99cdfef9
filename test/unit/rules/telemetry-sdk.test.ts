import { telemetrySdk } from '../../../src/core/rules/telemetry-sdk';
import { runRuleTable } from '../../helpers/ruleTester';

runRuleTable(telemetrySdk, {
  invalid: [
    // command-code 1.53.1 (review 64): traces sent to Axiom with a shipped ingest token.
    { name: "an OTLP exporter sending to Axiom's collector names Axiom", code: 'new OTLPTraceExporter({url:"https://api.axiom.co/v1/traces",headers:{Authorization:"Bearer xaat-1"}})', at: ['"https://api.axiom.co'], allEvidence: ['sdk Axiom'] },
    { name: 'an OTLP gRPC exporter by its service path', code: 'const p="/opentelemetry.proto.collector.trace.v1.TraceService/Export"', at: ['"/opentelemetry'], evidence: ['sdk OpenTelemetry'] },
    { name: 'an old-style Sentry DSN on the bare domain, alone: its collector named, low', code: 'var d="https://a6bb0da87ee048cc9ae2a345fc09ab2e:63a7@sentry.io/174697"', at: ['"https'], evidence: ['sdk Sentry'], severity: 'low', message: /^Names Sentry's collector \(errors\) at sentry\.io \(a DSN or address\), with no SDK or client code of it in this file$/ },
    // gemini-cli-core's bundled Lighthouse: the DSN kept, the SDK replaced by an empty stub.
    { name: 'a DSN beside a stubbed SDK (nothing of @sentry in the file) is low', code: 'var cjs_default={};const SENTRY_URL="https://0123456789abcdef:fedcba9876543210@sentry.io/12345";function init(o){if(!o.enable)return;cjs_default.init({dsn:SENTRY_URL})}', at: ['"https'], severity: 'low' },
    { name: 'a DSN with the SDK in the file is medium, at the first sign, with both', code: 'const d="https://k@o1.ingest.sentry.io/2";const S=require("@sentry/node");S.init({dsn:d})', at: ['"https'], severity: 'medium', allEvidence: ['sdk Sentry', 'host "o1.ingest.sentry.io"', 'package "@sentry/node"'] },
    { name: 'a require of the Sentry SDK', code: 'const S=require("@sentry/node");S.init({})', at: ['"@sentry/node"'], severity: 'medium', evidence: ['sdk Sentry'] },
    { name: 'one finding per SDK per file, at the first marker', code: 'i.sdk={name:`sentry.javascript.node`};x.__SENTRY__={};', at: ['`sentry'], evidence: ['sdk Sentry'] },
    { name: 'a service host in a URL (GrowthBook)', code: 'let K=q.apiHost||"https://cdn.growthbook.io";', at: ['"https'], evidence: ['sdk GrowthBook'], severity: 'low' },
    { name: 'an OpenTelemetry OTLP exporter kept as an export name', code: 'Object.defineProperty(exports,"OTLPTraceExporter",{get(){}})', at: ['"OTLPTraceExporter"'], evidence: ['sdk OpenTelemetry'] },
    { name: 'several SDKs in one bundle', code: 'a="https://api.segment.io/v1/batch";b=import("posthog-node");c="https://api2.amplitude.com/2/httpapi"', at: ['"https://api.segment', '"posthog-node"', '"https://api2'], severity: 'medium' },
    // Claude Code's own Datadog log client: no SDK, a POST to the intake API with a client token.
    { name: "a collector's API path is what a hand-written client posts to (medium)", code: 'var oE_="https://http-intake.logs.us5.datadoghq.com/api/v2/logs",aE_="pubea5604404508cdd34afb69e6f42a05bc";', at: ['"https'], severity: 'medium', message: /^Ships the Datadog SDK or client/ },
    { name: "the vendor's own telemetry is low (Google Clearcut in Gemini CLI)", code: 'var CLEARCUT_URL="https://play.googleapis.com/log?format=json"', at: ['"https'], target: { ownVendors: ['google'] }, severity: 'low' },
  ],
  valid: [
    // Claude Code 2.1.300 (review 53): start-up checkpoint labels.
    { name: 'an SDK string inside a longer word', code: 'var C={growthbook_init:["before_growthbook_init","after_growthbook_init"]}' },
    // claude-agent-sdk 0.3.336 and its Bun binary: names of the OpenTelemetry variables, listed to filter or hash the environment, with no exporter in the file.
    { name: 'the OTEL_EXPORTER_OTLP_ variable prefix in a list of environment names', code: 'const Lg=["OTEL_EXPORTER_OTLP_",`ANT_OTEL_`];function KS(c){return Lg.some(u=>c.startsWith(u))}const X=new Set(["OTEL_EXPORTER_OTLP_ENDPOINT","OTEL_EXPORTER_OTLP_HEADERS"])' },
    { name: 'collector hosts listed in a data table', code: 't={name:"Segment",examples:["cdn.segment.com","api.segment.io"]};u=["//api.mixpanel.com/track/"]' },
    { name: 'a table of third-party websites (homepages are not collectors)', code: 'e=[{name:"Sentry",homepage:"https://sentry.io/",domains:["*.sentry.io"]},{name:"Segment",homepage:"https://www.segment.com/"}]' },
    { name: 'a package name inside prose', code: 'log("install @sentry/node to report errors")' },
    { name: 'unrelated hosts and words', code: 'fetch("https://api.anthropic.com");x="segment";y="statsig"' },
  ],
});
