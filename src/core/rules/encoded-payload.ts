// Long base64, hex or char-code data decoded and then run (eval, Function, vm, require,
// a child process) or used as a request URL. Minified code encodes nothing this way; hiding
// code or an address in an encoded literal is a packer or dropper pattern.
import { calledMethod, memberPath, staticString, unwrapChain, type AstNode } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { calleeRef, isRequireFunction, moduleRef } from '../js/modules';
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
function decodedValue(node: AstNode | undefined, ctx: RuleContext, depth = 0): Decoded | undefined {
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
  if (method === 'toString' || method === 'decode') {
    const inner = decodedValue(unwrapChain(node.callee).object, ctx, depth + 1);
    if (inner) return inner;
    if (method === 'decode') return decodedValue(node.arguments[0], ctx, depth + 1);
    return undefined;
  }
  const callee = unwrapChain(node.callee);
  const path = memberPath(callee);
  const data = constantString(node.arguments[0], ctx);
  if ((path === 'atob' || path === 'globalThis.atob' || path === 'window.atob') && data && isEncoded(data, 'base64')) {
    return { how: `atob of ${data.length} base64 characters`, preview: preview(Buffer.from(data, 'base64')) };
  }
  if ((path === 'Buffer.from' || (node.type === 'NewExpression' && path === 'Buffer')) && data) {
    const enc = staticString(node.arguments[1]);
    if ((enc === 'base64' || enc === 'base64url') && isEncoded(data, 'base64')) return { how: `Buffer.from(…, "${enc}") of ${data.length} characters`, preview: preview(Buffer.from(data, enc)) };
    if (enc === 'hex' && isEncoded(data, 'hex')) return { how: `Buffer.from(…, "hex") of ${data.length} characters`, preview: preview(Buffer.from(data, 'hex')) };
  }
  if (path === 'String.fromCharCode') {
    const codes = charCodes(node.arguments, ctx);
    if (codes && codes.length >= MIN_CHAR_CODES) return { how: `String.fromCharCode of ${codes.length} codes`, preview: preview(Buffer.from(String.fromCharCode(...codes), 'latin1')) };
  }
  return undefined;
}

function constantString(node: AstNode | undefined, ctx: RuleContext): string | undefined {
  if (!node) return undefined;
  const direct = staticString(node);
  if (direct !== undefined) return direct;
  const bound = node.type === 'Identifier' ? ctx.resolve(node) : undefined;
  return bound ? staticString(bound) : undefined;
}

function isEncoded(data: string, how: 'base64' | 'hex'): boolean {
  return data.length >= MIN_ENCODED && (how === 'hex' ? HEX.test(data) : BASE64.test(data));
}

function charCodes(args: AstNode[], ctx: RuleContext): number[] | undefined {
  let list = args;
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
function sinkOf(node: AstNode, ctx: RuleContext): Use | undefined {
  if (node.type === 'ImportExpression') return { kind: 'run', how: 'import()' };
  let callee = unwrapChain(node.callee);
  if (callee.type === 'SequenceExpression') callee = callee.expressions[callee.expressions.length - 1];
  if (callee.type === 'Identifier' && !ctx.resolve(callee)) {
    if (callee.name === 'eval' || callee.name === 'Function') return { kind: 'run', how: callee.name };
    if (callee.name === 'fetch') return { kind: 'url', how: 'fetch' };
    if (node.type === 'NewExpression' && (callee.name === 'URL' || callee.name === 'WebSocket')) return { kind: 'url', how: `new ${callee.name}` };
  }
  if (isRequireFunction(callee, ctx)) return { kind: 'run', how: 'require' };
  const ref = node.type === 'CallExpression' ? calleeRef(node, ctx) ?? moduleRef(callee, ctx) : moduleRef(callee, ctx);
  if (!ref) return undefined;
  if (ref.module === 'vm' || ref.module === 'child_process') return { kind: 'run', how: [ref.module, ...ref.path].join('.') };
  if (networkCallKind(ref)) return { kind: 'url', how: [ref.module, ...ref.path].join('.') };
  return undefined;
}

function check(node: AstNode, ctx: RuleContext) {
  const args: AstNode[] = node.type === 'ImportExpression' ? [node.source] : node.arguments;
  if (args.length === 0) return;
  const use = sinkOf(node, ctx);
  if (!use) return;
  // Function("a", "b", body): the body is last.
  const decoded = decodedValue(use.how === 'Function' ? args[args.length - 1] : args[0], ctx);
  if (!decoded) return;
  const what = use.kind === 'run' ? 'runs it as code' : 'uses it as a request URL';
  ctx.report(node, `Decodes an encoded constant and ${what} (${use.how})`, {
    severity: use.kind === 'run' ? 'high' : 'medium',
    evidence: [`decoder ${decoded.how}`, `sink ${use.how}`, ...(decoded.preview ? [`decodes to ${decoded.preview}`] : [])],
    facts: [{ kind: use.kind === 'run' ? 'sink:eval' : 'sink:network', detail: `decoded ${use.kind === 'run' ? 'code' : 'URL'}` }],
  });
}

export const encodedPayload: Rule = {
  id: 'encoded-payload',
  category: 'obfuscation',
  severity: 'high',
  title: 'Runs or contacts an encoded payload',
  description: 'A long base64, hex or char-code constant decoded (atob, Buffer.from, String.fromCharCode) and then run (eval, Function, vm, require, import, child_process) or used as a request URL.',
  triggers: ['atob', 'base64', 'hex', 'fromCharCode'],
  visitors: { CallExpression: check, NewExpression: check, ImportExpression: check },
};
