// Persistent machine identifiers: the editor's machineId/devDeviceId, node-machine-id,
// /etc/machine-id, the macOS IOPlatformUUID, the Windows MachineGuid (also through a command
// spelled in a template literal). An id that survives reinstalls is what ties telemetry to
// one machine (and user) over time; each is a `source` fact exfiltration follows.
import { calledMethod, calleeOf, memberPath, propertyName, unwrapChain, type Node } from '../js/ast';
import type { Rule, RuleContext } from './types';
import { spelledTemplate } from './util/values';

const MAC_UUID = 'the macOS hardware UUID (IOPlatformUUID)';
const MAC_SERIAL = 'the macOS hardware serial number (IOPlatformSerialNumber)';
/**
 * `ioreg -c IOPlatformExpertDevice` prints a record holding both ids and harmless fields (model,
 * manufacturer, board-id): which id is read shows in the key the code parses out of it
 * (systeminformation's baseboard() keeps the serial number and the model, never the UUID).
 */
const MAC_RECORD = 'the macOS device record (ioreg IOPlatformExpertDevice, holding the hardware UUID and serial number), keeping fields not seen in this function';

const ID_STRINGS: Array<[RegExp, string]> = [
  [/(?:^|\/|\s)\/etc\/machine-id\b/, 'the Linux machine id (/etc/machine-id)'],
  [/(?:^|\/|\s)\/var\/lib\/dbus\/machine-id\b/, 'the D-Bus machine id (/var/lib/dbus/machine-id)'],
  [/(?:^|\s)\/etc\/hostid\b/, 'the BSD host id (/etc/hostid)'],
  [/\bkenv\b[^]*\bsmbios\.system\.uuid\b/, 'the BSD hardware UUID (kenv smbios.system.uuid)'],
  // Keys are matched in any case: parsers lower-case ioreg's output (`getValue(lines, "ioplatformuuid")`).
  [/\bIOPlatformUUID\b/i, MAC_UUID],
  [/\bIOPlatformSerialNumber\b/i, MAC_SERIAL],
  [/\bIOPlatformExpertDevice\b/, MAC_RECORD],
  [/\bMachineGuid\b/, 'the Windows MachineGuid'],
  [/\bcsproduct\s+get\s+uuid\b/i, 'the Windows hardware UUID (wmic csproduct)'],
  [/\bWin32_ComputerSystemProduct\b[^]*\bUUID\b/i, 'the Windows hardware UUID (Win32_ComputerSystemProduct)'],
  [/^node-machine-id$/, 'a machine id through the node-machine-id package'],
  [/^@vscode\/deviceid$/, 'a device id through the @vscode/deviceid package'],
  // Where @vscode/deviceid keeps the id VS Code and other Microsoft tools share: `…/Microsoft/DeveloperTools/deviceid`, or the registry key of that name.
  [/^DeveloperTools$|\bMicrosoft[\\/]+DeveloperTools\b/, 'the Microsoft DeveloperTools device id (shared with VS Code)'],
];

/** `vscode.env` as bundles leave it: `x.env` that is not process.env/Bun.env. */
function isEditorEnv(node: Node): boolean {
  node = unwrapChain(node);
  if (node.type !== 'MemberExpression' || propertyName(node) !== 'env') return false;
  const owner = memberPath(node.object as Node);
  return owner !== 'process' && owner !== 'Bun' && !owner?.endsWith('.process') && node.object.type !== 'MetaProperty';
}

/** What VS Code's `env` namespace holds: another key read from the same `x.env` says it is not the editor's. */
const EDITOR_ENV_KEYS = new Set(['appName', 'appRoot', 'appHost', 'language', 'machineId', 'devDeviceId', 'sessionId', 'uriScheme', 'clipboard', 'shell', 'uiKind', 'remoteName', 'remoteAuthority', 'isTelemetryEnabled', 'onDidChangeTelemetryEnabled', 'onDidChangeShell', 'openExternal', 'asExternalUri', 'logLevel', 'onDidChangeLogLevel', 'isNewAppInstall', 'isAppPortable', 'createTelemetryLogger']);

/**
 * `options.env.machineId` with `options` a parameter whose `env` the function also reads keys
 * VS Code's `env` does not have (`options.env.homeDir`, `.apiBaseUrl`): settings a caller hands
 * over (Factory's daemon), not the editor's API, which may be handed in under any name.
 */
function givenEnv(env: Node, ctx: RuleContext): boolean {
  const owner = unwrapChain((unwrapChain(env) as Node & { object: Node }).object);
  if (owner.type !== 'Identifier' || ctx.resolve(owner)?.type !== 'Parameter' || ctx.moduleRef(owner)?.module === 'vscode') return false;
  const fn = ctx.enclosingFunction();
  const text = fn ? ctx.text.slice(fn.start, fn.end) : '';
  const reads = text.matchAll(new RegExp(`(?<![\\w$.])${owner.name.replace(/\$/g, '\\$')}\\.env\\??\\.([A-Za-z_$][\\w$]*)`, 'g'));
  return [...reads].some(m => !EDITOR_ENV_KEYS.has(m[1]));
}

/**
 * `getDeviceId()` from @vscode/deviceid, imported by name or through a module object, as far as
 * the code shows without its import. Not an app's own callback: an optional call
 * (`this.options.getDeviceId?.()`), a method of `this` or of a nested object, or of a parameter
 * (an options object passed in) returns whatever id the caller registered.
 */
function mayBeDeviceIdPackage(call: Node, callee: Node, ctx: RuleContext): boolean {
  if (call.type === 'CallExpression' && call.optional) return false;
  callee = unwrapChain(callee);
  if (callee.type === 'Identifier') return true;
  if (callee.type !== 'MemberExpression') return false;
  const object = unwrapChain(callee.object as Node);
  if (object.type !== 'Identifier') return false;
  return ctx.resolve(object)?.type !== 'Parameter';
}

export const machineId: Rule = {
  meta: {
    id: 'machine-id',
    category: 'fingerprint',
    severity: 'medium',
    title: 'Reads a persistent machine identifier',
    description: 'vscode.env.machineId / devDeviceId, node-machine-id (machineId, machineIdSync), @vscode/deviceid getDeviceId and its Microsoft/DeveloperTools store, /etc/machine-id, /var/lib/dbus/machine-id, IOPlatformUUID, MachineGuid, wmic csproduct uuid, BSD /etc/hostid and kenv smbios.system.uuid, in strings, templates and decoded strings.',
    messages: {
      read: 'Reads {{what}}',
    },
  },
  triggers: ['machineId', 'machine-id', 'devDeviceId', 'DeveloperTools', 'IOPlatform', 'MachineGuid', 'csproduct', 'ComputerSystemProduct', 'deviceid', 'getDeviceId', 'machineIdSync', 'hostid', 'smbios'],
  create(ctx) {
    const report = (node: { start: number; end: number }, what: string, evidence: string) =>
      ctx.report({ node, messageId: 'read', data: { what }, evidence: [evidence], facts: [{ kind: 'source', source: 'fingerprint', detail: what }] });
    // One read names its id more than once (`ioreg -rd1 -c IOPlatformExpertDevice`, then the
    // `IOPlatformUUID` key parsed from its output), in literals or in strings a decoder hides:
    // one finding per id and function, at the first string, the others related. Decided once
    // decoded strings are known (decodedEnd, which runs after the walk whatever was decoded).
    type Place = { node: { start: number; end: number }; value: string; decodedFrom?: string };
    const named = new Map<string, { fn: number; what: string; places: Place[] }>();
    const text = (node: { start: number; end: number }, value: string, fn: number, decodedFrom?: string): boolean => {
      if (value.length > 2000) return false;
      const hit = ID_STRINGS.find(([re]) => re.test(value));
      if (!hit) return false;
      // A callback (`lines.find(l => l.includes("IOPlatformUUID"))`) reads for the function it is passed in.
      const key = `${ctx.analysis().index.ownerOf(fn)}\0${hit[1]}`;
      const place = { node, value, ...(decodedFrom ? { decodedFrom } : {}) };
      const known = named.get(key);
      if (known) known.places.push(place);
      else named.set(key, { fn, what: hit[1], places: [place] });
      return true;
    };
    const flush = () => {
      for (const [key, { fn, what, places }] of named) {
        const owner = key.slice(0, key.indexOf('\0'));
        // The record's command is where the id the function parses out of it is read: one finding with that id.
        if (what === MAC_RECORD && [MAC_UUID, MAC_SERIAL].some(id => named.has(`${owner}\0${id}`))) continue;
        const record = what === MAC_UUID || (what === MAC_SERIAL && !named.has(`${owner}\0${MAC_UUID}`)) ? named.get(`${owner}\0${MAC_RECORD}`) : undefined;
        const [first, ...more] = [...(record?.places ?? []), ...places].sort((a, b) => a.node.start - b.node.start);
        ctx.report({
          node: first.node,
          messageId: 'read',
          data: { what },
          ...(what === MAC_RECORD ? { severity: 'low' as const } : {}),
          evidence: [`${first.decodedFrom ? 'decoded' : 'string'} ${JSON.stringify(first.value.slice(0, 120))}`],
          facts: [{ kind: 'source', source: 'fingerprint', detail: what, named: true, ...(more.length ? { also: more.map(m => ({ start: m.node.start, end: m.node.end })) } : {}) }],
          ...(more.length ? { related: more.slice(0, 5).map(m => ({ start: m.node.start, end: m.node.end, message: `the same id named here: ${JSON.stringify(m.value.slice(0, 80))}` })) } : {}),
          ...(first.decodedFrom ? { decodedFrom: first.decodedFrom } : {}),
          fn,
        });
      }
      named.clear();
    };
    return {
      MemberExpression(node) {
        const name = propertyName(node);
        // `vscode.env.machineId = createStub(…)` (a shim of the editor's API) sets it; nothing is read.
        const up = ctx.parent();
        if (up?.type === 'AssignmentExpression' && up.left === node) return;
        if ((name === 'machineId' || name === 'devDeviceId') && isEditorEnv(node.object as Node) && !givenEnv(node.object as Node, ctx)) report(node, `the editor machine id (vscode.env.${name})`, `vscode.env.${name}`);
      },
      Literal(node) {
        if (typeof node.value === 'string') text(node, node.value, ctx.functionIndex());
        // The key picked out of ioreg's output with a pattern (`/IOPlatformUUID/.test(line)`).
        else if ('regex' in node && node.regex) text(node, node.regex.pattern, ctx.functionIndex());
      },
      TemplateLiteral(node) {
        const spelled = spelledTemplate(node);
        if (spelled !== undefined) text(node, spelled, ctx.functionIndex());
      },
      CallExpression(node) {
        const callee = calleeOf(node);
        const ref = ctx.moduleRef(callee);
        if (ref && (ref.module === 'node-machine-id' || ref.module === '@vscode/deviceid')) {
          return report(node, `a machine id (${ref.module})`, `call ${[ref.module, ...ref.path].join('.')}`);
        }
        // Without a visible import, only the distinctive names count (not a bare machineId()).
        const name = calledMethod(node) ?? (callee.type === 'Identifier' ? callee.name : undefined);
        if (name === 'machineIdSync' || (name === 'getDeviceId' && mayBeDeviceIdPackage(node, callee, ctx))) report(node, `a machine id (${name}())`, `call ${name}`);
      },
      // Commands hidden in a string table (`reg query … /v MachineGuid` decoded by a helper).
      decoded({ decoded: d, use }) {
        if (use) return;
        const recipe = d.recipe.join(' -> ');
        for (const entry of d.entries.slice(0, 50)) if (text(d.site, entry, d.fn, recipe)) return;
      },
      decodedEnd: flush,
    };
  },
};
