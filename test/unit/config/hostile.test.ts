// Broken and hostile settings files: each is read or gets an error entry saying why, the other
// files of the assistant are still read, and nothing hangs or crashes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../../src/core/config/load';
import { claudeCode } from '../../../src/core/config/claude';
import { tempTree } from '../../helpers/tempTree';

function load(files: Record<string, string | Buffer>, prepare?: (root: string) => void) {
  const root = tempTree({ 'home/.claude.json': JSON.stringify({ mcpServers: { ok: { command: 'npx', args: ['-y', 'ok-mcp'] } } }), ...files }, 'ata-hostile-config-');
  fs.mkdirSync(path.join(root, 'workspace'), { recursive: true });
  prepare?.(root);
  const loaded = loadConfig(claudeCode, { home: path.join(root, 'home'), workspace: path.join(root, 'workspace'), env: {}, platform: 'linux' })!;
  fs.rmSync(root, { recursive: true, force: true });
  return { errors: loaded.errors.map(e => `${e.file}: ${e.message}`), servers: loaded.builder.inventory.mcpServers.map(s => s.name) };
}

describe('hostile and broken settings files', () => {
  it('reads what parses of a broken JSON file and says where it broke', () => {
    const r = load({ 'workspace/.mcp.json': '{\n  "mcpServers": {\n    "a": { "command": "x" },\n    "b": { "command": \n' });
    assert.deepEqual(r.servers.sort(), ['a', 'b', 'ok']);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0], /^workspace\/\.mcp\.json: Claude Code project MCP servers does not parse as JSON \(\w+ at \d+:\d+\); what parsed was read$/);
  });
  it('reports a FIFO named like a settings file without opening it', function () {
    if (process.platform === 'win32') this.skip();
    const r = load({}, root => {
      fs.mkdirSync(path.join(root, 'workspace'), { recursive: true });
      execFileSync('mkfifo', [path.join(root, 'workspace', '.mcp.json')]);
    });
    assert.deepEqual(r.errors, ['workspace/.mcp.json: Claude Code project MCP servers is a FIFO: not read']);
    assert.deepEqual(r.servers, ['ok']);
  });
  it('reports a symlink loop and a file over the size limit', () => {
    const r = load({ 'workspace/.claude/settings.json': `{"x": "${'a'.repeat(4 * 1024 * 1024 + 10)}"}` }, root => {
      fs.symlinkSync('.mcp.json', path.join(root, 'workspace', '.mcp.json'));
    });
    assert.deepEqual(r.errors.map(e => e.replace(/\d+ bytes/, 'N bytes')), [
      'workspace/.mcp.json: cannot read Claude Code project MCP servers: ELOOP',
      'workspace/.claude/settings.json: Claude Code project settings is N bytes, over the 4194304-byte limit for settings files: not read',
    ]);
  });
  it('survives JSON nested 100,000 deep and binary bytes', () => {
    const deep = `{"mcpServers": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = load({ 'workspace/.mcp.json': deep, 'workspace/.claude/settings.json': Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7b, 0x22]) });
    assert.deepEqual(r.servers, ['ok']);
    assert.ok(r.errors.some(e => e.startsWith('workspace/.claude/settings.json: ')), r.errors.join('\n'));
  });
  it('reads a UTF-16 file by its byte-order mark', () => {
    const text = JSON.stringify({ mcpServers: { utf16: { command: 'npx', args: ['-y', 'u-mcp'] } } });
    const r = load({ 'workspace/.mcp.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    assert.deepEqual(r.servers.sort(), ['ok', 'utf16']);
    assert.deepEqual(r.errors, []);
  });
  it('reports a file it may not read', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
    const r = load({ 'workspace/.mcp.json': '{}' }, root => fs.chmodSync(path.join(root, 'workspace', '.mcp.json'), 0));
    assert.deepEqual(r.errors, ['workspace/.mcp.json: cannot read Claude Code project MCP servers: EACCES']);
  });
});
