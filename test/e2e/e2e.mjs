#!/usr/bin/env node
// npm run test:e2e: a real browser (Debian's chromium, driven by playwright-core) against a
// real editor (code-server) with the packaged .vsix installed and assistants planted in
// HOME. Clicks through the UI as a person would: activity bar -> "Audit AI tools" -> tree ->
// finding -> editor at the flagged line -> readable context -> a long scan cancelled from its
// progress notification -> a workspace policy that blocks the planted extension (warning,
// status bar, "Show", Problems panel) -> an assistant with a hostile name, shown inert in the
// capability matrix -> the README of the installed .vsix; screenshots go to test/e2e/artifacts/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ensureTestHost } from '../../scripts/test-host/install.mjs';
import { plantHome, slowTarget } from '../../scripts/test-host/plantHome.mjs';
import { startCodeServer } from '../../scripts/test-host/codeServer.mjs';
import { launchBrowser, workbenchUrl } from '../../scripts/test-host/browser.mjs';
import { CODE_SERVER, NODE24, REPO, RUNS } from '../../scripts/test-host/paths.mjs';
import { packageVsix } from '../../scripts/test-host/vsix.mjs';

const ARTIFACTS = join(REPO, 'test', 'e2e', 'artifacts');
const started = Date.now();
const log = (...a) => console.log(`[${String(Date.now() - started).padStart(6)} ms]`, ...a);
let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  log(ok ? 'PASS' : 'FAIL', name, detail);
}

ensureTestHost();
mkdirSync(RUNS, { recursive: true });
mkdirSync(ARTIFACTS, { recursive: true });
const run = mkdtempSync(join(RUNS, 'e2e-'));
const home = plantHome(join(run, 'home'));
const workspace = join(run, 'workspace');
mkdirSync(workspace);
slowTarget(join(workspace, 'slow-target'));
writeFileSync(join(workspace, 'README.md'), 'The folder the E2E test opens.\n');

log('packaging the extension');
const vsix = join(run, 'ai-tool-audit.vsix');
packageVsix(REPO, vsix);
check('the .vsix (packaged as npm run package does) is under 2 MB', statSync(vsix).size <= 2 * 1024 * 1024, `${(statSync(vsix).size / 1024).toFixed(0)} KB`);
execFileSync(NODE24, [CODE_SERVER, '--extensions-dir', join(run, 'ext'), '--user-data-dir', join(run, 'data'), '--install-extension', vsix], {
  env: { ...process.env, HOME: home, EXTENSIONS_GALLERY: '{}' },
  stdio: 'ignore',
});

let server;
let browser;
try {
  server = await startCodeServer({ run, workspace, home });
  log('code-server up at', server.url);
  browser = await launchBrowser(run);
  const { page } = browser;
  await page.goto(workbenchUrl(server.url, workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const icon = page.locator('.activitybar [aria-label^="AI Tool Audit"]').first();
  await icon.waitFor({ timeout: 60000 });
  log('workbench usable');
  await icon.click();
  await widenSideBar(page, 560);
  const welcome = page.locator('.welcome-view-content a, .welcome-view-content .monaco-button', { hasText: 'Audit AI tools' }).first();
  await welcome.waitFor({ timeout: 30000 });
  check('the view opens on a welcome with an "Audit AI tools" button', await welcome.isVisible());
  await welcome.click();

  const gateRow = page.locator('.monaco-list-row', { hasText: 'compares with region timezones' }).filter({ hasText: 'extension.js:21' });
  await gateRow.waitFor({ timeout: 60000 });
  const extensionRow = page.locator('.monaco-list-row', { hasText: 'FakeAI Assistant (test fixture)' }).first();
  check('the tree shows the planted extension with its counts', /1\.0\.0 · 2 high, 6 medium, 6 low/.test((await extensionRow.textContent()) ?? ''), await extensionRow.textContent());
  const cliRow = page.locator('.monaco-list-row', { hasText: 'fake-agent' }).first();
  check('the tree shows the planted command-line assistant with its counts', /0\.3\.0 · 1 high, 2 medium, 1 low/.test((await cliRow.textContent()) ?? ''), await cliRow.textContent());
  const machine = page.locator('.part.sidebar .message', { hasText: `Assistants on remote host ${hostname()}` }).first();
  check('the view says which machine it audits', await machine.isVisible().catch(() => false), await machine.textContent().catch(() => 'no message'));
  // The planted home also holds Claude Code settings (plantHome.mjs): a bypass mode and a
  // raw-IP base URL are two more high findings, in their own row (Claude Code is not installed).
  const configRow = page.locator('.monaco-list-row', { hasText: 'Claude Code configuration' }).first();
  check('the tree shows the planted settings in their own row', /2 high/.test((await configRow.textContent().catch(() => '')) ?? ''), await configRow.textContent().catch(() => 'none'));
  const badge = page.locator('.activitybar [aria-label^="AI Tool Audit"] .badge-content').first();
  // The workbench paints the badge a moment after the view's counts (a fresh clone's first run once read it empty).
  const badgeText = async () => ((await badge.textContent({ timeout: 2000 }).catch(() => '')) ?? '').trim();
  for (let i = 0; i < 20 && (await badgeText()) !== '6'; i++) await page.waitForTimeout(500);
  check('the activity bar badge counts the high findings', (await badgeText()) === '6', await badgeText());
  const status = page.locator('.statusbar-item', { hasText: '6 high' }).first();
  check('the status bar shows "6 high"', await status.isVisible().catch(() => false));

  // What a screen reader says for the row: one sentence on one line, not the tooltip.
  const spoken = (await gateRow.getAttribute('aria-label').catch(() => '')) ?? '';
  check('a finding row reads as one sentence: severity, rule, message, place', /^High severity, Region or vendor gate: Reads the timezone .*, in extension\.js at line 21, column 30\.$/.test(spoken) && !spoken.includes('\n'), spoken);
  const noZero = async () => (await page.locator('.statusbar-item').allTextContents()).filter(t => /\b0 high\b/.test(t));
  await gateRow.click();
  await page.locator('.tab', { hasText: 'extension.js' }).first().waitFor({ timeout: 30000 });
  const selection = page.locator('[id="status.editor.selection"]');
  // The cursor ends the selection: 'Asia/Shanghai' with its quotes is 21:30 to 21:45.
  const flagged = /Ln 21, Col 45 \(15 selected\)/;
  await page.waitForFunction(re => new RegExp(re).test(document.getElementById('status.editor.selection')?.textContent ?? ''), flagged.source, { timeout: 15000 }).catch(() => {});
  const at = (await selection.textContent())?.trim() ?? '';
  check("clicking the finding opens extension.js with 'Asia/Shanghai' (21:30-21:45) selected", flagged.test(at), at);
  const line = page.locator('.monaco-editor .view-line', { hasText: "const chinaZone = zone === 'Asia/Shanghai'" });
  check('the editor shows the flagged line', (await line.count()) === 1);
  await page.screenshot({ path: join(ARTIFACTS, 'tree-and-finding.png') });
  log('screenshot', join(ARTIFACTS, 'tree-and-finding.png'));

  // The same finding in the minified bundle: its inline action opens the readable context.
  const minifiedRow = page.locator('.monaco-list-row', { hasText: 'compares with region' }).filter({ hasText: 'dist/bundle.min.js:1' });
  const readableTab = page.locator('.tab', { hasText: '(readable).js' }).first();
  // A tree refresh (the version comparison arriving, a policy evaluation) can re-render the
  // row between hover and click and swallow the click (the log then shows no readable-context
  // request): try again, up to three times.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await minifiedRow.hover();
    await minifiedRow.locator('.action-label[aria-label="Show in Readable Context"]').click();
    if (await readableTab.waitFor({ timeout: attempt < 3 ? 10000 : 30000 }).then(() => true, () => false)) break;
    log(`readable context: no tab after click ${attempt}`);
  }
  await readableTab.waitFor({ timeout: 1000 });
  const reprinted = page.locator('.monaco-editor .view-line', { hasText: 'const e = a(), t = b(), n = t === "Asia/Shanghai"' });
  await reprinted.waitFor({ timeout: 15000 });
  check('the readable context shows the minified function reprinted line by line', (await page.locator('.monaco-editor .view-line', { hasText: 'function c() {' }).count()) === 1);
  await page.waitForFunction(() => /\(15 selected\)/.test(document.getElementById('status.editor.selection')?.textContent ?? ''), null, { timeout: 15000 }).catch(() => {});
  const inContext = (await selection.textContent())?.trim() ?? '';
  check('the readable context selects the flagged "Asia/Shanghai"', /\(15 selected\)/.test(inContext), inContext);
  await page.screenshot({ path: join(ARTIFACTS, 'readable-context.png') });
  log('screenshot', join(ARTIFACTS, 'readable-context.png'));

  // Finding Details from the row's inline button: a read-only document beside the code whose
  // steps are links (Ctrl+click, as any link in the editor).
  await gateRow.hover();
  await gateRow.locator('.action-label[aria-label="Show Finding Details"]').click();
  await page.locator('.tab', { hasText: '(details)' }).first().waitFor({ timeout: 30000 });
  const stepsHeading = page.locator('.monaco-editor .view-line', { hasText: 'Correlated steps' });
  await stepsHeading.waitFor({ timeout: 15000 }).catch(() => {});
  check('Finding Details lists the correlated steps', (await stepsHeading.count()) === 1);
  // Only the lines on screen are in the page: the rule page's sections further down are checked by the integration suite.
  check('Finding Details shows the evidence', (await page.locator('.monaco-editor .view-line', { hasText: /^Evidence$/ }).count()) === 1);
  await page.screenshot({ path: join(ARTIFACTS, 'finding-details.png') });
  log('screenshot', join(ARTIFACTS, 'finding-details.png'));
  // The places are the document's only links, each its own span: the Location line, then step 1, step 2, ...
  const places = page.locator('.monaco-editor .view-line span span', { hasText: /^extension\.js:\d+:\d+$/ });
  await places.nth(2).waitFor({ timeout: 15000 }).catch(() => {});
  log('places in Finding Details', (await places.allTextContents().catch(() => [])).join(' | '));
  const stepLink = places.nth(2);
  const stepAt = /:(\d+):(\d+)$/.exec(((await stepLink.textContent().catch(() => '')) ?? '').trim());
  const stepLine = stepAt ? new RegExp(`^Ln ${stepAt[1]},`) : /^$/;
  // On a loaded machine the editor may not have made the span a link yet when the click lands
  // (the cursor stays at Ln 1): hover, click again, up to three times.
  // Something may also lie over the editor then (a hover, a notification): Escape closes it, and
  // later attempts click through whatever still covers the span.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.keyboard.press('Escape');
    await stepLink.hover({ timeout: 15000, force: attempt > 1 }).catch(() => {});
    await stepLink.click({ modifiers: ['Control'], timeout: 15000, force: attempt > 1 }).catch(e => log('step click', String(e).split('\n')[0]));
    const reached = await page.waitForFunction(re => new RegExp(re).test(document.getElementById('status.editor.selection')?.textContent?.trim() ?? ''), stepLine.source, { timeout: 10000 }).then(() => true, () => false);
    if (reached) break;
    log('step click', `attempt ${attempt}: not at the step yet`);
  }
  const atStep = (await selection.textContent())?.trim() ?? '';
  check(`Ctrl+click on step 2 in Finding Details opens extension.js at its line (${stepAt?.[1]})`, !!stepAt && stepLine.test(atStep), atStep);
  await runCommand(page, 'View: Close All Editor Groups');

  // The capability matrix: a webview whose cells, built by its own script under a strict CSP,
  // filter the tree when chosen.
  await runCommand(page, 'AI Tool Audit: Show Capability Matrix');
  const matrix = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const regionCell = matrix.locator('tr', { hasText: 'FakeAI Assistant' }).locator('button.cell.high').first();
  await regionCell.waitFor({ timeout: 30000 }).catch(() => {});
  const cellText = (await regionCell.textContent().catch(() => '')) ?? '';
  check('the capability matrix shows the planted extension with a high cell', /^\d+ \(high\)$/.test(cellText), cellText);
  await page.screenshot({ path: join(ARTIFACTS, 'capability-matrix.png') });
  log('screenshot', join(ARTIFACTS, 'capability-matrix.png'));
  await regionCell.click().catch(() => {});
  const cellFilter = page.locator('.part.sidebar .message', { hasText: 'Showing the region findings of FakeAI Assistant' }).first();
  await cellFilter.waitFor({ timeout: 15000 }).catch(() => {});
  const cellRows = await page.locator('.part.sidebar .monaco-list-row').allTextContents();
  check('choosing a matrix cell shows just those findings in the view', (await cellFilter.isVisible().catch(() => false)) && cellRows.some(r => r.includes('compares with region timezones')) && !cellRows.some(r => r.includes('fake-agent')), cellRows.join(' | '));
  await runCommand(page, 'AI Tool Audit: Show All Findings');
  await runCommand(page, 'View: Close All Editors');

  // A long audit, started from the Explorer's context menu, shows a progress notification
  // whose Cancel button stops it.
  await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
  const folderRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'slow-target' }).first();
  await folderRow.click({ button: 'right' });
  // Menus ignore a click that comes too soon after they open.
  const menuItem = page.locator('.monaco-menu .action-label', { hasText: 'Scan a Folder or File...' }).first();
  await menuItem.hover();
  await page.waitForTimeout(400);
  await menuItem.click();
  const toast = page.locator('.notification-toast', { hasText: 'scanning slow-target' }).first();
  await toast.waitFor({ timeout: 30000 });
  const scanning = page.locator('.statusbar-item', { hasText: 'auditing…' }).first();
  await scanning.waitFor({ timeout: 10000 }).catch(() => {});
  const zeroWhileScanning = await noZero();
  check('while an audit runs the status bar says "auditing…", never a count such as "0 high"', (await scanning.isVisible().catch(() => false)) && zeroWhileScanning.length === 0, zeroWhileScanning.join(' | '));
  await toast.locator('.monaco-button', { hasText: 'Cancel' }).click();
  // The scan command brings its view forward; the activity bar icon would toggle it away again.
  const view = page.locator('.part.sidebar', { hasText: 'AI Tool Audit' }).first();
  if (!(await view.isVisible().catch(() => false))) await icon.click();
  await page.locator('.part.sidebar .action-label[aria-label="Collapse All"]').first().click();
  const cancelled = page.locator('.monaco-list-row', { hasText: 'slow-target' }).filter({ hasText: 'not scanned (cancelled)' });
  await cancelled.waitFor({ timeout: 15000 }).catch(() => {});
  check('the Cancel button of the progress notification stops an audit started from the Explorer', (await cancelled.count()) === 1);
  const cancelledStatus = page.locator('.statusbar-item', { hasText: 'audit cancelled' }).first();
  await cancelledStatus.waitFor({ timeout: 10000 }).catch(() => {});
  const zeroAfterCancel = await noZero();
  check('after the cancel the status bar says "audit cancelled", never "0 high"', (await cancelledStatus.isVisible().catch(() => false)) && zeroAfterCancel.length === 0, zeroAfterCancel.join(' | '));
  const cancelledMessage = page.locator('.part.sidebar .message', { hasText: 'Audit cancelled: 0 of 1 audited' }).first();
  // The status bar and the view's message are two updates: wait for the second too.
  await cancelledMessage.waitFor({ timeout: 10000 }).catch(() => {});
  check('the view says the audit was cancelled', await cancelledMessage.isVisible().catch(() => false), await page.locator('.part.sidebar .message').first().textContent().catch(() => 'no message'));
  await page.screenshot({ path: join(ARTIFACTS, 'cancelled.png') });

  // The team commits a policy that blocks the planted extension: the editor warns at once.
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'ai-tool-audit.json'), '{\n  "assistants": {\n    "block": ["fakeai.region-gate"]\n  }\n}\n');
  const warning = page.locator('.notification-toast', { hasText: 'workspace policy violation' }).first();
  await warning.waitFor({ timeout: 30000 }).catch(() => {});
  check('a policy blocking the planted extension raises a warning notification', await warning.isVisible().catch(() => false));
  const policyStatus = page.locator('.statusbar-item', { hasText: '1 policy violation' }).first();
  check('the status bar counts the policy violation', await policyStatus.isVisible().catch(() => false));
  // Let the toast finish sliding in before the picture.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(ARTIFACTS, 'policy-warning.png') });
  log('screenshot', join(ARTIFACTS, 'policy-warning.png'));
  await warning.locator('.monaco-button', { hasText: 'Show' }).click();
  const filtered = page.locator('.part.sidebar .message', { hasText: 'Showing what breaks the workspace policy' }).first();
  await filtered.waitFor({ timeout: 15000 }).catch(() => {});
  // The view's message and its rows are two updates (a run failed reading the rows in between): wait for the rows too.
  const onlyBlocked = list => list.length >= 1 && list.every(r => r.includes('FakeAI Assistant'));
  let rows = [];
  for (let i = 0; i < 20; i++) {
    rows = await page.locator('.part.sidebar .monaco-list-row').allTextContents();
    if (onlyBlocked(rows)) break;
    await page.waitForTimeout(500);
  }
  check('"Show" filters the view to the blocked assistant', (await filtered.isVisible().catch(() => false)) && onlyBlocked(rows), rows.join(' | '));
  await runCommand(page, 'View: Focus Problems');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'is blocked by "fakeai.region-gate"' }).first();
  await problem.waitFor({ timeout: 15000 }).catch(() => {});
  check('the Problems panel lists the violation on the policy clause', await problem.isVisible().catch(() => false));
  const schemaMissing = await page.locator('.markers-panel .monaco-list-row', { hasText: 'Unable to load schema' }).count();
  check('the packaged extension ships the policy schema VS Code validates the file with', schemaMissing === 0, `${schemaMissing} "Unable to load schema" problem(s)`);
  await problem.click().catch(() => {});
  await page.locator('.tab', { hasText: 'ai-tool-audit.json' }).first().waitFor({ timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(ARTIFACTS, 'policy-diagnostic.png') });
  log('screenshot', join(ARTIFACTS, 'policy-diagnostic.png'));

  // A typo in an id must not fail open: the Problems panel warns on the clause, with the name meant.
  writeFileSync(join(workspace, '.vscode', 'ai-tool-audit.json'), '{\n  "assistants": {\n    "block": ["fakeai.region-gat"]\n  }\n}\n');
  const typo = page.locator('.markers-panel .monaco-list-row', { hasText: 'did you mean "fakeai.region-gate"' }).first();
  await typo.waitFor({ timeout: 30000 }).catch(() => {});
  check('the Problems panel warns about an id that names no audited or known assistant, with a did-you-mean', await typo.isVisible().catch(() => false), (await page.locator('.markers-panel .monaco-list-row').allTextContents().catch(() => [])).join(' | '));
  const kept = page.locator('.statusbar-item', { hasText: 'no policy violations' }).first();
  check('the policy status says "no policy violations", not the unclear "policy kept"', await kept.isVisible().catch(() => false), (await page.locator('.statusbar-item').allTextContents()).filter(t => /polic/.test(t)).join(' | '));
  // The view is still filtered to the violations ("Show" above): it says there are none now.
  const none = page.locator('.part.sidebar .message', { hasText: 'Showing what breaks the workspace policy (nothing does now)' }).first();
  await none.waitFor({ timeout: 15000 }).catch(() => {});
  check('a violation filter left on says it shows nothing now, rather than an unexplained empty view', await none.isVisible().catch(() => false), await page.locator('.part.sidebar .message').first().textContent().catch(() => 'no message'));
  await runCommand(page, 'AI Tool Audit: Show All Findings');
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'FakeAI Assistant' }).first().waitFor({ timeout: 15000 }).catch(() => {});
  // The whole message, did-you-mean included, in the editor's hover on the clause, for the picture.
  await page.locator('.monaco-editor .view-line span span', { hasText: 'fakeai.region-gat' }).first().hover().catch(() => {});
  const hover = page.locator('.monaco-hover', { hasText: 'did you mean "fakeai.region-gate"' }).first();
  await hover.waitFor({ timeout: 10000 }).catch(() => {});
  check('hovering the clause shows the warning with its did-you-mean', await hover.isVisible().catch(() => false));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, 'policy-did-you-mean.png') });
  log('screenshot', join(ARTIFACTS, 'policy-did-you-mean.png'));

  // Hostile names in the capability matrix. An assistant is planted whose display name holds
  // markup, a script, markdown, a terminal escape and a right-to-left override, and the tools
  // are audited again: the matrix (strict CSP, cells written with textContent) shows the name
  // as the characters it is, with the control characters made visible. Last, so that no
  // screenshot above shows it.
  // From a quiet workbench (the Problems row's hover and the policy filter gone), and once the
  // audit has listed the planted assistant in the view.
  // (The policy checks above already ran Show All Findings: the view is not filtered.)
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors');
  plantHostileNames(home);
  await runCommand(page, 'AI Tool Audit: Audit AI tools');
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Payload Assistant' }).first().waitFor({ timeout: 90000 }).catch(() => {});
  await runCommand(page, 'AI Tool Audit: Show Capability Matrix');
  const hostileRow = matrix.locator('tr', { hasText: 'Payload Assistant' }).first();
  await hostileRow.waitFor({ timeout: 90000 }).catch(() => {});
  const shownName = (await hostileRow.locator('th').first().textContent().catch(() => '')) ?? '';
  check(
    'the matrix shows markup, a script and markdown in a planted name as text',
    ['<img src=x onerror="window.__pwned=true">', '<script>window.__pwned=true</script>', '**bold**', '[link](https://evil.example.org)'].every(p => shownName.includes(p)),
    JSON.stringify(shownName),
  );
  check(
    'the matrix shows the escape and right-to-left characters of the name as visible escapes, never raw',
    shownName.includes('\\u{1B}[31mred') && shownName.includes('\\u{202E}evil') && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(shownName),
    JSON.stringify(shownName),
  );
  const page_ = await matrix.locator('#matrix').evaluate(root => ({
    elements: root.querySelectorAll('img, script, a, strong, em, iframe, object').length,
    pwned: window.__pwned === true,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  })).catch(e => ({ elements: -1, pwned: false, csp: String(e) }));
  check('no element or script came out of the planted name, and nothing of it ran', page_.elements === 0 && !page_.pwned, JSON.stringify(page_));
  check("the matrix runs under a strict CSP (default-src 'none', a nonce'd script, no inline or eval)", /default-src 'none'/.test(page_.csp) && /script-src 'nonce-[^']+'/.test(page_.csp) && !/unsafe-(inline|eval)/.test(page_.csp), page_.csp);
  const hostileCell = hostileRow.locator('button.cell').first();
  const cellLabel = (await hostileCell.getAttribute('aria-label').catch(() => '')) ?? '';
  check("a cell's accessible name carries the planted name as text too", cellLabel.includes('<script>window.__pwned=true</script>') && !/[\u0000-\u001f\u202e]/.test(cellLabel), JSON.stringify(cellLabel));
  await page.screenshot({ path: join(ARTIFACTS, 'matrix-hostile-names.png') });
  log('screenshot', join(ARTIFACTS, 'matrix-hostile-names.png'));

  // The README of the installed .vsix, in the Extensions view: the details page shows images
  // from https: URLs only, and this project has none, so the .vsix's copy of the README names
  // each screenshot in a line of text instead (scripts/test-host/vsix.mjs): no broken image.
  const screenshots = [...readFileSync(join(REPO, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(docs\/screenshots\//g)].length;
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Extensions: Show Installed Extensions');
  const installed = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'AI Tool Audit' }).first();
  await installed.waitFor({ timeout: 30000 });
  await installed.click();
  const details = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await details.locator('em', { hasText: 'docs/screenshots/' }).first().waitFor({ timeout: 30000 }).catch(() => {});
  const readme = await details
    .locator('body')
    .evaluate(body => ({ images: body.querySelectorAll('img').length, named: [...body.querySelectorAll('em')].filter(e => /docs\/screenshots\/[\w-]+\.png/.test(e.textContent ?? '')).length }))
    .catch(e => ({ images: -1, named: 0, error: String(e) }));
  check(`the README in the Extensions view names its ${screenshots} screenshots in text, with no broken image`, screenshots >= 3 && readme.images === 0 && readme.named === screenshots, JSON.stringify(readme));
  await page.screenshot({ path: join(ARTIFACTS, 'extension-readme.png') });
  log('screenshot', join(ARTIFACTS, 'extension-readme.png'));
} catch (e) {
  failed++;
  log('ERROR', e.stack ?? e.message);
  await browser?.page.screenshot({ path: join(ARTIFACTS, 'error.png') }).catch(() => {});
} finally {
  if (browser) writeFileSync(join(run, 'browser-console.log'), browser.consoleLines.join('\n'));
  await browser?.close();
  await server?.stop();
}
if (failed === 0) rmSync(run, { recursive: true, force: true });
else log(`run folder kept for inspection: ${run}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/**
 * An extension recognised as an assistant (AI category, a chat participant, an LLM SDK) whose
 * display name is hostile, with one medium finding (a timezone read) so that its matrix row
 * has a cell. Planted late, in this run's HOME only: the integration suite never sees it.
 */
function plantHostileNames(homeDir) {
  const dir = join(homeDir, '.vscode', 'extensions', 'payload.hostile-names-6.6.6');
  mkdirSync(dir, { recursive: true });
  const displayName = 'Payload Assistant <img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script> **bold** [link](https://evil.example.org) \u001b[31mred\u001b[0m \u202eevil';
  const manifest = {
    name: 'hostile-names',
    publisher: 'payload',
    displayName,
    description: 'A planted assistant with a hostile display name, for the E2E test of the capability matrix.',
    version: '6.6.6',
    engines: { vscode: '^1.90.0' },
    categories: ['AI', 'Chat'],
    main: './extension.js',
    contributes: { chatParticipants: [{ id: 'payload.chat', name: 'payload', description: 'Test fixture' }] },
    dependencies: { openai: '^4.0.0' },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'extension.js'), 'exports.activate = () => Intl.DateTimeFormat().resolvedOptions().timeZone;\n');
}

/** Drags the sash between the side bar and the editor so tree rows show in full. */
async function widenSideBar(page, x) {
  const sash = page.locator('.part.sidebar').first();
  const box = await sash.boundingBox();
  if (!box) return;
  const edge = box.x + box.width + 2;
  await page.mouse.move(edge, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}
