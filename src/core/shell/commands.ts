// The simple commands of a POSIX shell script (sh, bash, zsh), as far as a static reader can
// tell them: words with their quotes removed and their places in the text, the redirections
// each command makes, the pipeline it is part of, and the values the script gives its
// variables. Enough to say what a shipped install or launcher script runs and writes; not a
// shell (no globbing, no arithmetic, no functions called by name). Nothing here runs anything.

export interface ShellWord {
  /** The word with quotes and escapes removed; `$(…)`, `${…}` and backquotes kept as written. */
  text: string;
  start: number;
  end: number;
}

export interface ShellRedirect {
  /** `>`, `>>`, `>|`, `&>`, `&>>` (writes) or `<` (a read). */
  op: string;
  target: ShellWord;
}

export interface ShellCommand {
  /** The command's span in the script: its first word (or redirection) to its last. */
  start: number;
  end: number;
  /** Program and arguments (assignments in front, reserved words and redirections left out). */
  words: ShellWord[];
  redirects: ShellRedirect[];
  /** The command before this one in a pipeline (`curl … | bash`: bash's is curl's). */
  pipedFrom?: ShellCommand;
}

export interface ShellScript {
  commands: ShellCommand[];
  /**
   * Every value the script gives each variable (`X=…`, `export X=…`, `local X=…`, `for X in a b`),
   * in text order: which of them a use sees is not worked out, so a use may be any of them.
   */
  variables: ReadonlyMap<string, readonly ShellWord[]>;
}

/** Words that start or end a compound command; the command proper follows them. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'case', 'esac', '!', '{', '}', 'time', 'function']);
const DECLARERS = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)/;

type Token = { kind: 'word'; word: ShellWord } | { kind: 'op'; op: string; start: number; end: number };

/** The commands of a script. Never throws: an unclosed quote ends at the end of the text. */
export function shellScript(text: string): ShellScript {
  const tokens = tokenize(text);
  const commands: ShellCommand[] = [];
  const variables = new Map<string, ShellWord[]>();
  const assign = (name: string, value: ShellWord) => {
    let list = variables.get(name);
    if (!list) variables.set(name, (list = []));
    list.push(value);
  };
  let segment: Token[] = [];
  let previous: ShellCommand | undefined;
  let depth = 0;
  // Where the current pipeline's commands start: a case pattern `bash|sh)` is a pipeline to `)`.
  let pipelineStart = 0;
  const close = (op: string) => {
    const command = commandOf(segment, assign);
    segment = [];
    if (command) {
      if (previous && pipes) command.pipedFrom = previous;
      commands.push(command);
    }
    pipes = op === '|';
    if (!pipes) pipelineStart = commands.length;
    previous = command;
  };
  let pipes = false;
  for (const t of tokens) {
    if (t.kind === 'op' && SEPARATORS.has(t.op)) {
      if (t.op === '(') depth++;
      if (t.op === ')') {
        // `zsh)`, `bash|sh)` in a case: patterns, not commands, when no `(` is open.
        if (depth === 0) {
          segment = [];
          commands.length = pipelineStart;
        } else depth--;
      }
      close(t.op);
      continue;
    }
    segment.push(t);
  }
  close('\n');
  return { commands, variables };
}

const SEPARATORS = new Set(['|', '||', '&&', ';', ';;', '&', '\n', '(', ')', '|&']);
const REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>', '<', '<<', '<<-', '<<<', '<>', '>&', '<&']);

function commandOf(tokens: Token[], assign: (name: string, value: ShellWord) => void): ShellCommand | undefined {
  const words: ShellWord[] = [];
  const redirects: ShellRedirect[] = [];
  let start = -1;
  let end = -1;
  let i = 0;
  const at = (from: number, to: number) => {
    if (start < 0) start = from;
    end = to;
  };
  // `for X in a b c`: X takes each value.
  if (tokens[0]?.kind === 'word' && tokens[0].word.text === 'for' && tokens[1]?.kind === 'word' && tokens[2]?.kind === 'word' && tokens[2].word.text === 'in') {
    const name = tokens[1].word.text;
    for (const t of tokens.slice(3)) if (t.kind === 'word') assign(name, t.word);
    return undefined;
  }
  if (tokens[0]?.kind === 'word' && (tokens[0].word.text === 'case' || tokens[0].word.text === 'for' || tokens[0].word.text === 'select')) return undefined;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'op') {
      if (REDIRECTS.has(t.op)) {
        const next = tokens[i + 1];
        if (next?.kind === 'word') {
          redirects.push({ op: t.op, target: next.word });
          at(t.start, next.word.end);
          i++;
        }
      }
      continue;
    }
    const w = t.word;
    if (words.length === 0 && RESERVED.has(w.text)) continue;
    // `X=value` before the program (or alone), and after export/local/readonly.
    const declaring = words.length >= 1 && DECLARERS.has(words[0].text);
    const a = (words.length === 0 || declaring) && ASSIGNMENT.exec(w.text);
    if (a) {
      assign(a[1], { text: w.text.slice(a[0].length), start: w.start + a[0].length, end: w.end });
      if (!declaring) continue;
    }
    words.push(w);
    at(w.start, w.end);
  }
  if (words.length && DECLARERS.has(words[0].text)) return undefined;
  if (words.length === 0 && redirects.length === 0) return undefined;
  return { start, end, words, redirects };
}

/** Tokens of a script: words (quotes removed) and operators, comments and here-document bodies left out. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const heredocs: Array<{ delimiter: string; tabs: boolean }> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
      i++;
      // Here-documents begin on the next line: skipped up to their delimiter line.
      while (heredocs.length) {
        const { delimiter, tabs } = heredocs.shift()!;
        while (i < n) {
          const lineEnd = text.indexOf('\n', i);
          const line = text.slice(i, lineEnd < 0 ? n : lineEnd).replace(/\r$/, '');
          i = lineEnd < 0 ? n : lineEnd + 1;
          if ((tabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
        }
      }
      continue;
    }
    if (ch === '#') {
      const lineEnd = text.indexOf('\n', i);
      i = lineEnd < 0 ? n : lineEnd;
      continue;
    }
    const found = operatorAt(text, i);
    if (found) {
      const { op, length } = found;
      // `<(curl …)` and `>(…)`: a process substitution is a word.
      if ((op === '<' || op === '>') && length === 1 && text[i + 1] === '(') {
        const word = readWord(text, i);
        tokens.push({ kind: 'word', word });
        i = word.end;
        continue;
      }
      tokens.push({ kind: 'op', op, start: i, end: i + length });
      i += length;
      if (op === '<<' || op === '<<-') {
        while (text[i] === ' ' || text[i] === '\t') i++;
        const word = readWord(text, i);
        if (word.end > i) {
          heredocs.push({ delimiter: word.text, tabs: op === '<<-' });
          tokens.push({ kind: 'word', word });
          i = word.end;
        }
      }
      continue;
    }
    const word = readWord(text, i);
    if (word.end === i) {
      i++;
      continue;
    }
    tokens.push({ kind: 'word', word });
    i = word.end;
  }
  return tokens;
}

const OPERATORS = ['&>>', '<<-', '<<<', '>>', '<<', '&&', '||', ';;', '>|', '&>', '|&', '<>', '>&', '<&', '|', '&', ';', '>', '<', '(', ')'];

/**
 * The operator starting at `i`, longest first, and how much text it takes: a file descriptor
 * number glued to a redirection belongs to it (`2>file`, `2>&1`: the `>&` duplicates, its word
 * is a descriptor).
 */
function operatorAt(text: string, i: number): { op: string; length: number } | undefined {
  let j = i;
  while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
  if (j > i && text[j] !== '>' && text[j] !== '<') return undefined;
  for (const op of OPERATORS) {
    if (!text.startsWith(op, j)) continue;
    if (j > i && op[0] !== '>' && op[0] !== '<') return undefined;
    return { op, length: j - i + op.length };
  }
  return undefined;
}

/** One word from `i`: up to unquoted white space or an operator, quotes removed. */
function readWord(text: string, i: number): ShellWord {
  const start = i;
  let out = '';
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else {
        out += text[i + 1] ?? '';
        i += 2;
      }
      continue;
    }
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? n : close;
      out += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && '"\\$`\n'.includes(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') out += text[i + 1];
          i += 2;
        } else if (text[i] === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
          const stop = closing(text, i + 1);
          out += text.slice(i, stop);
          i = stop;
        } else if (text[i] === '`') {
          const stop = backquoteEnd(text, i);
          out += text.slice(i, stop);
          i = stop;
        } else out += text[i++];
      }
      i++;
      continue;
    }
    if (ch === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const stop = closing(text, i + 1);
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if ((ch === '<' || ch === '>') && text[i + 1] === '(' && i === start) {
      const stop = closing(text, i + 1);
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '`') {
      const stop = backquoteEnd(text, i);
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || '|&;<>()'.includes(ch)) break;
    out += ch;
    i++;
  }
  return { text: out, start, end: Math.min(i, n) };
}

/** The end (one past) of the bracket group opening at `i` (`(` or `{`), quotes inside skipped. */
function closing(text: string, i: number): number {
  const open = text[i];
  const shut = open === '(' ? ')' : '}';
  let depth = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === "'" && open === '(') {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === shut && --depth === 0) return i + 1;
    i++;
  }
  return n;
}

function backquoteEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}
