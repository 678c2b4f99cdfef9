// Reads of the clipboard, which often holds passwords, tokens and private text: the editor
// and browser clipboard APIs, Electron's clipboard, clipboardy, and the platform commands
// (pbpaste, xclip -o, xsel -o, wl-paste, PowerShell Get-Clipboard, osascript "the clipboard").
import { calledMethod, calleeOf, memberPath, propertyName, staticString, unwrapChain, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { spelledTemplate } from './util/values';

const READ_METHODS = new Set(['readText', 'read', 'readImage', 'readHTML', 'readRTF', 'readBookmark', 'readBuffer']);
/** A command line, not a sentence about one: the program comes first, then flags or a pipe. */
const COMMAND = /^(?:(?:pbpaste|wl-paste)(?=$|\s+[-|;&>2])|xclip\b.*\s-o(?:ut)?\b|xsel\b.*\s(?:-o|--output)\b|osascript\b.*\bthe clipboard\b|the clipboard as\b)/;
/** PowerShell's Get-Clipboard anywhere in a command (`$c = Get-Clipboard -Raw; …`, `powershell -Command "Get-Clipboard"`). */
const GET_CLIPBOARD = /(?:^|[\s;|("'=&{])Get-Clipboard\b(?=$|[\s;|)"'}-])/;
const OUTPUT_FLAGS = new Set(['-o', '-out', '--output']);
const BARE_PROGRAM = /^(?:pbpaste|wl-paste)$/;

/** Prose about the clipboard ("Try installing wl-clipboard and using wl-paste instead."). */
function isSentence(text: string): boolean {
  return /[a-z][.!?]\s*$/i.test(text) && text.trim().split(/\s+/).length > 4 && !/[;|$]/.test(text);
}

function isCommand(text: string): boolean {
  if (text.length > 500 || isSentence(text)) return false;
  return COMMAND.test(text) || GET_CLIPBOARD.test(text);
}

function isArgument(ctx: RuleContext): boolean {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  return (parent?.type === 'CallExpression' && (parent.arguments as Node[]).includes(node)) || parent?.type === 'ArrayExpression' || parent?.type === 'Property';
}

/** `xclip`/`xsel` as a program name with an output flag among the call's arguments. */
function isClipboardProgram(ctx: RuleContext, name: string): boolean {
  if (name !== 'xclip' && name !== 'xsel') return false;
  const call = ctx.parent();
  if (call?.type !== 'CallExpression') return false;
  return call.arguments.some(a => a.type === 'ArrayExpression' && a.elements.some(e => OUTPUT_FLAGS.has(staticString(e) ?? '')));
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
  triggers: ['clipboard', 'pbpaste', 'xclip', 'xsel', 'wl-paste', 'Get-Clipboard'],
  create(ctx) {
    const report = (node: Node, how: string) => ctx.report({ node, messageId: 'read', data: { how }, evidence: [how] });
    return {
      CallExpression(node) {
        const method = calledMethod(node);
        const callee = calleeOf(node);
        if (method && READ_METHODS.has(method) && callee.type === 'MemberExpression') {
          const owner = unwrapChain(callee.object as Node);
          const ownerName = owner.type === 'Identifier' ? owner.name : propertyName(owner);
          if (ownerName === 'clipboard') return report(node, `${memberPath(owner) ?? 'clipboard'}.${method}()`);
        }
        const ref = ctx.moduleRef(callee);
        if (ref?.module === 'clipboardy' && /^read/.test(ref.path[ref.path.length - 1] ?? '')) report(node, `clipboardy.${ref.path.join('.')}()`);
      },
      Literal(node) {
        if (typeof node.value !== 'string' || node.value.length > 500) return;
        // A bare program name counts where it is run, not where an error's command is compared.
        if (BARE_PROGRAM.test(node.value) && !isArgument(ctx)) return;
        if (isCommand(node.value) || BARE_PROGRAM.test(node.value) || isClipboardProgram(ctx, node.value)) report(node, `command ${JSON.stringify(node.value.slice(0, 120))}`);
      },
      TemplateLiteral(node) {
        const text = spelledTemplate(node);
        if (text !== undefined && isCommand(text)) report(node, `command ${JSON.stringify(text.slice(0, 120))}`);
      },
    };
  },
};
