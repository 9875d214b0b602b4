#!/usr/bin/env node
// UI tests in the real workbench: Corpus Lens loaded in development mode (repo root, built dist/),
// folder repo/seeds. Hover card on "Putin" in 003, the Problems panel, the Outline view; screenshots;
// time from code-server start to the first hover card (test-results/startup.json).
//
//   node test/e2e/ui/workbench.ui.mjs [--update-screenshots]
// --update-screenshots (or CORPUS_LENS_UPDATE_SCREENSHOTS=1) also copies the screenshots to docs/screenshots/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHarness } from './harness.mjs';
import {
  DOC_003,
  PUTIN_CONTEXT,
  REPO,
  RULE_CODES,
  dismissNotifications,
  hoverUntil,
  openFile,
  openWorkbench,
  recordStartup,
  runCommand,
  screenshot,
  snapshotOnFailure,
} from './workbench.mjs';

export async function run(h, { updateScreenshots = false, extensionDevelopmentPath = process.env.CORPUS_LENS_E2E_DEV_PATH || REPO } = {}) {
  let wb;
  const setupOk = await h.test('workbench opens the seeds folder with Corpus Lens in development mode', async () => {
    wb = await openWorkbench({ extensionDevelopmentPath });
  }, { timeoutMs: 120_000 });
  if (!setupOk) {
    for (const name of ['hover card on "Putin" in 003 names Vladimir Putin', 'code lens above the first mention counts the actor across documents', 'Problems panel shows a Corpus Lens finding', 'Outline view shows the symbols of 003']) {
      h.fail(name, new Error('not run: the workbench did not open'));
    }
    return;
  }
  const { page, cs, t0 } = wb;
  try {
    await h.test('hover card on "Putin" in 003 names Vladimir Putin', async () => {
      try {
        await openFile(page, DOC_003);
        const text = await hoverUntil(page, { word: 'Putin', context: PUTIN_CONTEXT, expect: /Vladimir Putin/, timeoutMs: 60_000 });
        const firstHoverMs = Date.now() - t0;
        recordStartup({ kind: 'development', codeServerHealthyMs: cs.startedMs, firstHoverMs });
        await screenshot(page, 'hover.png', { docs: updateScreenshots });
        if (!/Vladimir Putin/.test(text)) throw new Error(`hover text: ${text}`);
      } catch (e) {
        await snapshotOnFailure(page, 'hover');
        throw e;
      }
    }, { timeoutMs: 120_000 });

    await h.test('code lens above the first mention counts the actor across documents', async () => {
      try {
        await page.mouse.move(5, 400);
        await page.keyboard.press('Escape');
        const lens = page.locator('.codelens-decoration', { hasText: /Vladimir Putin: \d+ mentions in 5 documents/ }).first();
        await lens.waitFor({ state: 'visible', timeout: 30_000 });
        await screenshot(page, 'lenses.png', { docs: updateScreenshots });
      } catch (e) {
        await snapshotOnFailure(page, 'lenses');
        throw e;
      }
    }, { timeoutMs: 60_000 });

    await h.test('Problems panel shows a Corpus Lens finding', async () => {
      try {
        await page.mouse.move(5, 400);
        await page.keyboard.press('Escape');
        await dismissNotifications(page);
        await page.keyboard.press('Control+Shift+M');
        const panel = page.locator('.markers-panel');
        await panel.waitFor({ state: 'visible', timeout: 15_000 });
        const codeRe = new RegExp(RULE_CODES.join('|'));
        const finding = panel.locator('.monaco-list-row', { hasText: codeRe }).first();
        await finding.waitFor({ state: 'visible', timeout: 60_000 });
        const text = await finding.innerText();
        await screenshot(page, 'problems.png', { docs: updateScreenshots });
        if (!codeRe.test(text)) throw new Error(`finding row: ${text}`);
      } catch (e) {
        await snapshotOnFailure(page, 'problems');
        throw e;
      }
    }, { timeoutMs: 120_000 });

    await h.test('Outline view shows the symbols of 003', async () => {
      try {
        await page.keyboard.press('Control+Shift+M'); // close the panel again: more room for the editor
        await page.locator('.tabs-container .tab', { hasText: DOC_003 }).first().click();
        await runCommand(page, 'Focus on Outline View');
        // Collapse the file list so the Outline gets the side bar's height.
        const folderHeader = page.locator('.pane-header', { has: page.locator('.title', { hasText: /^seeds$/i }) }).first();
        if ((await folderHeader.getAttribute('aria-expanded').catch(() => null)) === 'true') await folderHeader.click();
        const outline = page.locator('.outline-pane');
        await outline.waitFor({ state: 'visible', timeout: 15_000 });
        await outline.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
        await page.mouse.move(5, 400);
        await screenshot(page, 'outline.png', { docs: updateScreenshots });
      } catch (e) {
        await snapshotOnFailure(page, 'outline');
        throw e;
      }
    }, { timeoutMs: 90_000 });
  } finally {
    await wb.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const h = createHarness('ui');
  const update = process.argv.includes('--update-screenshots') || process.env.CORPUS_LENS_UPDATE_SCREENSHOTS === '1';
  await run(h, { updateScreenshots: update });
  console.log(`ui: ${h.passed} passed, ${h.failed} failed`);
  process.exit(h.failed ? 1 : 0);
}
