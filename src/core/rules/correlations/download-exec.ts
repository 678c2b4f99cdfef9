// Download and run: code or a command whose value comes from a network response is evaluated
// or run (high), or a downloaded file is written and then run from the same path (medium: a
// self-updater does this by design). Followed backwards from the eval, the process start and
// the write through names, response methods (`await r.text()`) and same-module calls.
import { draftOf, type Draft } from '../findings';
import type { CorrelationRule, ModuleAnalysis } from '../types';
import type { Marked } from './marks';
import type { Correlator, CorrelationInput } from './types';
import { callSteps, inOrder, stepAt } from './shared';
import { calleeOf, isFunction, propertyName, staticString, unwrapChain, type CallLike, type Node } from '../../js/ast';
import { isInlineCodeOption, programName } from '../util/process';
import { calleeRefOf } from '../../js/modules';
import { MODULE, type ModuleIndex } from '../../js/moduleIndex';
import type { CallStep } from '../../js/callgraph';
import type { Reached } from '../../js/flow';

export const downloadExec: CorrelationRule = {
  meta: {
    id: 'download-exec',
    category: 'execution',
    severity: 'high',
    title: 'Downloads and runs code',
    description: 'Code, or the program or shell command to run, comes from a network response or a socket message (high); a program run with arguments from a network response, or a downloaded file written and run from the same path (medium: updaters do this).',
    messages: {
      runs: 'Runs {{what}} that comes from a network response ({{how}})',
      arguments: 'Runs a program with arguments that come from a network response ({{how}})',
      writeRun: 'Writes a download to {{path}} and runs it ({{how}})',
    },
  },
  needs: ['network-call', 'file-write', 'child-process', 'dynamic-code'],
};

export const downloadExecCorrelator: Correlator = {
  rules: [downloadExec],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    const sinks = marks.all('sink');
    if (!sinks.some(s => s.fact.sink === 'network')) return { added };
    const network = marks.marker('sink', m => m.fact.sink === 'network');
    const fetched = (values: readonly Node[], s: Marked<'sink'>) => values.flatMap(p => analysis.flow.origins(p, s.draft.fn, network));
    const downloads: Array<{ write: Marked<'sink'>; path: string }> = [];
    const runs: Array<{ sink: Marked<'sink'>; code: boolean; reached: Array<Reached<Array<Marked<'sink'>>>> }> = [];
    for (const s of sinks) {
      if (s.fact.sink === 'eval' || s.fact.sink === 'exec') {
        // Code to evaluate, or the program or command to run, from the network: high. Only the
        // arguments of a fixed program (`npm install -g <latest version>`): an updater, medium.
        const code = s.fact.sink === 'eval' ? fetched(s.fact.payload, s) : s.fact.target ? fetched([s.fact.target], s) : [];
        const args = s.fact.sink === 'exec' && code.length === 0 ? fetched(s.fact.payload, s) : [];
        const reached = code.length ? code : args;
        if (reached.length) runs.push({ sink: s, code: code.length > 0, reached });
      } else if (s.fact.sink === 'write' && s.fact.target && fetched(s.fact.payload, s).length) {
        downloads.push({ write: s, path: analysis.index.sourceOf(s.fact.target) });
      }
    }
    // A wrapper's call is a process start of its own (`runShell(msg.command)`): the start inside
    // the wrapper, reached only through such a call, is the same run, told once at the call.
    const runCalls = new Set(runs.map(r => r.sink.draft.start));
    const reported = new Set<Marked<'sink'>>();
    for (const { sink: s, code, reached } of runs) {
      if (reached.every(r => r.calls.some(c => runCalls.has(c.call.start) && c.call.start !== s.draft.start))) continue;
      const requests = [...new Set(reached.flatMap(r => r.mark))];
      reported.add(s);
      added.push(
        draftOf(downloadExec.meta, {
          node: s.draft,
          messageId: code ? 'runs' : 'arguments',
          data: { what: s.fact.sink === 'eval' ? 'code' : 'a command', how: s.fact.detail ?? s.draft.ruleId },
          severity: code ? 'high' : 'medium',
          evidence: [...new Set([...s.draft.evidence, ...requests.flatMap(r => r.draft.evidence)])],
          related: inOrder([...requests.map(r => stepAt(r.draft)), ...reached.flatMap(r => callSteps(r.calls, analysis, 'the response passes'))]),
        }, s.draft.fn),
      );
    }
    for (const s of streamDownloads(marks, analysis, network)) if (!downloads.some(d => d.write === s.write)) downloads.push(s);
    if (downloads.length === 0) return { added };
    const moved = movedDownloads(downloads, sinks, analysis);
    // A download is run when the program a process start runs is the written file's value:
    // the same path made once (a name, a module constant, a helper's return), in this function
    // or another of the module. Equal text is not enough, and a file only handed to a fixed
    // program (`tar -xzf <file>`) is not run.
    const writes = sinks.filter(s => s.fact.sink === 'write' && s.fact.target);
    const madeAt = new Map(writes.map(w => [w, whereMade(w.fact.target!, w.draft.fn, analysis)]));
    const made = new Set([...madeAt.values()].flatMap(m => [...m.nodes]));
    const runsOfDownloads: Array<{ run: Marked<'sink'>; ran: { write: Marked<'sink'>; path: string }; onPath: Array<Marked<'sink'>>; through?: Array<Reached<true>> }> = [];
    for (const run of sinks) {
      if (run.fact.sink !== 'exec' || reported.has(run)) continue;
      const { commands, files } = ranValues(run);
      if (commands.length === 0 && files.length === 0) continue;
      // From the program or command (a command may be built around the path) back to where a written path is made.
      const reachedMade = commands.flatMap(v => analysis.flow.origins(v, run.draft.fn, n => (made.has(n) ? true : undefined)));
      const ranAt = new Set(reachedMade.map(r => madeKey(r, analysis.index)));
      // A script given to an interpreter is the file itself, not a command line that mentions it.
      for (const f of files) for (const k of whereMade(f, run.draft.fn, analysis).keys) ranAt.add(k);
      const source = (n: Node) => analysis.index.sourceOf(n);
      // The same expression written twice in one function is the same path too.
      const reaches = (w: Marked<'sink'>) =>
        [...madeAt.get(w)!.keys].some(k => ranAt.has(k)) || (w.draft.fn === run.draft.fn && [...commands, ...files].some(v => source(v) === source(w.fact.target!)));
      const ran = downloads.filter(d => reaches(d.write));
      if (ran.length === 0) continue;
      // Every write to that file (the download, its chmod +x, and the file it was moved from) is part of the story.
      const onPath = writes.filter(w => w === ran[0].write || reaches(w) || moved.get(ran[0].write)?.includes(w));
      // The path as the message shows it: one spelled out says more than a bare name (`H`).
      const shown = ran.find(d => !/^[\w$]+$/.test(d.path)) ?? ran[0];
      runsOfDownloads.push({ run, ran: shown, onPath, through: files.length ? undefined : reachedMade });
    }
    // As for a command from the network: a start inside a wrapper reached only through another
    // start found here (the wrapper's call, `Fh(path, ["--version"])`) is that run, told once.
    const startsFound = new Set(runsOfDownloads.map(r => r.run.draft.start));
    for (const { run, ran, onPath, through } of runsOfDownloads) {
      if (through?.length && through.every(r => r.calls.some(c => startsFound.has(c.call.start) && c.call.start !== run.draft.start))) continue;
      added.push(
        draftOf(downloadExec.meta, {
          node: run.draft,
          messageId: 'writeRun',
          data: { path: ran.path, how: run.fact.detail ?? run.draft.ruleId },
          severity: 'medium',
          evidence: [...new Set([...onPath.flatMap(w => w.draft.evidence), ...run.draft.evidence])],
          related: inOrder(onPath.map(w => stepAt(w.draft))),
        }, run.draft.fn),
      );
    }
    return { added };
  },
};

/** A write that moves or copies a file: its payload is the file it takes (see file-write's FROM_TO). */
const MOVES = /^call fs\.(?:promises\.)?(?:rename|renameSync|copyFile|copyFileSync|cp|cpSync|copy|copySync|move|moveSync)$/;

/**
 * Downloads moved or copied onto another path (`writeFile(tmp, body); rename(tmp, dest)`): the
 * new path holds the download, so its move joins `downloads` (in place), and the map gives each
 * move the writes it came from. Followed as values, like the writes themselves: the path moved
 * is made where the download's path is. A few rounds for a move of a move.
 */
function movedDownloads(downloads: Array<{ write: Marked<'sink'>; path: string }>, sinks: ReadonlyArray<Marked<'sink'>>, analysis: ModuleAnalysis): Map<Marked<'sink'>, Array<Marked<'sink'>>> {
  const from = new Map<Marked<'sink'>, Array<Marked<'sink'>>>();
  const moves = sinks.filter(s => s.fact.sink === 'write' && s.fact.target && s.fact.payload.length === 1 && s.draft.evidence.some(e => MOVES.test(e)));
  if (moves.length === 0) return from;
  const keysOf = new Map<Marked<'sink'>, Set<string>>();
  const keys = (w: Marked<'sink'>): Set<string> => {
    let k = keysOf.get(w);
    if (!k) keysOf.set(w, (k = whereMade(w.fact.target!, w.draft.fn, analysis).keys));
    return k;
  };
  for (let round = 0; round < 3; round++) {
    let grew = false;
    for (const m of moves) {
      if (downloads.some(d => d.write === m)) continue;
      const taken = whereMade(m.fact.payload[0], m.draft.fn, analysis).keys;
      const sources = downloads.filter(d => [...keys(d.write)].some(k => taken.has(k))).map(d => d.write);
      if (sources.length === 0) continue;
      downloads.push({ write: m, path: analysis.index.sourceOf(m.fact.target!) });
      from.set(m, [...new Set(sources.flatMap(w => [w, ...(from.get(w) ?? [])]))]);
      grew = true;
    }
    if (!grew) break;
  }
  return from;
}

/** Programs that run the file they are given: an interpreter or a shell given a script, an opener. */
const RUNNERS = new Set(['node', 'bun', 'deno', 'sh', 'bash', 'zsh', 'dash', 'python', 'python3', 'perl', 'ruby', 'pwsh', 'powershell', 'powershell.exe', 'cmd', 'cmd.exe', 'osascript', 'msiexec', 'open', 'xdg-open', 'start', 'installer', 'hdiutil']);

/**
 * What a process start runs: its program or shell command, when that is computed or not
 * spelled (`commands`); the file arguments of a program that runs what it is given
 * (`files`: `bash install.sh`, `node cli.js`). A spelled program other than those (`tar`,
 * `unzip`, `git`) runs itself, not the file, and the arguments of an unknown program are
 * only its arguments.
 */
function ranValues(run: Marked<'sink'>): { commands: Node[]; files: Node[] } {
  const { target, payload, programs } = run.fact;
  const computed = !programs || programs.some(p => p.includes('*'));
  const runner = !!programs?.some(p => RUNNERS.has(programName(p)));
  return { commands: computed && target ? [target] : [], files: runner ? scriptArgument(payload) : [] };
}


/**
 * The argument a runner runs: its first one that is not an option (`bash install.sh`,
 * `powershell -File x.ps1`, `cmd /c x.exe`); none when it is given an inline script
 * (`bash -c "…" file`, `powershell -Command "Expand-Archive …" file`).
 */
function scriptArgument(payload: readonly Node[]): Node[] {
  for (let i = 0; i < payload.length; i++) {
    const text = staticString(payload[i]);
    if (text === undefined) return [payload[i]];
    const option = text.toLowerCase();
    // An inline script: later arguments are only its parameters.
    if (isInlineCodeOption(option)) return [];
    if (OPTION_WITH_VALUE.has(option)) i++;
    else if (option !== '/c' && option !== '/k' && !option.startsWith('-') && option !== '') return [];
  }
  return [];
}

/** PowerShell options followed by their value (`-ExecutionPolicy Bypass`), not by the script. */
const OPTION_WITH_VALUE = new Set(['-executionpolicy', '-windowstyle', '-version', '-configurationname', '-workingdirectory']);

/**
 * Where a path value is made: followed back through names, fields, parameters and helpers'
 * returns (kept whole) to the expressions that build it (`path.join(…)`, a template, a
 * literal), or to a parameter nobody in the module passes. Two paths that meet at one of these
 * are the same file.
 */
function whereMade(value: Node, fn: number, analysis: ModuleAnalysis): { nodes: Set<Node>; keys: Set<string> } {
  const { flow, graph, index } = analysis;
  const leaf = (n: Node, at: number): true | undefined => {
    switch (n.type) {
      case 'Identifier':
      case 'ParenthesizedExpression':
      case 'ChainExpression':
      case 'AwaitExpression':
      case 'SequenceExpression':
      case 'AssignmentExpression':
      case 'ConditionalExpression':
      case 'LogicalExpression':
      case 'MemberExpression':
      case 'PropertyOf':
        return undefined;
      case 'Parameter': {
        const f = index.functionOf(n.fn);
        return f !== undefined && graph.callersOf(f).length === 0 ? true : undefined;
      }
      case 'CallExpression':
        return graph.target(n, at) !== undefined ? undefined : true;
      default:
        return true;
    }
  };
  const reached = flow.origins(value, fn, leaf);
  return { nodes: new Set(reached.map(r => r.node)), keys: new Set(reached.map(r => madeKey(r, index))) };
}

/**
 * Where a value is made, as a key two searches can compare. An expression inside a helper
 * that takes parameters is made anew at each call (`inHome(".config")`, `inHome("bin")`):
 * the call that entered the helper is part of its key.
 */
function madeKey(r: { node: Node; fn: number; calls: readonly CallStep[] }, index: ModuleIndex): string {
  const entered = r.calls[r.calls.length - 1];
  const fresh = entered !== undefined && entered.callee === r.fn && r.fn !== MODULE && index.functions[r.fn].node.params.length > 0;
  return `${r.node.start}:${r.node.end}${fresh ? `@${entered.call.start}` : ''}`;
}

/**
 * Downloads written through a stream: a response piped into a file's write stream
 * (`res.pipe(fs.createWriteStream(p))`, `await pipeline(Readable.fromWeb(r.body), out)`).
 */
function streamDownloads(marks: CorrelationInput['marks'], analysis: ModuleAnalysis, network: (n: Node) => unknown): Array<{ write: Marked<'sink'>; path: string }> {
  const isStream = (m: Marked<'sink'>) => m.fact.sink === 'write' && !!m.fact.target && !m.fact.permissionsOnly && m.fact.payload.length === 0;
  if (!marks.all('sink').some(isStream)) return [];
  const streams = marks.marker('sink', isStream);
  const { index, flow } = analysis;
  // The write stream a value holds: the stream itself, or a name bound to it (`const out = fs.createWriteStream(p)`).
  const streamIn = (node: Node | undefined, fn: number): Array<Marked<'sink'>> | undefined => {
    if (!node) return undefined;
    const n = unwrapChain(node);
    if (n.type !== 'Identifier') return streams(n);
    const bound = index.binding(n.name, fn);
    return bound?.values.flatMap(v => streams(v.node) ?? []).filter((m, k, all) => all.indexOf(m) === k);
  };
  const out: Array<{ write: Marked<'sink'>; path: string }> = [];
  index.calls.forEach((call, i) => {
    const fn = index.callFns[i];
    const callee = calleeOf(call);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    const args = call.arguments;
    const piped = method === 'pipe' && callee.type === 'MemberExpression';
    const to = piped ? args[0] : lastValue(args);
    if (!to || to.type === 'SpreadElement' || (!piped && args.length < 2)) return;
    const files = streamIn(to as Node, fn);
    if (!files?.length) return;
    const from = piped ? (callee.object as Node) : (args[0] as Node);
    if (!piped && !isPipeline(call, fn, analysis)) return;
    if (from.type === 'SpreadElement' || flow.origins(from, fn, network).length === 0) return;
    for (const write of files) out.push({ write, path: index.sourceOf(write.fact.target!) });
  });
  return out;
}

/** The last argument that is not a callback (`pipeline(a, b, out, done)`). */
function lastValue(args: CallLike['arguments']): CallLike['arguments'][number] | undefined {
  for (let k = args.length - 1; k >= 0; k--) if (!isFunction(args[k] as Node)) return args[k];
  return undefined;
}

/** `stream.pipeline(…)`, `pipeline(…)` from `stream` or `stream/promises`, whatever the bundler named it. */
function isPipeline(call: CallLike, fn: number, analysis: ModuleAnalysis): boolean {
  const callee = calleeOf(call);
  if ((callee.type === 'Identifier' ? callee.name : propertyName(callee)) === 'pipeline') return true;
  const ref = calleeRefOf(call, analysis.lookup(fn));
  return ref?.module === 'stream' && ref.path[ref.path.length - 1] === 'pipeline';
}
