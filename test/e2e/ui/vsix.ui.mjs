#!/usr/bin/env node
// The install path a user takes: `npm run package` builds corpus-lens.vsix, a fresh code-server installs it
// with --install-extension (no development mode), opens repo/seeds, and a hover card works there too.
//
//   node test/e2e/ui/vsix.ui.mjs [--update-screenshots]      (CORPUS_LENS_E2E_VSIX=/path/x.vsix skips packaging)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHarness } from './harness.mjs';
import { DOC_003, PUTIN_CONTEXT, REPO, hoverUntil, openFile, openWorkbench, recordStartup, screenshot, snapshotOnFailure } from './workbench.mjs';

function npmRunPackage(timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      reject(new Error(`npm run package did not finish within ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`npm run package exited with ${code}\n${out.slice(-4000)}`));
    });
  });
}

export async function run(h, { updateScreenshots = false } = {}) {
  let vsix = process.env.CORPUS_LENS_E2E_VSIX ? path.resolve(process.env.CORPUS_LENS_E2E_VSIX) : null;
  if (!vsix) {
    await h.test('npm run package builds corpus-lens.vsix', async () => {
      const target = path.join(REPO, 'corpus-lens.vsix');
      fs.rmSync(target, { force: true });
      const out = await npmRunPackage(300_000);
      if (!fs.existsSync(target)) throw new Error(`npm run package succeeded but ${target} is missing\n${out.slice(-2000)}`);
      const kb = Math.round(fs.statSync(target).size / 1024);
      console.log(`       corpus-lens.vsix: ${kb} KiB`);
      vsix = target;
    }, { timeoutMs: 320_000 });
  }
  const name = 'installed .vsix: hover card on "Putin" in 003 names Vladimir Putin';
  if (!vsix) {
    h.fail(name, new Error('not run: no .vsix was built'));
    return;
  }
  await h.test(name, async () => {
    const wb = await openWorkbench({ installExtensions: [vsix] });
    try {
      await openFile(wb.page, DOC_003);
      await hoverUntil(wb.page, { word: 'Putin', context: PUTIN_CONTEXT, expect: /Vladimir Putin/, timeoutMs: 60_000 });
      recordStartup({ kind: 'vsix', codeServerHealthyMs: wb.cs.startedMs, firstHoverMs: Date.now() - wb.t0 });
      await screenshot(wb.page, 'vsix-hover.png', { docs: false });
    } catch (e) {
      await snapshotOnFailure(wb.page, 'vsix-hover');
      throw e;
    } finally {
      await wb.close();
    }
  }, { timeoutMs: 180_000 });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const h = createHarness('vsix');
  await run(h, { updateScreenshots: process.argv.includes('--update-screenshots') });
  console.log(`vsix: ${h.passed} passed, ${h.failed} failed`);
  process.exit(h.failed ? 1 : 0);
}
