// Long base64, hex or char-code data decoded and then run (eval, Function, vm, require,
// a child process) or used as a request URL. Minified code encodes nothing this way; hiding
// code or an address in an encoded literal is a packer or dropper pattern.
import type * as acorn from 'acorn';
import { calledMethod, calleeOf, memberPath, staticString, unwrapChain, type CallLike, type Node } from '../js/ast';
import { argumentsOf } from '../js/modules';
import type { Rule, RuleContext } from './types';
import { networkCallKind } from './network-call';

const MIN_ENCODED = 40;
const MIN_CHAR_CODES = 16;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

interface Decoded {
  how: string;
  preview?: string;
}

/** The decoding step an expression ends in, if it decodes a long constant. */
function decodedValue(node: Node | undefined, ctx: RuleContext, depth = 0): Decoded | undefined {
  if (!node || depth > 4) return undefined;
  node = unwrapChain(node);
  if (node.type === 'Identifier') {
    const bound = ctx.resolve(node);
    return bound && bound.type !== 'Identifier' ? decodedValue(bound, ctx, depth + 1) : undefined;
  }
  if (node.type === 'AwaitExpression') return decodedValue(node.argument, ctx, depth + 1);
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return undefined;
  const method = calledMethod(node);
  // Buffer.from(x, "base64").toString() / .toString("utf8")
  const args = argumentsOf(node);
  const callee = calleeOf(node);
  if (method === 'toString' || method === 'decode') {
    const inner = callee.type === 'MemberExpression' ? decodedValue(callee.object as Node, ctx, depth + 1) : undefined;
    if (inner) return inner;
    if (method === 'decode') return decodedValue(args[0], ctx, depth + 1);
    return undefined;
  }
  const path = memberPath(callee);
  const data = constantString(args[0], ctx);
  if ((path === 'atob' || path === 'globalThis.atob' || path === 'window.atob') && data && isEncoded(data, 'base64')) {
    return { how: `atob of ${data.length} base64 characters`, preview: preview(Buffer.from(data, 'base64')) };
  }
  if ((path === 'Buffer.from' || (node.type === 'NewExpression' && path === 'Buffer')) && data) {
    const enc = staticString(args[1]);
    if ((enc === 'base64' || enc === 'base64url') && isEncoded(data, 'base64')) return { how: `Buffer.from(…, "${enc}") of ${data.length} characters`, preview: preview(Buffer.from(data, enc)) };
    if (enc === 'hex' && isEncoded(data, 'hex')) return { how: `Buffer.from(…, "hex") of ${data.length} characters`, preview: preview(Buffer.from(data, 'hex')) };
  }
  if (path === 'String.fromCharCode') {
    const codes = charCodes(node.arguments, ctx);
    if (codes && codes.length >= MIN_CHAR_CODES) return { how: `String.fromCharCode of ${codes.length} codes`, preview: preview(Buffer.from(String.fromCharCode(...codes), 'latin1')) };
  }
  return undefined;
}

function constantString(node: Node | undefined, ctx: RuleContext): string | undefined {
  if (!node) return undefined;
  const direct = staticString(node);
  if (direct !== undefined) return direct;
  const bound = node.type === 'Identifier' ? ctx.resolve(node) : undefined;
  return bound ? staticString(bound) : undefined;
}

function isEncoded(data: string, how: 'base64' | 'hex'): boolean {
  return data.length >= MIN_ENCODED && (how === 'hex' ? HEX.test(data) : BASE64.test(data));
}

function charCodes(args: ReadonlyArray<acorn.Expression | acorn.SpreadElement>, ctx: RuleContext): number[] | undefined {
  let list: ReadonlyArray<acorn.Expression | acorn.SpreadElement | null> = args;
  if (args.length === 1 && args[0].type === 'SpreadElement') {
    const spread = unwrapChain(args[0].argument);
    const arr = spread.type === 'Identifier' ? ctx.resolve(spread) : spread;
    if (arr?.type !== 'ArrayExpression') return undefined;
    list = arr.elements;
  }
  const codes: number[] = [];
  for (const a of list) {
    if (a?.type !== 'Literal' || typeof a.value !== 'number') return undefined;
    codes.push(a.value);
  }
  return codes;
}

/** Up to 80 printable characters of the decoded bytes, or a note that they are binary. */
function preview(bytes: Buffer): string {
  const text = bytes.subarray(0, 120).toString('latin1');
  const printable = text.replace(/[^\x20-\x7e]/g, '').length / Math.max(1, text.length);
  if (printable < 0.85) return `${bytes.length} bytes, not text`;
  return JSON.stringify(text.slice(0, 80)) + (bytes.length > 80 ? '…' : '');
}

type Use = { kind: 'run' | 'url'; how: string };

/** What a call does with its first argument: run it as code, or send a request to it. */
function sinkOf(node: CallLike | acorn.ImportExpression, ctx: RuleContext): Use | undefined {
  if (node.type === 'ImportExpression') return { kind: 'run', how: 'import()' };
  const callee = calleeOf(node);
  if (callee.type === 'Identifier' && !ctx.isBound(callee)) {
    if (callee.name === 'eval' || callee.name === 'Function') return { kind: 'run', how: callee.name };
    if (callee.name === 'fetch') return { kind: 'url', how: 'fetch' };
    if (node.type === 'NewExpression' && (callee.name === 'URL' || callee.name === 'WebSocket')) return { kind: 'url', how: `new ${callee.name}` };
  }
  if (ctx.isRequire(callee)) return { kind: 'run', how: 'require' };
  const ref = ctx.calleeRef(node) ?? ctx.moduleRef(callee);
  if (!ref) return undefined;
  if (ref.module === 'vm' || ref.module === 'child_process') return { kind: 'run', how: [ref.module, ...ref.path].join('.') };
  if (networkCallKind(ref)) return { kind: 'url', how: [ref.module, ...ref.path].join('.') };
  return undefined;
}

export const encodedPayload: Rule = {
  meta: {
    id: 'encoded-payload',
    category: 'obfuscation',
    severity: 'high',
    title: 'Runs or contacts an encoded payload',
    description: 'A long base64, hex or char-code constant decoded (atob, Buffer.from, String.fromCharCode) and then run (eval, Function, vm, require, import, child_process) or used as a request URL.',
    messages: {
      run: 'Decodes an encoded constant and runs it as code ({{how}})',
      url: 'Decodes an encoded constant and uses it as a request URL ({{how}})',
    },
  },
  triggers: ['atob', 'base64', 'hex', 'fromCharCode'],
  create(ctx) {
    const check = (node: CallLike | acorn.ImportExpression) => {
      const args: readonly Node[] = node.type === 'ImportExpression' ? [node.source] : argumentsOf(node);
      if (args.length === 0) return;
      const use = sinkOf(node, ctx);
      if (!use) return;
      // Function("a", "b", body): the body is last.
      const decoded = decodedValue(use.how === 'Function' ? args[args.length - 1] : args[0], ctx);
      if (!decoded) return;
      ctx.report({
        node,
        messageId: use.kind,
        data: { how: use.how },
        severity: use.kind === 'run' ? 'high' : 'medium',
        evidence: [`decoder ${decoded.how}`, `sink ${use.how}`, ...(decoded.preview ? [`decodes to ${decoded.preview}`] : [])],
        facts: [use.kind === 'run' ? { kind: 'sink', sink: 'eval', detail: 'decoded code', payload: args.slice(0, 1) } : { kind: 'sink', sink: 'network', detail: 'decoded URL', payload: args, target: args[0] }],
      });
    };
    return { CallExpression: check, NewExpression: check, ImportExpression: check };
  },
};
