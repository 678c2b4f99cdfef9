// The rule contract (see DESIGN.md): a rule is data plus visitors, one file per rule.
import type { Category, Severity } from '../model';
import type { AstNode } from '../js/ast';
import type { KeywordMatcher } from '../catalog/keywords';
import type { RawFinding, RawRelated } from './raw';
import type { DecodedValue } from '../js/decode';
import type { ValueSources } from '../js/callgraph';

/** What the scanned code belongs to, so rules can tell first-party from foreign. */
export interface TargetContext {
  /** Vendor ids from the catalog (e.g. "anthropic") that publish the scanned assistant. */
  ownVendors: string[];
}

/**
 * A fact is what correlation reasons over: a probe reads something that says where the user
 * is or where requests go; a match compares a value with vendor or region data; a source
 * reads data worth protecting; a sink sends, writes or runs something; a target names a
 * place whose change persists (shell start-up files, another tool's configuration).
 */
export type FactKind =
  | 'probe:timezone'
  | 'probe:locale'
  | 'probe:endpoint'
  | 'match:vendor'
  | 'match:region-timezone'
  | 'match:region-locale'
  | 'source:env'
  | 'source:credential'
  | 'source:fingerprint'
  | 'sink:network'
  | 'sink:write'
  | 'sink:exec'
  | 'sink:eval'
  | 'endpoint'
  | 'target:startup'
  | 'target:tool-config'
  | 'target:assistant-config'
  /** A correlation found a gate here (covert markers link to it). */
  | 'gate'
  /** Code that picks one of several look-alike characters depending on a condition. */
  | 'covert:marker';

export interface Fact {
  kind: FactKind;
  /** Vendor ids named, for match:vendor. */
  vendors?: string[];
  /** A short description for correlation messages: the host of an endpoint, the file a target names. */
  detail?: string;
  /**
   * For a match: the value compared (`K` in `K === "Asia/Shanghai"`, `h` in
   * `h.includes("deepseek")`). Correlation follows it back to what it was read from.
   */
  subject?: AstNode;
  /** For covert:marker: the condition (or the parameters it depends on). */
  condition?: AstNode[];
}

export interface Span {
  start: number;
  end: number;
}

export interface ReportOptions {
  evidence?: string[];
  /** Overrides the rule's default when one finding is weaker or stronger than the rest. */
  severity?: Severity;
  facts?: Fact[];
  /** Other places this finding is about (e.g. where an encoded literal is decoded). */
  related?: RawRelated[];
}

/** A decoded value as rules see it: where it is decoded, or a place that compares with it. */
export interface DecodedSite {
  decoded: DecodedValue;
  /** Set for a comparison with the decoded list (`Wi_().some(z => q === z)`). */
  use?: { node: AstNode; fn: number; subject?: AstNode; via: string };
}

export interface DecodedContext {
  readonly text: string;
  readonly target: TargetContext;
  readonly keywords: KeywordMatcher;
  report(span: Span, message: string, options?: ReportOptions): void;
}

export interface RuleContext {
  /** The whole source of the file or module being scanned. */
  readonly text: string;
  readonly target: TargetContext;
  readonly keywords: KeywordMatcher;
  /** The node being visited is the last element; its parent the one before. */
  readonly path: readonly AstNode[];
  /** The parent of the node being visited (depth 1), or a further ancestor. */
  parent(depth?: number): AstNode | undefined;
  /** The innermost function around the node being visited. */
  enclosingFunction(): AstNode | undefined;
  /**
   * What an identifier was last bound to in the innermost function scope that binds it
   * (`const o = x.resolvedOptions()` then `o.timeZone`), in walk order. Undefined if unknown.
   * A destructured name resolves to a member expression over the initialiser
   * (`const {spawn: s} = x`: `s` is `x.spawn`); an imported name to an `ImportBinding` node
   * with `source` and `imported` (`default`, `*` or the name).
   */
  resolve(node: AstNode): AstNode | undefined;
  report(span: Span, message: string, options?: ReportOptions): void;
  /** Per-file state for a rule, created on first use (e.g. the functions already reported). */
  memo<T>(key: string, create: () => T): T;
}

export type Visitor = (node: AstNode, ctx: RuleContext) => void;

export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  /** One sentence for `ai-tool-audit rules`; the long form is docs/rules/<id>.md. */
  description: string;
  /** The rule runs on a file only if one of these occurs in its text. Empty: always runs. */
  triggers: string[];
  triggersIgnoreCase?: boolean;
  /** Node type -> visitor; `Type:exit` runs after the node's children. */
  visitors: Record<string, Visitor>;
  /**
   * Sees the module's statically decoded strings and lists (src/core/js/decode), after the walk:
   * a rule reports on the encoded literal or the decoding call like on a literal.
   */
  decoded?: (site: DecodedSite, ctx: DecodedContext) => void;
}

/** Rules that exist only as correlations of other rules' facts; listed for docs and policy. */
export interface CorrelationRule {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  /** Rules whose facts it correlates: selecting it runs them too. */
  needs: string[];
}

/**
 * Looks at the findings of one correlation scope (a function and its closure, see
 * scan/correlate.ts) and says what they amount to. `about` lists the findings the result is
 * about, so that an enclosing scope with the same findings does not report it twice.
 */
export interface Correlator {
  rules: CorrelationRule[];
  detect(members: readonly RawFinding[], target: TargetContext, flows?: Flows): { finding: RawFinding; about: RawFinding[] } | undefined;
}

/** Where values come from, across same-module calls (scan/callgraph.ts). */
export interface Flows {
  sourcesOf(node: AstNode, fn: number): ValueSources;
}

/** A JSON value as JSON.parse returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ManifestContext {
  readonly target: TargetContext;
  /** `engines.vscode` is set: the package is an editor extension. */
  readonly isExtension: boolean;
  /**
   * Where a value sits in package.json: `['scripts', 'postinstall']`, `['activationEvents', 0]`.
   * `key` gives the property name instead of its value. Undefined if absent.
   */
  locate(path: ReadonlyArray<string | number>, part?: 'key' | 'value'): Span | undefined;
  /** The first bytes of a file of the package (relative path), to tell executables from scripts. */
  fileHead(relPath: string): Buffer | undefined;
  report(span: Span, message: string, options?: ReportOptions): void;
}

/** A rule over the package manifest (package.json) rather than over code. */
export interface ManifestRule {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  check(manifest: { [key: string]: JsonValue }, ctx: ManifestContext): void;
}
