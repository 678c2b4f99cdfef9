// Calls made on a module object that a helper receives as a parameter: `function writeBundle(fs,
// dir, target, text) { fs.writeFileSync(target, text) }` called as `writeBundle(fs, …)`. The
// walk meets the call before it has seen the helper's callers (they usually come later in the
// text), so rules cannot tell what `fs` is there; the engine keeps such calls and shows them to
// the rules again once the walk is over and the callers are known (CallGraph.moduleGivenTo).
import { calleeOf, propertyName, pushChildren, unwrapChain, type CallLike, type Node, type Parameter } from './ast';
import type { ModuleIndex } from './moduleIndex';

/**
 * Members of the Node modules whose calls rules read (fs and fs-extra, child_process, os,
 * http(s), net, tls, dns, dgram, vm, module, worker_threads): a call of anything else on a
 * parameter is not kept, so that the `e.push(…)` and `t.on(…)` of minified code cost nothing.
 */
const MODULE_MEMBERS = new Set([
  // fs, fs/promises, fs-extra
  'access', 'accessSync', 'appendFile', 'appendFileSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'createReadStream', 'createWriteStream', 'exists', 'existsSync', 'link', 'linkSync', 'lstat', 'lstatSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'open', 'openSync', 'opendir', 'opendirSync', 'readFile', 'readFileSync', 'readdir', 'readdirSync', 'readlink', 'readlinkSync', 'realpath', 'realpathSync',
  'rename', 'renameSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'stat', 'statSync', 'symlink', 'symlinkSync', 'truncate', 'truncateSync', 'unlink', 'unlinkSync',
  'utimes', 'utimesSync', 'watch', 'watchFile', 'write', 'writeSync', 'writeFile', 'writeFileSync', 'writev',
  'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync', 'writeJson', 'writeJsonSync', 'readJson', 'readJsonSync', 'ensureDir', 'ensureDirSync',
  'ensureFile', 'ensureFileSync', 'copy', 'copySync', 'move', 'moveSync', 'remove', 'removeSync', 'emptyDir', 'emptyDirSync', 'mkdirp', 'mkdirs',
  // child_process
  'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork',
  // os
  'homedir', 'hostname', 'userInfo', 'networkInterfaces', 'platform', 'release', 'cpus', 'tmpdir', 'type', 'arch', 'totalmem', 'version', 'machine',
  // http, https, http2, net, tls, dns, dgram
  'request', 'get', 'connect', 'createConnection', 'createServer', 'Socket', 'lookup', 'resolve', 'resolve4', 'resolve6', 'resolveTxt', 'resolveAny', 'reverse', 'createSocket',
  // vm, module, worker_threads
  'runInNewContext', 'runInThisContext', 'runInContext', 'Script', 'compileFunction', 'createRequire', 'Worker',
]);

/**
 * The parameter a call is made on when it may be a module's: `fs.writeFileSync(…)` or
 * `fs.promises.writeFile(…)` with `fs` a parameter without a default (or a property `fs`
 * destructured from one, with its key), as the walk sees it now, and a member name some module
 * has. Undefined for everything else.
 */
export function parameterCallee(call: CallLike, index: ModuleIndex): { param: Parameter; key?: string } | undefined {
  const callee = unwrapChain(calleeOf(call));
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || !MODULE_MEMBERS.has(callee.property.name)) return undefined;
  let root = unwrapChain(callee.object as Node);
  // `this.fs.writeFileSync(…)` with `this.fs = fsImpl` from the constructor's parameter.
  if (root.type === 'MemberExpression' && !root.computed && unwrapChain(root.object as Node).type === 'ThisExpression') {
    const key = propertyName(root);
    for (const v of key === undefined ? [] : index.thisMember(index.currentFunction, key)) {
      const held = v.node.type === 'Identifier' ? index.binding(v.node.name, v.fn)?.values : undefined;
      const given = held?.length === 1 ? held[0].node : undefined;
      if (given?.type === 'Parameter' && !given.default && !given.rest) return { param: given };
    }
    return undefined;
  }
  for (let hops = 0; root.type === 'MemberExpression' && !root.computed && hops < 2; hops++) root = unwrapChain(root.object as Node);
  if (root.type !== 'Identifier') return undefined;
  const bound = index.resolveHere(root.name);
  if (bound?.type === 'Parameter') return !bound.default && !bound.rest ? { param: bound } : undefined;
  // `function save({ fs }, p)`: a property of an object the callers write in place.
  if (bound?.type !== 'PropertyOf' || bound.default || bound.key === undefined) return undefined;
  const object = bound.object as Node;
  return object.type === 'Parameter' && !object.default && !object.rest ? { param: object, key: bound.key } : undefined;
}

/** The nodes from `root` down to `node`, both included, as the walk would have them; undefined when `node` is not found. */
export function ancestorsOf(root: Node, node: Node): Node[] | undefined {
  const path: Node[] = [root];
  const children: Node[] = [];
  let at = root;
  while (at !== node) {
    children.length = 0;
    pushChildren(at, children);
    let next: Node | undefined;
    for (const c of children) {
      if (c === node) {
        next = c;
        break;
      }
      if (!next && c.start <= node.start && node.end <= c.end) next = c;
    }
    if (!next) return undefined;
    path.push(next);
    at = next;
  }
  return path;
}
