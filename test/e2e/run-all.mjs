#!/usr/bin/env node
// All end-to-end tests in a real VS Code, in one command:
//   1. setup     Node 24 + code-server + Debian chromium (scripts/vscode/setup.mjs; cached outside the repo)
//   2. build     node scripts/build.mjs && node scripts/build.mjs --tests      (skip: CORPUS_LENS_E2E_SKIP_BUILD=1)
//   3. suite     the extension-host mocha suite through @vscode/test-electron's runTests (test/e2e/runTests.mjs)
//   4. ui        Playwright in the workbench: hover card, Problems, Outline, start-up time (test/e2e/ui/workbench.ui.mjs)
//   5. vsix      npm run package, install the .vsix into a fresh code-server, hover there (skip: CORPUS_LENS_E2E_SKIP_VSIX=1)
// Last line: "e2e: N passed, N failed"; exit code 1 if anything failed.
//
//   node test/e2e/run-all.mjs [--update-screenshots]
// Limits: CORPUS_LENS_E2E_TOTAL_TIMEOUT_MS (whole run, default 25 min), each step has its own.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVSCode } from '../../scripts/vscode/setup.mjs';
import { createHarness } from './ui/harness.mjs';
import { run as runWorkbenchUI } from './ui/workbench.ui.mjs';
import { run as runVsixUI } from './ui/vsix.ui.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const t0 = Date.now();
const TOTAL_MS = Number(process.env.CORPUS_LENS_E2E_TOTAL_TIMEOUT_MS || 25 * 60_000);
const updateScreenshots = process.argv.includes('--update-screenshots') || process.env.CORPUS_LENS_UPDATE_SCREENSHOTS === '1';

const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const timings = {};

function secs(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function finish(extraNote) {
  if (extraNote) console.log(extraNote);
  console.log(`\ne2e timings: ${Object.entries(timings).map(([k, v]) => `${k} ${secs(v)}`).join(', ')}; total ${secs(Date.now() - t0)}`);
  if (failures.length) console.log(`e2e failures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  if (counts.skipped) console.log(`e2e skipped: ${counts.skipped}`);
  console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

const watchdog = setTimeout(() => {
  counts.failed += 1;
  failures.push(`the whole e2e run exceeded its limit of ${secs(TOTAL_MS)}`);
  finish();
}, TOTAL_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    counts.failed += 1;
    failures.push(`interrupted by ${sig}`);
    finish();
  });
}

/** Runs a command, echoing its output; resolves { code, out } (never rejects). */
function run(cmd, args, { timeoutMs, env = process.env, echo = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => { out += d; if (echo) process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; if (echo) process.stderr.write(d); });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
    }, timeoutMs);
    child.on('error', (e) => { out += String(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 'timeout' : code, out });
    });
  });
}

async function step(name, fn) {
  const t = Date.now();
  console.log(`\n=== e2e ${name} ===`);
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - t;
  }
}

// 1. setup
const setupOk = await step('setup', async () => {
  try {
    await ensureVSCode();
    return true;
  } catch (e) {
    counts.failed += 1;
    failures.push(`setup: ${e.message}`);
    console.log(`setup failed: ${e.message}`);
    return false;
  }
});
if (!setupOk) finish();

// 2. build
if (process.env.CORPUS_LENS_E2E_SKIP_BUILD !== '1') {
  const buildOk = await step('build', async () => {
    for (const args of [['scripts/build.mjs'], ['scripts/build.mjs', '--tests']]) {
      const r = await run(process.execPath, args, { timeoutMs: 300_000 });
      if (r.code !== 0) {
        counts.failed += 1;
        failures.push(`build: node ${args.join(' ')} exited with ${r.code}`);
        return false;
      }
    }
    return true;
  });
  if (!buildOk) finish('e2e: the build failed, no test was run');
}

// 3. the extension-host suite (mocha inside VS Code's extension host)
await step('suite', async () => {
  const r = await run(process.execPath, [path.join(repo, 'test', 'e2e', 'runTests.mjs')], { timeoutMs: 12 * 60_000 });
  const lines = [...r.out.matchAll(/E2E-SUITE-RESULT (\{.*\})/g)];
  if (lines.length === 0) {
    counts.failed += 1;
    failures.push(`extension-host suite: no result reported (runTests exit ${r.code})`);
    return;
  }
  const res = JSON.parse(lines.at(-1)[1]);
  counts.passed += res.passed;
  counts.failed += res.failed;
  counts.skipped += res.pending;
  if (res.failed) failures.push(`extension-host suite: ${res.failed} failed (see the mocha output above)`);
  if (res.failed === 0 && r.code !== 0) {
    counts.failed += 1;
    failures.push(`extension-host suite: mocha reported no failure but the run exited with ${r.code}`);
  }
});

// 4. UI tests in the workbench
await step('ui', async () => {
  const h = createHarness('ui');
  try {
    await runWorkbenchUI(h, { updateScreenshots });
  } catch (e) {
    h.fail('workbench UI tests', e);
  }
  counts.passed += h.passed;
  counts.failed += h.failed;
  for (const r of h.results.filter((x) => !x.ok)) failures.push(`ui: ${r.name}: ${String(r.error?.message || r.error).split('\n')[0]}`);
});

// 5. the .vsix install path
if (process.env.CORPUS_LENS_E2E_SKIP_VSIX !== '1') {
  await step('vsix', async () => {
    const h = createHarness('vsix');
    try {
      await runVsixUI(h, { updateScreenshots });
    } catch (e) {
      h.fail('vsix UI tests', e);
    }
    counts.passed += h.passed;
    counts.failed += h.failed;
    for (const r of h.results.filter((x) => !x.ok)) failures.push(`vsix: ${r.name}: ${String(r.error?.message || r.error).split('\n')[0]}`);
  });
}

finish();
