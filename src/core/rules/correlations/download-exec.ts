// Download and run: code or a command whose value comes from a network response is evaluated
// or run (high), or a downloaded file is written and then run from the same path (medium: a
// self-updater does this by design). Followed backwards from the eval, the process start and
// the write through names, response methods (`await r.text()`) and same-module calls.
import { draftOf, type Draft } from '../findings';
import type { CorrelationRule, ModuleAnalysis, ReportDescriptor } from '../types';
import { shellScript, type ShellCommand, type ShellWord } from '../../shell/commands';
import type { Marked } from './marks';
import type { Correlator, CorrelationInput } from './types';
import { callSteps, inOrder, stepAt } from './shared';
import { calleeOf, isFunction, propertyKeyName, propertyName, staticString, unwrapChain, type CallLike, type Node } from '../../js/ast';
import type { Span } from '../../model';
import { isInlineCodeOption, programName } from '../util/process';
import { calleeRefOf, lookupAt, moduleRefOf } from '../../js/modules';
import { encloses, MODULE, settledValue, type ModuleIndex } from '../../js/moduleIndex';
import type { CallStep } from '../../js/callgraph';
import { CALL_DEPTH, type Reached } from '../../js/flow';

export const downloadExec: CorrelationRule = {
  meta: {
    id: 'download-exec',
    category: 'execution',
    severity: 'high',
    title: 'Downloads and runs code',
    description: 'Code, or the program or shell command to run, comes from a network response or a socket message (high); a program run with arguments from a network response, or a downloaded file written and run from the same path (medium: updaters do this).',
    messages: {
      runs: 'Runs {{what}} that comes from a network response ({{how}})',
      received: 'Runs {{what}} sent by a client of a server it listens on ({{how}})',
      arguments: 'Runs a program with arguments that come from a network response ({{how}})',
      writeRun: 'Writes a download to {{path}} and runs it ({{how}})',
      unpackRun: 'Unpacks a downloaded archive into {{path}} and runs a program from it ({{how}})',
      replacesSelf: 'Replaces its own program file (process.execPath) with a download ({{how}}): the next start runs it',
    },
  },
  needs: ['network-call', 'file-write', 'child-process', 'dynamic-code'],
};

export const downloadExecCorrelator: Correlator = {
  rules: [downloadExec],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    const sinks = marks.all('sink');
    if (!sinks.some(s => s.fact.sink === 'network' && !s.fact.addressOnly)) return { added };
    // An address a DNS lookup gives is no content a program could run or take as a command.
    const network = marks.marker('sink', m => m.fact.sink === 'network' && !m.fact.addressOnly);
    const fetched = (values: readonly Node[], s: Marked<'sink'>) => values.flatMap(p => analysis.flow.origins(p, s.draft.fn, network));
    // Arguments: a server's text that only names a file in a folder of the tool's own
    // (`tar xzf join(dir, \`fd-v${latest}.tar.gz\`)`) chooses no argument; it is not followed.
    const inArguments = (node: Node, fn: number) => network(node) ?? (isFileNameUnderLocalFolder(node, fn, analysis, network) ? FILE_NAME : undefined);
    const fetchedArguments = (values: readonly Node[], s: Marked<'sink'>) =>
      values.flatMap(p => analysis.flow.origins(p, s.draft.fn, inArguments)).flatMap(r => (r.mark === FILE_NAME ? [] : [{ ...r, mark: r.mark }]));
    const downloads: Array<{ write: Marked<'sink'>; path: string; entries?: ReadonlySet<CallLike> }> = [];
    const runs: Array<{ sink: Marked<'sink'>; code: boolean; reached: Array<Reached<Array<Marked<'sink'>>>> }> = [];
    for (const s of sinks) {
      if (s.fact.sink === 'eval' || s.fact.sink === 'exec') {
        // Code to evaluate, or the program or command to run, from the network: high. Only the
        // arguments of a fixed program (`npm install -g <latest version>`): an updater, medium.
        // A program whose path only takes a server's text as a file name under a folder of the tool's
        // own (`join(binDir, \`tool-${latest}\`)`, an updater's new build) runs a file it chose there,
        // not a command the server sent: what was written there is writeRun's question, below.
        // So is the line a shell or interpreter is given inline (`execFile("sh", ["-c", text])`): its code.
        // A shell's line that starts with a fixed program other than an interpreter (`exec(\`npm
        // install -g tool@${latest}\`)`) takes the response as that program's arguments, as an
        // interpreter's inline line does.
        const lineArguments = s.fact.sink === 'exec' && !!s.fact.shellLine && startsWithFixedProgram(s);
        const target = s.fact.target && !lineArguments ? [s.fact.target] : [];
        const code = s.fact.sink === 'eval' ? fetched(s.fact.payload, s) : [...fetchedArguments(target, s), ...fetched(inlineCode(s, analysis.index), s)];
        const given = lineArguments && s.fact.target ? [s.fact.target, ...s.fact.payload] : s.fact.payload;
        const args = s.fact.sink === 'exec' && code.length === 0 ? fetchedArguments(given, s) : [];
        const reached = code.length ? code : args;
        if (reached.length) runs.push({ sink: s, code: code.length > 0, reached });
      } else if (s.fact.sink === 'write' && s.fact.target) {
        const ways = fetched(s.fact.payload, s);
        if (ways.length) {
          const entered = entriesOf(ways, s, analysis.index);
          downloads.push({ write: s, path: pathAtCaller(s.fact.target, s.draft.fn, entered.entries, analysis) ?? analysis.index.sourceOf(s.fact.target), ...entered });
        }
      }
    }
    // A wrapper's call is a process start of its own (`runShell(msg.command)`): the start inside
    // the wrapper, reached only through such a call, is the same run, told once at the call.
    const runCalls = new Set(runs.map(r => r.sink.draft.start));
    const reported = new Set<Marked<'sink'>>();
    for (const { sink: s, code, reached } of runs) {
      if (onlyThroughOtherStarts(reached, runCalls, s)) continue;
      const requests = [...new Set(reached.flatMap(r => r.mark))];
      reported.add(s);
      added.push(
        draftOf(downloadExec.meta, {
          node: s.draft,
          messageId: code ? (requests.every(r => r.fact.listens) ? 'received' : 'runs') : 'arguments',
          data: { what: s.fact.sink === 'eval' ? 'code' : 'a command', how: s.fact.detail ?? s.draft.ruleId },
          severity: code ? 'high' : 'medium',
          evidence: [...new Set([...s.draft.evidence, ...requests.flatMap(r => r.draft.evidence)])],
          related: inOrder([...requests.map(r => stepAt(r.draft)), ...reached.flatMap(r => callSteps(r.calls, analysis, 'the response passes'))]),
        }, s.draft.fn),
      );
    }
    for (const s of streamDownloads(marks, analysis, network)) if (!downloads.some(d => d.write === s.write)) downloads.push(s);
    // Where each write's path is made, asked of the same writes by several steps below: once each.
    const madeCache = new Map<Marked<'sink'>, Made>();
    const madeOf: MadeOf = w => {
      let m = madeCache.get(w);
      if (!m) madeCache.set(w, (m = whereMade(w.fact.target!, w.draft.fn, analysis)));
      return m;
    };
    // The same, through only the calls into the helper that write a download (see entriesOf).
    const entriesCache = new Map<Marked<'sink'>, Made>();
    const madeOfEntries = (w: Marked<'sink'>, entries: ReadonlySet<CallLike>): Made => {
      let m = entriesCache.get(w);
      if (!m) entriesCache.set(w, (m = whereMade(w.fact.target!, w.draft.fn, analysis, entries)));
      return m;
    };
    let unpacked = unpackedDownloads(downloads, sinks, analysis, network, madeOf);
    if (downloads.length === 0 && unpacked.length === 0) return { added };
    const before = downloads.length;
    const moved = movedDownloads(downloads, sinks, analysis, madeOf, unpacked);
    // A download moved before it is unpacked (`fs.move(tmp, archive)`, then `tar xf archive`):
    // the archives again, now that the moves hold downloads too.
    if (downloads.length > before) {
      const known = new Set(unpacked.map(u => u.call.start));
      unpacked = [...unpacked, ...unpackedDownloads(downloads, sinks, analysis, network, madeOf).filter(u => !known.has(u.call.start))];
    }
    // A download written or moved over the running program's own file (`rename(fresh,
    // process.execPath)`): the next start runs it.
    for (const d of downloads) {
      const target = d.write.fact.target;
      if (!target || d.write.fact.permissionsOnly || !namesExecPath(target, d.write.draft.fn, analysis.index)) continue;
      const from = moved.get(d.write) ?? [];
      added.push(
        draftOf(downloadExec.meta, {
          node: d.write.draft,
          messageId: 'replacesSelf',
          data: { how: d.write.fact.detail ?? d.write.draft.ruleId },
          severity: 'medium',
          evidence: [...new Set([...from.flatMap(w => w.draft.evidence), ...d.write.draft.evidence, 'target process.execPath'])],
          related: inOrder(from.map(w => stepAt(w.draft))),
        }, d.write.draft.fn),
      );
    }
    // A download is run when the program a process start runs is the written file's value:
    // the same path made once (a name, a module constant, a helper's return), in this function
    // or another of the module. Equal text is not enough, and a file only handed to a fixed
    // program (`tar -xzf <file>`) is not run.
    const writes = sinks.filter(s => s.fact.sink === 'write' && s.fact.target);
    const madeAt = new Map(writes.map(w => [w, madeOf(w)]));
    const made = new Set([...madeAt.values()].flatMap(m => [...m.nodes]));
    const runsOfDownloads: Array<{ run: Marked<'sink'>; ran: { write: Marked<'sink'>; path: string }; onPath: Array<Marked<'sink'>>; through?: Array<Reached<true>> }> = [];
    const unpackRuns: Array<{ run: Marked<'sink'>; from: Unpacked }> = [];
    for (const run of sinks) {
      if (run.fact.sink !== 'exec' || reported.has(run)) continue;
      const { commands, files, programAt } = ranValues(run);
      if (commands.length === 0 && files.length === 0) continue;
      // From the program or command (a command may be built around the path) back to where a written path is made.
      const reachedMade = commands.flatMap(v => analysis.flow.origins(v, run.draft.fn, n => (made.has(n) ? true : undefined), CALL_DEPTH, programAt));
      const ranAt = new Set(reachedMade.map(r => madeKey(r, analysis.index)));
      // A script given to an interpreter is the file itself, not a command line that mentions it.
      for (const f of files) for (const k of whereMade(f, run.draft.fn, analysis).keys) ranAt.add(k);
      const source = (n: Node) => analysis.index.sourceOf(n);
      // The same expression written twice in one function is the same path too.
      const reaches = (w: Marked<'sink'>, made: Made = madeAt.get(w)!) =>
        [...made.keys].some(k => ranAt.has(k)) || (w.draft.fn === run.draft.fn && [...commands, ...files].some(v => source(v) === source(w.fact.target!)));
      // A download written by a shared helper only when some callers pass it (`x8(dest, body)`) is
      // in the file those callers name: another caller's file (`x8(O, "")`) holds no download.
      const ran = downloads.filter(d => reaches(d.write, d.entries ? madeOfEntries(d.write, d.entries) : undefined));
      if (ran.length === 0) {
        // A program of the folder a downloaded archive was unpacked into (`join(dir, "tool")`).
        const from = unpacked.length ? unpackedRun([...commands.map(node => ({ node, path: programAt })), ...files.map(node => ({ node }))], run.draft.fn, unpacked, analysis) : undefined;
        if (from) unpackRuns.push({ run, from });
        continue;
      }
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
      if (through?.length && onlyThroughOtherStarts(through, startsFound, run)) continue;
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
    for (const { run, from } of unpackRuns) {
      added.push(
        draftOf(downloadExec.meta, {
          node: run.draft,
          messageId: 'unpackRun',
          data: { path: analysis.index.sourceOf(from.dest), how: run.fact.detail ?? run.draft.ruleId },
          severity: 'medium',
          evidence: [...new Set([...from.downloads.flatMap(w => w.draft.evidence), `unpacks ${from.how}`, ...run.draft.evidence])],
          related: inOrder([...from.downloads.map(w => stepAt(w.draft)), { start: from.call.start, end: from.call.end, message: `the archive is unpacked here (${from.how})` }]),
        }, run.draft.fn),
      );
    }
    return { added };
  },
};

/** Where a path is made (see whereMade): the nodes, and keys two searches can compare. */
type Made = { nodes: Set<Node>; keys: Set<string> };
/** whereMade of a write's path, asked once per write. */
type MadeOf = (w: Marked<'sink'>) => Made;

/**
 * Whether every way a value took to a start passes through the call of another start found
 * (a wrapper's call, `runShell(msg.command)`): the start inside the wrapper is that run, told
 * once, at the call.
 */
function onlyThroughOtherStarts(ways: ReadonlyArray<{ calls: readonly CallStep[] }>, starts: ReadonlySet<number>, self: Marked<'sink'>): boolean {
  return ways.every(r => r.calls.some(c => starts.has(c.call.start) && c.call.start !== self.draft.start));
}

/** A downloaded archive unpacked into a folder: the call that unpacks it, and the downloads it came from. */
interface Unpacked {
  /** The unpacking call (a process start or a library call). */
  call: Span;
  dest: Node;
  how: string;
  downloads: Array<Marked<'sink'>>;
  /** Where the folder is made (whereMade keys). */
  keys: Set<string>;
  /** The members the call takes out of the archive, when it names them (`tar -xzf A fzf`); otherwise all. */
  members?: string[];
}

/** Libraries that unpack an archive (see libraryUnpack): their import, and the arguments a call that unpacks gives. */
const UNPACK_LIBRARIES: ReadonlyArray<{ imported: RegExp; shaped: (args: readonly Node[]) => boolean }> = [
  // `tar.x({ file, cwd })`: options first.
  { imported: /["']tar["']/, shaped: args => args.length > 0 && unwrapChain(args[0]).type === 'ObjectExpression' },
  // `extractZip(archive, { dir })`, `decompress(archive, dest)`: two arguments at least.
  { imported: /["'](?:extract-zip|decompress)["']/, shaped: args => args.length >= 2 },
];

/** Programs that unpack the archive they are given, and how each names the archive and the folder. */
const UNPACKERS = new Set(['tar', 'bsdtar', 'gtar', 'unzip', 'ditto', '7z', '7za']);

/**
 * Archives unpacked into a folder, each as found: a program given an argument list (`tar -xzf
 * A -C D`, `unzip A -d D`, `ditto -x -k A D`), or a library (`tar.x({ file: A, cwd: D })`, a
 * stream piped into `tar.x({ cwd: D })`, `extractZip(A, { dir: D })`, `decompress(A, D)`). Only
 * those whose archive is made where a download is written count.
 */
function unpackedDownloads(downloads: ReadonlyArray<{ write: Marked<'sink'> }>, sinks: ReadonlyArray<Marked<'sink'>>, analysis: ModuleAnalysis, network: (n: Node) => Array<Marked<'sink'>> | undefined, madeOf: MadeOf): Unpacked[] {
  const found: Array<{ call: Span; archive: Node; dest: Node; fn: number; how: string; members?: string[] }> = [];
  for (const s of sinks) {
    if (s.fact.sink !== 'exec') continue;
    // A shell's line may unpack after another command (`mkdir -p D && tar -xzf A -C D`).
    const heads = s.fact.payload.length ? (s.fact.programs ?? []) : [...(s.fact.programs ?? []), ...lineHeads(s.fact.detail ?? "")];
    const program = heads.map(p => programName(p.split(/\s+/)[0] ?? '')).find(p => UNPACKERS.has(p));
    if (!program) continue;
    // An argument list (`execFile("unzip", [a, "-d", d])`), or a shell's line (`exec(\`unzip "${a}" -d "${d}"\`)`).
    const words = s.fact.payload.length ? s.fact.payload.map(a => staticString(a) ?? a) : s.fact.target ? (listWords(s.fact) ?? lineWords(s.fact.target, s.draft.fn, analysis.index, program)) : undefined;
    const parts = words && unpackerArguments(program, words, s.fact.cwd);
    if (parts) found.push({ call: s.draft, ...parts, fn: s.draft.fn, how: program });
  }
  const { index } = analysis;
  // The libraries are found by their import, which names them in the text. Only a call of the
  // shape libraryUnpack reads is resolved: resolving every call's callee cost a second of a 13 MB bundle.
  const libraries = UNPACK_LIBRARIES.filter(l => l.imported.test(index.text));
  if (libraries.length) index.calls.forEach((call, i) => {
    const args = call.arguments.filter(a => a.type !== 'SpreadElement') as Node[];
    if (!libraries.some(l => l.shaped(args))) return;
    const fn = index.callFns[i];
    // The module itself may be the function (`extractZip(a, { dir })`, `decompress(a, d)`).
    const ref = moduleRefOf(calleeOf(call), lookupAt(index, fn));
    if (!ref) return;
    const parts = libraryUnpack(call, args, ref.module, ref.path, index, fn);
    if (parts) found.push({ call, ...parts, fn, how: `${ref.module}${ref.path.length ? `.${ref.path.join('.')}` : ''}` });
  });
  if (found.length === 0) return [];
  const written = downloads.map(d => ({ write: d.write, keys: madeOf(d.write).keys }));
  const out: Unpacked[] = [];
  for (const f of found) {
    const archive = whereMade(f.archive, f.fn, analysis).keys;
    const from = written.filter(w => [...w.keys].some(k => archive.has(k))).map(w => w.write);
    // Or the archive's bytes are the response itself (`tar.x({ cwd }).end(buffer)`).
    if (from.length === 0) from.push(...new Set(analysis.flow.origins(f.archive, f.fn, network).flatMap(r => r.mark)));
    if (from.length) out.push({ call: f.call, dest: f.dest, how: f.how, downloads: from, keys: whereMade(f.dest, f.fn, analysis).keys, ...(f.members ? { members: f.members } : {}) });
  }
  return out;
}

/**
 * The words of a shell's line after `program`, up to the next `&&`, `;` or `|`: fixed text as
 * strings, a value that is a whole word (`"${zip}"`, `+ dir +`) as its node. A word that mixes
 * the two (`-o${dir}`) is neither: a word no option matches, kept so the others keep their
 * places. Undefined when the line does not run `program` as a command of its own.
 */
function lineWords(target: Node, fn: number, index: ModuleIndex, program: string): Array<string | Node> | undefined {
  let line = unwrapChain(target);
  if (line.type === 'Identifier') line = settledValue(index, line.name, fn)?.node ?? line;
  const parts: Array<string | Node> = [];
  const flatten = (n: Node): boolean => {
    n = unwrapChain(n);
    const text = staticString(n);
    if (text !== undefined) return void parts.push(text), true;
    if (n.type === 'TemplateLiteral') {
      n.quasis.forEach((q, i) => {
        parts.push(q.value.cooked ?? '');
        if (i < n.expressions.length) parts.push(n.expressions[i] as Node);
      });
      return true;
    }
    if (n.type === 'BinaryExpression' && n.operator === '+') return flatten(n.left as Node) && flatten(n.right as Node);
    // A value may fill a word, never name the program.
    if (parts.length === 0) return false;
    parts.push(n);
    return true;
  };
  if (!flatten(line) || typeof parts[0] !== 'string') return undefined;
  // Read as core/shell reads a script, each value standing in as a marker no script holds: a
  // word that is one marker is that value; one that mixes a marker with text is neither.
  const values: Node[] = [];
  const text = parts.map(p => (typeof p === 'string' ? p : `\uE000${values.push(p) - 1}\uE001`)).join('');
  const command = shellScript(text).commands.find(c => programName(c.words[0]?.text ?? '') === program);
  if (!command) return undefined;
  return command.words.slice(1).map(w => {
    const whole = /^\uE000(\d+)\uE001$/.exec(w.text);
    return whole ? values[Number(whole[1])] : w.text.includes('\uE000') ? '\0' : w.text;
  });
}

/** The arguments of a command given as one list, program first (`run(["tar", "-xf", a], { cwd: d })`). */
function listWords(fact: Marked<'sink'>['fact']): Array<string | Node> | undefined {
  const list = fact.listTarget && fact.target ? unwrapChain(fact.target) : undefined;
  if (list?.type !== 'ArrayExpression' || list.elements.some(e => !e || e.type === 'SpreadElement')) return undefined;
  return (list.elements.slice(1) as Node[]).map(e => staticString(e) ?? e);
}

/** The first word of each command of a spelled shell line (`mkdir -p * && tar -xzf *`: mkdir, tar). */
function lineHeads(line: string): string[] {
  return shellScript(line).commands.flatMap(c => (c.words[0] ? [c.words[0].text] : []));
}

/** The archive and the folder of an unpacking program's argument list, when both are given: fixed words as text, values as nodes. */
function unpackerArguments<T extends object>(program: string, args: ReadonlyArray<string | T>, cwd?: T): { archive: T; dest: T; members?: string[] } | undefined {
  const words = args.map(a => (typeof a === 'string' ? a : undefined));
  const at = (i: number) => { const a = args[i]; return i >= 0 && typeof a !== 'string' ? a : undefined; };
  const after = (...options: string[]) => at(words.findIndex(w => w !== undefined && options.includes(w)) + 1);
  const values = args.filter((a): a is T => typeof a !== 'string');
  switch (program) {
    case 'tar':
    case 'bsdtar':
    case 'gtar': {
      if (!words.some(w => w !== undefined && (/^-?[a-z]*x[a-z]*$/i.test(w) || w === '--extract'))) return undefined;
      // `-xzf A`, `-f A`, `--file A`: the archive follows the option ending in f.
      const archive = at(words.findIndex(w => w !== undefined && (/^-?[a-z]*f$/i.test(w) || w === '--file')) + 1);
      // Without -C, into the folder it runs in (`{ cwd: dir }`).
      const dest = after('-C', '--directory', '--cd') ?? cwd;
      // Names after the archive take only those members out (`tar -xzf A fzf`).
      const members = archive ? namedMembers(words.slice(args.indexOf(archive) + 1), ['-C', '--directory', '--cd']) : undefined;
      return archive && dest ? { archive, dest, ...(members ? { members } : {}) } : undefined;
    }
    case 'unzip': {
      const dest = after('-d') ?? cwd;
      const archive = values.find(v => v !== dest);
      const members = archive ? namedMembers(words.slice(args.indexOf(archive) + 1), ['-d', '-x']) : undefined;
      return archive && dest ? { archive, dest, ...(members ? { members } : {}) } : undefined;
    }
    case 'ditto':
      // `ditto -x -k A D`.
      return words.includes('-x') && values.length === 2 ? { archive: values[0], dest: values[1] } : undefined;
    default: {
      // `7z x A -oD` names the folder inside the option: not followed.
      return undefined;
    }
  }
}

/**
 * The fixed member names an unpack command lists after its archive, skipping options and the
 * words they take; undefined when it names none or one is not fixed (a value, a wildcard).
 */
function namedMembers(after: ReadonlyArray<string | undefined>, withValue: readonly string[]): string[] | undefined {
  const members: string[] = [];
  for (let i = 0; i < after.length; i++) {
    const w = after[i];
    if (w === undefined || /[*?[]/.test(w)) return undefined;
    if (withValue.includes(w)) i++;
    else if (!w.startsWith('-')) members.push(w.replace(/^\.\//, '').split('/')[0]);
  }
  return members.length ? members : undefined;
}

/** An unpacking library call's archive and folder (see unpackedDownloads); `args`: its arguments but spreads. */
function libraryUnpack(call: CallLike, args: readonly Node[], module: string, path: readonly string[], index: ModuleIndex, fn: number): { archive: Node; dest: Node } | undefined {
  const last = path[path.length - 1];
  if (module === 'tar' && (last === 'x' || last === 'extract')) {
    const options = args[0] && unwrapChain(args[0]);
    if (options?.type !== 'ObjectExpression') return undefined;
    const dest = optionValue(options, ['cwd', 'C']);
    const archive = optionValue(options, ['file', 'f']) ?? pipedFrom(call, index, fn) ?? fedWith(call, index, fn);
    return archive && dest ? { archive, dest } : undefined;
  }
  if ((module === 'extract-zip' && path.length === 0) || (module === 'decompress' && path.length === 0)) {
    const options = args[1] && unwrapChain(args[1]);
    const dest = module === 'decompress' ? args[1] : options?.type === 'ObjectExpression' ? optionValue(options, ['dir']) : undefined;
    return args[0] && dest ? { archive: args[0], dest } : undefined;
  }
  return undefined;
}

/** A property of an options object written out (`{ cwd: dir }`, `{ dir }`). */
function optionValue(options: Node & { type: 'ObjectExpression' }, keys: readonly string[]): Node | undefined {
  for (const p of options.properties) if (p.type === 'Property' && keys.includes(propertyKeyName(p) ?? '')) return p.value as Node;
  return undefined;
}

/**
 * The file a stream call reads, when the call is the end of a pipe from one: `fs.createReadStream(A)
 * .pipe(zlib.createGunzip()).pipe(tar.x(…))`, or `pipeline(fs.createReadStream(A), …, tar.x(…))`.
 */
function pipedFrom(call: CallLike, index: ModuleIndex, fn: number): Node | undefined {
  const source = (n: Node | undefined): Node | undefined => {
    for (let x = n ? unwrapChain(n) : undefined, k = 0; x && k < 8; k++) {
      if (x.type !== 'CallExpression') return undefined;
      const callee = calleeOf(x);
      const ref = calleeRefOf(x, lookupAt(index, fn));
      if (ref?.module === 'fs' && ref.path[ref.path.length - 1] === 'createReadStream') return x.arguments[0] as Node | undefined;
      // Up a `.pipe(…)` chain to the stream it starts from.
      x = callee.type === 'MemberExpression' && propertyName(callee) === 'pipe' ? unwrapChain(callee.object as Node) : undefined;
    }
    return undefined;
  };
  for (const [i, other] of index.calls.entries()) {
    if (index.callFns[i] !== fn || other.start > call.start || other.end < call.end) continue;
    const callee = calleeOf(other);
    // `x.pipe(tar.x(…))`: what x reads.
    if (callee.type === 'MemberExpression' && propertyName(callee) === 'pipe' && other.arguments[0] === call) return source(callee.object as Node);
    // `pipeline(read, …, tar.x(…))`.
    if (other.arguments.includes(call as never) && other.arguments[0] !== call) {
      const first = source(other.arguments[0] as Node);
      if (first) return first;
    }
  }
  return undefined;
}

/** The bytes written into a stream a name holds (`const s = tar.x({ cwd }); s.end(buffer)`). */
function fedWith(call: CallLike, index: ModuleIndex, fn: number): Node | undefined {
  for (const [i, other] of index.calls.entries()) {
    if (index.callFns[i] !== fn || other.start < call.end) continue;
    const callee = calleeOf(other);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    if ((method !== 'end' && method !== 'write') || other.arguments.length === 0 || callee.type !== 'MemberExpression') continue;
    const receiver = unwrapChain(callee.object as Node);
    if (receiver.type !== 'Identifier') continue;
    const bound = index.binding(receiver.name, fn);
    if (bound?.values.some(v => unwrapChain(v.node) === call) && other.arguments[0].type !== 'SpreadElement') return other.arguments[0] as Node;
  }
  return undefined;
}

/** The path is `process.execPath` itself, or a name bound once to it (not `execPath + ".new"`). */
function namesExecPath(target: Node, fn: number, index: ModuleIndex): boolean {
  const n = unwrapChain(target);
  if (isExecPath(n)) return true;
  if (n.type !== 'Identifier') return false;
  const value = settledValue(index, n.name, fn);
  return !!value && isExecPath(unwrapChain(value.node));
}

/** `process.execPath`, the global process's: the file of the program running. */
function isExecPath(n: Node): boolean {
  if (n.type !== 'MemberExpression' || n.computed || propertyName(n) !== 'execPath') return false;
  const owner = unwrapChain(n.object as Node);
  return owner.type === 'Identifier' && owner.name === 'process';
}

/** The unpacked folder a process start runs a program of (`join(dir, "tool")`, `${dir}/tool`), if any. */
function unpackedRun(values: ReadonlyArray<{ node: Node; path?: readonly string[] }>, fn: number, unpacked: readonly Unpacked[], analysis: ModuleAnalysis): Unpacked | undefined {
  for (const v of values) {
    const { keys, names } = folderKeys(v.node, fn, analysis, v.path);
    // An archive whose named members were taken out holds only those (`tar -xzf A fzf`: not `dir/gopls`).
    const hit = unpacked.find(u => [...u.keys].some(k => keys.has(k)) && (!u.members || names.every(n => n === undefined || u.members!.includes(n))));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Where the folders a path is made in are made: the first part of each `path.join`/`resolve`
 * call, template or `+` the value flows from (whereMade keys), so `join(dir, "tool")` is under
 * whatever `dir` is.
 */
function folderKeys(value: Node, fn: number, analysis: ModuleAnalysis, path?: readonly string[], depth = 0): { keys: Set<string>; names: Array<string | undefined> } {
  const { flow, index } = analysis;
  const keys = new Set<string>();
  // The first name under the folder, where it is fixed (`join(dir, "gopls")`: gopls).
  const names: Array<string | undefined> = [];
  const under = (n: Node): string | undefined => {
    let text: string | undefined;
    if (n.type === 'CallExpression') {
      const next = n.arguments[1];
      text = next && next.type !== 'SpreadElement' ? staticString(next as Node) : undefined;
    } else if (n.type === 'TemplateLiteral') {
      text = n.quasis[1]?.value.cooked ?? undefined;
    }
    const name = text?.replace(/^[\\/]+/, '').split(/[\\/]/)[0];
    return name || undefined;
  };
  const joined = (n: Node, at: number): Node | undefined => {
    if (n.type === 'CallExpression') {
      const ref = calleeRefOf(n, lookupAt(index, at));
      return ref?.module === 'path' && ['join', 'resolve'].includes(ref.path[ref.path.length - 1] ?? '') && n.arguments[0] && n.arguments[0].type !== 'SpreadElement' ? (n.arguments[0] as Node) : undefined;
    }
    if (n.type === 'TemplateLiteral') return n.quasis[0]?.value.cooked === '' && n.expressions[0] ? (n.expressions[0] as Node) : undefined;
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      let left: Node = n.left as Node;
      while (left.type === 'BinaryExpression' && left.operator === '+') left = left.left as Node;
      return staticString(left) === undefined ? left : undefined;
    }
    return undefined;
  };
  for (const r of flow.origins(value, fn, (n, at) => { const root = joined(n, at); return root && { root, name: under(n) }; }, CALL_DEPTH, path)) {
    names.push(r.mark.name);
    for (const k of whereMade(r.mark.root, r.fn, analysis).keys) keys.add(k);
    // The folder may itself be made under another (`join(resolve(join(dir, "app")), "bin")`, a
    // helper given `join(dir, "app")`): under that one too. Only the first level names a member.
    if (depth < MAX_FOLDER_DEPTH) for (const k of folderKeys(r.mark.root, r.fn, analysis, undefined, depth + 1).keys) keys.add(k);
  }
  return { keys, names };
}

/** Folders within folders followed from a program's path (see folderKeys). */
const MAX_FOLDER_DEPTH = 3;

/** A write that moves or copies a file: its payload is the file it takes (see file-write's FROM_TO). */
const MOVES = /^call fs\.(?:promises\.)?(?:rename|renameSync|copyFile|copyFileSync|cp|cpSync|copy|copySync|move|moveSync)$/;

/**
 * Downloads moved or copied onto another path (`writeFile(tmp, body); rename(tmp, dest)`): the
 * new path holds the download, so its move joins `downloads` (in place), and the map gives each
 * move the writes it came from. Followed as values, like the writes themselves: the path moved
 * is made where the download's path is. A few rounds for a move of a move.
 */
function movedDownloads(downloads: Array<{ write: Marked<'sink'>; path: string }>, sinks: ReadonlyArray<Marked<'sink'>>, analysis: ModuleAnalysis, madeOf: MadeOf, unpacked: readonly Unpacked[]): Map<Marked<'sink'>, Array<Marked<'sink'>>> {
  const from = new Map<Marked<'sink'>, Array<Marked<'sink'>>>();
  const moves = sinks.filter(s => s.fact.sink === 'write' && s.fact.target && s.fact.payload.length === 1 && s.draft.evidence.some(e => MOVES.test(e)));
  if (moves.length === 0) return from;
  const keys = (w: Marked<'sink'>): Set<string> => madeOf(w).keys;
  // Where each move's source path is made: the same in every round.
  const takenAt = new Map(moves.map(m => [m, whereMade(m.fact.payload[0], m.draft.fn, analysis).keys]));
  for (let round = 0; round < 3; round++) {
    let grew = false;
    for (const m of moves) {
      if (downloads.some(d => d.write === m)) continue;
      const taken = takenAt.get(m)!;
      const sources = downloads.filter(d => [...keys(d.write)].some(k => taken.has(k))).map(d => d.write);
      // A file of a folder a downloaded archive was unpacked into (`rename(join(dir, "app"), dest)`).
      if (sources.length === 0 && unpacked.length) {
        const from = unpackedRun([{ node: m.fact.payload[0] }], m.draft.fn, unpacked, analysis);
        if (from) sources.push(...from.downloads);
      }
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
function ranValues(run: Marked<'sink'>): { commands: Node[]; files: Node[]; programAt?: readonly string[] } {
  const { target, payload, programs, listTarget } = run.fact;
  // A program named by a path (`~/.t/bin/t`, spelled from joins) may be a file this code wrote.
  const computed = !programs || programs.some(p => p.includes('*') || /^(?:~|\.{0,2})[/\\]|^[A-Za-z]:[/\\]/.test(p));
  const runner = !!programs?.some(p => RUNNERS.has(programName(p)));
  // A command given as one list, program first (`run(["tar", "-xf", archive])`): its program is element 0, the rest only arguments.
  return { commands: computed && target ? [target] : [], files: runner ? scriptArgument(payload) : [], ...(listTarget ? { programAt: ['0'] } : {}) };
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

/**
 * The code a shell or interpreter is given on its command line (`sh -c LINE`, `node -e CODE`,
 * `powershell -Command …`): the argument after the inline-code option, when the program is one
 * that runs what it is given.
 */
function inlineCode(run: Marked<'sink'>, index: ModuleIndex): Node[] {
  const { payload, programs } = run.fact;
  if (!programs?.some(p => RUNNERS.has(programName(p)))) return [];
  for (let i = 0; i + 1 < payload.length; i++) {
    const option = staticString(payload[i]);
    // A line that starts with a fixed program (`"npm install -g x@" + latest`) takes the response as
    // that program's arguments: the medium case, not code from the network.
    if (option !== undefined && isInlineCodeOption(option)) return startsWithFixedWord(payload[i + 1], run.draft.fn, index) ? [] : [payload[i + 1]];
  }
  return [];
}

/** A shell line whose every spelled command starts with a fixed program that runs no code it is given (`npm`, not `sh` or `node`). */
function startsWithFixedProgram(run: Marked<'sink'>): boolean {
  const programs = run.fact.programs;
  return !!programs?.length && programs.every(p => p !== '*' && !p.includes('*') && !RUNNERS.has(programName(p)) && !LINE_RUNNERS.has(programName(p)));
}

/** Programs a shell line starts that run the words after them as a command or script (`sudo ${cmd}`, `npx ${pkg}`, `expect -c …`). */
const LINE_RUNNERS = new Set(['expect', 'tclsh', 'php', 'lua', 'awk', 'gawk', 'busybox', 'sudo', 'doas', 'su', 'env', 'eval', 'exec', 'nohup', 'nice', 'time', 'timeout', 'xargs', 'command', 'source', '.', 'npx', 'bunx', 'pnpx', 'runas', 'start-process', 'invoke-expression', 'iex']);

/** A template or `+` chain (or a name bound once to one) whose first part is fixed text with a word in it (`npm install …`). */
function startsWithFixedWord(node: Node, fn: number, index: ModuleIndex): boolean {
  let n = unwrapChain(node);
  if (n.type === 'Identifier') {
    const value = settledValue(index, n.name, fn);
    if (!value) return false;
    n = unwrapChain(value.node);
    node = n;
  }
  while (n.type === 'BinaryExpression' && n.operator === '+') n = unwrapChain(n.left as Node);
  const head = n.type === 'TemplateLiteral' ? n.quasis[0]?.value.cooked : n === unwrapChain(node) ? undefined : staticString(n);
  return !!head && /^\s*[\w./-]+/.test(head);
}

/** PowerShell options followed by their value (`-ExecutionPolicy Bypass`), not by the script. */
const OPTION_WITH_VALUE = new Set(['-executionpolicy', '-windowstyle', '-version', '-configurationname', '-workingdirectory']);

/**
 * Where a path value is made: followed back through names, fields, parameters and helpers'
 * returns (kept whole) to the expressions that build it (`path.join(…)`, a template, a
 * literal), or to a parameter nobody in the module passes. Two paths that meet at one of these
 * are the same file.
 */
function whereMade(value: Node, fn: number, analysis: ModuleAnalysis, entries?: ReadonlySet<CallLike>): Made {
  const { flow, graph, index } = analysis;
  // A leaf reached for a property (`job.log` from the parameter `job`) is made apart from its
  // other properties (`job.shell`): the property path is part of where it is made.
  const leaf = (n: Node, at: number, path: readonly string[]): string | undefined => {
    const made = path.join('.');
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
        return f !== undefined && graph.callersOf(f).length === 0 ? made : undefined;
      }
      case 'CallExpression':
        return graph.target(n, at) !== undefined ? undefined : made;
      case 'YieldExpression':
        // `yield* effect` is the effect's result (value flow goes on into it); a plain `yield` is made here.
        return n.delegate && n.argument ? undefined : made;
      default:
        return made;
    }
  };
  const all = flow.origins(value, fn, leaf);
  const reached = entries ? all.filter(r => { const up = callOutOf(r.calls, fn, index); return !up || entries.has(up.call); }) : all;
  return { nodes: new Set(reached.map(r => r.node)), keys: new Set(reached.map(r => madeKey(r, index) + (r.mark ? `.${r.mark}` : ''))) };
}

/**
 * The first step of a way that leaves the function `fn` sits in for one of its callers (a
 * parameter's value taken from the call into the function holding `fn`), if any.
 */
function callOutOf(calls: readonly CallStep[], fn: number, index: ModuleIndex): CallStep | undefined {
  if (fn === MODULE) return undefined;
  const { start, end } = index.functions[fn];
  return calls.find(c => encloses(index, c.callee, fn) && !(start <= c.call.start && c.call.end <= end));
}

/**
 * A helper's path parameter as the one caller that writes a download there spells it
 * (`x8(dest, body)`: `dest`, not the helper's `A`).
 */
function pathAtCaller(target: Node, fn: number, entries: ReadonlySet<CallLike> | undefined, analysis: ModuleAnalysis): string | undefined {
  if (!entries || entries.size !== 1 || target.type !== 'Identifier') return undefined;
  const { index, graph } = analysis;
  const bound = index.binding(target.name, fn);
  const param = bound && !bound.mutated && bound.values.length === 1 ? bound.values[0].node : undefined;
  if (param?.type !== 'Parameter' || param.rest) return undefined;
  const [call] = entries;
  const callee = index.functionOf(param.fn);
  const step = callee === undefined ? undefined : graph.callersOf(callee).find(c => c.call === call);
  const given = step ? call.arguments[param.index + step.argOffset] : undefined;
  return given && given.type !== 'SpreadElement' && !call.arguments.slice(0, param.index + step!.argOffset).some(a => a.type === 'SpreadElement') ? index.sourceOf(given as Node) : undefined;
}

/**
 * For a write inside a helper whose content comes from the network only through some of the
 * helper's callers (every way to the response leaves the function through a call into it): those
 * calls. Undefined entries: the content is fetched whatever the caller.
 */
function entriesOf(ways: ReadonlyArray<{ calls: readonly CallStep[] }>, write: Marked<'sink'>, index: ModuleIndex): { entries?: ReadonlySet<CallLike> } {
  const entries = new Set<CallLike>();
  for (const way of ways) {
    const up = callOutOf(way.calls, write.draft.fn, index);
    if (!up) return {};
    entries.add(up.call);
  }
  return { entries };
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
    // `out.write(chunk)` in a loop over `response.body.getReader()`: the stream is fed the response by hand.
    if (method === 'write' && callee.type === 'MemberExpression' && args.length >= 1 && args[0].type !== 'SpreadElement') {
      const files = streamIn(callee.object as Node, fn);
      if (files?.length && flow.origins(args[0] as Node, fn, network).length) for (const write of files) out.push({ write, path: index.sourceOf(write.fact.target!) });
      return;
    }
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
const FILE_NAME = 'a file name';
const PATH_JOINS = new Set(['join', 'resolve']);

/**
 * `path.join(dir, name)`, `path.resolve(dir, name)` whose first part does not come from the
 * network: whatever the rest holds, the result is a file in that folder, not an option.
 */
function isFileNameUnderLocalFolder(node: Node, fn: number, analysis: ModuleAnalysis, network: (n: Node) => unknown): boolean {
  if (node.type !== 'CallExpression' || node.arguments.length < 2) return false;
  const ref = calleeRefOf(node, analysis.lookup(fn));
  if (ref?.module !== 'path' || !PATH_JOINS.has(ref.path[ref.path.length - 1])) return false;
  const [folder] = node.arguments;
  return folder.type !== 'SpreadElement' && analysis.flow.origins(folder as Node, fn, network).length === 0;
}

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

/**
 * A shell script's download that it runs: a file `curl -o F`, `wget -O F` or `curl … > F` writes
 * (and any copy or move of it) started as a program or given to an interpreter, or a downloaded
 * archive unpacked (`tar -xzf F -C D`, `unzip F -d D`) and a program under that folder started.
 * Words are the same file when written the same (`"$TMP"`, `"${TMP}"`) or spelled the same
 * without a computed part. Text order is not run order (functions), so none is required.
 */
export function shellDownloadRuns(commands: readonly ShellCommand[], spell: (w: ShellWord) => string[], text: string): ReportDescriptor[] {
  const files: Array<{ word: ShellWord; from: ShellCommand }> = [];
  const folders: Array<{ word: ShellWord; from: ShellCommand; unpack: ShellCommand; how: string }> = [];
  const keys = (w: ShellWord) => new Set([w.text.replace(/\$\{([A-Za-z_]\w*)\}/g, '$$$1'), ...spell(w).filter(s => !s.includes('*'))]);
  const same = (a: ShellWord, b: ShellWord) => {
    const k = keys(a);
    return [...keys(b)].some(x => k.has(x));
  };
  const downloaded = (w: ShellWord) => files.find(f => same(f.word, w));
  for (const c of commands) {
    const written = downloadedTo(c);
    if (written) files.push({ word: written, from: c });
  }
  // Copies and moves of a download, a few rounds for a move of a move; archives unpacked.
  for (let round = 0; round < 3; round++) {
    for (const c of commands) {
      const [program, ...rest] = c.words;
      const name = programName(program?.text ?? '');
      const operands = rest.filter(w => !w.text.startsWith('-'));
      if (['mv', 'cp', 'install', 'ln'].includes(name) && operands.length >= 2) {
        const source = operands.slice(0, -1).map(downloaded).find(Boolean);
        const dest = operands[operands.length - 1];
        if (source && !downloaded(dest)) files.push({ word: dest, from: source.from });
      }
      // Options are fixed words (`-xzf`, tar's old `xzf`, `-C`, `-d`); the rest are the values they take.
      const unpacked = name === 'tar' || name === 'unzip' ? unpackerArguments<ShellWord>(name, rest.map((w, i) => (w.text.startsWith('-') || (i === 0 && name === 'tar' && /^[a-zA-Z]*x[a-zA-Z]*$/.test(w.text)) ? w.text : w))) : undefined;
      const archive = unpacked && downloaded(unpacked.archive);
      if (unpacked && archive && !folders.some(f => f.unpack === c)) folders.push({ word: unpacked.dest, from: archive.from, unpack: c, how: name });
    }
  }
  if (files.length === 0) return [];
  const out: ReportDescriptor[] = [];
  for (const c of commands) {
    const ran = programWord(c);
    if (!ran) continue;
    const path = (w: ShellWord) => spell(w).find(s => !s.includes('*')) ?? spell(w)[0] ?? w.text;
    const file = downloaded(ran);
    if (file) {
      out.push({
        node: { start: c.start, end: c.end },
        messageId: 'writeRun',
        data: { path: path(ran), how: 'the script itself' },
        severity: 'medium',
        evidence: [`download ${text.slice(file.from.start, file.from.end).slice(0, 200)}`, `runs ${text.slice(c.start, c.end).slice(0, 200)}`],
        related: [{ start: file.from.start, end: file.from.end, message: 'the download is written here' }],
      });
      continue;
    }
    const under = folders.find(f => spell(ran).some(s => spell(f.word).some(d => !d.includes('*') && s.startsWith(`${d}/`))) || ran.text.startsWith(`${f.word.text}/`));
    if (under) {
      out.push({
        node: { start: c.start, end: c.end },
        messageId: 'unpackRun',
        data: { path: path(under.word), how: 'the script itself' },
        severity: 'medium',
        evidence: [`download ${text.slice(under.from.start, under.from.end).slice(0, 200)}`, `unpacks ${under.how}`, `runs ${text.slice(c.start, c.end).slice(0, 200)}`],
        related: [
          { start: under.from.start, end: under.from.end, message: 'the download is written here' },
          { start: under.unpack.start, end: under.unpack.end, message: `the archive is unpacked here (${under.how})` },
        ],
      });
    }
  }
  return out;
}

/** The file a `curl` or `wget` command writes: `-o F`, `--output F`, `-fsSLo F`, `wget -O F`, or its output redirected (`> F`). */
function downloadedTo(c: ShellCommand): ShellWord | undefined {
  const [program, ...rest] = c.words;
  const name = programName(program?.text ?? '');
  if (name !== 'curl' && name !== 'wget') return undefined;
  const option = name === 'curl' ? /^(?:-[a-zA-Z]*o|--output)$/ : /^(?:-[a-zA-Z]*O|--output-document)$/;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i].text;
    if (option.test(w) && rest[i + 1] && rest[i + 1].text !== '-') return rest[i + 1];
    const inline = /^--output(?:-document)?=(.+)$/.exec(w);
    if (inline && inline[1] !== '-') return { text: inline[1], start: rest[i].start + w.indexOf('=') + 1, end: rest[i].end };
  }
  return c.redirects.find(r => r.op === '>' || r.op === '>|')?.target;
}

/** The file a command runs: its program (after `exec`, `sudo`, `nohup`, `env`, `command`), or the script an interpreter is given. */
function programWord(c: ShellCommand): ShellWord | undefined {
  const words = c.words.filter(w => !/^[A-Za-z_]\w*=/.test(w.text));
  let i = 0;
  while (i < words.length && (['exec', 'sudo', 'nohup', 'env', 'command', 'time'].includes(words[i].text) || (i > 0 && words[i].text.startsWith('-')))) i++;
  const program = words[i];
  if (!program) return undefined;
  if (!RUNNERS.has(programName(program.text))) return program;
  return words.slice(i + 1).find(w => !w.text.startsWith('-'));
}
