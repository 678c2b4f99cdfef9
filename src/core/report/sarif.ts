// SARIF 2.1.0 for code-scanning systems (GitHub code scanning, SARIF viewers, SIEM imports):
// one run per audit, each target's root an `originalUriBaseIds` entry, regions in UTF-16
// code units as the finding carries them. Scanned text goes through `printable`: a SARIF
// file is read by viewers and by `jq -r` in a terminal, and must not carry escape sequences.
import { createHash } from 'node:crypto';
import { severityRank, type AuditResult, type Finding, type RelatedLocation, type Severity, type TargetResult } from '../model';
import { printable } from '../text/safeText';
import { locationOf } from './summary';
import { RULE_CATALOG } from '../rules/catalog';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { renamed, type BaselineState, type Comparison } from './baseline';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** `file:` or `https:` URL of the folder holding the rule pages (`<id>.md`), ending in `/`. */
  docsBase?: string;
  /** The Markdown of a rule's page, shown by viewers as the rule's help. */
  ruleDoc?: (id: string) => string | undefined;
  /** Per target (same index as `result.targets`): how each finding compares with a baseline. */
  comparisons?: ReadonlyArray<Comparison | undefined>;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** What GitHub code scanning sorts security alerts by (CVSS-like, 0-10). */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '2.0', info: '0.0' };
/** The fingerprint scheme's name: a new scheme gets a new name, never a changed meaning. */
const FINGERPRINT_KEY = 'aiToolAudit/v1';

export function toSarif(result: AuditResult, options: SarifOptions = {}): object {
  const ruleIndex = new Map(RULE_CATALOG.map((r, i) => [r.id, i]));
  // GitHub ranks alerts by their rule's security-severity, so a rule gets the highest severity
  // it reports in this run (covert-marker can be high), else its default.
  const reported = new Map<string, Severity>();
  for (const t of result.targets) for (const f of t.findings) if (!reported.has(f.ruleId) || severityRank(f.severity) > severityRank(reported.get(f.ruleId)!)) reported.set(f.ruleId, f.severity);
  const rules = RULE_CATALOG.map(r => {
    const top = reported.get(r.id) ?? r.severity;
    const doc = options.ruleDoc?.(r.id);
    return {
      id: r.id,
      name: pascalCase(r.id),
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      ...(options.docsBase ? { helpUri: new URL(`${r.id}.md`, options.docsBase).href } : {}),
      ...(doc ? { help: { text: doc, markdown: doc } } : {}),
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { category: r.category, kind: r.kind, tags: ['security', r.category], 'security-severity': SECURITY_SEVERITY[top] },
    };
  });

  const results: object[] = [];
  const notifications: object[] = [];
  result.targets.forEach((t, ti) => {
    const base = baseId(ti);
    const comparison = options.comparisons?.[ti];
    const states = comparison ? new Map(comparison.current.map(c => [c.finding, c.state])) : undefined;
    const occurrences = new Map<string, number>();
    const add = (f: Finding, state?: BaselineState) => {
      const identity = `${stableIdentity(t, f)}${state === 'absent' ? '\0absent' : ''}`;
      const n = occurrences.get(identity) ?? 0;
      occurrences.set(identity, n + 1);
      results.push(sarifResult(f, t, base, ruleIndex.get(f.ruleId), `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}:${n + 1}`, state));
    };
    for (const f of t.findings) add(f, states?.get(f));
    for (const gone of comparison?.gone ?? []) add(gone, 'absent');
    for (const e of t.errors) {
      notifications.push({
        level: 'error',
        message: { text: printable(`${e.entry ? `${e.file} :: ${e.entry}` : e.file}: ${e.message}`) },
        locations: [{ physicalLocation: { artifactLocation: artifact(e.file, base) } }],
        properties: { target: targetName(t) },
      });
    }
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, semanticVersion: TOOL_VERSION, version: TOOL_VERSION, rules } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: Object.fromEntries(
          result.targets.map((t, i) => [baseId(i), { uri: directoryUri(t.root), description: { text: `${t.name}${t.version ? ` ${t.version}` : ''} (${t.kind})` } }]),
        ),
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          targets: result.targets.map((t, i) => ({
            uriBaseId: baseId(i),
            id: t.instanceId ?? t.id,
            name: t.name,
            kind: t.kind,
            ...(t.version ? { version: t.version } : {}),
            filesScanned: t.filesScanned,
            bytesScanned: t.bytesScanned,
            errors: t.errors.length,
          })),
        },
      },
    ],
  };
}

function sarifResult(f: Finding, t: TargetResult, base: string, ruleIndex: number | undefined, fingerprint: string, state: BaselineState | undefined): object {
  // What is gone was in the baseline's copy of the file: its line would point at other text now.
  const primary = state === 'absent' ? { physicalLocation: { artifactLocation: artifact(f.file, base) }, properties: { baselineLocation: locationOf(f) } } : location(f, base);
  const related = f.related.map((r, i) => ({ id: i + 1, ...location(r, base), message: { text: printable(r.message) } }));
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: printable(f.entry ? `${f.message} (in ${f.entry})` : f.message) },
    locations: [primary],
    ...(related.length && state !== 'absent' ? { relatedLocations: related } : {}),
    ...(f.related.length && state !== 'absent' ? { codeFlows: [codeFlow(f, base)] } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(state ? { baselineState: state } : {}),
    properties: {
      severity: f.severity,
      category: f.category,
      target: targetName(t),
      evidence: f.evidence.map(printable),
      ...(f.host ? { host: f.host } : {}),
      ...(f.vendor?.length ? { vendor: f.vendor } : {}),
      ...(f.country?.length ? { country: f.country } : {}),
      ...(f.decodedFrom ? { decodedFrom: printable(f.decodedFrom) } : {}),
      ...(f.places ? { places: f.places } : {}),
      ...(f.count ? { count: f.count } : {}),
      ...(f.partial ? { partial: true } : {}),
      ...(f.confidence ? { confidence: f.confidence } : {}),
      ...(f.excerpt ? { excerpt: printable(f.excerpt) } : {}),
    },
  };
}

/**
 * The correlated steps in the order a reader follows them, ending at the finding itself: how
 * a value went from where it was read to where it was compared or sent.
 */
function codeFlow(f: Finding, base: string): object {
  const steps = [...f.related.map(r => ({ location: { ...location(r, base), message: { text: printable(r.message) } } })), { location: { ...location(f, base), message: { text: printable(f.message) } } }];
  return { threadFlows: [{ locations: steps }] };
}

type Placed = Pick<Finding, 'file' | 'entry' | 'line' | 'column' | 'endLine' | 'endColumn' | 'offset' | 'endOffset'> | RelatedLocation;

/**
 * A finding in a module embedded in a binary (`entry`) points at the binary, the file a user
 * has, and names the module as a logical location; its line and column count inside the
 * module, so they go in `properties`, never in a region of the binary where they would lie.
 */
function location(p: Placed, base: string): { physicalLocation: object; logicalLocations?: object[]; properties?: object } {
  const artifactLocation = artifact(p.file, base);
  const region = p.line !== undefined ? lineRegion(p) : 'offset' in p && p.offset !== undefined ? { byteOffset: p.offset, byteLength: Math.max(0, (p.endOffset ?? p.offset) - p.offset) } : undefined;
  if (p.entry) {
    return {
      physicalLocation: { artifactLocation },
      logicalLocations: [{ name: p.entry, kind: 'module' }],
      ...(region ? { properties: { moduleRegion: region } } : {}),
    };
  }
  return { physicalLocation: { artifactLocation, ...(region ? { region } : {}) } };
}

function lineRegion(p: Placed): object {
  return {
    startLine: p.line,
    startColumn: p.column,
    ...(p.endLine !== undefined ? { endLine: p.endLine } : {}),
    ...(p.endColumn !== undefined ? { endColumn: p.endColumn } : {}),
  };
}

function artifact(file: string, base: string): { uri: string; uriBaseId: string } {
  return { uri: relativeUri(file), uriBaseId: base };
}

/**
 * What a code-scanning alert is, so that it keeps its identity: the assistant, the rule, the
 * file (a module inside a binary by its name, bundler chunk hashes blurred) and what the
 * finding says, with a minifier's renamings blurred (`renamed`). Not the flagged text, which
 * holds minified names that change with every release; the occurrence number (added by the
 * caller) tells apart the same claim made twice in one file. Stable across re-scans,
 * unaffected by other files, and unchanged when an update only moves or renames the code.
 */
function stableIdentity(t: TargetResult, f: Finding): string {
  const module = (f.entry ?? '').replace(/-[a-z0-9]{8}(?=\.[cm]?js$)/, '-*');
  return [t.instanceId ?? t.id, f.ruleId, f.file, module, renamed(f.message), renamed(f.evidence.join('\0')), f.host ?? ''].join('\0');
}

function baseId(i: number): string {
  return `TARGET${i}`;
}

function targetName(t: TargetResult): string {
  return t.instanceId ?? t.id;
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map(s => encodeURIComponent(s))
    .join('/');
}

/** An absolute folder as a `file:` URI ending in `/`, on POSIX and Windows alike. */
export function directoryUri(dir: string): string {
  const posix = dir.replace(/\\/g, '/');
  const rooted = posix.startsWith('/') ? posix : `/${posix}`;
  const uri = `file://${rooted.split('/').map(s => (/^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join('/')}`;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
