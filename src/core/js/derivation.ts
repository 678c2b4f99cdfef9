// How the results of calls into Node's modules relate to their inputs, for following values:
// what `fs.readFileSync(p)` returns is made of what `p` names, `execSync(cmd)` of what `cmd`
// runs, `path.join(a, b)` of both, a hash of what it hashes.
import { calleeOf, propertyName, type CallLike, type Node } from './ast';
import { defaultDerivation, type Derivation, type DerivationOf } from './flow';
import type { ModuleIndex } from './moduleIndex';
import { calleeRefOf, lookupAt, refName } from './modules';

/** Calls whose result is what their argument names: a file's content, a command's output. */
const READS_CONTENT = new Set([
  'fs.readFile', 'fs.readFileSync', 'fs.promises.readFile', 'fs.createReadStream',
  'child_process.execSync', 'child_process.execFileSync', 'child_process.spawnSync', 'child_process.exec', 'child_process.execFile', 'child_process.spawn',
]);

const FROM_ARGUMENTS = new Set([
  ...READS_CONTENT,
  'path.join', 'path.resolve', 'path.normalize', 'path.basename', 'path.dirname', 'path.relative', 'path.posix.join', 'path.win32.join',
  'url.parse', 'url.format', 'url.fileURLToPath', 'url.pathToFileURL', 'util.format', 'util.inspect', 'querystring.stringify', 'querystring.parse',
  'os.hostname', 'os.userInfo', 'os.homedir',
  // A web stream (a fetch response's body) wrapped as a Node stream carries the same bytes.
  'stream.Readable.fromWeb', 'stream.Readable.from',
  // Decompressed, a download is still the download (Amp's `amp-<platform>.gz`).
  'zlib.gunzipSync', 'zlib.unzipSync', 'zlib.inflateSync', 'zlib.inflateRawSync', 'zlib.brotliDecompressSync', 'zlib.zstdDecompressSync',
]);

/** Method names of FROM_ARGUMENTS that strings and arrays also have (`join`, `normalize`, `parse`). */
const MODULE_METHOD_NAMES = new Set([...FROM_ARGUMENTS].map(name => name.slice(name.lastIndexOf('.') + 1)));

/** Derivations that need the call's module, seen through the walk's bindings after the walk. */
export function moduleDerivation(index: ModuleIndex): DerivationOf {
  return (call: CallLike, fn: number): Derivation => {
    const plain = defaultDerivation(call);
    const callee = calleeOf(call);
    const method = callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    // `Rc.join(dir, name)` with `Rc = require("path")` is path.join, not an array's join: the
    // module decides before the method name does.
    if (plain === 'receiver' && method !== undefined && MODULE_METHOD_NAMES.has(method)) {
      const ref = calleeRefOf(call, lookupAt(index, fn));
      if (ref && FROM_ARGUMENTS.has(refName(ref))) return 'arguments';
    }
    if (plain) return plain;
    // crypto: `createHash(a).update(id).digest("hex")` is still the id, made unreadable.
    if (method === 'update') return 'both';
    if (method === 'digest') return 'receiver';
    const ref = calleeRefOf(call, lookupAt(index, fn));
    return ref && FROM_ARGUMENTS.has(refName(ref)) ? 'arguments' : undefined;
  };
}

/** Whether the call is of a Node module function named in `names` (`fs.readFile`, …), seen from `fn`. */
function callsOneOf(names: ReadonlySet<string>, call: CallLike, index: ModuleIndex, fn: number): boolean {
  const ref = calleeRefOf(call, lookupAt(index, fn));
  return !!ref && names.has(refName(ref));
}

/** `fs.readFileSync(p)`, `execSync(cmd)`: the value is what `p` or `cmd` names, read or run. */
export function readsContent(call: CallLike, index: ModuleIndex, fn: number): boolean {
  return callsOneOf(READS_CONTENT, call, index, fn);
}

/** Calls of READS_CONTENT that hand what they read or print to a callback given last, after the error. */
const RESULT_CALLBACKS: ReadonlySet<string> = new Set(['fs.readFile', 'child_process.exec', 'child_process.execFile']);

/** `exec(cmd, (err, stdout) => …)`, `fs.readFile(p, (err, data) => …)`: the callback is given the call's result. */
export function moduleResultCallbacks(index: ModuleIndex): (call: CallLike, fn: number) => boolean {
  return (call, fn) => callsOneOf(RESULT_CALLBACKS, call, index, fn);
}
