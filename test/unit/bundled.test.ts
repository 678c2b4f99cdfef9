// The rules on real bundler output: the fixture sources of test/fixtures/bundler-src bundled by
// esbuild, webpack and rollup (minified and not), so the module systems, call forms and value
// flow are tested on the shapes assistants actually ship, not on hand-written imitations.
import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules';
import { scanSource } from '../../src/core/scan/engine';
import type { Finding } from '../../src/core/model';
import { bundleFixture, describeVariant, obfuscate, OBFUSCATIONS, VARIANTS } from '../helpers/bundlers';

function scan(text: string): Finding[] {
  const r = scanSource(text, { file: 'bundle.js', rules: RULES, target: { ownVendors: ['anthropic'] } });
  assert.deepEqual(r.errors, [], 'the bundle scans cleanly');
  return r.findings;
}

const PROCESS_COMMANDS = ['whoami', 'id', 'ls -la', 'git status', 'node -v', 'uname -a', 'git log', 'ps aux', 'worker.js'];

describe('rules on real bundler output', function () {
  this.timeout(120_000);

  for (const variant of VARIANTS) {
    describe(describeVariant(variant), () => {
      it('finds all ten process starts: named, namespace and destructured imports, promisify, .call, dynamic import', async () => {
        const findings = scan(await bundleFixture('process', variant)).filter(f => f.ruleId === 'child-process');
        assert.equal(findings.length, 10, findings.map(f => f.message).join('\n'));
        const commands = findings.flatMap(f => f.evidence.filter(e => e.startsWith('command ')).map(e => e.slice(8)));
        for (const c of PROCESS_COMMANDS) assert.ok(commands.includes(c), `${c} missing from ${JSON.stringify(commands)}`);
        assert.equal(findings.filter(f => f.severity === 'medium').length, 1, 'exec of a computed command is the one medium');
      });

      // Kilo Code 7.7.9 (review 98): @vercel/oidc, a tsup-built library, names the CLI's token folder through (0, X.getVercelDataDir)().
      it("follows calls into a library built to CommonJS from a namespace object (module.exports = __toCommonJS(ns)): its folder and its wrapper's callers", async () => {
        const findings = scan(await bundleFixture('cjslib', variant));
        // webpack's minifier inlines the export helper into the loader (`((e,r)=>{…})(d,{…})`): the namespace is not read there.
        const readsNamespace = !(variant.bundler === 'webpack' && variant.minify);
        const credentials = findings.filter(f => f.ruleId === 'credential-read').map(f => `${f.severity} ${f.message}`);
        assert.deepEqual(credentials, readsNamespace ? ['medium Names a credential location: Vercel CLI login token (com.vercel.cli/auth.json)'] : []);
        // The exported wrapper itself stays computed (callers outside the bundle may exist); its caller shows the command.
        // webpack's caller loads the library in place (`(0, lib_namespaceFn().run)(…)`): no name the caller search knows.
        const starts = findings.filter(f => f.ruleId === 'child-process').map(f => `${f.severity} ${f.message.replace(/via [\w$]+\.run\(\)/, 'via X.run()')}`).sort();
        assert.deepEqual(starts, [
          ...(variant.bundler === 'webpack' ? [] : ['low Runs a shell command (child_process.execSync via X.run()): git --version']),
          'medium Runs a shell command (child_process.execSync) computed at run time',
        ]);
      });

      // command-code 1.53.1 (review 125): a machine fingerprint built from hashed ids that helpers
      // read, posted through a transport object a factory makes (`createTransport(o).post(…)`).
      it('follows a fingerprint through the helpers that build it into the request a made transport sends', async () => {
        const findings = scan(await bundleFixture('fingerprint', variant));
        const sent = findings.filter(f => f.ruleId === 'exfiltration');
        assert.deepEqual(sent.map(f => `${f.severity} ${f.message}`), ['medium Sends the D-Bus machine id (/var/lib/dbus/machine-id), the Linux machine id (/etc/machine-id), … in a network request']);
        // The third thing sent, cut from the message, is in the evidence and the steps.
        assert.ok(sent[0].evidence.some(e => /hostname/.test(e)), sent[0].evidence.join('\n'));
        const steps = sent[0].related.map(r => r.message);
        assert.ok(steps.some(m => /host-info: Reads the host name/.test(m)), steps.join('\n'));
        assert.ok(steps.some(m => /passes through .*\.post\(\)/.test(m)), steps.join('\n'));
      });

      it("finds process starts through a bundled CommonJS module's exports and an object's property (Copilot CLI's host-id execAsync)", async () => {
        const findings = scan(await bundleFixture('exported', variant)).filter(f => f.ruleId === 'child-process');
        const shown = findings.map(f => `${f.severity} ${f.message}`).sort();
        assert.deepEqual(shown, [
          'low Runs a shell command (child_process.exec): ioreg -rd1 -c "IOPlatformExpertDevice"',
          'low Starts a program (child_process.execFile): git worktree list',
          'medium Runs a shell command (child_process.exec) computed at run time',
        ]);
      });

      it('finds the gate across modules (a Set of zone names, a reseller host list) and not the provider look-alike', async () => {
        const findings = scan(await bundleFixture('gate', variant));
        const gates = findings.filter(f => f.ruleId === 'region-gating');
        assert.equal(gates.length, 1, gates.map(g => `${g.line}:${g.column} ${g.message}`).join('\n'));
        assert.equal(gates[0].severity, 'high');
        assert.match(gates[0].message, /timezone and the API endpoint or proxy setting .*and compares with region timezones and vendor names/);
        assert.deepEqual([...(gates[0].country ?? [])].sort(), ['CN']);
        assert.ok(!findings.some(f => f.ruleId === 'region-gating' && /mistral/i.test(f.excerpt ?? '')));
      });

      it('reports the hosts a request goes to as request targets and documentation links as URLs', async () => {
        const findings = scan(await bundleFixture('network', variant)).filter(f => f.ruleId === 'network-endpoint');
        const requested = findings.filter(f => f.host).map(f => f.host).sort();
        assert.deepEqual(requested, ['telemetry.example-collector.net', 'updates.example-tool.dev']);
        const docs = findings.filter(f => !f.host);
        assert.ok(docs.length >= 1 && docs.every(f => f.severity === 'info'), JSON.stringify(docs.map(f => f.message)));
      });

      it('follows a downloaded script from the response\'s data events into vm.Script (download-exec, high), not the fixed one', async () => {
        const findings = scan(await bundleFixture('download', variant));
        const runs = findings.filter(f => f.ruleId === 'download-exec');
        assert.equal(runs.length, 1, JSON.stringify(findings.map(f => `${f.ruleId} ${f.message}`)));
        assert.equal(runs[0].severity, 'high');
        assert.ok(findings.some(f => f.ruleId === 'network-call' && f.evidence.some(e => /call https?\.request/.test(e))), 'the request through the chosen module is a network call');
      });

      it("finds a git hook written through fs/promises' default import (esbuild's __toESM(require(\"fs/promises\")).default)", async () => {
        const findings = scan(await bundleFixture('hook', variant));
        const hooks = findings.filter(f => f.ruleId === 'config-tamper');
        assert.deepEqual(hooks.map(f => f.message), ['Writes git hook (.git/hooks/prepare-commit-msg)'], JSON.stringify(findings.map(f => `${f.ruleId} ${f.message}`)));
        assert.ok(findings.some(f => f.ruleId === 'file-write' && f.evidence.includes('call fs.promises.chmod')), 'the chmod is a write too');
      });

      it('follows a command received in a WebSocket message into the shell that runs it (download-exec, high), not the fixed status command', async () => {
        const text = await bundleFixture('remote', variant);
        const findings = scan(text);
        const runs = findings.filter(f => f.ruleId === 'download-exec');
        assert.deepEqual(runs.map(f => f.severity), ['high'], JSON.stringify(runs.map(f => f.message)));
        // The wrapper's call, or the call of its inlined copy (webpack minified: `function(e,t){…}(t.command,o)`).
        assert.match(text.slice(runs[0].offset ?? 0, runs[0].endOffset), /\([\w$]+\.command,\s*[\w$]+\)$/, 'once, at the call that gives the wrapper the command');
        const starts = findings.filter(f => f.ruleId === 'child-process').map(f => f.message).sort();
        assert.ok(starts.some(m => m.endsWith('git status --porcelain')), starts.join('\n'));
      });

      it('follows a download written in one module and run from another: the same path, not the same folder (download-exec, medium)', async () => {
        const text = await bundleFixture('selfupdate', variant);
        const runs = scan(text).filter(f => f.ruleId === 'download-exec');
        const ranAt = (f: Finding) => text.slice(f.offset ?? 0, (f.offset ?? 0) + 60);
        assert.deepEqual(runs.map(f => f.severity), ['medium', 'medium'], runs.map(f => `${f.message} at ${ranAt(f)}`).join('\n'));
        // The binary piped from an https response (spawn), the helper written through pipeline() (execFileSync --version).
        const calls = runs.map(f => f.evidence.filter(e => e.startsWith('call child_process.')).join(' ')).sort();
        assert.deepEqual(calls, ['call child_process.execFileSync', 'call child_process.spawn'], runs.map(ranAt).join('\n'));
        const helper = runs.find(f => f.evidence.includes('call child_process.execFileSync'))!;
        assert.ok(helper.related.length >= 2, 'the helper\'s download and its chmod are both steps');
        assert.ok(runs.every(f => !f.evidence.some(e => /command tar/.test(e))), 'tar reads the archive, it does not run it');
      });

      it("settles a shell option passed on through a runner's options from what its callers give (Windows .cmd wrappers and unset: program starts; shell: true: a shell)", async () => {
        const text = await bundleFixture('shellopts', variant);
        const starts = scan(text).filter(f => f.ruleId === 'child-process');
        const where = (f: Finding) => `${f.severity} ${f.message} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 50)}`;
        // The shell: runScript's spawn, and its call with `{shell: true}` (one place when the minifier inlines it); nothing else.
        const shells = starts.filter(f => f.severity === 'medium');
        assert.ok(shells.length === 1 || shells.length === 2, starts.map(where).join('\n'));
        for (const f of shells) assert.match(f.message, /^Runs a shell command \(child_process\.spawn( via \S+\(\))?\) computed at run time$/);
        assert.equal(starts.filter(f => f.severity === 'low').length, 7, starts.map(where).join('\n'));
        assert.ok(starts.some(f => f.evidence.includes('command tput cols')), starts.map(where).join('\n'));
        assert.ok(starts.filter(f => f.severity === 'low').every(f => /^Starts a program/.test(f.message)), starts.map(where).join('\n'));
        assert.ok(starts.filter(f => f.evidence.includes('call child_process.execFileSync')).length >= 1);
      });

      it("finds each call of a bundled process-runner library (execa 5 over cross-spawn: the module's whole export, its .sync, a default import) and of a helper exported in an object, with its command", async () => {
        const text = await bundleFixture('runner', variant);
        const starts = scan(text).filter(f => f.ruleId === 'child-process');
        const where = (f: Finding) => `${f.severity} ${f.message} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 50)}`;
        const commands = starts.flatMap(f => f.evidence.filter(e => e.startsWith('command ')).map(e => e.slice(8))).sort();
        // safe.js, an object export bundled before the runner, must not hide the runner's calls.
        assert.deepEqual(commands, ['git status --short', 'node -v', 'ps -ax'], starts.map(where).join('\n'));
        assert.match(starts.find(f => f.evidence.includes('command git status --short'))!.message, /^Starts a program \(child_process\.spawn via \S+\(\)\): git status --short$/);
        assert.match(starts.find(f => f.evidence.includes('command node -v'))!.message, /^Starts a program \(child_process\.spawnSync via (\S+|a wrapper)\(\)\): node -v$/);
        // The starts inside the library and the helper, the three spelled calls, and plugin(name)'s computed one.
        assert.equal(starts.length, 7, starts.map(where).join('\n'));
        assert.ok(starts.every(f => f.severity === 'low'), starts.map(where).join('\n'));
      });

      it('finds each process start through execa 9 bundled from npm (a factory-made function, rest and spread arguments, destructured options, five functions deep), and the shell a caller turns on', async () => {
        const text = await bundleFixture('execa9', variant);
        const starts = scan(text).filter(f => f.ruleId === 'child-process');
        const where = (f: Finding) => `${f.severity} ${f.message} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 50)}`;
        const commands = starts.flatMap(f => f.evidence.filter(e => e.startsWith('command ')).map(e => e.slice(8))).sort();
        assert.deepEqual(commands, ['git status --short', 'ls -la *', 'node -v'], starts.map(where).join('\n'));
        for (const c of commands) assert.match(starts.find(f => f.evidence.includes(`command ${c}`))!.message, /^Starts a program \(child_process\.spawn(Sync)? via (\S+|a wrapper)\(\)\): /);
        // The caller asking for a shell runs one with a computed command: the one medium, at that call.
        const shells = starts.filter(f => f.severity === 'medium');
        assert.equal(shells.length, 1, starts.map(where).join('\n'));
        assert.match(shells[0].message, /^Runs a shell command \(child_process\.spawn via (\S+|a wrapper)\(\)\) computed at run time$/);
        assert.match(text.slice(shells[0].offset ?? 0, (shells[0].offset ?? 0) + 40), /^\S+\(\w+, ?\{ ?shell: ?(true|!0) ?\}\)/);
      });

      it('follows the command out through two wrappers and a namespace object (Process.spawn([bin, ...args]) in a server launcher)', async () => {
        const text = await bundleFixture('wrappers', variant);
        const starts = scan(text).filter(f => f.ruleId === 'child-process');
        const where = (f: Finding) => `${f.severity} ${f.message} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 50)}`;
        const commands = starts.flatMap(f => f.evidence.filter(e => e.startsWith('command ')).map(e => e.slice(8))).sort();
        // launch("zls") is two wrappers out from the spawn; the git list goes to the process module directly.
        assert.deepEqual(commands, ['git rev-parse --show-toplevel', 'zls'], starts.map(where).join('\n'));
        const zls = starts.find(f => f.evidence.includes('command zls'))!;
        assert.match(zls.message, /^Starts a program \(child_process\.spawn via \S+\(\)\): zls$/);
        assert.deepEqual(zls.related.map(r => r.message), ['the wrapper starts the process here', 'a wrapper passes the command on here']);
        // The spawn itself and the launcher's call of the process module, both computed; a caller
        // passing a computed path on (startClangd) adds nothing further out.
        assert.equal(starts.length, 4, starts.map(where).join('\n'));
        assert.ok(starts.every(f => f.severity === 'low'), starts.map(where).join('\n'));
      });

      it('compiles code generated from fixed text by function-bind and depd bundled from npm (a parameter list made by a loop): low; a caller\'s text stays medium', async () => {
        const text = await bundleFixture('generated', variant);
        const runs = scan(text).filter(f => f.ruleId === 'dynamic-code');
        const where = (f: Finding) => `${f.severity} ${f.message} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 60)}`;
        const generated = runs.filter(f => /with code built only from text written in the file and numbers/.test(f.message));
        // function-bind's Function("binder", …) and depd's new Function("fn", "log", …).
        assert.equal(generated.length, 2, runs.map(where).join('\n'));
        assert.ok(generated.every(f => f.severity === 'low'), runs.map(where).join('\n'));
        assert.deepEqual(generated.map(f => f.message.split(' ')[0]).sort(), ['Function(...)', 'new'], runs.map(where).join('\n'));
        const computed = runs.filter(f => f.severity === 'medium');
        assert.equal(computed.length, 1, runs.map(where).join('\n'));
        assert.match(computed[0].message, /^new Function with code computed at run time$/);
      });

      it("runs fixed code for each name of a list nothing changes (Next.js edge-runtime's patchInstanceOf): low, and the code built from a caller's value stays medium", async () => {
        const text = await bundleFixture('constlist', variant);
        const runs = scan(text).filter(f => f.ruleId === 'dynamic-code');
        const where = (f: Finding) => `${f.severity} ${f.message} ${f.evidence.join('; ')} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 40)}`;
        // eval(item), the Proxy template, the joined list: fixed; evaluate(code): computed.
        assert.deepEqual(runs.map(f => f.severity).sort(), ['low', 'low', 'low', 'medium'], runs.map(where).join('\n'));
        assert.equal(runs.filter(f => f.evidence.some(e => e.endsWith('(one of 5 fixed texts)'))).length, 2, runs.map(where).join('\n'));
        assert.ok(runs.some(f => f.evidence.includes('evaluates to "({Object,Array,RegExp,Uint8Array,Error})"')), runs.map(where).join('\n'));
      });

      it('follows names passed to a helper that reads the environment: a table of key names, a proxy and the timezone by name; never a name built from pieces', async () => {
        const text = await bundleFixture('envhelper', variant);
        const findings = scan(text);
        const at = (f: Finding) => `${f.ruleId} ${f.message} at ${text.slice(f.offset ?? 0, (f.offset ?? 0) + 40)}`;
        const keys = findings.filter(f => f.ruleId === 'foreign-api-key-read');
        assert.equal(keys.length, 1, findings.map(at).join('\n'));
        assert.match(keys[0].message, /^Reads another vendor's API key: OPENAI_API_KEY, DEEPSEEK_API_KEY \(OpenAI, DeepSeek\)$/);
        assert.ok(keys[0].related?.some(r => r.message.startsWith('read here: ')), 'the helper\'s read is a related place');
        assert.deepEqual(findings.filter(f => f.ruleId === 'endpoint-config-read').map(f => f.message), ['Reads HTTPS_PROXY (proxy setting)']);
        assert.deepEqual(findings.filter(f => f.ruleId === 'timezone-probe').map(f => f.message), ['Reads the TZ environment variable (timezone)']);
        // `"OPENAI_" + provider` and the template are not variables the text names.
        assert.ok(!findings.some(f => /OPENAI_(?!API_KEY)|_BASE_URL/.test(f.message)), findings.map(at).join('\n'));
      });

      it("follows a module object handed to a helper (Cline's writeBundle(fs, …), a runner given child_process), not a caller's own store object", async () => {
        const findings = scan(await bundleFixture('modulearg', variant));
        const writes = findings.filter(f => f.ruleId === 'file-write').map(f => f.evidence.find(e => e.startsWith('call ')));
        assert.deepEqual([...new Set(writes)].sort(), ['call fs.renameSync', 'call fs.writeFileSync'], JSON.stringify(findings.map(f => `${f.ruleId} ${f.message}`)));
        // The helper's own call and its caller's (webpack minified writes the helper in place).
        const runs = findings.filter(f => f.ruleId === 'child-process');
        assert.ok(runs.some(f => f.evidence.some(e => /^command git\b/.test(e))), JSON.stringify(runs.map(f => f.message)));
        assert.deepEqual([...new Set(runs.map(f => f.severity))], ['low'], 'a fixed program: low');
      });

      it('follows a response through .then callbacks into the code and the command it runs (download-exec, high), not into a fixed command', async () => {
        const text = await bundleFixture('promisechain', variant);
        const runs = scan(text).filter(f => f.ruleId === 'download-exec');
        assert.deepEqual(runs.map(f => `${f.severity} ${f.message}`).sort(), [
          'high Runs a command that comes from a network response (child_process.exec)',
          'high Runs code that comes from a network response (vm.runInThisContext)',
        ]);
      });

      it("follows values out of Effect generators' yield* through the bundled library's tryPromise into the command run (download-exec, high), not into a fixed command", async () => {
        const findings = scan(await bundleFixture('effectgen', variant));
        const runs = findings.filter(f => f.ruleId === 'download-exec');
        assert.deepEqual(runs.map(f => `${f.severity} ${f.message}`), [
          'high Runs a command that comes from a network response (Bun.spawn)',
          'high Runs a command that comes from a network response (Bun.spawn)',
        ]);
        const starts = findings.filter(f => f.ruleId === 'child-process' && /Bun\.spawn/.test(f.message));
        assert.equal(starts.length, 3, JSON.stringify(starts.map(f => f.message)));
        // In source order: login, loginThroughHelper, then version's fixed `git --version`.
        const [first, second, fixed] = starts.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
        assert.deepEqual(runs.map(r => r.offset).sort(), [first.offset, second.offset].sort());
        assert.ok(!runs.some(r => r.offset === fixed.offset), 'the fixed git command is no download');
      });

      it('does not take local bindings named Function or fetch for the globals', async () => {
        const findings = scan(await bundleFixture('shadow', variant));
        assert.deepEqual(findings.filter(f => f.ruleId === 'dynamic-code' || f.ruleId === 'network-call').map(f => f.message), []);
      });
    });
  }
});

// esbuild's lazy initialisers (an ES module required from CommonJS): the module's imports are
// `var c;` at the top and `c = require("child_process")` inside an init function further down,
// after the functions that use them. Claude Code's Bun builds from 2.1.113 on are this shape.
describe('rules on esbuild lazy initialisers (imports assigned after their use)', function () {
  this.timeout(60_000);
  for (const minify of [false, true]) {
    it(`finds both process starts of the lazily initialised module${minify ? ' (minified)' : ''}`, async () => {
      const text = await bundleFixture('lazy', { bundler: 'esbuild', format: 'cjs', minify });
      assert.match(text, /=\s*require\("node:child_process"\)/, 'the import is assigned inside the initialiser');
      const findings = scan(text).filter(f => f.ruleId === 'child-process');
      const calls = findings.flatMap(f => f.evidence.filter(e => e.startsWith('call '))).sort();
      assert.deepEqual(calls, ['call child_process.execFile', 'call child_process.execSync']);
      assert.ok(findings.some(f => f.evidence.includes('command git --version')), JSON.stringify(findings.map(f => f.evidence)));
    });
  }

  it('leaves a name alone when it is also assigned something else', () => {
    const text = 'function f(H){return ab.execSync(H)}var ab;ab=require("child_process");function g(){ab=5}\n';
    assert.deepEqual(scan(text).filter(f => f.ruleId === 'child-process'), []);
  });
});

// The same fixtures bundled by esbuild, then run through javascript-obfuscator's string array:
// every string, property and method name read through a rotated (and encoded) array. The
// results must be those of the plain bundle, at the places of the obfuscated text.
describe('rules on obfuscated bundler output (javascript-obfuscator string arrays)', function () {
  this.timeout(120_000);

  for (const o of OBFUSCATIONS) {
    describe(`${o.encoding} encoding${o.wrappers ? ', aliases of the accessor' : ''}`, () => {
      it('finds all ten process starts with their commands, at the obfuscated calls', async () => {
        const text = await obfuscate(await bundleFixture('process', { bundler: 'esbuild', format: 'cjs' }), o);
        const findings = scan(text).filter(f => f.ruleId === 'child-process');
        assert.equal(findings.length, 10, findings.map(f => f.message).join('\n'));
        const commands = findings.flatMap(f => f.evidence.filter(e => e.startsWith('command ')).map(e => e.slice(8)));
        for (const c of PROCESS_COMMANDS) assert.ok(commands.includes(c), `${c} missing from ${JSON.stringify(commands)}`);
        for (const f of findings) assert.ok(f.evidence.some(e => e.startsWith('with its strings restored: ')), JSON.stringify(f.evidence));
        assert.ok(findings.every(f => /_0x[0-9a-f]+\(0x[0-9a-f]+/.test(text.slice(f.offset, f.endOffset))), 'each place is an obfuscated call, holding a read of the array');
      });

      it('finds the gate and not the provider look-alike', async () => {
        const text = await obfuscate(await bundleFixture('gate', { bundler: 'esbuild', format: 'cjs' }), o);
        const findings = scan(text);
        const gates = findings.filter(f => f.ruleId === 'region-gating');
        assert.equal(gates.length, 1, gates.map(g => `${g.line}:${g.column} ${g.message}`).join('\n'));
        assert.equal(gates[0].severity, 'high');
        assert.match(gates[0].message, /timezone and the API endpoint or proxy setting .*and compares with region timezones and vendor names/);
        assert.ok(findings.some(f => f.ruleId === 'js-obfuscator'));
      });
    });
  }
});
