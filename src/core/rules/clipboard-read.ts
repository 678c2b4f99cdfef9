// Reads of the clipboard, which often holds passwords, tokens and private text: the editor
// and browser clipboard APIs, Electron's clipboard, clipboardy, and the platform commands
// (pbpaste, xclip -o, xsel -o, wl-paste, Get-Clipboard, osascript "the clipboard").
import { calledMethod, memberPath, propertyName, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { moduleRef } from '../js/modules';

const READ_METHODS = new Set(['readText', 'read', 'readImage', 'readHTML', 'readRTF', 'readBookmark', 'readBuffer']);
/** A command line, not a sentence about one: the program comes first, then flags or a pipe. */
const COMMAND = /^(?:(?:pbpaste|wl-paste)(?=$|\s+[-|;&>2])|xclip\b.*\s-o(?:ut)?\b|xsel\b.*\s(?:-o|--output)\b|(?:powershell(?:\.exe)?\s.*)?Get-Clipboard\b|osascript\b.*\bthe clipboard\b|the clipboard as\b)/;
const OUTPUT_FLAGS = new Set(['-o', '-out', '--output']);

function report(ctx: RuleContext, node: AstNode, how: string) {
  ctx.report(node, `Reads the clipboard (${how})`, { evidence: [how] });
}

const BARE_PROGRAM = /^(?:pbpaste|wl-paste)$/;

function isArgument(ctx: RuleContext): boolean {
  const node = ctx.path[ctx.path.length - 1];
  const parent = ctx.parent();
  return (parent?.type === 'CallExpression' && parent.arguments.includes(node)) || parent?.type === 'ArrayExpression' || parent?.type === 'Property';
}

/** `xclip`/`xsel` as a program name with an output flag among the call's arguments. */
function isClipboardProgram(ctx: RuleContext, name: string): boolean {
  if (name !== 'xclip' && name !== 'xsel') return false;
  const call = ctx.parent();
  if (call?.type !== 'CallExpression') return false;
  return call.arguments.some((a: AstNode) => a.type === 'ArrayExpression' && a.elements.some((e: AstNode | null) => OUTPUT_FLAGS.has(staticString(e) ?? '')));
}

export const clipboardRead: Rule = {
  id: 'clipboard-read',
  category: 'clipboard',
  severity: 'medium',
  title: 'Reads the clipboard',
  description: 'vscode.env.clipboard.readText, navigator.clipboard.read/readText, Electron clipboard.read*, clipboardy, and pbpaste / xclip -o / xsel -o / wl-paste / Get-Clipboard / osascript "the clipboard".',
  triggers: ['clipboard', 'pbpaste', 'xclip', 'xsel', 'wl-paste', 'Get-Clipboard'],
  visitors: {
    CallExpression(node, ctx) {
      const method = calledMethod(node);
      if (method && READ_METHODS.has(method)) {
        const owner = unwrapChain(unwrapChain(node.callee).object);
        const ownerName = owner.type === 'Identifier' ? owner.name : propertyName(owner);
        if (ownerName === 'clipboard') return report(ctx, node, `${memberPath(owner) ?? 'clipboard'}.${method}()`);
      }
      const ref = moduleRef(node.callee, ctx);
      if (ref?.module === 'clipboardy' && /^read/.test(ref.path[ref.path.length - 1] ?? '')) report(ctx, node, `clipboardy.${ref.path.join('.')}()`);
    },
    Literal(node, ctx) {
      if (typeof node.value !== 'string' || node.value.length > 500) return;
      // A bare program name counts where it is run, not where an error's command is compared.
      if (BARE_PROGRAM.test(node.value) && !isArgument(ctx)) return;
      if (COMMAND.test(node.value) || isClipboardProgram(ctx, node.value)) report(ctx, node, `command ${JSON.stringify(node.value.slice(0, 120))}`);
    },
    TemplateLiteral(node, ctx) {
      const text = node.quasis.map((q: AstNode) => q.value.cooked ?? '').join('*');
      if (text.length <= 500 && COMMAND.test(text)) report(ctx, node, `command ${JSON.stringify(text.slice(0, 120))}`);
    },
  },
};
