// Driving the VS Code workbench (code-server in headless chromium) the way a person does: keyboard,
// mouse, and what is on screen. Used by the *.ui.mjs tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVSCode } from '../../../scripts/vscode/setup.mjs';
import { launchCodeServer, launchBrowser, waitUntil } from '../../../scripts/vscode/code-server-launch.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SEEDS = path.join(REPO, 'seeds');
export const RESULTS = path.resolve(process.env.CORPUS_LENS_E2E_RESULTS || path.join(REPO, 'test-results'));
export const DOC_003 = '003_05eff9d5d1b361e9.txt';
// The same bare "Putin" the extension-host suite hovers (003, third paragraph).
export const PUTIN_CONTEXT = 'presented Putin with';
export const RULE_CODES = ['unsourced-claim', 'vague-attribution', 'contradiction'];

/**
 * Starts code-server (with the extension in development mode, or with .vsix files installed) and a browser
 * on the workbench for `folder`. Returns { cs, page, context, t0, close() }.
 */
export async function openWorkbench({ extensionDevelopmentPath, installExtensions = [], folder = SEEDS } = {}) {
  const setup = await ensureVSCode({ quiet: true });
  const t0 = Date.now();
  const cs = await launchCodeServer({ setup, folder, extensionDevelopmentPath, installExtensions });
  let browser;
  try {
    browser = await launchBrowser({ chromium: setup.chromium });
    const { page } = browser;
    page.setDefaultTimeout(30_000);
    await page.goto(cs.workbenchUrl(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // The explorer lists the folder's files once the remote connection is up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
  } catch (e) {
    if (browser) await snapshotOnFailure(browser.page, 'workbench-start');
    if (browser) await browser.close();
    await cs.stop();
    throw e;
  }
  const close = async () => {
    await browser.close();
    await cs.stop();
  };
  return { cs, page: browser.page, context: browser.context, t0, close };
}

/** Opens a file by name with Quick Open (Ctrl+P), as a person would; waits for its editor to show text. */
export async function openFile(page, name) {
  await dismissNotifications(page);
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(name);
  // Wait for the file itself to be listed (the list fills in asynchronously).
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * Runs a command from the Command Palette (F1) by its label. The palette is opened again when it
 * closes before the label is typed (seen twice in CI: focus moving to the editor just after F1
 * left its input inert, then hidden).
 */
export async function runCommand(page, label) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${label}`, { timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Closes notification toasts so they don't cover what a screenshot should show. */
export async function dismissNotifications(page) {
  const toasts = page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close');
  const n = await toasts.count().catch(() => 0);
  for (let i = 0; i < n; i++) await toasts.nth(0).click({ timeout: 2000 }).catch(() => {});
}

/**
 * Screen rectangle of `word` inside the first visible editor line containing `context` (Monaco renders each
 * line as spans of text; spaces are non-breaking). Returns null when no visible line has it.
 */
export async function wordRect(page, word, context = word) {
  return page.evaluate(
    ({ word, context }) => {
      const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
      if (!editor) return null;
      for (const line of editor.querySelectorAll('.view-line')) {
        const text = (line.textContent || '').replace(/\u00a0/g, ' ');
        const at = text.indexOf(context);
        if (at < 0) continue;
        const start = at + context.indexOf(word);
        const end = start + word.length;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let pos = 0;
        let startSet = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent.length;
          if (!startSet && start < pos + len) { range.setStart(node, start - pos); startSet = true; }
          if (startSet && end <= pos + len) { range.setEnd(node, end - pos); break; }
          pos += len;
        }
        if (!startSet) continue;
        const r = range.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: range.toString() };
      }
      return null;
    },
    { word, context },
  );
}

/**
 * Moves the mouse onto `word` (in the line containing `context`) until the hover widget shows text
 * matching `expect`. Retries (mouse away and back) until `timeoutMs`: the language server may still be indexing.
 * Returns the hover's text.
 */
export async function hoverUntil(page, { word, context, expect, timeoutMs = 60_000 }) {
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ has: page.locator('.hover-contents, .monaco-hover-content') });
  let lastText = '';
  await waitUntil(
    async () => {
      const rect = await wordRect(page, word, context);
      if (!rect) throw new Error(`"${context}" is not on a visible editor line`);
      await page.mouse.move(rect.x + rect.width + 200, rect.y + 200);
      await page.waitForTimeout(50); // let the editor see the mouse leave
      await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 5000 });
        lastText = await hover.first().innerText();
        return expect.test(lastText);
      } catch {
        return false;
      }
    },
    { timeoutMs, intervalMs: 500, what: `a hover on "${word}" matching ${expect} (last hover text: ${JSON.stringify(lastText.slice(0, 300))})` },
  );
  return lastText;
}

/** Saves a screenshot to test-results/ (and to docs/screenshots/ when asked); returns the test-results path. */
export async function screenshot(page, name, { docs = false } = {}) {
  fs.mkdirSync(path.join(RESULTS, 'screenshots'), { recursive: true });
  const file = path.join(RESULTS, 'screenshots', name);
  await page.screenshot({ path: file, timeout: 20_000 });
  if (docs) {
    const target = path.join(REPO, 'docs', 'screenshots', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  return file;
}

export async function snapshotOnFailure(page, label) {
  try {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `ui-failure-${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path: file, timeout: 15_000 });
    console.log(`       screenshot: ${file}`);
  } catch (e) {
    console.log(`       (no screenshot: ${e.message})`);
  }
}

export function recordStartup(entry) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const line = JSON.stringify({ at: new Date().toISOString(), ...entry });
  fs.appendFileSync(path.join(RESULTS, 'startup.json'), line + '\n');
  console.log(`  startup: ${line}`);
}
