// The output of javascript-obfuscator (obfuscator.io): `_0x`-named identifiers, a string
// array behind a self-replacing accessor function, and a loop rotating that array with
// `push(shift())` at start-up. Minifiers (esbuild, terser, Bun) produce none of these.
import { calledMethod, receiverOf, unwrapChain, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';

const HEX_NAME = /^_0x[0-9a-f]{4,8}$/;
const HEX_NAMES = /\b_0x[0-9a-f]{4,8}\b/g;
/** A bundle that only quotes one `_0x` name is not obfuscated. */
const MIN_NAMES = 20;

function obfuscatedFile(ctx: RuleContext): boolean {
  let count = 0;
  HEX_NAMES.lastIndex = 0;
  while (HEX_NAMES.exec(ctx.text) && ++count < MIN_NAMES);
  return count >= MIN_NAMES;
}

/** `a.push(a.shift())` or `a["push"](a["shift"]())` over the same `_0x` array. */
function isRotation(node: Node): boolean {
  if (node.type !== 'CallExpression' || calledMethod(node) !== 'push' || node.arguments.length !== 1) return false;
  const inner = unwrapChain(node.arguments[0]);
  if (calledMethod(inner) !== 'shift') return false;
  const a = receiverOf(node);
  const b = receiverOf(inner);
  return a?.type === 'Identifier' && b?.type === 'Identifier' && a.name === b.name && HEX_NAME.test(a.name);
}

export const jsObfuscator: Rule = {
  meta: {
    id: 'js-obfuscator',
    category: 'obfuscation',
    severity: 'high',
    title: 'Obfuscated with javascript-obfuscator',
    description: 'The string-array rotation (`_0x…push(_0x…shift())`) or self-replacing `_0x` string-array accessor of javascript-obfuscator, in a file with many `_0x` identifiers; one finding per file.',
    messages: {
      rotation: 'String-array rotation of javascript-obfuscator (push(shift()) over a _0x array)',
      accessor: 'Self-replacing string-array accessor of javascript-obfuscator',
    },
  },
  triggers: ['_0x'],
  create(ctx) {
    // The first candidate decides for the whole file; only one finding per file.
    let decided = false;
    const once = (node: Node, messageId: string, evidence: string) => {
      if (decided) return;
      decided = true;
      if (obfuscatedFile(ctx)) ctx.report({ node, messageId, evidence: [evidence, `at least ${MIN_NAMES} _0x identifiers`] });
    };
    return {
      CallExpression(node) {
        if (isRotation(node)) once(node, 'rotation', 'push(shift()) rotation');
      },
      // function _0xabc(){const a=[...];_0xabc=function(){return a};return _0xabc()}
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== 'Identifier' || !HEX_NAME.test(left.name) || !['FunctionExpression', 'ArrowFunctionExpression'].includes(node.right.type)) return;
        const fn = ctx.enclosingFunction();
        if (fn?.type === 'FunctionDeclaration' && fn.id?.name === left.name) once(node, 'accessor', `${left.name} redefines itself`);
      },
    };
  },
};
