// File writes: the sink of config-tamper and of download-exec. Info on their own (every
// assistant writes files); the path is evidence when it is spelled out. The fact carries the
// path (`target`) and the data written (`payload`), which correlators follow back.
import { calleeOf, memberPath, propertyName, staticString, unwrapChain, type Node } from '../js/ast';
import { argumentsOf, moduleRefOf, refName } from '../js/modules';
import { everyUse } from '../js/nameUses';
import type { ModuleAnalysis, ReportDescriptor, Rule, RuleContext } from './types';
import { spelledPath } from './util/paths';

const WRITES = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'rename', 'renameSync', 'symlink', 'symlinkSync', 'link', 'linkSync',
  // fs-extra's own writers (its module counts as fs): the file, then the data; copy and move name the new file second.
  'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync', 'outputJSON', 'outputJSONSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync', 'copy', 'copySync', 'move', 'moveSync',
]);
const CHMOD = new Set(['chmod', 'chmodSync']);
/** copyFile/rename/symlink/link name the new file second, and what is written is the first. */
const FROM_TO = /^(?:copyFile|cp|rename|symlink|link|copy|move)/;

/** Octal modes with an execute bit, in the spellings minifiers leave (0o755 = 493). */
function setsExecutable(mode: Node | undefined): boolean {
  if (!mode) return false;
  mode = unwrapChain(mode);
  if (mode.type === 'Literal' && typeof mode.value === 'number') return (mode.value & 0o111) !== 0;
  if (mode.type === 'Literal' && typeof mode.value === 'string') return /\+x/.test(mode.value) || (/^[0-7]{3,4}$/.test(mode.value) && (parseInt(mode.value, 8) & 0o111) !== 0);
  return false;
}

function report(ctx: RuleContext, node: Node, call: string, target: Node | undefined, payload: Node | undefined, executable = false) {
  ctx.report(descriptor(node, call, target, target ? spelledPath(target, ctx) : undefined, payload ? [payload] : [], executable));
}

/** The finding of a write; `path`: the target spelled where the call is (names resolve by walk position). */
function descriptor(node: Node, call: string, target: Node | undefined, path: string | undefined, payload: Node[], executable = false, fn?: number): ReportDescriptor {
  return {
    node,
    messageId: executable ? (path ? 'chmodPath' : 'chmod') : path ? 'writePath' : 'write',
    data: { call, path: path ?? '' },
    evidence: [`call ${call}`, ...(path ? [`path ${path.slice(0, 200)}`] : [])],
    facts: [{ kind: 'sink', sink: 'write', detail: executable ? 'makes a file executable' : path ?? call, payload, ...(target ? { target } : {}), ...(executable ? { permissionsOnly: true } : {}) }],
    ...(fn !== undefined ? { fn } : {}),
  };
}

/** The path of `Bun.file(p)` (also `globalThis.Bun.file(p)`), the receiver of a write. */
function bunFileHandle(receiver: Node): Node | undefined {
  const call = unwrapChain(receiver);
  if (call.type !== 'CallExpression') return undefined;
  const path = memberPath(call.callee as Node);
  return path === 'Bun.file' || path === 'globalThis.Bun.file' ? (call.arguments[0] as Node | undefined) : undefined;
}

/** Methods of a FileHandle that write their first argument. */
const HANDLE_WRITES = new Set(['write', 'writeFile', 'appendFile', 'writev']);
/** fs functions that write their second argument to the descriptor given first. */
const DESCRIPTOR_WRITES = new Set(['write', 'writeSync', 'writev', 'writevSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync']);

/** `const file = await open(p, "w")`, `const fd = openSync(p, "w")`: the name the handle or descriptor is kept under. */
function handleName(ctx: RuleContext): string | undefined {
  let depth = 1;
  let parent = ctx.parent(depth);
  while (parent?.type === 'AwaitExpression' || parent?.type === 'ParenthesizedExpression') parent = ctx.parent(++depth);
  return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined;
}

/**
 * What is written through a handle or descriptor in the function that opens it:
 * `file.write(chunk)` in a loop over a response's body, `writeSync(fd, data)`. The data is the
 * write's payload, which download-exec follows back (Kimi Code's self-updater).
 */
function handlePayload(analysis: ModuleAnalysis, name: string, fn: number): Node[] {
  const payload: Node[] = [];
  everyUse(analysis.index, fn, name, use => {
    const parent = use.ancestors[use.ancestors.length - 1];
    const call = use.ancestors[use.ancestors.length - 2];
    if (parent?.type === 'MemberExpression' && parent.object === use.node && call?.type === 'CallExpression' && call.callee === parent && HANDLE_WRITES.has(propertyName(parent) ?? '')) {
      if (call.arguments[0]) payload.push(call.arguments[0] as Node);
    } else if (parent?.type === 'CallExpression' && parent.arguments[0] === use.node && parent.arguments[1]) {
      const ref = moduleRefOf(parent.callee as Node, analysis.lookup(use.fn));
      if (ref?.module === 'fs' && DESCRIPTOR_WRITES.has(ref.path[ref.path.length - 1])) payload.push(parent.arguments[1] as Node);
    }
    return payload.length < MAX_HANDLE_PAYLOAD;
  });
  return payload;
}
const MAX_HANDLE_PAYLOAD = 8;

type OpenMode = 'write' | 'touch' | 'read';

/** `"a"`, `"wx"`: append, or create only if absent (a touch when closed at once); `"w"`, `"r+"`: write; else read. */
export function stringOpenMode(text: string): OpenMode {
  return /^a|x/.test(text) ? 'touch' : /^w|\+/.test(text) ? 'write' : 'read';
}

/** Flag names that open a file for writing (fs.constants, os.constants). */
const WRITE_FLAGS = new Set(['O_WRONLY', 'O_RDWR']);
/** With a write flag: append or create-only-if-absent, which change nothing when the handle is closed at once. */
const TOUCH_FLAGS = new Set(['O_APPEND', 'O_EXCL']);

/**
 * What an open's flags let it do to the file, one mode per value they can take: a string (`"w"`,
 * `"a+"`, `"r+"`), `fs.constants` bits (`O_WRONLY | O_CREAT`), a number, and both sides of a
 * choice (`held ? K.O_WRONLY | K.O_NOFOLLOW : "w"`). A value it cannot tell is left out: only
 * a known mode makes a write.
 */
function openModes(flags: Node | undefined, ctx: RuleContext, depth = 0): OpenMode[] {
  if (!flags) return ['read'];
  const node = unwrapChain(flags);
  const text = staticString(node);
  if (text !== undefined) return [stringOpenMode(text)];
  if (node.type === 'Literal' && typeof node.value === 'number') return [(node.value & 3) !== 0 ? 'write' : 'read'];
  if (node.type === 'ConditionalExpression') return [...openModes(node.consequent as Node, ctx, depth), ...openModes(node.alternate as Node, ctx, depth)];
  if (node.type === 'LogicalExpression') return [...openModes(node.left as Node, ctx, depth), ...openModes(node.right as Node, ctx, depth)];
  if (node.type === 'Identifier' && depth < 2) {
    const value = ctx.resolve(node);
    if (value && value.type !== 'Parameter' && value.type !== 'ImportBinding') return openModes(value, ctx, depth + 1);
  }
  const names = flagNames(node);
  if (!names.some(n => n.startsWith('O_'))) return [];
  if (!names.some(n => WRITE_FLAGS.has(n))) return ['read'];
  return [names.some(n => TOUCH_FLAGS.has(n)) && !names.includes('O_TRUNC') ? 'touch' : 'write'];
}

/** The flag names or-ed together: `K.O_WRONLY | K.O_CREAT | O_TRUNC`. */
function flagNames(node: Node): string[] {
  if (node.type === 'BinaryExpression' && node.operator === '|') return [...flagNames(node.left as Node), ...flagNames(node.right as Node)];
  if (node.type === 'MemberExpression') return [propertyName(node) ?? ''];
  if (node.type === 'Identifier') return [node.name];
  return [''];
}

/**
 * An append-mode or exclusive-create open whose handle is closed at once (`(await open(p,
 * "a")).close()`, `closeSync(openSync(p, "wx"))`) creates the file if it is missing and writes
 * nothing: a touch (Claude Code's sandbox makes sure ~/.bashrc and ~/.gitconfig exist before
 * mounting them), not a write. `w` alone empties the file: a write.
 */
export function closedAtOnce(chain: readonly Node[], at: number, closes: (callee: Node) => boolean): boolean {
  // `chain`: root first, the open at `at` (the walk's path, or a name use's ancestors).
  let child = chain[at];
  let i = at - 1;
  while (chain[i]?.type === 'AwaitExpression' || chain[i]?.type === 'ParenthesizedExpression') child = chain[i--];
  const up = chain[i];
  if (up?.type === 'MemberExpression' && up.object === child && propertyName(up) === 'close') {
    const call = chain[i - 1];
    return call?.type === 'CallExpression' && call.callee === up;
  }
  return up?.type === 'CallExpression' && up.arguments[0] === child && closes(up.callee as Node);
}

/** `fs.closeSync(fd)`, `close(fd)` of fs, however it was loaded. */
function closesFs(callee: Node, ctx: RuleContext): boolean {
  const ref = ctx.moduleRef(callee);
  const last = ref?.module === 'fs' ? ref.path[ref.path.length - 1] : undefined;
  return last === 'closeSync' || last === 'close';
}

export const fileWrite: Rule = {
  meta: {
    id: 'file-write',
    category: 'persistence',
    severity: 'info',
    title: 'Writes a file',
    description: 'fs (and fs-extra, graceful-fs) writeFile/appendFile/createWriteStream/copyFile/rename/symlink, fs-extra outputFile/outputJson/writeJson/copy/move, open for writing (sync, callback and promise forms), Bun.write and Bun.file(p).write, and chmod that sets an execute bit.',
    messages: {
      write: 'Writes a file ({{call}})',
      writePath: 'Writes a file ({{call}}): {{path}}',
      chmod: 'Makes a file executable ({{call}})',
      chmodPath: 'Makes a file executable ({{call}}): {{path}}',
    },
  },
  triggers: ['write', 'Write', 'append', 'copyFile', 'cp', 'rename', 'symlink', 'link', 'chmod', 'open', 'output', 'copy', 'move'],
  create(ctx) {
    // Opens for writing kept under a name: what is written through it is known after the walk.
    const opened: Array<{ node: Node; call: string; target: Node | undefined; path: string | undefined; handle: string; fn: number }> = [];
    return {
      'Program:exit'() {
        for (const o of opened) ctx.report(descriptor(o.node, o.call, o.target, o.path, handlePayload(ctx.analysis(), o.handle, o.fn), false, o.fn));
      },
      CallExpression(node) {
        const callee = calleeOf(node);
        const args = argumentsOf(node);
        if (propertyName(callee) === 'write' && memberPath(callee) === 'Bun.write') return report(ctx, node, 'Bun.write', args[0], args[1]);
        // `Bun.file(p).write(data)`: the file the handle names (opencode's LSP server downloads).
        const handle = callee.type === 'MemberExpression' && propertyName(callee) === 'write' ? bunFileHandle(callee.object as Node) : undefined;
        if (handle) return report(ctx, node, 'Bun.file().write', handle, args[0]);
        const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
        const ref = ctx.moduleRef(method === 'call' || method === 'apply' ? unwrapChain((callee as Extract<Node, { type: 'MemberExpression' }>).object as Node) : callee);
        if (ref?.module !== 'fs') return;
        const last = ref.path[ref.path.length - 1];
        if (WRITES.has(last)) {
          const fromTo = FROM_TO.test(last);
          // A write stream's second argument is its options; what it writes comes later, through the stream.
          const content = last === 'createWriteStream' ? undefined : fromTo ? args[0] : args[1];
          report(ctx, node, refName(ref), fromTo ? args[1] : args[0], content);
        } else if (last === 'open' || last === 'openSync') {
          const modes = openModes(args[1], ctx);
          // Append, or create only if absent (`wx`): closed at once, nothing is written.
          if (!modes.includes('write') && (!modes.includes('touch') || closedAtOnce(ctx.path, ctx.path.length - 1, callee => closesFs(callee, ctx)))) return;
          // The terminal (`openSync("/dev/tty", O_RDWR)`) or another device: no file is written.
          if (args[0] && staticString(args[0])?.startsWith('/dev/')) return;
          const handle = handleName(ctx);
          if (handle) opened.push({ node, call: refName(ref), target: args[0], path: args[0] ? spelledPath(args[0], ctx) : undefined, handle, fn: ctx.functionIndex() });
          else report(ctx, node, refName(ref), args[0], undefined);
        } else if (CHMOD.has(last) && setsExecutable(args[1])) {
          report(ctx, node, refName(ref), args[0], undefined, true);
        }
      },
    };
  },
};
