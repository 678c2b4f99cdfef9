// Every rule, in the order reports list them. Add a rule here, with its docs page
// (docs/rules/<id>.md) and its fixture tests (test/unit/rules/<id>.test.ts).
import type { ConfigRule, CorrelationRule, ManifestRule, Rule } from './types';
import type { RuleInfo } from './catalog';
import { timezoneProbe } from './timezone-probe';
import { localeProbe } from './locale-probe';
import { endpointConfigRead } from './endpoint-config-read';
import { vendorKeywords } from './vendor-keywords';
import { regionLiterals } from './region-literals';
import { networkEndpoint } from './network-endpoint';
import { networkCall } from './network-call';
import { webviewRemoteContent } from './webview-remote-content';
import { telemetrySdk } from './telemetry-sdk';
import { remoteConfig } from './remote-config';
import { envHarvest } from './env-harvest';
import { credentialRead } from './credential-read';
import { foreignApiKeyRead } from './foreign-api-key-read';
import { machineId } from './machine-id';
import { hostInfo } from './host-info';
import { gitIdentity } from './git-identity';
import { childProcess } from './child-process';
import { dynamicCode } from './dynamic-code';
import { dynamicRequire } from './dynamic-require';
import { nativeLoad } from './native-load';
import { terminalSendText } from './terminal-send-text';
import { fileWrite } from './file-write';
import { persistenceLocation } from './persistence-location';
import { encodedPayload } from './encoded-payload';
import { jsObfuscator } from './js-obfuscator';
import { hiddenText } from './hidden-text';
import { clipboardRead } from './clipboard-read';
import { installScript } from './install-script';
import { nativeBinary } from './native-binary';
import { activationStartup } from './activation-startup';
import { untrustedWorkspace } from './untrusted-workspace';
import { proposedApi } from './proposed-api';
import { encodedList } from './encoded-list';
import { covertMarker } from './covert-marker';
import { CORRELATION_RULES } from './correlations';
import { CONFIG_RULES } from './config';

export const RULES: Rule[] = [
  timezoneProbe, localeProbe, endpointConfigRead, vendorKeywords, regionLiterals,
  networkEndpoint, networkCall, webviewRemoteContent,
  telemetrySdk, remoteConfig,
  envHarvest, credentialRead, foreignApiKeyRead,
  machineId, hostInfo, gitIdentity,
  childProcess, dynamicCode, dynamicRequire, nativeLoad, terminalSendText,
  fileWrite, persistenceLocation,
  encodedPayload, jsObfuscator, hiddenText, encodedList, covertMarker,
  clipboardRead,
];

/** Rules over package.json (scan/manifest.ts runs them once per package). */
export const MANIFEST_RULES: ManifestRule[] = [installScript, nativeBinary, activationStartup, untrustedWorkspace, proposedApi];

/** Rules, manifest rules and correlations, as `ai-tool-audit rules` lists them (catalog.json is this, generated). */
export function ruleCatalog(): RuleInfo[] {
  const info = (r: Rule | ManifestRule | CorrelationRule | ConfigRule, kind: RuleInfo['kind']): RuleInfo => ({
    id: r.meta.id,
    category: r.meta.category,
    severity: r.meta.severity,
    title: r.meta.title,
    description: r.meta.description,
    kind,
    doc: `docs/rules/${r.meta.id}.md`,
  });
  return [
    ...RULES.map(r => info(r, 'code')),
    ...MANIFEST_RULES.map(r => info(r, 'manifest')),
    ...CORRELATION_RULES.map(r => info(r, 'correlation')),
    ...CONFIG_RULES.map(r => info(r, 'config')),
  ];
}
