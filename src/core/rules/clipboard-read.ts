// Reads of the clipboard, which often holds passwords, tokens and private text: the editor
// and browser clipboard APIs, Electron's clipboard, clipboardy, and the platform commands
// (pbpaste, xclip -o, xsel -o, wl-paste, PowerShell Get-Clipboard, osascript "the clipboard").
import { calledMethod, calleeOf, memberPath, propertyKeyName, propertyName, staticString, unwrapChain, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { spelledTemplate } from './util/values';
import type { DecodedValue } from '../js/decode';
import { isShellCommandOption, processCall } from './util/process';
import { everyUse } from '../js/nameUses';
import { MODULE, type ModuleIndex } from '../js/moduleIndex';
import { callersOut, type CallStep } from '../js/callgraph';

const READ_METHODS = new Set(['readText', 'read', 'readImage', 'readHTML', 'readRTF', 'readBookmark', 'readBuffer']);
/** A command line, not a sentence about one: the program comes first, then flags or a pipe. */
const COMMAND = /^(?:(?:pbpaste|pngpaste|wl-paste|termux-clipboard-get)(?=$|\s+[-|;&>2])|xclip\b.*\s-o(?:ut)?\b|xsel\b.*\s(?:-o|--output)\b)/;
/**
 * An AppleScript line that takes the clipboard's value (`set img to the clipboard as «class PNGf»`,
 * `the clipboard as text`), also inside a script of several lines (`try` … `end try`).
 */
const APPLESCRIPT_STATEMENT = /^\s*(?:(?:set\s+\S+\s+to|get|return)\s+the clipboard\b|the clipboard\s+as\b)/m;
/**
 * Where AppleScript reads the clipboard: assigned or returned, converted (`the clipboard as
 * text`), or a script that is only `the clipboard` (`osascript -e 'the clipboard'`). Not
 * `set the clipboard to …` (a write), nor a sentence that mentions it ("copied to the clipboard").
 */
const APPLESCRIPT_READ = /\b(?:set\s+\S+\s+to|get|return)\s+the clipboard\b|\bthe clipboard\s+as\b|(?:^|-e\s+)(['"]?)the clipboard\1(?=\s|$)/m;
/** PowerShell's Get-Clipboard anywhere in a command (`$c = Get-Clipboard -Raw; …`, `powershell -Command "Get-Clipboard"`). */
const GET_CLIPBOARD = /(?:^|[\s;|("'=&{])Get-Clipboard\b(?=$|[\s;|)"'}-])|\[System\.Windows\.Forms\.Clipboard\]::Get\w+\(/;
const OUTPUT_FLAGS = new Set(['-o', '-out', '--output']);
/** `ESC ] 52 ; c ; ?`: asks the terminal for a selection's content (a `;` and base64 data after it sets it instead). */
const OSC52_QUERY = /\x1b\]52;[cpqs0-7]*;\?(?:\x07|\x1b\\)/;
const BARE_PROGRAM = /^(?:pbpaste|pngpaste|wl-paste|termux-clipboard-get)$/;
/** Clipboard tools by name alone. */
const CLIPBOARD_TOOL = /^(?:pbpaste|pngpaste|pbcopy|wl-paste|wl-copy|xclip|xsel)$/;

/** Prose about the clipboard ("Try installing wl-clipboard and using wl-paste instead."). */
function isSentence(text: string): boolean {
  return /[a-z][.!?]\s*$/i.test(text) && text.trim().split(/\s+/).length > 4 && !/[;|$]/.test(text);
}

function isCommand(text: string): boolean {
  if (text.length > 2000 || isSentence(text)) return false;
  if (JXA_PASTEBOARD_READ.test(text)) return true;
  if (text.length > 500 || DISCARDED.test(text)) return false;
  return COMMAND.test(text) || GET_CLIPBOARD.test(text) || ((/^osascript\b/.test(text) || APPLESCRIPT_STATEMENT.test(text)) && readsInAppleScript(text));
}

/**
 * A read whose content is thrown away, counted or only compared: `xclip … -o > /dev/null` (does
 * the clipboard hold an image?), `Get-Clipboard -Format Image | Measure-Object`,
 * `(Get-Clipboard -Format Image) -ne $null` (True or False; not a script that keeps the content
 * in a variable and then compares that). Not `2>/dev/null`, which drops only the errors.
 */
const DISCARDED = /(?:^|[^2&\d])>\s*\/dev\/null\b|\|\s*(?:Measure-Object|Out-Null)\b|\(\s*Get-Clipboard\b[^()]*\)\s*-(?:ne|eq)\s+\$null\b|\$null\s+-(?:ne|eq)\s+\(\s*Get-Clipboard\b[^()]*\)/i;

/** A command line that writes a file itself: a redirection (not of errors, not to /dev/null), AppleScript's `open for access`, PowerShell's `.Save(` or `Out-File`. */
const SAVES = /(?:^|[^2&\d])>{1,2}\s*(?!\/dev\/null\b)["'$\w~/.\\]|\bopen for access\b|\.Save\(|\b(?:Out-File|Set-Content|Add-Content)\b/i;

/**
 * A JavaScript-for-Automation or AppleScriptObjC script reading the general pasteboard:
 * `$.NSPasteboard.generalPasteboard` and one of its readers (`stringForType`, `dataForType`,
 * `readObjectsForClassesOptions`, …). Writing it (`setStringForType`, `clearContents`) is no read.
 */
const JXA_PASTEBOARD_READ = /\bNSPasteboard\b[^]*\bgeneralPasteboard\b[^]*\b(?:stringForType|dataForType|propertyListForType|readObjectsForClassesOptions|readObjectsForClasses|pasteboardItems)\b/;

/** `the clipboard` read somewhere in the script, not only written (`set the clipboard to POSIX file …`). */
function readsInAppleScript(text: string): boolean {
  return APPLESCRIPT_READ.test(text);
}

/**
 * A bare program name (`"wl-paste"`) where it is run: the program of a process start, the first
 * argument of a call that also takes an argument list (`run("wl-paste", ["-n"])`), the first
 * element of a list that is not another program's arguments, or the command a shell is given
 * (`["-c", "pbpaste"]`). Not a name
 * handed alone to a helper (`commandExists("wl-paste")`, `which(…)`), an argument of another
 * program (`execFile("which", ["wl-paste"])`) or a value compared with.
 */
function runsProgram(ctx: RuleContext, node: Node): boolean {
  const parent = ctx.parent();
  if (parent?.type === 'Property') return true;
  if (parent?.type === 'CallExpression') {
    if (parent.arguments[0] !== node) return false;
    const ref = ctx.moduleRef(calleeOf(parent));
    if (ref !== undefined && processCall(ref) !== undefined) return true;
    // An unknown helper given options or a callback may only look the program up (`which`,
    // `commandExists`); one named like a process start, or given an argument list, runs it.
    const callee = calleeOf(parent);
    const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
    return RUNNER_NAMES.has(name ?? '') || isArgumentList(ctx, parent.arguments[1] as Node | undefined) || readsOutput(ctx);
  }
  if (parent?.type !== 'ArrayExpression') return false;
  // `["wl-paste", "xclip"]`: tools to choose from (looked up with `command -v`), not a program and its arguments.
  if (parent.elements.filter(e => e && CLIPBOARD_TOOL.test(staticString(e as Node) ?? '')).length >= 2) return false;
  const at = parent.elements.indexOf(node as (typeof parent.elements)[number]);
  if (at > 0) return isShellCommandOption(staticString(parent.elements[at - 1] as Node) ?? '');
  // First of a list: a command array, unless the list is another program's arguments.
  const call = ctx.parent(2);
  return call?.type !== 'CallExpression' || call.arguments[0] === parent;
}

/** A bare program name given, beside it, an argument list that only lists kinds of data (`run("wl-paste", ["--list-types"])`). */
function givenTypeListing(ctx: RuleContext, node: Node): boolean {
  const parent = ctx.parent();
  const list = parent?.type === 'CallExpression' && parent.arguments[0] === node ? parent.arguments[1] : parent?.type === 'ArrayExpression' ? parent : undefined;
  const value = list && (list.type === 'Identifier' ? ctx.resolve(list as Node) : (list as Node));
  if (value?.type !== 'ArrayExpression') return false;
  return listsTypes(parent?.type === 'ArrayExpression' ? words(value).slice(1) : words(value));
}

/**
 * The call's result is read as a process's output (`(await run("pbpaste", o)).stdout`,
 * `const { stdout } = await run(…)`): clipboardy through execa, whatever the bundler named it.
 */
function readsOutput(ctx: RuleContext): boolean {
  let depth = 2;
  let user = ctx.parent(depth);
  if (user?.type === 'AwaitExpression') user = ctx.parent(++depth);
  if (user?.type === 'MemberExpression') return propertyName(user) === 'stdout';
  if (user?.type === 'VariableDeclarator' && user.id.type === 'ObjectPattern') return user.id.properties.some(p => propertyKeyName(p as Node) === 'stdout');
  return false;
}

/** An argument list (`["-n"]`, or a name bound to one): not an options object or a callback. */
function isArgumentList(ctx: RuleContext, node: Node | undefined): boolean {
  if (!node) return false;
  const value = node.type === 'Identifier' ? ctx.resolve(node) : node;
  return value?.type === 'ArrayExpression';
}

/** Helpers that start the program they are given (execa, cross-spawn, child_process names). */
const RUNNER_NAMES = new Set(['execa', 'execaSync', 'execaNode', 'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'crossSpawn']);


/** `xclip`/`xsel` as a program name with an output flag among the call's arguments. */
function isClipboardProgram(ctx: RuleContext, node: Node, name: string): boolean {
  if (name !== 'xclip' && name !== 'xsel') return false;
  const call = ctx.parent();
  // A command as a list (`["xclip", "-selection", "clipboard", "-o", "-t"]`), run elsewhere.
  if (call?.type === 'ArrayExpression' && call.elements[0] === node) {
    return call.elements.some(e => e && e.type !== 'SpreadElement' && OUTPUT_FLAGS.has(staticString(e as Node) ?? '')) && !listsTypes(words(call).slice(1));
  }
  // A command table's entry (`{ command: "xclip", args: ["-selection", "clipboard", "-o"] }`: Copilot CLI's paste table).
  if (call?.type === 'Property' && propertyKeyName(call as Node) === 'command') {
    const object = ctx.parent(2);
    const args = object?.type === 'ObjectExpression' ? object.properties.find(p => p.type === 'Property' && propertyKeyName(p as Node) === 'args') : undefined;
    const list = args?.type === 'Property' ? unwrapChain(args.value as Node) : undefined;
    return list?.type === 'ArrayExpression' && list.elements.some(e => e && e.type !== 'SpreadElement' && OUTPUT_FLAGS.has(staticString(e as Node) ?? '')) && !listsTypes(words(list));
  }
  if (call?.type !== 'CallExpression') return false;
  return call.arguments.some(a => a.type === 'ArrayExpression' && a.elements.some(e => OUTPUT_FLAGS.has(staticString(e) ?? '')) && !listsTypes(words(a)));
}

/** A call that starts the program it is given first: a process module's, or a helper named like one. */
function startsProgram(call: Node & { type: 'CallExpression' }, ctx: RuleContext): boolean {
  const callee = calleeOf(call);
  const ref = ctx.moduleRef(callee);
  if (ref !== undefined) return processCall(ref) !== undefined;
  const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
  return RUNNER_NAMES.has(name ?? '');
}

/**
 * `xsel` or `xclip` held in a name and an argument list with an output flag given through a
 * parameter: the values that reach the start's program and arguments, followed after the walk.
 */
function heldClipboardRead(call: Node & { type: 'CallExpression' }, fn: number, ctx: RuleContext, namedHere: ReadonlySet<Node>): { how: string; list: Node; at?: { node: Node; fn: number } } | undefined {
  const flow = ctx.analysis().flow;
  const programs = flow.origins(call.arguments[0] as Node, fn, n => (n.type === 'Literal' && (n.value === 'xsel' || n.value === 'xclip') ? n.value : undefined));
  // A helper's callers that write the program with its list are reported there (`saveFromCommand("xclip", […, "-o"], f)`).
  if (programs.length === 0 || programs.some(p => namedHere.has(p.node))) return undefined;
  const outputList = (n: Node) => (n.type === 'ArrayExpression' && n.elements.some(e => e && e.type !== 'SpreadElement' && OUTPUT_FLAGS.has(staticString(e as Node) ?? '')) && !listsTypes(words(n)) ? n : undefined);
  const lists = flow.origins(call.arguments[1] as Node, fn, outputList);
  if (lists.length === 0) return undefined;
  // Inside a process runner bundled with the code (execa as a local `f(file, args, o)`): the read
  // is the call that names the program, out where the runner's callers are (`f(xsel, args)`).
  // The list that goes with a program is the one given through the same calls out of the runner
  // as far as the program came (the search's context pins each): a shared runner's `xclip`
  // from one caller and another caller's `find … -o …` list are two commands, neither a read.
  const index = ctx.analysis().index;
  const paired = programs.flatMap((p): Array<{ program: typeof p; list: (typeof lists)[number]["mark"]; from: CallStep | undefined }> => {
    const by = callersOut(p.calls, fn, index, true);
    if (by.length === 0) return [{ program: p, list: lists[0].mark, from: undefined }];
    const own = flow.origins(call.arguments[1] as Node, fn, outputList, undefined, undefined, [...by].reverse());
    return own.length ? [{ program: p, list: own[0].mark, from: by[by.length - 1] }] : [];
  });
  if (paired.length === 0) return undefined;
  const { program, list } = paired[0];
  const shown = words(list).map(w => w || '*');
  const at = paired.every(p => p.from !== undefined && p.from.call === paired[0].from!.call) ? paired[0].from : undefined;
  return { how: `command ${JSON.stringify(`${program.mark} ${shown.join(' ')}`.slice(0, 120))}`, list, ...(at ? { at: { node: at.call as Node, fn: at.fn } } : {}) };
}

/** The outermost call a value was handed in through to function `fn`, past helpers' returns on the way (see callersOut). */
function outermostCaller(calls: readonly CallStep[], fn: number, index: ModuleIndex): CallStep | undefined {
  return callersOut(calls, fn, index, true).pop();
}

/**
 * A process start whose output goes nowhere: `execSync(cmd, { stdio: "ignore" })` (Claude
 * Code's "is there an image?" check), or a list whose standard output is `"ignore"`.
 */
function outputIgnored(call: Node & { type: 'CallExpression' }, ctx: RuleContext): boolean {
  const last = call.arguments[call.arguments.length - 1] as Node | undefined;
  // Options written in place or held in a name (`run(cmd, QUIET)`).
  const options = last?.type === 'Identifier' ? ctx.resolve(last) : last;
  if (options?.type !== 'ObjectExpression') return false;
  const stdio = options.properties.find(p => p.type === 'Property' && propertyKeyName(p as Node) === 'stdio');
  const value = stdio?.type === 'Property' ? unwrapChain(stdio.value as Node) : undefined;
  if (value?.type === 'ArrayExpression') return staticString(value.elements[1] as Node) === 'ignore';
  return !!value && staticString(value) === 'ignore';
}

/** What a process's result says about how it ended, not what it printed. */
const STATUS_FIELDS = new Set(['exitCode', 'code', 'status', 'failed', 'signal', 'killed', 'ok', 'success']);

/**
 * The result of the call at `ctx.parent(depth)` is only asked how the process ended:
 * `(await run(cmd, o)).exitCode !== 0`, `(await A7("osascript", […])).code === 0`, `const {
 * exitCode } = await run(…)` (Claude Code's "is there an image?" checks: the output is dropped).
 */
function resultOnlyStatus(ctx: RuleContext, depth: number): boolean {
  let child = ctx.parent(depth);
  let user = ctx.parent(++depth);
  const skip = () => {
    while (user && (user.type === 'ParenthesizedExpression' || user.type === 'ChainExpression' || (user.type === 'AwaitExpression' && user.argument === child))) {
      child = user;
      user = ctx.parent(++depth);
    }
  };
  skip();
  if (user?.type === 'MemberExpression') return user.object === child && !user.computed && STATUS_FIELDS.has(propertyName(user) ?? '');
  if (user?.type === 'VariableDeclarator' && user.init === child && user.id.type === 'ObjectPattern') {
    return user.id.properties.length > 0 && user.id.properties.every(p => p.type === 'Property' && (STATUS_FIELDS.has(propertyKeyName(p as Node) ?? '') || (propertyKeyName(p as Node) === 'stdout' && p.value.type === 'Identifier' && onlyComparedWithText(ctx, p.value.name))));
  }
  return false;
}

/** String methods that tidy a text before it is compared (`out.trim() === "True"`). */
const TIDY_METHODS = new Set(['trim', 'trimEnd', 'trimStart', 'toString', 'toLowerCase', 'toUpperCase']);

/**
 * Every use of the local `name` compares it (perhaps trimmed) with written text: the output
 * is a yes or no (`const { stdout: A } = await run("powershell", […]); return "True" === A.trim()`,
 * Qoder's "is there an image?" check), not content passed on.
 */
function onlyComparedWithText(ctx: RuleContext, name: string): boolean {
  const index = ctx.analysis().index;
  const bound = index.binding(name, ctx.functionIndex());
  if (!bound || bound.scope === MODULE || bound.moduleLike) return false;
  return everyUse(index, bound.scope, name, use => {
    const up = use.ancestors;
    let i = up.length - 1;
    let child: Node = use.node;
    // The declaration itself: `{ stdout: A }`.
    if (up[i]?.type === 'ObjectPattern' || (up[i]?.type === 'Property' && up[i - 1]?.type === 'ObjectPattern')) return true;
    while (up[i]?.type === 'MemberExpression' && (up[i] as Node & { type: 'MemberExpression' }).object === child && TIDY_METHODS.has(propertyName(up[i] as Node) ?? '') && up[i - 1]?.type === 'CallExpression') {
      child = up[i - 1];
      i -= 2;
    }
    const compared = up[i];
    if (compared?.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(compared.operator)) return false;
    const other = compared.left === child ? compared.right : compared.left;
    return other.type === 'Literal' && typeof other.value === 'string';
  });
}

/**
 * A command written in a call's arguments (`run("osascript", ["-e", "the clipboard as …"])`,
 * `execSync("pbpaste")`) whose result is only asked how the process ended.
 */
function commandOnlyChecked(ctx: RuleContext): boolean {
  const parent = ctx.parent();
  if (parent?.type === 'CallExpression') return resultOnlyStatus(ctx, 1);
  return parent?.type === 'ArrayExpression' && ctx.parent(2)?.type === 'CallExpression' && resultOnlyStatus(ctx, 2);
}

/** The fixed words of an argument list written out. */
function words(list: Node & { type: 'ArrayExpression' }): string[] {
  return list.elements.map(e => (e && e.type !== 'SpreadElement' ? staticString(e) ?? '' : ''));
}

/**
 * Arguments that ask which kinds of data the clipboard holds, not what it holds: `wl-paste
 * --list-types`, `xclip -t TARGETS -o` (a check for an image before pasting one).
 */
function listsTypes(args: readonly string[]): boolean {
  return args.includes('--list-types') || args.includes('-l') || args.some((w, i) => w === 'TARGETS' && (args[i - 1] === '-t' || args[i - 1] === '-target'));
}

/** A command line that only lists the clipboard's kinds of data (see listsTypes). */
function listsTypesLine(line: string): boolean {
  return listsTypes(line.trim().split(/\s+/));
}

/**
 * The table's command lines to report: all but those that only process starts throwing their
 * output away are seen to run. One no start is seen to run is reported (it may be run by
 * code the analysis does not follow).
 */
function tableCommandsToReport<T extends { node: Node; siblings?: readonly Node[] }>(entries: readonly T[], runs: ReadonlyArray<{ node: Node & { type: 'CallExpression' }; fn: number; ignored: boolean }>, statusOnly: ReadonlySet<Node>, ctx: RuleContext): T[] {
  if (entries.length === 0) return [];
  const { flow, index } = ctx.analysis();
  const wanted = new Set(entries.flatMap(e => [e.node, ...(e.siblings ?? [])]));
  const ran = new Map<Node, boolean>();
  for (const run of runs) {
    for (const r of flow.origins(run.node.arguments[0] as Node, run.fn, n => (wanted.has(n) ? n : undefined))) {
      // A start inside a process runner of the code's own (`zY(cmd, o)` spawning `cmd`): the
      // runner's call that passes the command in is the one whose result is used or not.
      const outer = run.ignored ? undefined : outermostCaller(r.calls, run.fn, index);
      ran.set(r.mark, (ran.get(r.mark) ?? true) && (run.ignored || (!!outer && statusOnly.has(outer.call))));
    }
  }
  // A per-platform table's entries under one key play one part (`{ darwin: { checkImage }, linux:
  // { checkImage } }`): an entry no start is seen to run (the build picked another platform's,
  // `x.linux || x.linux`) does what the entries of its key that are seen to run do.
  const onlyChecked = (e: T) => {
    const seen = (e.siblings ?? []).filter(n => ran.has(n));
    return seen.length > 0 && seen.every(n => ran.get(n) === true);
  };
  return entries.filter(e => (ran.has(e.node) ? ran.get(e.node) !== true : !onlyChecked(e)));
}

/**
 * For a command line written as a property of one entry of a table of entries (`x = { darwin:
 * { checkImage: "…" }, linux: { checkImage: "…" } }`): the other entries' values under its key.
 */
function tableSiblings(ctx: RuleContext, node: Node): Node[] {
  const property = ctx.parent();
  const entry = ctx.parent(2);
  const owner = ctx.parent(3);
  const table = ctx.parent(4);
  if (property?.type !== 'Property' || entry?.type !== 'ObjectExpression' || owner?.type !== 'Property' || table?.type !== 'ObjectExpression') return [];
  const key = propertyKeyName(property);
  if (key === undefined) return [];
  const out: Node[] = [];
  for (const p of table.properties) {
    const other = p.type === 'Property' ? unwrapChain(p.value as Node) : undefined;
    if (other?.type !== 'ObjectExpression' || other === entry) continue;
    const same = other.properties.find(q => q.type === 'Property' && propertyKeyName(q) === key);
    if (same?.type === 'Property' && same.value !== node) out.push(same.value as Node);
  }
  return out;
}

export const clipboardRead: Rule = {
  meta: {
    id: 'clipboard-read',
    category: 'clipboard',
    severity: 'medium',
    title: 'Reads the clipboard',
    description: 'vscode.env.clipboard.readText, navigator.clipboard.read/readText, Electron clipboard.read*, clipboardy, and pbpaste / xclip -o / xsel -o / wl-paste / PowerShell Get-Clipboard / osascript "the clipboard".',
    messages: {
      read: 'Reads the clipboard ({{how}})',
    },
  },
  triggers: ['clipboard', 'Clipboard', 'NSPasteboard', 'pbpaste', 'pngpaste', 'xclip', 'xsel', 'wl-paste', 'Get-Clipboard', ']52;'],
  create(ctx) {
    const report = (node: Node, how: string) => ctx.report({ node, messageId: 'read', data: { how }, evidence: [how] });
    const hidden = new Map<Node, DecodedValue>();
    // Process starts whose program and argument list are held elsewhere: known after the walk.
    const mentionsTool = /\bx(?:sel|clip)\b/.test(ctx.text);
    const starts: Array<{ node: Node & { type: 'CallExpression' }; fn: number }> = [];
    // Program names already reported where they are written with their list (`run("xclip", […, "-o"])`).
    const namedHere = new Set<Node>();
    // Command lines written in a table (`{ checkImage: "osascript -e 'the clipboard as …'" }`):
    // decided after the walk, by the process starts their values reach.
    const tableCommands: Array<{ node: Node; fn: number; how: string; siblings: Node[] }> = [];
    const runs: Array<{ node: Node & { type: 'CallExpression' }; fn: number; ignored: boolean }> = [];
    // Calls whose result is only asked how the process ended (see resultOnlyStatus), whatever they call.
    const statusOnly = new Set<Node>();
    const command = (node: Node, text: string) => {
      const how = `command ${JSON.stringify(text.slice(0, 120))}`;
      // One that saves what it reads into a file (`xclip … -o > "$f"`, AppleScript's `write … to`) reads whatever its output.
      if (SAVES.test(text)) return report(node, how);
      if (ctx.parent()?.type === 'Property') tableCommands.push({ node, fn: ctx.functionIndex(), how, siblings: tableSiblings(ctx, node) });
      else if (!commandOnlyChecked(ctx)) report(node, how);
    };
    return {
      'Program:exit'() {
        for (const entry of tableCommandsToReport(tableCommands, runs, statusOnly, ctx)) ctx.report({ node: entry.node, fn: entry.fn, messageId: 'read', data: { how: entry.how }, evidence: [entry.how] });
        for (const start of starts) {
          const found = heldClipboardRead(start.node, start.fn, ctx, namedHere);
          if (found) ctx.report({ node: found.at?.node ?? start.node, fn: found.at?.fn ?? start.fn, messageId: 'read', data: { how: found.how }, evidence: [found.how], related: [{ start: found.list.start, end: found.list.end, message: 'the argument list that asks for the clipboard\'s content' }] });
        }
      },
      CallExpression(node) {
        const checked = resultOnlyStatus(ctx, 0);
        if (checked) statusOnly.add(node);
        // `execa(xselBin, args)` with `args` a parameter its callers give `["--clipboard", "--output"]` (clipboardy's Linux backend).
        if (node.arguments.length > 0 && node.arguments[0].type !== 'Literal' && startsProgram(node, ctx)) {
          if (mentionsTool && node.arguments.length >= 2) starts.push({ node, fn: ctx.functionIndex() });
          runs.push({ node, fn: ctx.functionIndex(), ignored: outputIgnored(node, ctx) || checked });
        }
        const method = calledMethod(node);
        const callee = calleeOf(node);
        if (method && READ_METHODS.has(method) && callee.type === 'MemberExpression') {
          const owner = unwrapChain(callee.object as Node);
          const ownerName = owner.type === 'Identifier' ? owner.name : propertyName(owner);
          if (ownerName === 'clipboard') return report(node, `${memberPath(owner) ?? 'clipboard'}.${method}()`);
        }
        // clipboardy's read(), or a native clipboard module's reader (`new m.ClipboardManager().getImageData()`
        // of @teddyzhu/clipboard, @napi-rs/clipboard's getText()), however it was loaded.
        const ref = ctx.moduleRef(callee);
        // A package's name says what it is; a file of the package's own (`./clipboard-image.js`) is read where it is.
        if (ref && /clipboard/i.test(ref.module) && !/^[./]/.test(ref.module) && /^(?:read|get|paste)/i.test(ref.path[ref.path.length - 1] ?? '')) report(node, `${ref.module}.${ref.path.join('.')}()`);
      },
      Literal(node) {
        if (typeof node.value !== 'string' || node.value.length > 500) return;
        // The terminal asked for its clipboard: the reply comes back on the input (Amp's OSC 52 paste).
        if (OSC52_QUERY.test(node.value)) return report(node, 'the terminal\'s clipboard, asked with an OSC 52 query');
        // A bare program name counts where it is run, not where it is looked for or compared.
        if (BARE_PROGRAM.test(node.value)) {
          if (runsProgram(ctx, node) && !givenTypeListing(ctx, node)) command(node, node.value);
          return;
        }
        if (isClipboardProgram(ctx, node, node.value)) namedHere.add(node);
        if ((isCommand(node.value) && !listsTypesLine(node.value)) || namedHere.has(node)) command(node, node.value);
      },
      TemplateLiteral(node) {
        const text = spelledTemplate(node);
        if (text !== undefined && OSC52_QUERY.test(text)) return report(node, 'the terminal\'s clipboard, asked with an OSC 52 query');
        if (text !== undefined && isCommand(text) && !listsTypesLine(text)) command(node, text);
      },
      // A command line a bundle hides behind its string decoder (Qoder's `_$d("…")`: Get-Clipboard,
      // `the clipboard as «class PNGf»`), once per literal, where its widest decoding site is (`_$d("…").trim()`).
      decoded({ decoded: d, use }) {
        if (use || typeof d.value !== 'string' || !isCommand(d.value) || listsTypesLine(d.value)) return;
        const key = d.literal ?? d.site;
        const known = hidden.get(key);
        if (!known || known.site.end - known.site.start < d.site.end - d.site.start) hidden.set(key, d);
      },
      decodedEnd() {
        for (const d of hidden.values()) {
          const how = `command ${JSON.stringify((d.value as string).slice(0, 120))}`;
          ctx.report({ node: d.site, fn: d.fn, messageId: 'read', data: { how }, evidence: [how], decodedFrom: d.recipe.join(' -> ') });
        }
        hidden.clear();
      },
    };
  },
};
