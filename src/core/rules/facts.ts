// Facts: what a rule's report says about the code, in a form correlators can reason over. A
// fact sits on the reported node; correlators follow values between facts (js/flow.ts) to
// decide what they amount to: a probe's value compared with region data is a gate, a
// source's value sent by a network call is an exfiltration.
import type { Node } from '../js/ast';
import type { Span } from '../model';

/** A read that says where the user is or where requests go. */
export type ProbeKind = 'timezone' | 'offset' | 'locale' | 'endpoint' | 'proxy';
/** Data worth protecting. */
export type SourceKind = 'env' | 'credential' | 'fingerprint';
/** Where a value goes out of the code's hands. */
export type SinkKind = 'network' | 'write' | 'exec' | 'eval';
/** A place whose change outlives the process. */
export type PlaceKind = 'startup' | 'tool-config' | 'assistant-config';
/** What region data names: time zones (and UTC offsets) or language tags. */
export type RegionKind = 'timezone' | 'locale';

export type Fact =
  /** The value of the reported node is a timezone, locale, endpoint or proxy read. */
  | { kind: 'probe'; probe: ProbeKind; detail?: string }
  /** The reported node holds vendor or region data (a literal, a list, a regex, a decoded value). */
  | { kind: 'data'; vendors: string[]; countries: string[]; region?: RegionKind; own: boolean }
  /**
   * The value of the reported node is data worth protecting, or (`named`) the node names where
   * it is (a credential file's path, a command printing an id): then the data is what reading
   * that file or running that command returns, and the name alone is no secret. `runs`: the
   * reported node is a call that runs the named command with its arguments
   * (`run("git", ["credential", "fill"])`), whose value is the command's output. `also`: other
   * nodes naming the same place, reported once with this one (the id file checked, then read).
   */
  | { kind: 'source'; source: SourceKind; detail: string; named?: boolean; runs?: true; issuers?: readonly string[]; also?: readonly Span[] }
  /**
   * The reported call sends, writes, runs or evaluates: `payload` are the values that go out
   * (request arguments, file contents, a program's argument list, code to evaluate), `target`
   * where they go or what runs (the URL, the file path, the program or shell command).
   */
  | {
      kind: 'sink';
      sink: SinkKind;
      detail?: string;
      payload: readonly Node[];
      target?: Node;
      /** A chmod: the file's rights change, not its content. */
      permissionsOnly?: boolean;
      /** A process start whose `target` is the whole command as one list, program first (`Bun.spawn(cmd)`, a wrapper's `cmd` passed on). */
      listTarget?: boolean;
      /** A process start's working folder, as an options object written at the call gives it (`{ cwd: dir }`). */
      cwd?: Node;
      /** A process start whose `target` is a whole command line (`exec(line)`, `spawn(line, {shell: true})`, a Bun Shell template). */
      shellLine?: boolean;
      /** A process start: the program each spelled command starts (`*` where computed); absent when nothing is spelled. */
      programs?: string[];
      /** A process start: each command as spelled (alternatives apart; `detail` joins them for the message). */
      commands?: string[];
      /** A server it opens (`new ws.Server`): what comes from it is what its clients send, not a response. */
      listens?: boolean;
      /** A DNS lookup answered with addresses only (`dns.lookup`, `resolve4`): no content, never code. */
      addressOnly?: boolean;
    }
  /**
   * The reported node names a start-up file or a tool's configuration; `nameOnly`: by a
   * project file's name alone, in a folder not known to be a project's (a list of names, a join
   * onto a computed folder).
   */
  | { kind: 'place'; place: PlaceKind; detail: string; nameOnly?: boolean }
  /** The reported node names a host. */
  | { kind: 'endpoint'; host: string }
  /**
   * The reported call runs this code, fixed in the file (`new Worker(SRC, { eval: true })`,
   * the Function constructor given a fixed body): the scan analyses the text as code of its own (scan/engine.ts).
   */
  | { kind: 'code'; text: string; what: string }
  /** The reported node chooses between look-alike characters depending on `condition`. */
  | { kind: 'marker'; condition: Node[] };

export type FactOf<K extends Fact['kind']> = Extract<Fact, { kind: K }>;

export function factOf<K extends Fact['kind']>(facts: readonly Fact[], kind: K): FactOf<K> | undefined {
  return facts.find((f): f is FactOf<K> => f.kind === kind);
}
