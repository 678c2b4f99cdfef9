// Static string decoding for one module: find where encoded-looking literals (and char-code
// or reversed-string chains) are decoded, evaluate those sites with the bounded evaluator,
// and, for encoded literals no site decodes, try single-byte XOR keys that occur as numbers
// in the file (the way FLOSS recovers strings from binaries). Every value carries its recipe.
import { calleeOf as calleeOfCall, staticString, type CallLike, type Node } from '../ast';
import { defaultKeywordMatcher } from '../../catalog/keywords';
import { BARE_HOST_TLDS, isHostName, parseUrl } from '../../net/url';
import type { Binding, EncodedLiteral, ModuleIndex } from '../moduleIndex';
import { base64ToBytes, hexToBytes } from './builtins';
import { evaluate } from './evaluate';
import { asStrings } from './values';
import { accessorResolver, constantRead, entryAt, findStringArrays, type StringArray } from './stringArray';

export interface DecodedValue {
  /** Where the value is decoded: the decoding call, or the literal itself (key search). */
  site: Node;
  /** Function of the site (-1 at module level). */
  fn: number;
  /** The encoded literal it came from, when there is one. */
  literal?: Node;
  value: string | string[];
  /** Steps, e.g. ["base64", "xor 0x5b", "split \",\""]. */
  recipe: string[];
  /** The value as list items: array items, or a string split on its separators. */
  entries: string[];
  /** The same-module helper function whose call decoded it (`d(s)`), when there is one. */
  helper?: number;
  /**
   * What it shares with the other values of a string table: the helper that decodes them, or
   * the key found in the file that they are all XORed with.
   */
  group?: string;
  /**
   * The decoded list this value is one entry of (a javascript-obfuscator string array read at
   * this call): the list is reported as a whole, the entry is here for the code that uses it.
   */
  within?: Node;
}

/** Literals larger than this are data (images, wasm), not worth a key search. */
const MAX_KEY_SEARCH = 256 * 1024;
/** A decoding site at least this long may run out of steps on its input alone: its helper is tried again elsewhere. */
const LONG_INPUT = 4096;
/** Decoding sites per module: a string table behind one helper can have 14,000 and more. */
const MAX_SITES = 50_000;
/** Evaluation steps for a whole module: hostile helpers called thousands of times stop here. */
const MODULE_STEPS = 60_000_000;
/**
 * And wall-clock time, whatever the steps cost: a safety net only, well above what the step
 * budget allows on a loaded machine, so results do not depend on the load (at 6 s, Qoder's
 * 14,000-site string table stopped half decoded when other work shared the CPU).
 */
const MODULE_MS = 30_000;

export interface ModuleDecoding {
  values: DecodedValue[];
  /** Why decoding stopped before every site was tried (a budget), for the file's error entry. */
  stopped?: string;
}

/**
 * `calleeOf` resolves a call to the same-module function it calls (callgraph.ts); it is used
 * to find calls of decoder helpers with constant arguments: `d(H)`.
 */
export function decodeModule(index: ModuleIndex, calleeOf: (call: CallLike, fn: number) => number | undefined): ModuleDecoding {
  const out: DecodedValue[] = [];
  const deadline = performance.now() + MODULE_MS;
  let stopped: string | undefined;
  const decodedLiterals = new Set<Node>();
  const tried = new Set<Node>();
  // Helpers that ran out of budget once will again: their other call sites are skipped.
  const exhausted = new Set<number>();
  let steps = 0;

  const trySite = (site: Node, fn: number, literal?: Node) => {
    if (tried.has(site) || stopped) return;
    if (tried.size >= MAX_SITES || steps >= MODULE_STEPS || (tried.size % 64 === 0 && performance.now() > deadline)) {
      stopped = `static decoding stopped after ${tried.size} sites (${tried.size >= MAX_SITES ? 'site' : steps >= MODULE_STEPS ? 'step' : 'time'} budget); values at later sites are not decoded`;
      return;
    }
    tried.add(site);
    const callee = site.type === 'CallExpression' ? calleeOf(site, fn) : undefined;
    if (callee !== undefined && exhausted.has(callee)) return;
    const result = evaluate(site, fn, index);
    steps += result.steps;
    // Out of budget on a long input (Qoder's `_$d` given a 77 KB text) says nothing of its short ones.
    if (result.exhausted && callee !== undefined && site.end - site.start < LONG_INPUT) exhausted.add(callee);
    const value = asStrings(result.value);
    if (value === undefined || !hidesText(result.recipe, value)) return;
    if (literal && typeof value === 'string' && value === staticString(literal)) return;
    out.push({ site, fn, ...(literal ? { literal } : {}), value, recipe: result.recipe, entries: entriesOf(value), ...(callee !== undefined ? { helper: callee, group: `helper ${callee}` } : {}) });
    if (literal) decodedLiterals.add(literal);
  };

  // Literals decoded where they stand: atob("…").split(","), D("…"); or, when the chain around
  // them is a call the evaluator cannot make (`spawnSync(_$d("…"), o).stdout`), the call that decodes them.
  for (const e of index.encoded) {
    if (e.chain) trySite(e.chain, e.fn, e.node);
    if (e.call && !decodedLiterals.has(e.node)) trySite(e.call, e.fn, e.node);
  }

  // Literals bound to a module-level name and passed to a function elsewhere: D(Xi_); and
  // helpers that decode (base64, hex, char codes, reversing) called with constant data: d(H).
  const byName = new Map<string, EncodedLiteral>();
  for (const e of index.encoded) if (e.boundTo !== undefined) byName.set(`${e.boundTo}@${e.boundScope}`, e);
  const helperNames = namesOfDecoders(index);
  if (byName.size || helperNames.size) {
    for (let i = 0; i < index.calls.length; i++) {
      const call = index.calls[i];
      const fn = index.callFns[i];
      const callee = calleeOfCall(call);
      const helper = callee.type === 'Identifier' && helperNames.has(callee.name);
      for (const arg of call.arguments) {
        const id = arg.type === 'SpreadElement' ? arg.argument : arg;
        const bound = id.type === 'Identifier' ? index.binding(id.name, fn) : undefined;
        if (bound?.moduleLike) {
          const literal = byName.get(`${bound.name}@${bound.scope}`);
          const data = constantData(bound);
          if (literal) trySite(call, fn, literal.node);
          else if (helper && data && index.decoderFunctions.has(calleeOf(call, fn) ?? -2)) trySite(call, fn, data);
        } else if (helper && isDataLiteral(id, 4) && index.decoderFunctions.has(calleeOf(call, fn) ?? -2)) {
          trySite(call, fn, id);
        }
      }
    }
  }

  // Char codes and reversed strings need no encoded-looking literal.
  for (const chain of index.decoderChains) trySite(chain.node, chain.fn);

  // Encoded literals nothing decoded: plain base64/hex text, or single-byte XOR with a key
  // that is written somewhere in the file.
  // Repeating keys only where a decoder takes them: a decoder's default parameter, or the
  // second argument of a call to a decoder helper.
  const keys = new Set(index.keyCandidates.filter(k => (k.fn !== undefined && index.decoderFunctions.has(k.fn)) || (k.callee !== undefined && helperNames.has(k.callee))).map(k => k.key));
  for (const e of index.encoded) {
    if (decodedLiterals.has(e.node) || e.node.type === 'ArrayExpression') continue;
    const found = keySearch(staticString(e.node) ?? '', index.smallNumbers, keys);
    if (found) out.push({ site: e.node, fn: e.fn, literal: e.node, value: found.text, recipe: found.recipe, entries: entriesOf(found.text), ...(found.key ? { group: `key ${found.key}` } : {}) });
  }
  const arrays = findStringArrays(index);
  if (arrays.length) {
    const arrayOf = accessorResolver(index, arrays);
    for (const array of arrays) out.push(...stringArrayValues(index, array, arrayOf));
  }
  return { values: out, ...(stopped ? { stopped } : {}) };
}

/** Entries read at call sites that are worth a value of their own, per module. */
const MAX_ARRAY_READS = 5000;

/**
 * A string array decoded whole (the list: hosts, vendors and regions it holds), and the reads
 * of it whose entry means something (a URL, a host, a vendor, a time zone) as values at the
 * reading call, so that code comparing with them is linked like code comparing with literals.
 * RC4 entries need the key given at each read: the list is what the reads decode.
 */
function stringArrayValues(index: ModuleIndex, array: StringArray, arrayOf: (name: string, fn: number) => StringArray | undefined): DecodedValue[] {
  const recipe = [
    'javascript-obfuscator string array',
    ...(array.encoding === 'base64' ? ['base64 (obfuscator alphabet)'] : array.encoding === 'rc4' ? ['base64 (obfuscator alphabet)', 'rc4 with the key given at each read'] : []),
    array.rotation === undefined ? 'rotation not resolved' : `rotated by ${array.rotation}`,
  ];
  const reads: DecodedValue[] = [];
  const readEntries = new Map<number, string>();
  for (let i = 0; i < index.calls.length; i++) {
    const call = index.calls[i];
    if (call.callee.type !== 'Identifier') continue;
    const read = constantRead(call);
    if (!read) continue;
    const fn = index.callFns[i];
    if (arrayOf(call.callee.name, fn) !== array) continue;
    const value = entryAt(array, read.at, read.key);
    if (value === undefined) continue;
    readEntries.set(read.at, value);
    if (array.rotation !== undefined && reads.length < MAX_ARRAY_READS && plausibleText(value)) {
      reads.push({ site: call, fn, value, recipe, entries: [value], helper: array.accessor, within: array.literal });
    }
  }
  const entries = array.encoding === 'rc4' ? [...readEntries.values()] : array.encoding === 'base64' ? array.raw.map((_, i) => entryAt(array, i + array.offset)).filter((e): e is string => e !== undefined) : [];
  const whole: DecodedValue[] = entries.length ? [{ site: array.literal, fn: array.fn, literal: array.literal, value: entries, recipe, entries }] : [];
  return [...whole, ...reads];
}

const HIDING = /^(base64|hex|xor|atob|unescape|decodeURIComponent|decodeURI)/;

/**
 * A recipe that hid text: base64, hex, XOR, %-escapes, at least four char codes, or a string
 * reversed character by character. Reversing an array of plain strings hides nothing.
 */
export function hidesText(recipe: readonly string[], value: string | string[]): boolean {
  const text = Array.isArray(value) ? value.join('') : value;
  if (!/[\p{L}\p{N}].*[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(text)) return false;
  if (recipe.some(step => HIDING.test(step))) return true;
  if (recipe.includes('fromCharCode')) return text.length >= 4;
  return recipe.includes('reverse') && recipe.includes('split into characters');
}

/** Names bound to functions that decode: the helpers worth calling with constant data. */
function namesOfDecoders(index: ModuleIndex): Set<string> {
  const names = new Set<string>();
  for (const f of index.decoderFunctions) {
    const node = index.functions[f].node;
    if (node.id?.type === 'Identifier') names.add(node.id.name);
  }
  index.forEachModuleLikeValue((name, values) => {
    for (const v of values) {
      const f = index.functionOf(v.node);
      if (f !== undefined && index.decoderFunctions.has(f)) names.add(name);
    }
  });
  return names;
}

/** A string of 8+ (or `min`) characters or an array of 4+ numbers: data worth decoding. */
function isDataLiteral(node: Node, min = 8): boolean {
  if (node.type === 'Literal') return typeof node.value === 'string' && node.value.length >= min;
  if (node.type === 'ArrayExpression') return node.elements.length >= 4 && node.elements.every((e: Node | null) => e?.type === 'Literal' && typeof e.value === 'number');
  return false;
}

/** The data literal a name is bound to once, if it is one. */
function constantData(bound: Binding): Node | undefined {
  const node = bound.values.length === 1 && !bound.mutated ? bound.values[0].node : undefined;
  return node && isDataLiteral(node) ? node : undefined;
}

/**
 * base64 or hex, then (if the bytes are not text) XOR with a key the file holds: a small number
 * (single-byte), or a short string given as a helper's second argument or default parameter
 * (repeating key). A guess is kept only when what comes out is plausible: host names with a
 * known top-level domain, URLs, vendor names or time zones. Any key turns some bytes into
 * printable letters; only meaning tells a key from chance.
 */
export function keySearch(literal: string, keys: ReadonlySet<number>, keyStrings: ReadonlySet<string> = new Set()): { text: string; recipe: string[]; key?: string } | undefined {
  if (literal.length > MAX_KEY_SEARCH) return undefined;
  const hex = /^[0-9a-fA-F]+$/.test(literal) ? hexToBytes(literal) : undefined;
  const bytes = hex ?? base64ToBytes(literal);
  if (!bytes || bytes.length < 8) return undefined;
  const encoding = hex ? 'hex' : 'base64';
  if (isText(bytes, 0)) return { text: Buffer.from(bytes).toString('utf8'), recipe: [encoding] };
  if (new Set(bytes).size < 6) return undefined; // zeros and padding XOR into "text" too
  for (const key of keys) {
    if (key === 0 || !isText(bytes, key)) continue;
    const text = Buffer.from(bytes.map(b => b ^ key)).toString('latin1');
    if (!plausibleText(text)) continue;
    return { text, recipe: [encoding, `xor 0x${key.toString(16).padStart(2, '0')} (key found as a number in the file)`], key: String(key) };
  }
  for (const key of keyStrings) {
    if (key.length < 2 || key.length > 64) continue;
    const plain = bytes.map((b, i) => b ^ key.charCodeAt(i % key.length));
    if (!isText(plain, 0)) continue;
    const text = Buffer.from(plain).toString('latin1');
    if (!plausibleText(text)) continue;
    return { text, recipe: [encoding, `xor with the repeating key ${JSON.stringify(key)} (found in the file)`], key };
  }
  return undefined;
}

/** Entries that mean something: URLs, host names with a known TLD, vendor names, time zones. */
function plausibleText(text: string): boolean {
  // One command with its arguments (`reg query HKLM\\… /v MachineGuid`) before it is split on spaces.
  if (SYSTEM_TEXT.test(text.trim())) return true;
  const entries = entriesOf(text);
  const keywords = defaultKeywordMatcher();
  const good = entries.filter(e => parseUrl(e) !== undefined || (isHostName(e) && KNOWN_TLD.test(e.toLowerCase())) || keywords.find(e).some(h => !h.ambiguous || h.inHost) || TIME_ZONE.test(e) || SYSTEM_TEXT.test(e));
  return good.length > 0 && good.length >= entries.length * 0.6;
}

/**
 * A command or path that reads the machine: what string tables hide besides hosts (registry
 * and `ioreg` queries, `/etc/*-release`, `lscpu`). A command word, then an argument or end.
 */
const SYSTEM_TEXT = /^(?:(?:cat|ls|lscpu|lsblk|lspci|lsusb|uname|hostname|whoami|ps|grep|awk|sed|echo|export|unset|defaults|security|sysctl|ioreg|system_profiler|sw_vers|scutil|networksetup|dmidecode|lsb_release|nmcli|ifconfig|ipconfig|netsh|reg|wmic|powershell|pwsh|getmac|systeminfo|tasklist|csrutil|spctl|launchctl|curl|wget)(?:\.exe)?(?:\s|$)|\/(?:etc|usr|sys|proc|var|dev|Library|System|opt)\/|HK(?:EY_[A-Z_]+|LM|CU)\\)/;

const KNOWN_TLD = new RegExp(`\\.(?:${BARE_HOST_TLDS.join('|')})$`);
const TIME_ZONE = /^(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z_]+$/i;

/** Printable ASCII (tab/newline allowed) throughout, with letters in it: text, not data. */
function isText(bytes: Uint8Array, key: number): boolean {
  const probe = Math.min(bytes.length, 32);
  for (let i = 0; i < probe; i++) if (!printable(bytes[i] ^ key)) return false;
  let letters = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] ^ key;
    if (!printable(c)) return false;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  return letters >= bytes.length * 0.4;
}

function printable(c: number): boolean {
  return (c >= 32 && c < 127) || c === 9 || c === 10 || c === 13;
}

const SEPARATORS = [',', '\n', '|', ';', ' '];

export function entriesOf(value: string | string[]): string[] {
  if (Array.isArray(value)) return value;
  for (const sep of SEPARATORS) {
    const parts = value.split(sep).map(s => s.trim()).filter(Boolean);
    if (parts.length >= 2) return parts;
  }
  return [value];
}
