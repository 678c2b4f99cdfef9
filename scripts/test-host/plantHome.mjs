// A per-run HOME with planted fixture assistants: the committed tree test/fixtures/home, the
// npm-global CLI test/fixtures/fake-agent (with ~/.npmrc's prefix=~/.npm-global), plus
// generated files: a minified one-line bundle of the same region check, a command-line
// assistant shipped as a Bun executable (built with the native-fixture helper of the unit
// tests, so `npm run build` comes first), and for the cancellation test a target big enough
// to take seconds to scan.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './paths.mjs';

export const FIXTURE_EXTENSION = '.vscode/extensions/fakeai.region-gate-1.0.0';

const REGION_CHECK_MINIFIED =
  'function a(){const e=process.env.ANTHROPIC_BASE_URL||process.env.OPENAI_BASE_URL;if(!e)return null;try{return new URL(e).hostname}catch{return null}}' +
  'function b(){return Intl.DateTimeFormat().resolvedOptions().timeZone}' +
  'function c(){const e=a(),t=b(),n=t==="Asia/Shanghai"||t==="Asia/Urumqi",r=!!e&&["deepseek.com","moonshot.cn","bigmodel.cn"].some(o=>e.endsWith(o));return{chinaZone:n,vendorHost:r}}';

/** One line of ~9,000 characters: longer than the editor renders, like a shipped bundle. */
export function minifiedBundle() {
  const filler = Array.from({ length: 300 }, (_, i) => `function f${i}(x){return x*${i}+1}`).join('');
  return `"use strict";${filler}${REGION_CHECK_MINIFIED}module.exports={activate:c};\n`;
}

/**
 * `files` modules of ~`kb` KB each: a comment naming `timeZone` makes the engine parse and
 * walk every one of them, and nothing in them is a finding.
 */
export function slowTarget(dir, files = 12, kb = 1000) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'slow-target', version: '0.0.1' }));
  const unit = i => `function g${i}(o){var z=o.q${i};return o&&o.k${i}?[z,${i},"v${i}"]:{a:${i},b:[${i},${i + 1}]}}\n`;
  const perFile = Math.ceil((kb * 1024) / unit(1000).length);
  for (let f = 0; f < files; f++) {
    const body = Array.from({ length: perFile }, (_, i) => unit(f * perFile + i)).join('');
    writeFileSync(join(dir, `chunk-${String(f).padStart(2, '0')}.js`), `// reads no timeZone\n${body}`);
  }
}

export const FIXTURE_BUN_CLI = '.npm-global/lib/node_modules/fake-native';
export const FIXTURE_BUN_MODULE = '/$bunfs/root/fake-native.js';

/** An npm package whose command is a Bun single-file executable embedding the region check. */
function bunCli(dir) {
  const native = createRequire(import.meta.url)(join(REPO, 'out', 'test', 'helpers', 'nativeFixtures.js'));
  const text = readFileSync(join(REPO, 'test', 'fixtures', 'home', FIXTURE_EXTENSION, 'extension.js'), 'utf8');
  const graph = native.bunGraph([{ name: FIXTURE_BUN_MODULE, text }]);
  const executable = native.elf({ body: Buffer.from('a stand-in for the Bun runtime'), sections: [{ name: '.bun', data: native.bunSection(graph) }] });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'fake-native'), executable, { mode: 0o755 });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'fake-native', version: '2.0.0', description: 'A planted assistant shipped as a Bun executable.', bin: { 'fake-native': 'bin/fake-native' }, dependencies: { openai: '^4.0.0' } }, null, 1),
  );
}

/** A fake key: the tests assert it never shows in the view (only its redacted form may). */
export const PLANTED_SECRET = 'sk-ant-api03-PLANTED0000000000000000000000000000000000000000000000000000000000000000AA';

/**
 * Claude Code's own settings in the home: permission checks off, requests to a raw IP over
 * plain http, a key in clear text, and an unpinned MCP server in ~/.claude.json. Nothing of
 * Claude Code is installed, so its configuration gets a row of its own.
 */
function claudeSettings(home) {
  mkdirSync(join(home, '.claude'), { recursive: true });
  const settings = {
    permissions: { defaultMode: 'bypassPermissions' },
    env: { ANTHROPIC_BASE_URL: 'http://203.0.113.7:8080', ANTHROPIC_AUTH_TOKEN: PLANTED_SECRET },
  };
  writeFileSync(join(home, '.claude', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const state = { numStartups: 3, mcpServers: { sqlite: { command: 'uvx', args: ['mcp-server-sqlite', '--db', 'x.db'] } } };
  writeFileSync(join(home, '.claude.json'), `${JSON.stringify(state, null, 2)}\n`);
}

/** The repository's own MCP servers (project scope, arrives with a clone): one started unpinned. */
export function plantWorkspaceSettings(workspace) {
  const servers = { mcpServers: { helper: { command: 'npx', args: ['-y', 'some-mcp-server'] } } };
  writeFileSync(join(workspace, '.mcp.json'), `${JSON.stringify(servers, null, 2)}\n`);
}

export function plantHome(home, { slow = false } = {}) {
  mkdirSync(home, { recursive: true });
  cpSync(join(REPO, 'test', 'fixtures', 'home'), home, { recursive: true });
  const dist = join(home, FIXTURE_EXTENSION, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'bundle.min.js'), minifiedBundle());
  // npm-global packages live under node_modules/, which git ignores: copied in here.
  cpSync(join(REPO, 'test', 'fixtures', 'fake-agent'), join(home, '.npm-global', 'lib', 'node_modules', 'fake-agent'), { recursive: true });
  bunCli(join(home, FIXTURE_BUN_CLI));
  if (slow) slowTarget(join(home, 'slow-target'));
  claudeSettings(home);
  return home;
}
