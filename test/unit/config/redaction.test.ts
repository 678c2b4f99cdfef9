// Secrets planted in the fixture homes and workspaces must not reach any output: text (brief
// and verbose), JSON, SARIF, Markdown, or a saved baseline. Every fixture family is checked, so
// a new reader is covered the day its fixtures land.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSecrets } from '../../../src/core/config/secrets';
import { CONFIG_FIXTURES } from '../../helpers/configFixture';

const CLI = path.resolve('dist/cli.js');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(d => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : d.isFile() ? [path.join(dir, d.name)] : []));
}

/** Every key-shaped value and every word marked PLANTED in the fixture's files. */
function plantedSecrets(dir: string): string[] {
  const found = new Set<string>();
  for (const file of filesUnder(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const s of findSecrets(text)) found.add(text.slice(s.start, s.end));
    for (const m of text.matchAll(/[A-Za-z0-9_-]*PLANTED[A-Za-z0-9_-]*/g)) found.add(m[0]);
  }
  return [...found];
}

describe('no output shows a planted secret', () => {
  for (const family of fs.readdirSync(CONFIG_FIXTURES)) {
    const dir = path.join(CONFIG_FIXTURES, family);
    const home = path.join(dir, 'home');
    const workspace = path.join(dir, 'workspace');
    if (!fs.existsSync(home)) continue;
    it(`${family}: text, verbose text, JSON, SARIF, Markdown and a baseline`, function () {
      this.timeout(60_000);
      const secrets = plantedSecrets(dir);
      assert.ok(secrets.length > 0, `${family} plants no secret to look for`);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ata-redaction-'));
      const base = ['scan', '--home', home, ...(fs.existsSync(workspace) ? ['--workspace', workspace] : []), '--no-policy', '--min-severity', 'info'];
      const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: out };
      const outputs: string[] = [];
      for (const extra of [[], ['--verbose'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'markdown', '--verbose'], ['--save-baseline', path.join(out, 'b.json'), '--json']]) {
        const r = spawnSync(process.execPath, [CLI, ...base, ...extra], { encoding: 'utf8', env, cwd: out });
        assert.ok(r.status === 0 || r.status === 1, `${extra.join(' ')}: exit ${r.status}\n${r.stderr}`);
        outputs.push(r.stdout, r.stderr);
      }
      outputs.push(fs.readFileSync(path.join(out, 'b.json'), 'utf8'));
      fs.rmSync(out, { recursive: true, force: true });
      const all = outputs.join('\n');
      assert.ok(all.includes('config-'), 'the scan reported config findings');
      for (const s of secrets) assert.ok(!all.includes(s), `${family}: "${s.slice(0, 12)}…" appears in an output`);
    });
  }
});
