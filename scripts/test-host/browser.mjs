// Debian's chromium, driven by playwright-core from .test-host/tools, headless, with its
// profile (and HOME) in the run folder.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, TOOLS } from './paths.mjs';

const require = createRequire(join(TOOLS, 'noop.js'));

export async function launchBrowser(outDir, viewport = { width: 1400, height: 850 }) {
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(outDir, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    env: { ...process.env, HOME: profile },
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLines = [];
  page.on('console', m => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', e => consoleLines.push(`pageerror: ${e.message}`));
  return {
    page,
    consoleLines,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The workbench URL for a folder; with a payload when extensions under development or tests are loaded. */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** vscode-remote URI of a path on the server, as the browser addresses it. */
export function remotePath(base, p) {
  return `vscode-remote://${new URL(base).host}${p}`;
}
