// Process starts through a runner another module of the program exports: code-splitting builds
// (esbuild's `chunk-XYZ.js`, rollup's shared chunks) and Bun's binaries put the runner in one
// module and its callers in others. Real bundler output; the cache keeps a result only while
// the other module still says the same.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import { scanTarget } from '../../src/core/scan/target';
import { scanSource } from '../../src/core/scan/engine';
import { answersHold, fileSiblings, folderVersion, ProgramImports } from '../../src/core/scan/imports';
import { AnswerFiles } from '../../src/core/worker/resultCache';
import { namedSiblingImports } from '../../src/core/scan/specifiers';
import { bundleChunks, describeVariant } from '../helpers/bundlers';
import { appendedBun, bunGraph, elf } from '../helpers/nativeFixtures';
import type { Finding } from '../../src/core/model';

const CLI = path.resolve('dist/cli.js');
const SPLIT = [
  { bundler: 'esbuild', format: 'esm' },
  { bundler: 'esbuild', format: 'esm', minify: true },
  { bundler: 'rollup', format: 'esm' },
  { bundler: 'rollup', format: 'cjs' },
] as const;

/** A package folder in a home of its own, whose cache the CLI keeps there between scans. */
function cacheHome(): { home: string; dir: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-cache-'));
  const dir = path.join(home, 'pkg');
  fs.mkdirSync(dir);
  return { home, dir };
}

/** The messages of main.js's findings in a CLI scan with the result cache kept in `home`. */
function cachedMessages(home: string, dir: string): string[] {
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--json', '--jobs', '2'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(home, 'cache') } });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout).targets[0].findings as Finding[]).filter(f => f.file === 'main.js').map(f => f.message);
}

function scanFolder(root: string): Finding[] {
  return scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES }).findings;
}

/** Messages of one rule in the entries (not the shared chunk), the runner's name as the caller spells it replaced. */
function atCallers(findings: readonly Finding[], ruleId: string): string[] {
  return findings
    .filter(f => f.ruleId === ruleId && (f.file === 'terminal.js' || f.file === 'status.js'))
    .map(f => `${f.file} ${f.severity} ${f.message.replace(/via [\w$.]+\(\)/, 'via R()')}`)
    .sort();
}

describe('process starts through a runner exported by another module', () => {
  for (const variant of SPLIT) {
    describe(describeVariant(variant), () => {
      it("reads each caller's command, and the configuration it writes, where the caller runs it", async () => {
        const findings = scanFolder(await bundleChunks('chunks', variant, ['terminal.mjs', 'status.mjs']));
        assert.deepEqual(atCallers(findings, 'child-process'), [
          'status.js low Starts a program (child_process.spawn via R()): git rev-parse HEAD',
          'terminal.js low Starts a program (child_process.spawn via R()): defaults write com.googlecode.iterm2 AllowClipboardAccess -bool true',
          // `hook(command)` hands its own parameter to the runner that always asks for a shell.
          'terminal.js medium Runs a shell command (child_process.spawn via R()) computed at run time',
        ]);
        assert.deepEqual(atCallers(findings, 'config-tamper'), ['terminal.js medium Runs a command that writes iTerm2 preference file: defaults write com.googlecode.iterm2 AllowClipboardAccess -bool true']);
        // `log("status", ["git"])` starts nothing, and `git(["status"])` gives only a list to a program the runner fixes.
        const logged = findings.filter(f => /setting|status/.test(f.evidence.join(' ')) && f.ruleId === 'child-process' && !/rev-parse/.test(f.message));
        assert.deepEqual(logged, []);
      });
    });
  }

  // Review 109: the Claude Agent SDK's runners resolve their program through `aT` in another
  // chunk (`xRo(aT(e), n, u)`): 27 `Qy` and 5 `XSt` calls with written commands went unseen.
  for (const variant of SPLIT) {
    it(`reads a runner whose program goes through another module's lookup that gives the name back (${describeVariant(variant)})`, async () => {
      const root = await bundleChunks('resolver', variant, ['auth.mjs', 'status.mjs', 'where.mjs']);
      const holding = (re: RegExp) => fs.readdirSync(root).filter(f => /\.js$/.test(f) && re.test(fs.readFileSync(path.join(root, f), 'utf8')));
      const lookupChunk = holding(/\/usr\/bin\//);
      assert.equal(lookupChunk.length, 1);
      assert.ok(!holding(/\bspawn\(/).includes(lookupChunk[0]), 'the lookup is in another chunk than the runner');
      const starts = scanFolder(root)
        .filter(f => f.ruleId === 'child-process' && ['auth.js', 'status.js'].includes(f.file))
        .map(f => `${f.file} ${f.severity} ${f.message.replace(/via [\w$.]+\(\)/, 'via R()')}`)
        .sort();
      // `runQuoted` builds text from the name (`"${name}"`): its callers' program is not what runs.
      assert.deepEqual(starts, ['auth.js low Starts a program (child_process.spawn via R()): gh auth token', 'status.js low Starts a program (child_process.spawn via R()): git status']);
    });
  }

  it("reads the callers' commands in a Bun binary whose modules import each other by their /$bunfs/root names, scanned whole or shared out among workers", async () => {
    const built = await bundleChunks('chunks', { bundler: 'esbuild', format: 'esm', minify: true }, ['terminal.mjs', 'status.mjs']);
    // Bun's chunks name each other absolutely (`from "/$bunfs/root/chunk-….js"`); esbuild's relatively.
    const modules = fs
      .readdirSync(built)
      .filter(f => f.endsWith('.js'))
      .sort()
      .map(f => ({ name: `/$bunfs/root/${f}`, text: fs.readFileSync(path.join(built, f), 'utf8').replace(/"\.\/(chunk-)/g, '"/$$bunfs/root/$1') }));
    assert.ok(modules.some(m => m.text.includes('from"/$bunfs/root/chunk-')), 'the entries import the chunk by its Bun name');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-bun-'));
    fs.writeFileSync(path.join(root, 'tool'), appendedBun(elf(), bunGraph(modules)));
    const shown = (findings: readonly Finding[]) =>
      findings
        .filter(f => (f.ruleId === 'child-process' || f.ruleId === 'config-tamper') && /terminal|status/.test(f.entry ?? ''))
        .map(f => `${f.entry} ${f.severity} ${f.message.replace(/via [\w$.]+\(\)/, 'via R()')}`)
        .sort();
    const expected = [
      '/$bunfs/root/status.js low Starts a program (child_process.spawn via R()): git rev-parse HEAD',
      '/$bunfs/root/terminal.js low Starts a program (child_process.spawn via R()): defaults write com.googlecode.iterm2 AllowClipboardAccess -bool true',
      '/$bunfs/root/terminal.js medium Runs a command that writes iTerm2 preference file: defaults write com.googlecode.iterm2 AllowClipboardAccess -bool true',
      '/$bunfs/root/terminal.js medium Runs a shell command (child_process.spawn via R()) computed at run time',
    ];
    assert.deepEqual(shown(scanFolder(root)), expected, 'scanned whole');
    const r = spawnSync(process.execPath, [CLI, 'scan', root, '--json', '--jobs', '2', '--no-cache'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(shown(JSON.parse(r.stdout).targets[0].findings), expected, 'modules shared out among workers');
  });

  it('gives the same answers whatever order the questions come in, where imports go round', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-order-'));
    // a.js's runner runs b.js's, which runs c.js's; c.js imports a.js back (a cycle), and d.js asks.
    fs.writeFileSync(path.join(root, 'a.js'), 'import { runB } from "./b.js";\nexport function runA(file, args) { return runB(file, args); }\n');
    fs.writeFileSync(path.join(root, 'b.js'), 'import { runC } from "./c.js";\nexport function runB(file, args) { return runC(file, args); }\n');
    fs.writeFileSync(path.join(root, 'c.js'), 'import { spawn } from "node:child_process";\nimport { runA } from "./a.js";\nexport function runC(file, args) { return spawn(file, args); }\nexport function again(x) { return runA(x, []); }\n');
    const read = (p: string) => fs.readFileSync(p, 'utf8');
    const ask = (order: ReadonlyArray<[string, string, string]>) => {
      const program = new ProgramImports(fileSiblings(root, read), RULES, { ownVendors: [] }, 'x');
      return order.map(([from, specifier, name]) => JSON.stringify(program.forModule(from)!.starter(specifier, name) ?? null));
    };
    const questions: Array<[string, string, string]> = [
      ['d.js', './a.js', 'runA'],
      ['d.js', './c.js', 'again'],
      ['d.js', './b.js', 'runB'],
    ];
    const forward = ask(questions);
    const backward = ask([...questions].reverse()).reverse();
    assert.deepEqual(forward, backward);
    assert.deepEqual(JSON.parse(forward[0]), { call: 'child_process.spawn', program: 0, list: 1, shell: false });
  });

  it('follows runners over runners six modules deep, however the questions come in', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-deep-'));
    // m1 runs m2's runner, … m7 runs m8's, and m8 spawns: seven steps from m1, five from m3.
    for (let i = 1; i <= 8; i++) {
      const body = i === 8 ? 'import { spawn } from "node:child_process";\nexport function run8(file, args) { return spawn(file, args); }\n' : `import { run${i + 1} } from "./m${i + 1}.js";\nexport function run${i}(file, args) { return run${i + 1}(file, args); }\n`;
      fs.writeFileSync(path.join(root, `m${i}.js`), body);
    }
    const read = (p: string) => fs.readFileSync(p, 'utf8');
    const ask = (order: readonly number[]) => {
      const program = new ProgramImports(fileSiblings(root, read), RULES, { ownVendors: [] }, 'x');
      const answers = new Map(order.map(i => [i, program.forModule('main.js')!.starter(`./m${i}.js`, `run${i}`) !== undefined]));
      return [...answers].sort((a, b) => a[0] - b[0]);
    };
    const expected = [1, 2, 3, 4, 5, 6, 7, 8].map(i => [i, i >= 2]);
    assert.deepEqual(ask([1, 3, 2]).map(([i, found]) => [i, found]), expected.filter(([i]) => [1, 2, 3].includes(i as number)));
    assert.deepEqual(ask([3, 2, 1]), ask([1, 2, 3]), 'the order of the questions changes nothing');
    assert.deepEqual(ask([8, 7, 6, 5, 4, 3, 2, 1]), expected);
  });

  it("shares what one worker worked out about the modules with the next through a store: the next reads none of them, and works out again an answer the store holds damaged", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-shared-'));
    for (let i = 1; i <= 4; i++) {
      const body = i === 4 ? 'import { spawn } from "node:child_process";\nexport function run4(file, args) { return spawn(file, args); }\n' : `import { run${i + 1} } from "./m${i + 1}.js";\nimport { which } from "./which.js";\nexport function run${i}(file, args) { return run${i + 1}(which(file), args); }\n`;
      fs.writeFileSync(path.join(root, `m${i}.js`), body);
    }
    fs.writeFileSync(path.join(root, 'which.js'), 'const known = new Map();\nexport function which(name) { return known.get(name) ?? name; }\n');
    // As npm and tar leave every file of a package: 1985-10-26.
    const NPM_TIME = 499162500;
    for (const f of fs.readdirSync(root)) fs.utimesSync(path.join(root, f), NPM_TIME, NPM_TIME);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-answers-'));
    const problems: string[] = [];
    const store = new AnswerFiles(dir, m => problems.push(m));
    let reads = 0;
    const read = (p: string) => {
      reads++;
      return fs.readFileSync(p, 'utf8');
    };
    // As a worker asks: each question through a program of its own.
    const ask = (): string[] => {
      const program = new ProgramImports(fileSiblings(root, read), RULES, { ownVendors: [] }, 'x', () => folderVersion(root), store);
      const imports = program.forModule('main.js')!;
      return [...[1, 2, 3, 4].map(i => JSON.stringify(imports.starter(`./m${i}.js`, `run${i}`) ?? null)), String(imports.carrier!('./which.js', 'which'))];
    };
    const alone = new ProgramImports(fileSiblings(root, read), RULES, { ownVendors: [] }, 'x').forModule('main.js')!;
    const expected = [...[1, 2, 3, 4].map(i => JSON.stringify(alone.starter(`./m${i}.js`, `run${i}`) ?? null)), String(alone.carrier!('./which.js', 'which'))];
    assert.deepEqual(expected, [...Array(4).fill(JSON.stringify({ call: 'child_process.spawn', program: 0, list: 1, shell: false })), '0']);
    reads = 0;
    assert.deepEqual(ask(), expected, 'the first worker');
    assert.ok(reads > 0);
    reads = 0;
    assert.deepEqual(ask(), expected, 'the next worker');
    assert.equal(reads, 0, 'the next worker read no module');
    assert.deepEqual(problems, []);
    // Damaged entries: reported, and the modules read again.
    const entries = fs.readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.answer.json'));
    assert.ok(entries.length >= 5, `${entries.length} answers kept`);
    for (const f of entries) fs.writeFileSync(path.join(dir, f), JSON.stringify({ kind: 'ai-tool-audit-answer', version: 1, key: path.basename(f, '.answer.json'), value: { found: { run1: { call: 7 } }, final: true } }));
    reads = 0;
    assert.deepEqual(ask(), expected, 'after damage');
    assert.ok(reads > 0, 'read again');
    assert.ok(problems.length > 0 && problems.every(m => /^answers about other modules: ignoring cached answer .*: (a start without its fields|carriers that are not positions)$/.test(m)), problems.join('\n'));
    assert.equal(new Set(problems).size, problems.length, 'each damaged entry told once');
    // Damaged again: the same store tells nothing twice.
    const told = problems.length;
    for (const f of entries) fs.writeFileSync(path.join(dir, f), '{"kind":');
    ask();
    assert.equal(problems.length, told, 'told before');
    // Review 115: a release that changes a module but neither its size nor its time (npm and tar
    // give every file the same one) is another version: its answers are worked out again.
    const m4 = path.join(root, 'm4.js');
    const before = fs.statSync(m4);
    const quiet = fs.readFileSync(m4, 'utf8').replace('return spawn(file, args);', 'return [file, args, 123];');
    assert.equal(Buffer.byteLength(quiet), before.size, 'the same size');
    fs.writeFileSync(m4, quiet);
    fs.utimesSync(m4, NPM_TIME, NPM_TIME);
    assert.equal(fs.statSync(m4).mtimeMs, before.mtimeMs, 'the same time');
    reads = 0;
    assert.deepEqual(ask(), ['null', 'null', 'null', 'null', '0'], 'after the release');
    assert.ok(reads > 0, 'read again');
  });

  it("reads for its exports no module that starts nothing itself and imports no starter it names, nor one whose only exec( is a regular expression's; it reads one that imports a starter by name or in a way not read", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-spared-'));
    const files: Record<string, string> = {
      'run.js': 'import { spawn } from "node:child_process";\nexport function run(file, args) { return spawn(file, args); }\nexport function fmt(s) { return String(s).trim(); }\n',
      // Imports the runner's module, but only a name that is no starter.
      'fmtOnly.js': 'import { fmt } from "./run.js";\nexport function show(x) { return fmt(x); }\n',
      // Its only exec( is a regular expression's.
      'match.js': 'export function first(s) { return /a(b)/.exec(s); }\n',
      'byName.js': 'import { run as go } from "./run.js";\nexport function byName(file, args) { return go(file, args); }\n',
      'whole.js': 'import * as r from "./run.js";\nexport function whole(file, args) { return r.run(file, args); }\n',
      'required.js': 'const r = require("./run.js");\nexports.required = function (file, args) { return r.run(file, args); };\n',
      // Review 115: a module loaded by a name the text does not spell as a string; it also imports a name that is no starter.
      'byValue.js': 'import { fmt } from "./run.js";\nconst P = "./run.js";\nconst r = require(P);\nexport function byValue(file, args) { return r.run(fmt(file), args); }\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
    const program = new ProgramImports(fileSiblings(root, p => fs.readFileSync(p, 'utf8')), RULES, { ownVendors: [] }, 'x');
    const imports = program.forModule('main.js')!;
    const starts = Object.fromEntries(
      [
        ['./fmtOnly.js', 'show'],
        ['./match.js', 'first'],
        ['./byName.js', 'byName'],
        ['./whole.js', 'whole'],
        ['./required.js', 'required'],
        ['./byValue.js', 'byValue'],
      ].map(([specifier, name]) => [name, imports.starter(specifier, name)?.call ?? null]),
    );
    assert.deepEqual(starts, { show: null, first: null, byName: 'child_process.spawn', whole: 'child_process.spawn', required: 'child_process.spawn', byValue: 'child_process.spawn' });
    assert.deepEqual([...new Set(program.analysed)].sort(), ['byName.js', 'byValue.js', 'required.js', 'run.js', 'whole.js']);
  });

  // What a module imports from each other module, read from its text: names only where every mention is a list of plain names.
  const namedCases: Array<[string, string, Record<string, string[] | null>]> = [
    ['a list, renamed', 'import{a as b,c}from"/$bunfs/root/x.js";', { '/$bunfs/root/x.js': ['a', 'c'] }],
    ['two lists from one module', 'import { a } from "./x.js";\nimport { b } from "./x.js";', { './x.js': ['a', 'b'] }],
    ['a list and require', 'import { d } from "./y.js"; require("./y.js");', { './y.js': null }],
    ['a list and import()', 'import { d } from "./y.js"; import("./y.js");', { './y.js': null }],
    ['a list and the name in a string', 'import { g } from "./u.js"; const p = "./u.js";', { './u.js': null }],
    ['a list and export-from', 'import { g } from "./u.js"; export { h } from "./u.js";', { './u.js': null }],
    ['a namespace import', 'import * as ns from "./n.js";', { './n.js': null }],
    ['a default import with a list', 'import def, { a } from "./n.js";', { './n.js': null }],
    ['a string name', 'import { "q r" as s } from "./w.js";', { './w.js': ['q r'] }],
    ['a comment in the list', 'import { f /* why */ } from "./v.js";', { './v.js': null }],
    // Review 115: a quote that opens no string must not hide the namespace import after it.
    ['a quote in a regular expression before a namespace import and a list', 'const q=/"/;import*as ns from"./x.js";import{a}from"./x.js";', { './x.js': null }],
    ['a package, not a module of the program', 'import { spawn } from "node:child_process";', {}],
  ];
  for (const [name, text, expected] of namedCases) it(`names imported from other modules: ${name}`, () => assert.deepEqual(Object.fromEntries(namedSiblingImports(text)), expected));

  /** Findings of child-process in main.js of a folder made of `files`. */
  const startsIn = (files: Record<string, string>): string[] => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-case-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return scanFolder(root)
      .filter(f => f.ruleId === 'child-process' && f.file === 'main.js')
      .map(f => `${f.severity} ${f.message}`)
      .sort();
  };
  const RUNNER = 'const { spawn } = require("node:child_process");\nfunction run(file, args) { return spawn(file, args); }\nfunction safe(file, args) { return [file, args]; }\n';

  // Review 108: CommonJS exports as the top level leaves them, and the shapes a runner is exported in.
  const cases: Array<{ name: string; files: Record<string, string>; starts: string[] }> = [
    { name: 'exports.run = run, then module.exports = { run: safe }: run is safe', files: { 'run.js': `${RUNNER}exports.run = run;\nmodule.exports = { run: safe };\n`, 'main.js': 'const r = require("./run.js");\nr.run("echo", ["hello"]);\n' }, starts: [] },
    { name: 'exports.run = run, then exports.run = safe', files: { 'run.js': `${RUNNER}exports.run = run;\nexports.run = safe;\n`, 'main.js': 'const r = require("./run.js");\nr.run("echo", ["hello"]);\n' }, starts: [] },
    { name: 'a property of another object written before the function is not its name', files: { 'run.js': 'import { spawn } from "node:child_process";\nconst tools = {};\nexport let run;\ntools.run = function (file, args) { return spawn(file, args); };\n', 'main.js': 'import { run } from "./run.js";\nrun("echo", ["hello"]);\n' }, starts: [] },
    { name: 'exports.run = function … and module.exports.go = () => …', files: { 'run.js': 'const { spawn } = require("node:child_process");\nexports.run = function (file, args) { return spawn(file, args); };\nmodule.exports.go = (file, args) => spawn(file, args);\n', 'main.js': 'const r = require("./run.js");\nr.run("git", ["status"]);\nr.go("git", ["log"]);\n' }, starts: ['low Starts a program (child_process.spawn via r.go()): git log', 'low Starts a program (child_process.spawn via r.run()): git status'] },
    { name: 'a runner loaded by import() in a module with no other hint', files: { 'run.js': 'import { spawn } from "node:child_process";\nexport function run(file, args) { return spawn(file, args); }\n', 'main.js': 'export async function go() {\n  const { run } = await import("./run.js");\n  return run("git", ["status"]);\n}\n' }, starts: ['low Starts a program (child_process.spawn via run()): git status'] },
    { name: "a runner whose shell is the caller's options.shell, or the caller's spawnOptions", files: { 'run.js': 'import { spawn } from "node:child_process";\nexport function runScript(line, options) { return spawn(line, [], { shell: options.shell }); }\nexport function runNested(line, o) { return spawn(line, [], o.spawnOptions); }\n', 'main.js': 'import { runScript, runNested } from "./run.js";\nexport function hook(cmd) {\n  runScript(cmd, { shell: true });\n  runNested(cmd, { spawnOptions: { shell: true } });\n  runNested(cmd, { spawnOptions: { cwd: "/" } });\n}\n' }, starts: ['low Starts a program (child_process.spawn via runNested()) computed at run time', 'medium Runs a shell command (child_process.spawn via runNested()) computed at run time', 'medium Runs a shell command (child_process.spawn via runScript()) computed at run time'] },
    // Review 109: a lookup in another module that gives back the name, or builds a path from it.
    { name: 'a program resolved through a lookup another module exports: read when it gives the name back, not when it builds text from it', files: { 'which.js': 'const known = new Map();\nexport function which(name) { const found = known.get(name); return found === null ? "/usr/bin/" + name : found ?? name; }\nexport function under(name) { return `/opt/bin/${name}`; }\nexport const same = name => name;\n', 'run.js': 'import { spawn } from "node:child_process";\nimport { which, under, same } from "./which.js";\nexport function run(file, args) { return spawn(which(file), args); }\nexport function runUnder(file, args) { return spawn(under(file), args); }\nexport function runSame(file, args) { return spawn(same(file), args); }\n', 'main.js': 'import { run, runUnder, runSame } from "./run.js";\nrun("gh", ["auth", "token"]);\nrunUnder("tool", ["x"]);\nrunSame("tmux", ["ls"]);\n' }, starts: ['low Starts a program (child_process.spawn via run()): gh auth token', 'low Starts a program (child_process.spawn via runSame()): tmux ls'] },
    // Review 113: lookups that do not give the caller's program back as given, and odd calls of one.
    { name: "a lookup that gives the name back only for some names, after changing the list, or as a generator is no carrier; one through a helper's helper is", files: { 'lib.js': 'const m = new Map();\nfunction inner(x) { return m.get(x) ?? x; }\nexport function outer(a, b) { return inner(b); }\nexport function both(a, b) { if (a.startsWith("-")) return inner(b); return m.get(a) ?? a; }\nexport function withSudo(cmd) { cmd.unshift("sudo"); return cmd; }\nexport function* gen(name) { return name; }\nexport function pick(name) { if (name === "git") return name; return process.env.EDITOR_CMD; }\n', 'run.js': 'import { spawn } from "node:child_process";\nimport { outer, both, withSudo, gen, pick } from "./lib.js";\nexport function run(opts, file, args) { return spawn(outer(opts, file), args); }\nexport function runBoth(file, fallback, args) { return spawn(both(file, fallback), args); }\nexport function runList(cmd) { return Bun.spawn(withSudo(cmd)); }\nexport function runGen(file, args) { return spawn(gen(file), args); }\nexport function runPick(file, args) { return spawn(pick(file), args); }\n', 'main.js': 'import { run, runBoth, runList, runGen, runPick } from "./run.js";\nrun({}, "git", ["status"]);\nrunBoth("-x", "curl", ["https://x"]);\nrunList(["systemctl", "restart", "x"]);\nrunGen("git", ["log"]);\nrunPick("vim", ["x"]);\n' }, starts: ['low Starts a program (child_process.spawn via run()): git status'] },
    { name: 'a lookup called with .call or .apply shows no caller\'s program; one given a value that feeds itself (var p = which(p || file)) ends', files: { 'which.js': 'const known = new Map();\nexport function which(name) { const found = known.get(name); return found ?? name; }\n', 'run.js': 'import { spawn } from "node:child_process";\nimport { which } from "./which.js";\nexport function run(self, file, args) { return spawn(which.call(self, file), args); }\nexport function runApply(file, args) { return spawn(which.apply(null, [file]), args); }\nexport function runSelf(file, args) { var p = which(p || file); return spawn(p, args); }\n', 'main.js': 'import { run, runApply, runSelf } from "./run.js";\nrun("sudo", "git", ["status"]);\nrunApply("gh", ["auth", "token"]);\nrunSelf("ls", ["-la"]);\n' }, starts: ['low Starts a program (child_process.spawn via runSelf()): ls -la'] },
    // Review 112: the Agent SDK's `rt` passes values it made of its parameters (`G = m ? e : aT(e)`,
    // `_t = E?.args ?? n`) to execa in a third module: `ut`/`vt` over it were no runners (175 calls).
    { name: 'a runner passing values it made of its parameters to a runner in a third module', files: { 'exe.js': 'import { spawn } from "child_process";\nexport function xRo(e, n, o) { return spawn(e, n, { ...o }); }\n', 'which.js': 'import { existsSync } from "fs";\nexport function aT(e) { const p = "/usr/bin/" + e; if (existsSync(p)) return p; return e; }\n', 'run.js': 'import { xRo } from "./exe.js";\nimport { aT } from "./which.js";\nasync function ot(e) { try { return await e(); } catch (n) { return { code: 1 }; } }\nfunction zFe(G, n, env) { return G.endsWith("git") ? { args: ["-c", "core.fsmonitor=false", ...n], env } : null; }\nfunction rt(e, n, { shell: m, cwd: a } = {}) { const G = m ? e : aT(e); const E = zFe(G, n, process.env); const _t = E?.args ?? n; return xRo(G, _t, { cwd: a }); }\nexport function ut(e, n, o) { return ot(() => (o === void 0 ? rt(e, n) : rt(e, n, o))); }\n', 'main.js': 'import { ut } from "./run.js";\nexport async function a() { return ut("which", ["uv"]); }\n' }, starts: ['low Starts a program (child_process.spawn via ut()): which uv'] },
    // Review 112: Claude's proxy-auth command, a property of its settings, run through an imported shell runner.
    { name: "a command that is a property of the function's parameter, given to an imported shell runner", files: { 'run.js': 'import { spawn } from "child_process";\nexport async function p8(e, n = {}) { return spawn(e, [], { ...n, shell: true }); }\n', 'main.js': 'import { p8 } from "./run.js";\nexport async function proxyAuth(n, i) { return p8(n.command, { timeout: i }); }\nexport async function other(n) { return p8(n.quiet ? "true" : "false", {}); }\nexport function Je(e) { let { source: s } = e; return async () => p8(s.command, { timeout: 1 }); }\n' }, starts: ['low Runs a shell command (child_process.spawn via p8()): true or false', 'medium Runs a shell command (child_process.spawn via p8()) computed at run time', 'medium Runs a shell command (child_process.spawn via p8()) computed at run time'] },
    // Review 109: Claude Code's process probe writes its command in a name first.
    { name: 'a command written in a local name before the call', files: { 'run.js': 'import { spawnSync } from "node:child_process";\nexport function oAs(e, o = {}) { return spawnSync(e, { ...o, shell: true }); }\n', 'main.js': 'import { oAs } from "./run.js";\nexport function command(pid) { const r = `ps -o command= -p ${pid}`; return oAs(r, { timeout: 1000 }); }\n' }, starts: ['low Runs a shell command (child_process.spawnSync via oAs()): ps -o command= -p *'] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(startsIn(c.files), c.starts));

  it('keeps what a file analysed in parts asked of other modules (its cached result depends on it)', () => {
    const text = 'import { run } from "./run.js";\nrun("git", ["status"]);\n' + 'var pad = 1;\n'.repeat(20) + 'run("git", ["log"]);\n';
    const asked: string[] = [];
    const result = scanSource(text, { file: 'main.js', rules: RULES, wholeMax: 120, imports: { starter: (specifier, name) => void asked.push(`${specifier} ${name}`) } });
    assert.ok(result.errors.some(e => /analysed in \d+ parts/.test(e.message)), 'scanned in parts');
    assert.ok(asked.length > 0);
    assert.deepEqual(result.importAnswers?.map(a => `${a.specifier} ${a.name}`), [...new Set(asked)]);
  });

  it('reads no module through a link to a folder outside the target', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-outside-'));
    fs.writeFileSync(path.join(outside, 'run.js'), 'import { spawn } from "node:child_process";\nexport function run(file, args) { return spawn(file, args); }\n');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-link-'));
    fs.symlinkSync(outside, path.join(root, 'lib'));
    fs.writeFileSync(path.join(root, 'main.js'), 'import { run } from "./lib/run.js";\nrun("git", ["status"]);\n');
    assert.deepEqual(scanFolder(root).filter(f => f.ruleId === 'child-process'), []);
  });

  it('starts nothing where the other module is not part of the program (outside the folder) or exports no runner', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-'));
    fs.writeFileSync(path.join(root, 'run.js'), 'export function run(file, args) { return [file, ...args].join(" ") }\n');
    fs.writeFileSync(path.join(root, 'main.js'), 'import { run } from "./run.js";\nimport { spawnIt } from "../elsewhere/run.js";\nrun("git", ["status"]);\nspawnIt("git", ["status"]);\n');
    assert.deepEqual(scanFolder(root).filter(f => f.ruleId === 'child-process'), []);
  });

  it("scans a caller again when the lookup its runner resolves the program through changed, neither the caller's bytes nor the runner's (the result cache)", () => {
    const { home, dir } = cacheHome();
    const lookup = 'const known = new Map();\nexport function which(name) { const found = known.get(name); return found ?? name; }\n';
    fs.writeFileSync(path.join(dir, 'which.js'), lookup);
    fs.writeFileSync(path.join(dir, 'run.js'), 'import { spawn } from "node:child_process";\nimport { which } from "./which.js";\nexport function run(file, args) { return spawn(which(file), args); }\n');
    fs.writeFileSync(path.join(dir, 'main.js'), 'import { run } from "./run.js";\nrun("git", ["status"]);\n');
    const scan = () => cachedMessages(home, dir);
    assert.deepEqual(scan(), ['Starts a program (child_process.spawn via run()): git status']);
    assert.deepEqual(scan(), ['Starts a program (child_process.spawn via run()): git status'], 'warm');
    // The lookup now puts a folder in front of the name: git is no longer the program as given.
    fs.writeFileSync(path.join(dir, 'which.js'), lookup.replace('return found ?? name;', 'return `/opt/${name}`;  '));
    assert.deepEqual(scan(), []);
  });

  it("holds a cached result's answers without asking again while the program's version is the one they were told under", () => {
    const answers = [{ specifier: './run.js', name: 'run', summary: { call: 'child_process.spawn', program: 0, list: 1, shell: false } }];
    const asking = (version: string) => ({
      starter: () => {
        throw new Error('asked again');
      },
      version: () => version,
    });
    assert.equal(answersHold(answers, () => asking('v1'), 'v1'), true, 'the same version: nothing is asked');
    assert.throws(() => answersHold(answers, () => asking('v2'), 'v1'), /asked again/, 'another version: asked again');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-xmod-version-'));
    fs.writeFileSync(path.join(root, 'run.js'), 'export const a = 1;\n');
    fs.writeFileSync(path.join(root, 'notes.txt'), 'x');
    const before = folderVersion(root);
    assert.equal(folderVersion(root), before);
    fs.writeFileSync(path.join(root, 'notes.txt'), 'a text file changed');
    assert.equal(folderVersion(root), before, 'only JavaScript files count');
    fs.mkdirSync(path.join(root, 'lib'));
    fs.writeFileSync(path.join(root, 'lib', 'x.mjs'), 'export {};\n');
    assert.notEqual(folderVersion(root), before, 'a module added in a subfolder');
  });

  it('scans a caller again when the runner it imports changed, even with its own bytes unchanged (the result cache)', () => {
    const { home, dir } = cacheHome();
    const runner = 'import { spawn } from "node:child_process";\nexport function run(file, args) { return spawn(file, args); }\n';
    fs.writeFileSync(path.join(dir, 'run.js'), runner);
    fs.writeFileSync(path.join(dir, 'main.js'), 'import { run } from "./run.js";\nrun("git", ["status"]);\n');
    const scan = () => cachedMessages(home, dir);
    assert.deepEqual(scan(), ['Starts a program (child_process.spawn via run()): git status']);
    assert.deepEqual(scan(), ['Starts a program (child_process.spawn via run()): git status'], 'warm');
    // The runner no longer starts anything: main.js's cached answer about it no longer holds.
    fs.writeFileSync(path.join(dir, 'run.js'), runner.replace('return spawn(file, args);', 'return [file, args];   '));
    assert.deepEqual(scan(), []);
  });
});
