import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules';
import { tempTree } from '../helpers/tempTree';
import { scanTarget } from '../../src/core/scan/target';
import { scanSource } from '../../src/core/scan/engine';
import { childProcess } from '../../src/core/rules/child-process';
import { dependencyPackage, targetForFile } from '../../src/core/scan/fileOwner';

const tree = (files: Record<string, string>) => tempTree(files, 'ata-target-');

const RISKY = 'fetch(u,{body:JSON.stringify(process.env)});eval(s);';

describe('what a package scan reports', () => {
  it('runs the manifest rules on package.json with exact positions, honouring --rules', () => {
    const json = '{\n  "name": "x",\n  "scripts": {\n    "postinstall": "node install.cjs"\n  }\n}\n';
    const root = tree({ 'package.json': json, 'a.js': 'x=1' });
    const all = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    const [f] = all.findings.filter(x => x.ruleId === 'install-script');
    assert.deepEqual([f.file, f.line, f.column, f.endLine, f.endColumn], ['package.json', 4, 20, 4, 38]);
    const picked = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: [], keep: new Set(['timezone-probe']) });
    assert.deepEqual(picked.findings, []);
  });

  it('reads the manifest of an npm tarball unpacked as it comes (package/package.json), with its position', () => {
    const json = '{\n  "name": "opencode-ai",\n  "scripts": {\n    "postinstall": "node ./postinstall.mjs"\n  }\n}\n';
    const root = tree({ 'package/package.json': json, 'package/postinstall.mjs': 'x=1' });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    const [f] = result.findings.filter(x => x.ruleId === 'install-script');
    assert.deepEqual([f?.file, f?.line, f?.column, f?.severity], ['package/package.json', 4, 20, 'medium']);
    const both = tree({ 'package.json': '{"name":"outer"}', 'package/package.json': json });
    assert.deepEqual(scanTarget({ id: 'x', name: 'x', kind: 'path', root: both }, { rules: RULES }).findings.filter(x => x.ruleId === 'install-script'), [], "the root's own manifest is the package's");
  });

  it('reports a broken package.json as an error entry and scans the code', () => {
    const root = tree({ 'package.json': '{"name": ', 'a.js': RISKY });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.ok(result.errors.some(e => e.file === 'package.json' && /not valid JSON/.test(e.message)));
    assert.ok(result.findings.some(f => f.ruleId === 'env-harvest'));
  });

  it('reports nothing from comments, .d.ts, .map or test files unless tests are asked for', () => {
    const root = tree({
      'a.js': `// ${RISKY}\n/* ${RISKY} */\nconst ok = 1;`,
      'types.d.ts': RISKY,
      'a.js.map': JSON.stringify({ sourcesContent: [RISKY] }),
      'test/t.js': RISKY,
      'src/x.spec.js': RISKY,
      '__tests__/y.js': RISKY,
    });
    const quiet = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    assert.deepEqual(quiet.findings.map(f => `${f.file} ${f.ruleId}`), []);
    const withTests = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES, includeTests: true });
    assert.deepEqual([...new Set(withTests.findings.map(f => f.file))].sort(), ['__tests__/y.js', 'src/x.spec.js', 'test/t.js']);
  });
});

describe('bindings the rules resolve through', () => {
  const commands = (code: string) => scanSource(code, { file: 'a.js', rules: [childProcess] }).findings.map(f => f.evidence[0]);

  it('follows destructuring, imports, createRequire aliases and interop wrappers to the module', () => {
    assert.deepEqual(commands('const{spawn:s}=require("child_process");s("ls")'), ['call child_process.spawn']);
    assert.deepEqual(commands('import * as cp from "node:child_process";cp.execSync("ls")'), ['call child_process.execSync']);
    assert.deepEqual(commands('import{createRequire as c}from"module";const r=c(import.meta.url);r("child_process").fork("w.js")'), ['call child_process.fork']);
    assert.deepEqual(commands('var m=__toESM(require("child_process"));m.default.exec("ls")'), ['call child_process.exec']);
    // Kilo 7.7.9 (review 71): Bun's prelude keeps import.meta.require under a short name, and every module comes through it.
    assert.deepEqual(commands('var A0=(H)=>Promise.all(H),YL=import.meta.require;var f=()=>{var g=YL("child_process");return g.spawn(a,b)};YL("child_process").execSync("ls")'), ['call child_process.spawn', 'call child_process.execSync']);
    assert.deepEqual(commands('const r=module.require;r("child_process").fork("w.js")'), ['call child_process.fork']);
  });

  it('does not resolve a name to the expression that reassigns it', () => {
    const r = scanSource('function f(K){K=require("path").join(K,".ssh");return K}', { file: 'a.js', rules: RULES });
    assert.ok(r.findings.some(f => f.ruleId === 'credential-read' && f.evidence[0] === 'path */.ssh'));
  });
});

describe('one file under two names', () => {
  it('scans a hard link and a symlink to a scanned file once, and lists them with the path scanned', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-samefile-'));
    fs.mkdirSync(path.join(root, 'bin'));
    fs.writeFileSync(path.join(root, 'lib.js'), 'const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
    fs.linkSync(path.join(root, 'lib.js'), path.join(root, 'bin', 'hard.js'));
    fs.symlinkSync('../lib.js', path.join(root, 'bin', 'soft.js'));
    fs.writeFileSync(path.join(root, 'other.js'), 'const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
    const result = scanTarget({ id: 't', name: 't', kind: 'path', root }, { rules: RULES });
    fs.rmSync(root, { recursive: true, force: true });
    const timezone = result.findings.filter(f => f.ruleId === 'timezone-probe').map(f => f.file).sort();
    assert.equal(timezone.length, 2, timezone.join(', '));
    assert.ok(timezone.includes('other.js'), 'a copy (another file with the same text) is still scanned');
    assert.equal(result.sameFiles?.length, 2);
    const first = timezone.find(f => f !== 'other.js')!;
    for (const s of result.sameFiles!) assert.equal(s.sameAs, first);
    assert.deepEqual(result.errors, []);
  });

  it("scans a file once when only a symlink names it twice, listed first (node_modules/.bin), under the file's own path", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-samefile-'));
    fs.mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true });
    fs.mkdirSync(path.join(root, 'node_modules', 'tool'));
    fs.writeFileSync(path.join(root, 'node_modules', 'tool', 'cli.js'), '#!/usr/bin/env node\nconst tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
    fs.symlinkSync('../tool/cli.js', path.join(root, 'node_modules', '.bin', 'tool.js'));
    const result = scanTarget({ id: 't', name: 't', kind: 'path', root }, { rules: RULES });
    fs.rmSync(root, { recursive: true, force: true });
    assert.deepEqual(result.findings.filter(f => f.ruleId === 'timezone-probe').map(f => f.file), ['node_modules/tool/cli.js']);
    assert.deepEqual(result.sameFiles, [{ file: 'node_modules/.bin/tool.js', sameAs: 'node_modules/tool/cli.js' }]);
  });
});

describe('the vendor of a dependency a file ships in', () => {
  it('names the package under the last node_modules, scoped or not', () => {
    assert.equal(dependencyPackage('node_modules/@anthropic-ai/claude-agent-sdk/sdk.mjs'), '@anthropic-ai/claude-agent-sdk');
    assert.equal(dependencyPackage('node_modules/a/node_modules/tar/index.js'), 'tar');
    assert.equal(dependencyPackage('dist/index.js'), undefined);
    assert.equal(dependencyPackage('node_modules/@scope'), undefined);
  });

  it("names the dependency's vendor apart from the target's own (Claude Code's SDK inside another tool)", () => {
    assert.deepEqual(targetForFile({ ownVendors: [] }, 'node_modules/@anthropic-ai/claude-agent-sdk-linux-x64/claude'), { ownVendors: [], dependencyVendors: ['anthropic'] });
    assert.deepEqual(targetForFile({ ownVendors: ['openai'] }, 'node_modules/left-pad/index.js'), { ownVendors: ['openai'] });
  });

  it("reads Claude Code's credentials in Anthropic's own SDK as that vendor's package (medium: known from the folder's name only), not another assistant's (high)", () => {
    const root = tempTree({
      'package.json': '{"name":"some-acp-adapter"}',
      'node_modules/@anthropic-ai/claude-agent-sdk/package.json': '{"name":"@anthropic-ai/claude-agent-sdk"}',
      'node_modules/@anthropic-ai/claude-agent-sdk/sdk.mjs': 'import fs from "fs";import os from "os";import path from "path";export const c=()=>fs.readFileSync(path.join(os.homedir(),".claude",".credentials.json"));',
      'dist/index.js': 'const fs=require("fs"),os=require("os"),path=require("path");module.exports=()=>fs.readFileSync(path.join(os.homedir(),".claude",".credentials.json"));',
    });
    const result = scanTarget({ id: 'x', name: 'x', kind: 'path', root }, { rules: RULES });
    const creds = result.findings.filter(f => f.ruleId === 'credential-read').map(f => `${f.file} ${f.severity}`).sort();
    assert.deepEqual(creds, ['dist/index.js high', 'node_modules/@anthropic-ai/claude-agent-sdk/sdk.mjs medium']);
    assert.match(result.findings.find(f => f.file.startsWith('node_modules/') && f.ruleId === 'credential-read')!.message, /read by the vendor's own package, shipped as a dependency/);
  });
});
