#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It accepts the Electron-style arguments runTests passes:
//   --extensionDevelopmentPath=ABS  --extensionTestsPath=ABS  [folder]  (anything else is ignored)
// and runs the extension tests in a real VS Code that works on these machines: code-server (workbench +
// Node extension host) with --vscode-option enable-smoke-test-driver, opened in headless Debian chromium
// via playwright-core. The workbench reports the tests' result through window.codeAutomationExit(code);
// this script exits with that code. The extension host's console (mocha's output) is forwarded to stdout.
//
// Environment:
//   CORPUS_LENS_E2E_TIMEOUT_MS   limit for the whole run (default 600000)
//   CORPUS_LENS_E2E_RESULTS      folder for failure screenshots and logs (default <cwd>/test-results)
//   CORPUS_LENS_E2E_VERBOSE=1    also forward workbench console noise and the code-server log
import fs from 'node:fs';
import path from 'node:path';
import { ensureVSCode } from './setup.mjs';
import { launchCodeServer, launchBrowser, forwardWorkbenchLog } from './code-server-launch.mjs';

const t0 = Date.now();
const TIMEOUT_MS = Number(process.env.CORPUS_LENS_E2E_TIMEOUT_MS || 600_000);
const RESULTS = path.resolve(process.env.CORPUS_LENS_E2E_RESULTS || path.join(process.cwd(), 'test-results'));
const VERBOSE = process.env.CORPUS_LENS_E2E_VERBOSE === '1';

function say(msg) {
  process.stderr.write(`[vscode-test-shim +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);
}

export function parseArgs(argv) {
  const out = { extensionDevelopmentPath: [], extensionTestsPath: null, folder: null, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (m) {
      const [, name, inline] = m;
      const value = () => (inline !== undefined ? inline : argv[++i]);
      if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(path.resolve(value()));
      else if (name === 'extensionTestsPath') out.extensionTestsPath = path.resolve(value());
      else out.ignored.push(a);
    } else if (!out.folder) {
      out.folder = path.resolve(a);
    } else {
      out.ignored.push(a);
    }
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) throw new Error('missing --extensionTestsPath=...');
  if (args.extensionDevelopmentPath.length === 0) throw new Error('missing --extensionDevelopmentPath=...');
  if (args.extensionDevelopmentPath.length > 1) say(`only the first --extensionDevelopmentPath is used: ${args.extensionDevelopmentPath[0]}`);
  // The extension host loads extensionTestsPath as a module: accept both a file and a folder with index.js.
  let testsPath = args.extensionTestsPath;
  if (fs.existsSync(testsPath) && fs.statSync(testsPath).isDirectory()) testsPath = path.join(testsPath, 'index.js');
  else if (!fs.existsSync(testsPath) && fs.existsSync(testsPath + '.js')) testsPath += '.js';
  if (!fs.existsSync(testsPath)) throw new Error(`extensionTestsPath does not exist: ${args.extensionTestsPath}`);
  say(`dev=${args.extensionDevelopmentPath[0]} tests=${testsPath} folder=${args.folder ?? '(none)'}`);

  const setup = await ensureVSCode({ quiet: true });
  let cs;
  let browser;
  let exitCode = 1;
  let finished = false;
  let flushLog = async () => {};
  const timer = setTimeout(() => {
    if (!finished) {
      say(`time limit of ${TIMEOUT_MS} ms reached`);
      onDone(null, `timed out after ${TIMEOUT_MS} ms`);
    }
  }, TIMEOUT_MS);
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  function onDone(code, why) {
    if (finished) return;
    finished = true;
    resolveDone({ code, why });
  }

  try {
    cs = await launchCodeServer({
      setup,
      folder: args.folder || undefined,
      extensionDevelopmentPath: args.extensionDevelopmentPath[0],
      extensionTestsPath: testsPath,
      smokeTestDriver: true,
      keepDir: true,
    });
    if (VERBOSE) cs.onOutput((s) => process.stderr.write(s.replace(/^/gm, '  [server] ')));
    cs.onOutput(() => {
      const ex = cs.exited();
      if (ex) onDone(null, `code-server exited (${ex.code ?? ex.signal})`);
    });

    browser = await launchBrowser({ chromium: setup.chromium });
    const { context, page } = browser;
    await context.exposeFunction('codeAutomationExit', (code) => {
      say(`workbench reported codeAutomationExit(${code})`);
      onDone(Number(code), 'codeAutomationExit');
    });
    // The extension host's console (mocha's reporter) arrives through the workbench's log service.
    const forward = forwardWorkbenchLog(
      page,
      (text, level) => {
        if (level === 'page') process.stderr.write(`  ${text}\n`);
        else process.stdout.write(`${level === 'info' || level === 'debug' || level === 'trace' ? '' : `[${level}] `}${text.replace(/\s+$/, '')}\n`);
      },
      { verbose: VERBOSE },
    );
    flushLog = forward.flush;
    page.on('pageerror', (e) => { if (VERBOSE) say(`page error: ${e.message}`); });
    page.on('crash', () => onDone(null, 'the browser page crashed'));
    page.on('close', () => onDone(null, 'the browser page closed'));

    const url = cs.workbenchUrl();
    say(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const { code, why } = await done;
    await Promise.race([flushLog(), new Promise((r) => setTimeout(r, 5000))]);
    exitCode = code ?? 1;
    if (code !== 0) {
      say(`FAILED: ${why}${code != null ? ` (exit code ${code})` : ''}`);
      await reportFailure(page, cs);
    } else {
      say('passed');
    }
  } catch (e) {
    say(`FAILED: ${e.stack || e.message}`);
    if (browser) await reportFailure(browser.page, cs);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
    finished = true;
    if (browser) await browser.close();
    if (cs) {
      await cs.stop();
      if (exitCode === 0) fs.rmSync(cs.dir, { recursive: true, force: true });
      else say(`code-server folder kept for inspection: ${cs.dir}`);
    }
  }
  say(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit code ${exitCode}`);
  return exitCode;
}

async function reportFailure(page, cs) {
  try {
    fs.mkdirSync(RESULTS, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const shot = path.join(RESULTS, `vscode-test-shim-failure-${stamp}.png`);
    await page.screenshot({ path: shot, timeout: 15_000 });
    say(`screenshot of the workbench: ${shot}`);
    const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    const notifications = await page
      .$$eval('.notification-toast, .notifications-toasts .monaco-list-row', (els) => els.map((e) => e.innerText))
      .catch(() => []);
    say(`the page showed:\n${String(text).slice(0, 3000).replace(/^/gm, '  | ')}`);
    if (notifications.length) say(`notifications:\n${notifications.join('\n').replace(/^/gm, '  ! ')}`);
  } catch (e) {
    say(`could not capture the page: ${e.message}`);
  }
  if (cs) {
    const log = cs.output().split('\n').slice(-60).join('\n');
    say(`last lines of the code-server log (${cs.logFile}):\n${log.replace(/^/gm, '  > ')}`);
    try {
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.copyFileSync(cs.logFile, path.join(RESULTS, 'vscode-test-shim-code-server.log'));
    } catch { /* best effort */ }
  }
}

// runTests sends SIGINT on Ctrl+C: exit, which stops code-server (see code-server-launch.mjs) and the browser.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { say(`${sig}: stopping`); process.exit(130); });

main().then(
  (code) => process.exit(code),
  (e) => { say(`FAILED: ${e.stack || e.message}`); process.exit(1); },
);
