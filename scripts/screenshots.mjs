// Pictures of the workbench for the README: the problems of a meeting, the Open Actions tree, a
// quick fix and completion while writing, taken in code-server with the extension loaded on the example workspace.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, enableTestDriver, ROOT, workbenchUrl } from './vscode-server.mjs';

export async function takeScreenshots({ server, workspace, out, chromium: executablePath }) {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.addInitScript(enableTestDriver);
    const remote = (path) => `vscode-remote://${server.host}${path}`;
    await page.goto(workbenchUrl(server.host, workspace, [['extensionDevelopmentPath', remote(ROOT)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']]));
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.getByRole('treeitem', { name: /meetings/ }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2500);

    await openFile(page, '2026-11-24-launch-kickoff.md');
    await page.waitForSelector('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', { timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, 'problems.png') });

    await page.keyboard.press('Control+G');
    await page.keyboard.type('22');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget', { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, 'quick-fix.png') });
    await page.keyboard.press('Escape');

    await page.locator('.activitybar [aria-label^="Meetings"], .activitybar [aria-label^="会议"]').first().click();
    await page.waitForSelector('.pane-header[aria-label^="Open Actions"], .pane-header[aria-label^="未完成行动项"]', { timeout: 20_000 }).catch(() => {});
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, 'actions-tree.png') });

    // Writing: owners offered after @ (attendees first), owners, dates and priorities highlighted.
    await openFile(page, '2026-11-20-ops-weekly.md');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('38');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- [ ] 整理客服排班表 @');
    await page.waitForSelector('.suggest-widget.visible', { timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(out, 'completion.png') });
    await page.keyboard.press('Escape');
  } finally {
    await browser.close();
  }
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type(name);
  await page.waitForTimeout(1200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });
  await page.waitForTimeout(1500);
}
