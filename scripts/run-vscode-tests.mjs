#!/usr/bin/env node
// Runs the integration test modules (out/test/integration) inside the extension host of a real
// VS Code: code-server from npm, driven by Debian's headless Chromium through playwright-core,
// the way VS Code runs its own browser integration tests. Two scenarios: a trusted workspace, and
// restricted mode (untrusted). With --screenshots it also saves pictures of the workbench under
// docs/images/. Usage: node scripts/run-vscode-tests.mjs [--screenshots] [--only trusted|restricted]
// With --scale N it instead opens a generated workspace of N meetings (the benchmark's corpus) and
// runs test/scale, which measures the extension at that size (`npm run bench:editor`): once from
// nothing, then again in the same workspace and profile, a warm start from the cache of the first.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, enableTestDriver, freePort, ROOT, startCodeServer, workbenchUrl } from './vscode-server.mjs';
import { takeScreenshots } from './screenshots.mjs';

// Generous: a scenario takes 1.5–2.5 min here, more when the machine is shared with other jobs.
const TIMEOUT_MS = 600_000;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const scenarios = ['trusted', 'restricted'].filter((name) => !only || name === only);
const scale = argv.includes('--scale') ? Number(argv[argv.indexOf('--scale') + 1]) : null;

if (!existsSync(join(ROOT, 'out/test/integration/index.js')) || !existsSync(join(ROOT, 'dist/extension.cjs'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

let failed = 0;
if (scale) {
  const corpus = execFileSync(process.execPath, [join(ROOT, 'out/bench/run.js'), '--write-corpus', String(scale)], { encoding: 'utf8' }).trim();
  const work = mkdtempSync(join(tmpdir(), 'meetings-scale-'));
  // The workspace's storage (where the cache is) is named after its URI, which holds the server's port.
  const port = await freePort();
  // Without hot exit: the second start must not restore the editor the first one typed in.
  for (const phase of ['cold', 'warm']) {
    failed += await runScenario('trusted', { fixture: corpus, tests: 'out/test/scale/index.js', timeoutMs: 1_800_000, work, port, keep: phase === 'cold', env: { MEETINGS_SCALE_PHASE: phase }, settings: { 'files.hotExit': 'off' } });
    if (failed) break;
  }
  process.exit(failed > 0 ? 1 : 0);
}
for (const scenario of scenarios) {
  failed += await runScenario(scenario);
}
// Pictures for the docs are not a test: a failure to take them is reported, not fatal.
if (argv.includes('--screenshots') && failed === 0) await screenshots().catch((error) => console.warn(`Screenshots not taken: ${error.message}`));
process.exit(failed > 0 ? 1 : 0);

/** `work` given: that folder (workspace and profile) is used, and its workspace copied only once; `keep` leaves it for a next run. */
async function runScenario(scenario, { fixture = join(ROOT, 'test/fixtures/workspace'), tests = 'out/test/integration/index.js', timeoutMs = TIMEOUT_MS, work = mkdtempSync(join(tmpdir(), `meetings-it-${scenario}-`)), port, keep = false, env = {}, settings = {} } = {}) {
  const started = Date.now();
  const workspace = join(work, 'workspace');
  if (!existsSync(workspace)) cpSync(fixture, workspace, { recursive: true });
  const resultsFile = join(work, 'results.json');
  rmSync(resultsFile, { force: true }); // a run that writes none must not pass on an earlier run's results
  const server = await startCodeServer({
    workDir: join(work, 'server'),
    port,
    settings,
    trust: scenario === 'trusted',
    env: { MEETINGS_TEST_RESULTS: resultsFile, MEETINGS_TEST_SCENARIO: scenario, MEETINGS_REPO: ROOT, ...pick(process.env, ['MEETINGS_SCALE_PROFILE', 'MEETINGS_SCALE_PROBLEMS', 'MEETINGS_SCALE_NO_WORKERS']), ...env },
  });
  let browser;
  let exitCode = 'timeout';
  try {
    // A browser profile of its own each time: a second run in the same folder starts from the same
    // workbench (no views or editors restored), with the same server-side storage.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(work, 'chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: CHROMIUM_ARGS,
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.addInitScript(enableTestDriver);
    const remote = (path) => `vscode-remote://${server.host}${path}`;
    await page.goto(
      workbenchUrl(server.host, workspace, [
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(join(ROOT, tests))],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
      ]),
    );
    exitCode = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))]);
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
  }
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : null;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nVS Code ${results?.vscodeVersion ?? '?'} (${scenario} workspace${env.MEETINGS_SCALE_PHASE ? `, ${env.MEETINGS_SCALE_PHASE} start` : ''}), ${seconds} s`);
  for (const test of results?.tests ?? []) {
    console.log(`  ${test.state === 'passed' ? '✔' : '✖'} ${test.title}${test.state === 'passed' ? '' : `\n      ${test.error}`}`);
  }
  const passed = results && exitCode === 0 && results.failures === 0 && results.tests.length > 0;
  if (!passed) {
    console.log(`  ✖ run ended with ${exitCode}; ${results ? `${results.failures} failing` : 'no results file'}; logs in ${work}`);
    console.log(server.output.join('').split('\n').slice(-30).join('\n'));
    return 1;
  }
  console.log(`  ${results.tests.length} passing`);
  for (const [name, value] of Object.entries(results.metrics ?? {})) console.log(`  ${name}: ${value}`);
  if (!keep) rmSync(work, { recursive: true, force: true });
  return 0;
}

function pick(object, keys) {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]));
}

async function screenshots() {
  const work = mkdtempSync(join(tmpdir(), 'meetings-shots-'));
  const workspace = join(work, 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({ workDir: join(work, 'server') });
  try {
    const out = join(ROOT, 'docs/images');
    mkdirSync(out, { recursive: true });
    await takeScreenshots({ server, workspace, out, chromium: CHROMIUM });
    console.log(`Screenshots saved in docs/images/`);
  } finally {
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
