// A file write whose path comes from a shell start-up file, an autostart location, a git hook
// or another tool's configuration (persistence-location names them): changes that outlive the
// process and act on the user's other tools. Another AI assistant's configuration is high.
// The path is followed backwards from the write; naming such a place near a write is not enough.
import { argumentsOf, calleeRefOf } from '../../js/modules';
import { settledValueAt } from '../../js/moduleIndex';
import { calleeOf, staticString, type CallLike, type Node } from '../../js/ast';
import { draftOf, type Draft } from '../findings';
import type { Reached } from '../../js/flow';
import { callersOut, type CallStep } from '../../js/callgraph';
import type { CorrelationRule, ModuleAnalysis, ReportDescriptor, ShellSite } from '../types';
import type { ShellCommand, ShellWord } from '../../shell/commands';
import { configWrittenByCommand } from '../../catalog/configCommands';
import { isOwnLocation, persistenceLocationFor, type PersistenceLocation } from '../../catalog/persistence';
import type { Correlator } from './types';
import { callSteps, inOrder, list, stepAt } from './shared';
import { shellScript } from '../../shell/commands';
import { programName } from '../util/process';
import type { Marked } from './marks';
import type { FactOf, PlaceKind } from '../facts';

export const configTamper: CorrelationRule = {
  meta: {
    id: 'config-tamper',
    category: 'persistence',
    severity: 'medium',
    title: "Writes a start-up file or another tool's configuration",
    description: "A file write whose path comes from a shell rc file, autostart entry, git hook or another tool's configuration (followed through names and same-module calls); high when it is another AI assistant's.",
    messages: {
      write: 'Writes {{place}} ({{call}})',
      command: 'Runs a command that writes {{place}}: {{command}}',
      writeNamed: 'Writes a file named like {{place}}, in a folder chosen at run time ({{call}})',
    },
  },
  needs: ['persistence-location', 'file-write'],
};

/**
 * `rc + ".bak"`, `\`${file}.ccr-tmp\``, `\`${rc}.kilodev.bak.${stamp}\``: a name with a suffix
 * added right after the name it is built from is another file (a backup or a temporary copy
 * beside the configuration), whatever that name is and whatever follows.
 */
function isSuffixedName(node: Node, fn: number, analysis: ModuleAnalysis): boolean {
  const parts = nameParts(node);
  if (!parts) return false;
  const base = parts.findIndex(p => typeof p !== 'string');
  if (base < 0 || base + 1 >= parts.length) return false;
  const next = parts[base + 1];
  // The suffix may be a name holding it (`const l = \`.tmp.${pid}.${rand}\`; \`${file}${l}\``).
  const text = typeof next === 'string' ? next : fixedStartOf(next, fn, analysis);
  return text !== undefined && isSuffix(text);
}

/**
 * The text a value starts with, as written (a string, or a template's first part), through a
 * name's one value; a parameter's, when every caller's argument starts with the same text
 * (`stagingPath(dir, file, l)` with `l = \`.tmp.${pid}\``).
 */
function fixedStartOf(node: Node, fn: number, analysis: ModuleAnalysis, depth = 0): string | undefined {
  if (node.type === 'TemplateLiteral') return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type !== 'Identifier') return staticString(node);
  const param = analysis.index.binding(node.name, fn)?.values[0]?.node;
  if (param?.type === 'Parameter' && !param.rest && depth < 2) {
    const owner = analysis.index.functionOf(param.fn);
    const callers = owner === undefined ? [] : analysis.graph.callersOf(owner);
    const starts = callers.map(c => {
      const arg = c.call.arguments[param.index + c.argOffset];
      return arg && arg.type !== 'SpreadElement' ? fixedStartOf(arg as Node, c.fn, analysis, depth + 1) : undefined;
    });
    return starts.length && starts.every(t => t !== undefined && t === starts[0]) ? starts[0] : undefined;
  }
  const value = settledValueAt(analysis.index, node.name, fn, node.start)?.node;
  return value && value.type !== 'Identifier' ? fixedStartOf(value, fn, analysis, depth + 1) : undefined;
}

/** A `+` chain or a template as its pieces in order: literal text, or the expression written there. */
function nameParts(node: Node): Array<string | Node> | undefined {
  if (node.type === 'TemplateLiteral') {
    const out: Array<string | Node> = [];
    node.quasis.forEach((q, i) => {
      if (q.value.cooked) out.push(q.value.cooked);
      if (i < node.expressions.length) out.push(node.expressions[i] as Node);
    });
    return out;
  }
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return undefined;
  const out: Array<string | Node> = [];
  const add = (n: Node) => {
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      add(n.left as Node);
      add(n.right);
      return;
    }
    const text = staticString(n);
    out.push(text ?? n);
  };
  add(node);
  return out;
}

function isSuffix(text: string): boolean {
  // `${home}${rc}` with `rc = ".bashrc"`: the text after the folder is the place's own name, no suffix.
  return /^[.~_-][\w.~-]*$/.test(text) && persistenceLocationFor(`~/${text}`) === undefined;
}

const TEMP_CALLS = new Set(['tmpdir', 'mkdtemp', 'mkdtempSync']);
type Root = 'temp' | 'home';

/**
 * A place spelled as a join whose directory comes from `os.tmpdir()` or `mkdtemp` (and never
 * from the home directory): a copy the tool prepares for a process it starts (Cline's
 * `join(join(tmpdir(), "claude-resume-…"), ".claude.json")`), not the user's configuration.
 */
function inTemporaryDirectory(place: Reached<unknown>, analysis: ModuleAnalysis): boolean {
  if (place.node.type !== 'CallExpression') return false;
  const dir = argumentsOf(place.node)[0];
  if (!dir) return false;
  const roots = analysis.flow.origins(dir, place.fn, (node: Node, fn: number): Root | undefined => {
    if (node.type !== 'CallExpression') return undefined;
    const ref = calleeRefOf(node, analysis.lookup(fn));
    const last = ref?.path[ref.path.length - 1];
    if (ref?.module === 'os') return last === 'tmpdir' ? 'temp' : last === 'homedir' ? 'home' : undefined;
    return ref && (ref.module === 'fs' || ref.module === 'fs/promises') && last && TEMP_CALLS.has(last) ? 'temp' : undefined;
  });
  // Only a temporary folder the function makes itself (or a helper it calls returns): one a caller
  // somewhere passes in says nothing of the folders other callers give (Letta's git hooks, written
  // into its memory repository, were dropped when one caller's test folder came from tmpdir()).
  return roots.some(r => r.mark === 'temp' && !r.calls.some(c => c.callee === place.fn)) && !roots.some(r => r.mark === 'home');
}

/** The mark of a name made from a place (`${file}.tmp`): another file, not the place. */
const ANOTHER_FILE = 'another file';

/**
 * The functions the paths are handed down through on their way to the write that are also
 * called from a place none of them comes through: general helpers (an fs adapter, an atomic
 * write used for every file), not ones written for these places.
 */
function sharedWithOtherFiles(reached: ReadonlyArray<Reached<unknown>>, writer: number, analysis: ModuleAnalysis, isPlace: (node: Node) => unknown): Set<number> {
  const out = reached.map(r => callersOut(r.calls, writer, analysis.index));
  const onPaths = new Set<CallLike>(out.flatMap(steps => steps.map(c => c.call)));
  const callees = new Set(out.flatMap(steps => steps.map(c => c.callee)));
  // A caller the paths were not found through may still give a place (value flow keeps one
  // path to each value): then the helper is not only for other files, and every caller counts.
  // A name made from the place (`${file}.tmp.${pid}`, the atomic write's temporary file) is another file, as for the write itself.
  const place = (node: Node, fn: number) => isPlace(node) ?? (isSuffixedName(node, fn, analysis) ? ANOTHER_FILE : undefined);
  const other = (c: CallStep) => !onPaths.has(c.call) && !c.call.arguments.some(a => analysis.flow.origins(a as Node, c.fn, place).some(r => r.mark !== ANOTHER_FILE));
  const shared = new Set<number>();
  for (const f of callees) {
    const callers = analysis.graph.callersOf(f).filter(c => !onPaths.has(c.call));
    if (callers.length === 0) continue;
    if (!callers.every(other)) return new Set();
    shared.add(f);
  }
  return shared;
}

export const configTamperCorrelator: Correlator = {
  rules: [configTamper],
  run({ marks, analysis }) {
    const added: Draft[] = [];
    const placeMark = marks.marker('place');
    // A command spells its places itself (`defaults write com.apple.Terminal …`): asked even
    // where the file names no place.
    const anyPlace = marks.all('place').length > 0;
    for (const sink of marks.all('sink')) {
      if (sink.fact.sink === 'exec') {
        const draft = commandWrite(sink, analysis, placeMark);
        if (draft) added.push(draft);
        continue;
      }
      if (!anyPlace) continue;
      // A chmod changes who may use a file, not what the tool it belongs to will read.
      if (sink.fact.sink !== 'write' || !sink.fact.target || sink.fact.permissionsOnly) continue;
      const found = analysis.flow.origins(sink.fact.target, sink.draft.fn, (node: Node, fn: number) => placeMark(node) ?? (isSuffixedName(node, fn, analysis) ? ANOTHER_FILE : undefined));
      const reached = found.flatMap(r => (typeof r.mark === 'string' ? [] : [{ ...r, mark: r.mark }])).filter(r => !inTemporaryDirectory(r, analysis));
      if (reached.length === 0) continue;
      // A shared write helper (`write(file, text)`) whose callers give it different places: one
      // finding per caller, at the call where each path is chosen (however deep the helpers
      // below it), each with the places that caller gives; not one merged finding at the helper,
      // as severe as its worst caller. A chain of helpers that other callers use for other files
      // only (an fs adapter under an atomic write, Claude Code's `.mcp.json`): at the call into
      // the outermost of them, where these paths leave their own code, not in the adapter.
      const outward = reached.map(r => callersOut(r.calls, sink.draft.fn, analysis.index));
      const placesOf = (group: typeof reached) => [...new Set(group.flatMap(r => r.mark.map(m => m.fact.detail)))].sort().join('\0');
      const groupBy = (stepOf: (i: number) => CallStep | undefined): Map<CallLike, typeof reached> => {
        const out = new Map<CallLike, typeof reached>();
        for (const [i, r] of reached.entries()) {
          const step = stepOf(i);
          if (!step) return new Map();
          out.set(step.call, [...(out.get(step.call) ?? []), r]);
        }
        return out;
      };
      const byChooser = groupBy(i => outward[i][outward[i].length - 1]);
      const differ = byChooser.size > 1 && new Set([...byChooser.values()].map(placesOf)).size > 1;
      const generic = differ ? new Set<number>() : sharedWithOtherFiles(reached, sink.draft.fn, analysis, placeMark);
      const byCaller = differ ? byChooser : generic.size ? groupBy(i => outward[i].filter(c => generic.has(c.callee)).pop()) : new Map<CallLike, typeof reached>();
      const groups = byCaller.size > 0 ? [...byCaller] : [[undefined, reached] as const];
      for (const [caller, group] of groups) {
        const places = [...new Set(group.flatMap(r => r.mark))];
        // A project file known only by its name (`opencode.json` from a list, joined onto a folder
        // computed elsewhere) may be the tool's own file of that name: never high on the name alone.
        const assistant = places.some(p => p.fact.place === 'assistant-config' && !p.fact.nameOnly);
        const helper = caller && analysis.index.sourceOf(calleeOf(caller));
        added.push(
          draftOf(configTamper.meta, {
            node: caller ?? sink.draft,
            messageId: places.every(p => p.fact.nameOnly) ? 'writeNamed' : 'write',
            data: { place: list([...new Set(places.map(p => p.fact.detail))]), call: `${sink.fact.detail ?? 'a write'}${helper ? ` via ${helper.length <= 40 ? helper : 'a helper'}()` : ''}` },
            severity: assistant ? 'high' : 'medium',
            evidence: [...new Set([...sink.draft.evidence, ...places.flatMap(p => p.draft.evidence)])],
            related: inOrder([...places.map(p => stepAt(p.draft)), ...group.flatMap(r => callSteps(r.calls, analysis, 'the path passes')), ...(caller ? [{ start: sink.draft.start, end: sink.draft.end, message: 'the helper writes the file here' }] : [])]),
          }, caller ? (group[0].calls.find(c => c.call === caller)?.fn ?? sink.draft.fn) : sink.draft.fn),
        );
      }
    }
    return { added };
  },
};

/** The file a command's word names: its operand's value where the argument list is written at the call. */
interface Written {
  spelled: string;
  /** The argument the word is (index into the start's argument list). */
  argument?: number;
  /** A preference domain written by `defaults`: the file is the domain's list under ~/Library/Preferences. */
  domain?: boolean;
}

/**
 * A process start whose command writes a start-up file or another tool's configuration
 * (`echo … >> ~/.zshrc`, `tee -a ~/.bashrc`, `PlistBuddy -c "Set …" ~/Library/Preferences/….plist`,
 * `defaults write com.apple.Terminal …`): config-tamper at the start. The file must be one the
 * command writes (a redirection's target, the operand of a writing program), reached as the
 * value of that argument where the list is written at the call, or spelled by the command itself
 * (a shell line's text, a `defaults` domain): a command that only names such a file (`cat
 * ~/.zshrc`, a path given to `code`) writes nothing. A shell line's target written as a template's
 * insert right after a redirection or `tee` (`>> ${rc}`) is followed as a value.
 */
function commandWrite(sink: Marked<'sink'>, analysis: ModuleAnalysis, placeMark: (node: Node) => Array<Marked<'place'>> | undefined): Draft | undefined {
  const { fact } = sink;
  if (!fact.detail || !fact.programs) return undefined;
  const places = new Map<Marked<'place'>, string>();
  const reachedFrom = (node: Node | undefined) => (node ? analysis.flow.origins(node, sink.draft.fn, placeMark).flatMap(r => r.mark) : []);
  // A place the command spells itself (a shell line's `>> ~/.zshrc`, a domain of `defaults`): known
  // by its name, as persistence-location knows it, unless it is the assistant's own.
  const spelledPlace = (spelled: string) => {
    const found = placeSpelled(spelled, analysis.target.ownVendors);
    if (!found) return undefined;
    const { location, nameOnly } = found;
    const place: PlaceKind = location.assistant ? 'assistant-config' : location.kind;
    return { draft: sink.draft, fact: { kind: 'place' as const, place, detail: location.label, ...(nameOnly ? { nameOnly } : {}) } };
  };
  // A shell line written as a template whose insert is the file a redirection or `tee` writes
  // (`echo … >> ${rc}` with `rc = join(homedir(), ".zshrc")`): that insert's value.
  if (fact.shellLine && fact.target) {
    const templates = analysis.flow.origins(fact.target, sink.draft.fn, n => (n.type === 'TemplateLiteral' ? n : undefined), 1);
    for (const t of templates) {
      const line = t.mark as Node & { type: 'TemplateLiteral' };
      line.expressions.forEach((e, i) => {
        if (!WRITES_NEXT.test(line.quasis[i]?.value.cooked ?? '')) return;
        for (const place of analysis.flow.origins(e as Node, t.fn, placeMark).flatMap(r => r.mark)) places.set(place, '*');
      });
    }
  }
  for (const command of commandsOf(fact)) {
    for (const written of writtenBy(command.command, command.aligned)) {
      if (written.argument !== undefined) {
        for (const place of reachedFrom(fact.payload[written.argument] as Node | undefined)) places.set(place, written.spelled);
        if (written.spelled.includes('*')) continue;
      }
      const place = spelledPlace(written.domain ? `~/Library/Preferences/${written.spelled}.plist` : written.spelled);
      if (place && ![...places.keys()].some(p => p.fact.detail === place.fact.detail)) places.set(place, written.spelled);
    }
  }
  if (places.size === 0) return undefined;
  const marks = [...places.keys()];
  const assistant = marks.some(p => p.fact.place === 'assistant-config' && !p.fact.nameOnly);
  const labels = [...new Set(marks.map(p => p.fact.detail))];
  return draftOf(configTamper.meta, {
    node: sink.draft,
    messageId: 'command',
    data: { place: list(labels), command: fact.detail.slice(0, 200) },
    severity: assistant ? 'high' : 'medium',
    evidence: [...new Set([...sink.draft.evidence, ...[...places.values()].map(p => `writes ${p.slice(0, 200)}`), ...marks.flatMap(p => (p.draft === sink.draft ? [`location ${p.fact.detail}`] : p.draft.evidence))])],
    related: inOrder(marks.filter(p => p.draft !== sink.draft).map(p => stepAt(p.draft))),
  }, sink.draft.fn);
}

/**
 * The commands a process start runs, as words: a shell line's, parsed; an argument list written
 * at the call, one word per argument (`"Set :Foo 1"` is one), so that word k is argument k - 1.
 */
function commandsOf(fact: FactOf<'sink'>): Array<{ command: ShellCommand; aligned: boolean }> {
  const out: Array<{ command: ShellCommand; aligned: boolean }> = [];
  for (const alternative of fact.commands ?? [fact.detail ?? '']) {
    const commands = shellScript(alternative).commands;
    if (fact.shellLine || fact.listTarget || commands.length !== 1 || fact.payload.length === 0) {
      for (const command of commands) out.push({ command, aligned: false });
      continue;
    }
    const program = commands[0].words[0];
    if (!program) continue;
    const word = (text: string) => ({ text, start: 0, end: 0 });
    const words = [program, ...fact.payload.map(a => word(argumentText(a)))];
    out.push({ command: { start: commands[0].start, end: commands[0].end, words, redirects: [] }, aligned: true });
  }
  return out;
}

/** An argument as written: its text, a template's text with `*` for each value, or `*`. */
function argumentText(node: Node): string {
  const text = staticString(node);
  if (text !== undefined) return text;
  if (node.type === 'TemplateLiteral') return node.quasis.map(q => q.value.cooked ?? '').join('*');
  return '*';
}

/** Template text right before an insert that is the file written: a redirection or `tee [-a]`. */
const WRITES_NEXT = /(?:[^<>&]>>?|&>>?|\btee(?:\s+-a)?)\s*["']?$/;

/** PlistBuddy's commands that change the file (`Print` and `Help` only read it). */
const PLIST_EDITS = /^(?:Add|Set|Delete|Merge|Import|Clear|Copy|Save)\b/i;
/** `defaults` verbs that change a domain's preferences. */
const DEFAULTS_EDITS = new Set(['write', 'import', 'delete', 'rename']);
/** `plutil` options that rewrite the file in place. */
const PLUTIL_EDITS = new Set(['-insert', '-replace', '-remove', '-convert']);

/**
 * The files a command writes, as spelled: the shell's (`shellWriteTargets`) and those of programs
 * that edit a settings file named by an operand. `aligned`: the words are the argument list
 * written at the call (word k is argument k - 1), so a computed word can be followed as a value.
 */
function writtenBy(command: ShellCommand, aligned: boolean): Written[] {
  const words = command.words;
  const indexOf = (w: ShellWord) => words.indexOf(w);
  const at = (k: number): Written => ({ spelled: words[k].text, ...(aligned && k > 0 ? { argument: k - 1 } : {}) });
  const out: Written[] = shellWriteTargets(command).map(w => (indexOf(w) > 0 ? at(indexOf(w)) : { spelled: w.text }));
  const name = programName(words[0]?.text ?? '');
  const operands = words.map((w, k) => k).filter(k => k > 0 && !words[k].text.startsWith('-'));
  const last = operands[operands.length - 1];
  if (name === 'plistbuddy' && last !== undefined) {
    // A command computed at run time is read from its template's fixed start (`Add :'Window Settings':'*'…`, see argumentText).
    const edits = words.some((w, k) => words[k - 1]?.text === '-c' && PLIST_EDITS.test(w.text));
    if (edits && words[last - 1]?.text !== '-c') out.push(at(last));
  } else if (name === 'plutil' && last !== undefined && words.some(w => PLUTIL_EDITS.has(w.text))) {
    // `-o FILE` writes FILE instead (`-o -`: the output, a read of the list); else the list in place.
    const o = words.findIndex(w => w.text === '-o');
    if (o < 0) out.push(at(last));
    else if (words[o + 1] && words[o + 1].text !== '-') out.push(at(o + 1));
  } else if (name === 'defaults' && DEFAULTS_EDITS.has(words[operands[0]]?.text ?? '') && operands.length >= 2) {
    const domain = words[operands[1]].text;
    if (domain.startsWith('/') || domain.startsWith('~')) out.push(at(operands[1]));
    else if (/^[\w.-]+$/.test(domain)) out.push({ spelled: domain, domain: true });
  } else {
    // Another tool's own command for its settings (`claude mcp add …`, `code --install-extension …`).
    const changed = configWrittenByCommand(name, words.slice(1).map(w => w.text));
    if (changed) out.push({ spelled: changed });
  }
  return out;
}

interface SpelledPlace {
  path: string;
  location: PersistenceLocation;
  /** A project file known by its name alone, in a folder computed at run time (`*`/opencode.json). */
  nameOnly: boolean;
}

/** The place a command or script spells (forward slashes), unless it is the assistant's own. */
function placeSpelled(spelled: string, ownVendors: readonly string[]): SpelledPlace | undefined {
  const path = spelled.replace(/\\/g, '/');
  const location = persistenceLocationFor(path);
  if (!location || isOwnLocation(location, ownVendors)) return undefined;
  return { path, location, nameOnly: !!location.byName && path.startsWith('*') };
}

/** Redirections that write the file they name. */
const WRITING_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);
/** Programs whose last operand is the file they write: a copy, move, link or install onto it. */
const ONTO_LAST = new Set(['cp', 'mv', 'ln', 'install', 'rsync']);

/**
 * The files a shell command writes: its redirections (`echo … >> ~/.zshrc`), `tee [-a] F…`,
 * the last operand of `cp`/`mv`/`ln`/`install`, the files `sed -i` edits in place.
 */
export function shellWriteTargets(command: ShellCommand): ShellWord[] {
  const targets = command.redirects.filter(r => WRITING_REDIRECTS.has(r.op)).map(r => r.target);
  const [program, ...rest] = command.words;
  const name = program?.text.split('/').pop() ?? '';
  const operands = rest.filter(w => !w.text.startsWith('-'));
  if (name === 'tee') targets.push(...operands);
  else if (ONTO_LAST.has(name) && operands.length >= 2) targets.push(operands[operands.length - 1]);
  else if (name === 'sed' && rest.some(w => /^-[a-zA-Z]*i/.test(w.text)) && operands.length >= 2) targets.push(...operands.slice(1));
  return targets;
}

/**
 * A shell script's write into a start-up file or another tool's configuration: what
 * config-tamper says of the same write in JavaScript, at the command (undefined: none).
 */
export function shellConfigWrite(site: ShellSite, ownVendors: readonly string[]): ReportDescriptor | undefined {
  const found: SpelledPlace[] = [];
  for (const target of shellWriteTargets(site.command)) {
    for (const spelled of site.spell(target)) {
      const place = placeSpelled(spelled, ownVendors);
      if (place) found.push(place);
    }
  }
  if (found.length === 0) return undefined;
  // As in code: a project file known by its name alone, in a folder the script computes, is never high.
  const nameOnly = (f: SpelledPlace) => f.nameOnly;
  const assistant = found.some(f => f.location.assistant && !nameOnly(f));
  const paths = [...new Set(found.map(f => f.path))];
  return {
    node: { start: site.command.start, end: site.command.end },
    messageId: found.every(nameOnly) ? 'writeNamed' : 'write',
    data: { place: list([...new Set(found.map(f => f.location.label))]), call: paths.slice(0, 3).join(' or ') },
    severity: assistant ? 'high' : 'medium',
    evidence: [...paths.slice(0, 3).map(p => `path ${p}`), ...[...new Set(found.map(f => f.location.label))].map(l => `location ${l}`), `command ${site.text.slice(0, 200)}`],
  };
}

