// Starts code-server (VS Code's server and workbench, Node 24) for one test run, bound to
// 127.0.0.1 with no auth, with quiet offline settings and the run's own HOME, data and
// extensions folders; stops it by its process group id.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER, NODE24, withoutNpmVariables } from './paths.mjs';

const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'typescript.disableAutomaticTypeAcquisition': true,
  // Run folders sit inside the repository: the editor's TypeScript would report on our own
  // tsconfig.json in the Problems panel the tests look at.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Workspace Trust on, the folder left untrusted without the startup prompt (restricted mode). */
const UNTRUSTED_SETTINGS = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' };

/**
 * run: folder of this run; its home/, data/, ext/ and code-server.log live there unless
 * `home`, `userDataDir` or `extensionsDir` say otherwise. `args`: extra code-server flags.
 * `untrusted`: Workspace Trust enabled and the workspace not trusted (it is off otherwise).
 */
export async function startCodeServer({ run, workspace, home, userDataDir, extensionsDir, settings = {}, args = [], env = {}, untrusted = false }) {
  const data = userDataDir ?? join(run, 'data');
  const ext = extensionsDir ?? join(run, 'ext');
  const homeDir = home ?? join(run, 'home');
  for (const d of [join(data, 'User'), ext, homeDir, join(run, 'xdg')]) mkdirSync(d, { recursive: true });
  const settingsFile = join(data, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...(untrusted ? UNTRUSTED_SETTINGS : {}), ...settings }, null, 1));
  const port = await freePort();
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = openSync(join(run, 'code-server.log'), 'a');
  const child = spawn(
    NODE24,
    [CODE_SERVER, '--config', join(run, 'config.yaml'), '--user-data-dir', data, '--extensions-dir', ext,
      '--disable-telemetry', '--disable-update-check', ...(untrusted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
      '--ignore-last-opened', ...args, workspace],
    {
      // HOME reaches the extension host: the planted assistants live there.
      // EXTENSIONS_GALLERY={} leaves code-server without a gallery: nothing tries the network.
      // Without npm_config_* from `npm run`: discovery in the editor must see the planted HOME.
      env: { ...withoutNpmVariables(process.env), ...env, EXTENSIONS_GALLERY: '{}', HOME: homeDir, XDG_CONFIG_HOME: join(run, 'xdg'), XDG_DATA_HOME: join(run, 'xdg'), XDG_CACHE_HOME: join(run, 'xdg') },
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  writeFileSync(join(run, 'code-server.pid'), String(child.pid));
  const url = `http://127.0.0.1:${port}`;
  const server = { url, port, pid: child.pid, stop: () => stopProcessGroup(child.pid) };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${join(run, 'code-server.log')}`);
    if (await fetch(`${url}/healthz`).then(r => r.ok, () => false)) return server;
    await new Promise(r => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`code-server did not answer on ${url}; see ${join(run, 'code-server.log')}`);
}

/** TERM, then KILL after 5 s, to the process group we started (never by name). */
export async function stopProcessGroup(pid) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(); i++) await new Promise(r => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
