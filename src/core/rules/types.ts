// The rule contract (DESIGN.md), in ESLint's shape: a rule is metadata plus `create(ctx)`,
// which returns handlers for node types and for the module's decoded values. Rules report
// through `ctx.report` with a message template and its data; the engine turns reports into
// findings with one builder.
import type { Category, ConfigInventory, ConfigPlace, ConfigScope, Severity, Span, StarterSummary } from '../model';
import type { Node, NodeOf, NodeType } from '../js/ast';
import type { KeywordMatcher } from '../catalog/keywords';
import type { DecodedValue } from '../js/decode';
import type { ModuleLookup, ModuleRef } from '../js/modules';
import type { ModuleIndex } from '../js/moduleIndex';
import type { CallGraph } from '../js/callgraph';
import type { ValueFlow } from '../js/flow';
import type { Fact } from './facts';

/** What the scanned code belongs to, so rules can tell first-party from foreign. */
export interface TargetContext {
  /** Vendor ids from the catalog (e.g. "anthropic") that publish the scanned assistant. */
  ownVendors: string[];
  /**
   * Vendors known only from the path of the file (a dependency under `node_modules/@anthropic-ai/…`),
   * not among `ownVendors`: anyone can ship a folder of that name, so a rule may lower a claim
   * for them (credential-read: medium, not high) but never treats them as the assistant's own.
   */
  dependencyVendors?: string[];
  /**
   * The assistant's own product names, from its package name (`@github/copilot`: `copilot`):
   * a keychain entry named after the product (`copilot-cli`) is its own, as one named after its vendor is.
   */
  ownNames?: string[];
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  title: string;
  /** One sentence for `ai-tool-audit rules`; the long form is docs/rules/<id>.md. */
  description: string;
  /** Message templates by id: `{{name}}` takes `data.name`, cut so the message stays short. */
  messages: Readonly<Record<string, string>>;
}

/** Another place a finding is about (where a list is decoded, a step of a correlation). */
export interface RelatedSpan extends Span {
  message: string;
}

/** Structured fields a finding carries beside its text (policy, reports and views read these). */
export interface FindingFields {
  host?: string;
  vendor?: string[];
  country?: string[];
  decodedFrom?: string;
  /** One finding for this many places (see Finding.places). */
  places?: number;
}

export interface ReportDescriptor extends FindingFields {
  /** Where: a node, or any span of the file. */
  node: Span;
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  /** Overrides the rule's default when one finding is weaker or stronger than the rest. */
  severity?: Severity;
  evidence?: readonly string[];
  facts?: readonly Fact[];
  related?: readonly RelatedSpan[];
  /**
   * The function the node is in (ctx.functionIndex() where it was seen), for a report made
   * after the walk (in decodedEnd); by default the function being walked.
   */
  fn?: number;
}

export interface RuleContext {
  /** The whole source of the file or module being scanned. */
  readonly text: string;
  readonly target: TargetContext;
  readonly keywords: KeywordMatcher;
  /** The node being visited is the last element; its parent the one before. */
  readonly path: readonly Node[];
  /** The parent of the node being visited (depth 1), or a further ancestor. */
  parent(depth?: number): Node | undefined;
  /** The index of the innermost function around the node being visited (-1 at module level), for `analysis()` queries. */
  functionIndex(): number;
  /** The innermost function around the node being visited. */
  enclosingFunction(): NodeOf<'FunctionDeclaration' | 'FunctionExpression' | 'ArrowFunctionExpression'> | undefined;
  /**
   * What an identifier was last bound to in the innermost function scope that binds it
   * (`const o = x.resolvedOptions()` then `o.timeZone`), in walk order. Undefined if unknown
   * or unbound. A destructured name resolves to a `PropertyOf` its source, an imported name
   * to an `ImportBinding`, a parameter to a `Parameter`.
   */
  resolve(node: Node): Node | undefined;
  /** Whether an identifier is bound at all here: a local `Function`, `eval` or `fetch` is not the global. */
  isBound(node: Node): boolean;
  /** The module member a node stands for (`child_process.spawn`), in any bundler's spelling. */
  moduleRef(node: Node | undefined): ModuleRef | undefined;
  /** The module member a call invokes, seen through `.call`, `.apply`, `promisify`, `.bind`. */
  calleeRef(node: Node): ModuleRef | undefined;
  /** Whether a callee is a require function in any bundler's spelling (`require`, `__require`, a `createRequire` result). */
  isRequire(callee: Node): boolean;
  report(descriptor: ReportDescriptor): void;
  /** The module as a whole, to follow values: complete once the walk is over (`Program:exit`, `decoded`). */
  analysis(): ModuleAnalysis;
  /**
   * What a function another module of the same program exports does when called, if it starts a
   * process with what it is given (`import { ut } from "./chunk-q49.js"`): undefined when the
   * module is not one of the program's, or the function is no such starter. `passesParameter`:
   * the call passes on a parameter of the function it is in (a module read only for its exports
   * answers only those).
   */
  importedStarter(ref: ModuleRef, passesParameter: boolean): StarterSummary | undefined;
  /** Tells the modules that import `name` from this one that it starts a process with what it is given. */
  exportStarter(name: string, summary: StarterSummary): void;
  /**
   * The parameter a function another module of the program exports gives back whole on some
   * branch (`aT(e)`: a lookup falling back to the name): a runner resolving its program through
   * it runs its callers' program. Undefined when it gives back none, or the module is not the program's.
   */
  importedCarrier(ref: ModuleRef): number | undefined;
}

/** What correlators and post-walk handlers reason over: the module's scopes, calls and value flow. */
export interface ModuleAnalysis {
  readonly text: string;
  readonly target: TargetContext;
  readonly keywords: KeywordMatcher;
  readonly index: ModuleIndex;
  readonly graph: CallGraph;
  readonly flow: ValueFlow;
  /** Names as seen from function `fn` after the walk, for module references. */
  lookup(fn: number): ModuleLookup;
  /** The text a decoding site gives (`_$d("…")`, `atob("…")`), once the module's values are decoded (`decoded` handlers on). */
  decodedString(node: Node): string | undefined;
}

/** A decoded value as rules see it: where it is decoded, or a place that compares with it. */
export interface DecodedSite {
  decoded: DecodedValue;
  /** Set for a comparison with the decoded list (`Wi_().some(z => q === z)`). */
  use?: { node: Node; fn: number; subject?: Node; via: string };
  /**
   * Set when the value is one of many that one helper decodes (a string table, `_$d("…")`
   * thousands of times): how many. Such values are reported together, not one by one.
   */
  table?: number;
}

/** A printable string read out of native code (the strings pass), with its place in the binary. */
export type { NativeString } from '../native/strings';
import type { NativeString } from '../native/strings';
import type { ShellCommand, ShellWord } from '../shell/commands';

type Handler<T extends NodeType> = (node: NodeOf<T>) => void;
export type NodeHandlers = { [T in NodeType]?: Handler<T> } & { [T in NodeType as `${T}:exit`]?: Handler<T> };

export interface RuleHandlers extends NodeHandlers {
  /** The module's statically decoded strings and lists (js/decode), after the walk. */
  decoded?: (site: DecodedSite) => void;
  /** After the last decoded value: for what is reported about them together (a string table). */
  decodedEnd?: () => void;
  /** A string from native code with no JavaScript to parse; report with `node` = its character span. */
  nativeString?: (s: NativeString) => void;
  /** A command of a shell script the package ships (core/shell); report with `node` = a span of the script. */
  shellCommand?: (site: ShellSite) => void;
}

/** A shell script's command as rules see it: its words, and what a word may stand for. */
export interface ShellSite {
  command: ShellCommand;
  /** The command's text as written (a pipeline's: from its first command). */
  text: string;
  /** Every spelling of a word: `~` for home, the script's values for its variables, `*` for the rest. */
  spell(word: ShellWord): string[];
}

export interface Rule {
  meta: RuleMeta;
  /** The rule runs on a file only if one of these occurs in its text. Empty: always runs. */
  triggers: readonly string[];
  triggersIgnoreCase?: boolean;
  /**
   * The rule also runs on a text with none of its triggers when the text imports another module
   * of the same program (`from "./…"`, Bun's `from "/$bunfs/root/…"`): what it looks for may be
   * a function of that module (ctx.importedStarter).
   */
  followsImports?: boolean;
  /** Called once per file or module; state kept in the closure lives as long as the file's scan. */
  create(ctx: RuleContext): RuleHandlers;
}

/** Rules that exist only as correlations of other rules' facts; listed for docs and policy. */
export interface CorrelationRule {
  meta: RuleMeta;
  /** Rules whose facts it correlates: selecting it runs them too. */
  needs: string[];
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
  report(descriptor: ReportDescriptor): void;
}

/** A rule over the package manifest (package.json) rather than over code. */
export interface ManifestRule {
  meta: RuleMeta;
  check(manifest: { [key: string]: JsonValue }, ctx: ManifestContext): void;
}

/** Any rule's metadata, as catalogs, docs and policy list them. */
export type AnyRule = Rule | ManifestRule | CorrelationRule;

/** A settings or instruction file's text, for config rules that read text (hidden characters). */
export interface ConfigText {
  file: string;
  scope: ConfigScope;
  kind: 'settings' | 'instructions';
  text: string;
  /** The place of a span of the text (key = what the span is). */
  place(key: string, span: Span): ConfigPlace;
}

export interface ConfigReport {
  messageId: string;
  data?: Readonly<Record<string, string | number>>;
  at: ConfigPlace;
  scope: ConfigScope;
  /** Overrides the rule's default; a project-scope setting is then raised one level by the builder. */
  severity?: Severity;
  evidence?: readonly string[];
  related?: ReadonlyArray<{ at: ConfigPlace; message: string }>;
  host?: string;
  vendor?: string[];
  country?: string[];
  mcpServer?: string;
  /** What the finding is about beyond its place (a value, a definition's hash): its fingerprint. */
  identity: string;
}

export interface ConfigRuleContext {
  readonly inventory: ConfigInventory;
  readonly texts: readonly ConfigText[];
  /** The assistant's own vendors (catalog), so its own API is not "another host". */
  readonly ownVendors: readonly string[];
  report(r: ConfigReport): void;
}

/** A rule over an assistant's configuration inventory (source `config`). */
export interface ConfigRule {
  meta: RuleMeta;
  check(ctx: ConfigRuleContext): void;
}
